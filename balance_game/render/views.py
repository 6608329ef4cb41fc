"""Which view draws which mechanic.

A view is built for a surface, theme and the look of the level's world (render/worlds.py) and
draws one frame of its mechanic's world: ``draw(surface, world, axes, trail, now_s)`` where
``trail`` is the marker's recent path in lean units and ``now_s`` the clock for ambient motion.
A view is a ``scenery.SceneView``: a new game subclasses it and registers in SCENE_VIEWS. A
view written before the worlds (drawing on a plain dark background) registers in PLAIN_VIEWS
and is shown on its world's dark field under a strip of its sky, until it paints its own.
"""

from __future__ import annotations

from typing import Any, Protocol, TypeVar

import pygame

from balance_game.core.control import Axes
from balance_game.core.mechanics.base import World
from balance_game.render.catch_view import CatchView
from balance_game.render.dual_view import DualView
from balance_game.render.lean_widgets import HUD_FRACTION
from balance_game.render.reach_view import ReachView
from balance_game.render.rhythm_view import RhythmView
from balance_game.render.scenery import SceneView, gradient, landscape
from balance_game.render.slalom_view import SlalomView
from balance_game.render.steady_view import SteadyView
from balance_game.render.theme import Theme
from balance_game.render.tilt_view import TiltView
from balance_game.render.track_view import TrackView
from balance_game.render.transfer_view import TransferView
from balance_game.render.worlds import WorldLook, look_for

WorldC = TypeVar("WorldC", bound=World, contravariant=True)


class PlainDraw(Protocol[WorldC]):
    """A view that draws its mechanic on whatever is beneath (made for a dark background)."""

    def draw(self, surface: pygame.Surface, world: WorldC, axes: Axes,
             trail: list[tuple[float, float]]) -> None: ...


class PlainType(Protocol[WorldC]):
    def __call__(self, surface: pygame.Surface, theme: Theme) -> PlainDraw[WorldC]: ...


# Each view draws the world of its own mechanic; the level's mechanic name picks both, so the
# registries are keyed by name and typed over any world.
SCENE_VIEWS: dict[str, type[SceneView[Any]]] = {
    "reach": ReachView,
    "steady": SteadyView,
    "slalom": SlalomView,
    "track": TrackView,
    "tilt": TiltView,
    "rhythm": RhythmView,
    "catch": CatchView,
}
PLAIN_VIEWS: dict[str, PlainType[Any]] = {
    "dual": DualView,
    "transfer": TransferView,
}
VIEWS = sorted({*SCENE_VIEWS, *PLAIN_VIEWS})


class PlainSceneView(SceneView[Any]):
    """A plain view on its world's dark field (legible as on the old background), with the
    world's sky in the strip behind the HUD and the prompt."""

    def __init__(self, inner: PlainDraw[Any], surface: pygame.Surface, theme: Theme,
                 look: WorldLook, top: int | None = None) -> None:
        self.inner = inner
        super().__init__(surface, theme, look, top)
        self.sky = pygame.Rect(0, 0, self.width, round(self.height * HUD_FRACTION) - 2)

    def paint_static(self, surface: pygame.Surface) -> None:
        landscape(surface, self.look, round(self.height * HUD_FRACTION))
        top = round(self.height * HUD_FRACTION)
        gradient(surface, pygame.Rect(0, top, self.width, self.height - top), self.far_field,
                 self.field)

    def draw_task(self, surface: pygame.Surface, world: Any, axes: Axes,
                  trail: list[tuple[float, float]], now_s: float) -> None:
        self.inner.draw(surface, world, axes, trail)


def view_for(mechanic: str, surface: pygame.Surface, theme: Theme,
             world: int = 1, top: int | None = None) -> SceneView[Any]:
    """``top``: where the HUD above the game ends (render/hud.hud_bottom)."""
    look = look_for(world)
    if mechanic in SCENE_VIEWS:
        return SCENE_VIEWS[mechanic](surface, theme, look, top)
    return PlainSceneView(PLAIN_VIEWS[mechanic](surface, theme), surface, theme, look, top)


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
