"""The database locked by another program, read-only, or on a full disk.

Every case: one clear line on stderr, exit status 2, nothing half-written (no partial CSV or
export), a database that passes its integrity check, and the samples recorded before the
failure still there. Full and read-only media are real tmpfs mounts where the test may mount
(root); otherwise a read-only folder, and a page limit on the connection, stand in.
"""

import contextlib
import os
import sqlite3
import subprocess
import sys
import time

import pytest

from balance_game.cli import main
from balance_game.storage import db as db_module
from tests.db_probe import stored_blocks


def _one_line_error(result, message):
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert result.stderr.count("\n") == 1 and message in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


def _sound(db, uri_options=""):
    """The integrity check passes; returns the number of stored samples."""
    target, uri = (f"file:{db}?{uri_options}", True) if uri_options else (db, False)
    with contextlib.closing(sqlite3.connect(target, uri=uri)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return conn.execute("SELECT COALESCE(SUM(n), 0) FROM sample_blocks").fetchone()[0]


def _no_leftovers(folder):
    """Nothing but the database and its journal files: no CSV, no hidden temporary file."""
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith(("a.db", "mnt")))


@contextlib.contextmanager
def _exclusive_lock(db):
    """Another process holding the database with BEGIN EXCLUSIVE until the block ends."""
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sqlite3, sys\n"
         f"c = sqlite3.connect({str(db)!r}, isolation_level=None)\n"
         "c.execute('BEGIN EXCLUSIVE')\n"
         "print('locked', flush=True)\n"
         "sys.stdin.read()\n"
         "c.execute('ROLLBACK')\n"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        yield
    finally:
        holder.stdin.close()
        holder.wait(timeout=10)


@contextlib.contextmanager
def _tmpfs(path, size):
    path.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)],
                             capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], check=False)


def _play(run_cli, db, seconds="3"):
    result = run_cli("play", "--headless", "--fast", "--device", "sim", "--seconds", seconds,
                     "--db", str(db))
    assert result.returncode == 0, result.stderr
    return result


# --- locked -------------------------------------------------------------------------------------
@pytest.mark.realtime
def test_locked_database_stops_play_with_one_line_and_readers_still_work(run_cli, tmp_path):
    db = tmp_path / "a.db"
    _play(run_cli, db)
    before = _sound(db)
    with _exclusive_lock(db):
        started = time.monotonic()
        result = run_cli("play", "--headless", "--fast", "--device", "sim", "--seconds", "3",
                         "--db", str(db))
        _one_line_error(result, "in use by another program; close it and retry")
        assert time.monotonic() - started < 20  # waits the busy timeout, then gives up
        # WAL: reading is not blocked by a writer, so the therapist's copies still work, whole.
        out = tmp_path / "s.csv"
        assert run_cli("samples", "1", "--out", str(out), "--db", str(db)).returncode == 0
        assert len(out.read_text().splitlines()) == before + 1
        exported = run_cli("export", "--player", "Guest", "--out", str(tmp_path / "exp"),
                           "--db", str(db))
        assert exported.returncode == 0, exported.stderr
    assert _sound(db) == before
    with contextlib.closing(sqlite3.connect(db)) as conn:
        assert conn.execute("SELECT COUNT(*) FROM sessions").fetchone()[0] == 1


@pytest.mark.realtime
def test_lock_taken_mid_session_ends_play_cleanly_and_keeps_what_was_flushed(tmp_path):
    db = tmp_path / "a.db"
    # the session waits out a busy database for 30 s (tests/reliability/test_signals_and_locks.py
    # holds it to that on a fake clock); here a real game in real time need only wait 1 s
    env = {**os.environ, "BALANCE_GAME_DB": str(db), "BALANCE_GAME_MAX_BUSY_S": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "balance_game", "play", "--headless",
                             "--device", "sim", "--seconds", "60"], env=env, cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 30
        while stored_blocks(db) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        with _exclusive_lock(db):
            blocks_before = stored_blocks(db)
            assert blocks_before >= 2
            _, stderr = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 2, stderr
    assert stderr.count("\n") == 1 and "in use by another program" in stderr, stderr
    assert "(waited 1 s)" in stderr, stderr
    assert _sound(db) >= blocks_before * 100 - 1  # every block flushed before the lock is kept
    assert stored_blocks(db) >= blocks_before


