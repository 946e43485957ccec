"""One dyad as a Mesa model: the infant, the caregiver and the stranger as agents in the room.

Each agent owns its state as attributes: the infant its position, arousal, crying drive,
frustration, what it does (action, target, crying, gaze), who holds it, what it learned at home
(its working model, and the dispositions that follow from it) and what it perceives this second;
each adult her presence, position, act and the counters of what the infant has been doing toward
her; the procedure its episode and clocks. An attribute of state is the agent's own field of
the dyad's state record (:mod:`simulation.dyad_state`): the agent holds a view of its fields
only, and reading ``infant.arousal`` gives the float32 the rules left there. The rules
(:mod:`simulation.rules`) are compiled and read the record whole (the caregiver's rule reads
what the infant does); the cohort engine runs the same rules on the same record type, so that
infant k run here has its trajectory in any cohort, bit for bit (docs/design.md,
reproducibility). Attributes held apart from the record (copied in before each rule, out after
it) would give the same numbers, float32 surviving the trip through Python floats, but every
phase would copy the whole state twice (each rule reads the whole record) and two copies could
disagree; the views keep one copy.

Each second runs the phases of :data:`simulation.phases.PHASES` in order, each done by the agent
it names through its agent set (no scheduler, no shuffling). The room is a
``mesa.space.ContinuousSpace``: every agent is placed at its position and moved after every
phase that moves it; the trace's distances are the space's (``space.get_distance``, float32 as
the rules compute it: the infant's perceived distances, bit for bit).

Mesa's generator (``model.rng``, seeded with the root seed) makes no decision: every draw is
keyed by (seed, infant, purpose, second) (:mod:`simulation.rng`), which is what lets infant k
replay alone.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import mesa
import numpy as np
import pandas as pd
from mesa.datacollection import DataCollector
from mesa.space import ContinuousSpace

from . import dyad_state, rng, room
from .codes import Action, AdultAct, Cry, Gaze, Held, Motive, Target
from .observer import Coding, code_record
from .params import ModelParams
from .phases import PHASES, Phase
from .population import Population
from .preparation import Care, Prepared, Setup, care_columns, prepare
from .record import RECORD_FIELDS, BehaviourRecord
from .rules import adults, infant, perception, transitions
from .rules import unresolved as unresolved_rules
from .rules.catalogue import ssp_params
from .rules.dispositions import dispositions
from .rules.jit import records
from .rules.observable import N_FIELDS, observe
from .strange_situation import toy_spots
from .temperament import Temperament, TemperamentDistribution


class Own:
    """A state variable of an agent: its field ``prefix + field`` of the dyad's record.

    Read, the value as the rules left it (a numpy scalar or array: arousal is a float32), or as
    the code ``kind`` (e.g. :class:`~simulation.codes.Action`); set, it writes the record.
    """

    def __init__(self, field: str | None = None, kind: Callable[[int], Any] | None = None):
        self.field = field
        self.kind = kind

    def __set_name__(self, owner: type, name: str) -> None:
        self.field = self.field or name

    def __get__(self, agent: Any, owner: type | None = None) -> Any:
        if agent is None:
            return self
        value = agent.state[agent.prefix + self.field][0]
        return value if self.kind is None else self.kind(int(value))

    def __set__(self, agent: Any, value: Any) -> None:
        agent.state[agent.prefix + self.field][0] = value


def owned_fields(cls: type) -> tuple[str, ...]:
    """The fields of the dyad's record that agents of ``cls`` own (their :class:`Own`
    attributes, with the class's prefix)."""
    names = {}
    for klass in reversed(cls.__mro__):
        for value in vars(klass).values():
            if isinstance(value, Own):
                names[cls.prefix + value.field] = None
    return tuple(names)


def own_view(state: np.ndarray, cls: type) -> dict[str, np.ndarray]:
    """The part of the dyad's record ``state`` (an array of one record) that ``cls`` owns: a
    view of each of its fields (an array of one value), written by the rules and read by the
    agent."""
    return {name: state[name] for name in owned_fields(cls)}


