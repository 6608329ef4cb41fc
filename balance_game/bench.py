"""Headless benchmarks behind `balance-game bench`: speed, latency, memory and storage.

Every figure runs the real code on simulated input: the real loop, scenes and views drawing
into an offscreen surface (software rendering, as on a machine without a GPU), the real
database recorder, the real sway measures and the real HID reader against the fake board.
"""

from __future__ import annotations

import gc
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from balance_game.core.control import ControlMap, Limits
from balance_game.core.levels import LevelSpec, load_levels
from balance_game.core.mechanics import MECHANICS
from balance_game.devices.simulated import SimulatedPlayer
from balance_game.game.clock import FakeClock
from balance_game.game.loop import FIXED_DT_S, GameLoop
from balance_game.game.scenes import GameContext, GameOptions, SceneStack
from balance_game.game.screens.play import PlayScene
from balance_game.game.session import GameSession
from balance_game.render.sound import Sound
from balance_game.render.theme import Theme
from balance_game.storage.db import Database
from balance_game.storage.players import add_player
from balance_game.storage.sessions import SessionRecorder

RESOLUTIONS = {"720p": (1280, 720), "1080p": (1920, 1080)}
TARGETS = {
    "frame_ms_p99_720p": 8.0, "frame_ms_p99_1080p": 12.0, "latency_ms_p99": 20.0,
    "reader_drops_1khz": 0, "metrics_ms_60s": 1.0, "first_frame_s": 1.5,
    "db_bytes_per_hour": 15 * 1024 * 1024,
}


@dataclass
class Scratch:
    """A throwaway database, player and session for one benchmark."""

    folder: tempfile.TemporaryDirectory
    db: Database
    ctx: GameContext


def _scratch(spec: LevelSpec, fast: bool, seed: int = 0,
             size: tuple[int, int] = RESOLUTIONS["720p"]) -> Scratch:
    folder = tempfile.TemporaryDirectory()
    db = Database(Path(folder.name) / "bench.db")
    player = add_player(db, "Bench")
    limits = Limits.theoretical(170)
    control = ControlMap(limits)
    source = SimulatedPlayer(limits, ability=0.7, seed=seed)
    recorder = SessionRecorder(db, player.id, source.name, seed)
    session = GameSession(recorder, control, 70.0, seed)
    # headless scene behaviour (levels restart by themselves) with no end in sight
    options = GameOptions(headless=True, fast=fast, seconds=1e9, seed=seed, level_id=spec.id,
                          device="sim")
    ctx = GameContext(db=db, source=source, control=control, options=options,
                      theme=Theme.for_window(size), sound=Sound.silent(), current_session=session,
                      current_player=player)
    return Scratch(folder, db, ctx)


def _first_level_of_each_mechanic() -> dict[str, LevelSpec]:
    firsts: dict[str, LevelSpec] = {}
    for spec in load_levels():
        firsts.setdefault(spec.mechanic, spec)
    return {name: firsts[name] for name in MECHANICS if name in firsts}


def _percentiles(values: list[float]) -> tuple[float, float]:
    return (round(float(np.percentile(values, 50)), 3), round(float(np.percentile(values, 99)), 3))


def frame_times(spec: LevelSpec, size: tuple[int, int], frames: int) -> list[float]:
    """Milliseconds for each frame's update (one fixed step) plus drawing, at ``size``."""
    from balance_game.render.window import OffscreenWindow

    scratch = _scratch(spec, fast=True, size=size)
    ctx = scratch.ctx
    window = OffscreenWindow(size)
    stack = SceneStack(ctx)
    stack.push(PlayScene(spec))
    loop = GameLoop(ctx, stack, window, FakeClock())
    times = []
    try:
        for _ in range(frames):
            start = time.perf_counter()
            loop._step()
            loop._draw()
            times.append((time.perf_counter() - start) * 1000)
    finally:
        ctx.session.end()
        scratch.db.close()
        scratch.folder.cleanup()
    return times[10:]  # the first frames build fonts and caches once


def input_latency(seconds: float) -> list[float]:
    """Milliseconds from a sample's arrival to the end of the first frame that shows it.

    The real loop runs in real time at its fixed step, drawing offscreen; the simulated board
    delivers each sample at its timestamp, as a real one does, so a sample's arrival time is
    its timestamp on the loop's clock.
    """
    from balance_game.render.window import OffscreenWindow

    spec = next(iter(_first_level_of_each_mechanic().values()))
    scratch = _scratch(spec, fast=False)
    ctx = scratch.ctx
    latencies: list[float] = []
    shown: set[float] = set()

    def on_flip() -> None:
        sample = ctx.session.last_sample
        if sample is not None and sample.t_s not in shown:
            shown.add(sample.t_s)
            latencies.append((loop.clock.now() - sample.t_s) * 1000)
        if loop.clock.now() >= seconds:
            ctx.quit_requested = True

    window = OffscreenWindow(RESOLUTIONS["720p"], on_flip)
    stack = SceneStack(ctx)
    stack.push(PlayScene(spec))
    loop = GameLoop(ctx, stack, window)
    try:
        loop.run()
    finally:
        ctx.session.end()
        scratch.db.close()
        scratch.folder.cleanup()
    return latencies


