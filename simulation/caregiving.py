"""Caregiving: the parameters users turn, and caregiving as a history (docs/design.md, the model).

A :class:`CaregiverProfile` is one way of caring (five numbers on [0, 1]). A
:class:`CaregivingHistory` is a list of (from-month, profile) spells, so care can improve or
worsen at a chosen age. :class:`Caregiving` is the arrangement the infant grows up in: a primary
caregiver's history and optionally a second caregiver who takes a share of the care from some
month on. The infant learns one working model per caregiver (Fox, Kimmerly & Schafer 1991).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field

from .inputs import InputError, check_number, check_unit

#: The caregiving parameters, in order, with what each means.
PROFILE_PARAMETERS: dict[str, str] = {
    "responsiveness": "how likely and how fast the caregiver answers a bid for comfort",
    "consistency": "how stable that responsiveness is from one hour and day to the next",
    "warmth": "when she responds, how accepting of close contact (vs rebuffing, averse)",
    "frightening": "frightened or frightening behaviour at home (Main & Hesse 1990)",
    "unresolved": "her own unresolved loss or trauma: at times frightened, dissociated or "
                  "disoriented when the infant needs her (Main & Hesse 1990; Schuengel et al. "
                  "1999)",
}

#: Oldest age (months) a caregiving spell or a Strange Situation may be placed at.
MAX_AGE_MONTHS = 36.0


def ainsworth_sensitivity(responsiveness: float, consistency: float) -> float:
    """Equivalent on Ainsworth's 1-9 sensitivity-insensitivity scale.

    Ainsworth's scale mixes how responsive a mother is with how consistently so: 9 highly
    sensitive, 7 sensitive, 5 *inconsistently* sensitive, 3 insensitive, 1 highly insensitive
    (Ainsworth et al. 1978, Appendix; docs/literature.md). Here ``1 + 8 * r * (1 + c) / 2``: fully
    responsive and consistent care scores 9; fully responsive care that comes and goes in spells
    (c = 0) scores 5, "inconsistently sensitive"; care that rarely answers scores 1-3 however
    steady it is.
    """
    return 1.0 + 8.0 * responsiveness * (1.0 + consistency) / 2.0


@dataclass(frozen=True)
class CaregiverProfile:
    """One way of caring, every parameter on [0, 1] (docs/design.md, the model)."""

    responsiveness: float
    consistency: float
    warmth: float
    frightening: float = 0.0
    unresolved: float = 0.0

    def __post_init__(self) -> None:
        for name in PROFILE_PARAMETERS:
            object.__setattr__(self, name, check_unit(name, getattr(self, name)))

    @property
    def sensitivity(self) -> float:
        """Ainsworth-sensitivity equivalent (1-9), see :func:`ainsworth_sensitivity`."""
        return ainsworth_sensitivity(self.responsiveness, self.consistency)

    def as_dict(self) -> dict[str, float]:
        return asdict(self)

    def replace(self, **changes: float) -> CaregiverProfile:
        """A copy with some parameters changed (validated)."""
        unknown = set(changes) - set(PROFILE_PARAMETERS)
        if unknown:
            raise InputError(f"unknown caregiving parameter(s): {', '.join(sorted(unknown))}")
        return CaregiverProfile(**{**self.as_dict(), **changes})


@dataclass(frozen=True)
class CaregivingHistory:
    """Spells of caregiving by age: ``((0, profile), (6, better_profile), ...)``.

    The first spell starts at month 0; start months strictly increase.
    """

    spells: tuple[tuple[float, CaregiverProfile], ...]

    def __post_init__(self) -> None:
        spells = tuple(self.spells)
        if not spells:
            raise InputError("a caregiving history needs at least one spell")
        checked = []
        previous = -1.0
        for i, spell in enumerate(spells):
            if not isinstance(spell, Sequence) or len(spell) != 2:
                raise InputError(f"spell {i} must be a pair (from_month, profile)")
            month = check_number(f"spell {i} from_month", spell[0], 0.0, MAX_AGE_MONTHS)
            profile = spell[1]
            if not isinstance(profile, CaregiverProfile):
                raise InputError(f"spell {i} profile must be a CaregiverProfile")
            if i == 0 and month != 0.0:
                raise InputError("the first caregiving spell must start at month 0")
            if month <= previous:
                raise InputError("caregiving spells must start at increasing months")
            previous = month
            checked.append((month, profile))
        object.__setattr__(self, "spells", tuple(checked))

    @classmethod
    def constant(cls, profile: CaregiverProfile) -> CaregivingHistory:
        return cls(((0.0, profile),))

    def profile_at(self, month: float) -> CaregiverProfile:
        """The profile in force at a given age in months."""
        current = self.spells[0][1]
        for start, profile in self.spells:
            if start <= month:
                current = profile
        return current


@dataclass(frozen=True)
class Caregiving:
    """The infant's caregiving arrangement: a primary caregiver, optionally a second one.

    ``secondary_share`` is the share of occasions of need the second caregiver answers from
    ``secondary_from`` (months) on.
    """

    primary: CaregivingHistory
    secondary: CaregivingHistory | None = None
    secondary_share: float = 0.0
    secondary_from: float = 0.0
    labels: tuple[str, str] = field(default=("primary", "secondary"))

    def __post_init__(self) -> None:
        if not isinstance(self.primary, CaregivingHistory):
            raise InputError("primary caregiving must be a CaregivingHistory")
        if self.secondary is not None and not isinstance(self.secondary, CaregivingHistory):
            raise InputError("secondary caregiving must be a CaregivingHistory or None")
        share = check_unit("secondary_share", self.secondary_share)
        start = check_number("secondary_from", self.secondary_from, 0.0, MAX_AGE_MONTHS)
        if self.secondary is None and share > 0:
            raise InputError("secondary_share > 0 needs a secondary caregiver")
        object.__setattr__(self, "secondary_share", share)
        object.__setattr__(self, "secondary_from", start)

    @property
    def caregivers(self) -> tuple[str, ...]:
        return ("primary",) if self.secondary is None else ("primary", "secondary")

    def history(self, caregiver: str) -> CaregivingHistory:
        if caregiver == "primary":
            return self.primary
        if caregiver == "secondary" and self.secondary is not None:
            return self.secondary
        raise InputError(
            f"unknown caregiver {caregiver!r}: this arrangement has {', '.join(self.caregivers)}"
        )


def as_caregiving(care: CaregiverProfile | CaregivingHistory | Caregiving) -> Caregiving:
    """Accept a profile, a history or a full arrangement and return a :class:`Caregiving`."""
    if isinstance(care, Caregiving):
        return care
    if isinstance(care, CaregivingHistory):
        return Caregiving(primary=care)
    if isinstance(care, CaregiverProfile):
        return Caregiving(primary=CaregivingHistory.constant(care))
    raise InputError(
        "caregiving must be a CaregiverProfile, a CaregivingHistory or a Caregiving, "
        f"got {type(care).__name__}"
    )
