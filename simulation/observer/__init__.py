"""The observer: a simulated trained coder of the Strange Situation.

It reads only the per-second :class:`~simulation.record.BehaviourRecord` and produces what a
coder behind the one-way mirror would: frequency measures per 15-s interval as rates
(Ainsworth et al. 1978, ch. 3), the six interactive scales 1-7 per episode toward the caregiver
and the stranger (Appendix III), the A/B/C classification with subgroup by an ordered decision
procedure (pp. 59-63), a disorganization rating 1-9 (Main & Solomon 1990), and plain-language
explanations that name the deciding scores and the seconds behind them.

>>> from simulation.observer import code_record, explain
>>> coding = code_record(record)          # doctest: +SKIP
>>> coding.to_frame()                     # doctest: +SKIP
>>> print(explain(coding, 0))             # doctest: +SKIP

Modules: ``segments`` (episodes as run, 15-s intervals), ``bitsets`` (packed per-second masks),
``primitives`` (what is noted each second), ``features`` (per-episode seconds, bouts, latencies),
``frequencies``, ``scales`` (the anchor tables), ``classification`` (the ordered steps),
``disorganization``, ``coding`` (:func:`code_record`, :class:`Coding`), ``explanation``.
"""

from simulation.observer.classification import STEPS
from simulation.observer.coding import CLASSIFICATION, Coding, code_record, frame_columns
from simulation.observer.explanation import describe_scale, explain
from simulation.observer.features import TOWARD
from simulation.observer.frequencies import FREQUENCIES
from simulation.observer.scales import SCALE_TABLES, SCALES

__all__ = [
    "CLASSIFICATION",
    "FREQUENCIES",
    "SCALES",
    "SCALE_TABLES",
    "STEPS",
    "TOWARD",
    "Coding",
    "code_record",
    "describe_scale",
    "explain",
    "frame_columns",
]
