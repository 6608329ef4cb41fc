"""Golden test: the raw pipeline reproduces the BDS authors' own COParea, COPvelo and COPmfreq."""

import csv
from pathlib import Path

import numpy as np
import pytest
from scipy.signal import welch

from balance_game.dsp.sway import compute_measures

BDS = Path(__file__).resolve().parents[1] / "data" / "bds"
TRIALS = sorted(p.stem for p in BDS.glob("BDS*.txt"))


def load_trial(name: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Time (s), ML (mm), AP (mm): in the BDS files COPx is AP and COPy is ML, in cm."""
    data = np.loadtxt(BDS / f"{name}.txt", skiprows=1)
    return data[:, 0], 10.0 * data[:, 2], 10.0 * data[:, 1]


def reference() -> dict[str, dict[str, str]]:
    with open(BDS / "BDSinfoCOP_subset.tsv", newline="") as f:
        return {row["Trial"]: row for row in csv.DictReader(f, delimiter="\t")}


def test_all_eight_trials_are_present():
    assert len(TRIALS) == 8
    assert set(TRIALS) <= set(reference())


@pytest.mark.parametrize("trial", TRIALS)
def test_raw_pipeline_matches_the_authors_values(trial):
    ref = reference()[trial]
    report = compute_measures(*load_trial(trial), pipeline="raw")
    assert report.valid and report.pipeline == "raw"
    assert report.n_samples == 6000
    assert report.fs_hz == pytest.approx(100.0, rel=1e-12)
    assert report.duration_s == pytest.approx(60.0, rel=1e-12)  # BDS divides by N/fs, not (N-1)/fs
    assert report.ellipse95_area_mm2 / 100.0 == pytest.approx(float(ref["COParea"]), rel=1e-5)
    assert report.mean_velocity_mm_s / 10.0 == pytest.approx(float(ref["COPvelo"]), rel=1e-5)
    assert report.mean_power_frequency_hz == pytest.approx(float(ref["COPmfreq"]), rel=1e-5)


# docs/sway-measures.md §8.2 (cm, cm/s, cm²/s, Hz), reproduced by an independent implementation.
PRIETO_BDS00001 = {
    "mean_distance_mm": 0.3080,
    "mean_distance_ap_mm": 0.2447,
    "mean_distance_ml_mm": 0.1387,
    "rms_mm": 0.3412,
    "rms_ap_mm": 0.2963,
    "rms_ml_mm": 0.1692,
    "range_ap_mm": 1.6760,
    "range_ml_mm": 0.8367,
    "path_length_mm": 37.2114,
    "path_length_ap_mm": 33.3968,
    "path_length_ml_mm": 11.5092,
    "mean_velocity_ap_mm_s": 0.5566,
    "mean_velocity_ml_mm_s": 0.1918,
    "mean_frequency_hz": 0.3205,
}
# docs §8.2 gives the power frequencies as the smallest 0.1 Hz Welch bin reaching the quantile;
# the interpolated value lies within that bin (f ± 0.05 Hz).
BINS_BDS00001 = {"f50_ap_hz": 0.30, "f50_ml_hz": 0.30, "f95_ap_hz": 1.50, "f95_ml_hz": 1.10}


def test_prieto_set_matches_the_reference_table():
    report = compute_measures(*load_trial("BDS00001"), pipeline="raw").to_dict()
    for name, value in PRIETO_BDS00001.items():
        scale = 1.0 if name.endswith("_hz") else 10.0  # mm → cm, mm/s → cm/s
        assert report[name] / scale == pytest.approx(value, abs=6e-5), name
    assert report["sway_area_per_s_mm2_s"] / 100.0 == pytest.approx(0.0460, abs=6e-5)
    for name, centre in BINS_BDS00001.items():
        assert abs(report[name] - centre) <= 0.05 + 1e-9, name


def scipy_power_quantiles(t, x, y) -> dict[str, float]:
    """f50/f95 the long way: scipy's Welch (10 s Hann, 50 %, linear detrend), band 0.15–5 Hz,
    cumulative power with each bin spread over its width, read by np.interp."""
    fs = 100.0  # the BDS plate's rate (data/bds/README.md)
    out = {}
    for axis, signal in (("ap", y), ("ml", x)):
        f, p = welch(signal - signal.mean(), fs=fs, window="hann", nperseg=1000, noverlap=500,
                     detrend="linear")
        band = (f >= 0.15) & (f <= 5.0)
        edges = np.append(f[band] - 0.05, f[band][-1] + 0.05)
        cumulative = np.append(0.0, np.cumsum(p[band])) / p[band].sum()
        for q in (50, 95):
            out[f"f{q}_{axis}_hz"] = float(np.interp(q / 100, cumulative, edges))
    return out


@pytest.mark.parametrize("trial", TRIALS)
def test_power_quantiles_match_scipy(trial):
    report = compute_measures(*load_trial(trial), pipeline="raw").to_dict()
    for name, value in scipy_power_quantiles(*load_trial(trial)).items():
        assert report[name] == pytest.approx(value, rel=1e-9), name


def test_standard_pipeline_on_lab_data_only_adds_the_low_pass():
    """On a clean 100 Hz plate signal resampling is the identity; the 10 Hz filter shortens the
    path by about 1.5 % (docs §8.2) and leaves the area alone."""
    trial = load_trial("BDS00001")
    raw = compute_measures(*trial, pipeline="raw")
    std = compute_measures(*trial)
    assert std.valid and std.pipeline == "standard" and std.n_samples == 6000
    assert std.path_length_mm / raw.path_length_mm - 1 == pytest.approx(-0.015, abs=0.001)
    assert std.ellipse95_area_mm2 == pytest.approx(raw.ellipse95_area_mm2, rel=1e-3)
