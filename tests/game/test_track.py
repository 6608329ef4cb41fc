import math

import pytest
from mech_play import simulate

from balance_game.core.control import Axes
from balance_game.core.mechanics import MECHANICS
from balance_game.core.mechanics.track import PATHS, Segment, Track

DT = 1 / 60
PARAMS = {"paths": list(PATHS), "amplitude_pct": 40.0, "period_s": 5.0, "target_radius_pct": 15.0,
          "on_target_pct": 70.0}


def play(world, mechanic, policy, seconds):
    """Run on from the world's own clock, so consecutive calls continue one session."""
    outcomes, t = [], world.t_s
    for _ in range(round(seconds / DT)):
        t += DT
        outcomes += mechanic.step(world, policy(world), DT, t)
    return outcomes


def perfect(world):
    goal = Track().goal(world)
    return Axes(goal.lean_x, goal.lean_y) if goal else Axes()


def simulated(params, ability, n_trials=16, seed=0):
    return simulate(Track(), params, ability, n_trials, seed, max_s=600)


def test_registered():
    assert isinstance(MECHANICS["track"], Track)


def test_a_perfect_player_stays_on_target_on_every_path():
    mechanic = Track()
    world = mechanic.new_world(PARAMS, n_trials=8, seed=1)
    outcomes = play(world, mechanic, perfect, 45)
    assert len(outcomes) == 8 and mechanic.finished(world)
    assert {o.measures["path"] for o in outcomes} == set(PATHS)  # every shape, cycled
    for o in outcomes:
        assert o.success and o.score >= 95
        assert o.measures["time_on_target_pct"] == 100.0
        # the dot follows the goal of the step before, so it trails by one 60 Hz step
        assert o.measures["tracking_error_pct"] < 1.0 and o.measures["lag_s"] <= 0.02
        assert o.t_end_s - o.t_start_s == pytest.approx(5.0, abs=0.05)


def test_a_still_player_falls_off_the_target():
    mechanic = Track()
    world = mechanic.new_world(PARAMS, n_trials=4, seed=1)
    outcomes = play(world, mechanic, lambda w: Axes(), 25)
    assert len(outcomes) == 4 and not any(o.success for o in outcomes)
    assert all(o.measures["time_on_target_pct"] < 70 and o.score < 35 for o in outcomes)


def test_a_delayed_follower_shows_its_lag():
    mechanic = Track()
    world = mechanic.new_world({**PARAMS, "paths": ["circle"], "period_s": 4.0}, n_trials=2, seed=3)
    history = []

    def delayed(w):
        history.append(perfect(w))
        return history[-19] if len(history) > 18 else Axes()  # 0.3 s behind

    outcomes = play(world, mechanic, delayed, 11)
    assert [o.measures["lag_s"] for o in outcomes] == [pytest.approx(0.32, abs=0.03)] * 2
    assert all(o.measures["tracking_error_pct"] > 5 for o in outcomes)


def test_segments_start_and_end_at_the_middle_and_stay_inside_the_amplitude():
    rng_kinds = [("line", ()), ("circle", ()), ("eight", ()),
                 ("wander", ((0.5, 0.7, 1.0), (0.3, 1.1, 2.0), (0.2, 0.9, 0.5)) * 2)]
    for kind, wander in rng_kinds:
        seg = Segment(kind, 0.5, 4.0, 6.0, angle=0.25 * math.pi, turn=-1.0, wander=wander)
        assert seg.at(0.0) == pytest.approx((0.0, 0.0), abs=1e-12)
        assert seg.at(6.0) == pytest.approx((0.0, 0.0), abs=1e-12)
        assert max(math.hypot(*seg.at(i * 0.05)) for i in range(121)) <= 0.5 * math.sqrt(2) + 1e-9


def test_abort_goes_back_to_the_middle():
    mechanic = Track()
    world = mechanic.new_world(PARAMS, n_trials=1, seed=0)
    play(world, mechanic, perfect, 2.0)
    assert world.phase == "track"
    mechanic.abort_trial(world)
    assert world.phase == "centre" and world.trial_index == 0
    assert mechanic.goal(world).lean_x == 0.0
    (outcome,) = play(world, mechanic, perfect, 7)
    assert outcome.success and outcome.index == 0


