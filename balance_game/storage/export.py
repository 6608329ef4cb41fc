"""Exporting a player's records for their therapist: CSV, JSON or a FHIR R4 Bundle.

One collection step reads the player, their sessions (optionally since a date), trials, events
and samples from the store and computes per-session summaries; three writers lay the same
content out as files. The file layouts are documented in docs/export.md.

Every file is written into a staging folder inside the output folder and moved into place only
when all of them are complete, so an export that fails leaves no half-written file behind.
With ``anonymize`` the player's name, free-text notes and the therapist's note are left out,
device names lose anything that could identify a person, and every date and time is moved back
by the same random whole number of weeks (weekday, time of day and durations stay exact).
"""

from __future__ import annotations

import contextlib
import csv
import json
import math
import os
import re
import secrets
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, TextIO

import numpy as np

from balance_game import __version__
from balance_game.errors import UserError
from balance_game.private_files import private_staging_dir
from balance_game.storage.db import Database
from balance_game.storage.players import get_player, get_prescription_json
from balance_game.storage.samples_csv import COLUMNS as SAMPLE_VALUE_COLUMNS
from balance_game.storage.samples_csv import sample_row
from balance_game.storage.sessions import (
    iter_session_samples,
    session_events,
    session_sample_array,
    session_trials,
)
from balance_game.timeutil import now_iso

FORMATS = ("csv", "json", "fhir")
FORMAT_VERSION = 1
PAUSE_REASONS = ("step_off", "balance_lost", "device_lost", "user")
MAX_GAP_S = 0.5  # consecutive samples further apart than this are not joined into a path
CHI2_95_2DF = 5.991464547107979  # 95 % quantile of chi-square with 2 degrees of freedom
SHIFT_WEEKS = (4, 104)  # anonymised exports move dates back by this many weeks (inclusive)

SESSION_COLUMNS = (
    "player_id", "player_name", "session_id", "started_at", "ended_at", "elapsed_s", "active_min",
    "attendance", "device", "software_version", "levels", "n_trials", "n_success", "success_pct",
    "mean_score", "difficulty_before", "difficulty_after", "pain_before", "pain_after", "notes",
    "step_offs", "pauses_total", *(f"pauses_{r}" for r in PAUSE_REASONS), "aborted_trials",
    "n_samples", "measured_s", "sample_rate_hz", "path_length_mm", "mean_velocity_mm_s",
    "range_ml_mm", "range_ap_mm", "rms_ml_mm", "rms_ap_mm", "ellipse95_area_mm2",
    "weight_left_pct", "weight_front_pct",
)
TRIAL_COLUMNS = ("session_id", "level_id", "mechanic", "trial_index", "t_start_s", "t_end_s",
                 "duration_s", "success", "score", "difficulty")
EVENT_COLUMNS = ("session_id", "t_s", "type", "reason")
SAMPLE_COLUMNS = ("session_id", *SAMPLE_VALUE_COLUMNS)
FILES = {"csv": ("sessions.csv", "trials.csv", "samples.csv", "events.csv"),
         "json": ("export.json",), "fhir": ("bundle.json",)}

UCUM = "http://unitsofmeasure.org"
LOINC = "http://loinc.org"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
PSEUDONYM_SYSTEM = "urn:balance-game:pseudonym"
MEASURE_SYSTEM = "urn:balance-game:measure"
UUID_NAMESPACE = uuid.UUID("6f1c3c2e-4b0a-5d7e-9a61-3e2b8f7c1d40")  # stable ids across re-exports