# --- read-only ----------------------------------------------------------------------------------
@pytest.fixture
def read_only_db(run_cli, tmp_path):
    """A database with one session on read-only media (root) or in a read-only folder."""
    if os.geteuid() == 0:
        with _tmpfs(tmp_path / "mnt", "8m") as mnt:
            db = mnt / "a.db"
            _play(run_cli, db)
            n = _sound(db)
            subprocess.run(["mount", "-o", "remount,ro", str(mnt)], check=True)
            yield db, n
        return
    folder = tmp_path / "ro"
    folder.mkdir()
    db = folder / "a.db"
    _play(run_cli, db)
    n = _sound(db)
    db.chmod(0o400)
    folder.chmod(0o500)
    try:
        yield db, n
    finally:
        folder.chmod(0o700)


def test_read_only_database_gives_one_line_for_play_samples_and_export(run_cli, tmp_path,
                                                                        read_only_db):
    db, n = read_only_db
    message = "the database or its folder is read-only"
    _one_line_error(run_cli("play", "--headless", "--fast", "--device", "sim", "--seconds", "2",
                            "--db", str(db)), message)
    out = tmp_path / "s.csv"
    _one_line_error(run_cli("samples", "1", "--out", str(out), "--db", str(db)), message)
    _one_line_error(run_cli("export", "--player", "Guest", "--out", str(tmp_path / "exp"),
                            "--db", str(db)), message)
    assert not out.exists() and not (tmp_path / "exp").exists()
    assert _sound(db, "immutable=1") == n  # closed cleanly before: the file alone is the database


# --- full disk ----------------------------------------------------------------------------------
def test_full_disk_mid_session_keeps_a_sound_database_and_its_samples(run_cli, tmp_path):
    with _tmpfs(tmp_path / "mnt", "300k") as mnt:
        db = mnt / "a.db"
        result = run_cli("play", "--headless", "--fast", "--device", "sim", "--seconds", "600",
                         "--db", str(db))
        _one_line_error(result, "the disk is full; free some space and retry")
        n = _sound(db)
        assert n >= 300  # what was flushed before the disk filled is still there
        with contextlib.closing(sqlite3.connect(db)) as conn:
            blocks = conn.execute("SELECT n FROM sample_blocks ORDER BY seq").fetchall()
        assert sum(b[0] for b in blocks) == n
        # Reading still works, and writing a CSV onto the full disk leaves nothing behind.
        _one_line_error(run_cli("samples", "1", "--out", str(mnt / "s.csv"), "--db", str(db)),
                        "cannot write the samples file (No space left on device)")
        assert _no_leftovers(mnt) == []
        assert run_cli("samples", "1", "--out", str(tmp_path / "s.csv"),
                       "--db", str(db)).returncode == 0
        assert len((tmp_path / "s.csv").read_text().splitlines()) == n + 1


def test_exports_and_samples_onto_a_full_disk_leave_no_partial_files(run_cli, tmp_path):
    db = tmp_path / "a.db"
    _play(run_cli, db, seconds="30")
    with _tmpfs(tmp_path / "mnt", "64k") as mnt:
        for fmt in ("csv", "json"):  # (a FHIR bundle has no samples: it is small)
            result = run_cli("export", "--player", "Guest", "--format", fmt, "--out",
                             str(mnt / "exp"), "--db", str(db))
            _one_line_error(result, "No space left on device")
            assert list((mnt / "exp").iterdir()) == []
        _one_line_error(run_cli("samples", "1", "--out", str(mnt / "s.csv"), "--db", str(db)),
                        "No space left on device")
        assert sorted(p.name for p in mnt.iterdir()) == ["exp"]
    assert _sound(db) == 3000


def test_full_database_without_a_mount_rolls_back_whole_blocks(monkeypatch, tmp_path, capsys):
    """Where no tmpfs can be mounted: a page limit on the game's connection fills the 'disk'."""
    db = tmp_path / "a.db"
    connect = db_module.Database._connect

    def limited(self):
        conn = connect(self)
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {max(pages, 20) + 6}")
        return conn

    monkeypatch.setattr(db_module.Database, "_connect", limited)
    with pytest.raises(SystemExit) as exit_:
        main(["play", "--headless", "--fast", "--device", "sim", "--seconds", "600",
              "--db", str(db)])
    err = capsys.readouterr().err
    assert exit_.value.code == 2 and err.count("\n") == 1 and "the disk is full" in err, err
    monkeypatch.undo()
    n = _sound(db)
    assert n > 0 and n % 100 == 0  # whole one-second blocks: none half-written
    with pytest.raises(SystemExit) as exit_:
        main(["samples", "1", "--out", str(tmp_path / "s.csv"), "--db", str(db)])
    assert exit_.value.code == 0
    assert len((tmp_path / "s.csv").read_text().splitlines()) == n + 1
