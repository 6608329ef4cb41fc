"""Limits of stability (LOS): per-direction outputs of a NeuroCom-style lean test.

The player leans (feet fixed) toward one of 8 targets as quickly and accurately as possible after
a "go" cue. NeuroCom defines the five outputs therapists read (Lininger 2018; docs/sway-measures.md
§4) on the centre of gravity (COG), so the trace analysed here is the COG estimated from the COP
(dsp/cog.py, Caron 1997); the COP's counter-movement at the start and its braking overshoot
would otherwise count as wasted movement. Projected on the target direction:

* reaction time: go cue to movement onset (speed above the pre-cue baseline mean + k·SD, held
  for 50 ms, so a single noisy sample cannot start the movement);
* movement velocity: along the target direction, between 5 % and 95 % of the distance to the
  primary end-point (the accelerating start and the braking end say little about speed);
* end-point excursion: where the primary (first, uncorrected) movement stops, % of the target;
* maximum excursion: the furthest point toward the target in the whole trial, % of the target;
* directional control: movement toward the target minus extraneous movement, over the former.

Distances are reported in mm and in % of the theoretical limit in that direction (8° forward and
sideways, 4.5° back, about the ankle, at the COG height; an ellipse through those four for the
diagonals), never of the player's own measured limits: those change with every test, and a
percentage of them would read ~100 % by construction. A reaction faster than any visual reaction
(< 0.1 s: the player moved before or with the cue) or a direction the lean never reached makes
the direction invalid, with the reason and no numbers.

Inputs should be the preprocessed trace (uniform, low-passed): velocities come from differences.
Coordinates are mm, x medio-lateral (+ right), y antero-posterior (+ forward).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from balance_game.dsp.resample import monotonic_mask


def N_(reason: str) -> str:
    """Marks a reason for the translation catalogs (docs/update_catalogs.py) without importing
    them: the reason is stored in English and shown through the catalog (``i18n.stored``)."""
    return reason

DIRECTIONS = ("F", "FR", "R", "BR", "B", "BL", "L", "FL")
# Direction angles counter-clockwise from + right, in the board plane.
DIRECTION_ANGLE_DEG = {"R": 0, "FR": 45, "F": 90, "FL": 135, "L": 180, "BL": 225, "B": 270,
                       "BR": 315}
ONSET_K_SD = 3.0
ONSET_HOLD_S = 0.05
BASELINE_S = 1.0
# A perfectly still (or synthetic, or quantised) baseline has SD 0; without a floor any sensor
# tick would count as the onset. 5 mm/s is far below a voluntary lean (> 20 mm/s), the ceiling.
MIN_ONSET_SPEED_MM_S = 5.0
MAX_ONSET_SPEED_MM_S = 20.0
MOVEMENT_BAND = (0.05, 0.95)
ONSET_PEAK_FRACTION = 0.1
# NeuroCom's centre-of-gravity height as a share of body height [M: docs §4].
COG_HEIGHT_RATIO = 0.5527
# Theoretical limits of stability, sway angles about the ankle (NeuroCom).
THEORETICAL_DEG = {"side": 8.0, "forward": 8.0, "back": 4.5}
# The fastest simple visual reaction of healthy adults is ~0.15-0.2 s; a movement starting less
# than 0.1 s after the cue was started before the cue was seen. (The reason shown for it names the
# value in words, as a fixed sentence the catalogs can translate: keep the two in step.)
MIN_REACTION_S = 0.1
# A lean whose furthest point toward the target stays under this share of the theoretical limit
# did not go that way (it is sway, or a lean in another direction). Named in words in its reason.
MIN_REACHED_FRACTION = 0.1


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
    endpoint_excursion_mm: float | None = None
    endpoint_excursion_pct: float | None = None
    max_excursion_mm: float | None = None
    max_excursion_pct: float | None = None
    directional_control_pct: float | None = None
    target_mm: float | None = None
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


def theoretical_limit_mm(direction: str, cog_height: float) -> float:
    """Distance to the theoretical limit toward ``direction``: cog_height·tan(angle) on the
    four axes, and on the ellipse through those four points for the diagonals. Not clipped to
    any board: a limit the board cannot measure still is the limit."""
    ux, uy = direction_vector(direction)
    side = cog_height * math.tan(math.radians(THEORETICAL_DEG["side"]))
    ap = THEORETICAL_DEG["forward"] if uy >= 0 else THEORETICAL_DEG["back"]
    reach_ap = cog_height * math.tan(math.radians(ap))
    return 1.0 / math.sqrt((ux / side) ** 2 + (uy / reach_ap) ** 2)


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
    """Speed a movement must exceed: baseline mean + k·SD, never below the still-board floor
    and never above a slow voluntary lean (a player still settling before the cue would
    otherwise hide the whole lean under the threshold)."""
    noise = float(speed[baseline].mean() + k_sd * speed[baseline].std())
    return min(max(noise, MIN_ONSET_SPEED_MM_S), MAX_ONSET_SPEED_MM_S)


def _movement_start(along_speed: np.ndarray, level: float, fastest: int, go: int) -> int:
    """First sample of the run of speed toward the target above ``level`` that contains
    ``fastest`` (never before the cue)."""
    below = np.flatnonzero(along_speed[go:fastest + 1] <= level)
    return go + int(below[-1]) + 1 if len(below) else go


def _primary_end(along_speed: np.ndarray, threshold: float, start: int) -> int:
    """Where the first movement toward the target stops: its speed toward it falls back to the
    threshold (a pause, or a turn)."""
    stops = np.flatnonzero(along_speed[start:] <= threshold)
    return start + int(stops[0]) if len(stops) else len(along_speed) - 1


def _onset_time(t: np.ndarray, along_speed: np.ndarray, level: float, start: int) -> float:
    """When the speed toward the target rose through ``level`` at ``start``, interpolated."""
    if start == 0 or along_speed[start - 1] >= level:
        return float(t[start])
    a, b = along_speed[start - 1], along_speed[start]
    return float(t[start - 1] + (level - a) / (b - a) * (t[start] - t[start - 1]))


def analyse_direction(
    trial: LosTrial,
    cog_height: float,
    k_sd: float = ONSET_K_SD,
) -> LosDirectionResult:
    """Reaction time, movement velocity, end-point and maximum excursion, directional control.

    The movement is found from where it got to, not from the first stir after the cue: the
    primary movement is the one that carries the lean halfway to its furthest point, around
    its fastest moment toward the target before that, walked back to where its speed toward
    the target rose above the onset level and forward to where it fell below the threshold.
    The onset level is the larger of the baseline's speed mean + k·SD and 10 % of that peak
    speed (a common onset criterion for voluntary movements), so sway that happens to be
    under way at the cue, or a twitch, is not taken for the start of the lean.
    """
    keep, _, _ = monotonic_mask(np.asarray(trial.t_s, dtype=float))
    t = np.asarray(trial.t_s, dtype=float)[keep]
    pos = np.vstack([np.asarray(trial.x_mm, dtype=float)[keep],
                     np.asarray(trial.y_mm, dtype=float)[keep]])
    baseline = (t >= trial.go_s - BASELINE_S) & (t < trial.go_s)
    if baseline.sum() < 3:
        return LosDirectionResult(trial.direction, reason=N_("fewer than 3 samples before the go cue"))
    unit = direction_vector(trial.direction)
    rel = pos - pos[:, baseline].mean(axis=1, keepdims=True)
    along, across = unit @ rel, np.array([-unit[1], unit[0]]) @ rel
    velocity = np.gradient(rel, t, axis=1)
    speed = np.hypot(velocity[0], velocity[1])
    along_speed = unit @ velocity
    threshold = _onset_threshold(speed, baseline, k_sd)

    go = int(np.searchsorted(t, trial.go_s))
    if _first_held_run(speed > threshold, t, go, ONSET_HOLD_S) is None:
        return LosDirectionResult(trial.direction, reason=N_("no movement after the go cue"))
    max_mm = max(float(along[go:].max()), 0.0)
    if max_mm <= 0.0 or not (along_speed[go:] > threshold).any():
        return LosDirectionResult(trial.direction, reason=N_("no movement toward the target"))
    if max_mm < MIN_REACHED_FRACTION * trial.target_mm:
        return LosDirectionResult(trial.direction, reason=(
            N_("the lean never reached a tenth of the limit that way")))
    halfway = go + int(np.argmax(along[go:] >= 0.5 * max_mm))
    fastest = go + int(np.argmax(along_speed[go:halfway + 1]))
    level = max(threshold, ONSET_PEAK_FRACTION * float(along_speed[fastest]))
    start = _movement_start(along_speed, level, fastest, go)
    end = _primary_end(along_speed, threshold, fastest)
    reaction = max(_onset_time(t, along_speed, level, start), trial.go_s) - trial.go_s
    if reaction < MIN_REACTION_S:
        return LosDirectionResult(trial.direction, reason=(
            N_("moved sooner after the cue than it could have been seen (under 0.1 s): repeat "
               "this direction")))
    end_mm = float(along[end])
    if end_mm <= max(float(along[start]), 0.0):
        return LosDirectionResult(trial.direction, reason=N_("the primary movement ended behind start"))

    lo, hi = (q * end_mm for q in MOVEMENT_BAND)
    span_s = _crossing_time(t, along, hi, start) - _crossing_time(t, along, lo, start)
    deg = math.degrees(math.atan(hi / cog_height) - math.atan(lo / cog_height))
    return LosDirectionResult(
        trial.direction,
        reaction_time_s=reaction,
        movement_velocity_mm_s=(hi - lo) / span_s if span_s > 0 else None,
        movement_velocity_deg_s=deg / span_s if span_s > 0 else None,
        endpoint_excursion_mm=end_mm,
        endpoint_excursion_pct=100.0 * end_mm / trial.target_mm,
        max_excursion_mm=max_mm,
        max_excursion_pct=100.0 * max_mm / trial.target_mm,
        directional_control_pct=directional_control(along[start:end + 1], across[start:end + 1]),
        target_mm=trial.target_mm,
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
