import math

import pytest
from mech_play import follow_goal, play, play_level_headless, still, success_rate

from balance_game.core.levels import load_levels
from balance_game.core.mechanics.tilt import COLS, ROWS, START_CELL, Maze, Tilt

PARAMS = {"path_cells": 3, "hole_radius_pct": 34.0, "full_tilt_pct": 40.0, "time_limit_s": 10.0,
          "centre_radius_pct": 15.0}
EASY = {**PARAMS, "path_cells": 2, "hole_radius_pct": 44.0, "full_tilt_pct": 30.0,
        "time_limit_s": 12.0}
HARD = {**PARAMS, "path_cells": 6, "hole_radius_pct": 24.0, "full_tilt_pct": 50.0,
        "time_limit_s": 9.0}


def test_a_player_who_follows_the_goal_sinks_every_ball_cleanly():
    mechanic = Tilt()
    world = mechanic.new_world(PARAMS, n_trials=5, seed=3)
    outcomes = play(mechanic, world, follow_goal(mechanic), 60)
    assert len(outcomes) == 5 and mechanic.finished(world)
    for o in outcomes:
        assert o.success and o.score >= 85
        assert o.measures["wall_hits"] == 0
        assert o.measures["path_cells"] == 3
        assert o.measures["path_efficiency"] >= 0.9
        assert 1.0 < o.measures["time_to_hole_s"] < 8.0  # a short trial
    assert world.cues.count("hit") == 5


def test_a_player_who_never_leans_runs_out_of_time():
    mechanic = Tilt()
    world = mechanic.new_world(PARAMS, n_trials=2, seed=3)
    outcomes = play(mechanic, world, still, 30)
    assert [o.success for o in outcomes] == [False, False]
    assert all(o.score == 0 and o.measures["time_to_hole_s"] is None for o in outcomes)
    assert world.cues.count("miss") == 2


def test_the_first_ball_waits_for_a_still_stance_at_the_centre():
    mechanic = Tilt()
    world = mechanic.new_world(PARAMS, n_trials=1, seed=0)
    from balance_game.core.control import Axes

    play(mechanic, world, lambda w: Axes(0.5, 0.0), 3)
    assert world.phase == "centre"
    play(mechanic, world, still, 1.0)
    assert world.phase in ("ready", "roll")


def test_abort_drops_the_ball_unscored_and_waits_at_the_centre():
    mechanic = Tilt()
    world = mechanic.new_world(PARAMS, n_trials=2, seed=0)
    play(mechanic, world, follow_goal(mechanic), 2.0)
    assert world.phase == "roll"
    mechanic.abort_trial(world)
    assert world.phase == "centre" and world.trial_index == 0


def test_same_seed_same_maze_and_outcomes():
    def run(seed):
        mechanic = Tilt()
        world = mechanic.new_world(PARAMS, n_trials=4, seed=seed)
        return world.maze.open, play(mechanic, world, follow_goal(mechanic), 60)

    assert run(5) == run(5)
    assert run(5)[0] != run(6)[0]


def test_the_maze_connects_every_cell():
    import random

    maze = Maze.generate(random.Random(1))
    assert len(maze.distances(START_CELL)) == COLS * ROWS


def test_walls_stop_the_ball():
    mechanic = Tilt()
    world = mechanic.new_world(PARAMS, n_trials=1, seed=0)
    from balance_game.core.control import Axes

    play(mechanic, world, still, 1.5)  # settle, the ball appears and is let go
    play(mechanic, world, lambda w: Axes(0.0, -0.6), 3.0)  # tilt hard toward the near wall
    assert world.ball[1] >= 0.18 - 1e-6 and math.isfinite(world.ball[0])


def test_param_changes_apply_from_the_next_ball():
    mechanic = Tilt()
    world = mechanic.new_world(PARAMS, n_trials=3, seed=0)
    play(mechanic, world, follow_goal(mechanic), 2.0)
    mechanic.set_params(world, {**PARAMS, "path_cells": 1})
    assert world.params["path_cells"] == 3
    outcomes = play(mechanic, world, follow_goal(mechanic), 30)
    cells = [o.measures["path_cells"] for o in outcomes]
    # the same hole never comes twice in a row, so a third 1-cell hole may not exist
    assert cells[:2] == [3, 1] and cells[2] <= 2


def test_harder_settings_lower_a_simulated_players_success():
    mechanic = Tilt()
    easy = success_rate(mechanic, EASY, 0.6, 12)
    hard = success_rate(mechanic, HARD, 0.6, 12)
    assert easy >= 0.7 and hard <= easy - 0.3


def test_ability_raises_success():
    mechanic = Tilt()
    low = success_rate(mechanic, PARAMS, 0.1, 12)
    high = success_rate(mechanic, PARAMS, 0.9, 12)
    assert high > low


@pytest.mark.parametrize("level_id", [s.id for s in load_levels() if s.mechanic == "tilt"])
def test_every_tilt_level_completes_headless(level_id, tmp_path):
    trials = play_level_headless(level_id, tmp_path / "t.db")
    spec = next(s for s in load_levels() if s.id == level_id)
    assert len(trials) == spec.trials
    for t in trials:
        assert {"time_to_hole_s", "wall_hits", "path_efficiency"} <= set(t["measures"])
        assert 0 <= t["score"] <= 100
