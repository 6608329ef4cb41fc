"""Exports of a month of simulated sessions, read back and checked against the database."""

import csv
import json
import shutil
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from balance_game.devices.simulated import parse_sim_events
from balance_game.errors import UserError
from balance_game.game.runner import RunRequest, run_game
from balance_game.game.scenes import GameOptions
from balance_game.storage.db import Database
from balance_game.storage.export import (
    EVENT_COLUMNS,
    SAMPLE_COLUMNS,
    SESSION_COLUMNS,
    TRIAL_COLUMNS,
    csv_writer,
    export_player,
    parse_since,
    spreadsheet_safe,
)
from balance_game.storage.players import add_player
from balance_game.storage.prescriptions import prescribe
from balance_game.storage.sessions import set_session_notes, set_session_pain

REPO = Path(__file__).resolve().parents[2]
NAME = '=HYPERLINK("x")'
N_SESSIONS = 12
FIRST_DAY = datetime.fromisoformat("2026-10-01T09:30:00+02:00")
OFFSETS = ("+02:00", "+01:00", "-05:00")  # the player travels; every stamp keeps its own offset
UCUM_UNITS = {"s", "mm", "mm/s", "mm2", "%", "Hz", "1", "min"}


def _start(i: int) -> str:
    """Sessions spread over 30 days (every 2.5 days), at different times and offsets."""
    moment = FIRST_DAY + timedelta(days=i * 30 / N_SESSIONS, minutes=7 * i)
    offset = OFFSETS[i % len(OFFSETS)]
    return moment.replace(tzinfo=None).isoformat(timespec="seconds") + offset


@pytest.fixture(scope="module")
def month_db(tmp_path_factory):
    """A player with a prescription and 12 real (simulated) sessions across a month."""
    path = tmp_path_factory.mktemp("month") / "month.db"
    with Database(path) as db:
        add_player(db, NAME, height_cm=170, weight_kg=70)
        add_player(db, "Other")
    for i in range(N_SESSIONS):
        events = parse_sim_events("stepoff@2,return@3.5") if i % 4 == 1 else ()
        run_game(RunRequest(
            db_path=path, windowed=False, player=NAME if i != 5 else "Other", sim_events=events,
            options=GameOptions(headless=True, fast=True, seconds=12 + i % 3, seed=i,
                                level_id="reach-01", device="sim"),
        ))
    with Database(path) as db:
        for i, row in enumerate(db.query("SELECT id, active_s FROM sessions ORDER BY id")):
            started = _start(i)
            ended = (datetime.fromisoformat(started)
                     + timedelta(seconds=round(row["active_s"]) + 40)).isoformat()
            db.execute("UPDATE sessions SET started_at = ?, ended_at = ?, attended = ? WHERE id = ?",
                       (started, ended, int(i % 3 == 0), row["id"]))
            if i % 2 == 0:
                set_session_pain(db, row["id"], "before", i % 11)
                set_session_pain(db, row["id"], "after", 0)
        set_session_notes(db, 3, "=cmd|' /C calc'!A0 ankle sore")
        set_session_notes(db, 4, "Good balance, said the knee felt better")
        prescribe(db, NAME, REPO / "docs" / "prescription-example.yaml")
    return path


@pytest.fixture
def db(month_db, tmp_path):
    copy = tmp_path / "copy.db"
    shutil.copy(month_db, copy)
    with Database(copy) as store:
        yield store


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def player_sessions(db):
    rows = db.query("SELECT s.* FROM sessions s JOIN players p ON p.id = s.player_id"
                    " WHERE p.name = ?", (NAME,))
    return sorted(rows, key=lambda r: (datetime.fromisoformat(r["started_at"]), r["id"]))


