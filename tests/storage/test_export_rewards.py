"""Milestones and personal bests in the CSV and JSON exports (dated like everything else, and
shifted alike when anonymised), and the two newer games' measures in every format, FHIR too."""

import csv
import json
from datetime import date, datetime, timedelta

import pytest

from balance_game.game.runner import RunRequest, run_game
from balance_game.game.scenes import GameOptions
from balance_game.storage.db import Database
from balance_game.storage.export import export_player
from balance_game.storage.players import add_player

# (level, seed): two plays of the weight-transfer level, so its best is the better of two
PLAYS = (("dual-01", 1), ("transfer-01", 1), ("transfer-01", 2))
MILESTONES = (("first_three_stars", "2026-03-02T10:15:00+01:00", 1),
              ("minutes_100", "2026-04-20T18:40:30+02:00", 3))


@pytest.fixture(scope="module")
def played(tmp_path_factory):
    path = tmp_path_factory.mktemp("rewards") / "r.db"
    with Database(path) as db:
        add_player(db, "Ada Lovelace", height_cm=165, weight_kg=60)
    for level_id, seed in PLAYS:
        run_game(RunRequest(db_path=path, windowed=False, player="Ada Lovelace",
                            options=GameOptions(headless=True, fast=True, seed=seed,
                                                level_id=level_id, device="sim")))
    with Database(path) as db:
        db.execute("DELETE FROM milestones")
        for key, at, session in MILESTONES:
            db.execute("INSERT INTO milestones (player_id, key, earned_at, session_id)"
                       " SELECT id, ?, ?, ? FROM players", (key, at, session))
    return path


@pytest.fixture
def db(played):
    with Database(played) as db:
        yield db


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def expected_bests(db):
    """Each level's best mean score and stars, with the first play that reached them, read
    from the finished plays (level_end events) without the export's code."""
    plays = []
    for row in db.query("SELECT e.session_id, e.t_s, e.reason, e.data_json, s.started_at"
                        " FROM events e JOIN sessions s ON s.id = e.session_id"
                        " WHERE e.type = 'level_end' ORDER BY e.session_id, e.t_s"):
        data = json.loads(row["data_json"])
        at = datetime.fromisoformat(row["started_at"]) + timedelta(seconds=row["t_s"])
        plays.append((row["reason"], round(data["mean_score"], 1), data["stars"], at,
                      row["session_id"]))
    out = {}
    for level in {p[0] for p in plays}:
        mine = [p for p in plays if p[0] == level]
        for measure, i in (("mean_score", 1), ("stars", 2)):
            best = max(p[i] for p in mine)
            if best:
                first = next(p for p in mine if p[i] == best)
                out[(level, measure)] = (best, first[3].isoformat(timespec="seconds"), first[4])
    return out


def test_csv_and_json_carry_the_milestones_and_personal_bests(db, tmp_path):
    export_player(db, "Ada Lovelace", "csv", tmp_path / "csv")
    export_player(db, "Ada Lovelace", "json", tmp_path / "json")
    pseudonym = db.scalar("SELECT pseudonym FROM players")
    milestones = read_csv(tmp_path / "csv" / "milestones.csv")
    assert list(milestones[0]) == ["player_id", "milestone", "label", "reached_at", "session_id"]
    assert [(m["player_id"], m["milestone"], m["label"], m["reached_at"], m["session_id"])
            for m in milestones] == [
        (pseudonym, "first_three_stars", "First three stars", MILESTONES[0][1], "1"),
        (pseudonym, "minutes_100", "100 minutes of training", MILESTONES[1][1], "3")]
    bests = read_csv(tmp_path / "csv" / "personal_bests.csv")
    assert list(bests[0]) == ["player_id", "mechanic", "level_id", "measure", "value", "unit",
                              "set_at", "session_id"]
    expected = expected_bests(db)
    assert {b["level_id"] for b in bests} == {"dual-01", "transfer-01"}
    assert len(bests) == len(expected)
    for b in bests:
        value, set_at, session = expected[(b["level_id"], b["measure"])]
        assert float(b["value"]) == value and b["set_at"] == set_at
        assert int(b["session_id"]) == session and b["unit"] == "1"
        assert b["mechanic"] == b["level_id"].split("-")[0] and b["player_id"] == pseudonym
    player = json.loads((tmp_path / "json" / "export.json").read_text(encoding="utf-8"))["player"]
    assert [m["milestone"] for m in player["milestones"]] == ["first_three_stars", "minutes_100"]
    assert player["milestones"][1] == {"milestone": "minutes_100",
                                       "label": "100 minutes of training",
                                       "reached_at": MILESTONES[1][1], "session_id": 3}
    assert [(b["level_id"], b["measure"], b["value"], b["set_at"], b["session_id"])
            for b in player["personal_bests"]] == [
        (b["level_id"], b["measure"], float(b["value"]) if b["measure"] == "mean_score"
         else int(b["value"]), b["set_at"], int(b["session_id"])) for b in bests]


