"""Resampling of irregular streams: what is kept, what is flagged, and that values are faithful."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from balance_game.dsp.resample import finite_runs, monotonic_mask, resample_uniform


def test_duplicates_and_backward_steps_are_dropped_and_counted():
    t = np.array([0.0, 0.01, 0.01, 0.02, 0.015, 0.018, 0.03, 0.03, 0.04])
    keep, n_dup, n_back = monotonic_mask(t)
    # 0.018 is later than 0.015 but not than 0.02: one backward jump drops both
    assert keep.tolist() == [True, True, False, True, False, False, True, False, True]
    assert (n_dup, n_back) == (2, 2)


def test_uniform_input_at_the_grid_rate_comes_out_unchanged():
    rng = np.random.default_rng(0)
    t = 3.0 + np.arange(1000) / 100.0
    x, y = rng.normal(size=(2, 1000))
    res = resample_uniform(t, x, y)
    np.testing.assert_allclose(res.t_s, t, atol=1e-12)
    np.testing.assert_allclose(res.x_mm, x, atol=1e-9)
    np.testing.assert_allclose(res.y_mm, y, atol=1e-9)
    assert res.gaps_s == () and res.gap_fraction == 0.0


def test_windowed_mean_is_time_weighted():
    """Samples at 0, 0.025 and 0.04 s hold over [0, 0.0125], [0.0125, 0.0325], [0.0325, 0.04]."""
    t = np.array([0.0, 0.025, 0.04])
    x = np.array([0.0, 10.0, 20.0])
    res = resample_uniform(t, x, -x)
    np.testing.assert_allclose(res.t_s, [0.0, 0.01, 0.02, 0.03, 0.04])
    # e.g. the window [0.005, 0.015] of 0.01 s: 3/4 of it at 0 and 1/4 at 10
    np.testing.assert_allclose(res.x_mm, [0.0, 2.5, 10.0, 12.5, 20.0], atol=1e-9)
    np.testing.assert_allclose(res.y_mm, -res.x_mm)


def test_a_constant_and_a_ramp_survive_irregular_timing():
    rng = np.random.default_rng(1)
    t = np.cumsum(rng.uniform(0.004, 0.03, 3000))
    res = resample_uniform(t, np.full_like(t, 7.5), 2.0 * t)
    np.testing.assert_allclose(res.x_mm, 7.5)
    # the mean of a step approximation of a ramp is the ramp to within a sample step
    np.testing.assert_allclose(res.y_mm[5:-5], 2.0 * res.t_s[5:-5], atol=2 * 0.03)


def test_long_gaps_are_nan_never_bridged():
    t = np.concatenate([np.arange(0, 1.0, 0.01), np.arange(1.5, 2.0, 0.01)])
    res = resample_uniform(t, np.ones_like(t), np.ones_like(t))
    assert len(res.gaps_s) == 1
    assert res.gaps_s[0] == pytest.approx((0.99, 1.5))
    inside = (res.t_s > 0.99 + 1e-9) & (res.t_s < 1.5 - 1e-9)
    assert np.isnan(res.x_mm[inside]).all() and np.isfinite(res.x_mm[~inside]).all()
    assert res.gap_fraction == pytest.approx(inside.mean())
    runs = finite_runs(res.x_mm)
    assert [(r.start, r.stop) for r in runs] == [(0, 100), (150, 200)]


def test_short_gaps_are_filled_by_the_neighbouring_cells():
    t = np.array([0.0, 0.01, 0.2, 0.21])  # 0.19 s: below the 0.2 s threshold
    res = resample_uniform(t, np.array([0.0, 0.0, 1.0, 1.0]), np.zeros(4))
    assert res.gaps_s == () and np.isfinite(res.x_mm).all()
    assert res.x_mm[5] == 0.0 and res.x_mm[15] == 1.0  # the midpoint 0.105 s splits the hole


def test_degenerate_streams_give_an_empty_grid():
    res = resample_uniform(np.array([1.0, 1.0]), np.zeros(2), np.zeros(2))
    assert len(res.t_s) == 0 and res.n_duplicate == 1 and res.n_kept == 1


@settings(max_examples=60, deadline=None)
@given(
    steps=st.lists(st.floats(0.001, 0.15), min_size=2, max_size=300),
    values=st.lists(st.floats(-500.0, 500.0), min_size=301, max_size=301),
)
def test_windowed_means_are_bounded_and_preserve_the_time_integral(steps, values):
    """Each grid value is a mean of samples, and the windows tile time: nothing lost or doubled."""
    t = np.concatenate([[0.0], np.cumsum(steps)])
    x = np.array(values[: len(t)])
    res = resample_uniform(t, x, x)
    assert np.isfinite(res.x_mm).all()  # no step exceeds the 0.2 s gap threshold
    assert (res.x_mm >= x.min() - 1e-9).all() and (res.x_mm <= x.max() + 1e-9).all()
    # interior windows cover [grid0 + half a period, last grid point − half a period]
    mid = 0.5 * (t[1:] + t[:-1])
    if len(res.t_s) >= 3:
        a, b = res.t_s[1] - 0.005, res.t_s[-2] + 0.005
        lo = np.clip(np.concatenate([[t[0]], mid]), a, b)
        hi = np.clip(np.concatenate([mid, [t[-1]]]), a, b)
        integral = float(((hi - lo) * x).sum())
        assert res.x_mm[1:-1].sum() * 0.01 == pytest.approx(integral, rel=1e-9, abs=1e-6)
