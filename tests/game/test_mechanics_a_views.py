"""The steady, slalom and track views draw every phase of their worlds at any screen size."""

import pygame
import pytest

from balance_game.core.control import Axes
from balance_game.core.levels import find_level
from balance_game.core.mechanics import MECHANICS
from balance_game.render.theme import ACCENT, BACKGROUND, PLAYER, Theme
from balance_game.render.views import VIEWS, view_for

DT = 1 / 60


@pytest.fixture(scope="module", autouse=True)
def fonts():
    pygame.init()
    yield


@pytest.mark.parametrize("level_id", ["steady-03", "slalom-03", "track-03"])
@pytest.mark.parametrize("size", [(1280, 720), (800, 600), (1920, 1080)])
def test_view_draws_every_phase(level_id, size):
    spec = find_level(level_id)
    mechanic = MECHANICS[spec.mechanic]
    assert spec.mechanic in VIEWS
    world = mechanic.new_world(spec.params_at(0.5), 2, seed=0)
    surface = pygame.Surface(size)
    theme = Theme(size[1])
    trail: list[tuple[float, float]] = []
    phases, t = set(), 0.0
    while t < 40:
        t += DT
        goal = mechanic.goal(world)
        axes = Axes(goal.lean_x, goal.lean_y) if goal else Axes()
        mechanic.step(world, axes, DT, t)
        trail = [*trail[-44:], (axes.lean_x, axes.lean_y)]
        if round(t / DT) % 30 == 0 or world.phase not in phases:
            phases.add(world.phase)
            surface.fill(BACKGROUND)
            view_for(spec.mechanic, surface, theme).draw(surface, world, axes, trail)
        if world.phase == "done":
            break
    assert {"centre", "done"} <= phases and len(phases) >= 3
    # mid-play the player's marker and a yellow target are on screen, below the HUD
    world = mechanic.new_world(spec.params_at(0.5), 2, seed=0)
    t = 0.0
    for _ in range(round(3.5 / DT)):
        t += DT
        mechanic.step(world, Axes(), DT, t)
    assert world.phase not in ("centre", "done")
    view = view_for(spec.mechanic, surface, theme)
    theme.calm = True  # no drifting clouds: the top of the screen is the scenery alone
    view.draw(surface, world, Axes(), [])
    hud = round(size[1] * 0.18)
    colours = {tuple(surface.get_at((x, y)))[:3] for x in range(0, size[0], 2)
               for y in range(hud, size[1], 2)}
    assert PLAYER in colours and ACCENT in colours
    band = pygame.Rect(0, 0, size[0], hud - 4)
    drawn = pygame.image.tobytes(surface.subsurface(band), "RGB")
    scenery = pygame.image.tobytes(view.static_layer().subsurface(band), "RGB")
    assert drawn == scenery  # nothing of the game drawn where the HUD and prompt go
