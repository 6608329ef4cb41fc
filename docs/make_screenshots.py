"""Render every screen of the game to PNG at 1280x720 and 1920x1080 (docs/screenshots/), every
game in every world mid-play at 1280x720 (docs/screenshots/worlds/), and every screen of the
layout gallery (tests/game/gallery.py) in each language and at the largest text size
(docs/screenshots/screens/).

Run: SDL_VIDEODRIVER=dummy .venv/bin/python docs/make_screenshots.py [gallery|screens|worlds ...]
(all three parts when none is named). The worlds part also makes contact sheets: every game in
every world (worlds/all.png), and the nine games of each world on one page
(worlds/world<N>-games.png).
The screens are driven with keys, exactly as in tests/game/test_screens.py, and drawn by the
real renderer into an offscreen surface; the games are played by the simulated player.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from balance_game.core.levels import LevelSpec
    from balance_game.game.loop import GameLoop

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("BALANCE_GAME_CONFIG", str(Path(tempfile.mkdtemp()) / "settings.yaml"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "game"))

import pygame
from screen_driver import ScreenDriver

OUT = Path(__file__).resolve().parent / "screenshots"
WORLD_SHOTS = OUT / "worlds"
# seconds of simulated play before the picture: mid-try, with the task on screen
PLAY_S = {"reach": 16.0, "steady": 8.0, "slalom": 8.0, "track": 7.0, "tilt": 9.0, "rhythm": 9.5,
          "catch": 6.3, "dual": 5.9, "transfer": 6.4}


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


def shoot_mid_play(level_id: str, size: tuple[int, int], seconds: float, name: str) -> None:
    """A level played by the simulated player (load cells and all) up to ``seconds``, drawn
    with its HUD and view: a game as it looks mid-play."""
    from balance_game.core.control import Axes, ControlMap, Limits
    from balance_game.core.levels import find_level
    from balance_game.core.mechanics import MECHANICS
    from balance_game.core.records import Sample
    from balance_game.devices.simulated import SimulatedPlayer
    from balance_game.render.hud import draw_hud
    from balance_game.render.theme import Theme
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
    view = view_for(spec.mechanic, surface, theme, spec.world)
    view.draw(surface, world, axes, trail)
    facts = [f"Try {world.trial_index + 1} of {spec.trials}"]
    draw_hud(surface, theme, spec.title, facts, mechanic.prompt(world), view.look.plate())
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


@contextlib.contextmanager
def play_rig(spec: LevelSpec, size: tuple[int, int], seed: int = 0) -> Iterator[GameLoop]:
    """The real loop playing ``spec`` with the simulated player, drawing offscreen."""
    from balance_game.bench.scratch import loop_for, scratch
    from balance_game.render.window import OffscreenWindow

    run = scratch(spec, fast=True, seed=seed, size=size)
    try:
        yield loop_for(run, spec, OffscreenWindow(size))
    finally:
        run.close()


def shoot_worlds(size: tuple[int, int] = (1280, 720)) -> None:
    """Each game's first level played in each of the five worlds by the simulated player."""
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
    """All the world shots on one page, a row per game and a column per world (worlds/all.png),
    and one page per world with its games three to a row (worlds/world<N>-games.png): the
    first shows each world's look, the second that the games in one world differ."""
    from balance_game.render.worlds import WORLDS

    games = sorted({p.name.split("-world")[0] for p in WORLD_SHOTS.glob("*-world*.png")})
    shots = {(game, look.number): pygame.image.load(
        str(WORLD_SHOTS / f"{game}-world{look.number}.png")) for game in games for look in WORLDS}
    sheet = pygame.Surface((thumb[0] * len(WORLDS), thumb[1] * len(games)))
    for (game, number), shot in shots.items():
        sheet.blit(pygame.transform.smoothscale(shot, thumb),
                   ((number - 1) * thumb[0], games.index(game) * thumb[1]))
    pygame.image.save(sheet, str(WORLD_SHOTS / "all.png"))
    columns = 3
    big = (thumb[0] * 5 // 3, thumb[1] * 5 // 3)  # 640 x 360: each game large enough to read
    rows = -(-len(games) // columns)
    for look in WORLDS:
        page = pygame.Surface((big[0] * columns, big[1] * rows))
        for k, game in enumerate(games):
            page.blit(pygame.transform.smoothscale(shots[game, look.number], big),
                      ((k % columns) * big[0], (k // columns) * big[1]))
        pygame.image.save(page, str(WORLD_SHOTS / f"world{look.number}-games.png"))


def shoot_feel(size: tuple[int, int] = (1280, 720)) -> None:
    """A try going well (the celebration) and the results with their stars flying in."""
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


GALLERY_SHOTS = OUT / "screens"
# (window size, text size, languages): every language at the usual size, the largest text on a
# wide and on a 4:3 screen
GALLERY_SETS = (((1280, 720), 1.0, None), ((1280, 720), 2.0, ("en",)), ((1024, 768), 2.0, ("en",)))


def shoot_gallery() -> None:
    """Every screen the layout test checks, as a person sees it, one folder per language."""
    from gallery import visit

    from balance_game.i18n import available_languages, set_language

    for size, scale, languages in GALLERY_SETS:
        for code in languages or available_languages():
            set_language(code)
            folder = GALLERY_SHOTS / code
            folder.mkdir(parents=True, exist_ok=True)
            d = ScreenDriver(Path(tempfile.mkdtemp()) / "gallery.db", device="sim", size=size)
            try:
                for name in visit(d, scale):
                    d.save(folder / f"{name}-{size[0]}x{size[1]}-text{scale:g}.png")
            finally:
                d.close()
    set_language("en")


PARTS = ("gallery", "screens", "worlds")


if __name__ == "__main__":
    parts = sys.argv[1:] or list(PARTS)  # e.g. "worlds" alone after changing a game's art
    unknown = sorted(set(parts) - set(PARTS))
    if unknown:
        print(f"make_screenshots: unknown part {unknown[0]!r} (choose from {', '.join(PARTS)})",
              file=sys.stderr)
        sys.exit(2)
    OUT.mkdir(exist_ok=True)
    if "gallery" in parts:
        shoot_gallery()
    if "screens" in parts:
        for resolution in ((1280, 720), (1920, 1080)):
            shoot(resolution)
            for level_id, seconds, name in MID_PLAY:
                shoot_mid_play(level_id, resolution, seconds, name)
    if "worlds" in parts:
        shoot_worlds()
        contact_sheet()
        shoot_feel()
    print(f"screenshots in {OUT}")
