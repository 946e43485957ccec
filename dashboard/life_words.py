"""The "A life" page's words: why this adult turned out this way (from the life's record, in
plain words), how often a what-if changes people raised the same way, and the continuity
figures beside the published ones (the validation's own checks, run on the page's population).
"""

from __future__ import annotations

import pandas as pd

from dashboard.life_charts import STYLE_NAMES
from simulation.life.measures import POPULAR_NAMES
from simulation.validation.life_course import life_course_checks

#: What the infant's group means, in a few words.
GROUP_WORDS = {"A": "avoidant (A)", "B": "secure (B)", "C": "ambivalent-resistant (C)",
               "D": "disorganized (D)"}
EVENT_WORDS = {"loss": "lost a parent", "divorce": "saw the parents divorce",
               "illness": "lived through a life-threatening illness in the family",
               "psychiatric": "lived with a parent's psychiatric disorder",
               "abuse": "was abused"}
#: The validation checks the page shows (they need only the lives to 30 of one population).
SHOWN_CHECKS = ("early-childhood stability of security", "infancy-to-adulthood continuity is "
                "modest", "continuity falls with the interval toward a plateau",
                "change follows negative life events",
                "ambivalent infants: preoccupied adults more often, not as a rule",
                "earned security carried by later relationships",
                "interview and self-report barely related",
                "attachment anxiety and avoidance nearly independent",
                "adult styles: three-category shares")
WHAT_IF_WORDS = {"partner": "a responsive partner from {age:g}",
                 "therapy": "a year of therapy from {age:g}"}


def level(value: float, low: float = 0.4, high: float = 0.65) -> str:
    return "low" if value < low else "high" if value > high else "middling"


def why(person, what_if: str, what_if_age: float, changed=None) -> list[str]:
    """The story of one life in plain words, from its record (``person``: a
    :class:`simulation.life.history.PersonHistory`; ``changed``: the same life with the
    what-if)."""
    row = person.row
    y = person.years
    first = y.iloc[0]
    group = GROUP_WORDS[row["infant_group"]]
    lines = [f"**At 12 months** the coder classified the infant **{group}** from its "
             "behaviour in the Strange Situation. Its working model then expected the parents "
             f"to be available {first['trust']:.0%} of the time, a rebuff "
             f"{first['rebuff']:.0%} of the time, and it signalled with a gain of "
             f"{first['gain']:.2f}."]
    child = y[(y["age"] < 18) & y["responsiveness"].notna()]
    r, c = float(child["responsiveness"].mean()), float(child["consistency"].mean())
    lines.append(f"**Childhood (1-17)**: the parents' care was {level(r)} in responsiveness "
                 f"({r:.2f} on average) and {level(c)} in consistency ({c:.2f}); "
                 "inconsistent care keeps signals loud, because loud signals are what get "
                 "answered.")
    if person.events:
        said = "; ".join(f"at {age} the child {EVENT_WORDS[name]}" for age, name in person.events)
        lines.append(f"**Life events**: {said}. Each changed the care the child actually "
                     "received for a while, and part of the change stayed.")
    else:
        lines.append("**Life events**: none of the five negative events (loss, divorce, "
                     "illness, parental disorder, abuse) happened in this childhood.")
    alt = y[y["alternative"] == True]  # noqa: E712 - a column of booleans with a last NaN
    if len(alt):
        lines.append(f"**An alternative figure** (a grandparent, a teacher, a mentor) was there "
                     f"from {int(alt['age'].min())} to {int(alt['age'].max()) + 1}, with "
                     f"responsiveness {alt['alternative_responsiveness'].iloc[0]:.2f}: every "
                     "answered need with them revised the general model too.")
    if len(person.partners):
        parts = [f"{int(p.from_age)}-{int(p.to_age)} (responsiveness {p.responsiveness:.2f})"
                 for p in person.partners.itertuples()]
        lines.append(f"**Partners**: {', '.join(parts)}. From adolescence a partner answers "
                     "most of an adult's needs, so a partner's care shapes the general model "
                     "slowly (plasticity falls with age, never to zero).")
    else:
        lines.append("**Partners**: none by 30; the parents and others still answered needs.")
    last = y.iloc[-1]
    style = row["adult_style"]
    lines.append(f"**At 30** the general model expects availability {last['trust']:.0%} "
                 f"and a rebuff {last['rebuff']:.0%} of the time, with a signal gain of "
                 f"{last['gain']:.2f}; the self-report (of romantic relationships, with the "
                 f"person's temperament in its anxiety) reads anxiety "
                 f"{row['adult_anxiety']:.1f} and avoidance {row['adult_avoidance']:.1f} "
                 f"(1-7, with measurement error): **{STYLE_NAMES[style]}**. In the observed "
                 f"separation the coder rated distress {row['adult_obs_distress']}, support "
                 f"seeking {row['adult_obs_support_seeking']}, protest "
                 f"{row['adult_obs_protest']} and turning away {row['adult_obs_withdrawal']} "
                 "(1-7).")
    if changed is not None and what_if != "none":
        crow = changed.row
        said = WHAT_IF_WORDS[what_if].format(age=what_if_age)
        lines.append(f"**With {said}** the same person, with the same infancy and childhood, "
                     f"reports anxiety {crow['adult_anxiety']:.1f} (instead of "
                     f"{row['adult_anxiety']:.1f}) and avoidance {crow['adult_avoidance']:.1f}: "
                     f"**{STYLE_NAMES[crow['adult_style']]}**. Expectations changed because "
                     "needs were answered, again and again, for years.")
    return lines


