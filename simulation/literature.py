"""Published distributions the model is calibrated to or checked against (docs/literature.md).

Shares are proportions of A (avoidant), B (secure), C (ambivalent) and, where reported, D.
Figures marked ``check=True`` are from secondary summaries (docs/literature.md marks them
"(check)"):
they are shown with that caveat and their tolerance allows for sampling error anyway.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PublishedDistribution:
    key: str
    label: str
    shares: dict[str, float]  # keys among "A", "B", "C", "D"; sum to about 1
    n: int  # infants
    studies: int
    source: str
    check: bool = False


VIK_1988 = "van IJzendoorn & Kroonenberg (1988), Child Development 59, 147-156"

DISTRIBUTIONS: dict[str, PublishedDistribution] = {d.key: d for d in (
    PublishedDistribution("global", "32 studies, 8 countries",
                          {"A": 0.21, "B": 0.65, "C": 0.14}, 1990, 32, VIK_1988),
    PublishedDistribution("baltimore", "Baltimore",
                          {"A": 0.22, "B": 0.66, "C": 0.12}, 106, 1,
                          "Ainsworth, Blehar, Waters & Wall (1978), Patterns of attachment"),
    PublishedDistribution("west-germany", "West Germany",
                          {"A": 0.35, "B": 0.57, "C": 0.08}, 136, 3, VIK_1988, check=True),
    PublishedDistribution("great-britain", "Great Britain",
                          {"A": 0.22, "B": 0.75, "C": 0.03}, 72, 1, VIK_1988, check=True),
    PublishedDistribution("netherlands", "Netherlands",
                          {"A": 0.26, "B": 0.67, "C": 0.07}, 251, 4, VIK_1988, check=True),
    PublishedDistribution("sweden", "Sweden",
                          {"A": 0.22, "B": 0.74, "C": 0.04}, 51, 1, VIK_1988, check=True),
    PublishedDistribution("israel", "Israel",
                          {"A": 0.07, "B": 0.64, "C": 0.29}, 118, 2, VIK_1988, check=True),
    PublishedDistribution("japan", "Japan",
                          {"A": 0.05, "B": 0.68, "C": 0.27}, 96, 2, VIK_1988, check=True),
    PublishedDistribution("china", "China",
                          {"A": 0.25, "B": 0.50, "C": 0.25}, 36, 1, VIK_1988, check=True),
    PublishedDistribution("usa", "USA",
                          {"A": 0.21, "B": 0.65, "C": 0.14}, 1230, 18, VIK_1988, check=True),
    PublishedDistribution("low-risk-abcd", "Normal middle-class samples, with D",
                          {"A": 0.15, "B": 0.62, "C": 0.09, "D": 0.15}, 6000, 80,
                          "van IJzendoorn, Schuengel & Bakermans-Kranenburg (1999), "
                          "Development and Psychopathology 11, 225", check=True),
)}

#: Countries of the 1988 meta-analysis, in its order.
COUNTRIES = ("west-germany", "great-britain", "netherlands", "sweden", "israel", "japan",
             "china", "usa")
