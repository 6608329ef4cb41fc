"""The export's read model: a player, their sessions, clinical tests and rewards, as records.

One query per table for the whole player (sessions, trials, events, assessments, milestones,
personal bests), then one streaming pass over each session's samples for the centre-of-pressure
measures (dsp.recording: the dsp definitions, in bounded memory however long the session).
Samples themselves are not kept: the writers stream them again, a chunk at a time
(``sample_chunks``).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import numpy as np

from balance_game import __version__
from balance_game.core.rewards import MILESTONES
from balance_game.core.safety import PAUSE_REASONS, paused_intervals, safety_counts
from balance_game.dsp.recording import RecordingSway
from balance_game.storage.activity import (
    events_by_session,
    session_rows,
    session_tests,
    trials_by_session,
)
from balance_game.storage.assessments import list_assessments
from balance_game.storage.db import Database
from balance_game.storage.export.anonymise import Anonymiser
from balance_game.storage.players import get_player, get_prescription_json
from balance_game.storage.rewards import milestone_rows, personal_best_rows
from balance_game.storage.samples_csv import COLUMNS as SAMPLE_VALUE_COLUMNS
from balance_game.storage.sessions import iter_sample_chunks
from balance_game.timeutil import now_iso

FORMAT_VERSION = 1
NOT_ANONYMISED = Anonymiser(False)
SESSION_COLUMNS = (
    "player_id", "player_name", "session_id", "started_at", "ended_at", "elapsed_s", "active_min",
    "attendance", "device", "software_version", "levels", "n_trials", "n_success", "success_pct",
    "mean_score", "difficulty_before", "difficulty_after", "pain_before", "pain_after", "notes",
    "step_offs", "pauses_total", *(f"pauses_{r}" for r in PAUSE_REASONS), "aborted_trials",
    "n_samples", "measured_s", "sample_rate_hz", "path_length_mm", "mean_velocity_mm_s",
    "range_ml_mm", "range_ap_mm", "rms_ml_mm", "rms_ap_mm", "ellipse95_area_mm2",
    "weight_left_pct", "weight_front_pct", "kind", "tests",
)
TRIAL_COLUMNS = ("session_id", "level_id", "mechanic", "trial_index", "t_start_s", "t_end_s",
                 "duration_s", "success", "score", "difficulty")
EVENT_COLUMNS = ("session_id", "t_s", "type", "reason")
MILESTONE_COLUMNS = ("player_id", "milestone", "label", "reached_at", "session_id")
BEST_COLUMNS = ("player_id", "mechanic", "level_id", "measure", "value", "unit", "set_at",
                "session_id")
# Units of the personal-best measures: a level's mean score is points of 0-100, stars a count.
BEST_UNITS = {"mean_score": "1", "stars": "1"}
SAMPLE_COLUMNS = ("session_id", *SAMPLE_VALUE_COLUMNS)
# Decimals per sample column: time to 0.1 ms, loads to 1 g, positions to 0.01 mm.
SAMPLE_DECIMALS = (4, 3, 3, 3, 3, 3, 2, 2)
# Published digits of the session measures (the numbers themselves come from dsp).
MEASURE_DIGITS = {"measured_s": 2, "sample_rate_hz": 2, "path_length_mm": 1,
                  "mean_velocity_mm_s": 2, "range_ml_mm": 2, "range_ap_mm": 2, "rms_ml_mm": 2,
                  "rms_ap_mm": 2, "ellipse95_area_mm2": 1, "weight_left_pct": 1,
                  "weight_front_pct": 1}
# Units of result fields, read from the end of their names (longest suffix first).
SUFFIX_UNITS = (("_mm_s", "mm/s"), ("_deg_s", "deg/s"), ("_pct_s", "%/s"), ("_mm2", "mm2"),
                ("_mm", "mm"), ("_deg", "deg"), ("_pct", "%"), ("_hz", "Hz"), ("_kg", "kg"),
                ("_cm", "cm"), ("_s", "s"))


@dataclass
class ExportData:
    header: dict[str, Any]  # format, versions, export time, anonymised, since
    player: dict[str, Any]
    sessions: list[dict[str, Any]]  # oldest first, samples not included
    assessments: list[dict[str, Any]]  # every clinical test result, oldest first
    milestones: list[dict[str, Any]] = field(default_factory=list)  # oldest first
    personal_bests: list[dict[str, Any]] = field(default_factory=list)  # by level, then measure


def unit_of(name: str) -> str:
    """UCUM unit of a measure or result field from its name's suffix; '1' when it has none."""
    for suffix, unit in SUFFIX_UNITS:
        if name.endswith(suffix):
            return unit
    return "1"


