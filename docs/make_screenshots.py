"""Render every screen of the game to PNG at 1280x720 and 1920x1080 (docs/screenshots/), and
every game in every world mid-play at 1280x720 (docs/screenshots/worlds/).

Run: SDL_VIDEODRIVER=dummy .venv/bin/python docs/make_screenshots.py
The screens are driven with keys, exactly as in tests/game/test_screens.py, and drawn by the
real renderer into an offscreen surface; the games are played by the simulated player.
"""

from __future__ import annotations

import dataclasses
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
WORLD_SHOTS = OUT / "worlds"
# seconds of simulated play before the picture: mid-try, with the task on screen
PLAY_S = {"reach": 16.0, "steady": 8.0, "slalom": 8.0, "track": 7.0, "tilt": 9.0, "rhythm": 9.5,
          "catch": 6.3}


def shoot(size: tuple[int, int]) -> None:
    label = f"{size[1]}p"
    d = ScreenDriver(Path(tempfile.mkdtemp()) / "shots.db", size=size)

    def save(name: str, frames: int = 30) -> None:  # past the crossfade between screens
        d.frames(frames)
        d.save(OUT / f"{name}-{label}.png")

    save("title", 30)
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


def shoot_worlds(size: tuple[int, int] = (1280, 720)) -> None:
    """Each game's first level played in each of the five worlds by the simulated player."""
    from balance_game.bench import play_rig
    from balance_game.core.levels import load_levels
    from balance_game.render.worlds import WORLDS

    WORLD_SHOTS.mkdir(exist_ok=True)
    firsts: dict[str, object] = {}
    for spec in load_levels():
        firsts.setdefault(spec.mechanic, spec)
    for mechanic, first in firsts.items():
        for look in WORLDS:
            spec = dataclasses.replace(first, world=look.number)
            with play_rig(spec, size) as loop:
                for _ in range(round(PLAY_S.get(mechanic, 7.0) * 60)):
                    loop._step()
                loop._draw()
                pygame.image.save(loop.window.surface,
                                  str(WORLD_SHOTS / f"{mechanic}-world{look.number}.png"))


def contact_sheet(thumb: tuple[int, int] = (384, 216)) -> None:
    """All the world shots on one page: a row per game, a column per world (worlds/all.png)."""
    from balance_game.render.worlds import WORLDS

    games = sorted({p.name.split("-world")[0] for p in WORLD_SHOTS.glob("*-world*.png")})
    sheet = pygame.Surface((thumb[0] * len(WORLDS), thumb[1] * len(games)))
    for row, game in enumerate(games):
        for look in WORLDS:
            shot = pygame.image.load(str(WORLD_SHOTS / f"{game}-world{look.number}.png"))
            sheet.blit(pygame.transform.smoothscale(shot, thumb),
                       ((look.number - 1) * thumb[0], row * thumb[1]))
    pygame.image.save(sheet, str(WORLD_SHOTS / "all.png"))


def shoot_feel(size: tuple[int, int] = (1280, 720)) -> None:
    """A try going well (the celebration) and the results with their stars flying in."""
    from balance_game.bench import play_rig
    from balance_game.core.levels import load_levels
    from balance_game.game.screens.results import STAR_DELAY_S, ResultsScene

    spec = dataclasses.replace(next(s for s in load_levels() if s.id == "catch-01"), world=2)
    with play_rig(spec, size, seed=2) as loop:
        play = loop.stack.top
        while play.success_s is None:
            loop._step()
            loop._draw()
        for _ in range(8):
            loop._step()
            loop._draw()
        pygame.image.save(loop.window.surface, str(WORLD_SHOTS / "celebration.png"))
    spec = dataclasses.replace(next(s for s in load_levels() if s.id == "reach-01"), world=3)
    with play_rig(spec, size, seed=2) as loop:
        session, trace = loop.ctx.session, []
        while not session.results:
            loop._step()
            trace.append((loop.ctx.frame.axes.lean_x, loop.ctx.frame.axes.lean_y))
        loop.stack.push(ResultsScene(spec, session.results[-1:], trace, final=True))
        for _ in range(round((STAR_DELAY_S * 3 + 0.2) * 60)):
            loop._step()
            loop._draw()
        pygame.image.save(loop.window.surface, str(WORLD_SHOTS / "results-stars.png"))


if __name__ == "__main__":
    OUT.mkdir(exist_ok=True)
    for resolution in ((1280, 720), (1920, 1080)):
        shoot(resolution)
    shoot_worlds()
    contact_sheet()
    shoot_feel()
    print(f"screenshots in {OUT}")
