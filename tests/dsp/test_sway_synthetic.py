"""Closed-form answers on synthetic signals, regular and irregularly sampled."""

import math

import numpy as np
import pytest
from scipy import stats

from balance_game.dsp.sway import (
    MEASURE_NAMES,
    REPORT_FIELDS,
    compute_measures,
    ellipse95_area,
    f_quantile_2,
    unit_of,
)

FS = 100.0
N = 6000
R = 10.0  # mm
F = 0.5  # Hz: 30 whole turns in 60 s, extremes fall on samples


def circle(t):
    """x (ML) = R cos, y (AP) = R sin: constant speed 2πRF."""
    return R * np.cos(2 * np.pi * F * t), R * np.sin(2 * np.pi * F * t)


def irregular_times(rate_hz, rng, duration=60.0):
    """Jittered device times from 0 to ``duration`` inclusive (glitches are added separately)."""
    steps = rng.uniform(0.4, 1.6, int(duration * rate_hz)) / rate_hz
    t = np.concatenate([[0.0], np.cumsum(steps)])
    t = t[t < duration]
    return np.append(t, duration)


def with_glitches(t, x, y, rng, n=60):
    """Insert duplicate timestamps (with a wild value) and backward steps, as a WBB stream has."""
    at = np.sort(rng.choice(np.arange(10, len(t) - 10), n, replace=False))
    back = t[at] - rng.uniform(0.001, 0.05, n)
    t2 = np.insert(t, at + 1, np.where(np.arange(n) % 2 == 0, t[at], back))
    x2 = np.insert(x, at + 1, 500.0)
    y2 = np.insert(y, at + 1, -500.0)
    return t2, x2, y2


def expected_circle():
    step = 2 * np.pi * F / FS
    duration = N / FS
    path = (N - 1) * 2 * R * math.sin(step / 2)
    last = 2 * np.pi * F * (N - 1) / FS  # phase of the last sample, 0.01π short of 30 turns
    path_ap = 120 * R - R * abs(math.sin(last))
    path_ml = 120 * R - R * (1 - math.cos(last))
    per_turn = round(FS / F)
    mean_abs = 2 * R / (per_turn * math.tan(np.pi / per_turn))  # mean |R sin| over the samples
    return {
        "mean_distance_mm": R,
        "mean_distance_ap_mm": mean_abs,
        "mean_distance_ml_mm": mean_abs,
        "rms_mm": R,
        "rms_ap_mm": R / math.sqrt(2),
        "rms_ml_mm": R / math.sqrt(2),
        "range_ap_mm": 2 * R,
        "range_ml_mm": 2 * R,
        "path_length_mm": path,
        "path_length_ap_mm": path_ap,
        "path_length_ml_mm": path_ml,
        "mean_velocity_mm_s": path / duration,
        "mean_velocity_ap_mm_s": path_ap / duration,
        "mean_velocity_ml_mm_s": path_ml / duration,
        # population variance R²/2 per axis, sample variance × N/(N−1), no covariance
        "ellipse95_area_mm2": math.pi * R**2 * f_quantile_2(0.95, N - 2) * (N + 1) / (N - 2),
        "sway_area_per_s_mm2_s": (N - 1) * R**2 * math.sin(step) / (2 * duration),
        "mean_frequency_hz": path / duration / (2 * np.pi * R),
        "mean_power_frequency_hz": F,
        # a bin-centred tone through a Hann window: 1/6, 2/3, 1/6 of the power at F-0.1, F, F+0.1,
        # each spread over its 0.1 Hz bin: 50 % is reached at F, 95 % at
        # F + 0.05 + 0.1·(0.95 − 5/6)/(1/6) = F + 0.12
        "f50_ap_hz": F,
        "f50_ml_hz": F,
        "f95_ap_hz": F + 0.12,
        "f95_ml_hz": F + 0.12,
    }


@pytest.mark.parametrize("pipeline", ["raw", "standard"])
def test_circle_at_constant_speed(pipeline):
    t = np.arange(N) / FS
    report = compute_measures(t, *circle(t), pipeline=pipeline)
    assert report.valid, report.reason
    got = report.to_dict()
    # the standard pipeline's 10 Hz low-pass leaves a 0.5 Hz circle alone to ~1e-9
    # except for a 7e-5 overshoot at the ends where the cosine peaks (filter edge padding)
    rel = 1e-9 if pipeline == "raw" else 1e-4
    for name, value in expected_circle().items():
        # the linear detrend of each Welch segment leaks a trace of power unevenly: 1e-4 Hz
        tol = 1e-4 if name.startswith(("f50", "f95")) else 1e-9
        assert got[name] == pytest.approx(value, rel=rel, abs=tol), name
    chords_time = (N - 1) / FS
    assert got["path_length_mm"] / chords_time == pytest.approx(2 * np.pi * R * F, rel=1e-4)


