"""The bench's machinery (never its timings: those depend on the machine and its load)."""

import json
import os
import shutil
import subprocess
import sys

import numpy as np
import pytest

from balance_game.bench import TARGETS, checks
from balance_game.bench.stats import FRAME_BUDGET_MS, median_of, summary
from balance_game.bench.sway_timing import jittered_trial, micromotion_pipeline, ours


def test_summary_counts_the_worst_frame_and_frames_over_budget():
    values = [1.0] * 97 + [17.0, 20.0, 100.0]
    s = summary(values)
    assert s["p50"] == 1.0 and s["max"] == 100.0 and s["over"] == 3 and s["n"] == 100
    assert s["p99"] == pytest.approx(np.percentile(values, 99), abs=1e-3)
    assert round(FRAME_BUDGET_MS, 3) == 16.667


def test_repeats_are_combined_by_median_per_statistic():
    runs = [{"p99": 3.0, "max": 9.0}, {"p99": 1.0, "max": 30.0}, {"p99": 2.0, "max": 10.0}]
    assert median_of(runs) == {"p99": 2.0, "max": 10.0}


def _results(window_p99=2.0, latency=10.0, speedup=6.0, version=0.05):
    frame = {"cpu_ms": {"p50": 1.0, "p99": window_p99, "max": 5.0},
             "interval_ms": {"p50": 16.7, "p99": 17.0, "max": 20.0},
             "latency_ms": {"p50": 5.0, "p99": latency, "max": latency}}
    worlds = {"world 1": frame, "world 2": frame}
    return {
        "window": {"display": ":9", "720p": {"reach": worlds}, "1080p": {"reach": worlds}},
        "offscreen": {"720p": {"reach": {"cpu_ms": {"max": 3.0}}},
                      "1080p": {"reach": {"cpu_ms": {"max": 4.0}}}},
        "startup": {"version_above_python_s": version, "first_frame_s": 0.5},
        "sway": {"sway_speedup_vs_micromotion": speedup},
        "reader": {"drops": 0}, "db_bytes_per_hour": 1000,
    }


def test_every_target_is_checked_and_misses_are_reported_not_raised():
    rows = {r["figure"]: r for r in checks(_results())}
    assert set(rows) == set(TARGETS)
    assert all(r["verdict"] == "met" for r in rows.values())
    rows = {r["figure"]: r for r in checks(_results(window_p99=9.0, latency=31.0, speedup=4.0,
                                                    version=0.31))}
    assert rows["window_frame_cpu_p99_720p_ms"]["verdict"] == "MISSED"
    assert rows["window_frame_cpu_p99_1080p_ms"]["verdict"] == "met"  # 9 <= 12
    assert rows["window_latency_p99_ms"]["verdict"] == "MISSED"
    assert rows["sway_speedup_vs_micromotion"]["verdict"] == "MISSED"
    assert rows["version_above_python_s"]["verdict"] == "MISSED"


def test_the_worst_case_names_its_mechanic_world_and_size():
    results = _results()
    slow = {"cpu_ms": {"p50": 3.0, "p99": 9.5, "max": 14.0},
            "interval_ms": {"p50": 16.7, "p99": 17.0, "max": 20.0},
            "latency_ms": {"p50": 5.0, "p99": 31.0, "max": 40.0}}
    results["window"]["1080p"] = {"reach": {"world 1": results["window"]["1080p"]["reach"]["world 1"],
                                            "world 4": slow}}
    rows = {r["figure"]: r for r in checks(results)}
    assert rows["window_frame_cpu_p99_1080p_ms"]["measured"] == 9.5
    assert rows["window_frame_cpu_p99_1080p_ms"]["where"] == "reach world 4"
    assert rows["window_frame_cpu_p99_1080p_ms"]["verdict"] == "met"  # 9.5 <= 12
    assert rows["window_latency_p99_ms"]["where"] == "reach world 4 1080p"
    assert rows["window_latency_p99_ms"]["verdict"] == "MISSED"
    assert rows["window_frame_cpu_max_ms"]["measured"] == 14.0


def test_the_printout_has_a_row_per_mechanic_and_a_column_per_world():
    from balance_game.bench.scratch import RESOLUTIONS
    from balance_game.cli.bench import format_results

    results = _results()
    results["window"]["presentation"], results["window"]["own_xvfb"] = "software", True
    results["machine"] = {"python": "3", "pygame": "2", "sdl": "2", "cpus": 2,
                          "load_1m_at_start": 0.1, "load_1m_at_end": 0.2}
    off = {"cpu_ms": {"p50": 1.0, "p99": 2.0, "max": 3.0}, "wall_ms": {"p50": 1.0, "p99": 2.0, "max": 3.0}}
    results["offscreen"] = {label: {"reach": off} for label in RESOLUTIONS}
    results["offscreen_worlds"] = {label: {"reach": {"world 1": {"cpu_ms_p99": 1.25, "wall_ms_p99": 1.5},
                                                     "world 2": {"cpu_ms_p99": 2.5, "wall_ms_p99": 3.0}}}
                                   for label in RESOLUTIONS}
    results["startup"].update(version_s=0.2, python_s=0.1)
    results["reader"].update(reports_per_s=1000.0, malformed=0, max_gap_ms=1.0)
    results["sway"].update(sway_ms_jittered_60s=1.0, sway_ms_gridded_60s=1.0,
                           micromotion_ms_jittered_60s=None)
    results.update(soak_rss_mb=[1.0], peak_rss_mb=1.0, checks=checks(results))
    lines = format_results(results)
    headers = [line for line in lines if line.split() == ["mechanic", "world", "1", "world", "2"]]
    assert len(headers) == 4  # through the window and offscreen, at each size
    row = f"  {'reach':<10}"
    assert lines.count(row + f"{'2.0/5.0/10.0':>18}" * 2) == 2  # CPU p99 / max / latency p99
    assert lines.count(row + f"{'1.25/1.50':>14}{'2.50/3.00':>14}") == 2


