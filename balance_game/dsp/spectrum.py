"""Welch power spectra of AP and ML together, fast enough for every trial in a session list.

``scipy.signal.welch`` computes the same thing (the tests check it to 1e-9) but costs ~2 ms for a
60 s trial with linear detrend; here the window and the detrend projection are built once per
segment length and every segment of both axes goes through a single ``rfft``.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


@lru_cache(maxsize=16)
def _hann(nperseg: int) -> np.ndarray:
    """The periodic Hann window, as scipy's welch uses by default for spectral analysis."""
    window = 0.5 - 0.5 * np.cos(2.0 * np.pi * np.arange(nperseg) / nperseg)
    window.setflags(write=False)
    return window


@lru_cache(maxsize=16)
def _trend_basis(nperseg: int, linear: bool) -> tuple[np.ndarray, np.ndarray]:
    """Orthonormal basis of what detrending removes (a constant, and a ramp if ``linear``),
    and its transpose multiplied by the window."""
    columns = [np.ones(nperseg)]
    if linear:
        columns.append(np.arange(nperseg, dtype=float))
    q, _ = np.linalg.qr(np.column_stack(columns))
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


SMOOTH_PRIMES = (2, 3, 5, 7, 11)  # lengths made of these have fast FFT butterflies


def _is_smooth(n: int) -> bool:
    for p in SMOOTH_PRIMES:
        while n % p == 0:
            n //= p
    return n == 1


def _power(rows: np.ndarray) -> np.ndarray:
    """|rfft|² along the last axis.

    A length with a large prime factor (common: a jittered trial's N/2 falls anywhere) costs a
    Bluestein transform, as dear for real input as for complex; there two real rows go through
    one complex FFT and are separated by its conjugate symmetry, which halves the cost.
    """
    n = rows.shape[-1]
    if _is_smooth(n):
        spectrum = np.fft.rfft(rows, axis=-1)
        return spectrum.real**2 + spectrum.imag**2
    flat = rows.reshape(-1, n)
    if len(flat) % 2:
        flat = np.vstack([flat, np.zeros((1, n))])
    z = np.fft.fft(flat[0::2] + 1j * flat[1::2], axis=-1)
    k = np.arange(n // 2 + 1)
    here, mirror = z[:, k], np.conj(z[:, (n - k) % n])
    first, second = here + mirror, here - mirror  # 2·A_k and 2i·B_k
    power = np.empty((len(flat), len(k)))
    power[0::2] = 0.25 * (first.real**2 + first.imag**2)
    power[1::2] = 0.25 * (second.real**2 + second.imag**2)
    return power[: rows.size // n].reshape(*rows.shape[:-1], len(k))


def welch_psd(
    x: np.ndarray,
    fs_hz: float,
    nperseg: int,
    noverlap: int,
    linear_detrend: bool,
) -> tuple[np.ndarray, np.ndarray, int]:
    """One-sided Welch PSD (Hann, nfft = nperseg) along the last axis.

    Returns frequencies, the PSD (density scaling, as scipy) and the number of segments averaged,
    so spectra of several gap-free stretches can be pooled with the right weights.
    """
    step = nperseg - noverlap
    segments = sliding_window_view(np.asarray(x, dtype=float), nperseg, axis=-1)[..., ::step, :]
    basis, windowed_basis = _trend_basis(nperseg, linear_detrend)
    window = _hann(nperseg)
    # (segment − trend)·window, with the window folded into the trend basis once per length
    tapered = segments * window - (segments @ basis) @ windowed_basis
    power = _power(tapered).mean(axis=-2)
    power /= fs_hz * float(window @ window)
    last = -1 if nperseg % 2 == 0 else None  # the Nyquist bin exists only for even lengths
    power[..., 1:last] *= 2.0
    freqs = np.fft.rfftfreq(nperseg, 1.0 / fs_hz)
    return freqs, power, segments.shape[-2]
