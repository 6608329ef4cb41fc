"""Exporting a player's records for their therapist: CSV, JSON or a FHIR R4 Bundle.

collect.py reads the player, their sessions (optionally since a date), trials, events and clinical
test results and computes per-session summaries (the read model); anonymise.py is what
``--anonymize`` changes; one writer per format lays the same content out as files, streaming the
samples from the store a chunk at a time. The file layouts are documented in docs/export.md.

Every file is written into a staging folder inside the output folder and moved into place only
when all of them are complete, so an export that fails leaves no half-written file behind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from balance_game.core.safety import PAUSE_REASONS
from balance_game.errors import UserError
from balance_game.storage.db import Database
from balance_game.storage.export.anonymise import SHIFT_WEEKS, Anonymiser, random_shift_days
from balance_game.storage.export.collect import (
    EVENT_COLUMNS,
    FORMAT_VERSION,
    SAMPLE_COLUMNS,
    SESSION_COLUMNS,
    TRIAL_COLUMNS,
    ExportData,
    collect,
)
from balance_game.storage.export.csv_writer import ASSESSMENT_COLUMNS, spreadsheet_safe, write_csv
from balance_game.storage.export.csv_writer import FILES as CSV_FILES
from balance_game.storage.export.fhir import fhir_bundle, write_fhir
from balance_game.storage.export.files import staging
from balance_game.storage.export.json_writer import write_json

FORMATS = ("csv", "json", "fhir")
FILES = {"csv": CSV_FILES, "json": ("export.json",), "fhir": ("bundle.json",)}


@dataclass(frozen=True)
class ExportResult:
    files: tuple[Path, ...]
    n_sessions: int
    n_trials: int
    n_events: int
    n_samples: int
    n_assessments: int = 0


def parse_since(text: str | None) -> date | None:
    """``--since`` as a date; anything but YYYY-MM-DD is a UserError."""
    if text is None:
        return None
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text.strip()):
            raise ValueError
        return date.fromisoformat(text.strip())
    except ValueError:
        raise UserError(f"--since {text[:40]!r} is not a date (use YYYY-MM-DD, e.g. 2026-01-31)") from None


def export_player(db: Database, player_name: str, fmt: str, out_dir: Path,
                  since: date | str | None = None, anonymize: bool = False,
                  shift_days: int | None = None) -> ExportResult:
    """Write a player's records in ``fmt`` (csv, json or fhir) into ``out_dir``.

    Files of the same name in ``out_dir`` are replaced, each only once it is complete.
    ``shift_days`` fixes the anonymisation shift (tests); by default it is random.
    """
    if fmt not in FORMATS:
        raise UserError(f"unknown export format {fmt!r} (one of: {', '.join(FORMATS)})")
    if isinstance(since, str):
        since = parse_since(since)
    if not anonymize:
        shift_days = 0
    elif shift_days is None:
        shift_days = random_shift_days()
    data = collect(db, player_name, since, Anonymiser(anonymize, shift_days))
    with staging(Path(out_dir)) as stage:
        if fmt == "csv":
            n_samples = write_csv(db, data, stage)
        elif fmt == "json":
            n_samples = write_json(db, data, stage)
        else:
            write_fhir(data, stage)
            n_samples = sum(s["n_samples"] for s in data.sessions)
    sessions = data.sessions
    return ExportResult(
        files=tuple(Path(out_dir) / name for name in FILES[fmt]), n_sessions=len(sessions),
        n_trials=sum(len(s["trials"]) for s in sessions),
        n_events=sum(len(s["events"]) for s in sessions), n_samples=n_samples,
        n_assessments=len(data.assessments),
    )


__all__ = ["ASSESSMENT_COLUMNS", "EVENT_COLUMNS", "FILES", "FORMATS", "FORMAT_VERSION",
           "PAUSE_REASONS", "SAMPLE_COLUMNS", "SESSION_COLUMNS", "SHIFT_WEEKS", "TRIAL_COLUMNS",
           "ExportData", "ExportResult", "collect", "export_player", "fhir_bundle", "parse_since",
           "random_shift_days", "spreadsheet_safe"]
