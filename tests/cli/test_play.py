import csv
import json
import os
import signal
import sqlite3
import stat
import subprocess
import sys
import time

import pytest


def sessions_json(run_cli, db):
    result = run_cli("sessions", "--json", "--db", str(db))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_headless_sim_session_is_recorded_with_trials_and_100_hz_samples(run_cli, tmp_path):
    db = tmp_path / "a.db"
    result = run_cli("play", "--headless", "--fast", "--device", "sim", "--seconds", "20",
                     "--db", str(db))
    assert result.returncode == 0, result.stderr
    (session,) = sessions_json(run_cli, db)
    assert {"id", "player", "started_at", "active_s", "n_trials", "n_samples", "levels",
            "events"} <= set(session)
    assert session["started_at"][-6] in "+-"  # ISO 8601 with an offset
    assert session["active_s"] == pytest.approx(20.0, abs=0.05)
    assert session["n_trials"] >= 3 and session["levels"] == ["reach-01"]
    assert all(set(e) == {"t_s", "type", "reason"} for e in session["events"])
    out = tmp_path / "s.csv"
    assert run_cli("samples", str(session["id"]), "--out", str(out), "--db", str(db)).returncode == 0
    with open(out, newline="") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == ["t_s", "tl_kg", "tr_kg", "bl_kg", "br_kg", "total_kg", "cop_x_mm",
                             "cop_y_mm"]
    assert len(rows) == pytest.approx(2000, abs=2)
    assert float(rows[0]["total_kg"]) == pytest.approx(70, abs=1)
    assert stat.S_IMODE(os.stat(db).st_mode) == 0o600  # health data: owner only


@pytest.mark.realtime
def test_fast_and_real_time_runs_give_identical_trials(run_cli, tmp_path):
    args = ["play", "--headless", "--device", "sim", "--seconds", "6", "--seed", "7",
            "--ability", "0.9", "--level", "reach-01"]
    assert run_cli(*args, "--fast", "--db", str(tmp_path / "fast.db")).returncode == 0
    started = time.monotonic()
    assert run_cli(*args, "--db", str(tmp_path / "real.db")).returncode == 0
    assert time.monotonic() - started >= 6.0  # real time really is real time

    def trials(db):
        with sqlite3.connect(db) as conn:
            return conn.execute("SELECT trial_index, t_start_s, t_end_s, success, score,"
                                " measures_json FROM trials ORDER BY id").fetchall()

    fast, real = trials(tmp_path / "fast.db"), trials(tmp_path / "real.db")
    assert fast and fast == real

    def blocks(db):
        with sqlite3.connect(db) as conn:
            return [n for (n,) in conn.execute("SELECT n FROM sample_blocks ORDER BY seq")]

    # In real time the samples are flushed every second of play (a kill loses at most that);
    # a fast run, a second of play a millisecond, flushes every ten seconds of play.
    real_blocks = blocks(tmp_path / "real.db")
    assert len(real_blocks) >= 6 and max(real_blocks) <= 101
    assert blocks(tmp_path / "fast.db") == [sum(real_blocks)]


def test_replay_of_exported_samples_plays_the_same_movement(run_cli, tmp_path):
    db = tmp_path / "a.db"
    run_cli("play", "--headless", "--fast", "--device", "sim", "--seconds", "8", "--db", str(db))
    out = tmp_path / "s.csv"
    run_cli("samples", "1", "--out", str(out), "--db", str(db))
    result = run_cli("play", "--headless", "--fast", "--device", f"replay:{out}", "--db", str(db))
    assert result.returncode == 0, result.stderr
    replayed = sessions_json(run_cli, db)[1]
    assert replayed["n_samples"] == 800
    assert replayed["active_s"] == pytest.approx(8.0, abs=0.1)  # ends when the recording does


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["play", "--headless", "--fast", "--level", "no-such-level"], "unknown level 'no-such-level'"),
        (["play", "--headless", "--fast", "--device", "sim", "--db", "/proc/nope/a.db"],
         "cannot create its folder"),
        (["play", "--headless", "--fast", "--device", "replay:{bad}"], "line 3: cop_x_mm is 'x'"),
        (["play", "--headless", "--fast", "--device", "replay:{missing}"], "cannot read"),
        (["play", "--headless", "--fast", "--device", "joystick9"], "unknown device 'joystick9'"),
        (["play", "--fast"], "--fast needs --headless"),
        (["samples", "99", "--out", "{tmp}/x.csv"], "no session 99"),
        (["sessions", "--player", "Nobody"], "no player named 'Nobody'"),
        (["players", "add", "Ann", "--height-cm", "20"], "out of range"),
    ],
)
def test_bad_input_gives_one_line_and_exit_2(run_cli, tmp_path, args, message):
    bad = tmp_path / "bad.csv"
    bad.write_text("t_s,cop_x_mm,cop_y_mm\n0.0,1,2\n0.01,x,2\n")
    fill = {"bad": bad, "missing": tmp_path / "missing.csv", "tmp": tmp_path}
    result = run_cli(*[a.format(**fill) for a in args])
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and message in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


