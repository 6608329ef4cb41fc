"""Welch periodograms of AP and ML together, fast enough for every trial in a session list.

``scipy.signal.welch`` computes the same spectra (the tests check them to 1e-9) at several times
the cost. Here the window and the detrend projection are built once per segment length, AP and ML
share one complex FFT per segment (the real and imaginary parts of one transform, separated by its
conjugate symmetry), and only the bins a measure reads are separated and summed. The PSD's
constant factors (sampling rate, window power, number of segments) are left to the caller: the
pinned spectral measures are ratios in which they cancel.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
from numpy.lib.stride_tricks import as_strided


@lru_cache(maxsize=16)
def _hann(nperseg: int) -> np.ndarray:
    """The periodic Hann window, as scipy's welch uses by default for spectral analysis."""
    window = 0.5 - 0.5 * np.cos(2.0 * np.pi * np.arange(nperseg) / nperseg)
    window.setflags(write=False)
    return window


@lru_cache(maxsize=16)
def _linear_trend_basis(nperseg: int) -> tuple[np.ndarray, np.ndarray]:
    """Orthonormal basis of what a linear detrend removes (a constant and a ramp), and its
    transpose multiplied by the window."""
    q, _ = np.linalg.qr(np.column_stack([np.ones(nperseg), np.arange(nperseg, dtype=float)]))
    windowed = q.T * _hann(nperseg)
    q.setflags(write=False)
    windowed.setflags(write=False)
    return q, windowed


def covering_overlap(n: int, nperseg: int, max_step: int) -> int:
    """Overlap that makes Welch segments of ``nperseg`` tile all ``n`` samples, end to end.

    A fixed step drops the tail that does not fill a whole step: a trial 2 samples shorter than
    a multiple of the step loses a whole segment, and its spectrum jumps (the BDS settings, N/2
    segments stepped by N/4, average 3 segments at N = 6000 but 2 at N = 5998, moving the mean
    power frequency of the shipped trials by up to 19 %). Here the fewest segments with a step
    of at most ``max_step`` are spread from the first sample to the last, so the overlap never
    falls below the nominal one and equals it whenever ``n - nperseg`` is a multiple of
    ``max_step`` (so the BDS values at N = 6000 are unchanged).
    """
    spare = n - nperseg
    if spare <= 0:
        return 0
    segments = -(-spare // max_step) + 1
    return nperseg - spare // (segments - 1)


def _segments_as_complex(
    pair: np.ndarray, nperseg: int, noverlap: int, linear_detrend: bool
) -> np.ndarray:
    """Welch's segments of the two rows of ``pair``, each detrended and Hann-windowed, as one
    complex row per segment: first row + i·second row."""
    step = nperseg - noverlap
    count = (pair.shape[1] - nperseg) // step + 1
    row_stride, col_stride = pair.strides
    segments = as_strided(pair, (2, count, nperseg), (row_stride, step * col_stride, col_stride),
                          writeable=False)
    window = _hann(nperseg)
    out = np.empty((count, nperseg), dtype=complex)
    if linear_detrend:
        basis, windowed_basis = _linear_trend_basis(nperseg)
        # (segment − trend)·window, with the window folded into the trend basis once per length
        tapered = segments * window - (segments @ basis) @ windowed_basis
    else:
        tapered = (segments - segments.mean(axis=-1, keepdims=True)) * window
    out.real, out.imag = tapered
    return out


def welch_power_sums(
    pair: np.ndarray,
    nperseg: int,
    noverlap: int,
    linear_detrend: bool,
    bins: slice = slice(None),
) -> tuple[np.ndarray, int]:
    """Σ over Welch segments of |X_k|² (Hann window, nfft = nperseg) for each of the two rows of
    ``pair`` and the one-sided bins ``bins`` of 0 … nperseg//2; and the number of segments.

    Segments start every nperseg − noverlap samples from the first one. With z = a + i·b the
    FFT of a segment of both rows, a's spectrum is (z_k + conj z_(n−k))/2 and b's is
    (z_k − conj z_(n−k))/2i. A segment length with a large prime factor (common: a jittered
    trial's N/2 falls anywhere) needs a Bluestein transform, so this halves the dearest step;
    scipy's FFT keeps its plans between calls, where numpy's rebuilds the Bluestein one each time.
    """
    from scipy.fft import fft

    n = nperseg
    z = fft(_segments_as_complex(pair, nperseg, noverlap, linear_detrend), axis=-1,
            overwrite_x=True)
    first, stop, _ = bins.indices(n // 2 + 1)
    here = z[:, first:stop]
    mirror = np.empty_like(here)  # z at n − k: the same bins read backwards from the end
    if first == 0:
        mirror[:, 0] = z[:, 0]
        mirror[:, 1:] = z[:, n - 1 : n - stop : -1]
    else:
        mirror[:, :] = z[:, n - first : n - stop : -1]
    np.conjugate(mirror, out=mirror)
    sums = np.empty((2, stop - first))
    for row, part in enumerate((here + mirror, here - mirror)):  # 2·a_k and 2i·b_k
        squares = np.square(part.view(float)).sum(axis=0)  # real², imag² interleaved
        np.add(squares[0::2], squares[1::2], out=sums[row])
    sums *= 0.25
    return sums, len(z)


def one_sided_factors(nperseg: int) -> np.ndarray:
    """Per bin 0 … nperseg//2, what turns |X_k|² into a one-sided spectrum: 2, except 1 at 0 Hz
    and at the Nyquist bin, which exists only for an even length."""
    factors = np.full(nperseg // 2 + 1, 2.0)
    factors[0] = 1.0
    if nperseg % 2 == 0:
        factors[-1] = 1.0
    return factors
