"""`balance-game today` and `balance-game family`, headless with the simulated player."""

from datetime import date, timedelta

from balance_game.core.rewards import STEADINESS_MEASURE
from balance_game.storage.activity import session_activity
from balance_game.storage.assessments import list_assessments, save_assessment
from balance_game.storage.db import Database
from balance_game.storage.players import add_player, find_player
from balance_game.storage.rewards import days_trained, player_rewards, stored_milestones
from balance_game.storage.sessions import SessionRecorder, session_record, session_trials

SHORT = ("--headless", "--fast", "--device", "sim", "--trials", "2")


def seed_history(db_path):
    """Ann trained 99.5 minutes yesterday and stood in a test, 40 days ago, far less steadily
    than anyone on the simulator does."""
    with Database(db_path) as db:
        ann = add_player(db, "Ann")
        recorder = SessionRecorder(db, ann.id, "sim", 0)
        recorder.set_active_s(99.5 * 60)
        recorder.finish()
        yesterday = (date.today() - timedelta(days=1)).isoformat() + "T10:00:00+00:00"
        db.execute("UPDATE sessions SET started_at = ? WHERE id = ?",
                   (yesterday, recorder.session_id))
        measures = {"valid": True, STEADINESS_MEASURE: 500.0}
        save_assessment(db, ann.id, None, "quiet",
                        {"conditions": {"eo_firm": {"measures": measures}}})
        earlier = (date.today() - timedelta(days=40)).isoformat() + "T10:00:00+00:00"
        db.execute("UPDATE assessments SET created_at = ?", (earlier,))


def test_todays_training_completes_a_routine_and_updates_calendar_bests_milestones(run_cli,
                                                                                   tmp_path):
    db_path = tmp_path / "t.db"
    seed_history(db_path)
    result = run_cli("today", *SHORT, "--check-seconds", "15", "--player", "Ann",
                     "--db", str(db_path))
    assert result.returncode == 0, result.stderr
    with Database(db_path) as db:
        ann = find_player(db, "Ann")
        session_id = db.scalar("SELECT MAX(id) FROM sessions")
        events = session_record(db, session_id)["events"]
        (start,) = [e for e in events if e["type"] == "routine_start"]
        parts = start["data"]["parts"]
        assert 10 <= start["data"]["minutes"] <= 15 and start["data"]["prescribed"] is False
        assert parts[0]["kind"] == "warmup" and parts[-1]["kind"] == "check"
        assert 3 <= sum(p["kind"] == "game" for p in parts) <= 4
        ends = [e for e in events if e["type"] == "routine_part_end"]
        assert [e["reason"] for e in ends] == [p["kind"] for p in parts], "every part recorded"
        assert [e["data"]["level"] for e in ends] == [p["level"] for p in parts]
        assert any(e["type"] == "routine_end" for e in events)
        # each level part played its two trials, in order
        trials = session_trials(db, session_id)
        played = [t["level_id"] for t in trials]
        expected = [p["level"] for p in parts if p["level"] for _ in range(2)]
        assert played == expected
        # the check: a valid quiet-stance measure, and the session still counts as training
        check = [a for a in list_assessments(db, ann.id, "quiet") if a["session_id"] == session_id]
        assert check and check[0]["results"]["routine_check"] is True
        assert check[0]["results"]["conditions"]["eo_firm"]["measures"]["valid"]
        assert not session_activity(db, ann.id)[-1].is_test
        # calendar: today is stamped
        assert date.today() in days_trained(db, ann.id)
        # personal bests: the best mean score of each level played
        level_ends = [e for e in events if e["type"] == "level_end"]
        bests: dict[str, float] = {}
        for e in level_ends:
            bests[e["reason"]] = max(bests.get(e["reason"], 0.0), e["data"]["mean_score"])
        stored = {r["level_id"]: r["best_score"] for r in db.query(
            "SELECT level_id, best_score FROM level_progress WHERE player_id = ?", (ann.id,))}
        assert stored == {k: round(v, 1) for k, v in bests.items()}
        # milestones: 99.5 minutes before, more today: 100 minutes, earned in this session
        milestones = {r["key"]: r["session_id"] for r in db.query(
            "SELECT key, session_id FROM milestones WHERE player_id = ?", (ann.id,))}
        assert milestones["minutes_100"] == session_id
        assert "every_game_tried" not in milestones
        # the check's measured sway, against the far less steady test of last month
        assert "steadier than last month" in player_rewards(db, ann).encouragement


def test_milestones_are_stored_once(run_cli, tmp_path):
    db_path = tmp_path / "t.db"
    seed_history(db_path)
    for seed in ("1", "2"):
        result = run_cli("today", *SHORT, "--check-seconds", "15", "--player", "Ann",
                         "--seed", seed, "--db", str(db_path))
        assert result.returncode == 0, result.stderr
    with Database(db_path) as db:
        ann = find_player(db, "Ann")
        first = db.scalar("SELECT MIN(id) FROM sessions WHERE player_id = ? AND id > 1", (ann.id,))
        assert list(stored_milestones(db, ann.id)).count("minutes_100") == 1
        assert db.scalar("SELECT session_id FROM milestones WHERE key = 'minutes_100'") == first


def test_a_family_session_of_three_records_each_players_own_turn(run_cli, tmp_path):
    db_path = tmp_path / "f.db"
    result = run_cli("family", "--players", "Ann, Bo,Cy", "--level", "steady-01", *SHORT,
                     "--db", str(db_path))
    assert result.returncode == 0, result.stderr
    with Database(db_path) as db:
        sessions = db.query("SELECT s.id, p.name FROM sessions s JOIN players p"
                            " ON p.id = s.player_id ORDER BY s.id")
        assert [s["name"] for s in sessions] == ["Ann", "Bo", "Cy"]
        for turn, session in enumerate(sessions, start=1):
            trials = session_trials(db, session["id"])
            assert [t["level_id"] for t in trials] == ["steady-01"] * 2
            record = session_record(db, session["id"])
            assert record["ended_at"], "each turn's session is closed"
            (family,) = [e for e in record["events"] if e["type"] == "family_turn"]
            assert family["data"] == {"family_session": sessions[0]["id"], "turn": turn,
                                      "players": 3, "level": "steady-01"}
            progress = db.query("SELECT plays FROM level_progress lp JOIN players p"
                                " ON p.id = lp.player_id WHERE p.name = ?", (session["name"],))
            assert progress == [{"plays": 1}], "the turn is in that player's own progress"


def test_bad_family_and_routine_input_is_one_line_and_exit_2(run_cli, tmp_path):
    db = str(tmp_path / "x.db")
    for args in (("family", "--players", "Ann", "--level", "steady-01"),
                 ("family", "--players", "Ann,Bo,Cy,Di,Ed", "--level", "steady-01"),
                 ("family", "--players", "Ann,Bo", "--level", "no-such-level", "--headless"),
                 ("today", "--check-seconds", "5", "--headless"),
                 ("today", "--fast")):
        result = run_cli(*args, "--db", db)
        assert result.returncode == 2, (args, result.stderr)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and "Traceback" not in result.stderr, (args, result.stderr)

