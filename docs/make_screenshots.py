"""Render every screen of the game to PNG at 1280x720 and 1920x1080 (docs/screenshots/).

Run: SDL_VIDEODRIVER=dummy .venv/bin/python docs/make_screenshots.py
The screens are driven with keys, exactly as in tests/game/test_screens.py, and drawn by the
real renderer into an offscreen surface.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("BALANCE_GAME_CONFIG", str(Path(tempfile.mkdtemp()) / "settings.yaml"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "game"))

import pygame
from screen_driver import ScreenDriver

OUT = Path(__file__).resolve().parent / "screenshots"


def shoot(size: tuple[int, int]) -> None:
    label = f"{size[1]}p"
    d = ScreenDriver(Path(tempfile.mkdtemp()) / "shots.db", size=size)

    def save(name: str, frames: int = 2) -> None:
        d.frames(frames)
        d.save(OUT / f"{name}-{label}.png")

    save("title")
    d.key(pygame.K_RETURN)
    save("first-run-safety")
    d.key(pygame.K_RETURN)
    save("first-run-connect")
    d.key(pygame.K_RETURN)
    d.key(pygame.K_RETURN)
    d.type("Ada")
    save("players")
    d.key(pygame.K_RETURN)
    save("pain")
    d.key(pygame.K_RETURN)
    save("levels")
    d.key(pygame.K_RETURN)
    save("intro")
    d.key(pygame.K_RETURN)
    d.key(pygame.K_RIGHT, hold_frames=50)
    save("play-reach", 60)
    d.key(pygame.K_p)
    save("pause")
    d.key(pygame.K_F1)
    save("help")
    d.close()


if __name__ == "__main__":
    OUT.mkdir(exist_ok=True)
    for resolution in ((1280, 720), (1920, 1080)):
        shoot(resolution)
    print(f"screenshots in {OUT}")
