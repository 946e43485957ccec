"""Limits that protect the machine, named in one place (README: "Limits").

Each is enforced where the value enters, with a message saying how to go beyond it.
"""

#: Infants in one ``run_cohort`` call / ``ssp run``; beyond it, run replicates with a sweep.
MAX_INFANTS = 1_000_000
#: Infants simulated and coded per chunk by default (the record of one chunk is held in memory:
#: about 17 MB per 1,000 infants). Chunks of a few thousand run faster than larger ones: their
#: arrays stay in the allocator's reach instead of fresh pages from the system each time.
DEFAULT_CHUNK = 2_500
#: Threads one cohort's compiled kernels may run on (``threads=``, ``ssp run --threads``).
MAX_THREADS = 256

# --- batch experiments (``ssp sweep``, :mod:`simulation.sweep`) ---
#: Largest experiment file read; checked before parsing (a real experiment file is a few KB).
MAX_EXPERIMENT_FILE_BYTES = 1_048_576
#: Deepest nesting of tables, arrays and dotted keys in an experiment file; checked before the
#: TOML parser runs (Python 3.11's ``tomllib`` recurses, and slows quadratically on deep keys).
MAX_TOML_DEPTH = 16
#: Cells in one sweep (design points x replicates); beyond it, split the experiment.
MAX_SWEEP_CELLS = 100_000
#: Infants over all cells of one sweep (about 12 core-days at 1 ms per infant).
MAX_SWEEP_INFANTS = 1_000_000_000
#: Values on one sweep axis, and points in a sampled or listed design.
MAX_AXIS_VALUES = 10_000
#: Workers of a local process pool (``--workers``).
MAX_SWEEP_WORKERS = 512
#: Longest text value (name, description, label) in an experiment file, in characters.
MAX_TEXT_CHARS = 20_000

# --- the teaching dashboard (``ssp dashboard``) ---
#: Infants in one population on the dashboard's "A population" page (its largest size; a link
#: asking for more falls back to the default with a notice). Beyond it, use ``ssp run --infants
#: N`` or ``ssp sweep``. Enforced by the page's size choices (dashboard/views/population.py).
MAX_DASHBOARD_INFANTS = 5_000
