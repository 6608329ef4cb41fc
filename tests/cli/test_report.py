"""`balance-game report` as a person runs it: both formats, and errors as one line with exit 2."""

import stat

import pytest
from cli_runner import copy_db, run_cli_in

NAME = "Ada"


@pytest.fixture(scope="module")
def sessions_template(tmp_path_factory):
    """Built once for the module (three processes); each test works on its own copy."""
    folder = tmp_path_factory.mktemp("sessions")
    db = str(folder / "sessions.db")
    assert run_cli_in(folder, "players", "add", NAME, "--db", db).returncode == 0
    for seed, level in ((1, "reach-01"), (2, "steady-01")):
        result = run_cli_in(folder, "play", "--headless", "--fast", "--device", "sim",
                            "--seconds", "8", "--seed", str(seed), "--level", level,
                            "--player", NAME, "--db", db)
        assert result.returncode == 0, result.stderr
    return folder / "sessions.db"


@pytest.fixture
def db_with_sessions(sessions_template, tmp_path):
    return copy_db(sessions_template, tmp_path)


def test_html_and_pdf_are_written(run_cli, tmp_path, db_with_sessions):
    for suffix in ("html", "pdf"):
        out = tmp_path / f"report.{suffix}"
        result = run_cli("report", "--player", NAME, "--out", str(out), "--db", db_with_sessions)
        assert result.returncode == 0, result.stderr
        assert f"wrote {out} ({suffix}): 2 sessions over 1 week," in result.stdout
        assert "building report" in result.stderr  # the progress bar
        assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")
    text = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and 'src="http' not in text and "<link" not in text


@pytest.mark.parametrize("args, message", [
    (("--player", "Nobody", "--out", "{tmp}/r.html"), "no player named 'Nobody'"),
    (("--player", NAME, "--out", "{tmp}/r.docx"), "must end in .html or .pdf"),
    (("--player", NAME, "--out", "{tmp}/no/such/r.pdf"), "no such folder"),
    (("--player", NAME, "--out", "{tmp}"), "must end in .html or .pdf"),
])
def test_errors_are_one_line_with_exit_2(run_cli, tmp_path, db_with_sessions, args, message):
    args = [a.format(tmp=tmp_path) for a in args]
    result = run_cli("report", *args, "--db", db_with_sessions)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("balance-game: error: ") and message in lines[0]
    assert not list(tmp_path.glob("r.*")) and not list(tmp_path.glob(".r.*"))


def test_unwritable_folder(run_cli, tmp_path, db_with_sessions):
    import os

    folder = tmp_path / "locked"
    folder.mkdir(mode=0o500)
    if os.access(folder, os.W_OK):  # root writes anywhere: nothing to check here
        pytest.skip("running as root")
    result = run_cli("report", "--player", NAME, "--out", str(folder / "r.html"), "--db",
                     db_with_sessions)
    assert result.returncode == 2
    assert "cannot write there" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_the_report_speaks_the_player_s_language_unless_told_otherwise(run_cli, tmp_path,
                                                                          db_with_sessions):
    """The player's setting, then `report --language`, then the run's `--language`, which wins."""
    assert run_cli("players", "set", NAME, "--language", "es", "--db",
                   db_with_sessions).returncode == 0
    out = tmp_path / "r.html"
    runs = {
        "es": ("report", "--player", NAME, "--out", str(out), "--db", db_with_sessions),
        "de": ("report", "--player", NAME, "--out", str(out), "--language", "de", "--db",
               db_with_sessions),
        "en": ("--language", "en", "report", "--player", NAME, "--out", str(out), "--db",
               db_with_sessions),
    }
    headings = {"es": "<h2>Resumen</h2>", "de": "<h2>Zusammenfassung</h2>",
                "en": "<h2>Summary</h2>"}
    for code, args in runs.items():
        result = run_cli(*args)
        assert result.returncode == 0, result.stderr
        text = out.read_text(encoding="utf-8")
        assert f'<html lang="{code}">' in text and headings[code] in text
        assert [h for c, h in headings.items() if c != code and h in text] == []
    german = run_cli(*runs["de"]).stdout
    assert f"{out} (html) geschrieben: 2 Übungseinheiten über 1 Woche," in german


def test_an_unknown_report_language_is_one_error(run_cli, tmp_path, db_with_sessions):
    result = run_cli("report", "--player", NAME, "--out", str(tmp_path / "r.html"), "--language",
                     "fr", "--db", db_with_sessions)
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1
    assert "--language" in result.stderr
    assert not (tmp_path / "r.html").exists()
