"""The mean power frequency through the padded spectrum is scipy's Welch estimate's, and its
closed-form kernels are the inverse DFTs of the weights they stand for."""

import numpy as np
import pytest
from scipy.signal import welch

from balance_game.dsp.spectrum import covering_overlap, one_sided_factors
from balance_game.dsp.sway import _mean_frequency_kernels, mean_power_frequency, prepare


@pytest.mark.parametrize("nperseg", [7, 8, 9, 520, 2962, 2963, 15005])
def test_closed_form_kernels_are_the_inverse_dft_of_the_weights(nperseg):
    factors = one_sided_factors(nperseg)
    trapezoid = factors.copy()
    trapezoid[[0, -1]] *= 0.5
    weights = np.vstack([trapezoid * np.arange(len(factors)), trapezoid])
    expected = np.fft.irfft(weights / factors, n=nperseg) * nperseg
    got = _mean_frequency_kernels(nperseg)
    for row in range(2):
        np.testing.assert_allclose(got[row], expected[row],
                                   rtol=0, atol=1e-12 * np.abs(expected[row]).max())


def scipy_mean_power_frequency(ap_ml, fs):
    """BDS COPmfreq from scipy's welch: trapezoid per axis, axes weighted by total power."""
    n = ap_ml.shape[1]
    nperseg = n // 2
    f, psd = welch(ap_ml, fs=fs, window="hann", nperseg=nperseg,
                   noverlap=covering_overlap(n, nperseg, nperseg - nperseg // 2),
                   detrend="constant", axis=-1)
    trapezoid = np.ones(len(f))
    trapezoid[[0, -1]] = 0.5
    per_axis = (psd @ (trapezoid * f)) / (psd @ trapezoid)
    total = psd.sum(axis=1)
    return float(per_axis @ total / total.sum())


@pytest.mark.parametrize(("n", "walks"), [(5924, 1), (5927, 1), (6000, 1), (2021, 2),
                                          (29769, 2)])
def test_mean_power_frequency_is_scipy_welchs(n, walks):
    """N/2 = 2·1481, 2963 (prime), 3000 (smooth, not padded), 1010, 14884 = 4·61²; random
    walks, once and twice integrated (nearly all power in the lowest bins)."""
    rng = np.random.default_rng(n)
    xy = rng.normal(size=(2, n))
    for _ in range(walks):
        xy = np.cumsum(xy, axis=1)
    p = prepare(np.arange(n) / 100.0, xy[0], xy[1], "raw")
    assert mean_power_frequency(p) == pytest.approx(scipy_mean_power_frequency(p.ap_ml, 100.0),
                                                    rel=1e-10)
