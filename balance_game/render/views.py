"""Which view draws which mechanic.

A view is built for a surface and theme and draws one frame of its mechanic's world:
``draw(surface, world, axes, trail)`` where ``trail`` is the marker's recent path in lean units.
"""

from __future__ import annotations

from typing import Any, Protocol, TypeVar

import pygame

from balance_game.core.control import Axes
from balance_game.core.mechanics.base import World
from balance_game.render.catch_view import CatchView
from balance_game.render.reach_view import ReachView
from balance_game.render.rhythm_view import RhythmView
from balance_game.render.slalom_view import SlalomView
from balance_game.render.steady_view import SteadyView
from balance_game.render.theme import Theme
from balance_game.render.tilt_view import TiltView
from balance_game.render.track_view import TrackView

WorldC = TypeVar("WorldC", bound=World, contravariant=True)


class MechanicView(Protocol[WorldC]):
    """Draws one mechanic's world; built once for a surface size and theme."""

    def draw(self, surface: pygame.Surface, world: WorldC, axes: Axes,
             trail: list[tuple[float, float]]) -> None: ...


class ViewType(Protocol[WorldC]):
    def __call__(self, surface: pygame.Surface, theme: Theme) -> MechanicView[WorldC]: ...


# Each view draws the world of its own mechanic; the level's mechanic name picks both, so the
# registry is keyed by name and typed over any world.
VIEWS: dict[str, ViewType[Any]] = {
    "reach": ReachView,
    "steady": SteadyView,
    "slalom": SlalomView,
    "track": TrackView,
    "tilt": TiltView,
    "rhythm": RhythmView,
    "catch": CatchView,
}


def view_for(mechanic: str, surface: pygame.Surface, theme: Theme) -> MechanicView[Any]:
    return VIEWS[mechanic](surface, theme)


class ViewCache:
    """One view per mechanic, screen size and text size: views lay themselves out once when
    built, so a scene keeps its view instead of building a new one every frame."""

    def __init__(self) -> None:
        self._key: tuple[str, tuple[int, int], int, float] | None = None
        self._view: MechanicView[Any] | None = None

    def get(self, mechanic: str, surface: pygame.Surface, theme: Theme) -> MechanicView[Any]:
        key = (mechanic, surface.get_size(), id(theme), theme.text_scale)
        if self._view is None or key != self._key:
            self._key, self._view = key, view_for(mechanic, surface, theme)
        return self._view
