"""Behaviour-level phenomena of the model (docs/design.md), as group means over a few hundred
infants.

Measured straight from the behaviour record (what a coder would see), plus internal arousal
where the claim is about hidden distress.
"""

import numpy as np
from behaviour import action_share, crying, exploration, reunion_profile

from simulation.codes import Action, Target
from simulation.observer import code_record


def means(runs, fn, *args):
    return {name: float(fn(run.record, *args).mean()) for name, (_, run) in runs.items()}


def test_sensitive_care_secure_base_and_haven(preset_runs):
    _, run = preset_runs["sensitive"]
    r = run.record
    assert exploration(r, 2).mean() > 0.6  # explores from a secure base
    cry = [crying(r, e).mean() for e in range(1, 9)]
    assert int(np.argmax(cry)) + 1 == 6  # most distress when left alone
    profile = reunion_profile(r)
    assert profile["contact"] > 0.15
    # most go to her when she comes back (she waits at the door for an infant coming to her)
    approached = action_share(r, 8, Action.APPROACH, target=Target.CAREGIVER) > 0
    assert approached.mean() > 0.7
    assert profile["avoid"] < 0.03 and profile["resist"] < 0.03
    # calming: comforted in the reunion, back to play
    assert crying(r, 8).mean() < 0.25 * crying(r, 7).mean()
    # back to play once comforted; held longer than in episode 5 (contact maintaining is
    # strongest in episode 8, Ainsworth et al. 1978, ch. 5), so less play than there
    assert exploration(r, 8).mean() > 0.15


def test_rejecting_care_avoidance_with_hidden_arousal(preset_runs):
    _, rej = preset_runs["rejecting"]
    _, sen = preset_runs["sensitive"]
    assert exploration(rej.record, 2).mean() >= exploration(sen.record, 2).mean()
    assert exploration(rej.record, 5).mean() > exploration(sen.record, 5).mean()  # keeps playing
    for e in (4, 7):
        assert crying(rej.record, e).mean() < 0.5 * crying(sen.record, e).mean()
    p_rej, p_sen = reunion_profile(rej.record), reunion_profile(sen.record)
    assert p_rej["avoid"] > 3 * p_sen["avoid"]
    assert p_rej["contact"] < 0.6 * p_sen["contact"]
    # overt distress is not arousal: separation arousal at least the secure group's
    for e in (4, 6, 7):
        assert rej.arousal_by_episode[:, e - 1].mean() >= sen.arousal_by_episode[:, e - 1].mean()


def test_inconsistent_care_vigilance_and_ambivalence(preset_runs):
    _, inc = preset_runs["inconsistent"]
    _, sen = preset_runs["sensitive"]
    # 0.7 until issue 20, whose pre-separation weakening of approach (Ainsworth et al. 1978,
    # ch. 5) left inconsistent care's episode-2 play at about 0.71 of sensitive care's; with
    # enacted care (issue 20) about half of the preset's infants are C, and its play is 0.80
    assert exploration(inc.record, 2).mean() < 0.85 * exploration(sen.record, 2).mean()
    assert crying(inc.record, 4).mean() > crying(sen.record, 4).mean()
    assert crying(inc.record, 6, hard=True).mean() > crying(sen.record, 6, hard=True).mean()
    p_inc, p_sen = reunion_profile(inc.record), reunion_profile(sen.record)
    # seeks contact: this preset's ambivalent infants keep more contact in the reunions than
    # the sensitive preset's secure ones (since enacted care about half of this preset's
    # infants are C and some are A, so the preset's mean no longer shows it)
    def reunions(record, *actions, target=None):
        return np.mean([action_share(record, e, *actions, target=target) for e in (5, 8)],
                       axis=0)
    c_inc = code_record(inc.record).abc_group == "C"
    b_sen = code_record(sen.record).abc_group == "B"
    held = (Action.CONTACT_ACTIVE, Action.CONTACT_PASSIVE)
    assert (reunions(inc.record, *held, target=Target.CAREGIVER)[c_inc].mean()
            > reunions(sen.record, *held, target=Target.CAREGIVER)[b_sen].mean())
    assert p_inc["resist"] > 0.015 and p_inc["resist"] > 5 * p_sen["resist"]  # ... and resists
    # slow calming: still crying in the reunions, not back to play
    assert p_inc["crying"] > 3 * p_sen["crying"]
    assert (reunions(inc.record, Action.EXPLORE)[c_inc].mean()
            < 0.7 * reunions(sen.record, Action.EXPLORE)[b_sen].mean())


def test_frightening_care_lapses_in_the_caregivers_presence(preset_runs):
    _, fr = preset_runs["frightening"]
    _, sen = preset_runs["sensitive"]
    r = fr.record
    lapses = (Action.FREEZE, Action.APPROACH_BROKEN, Action.APPREHENSION)
    reunion = np.mean([action_share(r, e, *lapses).mean() for e in (5, 8)])
    # brief lapses: a second or two per reunion on average (graded: many infants have none,
    # some have enough for D)
    assert reunion > 0.003
    # sensitive care: (almost) none; the few come from dyads whose enacted care sits near the
    # approach-avoidance balance (issue 20)
    assert np.mean([action_share(sen.record, e, *lapses).mean() for e in (5, 8)]) < 0.05 * reunion
    # lapses happen with the caregiver present, never in separations
    assert sum(action_share(r, e, *lapses).sum() for e in (4, 6, 7)) == 0.0
    broken = action_share(r, 8, Action.APPROACH_BROKEN, target=Target.CAREGIVER)
    assert (broken > 0).mean() > 0.1