def test_no_display_and_no_micromotion_are_not_measured_rather_than_failed():
    results = _results(speedup=None)
    results["window"] = {"display": None}
    rows = {r["figure"]: r for r in checks(results)}
    assert rows["window_latency_p99_ms"]["verdict"] == "not measured"
    assert rows["sway_speedup_vs_micromotion"]["verdict"] == "not measured"


def test_the_jittered_trial_is_board_like_and_measurable():
    t, x, y = jittered_trial(0)
    dt = np.diff(t)
    assert len(t) == 6000 and (dt >= 0).all() and (dt == 0).any()  # repeats, never backwards
    assert np.std(dt[dt > 0]) > 1e-3  # not a grid
    assert ours(t, x, y).valid


def test_micromotion_runs_the_same_trial_when_installed():
    pipeline = micromotion_pipeline()
    if pipeline is None:
        pytest.skip("micromotion is not installed (pip install '.[bench]')")
    out = pipeline(*jittered_trial(1))
    assert {"path_len", "area95", "mf_mean", "f50", "f95"} <= set(out)


@pytest.mark.realtime
def test_window_run_reports_every_mechanic_in_every_world(tmp_path):
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    done = subprocess.run([sys.executable, "-m", "balance_game.bench.window_run", "640", "360",
                           "0.1"], env=env, capture_output=True, text=True, check=True, timeout=300)
    out = json.loads(done.stdout)
    assert out.pop("presentation")
    from balance_game.core.mechanics import MECHANICS
    from balance_game.render.worlds import WORLDS

    assert set(out) == set(MECHANICS)  # every game, the two new ones included
    for worlds in out.values():
        assert set(worlds) == {f"world {look.number}" for look in WORLDS} and len(worlds) == 5
        for figures in worlds.values():
            assert figures["frames"] >= 15  # each case runs until it has 5 frames past warm-up
            assert {"cpu_ms", "interval_ms", "latency_ms"} <= set(figures)
            assert figures["latency_ms"]["n"] > 0 and figures["cpu_ms"]["p50"] > 0


def test_first_frame_comes_through_the_real_command():
    from balance_game.bench.startup import first_frame_s

    assert first_frame_s(None, 1) > 0


def test_a_private_xvfb_is_started_and_stopped(monkeypatch):
    if shutil.which("Xvfb") is None:
        pytest.skip("Xvfb is not installed")
    from balance_game.bench.display import display

    monkeypatch.delenv("DISPLAY", raising=False)
    with display() as shown:
        assert shown is not None and shown.name.startswith(":") and shown.server_pid
        assert shown.server_cpu_s() >= 0
        pid = shown.server_pid
    assert not os.path.exists(f"/proc/{pid}")  # stopped and reaped


def test_reader_keeps_working_while_the_main_thread_draws():
    from balance_game.demo.throughput import measure_reader_throughput

    frames = []
    result = measure_reader_throughput(rate_hz=500, seconds=0.3, frame=lambda: frames.append(1))
    assert len(frames) >= 5 and result["reports_per_s"] > 0 and result["max_gap_ms"] > 0


def test_offscreen_frames_storage_and_soak_run_the_real_game():
    from balance_game.bench.frames import offscreen_frames
    from balance_game.bench.scratch import first_level_of_each_mechanic
    from balance_game.bench.storage import database_bytes_per_hour, soak_rss_mb

    spec = first_level_of_each_mechanic()["track"]
    figures = offscreen_frames(spec, (640, 360), 30)
    assert figures["cpu_ms"]["n"] == figures["wall_ms"]["n"] == 30
    assert 0 < figures["cpu_ms"]["p50"] <= figures["cpu_ms"]["max"]
    assert database_bytes_per_hour(5.0) > 0
    assert len(soak_rss_mb(6.0, checkpoints=3)) >= 3


def test_the_host_s_share_of_the_cpu_is_read_from_proc_stat():
    from balance_game.bench import _steal_share, host_steal

    before = host_steal()
    if before is None:
        pytest.skip("no /proc/stat here")
    sum(range(200_000))  # let some CPU time pass
    after = host_steal()
    assert after is not None
    assert 0 <= before[0] <= before[1] and before[1] <= after[1]
    assert 0.0 <= _steal_share(before, after) <= 1.0
    assert _steal_share((1.0, 10.0), (2.0, 20.0)) == pytest.approx(0.1)
    assert _steal_share((0.1, 5.0), (0.4, 5.3)) == 1.0  # all stolen; 1.0000000000000007 unclamped
