"""Fuzzing every loader of files a person can edit or hand over: never a crash, always a clear
one-line-per-problem error of the loader's documented type.

Each loader gets arbitrary bytes (the file as found on disk) and, where it has a parse step,
arbitrary YAML-like data and mutations of a valid file (so the checks deep inside run too).
The report parsers are fuzzed in tests/devices/test_parsers.py; the settings file in
tests/test_settings.py.
"""

import copy
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from balance_game.core.levels import LevelSpec, level_files, load_level_file, parse_level
from balance_game.core.prescriptions import Prescription, load_prescription, parse_prescription
from balance_game.core.validation import DataFileError
from balance_game.devices.profiles import Profile, load_profile
from balance_game.errors import UserError
from balance_game.resources import drivers_dir
from balance_game.storage.samples_csv import COLUMNS, SampleTable, read_samples_file

REPO = Path(__file__).resolve().parent.parent
FAST = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])
KNOWN_LEVELS = ("reach-01", "reach-02", "steady-01")

scalars = (st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.integers()
           | st.floats() | st.text(max_size=20) | st.sampled_from(["reach", "reach-01", "1e9"]))
yaml_like = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.text(max_size=12) | st.integers(), inner, max_size=5),
    max_leaves=15,
)
file_bytes = (st.binary(max_size=300) | st.text(max_size=300).map(str.encode)
              | st.sampled_from([b"", b"\xef\xbb\xbf", b"a: [", b"- -\n  - : x", b"!!python/none x",
                                 b"a: 2001-13-45", b"{a: 1, a: 2}", b"[" * 200]))


def _mutated(draw, data, depth=0):
    """A copy of ``data`` with one value replaced, a key dropped or an unknown key added."""
    data = copy.deepcopy(data)
    if isinstance(data, dict) and data and depth < 4:
        key = draw(st.sampled_from(sorted(data, key=str)))
        action = draw(st.sampled_from(["replace", "drop", "add", "descend"]))
        if action == "replace":
            data[key] = draw(yaml_like)
        elif action == "drop":
            del data[key]
        elif action == "add":
            data[draw(st.text(min_size=1, max_size=8))] = draw(yaml_like)
        else:
            data[key] = _mutated(draw, data[key], depth + 1)
        return data
    if isinstance(data, list) and data and depth < 4:
        i = draw(st.integers(0, len(data) - 1))
        data[i] = _mutated(draw, data[i], depth + 1) if draw(st.booleans()) else draw(yaml_like)
        return data
    return draw(yaml_like)


def _write(tmp_path, name, content: bytes):
    path = tmp_path / name
    path.write_bytes(content)
    return path


def _one_line_each(exc):
    problems = getattr(exc, "problems", [str(exc)])
    assert problems and all(p and "\n" not in p for p in problems), problems
    assert "Traceback" not in str(exc)


# --- levels -------------------------------------------------------------------------------------
LEVEL_DATA = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in level_files()]


def _level_or_error(call):
    try:
        assert isinstance(call(), LevelSpec)
    except DataFileError as exc:
        _one_line_each(exc)


@FAST
@given(data=yaml_like)
def test_fuzz_parse_level_with_any_yaml_like_data(data):
    _level_or_error(lambda: parse_level(Path("fuzz.yaml"), data))


@FAST
@given(st.data())
def test_fuzz_parse_level_with_a_shipped_level_changed_somewhere(data):
    level = data.draw(st.sampled_from(LEVEL_DATA))
    _level_or_error(lambda: parse_level(Path("fuzz.yaml"), _mutated(data.draw, level)))


@FAST
@given(content=file_bytes)
def test_fuzz_load_level_file_with_any_bytes(tmp_path, content):
    _level_or_error(lambda: load_level_file(_write(tmp_path, "level.yaml", content)))


# --- device profiles ----------------------------------------------------------------------------
PROFILE_DATA = [yaml.safe_load(p.read_text(encoding="utf-8"))
                for p in sorted(drivers_dir().glob("*.yaml"))]


def _profile_or_error(path):
    try:
        assert isinstance(load_profile(path), Profile)
    except UserError as exc:
        _one_line_each(exc)
        assert str(path) in str(exc)


