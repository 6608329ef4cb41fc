"""Irregular board streams onto a uniform grid, without inventing data across gaps.

The Wii board delivers samples in Bluetooth bursts: duplicate and backward timestamps, an
effective rate anywhere from 10 to 100 Hz and gaps of up to 2 s. Every sway measure assumes a
uniform grid, and velocity/path length are very sensitive to how that grid is filled, so this is
the first step of the *standard* pipeline (docs/sway-measures.md §0, §2.2).

The resampler treats the stream as piecewise constant: each sample holds over its Voronoi cell
(from the midpoint with its predecessor to the midpoint with its successor). A grid value is the
time-weighted mean of that step function over the grid period centred on the grid point: the
windowed mean that Audiffren & Contal (SWARII) found closest to a lab plate, computed exactly
from running integrals rather than by counting samples in windows.
Cells never reach across a gap longer than ``max_gap_s``: grid points inside such a gap are NaN.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

STANDARD_FS_HZ = 100.0
MAX_GAP_S = 0.2
# Each grid value averages exactly one grid period, so the windows tile the time axis: every raw
# sample contributes its whole cell once (nothing dropped, nothing counted twice) and a stream
# that is already uniform at the grid rate comes out unchanged. SWARII's ±0.04 s at 25 Hz is two
# periods, but it decimates ~100 Hz input; here the grid is usually faster than the board.
WINDOW_SAMPLES = 1.0


@dataclass(frozen=True)
class Resampled:
    """A uniform series plus an account of what was dropped or flagged on the way.

    ``xy_mm`` (rows x, y) is NaN on grid points that fall inside a gap; ``gaps_s`` lists each gap
    as (last sample before, first sample after), so a validity check can judge the trial.
    """

    t_s: np.ndarray
    xy_mm: np.ndarray
    fs_hz: float
    n_input: int
    n_duplicate: int
    n_backward: int
    gaps_s: tuple[tuple[float, float], ...]

    @property
    def x_mm(self) -> np.ndarray:
        return self.xy_mm[0]

    @property
    def y_mm(self) -> np.ndarray:
        return self.xy_mm[1]

    @property
    def n_kept(self) -> int:
        return self.n_input - self.n_duplicate - self.n_backward

    @property
    def gap_fraction(self) -> float:
        """Share of grid points that are NaN (inside a gap)."""
        return float(np.isnan(self.x_mm).mean()) if len(self.x_mm) else 0.0


def monotonic_mask(t_s: np.ndarray) -> tuple[np.ndarray, int, int]:
    """Which samples move time forward; also the counts of duplicate and backward ones.

    A sample is kept only if its timestamp is later than every timestamp before it, so one
    backward jump cannot drag later samples into the past.
    """
    t = np.asarray(t_s, dtype=float)
    keep = np.ones(len(t), dtype=bool)
    if len(t) < 2:
        return keep, 0, 0
    latest = np.maximum.accumulate(t)[:-1]
    later = t[1:]
    keep[1:] = later > latest
    dropped = np.flatnonzero(~keep[1:])  # few: tell duplicates from backward steps among them
    at, before = later.take(dropped), latest.take(dropped)
    return keep, int(np.count_nonzero(at == before)), int(np.count_nonzero(at < before))


def _cell_knots(t: np.ndarray, gap_after: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The edges of the samples' Voronoi cells, cut short at the trial ends and at gaps, and
    the width of each cell.

    Without a gap, cell i spans [knots[i], knots[i+1]]. A gap after sample g ends cell g at
    t[g] and starts cell g+1 at t[g+1]: both become knots, and the running integrals are flat
    between them.
    """
    knots = np.empty(len(t) + 1)
    knots[0], knots[-1] = t[0], t[-1]
    np.add(t[1:], t[:-1], out=knots[1:-1])
    knots[1:-1] *= 0.5
    gap_at = np.flatnonzero(gap_after)
    if len(gap_at) == 0:
        return knots, np.diff(knots)
    knots[gap_at + 1] = t[gap_at + 1]
    width = np.diff(knots)
    width[gap_at] = t[gap_at] - knots[gap_at]
    return np.insert(knots, gap_at + 1, t[gap_at]), width


UNIFORM_TOLERANCE_S = 1e-6


