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

# scipy.signal is imported inside the functions that need it: it takes over a second to load,
# and the game and most commands never filter a trial.

ANALYSIS_CUTOFF_HZ = 10.0
# "4th-order zero-lag" is ambiguous (docs/sway-measures.md §2.2). We design butter(4) and run it
# forwards and backwards, as the Quijoux and micromotion code do: the magnitude response is the
# square of a 4th-order Butterworth (effective 8th order, -6 dB at the cut-off, no phase shift).
ANALYSIS_ORDER = 4


@lru_cache(maxsize=32)
def _design(cutoff_hz: float, fs_hz: float, order: int) -> tuple[np.ndarray, np.ndarray]:
    """Butterworth sections and their step-response initial state, designed once per setting.

    Design and ``sosfilt_zi`` cost more than filtering a whole trial, so they are cached. The
    arrays are shared: never modify them.
    """
    from scipy.signal import butter, sosfilt_zi

    sos = butter(order, cutoff_hz, btype="low", fs=fs_hz, output="sos")
    return sos, sosfilt_zi(sos)


def _edge_padding(order: int) -> int:
    """scipy's default ``sosfiltfilt`` padding for a Butterworth low-pass of this order."""
    return 3 * (2 * ((order + 1) // 2) + 1 - (order % 2))


def min_filter_length(order: int = ANALYSIS_ORDER) -> int:
    """Shortest series ``lowpass_zero_lag`` accepts: longer than the edge padding."""
    return _edge_padding(order) + 1


def lowpass_zero_lag(
    x: np.ndarray,
    fs_hz: float,
    cutoff_hz: float = ANALYSIS_CUTOFF_HZ,
    order: int = ANALYSIS_ORDER,
) -> np.ndarray:
    """Zero-phase Butterworth low-pass along the last axis (one call filters AP and ML together).

    Exactly ``scipy.signal.sosfiltfilt`` with its default odd-extension padding (the tests check
    it bit for bit), but with the design and initial state cached: that halves the cost.
    The input must be finite: a single NaN would spread over the whole output, so split the
    series at gaps first (see ``resample.finite_runs``).
    """
    x = np.asarray(x, dtype=float)
    pad = _edge_padding(order)
    if x.shape[-1] <= pad:
        raise ValueError(f"need at least {pad + 1} samples to filter")
    if cutoff_hz >= fs_hz / 2:
        return x.copy()
    sos, zi = _design(cutoff_hz, fs_hz, order)
    n = x.shape[-1]
    ext = np.empty((*x.shape[:-1], n + 2 * pad))  # odd extension at both ends, as scipy's
    ext[..., pad : pad + n] = x
    ext[..., :pad] = 2 * x[..., :1] - x[..., pad:0:-1]
    ext[..., pad + n :] = 2 * x[..., -1:] - x[..., -2 : -pad - 2 : -1]
    state = zi.reshape(len(zi), *([1] * (x.ndim - 1)), 2)
    from scipy.signal import sosfilt

    y, _ = sosfilt(sos, ext, axis=-1, zi=state * ext[..., :1])
    y, _ = sosfilt(sos, y[..., ::-1], axis=-1, zi=state * y[..., -1:])
    return y[..., ::-1][..., pad:-pad]


class LiveLowPass:
    """Causal first-order low-pass for game control, exact on irregular device timestamps.

    Each update moves the output toward the new sample by ``1 - exp(-dt/tau)``, the exact
    response of an RC filter whose input has held the new value since the previous sample. So a
    step reaches ``1 - exp(-(t - t_prev)/tau)`` at every later sample time whatever the spacing
    of the samples, and feeding the same stream in any chunking gives the same output.
    Duplicate or backward timestamps carry no elapsed time, and non-finite positions (nobody on
    the board) carry no information: both leave the output unchanged instead of poisoning it.
    """

    def __init__(self, cutoff_hz: float = 4.0) -> None:
        """``cutoff_hz`` is the -3 dB frequency; the time constant is 1/(2π·cutoff_hz).

        4 Hz (tau = 40 ms) keeps the board's jitter off the cursor while a deliberate lean still
        shows within a frame or two at 60 fps.
        """
        if cutoff_hz <= 0:
            raise ValueError("cutoff_hz must be positive")
        self.tau_s = 1.0 / (2.0 * math.pi * cutoff_hz)
        self._t: float | None = None
        self._x = self._y = 0.0

    def reset(self) -> None:
        """Forget the history: the next finite sample is passed through unchanged."""
        self._t, self._x, self._y = None, 0.0, 0.0

    def update(self, t_s: float, x: float, y: float) -> tuple[float, float]:
        """Feed one sample (device time in seconds); returns the filtered (x, y).

        Until the first finite sample the output is (0, 0), the board centre.
        """
        if not (math.isfinite(x) and math.isfinite(y)):
            return self._x, self._y
        if self._t is None:
            self._t, self._x, self._y = t_s, x, y
        elif t_s > self._t:
            alpha = -math.expm1(-(t_s - self._t) / self.tau_s)
            self._x += alpha * (x - self._x)
            self._y += alpha * (y - self._y)
            self._t = t_s
        return self._x, self._y