def test_prompts_and_cues():
    mechanic = Track()
    world = mechanic.new_world(PARAMS, n_trials=1, seed=0)
    assert mechanic.prompt(world) == "Stand still in the middle to begin"
    play(world, mechanic, perfect, 2.0)
    assert mechanic.prompt(world) == "Keep the dot inside the circle"
    world.inside, world.speed = False, 5.0
    assert mechanic.prompt(world) == "Slow down"
    world.speed = 0.0
    assert mechanic.prompt(world) == "Follow the yellow circle"
    play(world, mechanic, perfect, 5.0)
    assert world.cues == ["hit"] and mechanic.finished(world)


def test_same_seed_same_outcomes():
    a, b = simulated(PARAMS, 0.6, 4, seed=5), simulated(PARAMS, 0.6, 4, seed=5)
    assert [(o.success, o.score, o.measures) for o in a] == [(o.success, o.score, o.measures) for o in b]


def test_harder_params_lower_a_simulated_players_success():
    easy = {"paths": ["line", "circle"], "amplitude_pct": 20.0, "period_s": 12.0,
            "target_radius_pct": 26.0, "on_target_pct": 60.0}
    hard = {"paths": ["eight", "wander"], "amplitude_pct": 40.0, "period_s": 6.0,
            "target_radius_pct": 14.0, "on_target_pct": 75.0}
    rate_easy = sum(o.success for o in simulated(easy, 0.6)) / 16
    rate_hard = sum(o.success for o in simulated(hard, 0.6)) / 16
    assert rate_easy >= 0.8 and rate_hard <= 0.3


def reference_lag(segment, samples, lag_max_s=1.5, lag_step_s=0.02):
    """The original pure-Python lag search, kept as the independent reference: scalar
    ``Segment.at`` for every sample at every lag, the earliest of near-equal lags winning."""
    if len(samples) < 10:
        return None
    best_lag, best_err = 0.0, math.inf
    for k in range(round(lag_max_s / lag_step_s) + 1):
        lag = k * lag_step_s
        used = [(u, x, y) for u, x, y in samples if u - lag >= 0.0]
        if len(used) < 10:
            break
        err = 0.0
        for u, x, y in used:
            tx, ty = segment.at(u - lag)
            err += (tx - x) ** 2 + (ty - y) ** 2
        err /= len(used)
        if err < best_err - 1e-12:
            best_lag, best_err = lag, err
    return best_lag


def test_lag_search_matches_the_pure_python_reference():
    """Every path shape, delays from none to beyond the search, noise and short trials."""
    import random

    from balance_game.core.mechanics.track import estimate_lag

    rng = random.Random(7)
    mechanic = Track()
    checked = 0
    for seed in range(12):
        world = mechanic.new_world(PARAMS, n_trials=len(PATHS), seed=seed)
        for _kind in PATHS:
            mechanic.start_trial(world, 0.0)
            segment = world.segment
            delay = rng.choice((0.0, 0.1, 0.37, 0.8, 2.0))
            noise = rng.choice((0.0, 0.01, 0.1))
            n = rng.choice((8, 12, 60, round(segment.duration_s * 60)))
            samples = []
            for i in range(1, n + 1):
                u = i / 60
                tx, ty = segment.at(u - delay)
                samples.append((u, tx + rng.gauss(0, noise), ty + rng.gauss(0, noise)))
            assert estimate_lag(segment, samples) == reference_lag(segment, samples)
            checked += 1
    assert checked == 12 * len(PATHS)


def test_vectorised_positions_equal_the_scalar_ones():
    mechanic = Track()
    world = mechanic.new_world(PARAMS, n_trials=len(PATHS), seed=3)
    import numpy as np

    for _kind in PATHS:
        mechanic.start_trial(world, 0.0)
        segment = world.segment
        u = np.linspace(-1.0, segment.duration_s + 1.0, 301)
        xs, ys = segment.at_many(u)
        for ui, xi, yi in zip(u.tolist(), xs.tolist(), ys.tolist(), strict=True):
            assert (xi, yi) == pytest.approx(segment.at(ui), abs=1e-12)