def finite(value: Any) -> Any:
    """JSON-ready: NaN and infinities become None (null), recursively."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: finite(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [finite(v) for v in value]
    return value


def result_fields(results: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """A test's results as (dotted field path, value) leaves, in order: any kind, any nesting."""
    if isinstance(results, dict):
        for key, value in results.items():
            yield from result_fields(value, f"{path}.{key}" if path else str(key))
    elif isinstance(results, (list, tuple)):
        for i, value in enumerate(results):
            yield from result_fields(value, f"{path}.{i}")
    else:
        yield path, finite(results)


def _round(value: float | None, digits: int) -> float | None:
    if value is None or not math.isfinite(value):
        return None
    return round(float(value), digits)


def _trials(db: Database, player_id: int) -> dict[int, list[dict[str, Any]]]:
    grouped = trials_by_session(db, player_id)
    for trials in grouped.values():
        for t in trials:
            t["duration_s"] = round(t["t_end_s"] - t["t_start_s"], 4)
            t["measures"] = finite(t["measures"])
    return {sid: [{c: t[c] for c in (*TRIAL_COLUMNS[1:], "measures")} for t in trials]
            for sid, trials in grouped.items()}


def session_sway(db: Database, session_id: int, events: list[dict[str, Any]]) -> dict[str, Any]:
    """Sample count and centre-of-pressure measures of one session, outside its pauses."""
    sway = RecordingSway(paused_intervals(events))
    n = 0
    for _, chunk in iter_sample_chunks(db, (session_id,)):
        n += len(chunk)
        sway.add(chunk[:, 0], chunk[:, 6], chunk[:, 7], chunk[:, 1:5])
    measures = sway.result()
    return {"n_samples": n, **{k: _round(v, MEASURE_DIGITS[k]) for k, v in measures.items()}}


def _measure_means(trials: list[dict[str, Any]]) -> dict[str, float]:
    """Mean of every numeric trial measure over the trials that have it."""
    values: dict[str, list[float]] = {}
    for trial in trials:
        for key, value in trial["measures"].items():
            if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
                values.setdefault(key, []).append(float(value))
    return {key: round(sum(v) / len(v), 4) for key, v in values.items()}


def _session(db: Database, row: dict[str, Any], player: dict[str, Any], trials: list[dict[str, Any]],
             events: list[dict[str, Any]], tests: list[str], anon: Anonymiser) -> dict[str, Any]:
    started = datetime.fromisoformat(row["started_at"])
    ended = datetime.fromisoformat(row["ended_at"]) if row["ended_at"] else None
    scores = [t["score"] for t in trials]
    n_success = sum(bool(t["success"]) for t in trials)
    record = {
        "player_id": player["id"], "player_name": player["name"], "session_id": row["id"],
        "started_at": anon.stamp(row["started_at"]), "ended_at": anon.stamp(row["ended_at"]),
        "elapsed_s": (ended - started).total_seconds() if ended else None,
        "active_min": round(row["active_s"] / 60.0, 3),
        "attendance": "attended" if row["attended"] else "independent",
        "device": anon.device(row["device"]), "software_version": row["software_version"],
        "levels": list(dict.fromkeys(t["level_id"] for t in trials)),
        "n_trials": len(trials), "n_success": n_success,
        "success_pct": round(100.0 * n_success / len(trials), 1) if trials else None,
        "mean_score": round(sum(scores) / len(scores), 2) if scores else None,
        "difficulty_before": trials[0]["difficulty"] if trials else None,
        "difficulty_after": trials[-1]["difficulty"] if trials else None,
        "pain_before": row["pain_before"], "pain_after": row["pain_after"],
        "notes": anon.text(row["notes"]), **safety_counts(events),
        **session_sway(db, row["id"], events),
        "kind": "test" if tests else "training", "tests": tests,
    }
    record = {column: record.get(column) for column in SESSION_COLUMNS}
    record["measure_means"] = _measure_means(trials)
    record["trials"] = trials
    record["events"] = events
    return record