class Procedure:
    """The procedure, as the experimenters run it: the episodes, their clocks, who enters and
    leaves (Ainsworth et al. 1978, ch. 2). Not an agent in the room: it acts on the agents."""

    prefix = ""
    episode = Own()  # 1..8 while running, 9 when finished
    seconds = Own("t_ep")  # seconds already run in the current episode
    hard_cry_net = Own()  # +2 per second of hard crying, -1 otherwise (a separation is cut short)
    calm_run = Own()  # seconds in a row without crying (a reunion ends once comforted)

    def __init__(self, model: StrangeSituationModel) -> None:
        self.model = model
        self.state = own_view(model.state, Procedure)

    @property
    def over(self) -> bool:
        """Whether the eighth episode has ended."""
        return self.episode > 8

    def advance(self) -> None:
        """If the episode is over, the next begins: the adults enter at the door or leave; who
        still holds the infant puts it down."""
        episode = self.episode
        transitions.advance(self.model.dyad)
        if self.episode != episode:  # an adult who enters does so at the door
            self.model.caregiver.move_in_space()
            self.model.stranger.move_in_space()

    def count(self) -> None:
        """The clocks and the crying counters of the timing rules advance."""
        transitions.count(self.model.dyad)


class Placed(mesa.Agent):
    """An agent with a position in the room (``x``, ``y`` in its record; ``pos`` in the
    space)."""

    prefix = ""
    x = Own()
    y = Own()

    def __init__(self, model: StrangeSituationModel) -> None:
        super().__init__(model)
        self.state = own_view(model.state, type(self))

    def move_in_space(self) -> None:
        """Move this agent in the space to where the rules put it."""
        self.model.space.move_agent(self, (self.x, self.y))


class Infant(Placed):
    """The infant: perceives the room, decides from its arousal and working model, moves."""

    arousal = Own()  # internal, [0, 1]
    cry_drive = Own()  # internal: crying builds toward arousal x signal gain, and settles
    frustration = Own()  # internal: distress unmet
    motive = Own(kind=Motive)  # internal: what it is trying to do
    action = Own(kind=Action)  # the act it shows
    target = Own(kind=Target)
    cry = Own(kind=Cry)
    gaze = Own(kind=Gaze)
    held = Own(kind=Held)  # by whom
    toy_x = Own()  # the spot among the toys it plays at
    toy_y = Own()
    propensity = Own()  # of each action this second
    choice_sums = Own()  # the running sums the choice reads

    def __init__(self, model: StrangeSituationModel, prepared: Prepared) -> None:
        super().__init__(model)
        self.reactivity = prepared.reactivity[0]
        self.soothability = prepared.soothability[0]
        #: what it learned of its caregiver at home (arrays of one infant)
        self.working_model = prepared.working_model
        #: what the working model and temperament make of the procedure (one DISPOSITIONS record)
        self.dispositions = records(dispositions(prepared.working_model, prepared.reactivity,
                                                 prepared.soothability, model.params))[0]
        #: its draws' key (seed, infant id)
        self.key = prepared.keys[0]
        #: what it perceives this second (one PERCEPTION record; the adults stand in the same
        #: relation to it: distance and contact are mutual)
        self.perception = records(np.zeros((), dtype=perception.PERCEPTION))[()]

    def perceive(self) -> None:
        """It perceives the room: distances, contact, who is making an overture."""
        perception.perceive(self.model.dyad, self.perception)

    def decide(self) -> None:
        """It decides: arousal, action and its target, crying, gaze (its own keyed draws for
        this second)."""
        m = self.model
        infant.decide(m.dyad, self.perception, self.dispositions, self.key, m.purpose, m.tick,
                      m.rule_params)

    def act(self) -> None:
        """It is picked up or put down, then moves by its action."""
        adults.hand_over(self.model.dyad)
        infant.move(self.model.dyad)
        self.move_in_space()

    def distance_to(self, adult: Adult) -> np.float32:
        """Metres to ``adult``, measured by the space (in float32, as the infant perceives)."""
        return np.float32(self.model.space.get_distance(self.pos, adult.pos))


