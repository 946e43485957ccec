"""Plain-language explanations of a coding: which scores decided it, and when it happened.

Seconds are counted from the start of the episode (second 0 is its first second); the second
of the whole record is given beside them, so that a reader can find the moment in a trace or an
animation.
"""

from __future__ import annotations

import numpy as np

from simulation.episodes import EPISODES, REUNIONS, SEPARATIONS
from simulation.observer.classification import ANGRY_SHARE, SOME, STEPS, STRONG, reunions_of
from simulation.observer.coding import Coding
from simulation.observer.disorganization import D_CUTOFF, EPISODE_WEIGHTS, LONG_LAPSE
from simulation.observer.features import TOWARD
from simulation.observer.scales import SCALE_TABLES, SCALES

_PS, _CM, _RS, _AV, _SR, _DI = range(len(SCALES))

#: Scales (and which reunion) that decided each step of the classification: "best" = the
#: reunion where the scale scored higher (episode 8 on ties), or a fixed episode.
_DECISIVE = {
    1: ((_AV, "best"), (_PS, "best"), (_CM, "best")),
    2: ((_AV, "best"), (_PS, "best"), (_DI, "best")),
    3: ((_RS, "best"), (_PS, "best"), (_CM, "best"), (_AV, "best")),
    4: ((_RS, "best"), (_PS, "best"), (_CM, "best")),
    5: ((_AV, 5), (_PS, 8)),
    6: ((_PS, "best"), (_CM, "best")),
    7: ((_DI, "best"), (_PS, "best"), (_CM, "best"), (_AV, "best")),
}


def _at(coding: Coding, k: int, episode: int, toward: int, scale: int) -> tuple[int, int, int]:
    i = (k, episode - 1, toward, scale)
    return (
        int(coding.scales[i]),
        int(coding.evidence_seconds[i]),
        int(coding.evidence_first[i]),
    )


def _when(coding: Coding, k: int, episode: int, first: int) -> str:
    absolute = int(coding.starts[k, episode - 1]) + first
    return f"from second {first} of episode {episode} (second {absolute} of the record)"


def _feature(coding: Coding, name: str, k: int, episode: int, toward: int) -> int:
    return int(coding.features[name][k, episode - 1, toward])


def _details(coding: Coding, k: int, episode: int, toward: int, scale: int) -> str:
    """Counts behind a score, in words."""
    f = lambda name: _feature(coding, name, k, episode, toward)  # noqa: E731
    her = "her"  # caregiver and stranger alike
    if scale == _PS:
        parts = []
        if f("approach"):
            parts.append(f"approached {her} for {f('approach')} s, first at second "
                         f"{f('approach_first')}")
        if f("own_contact"):
            parts.append("reached contact by its own effort")
        elif f("approach_contact"):
            parts.append("reached contact as she came to meet it")
        if f("signal"):
            parts.append(f"signalled for contact for {f('signal')} s")
        if f("contact"):
            parts.append(f"was in contact for {f('contact')} s")
        if not parts and f("look"):
            parts.append(f"looked at {her} for {f('look')} s")
        return ("it " + ", ".join(parts[:-1]) + (" and " if len(parts) > 1 else "")
                + parts[-1]) if parts else ""
    if scale == _CM:
        if not f("contact"):
            return ""
        text = f"it was in contact for {f('contact')} s, clinging for {f('clinging')} s"
        if f("release_resisted"):
            text += f", and resisted being put down {f('release_resisted')} time(s)"
        return text
    if scale == _RS:
        parts = []
        if f("angry"):
            parts.append(f"angry resistance for {f('angry')} s in {f('angry_bouts')} bout(s)")
        if f("passive"):
            parts.append(f"passive resistance for {f('passive')} s in "
                         f"{f('passive_bouts')} bout(s)")
        return "it showed " + " and ".join(parts) if parts else ""
    if scale == _AV:
        if not f("avoid"):
            return ""
        return (f"it turned or moved away from {her}, or ignored {her}, for {f('avoid')} s in "
                f"{f('avoid_bouts')} bout(s)")
    if scale == _SR:
        if f("search"):
            return f"it searched at the door for {f('search')} s in {f('search_bouts')} bout(s)"
        if f("door_look"):
            return f"it looked at the door {f('door_look_bouts')} time(s)"
        return ""
    if f("interact"):
        return (f"it smiled, vocalised or showed toys from a distance for {f('interact')} s in "
                f"{f('interact_bouts')} bout(s)")
    if f("look"):
        return f"it looked at {her} {f('look_bouts')} time(s)"
    return ""


def describe_scale(coding: Coding, k: int, episode: int, toward: int, scale: int) -> str:
    """One sentence: the score of a scale for infant ``k`` in an episode toward an adult, what
    it means (its anchor) and the seconds behind it."""
    table = SCALE_TABLES[scale]
    score, seconds, first = _at(coding, k, episode, toward, scale)
    who = TOWARD[toward]
    if score == 0:
        return (f"{table.title} toward the {who} in episode {episode} was not scored "
                "(not applicable).")
    text = f"{table.title} toward the {who} in episode {episode} scored {score} " \
           f"({table.meaning(score)})"
    details = _details(coding, k, episode, toward, scale)
    if details:
        text += f": {details}"
    if seconds > 0 and first >= 0:
        text += f"; {_when(coding, k, episode, first)}"
    return text + "."


def _episode_for(coding: Coding, k: int, scale: int, which: int | str) -> int:
    if which != "best":
        return int(which)
    s5, s8 = (int(coding.scales[k, e - 1, 0, scale]) for e in REUNIONS)
    return 5 if s5 > s8 else 8