@pytest.mark.parametrize("rate_hz", [100, 60, 30])
def test_circle_sampled_irregularly_through_the_standard_pipeline(rate_hz):
    rng = np.random.default_rng(rate_hz)
    t = irregular_times(rate_hz, rng)
    report = compute_measures(*with_glitches(t, *circle(t), rng))
    assert report.valid, report.reason
    assert report.fs_hz == FS and report.n_samples == N + 1
    got = report.to_dict()
    speed = 2 * np.pi * R * F
    assert got["mean_velocity_mm_s"] == pytest.approx(speed, rel=2e-3)
    assert got["path_length_mm"] == pytest.approx(speed * 60.0, rel=3e-3)
    for name in ("mean_distance_mm", "rms_mm"):
        assert got[name] == pytest.approx(R, rel=2e-3), name
    for name in ("range_ap_mm", "range_ml_mm"):
        assert got[name] == pytest.approx(2 * R, rel=2e-3), name
    assert got["ellipse95_area_mm2"] == pytest.approx(
        expected_circle()["ellipse95_area_mm2"], rel=5e-3
    )
    assert got["sway_area_per_s_mm2_s"] == pytest.approx(np.pi * R**2 * F, rel=5e-3)
    assert got["mean_frequency_hz"] == pytest.approx(F, rel=2e-3)
    assert got["mean_power_frequency_hz"] == pytest.approx(F, rel=1e-3)
    assert (got["f50_ap_hz"], got["f95_ml_hz"]) == pytest.approx((F, F + 0.12), abs=2e-3)


def test_gap_is_not_bridged():
    """A 0.5 s hole (a quarter turn): bridging it would add a 14 mm chord to the path."""
    t = np.arange(N) / FS
    keep = (t < 30.0) | (t >= 30.5)
    report = compute_measures(t[keep], *(c[keep] for c in circle(t)))
    assert report.valid, report.reason
    assert report.n_samples == N - 50  # grid points 30.00 … 30.49 s lie in the gap
    assert report.mean_velocity_mm_s == pytest.approx(2 * np.pi * R * F, rel=5e-4)
    arc_lost = 2 * np.pi * R * F * 0.5
    assert report.path_length_mm == pytest.approx(2 * np.pi * R * F * 60 - arc_lost, rel=5e-4)


def white_noise(cov, n, seed):
    rng = np.random.default_rng(seed)
    ap, ml = np.linalg.cholesky(cov) @ rng.standard_normal((2, n))
    return np.arange(n) / FS, ml, ap


def test_white_noise_of_known_covariance():
    cov = np.array([[16.0, 6.0], [6.0, 9.0]])  # AP variance 16, ML 9, covariance 6 (mm²)
    n = 60_000
    report = compute_measures(*white_noise(cov, n, 3), pipeline="raw")
    assert report.valid
    se = 4 / math.sqrt(n)  # four standard errors of a relative SD estimate, with margin
    assert report.rms_ap_mm == pytest.approx(4.0, rel=se)
    assert report.rms_ml_mm == pytest.approx(3.0, rel=se)
    assert report.rms_mm == pytest.approx(5.0, rel=se)
    assert report.mean_distance_ap_mm == pytest.approx(4.0 * math.sqrt(2 / np.pi), rel=se)
    # the 95 % prediction ellipse of a Gaussian: π·χ²₂(0.95)·√det Σ
    area = np.pi * stats.chi2.ppf(0.95, 2) * math.sqrt(np.linalg.det(cov))
    assert report.ellipse95_area_mm2 == pytest.approx(area, rel=4 * se)


def test_prediction_ellipse_holds_95_percent_of_new_samples():
    cov = np.array([[4.0, -1.5], [-1.5, 2.0]])
    _, ml, ap = white_noise(cov, 5000, 4)
    area = ellipse95_area(ap, ml)
    # an ellipse of that area with the sample covariance's shape; count new samples inside it
    s = np.cov(ap, ml)
    k = area / (np.pi * math.sqrt(np.linalg.det(s)))
    _, ml2, ap2 = white_noise(cov, 200_000, 5)
    d2 = np.einsum("ij,ij->j", np.vstack([ap2, ml2]), np.linalg.solve(s, np.vstack([ap2, ml2])))
    assert np.mean(d2 <= k) == pytest.approx(0.95, abs=0.005)


def test_ellipse_matches_the_eigenvalue_form_and_scipy_f_quantile():
    rng = np.random.default_rng(6)
    ap, ml = rng.normal(size=(2, 40)) * [[3.0], [1.0]]
    n = 40
    lam = np.linalg.eigvalsh(np.cov(ap, ml))
    f = stats.f.ppf(0.95, 2, n - 2)
    assert f_quantile_2(0.95, n - 2) == pytest.approx(f, rel=1e-12)
    bmc = np.pi * np.prod(np.sqrt(lam * f * 2 * (n - 1) * (n + 1) / (n * (n - 2))))
    assert ellipse95_area(ap, ml) == pytest.approx(bmc, rel=1e-12)


