"""Every mechanic in every world through a real window, in real time: run as its own process by
the bench.

``python -m balance_game.bench.window_run WIDTH HEIGHT SECONDS`` plays the first level of each
mechanic in each world (each world paints its own scenery) for SECONDS through the real game
loop and the real window (and so the presentation path the window chose), then prints one JSON
object, ``{"presentation": ..., MECHANIC: {"world N": figures}}``. Per frame it records the
process CPU time since the previous frame was presented (everything the frame cost this process:
events, steps, drawing and presenting; sleeping costs none), the time between presents, and the
latency from a sample's arrival to the end of the present that first shows it. A sample arrives at its own
timestamp on the loop's clock, as a real board's would.
"""

from __future__ import annotations

import json
import sys
import time
from dataclasses import replace

from balance_game.bench.scratch import first_level_of_each_mechanic, loop_for, scratch
from balance_game.bench.stats import summary
from balance_game.game.clock import RealClock

WARM_UP_FRAMES = 10
MIN_TIMED_FRAMES = 5  # a case runs on past its seconds until it has these (a busy machine is slow)


class _TimedWindow:
    """The real window, with a callback right after each present returns."""

    def __init__(self, window, on_present) -> None:
        self.window = window
        self.surface = window.surface
        self.on_present = on_present

    @property
    def size(self) -> tuple[int, int]:
        return self.window.size

    def flip(self) -> None:
        self.window.flip()
        self.on_present()


def play_one(spec, window, seconds: float) -> dict[str, object]:
    run = scratch(spec, fast=False)
    clock = RealClock()
    cpu: list[float] = []
    interval: list[float] = []
    latency: list[float] = []
    last = {"cpu": time.process_time(), "t": 0.0, "shown": -1.0}

    def on_present() -> None:
        now, now_cpu = clock.now(), time.process_time()
        cpu.append((now_cpu - last["cpu"]) * 1000)
        interval.append((now - last["t"]) * 1000)
        last["cpu"], last["t"] = now_cpu, now
        session = run.ctx.current_session
        sample = session.last_sample if session is not None else None
        if sample is not None and sample.t_s > last["shown"]:
            last["shown"] = sample.t_s
            latency.append((now - sample.t_s) * 1000)
        if now >= seconds and len(cpu) >= WARM_UP_FRAMES + MIN_TIMED_FRAMES:
            run.ctx.quit_requested = True

    loop = loop_for(run, spec, _TimedWindow(window, on_present), clock)
    try:
        loop.run()
    finally:
        run.close()
    return {
        "cpu_ms": summary(cpu[WARM_UP_FRAMES:]),
        "interval_ms": summary(interval[WARM_UP_FRAMES:]),
        "latency_ms": summary(latency[WARM_UP_FRAMES:]),
        "frames": len(cpu),
    }


def main(argv: list[str]) -> None:
    from balance_game.render.window import Window
    from balance_game.render.worlds import WORLDS

    width, height, seconds = int(argv[0]), int(argv[1]), float(argv[2])
    window = Window(fullscreen=False, size=(width, height))
    out: dict[str, object] = {"presentation": window.presentation.reason}
    try:
        for mechanic, spec in first_level_of_each_mechanic().items():
            out[mechanic] = {f"world {look.number}": play_one(replace(spec, world=look.number),
                                                              window, seconds)
                             for look in WORLDS}
    finally:
        window.close()
    print(json.dumps(out))


if __name__ == "__main__":
    main(sys.argv[1:])