def resample_uniform(
    t_s: np.ndarray,
    x_mm: np.ndarray,
    y_mm: np.ndarray,
    fs_hz: float = STANDARD_FS_HZ,
    max_gap_s: float = MAX_GAP_S,
) -> Resampled:
    """Windowed-mean resampling of an irregular stream onto a uniform grid from its first sample.

    Duplicate and backward timestamps are dropped first (counted in the result). Gaps longer than
    ``max_gap_s`` are never bridged: grid points inside them are NaN.
    """
    t_all = np.asarray(t_s, dtype=float)
    keep, n_dup, n_back = monotonic_mask(t_all)
    x, y = np.asarray(x_mm, dtype=float), np.asarray(y_mm, dtype=float)
    t = t_all
    if not keep.all():
        t, x, y = t_all[keep], x[keep], y[keep]  # three 1-D selections beat one 2-D one
    if len(t) < 2:
        empty = np.empty(0)
        return Resampled(empty, np.empty((2, 0)), fs_hz, len(t_all), n_dup, n_back, ())
    grid = t[0] + np.arange(int(np.floor((t[-1] - t[0]) * fs_hz + 1e-9)) + 1) / fs_hz
    if len(grid) == len(t) and float(np.abs(t - grid).max()) <= UNIFORM_TOLERANCE_S:
        # Already on the grid (a force plate, a steady 100 Hz stream): every window holds
        # exactly one sample, so the windowed mean is the input itself; skip the integration.
        return Resampled(grid, np.vstack([x, y]), fs_hz, len(t_all), n_dup, n_back, ())
    gap_after = np.diff(t) > max_gap_s
    any_gap = bool(gap_after.any())
    knots, width = _cell_knots(t, gap_after)
    # Window edges: consecutive windows share an edge, so integrate once at every edge.
    edges = grid[0] + (np.arange(len(grid) + 1) - 0.5 * WINDOW_SAMPLES) / fs_hz
    # x and y travel together as x + i·y: every step below is linear, so one complex pass
    # (one search of the knots) serves both.
    xy = np.empty(len(t), dtype=complex)
    xy.real, xy.imag = x, y
    in_window = np.diff(_running_integral(edges, knots, width, xy, gap_after))
    # The time each window covers: without a gap the cells tile [t0, tN], so it is the window
    # clipped to the trial; across gaps it is the integral of the constant 1.
    if any_gap:
        covered = np.diff(_running_integral(edges, knots, width, np.ones(len(t)), gap_after))
    else:
        covered = np.diff(np.clip(edges, t[0], t[-1]))
    values = np.empty((2, len(grid)))
    with np.errstate(invalid="ignore", divide="ignore"):
        np.divide(in_window.real, covered, out=values[0])
        np.divide(in_window.imag, covered, out=values[1])
    gaps: tuple[tuple[float, float], ...] = ()
    if any_gap:
        values[:, _inside_gaps(grid, t, gap_after)] = np.nan
        gaps = tuple(
            (float(a), float(b)) for a, b in zip(t[:-1][gap_after], t[1:][gap_after], strict=True)
        )
    return Resampled(grid, values, fs_hz, len(t_all), n_dup, n_back, gaps)


def _running_integral(
    at: np.ndarray, knots: np.ndarray, width: np.ndarray, value: np.ndarray, gap_after: np.ndarray
) -> np.ndarray:
    """The integral of the step signal ``value`` (held over each sample's cell; real or
    complex) from the start up to each time in ``at``.

    Within a cell it grows linearly and across a gap it stays flat, so it is the linear
    interpolation of its values at the knots, which ``np.interp`` evaluates in one pass over the
    sorted times (and holds constant outside the trial).
    """
    at_knots = np.zeros(len(value) + 1, dtype=value.dtype)
    np.cumsum(value * width, out=at_knots[1:])
    gap_at = np.flatnonzero(gap_after) + 1
    if len(gap_at):  # the knot that ends a cell before a gap has the same value as the next
        at_knots = np.insert(at_knots, gap_at, at_knots[gap_at])
    return np.interp(at, knots, at_knots)


def _inside_gaps(grid: np.ndarray, t: np.ndarray, gap_after: np.ndarray) -> np.ndarray:
    """Grid points strictly between the two samples that bound a long gap."""
    if not gap_after.any():
        return np.zeros(len(grid), dtype=bool)
    idx = np.searchsorted(t, grid, side="right") - 1  # the sample at or before each grid point
    before_last = idx < len(gap_after)
    flagged = np.zeros(len(grid), dtype=bool)
    flagged[before_last] = gap_after[idx[before_last]] & (grid[before_last] > t[idx[before_last]])
    return flagged


def finite_runs(values: np.ndarray) -> list[slice]:
    """Slices of the contiguous non-NaN stretches: the pieces that may be filtered on their own."""
    ok = np.isfinite(values)
    edges = np.flatnonzero(np.diff(np.concatenate([[False], ok, [False]]).astype(np.int8)))
    return [slice(int(a), int(b)) for a, b in zip(edges[::2], edges[1::2], strict=True)]