def test_players_add_and_list(run_cli, tmp_path):
    assert run_cli("players", "add", "Ada", "--height-cm", "165", "--weight-kg", "60").returncode == 0
    listed = json.loads(run_cli("players", "--json").stdout)
    assert [(p["name"], p["height_cm"], p["weight_kg"]) for p in listed] == [("Ada", 165, 60)]
    assert listed[0]["pseudonym"].startswith("P-")
    again = run_cli("players", "add", "Ada")
    assert again.returncode == 2 and "already exists" in again.stderr


def test_every_command_has_help(run_cli):
    from click.testing import CliRunner

    from balance_game.cli import cli

    def walk(group, prefix):
        for name, command in group.commands.items():
            yield [*prefix, name]
            if hasattr(command, "commands"):
                yield from walk(command, [*prefix, name])

    runner = CliRunner()
    for words in [[], *walk(cli, [])]:
        result = runner.invoke(cli, [*words, "--help"], prog_name="balance-game")
        assert result.exit_code == 0 and "Usage:" in result.output, words
        assert len(cli.get_command(None, words[0]).help or "") > 10 if words else True
    assert run_cli("--help").returncode == 0  # and once as a real process
    version = run_cli("--version")
    assert version.returncode == 0 and "balance-game" in version.stdout


@pytest.mark.realtime
def test_sigkill_mid_session_keeps_a_sound_database_and_all_but_the_last_second(tmp_path):
    db = tmp_path / "k.db"
    env = {**os.environ, "BALANCE_GAME_DB": str(db)}
    proc = subprocess.Popen([sys.executable, "-m", "balance_game", "play", "--headless",
                             "--device", "sim", "--seconds", "60"], env=env)
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:  # wait for the first flushed block
            if db.exists():
                with sqlite3.connect(db) as conn:
                    try:
                        if conn.execute("SELECT COUNT(*) FROM sample_blocks").fetchone()[0]:
                            break
                    except sqlite3.OperationalError:
                        pass
            time.sleep(0.05)
        first_block_at = time.monotonic()
        time.sleep(3.0)
        proc.send_signal(signal.SIGKILL)
        killed_after = time.monotonic() - first_block_at
    finally:
        proc.wait(timeout=10)
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        blocks = conn.execute("SELECT t0_s, n FROM sample_blocks ORDER BY seq").fetchall()
    n = sum(b[1] for b in blocks)
    last_t = blocks[-1][0] + (blocks[-1][1] - 1) * 0.01
    assert n == pytest.approx(last_t * 100, abs=1)  # nothing missing before the last flush
    # Flushing went on after the first block. How much game time three seconds of wall time
    # hold depends on the machine's load, so the loss is not measured against the wall clock.
    assert len(blocks) >= 2 and killed_after >= 3.0


def test_attended_sessions_and_notes_are_recorded(run_cli, tmp_path):
    db = tmp_path / "n.db"
    assert run_cli("play", "--headless", "--fast", "--device", "sim", "--seconds", "3",
                   "--attended", "--db", str(db)).returncode == 0
    assert run_cli("note", "1", "used the counter once", "--pain-before", "2", "--pain-after",
                   "1", "--db", str(db)).returncode == 0
    with sqlite3.connect(db) as conn:
        row = conn.execute("SELECT attended, notes, pain_before, pain_after FROM sessions").fetchone()
    assert row == (1, "used the counter once", 2, 1)
    bad = run_cli("note", "1", "--pain-after", "11", "--db", str(db))
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1


def test_no_screen_is_one_clear_line(run_cli, tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "DISPLAY"}
    env["SDL_VIDEODRIVER"] = "x11"
    result = subprocess.run([sys.executable, "-m", "balance_game", "--window", "--db",
                             str(tmp_path / "w.db")], capture_output=True, text=True, env=env,
                            timeout=60)
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert "cannot open the game window" in result.stderr
