"""Per-mechanic feedback after a trial, and how long the play screen shows it."""

from types import SimpleNamespace

import pytest

from balance_game.core.mechanics import MECHANICS
from balance_game.core.mechanics.base import GENERIC_MISS, GENERIC_SUCCESS, feedback_for
from balance_game.game.screens.play import FEEDBACK_S, QUICK_FEEDBACK_S, feedback_seconds


def outcome(success, t=(0.0, 5.0), **measures):
    return SimpleNamespace(success=success, measures=measures, t_start_s=t[0], t_end_s=t[1])


@pytest.mark.parametrize("name, result, measures, expected", [
    ("slalom", False, {"overshoot_pct": 0.0, "gate_width_pct": 30}, "Missed the gate: lean a little earlier"),
    ("slalom", False, {"overshoot_pct": 25.0, "gate_width_pct": 30},
     "Just past it: stop your shift a little sooner"),
    ("slalom", True, {}, "Through the gate!"),
    ("catch", True, {"object": "fish"}, "Caught it!"),
    ("catch", False, {"object": "rock"}, "Oops, a rock: move aside next time"),
    ("catch", True, {"object": "rock"}, "Nice dodge!"),
    ("rhythm", False, {"reached_target": True, "timing_error_s": 0.4}, "A little late: move on the beat"),
    ("rhythm", False, {"reached_target": True, "timing_error_s": -0.4}, "A little early: wait for the beat"),
    ("rhythm", False, {"reached_target": False, "timing_error_s": 0.0},
     "Lean a little further to reach the circle"),
    ("reach", False, {"time_to_target_s": None}, "Nearly: lean a little further"),
    ("reach", False, {"time_to_target_s": 2.0}, "You got there: now hold a little stiller"),
    ("steady", False, {"offset_pct": 0, "held_s": 2.0}, "Drifted out: small, slow corrections"),
    ("tilt", False, {"roll_overs": 2}, "Rolled over it: ease off near the hole"),
    ("track", False, {"lag_s": 0.5}, "A little behind: move with the circle"),
    ("dual", False, {"error": "wrong_item"}, "That one does not fit the rule: look again"),
    ("dual", False, {"error": "no_go_moved"}, "None fitted: stay still next time"),
    ("dual", True, {"go": False}, "Right, and you stood still!"),
    ("transfer", False, {"reaction_time_s": None}, "Shift all your weight onto the other foot first"),
    ("transfer", True, {"touchdowns": 0}, "Steady on one leg!"),
])
def test_each_mechanic_says_something_specific(name, result, measures, expected):
    assert feedback_for(MECHANICS[name], outcome(result, **measures)) == expected


def test_every_mechanic_has_short_kind_lines_for_success_and_failure():
    for mechanic in MECHANICS.values():
        for success in (True, False):
            line = feedback_for(mechanic, outcome(success))
            assert line and len(line) <= 50, (mechanic.name, line)
            assert line not in (GENERIC_SUCCESS, GENERIC_MISS), mechanic.name


def test_the_generic_lines_and_the_quality_gate_come_first():
    bare = SimpleNamespace(name="bare")
    assert feedback_for(bare, outcome(True)) == GENERIC_SUCCESS
    assert feedback_for(bare, outcome(False)) == GENERIC_MISS
    unloaded = outcome(False, object="fish", foot_unloaded=True)
    assert feedback_for(MECHANICS["catch"], unloaded) == "Keep both feet on the board"


def test_feedback_after_a_quick_trial_is_brief():
    assert feedback_seconds(outcome(True, t=(10.0, 12.0))) == QUICK_FEEDBACK_S
    assert feedback_seconds(outcome(True, t=(10.0, 18.0))) == FEEDBACK_S
