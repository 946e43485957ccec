"""Limits that protect the machine, named in one place (README: "Limits").

Each is enforced where the value enters, with a message saying how to go beyond it.
"""

#: Infants in one ``run_cohort`` call / ``ssp run``; beyond it, run replicates with a sweep.
MAX_INFANTS = 1_000_000
#: Infants coded per chunk by default (the record of one chunk is held in memory).
DEFAULT_CHUNK = 10_000
