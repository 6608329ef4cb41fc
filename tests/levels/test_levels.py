import pytest

from balance_game.core.levels import (
    check_files,
    find_level,
    level_files,
    load_level_file,
    load_levels,
)
from balance_game.core.mechanics import MECHANICS
from balance_game.errors import UserError

GOOD = """\
id: test-01
title: A test level
world: 1
mechanic: reach
instructions: Lean to the target.
trials: 3
params:
  directions: [F, B]
difficulty:
  start: 0.5
  ranges:
    distance_pct: [20, 60]
"""


def test_every_shipped_level_loads_with_a_known_mechanic():
    specs = load_levels()
    assert specs and len({s.id for s in specs}) == len(specs)
    ids = {s.id for s in specs}
    for spec in specs:
        assert spec.mechanic in MECHANICS
        assert set(spec.requires) <= ids, spec.id
        names = {p.name for p in MECHANICS[spec.mechanic].params}
        assert set(spec.params_at(0.0)) == names  # every parameter resolved


def test_difficulty_interpolates_ranges_between_easy_and_hard(tmp_path):
    path = tmp_path / "test-01.yaml"
    path.write_text(GOOD)
    spec = load_level_file(path)
    assert spec.params_at(0.0)["distance_pct"] == 20
    assert spec.params_at(0.5)["distance_pct"] == 40
    assert spec.params_at(2.0)["distance_pct"] == 60  # clamped to the range
    assert spec.params_at(0.3)["directions"] == ["F", "B"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda t: t.replace("trials: 3\n", ""),
         "test.yaml: trials: is missing (add trials: ...)"),
        (lambda t: t + "colour: red\n",
         "test.yaml: colour: is not a known key (known keys: id, title, world, mechanic, "
         "instructions, trials, order, params, difficulty, stars, requires)"),
        (lambda t: t.replace("trials: 3", "trials: three"),
         "test.yaml: trials: is the text 'three' (a whole number from 1 to 500)"),
        (lambda t: t.replace("world: 1", "world: 12"),
         "test.yaml: world: is 12, out of range (a whole number from 1 to 9)"),
        (lambda t: t.replace("mechanic: reach", "mechanic: juggle"),
         "test.yaml: mechanic: is the text 'juggle' "
         "(one of: catch, dual, reach, rhythm, slalom, steady, tilt, track, transfer)"),
        (lambda t: t.replace("title: A test level", "title: [unclosed"),
         "test.yaml: YAML syntax error at line 3"),
        (lambda t: t.replace("[20, 60]", "[20, 600]"),
         "test.yaml: difficulty.ranges.distance_pct[1]: is 600, out of range "
         "(a number from 10 to 100)"),
        (lambda t: t.replace("[F, B]", "[F, UP]"),
         "test.yaml: params.directions[1]: is the text 'UP' (one of: F, FR, R, BR, B, BL, L, FL)"),
    ],
)
def test_each_kind_of_mistake_names_file_key_and_fix(tmp_path, change, message):
    path = tmp_path / "test.yaml"
    path.write_text(change(GOOD))
    problems = check_files([path])
    assert any(line.startswith(str(tmp_path / message.split(":")[0]) + ":") for line in problems)
    assert any(message.split(": ", 1)[1] in line for line in problems), problems


def test_duplicate_ids_are_reported(tmp_path):
    (tmp_path / "a.yaml").write_text(GOOD)
    (tmp_path / "b.yaml").write_text(GOOD)
    problems = check_files(level_files(tmp_path))
    assert problems == [f"{tmp_path / 'b.yaml'}: id: 'test-01' is already used by a.yaml "
                        "(give every level its own id)"]


def test_unknown_level_lists_the_known_ones():
    with pytest.raises(UserError, match="unknown level 'nope' \\(known levels: reach-01"):
        find_level("nope")


def test_levels_check_command_exits_2_with_one_line_per_problem(run_cli, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(GOOD.replace("trials: 3", "trials: 0").replace("world: 1", "world: x"))
    result = run_cli("levels", "check", str(bad))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2 and all(line.startswith(f"{bad}: ") for line in lines)
    ok = run_cli("levels", "check")
    assert ok.returncode == 0 and "level files OK" in ok.stdout


def test_a_broken_level_file_stops_find_level_with_its_exact_message(tmp_path):
    from balance_game.core.validation import DataFileError

    (tmp_path / "good.yaml").write_text(GOOD)
    (tmp_path / "bad.yaml").write_text(GOOD.replace("id: test-01", "id: test-02")
                                       .replace("trials: 3", "trials: -1"))
    with pytest.raises(DataFileError) as caught:
        find_level("test-01", tmp_path)
    assert caught.value.problems == [
        f"{tmp_path / 'bad.yaml'}: trials: is -1, out of range (a whole number from 1 to 500)"]


@pytest.mark.parametrize("level_id", [s.id for s in load_levels() if s.mechanic == "reach"])
def test_every_reach_level_plays_to_the_end_headless(run_cli, tmp_path, level_id):
    import json

    db = tmp_path / "r.db"
    result = run_cli("play", "--headless", "--fast", "--device", "sim", "--ability", "0.8",
                     "--level", level_id, "--db", str(db))
    assert result.returncode == 0, result.stderr
    (session,) = json.loads(run_cli("sessions", "--json", "--db", str(db)).stdout)
    spec = find_level(level_id)
    assert session["n_trials"] == spec.trials and session["levels"] == [level_id]
    assert ("level_end", level_id) in [(e["type"], e["reason"]) for e in session["events"]]
