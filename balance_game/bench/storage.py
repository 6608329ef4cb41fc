"""Database growth and memory over long accelerated sessions."""

from __future__ import annotations

import gc
import os

from balance_game.bench.scratch import first_level_of_each_mechanic, loop_for, scratch
from balance_game.game.loop import FIXED_DT_S


def database_bytes_per_hour(game_seconds: float) -> int:
    """Database growth for ``game_seconds`` of play, scaled to an hour."""
    spec = next(iter(first_level_of_each_mechanic().values()))
    run = scratch(spec, fast=True)
    path = run.db.path
    before = path.stat().st_size
    loop = loop_for(run, spec, None)
    try:
        for _ in range(int(game_seconds / FIXED_DT_S)):
            loop._step()
        if run.ctx.current_session is not None:
            run.ctx.current_session.end()
        run.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        grown = path.stat().st_size - before
    finally:
        run.close()
    return int(grown * 3600 / game_seconds)


def soak_rss_mb(game_seconds: float, checkpoints: int = 6) -> list[float]:
    """Resident memory (MB) at even points of a long accelerated session."""
    spec = next(iter(first_level_of_each_mechanic().values()))
    run = scratch(spec, fast=True)
    loop = loop_for(run, spec, None)
    steps = int(game_seconds / FIXED_DT_S)
    marks = []
    try:
        for i in range(steps):
            loop._step()
            if i % (steps // checkpoints) == 0:
                gc.collect()
                marks.append(round(rss_mb(), 1))
    finally:
        run.close()
    return marks


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        pages = int(f.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6
