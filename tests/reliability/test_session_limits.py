"""A paused session still ends (issue 18, item 1): at --seconds, at the end of its input, or
after a pause longer than MAX_PAUSE_S, with the reason recorded."""

import pytest

from balance_game.core.control import ControlMap, Limits
from balance_game.game.session import MAX_PAUSE_S, GameSession
from balance_game.storage.db import Database
from balance_game.storage.players import add_player
from balance_game.storage.sessions import SessionRecorder, session_record

from .conftest import stored


@pytest.mark.parametrize("event", ["stepoff@5", "lost@5"])
def test_a_pause_does_not_outlast_seconds(cli, event):
    done = cli("play", "--headless", "--fast", "--device", "sim", "--seconds", "10",
               "--sim-events", event)
    assert done.returncode == 0, done.stderr
    last_t_s, events = stored(cli.db_path)
    assert last_t_s <= 10.0 + 1e-6
    assert ("session_end", "time_up") in [(e["type"], e["reason"]) for e in events]


def test_a_replay_that_pauses_ends_with_its_input(cli, tmp_path):
    """Absurd loads pause the game (stepped off); the file still ends the session."""
    rows = ["t_s,tl_kg,tr_kg,bl_kg,br_kg,total_kg,cop_x_mm,cop_y_mm"]
    rows += [f"{i / 100:.2f},0.1,0.1,0.1,0.1,0.4,0,0" for i in range(300)]
    (tmp_path / "off.csv").write_text("\n".join(rows) + "\n")
    done = cli("play", "--headless", "--fast", "--device", "replay:off.csv")
    assert done.returncode == 0, done.stderr
    _, events = stored(cli.db_path)
    kinds = [(e["type"], e["reason"]) for e in events]
    assert ("pause", "step_off") in kinds and ("session_end", "input_ended") in kinds


def test_an_assessment_left_paused_ends_after_the_pause_limit(cli):
    done = cli("assess", "quiet", "--player", "Ann", "--device", "sim", "--headless", "--fast",
               "--sim-events", "stepoff@3")
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1 and "paused" in done.stderr
    last_t_s, events = stored(cli.db_path)
    assert ("session_end", "pause_too_long") in [(e["type"], e["reason"]) for e in events]
    assert last_t_s <= 3.0 + MAX_PAUSE_S + 1.0


def _session(tmp_path) -> GameSession:
    db = Database(tmp_path / "s.db")
    recorder = SessionRecorder(db, add_player(db, "Ann").id, "test", 0)
    return GameSession(recorder, ControlMap(Limits.theoretical(None)), 70.0, 0)


def test_the_pause_limit_counts_from_the_start_of_the_pause(tmp_path):
    session = _session(tmp_path)
    assert session.limit_reached(100.0, None) is None
    session.pause_for("user", 100.0)
    session.resume_from("user", 150.0)
    session.pause_for("step_off", 200.0)
    session.pause_for("device_lost", 300.0)  # a second reason does not restart the count
    assert session.limit_reached(200.0 + MAX_PAUSE_S - 1, None) is None
    assert session.limit_reached(200.0 + MAX_PAUSE_S, None) == "pause_too_long"
    assert session.limit_reached(5.0, 5.0) == "time_up"
    session.device_ended = True
    assert session.limit_reached(6.0, None) == "input_ended"


def test_ending_records_the_reason(tmp_path):
    session = _session(tmp_path)
    session.end("pause_too_long")
    session.end("time_up")  # ending twice keeps the first reason
    with Database(tmp_path / "s.db") as db:
        events = session_record(db, session.recorder.session_id)["events"]
    assert [(e["type"], e["reason"]) for e in events] == [("session_end", "pause_too_long")]
