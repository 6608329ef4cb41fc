"""The tilt, rhythm, catch, dual and transfer views draw every phase of a level at several screen sizes."""

import pygame
import pytest
from mech_play import DT, follow_goal

from balance_game.core.control import Axes
from balance_game.core.levels import load_levels
from balance_game.core.mechanics import MECHANICS
from balance_game.render.lean_widgets import HUD_FRACTION
from balance_game.render.theme import Theme
from balance_game.render.views import view_for

LEVELS = {m: next(s for s in load_levels() if s.mechanic == m)
          for m in ("tilt", "rhythm", "catch", "dual", "transfer")}


@pytest.mark.parametrize("size", [(1280, 720), (800, 600), (1920, 1080)])
@pytest.mark.parametrize("name", sorted(LEVELS))
def test_the_view_draws_every_phase_below_the_hud(name, size):
    pygame.font.init()
    spec = LEVELS[name]
    mechanic = MECHANICS[name]
    world = mechanic.new_world(spec.params_at(0.5), 3, seed=1)
    surface = pygame.Surface(size)
    theme = Theme(size[1], calm=True)  # no drifting clouds over the HUD band
    policy = follow_goal(mechanic)
    phases, trail, t = set(), [], 0.0
    for frame in range(60 * 40):
        t += DT
        axes = policy(world)
        trail = [*trail[-40:], (axes.lean_x, axes.lean_y)]
        mechanic.step(world, axes, DT, t)
        phases.add(world.phase)
        if frame % 15 == 0 or mechanic.finished(world):
            view = view_for(name, surface, theme)
            view.draw(surface, world, axes, trail)
            band = (0, 0, size[0], int(size[1] * HUD_FRACTION) - 2)
            # nothing but the scenery where the HUD and the prompt go
            assert pygame.image.tobytes(surface.subsurface(band), "RGB") == \
                pygame.image.tobytes(view.static_layer().subsurface(band), "RGB")
        if mechanic.finished(world):
            break
    assert "centre" in phases and "done" in phases
    view_for(name, surface, theme).draw(surface, world, Axes(1.0, -1.0), [])  # leaning to a limit
