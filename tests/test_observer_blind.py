"""The observer sees only the behaviour record: no caregiving parameters, no internal state."""

from __future__ import annotations

import ast
import inspect
from dataclasses import fields
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from records import RecordBuilder

import simulation.observer as observer
from simulation.codes import Action, AdultAct
from simulation.observer import code_record
from simulation.record import RECORD_FIELDS, BehaviourRecord


def test_the_record_type_carries_only_observable_fields():
    assert tuple(f.name for f in fields(BehaviourRecord)) == RECORD_FIELDS
    assert set(RECORD_FIELDS) == {
        "episode", "present", "action", "target", "cry", "gaze", "zone_caregiver",
        "zone_stranger", "held", "caregiver_act", "stranger_act",
    }


def test_code_record_takes_a_record_and_nothing_else():
    params = inspect.signature(code_record).parameters
    assert list(params) == ["record"]
    with pytest.raises(TypeError):
        code_record(RecordBuilder().frame())
    with pytest.raises(TypeError):
        code_record({name: np.zeros((1, 10), np.uint8) for name in RECORD_FIELDS})


def test_observer_modules_import_only_the_record_and_the_procedure():
    """No observer module can reach the model: its imports are numpy, pandas, the standard
    library, the record and its codes, the procedure and the observer itself."""
    allowed = {"simulation.record", "simulation.codes", "simulation.episodes"}
    for path in Path(observer.__file__).parent.glob("*.py"):
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            for name in names:
                if name.startswith("simulation"):
                    assert name in allowed or name.startswith("simulation.observer"), (
                        f"{path.name} imports {name}"
                    )


def _trace_with_internals(rng: np.random.Generator) -> pd.DataFrame:
    b = RecordBuilder().approach(8, 5, 10).contact(8, 10, 90).release(8, 50, 52)
    b.turns_away(5, [20], 40, "caregiver").cry(6, 0, 180)
    b.paint(5, 0, 4, caregiver_act=AdultAct.ENTERING).act(2, 30, 31, Action.FREEZE)
    trace = b.frame()
    n = len(trace)
    trace["internal_arousal"] = rng.random(n)
    trace["internal_trust"] = rng.random(n)
    trace["internal_expected_rebuff"] = rng.random(n)
    trace["internal_fear"] = rng.random(n)
    trace["responsiveness"] = 0.9
    trace["warmth"] = 0.1
    trace["x"] = rng.random(n)
    return trace


def test_scrambling_internal_columns_of_a_trace_changes_nothing():
    rng = np.random.default_rng(7)
    trace = _trace_with_internals(rng)
    coded = code_record(BehaviourRecord.from_frame(trace))
    scrambled = trace.copy()
    for col in [c for c in trace.columns if c not in RECORD_FIELDS]:
        scrambled[col] = rng.permutation(trace[col].to_numpy()) * 7.0 - 3.0
    recoded = code_record(BehaviourRecord.from_frame(scrambled))
    pd.testing.assert_frame_equal(coded.to_frame(), recoded.to_frame())
    assert np.array_equal(coded.scales, recoded.scales)
    assert np.array_equal(coded.evidence_first, recoded.evidence_first)
    # ... while the observable columns do matter
    changed = trace.copy()
    changed["action"] = Action.EXPLORE
    assert not np.array_equal(code_record(BehaviourRecord.from_frame(changed)).scales,
                              coded.scales)
