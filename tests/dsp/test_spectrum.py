"""The fast Welch estimate is scipy's, bin for bin."""

import numpy as np
import pytest
from scipy.signal import welch

from balance_game.dsp.spectrum import covering_overlap, welch_psd


@pytest.mark.parametrize(("n", "nperseg", "noverlap", "linear"),
                         [(6000, 1000, 500, True), (6000, 3000, 1500, False),
                          (5999, 2999, 1499, False), (4321, 777, 388, True)])
def test_matches_scipy_welch(n, nperseg, noverlap, linear):
    rng = np.random.default_rng(n)
    x = np.cumsum(rng.normal(size=(2, n)), axis=1)
    f, p, k = welch_psd(x, 100.0, nperseg, noverlap, linear)
    f_ref, p_ref = welch(x, fs=100.0, window="hann", nperseg=nperseg, noverlap=noverlap,
                         detrend="linear" if linear else "constant", axis=-1)
    np.testing.assert_allclose(f, f_ref)
    np.testing.assert_allclose(p, p_ref, rtol=1e-9, atol=1e-12 * p_ref.max())
    assert k == (n - nperseg) // (nperseg - noverlap) + 1


@pytest.mark.parametrize(("n", "nperseg", "step"), [(6000, 3000, 1500), (5998, 2999, 1500),
                                                    (5995, 1000, 500), (1200, 1000, 500)])
def test_covering_segments_reach_both_ends(n, nperseg, step):
    overlap = covering_overlap(n, nperseg, step)
    used = nperseg - overlap
    assert overlap >= nperseg - step  # never less overlap than asked
    if n > nperseg:
        segments = (n - nperseg) // used + 1
        assert n - ((segments - 1) * used + nperseg) < segments  # the tail left out is tiny
        assert (n - nperseg) % step or used == step  # an exact fit keeps the nominal step


@pytest.mark.parametrize("n", [2974, 2983, 1499, 6, 7])
@pytest.mark.parametrize("rows", [1, 2, 3, 6])
def test_power_of_awkward_lengths_matches_rfft(n, rows):
    """Lengths with large prime factors pair real rows into one complex FFT: same powers."""
    from balance_game.dsp.spectrum import _power

    x = np.random.default_rng(n + rows).normal(size=(rows, n))
    spectrum = np.fft.rfft(x, axis=-1)
    expected = spectrum.real**2 + spectrum.imag**2
    np.testing.assert_allclose(_power(x), expected, rtol=1e-9, atol=1e-12 * expected.max())
    np.testing.assert_allclose(_power(x.reshape(1, rows, n)), expected[None], rtol=1e-9,
                               atol=1e-12 * expected.max())
