"""Small drawing pieces shared by the tilt, rhythm and catch views.

The player's marker (sky-blue disc, white outline), the centre zone with its "hold still" arc,
and the play area below the HUD. Sizes are fractions of the screen height.
"""

from __future__ import annotations

import math

import pygame

from balance_game.render.theme import GOOD, OUTLINE, PLAYER, TEXT, Theme

HUD_FRACTION = 0.18  # the HUD bar and the prompt take the top of the screen
SETTLE_S = 0.5


def play_area(surface: pygame.Surface, top: int | None = None) -> pygame.Rect:
    """The part of the screen a game may draw on: below the HUD (whose bottom is ``top``, by
    default HUD_FRACTION of the height), with a small margin."""
    width, height = surface.get_size()
    top = round(height * HUD_FRACTION) if top is None else top
    return pygame.Rect(round(width * 0.03), top, round(width * 0.94),
                       height - top - round(height * 0.03))


def marker(surface: pygame.Surface, theme: Theme, pos: tuple[int, int],
           radius: int | None = None) -> None:
    r = radius or max(8, theme.px(0.028))
    pygame.draw.circle(surface, PLAYER, pos, r)
    pygame.draw.circle(surface, TEXT, pos, r, max(2, theme.px(0.004)))


def centre_zone(surface: pygame.Surface, theme: Theme, centre: tuple[int, int], radius: int,
                settle_s: float, waiting: bool) -> None:
    """The centre ring; while waiting, a green arc fills as the player holds still."""
    width = max(2, theme.px(0.005))
    pygame.draw.circle(surface, OUTLINE, centre, max(4, radius), width)
    if waiting and settle_s > 0:
        share = min(1.0, settle_s / SETTLE_S)
        rect = pygame.Rect(0, 0, 2 * radius, 2 * radius)
        rect.center = centre
        pygame.draw.arc(surface, GOOD, rect, math.pi / 2, math.pi / 2 + share * 2 * math.pi,
                        width * 2)


def time_bar(surface: pygame.Surface, theme: Theme, rect: pygame.Rect, share_left: float,
             colour: tuple[int, int, int], plate: tuple[int, int, int] | None = None) -> None:
    """A slim bar that empties as time runs out; on a ``plate`` (a world's plate colour) when it
    crosses scenery, so it reads whatever is painted behind it. The plate reaches no higher than
    the bar: the band above belongs to the HUD and prompt."""
    if plate is not None:
        pad = theme.px(0.012)
        pygame.draw.rect(surface, plate, (rect.left - pad, rect.top - 1, rect.width + 2 * pad,
                                          rect.height + 2), border_radius=rect.height // 2 + 1)
    pygame.draw.rect(surface, OUTLINE, rect, max(1, theme.px(0.003)),
                     border_radius=rect.height // 2)
    fill = rect.copy()
    fill.width = round(rect.width * min(1.0, max(0.0, share_left)))
    if fill.width > 0:
        pygame.draw.rect(surface, colour, fill, border_radius=rect.height // 2)
