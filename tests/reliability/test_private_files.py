"""Private files whatever existed before, partial files of killed writers cleaned up, and one
atomic-write implementation (issue 18 item 8, issue 12 item 5)."""

import ast
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from balance_game.private_files import (
    atomic_private_path,
    atomic_private_text,
    clean_stale_partials,
    private_staging_dir,
)
from balance_game.storage.db import Database

PACKAGE = Path(__file__).resolve().parents[2] / "balance_game"


def _mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


def _dead_pid():
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_a_world_readable_database_and_its_journals_become_private(tmp_path):
    path = tmp_path / "a.db"
    with Database(path):
        pass
    for suffix in ("", "-wal", "-shm"):
        p = Path(f"{path}{suffix}")
        p.touch()
        os.chmod(p, 0o644)
    with Database(path):
        for suffix in ("", "-wal", "-shm"):
            assert _mode(f"{path}{suffix}") == 0o600, suffix


def test_a_replaced_file_is_private_whatever_its_mode_was(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("old")
    os.chmod(path, 0o644)
    with atomic_private_text(path) as out:
        out.write("new")
    assert path.read_text() == "new" and _mode(path) == 0o600


def test_a_failed_write_leaves_the_old_file_and_no_partial(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("old")
    with pytest.raises(RuntimeError), atomic_private_text(path) as out:
        out.write("half")
        raise RuntimeError("disk gone")
    assert path.read_text() == "old" and [p.name for p in tmp_path.iterdir()] == ["x.csv"]


def test_partials_of_killed_writers_are_cleaned_at_the_next_write(tmp_path):
    dead = _dead_pid()
    (tmp_path / f".x.csv.partial-{dead}").write_text("half")
    stage = tmp_path / f".export.partial-{dead}"
    stage.mkdir()
    (stage / "sessions.csv").write_text("half")
    mine = tmp_path / f".y.csv.partial-{os.getpid()}"
    mine.write_text("in progress")
    (tmp_path / ".notes.partial-abc").write_text("not ours")
    with atomic_private_path(tmp_path / "z.html") as temp:
        temp.write_text("whole")
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == [".notes.partial-abc", mine.name, "z.html"]
    assert clean_stale_partials(tmp_path) == []


def test_a_killed_export_is_cleaned_by_the_next_export(cli, tmp_path):
    assert cli("play", "--headless", "--fast", "--device", "sim", "--seconds", "2").returncode == 0
    out = tmp_path / "exp"
    out.mkdir()
    stage = out / f".export.partial-{_dead_pid()}"
    stage.mkdir()
    (stage / "trials.csv").write_text("half")
    done = cli("export", "--player", "Guest", "--out", out)
    assert done.returncode == 0, done.stderr
    assert not stage.exists()
    assert not [p for p in out.iterdir() if p.name.startswith(".")]


def test_staging_moves_every_file_or_none(tmp_path):
    with pytest.raises(RuntimeError), private_staging_dir(tmp_path, "export") as stage:
        (stage / "a.csv").write_text("a")
        raise RuntimeError("stop")
    assert list(tmp_path.iterdir()) == []
    with private_staging_dir(tmp_path, "export") as stage:
        (stage / "a.csv").write_text("a")
    assert [p.name for p in tmp_path.iterdir()] == ["a.csv"]


def test_one_atomic_write_implementation():
    """os.replace and hand-made temporary files appear only in private_files.py."""
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if path.name == "private_files.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr in ("replace", "mkstemp", "mkdtemp") \
                    and isinstance(node.value, ast.Name) and node.value.id in ("os", "tempfile"):
                offenders.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert offenders == []
