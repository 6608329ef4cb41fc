"""The FHIR export: one R4 (4.0.1) Bundle of type collection, valid in R4B too.

- The player is a pseudonymous Patient (birth year as ``birthDate`` when known); body height and
  weight are Observations with their LOINC codes (8302-2, 29463-7).
- A training session is an exercise-activity panel (LOINC 73985-4) whose member is its exercise
  duration (LOINC 55411-3, active minutes, the session's measures as components).
- A test session is a test session (project code ``test-session``), never "exercise": its members
  are its clinical test results.
- Every clinical test result in the assessments table, of whatever kind, is an Observation
  (category exam) with one component per result field.
- Pain before and after a session: LOINC 72514-3 (pain severity 0-10, reported).
- Everything without a LOINC code uses the project's own codes, shipped in the bundle as a
  CodeSystem resource listing each code used with its meaning.
"""

from __future__ import annotations

import json
import re
import uuid
from pathlib import Path
from typing import Any

from balance_game import __version__
from balance_game.storage.export.collect import ExportData, finite, result_fields, unit_of
from balance_game.storage.export.files import open_private

UCUM = "http://unitsofmeasure.org"
LOINC = "http://loinc.org"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
PSEUDONYM_SYSTEM = "urn:balance-game:pseudonym"
MEASURE_SYSTEM = "urn:balance-game:measure"
CODE_SYSTEM_ID = "balance-game-measures"
UUID_NAMESPACE = uuid.UUID("6f1c3c2e-4b0a-5d7e-9a61-3e2b8f7c1d40")  # stable ids across re-exports

# LOINC codes used, checked against LOINC's published names.
EXERCISE_DURATION = ("55411-3", "Exercise duration")
EXERCISE_ACTIVITY = ("73985-4", "Exercise activity")
PAIN = ("72514-3", "Pain severity - 0-10 verbal numeric rating [Score] - Reported")
BODY_WEIGHT = ("29463-7", "Body weight")
BODY_HEIGHT = ("8302-2", "Body height")

# Per-session measures that become components: column -> (UCUM unit, label).
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
    "ellipse95_area_mm2": ("mm2", "95 % prediction ellipse area (F formula, dsp/sway.py)"),
    "weight_left_pct": ("%", "Weight bearing on the left foot"),
    "weight_front_pct": ("%", "Weight bearing on the forefoot"),
}
TEST_NAMES = {"quiet": "Quiet stance test (modified CTSIB)", "los": "Limits of stability test",
              "symmetry": "Weight-bearing symmetry test", "steadi": "STEADI 4-Stage Balance Test",
              "single_leg": "Single-leg stance test", "single-leg": "Single-leg stance test"}


def _uuid(*parts: object) -> str:
    return str(uuid.uuid5(UUID_NAMESPACE, "/".join(str(p) for p in parts)))


def _category(code: str, display: str) -> list[dict[str, Any]]:
    return [{"coding": [{"system": OBSERVATION_CATEGORY, "code": code, "display": display}]}]


def test_name(kind: str) -> str:
    return TEST_NAMES.get(kind, kind.replace("_", " ").replace("-", " ").capitalize() + " test")


class _Builder:
    """Builds the entries, remembering every project code used for the CodeSystem."""

    def __init__(self, data: ExportData) -> None:
        self.data = data
        self.player_id = data.player["id"]
        self.patient_url = f"urn:uuid:{_uuid(self.player_id, 'patient')}"
        self.codes: dict[str, str] = {}
        self.entries: list[dict[str, Any]] = []

    def code(self, code: str, display: str) -> dict[str, Any]:
        self.codes.setdefault(code, display)
        return {"coding": [{"system": MEASURE_SYSTEM, "code": code, "display": display}],
                "text": display}

    def add(self, url: str, resource: dict[str, Any]) -> str:
        self.entries.append({"fullUrl": url, "resource": resource})
        return url

    def observation(self, key: tuple[object, ...], id_: str, code: dict[str, Any],
                    category: list[dict[str, Any]], **fields: Any) -> str:
        resource = {"resourceType": "Observation", "id": id_, "status": "final",
                    "category": category, "code": code,
                    "subject": {"reference": self.patient_url}, **fields}
        return self.add(f"urn:uuid:{_uuid(self.player_id, *key)}", resource)

    def component(self, code: str, label: str, value: Any, unit: str | None) -> dict[str, Any]:
        out: dict[str, Any] = {"code": self.code(code, label)}
        if isinstance(value, bool):
            out["valueBoolean"] = value
        elif isinstance(value, (int, float)):
            unit = unit or "1"
            out["valueQuantity"] = {"value": value, "unit": unit, "system": UCUM, "code": unit}
        else:
            out["valueString"] = str(value)
        return out


def _loinc(code: tuple[str, str], text: str | None = None) -> dict[str, Any]:
    return {"coding": [{"system": LOINC, "code": code[0], "display": code[1]}],
            "text": text or code[1]}


def _patient(b: _Builder) -> None:
    player = b.data.player
    patient: dict[str, Any] = {"resourceType": "Patient", "id": player["id"],
                               "identifier": [{"system": PSEUDONYM_SYSTEM, "value": player["id"]}]}
    if player["name"]:
        patient["name"] = [{"text": player["name"]}]
    if player.get("birth_year"):
        patient["birthDate"] = f"{int(player['birth_year']):04d}"
    b.add(b.patient_url, patient)
    vital = _category("vital-signs", "Vital Signs")
    for key, loinc, unit in (("height_cm", BODY_HEIGHT, "cm"), ("weight_kg", BODY_WEIGHT, "kg")):
        if player.get(key):
            b.observation((key,), f"{b.player_id}-{key.split('_')[0]}", _loinc(loinc), vital,
                          valueQuantity={"value": player[key], "unit": unit, "system": UCUM,
                                         "code": unit})


