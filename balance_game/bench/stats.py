"""Summaries of timings: percentiles, the worst frame, frames over budget, medians of repeats."""

from __future__ import annotations

import statistics

import numpy as np

FRAME_BUDGET_MS = 1000.0 / 60.0  # one frame at 60 Hz


def summary(values_ms: list[float]) -> dict[str, float]:
    """p50, p99, max and how many values exceed one 60 Hz frame."""
    if not values_ms:
        return {"p50": float("nan"), "p99": float("nan"), "max": float("nan"), "over": 0.0, "n": 0.0}
    a = np.asarray(values_ms, dtype=float)
    return {
        "p50": round(float(np.percentile(a, 50)), 3),
        "p99": round(float(np.percentile(a, 99)), 3),
        "max": round(float(a.max()), 3),
        "over": float(np.count_nonzero(a > FRAME_BUDGET_MS)),
        "n": float(len(a)),
    }


def median_of(runs: list[dict[str, float]]) -> dict[str, float]:
    """Each statistic's median over repeated runs (a repeat is a fresh process or a fresh run)."""
    return {key: round(statistics.median(r[key] for r in runs), 3) for key in runs[0]}