def test_csv_files_match_the_database(db, tmp_path):
    out = tmp_path / "csv"
    result = export_player(db, NAME, "csv", out)
    assert sorted(p.name for p in out.iterdir()) == [
        "assessments.csv", "events.csv", "milestones.csv", "personal_bests.csv", "samples.csv",
        "sessions.csv", "trials.csv"]
    rows = player_sessions(db)
    assert result.n_sessions == len(rows) == N_SESSIONS - 1
    sessions = read_csv(out / "sessions.csv")
    assert tuple(sessions[0]) == SESSION_COLUMNS
    ids = [r["id"] for r in rows]
    assert [int(s["session_id"]) for s in sessions] == ids
    pseudonym = db.scalar("SELECT pseudonym FROM players WHERE name = ?", (NAME,))
    for s, row in zip(sessions, rows, strict=True):
        assert s["player_id"] == pseudonym
        assert s["started_at"] == row["started_at"] and s["ended_at"] == row["ended_at"]
        assert float(s["active_min"]) == pytest.approx(row["active_s"] / 60, abs=1e-3)
        assert s["attendance"] == ("attended" if row["attended"] else "independent")
        n, n_ok, mean, first, last = db.query(
            "SELECT COUNT(*) AS n, SUM(success) AS ok, AVG(score) AS mean,"
            " (SELECT difficulty FROM trials WHERE session_id = ? ORDER BY id LIMIT 1) AS first,"
            " (SELECT difficulty FROM trials WHERE session_id = ? ORDER BY id DESC LIMIT 1) AS last"
            " FROM trials WHERE session_id = ?", (row["id"], row["id"], row["id"]))[0].values()
        assert int(s["n_trials"]) == n > 0 and int(s["n_success"]) == n_ok
        assert float(s["success_pct"]) == pytest.approx(100 * n_ok / n, abs=0.05)
        assert float(s["mean_score"]) == pytest.approx(mean, abs=0.005)
        assert float(s["difficulty_before"]) == first and float(s["difficulty_after"]) == last
        assert s["pain_before"] == ("" if row["pain_before"] is None else str(row["pain_before"]))
        assert s["levels"] == "reach-01" and s["device"].startswith("simulated player")
        assert float(s["elapsed_s"]) == round(row["active_s"]) + 40
        assert float(s["sample_rate_hz"]) == pytest.approx(100, abs=1)
        step_offs = db.scalar("SELECT COUNT(*) FROM events WHERE session_id = ? AND type = 'pause'"
                              " AND reason = 'step_off'", (row["id"],))
        assert int(s["step_offs"]) == int(s["pauses_step_off"]) == step_offs
    assert sum(int(s["step_offs"]) for s in sessions) >= 2  # the scripted step-offs are counted
    trials = read_csv(out / "trials.csv")
    assert tuple(trials[0])[:len(TRIAL_COLUMNS)] == TRIAL_COLUMNS
    assert {"direction", "reaction_time_s", "time_to_target_s", "hold_sway_pct"} <= set(trials[0])
    assert len(trials) == db.scalar(f"SELECT COUNT(*) FROM trials WHERE session_id IN "
                                    f"({','.join(map(str, ids))})") == result.n_trials
    first_trial = db.query("SELECT * FROM trials WHERE session_id = ? ORDER BY id", (ids[0],))[0]
    measures = json.loads(first_trial["measures_json"])
    assert float(trials[0]["score"]) == first_trial["score"]
    assert trials[0]["direction"] == measures["direction"]
    assert float(trials[0]["reaction_time_s"]) == measures["reaction_time_s"]
    events = read_csv(out / "events.csv")
    assert tuple(events[0]) == EVENT_COLUMNS
    assert len(events) == db.scalar(f"SELECT COUNT(*) FROM events WHERE session_id IN "
                                    f"({','.join(map(str, ids))})")
    samples = read_csv(out / "samples.csv")
    assert tuple(samples[0]) == SAMPLE_COLUMNS
    assert len(samples) == result.n_samples == db.scalar(
        f"SELECT SUM(n) FROM sample_blocks WHERE session_id IN ({','.join(map(str, ids))})")
    assert sum(int(s["n_samples"]) for s in sessions) == len(samples)


def test_csv_is_spreadsheet_safe_and_numbers_stay_numbers(db, tmp_path):
    export_player(db, NAME, "csv", tmp_path)
    sessions = read_csv(tmp_path / "sessions.csv")
    assert {s["player_name"] for s in sessions} == {"'" + NAME}
    assert "'=cmd|' /C calc'!A0 ankle sore" in {s["notes"] for s in sessions}
    with open(tmp_path / "samples.csv", encoding="utf-8") as f:
        cells = [line.rstrip("\n").split(",")[7] for line in f][1:]
    negative = [c for c in cells if c.startswith("-")]
    assert negative and all(float(c) < 0 for c in negative)  # -3.5 stays -3.5, no apostrophe
    for name in ("sessions.csv", "trials.csv", "samples.csv", "events.csv"):
        text = (tmp_path / name).read_text(encoding="utf-8")
        assert "\n=" not in text and ",=" not in text and ',"=' not in text


