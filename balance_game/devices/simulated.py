"""A simulated player: seeded, physiologically plausible sway, aiming at what the game asks.

The body is an inverted pendulum balanced by a feedback controller: the centre of mass (COM)
is pulled toward the goal like a damped spring and pushed about by slowly varying noise (the
sway of quiet standing), and the centre of pressure leads it as an inverted pendulum demands,
``COP = COM - (h/g) * COM''``. ``ability`` in 0..1 sets reaction time, speed, damping, aim and
steadiness: 0 is a very unsteady person, 1 an athlete. It lets tests, benchmarks and the
adaptive-difficulty simulator play the real game with no one on a board.

Two feet stand on the board, ``stance_mm`` either side of the middle. Asked to lift one
(``Goal.lift``), the player moves the body over the other foot; once there the foot comes up, and
the centre of pressure must stay inside the standing foot's sole. Sway is larger on one leg, and
when it carries the body past the sole's edge (or attention lapses) the lifted foot touches down
for a moment and the weight goes back toward the middle. The four corner loads follow from where
the load acts, as on a real rigid plate. Asked to choose among items (``Goal.decoys``), the
player takes a moment to decide and now and then picks a wrong one.
"""

from __future__ import annotations

import math
import random
from collections import deque
from dataclasses import dataclass
from typing import Any

from balance_game.core.control import Limits
from balance_game.core.records import SAME_TIME_S, DeviceStatus, Goal, Sample
from balance_game.devices.sim_senses import (
    FOOT_APART_MM,
    LIFT_S,
    SHIFT_TAU_S,
    STANCES,
    STEP_S,
    SUPPORTED,
    SwayScale,
    mean_hold_s,
    sensory_scale,
)
from balance_game.errors import UserError

SAMPLE_DT_S = 0.01  # 100 Hz, like a board on a PC Bluetooth stack
COM_HEIGHT_M = 0.95
GRAVITY_M_S2 = 9.81
BOARD_HALF_ML_MM = 216.5
BOARD_HALF_AP_MM = 119.0
SWAY_TAU_S = 0.6  # correlation time of the sway disturbance
SWAY_SMOOTH_S = 0.35  # the body filters the disturbance: COP stays a smooth signal
AIM_TAU_S = 2.0  # how slowly a player's aiming error wanders
MOTION_WINDOW_S = 0.1  # how long a look at a moving target judges its speed
JUMP_LEAN = 0.15  # a goal that moves further than this in that time has jumped, not moved
MAX_EVENT_S = 24 * 3600.0  # a scripted happening within a day of play
STANCE_MM = (95.0, 125.0)  # half the distance between the feet's centres, drawn per player
FOOT_HALF_WIDTH_MM = 45.0  # the sole, side to side: the base of support on one leg
ONE_LEG_SWAY = 2.5  # sway on one leg is this many times that of quiet standing on two
TOUCH_S = 0.5  # a touch-down: the lifted foot takes weight for this long
TOUCH_SHIFT = 0.2  # ... and the load acts this share of the way out to the standing foot


@dataclass(frozen=True)
class Ability:
    """Motor parameters derived from one 0..1 ability figure."""

    reaction_s: float
    natural_hz: float
    damping: float
    aim_error: float  # SD of where the player aims, in lean units
    sway_mm: float  # SD of quiet-stance sway of the COM
    lapse_rate_hz: float  # occasional momentary losses of control
    plan_hz: float  # speed of voluntary movements (natural frequency of the intended path)
    lead_s: float  # how far ahead a predictable moving target is led
    decide_s: float  # time to choose among items by a rule, on top of the reaction time
    choice_error: float  # chance of choosing a wrong item (or moving when none fits)
    one_leg_lapse_hz: float  # losses of balance on one leg that bring the other foot down

    @classmethod
    def from_level(cls, ability: float) -> Ability:
        a = min(1.0, max(0.0, ability))
        reaction_s = 0.20 + 0.45 * (1.0 - a)
        plan_hz = 0.35 + 0.65 * a
        # an abler player leads a moving target by more of their own lag
        own_lag_s = reaction_s + 1.5 / (2.0 * math.pi * plan_hz)
        return cls(
            reaction_s=reaction_s,
            plan_hz=plan_hz,
            lead_s=(0.4 + 0.5 * a) * own_lag_s,
            natural_hz=0.45 + 1.05 * a,
            damping=0.55 + 0.35 * a,
            aim_error=0.02 + 0.10 * (1.0 - a),
            sway_mm=1.5 + 9.0 * (1.0 - a) ** 1.5,
            lapse_rate_hz=0.25 * (1.0 - a) ** 2,
            decide_s=0.25 + 0.55 * (1.0 - a),
            choice_error=0.01 + 0.05 * (1.0 - a),
            one_leg_lapse_hz=0.02 + 0.4 * (1.0 - a) ** 2,
        )


