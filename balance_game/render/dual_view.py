"""Drawing the think-and-lean game: items around a centre ring, each inside the zone that
chooses it, a bar for the time left, a "new rule" flag, and the player's marker.

Items say what they are in more than one way: a colour item is a disc of that colour with its
name written under it, a shape item a white outline shape, numbers and words big type on a card.
"""

from __future__ import annotations

import math

import pygame

from balance_game.core.control import Axes
from balance_game.core.mechanics.common import CENTRE_RADIUS
from balance_game.core.mechanics.dual import CHOOSE_S, DualWorld, Item, item_label
from balance_game.i18n import _
from balance_game.render import shapes
from balance_game.render.lean_widgets import centre_zone, marker, play_area, time_bar
from balance_game.render.text import blit_text
from balance_game.render.theme import (
    ACCENT,
    BACKGROUND,
    ITEM_COLOURS,
    OUTLINE,
    PANEL,
    PLAYER,
    TEXT,
    TEXT_DIM,
    Theme,
)

VIEW_RANGE = 0.85  # lean units from the middle to the edge of the drawing
Point = tuple[int, int]


class DualView:
    def __init__(self, surface: pygame.Surface, theme: Theme) -> None:
        self.theme = theme
        self.area = play_area(surface)
        self.bar = pygame.Rect(self.area.left + self.area.width // 4, self.area.top,
                               self.area.width // 2, theme.px(0.018))
        self.centre = (self.area.centerx, self.area.centery + theme.px(0.02))
        half = min(self.area.width / 2, (self.area.height - theme.px(0.05)) / 2)
        self.scale = half / VIEW_RANGE  # pixels per lean unit, the same both ways: zones are round

    def to_screen(self, x: float, y: float) -> Point:
        x = max(-VIEW_RANGE, min(VIEW_RANGE, x))
        y = max(-VIEW_RANGE, min(VIEW_RANGE, y))
        return (round(self.centre[0] + x * self.scale), round(self.centre[1] - y * self.scale))

    def draw(self, surface: pygame.Surface, world: DualWorld, axes: Axes,
             trail: list[tuple[float, float]]) -> None:
        t = self.theme
        arena = pygame.Rect(0, 0, round(2 * VIEW_RANGE * self.scale),
                            round(2 * VIEW_RANGE * self.scale))
        arena.center = self.centre
        pygame.draw.rect(surface, PANEL, arena, border_radius=t.px(0.03))
        centre_zone(surface, t, self.centre, round(CENTRE_RADIUS * self.scale), world.settle_s,
                    world.phase == "centre")
        if world.phase == "centre" and world.switched:
            self._new_rule_flag(surface)
        if world.phase == "choose":
            time_bar(surface, t, self.bar, world.time_left_share, ACCENT)
            for item in world.items:
                self._item(surface, world, item)
        shapes.trail(surface, t, [self.to_screen(*p) for p in trail])
        marker(surface, t, self.to_screen(axes.lean_x, axes.lean_y))

    def _new_rule_flag(self, surface: pygame.Surface) -> None:
        t = self.theme
        font = t.font("body", bold=True)
        label = t.texts.image(font, _("New rule!"), BACKGROUND)
        # inside the arena below the centre ring, clear of the prompt however it wraps
        below = self.centre[1] + round(CENTRE_RADIUS * self.scale) + t.px(0.05)
        plate = label.get_rect(midtop=(self.centre[0], below)).inflate(t.px(0.04), t.px(0.015))
        pygame.draw.rect(surface, ACCENT, plate, border_radius=plate.height // 2)
        blit_text(surface, t, _("New rule!"), font, BACKGROUND, center=plate.center)

    def _item(self, surface: pygame.Surface, world: DualWorld, item: Item) -> None:
        t = self.theme
        pos = self.to_screen(item.x, item.y)
        zone = max(t.px(0.05), round(world.item_radius * self.scale))
        inside = world.inside is item
        pygame.draw.circle(surface, BACKGROUND, pos, zone)
        if inside:  # being chosen: the ring fills as the player stays
            shapes.progress_ring(surface, PLAYER, pos, zone, max(3, t.px(0.012)),
                                 world.inside_s / CHOOSE_S)
        shapes.dashed_circle(surface, OUTLINE, pos, zone, max(2, t.px(0.004)), dashes=28)
        size = max(t.px(0.04), round(zone * 0.62))
        if item.kind == "colour":
            pygame.draw.circle(surface, ITEM_COLOURS[item.value], pos, size)
            pygame.draw.circle(surface, TEXT, pos, size, max(2, t.px(0.004)))
            self._label(surface, _(item_label(item)), (pos[0], pos[1] + zone + t.px(0.008)))
        elif item.kind == "shape":
            shape(surface, item.value, pos, size, TEXT_DIM, TEXT, max(2, t.px(0.004)))
        else:
            self._card(surface, _(item_label(item)), pos, size)

    def _label(self, surface: pygame.Surface, text: str, midtop: Point) -> None:
        t = self.theme
        font = t.font("small", bold=True)
        plate = t.texts.image(font, text, TEXT).get_rect(midtop=midtop).inflate(
            t.px(0.02), t.px(0.006))
        pygame.draw.rect(surface, BACKGROUND, plate, border_radius=t.px(0.01))
        blit_text(surface, t, text, font, TEXT, center=plate.center)

    def _card(self, surface: pygame.Surface, text: str, pos: Point, size: int) -> None:
        t = self.theme
        font = t.font("heading" if len(text) <= 2 else "body", bold=True)
        card = t.texts.image(font, text, BACKGROUND).get_rect(center=pos).inflate(
            t.px(0.03), t.px(0.012))
        card.width = max(card.width, 2 * size)
        card.center = pos
        pygame.draw.rect(surface, TEXT, card, border_radius=t.px(0.012))
        blit_text(surface, t, text, font, BACKGROUND, center=pos)


def shape(surface: pygame.Surface, name: str, pos: Point, size: int, fill: tuple[int, int, int],
          edge: tuple[int, int, int], width: int) -> None:
    """One of the rule shapes, ``size`` from its centre to its furthest point."""
    x, y = pos
    if name == "circle":
        pygame.draw.circle(surface, fill, pos, size)
        pygame.draw.circle(surface, edge, pos, size, width)
        return
    if name == "square":
        side = round(size * 1.45)
        rect = pygame.Rect(0, 0, side, side)
        rect.center = pos
        pygame.draw.rect(surface, fill, rect)
        pygame.draw.rect(surface, edge, rect, width)
        return
    points = _polygon(name, x, y, size)
    pygame.draw.polygon(surface, fill, points)
    pygame.draw.polygon(surface, edge, points, width)


def _polygon(name: str, x: int, y: int, size: int) -> list[Point]:
    if name == "triangle":
        corners, inner = 3, None
    elif name == "diamond":
        corners, inner = 4, None
    else:  # star
        corners, inner = 5, 0.45
    points = []
    steps = corners * (2 if inner else 1)
    for k in range(steps):
        r = size * (inner if inner and k % 2 else 1.0)
        a = -math.pi / 2 + 2 * math.pi * k / steps
        points.append((round(x + r * math.cos(a)), round(y + r * math.sin(a))))
    return points
