"""Rhythm: shift your weight between two targets in time with a metronome.

The NeuroCom rhythmic weight shift as a drill: two targets sit on one axis (left-right or
front-back) at the same distance from the middle, and a metronome ticks once per shift
(3 s slow, 2 s medium, 1 s fast, peak to peak). A trial is one shift: it starts on a beat at one
target and asks for the peak of the movement to land in the opposite target on the next beat,
within a timing window. Measures are NeuroCom's: on-axis velocity (in % of the player's limits
per second, against the ideal 2 x amplitude / pace) and directional control ((on-axis movement
- off-axis movement) / on-axis movement), plus the timing error of the peak in seconds.

Before the first shift the player stands still in the middle; one count-in shift (middle to the
first target) follows, unscored. If a level lists both axes they alternate in blocks of
``BLOCK_SHIFTS``, with a return to the middle in between.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from balance_game.core.mechanics.base import Judged, ParamSpec, Rules, TrialOutcome, World
from balance_game.core.records import Goal
from balance_game.i18n import N_, phrase

AXES: dict[str, tuple[float, float]] = {"LR": (1.0, 0.0), "FB": (0.0, 1.0)}
WORDS = {("LR", 1): N_("right"), ("LR", -1): N_("left"), ("FB", 1): N_("forward"),
         ("FB", -1): N_("back")}
BLOCK_SHIFTS = 8  # shifts on one axis before switching to the next listed axis
PEAK_HYSTERESIS = 0.04  # lean units back from the peak that confirm it was the peak
EARLIEST_SHARE = 0.3  # a peak in the first 30 % of a shift belongs to the shift before
CONFIRM_S = 0.25  # past the window, this long without a new peak also confirms it
ANTICIPATION_GAIN = 0.5  # share of each timing error a player corrects on the next shift
ANTICIPATION_MAX_S = 0.5  # at most about one reaction time ahead of a predictable beat

PARAMS = (
    ParamSpec("axis", "", "the axis of the shifts: LR (left-right) or FB (front-back); "
              "two entries alternate in blocks", ["LR"], choices=tuple(AXES)),
    ParamSpec("amplitude_pct", "% LOS", "distance of each target from the middle", 35.0, 10.0, 85.0,
              lean_extent=True),
    ParamSpec("pace_s", "s", "time per shift, peak to peak (3 slow, 2 medium, 1 fast)", 2.0, 0.8,
              4.0, harder_when="lower"),
    ParamSpec("target_radius_pct", "% LOS", "target size", 15.0, 5.0, 40.0, harder_when="lower"),
    ParamSpec("window_s", "s", "timing tolerance around the beat", 0.5, 0.1, 1.2,
              harder_when="lower"),
    ParamSpec("centre_radius_pct", "% LOS", "size of the centre zone before the first shift",
              15.0, 4.0, 30.0, harder_when="lower"),
)


@dataclass
class Shift:
    """One shift in progress, from the beat that starts it until its peak has been judged."""

    index: int  # -1 for the unscored count-in
    axis: str
    from_sign: int
    to_sign: int
    t_start_s: float
    t_beat_s: float  # the beat the peak should land on
    amplitude: float
    from_amplitude: float  # where the previous target was (a difficulty change moves targets)
    radius: float
    window_s: float
    start_position: tuple[float, float]
    on_axis: float = 0.0
    off_axis: float = 0.0
    entered: bool = False
    peak: float = -math.inf  # furthest excursion toward the target, along the axis
    peak_t_s: float = math.nan  # when the peak was reached (set with the first peak judged)
    resolved_t_s: float | None = None  # when the peak was confirmed (or time ran out)

    @property
    def target(self) -> tuple[float, float]:
        ux, uy = AXES[self.axis]
        return ux * self.to_sign * self.amplitude, uy * self.to_sign * self.amplitude

    def along(self, p: tuple[float, float]) -> float:
        ux, uy = AXES[self.axis]
        return (p[0] * ux + p[1] * uy) * self.to_sign


@dataclass(kw_only=True)
class RhythmWorld(World):
    """Phases: centre -> countin -> shift ... -> done; ``trial_index`` counts scored shifts."""

    started: int = 0  # scored shifts started
    block: int = 0
    in_block: int = 0  # scored shifts started in this block
    beat_t_s: float = 0.0  # the latest beat
    next_beat_t_s: float = math.inf
    beats: int = 0
    current: Shift | None = None  # the latest shift started (it owns the movement)
    judging: list[Shift] = field(default_factory=list)  # shifts whose peak is still open
    stopping: bool = False  # no more shifts this block: wait for the last one to be judged
    # how far ahead of the metronome a player who learns from each shift's timing would move
    # (the simulated player's goal uses it; people do the same with a metronome)
    anticipation_s: float = 0.0

    @property
    def axis(self) -> str:
        names = list(self.params["axis"]) or ["LR"]
        return names[self.block % len(names)]

    @property
    def amplitude(self) -> float:
        return self.params["amplitude_pct"] / 100.0

    @property
    def pace_s(self) -> float:
        return float(self.params["pace_s"])

    @property
    def radius(self) -> float:
        return min(self.params["target_radius_pct"] / 100.0, 0.8 * self.amplitude)

    @property
    def centre_radius(self) -> float:
        return self.params["centre_radius_pct"] / 100.0

    @property
    def beat_fraction(self) -> float:
        """0 on a beat, rising to 1 at the next one (for the metronome's swing)."""
        if not math.isfinite(self.next_beat_t_s):
            return 0.0
        span = max(self.next_beat_t_s - self.beat_t_s, 1e-6)
        return min(1.0, max(0.0, (self.t_s - self.beat_t_s) / span))


class Rhythm(Rules[RhythmWorld]):
    world_type = RhythmWorld
    name = "rhythm"
    title = N_("Rhythm shifts")
    params = PARAMS
    score_measures = ("on_axis_velocity_pct_s", "directional_control_pct", "timing_error_s")

    def abort_trial(self, world: RhythmWorld) -> None:
        if world.phase in ("countin", "shift"):
            world.started = world.trial_index  # shifts not yet judged are dropped
            self._to_centre(world)

    def goal(self, world: RhythmWorld) -> Goal | None:
        if world.phase == "centre":
            return Goal(0.0, 0.0, precision=world.centre_radius * 0.5)
        if world.phase not in ("countin", "shift") or world.current is None:
            return None
        x, y = ideal_position(world, world.t_s + world.anticipation_s)
        return Goal(x, y, precision=world.radius * 0.5)

    def trial_prompt(self, world: RhythmWorld) -> str:
        shift = world.current
        if shift is None:
            return N_("Listen to the beat")
        word = WORDS[(shift.axis, shift.to_sign)]
        if world.phase == "countin":
            return phrase("Get ready: shift {direction} on the beat", direction=phrase(word))
        return phrase("Shift your weight {direction} on the beat", direction=phrase(word))

    # --- stepping ----------------------------------------------------------------------
    def feedback(self, outcome: Judged) -> str:
        m = outcome.measures
        if outcome.success:
            return N_("On the beat!")
        if not m.get("reached_target"):
            return N_("Lean a little further to reach the circle")
        if m.get("timing_error_s", 0.0) > 0:
            return N_("A little late: move on the beat")
        return N_("A little early: wait for the beat")

    def play(self, world: RhythmWorld, previous: tuple[float, float], dt_s: float,
             t_s: float) -> list[TrialOutcome]:
        if world.current is not None and t_s <= world.current.t_beat_s:
            self._track_movement(world.current, previous, world.position)
        for shift in world.judging:
            self._track_peak(shift, world.position, t_s)
        outcomes = []
        while t_s >= world.next_beat_t_s:
            self._beat(world)
        for shift in list(world.judging):
            if shift.resolved_t_s is not None and t_s >= shift.t_beat_s:
                world.judging.remove(shift)
                if shift.index >= 0:
                    outcomes.append(self._finish(world, shift, t_s))
        if world.stopping and not world.judging:
            self._end_block(world)
        return outcomes

    def start_trial(self, world: RhythmWorld, t_s: float) -> None:
        """One unscored count-in shift, from the middle to the first target."""
        self.apply_pending(world)
        world.phase = "countin"
        world.stopping = False
        world.in_block = 0
        world.beat_t_s = t_s
        world.cues.append("beat")
        world.beats += 1
        shift = self._new_shift(world, -1, 0, 1, t_s)
        world.next_beat_t_s = shift.t_beat_s

    def _new_shift(self, world: RhythmWorld, index: int, from_sign: int, to_sign: int,
                   t_s: float) -> Shift:
        previous_amplitude = world.current.amplitude if world.current else world.amplitude
        shift = Shift(index=index, axis=world.axis, from_sign=from_sign, to_sign=to_sign,
                      t_start_s=t_s, t_beat_s=t_s + world.pace_s, amplitude=world.amplitude,
                      from_amplitude=previous_amplitude, radius=world.radius,
                      window_s=float(world.params["window_s"]), start_position=world.position)
        world.current = shift
        world.judging.append(shift)
        return shift

    def _beat(self, world: RhythmWorld) -> None:
        t_beat = world.next_beat_t_s
        world.beat_t_s = t_beat
        world.cues.append("beat")
        world.beats += 1
        previous = world.current
        if not more_shifts(world) or previous is None:
            world.stopping = True
            world.next_beat_t_s = math.inf
            return
        self.apply_pending(world)
        world.phase = "shift"
        shift = self._new_shift(world, world.started, previous.to_sign, -previous.to_sign, t_beat)
        world.started += 1
        world.in_block += 1
        world.next_beat_t_s = shift.t_beat_s

    def _track_movement(self, shift: Shift, previous: tuple[float, float],
                        now: tuple[float, float]) -> None:
        ux, uy = AXES[shift.axis]
        dx, dy = now[0] - previous[0], now[1] - previous[1]
        shift.on_axis += abs(dx * ux + dy * uy)
        shift.off_axis += abs(dx * uy - dy * ux)

    def _track_peak(self, shift: Shift, p: tuple[float, float], t_s: float) -> None:
        if shift.resolved_t_s is not None:
            return
        if t_s < shift.t_start_s + EARLIEST_SHARE * (shift.t_beat_s - shift.t_start_s):
            return  # still at (or swinging into) the last target: not this shift's peak yet
        if math.dist(p, shift.target) <= shift.radius:
            shift.entered = True
        along = shift.along(p)
        if along > shift.peak:
            shift.peak, shift.peak_t_s = along, t_s
        elif shift.entered and along < shift.peak - PEAK_HYSTERESIS:
            shift.resolved_t_s = t_s
        if t_s >= shift.t_beat_s + shift.window_s + CONFIRM_S:
            shift.resolved_t_s = t_s

    def _finish(self, world: RhythmWorld, shift: Shift, t_s: float) -> TrialOutcome:
        measures = self._measures(shift)
        success = shift.entered and abs(measures["timing_error_s"]) <= shift.window_s
        world.cues.append("hit" if success else "miss")
        outcome = TrialOutcome(
            index=shift.index, t_start_s=shift.t_start_s, t_end_s=t_s, success=success,
            score=self._score(shift, measures, success), measures=measures,
        )
        world.last_result = outcome
        world.trial_index += 1
        # a shift that never reached its target was too late to judge: start a bit earlier
        error = measures["timing_error_s"] if shift.entered else shift.window_s
        world.anticipation_s = min(ANTICIPATION_MAX_S, max(
            0.0, world.anticipation_s + ANTICIPATION_GAIN * error))
        return outcome

    def _end_block(self, world: RhythmWorld) -> None:
        world.current = None
        if world.trial_index >= world.n_trials:
            world.phase = "done"
            return
        world.block += 1
        self._to_centre(world)

    def _to_centre(self, world: RhythmWorld) -> None:
        world.phase = "centre"
        world.settle_s = 0.0
        world.current = None
        world.judging = []
        world.stopping = False
        world.next_beat_t_s = math.inf

    def _measures(self, shift: Shift) -> dict[str, Any]:
        duration = shift.t_beat_s - shift.t_start_s
        on, off = shift.on_axis, shift.off_axis
        control = 100.0 * (on - off) / on if on > 1e-9 else 0.0
        return {
            "axis": shift.axis,
            "direction": WORDS[(shift.axis, shift.to_sign)],
            "amplitude_pct": round(100.0 * shift.amplitude, 2),
            "pace_s": round(duration, 3),
            "window_s": shift.window_s,
            "on_axis_velocity_pct_s": round(100.0 * on / duration, 2),
            "ideal_velocity_pct_s": round(100.0 * 2.0 * shift.amplitude / duration, 2),
            "directional_control_pct": round(max(-100.0, control), 1),
            "timing_error_s": round(shift.peak_t_s - shift.t_beat_s, 3),
            "reached_target": shift.entered,
            "peak_excursion_pct": round(100.0 * shift.peak / shift.amplitude, 1),
        }

    def _score(self, shift: Shift, m: dict[str, Any], success: bool) -> float:
        control = _clamp01(m["directional_control_pct"] / 100.0)
        reach = _clamp01(m["peak_excursion_pct"] / 100.0)
        if not success:
            return round(30.0 * reach * control, 1)
        timing = _clamp01(1.0 - abs(m["timing_error_s"]) / max(shift.window_s, 1e-6))
        ratio = m["on_axis_velocity_pct_s"] / max(m["ideal_velocity_pct_s"], 1e-6)
        velocity = _clamp01(1.0 - abs(ratio - 1.0))
        return round(40.0 + 60.0 * (0.4 * timing + 0.3 * control + 0.3 * velocity), 1)


def ideal_position(world: RhythmWorld, t_s: float) -> tuple[float, float]:
    """Where a perfectly paced player would be at ``t_s``: a smooth (cosine) swing from target
    to target, peaking on each beat, and holding at the last target when no shift follows."""
    shift = world.current
    if shift is None:
        return (0.0, 0.0)
    ux, uy = AXES[shift.axis]
    pace = max(shift.t_beat_s - shift.t_start_s, 1e-6)
    u = (t_s - shift.t_start_s) / pace
    if u > 1.0 and not world.stopping and more_shifts(world):
        a = shift.to_sign * shift.amplitude
        b, u = -a, min(1.0, u - 1.0)
    else:
        a = shift.from_sign * shift.from_amplitude
        b, u = shift.to_sign * shift.amplitude, min(1.0, max(0.0, u))
    s = a + (b - a) * (1.0 - math.cos(math.pi * u)) / 2.0
    return ux * s, uy * s


def more_shifts(world: RhythmWorld) -> bool:
    """Whether another shift follows on this axis after the latest one."""
    block_full = len(world.params["axis"]) > 1 and world.in_block >= BLOCK_SHIFTS
    return world.started < world.n_trials and not block_full


def _clamp01(value: float) -> float:
    return min(1.0, max(0.0, value))
