"""Touch-downs and steps from the four load cells: when a held stance ended.

A board cannot see feet, only where the weight is (the centre of pressure) and how much of it
there is (the four cells' total). Losing a stance shows in one of two ways:

* weight leaves the board: the total falls below 80 % of what it was while standing, for at
  least 0.1 s. A foot (or a hand, or the whole person) found the floor, a chair or a wall.
* the weight jumps: a foot lifted puts all the weight on the other foot, a raised foot put down
  spreads it between both. Either moves the COP by half the distance between the feet (~50 mm
  with the feet together, ~100 mm apart or heel to toe) within a quarter of a second. Sway,
  even a frail person's in tandem stance, is slow by comparison (mean COP speeds of tens of
  mm/s): a COP that moved more than 30 mm within 0.25 s, for at least 0.1 s, is a step or a
  touch-down; so is one that ended up more than 80 mm from where the stance settled (a slow
  shift of the weight onto one foot).

For a single-leg stance the lift itself is found first (the COP moving > 40 mm from where both
feet stood, for 0.3 s: the weight went onto one foot), the time runs from there, and the
touch-down is the COP jumping back toward where both feet stood (half the way within 0.25 s),
any other jump of more than 60 mm, an end point more than 80 mm away, or the weight leaving the
board. One-leg sway is fast (a frail person's COP crosses the foot at over 100 mm/s), so the
jumps judged on one leg are twice those judged on two feet.

All times in s, positions in mm, loads in kg; the series need not be uniform.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

SETTLE_S = 0.5  # the first half second after "let go" settles the reference, it is not judged
EVENT_HOLD_S = 0.1  # an event must last this long (one noisy sample is not a step)
LOAD_FRACTION = 0.8
JUMP_MM = 30.0
JUMP_WINDOW_S = 0.25
SHIFT_MM = 80.0
LIFT_MM = 40.0
LIFT_HOLD_S = 0.3
BACK_FRACTION = 0.5
ONE_LEG_JUMP_MM = 60.0

REASONS = {
    "weight_off": "weight left the board (a foot or hand found the floor or a support)",
    "foot_moved": "a foot moved (a step, or the raised foot was put down)",
    "no_lift": "no foot was lifted (or it was put down at once)",
    "no_data": "no readings from the board",
}


@dataclass(frozen=True)
class Hold:
    """How long a stance was held and what ended it ("" when it lasted the whole time)."""

    held_s: float | None
    ended_by: str = ""
    started_s: float | None = None

    @property
    def reason(self) -> str:
        return REASONS.get(self.ended_by, "")


def _first_run(flags: np.ndarray, t: np.ndarray, hold_s: float) -> int | None:
    """Index where the first run of True lasting at least ``hold_s`` begins."""
    edges = np.flatnonzero(np.diff(np.concatenate([[0], flags.astype(np.int8), [0]])))
    begins, ends = edges[::2], edges[1::2] - 1
    for b, e in zip(begins, ends, strict=True):
        if t[e] - t[b] >= hold_s - 1e-9:
            return int(b)
    return None


def _window(t: np.ndarray, start: float, end: float) -> np.ndarray:
    return (t >= start) & (t < end)


def stance_hold(t: np.ndarray, x: np.ndarray, y: np.ndarray, total: np.ndarray,
                start_s: float, end_s: float) -> Hold:
    """A stance held from ``start_s`` (let go) until ``end_s`` at most: when a foot moved or
    the weight left the board.

    Where the feet were is the COP of the half second before ``start_s`` (in position, still
    holding the support), so a foot put down the moment the player lets go is caught; without
    readings before the start, the first half second after it settles the reference instead
    and is not judged. The load is judged against the half second after letting go (holding a
    support takes some weight off the board).
    """
    t, x, y, total = (np.asarray(a, dtype=float) for a in (t, x, y, total))
    before = _window(t, start_s - SETTLE_S, start_s)
    after = _window(t, start_s, start_s + SETTLE_S)
    if not after.any():
        return Hold(None, "no_data", start_s)
    where = before if before.any() else after
    ref = np.array([np.median(x[where]), np.median(y[where])])
    load = float(np.median(total[after]))
    jump = _jumps(t, x, y)
    judged = _window(t, start_s if before.any() else start_s + SETTLE_S, end_s)
    moved = (np.hypot(jump[0], jump[1]) > JUMP_MM) | (np.hypot(x - ref[0], y - ref[1]) > SHIFT_MM)
    return _ended(t[judged], moved[judged], total[judged], load, start_s, end_s)


def _jumps(t: np.ndarray, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """How far the COP moved in the last 0.25 s at every sample (rows x, y)."""
    before = t - JUMP_WINDOW_S
    return np.vstack([x - np.interp(before, t, x), y - np.interp(before, t, y)])


def single_leg_hold(t: np.ndarray, x: np.ndarray, y: np.ndarray, total: np.ndarray,
                    start_s: float, end_s: float, max_s: float, lift_within_s: float = 3.0
                    ) -> Hold:
    """Time on one leg: from the lift (found from the COP) to the touch-down, at most ``max_s``.

    ``start_s`` is when the player was asked to lift a foot; the second before it (both feet
    on the board) is the reference, or the half second after it if nothing was recorded
    before. ``end_s`` is the end of what was recorded. The lift must come within
    ``lift_within_s`` of the cue: later, a frail person's sway on both feet could pass for one.
    """
    t, x, y, total = (np.asarray(a, dtype=float) for a in (t, x, y, total))
    both = _window(t, start_s - 2 * SETTLE_S, start_s)  # on both feet, the second before the cue
    if not both.any():
        both = _window(t, start_s, start_s + SETTLE_S)
    if not both.any():
        return Hold(None, "no_data", start_s)
    ref_both = np.array([np.median(x[both]), np.median(y[both])])
    load = float(np.median(total[both]))
    after = t >= start_s
    lift = _first_run(after & (np.hypot(x - ref_both[0], y - ref_both[1]) > LIFT_MM), t,
                      LIFT_HOLD_S)
    if lift is None or t[lift] > start_s + lift_within_s:
        return Hold(None, "no_lift", start_s)
    lift_s = float(t[lift])
    on_one = _window(t, lift_s + LIFT_HOLD_S, lift_s + LIFT_HOLD_S + SETTLE_S)
    ref = np.array([np.median(x[on_one]), np.median(y[on_one])]) if on_one.any() else (
        np.array([x[lift], y[lift]]))
    back = ref_both - ref
    distance = float(np.hypot(*back))
    toward = back / distance if distance > 0 else np.zeros(2)
    jump = _jumps(t, x, y)
    moved = ((jump[0] * toward[0] + jump[1] * toward[1] > BACK_FRACTION * distance)
             | (np.hypot(jump[0], jump[1]) > ONE_LEG_JUMP_MM)
             | (np.hypot(x - ref[0], y - ref[1]) > SHIFT_MM))
    stop = min(end_s, lift_s + max_s)
    judged = _window(t, lift_s + LIFT_HOLD_S, stop)
    return _ended(t[judged], moved[judged], total[judged], load, lift_s, stop)


def _ended(t: np.ndarray, moved: np.ndarray, total: np.ndarray, load: float, start_s: float,
           end_s: float) -> Hold:
    """The first event in the judged stretch, or the whole stretch held."""
    light = _first_run(total < LOAD_FRACTION * load, t, EVENT_HOLD_S) if len(t) else None
    shift = _first_run(moved, t, EVENT_HOLD_S) if len(t) else None
    events = [(i, kind) for i, kind in ((light, "weight_off"), (shift, "foot_moved"))
              if i is not None]
    if not events:
        return Hold(round(max(end_s - start_s, 0.0), 2), "", start_s)
    i, kind = min(events)
    return Hold(round(float(t[i]) - start_s, 2), kind, start_s)