def anxious(table: pd.DataFrame) -> pd.Series:
    """Anxious adults: at or above the ECR midpoint (preoccupied or fearful)."""
    return table["adult_anxiety"] >= 4.0


def what_if_share(base: pd.DataFrame, changed: pd.DataFrame, what_if: str,
                  what_if_age: float) -> tuple[str, dict]:
    """How often the what-if moves people raised the same way out of the anxious half (the
    same persons, as drawn and with the what-if), in words and numbers."""
    said = WHAT_IF_WORDS[what_if].format(age=what_if_age)
    was = anxious(base)
    n, k = len(base), int(was.sum())
    if k == 0:
        return (f"None of the {n} people raised like this reported an anxious style at 30 "
                f"(anxiety 4 or above), so there is no anxious adult for {said} to change.",
                {"n": n, "anxious": 0})
    now = anxious(changed)[was]
    left = int((~now).sum())
    fell = float((base["adult_anxiety"] - changed["adult_anxiety"])[was].mean())
    share = left / k
    return (f"Of {n} people raised like this, {k} ({k / n:.0%}) report an anxious style at 30. "
            f"With {said}, **{share:.0%} of them ({left} of {k})** fall below the midpoint of "
            f"anxiety, and their anxiety falls by {fell:.1f} points on average (1-7). "
            "How often, not a promise: the rest stay anxious, for reasons in their own lives.",
            {"n": n, "anxious": k, "left": left, "share": share, "mean_drop": fell})


class _Lives:
    """The validation checks' provider, holding one population's lives to 30."""

    def __init__(self, table: pd.DataFrame) -> None:
        self.table = table

    def lives(self, to_age: int = 30, child: bool = False, **_) -> pd.DataFrame:
        return self.table


def continuity(table: pd.DataFrame) -> pd.DataFrame:
    """The life-course validation checks that need only lives to 30, run on ``table``: what
    was published (and by whom) beside what this population shows."""
    provider = _Lives(table)
    rows = []
    for check in life_course_checks():
        if check.name not in SHOWN_CHECKS:
            continue
        outcome = check.run(provider)
        rows.append({"what": check.name, "published": check.expected,
                     "source": check.reference, "this population": outcome.simulated,
                     "agrees": "yes" if outcome.passed else "no"})
    return pd.DataFrame(rows)


__all__ = ["POPULAR_NAMES", "continuity", "what_if_share", "why"]
