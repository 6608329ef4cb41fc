"""STEADI and single-leg stance protocols with the simulated player, whose stance losses are
known: the load-cell detection times them, the protocols stop as the tests prescribe."""

import functools

import pytest

from balance_game.core.control import Limits
from balance_game.core.stance_tests import (
    SLS_MAX_S,
    STEADI_RISK,
    StanceRun,
    single_leg_results,
    springer_norms,
    steadi_results,
    steps_for,
    summarise,
)
from balance_game.devices.simulated import SimulatedPlayer
from tests.sim_protocol import run_protocol


@functools.cache
def run(kind, ability, seed):
    """The protocol played by the simulated player, and the player (its true stance losses).
    Deterministic for its arguments, so each is played once and shared, read-only, by every test
    that asks (one single-leg run gives both its eyes-open and eyes-closed conditions)."""
    limits = Limits.theoretical(170)
    player = SimulatedPlayer(limits, ability, seed)
    return run_protocol(steps_for(kind), player, limits, run_class=StanceRun), player


def true_loss(player, capture, start, end):
    """When the simulated player stepped or touched down within [start, end) while this
    capture was recorded, if it did."""
    end = min(end, capture.samples[-1].t_s)
    return next((t for t, _ in player.stance_events if start <= t < end), None)


@pytest.mark.parametrize(("ability", "seed"), [(a, s) for a in (0.2, 0.5, 0.9) for s in range(2)])
def test_steadi_times_each_position_and_stops_at_the_first_not_held(ability, seed):
    protocol, player = run("steadi", ability, seed)
    results = steadi_results(protocol)
    stages = results["stages"]
    for stage in stages:
        capture = protocol.captures[f"steadi-{stage['position']}"]
        start = capture.step_starts["hold"]
        lost = true_loss(player, capture, start, start + 10.0)
        if lost is None:
            assert stage["held_10s"] and stage["held_s"] == pytest.approx(10.0, abs=0.05)
        else:
            assert not stage["held_10s"] and stage["ended_by"] == "foot_moved"
            assert stage["held_s"] == pytest.approx(lost - start, abs=0.3)
    held = [s["held_10s"] for s in stages]
    assert held == [True] * (len(held) - 1) + [held[-1]]  # no stage after the first failure
    assert len(stages) == 4 or not held[-1]
    assert results["stages_completed"] == sum(held)
    tandem = next((s for s in stages if s["position"] == "tandem"), None)
    if tandem is None or not tandem["held_10s"]:
        assert results["increased_fall_risk"] is True
        assert any(STEADI_RISK in line for line in summarise("steadi", results))
    else:
        assert results["increased_fall_risk"] is False


def test_steadi_grades_ability():
    completed = {a: sum(steadi_results(run("steadi", a, s)[0])["stages_completed"]
                        for s in range(2, 5)) for a in (0.2, 0.9)}
    assert completed[0.2] < completed[0.9]
    assert completed[0.9] >= 10  # of 12: an able player holds nearly everything


@pytest.mark.parametrize(("ability", "seed"), [(0.2, 0), (0.5, 1), (0.9, 2)])
def test_single_leg_best_of_three_stopped_at_touch_down_or_30_s(ability, seed):
    protocol, player = run("single-leg", ability, seed)
    results = single_leg_results(protocol, age=None)
    for key in ("eyes_open", "eyes_closed"):
        c = results["conditions"][key]
        assert 1 <= len(c["tries_s"]) <= 3
        for attempt, held in enumerate(c["tries_s"], start=1):
            capture = protocol.captures[f"sls-{key}-{attempt}"]
            start = capture.step_starts["hold"]
            lost = true_loss(player, capture, start, start + 40.0)
            lift = start + player.ability.reaction_s + 0.3  # reaction time + weight shift
            if lost is None:
                assert held == pytest.approx(SLS_MAX_S, abs=0.05)
            elif lost - lift < 0.3:  # down again before the lift could be told from sway
                assert held is None and c["ended_by"][attempt - 1] == "no_lift"
            else:
                assert held == pytest.approx(lost - lift, abs=0.3)
        times = [v for v in c["tries_s"] if v is not None]
        assert c["best_s"] == (max(times) if times else None)
        if c["reached_max"]:  # 30 s reached: no further tries
            assert c["tries_s"][-1] == pytest.approx(SLS_MAX_S, abs=0.05)
            assert c["ended_by"][-1] is None
        else:
            assert len(c["tries_s"]) == 3


def test_single_leg_eyes_closed_is_shorter_and_ability_matters():
    best = {}
    for ability in (0.2, 0.9):
        for key in ("eyes_open", "eyes_closed"):
            best[ability, key] = sum(
                single_leg_results(run("single-leg", ability, s)[0], None)["conditions"][key]
                ["best_s"] or 0.0 for s in range(3))
    assert best[0.2, "eyes_open"] < best[0.9, "eyes_open"]
    assert best[0.2, "eyes_closed"] < best[0.2, "eyes_open"]
    assert best[0.9, "eyes_closed"] < best[0.9, "eyes_open"]


def test_springer_norms_by_age_and_for_unknown_age():
    """Springer et al. 2007, best of 3 (eyes open all adults; eyes closed women/men)."""
    young = springer_norms(25)
    assert young["groups"] == [{"age_group": "18-39", "eyes_open_s": 44.7,
                                "eyes_closed_women_s": 13.1, "eyes_closed_men_s": 16.9}]
    old = springer_norms(84)["groups"][0]
    assert (old["age_group"], old["eyes_open_s"]) == ("80-99", 9.4)
    assert springer_norms(65)["groups"][0]["eyes_open_s"] == 32.1
    unknown = springer_norms(None)
    assert not unknown["age_known"] and len(unknown["groups"]) == 6
    assert [g["eyes_open_s"] for g in unknown["groups"]] == [44.7, 41.9, 41.2, 32.1, 21.5, 9.4]
