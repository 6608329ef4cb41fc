"""How far the sway measures are from 5× micromotion, and what no numpy rewrite can remove.

On the bench's jittered 60 s trials, in one run and called in turn (as `balance-game bench`
does), this times ours (`compute_measures`, standard pipeline), micromotion's pipeline, and
only the compiled calls ours cannot do without: the zero-lag low-pass's two `sosfilt` passes
over AP and ML, the mean power frequency's six zero-padded FFTs of N/2-sample segments, the
f50/f95 Welch FFTs of 10 s segments and the resampler's one `np.interp`. What is left of ours
beyond that floor is numpy calls and Python between them:

    pip install '.[bench]' && python docs/sway_floor.py

The figures are in docs/benchmarks.md ("Sway measures").
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable

import numpy as np
from scipy.fft import rfft
from scipy.signal import sosfilt

from balance_game.bench.sway_timing import TRIALS, jittered_trial, micromotion_pipeline, ours
from balance_game.dsp import sway
from balance_game.dsp.filters import _design, _edge_padding
from balance_game.dsp.spectrum import covering_overlap

REPEATS = 100


def compiled_floor(t: np.ndarray, x: np.ndarray, y: np.ndarray) -> Callable[[], None]:
    """The compiled calls the standard pipeline makes on this trial, on arrays of their sizes."""
    p = sway.prepare(t, x, y, "standard")
    n = p.ap_ml.shape[1]
    sos, zi = _design(10.0, p.fs_hz, 4)
    padded = np.ones((2, n + 2 * _edge_padding(4)))
    state = zi.reshape(len(zi), 1, 2) * padded[:, :1]
    nfft, _ = sway._mean_frequency_weights(n // 2)
    mpf = np.ones((2, 3, nfft))
    band = round(sway.F_WELCH_SEGMENT_S * p.fs_hz)
    step = band - covering_overlap(n, band, band - band // 2)
    bands = np.ones((2, (n - band) // step + 1, band))
    knots = np.sort(t)
    values = np.cumsum(x + 1j * y)
    edges = np.arange(n + 1) / p.fs_hz

    def run() -> None:
        sosfilt(sos, padded, axis=-1, zi=state)
        sosfilt(sos, padded, axis=-1, zi=state)
        rfft(mpf, axis=-1)
        rfft(bands, axis=-1)
        np.interp(edges, knots, values)

    return run


def main() -> None:
    theirs = micromotion_pipeline()
    if theirs is None:
        raise SystemExit("micromotion is not installed: pip install '.[bench]'")
    load_before = os.getloadavg()[0]
    medians: dict[str, list[float]] = {"ours": [], "micromotion": [], "compiled floor": []}
    for seed in range(TRIALS):
        trial = jittered_trial(seed)
        sides = {"ours": lambda tr=trial: ours(*tr),
                 "micromotion": lambda tr=trial: theirs(*tr),
                 "compiled floor": compiled_floor(*trial)}
        spent: dict[str, list[float]] = {name: [] for name in sides}
        for fn in sides.values():
            fn()  # imports, caches
        for _ in range(REPEATS):
            for name, fn in sides.items():
                start = time.process_time()
                fn()
                spent[name].append(time.process_time() - start)
        for name in sides:
            medians[name].append(1e3 * statistics.median(spent[name]))
    ms = {name: statistics.median(values) for name, values in medians.items()}
    budget = ms["micromotion"] / 5
    print(f"CPU ms per 60 s trial (median of {TRIALS} trials × {REPEATS} runs; "
          f"load {load_before:.2f} → {os.getloadavg()[0]:.2f}):")
    for name, value in ms.items():
        print(f"  {name:15s} {value:6.3f}")
    print(f"  ratio {ms['micromotion'] / ms['ours']:.2f}×; the 5× budget {budget:.3f} ms, of which "
          f"the compiled floor takes {100 * ms['compiled floor'] / budget:.0f} %; ours spends "
          f"{ms['ours'] - ms['compiled floor']:.3f} ms beyond the floor, "
          f"{budget - ms['compiled floor']:.3f} would be allowed")


if __name__ == "__main__":
    main()
