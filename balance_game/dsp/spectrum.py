"""Welch periodograms of AP and ML together, fast enough for every trial in a session list.

``scipy.signal.welch`` computes the same spectra (the tests check them to 1e-9) at several times
the cost. Here the window and the detrend projection are built once per segment length, both rows
go through one real FFT call, and only the bins a measure reads are summed. A measure that reads
only weighted sums of the spectrum (the mean power frequency) takes them from a zero-padded
spectrum of a fast length instead (``padded_kernel_weights``). The PSD's constant factors (sampling
rate, window power, number of segments) are left to the caller: the pinned spectral measures are
ratios in which they cancel.
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
def _linear_trend(nperseg: int, nfft: int) -> tuple[np.ndarray, np.ndarray]:
    """Orthonormal basis of what a linear detrend removes (a constant and a ramp), as columns,
    and the spectra of its windowed vectors (zero-padded to ``nfft``), as rows."""
    from scipy.fft import rfft

    q, _ = np.linalg.qr(np.column_stack([np.ones(nperseg), np.arange(nperseg, dtype=float)]))
    spectra = rfft(q.T * _hann(nperseg), n=nfft, axis=-1)
    q.setflags(write=False)
    spectra.setflags(write=False)
    return q, spectra


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


def welch_power_sums(
    pair: np.ndarray,
    nperseg: int,
    noverlap: int,
    linear_detrend: bool,
    bins: slice = slice(None),
    nfft: int | None = None,
) -> tuple[np.ndarray, int]:
    """Σ over Welch segments of |X_k|² (Hann window) for each of the two rows of ``pair`` and
    the one-sided bins ``bins`` of 0 … nfft//2; and the number of segments.

    Segments start every nperseg − noverlap samples from the first one and are zero-padded to
    ``nfft`` (default ``nperseg``), as scipy's ``welch`` does. A real FFT per row and segment
    costs no more than packing AP and ML into one complex FFT, and needs no unpacking. The
    segments are windowed straight into the padded FFT buffer; a linear trend is taken off
    after the FFT (the transform is linear), in the bins read only.
    """
    from scipy.fft import rfft

    size = nfft or nperseg
    step = nperseg - noverlap
    count = (pair.shape[1] - nperseg) // step + 1
    row_stride, col_stride = pair.strides
    segments = as_strided(pair, (2, count, nperseg), (row_stride, step * col_stride, col_stride),
                          writeable=False)
    window = _hann(nperseg)
    padded = np.empty((2, count, size))
    padded[..., nperseg:] = 0.0
    tapered = padded[..., :nperseg]
    if linear_detrend:
        np.multiply(segments, window, out=tapered)
    else:
        np.subtract(segments, segments.mean(axis=-1, keepdims=True), out=tapered)
        tapered *= window
    spectra = rfft(padded, axis=-1, overwrite_x=True)[..., bins]
    if linear_detrend:
        basis, basis_spectra = _linear_trend(nperseg, size)
        spectra = spectra - (segments @ basis) @ basis_spectra[:, bins]
    parts = spectra.view(float)  # real and imaginary parts interleaved
    squares = np.einsum("asj,asj->aj", parts, parts)  # summed over segments, no temporary
    return squares[:, 0::2] + squares[:, 1::2], count


def padded_kernel_weights(kernel: np.ndarray) -> tuple[int, np.ndarray]:
    """A fast FFT length ``nfft`` and rows ``padded`` such that, for every segment x of
    nperseg = ``kernel.shape[-1]`` samples, Σ_k a_k·|X_k|² over all bins of x's
    nperseg-point DFT equals Σ_j padded[r, j]·|X̃_j|² over the one-sided bins of its
    zero-padded nfft-point DFT, where ``kernel[r]`` is q(d) = Σ_k a_k·cos(2πkd/nperseg),
    d = 0 … nperseg − 1, for symmetric weights a_k = a_(nperseg−k).

    Why: a weighted sum of a Welch spectrum is all a mean power frequency reads, and a jittered
    trial's N/2 often has a large prime factor, whose DFT needs a Bluestein transform (several
    times the cost of a smooth length twice as long). The sum is a quadratic form in x with a
    circulant kernel: Σ_d q(d)·r(d), r the circular autocorrelation of x,
    r(d) = ρ(d) + ρ(nperseg − d) with ρ the linear one. ρ is exactly what |X̃|² holds once
    nfft ≥ 2·nperseg − 1, so laying q over the lags −(nperseg − 1) … nperseg − 1 and taking
    its DFT gives the padded weights. Exact in arithmetic. In floating point, a kernel cut off
    there gives weights that swing by q(0) from bin to bin, and a spectrum concentrated near
    0 Hz lost up to 3e-10 relative on a 10 min trial; with q's period continued into the lags
    no autocorrelation reaches (below), the loss stays near 1e-12.
    """
    from scipy.fft import next_fast_len, rfft

    nperseg = kernel.shape[-1]
    nfft = next_fast_len(2 * nperseg - 1, real=True)
    # Lag d at index d, lag −d at nfft − d. The lags from nperseg to nfft − nperseg meet no
    # autocorrelation (it vanishes there), so any kernel values are exact there; continuing
    # q's period into them (from both sides, meeting in the middle) keeps the padded weights
    # smooth instead of swinging by q(0) from bin to bin, which would cost precision.
    index = np.arange(nfft)
    lag = np.minimum(index, nfft - index)
    lag = np.where(lag < nperseg, lag, np.minimum(index - nperseg, nfft - nperseg - index))
    padded = rfft(kernel[..., lag], axis=-1).real * (one_sided_factors(nfft) / nfft)
    return nfft, padded


def one_sided_factors(nperseg: int) -> np.ndarray:
    """Per bin 0 … nperseg//2, what turns |X_k|² into a one-sided spectrum: 2, except 1 at 0 Hz
    and at the Nyquist bin, which exists only for an even length."""
    factors = np.full(nperseg // 2 + 1, 2.0)
    factors[0] = 1.0
    if nperseg % 2 == 0:
        factors[-1] = 1.0
    return factors
