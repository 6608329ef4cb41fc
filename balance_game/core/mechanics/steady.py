"""Steady: keep the marker inside a circle that shrinks while you stay in it.

Quiet stance as a game, after Wii Fit's Balance Bubble and the Ski Jump landing: a trial is one
hold. The hold clock runs only while the marker is inside the zone, and the zone shrinks as the
clock runs, so staying still is rewarded with a harder, smaller target. Time spent outside is
limited: use it up and the trial fails. At higher levels the zone sits away from the middle, so
the player holds still while leaning. Scored on how still the hold was (sway area, speed,
time inside), not only on whether it lasted.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from balance_game.core.mechanics.base import Judged, ParamSpec, Rules, TrialOutcome, World
from balance_game.core.mechanics.common import add_cue, clamp01, path_length, rnd
from balance_game.core.records import Goal
from balance_game.i18n import N_

MOVE_LIMIT_S = 4.0  # time allowed to get into an off-centre zone before the hold starts
SLOW_DOWN_SPEED = 0.45  # lean units per second: above this the prompt says "Slow down"
CALM_SPEED_PCT_S = 60.0  # a mean marker speed of this much (% LOS per second) scores zero for calm
OFFSET_DIRECTIONS = tuple((math.cos(math.radians(a)), math.sin(math.radians(a)))
                          for a in range(0, 360, 45))

PARAMS = (
    ParamSpec("zone_radius_pct", "% LOS", "size of the zone when the hold starts", 20.0, 3.0, 50.0,
              harder_when="lower"),
    ParamSpec("shrink_pct", "%", "how much the zone shrinks by the end of the hold", 40.0, 0.0, 80.0),
    ParamSpec("hold_s", "s", "time to stay inside the zone", 4.0, 1.0, 10.0),
    ParamSpec("max_out_s", "s", "time allowed outside the zone before the try fails", 1.0, 0.1, 5.0,
              harder_when="lower"),
    ParamSpec("offset_pct", "% LOS", "how far from the middle the zone sits", 0.0, 0.0, 60.0,
              lean_extent=True),
)


@dataclass(kw_only=True)
class SteadyWorld(World):
    """Phases: centre -> move -> hold -> centre ... -> done."""

    zone_centre: tuple[float, float] = (0.0, 0.0)
    t_go_s: float = 0.0
    t_hold_s: float = 0.0
    hold_elapsed_s: float = 0.0
    out_s: float = 0.0
    in_s: float = 0.0
    exits: int = 0
    inside: bool = True
    points: list[tuple[float, float]] = field(default_factory=list)

    @property
    def start_radius(self) -> float:
        return self.params["zone_radius_pct"] / 100.0

    @property
    def hold_fraction(self) -> float:
        return min(1.0, self.hold_elapsed_s / self.params["hold_s"])

    @property
    def zone_radius(self) -> float:
        """The zone now: it shrinks as the hold clock runs."""
        return self.start_radius * (1.0 - self.params["shrink_pct"] / 100.0 * self.hold_fraction)

    @property
    def out_fraction(self) -> float:
        return min(1.0, self.out_s / self.params["max_out_s"])



def sway_area_pct2(points: list[tuple[float, float]]) -> float:
    """The 95 % prediction ellipse (dsp/sway.py, the one published as ``ellipse95_area_mm2``) of
    the lean trace in % of the player's limits, hence %²."""
    from balance_game.dsp.sway import ellipse95_area

    xy = np.asarray(points, dtype=float)
    return ellipse95_area(xy[:, 1], xy[:, 0])