@dataclass(frozen=True)
class _Rates:
    """One sample step's factors for a given ability, sway scale and step length."""

    aim_decay: float
    aim_kick: float
    sway_decay: float
    sway_kick: float  # on two feet; one leg multiplies it by ONE_LEG_SWAY
    smooth: float
    w: float
    w_lapse: float  # control during a momentary lapse
    wp: float
    ease: float

    @classmethod
    def of(cls, a: Ability, scale: SwayScale, dt: float) -> _Rates:
        aim_decay = math.exp(-dt * scale.pace / AIM_TAU_S)
        sway_decay = math.exp(-dt * scale.pace / SWAY_TAU_S)
        w = 2.0 * math.pi * a.natural_hz
        wp = 2.0 * math.pi * a.plan_hz
        return cls(
            aim_decay=aim_decay,
            aim_kick=a.aim_error * scale.amplitude * math.sqrt(1.0 - aim_decay * aim_decay),
            sway_decay=sway_decay,
            sway_kick=a.sway_mm * scale.amplitude * math.sqrt(1.0 - sway_decay * sway_decay),
            smooth=1.0 - math.exp(-dt * scale.pace / (SWAY_SMOOTH_S * scale.smoothing)),
            w=w, w_lapse=w * 0.3, wp=wp, ease=1.0 - math.exp(-dt * wp),
        )


@dataclass(frozen=True)
class SimEvent:
    """A scripted happening at a session time: step off, step back on, lose or regain the link."""

    t_s: float
    kind: str  # "stepoff", "return", "lost", "back"


