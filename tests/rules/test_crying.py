"""Crying, and the learned signal gain behind it."""

from __future__ import annotations

import numpy as np
import pytest
from handmade import disposed, second

from simulation.params import ModelParams
from simulation.rules import crying

pytestmark = pytest.mark.rules


def course(d, arousal, seconds, drive=0.0):
    p, levels = second(), []
    drive = np.float32(drive)
    for _ in range(seconds):
        drive = crying.cry_drive(np.float32(arousal), d, drive, p)
        levels.append(crying.cry_level(drive, np.float32(0.5), p))
    return drive, levels


def test_crying_builds_over_seconds_of_distress_and_settles_when_it_falls():
    d = disposed(gain=0.45)
    drive, levels = course(d, 0.8, 40)
    assert levels[0] == 0 and levels[-1] >= 1
    settled, after = course(d, 0.0, 60, drive)
    assert settled < 0.1 * drive and after[-1] == 0


def test_an_avoidant_infant_can_be_aroused_and_quiet():
    loud, _ = course(disposed(gain=0.6), 0.8, 100)
    quiet, levels = course(disposed(gain=0.02), 0.8, 100)
    assert quiet < 0.2 * loud and max(levels) == 0


def test_hyperactivation_is_signal_gain_above_its_rest_level():
    p = ModelParams()
    h = crying.hyperactivation(np.array([p.rest_gain, p.rest_gain + p.hyper_onset
                                         + p.hyper_span / 2, 1.0]), p)
    assert h[0] == 0.0 and h[1] == pytest.approx(0.5) and h[2] == 1.0


def test_a_coder_hears_fussing_then_hard_crying():
    p = second()
    u = np.float32(0.5)
    assert [crying.cry_level(np.float32(x), u, p) for x in (0.2, 0.5, 0.9)] == [0, 1, 2]
