"""SIGTERM and SIGHUP close a session like Ctrl-C; a busy database is waited for while the game
goes on; a database deleted mid-session is an error (issue 18, items 6 and 8)."""

import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from balance_game.core.records import Sample
from balance_game.errors import UserError
from balance_game.storage import sessions as sessions_module
from balance_game.storage.db import Database
from balance_game.storage.players import add_player
from balance_game.storage.sessions import SessionRecorder, session_record, session_sample_array
from tests.db_probe import stored_blocks


def _start_play(tmp_path):
    db = tmp_path / "a.db"
    env = {**os.environ, "BALANCE_GAME_DB": str(db),
           "BALANCE_GAME_CONFIG": str(tmp_path / "settings.yaml")}
    proc = subprocess.Popen([sys.executable, "-m", "balance_game", "play", "--headless",
                             "--device", "sim", "--seconds", "120"], env=env, cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60  # a wait for the start, not a measurement
    while stored_blocks(db) < 1 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    assert stored_blocks(db) >= 1, proc.stderr.read() if proc.poll() is not None else "no samples"
    return db, proc


@pytest.mark.realtime
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_termination_signal_closes_the_session(tmp_path, signum):
    db, proc = _start_play(tmp_path)
    try:
        proc.send_signal(signum)
        _, stderr = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 128 + signum, stderr
    assert stderr.strip().splitlines() == [f"balance-game: stopped ({signum.name})"]
    with Database(db) as store:
        record = session_record(store, 1)
    assert record["ended_at"] is not None
    assert ("session_end", "stopped") in [(e["type"], e["reason"]) for e in record["events"]]


@pytest.mark.realtime
def test_deleting_the_database_mid_session_is_an_error(tmp_path):
    db, proc = _start_play(tmp_path)
    try:
        for suffix in ("", "-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(f"{db}{suffix}")
        _, stderr = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 2, stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and "deleted or moved" in lines[0], stderr


# --- a busy database, in process ----------------------------------------------------------------
class _Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


class _CountingDatabase(Database):
    attempts = 0

    def transaction(self):
        type(self).attempts += 1
        return super().transaction()


@contextlib.contextmanager
def _held(path):
    """Another connection holding the write lock (as another program would)."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN EXCLUSIVE")
    try:
        yield
    finally:
        conn.execute("ROLLBACK")
        conn.close()


def _recorder(tmp_path, clock):
    db = _CountingDatabase(tmp_path / "b.db")
    return db, SessionRecorder(db, add_player(db, "Ann").id, "test", 0, clock=clock)


def _samples(t_from, n):
    return [Sample(t_from + i / 100, 0.0, 0.0, (17.5, 17.5, 17.5, 17.5)) for i in range(n)]


def test_a_busy_database_loses_nothing_and_backs_off(tmp_path):
    clock = _Clock()
    db, recorder = _recorder(tmp_path, clock)
    with _held(db.path):
        _CountingDatabase.attempts = 0
        for sample in _samples(0.0, 500):  # five seconds of samples, flushes due every second
            recorder.add_sample(sample)
        recorder.add_event(2.0, "pause", "user")
        assert _CountingDatabase.attempts == 1  # then backing off: the game goes on
        clock.now += sessions_module.BUSY_RETRY_FIRST_S
        recorder.add_event(3.0, "resume", "user")
        assert _CountingDatabase.attempts == 2
    clock.now += 10.0
    recorder.finish()
    rows = session_sample_array(db, recorder.session_id)
    assert len(rows) == 500 and list(rows[:, 0]) == [s.t_s for s in _samples(0.0, 500)]
    events = [(e["type"], e["reason"]) for e in session_record(db, recorder.session_id)["events"]]
    assert events == [("pause", "user"), ("resume", "user")]


def test_a_database_busy_for_too_long_is_one_line(tmp_path):
    clock = _Clock()
    db, recorder = _recorder(tmp_path, clock)
    with _held(db.path):
        recorder.add_event(1.0, "pause", "user")
        clock.now += sessions_module.MAX_BUSY_S + 1
        with pytest.raises(UserError, match="in use by another program"):
            recorder.add_event(2.0, "resume", "user")


def test_the_wait_for_a_busy_database_is_30_s_unless_shortened(tmp_path, monkeypatch):
    """Thirty seconds by design (a backup or sync tool may hold the file that long); only the
    environment can shorten it (the real-time test of a lock taken mid-session does), never
    lengthen it or make it nonsense."""
    monkeypatch.delenv(sessions_module.MAX_BUSY_ENV, raising=False)
    clock = _Clock()
    db, recorder = _recorder(tmp_path, clock)
    assert recorder.max_busy_s == 30.0
    with _held(db.path):
        recorder.add_event(1.0, "pause", "user")
        clock.now += 29.9  # past the back-off: this write is tried, and still waits
        recorder.add_event(2.0, "resume", "user")
        clock.now += 0.6  # past the next back-off (0.5 s), and past 30 s
        with pytest.raises(UserError, match=r"waited 30 s"):
            recorder.add_event(3.0, "resume", "user")
    for value, expected in [("1.5", 1.5), ("0", 0.0), ("100", 30.0), ("-1", 30.0), ("nan", 30.0),
                            ("soon", 30.0)]:
        monkeypatch.setenv(sessions_module.MAX_BUSY_ENV, value)
        assert sessions_module.max_busy_wait_s() == expected, value
