"""The sway measures' cost on realistic board data, against micromotion in the same run.

A board does not deliver a perfect 100 Hz grid: its timestamps jitter and now and then repeat,
so the standard pipeline must resample, and the trial's length (and so its FFT sizes) falls
wherever it falls. The figure is therefore the median over several jittered 60 s trials of the
median of repeated runs, in process CPU time, with the two sides called alternately (ours, then
micromotion's, on the same trial) so that a change in the machine's load falls on both.

What each side computes from the same raw samples (``COMPARED``):
- ours, ``dsp.sway.compute_measures(..., "standard")``: validity checks, duplicate/backward
  timestamps dropped, windowed-mean resampling to 100 Hz with gaps flagged, the 10 Hz 4th-order
  zero-lag low-pass, and all 22 pinned measures (distances, RMS, ranges, path lengths and
  velocities, 95 % ellipse, swept area, MFREQ, mean power frequency from a Welch estimate with
  N/2 segments, f50/f95 from a Welch estimate with 10 s segments);
- micromotion (optional: the ``bench`` extra): ``regularize`` onto 100 Hz (linear
  interpolation), the same low-pass, ``cop_sway_metrics`` (path, ellipse, ranges, SDs, mean
  frequency per axis from a 20 s Welch estimate) and ``spectral_edges`` per axis (f50/f95 from
  a 2048-sample Welch estimate).
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable
from typing import Any

import numpy as np

from balance_game.dsp.sway import compute_measures

TRIAL_S = 60.0
RATE_HZ = 100.0
TRIALS = 5
DUPLICATE_SHARE = 0.01  # board timestamps that repeat the one before
COMPARED = ("ours: resampling, low-pass and all 22 pinned measures; micromotion: regularize, "
            "lowpass, cop_sway_metrics and spectral_edges per axis")


def jittered_trial(seed: int, seconds: float = TRIAL_S) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Board-like timestamps (10 ms ± 2.5 ms, 1 % repeats) and a random-walk sway path in mm."""
    rng = np.random.default_rng(seed)
    n = int(seconds * RATE_HZ)
    dt = np.clip(rng.normal(1.0 / RATE_HZ, 0.25 / RATE_HZ, n), 0.0, None)
    dt[rng.random(n) < DUPLICATE_SHARE] = 0.0
    t = np.cumsum(dt)
    x, y = np.cumsum(rng.normal(0.0, 0.3, (2, n)), axis=1)
    return t, x, y


def gridded_trial() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A perfect 100 Hz grid, as a force plate gives (the resampling step is skipped)."""
    rng = np.random.default_rng(0)
    t = np.arange(int(TRIAL_S * RATE_HZ)) / RATE_HZ
    x, y = np.cumsum(rng.normal(0.0, 0.3, (2, len(t))), axis=1)
    return t, x, y


def ours(t: np.ndarray, x: np.ndarray, y: np.ndarray) -> Any:
    return compute_measures(t, x, y, "standard")


def micromotion_pipeline() -> Callable[[np.ndarray, np.ndarray, np.ndarray], Any] | None:
    try:
        from micromotion import balance, filters, resample
    except ImportError:
        return None

    def run(t: np.ndarray, x: np.ndarray, y: np.ndarray) -> Any:
        _grid, xy = resample.regularize(t, np.column_stack([x, y]), fs_out=RATE_HZ, max_gap_s=0.2)
        xy = filters.lowpass(xy, RATE_HZ, fc=10.0, order=4)
        out = balance.cop_sway_metrics(xy, fs=RATE_HZ)
        for axis in range(2):
            out.update(balance.spectral_edges(xy[:, axis], RATE_HZ))
        return out

    return run


def _cpu_ms(fn: Callable, trial: tuple, repeats: int) -> float:
    fn(*trial)  # first call: imports, caches
    runs = []
    for _ in range(repeats):
        start = time.process_time()
        fn(*trial)
        runs.append(time.process_time() - start)
    return 1e3 * statistics.median(runs)


def _alternating_cpu_ms(sides: list[Callable], trial: tuple, repeats: int) -> list[float]:
    """Median CPU ms of each side on one trial, the sides called in turn, run after run."""
    for fn in sides:
        fn(*trial)  # first call: imports, caches
    runs: list[list[float]] = [[] for _ in sides]
    for _ in range(repeats):
        for fn, spent in zip(sides, runs, strict=True):
            start = time.process_time()
            fn(*trial)
            spent.append(time.process_time() - start)
    return [1e3 * statistics.median(spent) for spent in runs]


def time_all_measures(repeats: int = 200) -> float:
    """Median CPU ms of every measure on the gridded 60 s trial (the old, flattering figure)."""
    return _cpu_ms(ours, gridded_trial(), repeats)


def sway_timings(repeats: int) -> dict[str, Any]:
    """Ours and micromotion's on the same jittered trials, called alternately."""
    theirs = micromotion_pipeline()
    sides = [ours] if theirs is None else [ours, theirs]
    load_before = os.getloadavg()[0]
    per_trial = [_alternating_cpu_ms(sides, jittered_trial(seed), repeats)
                 for seed in range(TRIALS)]
    load_after = os.getloadavg()[0]
    mine = statistics.median(ms[0] for ms in per_trial)
    other = statistics.median(ms[1] for ms in per_trial) if theirs is not None else None
    return {
        "sway_ms_jittered_60s": round(mine, 3),
        "sway_ms_gridded_60s": round(time_all_measures(repeats), 3),
        "micromotion_ms_jittered_60s": None if other is None else round(other, 3),
        "sway_speedup_vs_micromotion": None if other is None else round(other / mine, 2),
        "sway_load_1m": [round(load_before, 2), round(load_after, 2)],
        "sway_compared": COMPARED,
    }