# Per-session measures that become FHIR components: column -> (UCUM unit, label).
COMPONENTS = {
    "elapsed_s": ("s", "Elapsed time, start to end"),
    "measured_s": ("s", "Time with centre-of-pressure samples, pauses excluded"),
    "n_trials": ("1", "Trials completed"),
    "n_success": ("1", "Trials successful"),
    "success_pct": ("%", "Trial success rate"),
    "mean_score": ("1", "Mean trial score (0-100)"),
    "difficulty_before": ("1", "Difficulty at the first trial (0-1)"),
    "difficulty_after": ("1", "Difficulty at the last trial (0-1)"),
    "pain_before": ("1", "Pain before the session (0-10)"),
    "pain_after": ("1", "Pain after the session (0-10)"),
    "step_offs": ("1", "Step-offs"),
    "pauses_total": ("1", "Pauses"),
    "aborted_trials": ("1", "Trials interrupted"),
    "sample_rate_hz": ("Hz", "Sample rate"),
    "path_length_mm": ("mm", "Centre-of-pressure path length"),
    "mean_velocity_mm_s": ("mm/s", "Centre-of-pressure mean velocity"),
    "range_ml_mm": ("mm", "Centre-of-pressure range, medio-lateral"),
    "range_ap_mm": ("mm", "Centre-of-pressure range, antero-posterior"),
    "rms_ml_mm": ("mm", "Centre-of-pressure RMS, medio-lateral"),
    "rms_ap_mm": ("mm", "Centre-of-pressure RMS, antero-posterior"),
    "ellipse95_area_mm2": ("mm2", "95 % confidence ellipse area"),
    "weight_left_pct": ("%", "Weight bearing on the left foot"),
    "weight_front_pct": ("%", "Weight bearing on the forefoot"),
}
SUFFIX_UNITS = (("_mm_s", "mm/s"), ("_mm2", "mm2"), ("_mm", "mm"), ("_pct", "%"), ("_hz", "Hz"),
                ("_s", "s"))

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class ExportResult:
    files: tuple[Path, ...]
    n_sessions: int
    n_trials: int
    n_events: int
    n_samples: int


# --- small helpers ----------------------------------------------------------------------------
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