@pytest.mark.parametrize("irregular", [False, True])
@pytest.mark.parametrize(("f_ap", "f_ml"), [(0.3, 1.2), (2.0, 0.7)])
def test_pure_sines_give_their_frequencies(f_ap, f_ml, irregular):
    rng = np.random.default_rng(7)
    t = irregular_times(60, rng) if irregular else np.arange(N) / FS
    y = 5.0 * np.sin(2 * np.pi * f_ap * t)  # AP
    x = 2.0 * np.sin(2 * np.pi * f_ml * t + 0.3)  # ML
    report = compute_measures(*(with_glitches(t, x, y, rng) if irregular else (t, x, y)))
    assert report.valid
    assert (report.f50_ap_hz, report.f50_ml_hz) == pytest.approx((f_ap, f_ml), abs=2e-3)
    assert (report.f95_ap_hz, report.f95_ml_hz) == pytest.approx((f_ap + 0.12, f_ml + 0.12),
                                                                 abs=2e-3)
    # a sine of amplitude A travels 4A·f per second with RMS A/√2, so Prieto's per-axis
    # frequency v/(4√2·RMS) is f (to 0.5 %: at 2 Hz the peaks fall between samples)
    assert report.mean_velocity_ap_mm_s / (4 * math.sqrt(2) * report.rms_ap_mm) == pytest.approx(
        f_ap, rel=5e-3
    )
    # power-weighted mean frequency: AP carries (5/2)² of every 2² + 5² units of power
    w_ap = 25 / 29
    assert report.mean_power_frequency_hz == pytest.approx(
        w_ap * f_ap + (1 - w_ap) * f_ml, rel=2e-3
    )




def _gappy(period_s, hole_s):
    t = np.arange(N) / FS
    keep = (t % period_s) < period_s - hole_s
    return t[keep], *circle(t[keep])


@pytest.mark.parametrize(
    ("stream", "pipeline", "reason"),
    [
        ((np.arange(50) / FS, np.zeros(50), np.zeros(50)), "standard", "too few samples"),
        ((np.arange(500) / FS, np.zeros(500), np.zeros(500)), "standard", "too short"),
        ((np.arange(500) / FS, np.zeros(500), np.zeros(500)), "raw", "too short"),
        ((np.arange(300) / 5.0, np.zeros(300), np.zeros(300)), "standard", "too sparse"),
        (_gappy(5.0, 0.5), "standard", "% of the trial lies in 11 gaps"),
        (_gappy(8.0, 0.3), "standard", "longest stretch without a gap is 7.7 s"),
        (_gappy(20.0, 0.3), "raw", "raw pipeline does not handle gaps"),
        ((np.r_[0, np.arange(N) / FS], np.zeros(N + 1), np.zeros(N + 1)), "raw", "repeat 1"),
        ((np.full(200, np.nan), np.zeros(200), np.zeros(200)), "standard", "non-finite"),
        ((np.arange(N) / FS, np.zeros(N), np.arange(N) % 7.0), "raw", "no sway in ML"),
        ((np.arange(N) / FS, np.ones(N), np.full(N, 3.0)), "standard", "no sway in AP"),
    ],
)
def test_invalid_trials_give_a_reason_and_no_numbers(stream, pipeline, reason):
    report = compute_measures(*stream, pipeline=pipeline)
    assert not report.valid
    assert reason in report.reason
    assert report.pipeline == pipeline
    assert all(report.to_dict()[name] is None for name in MEASURE_NAMES)


def test_report_keys_and_units():
    t = np.arange(N) / FS
    d = compute_measures(t, *circle(t)).to_dict()
    assert tuple(d) == REPORT_FIELDS + MEASURE_NAMES
    assert len(MEASURE_NAMES) == 22
    assert unit_of("ellipse95_area_mm2") == "mm²"
    assert unit_of("sway_area_per_s_mm2_s") == "mm²/s"
    assert unit_of("mean_velocity_ap_mm_s") == "mm/s"
    assert unit_of("f95_ml_hz") == "Hz"
    assert unit_of("range_ap_mm") == "mm"


def test_unknown_pipeline_and_mismatched_arrays_are_programming_errors():
    with pytest.raises(ValueError, match="unknown pipeline"):
        compute_measures(np.arange(3.0), np.zeros(3), np.zeros(3), pipeline="fancy")
    with pytest.raises(ValueError, match="same length"):
        compute_measures(np.arange(3.0), np.zeros(2), np.zeros(3))
