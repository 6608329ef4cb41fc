"""Weight transfer: move the whole weight onto one foot, lift the other, hold, put it down.

Single-limb loading as in Wii Fit's Tightrope and step games and the Weight Shift Trainer's
alternating drill. A try asks for one foot to come up: the player shifts their weight onto the
other foot, lifts this one within the pace, and keeps it up while the hold clock runs. Short
holds at a brisk pace are marching in place; long holds are a single-leg stance. Putting the
lifted foot down before the clock is full is a touch-down: a few may be allowed, more end the
try.

Feet are read from the four load cells: the share of the load on the right-hand cells
(tr + br) gives the centre of pressure across the board, and with the feet standing a known
share of the way out to the cells it gives each foot's load. Without load cells (keyboard,
gamepad) a lean far enough to one side stands in for standing on that foot.

Measures: the load transfer (peak % of the load on the standing side's cells), the time on one
leg, the touch-downs, the reaction time from the cue to the foot coming up, and the sway while
on one leg (dsp/sway.py formulas, % of the player's limits).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from balance_game.core.control import Axes
from balance_game.core.mechanics.base import Judged, ParamSpec, Rules, TrialOutcome, World
from balance_game.core.mechanics.common import add_cue, clamp01, rnd
from balance_game.core.records import Goal
from balance_game.i18n import N_

LIFT = {"left": N_("Weight on the RIGHT foot, lift your LEFT foot"),
        "right": N_("Weight on the LEFT foot, lift your RIGHT foot")}
AGAIN = {"left": N_("Lift your LEFT foot again"), "right": N_("Lift your RIGHT foot again")}
HOLD = {"left": N_("Hold your LEFT foot up"), "right": N_("Hold your RIGHT foot up")}

# The feet's centres sit about half-way from the board's middle to its side load cells (on a
# Wii board ~108 mm out of 216.5, feet about hip width apart): all the weight on one foot then
# puts 75 % of the load on that side's cells.
STANCE_SHARE = 0.5
LIFTED_SHARE = 0.15  # a foot carrying at most this share of the weight counts as lifted ...
TOUCH_SHARE = 0.30  # ... and as down again once it carries this much (hysteresis)
DOWN_S = 0.2  # both feet loaded this long between tries
SIDES = ("left", "right")
OTHER = {"left": "right", "right": "left"}

PARAMS = (
    ParamSpec("sides", "", "the feet to lift, in turn", list(SIDES), choices=SIDES),
    ParamSpec("lift_s", "s", "time the foot must stay up (short: marching; long: one-leg "
              "stance)", 3.0, 0.3, 60.0),
    ParamSpec("pace_s", "s", "time from the cue to the foot coming up: the pace of the march",
              3.0, 0.6, 8.0, harder_when="lower"),
    ParamSpec("max_touchdowns", "", "times the lifted foot may touch down during a hold", 2, 0,
              5, integer=True, harder_when="lower"),
    ParamSpec("fallback_lean_pct", "% LOS", "without load cells (keyboard, gamepad): the "
              "sideways lean that counts as standing on one foot", 80.0, 30.0, 100.0,
              lean_extent=True),
)


def transfer_of(axes: Axes, fallback_lean: float) -> float:
    """Where the weight is, -1 (all on the left foot) .. +1 (all on the right foot).

    From the load cells when the source has them: the right-hand share s puts the centre of
    pressure at (2s - 1) of the half-span between the cells, and the feet at STANCE_SHARE of
    it. Otherwise from the sideways lean, ``fallback_lean`` counting as all on one foot.
    """
    if axes.right_share is not None:
        value = (2.0 * axes.right_share - 1.0) / STANCE_SHARE
    else:
        value = axes.lean_x / max(fallback_lean, 1e-6)
    return max(-1.0, min(1.0, value))


def foot_load(transfer: float, foot: str) -> float:
    """The share of the weight on ``foot`` (0..1) for a transfer of -1..+1."""
    right = (1.0 + transfer) / 2.0
    return right if foot == "right" else 1.0 - right


@dataclass(kw_only=True)
class TransferWorld(World):
    """Phases: centre -> shift <-> up -> down -> shift ... -> done."""

    down_s: float = 0.0
    transfer: float = 0.0
    from_cells: bool = True
    right_share: float | None = None  # the load cells' right-hand share now, if any
    foot: str = "left"  # the foot to lift this try
    turn: int = 0
    t_cue_s: float = 0.0
    reaction_time_s: float | None = None
    up_s: float = 0.0  # time on one leg so far this try
    touchdowns: int = 0
    peak_side_share: float | None = None  # load-cell share on the standing side
    least_lifted_load: float = 1.0
    one_leg: list[tuple[float, float, float]] = field(default_factory=list)  # t, x, y

    @property
    def lift_fraction(self) -> float:
        return clamp01(self.up_s / self.params["lift_s"])

    @property
    def pace_left_share(self) -> float:
        """Of the time to get the foot up, while it is still down: 1 at the cue, 0 when late."""
        if self.phase != "shift" or self.reaction_time_s is not None:
            return 0.0
        return clamp01(1.0 - (self.t_s - self.t_cue_s) / self.params["pace_s"])

    @property
    def lifted_load(self) -> float:
        return foot_load(self.transfer, self.foot)

    @property
    def time_limit_s(self) -> float:
        """Every try ends: the pace, twice the hold, and a little time to recover."""
        return self.params["pace_s"] + 2.0 * self.params["lift_s"] + 2.0


class Transfer(Rules[TransferWorld]):
    world_type = TransferWorld
    start_when_still = True
    name = "transfer"
    title = N_("Weight transfer")
    params = PARAMS
    score_measures = ("load_transfer_pct", "time_on_one_leg_s", "touchdowns")
    lifts_feet = True  # the session's quality gate must not fail a lifted foot here

    def abort_trial(self, world: TransferWorld) -> None:
        if world.phase in ("shift", "up", "down"):
            self.back_to_centre(world)

    def goal(self, world: TransferWorld) -> Goal | None:
        if world.phase in ("shift", "up"):
            side = 1.0 if world.foot == "left" else -1.0  # stand on the other foot
            return Goal(side * world.params["fallback_lean_pct"] / 100.0, 0.0, precision=0.1,
                        lift=world.foot)
        if world.phase in ("centre", "down"):
            return Goal(0.0, 0.0, precision=0.05)
        return None

    def trial_prompt(self, world: TransferWorld) -> str:
        # whole sentences per foot: "left"/"right" change their ending with the noun elsewhere
        if world.phase == "shift":
            if world.touchdowns:
                return AGAIN[world.foot]
            return LIFT[world.foot]
        if world.phase == "up":
            return HOLD[world.foot]
        return N_("Both feet down")

    def feedback(self, outcome: Judged) -> str:
        m = outcome.measures
        if outcome.success:
            return N_("Steady on one leg!") if not m.get("touchdowns") else N_("Done: well balanced!")
        if m.get("reaction_time_s") is None:
            return N_("Shift all your weight onto the other foot first")
        return N_("Foot came down: hold on to a chair if you need to")

    # --- stepping ----------------------------------------------------------------------
    def step(self, world: TransferWorld, axes: Axes, dt_s: float,
             t_s: float) -> list[TrialOutcome]:
        """The shared preamble, after reading where the weight is (the load cells are not
        part of the lean the preamble follows)."""
        world.from_cells = axes.right_share is not None
        world.transfer = transfer_of(axes, world.params["fallback_lean_pct"] / 100.0)
        world.right_share = axes.right_share
        return super().step(world, axes, dt_s, t_s)

    def play(self, world: TransferWorld, previous: tuple[float, float], dt_s: float,
             t_s: float) -> list[TrialOutcome]:
        if world.phase == "down":
            down = world.lifted_load >= TOUCH_SHARE
            world.down_s = world.down_s + dt_s if down else 0.0
            if world.down_s >= DOWN_S:
                self.start_trial(world, t_s)
            return []
        self._track(world)
        return self._judge(world, dt_s, t_s)

    def start_trial(self, world: TransferWorld, t_s: float) -> None:
        """Cue the next foot to lift (the sides in turn)."""
        self.apply_pending(world)
        sides = list(world.params["sides"])
        world.foot = sides[world.turn % len(sides)]
        world.turn += 1
        world.t_cue_s = t_s
        world.reaction_time_s = None
        world.up_s = 0.0
        world.touchdowns = 0
        world.peak_side_share = None
        world.least_lifted_load = 1.0
        world.one_leg = []
        world.phase = "shift"
        add_cue(world.cues, "step")

    def _track(self, world: TransferWorld) -> None:
        world.least_lifted_load = min(world.least_lifted_load, world.lifted_load)
        if world.right_share is not None:
            side = world.right_share if world.foot == "left" else 1.0 - world.right_share
            world.peak_side_share = max(world.peak_side_share or 0.0, side)

    def _judge(self, world: TransferWorld, dt_s: float, t_s: float) -> list[TrialOutcome]:
        load = world.lifted_load
        if world.phase == "shift":
            if load <= LIFTED_SHARE:
                world.phase = "up"
                if world.reaction_time_s is None:
                    world.reaction_time_s = t_s - world.t_cue_s
            elif world.reaction_time_s is None and t_s - world.t_cue_s > world.params["pace_s"]:
                return [self._finish(world, t_s, success=False)]
        elif load >= TOUCH_SHARE:
            world.phase = "shift"
            world.touchdowns += 1
            add_cue(world.cues, "bump")
            if world.touchdowns > round(world.params["max_touchdowns"]):
                return [self._finish(world, t_s, success=False)]
        else:
            world.up_s += dt_s
            world.one_leg.append((t_s, *world.position))
            if world.up_s >= world.params["lift_s"]:
                return [self._finish(world, t_s, success=True)]
        if t_s - world.t_cue_s >= world.time_limit_s:
            return [self._finish(world, t_s, success=False)]
        return []

    def _finish(self, world: TransferWorld, t_s: float, success: bool) -> TrialOutcome:
        measures = self._measures(world)
        outcome = TrialOutcome(
            index=world.trial_index, t_start_s=world.t_cue_s, t_end_s=t_s, success=success,
            score=self._score(world, measures, success), measures=measures,
        )
        add_cue(world.cues, "hit" if success else "miss")
        world.last_result = outcome
        world.trial_index += 1
        world.phase = "done" if world.trial_index >= world.n_trials else "down"
        world.down_s = 0.0
        return outcome

    # --- measures and score --------------------------------------------------------------
    def _measures(self, world: TransferWorld) -> dict[str, Any]:
        from balance_game.dsp.sway import window_sway  # numpy loads only when a try is scored

        sway = window_sway([p[0] for p in world.one_leg], [100.0 * p[1] for p in world.one_leg],
                           [100.0 * p[2] for p in world.one_leg])
        side = world.peak_side_share
        standing = OTHER[world.foot]
        load = None if side is None else round(100.0 * side, 1)
        return {
            "foot": world.foot,
            "standing_foot": standing,
            "source": "load_cells" if world.from_cells else "lean",
            "lift_s": world.params["lift_s"],
            "pace_s": world.params["pace_s"],
            "max_touchdowns": round(world.params["max_touchdowns"]),
            "reaction_time_s": rnd(world.reaction_time_s),
            "time_on_one_leg_s": rnd(world.up_s),
            "touchdowns": world.touchdowns,
            "load_transfer_pct": load,
            # the same two figures under the standing side's name, so a session's means (and
            # every export's columns) show the left and the right side apart
            f"load_on_{standing}_side_pct": load,
            f"time_on_{standing}_leg_s": rnd(world.up_s),
            "min_lifted_foot_load_pct": round(100.0 * world.least_lifted_load, 1),
            "one_leg_sway_rms_pct": rnd(sway["rms"], 2) if sway else None,
            "one_leg_sway_speed_pct_s": rnd(sway["mean_velocity"], 2) if sway else None,
        }

    def _score(self, world: TransferWorld, m: dict[str, Any], success: bool) -> float:
        if not success:
            return round(30.0 * world.lift_fraction, 1)
        quick = clamp01(1.0 - m["reaction_time_s"] / world.params["pace_s"])
        allowed = round(world.params["max_touchdowns"]) + 1
        steady = clamp01(1.0 - m["touchdowns"] / allowed)
        clean = clamp01(1.0 - world.least_lifted_load / LIFTED_SHARE)
        return round(40.0 + 60.0 * (0.3 * quick + 0.4 * steady + 0.3 * clean), 1)
