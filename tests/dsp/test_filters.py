"""Analysis low-pass (zero lag) and live low-pass (causal, exact on irregular device times)."""

import math

import numpy as np
import pytest
from scipy.signal import butter, sosfiltfilt

from balance_game.dsp.filters import LiveLowPass, lowpass_zero_lag, min_filter_length


def test_zero_lag_lowpass_keeps_slow_sway_in_place_and_removes_fast_noise():
    fs = 100.0
    t = np.arange(3000) / fs
    slow = np.sin(2 * np.pi * 1.0 * t)
    out = lowpass_zero_lag(slow + 0.5 * np.sin(2 * np.pi * 30.0 * t), fs)
    # no phase shift and unit gain at 1 Hz; 30 Hz is attenuated beyond 1e-3
    np.testing.assert_allclose(out[100:-100], slow[100:-100], atol=2e-3)


def test_zero_lag_lowpass_is_minus_6_db_at_the_cutoff():
    """butter(4) run forwards and backwards: |H|² of a Butterworth, 1/2 at the cut-off."""
    fs = 100.0
    t = np.arange(20000) / fs
    out = lowpass_zero_lag(np.sin(2 * np.pi * 10.0 * t), fs)
    gain = np.sqrt(2 * np.mean(out[2000:-2000] ** 2))
    assert gain == pytest.approx(0.5, abs=0.01)


@pytest.mark.parametrize("order", [2, 3, 4])
@pytest.mark.parametrize("shape", [(6000,), (2, 6000), (3, 2, 40)])
def test_zero_lag_lowpass_is_scipy_sosfiltfilt_exactly(order, shape):
    x = np.random.default_rng(order).normal(size=shape)
    expected = sosfiltfilt(butter(order, 10.0, fs=100.0, output="sos"), x)
    assert np.array_equal(lowpass_zero_lag(x, 100.0, order=order), expected)
    shortest = np.zeros(min_filter_length(order))
    np.testing.assert_array_equal(lowpass_zero_lag(shortest, 100.0, order=order), shortest)


def test_zero_lag_lowpass_refuses_series_too_short_to_pad():
    with pytest.raises(ValueError, match="at least"):
        lowpass_zero_lag(np.zeros(10), 100.0)


def irregular_stream(seed, n=2000):
    rng = np.random.default_rng(seed)
    t = np.cumsum(rng.uniform(0.002, 0.05, n))
    return t, np.sin(3 * t) + rng.normal(0, 0.2, n), np.cos(2 * t)


def test_step_response_follows_the_time_constant_on_irregular_dt():
    cutoff = 2.0
    tau = 1 / (2 * math.pi * cutoff)
    rng = np.random.default_rng(2)
    t = np.cumsum(rng.uniform(0.001, 0.04, 400))
    f = LiveLowPass(cutoff)
    step_at = 50
    out = np.array([f.update(ti, float(i >= step_at), -2.0 * (i >= step_at))
                    for i, ti in enumerate(t)])
    elapsed = t[step_at:] - t[step_at - 1]  # the new value holds since the previous sample
    expected = 1.0 - np.exp(-elapsed / tau)
    np.testing.assert_allclose(out[step_at:, 0], expected, rtol=1e-12)
    np.testing.assert_allclose(out[step_at:, 1], -2.0 * expected, rtol=1e-12)
    assert (out[:step_at] == 0.0).all()


def test_same_output_however_the_stream_is_chunked_into_frames():
    t, x, y = irregular_stream(3)
    one_by_one = LiveLowPass(3.0)
    reference = [one_by_one.update(*s) for s in zip(t, x, y, strict=True)]
    rng = np.random.default_rng(4)
    framed = LiveLowPass(3.0)
    out, i = [], 0
    while i < len(t):  # frames of 0-9 samples, as a game loop at any frame rate receives them
        k = int(rng.integers(0, 10))
        out += [framed.update(*s) for s in zip(t[i:i + k], x[i:i + k], y[i:i + k], strict=True)]
        i += k
    assert out == reference


def test_device_rate_does_not_change_the_response():
    """A ramp sampled at 30 Hz or at 250 Hz: the filtered value at the same time agrees."""
    def run(rate):
        f = LiveLowPass(2.0)
        t = np.arange(0, 3.0 + 1e-9, 1 / rate)
        return [f.update(ti, ti, 0.0)[0] for ti in t][-1]
    # a first-order filter lags a ramp by tau; each sample's value is held over the interval
    # before it, which leads the ramp by half a sample period
    tau = 1 / (2 * math.pi * 2.0)
    assert run(30) == pytest.approx(3.0 - tau + 0.5 / 30, abs=2e-3)
    assert run(250) == pytest.approx(3.0 - tau + 0.5 / 250, abs=2e-3)


def test_duplicate_backward_and_nan_samples_leave_the_output_alone_and_reset_forgets():
    f = LiveLowPass(5.0)
    f.update(0.0, 0.0, 0.0)
    a = f.update(0.1, 1.0, 1.0)
    assert f.update(0.1, 50.0, 50.0) == a
    assert f.update(0.05, -50.0, -50.0) == a
    assert f.update(0.2, math.nan, 1.0) == a  # nobody on the board: no information
    f.reset()
    assert f.update(0.3, math.nan, math.nan) == (0.0, 0.0)
    assert f.update(0.06, 4.0, -4.0) == (4.0, -4.0)


def test_cutoff_must_be_positive():
    with pytest.raises(ValueError):
        LiveLowPass(0.0)
