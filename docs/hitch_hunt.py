"""Every screen of the game in turn, in a fresh process: the slowest fixed steps and frames.

`balance-game bench` times play after its first frames; the first frame of a screen, the first
number on screen or the end of a test is where one-off work (an import, a font, scenery painted
once) drops frames. This walks the screens the way the layout tests do (tests/game/gallery.py,
the simulated player on the real scenes, offscreen) and prints the slowest calls, e.g.

    SDL_VIDEODRIVER=dummy python docs/hitch_hunt.py 1920x1080

The figures and what was fixed are in docs/benchmarks.md ("Hitches").
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "game"))

from gallery import visit  # test helpers, found through the path above
from screen_driver import ScreenDriver

from balance_game.i18n import load_language_data

SHOWN = 15


def hunt(size: tuple[int, int]) -> tuple[list[str], list[tuple[float, str, str]]]:
    """The screens of one tour, and (ms, "step" or "draw", scene) for each of its fixed steps
    and frames, slowest first."""
    calls: list[tuple[float, str, str]] = []
    with tempfile.TemporaryDirectory() as scratch:
        driver = ScreenDriver(Path(scratch) / "hunt.db", device="sim", size=size)
        load_language_data()  # as the game does before its first frame
        loop = driver.loop
        for kind in ("step", "draw"):
            setattr(loop, f"_{kind}", _timed(getattr(loop, f"_{kind}"), kind, driver, calls))
        screens = list(visit(driver, 1.0, play_steps=90))
        driver.close()
    return screens, sorted(calls, reverse=True)


def _timed(call, kind: str, driver: ScreenDriver, calls: list):
    def timed() -> None:
        start = time.perf_counter()
        call()
        scene = type(driver.stack.top).__name__ if driver.stack.top else "-"
        calls.append((1e3 * (time.perf_counter() - start), kind, scene))
    return timed


if __name__ == "__main__":
    width, height = (int(v) for v in (sys.argv[1] if len(sys.argv) > 1 else "1280x720").split("x"))
    screens, found = hunt((width, height))
    print(f"{len(screens)} screens, {len(found)} steps and frames at {width}x{height}; the slowest:")
    for ms, kind, scene in found[:SHOWN]:
        print(f"  {ms:6.1f} ms  {kind}  {scene}")
