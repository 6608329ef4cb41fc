"""Prescriptions: validation like level files, storage on the player, today's plan."""

import json
from datetime import date
from pathlib import Path

import pytest
import yaml

from balance_game.core.levels import load_levels
from balance_game.core.prescriptions import (
    Prescription,
    SessionActivity,
    Target,
    adherence,
    load_prescription,
)
from balance_game.core.validation import DataFileError
from balance_game.storage.assessments import save_assessment
from balance_game.storage.db import Database
from balance_game.storage.players import add_player
from balance_game.storage.prescriptions import player_prescription, prescribe, todays_plan
from balance_game.storage.sessions import SessionRecorder

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "docs" / "prescription-example.yaml"
GOOD = {
    "levels": ["reach-01"], "minutes_per_session": 15, "sessions_per_week": 5,
    "max_lean_pct": 60, "max_difficulty": 0.7, "eyes_closed": False, "foam": False,
    "target_success": 0.75,
}


def write(tmp_path, data, name="rx.yaml"):
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else yaml.safe_dump(data), encoding="utf-8")
    return path


def problems(tmp_path, data):
    path = write(tmp_path, data)
    with pytest.raises(DataFileError) as info:
        load_prescription(path)
    assert all(p.startswith(f"{path}: ") for p in info.value.problems)
    return [p[len(str(path)) + 2:] for p in info.value.problems]


def test_the_shipped_example_is_valid():
    rx = load_prescription(EXAMPLE)
    assert rx.levels == ("reach-01", "reach-02") and rx.mechanics == ()
    assert (rx.minutes_per_session, rx.sessions_per_week) == (15.0, 5)
    assert rx.note and not rx.eyes_closed and not rx.foam
    assert Prescription.from_json(rx.to_json()) == rx


def test_a_good_file_loads_into_a_frozen_record(tmp_path):
    rx = load_prescription(write(tmp_path, {**GOOD, "mechanics": ["reach"], "note": "soft knees"}))
    assert rx.mechanics == ("reach",) and rx.note == "soft knees" and rx.target_success == 0.75
    with pytest.raises(AttributeError):
        rx.foam = True  # type: ignore[misc]


@pytest.mark.parametrize(("change", "expected"), [
    ({"colour": "red"}, "colour: is not a known key (known keys: minutes_per_session"),
    ({"minutes_per_session": None}, "minutes_per_session: is empty (a number from 1 to 120)"),
    ({"minutes_per_session": "ten"}, "minutes_per_session: is the text 'ten' (a number from 1 to 120)"),
    ({"sessions_per_week": 2.5}, "sessions_per_week: is the number 2.5 (a whole number from 1 to 21)"),
    ({"max_lean_pct": 10}, "max_lean_pct: is 10, out of range (a number from 20 to 100)"),
    ({"max_lean_pct": 101}, "max_lean_pct: is 101, out of range (a number from 20 to 100)"),
    ({"max_difficulty": 1.5}, "max_difficulty: is 1.5, out of range (a number from 0 to 1)"),
    ({"target_success": 0.5}, "target_success: is 0.5, out of range (a number from 0.6 to 0.9)"),
    ({"target_success": 0.95}, "target_success: is 0.95, out of range (a number from 0.6 to 0.9)"),
    ({"eyes_closed": "no"}, "eyes_closed: is 'no' (true or false)"),
    ({"foam": 1}, "foam: is 1 (true or false)"),
    ({"levels": ["reach-01", "reach-99"]}, "levels[1]: is 'reach-99', not a known level (one of: reach-01"),
    ({"levels": "reach-01"}, "levels: is the text 'reach-01' (a non-empty list"),
    ({"mechanics": ["juggle"]}, "mechanics[0]: is 'juggle', not a known mechanic "
     "(one of: catch, dual, reach, rhythm, slalom, steady, tilt, track, transfer)"),
    ({"note": ""}, "note: is the text '' (non-empty text up to 1000 characters)"),
])
def test_each_kind_of_mistake_names_the_key_and_what_is_valid(tmp_path, change, expected):
    (found,) = problems(tmp_path, {**GOOD, **change})
    assert found.startswith(expected)


