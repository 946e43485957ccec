"""The life course: from the 12-month Strange Situation to adulthood, and the next generation.

Two levels of working model (one per relationship, and a general model every relationship
revises and that seeds each new one), care continuing after infancy and changed by negative
life events, alternative support figures, romantic partners, optional therapy; adult measures
(self-report, an observed separation and reunion) and security at later ages; an
intergenerational loop through the infant engine. See docs/ODD.md, "The life course".
"""

from __future__ import annotations

from .params import LifeParams
from .run import run_lives

__all__ = ["LifeParams", "run_lives"]