class Adult(Placed):
    """An adult in the procedure: her presence, position, act and the counters of what the
    infant has been doing toward her (her record fields carry her prefix)."""

    present = Own()
    activity = Own("act", kind=AdultAct)  # her scripted act this second
    timer = Own()  # seconds in the current act
    hold = Own()  # seconds holding the infant in this pick-up
    bid_run = Own()  # seconds in a row the infant has been bidding for her (or crying)
    push_run = Own()  # seconds in a row the infant pushed or squirmed while she held it
    avoid_run = Own()  # seconds in a row the infant avoided her


class Caregiver(Adult):
    """The caregiver: follows the procedure's instructions, responds to the infant's bids."""

    prefix = "cg_"
    gone = Own()  # she walked out at the end of the first reunion
    unresolved = Own()  # her unresolved loss (the caregiving parameter)
    stilled = Own()  # seconds left of a dissociated moment at a reunion

    def dissociate(self) -> None:
        """At a reunion an unresolved caregiver may still, absent while present (her own keyed
        draws for this second)."""
        m = self.model
        unresolved_rules.caregiver_dissociates(m.dyad, m.infant.key, m.purpose, m.tick,
                                               m.rule_params)

    def decide(self) -> None:
        """She decides her act from the script and what the infant does this second."""
        adults.caregiver_decide(self.model.dyad, self.model.infant.perception)

    def act(self) -> None:
        """She walks (carrying the infant in, in episode 1) or walks out."""
        adults.caregiver_act(self.model.dyad)
        self.move_in_space()


class Stranger(Adult):
    """The stranger: the episode-3 script, then geared to the infant in separations."""

    prefix = "st_"

    def decide(self) -> None:
        """She decides her act from the script and what the infant does this second."""
        adults.stranger_decide(self.model.dyad, self.model.infant.perception)

    def act(self) -> None:
        """She walks, or walks out."""
        adults.stranger_act(self.model.dyad)
        self.move_in_space()


#: The agent class of each role in :data:`~simulation.phases.PHASES` (the procedure is none).
AGENT_OF_ROLE: dict[str, type[mesa.Agent]] = {
    "infant": Infant, "caregiver": Caregiver, "stranger": Stranger}


def _distance(model: StrangeSituationModel, adult: Adult) -> float:
    return float(model.infant.distance_to(adult)) if adult.present else float("nan")


