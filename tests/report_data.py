"""A month of real (simulated) sessions and clinical tests for the report tests and benchmark.

The game runs headless with the simulated player; afterwards the session and assessment times
are rewritten to spread them over four weeks (as tests/storage/test_export.py does).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from balance_game.devices.simulated import parse_sim_events
from balance_game.game.runner import RunRequest, run_game
from balance_game.game.scenes import GameOptions
from balance_game.storage.db import Database
from balance_game.storage.players import add_player
from balance_game.storage.prescriptions import prescribe
from balance_game.storage.sessions import set_session_notes, set_session_pain

REPO = Path(__file__).resolve().parents[1]
NAME = "Ada <b>&"  # markup in the name must come out as text
FIRST_DAY = datetime.fromisoformat("2026-10-05T09:30:00+02:00")  # a Monday
LEVELS = ("reach-01", "steady-01", "tilt-01", "catch-01")
# Training days (offsets from FIRST_DAY), about three a week over four weeks.
TRAINING_DAYS = (0, 2, 4, 7, 9, 12, 15, 16, 18, 22, 24, 26)
TESTS = ((0, "quiet"), (0, "los"), (27, "quiet"), (27, "los"))
# Seeds whose simulated LOS test finishes: with some seeds the simulated player loses balance,
# the test pauses (balance_lost) and a headless run never resumes.
TEST_SEEDS = (100, 0, 102, 3)
NOTE = "Said the <knee> felt better & steadier"


def _stamp(day: int, minutes: int) -> str:
    return (FIRST_DAY + timedelta(days=day, minutes=minutes)).isoformat(timespec="seconds")


def build_month_db(path: Path, quiet_seconds: float = 12.0) -> Path:
    """The database at ``path`` (quiet-stance conditions of ``quiet_seconds``: at exactly 10 s
    the pipeline finds them too short).

    The database at ``path``: NAME with a prescription, 12 sessions and 4 tests, plus Other."""
    with Database(path) as db:
        add_player(db, NAME, height_cm=165, weight_kg=62)
        add_player(db, "Other")
    plan: list[tuple[int, str | None, int]] = []  # (day, test kind, index)
    for i, day in enumerate(TRAINING_DAYS):
        events = parse_sim_events("stepoff@2,return@3.5") if i % 5 == 1 else ()
        run_game(RunRequest(db_path=path, windowed=False, player=NAME, sim_events=events,
                            options=GameOptions(headless=True, fast=True, seconds=20 + 5 * (i % 3),
                                                seed=i, level_id=LEVELS[i % len(LEVELS)],
                                                device="sim")))
        plan.append((day, None, i))
    for j, (day, kind) in enumerate(TESTS):
        run_game(RunRequest(db_path=path, windowed=False, player=NAME,
                            ability=0.6 if kind == "los" else 0.6 + 0.2 * (day > 0),
                            options=GameOptions(headless=True, fast=True, seed=TEST_SEEDS[j], device="sim",
                                                assessment=kind, assess_seconds=quiet_seconds)))
        plan.append((day, kind, j))
    run_game(RunRequest(db_path=path, windowed=False, player="Other",
                        options=GameOptions(headless=True, fast=True, seconds=10, seed=9,
                                            level_id="reach-01", device="sim")))
    with Database(path) as db:
        rows = db.query("SELECT s.id, s.active_s FROM sessions s JOIN players p"
                        " ON p.id = s.player_id WHERE p.name = ? ORDER BY s.id", (NAME,))
        for (day, kind, i), row in zip(plan, rows, strict=True):
            minutes = 60 * (i % 3) + (30 if kind == "los" else 0)
            started = _stamp(day, minutes)
            ended = (datetime.fromisoformat(started)
                     + timedelta(seconds=round(row["active_s"]) + 30)).isoformat()
            db.execute("UPDATE sessions SET started_at = ?, ended_at = ?, attended = ? WHERE id = ?",
                       (started, ended, int(kind is not None or i % 4 == 0), row["id"]))
            if kind:
                db.execute("UPDATE assessments SET created_at = ? WHERE session_id = ?",
                           (ended, row["id"]))
            elif i % 3 == 0:
                set_session_pain(db, row["id"], "before", 4 - i // 4)
                set_session_pain(db, row["id"], "after", 2)
        set_session_notes(db, rows[4]["id"], NOTE)
        prescribe(db, NAME, REPO / "docs" / "prescription-example.yaml")
    return path


def grow_to(path: Path, n_sessions: int, name: str = NAME) -> None:
    """Copy ``name``'s training sessions (rows, trials, events and samples) until they number
    ``n_sessions``, about three a week back from the first one: data for the report benchmark."""
    with Database(path) as db:
        player_id = db.scalar("SELECT id FROM players WHERE name = ?", (name,))
        sources = db.query("SELECT * FROM sessions WHERE player_id = ? AND id NOT IN"
                           " (SELECT session_id FROM assessments WHERE session_id IS NOT NULL)"
                           " ORDER BY id", (player_id,))
        have = db.scalar("SELECT COUNT(*) FROM sessions WHERE player_id = ?", (player_id,))
        with db.transaction():
            for k in range(n_sessions - have):
                src = sources[k % len(sources)]
                begin = datetime.fromisoformat(src["started_at"])
                moment = FIRST_DAY - timedelta(weeks=k // 3 + 1) + timedelta(days=2 * (k % 3))
                shift = begin - moment.replace(hour=begin.hour, minute=begin.minute)
                started = (begin - shift).isoformat()
                ended = (datetime.fromisoformat(src["ended_at"]) - shift).isoformat()
                new = db.execute(
                    "INSERT INTO sessions (player_id, started_at, ended_at, device, software_version,"
                    " seed, attended, active_s, pain_before, pain_after, notes)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (player_id, started, ended, src["device"], src["software_version"], src["seed"],
                     src["attended"], src["active_s"], src["pain_before"], src["pain_after"],
                     src["notes"]))
                db.execute("INSERT INTO trials (session_id, level_id, mechanic, trial_index, t_start_s,"
                           " t_end_s, success, score, difficulty, measures_json) SELECT ?, level_id,"
                           " mechanic, trial_index, t_start_s, t_end_s, success, score, difficulty,"
                           " measures_json FROM trials WHERE session_id = ?", (new, src["id"]))
                db.execute("INSERT INTO events (session_id, t_s, type, reason, data_json) SELECT ?,"
                           " t_s, type, reason, data_json FROM events WHERE session_id = ?",
                           (new, src["id"]))
                db.execute("INSERT INTO sample_blocks (session_id, seq, t0_s, n, data) SELECT ?, seq,"
                           " t0_s, n, data FROM sample_blocks WHERE session_id = ?", (new, src["id"]))
