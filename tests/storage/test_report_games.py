"""Think and lean's and Weight transfer's measures in the report, checked against figures worked
out by hand from trials written through the real SessionRecorder."""

from datetime import datetime, timedelta

import pytest
from pypdf import PdfReader

from balance_game.core.records import TrialRecord
from balance_game.i18n import speaking
from balance_game.report import games, write_report
from balance_game.report.data import gather
from balance_game.storage.db import Database
from balance_game.storage.players import add_player
from balance_game.storage.sessions import SessionRecorder

FIRST = datetime.fromisoformat("2026-10-05T10:00:00+02:00")


def dual(rule, error, rt, response, sway, go=True, switch=False):
    return {"rule": rule, "go": go, "switch": switch, "error": error,
            "errors": int(error != "none"), "reaction_time_s": rt, "response_time_s": response,
            "decision_sway_rms_pct": sway}


def transfer(standing, load, on_leg, touchdowns, rt, source="load_cells"):
    return {"foot": "left" if standing == "right" else "right", "standing_foot": standing,
            "source": source, "load_transfer_pct": load, "time_on_one_leg_s": on_leg,
            "touchdowns": touchdowns, "reaction_time_s": rt}


SESSIONS = [  # (day, mechanic, trials' measures)
    (0, "dual", [dual("colour", "none", 0.5, 1.2, 2.0),
                 dual("colour", "wrong_item", 0.7, 1.5, 3.0),
                 dual("colour", "no_go_moved", 0.9, None, 1.0, go=False),
                 dual("shape", "no_response", None, None, 4.0, switch=True),
                 dual("word", "none", 1.2, 2.0, 2.0)]),
    (2, "transfer", [transfer("right", 74.0, 3.0, 1, 0.8), transfer("left", 70.0, 2.0, 0, 1.3),
                     transfer("right", 76.0, 1.0, 2, 1.2)]),
    (30, "dual", [dual("shape", "none", 0.4, 1.0, 1.5, switch=True),
                  dual("shape", "none", 0.6, 1.4, None),
                  dual("shape", "none", None, None, 0.5, go=False)]),
    (31, "transfer", [transfer("left", None, 3.0, 0, 0.5, source="lean")]),
]


def record(db, player_id, day, mechanic, measures):
    recorder = SessionRecorder(db, player_id, "sim", seed=0)
    for i, m in enumerate(measures):
        recorder.add_trial(TrialRecord(f"{mechanic}-01", mechanic, i, 2.0 * i, 2.0 * i + 1.5,
                                       m.get("error", "none") == "none", 50.0, 0.4, m))
    recorder.set_active_s(60.0)
    recorder.finish()
    db.execute("UPDATE sessions SET started_at = ? WHERE id = ?",
               ((FIRST + timedelta(days=day)).isoformat(), recorder.session_id))


@pytest.fixture
def db(tmp_path):
    with Database(tmp_path / "games.db") as store:
        ada = add_player(store, "Ada")
        for day, mechanic, measures in SESSIONS:
            record(store, ada.id, day, mechanic, measures)
        other = add_player(store, "Bo")
        record(store, other.id, 0, "reach", [{"reach_pct": 40.0}])
        yield store


def tables(db, name="Ada"):
    with speaking("en"):
        return {t.title: t for _heading, ts in games.sections(gather(db, name)) for t in ts}


def test_think_and_lean_by_session(db):
    t = tables(db)["Think and lean by session"]
    # day 0: go tries 1, 2, 4, 5 and one no-go; reaction times of go tries that moved 0.5, 0.7,
    # 1.2 (median 0.7, mean 0.8); correct go responses 1.2, 2.0 (median 1.6); one wrong item,
    # one move on the no-go, one no response; sway (2 + 3 + 1 + 4 + 2) / 5 = 2.4
    assert t.rows[0] == ["Oct 5, 2026", "4 / 1", "0.70 (0.80)", "1.60", "1", "1", "1", "2.4"]
    # day 30: reaction 0.4, 0.6; responses 1.0, 1.4; sway (1.5 + 0.5) / 2 (the try without one
    # left out)
    assert t.rows[1] == ["Nov 4, 2026", "2 / 1", "0.50 (0.50)", "1.20", "0", "0", "0", "1.0"]


