"""Sway measures of a whole recorded session, in one streaming pass and bounded memory.

A session of play can last hours (a 12-hour recording is 4.3 million samples), so the export
cannot hold it as one array. ``RecordingSway`` takes the samples a chunk at a time and keeps only
sums: the count, the mean and the co-moments of the centre of pressure (merged chunk by chunk with
Chan et al.'s parallel update, exact and stable), the ranges, the path and the time it covers.
The measures are those of dsp/sway.py under the same names and definitions, on the ``raw``
signal: RMS about the mean, range, path length, the 95 % prediction ellipse
(``ellipse95_area_from_comoments``, the same formula as ``ellipse95_area``), and mean velocity
as path length over the time it covers. What differs is only what a game session needs: samples
inside pauses are left out, and consecutive samples further apart than ``max_gap_s`` are not
joined into the path (nor is their interval counted as measured time).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from balance_game.dsp.sway import ellipse95_area_from_comoments

PLAY_MAX_GAP_S = 0.5
MIN_LOAD_KG = 1.0  # below this nobody stands on the board: no weight-bearing share


class RecordingSway:
    """Accumulates one session's centre-of-pressure measures, chunk after chunk (in time order)."""

    def __init__(self, paused: Sequence[tuple[float, float]] = (),
                 max_gap_s: float = PLAY_MAX_GAP_S) -> None:
        self.paused = tuple(paused)
        self.max_gap_s = max_gap_s
        self.n = 0
        self.mean = np.zeros(2)  # x (ML), y (AP)
        self.comoments = np.zeros((2, 2))
        self.low = np.full(2, np.inf)
        self.high = np.full(2, -np.inf)
        self.path_mm = 0.0
        self.measured_s = 0.0
        self.n_steps = 0
        self._last: tuple[float, float, float, bool] | None = None  # t, x, y, active
        self._n_loaded = 0
        self._left_sum = 0.0
        self._front_sum = 0.0

    def _active(self, t: np.ndarray) -> np.ndarray:
        active = np.ones(len(t), dtype=bool)
        for start, end in self.paused:
            active &= ~((t >= start) & (t < end))
        return active

    def add(self, t: np.ndarray, x: np.ndarray, y: np.ndarray,
            corners: np.ndarray | None = None) -> None:
        """The next samples: times (s), centre of pressure (mm), corner loads (n, 4: tl tr bl br)."""
        if len(t) == 0:
            return
        active = self._active(t)
        self._add_path(t, x, y, active)
        xy = np.vstack([x[active], y[active]])
        if xy.shape[1]:
            self._merge(xy)
        if corners is not None:
            self._add_load(corners[active])

    def _add_path(self, t: np.ndarray, x: np.ndarray, y: np.ndarray, active: np.ndarray) -> None:
        if self._last is not None:
            lt, lx, ly, la = self._last
            t, x, y = np.r_[lt, t], np.r_[lx, x], np.r_[ly, y]
            active = np.r_[la, active]
        dt = np.diff(t)
        joined = active[:-1] & active[1:] & (dt > 0) & (dt <= self.max_gap_s)
        steps = np.hypot(np.diff(x), np.diff(y))[joined]
        self.path_mm += float(steps.sum())
        self.measured_s += float(dt[joined].sum())
        self.n_steps += len(steps)
        self._last = (float(t[-1]), float(x[-1]), float(y[-1]), bool(active[-1]))

    def _merge(self, xy: np.ndarray) -> None:
        nb = xy.shape[1]
        mean_b = xy.mean(axis=1)
        dev = xy - mean_b[:, None]
        comoments_b = dev @ dev.T
        n = self.n + nb
        delta = mean_b - self.mean
        self.comoments += comoments_b + np.outer(delta, delta) * (self.n * nb / n)
        self.mean += delta * (nb / n)
        self.n = n
        self.low = np.minimum(self.low, xy.min(axis=1))
        self.high = np.maximum(self.high, xy.max(axis=1))

    def _add_load(self, corners: np.ndarray) -> None:
        total = corners.sum(axis=1)
        loaded = ~np.isnan(corners).any(axis=1) & (total > MIN_LOAD_KG)
        c, tot = corners[loaded], total[loaded]
        self._n_loaded += len(tot)
        self._left_sum += float(((c[:, 0] + c[:, 2]) / tot).sum())
        self._front_sum += float(((c[:, 0] + c[:, 1]) / tot).sum())

    def result(self) -> dict[str, float]:
        """The measures, under their dsp names; empty while fewer than 3 samples are active."""
        out: dict[str, float] = {}
        if self.n >= 3:
            rms_ml, rms_ap = np.sqrt(np.diag(self.comoments) / self.n).tolist()
            range_ml, range_ap = (self.high - self.low).tolist()
            out.update({
                "measured_s": self.measured_s, "path_length_mm": self.path_mm,
                "range_ml_mm": range_ml, "range_ap_mm": range_ap,
                "rms_ml_mm": rms_ml, "rms_ap_mm": rms_ap,
                "ellipse95_area_mm2": ellipse95_area_from_comoments(
                    float(self.comoments[1, 1]), float(self.comoments[0, 0]),
                    float(self.comoments[0, 1]), self.n),
            })
            if self.measured_s > 0:
                out["sample_rate_hz"] = self.n_steps / self.measured_s
                out["mean_velocity_mm_s"] = self.path_mm / self.measured_s
        if self._n_loaded:
            out["weight_left_pct"] = 100.0 * self._left_sum / self._n_loaded
            out["weight_front_pct"] = 100.0 * self._front_sum / self._n_loaded
        return out
