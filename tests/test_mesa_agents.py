"""The Mesa model's agents own their state, its space measures the room, and one tuple orders a
second for both drivers (simulation.phases.PHASES)."""

from __future__ import annotations

import ast
import inspect

import numpy as np
import pytest

from simulation import room
from simulation.caregiving import CaregiverProfile
from simulation.codes import Action, AdultAct, Held
from simulation.dyad_state import STATE
from simulation.mesa_model import (
    Caregiver,
    Infant,
    Procedure,
    Stranger,
    StrangeSituationModel,
    owned_fields,
    run_dyad,
)
from simulation.phases import PHASES, ROLES
from simulation.rules.per_second import run_second

PROFILE = CaregiverProfile(0.5, 0.3, 0.6, 0.3)  # a mix that exercises every behaviour


def _name(rule) -> str:
    fn = rule.py_func
    return f"{fn.__module__}.{fn.__name__}"


def _phase_rules() -> list[str]:
    return [_name(rule) for phase in PHASES for rule in phase.rules]


def test_every_field_of_the_dyad_record_is_owned_by_exactly_one_agent():
    owners = {cls: owned_fields(cls) for cls in (Procedure, Infant, Caregiver, Stranger)}
    every = [name for fields in owners.values() for name in fields]
    assert sorted(every) == sorted(STATE.names)  # each field once, none left over
    model = StrangeSituationModel(PROFILE, infant_id=3, seed=7)
    # an agent's view holds its own fields only
    assert set(model.infant.state) == set(owners[Infant])
    assert all(np.shares_memory(view, model.state) for view in model.infant.state.values())
    with pytest.raises(KeyError):
        model.infant.state["cg_x"]
    assert model.caregiver.activity == AdultAct.HOLDING and model.caregiver.present
    assert model.stranger.activity == AdultAct.ABSENT and not model.stranger.present
    assert model.infant.held == Held.CAREGIVER and model.procedure.episode == 1


def test_agents_attributes_are_the_state_the_rules_run_on():
    calm, upset = (StrangeSituationModel(PROFILE, infant_id=3, seed=7) for _ in range(2))
    # written through the agent, read by the rules: an infant set to full arousal is still
    # more aroused a second later than its calm twin, and the trace has what the agent holds
    upset.infant.arousal = np.float32(1.0)
    assert upset.dyad["arousal"] == np.float32(1.0) and calm.dyad["arousal"] < 0.2
    calm.step()
    upset.step()
    assert upset.infant.arousal > calm.infant.arousal + np.float32(0.3)
    for model in (calm, upset):
        assert model.infant.arousal == np.float32(model.trace()["internal_arousal"].iloc[0])


@pytest.fixture(scope="module")
def stepped():
    """Infant 3 run phase by phase: what each agent held at each second, and the trace."""
    model = StrangeSituationModel(PROFILE, infant_id=3, seed=7)
    seen = []
    while model.running:
        perceived = None
        for phase in PHASES:
            model.perform(phase)
            if phase.does == "perceive":  # the space at the moment the infant perceives
                per = model.infant.perception
                perceived = (model.infant.distance_to(model.caregiver), per["d_cg"],
                             model.infant.distance_to(model.stranger), per["d_st"],
                             bool(per["contact_cg"]), bool(per["held_cg"]),
                             bool(model.caregiver.present))
        observed = (model.infant.arousal, model.infant.action, model.infant.cry,
                    model.infant.pos, (model.infant.x, model.infant.y),
                    model.caregiver.pos, (model.caregiver.x, model.caregiver.y),
                    model.caregiver.activity, model.stranger.activity,
                    model.procedure.episode)
        seen.append((perceived, observed))
        model.record_second()
    return seen, model.trace()


def test_stepping_phase_by_phase_is_the_model_step(stepped):
    _, trace = stepped
    whole = StrangeSituationModel(PROFILE, infant_id=3, seed=7).run().trace()
    assert trace.equals(whole)