def test_think_and_lean_trend_and_rules(db):
    t = tables(db)["Think and lean: first against latest weeks"]
    # 30 days apart: the first two weeks hold day 0, the latest day 30
    assert t.header[1:3] == ["First: Oct 5, 2026", "Latest: Nov 4, 2026"]
    assert t.rows == [
        ["Reaction time, median (s)", "0.70", "0.50", "-0.20"],
        ["Response time of correct tries, median (s)", "1.60", "1.20", "-0.40"],
        ["Wrong item (% of go tries)", "25", "0", "-25"],  # 1 of 4, 0 of 2
        ["Moved on a no-go try (% of no-go tries)", "100", "0", "-100"],
        ["No response (% of go tries)", "25", "0", "-25"],
        ["Sway while deciding, mean RMS (% LOS)", "2.4", "1.0", "-1.4"],
    ]
    rules = tables(db)["Think and lean by rule, whole period"]
    assert rules.rows == [
        ["colour", "2", "50", "0.60", "1.20"],  # go tries 0.5 and 0.7 s, one wrong
        ["shape", "3", "33", "0.50", "1.20"],  # one no response; 0.4, 0.6 s; 1.0, 1.4 s
        ["word", "1", "0", "1.20", "2.00"],
        ["first try after a rule change", "2", "50", "0.40", "1.00"],
        ["no-go tries (stand still)", "2", "50", "–", "–"],  # no reaction to time
    ]
    assert "Too few tries" in rules.note  # no kind reaches 10 go tries


def test_weight_transfer_keeps_the_sides_apart(db):
    t = tables(db)["Weight transfer by session, standing on the left / right foot"]
    # day 2: on the left foot one try (70 %, 2.0 s, 0 touch-downs, 1.3 s); on the right two:
    # (74 + 76) / 2 = 75 %, (3 + 1) / 2 = 2.0 s, 1 + 2 = 3 touch-downs, median(0.8, 1.2) = 1.0 s
    assert t.rows[0] == ["Oct 7, 2026", "1 / 2", "70 / 75", "2.0 / 2.0", "0 / 3", "1.30 / 1.00"]
    # day 31, keyboard lean: no load cells, so no load; no try on the right foot
    assert t.rows[1] == ["Nov 5, 2026", "1 / 0", "not measured / not measured",
                         "3.0 / not measured", "0 / 0", "0.50 / not measured"]
    sides = tables(db)["Weight transfer: left against right"]
    assert sides.header == ["Measure", "Left, first", "Right, first", "Left, latest",
                            "Right, latest", "Left − right, latest"]
    assert [row[1:] for row in sides.rows] == [
        ["70", "75", "not measured", "not measured", "–"],
        ["2.0", "2.0", "3.0", "not measured", "–"],
        ["0.0", "1.5", "0.0", "not measured", "–"],  # touch-downs per try: 0 / 1, 3 / 2
        ["1.30", "1.00", "0.50", "not measured", "–"],
    ]


def test_sections_only_for_games_played(db, tmp_path):
    assert tables(db, "Bo") == {}
    out = tmp_path / "bo.html"
    write_report(db, "Bo", out, language="en")
    text = out.read_text(encoding="utf-8")
    assert "Think and lean: measures" not in text and "Weight transfer: measures" not in text


def test_html_and_pdf_in_german(db, tmp_path):
    out = tmp_path / "ada.html"
    write_report(db, "Ada", out, language="de")
    text = out.read_text(encoding="utf-8")
    assert "Denken und lehnen: Messwerte" in text and "0,70 (0,80)" in text
    assert "nicht gemessen / nicht gemessen" in text
    pdf = tmp_path / "ada.pdf"
    write_report(db, "Ada", pdf, language="en")
    words = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Weight transfer: left against right" in words and "0.70 (0.80)" in words
    assert "Sides are named by the standing foot" in words  # the Methods say how


def test_a_change_is_the_difference_of_the_figures_shown():
    # 9.09 % and 11.5 % show as 9 and 12: the change reads +3, not 2.41 rounded to +2
    assert games._change(9.09, 11.5, 0) == "+3"
    assert games._change(0.3, 0.26, 1) == "0.0"  # 0.3 and 0.3 shown: no "-0.0"
