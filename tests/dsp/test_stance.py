"""Steps and touch-downs from load-cell traces with known events (dsp/stance.py)."""

import numpy as np
import pytest

from balance_game.dsp.stance import single_leg_hold, stance_hold

FS = 100.0
WEIGHT = 70.0


def trace(seconds, x_of_t, y_of_t=None, total_of_t=None, jitter=0.0, seed=0):
    """Irregular board times (40-100 Hz) with COP and total load as functions of time."""
    rng = np.random.default_rng(seed)
    t = np.cumsum(rng.uniform(0.01, 0.025, int(seconds * 70)))
    t = t[t < seconds]
    x = x_of_t(t) + rng.normal(0, jitter, len(t))
    y = (y_of_t(t) if y_of_t else np.zeros_like(t)) + rng.normal(0, jitter, len(t))
    total = total_of_t(t) if total_of_t else np.full_like(t, WEIGHT)
    return t, x, y, total


def sway(t):
    """A frail person's slow sway in a narrow stance: ±20 mm at 0.3 and 0.7 Hz."""
    return 12 * np.sin(2 * np.pi * 0.3 * t) + 8 * np.sin(2 * np.pi * 0.7 * t + 1)


def ramp(t, at, over, height):
    return height * np.clip((t - at) / over, 0.0, 1.0)


def test_a_held_stance_lasts_the_whole_time_despite_sway():
    hold = stance_hold(*trace(12, sway, jitter=0.3), 1.0, 11.0)
    assert hold.held_s == pytest.approx(10.0) and hold.ended_by == ""


def test_a_step_ends_the_hold_when_the_weight_jumps_onto_one_foot():
    # a foot lifted at 6.3 s: the COP moves 50 mm in 0.2 s (feet together, 10 cm apart)
    t, x, y, total = trace(12, lambda t: sway(t) + ramp(t, 6.3, 0.2, 50.0), jitter=0.3)
    hold = stance_hold(t, x, y, total, 1.0, 11.0)
    assert hold.ended_by == "foot_moved"
    # 30 mm more than 0.25 s earlier is first reached 0.12 s into the ramp (sway adds a little)
    assert hold.held_s == pytest.approx(6.3 + 0.12 - 1.0, abs=0.08)


def test_weight_leaving_the_board_ends_the_hold():
    t, x, y, total = trace(12, sway, total_of_t=lambda t: WEIGHT - ramp(t, 4.0, 0.1, 30.0))
    hold = stance_hold(t, x, y, total, 1.0, 11.0)
    assert hold.ended_by == "weight_off" and "floor" in hold.reason
    # below 80 % of 70 kg (56 kg) once 14 kg of the 30 have gone: 4.0 + 0.1·14/30
    assert hold.held_s == pytest.approx(4.0 + 0.1 * 14 / 30 - 1.0, abs=0.03)


def test_single_leg_from_lift_to_touch_down():
    # both feet until 1.6 s, weight onto the right foot (+100 mm) over 0.3 s, the raised foot
    # put down at 9.2 s (back to the middle over 0.2 s)
    def x(t):
        return ramp(t, 1.6, 0.3, 100.0) - ramp(t, 9.2, 0.2, 100.0) + 0.4 * sway(t)

    hold = single_leg_hold(*trace(12, x, jitter=0.3), 1.0, 12.0, 30.0)
    lift = 1.6 + 0.3 * 40 / 100  # more than 40 mm from where both feet stood
    down = 9.2 + 0.2 * 30 / 100  # 30 % of the way back within 0.25 s
    assert hold.ended_by == "foot_moved"
    assert hold.started_s == pytest.approx(lift, abs=0.05)
    assert hold.held_s == pytest.approx(down - lift, abs=0.08)


def test_single_leg_stops_at_the_maximum_and_needs_a_lift():
    held = single_leg_hold(*trace(40, lambda t: ramp(t, 1.0, 0.3, -100.0)), 0.5, 40.0, 30.0)
    assert held.ended_by == "" and held.held_s == pytest.approx(30.0)
    never = single_leg_hold(*trace(10, sway), 0.5, 10.0, 30.0)
    assert never.held_s is None and never.ended_by == "no_lift"
    assert "no foot" in never.reason


def test_no_readings_give_no_numbers():
    empty = np.array([])
    assert stance_hold(empty, empty, empty, empty, 0.0, 10.0).held_s is None
