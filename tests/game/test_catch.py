import pytest
from mech_play import follow_goal, play, play_level_headless, simulate, still, success_rate

from balance_game.core.control import Axes
from balance_game.core.levels import load_levels
from balance_game.core.mechanics.catch import Catch

PARAMS = {"spread_pct": 45.0, "fall_s": 2.5, "basket_pct": 14.0, "rock_share": 0.3,
          "centre_radius_pct": 15.0}
EASY = {**PARAMS, "spread_pct": 30.0, "fall_s": 4.0, "basket_pct": 20.0}
HARD = {**PARAMS, "spread_pct": 85.0, "fall_s": 0.9, "basket_pct": 7.0}


def test_a_player_who_follows_the_goal_catches_fish_and_dodges_rocks():
    mechanic = Catch()
    world = mechanic.new_world(PARAMS, n_trials=12, seed=2)
    outcomes = play(mechanic, world, follow_goal(mechanic), 60)
    assert len(outcomes) == 12 and mechanic.finished(world)
    kinds = {o.measures["object"] for o in outcomes}
    assert kinds == {"fish", "rock"}
    for o in outcomes:
        assert o.success and o.score >= 90
        assert o.measures["caught"] == (o.measures["object"] == "fish")
        assert o.measures["reaction_time_s"] < 0.1
        assert o.t_end_s - o.t_start_s == pytest.approx(2.5, abs=0.05)
    assert world.cues.count("hit") + world.cues.count("dodge") == 12


def test_a_player_who_never_moves_misses_fish_and_is_hit_by_rocks():
    mechanic = Catch()
    world = mechanic.new_world(PARAMS, n_trials=8, seed=2)
    outcomes = play(mechanic, world, still, 40)
    assert len(outcomes) == 8 and not any(o.success for o in outcomes)
    assert all(o.measures["reaction_time_s"] is None for o in outcomes)


def test_reaction_time_is_the_onset_of_the_move_toward_the_fish():
    mechanic = Catch()
    world = mechanic.new_world({**PARAMS, "rock_share": 0.0}, n_trials=1, seed=0)
    goal = follow_goal(mechanic)

    def slow_to_start(w):
        if w.phase == "fall" and w.t_s - w.current.t_appear_s < 0.5:
            return Axes()
        return goal(w)

    (outcome,) = play(mechanic, world, slow_to_start, 10)
    assert outcome.success
    assert outcome.measures["reaction_time_s"] == pytest.approx(0.5, abs=0.03)
    assert outcome.measures["lateral_shift_pct"] == pytest.approx(abs(outcome.measures["object_x_pct"]),
                                                                  abs=0.5)


def test_abort_drops_the_object_and_waits_at_the_centre():
    mechanic = Catch()
    world = mechanic.new_world(PARAMS, n_trials=3, seed=0)
    play(mechanic, world, follow_goal(mechanic), 1.5)
    assert world.phase == "fall"
    mechanic.abort_trial(world)
    assert world.phase == "centre" and world.current is None and world.trial_index == 0


def test_same_seed_same_objects_and_outcomes():
    def run(seed):
        return simulate(Catch(), PARAMS, 0.5, 8, seed=seed)

    assert run(3) == run(3)
    assert [o.measures["object_x_pct"] for o in run(3)] != [o.measures["object_x_pct"] for o in run(4)]


def test_harder_settings_lower_a_simulated_players_success():
    mechanic = Catch()
    easy = success_rate(mechanic, EASY, 0.6, 20)
    hard = success_rate(mechanic, HARD, 0.6, 20)
    assert easy >= 0.9 and hard <= easy - 0.4


@pytest.mark.parametrize("level_id", [s.id for s in load_levels() if s.mechanic == "catch"])
def test_every_catch_level_completes_headless(level_id, tmp_path):
    trials = play_level_headless(level_id, tmp_path / "c.db")
    spec = next(s for s in load_levels() if s.id == level_id)
    assert len(trials) == spec.trials
    for t in trials:
        assert {"reaction_time_s", "lateral_shift_pct", "object", "caught"} <= set(t["measures"])
