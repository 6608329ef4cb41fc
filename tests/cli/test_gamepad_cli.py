"""`play --device gamepad[:PROFILE]` without a pad: headless it refuses and records nothing."""

import sqlite3

import pytest

from balance_game.core.control import Limits
from balance_game.devices.select import SourceOptions, open_source
from balance_game.errors import UserError


def _sessions(db) -> int:
    if not db.exists():
        return 0
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT COUNT(*) FROM sessions").fetchone()[0]


def test_no_pad_headless_exits_2_and_records_no_session(run_cli, tmp_path):
    db = tmp_path / "pad.db"
    for device in ("gamepad", "gamepad:gamepad-standard"):
        result = run_cli("play", "--headless", "--device", device, "--seconds", "2",
                         "--db", str(db))
        assert result.returncode == 2
        assert result.stderr.strip() == ("balance-game: error: no gamepad connected (connect your "
                                         "gamepad and try again, or choose another --device)")
    assert _sessions(db) == 0


def test_unknown_gamepad_profile_is_named():
    with pytest.raises(UserError) as err:
        open_source("gamepad:nope", SourceOptions(Limits.theoretical(None)))
    assert str(err.value) == "unknown gamepad profile 'nope' (one of: gamepad-standard)"