@FAST
@given(content=file_bytes)
def test_fuzz_load_profile_with_any_bytes(tmp_path, content):
    _profile_or_error(_write(tmp_path, "p.yaml", content))


@FAST
@given(st.data())
def test_fuzz_load_profile_with_a_shipped_profile_changed_somewhere(tmp_path, data):
    profile = data.draw(st.sampled_from(PROFILE_DATA))
    text = yaml.safe_dump(_mutated(data.draw, profile), allow_unicode=True)
    _profile_or_error(_write(tmp_path, "p.yaml", text.encode()))


# --- prescriptions ------------------------------------------------------------------------------
PRESCRIPTION = yaml.safe_load((REPO / "docs" / "prescription-example.yaml").read_text())


def _prescription_or_error(call):
    try:
        assert isinstance(call(), Prescription)
    except DataFileError as exc:
        _one_line_each(exc)


@FAST
@given(data=yaml_like)
def test_fuzz_parse_prescription_with_any_yaml_like_data(data):
    _prescription_or_error(lambda: parse_prescription(Path("rx.yaml"), data, KNOWN_LEVELS))


@FAST
@given(st.data())
def test_fuzz_parse_prescription_with_the_example_changed_somewhere(data):
    rx = _mutated(data.draw, PRESCRIPTION)
    _prescription_or_error(lambda: parse_prescription(Path("rx.yaml"), rx, KNOWN_LEVELS))


@FAST
@given(content=file_bytes)
def test_fuzz_load_prescription_with_any_bytes(tmp_path, content):
    path = _write(tmp_path, "rx.yaml", content)
    _prescription_or_error(lambda: load_prescription(path, KNOWN_LEVELS))


# --- samples CSV --------------------------------------------------------------------------------
cells = st.sampled_from(["", "0", "1.5", "-2e3", "nan", "inf", "x", " 7 ", "1e999", '"'])
csv_like = st.lists(st.lists(cells | st.text(max_size=6), min_size=0, max_size=9),
                    max_size=6).map(lambda rows: "\n".join(",".join(r) for r in rows))


@FAST
@given(text=st.text(max_size=300) | csv_like
       | csv_like.map(lambda body: ",".join(COLUMNS) + "\n" + body))
def test_fuzz_read_samples_file_with_any_text(tmp_path, text):
    path = tmp_path / "s.csv"
    path.write_text(text, encoding="utf-8", newline="")
    try:
        table = read_samples_file(path)
    except UserError as exc:
        _one_line_each(exc)
        assert str(path) in str(exc)
    else:
        assert isinstance(table, SampleTable) and len(table) > 0
        assert all(s.t_s == s.t_s for s in table.samples())


@FAST
@given(content=st.binary(max_size=200))
def test_fuzz_read_samples_file_with_any_bytes(tmp_path, content):
    path = _write(tmp_path, "s.csv", content)
    try:
        read_samples_file(path)
    except UserError as exc:
        _one_line_each(exc)


@pytest.mark.parametrize("loader", [load_level_file, load_profile, load_prescription,
                                    read_samples_file])
def test_a_folder_or_a_missing_file_is_a_clear_error(tmp_path, loader):
    for path in (tmp_path, tmp_path / "missing.yaml"):
        with pytest.raises(UserError) as exc:
            loader(path)
        _one_line_each(exc.value)


# --- what the fuzzing found -----------------------------------------------------------------------
@pytest.mark.parametrize("loader", [load_level_file, load_profile,
                                    lambda p: load_prescription(p, KNOWN_LEVELS)])
@pytest.mark.parametrize(("content", "message"), [
    (b"id: 0000-00-00\n", "a value cannot be read: year 0 is out of range (quote it"),
    (b"\x80", "not UTF-8 text"),
    (b'"a\\nb": 1\n', ""),  # the loader may stop at another problem first, on one line
])
def test_dates_yaml_cannot_build_bad_bytes_and_line_breaks_in_keys_are_one_line_errors(
    tmp_path, loader, content, message
):
    path = _write(tmp_path, "f.yaml", content)
    with pytest.raises(UserError) as exc:
        loader(path)
    _one_line_each(exc.value)
    assert message in str(exc.value), str(exc.value)
