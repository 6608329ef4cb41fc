import json

import pytest

from balance_game.core.control import Limits


def run_json(run_cli, *args):
    result = run_cli(*args, "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_quiet_stance_gives_measures_per_condition_and_romberg_quotients(run_cli):
    results = run_json(run_cli, "assess", "quiet", "--player", "Ann", "--device", "sim",
                       "--headless", "--fast", "--seconds", "20")
    assert list(results["conditions"]) == ["eo_firm", "ec_firm", "eo_foam", "ec_foam"]
    for condition in results["conditions"].values():
        measures = condition["measures"]
        assert measures["valid"] and measures["pipeline"] == "standard"
        assert 1.0 < measures["mean_velocity_mm_s"] < 100.0
        assert measures["duration_s"] == pytest.approx(20, abs=0.1)
    assert 0.5 < results["romberg"]["firm_velocity"] < 2.0


def test_stepping_off_stops_that_condition_and_records_why(run_cli):
    # the first condition records from about 6 s (1 s still + 5 s countdown) to about 26 s
    results = run_json(run_cli, "assess", "quiet", "--player", "Ann", "--device", "sim",
                       "--headless", "--fast", "--seconds", "20", "--sim-events",
                       "stepoff@12,return@16")
    first = results["conditions"]["eo_firm"]
    assert first["stopped"] == "step_off"
    assert results["romberg"]["firm_velocity"] is None  # never from a stopped condition
    assert all(c["stopped"] is None for k, c in results["conditions"].items() if k != "eo_firm")


def test_limits_of_stability_per_direction_and_polygon(run_cli):
    results = run_json(run_cli, "assess", "los", "--player", "Ann", "--device", "sim",
                       "--headless", "--fast", "--ability", "0.9")
    assert list(results["directions"]) == ["F", "FR", "R", "BR", "B", "BL", "L", "FL"]
    for direction in results["directions"].values():
        assert direction["reason"] == ""
        assert 0.15 < direction["reaction_time_s"] < 0.6  # the simulated player reacts in ~0.25 s
        assert 60 < direction["max_excursion_pct"] < 160
    assert results["polygon_area_mm2"] > 10_000
    assert set(results["limits_mm"]) == {"left_mm", "right_mm", "forward_mm", "back_mm"}


def test_symmetry_reports_weight_bearing(run_cli):
    results = run_json(run_cli, "assess", "symmetry", "--player", "Ann", "--device", "sim",
                       "--headless", "--fast")
    assert results["valid"]
    assert results["left_pct"] + results["right_pct"] == pytest.approx(100, abs=0.2)
    assert results["left_pct"] == pytest.approx(50, abs=5)
    done = run_cli("assess", "symmetry", "--player", "Bob", "--device", "keyboard", "--headless",
                   "--fast", "--json")
    keyboard = json.loads(done.stdout)  # saved and shown, but the command failed: exit 2
    assert not keyboard["valid"] and "balance board" in keyboard["reason"]
    assert done.returncode == 2 and done.stderr.count("\n") == 1
    assert "not valid: weight bearing needs a balance board" in done.stderr


def test_calibration_measures_the_player_and_scales_the_games(run_cli):
    calibration = run_json(run_cli, "calibrate", "--player", "Cy", "--device", "sim",
                           "--headless", "--fast")
    assert calibration["orientation"] == "normal"
    assert calibration["body_weight_kg"] == pytest.approx(70, abs=1)
    assert abs(calibration["neutral_x_mm"]) < 15 and abs(calibration["neutral_y_mm"]) < 15
    theoretical = Limits.theoretical(None)
    assert calibration["limits"]["left_mm"] == pytest.approx(theoretical.left_mm, rel=0.45)
    listed = json.loads(run_cli("players", "--json").stdout)
    assert listed[0]["weight_kg"] == pytest.approx(70, abs=1)


def test_leaving_a_test_early_saves_nothing_and_says_so(run_cli):
    result = run_cli("assess", "quiet", "--player", "Dee", "--device", "replay:{missing}")
    assert result.returncode == 2 and "cannot read" in result.stderr


def test_steadi_runs_headless_with_the_simulator(run_cli):
    results = run_json(run_cli, "assess", "steadi", "--player", "Eve", "--device", "sim",
                       "--headless", "--fast", "--ability", "0.9", "--seed", "1")
    assert results["test"] == "CDC STEADI 4-Stage Balance Test"
    assert [s["position"] for s in results["stages"]] == [
        "together", "semi_tandem", "tandem", "single_leg"]
    assert all(s["held_10s"] and s["held_s"] == pytest.approx(10, abs=0.05)
               for s in results["stages"])
    assert results["stages_completed"] == 4 and results["increased_fall_risk"] is False
    assert results["foot_placement"] == "not asked"  # headless: nobody to ask
    text = run_cli("assess", "steadi", "--player", "Eve", "--device", "sim", "--headless",
                   "--fast", "--ability", "0.2", "--seed", "0")
    assert text.returncode == 0, text.stderr
    assert "positions held:" in text.stdout and "foot placement" in text.stdout


def test_single_leg_runs_headless_with_norms_beside(run_cli):
    results = run_json(run_cli, "assess", "single-leg", "--player", "Fay", "--device", "sim",
                       "--headless", "--fast", "--ability", "0.9", "--seed", "0")
    eyes_open, eyes_closed = results["conditions"]["eyes_open"], results["conditions"]["eyes_closed"]
    assert eyes_open["best_s"] == pytest.approx(30, abs=0.05) and eyes_open["reached_max"]
    assert 1 <= len(eyes_closed["tries_s"]) <= 3
    assert results["norms"]["source"].startswith("Springer BA et al. 2007")
    assert not results["norms"]["age_known"] and len(results["norms"]["groups"]) == 6
    text = run_cli("assess", "single-leg", "--player", "Fay", "--device", "sim", "--headless",
                   "--fast", "--ability", "0.9", "--seed", "0")
    assert "norm age 80-99: 9.4 s" in text.stdout
    assert "(the most this test times)" in text.stdout


def test_stance_tests_need_load_cells(run_cli):
    result = run_cli("assess", "steadi", "--player", "Gus", "--device", "keyboard", "--headless",
                     "--fast")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert result.stderr.strip().endswith("four load cells")