class StrangeSituationModel(mesa.Model):
    """Infant ``infant_id`` of a cohort, through its home year and the eight episodes.

    Give ``care`` (profile, history or arrangement) or a ``population``, as for
    :func:`simulation.run_cohort`; the same ``seed`` and ``infant_id`` give the same infant.
    """

    def __init__(
        self,
        care: Care | None = None,
        *,
        population: Population | None = None,
        infant_id: int = 0,
        seed: int = 0,
        temperament: Temperament | TemperamentDistribution | None = None,
        params: ModelParams | None = None,
        caregiver: str = "primary",
        age_months: float = 12.0,
        frozen: bool = False,
    ) -> None:
        self.setup = Setup(seed=seed, care=care, population=population,
                           temperament=temperament,
                           params=params if params is not None else ModelParams(),
                           caregiver=caregiver, age_months=age_months, frozen=frozen)
        super().__init__(rng=self.setup.seed)
        self.params = self.setup.effective_params()
        self.rule_params = records(ssp_params(self.params))[()]
        self.prepared = prepare(self.setup, np.array([infant_id]))
        self.purpose = rng.ssp_purpose(self.setup.age_months)
        #: the dyad's state: an array of one :data:`simulation.dyad_state.STATE` record, whose
        #: fields the agents own; ``dyad`` is the record itself, as the rules read it whole
        self.state = dyad_state.start(*toy_spots(self.prepared.keys),
                                      care_columns(self.setup, self.prepared)["unresolved"])
        self.dyad = records(self.state)[0]
        #: the second being run (it keys the infant's draws)
        self.tick = 0
        # the room is closed (a wall at x = WIDTH is inside it); Mesa's space is half-open
        self.space = ContinuousSpace(np.nextafter(room.WIDTH, np.inf),
                                     np.nextafter(room.HEIGHT, np.inf), torus=False)
        self.procedure = Procedure(self)
        self.infant = Infant(self, self.prepared)
        self.caregiver = Caregiver(self)
        self.stranger = Stranger(self)
        for agent in (self.infant, self.caregiver, self.stranger):
            self.space.place_agent(agent, (agent.x, agent.y))
        self._codes = np.zeros((N_FIELDS, 1, 1), dtype=np.uint8)
        #: this second's record codes (what the coder sees), by field
        self.row: dict[str, int] = {}
        reporters: dict[str, Callable[[StrangeSituationModel], Any]] = {
            f: (lambda m, f=f: m.row[f]) for f in RECORD_FIELDS}
        reporters.update({
            "x": lambda m: float(m.infant.pos[0]), "y": lambda m: float(m.infant.pos[1]),
            "caregiver_x": lambda m: float(m.caregiver.pos[0]),
            "caregiver_y": lambda m: float(m.caregiver.pos[1]),
            "stranger_x": lambda m: float(m.stranger.pos[0]),
            "stranger_y": lambda m: float(m.stranger.pos[1]),
            "distance_caregiver": lambda m: _distance(m, m.caregiver),
            "distance_stranger": lambda m: _distance(m, m.stranger),
            "internal_arousal": lambda m: float(m.infant.arousal),
            "internal_motive": lambda m: int(m.infant.motive),
        })
        self.datacollector = DataCollector(model_reporters=reporters)
        self.running = True

    def perform(self, phase: Phase) -> None:
        """Have whoever ``phase`` names do it: the procedure, or the agents of that role."""
        if phase.who == "procedure":
            getattr(self.procedure, phase.does)()
        else:
            self.agents_by_type[AGENT_OF_ROLE[phase.who]].do(phase.does)

    def step(self) -> None:
        """One second: the phases in their order, then what the coder sees is recorded."""
        if self.procedure.over:
            self.running = False
            return
        for phase in PHASES:
            self.perform(phase)
        self.record_second()

    def record_second(self) -> None:
        """What the coder sees of this second goes into the trace; the second after the end (a
        record of zeros) stops the run."""
        observe(self.dyad, self._codes, 0, 0)
        self.tick += 1
        self.row = dict(zip(RECORD_FIELDS, self._codes[:, 0, 0].tolist(), strict=True))
        if self.row["episode"] > 0:
            self.datacollector.collect(self)
        else:
            self.running = False

    def run(self) -> StrangeSituationModel:
        """Run the whole procedure to the end of episode 8."""
        while self.running:
            self.step()
        return self

    def trace(self) -> pd.DataFrame:
        """The per-second trace: record codes, readable labels, positions, the infant's
        distances to the adults (metres, NaN while out of the room), internal arousal and motive
        (what the infant was trying to do: the act in ``action`` shows it)."""
        df = self.datacollector.get_model_vars_dataframe().reset_index(drop=True)
        df.insert(0, "second", np.arange(len(df)))
        start = df.groupby("episode")["second"].transform("min")
        df.insert(2, "t_in_episode", df["second"] - start)
        df["action_name"] = [Action(a).name.lower() for a in df["action"]]
        return df

    def record(self) -> BehaviourRecord:
        """The observable record (what the coder sees)."""
        return BehaviourRecord.from_frame(self.trace())

    def coding(self) -> Coding:
        """The observer's coding of this infant's record."""
        return code_record(self.record())


def run_dyad(care: Care | None = None, **kwargs) -> StrangeSituationModel:
    """Build and run one dyad through the Mesa model (see :class:`StrangeSituationModel`)."""
    return StrangeSituationModel(care, **kwargs).run()
