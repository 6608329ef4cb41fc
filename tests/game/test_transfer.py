"""Weight transfer: feet read from the load cells (or a lean without them), lifts, holds,
touch-downs, and a simulated player who stands on one leg with realistic corner loads."""

import pytest
from mech_play import DT, play

from balance_game.core.control import Axes, ControlMap, Limits
from balance_game.core.levels import find_level
from balance_game.core.mechanics import MECHANICS
from balance_game.core.mechanics.base import TrialOutcome
from balance_game.core.records import Goal, Sample
from balance_game.devices.simulated import BOARD_HALF_ML_MM, SimulatedPlayer
from balance_game.game.session import GameSession
from balance_game.storage.db import Database
from balance_game.storage.players import add_player
from balance_game.storage.sessions import SessionRecorder

TRANSFER = MECHANICS["transfer"]
BASE = {p.name: p.default for p in TRANSFER.params}
ON_ONE_FOOT = 0.8  # right-hand load share when all the weight is on the right foot (test feet)


def params(**changes):
    return {**BASE, **changes}


def standing(share_on_foot=ON_ONE_FOOT):
    """A player who stands on the other foot whenever a lift is asked, else on both."""

    def policy(world):
        if world.phase in ("shift", "up"):
            right = share_on_foot if world.foot == "left" else 1.0 - share_on_foot
            return Axes(0.0, 0.0, right)
        return Axes(0.0, 0.0, 0.5)

    return policy


def test_the_weight_is_read_from_the_right_hand_share_or_from_the_lean():
    transfer_of = __import__("balance_game.core.mechanics.transfer", fromlist=["x"]).transfer_of
    assert transfer_of(Axes(right_share=0.5), 0.8) == 0.0
    assert transfer_of(Axes(right_share=0.75), 0.8) == 1.0  # all on the right foot
    assert transfer_of(Axes(right_share=0.2), 0.8) == -1.0  # past the left foot: clipped
    assert transfer_of(Axes(right_share=0.625), 0.8) == pytest.approx(0.5)
    assert transfer_of(Axes(lean_x=-0.4), 0.8) == pytest.approx(-0.5)  # no load cells


def test_lifting_each_foot_in_turn_for_the_hold_succeeds_and_is_measured():
    world = TRANSFER.new_world(params(lift_s=2.0, pace_s=3.0), 4, seed=1)
    outcomes = play(TRANSFER, world, standing(), 60)
    assert [o.success for o in outcomes] == [True] * 4
    assert [o.measures["foot"] for o in outcomes] == ["left", "right", "left", "right"]
    for o in outcomes:
        m = o.measures
        assert m["source"] == "load_cells" and m["touchdowns"] == 0
        assert m["time_on_one_leg_s"] == pytest.approx(2.0, abs=1.5 * DT)
        assert m["load_transfer_pct"] == 80.0  # the peak share on the standing side, as fed
        side = "right" if m["foot"] == "left" else "left"
        assert m[f"load_on_{side}_side_pct"] == 80.0
        assert m[f"time_on_{side}_leg_s"] == m["time_on_one_leg_s"]
        assert f"load_on_{m['foot']}_side_pct" not in m
        assert m["min_lifted_foot_load_pct"] == 0.0
        assert m["reaction_time_s"] == pytest.approx(DT, abs=DT)
        assert o.score >= 90


def test_a_foot_that_comes_down_is_a_touch_down_and_too_many_end_the_try():
    def wobbly(world):  # up for 0.5 s, down for 0.2 s, again and again
        if world.phase not in ("shift", "up"):
            return Axes(right_share=0.5)
        phase = (world.t_s - world.t_cue_s) % 0.7
        return Axes(right_share=ON_ONE_FOOT if phase < 0.5 else 0.5)

    strict = TRANSFER.new_world(params(lift_s=3.0, max_touchdowns=0, sides=["left"]), 1, seed=1)
    [failed] = play(TRANSFER, strict, wobbly, 20)
    assert not failed.success and failed.measures["touchdowns"] == 1
    assert failed.measures["time_on_one_leg_s"] == pytest.approx(0.5, abs=2 * DT)
    lenient = TRANSFER.new_world(params(lift_s=1.2, max_touchdowns=3, sides=["left"]), 1, seed=1)
    [passed] = play(TRANSFER, lenient, wobbly, 20)
    assert passed.success and passed.measures["touchdowns"] == 2
    assert passed.score < 90  # touch-downs cost points


