from balance_game.core.control import Axes
from balance_game.core.mechanics.reach import DIRECTIONS, Reach

DT = 1 / 60
PARAMS = {"directions": ["F", "R"], "distance_pct": 50.0, "target_radius_pct": 15.0,
          "hold_s": 1.0, "time_limit_s": 5.0, "centre_radius_pct": 12.0}


def play(world, mechanic, policy, seconds):
    outcomes, t = [], 0.0
    for _ in range(int(seconds / DT)):
        t += DT
        outcomes += mechanic.step(world, policy(world), DT, t)
    return outcomes


def perfect(world):
    goal = Reach().goal(world)
    return Axes(goal.lean_x, goal.lean_y) if goal else Axes()


def test_a_perfect_player_succeeds_with_a_high_score():
    mechanic = Reach()
    world = mechanic.new_world(PARAMS, n_trials=4, seed=1)
    outcomes = play(world, mechanic, perfect, 20)
    assert len(outcomes) == 4 and mechanic.finished(world)
    assert all(o.success for o in outcomes)
    for o in outcomes:
        assert o.measures["direction"] in ("F", "R")
        assert o.measures["path_straightness"] == 1.0  # jumped straight onto the target
        assert o.measures["hold_sway_pct"] == 0.0
        assert o.score >= 90


def test_a_player_who_never_moves_times_out_and_scores_low():
    mechanic = Reach()
    world = mechanic.new_world(PARAMS, n_trials=2, seed=1)
    outcomes = play(world, mechanic, lambda w: Axes(), 15)
    assert [o.success for o in outcomes] == [False, False]
    assert all(o.score == 0 and o.t_end_s - o.t_start_s >= 5.0 for o in outcomes)


def test_leaving_the_target_during_the_hold_counts_an_interruption():
    mechanic = Reach()
    world = mechanic.new_world({**PARAMS, "directions": ["R"]}, n_trials=1, seed=0)
    steps = {"n": 0}

    def wobbly(w):
        steps["n"] += 1
        if w.phase == "hold" and w.interruptions == 0 and w.hold_elapsed_s > 0.5:
            return Axes(0.0, 0.0)  # drop out of the target once
        return perfect(w)

    (outcome,) = play(world, mechanic, wobbly, 10)
    assert outcome.success and outcome.measures["hold_interruptions"] == 1


def test_abort_drops_the_trial_unscored():
    mechanic = Reach()
    world = mechanic.new_world(PARAMS, n_trials=1, seed=0)
    play(world, mechanic, perfect, 1.0)  # settled and reaching/holding by now
    assert world.phase in ("reach", "hold")
    mechanic.abort_trial(world)
    assert world.phase == "centre" and world.trial_index == 0


def test_directions_are_unit_vectors_in_eight_ways():
    assert len(DIRECTIONS) == 8
    for x, y in DIRECTIONS.values():
        assert abs(x * x + y * y - 1) < 1e-12
