"""LOS on the centre of gravity, checked against the simulated player's known body centre.

The simulated player (devices/simulated.py) is an inverted pendulum whose centre of mass is known
exactly: the LOS outputs computed from its centre of pressure (through the COG estimate) must
match the ones its true body centre gives, and must grade ability the right way round.
"""

import statistics

import numpy as np
import pytest

from balance_game.core.assessments import LOS_ORDER, los_results, los_steps, summarise
from balance_game.core.control import BOARD_HALF_SPAN_AP_MM, BOARD_HALF_SPAN_ML_MM, Limits
from balance_game.devices.simulated import SimulatedPlayer
from balance_game.dsp.los import (
    MIN_REACTION_S,
    LosTrial,
    analyse_direction,
    cog_height_mm,
    theoretical_limit_mm,
)
from tests.sim_protocol import run_protocol

HEIGHT_CM = 170.0
SEEDS = range(3)


def los_run(ability, seed):
    limits = Limits.theoretical(HEIGHT_CM)
    player = SimulatedPlayer(limits, ability, seed, trace_body=True)
    run = run_protocol(los_steps(limits, HEIGHT_CM), player, limits)
    return run, los_results(run.captures, (0.0, 0.0), HEIGHT_CM), np.array(player.body_trace)


def body_result(run, body, direction):
    """The same analysis on the true body-centre path of that lean."""
    capture = run.captures[f"los-{direction}"]
    inside = (body[:, 0] >= capture.samples[0].t_s) & (body[:, 0] <= capture.samples[-1].t_s)
    h = cog_height_mm(HEIGHT_CM * 10)
    trial = LosTrial(direction, body[inside, 0], body[inside, 1], body[inside, 2],
                     capture.step_starts["go"], theoretical_limit_mm(direction, h))
    return analyse_direction(trial, h)


def touched_board_edge(run, direction):
    s = run.captures[f"los-{direction}"].samples
    return any(abs(x.cop_x_mm) >= BOARD_HALF_SPAN_ML_MM - 0.5
               or abs(x.cop_y_mm) >= BOARD_HALF_SPAN_AP_MM - 0.5 for x in s)


@pytest.fixture(scope="module")
def runs():
    return {(a, seed): los_run(a, seed) for a in (0.2, 0.5, 0.9) for seed in SEEDS}


def test_directional_control_rises_with_ability(runs):
    median = {}
    for ability in (0.2, 0.5, 0.9):
        values = [r["directional_control_pct"] for seed in SEEDS
                  for r in runs[ability, seed][1]["directions"].values() if not r["reason"]]
        assert len(values) >= 20, ability  # most of 24 leans give a valid result
        median[ability] = statistics.median(values)
        if ability == 0.9:
            assert min(values) >= 60.0
    assert median[0.2] < median[0.5] < median[0.9]


def test_movement_velocity_matches_the_body_centre(runs):
    compared = 0
    for (_, seed), (run, results, body) in runs.items():
        for direction, r in results["directions"].items():
            truth = body_result(run, body, direction)
            if r["reason"] or not truth.valid:
                continue
            if touched_board_edge(run, direction):
                # the board cannot measure a COP beyond its load cells: a forward lean to the
                # 132 mm limit is cut at 119 mm, so the COG of that lean is a lower bound
                assert direction in ("F", "FR", "FL"), (seed, direction)
                continue
            ratio = r["movement_velocity_mm_s"] / truth.movement_velocity_mm_s
            assert 0.8 <= ratio <= 1.2, (seed, direction, ratio)
            compared += 1
    assert compared >= 50


def test_no_reaction_time_under_a_tenth_of_a_second(runs):
    for _, results, _ in runs.values():
        for r in results["directions"].values():
            if r["reason"]:
                assert r["reaction_time_s"] is None and r["directional_control_pct"] is None
            else:
                assert r["reaction_time_s"] >= MIN_REACTION_S
        for line in summarise("los", results):
            if "reaction" in line:
                seconds = float(line.split("reaction ")[1].split(" s")[0])
                assert seconds >= MIN_REACTION_S


def test_percentages_are_of_the_unclipped_theoretical_limits(runs):
    results = runs[0.9, 0][1]
    h = 0.5527 * 1700
    # 8° forward and sideways, 4.5° back, at the COG height; not cut to the board (119 mm AP)
    assert results["theoretical_limits_mm"]["F"] == pytest.approx(h * np.tan(np.radians(8)),
                                                                 abs=0.05)
    assert results["theoretical_limits_mm"]["F"] > BOARD_HALF_SPAN_AP_MM
    assert results["theoretical_limits_mm"]["B"] == pytest.approx(h * np.tan(np.radians(4.5)),
                                                                 abs=0.05)
    assert results["trace"] == "cog" and not results["height_assumed"]
    for d in LOS_ORDER:
        r = results["directions"][d]
        if not r["reason"]:
            assert r["target_mm"] == pytest.approx(results["theoretical_limits_mm"][d], abs=0.05)
            assert r["max_excursion_pct"] == pytest.approx(
                100 * r["max_excursion_mm"] / r["target_mm"], abs=0.01)


def test_a_test_does_not_rescale_the_next():
    """Game limits measured by one test (any values) change neither the next test's targets in
    mm nor the denominators of its percentages."""
    small = Limits(40.0, 40.0, 30.0, 20.0)
    theoretical = Limits.theoretical(HEIGHT_CM)
    for a, b in zip(los_steps(small, HEIGHT_CM), los_steps(theoretical, HEIGHT_CM), strict=True):
        if a.goal and a.goal != (0.0, 0.0):
            assert small.to_mm(*a.goal) == pytest.approx(theoretical.to_mm(*b.goal))
    player = SimulatedPlayer(small, 0.9, 0)
    run = run_protocol(los_steps(small, HEIGHT_CM), player, small)
    results = los_results(run.captures, (0.0, 0.0), HEIGHT_CM)
    valid = [r for r in results["directions"].values() if not r["reason"]]
    assert valid and statistics.median(r["max_excursion_pct"] for r in valid) > 80.0