class Steady(Rules[SteadyWorld]):
    world_type = SteadyWorld
    name = "steady"
    title = N_("Steady")
    params = PARAMS
    score_measures = ("time_in_zone_pct", "sway_area_pct2", "mean_speed_pct_s")
    start_when_still = True

    def abort_trial(self, world: SteadyWorld) -> None:
        if world.phase in ("move", "hold"):
            self.back_to_centre(world)

    def goal(self, world: SteadyWorld) -> Goal | None:
        if world.phase in ("move", "hold"):
            x, y = world.zone_centre
            return Goal(x, y, precision=world.zone_radius * 0.5)
        if world.phase == "centre":
            return Goal(0.0, 0.0, precision=0.05)
        return None

    def trial_prompt(self, world: SteadyWorld) -> str:
        if world.phase == "move":
            return N_("Lean gently into the yellow circle")
        if not world.inside:
            return N_("Back into the circle")
        if world.speed > SLOW_DOWN_SPEED:
            return N_("Slow down")
        return N_("Keep the dot inside the circle")

    def feedback(self, outcome: Judged) -> str:
        m = outcome.measures
        if outcome.success:
            return N_("Still as a statue!") if not m.get("exits") else N_("Held it: well done!")
        if m.get("offset_pct") and not m.get("held_s"):
            return N_("Lean gently into the circle a little sooner")
        return N_("Drifted out: small, slow corrections")

    def play(self, world: SteadyWorld, previous: tuple[float, float], dt_s: float,
             t_s: float) -> list[TrialOutcome]:
        if world.phase == "move":
            return self._move(world, t_s)
        return self._hold(world, dt_s, t_s)

    def start_trial(self, world: SteadyWorld, t_s: float) -> None:
        self.apply_pending(world)
        offset = world.params["offset_pct"] / 100.0
        if offset > 0:
            ux, uy = world.rng.choice(OFFSET_DIRECTIONS)
            world.zone_centre = (ux * offset, uy * offset)
        else:
            world.zone_centre = (0.0, 0.0)
        world.t_go_s = world.t_hold_s = t_s
        world.hold_elapsed_s = world.out_s = world.in_s = 0.0
        world.exits = 0
        world.inside = True
        world.points = []
        world.phase = "move"
        add_cue(world.cues, "go")

    def _inside(self, world: SteadyWorld) -> bool:
        return math.dist(world.position, world.zone_centre) <= world.zone_radius

    def _move(self, world: SteadyWorld, t_s: float) -> list[TrialOutcome]:
        if self._inside(world):
            world.phase = "hold"
            world.t_hold_s = t_s
            return []
        if t_s - world.t_go_s >= MOVE_LIMIT_S:
            return [self._finish(world, t_s, success=False)]
        return []

    def _hold(self, world: SteadyWorld, dt_s: float, t_s: float) -> list[TrialOutcome]:
        world.points.append(world.position)
        inside = self._inside(world)
        if inside:
            world.hold_elapsed_s += dt_s
            world.in_s += dt_s
        else:
            world.out_s += dt_s
            if world.inside:
                world.exits += 1
                add_cue(world.cues, "miss")
        world.inside = inside
        if world.hold_elapsed_s >= world.params["hold_s"]:
            return [self._finish(world, t_s, success=True)]
        if world.out_s > world.params["max_out_s"]:
            return [self._finish(world, t_s, success=False)]
        return []

    def _finish(self, world: SteadyWorld, t_s: float, success: bool) -> TrialOutcome:
        measures = self._measures(world)
        outcome = TrialOutcome(
            index=world.trial_index, t_start_s=world.t_go_s, t_end_s=t_s, success=success,
            score=self._score(world, measures, success), measures=measures,
        )
        add_cue(world.cues, "hit" if success else "miss")
        world.last_result = outcome
        world.trial_index += 1
        self.back_to_centre(world)
        return outcome

    def _measures(self, world: SteadyWorld) -> dict[str, Any]:
        held = world.in_s + world.out_s
        duration = held if world.points else 0.0
        pct_points = [(x * 100.0, y * 100.0) for x, y in world.points]
        mean_speed = path_length(pct_points) / duration if duration else None
        cx, cy = world.zone_centre
        return {
            "zone_radius_pct": world.params["zone_radius_pct"],
            "shrink_pct": world.params["shrink_pct"],
            "hold_s": world.params["hold_s"],
            "max_out_s": world.params["max_out_s"],
            "offset_pct": world.params["offset_pct"],
            "zone_x_pct": round(cx * 100.0, 1),
            "zone_y_pct": round(cy * 100.0, 1),
            "time_to_zone_s": rnd(world.t_hold_s - world.t_go_s) if world.phase == "hold" else None,
            "held_s": rnd(world.hold_elapsed_s),
            "time_in_zone_pct": round(100.0 * world.in_s / held, 1) if held else 0.0,
            "time_out_s": rnd(world.out_s),
            "exits": world.exits,
            "final_zone_radius_pct": round(world.zone_radius * 100.0, 2),
            "sway_area_pct2": rnd(sway_area_pct2(pct_points), 2) if len(pct_points) >= 3 else None,
            "mean_speed_pct_s": rnd(mean_speed, 2),
        }

    def _score(self, world: SteadyWorld, m: dict[str, Any], success: bool) -> float:
        progress = clamp01(m["held_s"] / world.params["hold_s"])
        if not success:
            return round(30.0 * progress, 1)
        zone_area = math.pi * world.params["zone_radius_pct"] ** 2
        steadiness = clamp01(1.0 - (m["sway_area_pct2"] or 0.0) / zone_area)
        calm = clamp01(1.0 - (m["mean_speed_pct_s"] or 0.0) / CALM_SPEED_PCT_S)
        inside = m["time_in_zone_pct"] / 100.0
        return round(40.0 + 60.0 * (0.4 * inside + 0.35 * steadiness + 0.25 * calm), 1)
