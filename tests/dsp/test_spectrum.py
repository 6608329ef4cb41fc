"""The fast Welch sums are scipy's Welch estimate, bin for bin, once its constant factors are
put back."""

import numpy as np
import pytest
from scipy.signal import welch

from balance_game.dsp.spectrum import (
    covering_overlap,
    one_sided_factors,
    padded_kernel_weights,
    welch_power_sums,
)


def scipy_psd(x, nperseg, noverlap, linear):
    return welch(x, fs=100.0, window="hann", nperseg=nperseg, noverlap=noverlap,
                 detrend="linear" if linear else "constant", axis=-1)


@pytest.mark.parametrize(("n", "nperseg", "noverlap", "linear"),
                         [(6000, 1000, 500, True), (6000, 3000, 1500, False),
                          (5999, 2999, 1499, False), (4321, 777, 388, True),
                          (5948, 2974, 1487, False), (5966, 2983, 1492, False), (40, 7, 3, True)])
def test_matches_scipy_welch(n, nperseg, noverlap, linear):
    """Even, odd, smooth and awkward (large prime factor) segment lengths, both detrends."""
    rng = np.random.default_rng(n)
    x = np.cumsum(rng.normal(size=(2, n)), axis=1) * [[1.0], [0.05]]  # ML far smaller than AP
    sums, k = welch_power_sums(x, nperseg, noverlap, linear)
    f_ref, p_ref = scipy_psd(x, nperseg, noverlap, linear)
    window = 0.5 - 0.5 * np.cos(2 * np.pi * np.arange(nperseg) / nperseg)
    psd = sums * one_sided_factors(nperseg) / (k * 100.0 * (window @ window))
    assert k == (n - nperseg) // (nperseg - noverlap) + 1
    assert psd.shape == p_ref.shape == (2, len(f_ref))
    for row in range(2):
        np.testing.assert_allclose(psd[row], p_ref[row], rtol=1e-9, atol=1e-12 * p_ref[row].max())


@pytest.mark.parametrize("bins", [slice(2, 51), slice(0, 1), slice(1, 3), slice(490, 501)])
def test_a_range_of_bins_is_that_part_of_the_spectrum(bins):
    x = np.cumsum(np.random.default_rng(5).normal(size=(2, 5000)), axis=1)
    whole, k = welch_power_sums(x, 1000, 500, True)
    part, k_part = welch_power_sums(x, 1000, 500, True, bins)
    assert k_part == k
    np.testing.assert_allclose(part, whole[:, bins], rtol=1e-12)


def segment_power_sums(x, nperseg, noverlap, nfft=None):
    """Σ over segments of |X_k|², from scipy's Welch density with its factors taken out."""
    _, psd = welch(x, fs=100.0, window="hann", nperseg=nperseg, noverlap=noverlap, nfft=nfft,
                   detrend="constant", axis=-1)
    window = 0.5 - 0.5 * np.cos(2 * np.pi * np.arange(nperseg) / nperseg)
    count = (x.shape[-1] - nperseg) // (nperseg - noverlap) + 1
    return psd * (count * 100.0 * (window @ window)) / one_sided_factors(nfft or nperseg)


@pytest.mark.parametrize(("n", "nperseg", "noverlap", "nfft"),
                         [(3000, 1000, 500, 2048), (2999, 999, 499, 2001), (40, 7, 3, 13)])
def test_zero_padded_sums_match_scipy_welch_with_nfft(n, nperseg, noverlap, nfft):
    x = np.cumsum(np.random.default_rng(n).normal(size=(2, n)), axis=1)
    sums, _ = welch_power_sums(x, nperseg, noverlap, False, nfft=nfft)
    np.testing.assert_allclose(sums, segment_power_sums(x, nperseg, noverlap, nfft), rtol=1e-9)


@pytest.mark.parametrize(("n", "nperseg", "noverlap", "walks"),
                         [(5924, 2962, 1481, 1), (5999, 2999, 1499, 1), (6000, 3000, 1500, 1),
                          (1041, 520, 260, 1), (30011, 15005, 7503, 1), (40, 7, 3, 1),
                          (60003, 30001, 15000, 2)])
def test_padded_weights_give_the_weighted_sums_of_the_unpadded_spectrum(
    n, nperseg, noverlap, walks
):
    """Even, odd and large-prime segment lengths; a random walk (power near 0 Hz, the hard case
    for rounding; twice integrated over 10 minutes, the hardest) weighted by bin number as the
    mean power frequency reads it, and by random positive weights."""
    rng = np.random.default_rng(nperseg)
    x = rng.normal(size=(2, n))
    for _ in range(walks):
        x = np.cumsum(x, axis=1)
    bins = nperseg // 2 + 1
    weights = np.vstack([np.arange(bins, dtype=float), rng.uniform(0.1, 1.0, bins)])
    # the kernels over all bins: each one-sided weight shared by a bin and its mirror
    kernel = np.fft.irfft(weights / one_sided_factors(nperseg), n=nperseg) * nperseg
    nfft, padded = padded_kernel_weights(kernel)
    assert nfft >= 2 * nperseg - 1
    sums, _ = welch_power_sums(x, nperseg, noverlap, False, nfft=nfft)
    expected = segment_power_sums(x, nperseg, noverlap) @ weights.T
    np.testing.assert_allclose(sums @ padded.T, expected, rtol=1e-10)


def test_one_sided_factors_double_all_but_zero_and_nyquist():
    assert one_sided_factors(6).tolist() == [1.0, 2.0, 2.0, 1.0]
    assert one_sided_factors(7).tolist() == [1.0, 2.0, 2.0, 2.0]


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
