"""Static sway measures, with the names, definitions and pipelines pinned in docs/sway-measures.md.

Therapists compare these numbers across sessions, so each one has exactly one definition and
every report says which pipeline produced it: ``raw`` (the signal as recorded, to compare with
published values such as the BDS data set) or ``standard`` (the default for board data: monotonic
timestamps, windowed-mean resampling to 100 Hz with gaps flagged, 10 Hz zero-lag low-pass, mean
removed). A trial that cannot support the numbers is reported invalid with the reason and no
numbers at all, never with numbers that look trustworthy and are not.

Inputs are in mm and s: x medio-lateral (+ right), y antero-posterior (+ forward).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np

from balance_game.dsp.filters import lowpass_zero_lag, min_filter_length
from balance_game.dsp.resample import MAX_GAP_S, finite_runs, resample_uniform
from balance_game.dsp.spectrum import (
    covering_overlap,
    one_sided_factors,
    padded_kernel_weights,
    welch_power_sums,
)

PIPELINES = ("raw", "standard")
MEASURE_NAMES = (
    "mean_distance_mm",
    "mean_distance_ap_mm",
    "mean_distance_ml_mm",
    "rms_mm",
    "rms_ap_mm",
    "rms_ml_mm",
    "range_ap_mm",
    "range_ml_mm",
    "path_length_mm",
    "path_length_ap_mm",
    "path_length_ml_mm",
    "mean_velocity_mm_s",
    "mean_velocity_ap_mm_s",
    "mean_velocity_ml_mm_s",
    "ellipse95_area_mm2",
    "sway_area_per_s_mm2_s",
    "mean_frequency_hz",
    "mean_power_frequency_hz",
    "f50_ap_hz",
    "f50_ml_hz",
    "f95_ap_hz",
    "f95_ml_hz",
)
REPORT_FIELDS = ("pipeline", "valid", "reason", "n_samples", "duration_s", "fs_hz")
UNITS = {
    "mm": "mm",
    "mm_s": "mm/s",
    "mm2": "mm²",
    "mm2_s": "mm²/s",
    "hz": "Hz",
}

# Validity: below these a trial's numbers would mislead more than inform.
MIN_SAMPLES = 100
# One 10 s Welch segment is the least the pinned f50/f95 settings can use (Ruhe 2010 recommends
# far longer trials; the game's 30 s is a compromise, 10 s is the floor).
MIN_DURATION_S = 10.0
MIN_RATE_HZ = 10.0  # the slowest board streams seen deliver ~10 Hz
MAX_GAP_FRACTION = 0.05  # docs §2.2: flag a trial whose gaps exceed ~5 % of it
MIN_SWAY_MM = 1e-6  # below this an axis is constant to rounding: nothing to measure
MIN_WINDOW_SAMPLES = 4  # window_sway: the ellipse's F(2, N-2) needs N > 3

ELLIPSE_P = 0.95
F_WELCH_SEGMENT_S = 10.0
F_BAND_HZ = (0.15, 5.0)


@dataclass(frozen=True)
class SwayReport:
    """All pinned measures of one trial, or none of them (``valid`` False, ``reason`` says why).

    ``n_samples`` and ``fs_hz`` describe the analysed series (after the pipeline) and
    ``duration_s`` is n_samples / fs_hz, the T that divides path lengths and swept area (the
    BDS/Prieto convention; Quijoux uses (N-1)/fs). For an invalid trial they describe what was
    available when it was judged, and are None where that was not yet known.
    """

    pipeline: str
    valid: bool
    reason: str
    n_samples: int
    duration_s: float | None
    fs_hz: float | None
    mean_distance_mm: float | None = None
    mean_distance_ap_mm: float | None = None
    mean_distance_ml_mm: float | None = None
    rms_mm: float | None = None
    rms_ap_mm: float | None = None
    rms_ml_mm: float | None = None
    range_ap_mm: float | None = None
    range_ml_mm: float | None = None
    path_length_mm: float | None = None
    path_length_ap_mm: float | None = None
    path_length_ml_mm: float | None = None
    mean_velocity_mm_s: float | None = None
    mean_velocity_ap_mm_s: float | None = None
    mean_velocity_ml_mm_s: float | None = None
    ellipse95_area_mm2: float | None = None
    sway_area_per_s_mm2_s: float | None = None
    mean_frequency_hz: float | None = None
    mean_power_frequency_hz: float | None = None
    f50_ap_hz: float | None = None
    f50_ml_hz: float | None = None
    f95_ap_hz: float | None = None
    f95_ml_hz: float | None = None

    def to_dict(self) -> dict[str, Any]:
        """The six report fields then the pinned measures: the JSON/CSV vocabulary."""
        return {name: getattr(self, name) for name in REPORT_FIELDS + MEASURE_NAMES}


def unit_of(measure: str) -> str:
    """Display unit of a pinned measure name, read from its suffix."""
    for suffix in ("mm2_s", "mm_s", "mm2", "mm", "hz"):
        if measure.endswith("_" + suffix):
            return UNITS[suffix]
    raise KeyError(measure)


@dataclass(frozen=True)
class Prepared:
    """A trial ready for the formulas: finite, mean-removed, uniformly sampled stretches.

    ``ap_ml`` (rows AP, ML) concatenates the gap-free stretches; ``step_ok`` marks the
    consecutive pairs that belong to the same stretch (path lengths never run across a gap);
    ``runs`` index the stretches for the spectra.
    """

    ap_ml: np.ndarray
    step_ok: np.ndarray
    runs: tuple[slice, ...]
    fs_hz: float

    @property
    def ap(self) -> np.ndarray:
        return self.ap_ml[0]

    @property
    def ml(self) -> np.ndarray:
        return self.ap_ml[1]


class _Invalid(Exception):
    """Raised inside the pipelines; becomes ``valid=False`` with this message as the reason."""

    def __init__(self, reason: str, n_samples: int, fs_hz: float | None = None) -> None:
        super().__init__(reason)
        self.n_samples = n_samples
        self.fs_hz = fs_hz


def _check_input(t: np.ndarray, x: np.ndarray, y: np.ndarray) -> None:
    n = len(t)
    if not (len(x) == n == len(y)):
        raise ValueError("t_s, x_mm and y_mm must have the same length")
    if not (np.isfinite(t).all() and np.isfinite(x).all() and np.isfinite(y).all()):
        raise _Invalid("non-finite values in the samples", n)
    if n < MIN_SAMPLES:
        raise _Invalid(f"too few samples: {n} (need at least {MIN_SAMPLES})", n)


def _check_span(n_kept: int, span_s: float, n: int) -> None:
    if span_s < MIN_DURATION_S:
        raise _Invalid(
            f"too short: {span_s:.1f} s recorded (need at least {MIN_DURATION_S:g} s)", n
        )
    rate = (n_kept - 1) / span_s
    if rate < MIN_RATE_HZ:
        raise _Invalid(
            f"too sparse: {rate:.1f} samples/s on average (need at least {MIN_RATE_HZ:g})", n
        )


def _prepare_raw(t: np.ndarray, x: np.ndarray, y: np.ndarray) -> Prepared:
    """The signal as recorded, mean removed; refuses what only resampling could fix."""
    n = len(t)
    dt = np.diff(t)
    if (dt <= 0).any():
        raise _Invalid(
            f"timestamps go backward or repeat {int((dt <= 0).sum())} times; "
            "the raw pipeline needs strictly increasing times (use the standard pipeline)",
            n,
        )
    _check_span(n, float(t[-1] - t[0]), n)
    fs = (n - 1) / float(t[-1] - t[0])
    worst = int(np.argmax(dt))
    if dt[worst] > MAX_GAP_S:
        raise _Invalid(
            f"gap of {dt[worst]:.2f} s at t={t[worst]:.2f} s; the raw pipeline does not "
            "handle gaps (use the standard pipeline)",
            n,
            fs,
        )
    ap_ml = np.vstack([y - y.mean(), x - x.mean()])
    return Prepared(ap_ml, np.ones(n - 1, dtype=bool), (slice(0, n),), fs)


def _prepare_standard(t: np.ndarray, x: np.ndarray, y: np.ndarray) -> Prepared:
    """Monotonic, resampled to 100 Hz, gaps flagged, each stretch low-passed, mean removed."""
    res = resample_uniform(t, x, y)
    _check_span(res.n_kept, float(res.t_s[-1] - res.t_s[0]) if len(res.t_s) else 0.0, len(t))
    fs = res.fs_hz
    min_len = min_filter_length()
    found = finite_runs(res.x_mm) if res.gaps_s else [slice(0, len(res.t_s))]
    runs = [r for r in found if r.stop - r.start >= min_len]
    n_good = sum(r.stop - r.start for r in runs)
    lost = 1.0 - n_good / len(res.t_s)
    if lost > MAX_GAP_FRACTION:
        raise _Invalid(
            f"too many gaps: {100 * lost:.1f} % of the trial lies in {len(res.gaps_s)} gaps "
            f"longer than {MAX_GAP_S:g} s (at most {100 * MAX_GAP_FRACTION:g} % allowed)",
            n_good,
            fs,
        )
    longest = max(r.stop - r.start for r in runs) / fs
    if longest < F_WELCH_SEGMENT_S:
        raise _Invalid(
            f"too many gaps: the longest stretch without a gap is {longest:.1f} s "
            f"(the spectral measures need {F_WELCH_SEGMENT_S:g} s)",
            n_good,
            fs,
        )
    pieces = [lowpass_zero_lag(res.xy_mm[::-1, r], fs) for r in runs]  # rows AP, ML
    ap_ml = np.concatenate(pieces, axis=1) if len(pieces) > 1 else pieces[0]
    ap_ml = np.subtract(ap_ml, ap_ml.mean(axis=1, keepdims=True), out=np.empty(ap_ml.shape))
    lengths = np.array([p.shape[1] for p in pieces])
    ends = np.cumsum(lengths)
    step_ok = np.ones(n_good - 1, dtype=bool)
    step_ok[ends[:-1] - 1] = False
    starts = ends - lengths
    joined = tuple(slice(int(a), int(b)) for a, b in zip(starts, ends, strict=True))
    return Prepared(ap_ml, step_ok, joined, fs)


def _check_sway(p: Prepared) -> None:
    """A constant axis (a dead sensor, a keyboard source) has no frequency and no ellipse."""
    for name, spread in zip(("AP", "ML"), np.ptp(p.ap_ml, axis=1), strict=True):
        if not spread > MIN_SWAY_MM:
            raise _Invalid(f"no sway in {name}: the signal is constant", len(p.ap), p.fs_hz)


def prepare(t_s: np.ndarray, x_mm: np.ndarray, y_mm: np.ndarray, pipeline: str) -> Prepared:
    """Run one pipeline; raises ``ValueError`` for an unknown pipeline or mismatched arrays."""
    if pipeline not in PIPELINES:
        raise ValueError(f"unknown pipeline {pipeline!r} (choose from {', '.join(PIPELINES)})")
    t = np.asarray(t_s, dtype=float)
    x = np.asarray(x_mm, dtype=float)
    y = np.asarray(y_mm, dtype=float)
    _check_input(t, x, y)
    p = _prepare_raw(t, x, y) if pipeline == "raw" else _prepare_standard(t, x, y)
    _check_sway(p)
    return p


def f_quantile_2(p: float, dfd: int) -> float:
    """Quantile of the F(2, dfd) distribution, in closed form (its CDF is 1 - (1+2x/d)^(-d/2))."""
    return 0.5 * dfd * ((1.0 - p) ** (-2.0 / dfd) - 1.0)


def _positional(ap_ml: np.ndarray) -> dict[str, float]:
    """Distances from the mean and the 95 % ellipse; rows AP, ML (mean removed) are handled
    together, one numpy call per step. Their sums of squares and cross-products are the
    co-moments the ellipse needs, so it costs one dot product more."""
    n = ap_ml.shape[1]
    sq = ap_ml * ap_ml
    ss_ap, ss_ml = sq.sum(axis=1).tolist()
    ms_ap, ms_ml = ss_ap / n, ss_ml / n
    md_ap, md_ml = (np.abs(ap_ml).sum(axis=1) / n).tolist()
    range_ap, range_ml = (ap_ml.max(axis=1) - ap_ml.min(axis=1)).tolist()
    return {
        "mean_distance_mm": float(np.sqrt(sq[0] + sq[1]).sum()) / n,
        "mean_distance_ap_mm": md_ap,
        "mean_distance_ml_mm": md_ml,
        "rms_mm": math.sqrt(ms_ap + ms_ml),
        "rms_ap_mm": math.sqrt(ms_ap),
        "rms_ml_mm": math.sqrt(ms_ml),
        "range_ap_mm": range_ap,
        "range_ml_mm": range_ml,
        "ellipse95_area_mm2": ellipse95_area_from_comoments(
            ss_ap, ss_ml, float(ap_ml[0] @ ap_ml[1]), n
        ),
    }


def _dynamic(p: Prepared, duration_s: float) -> dict[str, float]:
    """Path lengths, speeds and swept area, never across a gap (``step_ok``); T = N/fs."""
    ap, ml = p.ap, p.ml
    steps = p.ap_ml[:, 1:] - p.ap_ml[:, :-1]
    cross = ap[1:] * ml[:-1] - ap[:-1] * ml[1:]
    if len(p.runs) > 1:
        steps, cross = steps.compress(p.step_ok, axis=1), cross.compress(p.step_ok)
    sq = steps * steps
    path = float(np.sqrt(sq[0] + sq[1]).sum())
    path_ap, path_ml = np.abs(steps).sum(axis=1).tolist()
    return {
        "path_length_mm": path,
        "path_length_ap_mm": path_ap,
        "path_length_ml_mm": path_ml,
        "mean_velocity_mm_s": path / duration_s,
        "mean_velocity_ap_mm_s": path_ap / duration_s,
        "mean_velocity_ml_mm_s": path_ml / duration_s,
        "sway_area_per_s_mm2_s": float(np.abs(cross).sum()) / (2.0 * duration_s),
    }


def ellipse95_area(ap: np.ndarray, ml: np.ndarray) -> float:
    """95 % prediction ellipse, F variant (Duarte/BMC ``hyperellipsoid``, BDS ``COParea``).

    π·√det(Cov)·F₀.₉₅(2, N−2)·2(N−1)(N+1)/(N(N−2)), Cov the sample covariance (ddof 1):
    the region that would contain 95 % of new samples, not a confidence region of the mean.
    """
    n = len(ap)
    a, m = ap - ap.mean(), ml - ml.mean()
    return ellipse95_area_from_comoments(float(a @ a), float(m @ m), float(a @ m), n)


def ellipse95_area_from_comoments(ss_a: float, ss_m: float, ss_am: float, n: int) -> float:
    """``ellipse95_area`` from the sums of squared deviations and cross-products of ``n`` points
    (what a streaming pass accumulates); needs n >= 3."""
    s_aa, s_mm, s_am = ss_a / (n - 1), ss_m / (n - 1), ss_am / (n - 1)
    scale = f_quantile_2(ELLIPSE_P, n - 2) * 2 * (n - 1) * (n + 1) / (n * (n - 2))
    return math.pi * math.sqrt(max(s_aa * s_mm - s_am * s_am, 0.0)) * scale


def window_sway(t_s: Any, x: Any, y: Any) -> dict[str, float] | None:
    """Sway of a moment rather than a trial (a decision, a stretch on one leg): RMS distance,
    mean velocity and 95 % ellipse area, in the inputs' units, by the pinned formulas above.

    The pipelines' validity rules (10 s at least) suit a posturography trial, not a second of
    deciding, so this takes the samples as they are (mean removed; the rate from the time
    span, the BDS T = N/fs convention). None with fewer than MIN_WINDOW_SAMPLES samples or
    no time span.
    """
    t = np.asarray(t_s, dtype=float)
    n = len(t)
    if n < MIN_WINDOW_SAMPLES or not t[-1] > t[0]:
        return None
    xs, ys = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    ap_ml = np.vstack([ys - ys.mean(), xs - xs.mean()])
    fs = (n - 1) / float(t[-1] - t[0])
    p = Prepared(ap_ml, np.ones(n - 1, dtype=bool), (slice(0, n),), fs)
    spread = _positional(ap_ml)
    return {
        "rms": spread["rms_mm"],
        "mean_velocity": _dynamic(p, n / fs)["mean_velocity_mm_s"],
        "ellipse95_area": spread["ellipse95_area_mm2"],
    }


@lru_cache(maxsize=16)
def _mean_frequency_weights(nperseg: int) -> tuple[int, np.ndarray]:
    """Per-bin weights of the three sums the mean power frequency reads from a one-sided
    spectrum of ``nperseg``-sample segments (rows: ∫k·P dk and ∫P dk by the trapezoidal rule on
    the bin grid, k the bin number, the bin width cancelling; and ΣP), and the FFT length they
    apply to. A segment length that is not a fast FFT length (a prime factor above 5) gets them
    for a zero-padded spectrum of a fast length instead (``padded_kernel_weights``). Built once
    per segment length; the array is shared, never modify it."""
    from scipy.fft import next_fast_len

    if next_fast_len(nperseg, real=True) == nperseg:
        factors = one_sided_factors(nperseg)
        trapezoid = factors.copy()
        trapezoid[[0, -1]] *= 0.5
        nfft, weights = nperseg, np.vstack([trapezoid * np.arange(len(factors)), trapezoid, factors])
    else:
        nfft, padded = padded_kernel_weights(_mean_frequency_kernels(nperseg))
        # ΣP over all nperseg bins is nperseg·Σx², and Σx² is Σ|X̃|²/nfft (Parseval twice)
        weights = np.vstack([padded, (nperseg / nfft) * one_sided_factors(nfft)])
    weights.setflags(write=False)
    return nfft, weights


def _mean_frequency_kernels(nperseg: int) -> np.ndarray:
    """The circulant kernels q(d) = Σ_k a_k·cos(2πkd/L), d = 0 … L − 1 (L = nperseg, k over
    all L bins), of the trapezoidal moment and power that ``_mean_frequency_weights`` names,
    in closed form.

    Their inverse DFTs would cost a Bluestein transform for each new segment length, more than
    the padding saves. With L = 2p + e: all a_k = 1 give q = L·δ; the trapezoid halves the
    bins at 0 and at the top one-sided bin (p for even L, and both p and p + 1 for odd L).
    The moment's a_k = min(k, L − k) is a triangle: for even L, L/2 minus the circular
    autocorrelation of a box of L/2 ones, so q = L²/4 at 0, −1/sin²(πd/L) at odd d, 0 at even
    d; for odd L, the Dirichlet kernel (0 off d = 0) times p + 1 minus the Fejér kernel
    sin²((p+1)πd/L)/sin²(πd/L). Arguments are reduced exactly in integers before the sines.
    """
    n = nperseg
    d = np.arange(n)
    p, odd = divmod(n, 2)
    sine = np.sin(np.pi * d / n)
    sine[0] = 1.0  # d = 0 is set apart below
    total = np.zeros(n)  # all a_k = 1
    total[0] = n
    if not odd:
        alternating = np.where(d % 2, -1.0, 1.0)  # cos(πd), the top bin p = L/2
        triangle = np.where(d % 2, -1.0 / sine**2, 0.0)
        triangle[0] = n * n / 4
        moment = triangle - (n / 4) * alternating  # the top bin counts L/4, not L/2
        trapezoid = total - 0.5 - 0.5 * alternating
    else:
        triangle = -((np.sin(np.pi * ((p + 1) * d % (2 * n)) / n) / sine) ** 2)
        triangle[0] = p * (p + 1)
        top = np.cos(np.pi * (2 * p * d % (2 * n)) / n)  # cos(2πpd/L), the top bins p, p + 1
        moment = triangle - p * top  # each top bin counts p/2, not p
        trapezoid = total - 0.5 - top
    return np.vstack([moment, trapezoid])


def mean_power_frequency(p: Prepared) -> float:
    """BDS ``COPmfreq``: Welch (Hann, N/2 segments, N/4 overlap, constant detrend) per axis,
    ∫f·P df / ∫P df by the trapezoidal rule, the axes combined with each one's summed power as
    weight.

    With gaps, the longest stretch stands in for the trial, since N/2 segments of a pooled
    series would straddle the gaps. The PSD's constant factors cancel in both ratios.
    """
    run = max(p.runs, key=lambda r: r.stop - r.start)
    n = run.stop - run.start
    nperseg = n // 2
    overlap = covering_overlap(n, nperseg, nperseg - nperseg // 2)
    nfft, weights = _mean_frequency_weights(nperseg)
    sums, _ = welch_power_sums(p.ap_ml[:, run], nperseg, overlap, linear_detrend=False,
                               nfft=nfft)
    moment, power, total = weights @ sums.T  # each: (AP, ML)
    per_axis = moment / power * (p.fs_hz / nperseg)
    return float(per_axis @ total / total.sum())


def _band_quantiles(p: Prepared) -> dict[str, float]:
    """f50/f95 per axis: Welch, 10 s Hann segments, at least 50 % overlap spread over each
    stretch (``covering_overlap``), linear detrend, 0.15–5 Hz, pooled over every gap-free
    stretch long enough for a segment.

    The quantile is read from the cumulative power with each bin's power spread evenly over its
    width (f_k ± Δf/2), interpolated linearly: the smallest bin reaching the quantile would
    snap to the 0.1 Hz grid, so a change of a hair in one bin could move f50 of a 0.3 Hz sway by
    33 %. A sine on a bin leaks symmetrically (Hann: 1/6, 2/3, 1/6 of its power), so its f50 is
    its own frequency and its f95 lies 0.12 Hz above.
    """
    nperseg = round(F_WELCH_SEGMENT_S * p.fs_hz)
    band, factors, edges = _band_grid(nperseg, p.fs_hz)
    # Power summed over every Welch segment of every stretch: only its shape matters here.
    pooled = sum(
        welch_power_sums(p.ap_ml[:, run], nperseg,
                         covering_overlap(run.stop - run.start, nperseg, nperseg - nperseg // 2),
                         linear_detrend=True, bins=band)[0]
        for run in p.runs if run.stop - run.start >= nperseg
    ) * factors
    cumulative = np.zeros((2, len(edges)))
    np.cumsum(pooled, axis=1, out=cumulative[:, 1:])
    cumulative /= cumulative[:, -1:]
    out = {}
    for rising, axis in zip(cumulative, ("ap", "ml"), strict=True):
        for q in (50, 95):
            out[f"f{q}_{axis}_hz"] = _first_crossing(edges, rising, q / 100.0)
    return out


@lru_cache(maxsize=16)
def _band_grid(nperseg: int, fs_hz: float) -> tuple[slice, np.ndarray, np.ndarray]:
    """The f50/f95 band's bins in a spectrum of ``nperseg``-sample segments, their one-sided
    factors and the bins' edges (f_k ± Δf/2), built once per setting (the arrays are shared:
    never modify them)."""
    freqs = np.fft.rfftfreq(nperseg, 1.0 / fs_hz)
    in_band = np.flatnonzero((freqs >= F_BAND_HZ[0]) & (freqs <= F_BAND_HZ[1]))
    band = slice(int(in_band[0]), int(in_band[-1]) + 1)
    f_band = freqs[band]
    half_bin = 0.5 * (f_band[1] - f_band[0])
    edges = np.concatenate([[f_band[0] - half_bin], f_band + half_bin])
    factors = one_sided_factors(nperseg)[band]
    edges.setflags(write=False)
    factors.setflags(write=False)
    return band, factors, edges


def _first_crossing(x: np.ndarray, rising: np.ndarray, level: float) -> float:
    """Where the non-decreasing ``rising`` first reaches ``level``, linear between points."""
    i = int(np.searchsorted(rising, level - 1e-12))
    if i == 0:
        return float(x[0])
    step = rising[i] - rising[i - 1]
    frac = (level - rising[i - 1]) / step if step > 0 else 1.0
    return float(x[i - 1] + frac * (x[i] - x[i - 1]))


def measures(p: Prepared) -> dict[str, float]:
    """Every pinned measure of a prepared trial."""
    duration = p.ap_ml.shape[1] / p.fs_hz
    out = _positional(p.ap_ml)
    out.update(_dynamic(p, duration))
    # Prieto MFREQ: the rotation rate of a circle with the trial's mean distance and speed.
    out["mean_frequency_hz"] = out["mean_velocity_mm_s"] / (2 * math.pi * out["mean_distance_mm"])
    out["mean_power_frequency_hz"] = mean_power_frequency(p)
    out.update(_band_quantiles(p))
    return out


def compute_measures(
    t_s: np.ndarray, x_mm: np.ndarray, y_mm: np.ndarray, pipeline: str = "standard"
) -> SwayReport:
    """Sway measures of one trial (x medio-lateral, y antero-posterior, mm; t in s)."""
    try:
        p = prepare(t_s, x_mm, y_mm, pipeline)
    except _Invalid as bad:
        duration = bad.n_samples / bad.fs_hz if bad.fs_hz else None
        return SwayReport(pipeline, False, str(bad), bad.n_samples, duration, bad.fs_hz)
    n = p.ap_ml.shape[1]
    return SwayReport(pipeline, True, "", n, n / p.fs_hz, p.fs_hz, **measures(p))

