"""A safe pause on one leg: in the weight-transfer levels balance is judged against the standing
foot's sole (dsp/safety.OneLegWatch), so marching and holds never pause, while the centre of
pressure held past the foot's outer edge, far onto the toes, or a sudden collapse of the load
does."""

import math

import pytest

from balance_game.core.control import ControlMap, Limits
from balance_game.core.levels import find_level
from balance_game.core.records import Sample
from balance_game.dsp.safety import OneLegWatch
from balance_game.game.runner import RunRequest, run_game
from balance_game.game.scenes import GameOptions
from balance_game.game.session import GameSession
from balance_game.storage.db import Database
from balance_game.storage.players import add_player
from balance_game.storage.sessions import SessionRecorder

WEIGHT = 70.0
HALF_ML, HALF_AP = 216.5, 119.0  # the Wii board's load cells, either side of the middle
FOOT = 110.0  # the test player's feet, either side of the middle


def corners(x, y, total=WEIGHT):
    """(tl, tr, bl, br) of a rigid plate loaded at (x, y) mm: the lever rule."""
    right, front = (1 + x / HALF_ML) / 2, (1 + y / HALF_AP) / 2
    return (total * (1 - right) * front, total * right * front,
            total * (1 - right) * (1 - front), total * right * (1 - front))


def stream(path, t0=0.0, rate=100):
    """Samples of ``path(t) -> (x, y, total)`` for its duration, as a board sends them."""
    points, duration = path
    return [Sample(t0 + i / rate, *points(i / rate)[:2], corners(*points(i / rate)))
            for i in range(int(duration * rate))]


def one_leg_hold(seconds, foot=FOOT, sway=12.0):
    """Standing on the right foot, swaying across the sole at 1.3 Hz and forward and back."""
    return (lambda t: (foot + sway * math.sin(2 * math.pi * 1.3 * t),
                       8.0 * math.sin(2 * math.pi * 0.7 * t), WEIGHT), seconds)


def verdicts(samples, watch=None):
    watch = watch or OneLegWatch(108.25)
    return [(s.t_s, v) for s in samples
            if (v := watch.check(s.t_s, s.cop_x_mm, s.cop_y_mm, s.corners_kg, WEIGHT))]


def test_a_long_hold_and_brisk_marching_never_lose_balance():
    assert verdicts(stream(one_leg_hold(20.0))) == []

    def march(t):  # a step every 0.6 s: the weight swings from one foot to the other
        return (FOOT * math.sin(2 * math.pi * t / 1.2), 5.0 * math.sin(2 * math.pi * t), WEIGHT)

    assert verdicts(stream((march, 20.0))) == []
    # a wide stance: the feet 140 mm out, past where the watch assumes them at first
    assert verdicts(stream(one_leg_hold(20.0, foot=140.0))) == []


def test_the_centre_of_pressure_held_past_the_outer_edge_is_a_loss_of_balance_once():
    def falling(t):  # 3 s on the foot, then out past its outer edge (45 mm) and held there
        if t < 3.0:
            return FOOT + 10.0 * math.sin(2 * math.pi * 1.3 * t), 0.0, WEIGHT
        return min(FOOT + 60.0, FOOT + 200.0 * (t - 3.0)), 0.0, WEIGHT

    lost = verdicts(stream((falling, 5.0)))
    crossed = 3.0 + 45.0 / 200.0  # when the centre of pressure passed 45 mm outward
    assert [v for _, v in lost] == ["balance_lost"]
    assert lost[0][0] == pytest.approx(crossed + 0.5, abs=0.02)


def test_a_brief_brush_of_the_edge_and_a_quick_touch_down_do_not_pause():
    def brushing(t):  # 0.3 s out at the edge, then back; then the foot comes down at once
        if 2.0 <= t < 2.3:
            return FOOT + 55.0, 0.0, WEIGHT
        if 4.0 <= t < 4.5:
            return 20.0, 0.0, WEIGHT  # a touch-down: the weight back toward the middle
        return FOOT, 0.0, WEIGHT

    assert verdicts(stream((brushing, 8.0))) == []


def test_far_onto_the_toes_is_a_loss_of_balance():
    def toes(t):
        return FOOT, (0.0 if t < 2.0 else 85.0), WEIGHT

    assert [v for _, v in verdicts(stream((toes, 3.0)))] == ["balance_lost"]


def test_a_sudden_collapse_of_the_load_pauses_but_a_slow_lean_on_a_chair_does_not():
    def collapse(t):  # a knee gives way: 70 kg to 40 kg (57 %) in a tenth of a second
        return FOOT, 0.0, WEIGHT if t < 2.0 else max(40.0, WEIGHT - 300.0 * (t - 2.0))

    lost = verdicts(stream((collapse, 3.0)))
    assert [v for _, v in lost] == ["balance_lost"] and lost[0][0] < 2.1

    def chair(t):  # a hand takes more and more of the weight, over five seconds
        return FOOT, 0.0, WEIGHT - 6.0 * t

    assert verdicts(stream((chair, 5.0))) == []


def test_in_a_transfer_level_a_fall_on_one_leg_pauses_the_game(tmp_path):
    with Database(tmp_path / "fall.db") as db:
        player = add_player(db, "Ada")
        recorder = SessionRecorder(db, player.id, "scripted", 0)
        session = GameSession(recorder, ControlMap(Limits(60, 60, 60, 40)), WEIGHT, seed=0)
        session.start_level(find_level("transfer-03"))
        hold = stream(one_leg_hold(4.0))
        session.ingest(hold, hold[-1].t_s)
        assert not session.pause.paused  # 110 mm out is far past 125 % of 60 mm limits
        fall = stream(((lambda t: (FOOT + 70.0, 0.0, WEIGHT)), 1.0), t0=4.0)
        session.ingest(fall, fall[-1].t_s)
        assert session.pause.reasons == {"balance_lost"}
        recorder.finish()


@pytest.mark.parametrize(("level_id", "ability", "seed"),
                         [("transfer-02", 0.2, 1), ("transfer-03", 0.5, 2),
                          ("transfer-04", 0.2, 2)])
def test_the_simulated_player_marches_and_holds_with_no_balance_lost_pause(
        tmp_path, level_id, ability, seed):
    path = tmp_path / "sim.db"
    with Database(path) as db:
        add_player(db, "Ada", height_cm=170, weight_kg=WEIGHT)
    run_game(RunRequest(db_path=path, windowed=False, player="Ada", ability=ability,
                        options=GameOptions(headless=True, fast=True, seed=seed,
                                            level_id=level_id, device="sim")))
    with Database(path) as db:
        pauses = db.query("SELECT reason FROM events WHERE type = 'pause'")
        lifts = db.scalar("SELECT COUNT(*) FROM trials WHERE mechanic = 'transfer'")
    assert pauses == [] and lifts >= 8
