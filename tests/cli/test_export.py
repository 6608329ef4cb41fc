"""`balance-game export` as a person runs it: every format, and errors as one line with exit 2."""

import csv
import json

import pytest
from cli_runner import copy_db, run_cli_in

NAME = '=HYPERLINK("x")'


@pytest.fixture(scope="module")
def sessions_template(tmp_path_factory):
    """Built once for the module (three processes); each test works on its own copy."""
    folder = tmp_path_factory.mktemp("sessions")
    db = str(folder / "e.db")
    assert run_cli_in(folder, "players", "add", NAME, "--db", db).returncode == 0
    for seed in (1, 2):
        result = run_cli_in(folder, "play", "--headless", "--fast", "--device", "sim",
                            "--seconds", "8", "--seed", str(seed), "--player", NAME, "--db", db)
        assert result.returncode == 0, result.stderr
    return folder / "e.db"


@pytest.fixture
def db_with_sessions(sessions_template, tmp_path):
    return copy_db(sessions_template, tmp_path)


def test_every_format_is_written(run_cli, tmp_path, db_with_sessions):
    for fmt, files in (("csv", ["assessments.csv", "events.csv", "milestones.csv",
                                "personal_bests.csv", "samples.csv", "sessions.csv", "trials.csv"]),
                       ("json", ["export.json"]), ("fhir", ["bundle.json"])):
        out = tmp_path / fmt
        result = run_cli("export", "--player", NAME, "--format", fmt, "--out", str(out),
                         "--db", db_with_sessions)
        assert result.returncode == 0, result.stderr
        assert "2 sessions" in result.stdout
        assert sorted(p.name for p in out.iterdir()) == files
    with open(tmp_path / "csv" / "sessions.csv", newline="", encoding="utf-8") as f:
        sessions = list(csv.DictReader(f))
    assert [s["player_name"] for s in sessions] == ["'" + NAME] * 2
    doc = json.loads((tmp_path / "json" / "export.json").read_text(encoding="utf-8"))
    assert len(doc["player"]["sessions"]) == 2
    from fhir.resources.R4B.bundle import Bundle

    Bundle.model_validate(json.loads((tmp_path / "fhir" / "bundle.json").read_text(encoding="utf-8")))


def test_since_and_anonymize(run_cli, tmp_path, db_with_sessions):
    out = tmp_path / "anon"
    result = run_cli("export", "--player", NAME, "--format", "json", "--out", str(out),
                     "--since", "2000-01-01", "--anonymize", "--db", db_with_sessions)
    assert result.returncode == 0, result.stderr
    assert "HYPERLINK" not in (out / "export.json").read_text(encoding="utf-8")
    later = run_cli("export", "--player", NAME, "--out", str(tmp_path / "later"),
                    "--since", "2999-01-01", "--db", db_with_sessions)
    assert later.returncode == 0 and "0 sessions" in later.stdout


@pytest.mark.parametrize(("args", "message"), [
    (["--player", "Nobody"], "no player named 'Nobody'"),
    (["--player", NAME, "--since", "01/02/2026"], "is not a date (use YYYY-MM-DD"),
    (["--player", NAME, "--since", "2026-02-30"], "is not a date (use YYYY-MM-DD"),
    (["--player", NAME, "--format", "xml"], "'xml' is not one of"),
])
def test_errors_are_one_line_with_exit_2(run_cli, tmp_path, db_with_sessions, args, message):
    out = tmp_path / "out"
    result = run_cli("export", *args, "--out", str(out), "--db", db_with_sessions)
    assert result.returncode == 2
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("balance-game: error: ") and message in line
    assert not out.exists()


def test_an_unwritable_folder_is_one_line_with_exit_2(run_cli, tmp_path, db_with_sessions):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = run_cli("export", "--player", NAME, "--out", str(blocker / "sub"),
                     "--db", db_with_sessions)
    assert result.returncode == 2
    (line,) = result.stderr.strip().splitlines()
    assert "cannot write there" in line and "--out" in line and "Traceback" not in result.stderr