def database_bytes_per_hour(game_seconds: float) -> int:
    """Database growth for ``game_seconds`` of play, scaled to an hour."""
    spec = next(iter(_first_level_of_each_mechanic().values()))
    scratch = _scratch(spec, fast=True)
    ctx = scratch.ctx
    path = scratch.db.path
    before = path.stat().st_size
    stack = SceneStack(ctx)
    stack.push(PlayScene(spec))
    loop = GameLoop(ctx, stack, None, FakeClock())
    steps = int(game_seconds / FIXED_DT_S)
    try:
        for _ in range(steps):
            loop._step()
        ctx.session.end()
        scratch.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        grown = path.stat().st_size - before
    finally:
        scratch.db.close()
        scratch.folder.cleanup()
    return int(grown * 3600 / game_seconds)


def soak_rss_growth_mb(game_seconds: float, checkpoints: int = 6) -> list[float]:
    """Resident memory (MB) at even points of a long accelerated session."""
    spec = next(iter(_first_level_of_each_mechanic().values()))
    scratch = _scratch(spec, fast=True)
    ctx = scratch.ctx
    stack = SceneStack(ctx)
    stack.push(PlayScene(spec))
    loop = GameLoop(ctx, stack, None, FakeClock())
    steps = int(game_seconds / FIXED_DT_S)
    marks = []
    try:
        for i in range(steps):
            loop._step()
            if i % (steps // checkpoints) == 0:
                gc.collect()
                marks.append(round(_rss_mb(), 1))
    finally:
        ctx.session.end()
        scratch.db.close()
        scratch.folder.cleanup()
    return marks


def _rss_mb() -> float:
    with open("/proc/self/statm") as f:
        pages = int(f.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


def first_frame_seconds() -> float:
    """From launching the program to its first frame on screen (the dummy display here)."""
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "balance_game.first_frame"], env=env, check=True,
                   capture_output=True, timeout=60)
    return round(time.perf_counter() - start, 3)


def peak_rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def run_all(quick: bool, progress: Callable[[str], None] = lambda _: None) -> dict[str, Any]:
    frames = 300 if quick else 1200
    results: dict[str, Any] = {"frame_ms_p50_720p": {}, "frame_ms_p99_720p": {},
                               "frame_ms_p50_1080p": {}, "frame_ms_p99_1080p": {}}
    for mechanic, spec in _first_level_of_each_mechanic().items():
        for label, size in RESOLUTIONS.items():
            progress(f"frame time: {mechanic} at {label}")
            p50, p99 = _percentiles(frame_times(spec, size, frames))
            results[f"frame_ms_p50_{label}"][mechanic] = p50
            results[f"frame_ms_p99_{label}"][mechanic] = p99
    progress("HID reader against the fake board at 1 kHz")
    from balance_game.demo.throughput import measure_reader_throughput

    reader = measure_reader_throughput(rate_hz=1000, seconds=10.0 if quick else 60.0)
    results["reader_reports_per_s"] = round(reader["reports_per_s"], 1)
    results["reader_drops_1khz"] = int(reader["drops"])
    results["reader_malformed"] = int(reader["malformed"])
    progress("all sway measures for a 60 s, 100 Hz trial")
    from balance_game.dsp.sway import time_all_measures

    results["metrics_ms_60s"] = round(time_all_measures(repeats=100 if quick else 400), 3)
    progress("input-to-frame latency")
    results["latency_ms_p50"], results["latency_ms_p99"] = _percentiles(
        input_latency(5.0 if quick else 20.0))
    progress("database growth")
    results["db_bytes_per_hour"] = database_bytes_per_hour(120.0 if quick else 600.0)
    progress("memory over an accelerated soak")
    marks = soak_rss_growth_mb(600.0 if quick else 3600.0)
    results["soak_rss_mb"] = marks
    results["soak_rss_growth_mb"] = round(marks[-1] - marks[1], 1) if len(marks) > 2 else 0.0
    progress("first frame")
    results["first_frame_s"] = first_frame_seconds()
    results["peak_rss_mb"] = peak_rss_mb()
    return results
