import math

import pytest
from mech_play import simulate
from scipy import stats

from balance_game.core.control import Axes
from balance_game.core.mechanics import MECHANICS
from balance_game.core.mechanics.steady import Steady, sway_area_pct2

DT = 1 / 60
PARAMS = {"zone_radius_pct": 20.0, "shrink_pct": 40.0, "hold_s": 3.0, "max_out_s": 1.0,
          "offset_pct": 0.0}


def play(world, mechanic, policy, seconds):
    outcomes, t = [], 0.0
    for _ in range(round(seconds / DT)):
        t += DT
        outcomes += mechanic.step(world, policy(world, t), DT, t)
    return outcomes


def perfect(world, t):
    goal = Steady().goal(world)
    return Axes(goal.lean_x, goal.lean_y) if goal else Axes()


def simulated(params, ability, n_trials=20, seed=0):
    return simulate(Steady(), params, ability, n_trials, seed, max_s=600)


def test_registered():
    assert isinstance(MECHANICS["steady"], Steady)


def test_a_perfect_player_succeeds_with_a_high_score():
    mechanic = Steady()
    world = mechanic.new_world({**PARAMS, "offset_pct": 30.0}, n_trials=4, seed=1)
    outcomes = play(world, mechanic, perfect, 30)
    assert len(outcomes) == 4 and mechanic.finished(world)
    for o in outcomes:
        assert o.success and o.score >= 95
        assert o.measures["time_in_zone_pct"] == 100.0
        assert o.measures["sway_area_pct2"] == 0.0
        assert o.measures["exits"] == 0
        assert math.hypot(o.measures["zone_x_pct"], o.measures["zone_y_pct"]) == pytest.approx(30.0, abs=0.1)
        assert o.measures["final_zone_radius_pct"] == pytest.approx(12.0, abs=0.2)  # shrank 40 %
        assert 2.9 <= o.t_end_s - o.t_start_s <= 3.6  # a short trial


def test_a_still_player_never_reaches_an_off_centre_zone():
    mechanic = Steady()
    world = mechanic.new_world({**PARAMS, "offset_pct": 40.0}, n_trials=2, seed=1)
    outcomes = play(world, mechanic, lambda w, t: Axes(), 15)
    assert [o.success for o in outcomes] == [False, False]
    assert all(o.score == 0 and o.measures["time_to_zone_s"] is None for o in outcomes)


def test_a_restless_player_fails_a_centred_zone_and_the_exits_are_counted():
    mechanic = Steady()
    world = mechanic.new_world(PARAMS, n_trials=3, seed=1)

    def restless(w, t):
        if w.phase == "centre":
            return Axes()
        return Axes(0.3 * math.sin(2 * math.pi * 0.8 * t), 0.0)

    outcomes = play(world, mechanic, restless, 20)
    assert len(outcomes) == 3 and not any(o.success for o in outcomes)
    for o in outcomes:
        assert o.measures["exits"] >= 1 and o.measures["time_out_s"] >= PARAMS["max_out_s"]
        assert o.measures["mean_speed_pct_s"] > 20 and o.score < 30


def test_abort_drops_the_trial_unscored_and_waits_at_the_centre_again():
    mechanic = Steady()
    world = mechanic.new_world(PARAMS, n_trials=1, seed=0)
    assert play(world, mechanic, perfect, 1.5) == []
    assert world.phase == "hold" and world.hold_elapsed_s > 0
    mechanic.abort_trial(world)
    assert world.phase == "centre" and world.trial_index == 0
    (outcome,) = play(world, mechanic, perfect, 5)
    assert outcome.success and outcome.index == 0


def test_the_level_waits_for_the_player_to_stand_still_in_the_middle():
    mechanic = Steady()
    world = mechanic.new_world(PARAMS, n_trials=1, seed=0)
    play(world, mechanic, lambda w, t: Axes(0.5, 0.0), 3)
    assert world.phase == "centre"
    assert mechanic.prompt(world) == "Stand still in the middle to begin"
    goal = mechanic.goal(world)
    assert (goal.lean_x, goal.lean_y) == (0.0, 0.0)


def test_prompts_and_cues():
    mechanic = Steady()
    world = mechanic.new_world(PARAMS, n_trials=1, seed=0)
    play(world, mechanic, perfect, 1.0)
    assert mechanic.prompt(world) == "Keep the dot inside the circle"
    world.speed = 2.0
    assert mechanic.prompt(world) == "Slow down"
    play(world, mechanic, perfect, 4.0)
    assert world.cues[-1] == "hit" and mechanic.prompt(world) == "Level complete"


def test_new_params_apply_from_the_next_trial():
    mechanic = Steady()
    world = mechanic.new_world(PARAMS, n_trials=2, seed=0)
    play(world, mechanic, perfect, 1.0)
    mechanic.set_params(world, {**PARAMS, "zone_radius_pct": 10.0})
    outcomes = play(world, mechanic, perfect, 10)
    assert [o.measures["zone_radius_pct"] for o in outcomes] == [20.0, 10.0]


def test_same_seed_same_outcomes():
    params = {**PARAMS, "offset_pct": 20.0}
    a, b = simulated(params, 0.5, 6, seed=4), simulated(params, 0.5, 6, seed=4)
    assert [(o.success, o.score, o.measures) for o in a] == [(o.success, o.score, o.measures) for o in b]


def test_harder_params_lower_a_simulated_players_success():
    easy = {"zone_radius_pct": 25.0, "shrink_pct": 30.0, "hold_s": 3.0, "max_out_s": 1.5,
            "offset_pct": 0.0}
    hard = {"zone_radius_pct": 10.0, "shrink_pct": 50.0, "hold_s": 6.0, "max_out_s": 0.6,
            "offset_pct": 0.0}
    rate = {name: sum(o.success for o in simulated(p, 0.6)) / 20 for name, p in
            (("easy", easy), ("hard", hard))}
    assert rate["easy"] >= 0.8 and rate["hard"] <= 0.4


def test_ability_raises_success_on_the_same_params():
    params = {"zone_radius_pct": 14.0, "shrink_pct": 40.0, "hold_s": 4.0, "max_out_s": 1.0,
              "offset_pct": 0.0}
    low = sum(o.success for o in simulated(params, 0.2))
    high = sum(o.success for o in simulated(params, 0.9))
    assert high > low + 5


def test_sway_area_is_the_published_prediction_ellipse_in_percent():
    # a +-1 square's corners: variances 4/3 each, no covariance; the F-based 95 % prediction
    # ellipse (scipy's F quantile, not the code's closed form) is pi*sqrt(det)*F*2(n-1)(n+1)/(n(n-2))
    points = [(1, 1), (1, -1), (-1, 1), (-1, -1)]
    n = len(points)
    f95 = stats.f.ppf(0.95, 2, n - 2)
    expected = math.pi * (4 / 3) * f95 * 2 * (n - 1) * (n + 1) / (n * (n - 2))
    assert sway_area_pct2(points) == pytest.approx(expected, rel=1e-9)
