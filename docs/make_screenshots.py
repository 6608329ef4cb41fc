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


def shoot_mid_play(level_id: str, size: tuple[int, int], seconds: float, name: str) -> None:
    """A level played by the simulated player (load cells and all) up to ``seconds``, drawn
    with its HUD and view: a game as it looks mid-play."""
    from balance_game.core.control import Axes, ControlMap, Limits
    from balance_game.core.levels import find_level
    from balance_game.core.mechanics import MECHANICS
    from balance_game.core.records import Sample
    from balance_game.devices.simulated import SimulatedPlayer
    from balance_game.render.hud import draw_hud
    from balance_game.render.theme import BACKGROUND, Theme
    from balance_game.render.views import view_for

    pygame.font.init()
    spec = find_level(level_id)
    mechanic = MECHANICS[spec.mechanic]
    limits = Limits.theoretical(None)
    control = ControlMap(limits)
    player = SimulatedPlayer(limits, 0.7, seed=3)
    world = mechanic.new_world(spec.params_at(spec.start_difficulty), spec.trials, seed=3)
    axes, trail, t, dt = Axes(), [], 0.0, 1 / 60
    while t < seconds and not mechanic.finished(world):
        t += dt
        player.set_goal(mechanic.goal(world))
        samples = [s for s in player.poll(t) if isinstance(s, Sample)]
        if samples:
            last = samples[-1]
            axes = control.axes(last.cop_x_mm, last.cop_y_mm, last.corners_kg)
        trail = [*trail[-40:], (axes.lean_x, axes.lean_y)]
        mechanic.step(world, axes, dt, t)
    surface = pygame.Surface(size)
    theme = Theme(size[1])
    surface.fill(BACKGROUND)
    facts = [f"Try {world.trial_index + 1} of {spec.trials}"]
    draw_hud(surface, theme, spec.title, facts, mechanic.prompt(world))
    view_for(spec.mechanic, surface, theme).draw(surface, world, axes, trail)
    pygame.image.save(surface, str(OUT / f"{name}-{size[1]}p.png"))


# level, seconds of play, file name: the new games caught in the middle of a try
MID_PLAY = (
    ("dual-02", 8.0, "play-dual-colour"),
    ("dual-03", 16.6, "play-dual-new-rule"),
    ("dual-03", 20.2, "play-dual-words"),
    ("dual-05", 9.0, "play-dual-four"),
    ("transfer-02", 5.2, "play-transfer-shift"),
    ("transfer-03", 7.5, "play-transfer-hold"),
)


if __name__ == "__main__":
    OUT.mkdir(exist_ok=True)
    for resolution in ((1280, 720), (1920, 1080)):
        shoot(resolution)
        for level_id, seconds, name in MID_PLAY:
            shoot_mid_play(level_id, resolution, seconds, name)
    print(f"screenshots in {OUT}")
