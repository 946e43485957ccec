"""The eight episodes of the Strange Situation and their timing rules.

Ainsworth, Blehar, Waters & Wall (1978), ch. 2; Waters (2002), *Comments on Strange Situation
classification*: separations are cut short when the infant has cried hard for about a minute and
will not calm; reunions are lengthened, within bounds, until the infant is reasonably comforted.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Episode:
    """One episode of the procedure (Ainsworth et al. 1978, Table 2)."""

    number: int
    name: str
    caregiver: bool  # caregiver in the room (at the start)
    stranger: bool  # stranger in the room (at the start)
    nominal: int  # nominal duration, seconds
    kind: str  # "introduction", "preseparation", "separation" or "reunion"
    event: str


EPISODES: tuple[Episode, ...] = (
    Episode(1, "Introduction", True, False, 30, "introduction",
            "caregiver carries the infant in and puts it down near the toys"),
    Episode(2, "Caregiver and infant", True, False, 180, "preseparation",
            "caregiver sits, responsive but does not initiate play"),
    Episode(3, "Stranger", True, True, 180, "preseparation",
            "stranger silent 1 min, talks with caregiver 1 min, approaches infant 1 min; "
            "caregiver leaves unobtrusively"),
    Episode(4, "First separation", False, True, 180, "separation",
            "stranger gears her behaviour to the infant"),
    Episode(5, "First reunion", True, False, 180, "reunion",
            "caregiver greets and comforts, resettles the infant in play, then leaves "
            "saying bye-bye; stranger leaves"),
    Episode(6, "Second separation", False, False, 180, "separation", "infant alone"),
    Episode(7, "Stranger returns", False, True, 180, "separation",
            "stranger returns and gears her behaviour to the infant"),
    Episode(8, "Second reunion", True, False, 180, "reunion",
            "caregiver greets and picks up the infant; stranger leaves"),
)

#: Episode numbers by kind.
SEPARATIONS = (4, 6, 7)
REUNIONS = (5, 8)
NOMINAL = np.array([e.nominal for e in EPISODES], dtype=np.int64)

#: Nominal length of a reunion (seconds): after it, episode 8 ends once the infant is comforted
#: and the caregiver may leave in episode 5 once it is settled.
NOMINAL_REUNION = int(NOMINAL[7])
#: Seconds allowed for the caregiver's walk out at the end of episode 5.
WALK_OUT_ALLOWANCE = 30
#: A separation ends after this many seconds of hard crying (net of calm seconds; Waters 2002).
CURTAIL_HARD_CRY_SECONDS = 60
#: A reunion is lengthened by at most this many seconds until the infant is comforted.
MAX_REUNION_EXTENSION = 120
#: "Reasonably comforted": this many seconds in a row without crying.
COMFORTED_SECONDS = 15
#: Upper bound on the seconds one procedure can last (all episodes full, reunions extended,
#: plus the caregiver's walk out at the end of episode 5).
MAX_SECONDS = int(NOMINAL.sum()) + 2 * MAX_REUNION_EXTENSION + WALK_OUT_ALLOWANCE
