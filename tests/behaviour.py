"""Behaviour measures straight from the record, for model tests (independent of the observer)."""

from __future__ import annotations

import numpy as np

from simulation.codes import Action, Cry, Target
from simulation.record import BehaviourRecord


def in_episode(record: BehaviourRecord, episode: int) -> np.ndarray:
    return record.episode == episode


def share(record: BehaviourRecord, episode: int, mask: np.ndarray) -> np.ndarray:
    """Per infant: share of the episode's seconds where ``mask`` holds (a rate)."""
    ep = in_episode(record, episode)
    return (mask & ep).sum(axis=1) / np.maximum(ep.sum(axis=1), 1)


def action_share(record, episode, *actions, target=None) -> np.ndarray:
    mask = np.zeros(record.action.shape, dtype=bool)
    for a in actions:
        mask |= record.action == a
    if target is not None:
        mask &= record.target == target
    return share(record, episode, mask)


def crying(record, episode, hard=False) -> np.ndarray:
    level = Cry.HARD if hard else Cry.FUSS
    return share(record, episode, record.cry >= level)


def exploration(record, episode) -> np.ndarray:
    return action_share(record, episode, Action.EXPLORE)


def reunion_profile(record) -> dict[str, float]:
    """Group means of the reunion behaviours (episodes 5 and 8 pooled)."""
    out = {}
    for name, actions, target in (
        ("approach", (Action.APPROACH,), Target.CAREGIVER),
        ("contact", (Action.CONTACT_ACTIVE, Action.CONTACT_PASSIVE), Target.CAREGIVER),
        ("resist", (Action.PUSH_AWAY, Action.KICK, Action.THROW_TOY, Action.GO_LIMP),
         Target.CAREGIVER),
        ("avoid", (Action.TURN_AWAY,), Target.CAREGIVER),
        ("lapse", (Action.FREEZE, Action.APPROACH_BROKEN, Action.APPREHENSION), None),
        ("explore", (Action.EXPLORE,), None),
    ):
        out[name] = float(np.mean([action_share(record, e, *actions, target=target).mean()
                                   for e in (5, 8)]))
    # squirming in her arms is resistance only with fussing or crying (a calm infant squirms to
    # get down), as the coder reads it
    angry_squirm = ((record.action == Action.SQUIRM) & (record.target == Target.CAREGIVER)
                    & (record.cry >= Cry.FUSS))
    out["resist"] += float(np.mean([share(record, e, angry_squirm).mean() for e in (5, 8)]))
    out["crying"] = float(np.mean([crying(record, e).mean() for e in (5, 8)]))
    return out
