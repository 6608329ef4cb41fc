"""`balance-game bench`: what a person at the screen gets, measured on simulated input.

Frames are timed twice: offscreen (update and drawing only, back to back) and through a real
window in real time (the present included, on the display the session has or a private Xvfb),
each as process CPU time as well as wall time, for every mechanic in every world at 720p and
1080p, repeated in fresh runs and reported as medians (45 cases per size, so each case is short:
more cases, fewer frames each). Alongside: input-to-present latency, the HID reader's largest
gap while the main thread draws, the sway measures on jittered board data against
micromotion, launch to first frame through the real command, and `--version` against bare
Python. Targets are printed next to the measurements, never asserted here.
"""

from __future__ import annotations

import json
import os
import platform
import resource
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from balance_game.bench.display import Display
from balance_game.bench.scratch import RESOLUTIONS, first_level_of_each_mechanic
from balance_game.bench.stats import FRAME_BUDGET_MS, median_of

TARGETS = {  # name: (limit, "max" or "min")
    "window_frame_cpu_p99_720p_ms": (8.0, "max"),
    "window_frame_cpu_p99_1080p_ms": (12.0, "max"),
    "window_frame_cpu_max_ms": (FRAME_BUDGET_MS, "max"),
    "window_latency_p99_ms": (30.0, "max"),
    "offscreen_frame_cpu_max_ms": (FRAME_BUDGET_MS, "max"),
    "version_above_python_s": (0.3, "max"),
    "sway_speedup_vs_micromotion": (5.0, "min"),
    "reader_drops_1khz": (0, "max"),
    "first_frame_s": (1.5, "max"),
    "db_bytes_per_hour": (15 * 1024 * 1024, "max"),
}


def _plan(quick: bool) -> dict[str, Any]:
    """How long each part runs. ``window_s`` is per mechanic and world (45 cases per size and
    repeat: 2 s gives ~110 timed frames a case, 6 minutes for the full window matrix);
    ``world_frames`` per case of the offscreen world matrix."""
    if quick:
        return {"frames": 300, "repeats": 1, "window_s": 0.6, "world_frames": 60,
                "reader_s": 5.0, "sway_repeats": 20, "startup_repeats": 3, "db_s": 120.0,
                "soak_s": 600.0}
    return {"frames": 1200, "repeats": 2, "window_s": 2.0, "world_frames": 240, "reader_s": 30.0,
            "sway_repeats": 100, "startup_repeats": 9, "db_s": 600.0, "soak_s": 3600.0}


def _machine() -> dict[str, Any]:
    import pygame

    return {"python": platform.python_version(), "pygame": pygame.version.ver,
            "sdl": ".".join(map(str, pygame.get_sdl_version())), "cpus": os.cpu_count(),
            "load_1m_at_start": round(os.getloadavg()[0], 2)}


def offscreen(plan: dict[str, Any], progress: Callable[[str], None]) -> dict[str, Any]:
    from balance_game.bench.frames import offscreen_frames

    out: dict[str, Any] = {}
    for label, size in RESOLUTIONS.items():
        out[label] = {}
        for mechanic, spec in first_level_of_each_mechanic().items():
            progress(f"offscreen frames: {mechanic} at {label}")
            runs = [offscreen_frames(spec, size, plan["frames"]) for _ in range(plan["repeats"])]
            out[label][mechanic] = {k: median_of([r[k] for r in runs]) for k in runs[0]}
    return out


def offscreen_worlds(plan: dict[str, Any], progress: Callable[[str], None]
                     ) -> dict[str, Any]:
    """Each mechanic's first level played in every world (each world paints its own scenery):
    CPU and wall p99 per resolution, mechanic and world."""
    from dataclasses import replace

    from balance_game.bench.frames import offscreen_frames
    from balance_game.render.worlds import WORLDS

    out: dict[str, Any] = {}
    for label, size in RESOLUTIONS.items():
        out[label] = {}
        for mechanic, spec in first_level_of_each_mechanic().items():
            progress(f"offscreen frames in each world: {mechanic} at {label}")
            out[label][mechanic] = {}
            for look in WORLDS:
                run = offscreen_frames(replace(spec, world=look.number), size,
                                       plan["world_frames"])
                out[label][mechanic][f"world {look.number}"] = {
                    "cpu_ms_p99": run["cpu_ms"]["p99"], "wall_ms_p99": run["wall_ms"]["p99"]}
    return out


