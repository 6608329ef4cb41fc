"""The CSV export: sessions, trials, events, samples, clinical test results, milestones and
personal bests, one file each.

Tables of a few thousand rows go through the csv module with every cell made spreadsheet-safe;
samples, millions of rows, are formatted a chunk at a time from the arrays (storage/numtext.py).
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np

from balance_game.storage.db import Database
from balance_game.storage.export.collect import (
    BEST_COLUMNS,
    EVENT_COLUMNS,
    MILESTONE_COLUMNS,
    SAMPLE_COLUMNS,
    SAMPLE_DECIMALS,
    SESSION_COLUMNS,
    TRIAL_COLUMNS,
    ExportData,
    result_fields,
    sample_chunks,
    unit_of,
)
from balance_game.storage.export.files import open_private
from balance_game.storage.numtext import format_rows

FILES = ("sessions.csv", "trials.csv", "samples.csv", "events.csv", "assessments.csv",
         "milestones.csv", "personal_bests.csv")
ASSESSMENT_COLUMNS = ("player_id", "assessment_id", "session_id", "kind", "created_at", "field",
                      "value", "unit")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: Any) -> Any:
    """A CSV cell a spreadsheet will not run as a formula; numbers stay numbers.

    Text that starts with ``= + - @``, a tab or a carriage return gets a leading apostrophe
    (the OWASP advice), so ``=HYPERLINK(...)`` shows as text. None and non-finite numbers are
    empty cells; true/false become 1/0.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (int, float, np.integer, np.floating)):
        return value if math.isfinite(value) else ""
    text = value if isinstance(value, str) else json.dumps(value, sort_keys=True)
    return "'" + text if text.startswith(FORMULA_START) else text


def _write_table(path: Path, columns: Iterable[str], rows: Iterable[Iterable[Any]]) -> int:
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(list(columns))
    n = 0
    with open_private(path) as f:
        for row in rows:
            writer.writerow([spreadsheet_safe(v) for v in row])
            n += 1
            if n % 4096 == 0:
                f.write(text.getvalue().encode("utf-8"))
                text.seek(0)
                text.truncate()
        f.write(text.getvalue().encode("utf-8"))
    return n


def trial_measure_keys(sessions: list[dict[str, Any]]) -> list[str]:
    """The union of the trials' measure names, in order of first appearance."""
    keys: dict[str, None] = {}
    for session in sessions:
        for trial in session["trials"]:
            keys.update(dict.fromkeys(trial["measures"]))
    return list(keys)


def _session_cell(session: dict[str, Any], column: str) -> Any:
    value = session[column]
    return ";".join(value) if column in ("levels", "tests") else value


def _assessment_rows(data: ExportData) -> Iterable[list[Any]]:
    for a in data.assessments:
        for field, value in result_fields(a["results"]):
            numeric = isinstance(value, (int, float)) and not isinstance(value, bool)
            yield [data.player["id"], a["assessment_id"], a["session_id"], a["kind"],
                   a["created_at"], field, value, unit_of(field) if numeric else ""]


def write_samples(db: Database, data: ExportData, path: Path) -> int:
    """samples.csv, a chunk of rows at a time; returns the row count."""
    n = 0
    with open_private(path) as f:
        f.write((",".join(SAMPLE_COLUMNS) + "\n").encode("ascii"))
        for session_id, chunk in sample_chunks(db, data):
            columns = [np.full(len(chunk), session_id), *chunk.T]
            f.write(format_rows(columns, (0, *SAMPLE_DECIMALS)))
            n += len(chunk)
    return n


def write_csv(db: Database, data: ExportData, stage: Path) -> int:
    """Every CSV file into ``stage``; returns the number of samples written."""
    sessions = data.sessions
    _write_table(stage / "sessions.csv", SESSION_COLUMNS,
                 ([_session_cell(s, c) for c in SESSION_COLUMNS] for s in sessions))
    keys = trial_measure_keys(sessions)
    measure_columns = [f"m_{k}" if k in TRIAL_COLUMNS else k for k in keys]
    _write_table(stage / "trials.csv", (*TRIAL_COLUMNS, *measure_columns), (
        [s["session_id"], *(t[c] for c in TRIAL_COLUMNS[1:]), *(t["measures"].get(k) for k in keys)]
        for s in sessions for t in s["trials"]))
    _write_table(stage / "events.csv", EVENT_COLUMNS, (
        [s["session_id"], e["t_s"], e["type"], e["reason"]] for s in sessions for e in s["events"]))
    _write_table(stage / "assessments.csv", ASSESSMENT_COLUMNS, _assessment_rows(data))
    player_id = data.player["id"]
    for name, columns, rows in (("milestones.csv", MILESTONE_COLUMNS, data.milestones),
                                ("personal_bests.csv", BEST_COLUMNS, data.personal_bests)):
        _write_table(stage / name, columns, ([player_id, *(r[c] for c in columns[1:])]
                                             for r in rows))
    return write_samples(db, data, stage / "samples.csv")