@pytest.mark.parametrize("key", ["minutes_per_session", "sessions_per_week", "max_lean_pct",
                                 "max_difficulty", "eyes_closed", "foam", "target_success"])
def test_a_missing_key_is_named(tmp_path, key):
    data = dict(GOOD)
    del data[key]
    assert problems(tmp_path, data) == [f"{key}: is missing (add {key}: ...)"]


def test_no_levels_and_no_mechanics_is_an_error(tmp_path):
    data = {k: v for k, v in GOOD.items() if k != "levels"}
    (found,) = problems(tmp_path, {**data, "mechanics": []})
    assert found.startswith("levels: is missing or empty, and so is mechanics")


def test_every_problem_is_listed_and_bad_yaml_names_the_line(tmp_path):
    found = problems(tmp_path, {**GOOD, "foam": "x", "max_difficulty": 2, "extra": 1})
    assert len(found) == 3
    assert problems(tmp_path, "just text") == [
        "(top): is the text 'just text' (a mapping of key: value)"]
    (syntax,) = problems(tmp_path, "levels: [reach-01\nfoam: false\n")
    assert syntax.startswith("YAML syntax error at line")


def _session(db, player_id, started_at, active_s):
    return db.execute("INSERT INTO sessions (player_id, started_at, device, software_version,"
                      " active_s) VALUES (?, ?, 'sim', 'test', ?)", (player_id, started_at, active_s))


def test_todays_plan_counts_minutes_today_and_this_week(tmp_path):
    with Database(tmp_path / "a.db") as db:
        ada = add_player(db, "Ada")
        plan = todays_plan(db, "Ada", today=date(2026, 11, 25))
        assert not plan.prescribed
        assert plan.levels == tuple(spec.id for spec in load_levels())
        assert plan.minutes_today == 0 and plan.minutes_left_today == 10
        prescribe(db, "Ada", write(tmp_path, {**GOOD, "levels": ["reach-02"], "note": "hi"}))
        assert player_prescription(db, ada).levels == ("reach-02",)
        _session(db, ada.id, "2026-11-22T10:00:00+01:00", 900)  # Sunday: last week
        _session(db, ada.id, "2026-11-23T10:00:00+01:00", 900)  # Monday: a full 15 min
        _session(db, ada.id, "2026-11-25T08:00:00-05:00", 240)  # Wednesday, today: short
        _session(db, ada.id, "2026-11-25T23:30:00-05:00", 120)  # today where it was played
        _session(db, ada.id, "2026-11-26T09:00:00+01:00", 999)  # tomorrow: not counted
        plan = todays_plan(db, "Ada", today=date(2026, 11, 25))
        assert plan.prescribed and plan.levels == ("reach-02",) and plan.note == "hi"
        assert (plan.sessions_today, plan.minutes_today) == (0, 6.0)
        assert (plan.sessions_this_week, plan.minutes_this_week) == (1, 21.0)
        assert plan.short_sessions_this_week == 2 and plan.minutes_per_week == 75
        assert plan.minutes_left_today == 9.0 and not plan.done_today
        assert not plan.week_target_met and plan.max_difficulty == 0.7
        assert plan.to_dict()["day"] == "2026-11-25"
        _session(db, ada.id, "2026-11-25T12:00:00-05:00", 900)
        assert todays_plan(db, ada, today=date(2026, 11, 25)).done_today


