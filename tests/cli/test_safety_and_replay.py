import json
import sqlite3

import pytest


def events_of(run_cli, db):
    (session,) = json.loads(run_cli("sessions", "--json", "--db", str(db)).stdout)
    return [(e["t_s"], e["type"], e["reason"]) for e in session["events"]]


def test_scripted_step_off_and_lost_board_pause_and_resume_without_scoring(run_cli, tmp_path):
    db = tmp_path / "s.db"
    result = run_cli("play", "--headless", "--fast", "--device", "sim", "--seconds", "30",
                     "--sim-events", "stepoff@5,return@9,lost@15,back@18", "--db", str(db))
    assert result.returncode == 0, result.stderr
    events = events_of(run_cli, db)
    assert (5.0, "pause", "step_off") in events
    assert (5.0, "trial_aborted", "step_off") in events
    resume_t = next(t for t, kind, why in events if (kind, why) == ("resume", "step_off"))
    assert 9.0 < resume_t <= 10.1  # back on the board and steady for a second
    assert (15.0, "pause", "device_lost") in events and (18.0, "resume", "device_lost") in events
    with sqlite3.connect(db) as conn:
        trials = conn.execute("SELECT t_start_s, t_end_s FROM trials").fetchall()
        active = conn.execute("SELECT active_s FROM sessions").fetchone()[0]
    for start, end in trials:  # no scored trial overlaps a pause
        assert end <= 5.0 or start >= resume_t
        assert end <= 15.0 or start >= 18.0
    assert active == pytest.approx(30 - (resume_t - 5.0) - 3.0, abs=0.05)


def test_replay_reproduces_the_recorded_trials(run_cli, tmp_path):
    db = tmp_path / "r.db"
    run_cli("play", "--headless", "--fast", "--device", "sim", "--seconds", "25", "--seed", "3",
            "--sim-events", "stepoff@6,return@8", "--db", str(db))
    with sqlite3.connect(db) as conn:
        recorded = conn.execute("SELECT trial_index, success, score, difficulty FROM trials"
                                " ORDER BY id").fetchall()
    result = run_cli("replay", "1", "--headless", "--db", str(db))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == len(recorded) >= 3
    for line, (index, success, score, difficulty) in zip(lines, recorded, strict=True):
        assert line.startswith(f"reach-01 trial {index + 1}: {'success' if success else 'miss'}")
        assert f"score {score:g}," in line  # bit for bit: the game played on the stored values
        assert line.endswith(f"difficulty {difficulty:g}")
    assert run_cli("replay", "42", "--headless", "--db", str(db)).returncode == 2