def _finite(value: Any) -> Any:
    """JSON-ready: NaN and infinities become None (null), recursively."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_finite(v) for v in value]
    return value


def _round(value: float | None, digits: int) -> float | None:
    if value is None or not math.isfinite(value):
        return None
    return round(float(value), digits)


def _shift_iso(stamp: str | None, shift: timedelta) -> str | None:
    if not stamp:
        return None
    return (datetime.fromisoformat(stamp) - shift).isoformat(timespec="seconds")


_IDENTIFYING = re.compile(r"([0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}|\b[0-9A-Fa-f]{8,}\b")


def _anonymous_device(device: str) -> str:
    """A device name without file names, MAC addresses or serial numbers."""
    if device.startswith("replay of "):
        return "replay"
    return _IDENTIFYING.sub("(id removed)", device)


def _uuid(*parts: object) -> str:
    return str(uuid.uuid5(UUID_NAMESPACE, "/".join(str(p) for p in parts)))


# --- collecting -------------------------------------------------------------------------------
def _session_array(db: Database, session_id: int) -> np.ndarray:
    """All samples as an (n, 8) array: t, four corners, total, cop x, cop y (NaN if absent)."""
    return session_sample_array(db, session_id)


def _paused_intervals(events: list[dict[str, Any]]) -> list[tuple[float, float]]:
    intervals, reasons, start = [], set(), 0.0
    for event in events:
        if event["type"] == "pause":
            if not reasons:
                start = event["t_s"]
            reasons.add(event["reason"])
        elif event["type"] == "resume" and event["reason"] in reasons:
            reasons.discard(event["reason"])
            if not reasons:
                intervals.append((start, event["t_s"]))
    if reasons:
        intervals.append((start, math.inf))
    return intervals


def _safety_counts(events: list[dict[str, Any]]) -> dict[str, int]:
    """Pauses by reason, and trials interrupted.

    A trial counts as interrupted when a pause begins, or the session ends, while a level is in
    play: an upper bound, as the pause may fall between two trials. Sessions that record
    ``trial_aborted`` events are counted from those instead.
    """
    counts = {f"pauses_{r}": 0 for r in PAUSE_REASONS}
    pauses = aborted = explicit = 0
    in_level, reasons = False, set()
    for event in events:
        kind, reason = event["type"], event["reason"]
        if kind == "pause":
            pauses += 1
            key = f"pauses_{reason}"
            if key in counts:
                counts[key] += 1
            if in_level and not reasons:
                aborted += 1
            reasons.add(reason)
        elif kind == "resume":
            reasons.discard(reason)
        elif kind == "level_start":
            in_level = True
        elif kind == "level_end":
            in_level = False
        elif kind == "level_stopped":
            if in_level and not reasons:
                aborted += 1
            in_level = False
        elif kind == "trial_aborted":
            explicit += 1
    has_explicit = any(e["type"] == "trial_aborted" for e in events)
    return {"step_offs": counts["pauses_step_off"], "pauses_total": pauses, **counts,
            "aborted_trials": explicit if has_explicit else aborted}


def sway_measures(samples: np.ndarray, paused: list[tuple[float, float]]) -> dict[str, Any]:
    """Centre-of-pressure measures over the samples outside pauses (raw, unfiltered)."""
    t = samples[:, 0]
    active = np.ones(len(t), dtype=bool)
    for start, end in paused:
        active &= ~((t >= start) & (t < end))
    result: dict[str, Any] = {"n_samples": len(samples)}
    if active.sum() < 2:
        return result
    dt = np.diff(t)
    joined = active[:-1] & active[1:] & (dt > 0) & (dt <= MAX_GAP_S)
    steps = np.hypot(np.diff(samples[:, 6]), np.diff(samples[:, 7]))[joined]
    measured = float(dt[joined].sum())
    path = float(steps.sum())
    s = samples[active]
    x, y = s[:, 6], s[:, 7]
    cov = np.cov(np.vstack([x, y]))
    result.update({
        "measured_s": _round(measured, 2),
        "sample_rate_hz": _round(len(steps) / measured, 2) if measured > 0 else None,
        "path_length_mm": _round(path, 1),
        "mean_velocity_mm_s": _round(path / measured, 2) if measured > 0 else None,
        "range_ml_mm": _round(float(x.max() - x.min()), 2),
        "range_ap_mm": _round(float(y.max() - y.min()), 2),
        "rms_ml_mm": _round(float(x.std()), 2),
        "rms_ap_mm": _round(float(y.std()), 2),
        "ellipse95_area_mm2": _round(math.pi * CHI2_95_2DF * math.sqrt(max(np.linalg.det(cov), 0.0)), 1),
    })
    corners = s[:, 1:5]
    total = s[:, 5]
    has_load = ~np.isnan(corners).any(axis=1) & (total > 1.0)
    if has_load.any():
        c, tot = corners[has_load], total[has_load]
        result["weight_left_pct"] = _round(float(np.mean((c[:, 0] + c[:, 2]) / tot) * 100), 1)
        result["weight_front_pct"] = _round(float(np.mean((c[:, 0] + c[:, 1]) / tot) * 100), 1)
    return result


def _trial_rows(trials: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rows = []
    for trial in trials:
        rows.append({
            "level_id": trial["level_id"], "mechanic": trial["mechanic"],
            "trial_index": trial["trial_index"], "t_start_s": trial["t_start_s"],
            "t_end_s": trial["t_end_s"],
            "duration_s": round(trial["t_end_s"] - trial["t_start_s"], 4),
            "success": trial["success"], "score": trial["score"],
            "difficulty": trial["difficulty"], "measures": _finite(trial["measures"]),
        })
    return rows


def _session_record(db: Database, row: dict[str, Any], player: dict[str, Any], anonymize: bool,
                    shift: timedelta) -> dict[str, Any]:
    session_id = row["id"]
    trials = _trial_rows(session_trials(db, session_id))
    events = session_events(db, session_id)
    started = datetime.fromisoformat(row["started_at"])
    ended = datetime.fromisoformat(row["ended_at"]) if row["ended_at"] else None
    scores = [t["score"] for t in trials]
    n_success = sum(bool(t["success"]) for t in trials)
    record = {
        "player_id": player["id"], "player_name": player["name"], "session_id": session_id,
        "started_at": _shift_iso(row["started_at"], shift),
        "ended_at": _shift_iso(row["ended_at"], shift),
        "elapsed_s": (ended - started).total_seconds() if ended else None,
        "active_min": round(row["active_s"] / 60.0, 3),
        "attendance": "attended" if row["attended"] else "independent",
        "device": _anonymous_device(row["device"]) if anonymize else row["device"],
        "software_version": row["software_version"],
        "levels": list(dict.fromkeys(t["level_id"] for t in trials)),
        "n_trials": len(trials), "n_success": n_success,
        "success_pct": round(100.0 * n_success / len(trials), 1) if trials else None,
        "mean_score": round(sum(scores) / len(scores), 2) if scores else None,
        "difficulty_before": trials[0]["difficulty"] if trials else None,
        "difficulty_after": trials[-1]["difficulty"] if trials else None,
        "pain_before": row["pain_before"], "pain_after": row["pain_after"],
        "notes": None if anonymize else row["notes"],
        **_safety_counts(events),
    }
    record.update(sway_measures(_session_array(db, session_id), _paused_intervals(events)))
    record = {column: record.get(column) for column in SESSION_COLUMNS}
    record["measure_means"] = _measure_means(trials)
    record["trials"] = trials
    record["events"] = events
    return record


def _measure_means(trials: list[dict[str, Any]]) -> dict[str, float]:
    """Mean of every numeric trial measure over the trials that have it."""
    values: dict[str, list[float]] = {}
    for trial in trials:
        for key, value in trial["measures"].items():
            if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
                values.setdefault(key, []).append(float(value))
    return {key: round(sum(v) / len(v), 4) for key, v in values.items()}


def collect(db: Database, player_name: str, since: date | None = None, anonymize: bool = False,
            shift_days: int = 0) -> dict[str, Any]:
    """The player and their sessions (oldest first) as nested dicts, samples not included.

    ``shift_days`` moves every date back by that many days (used with ``anonymize``).
    """
    found = get_player(db, player_name)
    shift = timedelta(days=shift_days)
    prescription_text = get_prescription_json(db, found.id)
    prescription = json.loads(prescription_text) if prescription_text else None
    if prescription is not None and anonymize:
        prescription["note"] = None
    player = {
        "id": found.pseudonym, "name": None if anonymize else found.name,
        "height_cm": found.height_cm, "weight_kg": found.weight_kg, "prescription": prescription,
    }
    rows = db.query(
        "SELECT id, started_at, ended_at, device, software_version, attended, active_s,"
        " pain_before, pain_after, notes FROM sessions WHERE player_id = ? ORDER BY id",
        (found.id,),
    )
    # In time order: text order is not, when sessions were recorded at different UTC offsets.
    rows.sort(key=lambda r: (datetime.fromisoformat(r["started_at"]), r["id"]))
    if since is not None:
        rows = [r for r in rows if datetime.fromisoformat(r["started_at"]).date() >= since]
    sessions = [_session_record(db, row, player, anonymize, shift) for row in rows]
    exported_at = now_iso()
    return {
        "format": "balance_game-export", "format_version": FORMAT_VERSION,
        "software_version": __version__,
        "exported_at": _shift_iso(exported_at, shift),
        "anonymized": anonymize, "since": since.isoformat() if since else None,
        "player": player, "sessions": sessions,
    }


# --- writing ----------------------------------------------------------------------------------
@contextlib.contextmanager
def _staging(out_dir: Path) -> Iterator[Path]:
    """A private folder inside ``out_dir``; its files are moved into ``out_dir`` on success."""
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise UserError(f"{out_dir}: is a file, not a folder; choose a folder with --out")
    try:
        out_dir.mkdir(parents=True, exist_ok=True, mode=0o700)  # a new folder: the user's only
    except OSError as exc:
        raise UserError(
            f"{out_dir}: cannot write there ({exc.strerror}); choose another folder with --out"
        ) from None
    try:
        with private_staging_dir(out_dir, "export") as stage:
            yield stage
    except OSError as exc:
        raise UserError(
            f"{out_dir}: cannot write the export ({exc.strerror}); choose another folder with --out"
        ) from None


def _open(path: Path) -> TextIO:
    """A new file readable by its owner only: exports are health data, like the database."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    return open(fd, "w", newline="", encoding="utf-8")


