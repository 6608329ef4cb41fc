"""Low-pass filters: a zero-lag one for analysis and a causal one for steering the games.

Analysis and control need different filters. Analysis sees the whole trial, so it can run a
Butterworth forwards and backwards and shift nothing in time. Control must answer now, from the
samples so far, and the board's samples arrive at irregular device times, so the live filter is
written in continuous time: its response depends on elapsed time, never on the frame rate or on
how many samples a frame happens to bring.
"""

from __future__ import annotations

import math
from functools import lru_cache

import numpy as np
from scipy.signal import butter, sosfiltfilt

ANALYSIS_CUTOFF_HZ = 10.0
# "4th-order zero-lag" is ambiguous (docs/sway-measures.md §2.2). We design butter(4) and run it
# forwards and backwards, as the Quijoux and micromotion code do: the magnitude response is the
# square of a 4th-order Butterworth (effective 8th order, -6 dB at the cut-off, no phase shift).
ANALYSIS_ORDER = 4


@lru_cache(maxsize=32)
def butter_sos(cutoff_hz: float, fs_hz: float, order: int = ANALYSIS_ORDER) -> np.ndarray:
    """Second-order sections of a Butterworth low-pass; cached because design costs ~100 µs.

    The cached array is shared (scipy's ``sosfilt`` refuses read-only ones): do not modify it.
    """
    return butter(order, cutoff_hz, btype="low", fs=fs_hz, output="sos")


def min_filter_length(order: int = ANALYSIS_ORDER) -> int:
    """Shortest series ``lowpass_zero_lag`` accepts: longer than scipy's default edge padding."""
    return 3 * (2 * ((order + 1) // 2) + 1) + 1


def lowpass_zero_lag(
    x: np.ndarray,
    fs_hz: float,
    cutoff_hz: float = ANALYSIS_CUTOFF_HZ,
    order: int = ANALYSIS_ORDER,
) -> np.ndarray:
    """Zero-phase Butterworth low-pass along the last axis (one call filters AP and ML together).

    The input must be finite: a single NaN would spread over the whole output, so split the
    series at gaps first (see ``resample.finite_runs``).
    """
    x = np.asarray(x, dtype=float)
    if x.shape[-1] < min_filter_length(order):
        raise ValueError(f"need at least {min_filter_length(order)} samples to filter")
    if cutoff_hz >= fs_hz / 2:
        return x.copy()
    return sosfiltfilt(butter_sos(cutoff_hz, fs_hz, order), x, axis=-1)


class LiveLowPass:
    """Causal first-order low-pass for game control, exact on irregular device timestamps.

    Each update moves the output toward the new sample by ``1 - exp(-dt/tau)``, the exact
    response of an RC filter whose input has held the new value since the previous sample. So a
    step reaches ``1 - exp(-(t - t_prev)/tau)`` at every later sample time whatever the spacing
    of the samples, and feeding the same stream in any chunking gives the same output.
    Duplicate or backward timestamps carry no elapsed time and leave the output unchanged.
    """

    def __init__(self, cutoff_hz: float = 4.0) -> None:
        if cutoff_hz <= 0:
            raise ValueError("cutoff_hz must be positive")
        self.tau_s = 1.0 / (2.0 * math.pi * cutoff_hz)
        self._t: float | None = None
        self._x = 0.0
        self._y = 0.0

    def reset(self) -> None:
        """Forget the history: the next sample is passed through unchanged."""
        self._t = None

    def update(self, t_s: float, x: float, y: float) -> tuple[float, float]:
        """Feed one sample (device time in seconds); returns the filtered (x, y)."""
        if self._t is None:
            self._t, self._x, self._y = t_s, x, y
        elif t_s > self._t:
            alpha = -math.expm1(-(t_s - self._t) / self.tau_s)
            self._x += alpha * (x - self._x)
            self._y += alpha * (y - self._y)
            self._t = t_s
        return self._x, self._y
