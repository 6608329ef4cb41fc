"""Every screen of the game in turn, in a fresh process: the slowest fixed steps and frames.

`balance-game bench` times play after its first frames; the first frame of a screen, the first
number on screen or the end of a test is where one-off work (an import, a font, scenery painted
once) drops frames. This walks the screens the way the layout tests do (tests/game/gallery.py,
the simulated player on the real scenes, offscreen) and prints the slowest calls, e.g.

    SDL_VIDEODRIVER=dummy python docs/hitch_hunt.py 1920x1080

With ``levels`` it starts each game's last-world level the way a player does instead: its
instructions for a second, then Start, and prints the slowest frame of each (wall and the game
thread's CPU; a real window with DISPLAY set and no SDL_VIDEODRIVER):

    python docs/hitch_hunt.py 1920x1080 levels

The figures and what was fixed are in docs/benchmarks.md ("Hitches").
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

import pygame

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "game"))

from gallery import visit  # test helpers, found through the path above
from screen_driver import ScreenDriver

from balance_game.core.levels import load_levels
from balance_game.game.screens.navigation import screen
from balance_game.game.start import start_session
from balance_game.i18n import load_language_data
from balance_game.render.window import Window
from balance_game.storage.players import add_player

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


def level_starts(size: tuple[int, int]) -> list[tuple[str, float, float, float, float]]:
    """Per game: (mechanic, the instructions' slowest frame in wall ms and in the game thread's
    CPU ms, then the same for the first half second of play), frames paced at 60 a second."""
    window = Window(False, size) if os.environ.get("SDL_VIDEODRIVER") != "dummy" else None
    last_of_each = {spec.mechanic: spec for spec in sorted(load_levels(),
                                                           key=lambda s: (s.world, s.order))}
    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        driver = ScreenDriver(Path(scratch) / "hunt.db", size=size, window=window)
        load_language_data()
        start_session(driver.ctx, add_player(driver.db, "Hunter"))
        for mechanic, spec in sorted(last_of_each.items()):
            driver.stack.clear_to(screen("intro", spec))
            reading = [_paced_frame(driver) for _ in range(60)]
            pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0,
                                                 unicode=""))
            playing = [_paced_frame(driver) for _ in range(30)]
            rows.append((mechanic, *map(max, zip(*reading, strict=True)),
                         *map(max, zip(*playing, strict=True))))
        driver.close()
    return rows


def _paced_frame(driver: ScreenDriver) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.thread_time()
    driver.frames(1)
    took = (1e3 * (time.perf_counter() - wall), 1e3 * (time.thread_time() - cpu))
    time.sleep(max(0.0, 1 / 60 - took[0] / 1e3))
    return took


if __name__ == "__main__":
    width, height = (int(v) for v in (sys.argv[1] if len(sys.argv) > 1 else "1280x720").split("x"))
    if sys.argv[2:] == ["levels"]:
        print(f"slowest frame at {width}x{height}, ms: wall / game thread CPU")
        for mechanic, *ms in level_starts((width, height)):
            print(f"  {mechanic:9s} instructions {ms[0]:5.1f} / {ms[1]:5.1f}"
                  f"   fade into play {ms[2]:5.1f} / {ms[3]:5.1f}")
        sys.exit()
    screens, found = hunt((width, height))
    print(f"{len(screens)} screens, {len(found)} steps and frames at {width}x{height}; the slowest:")
    for ms, kind, scene in found[:SHOWN]:
        print(f"  {ms:6.1f} ms  {kind}  {scene}")