def _write_table(path: Path, columns: Iterable[str], rows: Iterable[Iterable[Any]]) -> int:
    with _open(path) as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(list(columns))
        n = 0
        for row in rows:
            writer.writerow([spreadsheet_safe(v) for v in row])
            n += 1
    return n


def trial_measure_keys(sessions: list[dict[str, Any]]) -> list[str]:
    """The union of the trials' measure names, in order of first appearance."""
    keys: dict[str, None] = {}
    for session in sessions:
        for trial in session["trials"]:
            keys.update(dict.fromkeys(trial["measures"]))
    return list(keys)


def _write_csv(db: Database, data: dict[str, Any], stage: Path) -> int:
    sessions = data["sessions"]
    _write_table(stage / "sessions.csv", SESSION_COLUMNS, (
        [";".join(s[c]) if c == "levels" else s[c] for c in SESSION_COLUMNS] for s in sessions))
    keys = trial_measure_keys(sessions)
    measure_columns = [f"m_{k}" if k in TRIAL_COLUMNS else k for k in keys]
    _write_table(stage / "trials.csv", (*TRIAL_COLUMNS, *measure_columns), (
        [s["session_id"], *(t[c] for c in TRIAL_COLUMNS[1:]), *(t["measures"].get(k) for k in keys)]
        for s in sessions for t in s["trials"]))
    _write_table(stage / "events.csv", EVENT_COLUMNS, (
        [s["session_id"], e["t_s"], e["type"], e["reason"]] for s in sessions for e in s["events"]))
    n_samples = 0
    with _open(stage / "samples.csv") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(SAMPLE_COLUMNS)
        for s in sessions:
            for sample in iter_session_samples(db, s["session_id"]):
                writer.writerow([s["session_id"], *sample_row(sample)])
                n_samples += 1
    return n_samples


