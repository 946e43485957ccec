"""Counter-based random draws keyed by (root seed, infant id, purpose, step).

Every random number in the model is a pure function of its key, computed as a vectorised
SplitMix64 hash over the cohort's arrays (Steele, Lea & Flood 2014). Infant k therefore gets the
same draws in a cohort of 50, in a cohort of 500, in any chunk or worker, and alone in the Mesa
model (docs/design.md, reproducibility). No generator state is carried between calls.
"""

from __future__ import annotations

import sys
from enum import IntEnum

import numpy as np

from .rules.jit import kernel

_GOLDEN = np.uint64(0x9E3779B97F4A7C15)
_M1 = np.uint64(0xBF58476D1CE4E5B9)
_M2 = np.uint64(0x94D049BB133111EB)
_S30 = np.uint64(30)
_S27 = np.uint64(27)
_S31 = np.uint64(31)
_S32 = np.uint64(32)
_S11 = np.uint64(11)
_LOW32 = np.uint64(0xFFFFFFFF)
_TWO_M32 = 2.0**-32
_TWO_M53 = 2.0**-53

#: Largest accepted root seed (seeds are unsigned 63-bit integers).
MAX_SEED = 2**63 - 1


class Purpose(IntEnum):
    """What a stream of draws is for; part of every key."""

    TEMPERAMENT = 1
    CAREGIVING = 2  # per-infant caregiving drawn from a population
    PREOCCUPIED_START = 3  # whether each caregiver begins the home year preoccupied (one draw)
    # 4, 5 and 7 are unused (once reserved, never drawn); the codes of the others are kept so
    # that every infant keeps its draws
    RESPONSE = 6  # per occasion: whether each of the three rounds of signalling is answered,
    #               and whether the answer rebuffs
    FRIGHT = 8  # per occasion: whether the answer frightens, which caregiver answers, and
    #             whether each caregiver's preoccupation begins or ends
    LIFE_EVENTS = 9  # when life events begin in the home year (one draw a month)
    NIGHT = 10  # which occasions of need fall at night (communal sleeping)
    DISSOCIATION = 11  # per occasion: whether an unresolved caregiver's answer is frightened or
    #                    dissociated (home); in the Strange Situation, offset by the age (see
    #                    dissociation_purpose), her dissociated moments at the reunions
    STUDY = 12  # a study sample's shift of its population's caregiving means (one per study,
    #             keyed by the population and the study, not by infant)
    ENACTED_CARE = 13  # per dyad: how the care the infant meets at home deviates from the
    #                    caregiver's rated parameters (one step per caregiver)
    SSP = 16  # the Strange Situation, offset by the infant's age in months (see ssp_purpose)


def ssp_purpose(age_months: float) -> int:
    """Purpose code for an SSP run at a given age, so that a repeat SSP gets fresh draws."""
    return int(Purpose.SSP) + int(round(float(age_months) * 4))


def dissociation_purpose(age_months: float) -> int:
    """Purpose code for the Strange Situation's dissociated moments at a given age: above every
    SSP code (ages up to 36 months use 16 .. 160), so no existing draw shifts."""
    return 1024 + int(round(float(age_months) * 4))


def _mix(z: np.ndarray) -> np.ndarray:
    """SplitMix64 finaliser on a uint64 array (wrapping arithmetic)."""
    z = (z ^ (z >> _S30)) * _M1
    z = (z ^ (z >> _S27)) * _M2
    return z ^ (z >> _S31)


def infant_keys(seed: int, infant_ids: np.ndarray) -> np.ndarray:
    """Per-infant base keys for a root seed: shape of ``infant_ids``, dtype uint64."""
    if not 0 <= int(seed) <= MAX_SEED:
        raise ValueError(f"seed must be an integer in [0, {MAX_SEED}], got {seed}")
    ids = np.asarray(infant_ids, dtype=np.uint64)
    base = _mix(np.full(ids.shape, np.uint64(int(seed)), dtype=np.uint64) + _GOLDEN)
    return _mix(base ^ (ids * _GOLDEN + _M2))


