"""Small statistics shared by the CLI, the sweeps, the validation and the dashboard."""

from __future__ import annotations

import numpy as np
import pandas as pd

#: The four classifications, in the order every table and figure uses.
CLASSES = ("secure", "avoidant", "ambivalent", "disorganized")
GROUP_OF = {"secure": "B", "avoidant": "A", "ambivalent": "C", "disorganized": "D"}


def wilson_interval(successes, n, z: float = 1.959963984540054):
    """Wilson score interval for a binomial proportion (arrays welcome); 95% by default.

    Bounds lie in [0, 1]; with no success the lower bound is exactly 0, with only successes
    the upper bound exactly 1 (the formula gives them only up to rounding, e.g. 1.7e-18)."""
    k = np.asarray(successes, dtype=np.float64)
    n = np.asarray(n, dtype=np.float64)
    safe_n = np.maximum(n, 1.0)
    p = k / safe_n
    denom = 1.0 + z * z / safe_n
    centre = (p + z * z / (2.0 * safe_n)) / denom
    half = z * np.sqrt(p * (1.0 - p) / safe_n + z * z / (4.0 * safe_n * safe_n)) / denom
    low = np.where((n > 0) & (k > 0), np.clip(centre - half, 0.0, 1.0), 0.0)
    high = np.where((n > 0) & (k < n), np.clip(centre + half, 0.0, 1.0), 1.0)
    return low, high


def class_shares(labels: pd.Series, classes=CLASSES) -> pd.DataFrame:
    """Count, share and 95% Wilson interval of each class in a column of labels."""
    n = int(labels.shape[0])
    counts = labels.value_counts().reindex(list(classes), fill_value=0)
    low, high = wilson_interval(counts.to_numpy(), n)
    return pd.DataFrame({
        "count": counts.to_numpy(),
        "share": counts.to_numpy() / max(n, 1),
        "ci_low": low,
        "ci_high": high,
    }, index=pd.Index(list(classes), name=labels.name or "class"))
