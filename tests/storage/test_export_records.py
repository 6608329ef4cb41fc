"""Exports carry every clinical test, code what LOINC codes, validate as FHIR R4 and R4B, publish
sway numbers from dsp, and stream samples in bounded memory."""

import csv
import json
import math
import tracemalloc

import numpy as np
import pytest
from scipy import stats

from balance_game.core.records import Sample, quantize
from balance_game.storage.assessments import save_assessment
from balance_game.storage.db import Database
from balance_game.storage.export import export_player
from balance_game.storage.players import add_player, get_player, set_birth_year
from balance_game.storage.sessions import SessionRecorder, set_session_pain

RATE_HZ = 100.0
# One result of every kind the game stores, and a kind this module has never heard of (another
# test may add it at any time): the exports must carry every field of each.
RESULTS = {
    "quiet": {"pipeline": "standard", "conditions": {"eo_firm": {
        "eyes": "eyes open", "surface": "firm", "stopped": None,
        "measures": {"valid": True, "reason": "", "mean_velocity_mm_s": 8.4,
                     "ellipse95_area_mm2": 212.5}}},
              "romberg": {"firm_velocity": 1.31, "firm_area": None}},
    "los": {"directions": {"F": {"reaction_time_s": 0.41, "max_excursion_mm": 96.5,
                                 "max_excursion_pct": 82.0, "directional_control_pct": 88.0,
                                 "reason": ""}},
            "polygon_area_mm2": 20400.0, "stopped": {}, "limits_mm": None},
    "symmetry": {"valid": True, "reason": None, "left_pct": 48.5, "right_pct": 51.5},
    "tandem_walk_new_kind": {"held_s": 7.5, "passed": False, "stage": 3, "foot": "left",
                             "tries_s": [4.0, 7.5]},
}


def _record(db, player_id, seconds, seed=0, rate=RATE_HZ, pause=None):
    """A session of ``seconds`` of random-walk sway written through the real SessionRecorder."""
    rng = np.random.default_rng(seed)
    n = int(seconds * rate)
    x = np.cumsum(rng.normal(0, 0.4, n))
    y = np.cumsum(rng.normal(0, 0.6, n))
    corners = rng.uniform(15, 20, (n, 4))
    recorder = SessionRecorder(db, player_id, "sim", seed=seed)
    if pause:
        recorder.add_event(pause[0], "pause", "step_off")
        recorder.add_event(pause[1], "resume", "step_off")
    for i in range(n):
        recorder.add_sample(quantize(Sample(i / rate, x[i], y[i], tuple(corners[i]))))
    recorder.set_active_s(seconds)
    recorder.finish()
    return recorder.session_id


@pytest.fixture
def store(tmp_path):
    with Database(tmp_path / "r.db") as db:
        player = add_player(db, "Ada", height_cm=168, weight_kg=61.5)
        set_birth_year(db, player, 1951)
        training = _record(db, player.id, 30, seed=1, pause=(10.0, 12.5))
        set_session_pain(db, training, "before", 3)
        set_session_pain(db, training, "after", 1)
        test = _record(db, player.id, 12, seed=2)
        db.execute("INSERT INTO events (session_id, t_s, type, reason) VALUES (?, 0, "
                   "'assessment_start', 'quiet')", (test,))
        for kind, results in RESULTS.items():
            save_assessment(db, player.id, test, kind, results)
        yield db, training, test


def _leaves(value, path=""):
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _leaves(v, f"{path}.{k}" if path else k)
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _leaves(v, f"{path}.{i}")
    else:
        yield path, value


