"""Slalom: shift your weight left and right to steer through gates that scroll toward you.

After Wii Fit's Ski Slalom: the skier sits near the bottom of the screen and moves sideways with
the player's lateral lean (position control: lean 40 % of your limits to the right and the skier
is 40 % of the way to the right edge). Gates scroll down at a set pace, alternating sides. A trial
is one gate: passed if the skier is inside its opening when it reaches them. Scored on how
centred, how well timed and how controlled (no overshoot) the weight shift was.
"""

from __future__ import annotations

import math
import random
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from balance_game.core.mechanics.base import Judged, ParamSpec, Rules, TrialOutcome, World
from balance_game.core.mechanics.common import add_cue, clamp01, rnd
from balance_game.core.records import Goal
from balance_game.i18n import N_

MOVE_SHARE = 0.6  # the ideal line completes each shift in this share of the time between gates
SHIFT_JITTER = 0.15  # gates sit up to 15 % nearer than the set shift (never further: it is a
# lean extent a therapist may cap), so the course is not a metronome
MAX_GATE_X = 0.95  # no gate asks for more than 95 % of the player's limits
CENTRE_Y_LIMIT = 0.5  # leaning further forward or back than this gets a reminder
KEEP_RESULTS = 4  # gates already reached, kept for the view to scroll off the screen

PARAMS = (
    ParamSpec("shift_pct", "% LOS",
              "how far the gates sit to either side of the middle (at most; some sit up to 15 % nearer)",
              35.0, 5.0, 90.0, lean_extent=True),
    ParamSpec("gate_width_pct", "% LOS", "width of the gate opening", 40.0, 5.0, 100.0,
              harder_when="lower"),
    ParamSpec("gate_interval_s", "s", "time between one gate and the next", 3.5, 1.0, 8.0,
              harder_when="lower"),
    ParamSpec("preview_s", "s", "how long each gate is in view before it reaches you", 3.0, 1.0, 6.0,
              harder_when="lower"),
)


@dataclass(frozen=True)
class Gate:
    number: int  # 0, 1, 2 ... within the level
    x: float  # centre of the opening, lean units
    half_width: float
    prev_x: float  # where the skier should be coming from (the previous gate, or the middle)
    t_from_s: float  # when the previous gate was reached (the trial's start)
    t_cross_s: float  # when this gate reaches the skier
    preview_s: float
    params: tuple[tuple[str, Any], ...]

    @property
    def shift(self) -> float:
        return abs(self.x - self.prev_x)

    @property
    def t_move_s(self) -> float:
        """When the shift toward this gate can start: once it is in view and the last is passed."""
        return max(self.t_from_s, self.t_cross_s - self.preview_s)

    def ideal_x(self, t_s: float) -> float:
        """The racing line: a smooth shift from the previous gate that lands early on this one."""
        span = max(1e-6, (self.t_cross_s - self.t_move_s) * MOVE_SHARE)
        u = clamp01((t_s - self.t_move_s) / span)
        return self.prev_x + (self.x - self.prev_x) * u * u * (3.0 - 2.0 * u)

    @property
    def t_mid_ideal_s(self) -> float:
        return self.t_move_s + 0.5 * MOVE_SHARE * (self.t_cross_s - self.t_move_s)


@dataclass(kw_only=True)
class SlalomWorld(World):
    """Phases: centre -> ski -> done (a paused run goes back to centre)."""

    t_go_s: float = 0.0
    gates: list[Gate] = field(default_factory=list)  # generated, not yet reached (the first is next)
    results: list[tuple[Gate, bool]] = field(default_factory=list)  # recently reached, newest last
    generated: int = 0
    side: float = 1.0
    t_mid_s: float | None = None  # when the skier crossed half way to the next gate
    max_along: float = 0.0  # furthest travel toward (and past) the next gate, lean units

    @property
    def next_gate(self) -> Gate | None:
        return self.gates[0] if self.gates else None


