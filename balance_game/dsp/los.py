"""Limits of stability (LOS): per-direction outputs of a NeuroCom-style lean test.

The player leans (feet fixed) toward one of 8 targets as quickly and accurately as possible after
a "go" cue. The five outputs therapists read (Lininger 2018; docs/sway-measures.md §4) come from
the COP trace of that trial, projected on the target direction:

* reaction time: go cue to movement onset (speed above the pre-cue baseline mean + k·SD, held
  for 50 ms, so a single noisy sample cannot start the movement);
* movement velocity: along the target direction, between 5 % and 95 % of the distance to the
  primary end-point (the accelerating start and the braking end say little about speed);
* end-point excursion: where the primary (first, uncorrected) movement stops, % of the target;
* maximum excursion: the furthest point toward the target in the whole trial, % of the target;
* directional control: movement toward the target minus extraneous movement, over the former.

Inputs should be the preprocessed trace (uniform, low-passed): velocities come from differences.
Coordinates are mm, x medio-lateral (+ right), y antero-posterior (+ forward).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from balance_game.dsp.resample import monotonic_mask

DIRECTIONS = ("F", "FR", "R", "BR", "B", "BL", "L", "FL")
# Direction angles counter-clockwise from + right, in the board plane.
DIRECTION_ANGLE_DEG = {"R": 0, "FR": 45, "F": 90, "FL": 135, "L": 180, "BL": 225, "B": 270,
                       "BR": 315}
ONSET_K_SD = 3.0
ONSET_HOLD_S = 0.05
BASELINE_S = 1.0
# A perfectly still (or synthetic, or quantised) baseline has SD 0; without a floor any sensor
# tick would count as the onset. 5 mm/s is far below a voluntary lean (> 20 mm/s).
MIN_ONSET_SPEED_MM_S = 5.0
MOVEMENT_BAND = (0.05, 0.95)
# NeuroCom's centre-of-gravity height as a share of body height [M: docs §4].
COG_HEIGHT_RATIO = 0.5527


@dataclass(frozen=True)
class LosTrial:
    """One direction's trial: the COP trace, when the cue was given and how far the target was."""

    direction: str
    t_s: np.ndarray
    x_mm: np.ndarray
    y_mm: np.ndarray
    go_s: float
    target_mm: float


@dataclass(frozen=True)
class LosDirectionResult:
    """Outputs of one direction; all None with a ``reason`` when no movement could be found."""

    direction: str
    reaction_time_s: float | None = None
    movement_velocity_mm_s: float | None = None
    movement_velocity_deg_s: float | None = None
    endpoint_excursion_pct: float | None = None
    max_excursion_pct: float | None = None
    max_excursion_mm: float | None = None
    directional_control_pct: float | None = None
    reason: str = ""

    @property
    def valid(self) -> bool:
        return not self.reason


@dataclass(frozen=True)
class LosReport:
    """All directions of a LOS test and the area of the polygon through their max excursions."""

    directions: tuple[LosDirectionResult, ...]
    polygon_area_mm2: float | None


def cog_height_mm(body_height_mm: float) -> float:
    """Centre-of-gravity height used to turn COP distances into sway angles."""
    return COG_HEIGHT_RATIO * body_height_mm


def direction_vector(direction: str) -> np.ndarray:
    """Unit vector (x, y) toward a target direction."""
    angle = math.radians(DIRECTION_ANGLE_DEG[direction])
    return np.array([math.cos(angle), math.sin(angle)])


def _first_held_run(above: np.ndarray, t: np.ndarray, start: int, hold_s: float) -> int | None:
    """Index where the first run of ``above`` from ``start`` on lasts at least ``hold_s``."""
    flags = np.concatenate([[False], above[start:], [False]]).astype(np.int8)
    edges = np.flatnonzero(np.diff(flags))
    begins, ends = edges[::2] + start, edges[1::2] + start - 1
    long_enough = t[ends] - t[begins] >= hold_s - 1e-9
    return int(begins[long_enough][0]) if long_enough.any() else None


def _crossing_time(t: np.ndarray, values: np.ndarray, level: float, start: int) -> float:
    """When ``values`` first reaches ``level`` from ``start`` on, interpolated between samples."""
    i = start + int(np.argmax(values[start:] >= level))
    if i == 0 or values[i - 1] >= level:
        return float(t[i])
    frac = (level - values[i - 1]) / (values[i] - values[i - 1])
    return float(t[i - 1] + frac * (t[i] - t[i - 1]))


def _onset_threshold(speed: np.ndarray, baseline: np.ndarray, k_sd: float) -> float:
    """Speed a movement must exceed: baseline mean + k·SD, never below the still-board floor."""
    return max(float(speed[baseline].mean() + k_sd * speed[baseline].std()), MIN_ONSET_SPEED_MM_S)