def test_csv_carries_every_test_result_field(store, tmp_path):
    db, _, test = store
    export_player(db, "Ada", "csv", tmp_path)
    with open(tmp_path / "assessments.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    for kind, results in RESULTS.items():
        mine = {r["field"]: r for r in rows if r["kind"] == kind}
        for field, value in _leaves(results):
            assert field in mine, (kind, field)
            assert int(mine[field]["session_id"]) == test
            if isinstance(value, bool):
                assert mine[field]["value"] == str(int(value))
            elif isinstance(value, (int, float)):
                assert float(mine[field]["value"]) == value
            elif value is not None:
                assert mine[field]["value"] == value
    units = {r["field"]: r["unit"] for r in rows}
    assert units["conditions.eo_firm.measures.mean_velocity_mm_s"] == "mm/s"
    assert units["polygon_area_mm2"] == "mm2" and units["held_s"] == "s"
    with open(tmp_path / "sessions.csv", newline="", encoding="utf-8") as f:
        kinds = {int(r["session_id"]): (r["kind"], r["tests"]) for r in csv.DictReader(f)}
    assert kinds[test] == ("test", "quiet;los;symmetry;tandem_walk_new_kind")


def test_json_carries_every_test_result_and_the_birth_year(store, tmp_path):
    db, _, _ = store
    export_player(db, "Ada", "json", tmp_path)
    doc = json.loads((tmp_path / "export.json").read_text(encoding="utf-8"))
    player = doc["player"]
    assert player["birth_year"] == 1951
    assert {a["kind"]: a["results"] for a in player["assessments"]} == RESULTS
    assert [s["kind"] for s in player["sessions"]] == ["training", "test"]


def _bundle(db, tmp_path):
    export_player(db, "Ada", "fhir", tmp_path)
    return json.loads((tmp_path / "bundle.json").read_text(encoding="utf-8"))


def test_fhir_validates_against_r4_and_r4b_models(store, tmp_path):
    from fhir.resources.R4B.bundle import Bundle as BundleR4B
    from fhirclient.models.bundle import Bundle as BundleR4  # generated from FHIR 4.0.1

    data = _bundle(store[0], tmp_path)
    BundleR4B.model_validate(data)
    BundleR4(data, strict=True)
    broken = json.loads(json.dumps(data))
    broken["entry"][1]["resource"]["status"] = ["final"]  # a list where R4 wants a code
    with pytest.raises(Exception):  # noqa: B017 - fhirclient raises its own validation error
        BundleR4(broken, strict=True)


def test_fhir_codes_tests_as_tests_with_loinc_where_it_exists(store, tmp_path):
    db, training, _ = store
    data = _bundle(db, tmp_path)
    resources = [e["resource"] for e in data["entry"]]
    observations = [r for r in resources if r["resourceType"] == "Observation"]

    def coded(code):
        return [r for r in observations if r["code"]["coding"][0]["code"] == code]

    (patient,) = [r for r in resources if r["resourceType"] == "Patient"]
    assert patient["birthDate"] == "1951"
    assert coded("29463-7")[0]["valueQuantity"] == {"value": 61.5, "unit": "kg",
                                                    "system": "http://unitsofmeasure.org",
                                                    "code": "kg"}
    assert coded("8302-2")[0]["valueQuantity"]["value"] == 168
    pains = coded("72514-3")
    assert sorted(p["valueInteger"] for p in pains) == [1, 3]
    assert all(p["code"]["coding"][0]["system"] == "http://loinc.org" for p in pains)
    # the training session is exercise; the test session is not
    assert len(coded("55411-3")) == len(coded("73985-4")) == 1
    assert str(training) in coded("55411-3")[0]["id"]
    (session,) = coded("test-session")
    assert session["category"][0]["coding"][0]["code"] == "exam"
    tests = [r for r in observations if r["code"]["coding"][0]["code"].startswith("test-")
             and r is not session]
    assert sorted(t["code"]["coding"][0]["code"] for t in tests) == sorted(
        f"test-{k}" for k in RESULTS)
    assert len(session["hasMember"]) == len(RESULTS)
    for t in tests:
        kind = t["code"]["coding"][0]["code"][len("test-"):]
        fields = {c["code"]["coding"][0]["code"]: c for c in t["component"]}
        for field, value in _leaves(RESULTS[kind]):
            if value in (None, ""):
                continue  # nothing to say: FHIR strings may not be empty
            component = fields[f"{kind}.{field}"]
            if isinstance(value, bool):
                assert component["valueBoolean"] is value
            elif isinstance(value, (int, float)):
                assert component["valueQuantity"]["value"] == value
            else:
                assert component["valueString"] == value
    # every project code used is defined in the shipped CodeSystem
    (system,) = [r for r in resources if r["resourceType"] == "CodeSystem"]
    defined = {c["code"] for c in system["concept"]}
    used = set()
    for r in observations:
        for concept in [r["code"], *(c["code"] for c in r.get("component", []))]:
            for coding in concept["coding"]:
                if coding["system"] == system["url"]:
                    used.add(coding["code"])
    assert used and used == defined


def _decoded(db, session_id):
    from balance_game.storage.sessions import session_sample_array

    return session_sample_array(db, session_id)


def test_session_sway_is_the_published_definition_outside_pauses(store, tmp_path):
    """Checked against a plain numpy computation and scipy's F quantile, not dsp."""
    db, training, _ = store
    export_player(db, "Ada", "csv", tmp_path)
    with open(tmp_path / "sessions.csv", newline="", encoding="utf-8") as f:
        row = next(r for r in csv.DictReader(f) if int(r["session_id"]) == training)
    s = _decoded(db, training)
    keep = ~((s[:, 0] >= 10.0) & (s[:, 0] < 12.5))
    t, x, y = s[keep, 0], s[keep, 6], s[keep, 7]
    n = len(t)
    dt = np.diff(t)
    joined = dt <= 0.5
    path = np.hypot(np.diff(x), np.diff(y))[joined].sum()
    cov = np.cov(np.vstack([y, x]))
    f95 = stats.f.ppf(0.95, 2, n - 2)
    area = math.pi * math.sqrt(np.linalg.det(cov)) * f95 * 2 * (n - 1) * (n + 1) / (n * (n - 2))
    assert float(row["path_length_mm"]) == pytest.approx(path, abs=0.05)
    assert float(row["mean_velocity_mm_s"]) == pytest.approx(path / dt[joined].sum(), abs=0.005)
    assert float(row["rms_ml_mm"]) == pytest.approx(x.std(), abs=0.005)
    assert float(row["rms_ap_mm"]) == pytest.approx(y.std(), abs=0.005)
    assert float(row["range_ap_mm"]) == pytest.approx(np.ptp(y), abs=0.005)
    assert float(row["ellipse95_area_mm2"]) == pytest.approx(area, abs=0.05)
    assert float(row["measured_s"]) == pytest.approx(27.5, abs=0.02)


def test_sample_text_is_what_fixed_decimals_print(store, tmp_path):
    db, training, _ = store
    export_player(db, "Ada", "csv", tmp_path / "csv")
    export_player(db, "Ada", "json", tmp_path / "json")
    s = _decoded(db, training)
    with open(tmp_path / "csv" / "samples.csv", newline="", encoding="utf-8") as f:
        rows = [r for r in csv.reader(f)][1:len(s) + 1]
    for got, want in zip(rows, s, strict=True):
        expected = [str(training)] + [
            f"{v:.{d}f}" for v, d in zip(want, (4, 3, 3, 3, 3, 3, 2, 2), strict=True)]
        assert got == [e[1:] if e.startswith("-") and float(e) == 0 else e for e in expected]
    doc = json.loads((tmp_path / "json" / "export.json").read_text(encoding="utf-8"))
    json_rows = doc["player"]["sessions"][0]["samples"]["rows"]
    assert np.allclose(np.array(json_rows), s, atol=6e-5)


def test_missing_corners_are_empty_cells_and_json_null(tmp_path):
    with Database(tmp_path / "k.db") as db:
        player = get_player(db, add_player(db, "Kim").name)
        recorder = SessionRecorder(db, player.id, "keyboard", seed=None)
        for i in range(5):
            recorder.add_sample(quantize(Sample(i / 60, -1.3 * i, 0.5, None)))
        recorder.finish()
        export_player(db, "Kim", "csv", tmp_path / "c")
        export_player(db, "Kim", "json", tmp_path / "j")
    lines = (tmp_path / "c" / "samples.csv").read_text(encoding="utf-8").splitlines()
    assert lines[2] == "1,0.0167,,,,,,-1.30,0.50"
    doc = json.loads((tmp_path / "j" / "export.json").read_text(encoding="utf-8"))
    assert doc["player"]["sessions"][0]["samples"]["rows"][2] == [
        0.0333, None, None, None, None, None, -2.6, 0.5]


def _peak_export_bytes(db, tmp_path, fmt):
    tracemalloc.start()
    try:
        export_player(db, "Ada", fmt, tmp_path / fmt)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_a_long_session_exports_in_the_memory_of_a_short_one(tmp_path, fmt):
    """Peak allocations do not grow with the session: 6 and 18 minutes of 100 Hz samples (both
    longer than one chunk read back; three times the samples would be three times the memory if
    a whole session were held)."""
    peaks = []
    for minutes in (6, 18):
        with Database(tmp_path / f"{minutes}.db") as db:
            player = add_player(db, "Ada")
            _record(db, player.id, minutes * 60, seed=minutes)
            peaks.append(_peak_export_bytes(db, tmp_path / str(minutes), fmt))
    assert peaks[1] < 1.2 * peaks[0], peaks
