from datetime import datetime, timedelta

import pytest

from balance_game.errors import UserError
from balance_game.storage.db import Database
from balance_game.storage.players import (
    add_player,
    get_caps,
    get_settings,
    update_caps,
    update_settings,
)
from balance_game.storage.progress import (
    ProgressBook,
    is_unlocked,
    player_progress,
    save_progress,
)


@pytest.fixture
def db(tmp_path):
    with Database(tmp_path / "p.db") as store:
        yield store


def test_progress_keeps_best_stars_and_latest_difficulty(db):
    player = add_player(db, "Ada")
    save_progress(db, player.id, "reach-01", 0.4, 2)
    save_progress(db, player.id, "reach-01", 0.55, 1)
    (progress,) = player_progress(db, player.id).values()
    assert (progress.difficulty, progress.best_stars, progress.plays) == (0.55, 2, 2)


def test_a_level_resumes_where_left_off_and_eases_back_after_a_break(db):
    player = add_player(db, "Ada")
    book = ProgressBook(db, player.id)
    assert book.start_difficulty("reach-01", 0.2) == 0.2
    book.record("reach-01", 0.6, 1)
    assert book.start_difficulty("reach-01", 0.2) == pytest.approx(0.6)
    ten_days_ago = (datetime.now().astimezone() - timedelta(days=10)).isoformat()
    db.execute("UPDATE level_progress SET last_played_at = ?", (ten_days_ago,))
    assert book.start_difficulty("reach-01", 0.2) == pytest.approx(0.3)


def test_unlocking_needs_a_star_on_every_required_level(db):
    player = add_player(db, "Ada")
    assert is_unlocked((), {})
    save_progress(db, player.id, "reach-01", 0.3, 0)
    assert not is_unlocked(("reach-01",), player_progress(db, player.id))
    save_progress(db, player.id, "reach-01", 0.3, 1)
    assert is_unlocked(("reach-01",), player_progress(db, player.id))


def test_caps_and_settings_are_validated_and_kept(db):
    player = add_player(db, "Ada")
    update_caps(db, player, max_lean_pct=70)
    update_settings(db, player, volume=0.2, units="lb")
    assert get_caps(db, player).max_lean_pct == 70
    assert get_settings(db, player).units == "lb" and get_settings(db, player).volume == 0.2
    with pytest.raises(UserError, match="out of range"):
        update_caps(db, player, target_success=0.99)
    with pytest.raises(UserError, match="use kg or lb"):
        update_settings(db, player, units="stone")


def test_capped_player_never_gets_a_trial_beyond_the_cap(run_cli, tmp_path):
    import json
    import sqlite3

    db = tmp_path / "c.db"
    assert run_cli("players", "add", "Cap", "--db", str(db)).returncode == 0
    assert run_cli("players", "set", "Cap", "--max-lean-pct", "45", "--max-difficulty", "0.6",
                   "--db", str(db)).returncode == 0
    result = run_cli("play", "--headless", "--fast", "--device", "sim", "--player", "Cap",
                     "--ability", "1.0", "--level", "reach-02", "--seconds", "90", "--db", str(db))
    assert result.returncode == 0, result.stderr
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT difficulty, measures_json FROM trials").fetchall()
    assert len(rows) >= 8
    assert max(r[0] for r in rows) <= 0.6
    assert max(json.loads(r[1])["distance_pct"] for r in rows) <= 45


def test_weights_are_shown_in_the_players_units():
    from balance_game.storage.players import format_weight

    assert format_weight(70.0, "kg") == "70.0 kg"
    assert format_weight(70.0, "lb") == "154 lb"
    assert format_weight(None, "lb") == "not measured"
