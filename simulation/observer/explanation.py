"""Explanations of a coding: for students in plain words, for coders by the criteria.

- :func:`explain_plainly`: what the infant did at the caregiver's return and what that pattern
  is called ("she came back and it turned away and kept playing: that is what avoidance looks
  like"); for a disorganized infant, the lapses first. Every number in it comes from the coding
  (and, for the kinds of lapse, from the record).
- :func:`explain`: the coder's reasoning: the deciding step of the procedure (Ainsworth et al.
  1978, pp. 59-63), the scores that decided it with the seconds behind them, the
  disorganization rating (Main & Solomon 1990).
- :func:`scored_moments`: where in the record the coder saw approach, contact, resistance,
  avoidance, lapses and search (the bouts behind the scores), so that a player can jump there.

Seconds are counted from the start of the episode (second 0 is its first second); the second
of the whole record is given beside them, so that a reader can find the moment in a trace or an
animation.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from simulation.codes import Action, AdultAct, Held
from simulation.episodes import EPISODES, REUNIONS, SEPARATIONS
from simulation.observer.bitsets import Packed
from simulation.observer.classification import ANGRY_SHARE, SOME, STEPS, STRONG, reunions_of
from simulation.observer.coding import Coding
from simulation.observer.disorganization import (
    D_CUTOFF,
    INDICES,
    STRONG_FREEZE,
    episode_points,
)
from simulation.observer.features import TOWARD, avoidance
from simulation.observer.primitives import observe
from simulation.observer.scales import SCALE_TABLES, SCALES
from simulation.observer.segments import episodes_of
from simulation.record import BehaviourRecord

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


#: Roman numerals of the seven indices (Main & Solomon 1990).
NUMERALS = ("I", "II", "III", "IV", "V", "VI", "VII")


def indices_seen(coding: Coding, k: int) -> list[str]:
    """The indices of Main & Solomon (1990) seen for infant ``k`` in the caregiver's presence,
    each named with its total (bouts or seconds) and how many strong freezes."""
    d = coding.disorganization
    totals = d["indices"][k].sum(axis=0)
    out = []
    for i, ((name, unit), total) in enumerate(zip(INDICES, totals, strict=True)):
        if total:
            out.append(f"{NUMERALS[i]} {name}: {int(total)} {unit if total != 1 else unit[:-1]}")
    strong = int(d["strong_freezes"][k].sum())
    if strong:
        out.append(f"{_s(strong, 'freeze')} of {STRONG_FREEZE} s or more (a strong index)")
    return out


def _disorganization(coding: Coding, k: int) -> str:
    d = coding.disorganization
    rating = int(coding.d_rating[k])
    if rating == 1:
        return ("Disorganization rated 1 of 9: none of Main & Solomon's (1990) seven indices "
                "(contradictory behaviour, interrupted or misdirected movement, stereotypies, "
                "freezing, apprehension, disorientation) in the caregiver's presence.")
    per_episode = episode_points(d, k)
    ep = int(np.argmax(per_episode)) + 1
    verdict = "D" if rating >= D_CUTOFF else f"below D, which needs {D_CUTOFF}"
    text = (f"Disorganization rated {rating} of 9 ({verdict}; Main & Solomon 1990), "
            f"{int(d['points'][k])} weighted points, from the indices seen in the caregiver's "
            f"presence: {'; '.join(indices_seen(coding, k))}. Most in episode {ep}: "
            f"{int(d['lapses'][k, ep - 1])} lapse(s) for {int(d['lapse_seconds'][k, ep - 1])} s, "
            f"{int(d['distressed'][k, ep - 1])} while crying, and "
            f"{int(d['contradictions'][k, ep - 1])} contradictory sequence(s) (seeking her, then "
            "a lapse or avoiding her within 3 s)")
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


# --- where the coder saw it: the scored moments ---------------------------------------------

#: Kinds of scored moment, in the order a player offers them, with what the coder saw. All
#: concern the caregiver (the reunion scales are scored toward her) but search, which is for
#: her while she is away.
MOMENT_KINDS = {
    "approach": "approach to the caregiver",
    "contact": "contact with the caregiver (held, clinging, or touching her)",
    "resistance": "resistance to the caregiver (pushing away, or going limp)",
    "avoidance": "avoidance of the caregiver (turning away, or ignoring her)",
    "lapse": "lapses in her presence (freezing, broken-off approach, apprehension)",
    "search": "search for her at the door",
}


@dataclass(frozen=True)
class Moment:
    """A bout of scored behaviour: ``seconds`` long from second ``start`` of the record."""

    kind: str
    start: int
    seconds: int
    episode: int


def _unpacked(mask: Packed, k: int, n_seconds: int) -> np.ndarray:
    bits = np.unpackbits(mask.words[0, k].view(np.uint8), bitorder="little")
    return bits[:n_seconds].astype(bool)


def coder_masks(record: BehaviourRecord, k: int = 0) -> dict[str, np.ndarray]:
    """Per second of infant ``k``'s row, for each kind of :data:`MOMENT_KINDS`: did the coder
    count it? The masks are the coder's own primitives (:func:`~simulation.observer.primitives.
    observe`) combined as the features combine them, so that their seconds per episode are the
    features' (``approach``, ``contact``, ``angry + passive``, ``avoid``, ``search``) and the
    disorganization's ``lapse_seconds``."""
    p = observe(record, episodes_of(record.episode))
    cg = p.caregiver
    packed = {
        "approach": cg.approach,
        "contact": cg.contact,
        "resistance": cg.angry | cg.passive,
        "avoidance": avoidance(cg, p.explore_idle),
        "lapse": p.lapse & cg.present,
        "search": p.search,
    }
    valid = record.episode[k] > 0
    return {kind: _unpacked(mask, k, record.n_seconds) & valid for kind, mask in packed.items()}


def _bouts(mask: np.ndarray) -> list[tuple[int, int]]:
    m = np.concatenate([[False], mask, [False]])
    edges = np.flatnonzero(m[1:] != m[:-1])
    return [(int(a), int(b - a)) for a, b in zip(edges[::2], edges[1::2], strict=True)]


def scored_moments(record: BehaviourRecord, k: int = 0) -> list[Moment]:
    """Every bout of scored behaviour of infant ``k``, by kind then time. A bout that runs over
    an episode's end is split there (the coder scores each episode on its own)."""
    episode = record.episode[k]
    out = []
    for kind, mask in coder_masks(record, k).items():
        for e in range(1, len(EPISODES) + 1):
            out += [Moment(kind, start, length, e)
                    for start, length in _bouts(mask & (episode == e))]
    return out


#: The acts of resistance, in the words of a coder's narrative.
_RESIST_WORDS = {Action.PUSH_AWAY: "pushed her away", Action.KICK: "kicked at her",
                 Action.SQUIRM: "squirmed angrily", Action.THROW_TOY: "threw away a toy",
                 Action.GO_LIMP: "went limp"}


def resistance_acts(record: BehaviourRecord, k: int, episode: int) -> list[tuple[str, int]]:
    """The acts the coder counted as resistance of the caregiver in ``episode``, each with the
    context that made it resistance (she held the infant, was coming to pick it up, or had just
    turned to it), as (words, seconds), most seconds first: "pushed her away while she held
    it"."""
    resisting = coder_masks(record, k)["resistance"] & (record.episode[k] == episode)
    held = record.held[k] == Held.CAREGIVER
    coming = record.caregiver_act[k] == AdultAct.APPROACHING
    playing = record.caregiver_act[k] == AdultAct.PLAYING
    context = np.where(held, 0, np.where(coming, 1, np.where(playing, 2, 3)))
    contexts = ("while she held it", "as she came to pick it up", "as she played with it",
                "just after she turned to it")
    out = []
    for act, words in _RESIST_WORDS.items():
        for c, where in enumerate(contexts):
            n = int((resisting & (record.action[k] == act) & (context == c)).sum())
            if n:
                out.append((f"{words} {where}", n))
    return sorted(out, key=lambda x: -x[1])


def lapse_kinds(record: BehaviourRecord, k: int = 0) -> dict[str, int]:
    """Seconds of each kind of lapse in the caregiver's presence (what the D rating counts)."""
    lapse = coder_masks(record, k)["lapse"]
    action = record.action[k]
    return {
        "freezing": int((lapse & (action == Action.FREEZE)).sum()),
        "broken-off approach": int((lapse & (action == Action.APPROACH_BROKEN)).sum()),
        "apprehension": int((lapse & (action == Action.APPREHENSION)).sum()),
        "rocking": int((lapse & (action == Action.ROCK)).sum()),
        "dazed": int((lapse & (action == Action.DAZED)).sum()),
    }


# --- for students: what the infant did, and what that is called ------------------------------

#: What each classification looks like, in one clause (Ainsworth et al. 1978, ch. 4-6; Main &
#: Solomon 1990).
LOOKS_LIKE = {
    "A": "turning away and carrying on playing when she returns is what avoidance looks like",
    "C": "wanting contact and resisting it at the same time is what ambivalence looks like",
    "B": "seeking her out when she returns, and being comforted by her, is what security "
         "looks like",
}
SUBGROUP_WORDS = {
    "A1": "it did not go to her in either reunion",
    "A2": "some approach, mixed with the avoidance",
    "B1": "it greets her from a distance and needs little contact",
    "B2": "some avoidance at first, then it seeks her",
    "B3": "it actively seeks and keeps contact, the most common secure form",
    "B4": "secure, but distressed for long and with some resistance",
    "C1": "the resistance is angry",
    "C2": "the resistance is passive, or it does little to seek her itself",
}
GROUP_NAMES = {"A": "avoidant", "B": "secure", "C": "ambivalent", "D": "disorganized"}


def _s(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def _clock(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"


class _Reunion:
    """What the coder counted toward the caregiver in one reunion of infant ``k``."""

    def __init__(self, coding: Coding, k: int, episode: int) -> None:
        self.episode = episode
        self.duration = int(coding.durations[k, episode - 1])
        for name in ("approach", "approach_first", "contact", "clinging", "angry", "passive",
                     "avoid", "avoid_first", "interact", "own_contact", "approach_contact",
                     "signal", "look"):
            setattr(self, name, _feature(coding, name, k, episode, 0))
        self.avoidance = int(coding.scales[k, episode - 1, 0, _AV])
        self.resistance = int(coding.scales[k, episode - 1, 0, _RS])
        self.crying = float(coding.frequencies["crying"][k, episode - 1])
        self.playing = float(coding.frequencies["exploration"][k, episode - 1])

    @property
    def resist(self) -> int:
        return self.angry + self.passive

    @property
    def ran(self) -> bool:
        return self.duration > 0

    @property
    def back(self) -> str:
        return f"When the caregiver came back in episode {self.episode}"


def _seeking(r: _Reunion) -> str:
    """What the infant did to reach her, in words with the seconds."""
    parts = []
    if r.approach:
        when = ("as soon as she came in" if r.approach_first == 0
                else f"starting {r.approach_first} s after she came in")
        parts.append(f"went to her ({r.approach} s of approach, {when})")
    elif r.signal:
        parts.append(f"reached and called for her for {r.signal} s")
    if r.contact:
        held = "clinging to her" if r.clinging * 2 >= r.contact else "held by her"
        parts.append(f"was {held} for {r.contact} s")
    return " and ".join(parts)


def _calm(r: _Reunion) -> str:
    """How little it avoided and resisted her, by the coder's scores (1-7)."""
    if not r.avoid and not r.resist:
        return "it neither turned away from her nor resisted her"
    parts = []
    for what, seconds, score in (("turned away", r.avoid, r.avoidance),
                                 ("resisted", r.resist, r.resistance)):
        if seconds:
            parts.append(f"{what} for {seconds} s (scored {score} of 7)")
    return "it " + " and ".join(parts) + ", too little to count as " + (
        "avoidance" if r.avoid and not r.resist else "resistance" if not r.avoid
        else "avoidance or resistance")


def _organized(coding: Coding, k: int, record: BehaviourRecord | None = None) -> list[str]:
    """The plain why of the forced A/B/C subgroup (the acts of resistance named in their
    context when the ``record`` is given)."""
    abc, sub = str(coding.abc_group[k]), str(coding.subgroup[k])
    r5, r8 = _Reunion(coding, k, 5), _Reunion(coding, k, 8)
    ran = [r for r in (r5, r8) if r.ran]
    if not ran:
        return ["The reunions were not run, so the coder saw no reunion behaviour: the infant "
                f"is placed in {sub} by default."]
    pick = {"A": lambda r: r.avoid, "C": lambda r: r.resist}.get(abc, lambda r: r.episode)
    r = max(ran, key=lambda x: (pick(x), x.episode))
    name = f"{sub} ({GROUP_NAMES[abc]}): {SUBGROUP_WORDS[sub]}."
    if abc == "A":
        text = (f"{r.back}, the infant turned away from her or ignored her for {r.avoid} of "
                f"the {r.duration} s")
        text += (", and never went to her" if not r.approach
                 else f", and went toward her for only {r.approach} s")
        if r.playing >= 0.3:
            text += (f"; it kept playing in {r.playing:.0%} of the episode's 15-s "
                     "intervals")
        return [text + ". " + LOOKS_LIKE["A"][0].upper() + LOOKS_LIKE["A"][1:] + ".", name]
    if abc == "C":
        seek = _seeking(r) or "stayed near her"
        resist = []
        if record is not None:
            resist = [f"{words} ({n} s)" for words, n in resistance_acts(record, k, r.episode)]
        elif r.angry:
            resist.append(f"pushed her away angrily for {r.angry} s")
        if r.passive and record is None:
            resist.append(f"went limp and would not settle for {r.passive} s")
        text = f"{r.back}, the infant {seek}, yet it " + " and ".join(resist)
        text += f"; it cried in {r.crying:.0%} of the episode's 15-s intervals"
        return [text + ". " + LOOKS_LIKE["C"][0].upper() + LOOKS_LIKE["C"][1:] + ".", name]
    if sub == "B2" and r5.ran and r8.ran:
        text = (f"In the first reunion (episode 5) the infant turned away from her for "
                f"{r5.avoid} s; in the second (episode 8) it {_seeking(r8) or 'went to her'}")
        return [text + ". Some early avoidance that gives way to seeking her is what the B2 "
                "form of security looks like.", name]
    if sub == "B1":
        if r.interact:
            greet = (f"greeted her from a distance ({r.interact} s of smiling, babbling or "
                     "showing toys)")
        elif r.look:
            greet = f"looked at her from a distance ({r.look} s)"
        else:
            greet = "stayed with its toys"
        contact = f", {r.contact} s in contact" if r.contact else ""
        text = (f"{r.back}, the infant {greet} and did little to seek contact itself "
                f"({r.approach} s of approach{contact}); {_calm(r)}")
        return [text + ". Greeting her from afar and playing on, without avoiding or resisting "
                "her, is what the B1 form of security looks like.", name]
    seek = _seeking(r) or "stayed close to her"
    text = f"{r.back}, the infant {seek}"
    if sub == "B4":
        late = float(reunions_of(coding[k].scales, coding[k].features["angry"][:, :, 0],
                                 coding[k].features["passive"][:, :, 0],
                                 coding[k].frequencies["crying"],
                                 coding[k].durations).late_distress[0])
        text += (f", resisted a little ({r.resist} s), and cried in {late:.0%} of the 15-s "
                 "intervals of episodes 6-8")
        return [text + ". Wanting her, but distressed through the whole second half, is what "
                "the B4 form of security looks like.", name]
    text += f"; {_calm(r)}"
    return [text + ". " + LOOKS_LIKE["B"][0].upper() + LOOKS_LIKE["B"][1:] + ".", name]


def _lapses_plainly(coding: Coding, k: int, record: BehaviourRecord | None) -> str:
    """The lapses the D rating counted, named, with where they were most."""
    d = coding.disorganization
    per_episode = coding.disorganization["lapses"][k]
    total = int(per_episode.sum())
    seconds = int(d["lapse_seconds"][k].sum())
    contradictions = int(d["contradictions"][k].sum())
    if record is not None:
        kinds = lapse_kinds(record, k)
        named = [f"{kind} {n} s" for kind, n in kinds.items() if n]
    else:
        named = []
    parts = []
    if total:
        what = ", ".join(named) if named else ("freezing, broken-off approach, apprehension, "
                                               "rocking or a dazed look")
        parts.append(f"{_s(total, 'lapse')} in her presence ({what}; {seconds} s in all)")
    if contradictions:
        parts.append(f"{_s(contradictions, 'time')} it sought her and then suddenly turned "
                     "away or froze")
    if not parts:
        return ""
    seen = indices_seen(coding, k)
    if seen:
        parts.append("the indices " + ", ".join(s.split(":")[0] for s in seen
                                                if s[0] in "IVX"))
    weighted = episode_points(d, k)
    ep = int(np.argmax(weighted)) + 1
    first = int(d["first"][k, ep - 1])
    where = f", most in episode {ep}"
    if first >= 0:
        where += f" (the first {_clock(first)} into it)"
    return " and ".join(parts) + where


def explain_plainly(coding: Coding, k: int, record: BehaviourRecord | None = None) -> list[str]:
    """Why infant ``k`` was classified as it was, in plain words for students: what it did when
    the caregiver came back, and what that pattern is called; for a disorganized infant the
    lapses come first, then its best-fitting organized pattern. Every number is read from the
    coding (the kinds of lapse from ``record``, when given)."""
    if not 0 <= k < len(coding):
        raise IndexError(f"infant {k} is not in this coding of {len(coding)} infants")
    rating = int(coding.d_rating[k])
    lapses = _lapses_plainly(coding, k, record)
    organized = _organized(coding, k, record)
    if str(coding.group[k]) == "D":
        first = (f"The infant showed {lapses}. " if lapses else "")
        return [first + "Freezing, starting toward her and breaking off, looking frightened of "
                "her, rocking, a dazed look, or going to the stranger instead of her, in her "
                "presence, are what disorganization looks like: for "
                f"a moment the infant has no way to deal with her (D, rated {rating} of 9; D "
                f"at {D_CUTOFF} or more).",
                f"Underneath, its behaviour fits {coding.subgroup[k]} "
                f"({GROUP_NAMES[str(coding.abc_group[k])]}) best:", *organized]
    out = organized
    if lapses:
        out = [*out, f"It also showed {lapses}: too few for disorganization (rated {rating} "
               f"of 9; D needs {D_CUTOFF})."]
    return out