def _session_components(b: _Builder, s: dict[str, Any]) -> list[dict[str, Any]]:
    components = [b.component(code, label, s[code], unit)
                  for code, (unit, label) in COMPONENTS.items() if s.get(code) not in (None, "")]
    for key, mean in s["measure_means"].items():
        components.append(b.component(f"mean_{key}", f"Mean {key} over the trials", mean,
                                      unit_of(key)))
    components.append(b.component("attended", "Therapist-attended session",
                                  s["attendance"] == "attended", None))
    if s["device"]:
        components.append(b.component("device", "Input device", s["device"], None))
    return components


def _pain(b: _Builder, s: dict[str, Any]) -> None:
    for when in ("before", "after"):
        value = s[f"pain_{when}"]
        if value is None:
            continue
        moment = s["started_at"] if when == "before" else (s["ended_at"] or s["started_at"])
        b.observation((s["session_id"], f"pain-{when}"), f"s{s['session_id']}-pain-{when}",
                      _loinc(PAIN, f"Pain {when} the session (0 none to 10 worst imaginable)"),
                      _category("survey", "Survey"), effectiveDateTime=moment,
                      valueInteger=int(value))


def _training(b: _Builder, s: dict[str, Any], period: dict[str, str]) -> None:
    sid = s["session_id"]
    duration_url = b.observation(
        (sid, "duration"), f"s{sid}-duration",
        _loinc(EXERCISE_DURATION, "Active exercise time, rests and pauses excluded"),
        _category("activity", "Activity"), effectivePeriod=period,
        valueQuantity={"value": s["active_min"], "unit": "min", "system": UCUM, "code": "min"},
        component=_session_components(b, s))
    activity_text = "Balance training" + (f": {', '.join(s['levels'])}" if s["levels"] else "")
    extra = {"note": [{"text": s["notes"]}]} if s["notes"] else {}
    b.observation((sid, "activity"), f"s{sid}-activity", _loinc(EXERCISE_ACTIVITY),
                  _category("activity", "Activity"), effectivePeriod=period,
                  valueCodeableConcept={"text": activity_text},
                  hasMember=[{"reference": duration_url}], **extra)
    # the panel goes first, as a reader expects; it was added second because it links the duration
    b.entries[-2], b.entries[-1] = b.entries[-1], b.entries[-2]


def _test_session(b: _Builder, s: dict[str, Any], period: dict[str, str],
                  members: list[str]) -> None:
    sid = s["session_id"]
    extra: dict[str, Any] = {"note": [{"text": s["notes"]}]} if s["notes"] else {}
    if members:
        extra["hasMember"] = [{"reference": url} for url in members]
    b.observation((sid, "test-session"), f"s{sid}-test-session",
                  b.code("test-session", "Clinical balance test session"),
                  _category("exam", "Exam"), effectivePeriod=period,
                  valueString=", ".join(test_name(k) for k in s["tests"]),
                  component=_session_components(b, s), **extra)


def _assessment(b: _Builder, a: dict[str, Any]) -> str:
    kind = str(a["kind"])
    safe = re.sub(r"[^A-Za-z0-9.-]", "-", kind)
    components = [b.component(f"{kind}.{field}", f"{test_name(kind)}: {field}", value,
                              unit_of(field))
                  for field, value in result_fields(a["results"]) if value not in (None, "")]
    fields: dict[str, Any] = {"effectiveDateTime": a["created_at"]}
    if components:
        fields["component"] = components
    else:
        fields["dataAbsentReason"] = {"text": "the test recorded no result"}
    return b.observation(("assessment", a["assessment_id"]), f"a{a['assessment_id']}-{safe}"[:64],
                         b.code(f"test-{kind}", test_name(kind)), _category("exam", "Exam"),
                         **fields)


def _code_system(b: _Builder) -> dict[str, Any]:
    return {
        "resourceType": "CodeSystem", "id": CODE_SYSTEM_ID, "url": MEASURE_SYSTEM,
        "version": __version__, "name": "BalanceGameMeasures",
        "title": "balance_game measures and test results", "status": "active",
        "description": "The project's own codes for measures, tests and result fields that have "
                       "no LOINC code; definitions in docs/export.md and docs/sway-measures.md.",
        "caseSensitive": True, "content": "fragment", "count": len(b.codes),
        "concept": [{"code": code, "display": display} for code, display in b.codes.items()],
    }


def fhir_bundle(data: ExportData) -> dict[str, Any]:
    """The whole export as a FHIR Bundle (type collection) dictionary."""
    b = _Builder(data)
    _patient(b)
    by_session: dict[Any, list[str]] = {}
    for a in data.assessments:
        by_session.setdefault(a["session_id"], []).append(_assessment(b, a))
    for s in data.sessions:
        period = {"start": s["started_at"]}
        if s["ended_at"]:
            period["end"] = s["ended_at"]
        if s["kind"] == "test":
            _test_session(b, s, period, by_session.get(s["session_id"], []))
        else:
            _training(b, s, period)
        _pain(b, s)
    b.add(f"urn:uuid:{_uuid(b.player_id, 'codesystem')}", _code_system(b))
    return {
        "resourceType": "Bundle", "id": _uuid(b.player_id, data.header["exported_at"], "bundle"),
        "type": "collection", "timestamp": data.header["exported_at"],
        "entry": finite(b.entries),
    }


def write_fhir(data: ExportData, stage: Path) -> None:
    with open_private(stage / "bundle.json") as f:
        text = json.dumps(fhir_bundle(data), indent=1, allow_nan=False, ensure_ascii=False)
        f.write(text.encode("utf-8") + b"\n")
