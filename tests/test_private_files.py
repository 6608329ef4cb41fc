"""Health data is readable by its owner only: every file the game writes is 0600, every folder
it creates 0700 (the database, exports, samples and record CSVs, board tares, the crash log,
the settings file)."""

import json
import os
import stat

import pytest

from balance_game.cli import main
from balance_game.demo import FAKE_BOARD_ENV
from balance_game.settings import Settings, save_settings, settings_path


@pytest.fixture(autouse=True)
def _loose_umask_and_private_homes(monkeypatch, tmp_path):
    """A umask that would let others read (022 is common): only explicit modes protect."""
    old = os.umask(0o022)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("BALANCE_GAME_DB", str(tmp_path / "data" / "balance_game" / "game.db"))
    yield
    os.umask(old)


def mode(path):
    return stat.S_IMODE(path.stat().st_mode)


def _main(*args):
    with pytest.raises(SystemExit) as exit_:
        main(list(args))
    return exit_.value.code


def test_database_samples_and_exports_are_private(tmp_path, capsys):
    assert _main("play", "--headless", "--fast", "--device", "sim", "--seconds", "2") == 0
    db = tmp_path / "data" / "balance_game" / "game.db"
    assert mode(db) == 0o600 and mode(db.parent) == 0o700
    out = tmp_path / "s.csv"
    out.write_text("an older file, readable by all\n")
    out.chmod(0o644)
    assert _main("samples", "1", "--out", str(out)) == 0
    assert mode(out) == 0o600 and out.read_text().startswith("t_s,")  # replaced, made private
    for fmt in ("csv", "json", "fhir"):
        folder = tmp_path / f"export-{fmt}" / "new"
        assert _main("export", "--player", "Guest", "--format", fmt, "--out", str(folder)) == 0
        assert mode(folder) == 0o700
        files = list(folder.iterdir())
        assert files and all(mode(f) == 0o600 for f in files)


@pytest.mark.realtime
def test_record_csv_and_board_tares_are_private(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv(FAKE_BOARD_ENV, "empty")
    assert _main("tare", "--device", "wbb") == 0
    boards = tmp_path / "data" / "balance_game" / "boards"
    (tare,) = boards.glob("*.json")
    assert json.loads(tare.read_text())["tare_kg"]
    assert mode(tare) == 0o600 and mode(boards) == 0o700 and mode(boards.parent) == 0o700
    assert _main("tare", "--device", "wbb") == 0  # saved again over the old one: still private
    assert mode(tare) == 0o600 and [p.name for p in boards.iterdir()] == [tare.name]
    out = tmp_path / "r.csv"
    assert _main("record", "--device", "wbb", "--seconds", "0.3", "--out", str(out)) == 0
    assert mode(out) == 0o600 and len(out.read_text().splitlines()) > 10


def test_the_crash_log_is_private(tmp_path, monkeypatch, capsys):
    def broken(*args, **kwargs):
        raise RuntimeError("a bug, with Ann's data in the traceback")

    monkeypatch.setattr("balance_game.cli.play.run_game", broken)
    monkeypatch.delenv("BALANCE_GAME_DEBUG", raising=False)
    assert _main("play", "--headless", "--device", "sim") == 1
    err = capsys.readouterr().err
    log = tmp_path / "data" / "balance_game" / "crash.log"
    assert err.count("\n") == 1 and str(log) in err
    assert "RuntimeError" in log.read_text()
    assert mode(log) == 0o600 and mode(log.parent) == 0o700


def test_the_settings_file_is_private(tmp_path, monkeypatch):
    monkeypatch.setenv("BALANCE_GAME_CONFIG", str(tmp_path / "config" / "bg" / "settings.yaml"))
    path = save_settings(Settings(last_player="Ann"))
    assert path == settings_path()
    assert mode(path) == 0o600 and mode(path.parent) == 0o700