def _primary_end(along_speed: np.ndarray, threshold: float, onset: int) -> int | None:
    """Where the first movement toward the target stops: its speed toward it falls back to the
    threshold (a pause, or a turn). None if the COP never moved toward the target."""
    toward = np.flatnonzero(along_speed[onset:] > threshold)
    if not len(toward):
        return None
    first = onset + int(toward[0])
    stops = np.flatnonzero(along_speed[first:] <= threshold)
    return first + int(stops[0]) if len(stops) else len(along_speed) - 1


def analyse_direction(
    trial: LosTrial,
    cog_height: float,
    k_sd: float = ONSET_K_SD,
) -> LosDirectionResult:
    """Reaction time, movement velocity, end-point and maximum excursion, directional control."""
    keep, _, _ = monotonic_mask(np.asarray(trial.t_s, dtype=float))
    t = np.asarray(trial.t_s, dtype=float)[keep]
    pos = np.vstack([np.asarray(trial.x_mm, dtype=float)[keep],
                     np.asarray(trial.y_mm, dtype=float)[keep]])
    baseline = (t >= trial.go_s - BASELINE_S) & (t < trial.go_s)
    if baseline.sum() < 3:
        return LosDirectionResult(trial.direction, reason="fewer than 3 samples before the go cue")
    unit = direction_vector(trial.direction)
    rel = pos - pos[:, baseline].mean(axis=1, keepdims=True)
    along, across = unit @ rel, np.array([-unit[1], unit[0]]) @ rel
    velocity = np.gradient(rel, t, axis=1)
    speed = np.hypot(velocity[0], velocity[1])
    threshold = _onset_threshold(speed, baseline, k_sd)

    go = int(np.searchsorted(t, trial.go_s))
    onset = _first_held_run(speed > threshold, t, go, ONSET_HOLD_S)
    if onset is None:
        return LosDirectionResult(trial.direction, reason="no movement after the go cue")
    end = _primary_end(unit @ velocity, threshold, onset)
    if end is None:
        return LosDirectionResult(trial.direction, reason="no movement toward the target")
    end_mm = float(along[end])
    if end_mm <= 0:
        return LosDirectionResult(trial.direction, reason="the primary movement ended behind start")
    max_mm = max(float(along[go:].max()), 0.0)

    lo, hi = (q * end_mm for q in MOVEMENT_BAND)
    span_s = _crossing_time(t, along, hi, onset) - _crossing_time(t, along, lo, onset)
    deg = math.degrees(math.atan(hi / cog_height) - math.atan(lo / cog_height))
    return LosDirectionResult(
        trial.direction,
        reaction_time_s=max(_crossing_time(t, speed, threshold, onset), trial.go_s) - trial.go_s,
        movement_velocity_mm_s=(hi - lo) / span_s if span_s > 0 else None,
        movement_velocity_deg_s=deg / span_s if span_s > 0 else None,
        endpoint_excursion_pct=100.0 * end_mm / trial.target_mm,
        max_excursion_pct=100.0 * max_mm / trial.target_mm,
        max_excursion_mm=max_mm,
        directional_control_pct=directional_control(along[onset:end + 1], across[onset:end + 1]),
    )


def directional_control(along: np.ndarray, across: np.ndarray) -> float | None:
    """(toward − extraneous) / toward × 100 over the primary movement.

    Toward is the net progress along the target direction; extraneous is everything else the
    COP travelled: all off-axis travel plus along-axis back-and-forth. A straight line is 100 %.
    """
    step_along = np.diff(along)
    toward = float(step_along.sum())
    if toward <= 0:
        return None
    extraneous = float(np.abs(np.diff(across)).sum() + np.abs(step_along).sum() - toward)
    return 100.0 * (toward - extraneous) / toward


def los_polygon_area_mm2(max_excursion_mm: Mapping[str, float]) -> float:
    """Area of the polygon through the max excursion along each direction (shoelace formula)."""
    order = sorted(max_excursion_mm, key=lambda d: DIRECTION_ANGLE_DEG[d])
    pts = np.array([max_excursion_mm[d] * direction_vector(d) for d in order])
    x, y = pts[:, 0], pts[:, 1]
    return 0.5 * abs(float(x @ np.roll(y, -1) - y @ np.roll(x, -1)))


def analyse_los(trials: Sequence[LosTrial], cog_height: float) -> LosReport:
    """Every direction's outputs; the polygon area only when all 8 directions have a result."""
    results = tuple(analyse_direction(trial, cog_height) for trial in trials)
    reached = {r.direction: r.max_excursion_mm for r in results if r.max_excursion_mm is not None}
    area = los_polygon_area_mm2(reached) if set(reached) == set(DIRECTIONS) else None
    return LosReport(results, area)
