"""Every number in a file is finite and in range (issue 18, item 2): YAML data files and the
stored tare of a board."""

import json

import pytest

from balance_game.core.validation import Checker, DataFileError, load_yaml
from balance_game.devices.tare_store import TareStore, board_key
from balance_game.dsp.calibration import Tare


@pytest.mark.parametrize("text", [".nan", ".inf", "-.inf", "1e309"])
def test_yaml_non_finite_numbers_are_refused_by_the_checker(tmp_path, text):
    path = tmp_path / "plan.yaml"
    path.write_text(f"minutes_per_session: {text}\n")
    data = load_yaml(path)
    check = Checker(path)
    assert check.number(data["minutes_per_session"], "minutes_per_session", 1, 120) is None
    with pytest.raises(DataFileError, match="minutes_per_session"):
        check.raise_if_any()


@pytest.mark.parametrize("offsets", [[float("nan"), 0, 0, 0], [1e308, 0, 0, 0], [0, 0, 0]])
def test_a_stored_tare_that_no_board_could_have_is_ignored(tmp_path, offsets):
    store = TareStore(tmp_path)
    path = tmp_path / f"{board_key('b')}.json"
    path.write_text(json.dumps({"tare_kg": offsets}))
    assert store.load("b") is None
    store.save("b", "board", Tare((0.5, -0.2, 0.1, 0.0)))
    assert store.load("b") == Tare((0.5, -0.2, 0.1, 0.0))
