"""The COG estimate (Caron 1997 inverted-pendulum low-pass) against independent computations."""

import math

import numpy as np
import pytest

from balance_game.dsp.cog import cog_from_cop, pendulum_lowpass, pendulum_omega0

FS = 100.0


def test_omega0_from_brenieres_inertia():
    # H = 1.70 m, h = 0.5527·H: I/m = h² + 0.0533·H², ω0² = g·h/(I/m), by hand
    h, k2 = 0.5527 * 1.70, 0.0533 * 1.70**2
    assert pendulum_omega0(0.5527 * 1700, 1700, 0.0533) == pytest.approx(
        math.sqrt(9.81 * h / (h * h + k2)), rel=1e-12)


def test_response_is_the_pendulum_transfer_function():
    """A sine of frequency f comes out scaled by ω0²/(ω0² + ω²), with no phase shift."""
    w0 = 3.0
    t = np.arange(int(60 * FS)) / FS
    for f in (0.1, 0.5, 1.0, 2.0):
        w = 2 * math.pi * f
        out = pendulum_lowpass(np.sin(w * t), FS, w0)
        mid = slice(1000, 5000)  # away from the ends
        gain = w0**2 / (w0**2 + w**2)
        # the sampled first-order lag deviates from the continuous one by O((ω/fs)²)
        np.testing.assert_allclose(out[mid], gain * np.sin(w * t[mid]), atol=2e-3 * gain + 1e-4)


def test_recovers_the_centre_of_mass_of_an_inverted_pendulum():
    """COM known, COP = COM − COM''/ω0² (the pendulum's equation): the estimate returns COM."""
    w0 = 3.2
    t = np.arange(int(30 * FS)) / FS
    rng = np.random.default_rng(1)
    # a smooth path: a few slow sines plus a lean that starts and stops smoothly
    com = sum(a * np.sin(2 * math.pi * f * t + p)
              for a, f, p in zip(rng.uniform(2, 8, 4), (0.15, 0.3, 0.6, 1.1), rng.uniform(0, 6, 4),
                                 strict=True))
    com = com + 80.0 * (1 - np.cos(np.pi * np.clip((t - 10) / 1.5, 0, 1))) / 2
    acc = np.gradient(np.gradient(com, t), t)
    cop = com - acc / w0**2
    est = pendulum_lowpass(cop, FS, w0)
    inner = slice(300, -300)
    assert np.abs(est[inner] - com[inner]).max() < 0.2  # mm, on a path spanning ~100 mm


def test_still_trace_stays_put_and_short_input_passes_through():
    x = np.full(500, 12.5)
    y = np.full(500, -30.0)
    gx, gy = cog_from_cop(x, y, FS, 940.0, 1700.0)
    np.testing.assert_allclose(gx, 12.5)
    np.testing.assert_allclose(gy, -30.0)
    one = cog_from_cop(np.array([1.0]), np.array([2.0]), FS, 940.0, 1700.0)
    assert one[0].tolist() == [1.0] and one[1].tolist() == [2.0]