class SimulatedPlayer:
    """An InputSource whose person is a model. Deterministic for a given seed."""

    kind = "sim"

    def __init__(self, limits: Limits, ability: float = 0.6, seed: int = 0,
                 weight_kg: float = 70.0, events: tuple[SimEvent, ...] = (),
                 trace_body: bool = False) -> None:
        self.name = f"simulated player (ability {ability:.2f})"
        self.limits = limits
        self.level = ability
        self.ability = Ability.from_level(ability)
        self.weight_kg = weight_kg
        self.rng = random.Random(seed)
        self.events = sorted(events, key=lambda e: e.t_s)
        self.t_s = 0.0
        self.com = [0.0, 0.0]
        self.vel = [0.0, 0.0]
        self.sway = [0.0, 0.0]
        self.drive = [0.0, 0.0]
        self.plan = [0.0, 0.0]
        self.plan_vel = [0.0, 0.0]
        self.eased = [0.0, 0.0]
        self.aim_error = [0.0, 0.0]
        self.goal: Goal | None = None
        self.seen: deque[tuple[float, Goal | None]] = deque([(0.0, None)])
        self.lapse_until = -1.0
        self.on_board = True
        self.scripted_off = False
        self.connected = True
        # The body centre's true path (t, x, y in mm), kept on request: tests compare what is
        # estimated from the centre of pressure with it.
        self.body_trace: list[tuple[float, float, float]] | None = [] if trace_body else None
        self.stance = ""  # the stance the feet are in now (devices/sim_senses.py)
        self.hold_until = math.inf  # when the player will step or put the raised foot down
        self.step_until = -1.0
        self.lift_at = 0.0
        self.offset = [0.0, 0.0]  # where the weight sits relative to the usual stance
        # When the player lost a stance and how ("touch_down", "step"): the truth tests hold
        # the load-cell detection to.
        self.stance_events: list[tuple[float, str]] = []
        # a stream of its own, so the stance leaves every other draw of the seed as it was
        self.stance_mm = random.Random(f"stance-{seed}").uniform(*STANCE_MM)
        self.one_leg: str | None = None  # the standing foot while the other is up
        self.touch_until = -1.0
        self.touch_x: float | None = None  # where the load acts during a touch-down
        self._rates_cache: dict[tuple[Any, ...], _Rates] = {}
        self._rates_now: tuple[Goal | None, str, float, _Rates] | None = None  # in force now

    def start(self, origin_monotonic_s: float) -> None:
        del origin_monotonic_s  # the model runs on session time alone

    def handle_event(self, event: Any) -> None:
        del event

    def set_goal(self, goal: Goal | None) -> None:
        if not self.scripted_off and goal is not None and goal.on_board != self.on_board:
            self.on_board = goal.on_board  # asked to step off (or back on) for a calibration
            self.com, self.vel = [0.0, 0.0], [0.0, 0.0]
        if goal != self.goal:
            self.goal = goal
            if goal is not None and goal.decoys:
                self._decide(goal)
            else:
                self.seen.append((self.t_s, goal))
            self._enter_stance(goal)

    def _decide(self, goal: Goal) -> None:
        """Choosing by a rule takes a moment, and now and then picks a wrong item: until the
        choice is made the player keeps to what they were doing."""
        a = self.ability
        delay = a.decide_s * math.exp(self.rng.gauss(0.0, 0.3))
        chosen = Goal(goal.lean_x, goal.lean_y, goal.precision)
        if self.rng.random() < a.choice_error:
            x, y = self.rng.choice(goal.decoys)
            chosen = Goal(x, y, goal.precision)
        self.seen.append((max(self.t_s + delay, self.seen[-1][0]), chosen))

    def close(self) -> None:
        self.connected = False

    def poll(self, t_s: float) -> list[Sample | DeviceStatus]:
        out: list[Sample | DeviceStatus] = []
        trace = self.body_trace
        while self.t_s + SAMPLE_DT_S <= t_s + SAME_TIME_S:
            self.t_s = round(self.t_s + SAMPLE_DT_S, 6)
            if self.events:
                out.extend(self._scripted_events())
            self._hold_stance(SAMPLE_DT_S)
            cop = self._advance(SAMPLE_DT_S)
            if trace is not None:
                trace.append((self.t_s, self.com[0], self.com[1]))
            if self.connected:
                out.append(self._sample(cop))
        return out

    def _scripted_events(self) -> list[DeviceStatus]:
        out = []
        while self.events and self.events[0].t_s <= self.t_s:
            event = self.events.pop(0)
            if event.kind == "stepoff":
                self.on_board, self.scripted_off = False, True
            elif event.kind == "return":
                self.on_board, self.scripted_off = True, False
                self.com, self.vel = [0.0, 0.0], [0.0, 0.0]
                self.plan, self.plan_vel, self.eased = [0.0, 0.0], [0.0, 0.0], [0.0, 0.0]
            elif event.kind == "lost":
                self.connected = False
                out.append(DeviceStatus(self.t_s, "lost", "simulated board disconnected"))
            elif event.kind == "back":
                self.connected = True
                out.append(DeviceStatus(self.t_s, "connected", "simulated board reconnected"))
        return out

    def _goal_at(self, t_s: float) -> Goal | None:
        latest = self.seen[0][1]
        for seen_at, goal in self.seen:
            if seen_at > t_s:
                break
            latest = goal
        return latest

    def _perceived_goal(self) -> tuple[Goal | None, tuple[float, float]]:
        """The goal as it was one reaction time ago (people act on what they saw), and how
        fast it was moving then, so a predictable moving target can be led."""
        horizon = self.t_s - self.ability.reaction_s
        seen = self.seen
        while len(seen) > 1 and seen[1][0] <= horizon - MOTION_WINDOW_S:
            seen.popleft()
        if len(seen) == 1:  # one goal in view, still: nothing to search, nothing to lead
            return seen[0][1], (0.0, 0.0)
        now, before = self._goal_at(horizon), self._goal_at(horizon - MOTION_WINDOW_S)
        if now is None or before is None:
            return now, (0.0, 0.0)
        dx, dy = now.lean_x - before.lean_x, now.lean_y - before.lean_y
        if math.hypot(dx, dy) > JUMP_LEAN:
            return now, (0.0, 0.0)  # a new target appeared: nothing to lead
        return now, (dx / MOTION_WINDOW_S, dy / MOTION_WINDOW_S)

    def _aim_mm(self, rates: _Rates) -> tuple[float, float]:
        """Where the player aims: the perceived goal plus a slowly wandering error (the slow
        drift of quiet standing, which the senses scale like the sway)."""
        gauss, error = self.rng.gauss, self.aim_error
        decay, kick = rates.aim_decay, rates.aim_kick
        error[0] = error[0] * decay + kick * gauss(0.0, 1.0)
        error[1] = error[1] * decay + kick * gauss(0.0, 1.0)
        goal, (vx, vy) = self._perceived_goal()
        if goal is None:
            return (0.0, 0.0)
        if goal.lift is not None:
            return self._stand_on_one_foot(goal)
        self.one_leg = self.touch_x = None
        lead = self.ability.lead_s
        return self.limits.to_mm(goal.lean_x + vx * lead + error[0],
                                 goal.lean_y + vy * lead + error[1])

    def _stand_on_one_foot(self, goal: Goal) -> tuple[float, float]:
        """Aim over the standing foot; lift the other once there, put it down when balance
        fails (the body past the sole's edge, or a lapse), then try again."""
        side = 1.0 if goal.lift == "left" else -1.0  # lifting the left foot: stand on the right
        foot_x = side * self.stance_mm
        standing = "right" if side > 0 else "left"
        if self.t_s < self.touch_until:
            return (foot_x, 0.0)
        self.touch_x = None
        if self.one_leg == standing:
            off_sole = abs(self.com[0] - foot_x) > FOOT_HALF_WIDTH_MM
            if off_sole or self.rng.random() < self.ability.one_leg_lapse_hz * SAMPLE_DT_S:
                # the lifted foot lands and takes weight at once; its support brings the body
                # back over the standing foot
                self.one_leg = None
                self.touch_until = self.t_s + TOUCH_S
                self.touch_x = TOUCH_SHIFT * foot_x
                self.com[0], self.vel[0] = foot_x, 0.0
                return (foot_x, 0.0)
        elif abs(self.com[0] - foot_x) < FOOT_HALF_WIDTH_MM / 2:
            self.one_leg = standing
        return (foot_x + self.aim_error[0] * self.limits.right_mm * 0.3,
                self.limits.to_mm(0.0, goal.lean_y + self.aim_error[1])[1])

    def _advance(self, dt: float) -> tuple[float, float]:
        rates = self._rates(dt)
        aim_mm = self._aim_mm(rates)
        a = self.ability
        if self.rng.random() < a.lapse_rate_hz * dt:
            self.lapse_until = self.t_s + 0.3
        w = rates.w_lapse if self.t_s < self.lapse_until else rates.w
        kick = rates.sway_kick * ONE_LEG_SWAY if self.one_leg is not None else rates.sway_kick
        decay, smooth, wp, ease = rates.sway_decay, rates.smooth, rates.wp, rates.ease
        w2, damp = w * w, 2.0 * a.damping * w
        gauss = self.rng.gauss
        eased, plan, plan_vel = self.eased, self.plan, self.plan_vel
        sway, drive, com, vel, offset = self.sway, self.drive, self.com, self.vel, self.offset
        cop = [0.0, 0.0]
        for i in (0, 1):
            # the intended path: the aim eased in, then a critically damped approach to it, so
            # movements start and stop smoothly and the centre of pressure shows only a small
            # anticipatory shift against the movement, as people's does
            eased[i] += (aim_mm[i] - eased[i]) * ease
            plan_acc = wp * wp * (eased[i] - plan[i]) - 2.0 * wp * plan_vel[i]
            plan_vel[i] += plan_acc * dt
            plan[i] += plan_vel[i] * dt
            sway[i] = sway[i] * decay + kick * gauss(0.0, 1.0)
            drive[i] += (sway[i] - drive[i]) * smooth
            target = plan[i] + drive[i]
            acc = w2 * (target - com[i]) - damp * vel[i]
            vel[i] += acc * dt
            com[i] += vel[i] * dt
            cop[i] = com[i] - (COM_HEIGHT_M / GRAVITY_M_S2) * acc + offset[i]
        if self.touch_x is not None and self.t_s < self.touch_until:
            cop[0] = self.touch_x
        elif self.one_leg is not None:  # the load acts through the one sole on the board
            foot_x = self.stance_mm * (1.0 if self.one_leg == "right" else -1.0)
            cop[0] = max(foot_x - FOOT_HALF_WIDTH_MM, min(foot_x + FOOT_HALF_WIDTH_MM, cop[0]))
        elif self.goal is not None and self.goal.lift is not None:
            # on both feet, on the way onto one: the load acts between the soles' outer edges
            edge = self.stance_mm + FOOT_HALF_WIDTH_MM
            cop[0] = max(-edge, min(edge, cop[0]))
        return cop[0], cop[1]

    def _rates(self, dt: float) -> _Rates:
        """The step's decay and gain factors for the senses and stance in force now: the same
        few combinations recur for a whole level, so each is worked out once (and looked up
        again only when the goal or the stance changes)."""
        goal, now = self.goal, self._rates_now
        if now is not None and now[0] is goal and now[1] == self.stance and now[2] == dt:
            return now[3]
        key = (dt, self.stance, goal.eyes_closed, goal.foam, goal.supported) if goal \
            else (dt, self.stance)
        rates = self._rates_cache.get(key)
        if rates is None:
            rates = self._rates_cache[key] = _Rates.of(self.ability, self._sway_scale(), dt)
        self._rates_now = (goal, self.stance, dt, rates)
        return rates

    # --- senses and stance (devices/sim_senses.py) -------------------------------------------
    def _sway_scale(self) -> SwayScale:
        """How eyes closed, foam and a narrow stance scale the sway disturbance now."""
        goal = self.goal
        senses = sensory_scale(goal.eyes_closed, goal.foam) if goal else SwayScale()
        if goal is not None and goal.supported:
            senses = senses * SUPPORTED
        return senses * STANCES[self.stance].sway

    def _enter_stance(self, goal: Goal | None) -> None:
        """Take up the stance a new goal asks for: a foot is lifted one reaction time (and a
        weight shift) after the ask. Holding a support, the player keeps it; let go, it lasts
        a fresh random time (devices/sim_senses.py)."""
        stance = goal.stance if goal is not None else ""
        if stance != self.stance:
            self.stance = stance
            self.step_until = -1.0
            self.lift_at = self.t_s + (self.ability.reaction_s + LIFT_S
                                       if STANCES[stance].on_one_leg else 0.0)
        mean = mean_hold_s(stance, self.level, bool(goal and goal.eyes_closed))
        if goal is None or goal.supported or mean == math.inf:
            self.hold_until = math.inf
        else:
            self.hold_until = max(self.t_s, self.lift_at) + self.rng.expovariate(1.0 / mean)

    def _hold_stance(self, dt: float) -> None:
        """Lose the stance when its time is up: put the raised foot down, or take a step (the
        weight goes onto one foot for a moment), then stand as usual. The weight moves between
        the feet quickly but not instantly."""
        if self.t_s >= self.hold_until:
            self.hold_until = math.inf
            one_leg = STANCES[self.stance].on_one_leg
            self.stance_events.append((self.t_s, "touch_down" if one_leg else "step"))
            if not one_leg:
                self.step_until = self.t_s + STEP_S
            self.stance = ""
        target = STANCES[self.stance].offset_mm if self.t_s >= self.lift_at else (0.0, 0.0)
        if self.t_s < self.step_until:
            target = (FOOT_APART_MM, 0.0)
        offset = self.offset
        if offset[0] != target[0] or offset[1] != target[1]:
            ease = 1.0 - math.exp(-dt / SHIFT_TAU_S)
            offset[0] += (target[0] - offset[0]) * ease
            offset[1] += (target[1] - offset[1]) * ease

    def _sample(self, cop: tuple[float, float]) -> Sample:
        x = max(-BOARD_HALF_ML_MM, min(BOARD_HALF_ML_MM, cop[0]))
        y = max(-BOARD_HALF_AP_MM, min(BOARD_HALF_AP_MM, cop[1]))
        load = self.weight_kg if self.on_board else 0.0
        noise = 0.02  # kg of load-cell noise per corner
        right = (1.0 + x / BOARD_HALF_ML_MM) / 2.0
        front = (1.0 + y / BOARD_HALF_AP_MM) / 2.0
        gauss = self.rng.gauss
        corners = (
            load * (1 - right) * front + gauss(0.0, noise),
            load * right * front + gauss(0.0, noise),
            load * (1 - right) * (1 - front) + gauss(0.0, noise),
            load * right * (1 - front) + gauss(0.0, noise),
        )
        if not self.on_board:
            x = y = 0.0
        return Sample(self.t_s, x, y, corners)


def parse_sim_events(text: str) -> tuple[SimEvent, ...]:
    """Parse ``"stepoff@5,return@9,lost@15,back@18"`` (seconds of play)."""
    events = []
    for part in filter(None, (p.strip() for p in text.split(","))):
        kind, _, when = part.partition("@")
        if kind not in ("stepoff", "return", "lost", "back"):
            raise UserError(f"--sim-events: unknown event {kind[:30]!r} (use stepoff, return, lost, back)")
        try:
            t_s = float(when)
        except ValueError:
            raise UserError(f"--sim-events: {part[:30]!r} needs a time in seconds, e.g. stepoff@5") from None
        if not 0 <= t_s <= MAX_EVENT_S:  # NaN fails this too
            raise UserError(f"--sim-events: {part[:30]!r}: the time must be a number of seconds "
                            f"from 0 to {MAX_EVENT_S:g}")
        events.append(SimEvent(t_s, kind))
    return tuple(events)