class Slalom(Rules[SlalomWorld]):
    world_type = SlalomWorld
    name = "slalom"
    title = N_("Slalom")
    params = PARAMS
    score_measures = ("lateral_error_pct", "timing_s", "overshoot_pct")
    start_when_still = True

    def new_world(self, params: Mapping[str, Any], n_trials: int, seed: int) -> SlalomWorld:
        rng = random.Random(seed)
        return SlalomWorld(params=dict(params), n_trials=n_trials, rng=rng,
                           side=rng.choice((-1.0, 1.0)))

    def abort_trial(self, world: SlalomWorld) -> None:
        if world.phase == "ski":
            world.gates = []
            world.generated = world.trial_index
            world.phase = "centre"
            world.settle_s = 0.0

    def goal(self, world: SlalomWorld) -> Goal | None:
        gate = world.next_gate
        if world.phase == "ski" and gate is not None:
            return Goal(gate.ideal_x(world.t_s), 0.0, precision=gate.half_width * 0.5)
        if world.phase == "ski" and world.results:  # the next gate is not in view yet: hold the line
            last = world.results[-1][0]
            return Goal(last.x, 0.0, precision=last.half_width * 0.5)
        if world.phase in ("centre", "ski"):
            return Goal(0.0, 0.0, precision=0.05)
        return None

    def trial_prompt(self, world: SlalomWorld) -> str:
        gate = world.next_gate
        if world.phase != "ski" or gate is None:
            return ""
        if abs(world.position[1]) > CENTRE_Y_LIMIT:
            return N_("Keep your weight centred")
        offset = gate.x - world.position[0]
        if abs(offset) <= gate.half_width * 0.6:
            return N_("Stay in line for the gate")
        return N_("Lean right for the next gate") if offset > 0 else N_("Lean left for the next gate")

    def feedback(self, outcome: Judged) -> str:
        m = outcome.measures
        if outcome.success:
            return N_("Through the gate!")
        if m.get("overshoot_pct", 0.0) > m.get("gate_width_pct", 100.0) / 2:
            return N_("Just past it: stop your shift a little sooner")
        return N_("Missed the gate: lean a little earlier")

    def play(self, world: SlalomWorld, previous: tuple[float, float], dt_s: float,
             t_s: float) -> list[TrialOutcome]:
        self._generate(world, t_s)
        gate = world.next_gate
        if gate is None:
            return []
        self._track(world, gate, previous, t_s)
        if t_s >= gate.t_cross_s:
            return [self._reach_gate(world, gate)]
        return []

    def start_trial(self, world: SlalomWorld, t_s: float) -> None:
        world.phase = "ski"
        world.t_go_s = t_s
        world.gates = []
        world.results = []
        world.generated = world.trial_index
        self._start_trial(world)
        self._generate(world, t_s)

    def _generate(self, world: SlalomWorld, t_s: float) -> None:
        """Make each gate when it first comes into view, with the parameters in force then."""
        while world.generated < world.n_trials:
            self.apply_pending(world)
            p = world.params
            last = world.gates[-1] if world.gates else None
            if last is not None:
                t_from, prev_x = last.t_cross_s, last.x
                t_cross = t_from + p["gate_interval_s"]
            elif world.results and world.results[-1][0].number == world.generated - 1:
                reached = world.results[-1][0]
                t_from, prev_x = reached.t_cross_s, reached.x
                t_cross = t_from + p["gate_interval_s"]
            else:  # the first gate of a run, from the middle
                t_from, prev_x = world.t_go_s, 0.0
                t_cross = t_from + max(p["preview_s"], p["gate_interval_s"])
            if t_cross - p["preview_s"] > t_s:
                return
            half_width = p["gate_width_pct"] / 200.0
            shift = p["shift_pct"] / 100.0 * world.rng.uniform(1.0 - SHIFT_JITTER, 1.0)
            x = world.side * min(shift, MAX_GATE_X)
            world.side = -world.side
            world.gates.append(Gate(
                number=world.generated, x=x, half_width=half_width, prev_x=prev_x, t_from_s=t_from,
                t_cross_s=t_cross, preview_s=p["preview_s"], params=tuple(sorted(p.items())),
            ))
            world.generated += 1

    def _start_trial(self, world: SlalomWorld) -> None:
        world.t_mid_s = None
        world.max_along = -math.inf

    def _track(self, world: SlalomWorld, gate: Gate, previous: tuple[float, float],
               t_s: float) -> None:
        direction = 1.0 if gate.x >= gate.prev_x else -1.0
        along = (world.position[0] - gate.prev_x) * direction
        world.max_along = max(world.max_along, along)
        mid = gate.shift / 2.0
        before = (previous[0] - gate.prev_x) * direction
        if world.t_mid_s is None and t_s > gate.t_from_s and before < mid <= along:
            world.t_mid_s = t_s

    def _reach_gate(self, world: SlalomWorld, gate: Gate) -> TrialOutcome:
        world.gates.pop(0)
        error = abs(world.position[0] - gate.x)
        passed = error <= gate.half_width
        measures = self._measures(world, gate, error, passed)
        outcome = TrialOutcome(
            # the scheduled crossing (checked on the first step at or after it), so one gate's
            # trial ends exactly where the next one starts
            index=world.trial_index, t_start_s=gate.t_from_s, t_end_s=gate.t_cross_s, success=passed,
            score=self._score(gate, measures, passed), measures=measures,
        )
        add_cue(world.cues, "gate" if passed else "miss")
        world.results.append((gate, passed))
        del world.results[:-KEEP_RESULTS]
        world.last_result = outcome
        world.trial_index += 1
        self._start_trial(world)
        if world.trial_index >= world.n_trials:
            world.phase = "done"
        return outcome

    def _measures(self, world: SlalomWorld, gate: Gate, error: float, passed: bool) -> dict[str, Any]:
        params = dict(gate.params)
        timing = None if world.t_mid_s is None else world.t_mid_s - gate.t_mid_ideal_s
        overshoot = max(0.0, world.max_along - gate.shift) if world.max_along > -math.inf else 0.0
        return {
            "gate_passed": passed,
            "gate_x_pct": round(gate.x * 100.0, 1),
            "lateral_error_pct": round(error * 100.0, 1),
            "lateral_shift_pct": round(gate.shift * 100.0, 1),
            "timing_s": rnd(timing),
            "overshoot_pct": round(overshoot * 100.0, 1),
            "shift_pct": params["shift_pct"],
            "gate_width_pct": params["gate_width_pct"],
            "gate_interval_s": params["gate_interval_s"],
            "preview_s": params["preview_s"],
        }

    def _score(self, gate: Gate, m: dict[str, Any], passed: bool) -> float:
        error = m["lateral_error_pct"] / 100.0
        shift = max(gate.shift, 0.05)
        if not passed:
            return round(30.0 * clamp01(1.0 - (error - gate.half_width) / shift), 1)
        centring = clamp01(1.0 - error / gate.half_width)
        interval = gate.t_cross_s - gate.t_move_s
        timing = 0.0 if m["timing_s"] is None else clamp01(1.0 - abs(m["timing_s"]) / (0.25 * interval))
        control = clamp01(1.0 - m["overshoot_pct"] / 100.0 / shift)
        return round(40.0 + 60.0 * (0.5 * centring + 0.3 * timing + 0.2 * control), 1)