def through_window(shown: Display | None, plan: dict[str, Any],
                   progress: Callable[[str], None]) -> dict[str, Any]:
    """Each size in fresh processes (one per repeat) on a real display; medians of the repeats."""
    if shown is None:
        return {"display": None, "note": "no display and no Xvfb: window figures not measured"}
    out: dict[str, Any] = {"display": shown.name, "own_xvfb": shown.server_pid is not None}
    env = {**os.environ, "DISPLAY": shown.name, "SDL_VIDEODRIVER": "x11",
           "SDL_AUDIODRIVER": "dummy"}
    for label, (width, height) in RESOLUTIONS.items():
        runs, server_ms = [], []
        stolen = []
        for i in range(plan["repeats"]):
            progress(f"real window at {label}, every mechanic in every world "
                     f"({i + 1}/{plan['repeats']})")
            before, steal_before = shown.server_cpu_s(), host_steal()
            done = subprocess.run(
                [sys.executable, "-m", "balance_game.bench.window_run", str(width), str(height),
                 str(plan["window_s"])], env=env, check=True, capture_output=True, text=True,
                timeout=600)
            runs.append(json.loads(done.stdout))
            after, steal_after = shown.server_cpu_s(), host_steal()
            if steal_before is not None and steal_after is not None:
                stolen.append(_steal_share(steal_before, steal_after))
            if before is not None and after is not None:
                frames = sum(case["frames"] for worlds in runs[-1].values()
                             if isinstance(worlds, dict) for case in worlds.values())
                server_ms.append(1000 * (after - before) / frames)
        out["presentation"] = runs[0].pop("presentation")
        for r in runs[1:]:
            r.pop("presentation")
        out[label] = {m: {w: {k: median_of([r[m][w][k] for r in runs])
                              for k in ("cpu_ms", "interval_ms", "latency_ms")}
                          for w in runs[0][m]} for m in runs[0]}
        if server_ms:
            out.setdefault("x_server_cpu_ms_per_frame", {})[label] = round(
                sorted(server_ms)[len(server_ms) // 2], 3)
        if stolen:
            out.setdefault("host_steal_pct", {})[label] = round(100 * max(stolen), 2)
    return out


def host_steal() -> tuple[float, float] | None:
    """(CPU time the hypervisor took from this virtual machine, CPU time that passed), in
    seconds over all CPUs since boot, from /proc/stat; None where there is no such count.

    On a virtual machine the host can stop a virtual CPU for tens of milliseconds: the game
    then presents late without having spent any of its own CPU time, which shows up in the
    latency tail. The bench reports that share next to the latency it measures.
    """
    try:
        fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]
    except OSError:
        return None
    ticks = [int(f) for f in fields[:8]]  # user nice system idle iowait irq softirq steal
    if len(ticks) < 8:
        return None
    hz = os.sysconf("SC_CLK_TCK")
    return ticks[7] / hz, sum(ticks) / hz


def _steal_share(before: tuple[float, float], after: tuple[float, float]) -> float:
    """The host's share of the CPU time between two ``host_steal`` readings. A stretch the host
    took whole is 1: the two counts are divided by the tick rate apart, so their rounding
    could otherwise carry it a hair past 1 (1.0000000005 was seen)."""
    elapsed = after[1] - before[1]
    return min(1.0, (after[0] - before[0]) / elapsed) if elapsed > 0 else 0.0


def reader_while_drawing(seconds: float) -> dict[str, float]:
    """The HID reader at 1 kHz on the fake board while the main thread draws 1080p frames."""
    from balance_game.bench.scratch import loop_for, scratch
    from balance_game.demo.throughput import measure_reader_throughput
    from balance_game.render.window import OffscreenWindow

    spec = first_level_of_each_mechanic()["tilt"]
    run = scratch(spec, fast=True)
    loop = loop_for(run, spec, OffscreenWindow(RESOLUTIONS["1080p"]))

    def frame() -> None:
        loop._step()
        loop._draw()

    try:
        return measure_reader_throughput(rate_hz=1000, seconds=seconds, frame=frame)
    finally:
        run.close()


def run_all(quick: bool, progress: Callable[[str], None] = lambda _: None) -> dict[str, Any]:
    from balance_game.bench.display import display
    from balance_game.bench.startup import first_frame_s, version_vs_bare_python
    from balance_game.bench.storage import database_bytes_per_hour, soak_rss_mb
    from balance_game.bench.sway_timing import sway_timings

    plan = _plan(quick)
    results: dict[str, Any] = {"machine": _machine(), "plan": plan}
    progress("--version against python -c pass")
    results["startup"] = version_vs_bare_python(plan["startup_repeats"])
    with display() as shown:
        results["window"] = through_window(shown, plan, progress)
        progress("launch to first frame through `balance-game --window`")
        results["startup"]["first_frame_s"] = first_frame_s(shown.name if shown else None,
                                                            plan["startup_repeats"])
    results["offscreen"] = offscreen(plan, progress)
    results["offscreen_worlds"] = offscreen_worlds(plan, progress)
    progress("HID reader at 1 kHz while the main thread draws")
    reader = reader_while_drawing(plan["reader_s"])
    results["reader"] = {"reports_per_s": round(reader["reports_per_s"], 1),
                         "drops": int(reader["drops"]), "malformed": int(reader["malformed"]),
                         "max_gap_ms": round(reader["max_gap_ms"], 2)}
    progress("sway measures on jittered 60 s trials, and micromotion's")
    results["sway"] = sway_timings(plan["sway_repeats"])
    progress("database growth")
    results["db_bytes_per_hour"] = database_bytes_per_hour(plan["db_s"])
    progress("memory over an accelerated soak")
    results["soak_rss_mb"] = soak_rss_mb(plan["soak_s"])
    results["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    results["machine"]["load_1m_at_end"] = round(os.getloadavg()[0], 2)
    results["checks"] = checks(results)
    return results


def _worst(table: dict[str, Any], metric: str, stat: str) -> tuple[float, str] | None:
    """The largest figure in a table keyed by mechanic, with the mechanic it came from."""
    values = [(v[metric][stat], m) for m, v in table.items()]
    return max(values) if values else None


def _worst_in_worlds(table: dict[str, Any], metric: str, stat: str) -> tuple[float, str] | None:
    """The largest figure in a table keyed by mechanic, then world: the case it came from."""
    values = [(v[metric][stat], f"{m} {w}") for m, worlds in table.items()
              for w, v in worlds.items()]
    return max(values) if values else None


def headline(results: dict[str, Any]) -> dict[str, tuple[float, str] | None]:
    """The figures the targets are about, each with the mechanic or size it came from."""
    window, off = results["window"], results["offscreen"]
    out: dict[str, tuple[float, str] | None] = {}
    for label in RESOLUTIONS:
        out[f"window_frame_cpu_p99_{label}_ms"] = (
            _worst_in_worlds(window[label], "cpu_ms", "p99") if label in window else None)
    sized = [label for label in RESOLUTIONS if label in window]
    maxima = [(*_worst_in_worlds(window[lb], "cpu_ms", "max"), lb)  # type: ignore[misc]
              for lb in sized]
    out["window_frame_cpu_max_ms"] = (
        (max(maxima)[0], f"{max(maxima)[1]} {max(maxima)[2]}") if maxima else None)
    lat = [(*_worst_in_worlds(window[lb], "latency_ms", "p99"), lb)  # type: ignore[misc]
           for lb in sized]
    out["window_latency_p99_ms"] = (max(lat)[0], f"{max(lat)[1]} {max(lat)[2]}") if lat else None
    off_max = [(*_worst(off[lb], "cpu_ms", "max"), lb) for lb in RESOLUTIONS]  # type: ignore[misc]
    out["offscreen_frame_cpu_max_ms"] = (max(off_max)[0], f"{max(off_max)[1]} {max(off_max)[2]}")
    startup, sway = results["startup"], results["sway"]
    out["version_above_python_s"] = (startup["version_above_python_s"], "")
    speedup = sway["sway_speedup_vs_micromotion"]
    out["sway_speedup_vs_micromotion"] = None if speedup is None else (speedup, "jittered 60 s")
    out["reader_drops_1khz"] = (results["reader"]["drops"], "")
    out["first_frame_s"] = (startup["first_frame_s"], "")
    out["db_bytes_per_hour"] = (results["db_bytes_per_hour"], "")
    return out


def checks(results: dict[str, Any]) -> list[dict[str, Any]]:
    """Each target against its measurement: met, missed, or not measured (never asserted)."""
    rows = []
    for name, figure in headline(results).items():
        limit, kind = TARGETS[name]
        if figure is None:
            rows.append({"figure": name, "target": limit, "kind": kind, "measured": None,
                         "where": "", "verdict": "not measured"})
            continue
        value, where = figure
        met = value <= limit if kind == "max" else value >= limit
        rows.append({"figure": name, "target": limit, "kind": kind, "measured": value,
                     "where": where, "verdict": "met" if met else "MISSED"})
    return rows
