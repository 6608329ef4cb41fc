"""Which view draws which mechanic.

A view is built for a surface, theme and the look of the level's world (render/worlds.py) and
draws one frame of its mechanic's world: ``draw(surface, world, axes, trail, now_s)`` where
``trail`` is the marker's recent path in lean units and ``now_s`` the clock for ambient motion.
A view is a ``scenery.SceneView``: a new game subclasses it and registers in SCENE_VIEWS.
"""

from __future__ import annotations

from typing import Any

import pygame

from balance_game.render.catch_view import CatchView
from balance_game.render.dual_view import DualView
from balance_game.render.reach_view import ReachView
from balance_game.render.rhythm_view import RhythmView
from balance_game.render.scenery import SceneView
from balance_game.render.slalom_view import SlalomView
from balance_game.render.steady_view import SteadyView
from balance_game.render.theme import Theme
from balance_game.render.tilt_view import TiltView
from balance_game.render.track_view import TrackView
from balance_game.render.transfer_view import TransferView
from balance_game.render.worlds import look_for

# Each view draws the world of its own mechanic; the level's mechanic name picks both, so the
# registry is keyed by name and typed over any world.
SCENE_VIEWS: dict[str, type[SceneView[Any]]] = {
    "reach": ReachView,
    "steady": SteadyView,
    "slalom": SlalomView,
    "track": TrackView,
    "tilt": TiltView,
    "rhythm": RhythmView,
    "catch": CatchView,
    "dual": DualView,
    "transfer": TransferView,
}
VIEWS = sorted(SCENE_VIEWS)


def view_for(mechanic: str, surface: pygame.Surface, theme: Theme,
             world: int = 1, top: int | None = None) -> SceneView[Any]:
    """``top``: where the HUD above the game ends (render/hud.hud_bottom)."""
    return SCENE_VIEWS[mechanic](surface, theme, look_for(world), top)


class ViewCache:
    """One view per mechanic, world, screen size and text size: views lay themselves out and
    paint their scenery once when built, so a scene keeps its view instead of building a new
    one every frame."""

    def __init__(self) -> None:
        self._key: tuple[str, int, tuple[int, int], int, float, int | None] | None = None
        self._view: SceneView[Any] | None = None

    def get(self, mechanic: str, surface: pygame.Surface, theme: Theme,
            world: int = 1, top: int | None = None) -> SceneView[Any]:
        key = (mechanic, world, surface.get_size(), id(theme), theme.text_scale, top)
        if self._view is None or key != self._key:
            self._key, self._view = key, view_for(mechanic, surface, theme, world, top)
        return self._view
