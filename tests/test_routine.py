"""Today's routine, built purely: parts, length, choice of games, determinism."""

from datetime import date

import pytest
import yaml

from balance_game.core.levels import load_levels
from balance_game.core.routine import (
    CHECK_S,
    CHECK_SETUP_S,
    MAX_TRIALS,
    MIN_TRIALS,
    REST_S,
    WARMUP_MIN,
    LevelRecord,
    build_routine,
    routine_minutes,
    with_trials,
)
from balance_game.storage.db import Database
from balance_game.storage.players import add_player
from balance_game.storage.prescriptions import prescribe, todays_routine
from balance_game.storage.progress import save_progress

LEVELS = load_levels()
WORLD_1 = [s for s in LEVELS if s.world == 1]
WEDNESDAY = date(2026, 12, 2)  # weekday 2: five days left in the week, today included
MECHANIC = {s.id: s.mechanic for s in LEVELS}


def test_a_routine_is_warm_up_then_games_then_the_check_with_rests_between():
    routine = build_routine(WORLD_1, {}, 12.0, seed=1)
    kinds = [p.kind for p in routine.parts]
    assert kinds == ["warmup", "game", "game", "game", "check"]
    assert [p.rest_s for p in routine.parts] == [REST_S] * 4 + [0.0]
    assert routine.parts[-1].level_id is None and routine.parts[-1].seconds == CHECK_S + CHECK_SETUP_S
    games = [MECHANIC[p.level_id] for p in routine.games]
    assert len(set(games)) == 3, "three different games"
    assert MECHANIC[routine.parts[0].level_id] not in games, "the warm-up is another game"


def test_the_planned_parts_and_rests_add_up_to_the_minutes():
    for minutes, n_games in [(10.0, 3), (12.9, 3), (13.0, 4), (15.0, 4)]:
        routine = build_routine(WORLD_1, {}, minutes, seed=3)
        assert len(routine.games) == n_games
        total_s = sum(p.seconds + p.rest_s for p in routine.parts)
        assert total_s == pytest.approx(minutes * 60, abs=0.5)
        assert routine.parts[0].seconds == WARMUP_MIN * 60


def test_the_same_inputs_give_the_same_routine_and_seeds_vary_the_ties():
    assert build_routine(WORLD_1, {}, 12.0, seed=7) == build_routine(WORLD_1, {}, 12.0, seed=7)
    chosen = {tuple(p.level_id for p in build_routine(WORLD_1, {}, 12.0, seed=s).games)
              for s in range(10)}
    assert len(chosen) > 1, "among equally new games the seed takes turns"


def test_without_a_prescription_the_weakest_games_are_chosen():
    record = {s.id: LevelRecord(best_stars=3, plays=5) for s in WORLD_1}
    record["tilt-01"] = LevelRecord(best_stars=1, plays=4)
    record["catch-01"] = LevelRecord(best_stars=0, plays=2)
    del record["track-01"]  # never played: the weakest of all
    for seed in range(5):
        games = [p.level_id for p in build_routine(WORLD_1, record, 10.0, seed).games]
        assert games == ["track-01", "catch-01", "tilt-01"]


def test_the_prescribed_games_come_first():
    routine = build_routine(WORLD_1, {}, 12.0, seed=0, preferred=("slalom", "steady"),
                            prescribed=True)
    assert [MECHANIC[p.level_id] for p in routine.games][:2] == ["slalom", "steady"]
    assert routine.prescribed


def test_each_game_is_its_furthest_unlocked_level():
    open_levels = [*WORLD_1, *(s for s in LEVELS if s.id in ("reach-02", "reach-03"))]
    routine = build_routine(open_levels, {}, 12.0, seed=0, preferred=("reach",))
    assert routine.games[0].level_id == "reach-03"


def test_trials_follow_the_minutes_within_bounds():
    short = build_routine(WORLD_1, {}, 10.0, seed=0, preferred=("tilt", "catch", "slalom"))
    by_level = {p.level_id: p.trials for p in short.games}
    # (10 min - 1.5 warm-up - 35 s check - 4 rests of 20 s) / 3 games = 131.67 s per game
    assert by_level["tilt-01"] == round(131.67 / 9.0) == 15
    assert by_level["catch-01"] == MAX_TRIALS  # 131.67 / 3.0 = 44, capped
    assert all(MIN_TRIALS <= p.trials <= MAX_TRIALS for p in short.parts if p.level_id)


def test_a_short_demonstration_caps_trials_and_the_check():
    routine = with_trials(build_routine(WORLD_1, {}, 12.0, seed=0), trials=2, check_s=15.0)
    assert all(p.trials == 2 for p in routine.parts if p.level_id)
    assert routine.parts[-1].seconds == 15.0 + CHECK_SETUP_S


def test_no_open_level_is_a_clear_error():
    with pytest.raises(ValueError, match="no level"):
        build_routine([], {}, 10.0, seed=0)


@pytest.mark.parametrize(("done", "per_week", "prescribed", "expected"), [
    (0.0, 30.0, None, 10.0),  # 30 min over 5 days = 6 a day: the 10-minute floor
    (0.0, 70.0, None, 14.0),  # 70 / 5 = 14
    (10.0, 100.0, None, 15.0),  # 90 / 5 = 18: never above 15
    (95.0, 100.0, None, 10.0),  # nearly done for the week: still a full short routine
    (0.0, 70.0, 12.0, 12.0),  # never longer than the prescribed session
    (0.0, 35.0, 5.0, 5.0),  # a 5-minute prescription is kept, not stretched to 10
])
def test_the_length_adapts_to_the_minutes_done_this_week(done, per_week, prescribed, expected):
    assert routine_minutes(done, per_week, WEDNESDAY, prescribed) == expected


def test_on_sunday_the_whole_remainder_is_today():
    sunday = date(2026, 12, 6)
    assert routine_minutes(0.0, 12.0, sunday) == 12.0


def test_a_prescription_of_one_level_gives_a_routine_of_that_level():
    (reach,) = [s for s in LEVELS if s.id == "reach-01"]
    routine = build_routine([reach], {}, 10.0, seed=0, prescribed=True)
    assert [p.level_id for p in routine.parts] == ["reach-01", "reach-01", None]


def test_the_stored_prescription_and_progress_shape_todays_routine(tmp_path):
    rx = tmp_path / "rx.yaml"
    rx.write_text(yaml.safe_dump({
        "mechanics": ["slalom", "tilt"], "minutes_per_session": 12, "sessions_per_week": 3,
        "max_lean_pct": 60, "max_difficulty": 0.7, "eyes_closed": False, "foam": False,
        "target_success": 0.75}), encoding="utf-8")
    with Database(tmp_path / "r.db") as db:
        ann = add_player(db, "Ann")
        prescribe(db, "Ann", rx)
        save_progress(db, ann.id, "slalom-01", 0.5, 2)  # unlocks slalom-02
        routine = todays_routine(db, ann, seed=0, today=WEDNESDAY)
    assert routine.prescribed and routine.minutes == 10.0  # 36 min a week over 5 days: the floor
    assert [p.level_id for p in routine.games] == ["slalom-02", "tilt-01"]
