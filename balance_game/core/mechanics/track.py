"""Track: keep your dot inside a circle that moves along a path.

BTrackS-style target tracking as a game: a trial is one lap of a path, a few seconds long (a
line out and back, a circle, a figure-eight or a smooth random wander), so the whole shape is seen
and followed. Every lap starts and ends at the middle (its size swells in and fades out), so laps
follow one another without a jump; the lap time sets the pace. Success is
staying inside the moving circle for at least a set share of the segment; the score also counts
how close (RMS error) and how promptly (lag) the player followed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from balance_game.core.mechanics.base import Judged, ParamSpec, Rules, TrialOutcome, World
from balance_game.core.mechanics.common import add_cue, clamp01, rnd
from balance_game.core.records import Goal
from balance_game.i18n import N_

PATHS = ("line", "circle", "eight", "wander")
RAMP_SHARE = 0.15  # the path swells from the middle over this share of a lap, and fades at the end
LAG_MAX_S = 1.5  # lags searched, 0 to this, in LAG_STEP_S steps
LAG_STEP_S = 0.02
WANDER_PARTS = 3  # sines per axis in a wander path
TWO_PI = 2.0 * math.pi

PARAMS = (
    ParamSpec("paths", "", "path shapes, cycled in a shuffled order", ["line", "circle"],
              choices=PATHS),
    ParamSpec("amplitude_pct", "% LOS", "how far from the middle the path goes", 30.0, 5.0, 90.0,
              lean_extent=True),
    ParamSpec("period_s", "s", "time for one lap of the path: the length of a try (lower is faster)",
              6.0, 2.0, 12.0, harder_when="lower"),
    ParamSpec("target_radius_pct", "% LOS", "size of the moving circle", 18.0, 4.0, 40.0,
              harder_when="lower"),
    ParamSpec("on_target_pct", "%", "share of the time inside the circle needed to succeed", 70.0,
              20.0, 100.0),
)


@dataclass(frozen=True)
class Segment:
    """One path: a pure function of the time since it started."""

    kind: str
    amplitude: float  # lean units
    period_s: float
    duration_s: float
    angle: float  # rotation of the whole shape, radians
    turn: float  # +1 counter-clockwise, -1 clockwise
    wander: tuple[tuple[float, float, float], ...] = ()  # (weight, cycles per period, phase) x, then y

    def envelope(self, u: float) -> float:
        """0 at the start and end of the segment, 1 in between, with smooth ramps."""
        ramp = RAMP_SHARE * self.duration_s
        edge = clamp01(min(u, self.duration_s - u) / ramp)
        return edge * edge * (3.0 - 2.0 * edge)

    def at(self, u: float) -> tuple[float, float]:
        """The target's position ``u`` seconds into the segment, in lean units."""
        u = min(max(u, 0.0), self.duration_s)
        s = TWO_PI * u / self.period_s
        if self.kind == "line":
            x, y = math.sin(s), 0.0
        elif self.kind == "circle":
            x, y = math.cos(s), self.turn * math.sin(s)
        elif self.kind == "eight":
            x, y = math.sin(s), 0.5 * self.turn * math.sin(2.0 * s)
        else:
            half = len(self.wander) // 2
            x = sum(w * math.sin(f * s + p) for w, f, p in self.wander[:half])
            y = sum(w * math.sin(f * s + p) for w, f, p in self.wander[half:])
            reach = math.hypot(x, y)
            if reach > 1.0:  # each axis stays within 1, a diagonal could not: keep to the amplitude
                x, y = x / reach, y / reach
        c, sn = math.cos(self.angle), math.sin(self.angle)
        k = self.amplitude * self.envelope(u)
        return k * (x * c - y * sn), k * (x * sn + y * c)

    def at_many(self, u: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """``at`` for an array of times at once: the lag search asks for tens of thousands of
        positions at the end of a trial, which one by one would stall a frame."""
        u = np.clip(u, 0.0, self.duration_s)
        s = TWO_PI * u / self.period_s
        if self.kind == "line":
            x, y = np.sin(s), np.zeros_like(s)
        elif self.kind == "circle":
            x, y = np.cos(s), self.turn * np.sin(s)
        elif self.kind == "eight":
            x, y = np.sin(s), 0.5 * self.turn * np.sin(2.0 * s)
        else:
            half = len(self.wander) // 2
            x = sum((w * np.sin(f * s + p) for w, f, p in self.wander[:half]), np.zeros_like(s))
            y = sum((w * np.sin(f * s + p) for w, f, p in self.wander[half:]), np.zeros_like(s))
            reach = np.maximum(np.hypot(x, y), 1.0)
            x, y = x / reach, y / reach
        edge = np.clip(np.minimum(u, self.duration_s - u) / (RAMP_SHARE * self.duration_s), 0.0, 1.0)
        k = self.amplitude * (edge * edge * (3.0 - 2.0 * edge))
        c, sn = math.cos(self.angle), math.sin(self.angle)
        return k * (x * c - y * sn), k * (x * sn + y * c)


@dataclass(kw_only=True)
class TrackWorld(World):
    """Phases: centre -> track -> track ... -> done."""

    t_go_s: float = 0.0
    segment: Segment | None = None
    order: list[str] = field(default_factory=list)
    samples: list[tuple[float, float, float]] = field(default_factory=list)  # (u, x, y)
    on_s: float = 0.0
    total_s: float = 0.0
    inside: bool = False

    @property
    def target_radius(self) -> float:
        return self.params["target_radius_pct"] / 100.0

    @property
    def elapsed_s(self) -> float:
        return self.t_s - self.t_go_s

    @property
    def target(self) -> tuple[float, float]:
        return (0.0, 0.0) if self.segment is None else self.segment.at(self.elapsed_s)

    @property
    def on_target_share(self) -> float:
        return self.on_s / self.total_s if self.total_s > 0 else 0.0


class Track(Rules[TrackWorld]):
    world_type = TrackWorld
    name = "track"
    title = N_("Track")
    params = PARAMS
    score_measures = ("time_on_target_pct", "tracking_error_pct", "lag_s")
    start_when_still = True

    def abort_trial(self, world: TrackWorld) -> None:
        if world.phase == "track":
            world.phase = "centre"
            world.segment = None
            world.settle_s = 0.0

    def goal(self, world: TrackWorld) -> Goal | None:
        if world.phase == "track":
            x, y = world.target
            return Goal(x, y, precision=world.target_radius * 0.5)
        if world.phase == "centre":
            return Goal(0.0, 0.0, precision=0.05)
        return None

    def trial_prompt(self, world: TrackWorld) -> str:
        if world.inside:
            return N_("Keep the dot inside the circle")
        segment = world.segment
        target_speed = TWO_PI * segment.amplitude / segment.period_s if segment else 0.0
        if world.speed > 1.5 * target_speed + 0.3:
            return N_("Slow down")
        return N_("Follow the yellow circle")

    def feedback(self, outcome: Judged) -> str:
        m = outcome.measures
        if outcome.success:
            return N_("Right with the circle!")
        if (m.get("lag_s") or 0.0) > 0.3:
            return N_("A little behind: move with the circle")
        return N_("Keep the dot inside the moving circle")

    def play(self, world: TrackWorld, previous: tuple[float, float], dt_s: float,
             t_s: float) -> list[TrialOutcome]:
        segment = world.segment
        if segment is None:
            return []
        u = world.elapsed_s
        world.inside = math.dist(world.position, world.target) <= world.target_radius
        world.samples.append((u, *world.position))
        world.total_s += dt_s
        if world.inside:
            world.on_s += dt_s
        if u >= segment.duration_s:
            outcome = self._finish(world, segment, t_s)
            if world.phase == "track":
                self.start_trial(world, t_s)
            return [outcome]
        return []

    def start_trial(self, world: TrackWorld, t_s: float) -> None:
        self.apply_pending(world)
        p = world.params
        if not world.order:
            world.order = list(p["paths"])
            world.rng.shuffle(world.order)
        kind = world.order.pop()
        rng = world.rng
        wander: tuple[tuple[float, float, float], ...] = ()
        if kind == "wander":
            parts = []
            for _axis in range(2):
                weights = [rng.uniform(0.5, 1.0) for _ in range(WANDER_PARTS)]
                total = sum(weights)
                parts += [(w / total, rng.uniform(0.5, 1.3), rng.uniform(0.0, TWO_PI))
                          for w in weights]
            wander = tuple(parts)
        world.segment = Segment(
            kind=kind, amplitude=p["amplitude_pct"] / 100.0, period_s=p["period_s"],
            duration_s=p["period_s"], angle=rng.choice((0.0, 0.25, 0.5, 0.75)) * math.pi,
            turn=rng.choice((-1.0, 1.0)), wander=wander,
        )
        world.phase = "track"
        world.t_go_s = t_s
        world.samples = []
        world.on_s = world.total_s = 0.0
        world.inside = True

    def _finish(self, world: TrackWorld, segment: Segment, t_s: float) -> TrialOutcome:
        measures = self._measures(world, segment)
        success = measures["time_on_target_pct"] >= world.params["on_target_pct"]
        outcome = TrialOutcome(
            index=world.trial_index, t_start_s=world.t_go_s, t_end_s=t_s, success=success,
            score=self._score(world, measures, success), measures=measures,
        )
        add_cue(world.cues, "hit" if success else "miss")
        world.last_result = outcome
        world.trial_index += 1
        if world.trial_index >= world.n_trials:
            world.phase = "done"
        return outcome

    def _measures(self, world: TrackWorld, segment: Segment) -> dict[str, Any]:
        samples = world.samples
        rms = None
        if samples:
            u, x, y = np.asarray(samples, dtype=float).T
            tx, ty = segment.at_many(u)
            rms = math.sqrt(float(np.mean((tx - x) ** 2 + (ty - y) ** 2)))
        return {
            "path": segment.kind,
            "amplitude_pct": world.params["amplitude_pct"],
            "period_s": world.params["period_s"],
            "target_radius_pct": world.params["target_radius_pct"],
            "on_target_required_pct": world.params["on_target_pct"],
            "time_on_target_pct": round(100.0 * world.on_target_share, 1),
            "tracking_error_pct": None if rms is None else round(rms * 100.0, 2),
            "lag_s": rnd(estimate_lag(segment, samples)),
        }

    def _score(self, world: TrackWorld, m: dict[str, Any], success: bool) -> float:
        on = m["time_on_target_pct"] / 100.0
        if not success:
            return round(35.0 * clamp01(on / (world.params["on_target_pct"] / 100.0)), 1)
        closeness = clamp01(1.0 - (m["tracking_error_pct"] or 0.0) / 100.0 / (2 * world.target_radius))
        promptness = clamp01(1.0 - (m["lag_s"] or 0.0) / 0.6)
        return round(40.0 + 60.0 * (0.5 * on + 0.3 * closeness + 0.2 * promptness), 1)


def estimate_lag(segment: Segment, samples: list[tuple[float, float, float]]) -> float | None:
    """The delay that best lines the player's trace up with the target's: argmin over 0..LAG_MAX_S
    of the mean squared distance between the dot at ``u`` and the target at ``u - lag``.

    All lags are scored in one array operation (a trial ends inside a frame, so this must not
    stall the game); the earliest lag wins unless a later one is better by more than 1e-12, and
    the search stops at the first lag that leaves fewer than 10 samples.
    """
    if len(samples) < 10:
        return None
    u, x, y = np.asarray(samples, dtype=float).T
    lags = np.arange(round(LAG_MAX_S / LAG_STEP_S) + 1) * LAG_STEP_S
    shifted = u[None, :] - lags[:, None]
    used = shifted >= 0.0
    counts = used.sum(axis=1)
    short = np.flatnonzero(counts < 10)
    n_lags = int(short[0]) if len(short) else len(lags)
    tx, ty = segment.at_many(shifted[:n_lags])
    sq = np.where(used[:n_lags], (tx - x) ** 2 + (ty - y) ** 2, 0.0)
    errors = (sq.sum(axis=1) / counts[:n_lags]).tolist()
    best_lag, best_err = 0.0, math.inf
    for lag, err in zip(lags[:n_lags].tolist(), errors, strict=True):
        if err < best_err - 1e-12:
            best_lag, best_err = lag, err
    return best_lag
