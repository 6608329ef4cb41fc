"""Migration #2: prescriptions on players; pain and notes on sessions."""

import sqlite3

import pytest

from balance_game.errors import UserError
from balance_game.storage.db import MIGRATIONS, Database
from balance_game.storage.players import add_player, get_prescription_json, set_prescription_json
from balance_game.storage.sessions import SessionRecorder, set_session_notes, set_session_pain


def test_a_version_1_database_is_upgraded_and_keeps_its_rows(tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.executescript(MIGRATIONS[0][1])
    conn.execute("INSERT INTO players (name, pseudonym, created_at) VALUES ('Ada', 'P-1', 'x')")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    with Database(path) as db:
        assert db.scalar("PRAGMA user_version") == len(MIGRATIONS) >= 2
        assert db.query("SELECT name, prescription_json FROM players") == [
            {"name": "Ada", "prescription_json": None}]
        columns = {r["name"] for r in db.query("PRAGMA table_info(sessions)")}
        assert {"pain_before", "pain_after", "notes"} <= columns


def test_pain_notes_and_prescription_are_stored(tmp_path):
    with Database(tmp_path / "a.db") as db:
        player = add_player(db, "Ada")
        session_id = SessionRecorder(db, player.id, "sim", 0).session_id
        set_session_pain(db, session_id, "before", 3)
        set_session_pain(db, session_id, "after", 0)
        set_session_notes(db, session_id, "  knee ok  ")
        row = db.query("SELECT pain_before, pain_after, notes FROM sessions")[0]
        assert row == {"pain_before": 3, "pain_after": 0, "notes": "knee ok"}
        set_prescription_json(db, player.id, '{"a": 1}')
        assert get_prescription_json(db, player.id) == '{"a": 1}'
        for bad in (11, -1, 2.5, True):
            with pytest.raises(UserError, match="0 to 10"):
                set_session_pain(db, session_id, "after", bad)
        with pytest.raises(UserError, match="no session 99"):
            set_session_notes(db, 99, "x")
        with pytest.raises(sqlite3.IntegrityError):  # the schema itself refuses a bad value
            db._conn.execute("UPDATE sessions SET pain_after = 12")
