"""Control and bidi-override characters: refused in names and notes, escaped on the terminal
(issue 18, item 8)."""

from pathlib import Path

import pytest

from balance_game.core.validation import Checker, unsafe_character
from balance_game.errors import UserError
from balance_game.storage.db import Database
from balance_game.storage.players import add_player
from balance_game.storage.sessions import SessionRecorder, set_session_notes

HOSTILE = ["\u202e", "\x7f", "\u2028", "\x1b[2J", "\x9b", "\u2066", "\x00", "\u200f"]


@pytest.mark.parametrize("char", HOSTILE)
def test_a_name_with_a_control_or_bidi_character_is_refused(tmp_path, char):
    with Database(tmp_path / "a.db") as db, pytest.raises(UserError) as caught:
        add_player(db, f"Ann{char}evil")
    assert "\n" not in str(caught.value) and char not in str(caught.value)


@pytest.mark.parametrize("char", HOSTILE)
def test_notes_refuse_them_too_but_keep_line_breaks(tmp_path, char):
    with Database(tmp_path / "a.db") as db:
        session = SessionRecorder(db, add_player(db, "Ann").id, "test", 0).session_id
        set_session_notes(db, session, "felt steady\nless dizzy")
        with pytest.raises(UserError):
            set_session_notes(db, session, f"fine{char}")


@pytest.mark.parametrize("char", HOSTILE)
def test_level_titles_and_plan_notes_refuse_them(char):
    check = Checker("level.yaml")
    assert check.text(f"Title{char}", "title") is None
    assert char not in check.problems[0]
    assert Checker("x").text("two\nlines", "note") == "two\nlines"


def test_unsafe_character_names_the_first_one():
    assert unsafe_character("fine") is None
    assert unsafe_character("a\u202eb") == "U+202E"
    assert unsafe_character("a\nb", allow_newlines=True) is None
    assert unsafe_character("a\nb") == "U+000A"


def test_a_stored_escape_sequence_reaches_the_terminal_escaped(cli, tmp_path):
    """A name stored by an older version, with an escape sequence, is listed escaped."""
    assert cli("players", "add", "Ann").returncode == 0
    with Database(cli.db_path) as db, db.transaction():
        db.execute("UPDATE players SET name = ? WHERE name = 'Ann'", ("Ann\x1b[2J\u202e",))
    listed = cli("players")
    assert listed.returncode == 0
    assert "\x1b" not in listed.stdout and "\u202e" not in listed.stdout
    assert "Ann\\x1b[2J\\u202e" in listed.stdout


def test_a_level_title_with_an_escape_is_one_escaped_line_in_levels_check(cli, tmp_path):
    (tmp_path / "bad.yaml").write_text('id: x\ntitle: "Hi\\e[2J"\n')
    done = cli("levels", "check", "bad.yaml")
    assert done.returncode == 2 and "\x1b" not in done.stderr


# --- levels check verifies requires (item 8) ----------------------------------------------------
def _level(tmp_path, name, requires):
    source = (Path(__file__).resolve().parents[2] / "levels" / "reach-02.yaml").read_text()
    lines = [ln for ln in source.splitlines() if not ln.startswith(("id:", "requires:"))]
    path = tmp_path / f"{name}.yaml"
    path.write_text("\n".join([f"id: {name}", f"requires: {requires}", *lines]) + "\n")
    return path


@pytest.mark.parametrize(("requires", "why"), [("[reach-99]", "names no level"),
                                               ("[mine-01]", "is the level itself")])
def test_levels_check_refuses_a_requirement_that_can_never_be_met(cli, tmp_path, requires, why):
    path = _level(tmp_path, "mine-01", requires)
    done = cli("levels", "check", path)
    assert done.returncode == 2 and why in done.stderr, done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_levels_check_accepts_a_requirement_on_a_shipped_level(cli, tmp_path):
    done = cli("levels", "check", _level(tmp_path, "mine-01", "[reach-01]"))
    assert done.returncode == 0, done.stderr