@pytest.mark.parametrize(("value", "cell"), [
    ('=HYPERLINK("x")', '\'=HYPERLINK("x")'), ("+1", "'+1"), ("-3.5", "'-3.5"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"), ("\rx", "'\rx"), ("plain", "plain"), ("a=b", "a=b"),
    (-3.5, -3.5), (0, 0), (12, 12), (True, 1), (None, ""), (float("nan"), ""),
])
def test_spreadsheet_safe(value, cell):
    assert spreadsheet_safe(value) == cell


def test_json_nests_the_same_content(db, tmp_path):
    export_player(db, NAME, "csv", tmp_path / "csv")
    result = export_player(db, NAME, "json", tmp_path / "json")
    doc = json.loads((tmp_path / "json" / "export.json").read_text(encoding="utf-8"))
    assert doc["format"] == "balance_game-export" and doc["anonymized"] is False
    player = doc["player"]
    assert player["name"] == NAME and player["prescription"]["levels"] == ["reach-01", "reach-02"]
    sessions = player["sessions"]
    rows = read_csv(tmp_path / "csv" / "sessions.csv")
    assert len(sessions) == len(rows) == result.n_sessions
    for nested, row in zip(sessions, rows, strict=True):
        assert nested["session_id"] == int(row["session_id"])
        assert nested["started_at"] == row["started_at"]
        assert nested["active_min"] == float(row["active_min"])
        assert nested["n_trials"] == len(nested["trials"]) == int(row["n_trials"])
        assert nested["samples"]["columns"] == list(SAMPLE_COLUMNS[1:])
        assert len(nested["samples"]["rows"]) == nested["n_samples"]
        assert all(len(r) == 8 for r in nested["samples"]["rows"])
        n_events = db.scalar("SELECT COUNT(*) FROM events WHERE session_id = ?", (nested["session_id"],))
        assert len(nested["events"]) == n_events
    trial = sessions[0]["trials"][0]
    assert isinstance(trial["success"], bool) and "reaction_time_s" in trial["measures"]
    assert sum(len(s["samples"]["rows"]) for s in sessions) == result.n_samples
    first = sessions[0]["samples"]["rows"][0]
    assert first[5] == pytest.approx(sum(first[1:5]), abs=0.01)


def _bundle(path):
    from fhir.resources.R4B.bundle import Bundle

    data = json.loads(path.read_text(encoding="utf-8"))
    return data, Bundle.model_validate(data)


def test_fhir_bundle_validates_and_carries_duration_and_measures(db, tmp_path):
    export_player(db, NAME, "fhir", tmp_path)
    data, bundle = _bundle(tmp_path / "bundle.json")
    assert bundle.type == "collection"
    resources = [e["resource"] for e in data["entry"]]
    (patient,) = [r for r in resources if r["resourceType"] == "Patient"]
    pseudonym = db.scalar("SELECT pseudonym FROM players WHERE name = ?", (NAME,))
    assert patient["identifier"][0]["value"] == pseudonym and patient["name"] == [{"text": NAME}]
    durations = [r for r in resources if r["resourceType"] == "Observation"
                 and r["code"]["coding"][0]["code"] == "55411-3"]
    panels = [r for r in resources if r["resourceType"] == "Observation"
              and r["code"]["coding"][0]["code"] == "73985-4"]
    rows = player_sessions(db)
    assert len(durations) == len(panels) == len(rows)
    urls = {e["resource"].get("id"): e["fullUrl"] for e in data["entry"]}
    for obs, panel, row in zip(durations, panels, rows, strict=True):
        assert obs["category"][0]["coding"][0]["code"] == "activity"
        quantity = obs["valueQuantity"]
        assert quantity["system"] == "http://unitsofmeasure.org" and quantity["code"] == "min"
        assert quantity["value"] == pytest.approx(row["active_s"] / 60, abs=1e-3)
        assert obs["effectivePeriod"] == {"start": row["started_at"], "end": row["ended_at"]}
        assert obs["effectivePeriod"]["start"][-6] in "+-"
        codes = {c["code"]["coding"][0]["code"]: c for c in obs["component"]}
        assert {"path_length_mm", "mean_velocity_mm_s", "ellipse95_area_mm2", "success_pct",
                "sample_rate_hz", "mean_reaction_time_s", "attended"} <= set(codes)
        assert codes["ellipse95_area_mm2"]["valueQuantity"]["code"] == "mm2"
        assert codes["attended"]["valueBoolean"] is bool(row["attended"])
        for component in obs["component"]:
            if "valueQuantity" in component:
                assert component["valueQuantity"]["code"] in UCUM_UNITS
        assert panel["hasMember"] == [{"reference": urls[obs["id"]]}]
    assert any(p.get("note") == [{"text": "Good balance, said the knee felt better"}] for p in panels)


def test_since_keeps_sessions_from_that_day_on(db, tmp_path):
    rows = player_sessions(db)
    cut = datetime.fromisoformat(rows[6]["started_at"]).date()
    expected = [r["id"] for r in rows if datetime.fromisoformat(r["started_at"]).date() >= cut]
    result = export_player(db, NAME, "csv", tmp_path, since=cut.isoformat())
    assert [int(s["session_id"]) for s in read_csv(tmp_path / "sessions.csv")] == expected
    assert result.n_sessions == len(expected) < len(rows)
    assert export_player(db, NAME, "csv", tmp_path / "none", since="2030-01-01").n_sessions == 0
    assert read_csv(tmp_path / "none" / "sessions.csv") == []


@pytest.mark.parametrize("text", ["2026-02-30", "yesterday", "2026-1-5", "20260105", ""])
def test_a_bad_since_date_is_a_user_error(text):
    with pytest.raises(UserError, match="YYYY-MM-DD"):
        parse_since(text)


def test_anonymized_exports_leave_out_names_and_notes_and_shift_dates_by_whole_weeks(db, tmp_path):
    tmp_path = tmp_path / "out"
    for fmt in ("csv", "json", "fhir"):
        export_player(db, NAME, fmt, tmp_path, anonymize=True)
    assert len(list(tmp_path.iterdir())) == 9
    for path in tmp_path.iterdir():
        text = path.read_text(encoding="utf-8")
        assert "HYPERLINK" not in text and "knee" not in text and "ankle" not in text, path
        assert "Keep your knees soft" not in text  # the therapist's note too
    rows = player_sessions(db)
    sessions = read_csv(tmp_path / "sessions.csv")
    shifts = set()
    for s, row in zip(sessions, rows, strict=True):
        real, moved = (datetime.fromisoformat(row["started_at"]),
                       datetime.fromisoformat(s["started_at"]))
        shifts.add(real - moved)
        assert moved.weekday() == real.weekday() and moved.time() == real.time()
        assert moved.utcoffset() == real.utcoffset()
        assert float(s["elapsed_s"]) == round(row["active_s"]) + 40  # durations kept
        assert s["player_name"] == "" and s["notes"] == ""
    (shift,) = shifts  # one shift for the whole export
    assert shift.days % 7 == 0 and 28 <= shift.days <= 728 and shift.seconds == 0
    data, _ = _bundle(tmp_path / "bundle.json")
    patient = data["entry"][0]["resource"]
    assert "name" not in patient and patient["identifier"][0]["value"].startswith("P-")
    doc = json.loads((tmp_path / "export.json").read_text(encoding="utf-8"))
    assert doc["anonymized"] is True and doc["player"]["name"] is None


def test_anonymize_with_a_fixed_shift(db, tmp_path):
    export_player(db, NAME, "json", tmp_path, anonymize=True, shift_days=70)
    doc = json.loads((tmp_path / "export.json").read_text(encoding="utf-8"))
    first = doc["player"]["sessions"][0]["started_at"]
    assert first == (datetime.fromisoformat(_start(0)) - timedelta(days=70)).isoformat()


def test_an_unknown_player_writes_nothing(db, tmp_path):
    with pytest.raises(UserError, match="no player named 'Nobody'"):
        export_player(db, "Nobody", "csv", tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_a_failure_midway_leaves_no_half_written_file(db, tmp_path, monkeypatch):
    out = tmp_path / "out"
    out.mkdir()
    (out / "sessions.csv").write_text("old export\n", encoding="utf-8")
    original = csv_writer.sample_chunks

    def failing(store, data):
        for i, chunk in enumerate(original(store, data)):
            if i == 2:
                raise UserError("disk trouble")
            yield chunk

    monkeypatch.setattr(csv_writer, "sample_chunks", failing)
    with pytest.raises(UserError, match="disk trouble"):
        export_player(db, NAME, "csv", out)
    assert [p.name for p in out.iterdir()] == ["sessions.csv"]  # no staging folder left behind
    assert (out / "sessions.csv").read_text(encoding="utf-8") == "old export\n"


def test_an_unwritable_folder_is_a_user_error(db, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    for out in (blocker, blocker / "sub"):
        with pytest.raises(UserError, match="--out"):
            export_player(db, NAME, "json", out)


def test_exported_files_are_private(db, tmp_path):
    export_player(db, NAME, "fhir", tmp_path)
    assert (tmp_path / "bundle.json").stat().st_mode & 0o077 == 0


def test_sessions_are_in_date_order_across_the_month(db, tmp_path):
    export_player(db, NAME, "csv", tmp_path)
    days = [datetime.fromisoformat(s["started_at"]) for s in read_csv(tmp_path / "sessions.csv")]
    assert days == sorted(days)
    assert (days[-1] - days[0]) >= timedelta(days=25)
    assert days[0].date() == date(2026, 10, 1)


def test_spreadsheet_safe_never_starts_a_text_cell_with_a_formula_character():
    from hypothesis import given
    from hypothesis import strategies as st

    @given(st.text())
    def text_cells(value):
        cell = spreadsheet_safe(value)
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
        assert cell in (value, "'" + value)

    @given(st.floats(allow_nan=False, allow_infinity=False) | st.integers())
    def number_cells(value):
        assert spreadsheet_safe(value) == value

    text_cells()
    number_cells()
