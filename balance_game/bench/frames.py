"""Frames drawn offscreen: the game's own cost (update and drawing) without presenting.

Each frame is one fixed step plus drawing into a plain surface, back to back on a fake clock,
timed on the wall clock and on the process's CPU clock. The track game's end-of-trial work and
every other once-in-a-while cost show up in ``max`` and ``over`` (frames above 16.7 ms).
"""

from __future__ import annotations

import time

from balance_game.bench.scratch import loop_for, scratch
from balance_game.bench.stats import summary
from balance_game.core.levels import LevelSpec

WARM_UP_FRAMES = 10  # the first frames build fonts and caches once


def offscreen_frames(spec: LevelSpec, size: tuple[int, int], frames: int) -> dict[str, dict]:
    from balance_game.render.window import OffscreenWindow

    run = scratch(spec, fast=True)
    loop = loop_for(run, spec, OffscreenWindow(size))
    cpu, wall = [], []
    try:
        for _ in range(frames + WARM_UP_FRAMES):
            w0, c0 = time.perf_counter(), time.process_time()
            loop._step()
            loop._draw()
            cpu.append((time.process_time() - c0) * 1000)
            wall.append((time.perf_counter() - w0) * 1000)
    finally:
        run.close()
    return {"cpu_ms": summary(cpu[WARM_UP_FRAMES:]), "wall_ms": summary(wall[WARM_UP_FRAMES:])}
