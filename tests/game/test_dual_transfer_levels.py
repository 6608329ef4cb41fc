"""The think-and-lean and weight-transfer levels: a chain on the world map, easy to hard, words for
players without a board, and their measures in the exports (playing every level to the end is
tests/game/test_mechanics_a_levels.py)."""

import itertools

from balance_game.core.levels import load_levels

MINE = ("dual", "transfer")
LEVELS = [spec for spec in load_levels() if spec.mechanic in MINE]


def test_five_levels_per_mechanic_over_worlds_one_to_five_in_a_chain():
    for mechanic in MINE:
        specs = [s for s in LEVELS if s.mechanic == mechanic]
        assert [s.world for s in specs] == [1, 2, 3, 4, 5], mechanic
        assert specs[0].requires == ()
        for previous, spec in itertools.pairwise(specs):
            assert spec.requires == (previous.id,)
        for spec in specs:
            assert spec.ranges and 0 <= spec.start_difficulty <= 1
            assert len(spec.instructions) <= 160  # one or two plain sentences


def test_every_weight_transfer_level_says_what_to_do_without_a_board():
    for spec in LEVELS:
        if spec.mechanic == "transfer":
            assert "No board? Lean far" in spec.instructions, spec.id


def test_the_new_measures_reach_the_csv_and_json_exports(run_cli, tmp_path):
    import csv
    import json

    db = str(tmp_path / "export.db")
    for level_id in ("dual-01", "transfer-01"):
        result = run_cli("play", "--headless", "--fast", "--device", "sim", "--level", level_id,
                         "--player", "Ada", "--db", db)
        assert result.returncode == 0, result.stderr
    for fmt in ("csv", "json"):
        result = run_cli("export", "--player", "Ada", "--format", fmt, "--out",
                         str(tmp_path / fmt), "--db", db)
        assert result.returncode == 0, result.stderr
    with open(tmp_path / "csv" / "trials.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    dual = [r for r in rows if r["mechanic"] == "dual"]
    transfer = [r for r in rows if r["mechanic"] == "transfer"]
    assert len(dual) == 10 and len(transfer) == 8
    for name in ("reaction_time_s", "errors", "error", "rule", "go", "decision_sway_rms_pct"):
        assert all(r[name] != "" for r in dual), name
    for name in ("time_on_one_leg_s", "touchdowns", "load_transfer_pct", "foot", "source"):
        assert all(r[name] != "" for r in transfer), name
    assert {r["foot"] for r in transfer} == {"left", "right"}
    assert any(r["load_on_left_side_pct"] for r in transfer)
    assert any(r["load_on_right_side_pct"] for r in transfer)
    data = json.loads((tmp_path / "json" / "export.json").read_text(encoding="utf-8"))
    sessions = data["player"]["sessions"]
    measures = [t["measures"] for s in sessions for t in s["trials"]]
    assert sum("decision_sway_rms_pct" in m for m in measures) == 10
    assert sum("touchdowns" in m for m in measures) == 8
    assert "mean_touchdowns" not in sessions[1]["measure_means"]  # means keep the plain names
    assert "touchdowns" in sessions[1]["measure_means"]
