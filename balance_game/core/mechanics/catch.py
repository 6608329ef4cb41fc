"""Catch: lean sideways to catch falling fish in a basket and dodge falling rocks.

Wii Fit's Penguin Slide and Soccer Heading as a drill of quick, well-aimed lateral weight
shifts. The basket follows the player's side-to-side lean. Objects fall one at a time: a fish
(catch it) lands somewhere to the side, a rock (dodge it) drops straight at the basket. A trial
is one object; it succeeds when a fish is caught or a rock is avoided. Fish and rocks differ in
shape as well as colour.

Measures: the reaction time from the object's appearance to the start of the movement toward
the right spot, the peak lateral weight shift in % of the player's limits, and how far the
basket was from the object when it landed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from balance_game.core.mechanics.base import Judged, ParamSpec, Rules, TrialOutcome, World
from balance_game.core.records import Goal
from balance_game.i18n import N_

GAP_S = 0.6  # between one object landing and the next appearing
OBJECT_RADIUS = 0.06  # lean units; an object is caught when it lands over the basket
MOVE_ONSET = 0.05  # lean units toward the right spot that count as "started moving"
DODGE_MARGIN = 0.08
EDGE = 0.9  # the furthest a competent player would go to dodge

PARAMS = (
    ParamSpec("spread_pct", "% LOS", "how far to the side the fish fall", 45.0, 15.0, 90.0,
              lean_extent=True),
    ParamSpec("fall_s", "s", "time an object takes to fall", 3.0, 0.8, 8.0, harder_when="lower"),
    ParamSpec("basket_pct", "% LOS", "half the basket's width", 14.0, 5.0, 35.0,
              harder_when="lower"),
    ParamSpec("rock_share", "", "share of objects that are rocks to dodge", 0.25, 0.0, 0.6),
    ParamSpec("centre_radius_pct", "% LOS", "size of the centre zone before the first object",
              15.0, 4.0, 30.0, harder_when="lower"),
)


@dataclass
class Falling:
    kind: str  # "fish" or "rock"
    x: float  # where it falls, in lean units
    aim_x: float  # where a competent player would put the basket
    t_appear_s: float
    fall_s: float
    start_x: float  # the basket when it appeared
    reaction_time_s: float | None = None
    least_toward: float = 0.0  # the basket's position least toward the aim since it appeared
    peak_shift: float = 0.0


@dataclass(kw_only=True)
class CatchWorld(World):
    """Phases: centre -> fall <-> gap ... -> done."""

    gap_s: float = 0.0
    current: Falling | None = None
    rest_x: float = 0.0  # where the basket was aimed last: a player waits there for the next

    @property
    def basket_x(self) -> float:
        return self.position[0]

    @property
    def basket_half(self) -> float:
        return self.params["basket_pct"] / 100.0

    @property
    def centre_radius(self) -> float:
        return self.params["centre_radius_pct"] / 100.0

    @property
    def fall_fraction(self) -> float:
        """0 when the object appears at the top, 1 when it reaches the basket."""
        obj = self.current
        if obj is None:
            return 0.0
        return min(1.0, max(0.0, (self.t_s - obj.t_appear_s) / obj.fall_s))


class Catch(Rules[CatchWorld]):
    world_type = CatchWorld
    name = "catch"
    title = N_("Catch")
    params = PARAMS
    score_measures = ("reaction_time_s", "lateral_shift_pct", "miss_distance_pct")

    def abort_trial(self, world: CatchWorld) -> None:
        if world.phase in ("fall", "gap"):
            world.current = None
            world.phase = "centre"
            world.settle_s = 0.0

    def goal(self, world: CatchWorld) -> Goal | None:
        if world.phase == "fall" and world.current is not None:
            return Goal(world.current.aim_x, 0.0, precision=world.basket_half * 0.5)
        if world.phase == "gap":
            return Goal(world.rest_x, 0.0, precision=world.basket_half * 0.5)
        if world.phase == "centre":
            return Goal(0.0, 0.0, precision=world.centre_radius * 0.5)
        return None

    def trial_prompt(self, world: CatchWorld) -> str:
        if world.phase == "fall" and world.current is not None:
            return N_("Catch the fish!") if world.current.kind == "fish" else N_("Dodge the rock!")
        return N_("Catch the fish, avoid the rocks")

    # --- stepping ----------------------------------------------------------------------
    def feedback(self, outcome: Judged) -> str:
        m = outcome.measures
        if m.get("object") == "rock":
            return N_("Nice dodge!") if outcome.success else N_("Oops, a rock: move aside next time")
        return N_("Caught it!") if outcome.success else N_("Missed: slide under the fish a little sooner")

    def play(self, world: CatchWorld, previous: tuple[float, float], dt_s: float,
             t_s: float) -> list[TrialOutcome]:
        if world.phase == "gap":
            world.gap_s += dt_s
            if world.gap_s >= GAP_S:
                self.start_trial(world, t_s)
            return []
        obj = world.current
        if obj is None:
            return []
        toward = math.copysign(1.0, obj.aim_x - obj.start_x) if obj.aim_x != obj.start_x else 0.0
        along = world.basket_x * toward
        obj.least_toward = min(obj.least_toward, along)
        if obj.reaction_time_s is None and toward and along - obj.least_toward > MOVE_ONSET:
            obj.reaction_time_s = t_s - obj.t_appear_s
        obj.peak_shift = max(obj.peak_shift, abs(world.basket_x))
        if t_s - obj.t_appear_s >= obj.fall_s:
            return [self._land(world, obj, t_s)]
        return []

    def start_trial(self, world: CatchWorld, t_s: float) -> None:
        """Drop the next object."""
        self.apply_pending(world)
        rng = world.rng
        here = world.basket_x
        half = world.basket_half
        reach = half + OBJECT_RADIUS
        spread = world.params["spread_pct"] / 100.0
        if rng.random() < world.params["rock_share"]:
            x = max(-spread, min(spread, here + rng.uniform(-0.5, 0.5) * half))
            side = -1.0 if x > 0 else 1.0
            aim = x + side * (reach + DODGE_MARGIN)
            if abs(aim) > EDGE:
                aim = x - side * (reach + DODGE_MARGIN)
            kind = "rock"
        else:
            x = rng.choice((-1.0, 1.0)) * spread * rng.uniform(0.5, 1.0)
            if abs(x - here) < reach + 0.1:
                x = -x
            aim, kind = x, "fish"
        toward = math.copysign(1.0, aim - here)
        world.current = Falling(kind=kind, x=round(x, 4), aim_x=round(aim, 4), t_appear_s=t_s,
                                fall_s=float(world.params["fall_s"]), start_x=here,
                                least_toward=here * toward)
        world.rest_x = world.current.aim_x
        world.phase = "fall"

    def _land(self, world: CatchWorld, obj: Falling, t_s: float) -> TrialOutcome:
        reach = world.basket_half + OBJECT_RADIUS
        miss = abs(world.basket_x - obj.x)
        caught = miss <= reach
        success = caught if obj.kind == "fish" else not caught
        if obj.kind == "fish":
            world.cues.append("hit" if caught else "miss")
        else:
            world.cues.append("bump" if caught else "dodge")
        measures = {
            "object": obj.kind,
            "caught": caught,
            "object_x_pct": round(100.0 * obj.x, 1),
            "fall_s": obj.fall_s,
            "basket_pct": world.params["basket_pct"],
            "reaction_time_s": None if obj.reaction_time_s is None else round(obj.reaction_time_s, 3),
            "lateral_shift_pct": round(100.0 * obj.peak_shift, 1),
            "required_shift_pct": round(100.0 * abs(obj.aim_x - obj.start_x), 1),
            "miss_distance_pct": round(100.0 * miss, 1),
        }
        outcome = TrialOutcome(
            index=world.trial_index, t_start_s=obj.t_appear_s, t_end_s=t_s, success=success,
            score=self._score(obj, measures, success, reach, miss), measures=measures,
        )
        world.last_result = outcome
        world.trial_index += 1
        world.current = None
        if world.trial_index >= world.n_trials:
            world.phase = "done"
        else:
            world.phase = "gap"
            world.gap_s = 0.0
        return outcome

    def _score(self, obj: Falling, m: dict[str, Any], success: bool, reach: float,
               miss: float) -> float:
        rt = m["reaction_time_s"]
        quick = 0.0 if rt is None else _clamp01(1.0 - (rt - 0.25) / max(0.6 * obj.fall_s, 0.3))
        if obj.kind == "fish":
            if not success:
                need = max(abs(obj.x - obj.start_x), reach)
                return round(30.0 * _clamp01(1.0 - (miss - reach) / need), 1)
            centred = _clamp01(1.0 - miss / reach)
            return round(40.0 + 60.0 * (0.5 * quick + 0.5 * centred), 1)
        if not success:
            return round(20.0 * _clamp01(miss / reach), 1)
        clear = _clamp01((miss - reach) / DODGE_MARGIN)
        return round(40.0 + 60.0 * (0.5 * quick + 0.5 * clear), 1)


def _clamp01(value: float) -> float:
    return min(1.0, max(0.0, value))