def test_anonymised_rewards_move_by_the_same_weeks_and_name_nobody(db, tmp_path):
    export_player(db, "Ada Lovelace", "csv", tmp_path / "plain")
    export_player(db, "Ada Lovelace", "csv", tmp_path / "anon", anonymize=True, shift_days=70)
    export_player(db, "Ada Lovelace", "json", tmp_path / "anon", anonymize=True, shift_days=70)
    for name, column in (("milestones.csv", "reached_at"), ("personal_bests.csv", "set_at")):
        plain, anon = read_csv(tmp_path / "plain" / name), read_csv(tmp_path / "anon" / name)
        assert len(plain) == len(anon) > 0
        for p, a in zip(plain, anon, strict=True):
            moved = datetime.fromisoformat(p[column]) - datetime.fromisoformat(a[column])
            assert moved == timedelta(days=70)
            assert {k: v for k, v in p.items() if k != column} == \
                   {k: v for k, v in a.items() if k != column}
    for path in (tmp_path / "anon").iterdir():
        assert "Ada" not in path.read_text(encoding="utf-8") and "Lovelace" not in path.read_text(
            encoding="utf-8"), path.name
    sessions = read_csv(tmp_path / "anon" / "sessions.csv")
    plain_sessions = read_csv(tmp_path / "plain" / "sessions.csv")
    assert (datetime.fromisoformat(plain_sessions[0]["started_at"])
            - datetime.fromisoformat(sessions[0]["started_at"])) == timedelta(days=70)


def test_since_leaves_out_earlier_milestones_but_keeps_the_standing_bests(db, tmp_path):
    export_player(db, "Ada Lovelace", "csv", tmp_path, since=date(2026, 4, 1))
    assert [m["milestone"] for m in read_csv(tmp_path / "milestones.csv")] == ["minutes_100"]
    assert len(read_csv(tmp_path / "personal_bests.csv")) == len(expected_bests(db))


def _components(entry):
    return {c["code"]["coding"][0]["code"]: c for c in entry["resource"].get("component", [])}


def test_the_newer_games_measures_reach_the_fhir_bundle_with_units(db, tmp_path):
    from fhir.resources.R4B.bundle import Bundle as BundleR4B
    from fhirclient.models.bundle import Bundle as BundleR4  # generated from FHIR 4.0.1

    export_player(db, "Ada Lovelace", "fhir", tmp_path)
    data = json.loads((tmp_path / "bundle.json").read_text(encoding="utf-8"))
    BundleR4B.model_validate(data)
    BundleR4(data, strict=True)
    durations = [e for e in data["entry"] if e["resource"].get("id", "").endswith("-duration")]
    dual, *transfer = (_components(e) for e in durations)
    assert len(transfer) == 2
    units = {"mean_reaction_time_s": "s", "mean_response_time_s": "s", "mean_errors": "1",
             "mean_omission_error": "1", "mean_decision_sway_rms_pct": "%",
             "mean_decision_sway_speed_pct_s": "%/s"}
    for code, unit in units.items():
        assert dual[code]["valueQuantity"]["code"] == unit, code
    for components in transfer:
        for code, unit in {"mean_time_on_one_leg_s": "s", "mean_touchdowns": "1",
                           "mean_load_transfer_pct": "%", "mean_load_on_left_side_pct": "%",
                           "mean_load_on_right_side_pct": "%", "mean_time_on_left_leg_s": "s",
                           "mean_time_on_right_leg_s": "s", "mean_one_leg_sway_rms_pct": "%",
                           "mean_min_lifted_foot_load_pct": "%",
                           "mean_one_leg_sway_speed_pct_s": "%/s"}.items():
            assert components[code]["valueQuantity"]["code"] == unit, code
    (code_system,) = [e["resource"] for e in data["entry"]
                      if e["resource"]["resourceType"] == "CodeSystem"]
    defined = {c["code"] for c in code_system["concept"]}
    assert set(dual) | set(transfer[0]) <= defined
    # rewards are not clinical observations: the bundle carries no milestone or best
    text = json.dumps(data)
    assert "milestone" not in text and "first_three_stars" not in text and "best" not in text