def _sample_rows(db: Database, session_id: int) -> list[list[float | None]]:
    rows = []
    for sample in iter_session_samples(db, session_id):
        rows.append([None if cell == "" else float(cell) for cell in sample_row(sample)])
    return rows


def _write_json(db: Database, data: dict[str, Any], stage: Path) -> int:
    """Indented for reading, except that each sample row takes one line (a tenth of the size)."""
    n_samples = 0
    sessions, row_texts = [], {}
    token = secrets.token_hex(8)  # no text in the data can look like the placeholder
    for i, session in enumerate(data["sessions"]):
        rows = _sample_rows(db, session["session_id"])
        n_samples += len(rows)
        marker = f"@samples-{token}-{i}@"
        row_texts[json.dumps(marker)] = "[\n" + ",\n".join(
            json.dumps(row, allow_nan=False, separators=(",", ":")) for row in rows) + "\n]"
        nested = {k: v for k, v in session.items() if k not in ("player_id", "player_name")}
        nested["samples"] = {"columns": list(SAMPLE_VALUE_COLUMNS), "rows": marker}
        sessions.append(nested)
    document = {k: v for k, v in data.items() if k != "sessions"}
    document["player"] = {**data["player"], "sessions": sessions}
    text = json.dumps(_finite(document), indent=1, allow_nan=False, ensure_ascii=False)
    for quoted, rows_text in row_texts.items():
        text = text.replace(quoted, rows_text, 1)
    with _open(stage / "export.json") as f:
        f.write(text + "\n")
    return n_samples


def _quantity_component(code: str, label: str, value: Any, unit: str) -> dict[str, Any]:
    return {
        "code": {"coding": [{"system": MEASURE_SYSTEM, "code": code, "display": label}], "text": label},
        "valueQuantity": {"value": value, "unit": unit, "system": UCUM, "code": unit},
    }


def _measure_unit(key: str) -> str:
    for suffix, unit in SUFFIX_UNITS:
        if key.endswith(suffix):
            return unit
    return "1"


