"""Every steady, slalom, track, think-and-lean and weight-transfer level plays to the end
headless with the simulated player and records its measures."""

import itertools

import pytest

from balance_game.core.levels import load_levels
from balance_game.core.mechanics import MECHANICS
from balance_game.storage.db import Database
from balance_game.storage.sessions import session_trials

MINE = ("steady", "slalom", "track", "dual", "transfer")
LEVELS = [spec for spec in load_levels() if spec.mechanic in MINE]


def test_five_levels_per_mechanic_over_worlds_one_to_five():
    for mechanic in MINE:
        specs = [s for s in LEVELS if s.mechanic == mechanic]
        assert [s.world for s in specs] == [1, 2, 3, 4, 5], mechanic
        for previous, spec in itertools.pairwise(specs):
            assert spec.requires == (previous.id,)
        for spec in specs:
            assert spec.ranges and 0 <= spec.start_difficulty <= 1
            assert len(spec.instructions) <= 160  # one or two plain sentences


def test_difficulty_ranges_run_from_easy_to_hard():
    for spec in LEVELS:
        specs = {p.name: p for p in MECHANICS[spec.mechanic].params}
        for name, (easy, hard) in spec.ranges.items():
            if specs[name].harder_when == "higher":
                assert easy < hard, (spec.id, name)
            else:
                assert easy > hard, (spec.id, name)


@pytest.mark.parametrize("spec", LEVELS, ids=[s.id for s in LEVELS])
def test_level_completes_headless_and_records_its_measures(run_cli, tmp_path, spec):
    db_path = tmp_path / "levels.db"
    result = run_cli("play", "--headless", "--fast", "--device", "sim", "--level", spec.id,
                     "--db", str(db_path))
    assert result.returncode == 0, result.stderr
    assert f"{spec.trials} trials" in result.stdout
    with Database(db_path) as db:
        trials = session_trials(db, 1)
    assert len(trials) == spec.trials
    measures = MECHANICS[spec.mechanic].score_measures
    for trial in trials:
        assert trial["mechanic"] == spec.mechanic
        assert 0 <= trial["score"] <= 100
        assert set(measures) <= set(trial["measures"])
    assert any(trial["success"] for trial in trials), spec.id
    if spec.mechanic == "transfer":  # the simulated board has load cells: feet read from them
        assert {t["measures"]["source"] for t in trials} == {"load_cells"}