def hash_bits(keys: np.ndarray, purpose: int, step: int) -> np.ndarray:
    """64 random bits per key for (purpose, step): a uint64 array shaped like ``keys``."""
    counter = (int(purpose) << 40) + int(step)
    # SplitMix64's output function on (infant key + counter x golden gamma): the keys are
    # themselves mixed, so one finaliser round gives SplitMix64-quality streams per infant
    spread = np.uint64((counter * 0x9E3779B97F4A7C15) & 0xFFFFFFFFFFFFFFFF)
    return _mix(keys + spread)


def uniform(keys: np.ndarray, purpose: int, step: int) -> np.ndarray:
    """One uniform double in [0, 1) per key (53-bit resolution)."""
    return (hash_bits(keys, purpose, step) >> _S11).astype(np.float64) * _TWO_M53


def uniform_pair(keys: np.ndarray, purpose: int, step: int) -> tuple[np.ndarray, np.ndarray]:
    """Two independent uniforms in [0, 1) per key (32-bit resolution each), from one hash."""
    bits = hash_bits(keys, purpose, step)
    return (
        (bits >> _S32).astype(np.float64) * _TWO_M32,
        (bits & _LOW32).astype(np.float64) * _TWO_M32,
    )


_LOW16 = np.uint64(0xFFFF)
_TWO_M16 = np.float32(2.0**-16)
_LITTLE_ENDIAN = sys.byteorder == "little"


def uniform_quad(keys: np.ndarray, purpose: int, step: int) -> tuple[np.ndarray, ...]:
    """Four independent uniforms in [0, 1) per key (16-bit resolution, float32), from one hash.

    Enough resolution for choices and Bernoulli draws (steps of 1/65536), at a quarter of the
    hashing cost: the per-second kernels use these.
    """
    bits = hash_bits(keys, purpose, step)
    if _LITTLE_ENDIAN:  # the four 16-bit words, lowest first, in one conversion
        words = bits.view(np.uint16).reshape(*bits.shape, 4)
        quad = np.moveaxis(words, -1, 0).astype(np.float32, order="C")
        quad *= _TWO_M16
        return tuple(quad)
    return tuple(
        ((bits >> np.uint64(s)) & _LOW16).astype(np.float32) * _TWO_M16 for s in (0, 16, 32, 48)
    )


def uniforms(keys: np.ndarray, purpose: int, step: int, n: int) -> np.ndarray:
    """``n`` independent uniforms per key, shape ``(n, *keys.shape)``.

    Draw ``i`` of step ``s`` comes from the hash of (purpose, s * 8 + i // 2), so n <= 16.
    """
    if not 0 < n <= 16:
        raise ValueError("uniforms draws between 1 and 16 numbers per key and step")
    out = np.empty((n, *np.shape(keys)), dtype=np.float64)
    for i in range(0, n, 2):
        a, b = uniform_pair(keys, purpose, step * 8 + i // 2)
        out[i] = a
        if i + 1 < n:
            out[i + 1] = b
    return out


def bell(u1: np.ndarray, u2: np.ndarray, u3: np.ndarray) -> np.ndarray:
    """A bounded bell-shaped variate on [0, 1] (mean 0.5, sd 1/6): the mean of three uniforms."""
    return (u1 + u2 + u3) / 3.0


# --- the same draws for one infant inside the compiled rules (simulation.rules) ---

_S16 = np.uint64(16)
_S48 = np.uint64(48)


@kernel
def quad_one(key: np.uint64, purpose: int, step: int) -> tuple:
    """:func:`uniform_quad` for one key: four float32 uniforms from one hash, bit for bit."""
    counter = (np.uint64(purpose) << np.uint64(40)) + np.uint64(step)
    z = key + counter * _GOLDEN
    z = (z ^ (z >> _S30)) * _M1
    z = (z ^ (z >> _S27)) * _M2
    z = z ^ (z >> _S31)
    return (np.float32(z & _LOW16) * _TWO_M16,
            np.float32((z >> _S16) & _LOW16) * _TWO_M16,
            np.float32((z >> _S32) & _LOW16) * _TWO_M16,
            np.float32((z >> _S48) & _LOW16) * _TWO_M16)