def _assessments(db: Database, player_id: int, since: date | None,
                 anon: Anonymiser) -> list[dict[str, Any]]:
    out = []
    for row in list_assessments(db, player_id):
        if since is not None and datetime.fromisoformat(row["created_at"]).date() < since:
            continue
        out.append({"assessment_id": row["id"], "session_id": row["session_id"],
                    "kind": row["kind"], "created_at": anon.stamp(row["created_at"]),
                    "results": finite(row["results"])})
    return out


def _milestones(db: Database, player_id: int, since: date | None,
                anon: Anonymiser) -> list[dict[str, Any]]:
    """Milestones reached (on or after ``since``), each with its English label."""
    out = []
    for row in milestone_rows(db, player_id):
        if since is not None and datetime.fromisoformat(row["earned_at"]).date() < since:
            continue
        out.append({"milestone": row["key"], "label": MILESTONES.get(row["key"], row["key"]),
                    "reached_at": anon.stamp(row["earned_at"]), "session_id": row["session_id"]})
    return out


def _personal_bests(db: Database, player_id: int, anon: Anonymiser) -> list[dict[str, Any]]:
    """The standing personal bests, whatever ``--since``: a record is the player's now."""
    return [{"mechanic": row["mechanic"], "level_id": row["level_id"], "measure": row["measure"],
             "value": row["value"], "unit": BEST_UNITS[row["measure"]],
             "set_at": anon.stamp(row["set_at"]), "session_id": row["session_id"]}
            for row in personal_best_rows(db, player_id)]


def collect(db: Database, player_name: str, since: date | None = None,
            anon: Anonymiser = NOT_ANONYMISED) -> ExportData:
    """The player, their sessions (oldest first) and their clinical tests, samples not included."""
    found = get_player(db, player_name)
    prescription_text = get_prescription_json(db, found.id)
    prescription = json.loads(prescription_text) if prescription_text else None
    if prescription is not None and anon.active:
        prescription["note"] = None
    player = {"id": found.pseudonym, "name": anon.text(found.name), "height_cm": found.height_cm,
              "weight_kg": found.weight_kg, "prescription": prescription,
              "birth_year": found.birth_year}
    rows = session_rows(db, found.id)
    if since is not None:
        rows = [r for r in rows if datetime.fromisoformat(r["started_at"]).date() >= since]
    trials, events = _trials(db, found.id), events_by_session(db, found.id)
    tests = session_tests(db, found.id)
    sessions = [_session(db, row, player, trials.get(row["id"], []), events.get(row["id"], []),
                         tests.get(row["id"], []), anon) for row in rows]
    header = {"format": "balance_game-export", "format_version": FORMAT_VERSION,
              "software_version": __version__, "exported_at": anon.stamp(now_iso()),
              "anonymized": anon.active, "since": since.isoformat() if since else None}
    return ExportData(header, player, sessions, _assessments(db, found.id, since, anon),
                      _milestones(db, found.id, since, anon), _personal_bests(db, found.id, anon))


def sample_chunks(db: Database, data: ExportData) -> Iterator[tuple[int, np.ndarray]]:
    """The exported sessions' samples, chunk by chunk, in export order."""
    return iter_sample_chunks(db, [s["session_id"] for s in data.sessions])