def _timing(coding: Coding, k: int) -> str:
    notes = []
    for ep in EPISODES:
        run = int(coding.durations[k, ep.number - 1])
        if ep.number in SEPARATIONS and run < ep.nominal:
            crying = coding.frequencies["crying"][k, ep.number - 1]
            notes.append(f"episode {ep.number} was cut short at {run} s (nominal {ep.nominal} s; "
                         f"it cried in {crying:.0%} of its 15-s intervals)")
        elif ep.number in REUNIONS and run > ep.nominal:
            notes.append(f"episode {ep.number} was lengthened to {run} s until it was comforted")
    return ("Timing: " + "; ".join(notes) + ".") if notes else ""


def _distress(coding: Coding, k: int) -> str:
    crying = coding.frequencies["crying"][k]
    parts = [f"{e}: {crying[e - 1]:.0%}" for e in sorted(SEPARATIONS + REUNIONS)
             if coding.durations[k, e - 1] > 0]
    return "Crying (share of 15-s intervals) in episodes " + ", ".join(parts) + "."


def _disorganization(coding: Coding, k: int) -> str:
    d = coding.disorganization
    rating = int(coding.d_rating[k])
    if rating == 1:
        return ("Disorganization rated 1 of 9: no freezing, broken-off approach, apprehension "
                "or contradictory sequence in the caregiver's presence (Main & Solomon 1990).")
    per_episode = (
        d["lapses"][k] + d["distressed"][k] + d["contradictions"][k]
        + d["lapse_seconds"][k] // LONG_LAPSE
    ) * EPISODE_WEIGHTS
    ep = int(np.argmax(per_episode)) + 1
    verdict = "D" if rating >= D_CUTOFF else f"below D, which needs {D_CUTOFF}"
    text = (f"Disorganization rated {rating} of 9 ({verdict}; Main & Solomon 1990), "
            f"{int(d['points'][k])} weighted points. Most in episode {ep}: "
            f"{int(d['lapses'][k, ep - 1])} lapse(s) (freezing, broken-off approach or "
            f"apprehension) in the caregiver's presence for {int(d['lapse_seconds'][k, ep - 1])}"
            f" s, {int(d['distressed'][k, ep - 1])} while crying, and "
            f"{int(d['contradictions'][k, ep - 1])} contradictory sequence(s) (seeking her, then "
            "avoiding or freezing within 3 s)")
    first = int(d["first"][k, ep - 1])
    if first >= 0:
        text += f"; the first {_when(coding, k, ep, first)}"
    return text + "."


def _subgroup_reason(coding: Coding, k: int, step: int) -> str:
    """Why this subgroup within the group (the part of the step that chose it)."""
    one = coding[k]
    r = reunions_of(
        one.scales, one.features["angry"][:, :, 0], one.features["passive"][:, :, 0],
        one.frequencies["crying"], one.durations,
    )
    ps = int(r.best(_PS)[0])
    if step == 1:
        if ps <= SOME:
            return f"A1 rather than A2: no approach in either reunion (proximity seeking {ps})."
        return f"A2 rather than A1: some approach (proximity seeking up to {ps}) mixed with " \
               "the avoidance."
    if step == 3:
        share = float(r.angry_share[0])
        seeking = max(int(r.index(_PS)[0]), int(r.index(_CM)[0]))
        if str(coding.subgroup[k]) == "C1":
            return (f"C1 rather than C2: {share:.0%} of the resisting seconds were angry, with "
                    f"strong seeking (up to {seeking}).")
        reason = ("the resistance was mostly passive" if share < ANGRY_SHARE
                  else f"seeking was weak (at most {seeking})")
        return f"C2 rather than C1: {reason} ({share:.0%} of the resisting seconds angry)."
    if step == 4:
        return (f"Distressed through the second half: crying in {float(r.late_distress[0]):.0%} "
                "of the 15-s intervals of episodes 6-8.")
    return ""


def explain(coding: Coding, k: int, infant_id: int | None = None) -> str:
    """Explain in plain words how infant ``k`` (row ``k`` of the coding, called ``infant_id``
    if given) was classified: the deciding step of the procedure (Ainsworth et al. 1978,
    pp. 59-63), the scores that decided it with the seconds behind them, and the
    disorganization rating (Main & Solomon 1990)."""
    if not 0 <= k < len(coding):
        raise IndexError(f"infant {k} is not in this coding of {len(coding)} infants")
    name = k if infant_id is None else infant_id
    group, abc, sub = str(coding.group[k]), str(coding.abc_group[k]), str(coding.subgroup[k])
    label = str(coding.classification[k])
    step = STEPS[int(coding.step[k]) - 1]
    if group == "D":
        head = (f"Infant {name} is classified disorganized (D), with {sub} ({abc}) as the "
                "best-fitting organized pattern.")
    else:
        head = f"Infant {name} is classified {sub}: {label} ({group})."
    lines = [
        head,
        f"{sub} was decided at step {step.number} of the procedure (Ainsworth et al. 1978, "
        f"pp. 59-63): {step.rule}. Criterion: {step.criterion}. (Strong means a scale score of "
        f"{STRONG} or more, some {SOME} or more; episode 8 weighs most.)",
    ]
    why = _subgroup_reason(coding, k, step.number)
    if why:
        lines.append(why)
    for scale, which in _DECISIVE[step.number]:
        lines.append(describe_scale(coding, k, _episode_for(coding, k, scale, which), 0, scale))
    lines.append(_distress(coding, k))
    timing = _timing(coding, k)
    if timing:
        lines.append(timing)
    lines.append(_disorganization(coding, k))
    return "\n".join(lines)
