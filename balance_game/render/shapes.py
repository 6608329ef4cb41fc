"""Shapes the steady, slalom and track views share: the player's marker, rings, flags, ticks.

Every meaning is carried by a shape as well as a colour (a tick for a passed gate, a cross for a
missed one, a dashed ring for "you are outside"), so nothing depends on telling colours apart.
"""

from __future__ import annotations

import math

import pygame

from balance_game.render.theme import PLAYER, TEXT, Colour, Theme

Point = tuple[int, int]


def marker(surface: pygame.Surface, theme: Theme, pos: Point) -> None:
    """The player's dot: a sky-blue disc with a white outline."""
    r = max(8, theme.px(0.028))
    pygame.draw.circle(surface, PLAYER, pos, r)
    pygame.draw.circle(surface, TEXT, pos, r, max(2, theme.px(0.005)))


def trail(surface: pygame.Surface, theme: Theme, points: list[Point]) -> None:
    if len(points) > 1:
        pygame.draw.lines(surface, PLAYER, False, points, max(2, theme.px(0.004)))


def dashed_circle(surface: pygame.Surface, colour: Colour, centre: Point, radius: int, width: int,
                  dashes: int = 24) -> None:
    rect = pygame.Rect(0, 0, 2 * radius, 2 * radius)
    rect.center = centre
    step = 2.0 * math.pi / dashes
    for i in range(dashes):
        pygame.draw.arc(surface, colour, rect, i * step, i * step + step * 0.55, width)


def progress_ring(surface: pygame.Surface, colour: Colour, centre: Point, radius: int, width: int,
                  share: float) -> None:
    """An arc that fills clockwise from twelve o'clock as ``share`` goes 0 -> 1."""
    if share <= 0:
        return
    rect = pygame.Rect(0, 0, 2 * radius, 2 * radius)
    rect.center = centre
    top = math.pi / 2
    pygame.draw.arc(surface, colour, rect, top - min(1.0, share) * 2 * math.pi, top, width)


def crosshair(surface: pygame.Surface, colour: Colour, centre: Point, arm: int, width: int) -> None:
    x, y = centre
    pygame.draw.line(surface, colour, (x - arm, y), (x + arm, y), width)
    pygame.draw.line(surface, colour, (x, y - arm), (x, y + arm), width)


def tick(surface: pygame.Surface, colour: Colour, centre: Point, size: int, width: int) -> None:
    x, y = centre
    points = [(x - size, y), (x - size // 3, y + size * 2 // 3), (x + size, y - size * 2 // 3)]
    pygame.draw.lines(surface, colour, False, points, width)


def cross(surface: pygame.Surface, colour: Colour, centre: Point, size: int, width: int) -> None:
    x, y = centre
    pygame.draw.line(surface, colour, (x - size, y - size), (x + size, y + size), width)
    pygame.draw.line(surface, colour, (x - size, y + size), (x + size, y - size), width)


def chevron(surface: pygame.Surface, colour: Colour, tip: Point, size: int, width: int,
            direction: int) -> None:
    """An arrow head pointing left (-1) or right (+1)."""
    x, y = tip
    back = x - direction * size
    pygame.draw.lines(surface, colour, False, [(back, y - size), (x, y), (back, y + size)], width)


def flag(surface: pygame.Surface, pole: Colour, cloth: Colour, base: Point, height: int,
         facing: int) -> None:
    """A slalom pole with a triangular flag at its top, the cloth pointing ``facing`` (-1 or +1)."""
    x, y = base
    top = y - height
    pygame.draw.line(surface, pole, (x, y), (x, top), max(2, height // 12))
    size = max(6, height // 2)
    pygame.draw.polygon(surface, cloth, [(x, top), (x + facing * size, top + size // 2),
                                         (x, top + size)])
    pygame.draw.polygon(surface, pole, [(x, top), (x + facing * size, top + size // 2),
                                        (x, top + size)], max(1, height // 30))