def test_a_foot_never_lifted_fails_when_the_pace_runs_out():
    world = TRANSFER.new_world(params(pace_s=2.0), 1, seed=1)
    [outcome] = play(TRANSFER, world, standing(share_on_foot=0.6), 20)
    assert not outcome.success and outcome.measures["reaction_time_s"] is None
    assert outcome.t_end_s - outcome.t_start_s == pytest.approx(2.0, abs=2 * DT)
    assert outcome.score == 0.0


def test_without_load_cells_a_far_lean_stands_in_for_one_foot():
    def leaning(world):
        if world.phase in ("shift", "up"):
            return Axes(0.85 if world.foot == "left" else -0.85, 0.0)
        return Axes()

    world = TRANSFER.new_world(params(lift_s=1.0, fallback_lean_pct=80.0), 2, seed=1)
    outcomes = play(TRANSFER, world, leaning, 30)
    assert all(o.success for o in outcomes)
    assert {o.measures["source"] for o in outcomes} == {"lean"}
    assert all(o.measures["load_transfer_pct"] is None for o in outcomes)
    goal = TRANSFER.goal(world)
    assert goal is None or goal.lift is None


def run_sim(spec_params, ability, n_trials, seed):
    limits = Limits.theoretical(170)
    control = ControlMap(limits)
    player = SimulatedPlayer(limits, ability, seed=seed)
    world = TRANSFER.new_world(spec_params, n_trials, seed)
    axes, t, outcomes, samples = Axes(), 0.0, [], []
    while not TRANSFER.finished(world) and t < 900:
        t += DT
        player.set_goal(TRANSFER.goal(world))
        new = [s for s in player.poll(t) if isinstance(s, Sample)]
        samples += [(world.phase, world.foot, s) for s in new]
        if new:
            axes = control.axes(new[-1].cop_x_mm, new[-1].cop_y_mm, new[-1].corners_kg)
        outcomes += TRANSFER.step(world, axes, DT, t)
    return outcomes, samples, player


def test_the_simulated_player_stands_on_one_leg_with_realistic_corner_loads():
    outcomes, samples, player = run_sim(params(lift_s=3.0), 0.8, 6, seed=2)
    assert sum(o.success for o in outcomes) >= 5
    up = [(foot, s.corners_kg) for phase, foot, s in samples if phase == "up"]
    assert len(up) > 1000
    # a rigid plate: the load on each side's cells follows where the load acts, the lever rule
    # (the load acting within the standing foot's sole, 45 mm either side of its centre)
    expected_standing = (1 + player.stance_mm / BOARD_HALF_ML_MM) / 2
    within_sole = 45 / (2 * BOARD_HALF_ML_MM) + 0.01
    on_sole = 0
    for foot, (tl, tr, bl, br) in up:
        total = tl + tr + bl + br
        assert total == pytest.approx(player.weight_kg, abs=0.2)  # the weight is all there
        standing_share = (tr + br if foot == "left" else tl + bl) / total
        on_sole += abs(standing_share - expected_standing) < within_sole
    assert on_sole >= 0.95 * len(up)  # the rest: a touch-down the game has not judged yet


def test_an_unsteady_simulated_player_touches_down_more_than_an_able_one():
    def touchdowns(ability):
        outcomes, _, _ = run_sim(params(lift_s=8.0, max_touchdowns=5), ability, 6, seed=3)
        return sum(o.measures["touchdowns"] for o in outcomes)

    assert touchdowns(0.2) > touchdowns(0.9) + 3


def test_the_quality_gate_leaves_a_lifted_foot_alone_only_when_lifting_is_the_task(tmp_path):
    with Database(tmp_path / "gate.db") as db:
        player = add_player(db, "Ada")
        recorder = SessionRecorder(db, player.id, "sim", 0)
        session = GameSession(recorder, ControlMap(Limits.theoretical(170)), 70.0, seed=0)
        # all the weight on the right-hand cells: the left side carries nothing
        session.ingest([Sample(t / 100, 200.0, 0.0, (0.0, 35.0, 0.0, 35.0)) for t in range(50)],
                       0.5)
        outcome = TrialOutcome(0, 0.0, 0.5, True, 80.0)
        session.start_level(find_level("reach-01"))
        assert session.judge(outcome)[0] is False
        session.start_level(find_level("transfer-01"))
        success, extra = session.judge(outcome)
        assert success is True and extra["min_foot_load_pct"] == 0.0
        recorder.finish()


def test_the_goal_asks_the_simulated_player_to_lift_the_named_foot():
    world = TRANSFER.new_world(params(sides=["right"]), 1, seed=1)
    TRANSFER.start_trial(world, 0.0)
    assert TRANSFER.goal(world) == Goal(-0.8, 0.0, precision=0.1, lift="right")