def test_a_short_session_and_a_test_session_do_not_make_a_week(tmp_path):
    """5 x 15 min prescribed: four full sessions, a 5-second stub and a 20-minute test session
    give 4 sessions and 60 training minutes: not met. A fifth full session meets it."""
    with Database(tmp_path / "w.db") as db:
        ada = add_player(db, "Ada")
        prescribe(db, "Ada", write(tmp_path, GOOD))
        for day in (23, 24, 25, 26):
            _session(db, ada.id, f"2026-11-{day}T10:00:00+01:00", 900)
        _session(db, ada.id, "2026-11-27T10:00:00+01:00", 5)
        test_session = SessionRecorder(db, ada.id, "sim", seed=1)  # a real recorded test
        test_session.set_active_s(1200)
        test_session.add_event(0.0, "assessment_start", "quiet")
        test_session.finish()
        save_assessment(db, ada.id, test_session.session_id, "quiet", {"conditions": {}})
        db.execute("UPDATE sessions SET started_at = '2026-11-27T11:00:00+01:00' WHERE id = ?",
                   (test_session.session_id,))
        plan = todays_plan(db, ada, today=date(2026, 11, 29))
        assert (plan.sessions_this_week, plan.short_sessions_this_week, plan.tests_this_week) == (
            4, 1, 1)
        assert plan.minutes_this_week == pytest.approx(60 + 5 / 60, abs=0.01)
        assert not plan.week_target_met
        _session(db, ada.id, "2026-11-28T10:00:00+01:00", 900)
        plan = todays_plan(db, ada, today=date(2026, 11, 29))
        assert plan.sessions_this_week == 5 and plan.week_target_met


def test_a_week_needs_both_its_sessions_and_its_minutes():
    target = Target(minutes_per_session=10, sessions_per_week=2)
    day = date(2026, 11, 23)
    full = SessionActivity(day, 10.0)
    assert adherence(target, [full, full]).met(target)
    assert not adherence(target, [full]).met(target)  # minutes 10 of 20, sessions 1 of 2
    many_short = [SessionActivity(day, 4.0)] * 6  # 24 minutes, no session of 10
    assert not adherence(target, many_short).met(target)
    tests = [SessionActivity(day, 30.0, ("quiet",))] * 3
    week = adherence(target, [full, *tests])
    assert (week.sessions, week.minutes, week.tests) == (1, 10.0, 3) and not week.met(target)
    assert target.counts(SessionActivity(day, 9.96))  # 10.0 to the nearest 0.1 min


def test_cli_prescribe_and_plan(run_cli, tmp_path):
    db = str(tmp_path / "c.db")
    assert run_cli("players", "add", "Ada", "--db", db).returncode == 0
    ok = run_cli("players", "prescribe", "Ada", str(EXAMPLE), "--db", db)
    assert ok.returncode == 0, ok.stderr
    assert "15 min x 5/week" in ok.stdout
    plan = run_cli("players", "plan", "Ada", "--db", db)
    assert "reach-01, reach-02" in plan.stdout and "0 of 5 sessions" in plan.stdout
    bad = run_cli("players", "prescribe", "Ada", str(write(tmp_path, {**GOOD, "foam": 3})), "--db", db)
    assert bad.returncode == 2
    assert bad.stderr.strip().splitlines() == [
        f"balance-game: error: {tmp_path / 'rx.yaml'}: foam: is 3 (true or false)"]
    nobody = run_cli("players", "prescribe", "Bob", str(EXAMPLE), "--db", db)
    assert nobody.returncode == 2 and len(nobody.stderr.strip().splitlines()) == 1


def test_cli_birth_year_is_stored_and_checked(run_cli, tmp_path):
    db = str(tmp_path / "b.db")
    assert run_cli("players", "add", "Ada", "--birth-year", "1948", "--db", db).returncode == 0
    listed = json.loads(run_cli("players", "--json", "--db", db).stdout)
    assert listed[0]["birth_year"] == 1948
    ok = run_cli("players", "set", "Ada", "--birth-year", "1951", "--db", db)
    assert ok.returncode == 0 and "born 1951" in ok.stdout
    for bad in ("1850", "2999"):
        wrong = run_cli("players", "set", "Ada", "--birth-year", bad, "--db", db)
        assert wrong.returncode == 2 and len(wrong.stderr.strip().splitlines()) == 1
        assert "birth year" in wrong.stderr
    assert "born 1951" in run_cli("players", "--db", db).stdout
