"""Reach: lean to a target in one of eight directions, hold it there, come back to the centre.

The limits-of-stability drill of Biodex and NeuroCom as a game. Scored on the quality of the
movement (how quickly and straight the player got there, how still they held), not only on
whether they got there.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from balance_game.core.mechanics.base import Judged, ParamSpec, Rules, TrialOutcome, World
from balance_game.core.records import Goal
from balance_game.i18n import N_

DIRECTIONS: dict[str, tuple[float, float]] = {
    "F": (0.0, 1.0), "FR": (math.sqrt(0.5), math.sqrt(0.5)), "R": (1.0, 0.0),
    "BR": (math.sqrt(0.5), -math.sqrt(0.5)), "B": (0.0, -1.0),
    "BL": (-math.sqrt(0.5), -math.sqrt(0.5)), "L": (-1.0, 0.0),
    "FL": (-math.sqrt(0.5), math.sqrt(0.5)),
}
MOVE_ONSET = 0.05  # lean units away from the start position that count as "started moving"

PARAMS = (
    ParamSpec("directions", "", "target directions, cycled in a shuffled order",
              list(DIRECTIONS), choices=tuple(DIRECTIONS)),
    ParamSpec("distance_pct", "% LOS", "target distance from neutral", 40.0, 10.0, 100.0,
              lean_extent=True),
    ParamSpec("target_radius_pct", "% LOS", "target size", 15.0, 4.0, 40.0,
              harder_when="lower"),
    ParamSpec("hold_s", "s", "time to hold inside the target", 1.0, 0.2, 10.0),
    ParamSpec("time_limit_s", "s", "time allowed to reach and hold", 10.0, 2.0, 60.0,
              harder_when="lower"),
    ParamSpec("centre_radius_pct", "% LOS", "size of the centre zone", 12.0, 4.0, 30.0,
              harder_when="lower"),
)


@dataclass(kw_only=True)
class ReachWorld(World):
    """Phases: centre -> reach <-> hold -> centre ... -> done."""

    direction: str = "F"
    order: list[str] = field(default_factory=list)
    t_go_s: float = 0.0
    start_position: tuple[float, float] = (0.0, 0.0)
    reaction_time_s: float | None = None
    time_to_target_s: float | None = None
    path_to_target: float = 0.0
    entry_position: tuple[float, float] = (0.0, 0.0)
    path_so_far: float = 0.0
    hold_elapsed_s: float = 0.0
    hold_points: list[tuple[float, float]] = field(default_factory=list)
    interruptions: int = 0
    max_excursion: float = 0.0

    @property
    def target(self) -> tuple[float, float]:
        ux, uy = DIRECTIONS[self.direction]
        d = self.params["distance_pct"] / 100.0
        return ux * d, uy * d

    @property
    def target_radius(self) -> float:
        return self.params["target_radius_pct"] / 100.0

    @property
    def centre_radius(self) -> float:
        return self.params["centre_radius_pct"] / 100.0

    @property
    def hold_fraction(self) -> float:
        return min(1.0, self.hold_elapsed_s / self.params["hold_s"])


PROMPTS = {
    "reach": N_("Lean toward the yellow circle"),
    "hold": N_("Hold still..."),
}


class Reach(Rules[ReachWorld]):
    world_type = ReachWorld
    name = "reach"
    title = N_("Reach")
    params = PARAMS
    score_measures = ("time_to_target_s", "path_straightness", "hold_sway_pct")

    def abort_trial(self, world: ReachWorld) -> None:
        if world.phase in ("reach", "hold"):
            self.back_to_centre(world)

    def goal(self, world: ReachWorld) -> Goal | None:
        if world.phase in ("reach", "hold"):
            x, y = world.target
            return Goal(x, y, precision=world.target_radius * 0.5)
        if world.phase == "centre":
            return Goal(0.0, 0.0, precision=world.centre_radius * 0.5)
        return None

    def trial_prompt(self, world: ReachWorld) -> str:
        return PROMPTS[world.phase]

    def feedback(self, outcome: Judged) -> str:
        m = outcome.measures
        if outcome.success:
            return N_("Well held!") if not m.get("hold_interruptions") else N_("Got it: well done!")
        if m.get("time_to_target_s") is None:
            return N_("Nearly: lean a little further")
        return N_("You got there: now hold a little stiller")

    def play(self, world: ReachWorld, previous: tuple[float, float], dt_s: float,
             t_s: float) -> list[TrialOutcome]:
        world.path_so_far += math.dist(previous, world.position)
        self._track(world, t_s)
        if world.phase == "reach":
            return self._reach(world, t_s)
        return self._hold(world, dt_s, t_s)

    def start_trial(self, world: ReachWorld, t_s: float) -> None:
        self.apply_pending(world)
        if not world.order:
            world.order = list(world.params["directions"])
            world.rng.shuffle(world.order)
        world.direction = world.order.pop()
        world.phase = "reach"
        world.t_go_s = t_s
        world.start_position = world.position
        world.reaction_time_s = world.time_to_target_s = None
        world.path_so_far = world.path_to_target = 0.0
        world.hold_elapsed_s = 0.0
        world.hold_points = []
        world.interruptions = 0
        world.max_excursion = 0.0

    def _track(self, world: ReachWorld, t_s: float) -> None:
        ux, uy = DIRECTIONS[world.direction]
        along = world.position[0] * ux + world.position[1] * uy
        world.max_excursion = max(world.max_excursion, along)
        if world.reaction_time_s is None and (
            math.dist(world.position, world.start_position) > MOVE_ONSET
        ):
            world.reaction_time_s = t_s - world.t_go_s

    def _inside_target(self, world: ReachWorld) -> bool:
        return math.dist(world.position, world.target) <= world.target_radius

    def _reach(self, world: ReachWorld, t_s: float) -> list[TrialOutcome]:
        if self._inside_target(world):
            if world.time_to_target_s is None:
                world.time_to_target_s = t_s - world.t_go_s
                world.path_to_target = world.path_so_far
                world.entry_position = world.position
            world.phase = "hold"
            return []
        return self._timeout(world, t_s)

    def _hold(self, world: ReachWorld, dt_s: float, t_s: float) -> list[TrialOutcome]:
        if not self._inside_target(world):
            world.interruptions += 1
            world.hold_elapsed_s = 0.0
            world.hold_points = []
            world.phase = "reach"
            return self._timeout(world, t_s)
        world.hold_elapsed_s += dt_s
        world.hold_points.append(world.position)
        if world.hold_elapsed_s >= world.params["hold_s"]:
            return [self._finish(world, t_s, success=True)]
        return self._timeout(world, t_s)

    def _timeout(self, world: ReachWorld, t_s: float) -> list[TrialOutcome]:
        if t_s - world.t_go_s >= world.params["time_limit_s"]:
            return [self._finish(world, t_s, success=False)]
        return []

    def _finish(self, world: ReachWorld, t_s: float, success: bool) -> TrialOutcome:
        measures = self._measures(world)
        outcome = TrialOutcome(
            index=world.trial_index, t_start_s=world.t_go_s, t_end_s=t_s, success=success,
            score=self._score(world, measures, success), measures=measures,
        )
        world.last_result = outcome
        world.trial_index += 1
        self.back_to_centre(world)
        return outcome

    def _measures(self, world: ReachWorld) -> dict[str, Any]:
        straightness = None
        if world.time_to_target_s is not None and world.path_to_target > 0:
            net = math.dist(world.start_position, world.entry_position)
            straightness = round(min(1.0, net / world.path_to_target), 4)
        return {
            "direction": world.direction,
            "distance_pct": world.params["distance_pct"],
            "target_radius_pct": world.params["target_radius_pct"],
            "hold_s": world.params["hold_s"],
            "reaction_time_s": _round(world.reaction_time_s),
            "time_to_target_s": _round(world.time_to_target_s),
            "path_straightness": straightness,
            "hold_sway_pct": _round(_rms_spread(world.hold_points) * 100.0, 2),
            "hold_interruptions": world.interruptions,
            "max_excursion_pct": round(
                100.0 * world.max_excursion / (world.params["distance_pct"] / 100.0), 1
            ),
        }

    def _score(self, world: ReachWorld, m: dict[str, Any], success: bool) -> float:
        if not success:
            reached = min(1.0, max(0.0, m["max_excursion_pct"] / 100.0))
            return round(30.0 * reached, 1)
        limit = world.params["time_limit_s"]
        speed = _clamp01(1.0 - (m["time_to_target_s"] - 0.5) / max(limit - 0.5, 0.5))
        steadiness = _clamp01(1.0 - (m["hold_sway_pct"] or 0.0) / world.params["target_radius_pct"])
        straight = m["path_straightness"] or 0.0
        return round(40.0 + 60.0 * (0.35 * speed + 0.35 * steadiness + 0.30 * straight), 1)


def _rms_spread(points: list[tuple[float, float]]) -> float:
    if len(points) < 2:
        return 0.0
    mx = sum(p[0] for p in points) / len(points)
    my = sum(p[1] for p in points) / len(points)
    return math.sqrt(sum((p[0] - mx) ** 2 + (p[1] - my) ** 2 for p in points) / len(points))


def _clamp01(value: float) -> float:
    return min(1.0, max(0.0, value))


def _round(value: float | None, digits: int = 3) -> float | None:
    return None if value is None else round(value, digits)