def fhir_bundle(data: dict[str, Any]) -> dict[str, Any]:
    """A FHIR R4 Bundle (type collection): the player as a pseudonymous Patient and, per session,
    an exercise-duration Observation (LOINC 55411-3, minutes, with the session's measures as
    components) grouped under an exercise-activity panel (LOINC 73985-4) through hasMember."""
    player = data["player"]
    patient_url = f"urn:uuid:{_uuid(player['id'], 'patient')}"
    patient: dict[str, Any] = {
        "resourceType": "Patient", "id": player["id"],
        "identifier": [{"system": PSEUDONYM_SYSTEM, "value": player["id"]}],
    }
    if player["name"]:
        patient["name"] = [{"text": player["name"]}]
    entries = [{"fullUrl": patient_url, "resource": patient}]
    category = [{"coding": [{"system": OBSERVATION_CATEGORY, "code": "activity",
                             "display": "Activity"}]}]
    for s in data["sessions"]:
        period = {"start": s["started_at"]}
        if s["ended_at"]:
            period["end"] = s["ended_at"]
        components = [
            _quantity_component(code, label, s[code], unit)
            for code, (unit, label) in COMPONENTS.items() if s.get(code) is not None
        ]
        for key, mean in s["measure_means"].items():
            components.append(_quantity_component(f"mean_{key}", f"Mean {key} over the trials",
                                                  mean, _measure_unit(key)))
        components.append({
            "code": {"coding": [{"system": MEASURE_SYSTEM, "code": "attended",
                                 "display": "Therapist-attended session"}]},
            "valueBoolean": s["attendance"] == "attended",
        })
        components.append({
            "code": {"coding": [{"system": MEASURE_SYSTEM, "code": "device", "display": "Input device"}]},
            "valueString": s["device"],
        })
        duration_id = f"s{s['session_id']}-duration"
        duration_url = f"urn:uuid:{_uuid(player['id'], s['session_id'], 'duration')}"
        duration = {
            "resourceType": "Observation", "id": duration_id, "status": "final",
            "category": category,
            "code": {"coding": [{"system": LOINC, "code": "55411-3", "display": "Exercise duration"}],
                     "text": "Active exercise time, rests and pauses excluded"},
            "subject": {"reference": patient_url}, "effectivePeriod": period,
            "valueQuantity": {"value": s["active_min"], "unit": "min", "system": UCUM, "code": "min"},
            "component": components,
        }
        activity_text = "Balance training" + (f": {', '.join(s['levels'])}" if s["levels"] else "")
        panel: dict[str, Any] = {
            "resourceType": "Observation", "id": f"s{s['session_id']}-activity", "status": "final",
            "category": category,
            "code": {"coding": [{"system": LOINC, "code": "73985-4", "display": "Exercise activity"}]},
            "subject": {"reference": patient_url}, "effectivePeriod": period,
            "valueCodeableConcept": {"text": activity_text},
            "hasMember": [{"reference": duration_url}],
        }
        if s["notes"]:
            panel["note"] = [{"text": s["notes"]}]
        entries.append({"fullUrl": f"urn:uuid:{_uuid(player['id'], s['session_id'], 'activity')}",
                        "resource": panel})
        entries.append({"fullUrl": duration_url, "resource": duration})
    return {
        "resourceType": "Bundle", "id": _uuid(player["id"], data["exported_at"], "bundle"),
        "type": "collection", "timestamp": data["exported_at"], "entry": _finite(entries),
    }


def _write_fhir(data: dict[str, Any], stage: Path) -> None:
    with _open(stage / "bundle.json") as f:
        json.dump(fhir_bundle(data), f, indent=1, allow_nan=False, ensure_ascii=False)
        f.write("\n")


def random_shift_days() -> int:
    low, high = SHIFT_WEEKS
    return 7 * (low + secrets.randbelow(high - low + 1))


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
    data = collect(db, player_name, since, anonymize, shift_days)
    with _staging(Path(out_dir)) as stage:
        if fmt == "csv":
            n_samples = _write_csv(db, data, stage)
        elif fmt == "json":
            n_samples = _write_json(db, data, stage)
        else:
            _write_fhir(data, stage)
            n_samples = sum(s["n_samples"] for s in data["sessions"])
    sessions = data["sessions"]
    return ExportResult(
        files=tuple(Path(out_dir) / name for name in FILES[fmt]), n_sessions=len(sessions),
        n_trials=sum(len(s["trials"]) for s in sessions),
        n_events=sum(len(s["events"]) for s in sessions), n_samples=n_samples,
    )
