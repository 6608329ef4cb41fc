"""The Wii Balance Board drawn for the pairing screen: the board upside down with its battery
cover open, the red SYNC button marked, and the blue light on the front that blinks.

Drawn with shapes so it stays sharp at any size and needs no image file; proportions follow the
real board (about 51 x 32 cm, four feet at the corners, the battery bay near the front edge).
"""

from __future__ import annotations

import pygame

from balance_game.render.text import blit_label, fitting_font
from balance_game.render.theme import ACCENT, OUTLINE, TEXT, Theme

BOARD_WHITE = (236, 238, 240)
FOOT_GREY = (150, 156, 162)
BAY_GREY = (200, 204, 208)
BATTERY = (86, 90, 96)
SYNC_RED = (213, 40, 40)
LIGHT_BLUE = (86, 180, 233)


def draw_board_underside(surface: pygame.Surface, theme: Theme, area: pygame.Rect,
                         blink: bool) -> None:
    """The board seen from below in ``area``, the SYNC button circled and labelled."""
    width = min(area.width, int(area.height * 0.9 * 51 / 32))
    board = pygame.Rect(0, 0, width, width * 32 // 51)
    board.midtop = (area.centerx, area.top)
    radius = board.height // 6
    pygame.draw.rect(surface, BOARD_WHITE, board, border_radius=radius)
    pygame.draw.rect(surface, OUTLINE, board, 2, border_radius=radius)
    theme.note_picture(surface, board, "board")
    foot = board.height // 7
    for x, y in ((board.left + foot * 1.6, board.top + foot * 1.6),
                 (board.right - foot * 1.6, board.top + foot * 1.6),
                 (board.left + foot * 1.6, board.bottom - foot * 1.6),
                 (board.right - foot * 1.6, board.bottom - foot * 1.6)):
        pygame.draw.circle(surface, FOOT_GREY, (round(x), round(y)), foot)
    bay = pygame.Rect(0, 0, board.width // 3, board.height // 3)
    bay.midbottom = (board.centerx, board.bottom - board.height // 10)
    pygame.draw.rect(surface, BAY_GREY, bay, border_radius=bay.height // 8)
    cell = pygame.Rect(0, 0, bay.width // 5, bay.height * 3 // 4)
    for i in range(4):
        cell.midleft = (bay.left + bay.width // 20 + i * (cell.width + bay.width // 40), bay.centery)
        pygame.draw.rect(surface, BATTERY, cell, border_radius=cell.width // 4)
    sync = (bay.right + board.width // 14, bay.centery)
    sync_r = max(4, board.height // 22)
    pygame.draw.circle(surface, SYNC_RED, sync, sync_r)
    ring = max(3, sync_r // 2)
    pygame.draw.circle(surface, ACCENT if blink else TEXT, sync, sync_r * 3, ring)
    label = "SYNC"
    font = fitting_font(theme, label, board.width // 4, "body", bold=True)
    label_rect = blit_label(surface, theme, label, font, SYNC_RED, "board",
                            midleft=(sync[0] + sync_r * 4, sync[1]))
    pygame.draw.line(surface, SYNC_RED, (sync[0] + sync_r * 3, sync[1]),
                     (label_rect.left - 2, label_rect.centery), ring)
    light = (board.centerx, board.bottom - max(3, board.height // 40))
    pygame.draw.circle(surface, LIGHT_BLUE if blink else FOOT_GREY, light, max(3, sync_r // 1))
