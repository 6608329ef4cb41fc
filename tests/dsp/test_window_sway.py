"""Sway of a moment (dsp.sway.window_sway) uses the pinned formulas: closed-form answers on a
circle, and the very numbers of the raw pipeline on a trial long enough for it."""

import math

import numpy as np
import pytest

from balance_game.dsp.sway import compute_measures, window_sway


def test_a_circle_gives_its_radius_speed_and_no_more():
    fs, f, r = 60.0, 0.5, 4.0  # 2 s: exactly one turn at 60 Hz
    t = np.arange(121) / fs
    x, y = r * np.cos(2 * np.pi * f * t), r * np.sin(2 * np.pi * f * t)
    out = window_sway(t, x, y)
    assert out["rms"] == pytest.approx(r, rel=0.01)
    # path of a 120-sided polygon over N/fs = 121/60 s
    path = 120 * 2 * r * math.sin(math.pi / 120)
    assert out["mean_velocity"] == pytest.approx(path / (121 / fs), rel=1e-9)


def test_on_a_full_length_trial_it_matches_the_raw_pipeline():
    rng = np.random.default_rng(4)
    t = np.arange(1500) / 100.0
    x, y = np.cumsum(rng.normal(0, 0.4, (2, 1500)), axis=1)
    pinned = compute_measures(t, x, y, "raw")
    out = window_sway(t, x, y)
    assert out["rms"] == pytest.approx(pinned.rms_mm, rel=1e-12)
    assert out["mean_velocity"] == pytest.approx(pinned.mean_velocity_mm_s, rel=1e-9)
    assert out["ellipse95_area"] == pytest.approx(pinned.ellipse95_area_mm2, rel=1e-12)


def test_too_few_samples_or_no_time_span_give_none():
    assert window_sway([0.0, 0.1, 0.2], [0, 1, 2], [0, 1, 2]) is None
    assert window_sway([1.0] * 5, [0, 1, 2, 3, 4], [0] * 5) is None