def test_the_infants_attributes_are_the_trace(stepped):
    seen, trace = stepped
    rows = trace.to_dict("records")
    assert len(rows) == len(seen) - 1  # the second after the end is not recorded
    for (_, (arousal, action, cry, pos, xy, cg_pos, cg_xy, cg_act, st_act, episode)), row \
            in zip(seen, rows, strict=False):
        assert isinstance(arousal, np.float32)
        assert arousal == np.float32(row["internal_arousal"])
        assert action == row["action"] and action.name.lower() == row["action_name"]
        assert cry == row["cry"]
        assert pos == xy and cg_pos == cg_xy  # the space has them where the rules put them
        assert (float(pos[0]), float(pos[1])) == (row["x"], row["y"])
        assert cg_act == row["caregiver_act"] and st_act == row["stranger_act"]
        assert episode == row["episode"]
    assert {Action(a) for a in trace["action"]} >= {Action.EXPLORE, Action.APPROACH}


def test_the_space_measures_what_the_infant_perceives(stepped):
    seen, trace = stepped
    present = 0
    for (d_cg, per_cg, d_st, per_st, contact, held, cg_in), _ in seen:
        assert d_cg == per_cg and d_st == per_st  # bit for bit: float32, as the rules
        if cg_in:
            present += 1
            assert contact == (held or d_cg <= np.float32(room.CONTACT_DISTANCE))
    assert present > 600
    # the zones a coder sees are the space's distances, zoned
    for row in trace.itertuples():
        for who in ("caregiver", "stranger"):
            d = getattr(row, f"distance_{who}")
            zone = getattr(row, f"zone_{who}")
            if np.isnan(d):
                assert zone == 9
            else:
                held = row.held == (Held.CAREGIVER if who == "caregiver" else Held.STRANGER)
                assert zone == room.zone(np.float32(d), True, held)
    assert (trace["distance_caregiver"] < room.CONTACT_DISTANCE).any()


def test_the_compiled_second_runs_the_declared_phases_in_order():
    """The cohort engine's second calls exactly the rules of PHASES, in that order."""
    fn = run_second.py_func
    body = ast.parse(inspect.getsource(fn).lstrip()).body[0].body
    called = []
    for statement in body:
        if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Call):
            target = statement.value.func
            if isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name):
                called.append(getattr(fn.__globals__[target.value.id], target.attr))
            elif isinstance(target, ast.Name):
                called.append(fn.__globals__[target.id])
    assert [_name(rule) for rule in called] == _phase_rules()
    assert ROLES == ("procedure", "infant", "caregiver", "stranger")


def test_the_mesa_model_runs_the_declared_phases_in_order(monkeypatch):
    """Every phase is done by the agent PHASES names, calling exactly its rules, in order."""
    import sys

    calls = []
    for phase in PHASES:
        for rule in phase.rules:
            module = sys.modules[rule.py_func.__module__]
            name = rule.py_func.__name__

            def watched(*args, _rule=rule, _phase=phase):
                calls.append((_phase.who, _phase.does, _name(_rule)))
                return _rule(*args)

            monkeypatch.setattr(module, name, watched)
    doing = []
    for cls in (Infant, Caregiver, Stranger, Procedure):
        for method in {phase.does for phase in PHASES}:
            if hasattr(cls, method):
                original = getattr(cls, method)

                def done(self, _original=original, _method=method):
                    doing.append((type(self).__name__.lower(), _method))
                    return _original(self)

                monkeypatch.setattr(cls, method, done)
    model = StrangeSituationModel(PROFILE, infant_id=3, seed=7)
    model.step()
    assert doing == [(phase.who, phase.does) for phase in PHASES]
    expected = [(phase.who, phase.does, _name(rule)) for phase in PHASES for rule in phase.rules]
    assert calls == expected


def test_the_trace_keeps_the_motive_behind_each_act_out_of_the_record():
    """The record holds acts; the trace also has the motive each act showed (internal), and the
    record built from the trace does not carry it."""
    from simulation.codes import Motive
    from simulation.presets import get_preset

    for seed in range(12):  # the first dyad of the preset that resists angrily
        model = run_dyad(get_preset("inconsistent").profile, seed=seed)
        trace = model.trace()
        angry = trace["internal_motive"] == int(Motive.RESIST_ANGRY)
        if angry.any():
            break
    acts = {Action(a) for a in trace.loc[angry, "action"]}
    assert acts and acts <= {Action.PUSH_AWAY, Action.KICK, Action.SQUIRM, Action.THROW_TOY}
    assert not hasattr(model.record(), "internal_motive")
