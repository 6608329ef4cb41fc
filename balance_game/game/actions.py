"""The small fixed vocabulary of menu actions, and how keys map onto it.

Every screen understands the same actions whatever the device: confirm, back, pause, help, and
up/down/left/right for moving a highlight. Gamepad buttons map onto the same names.
"""

from __future__ import annotations

from typing import Any

import pygame

ACTIONS = ("confirm", "back", "pause", "help", "up", "down", "left", "right")

KEY_ACTIONS = {
    pygame.K_RETURN: "confirm", pygame.K_KP_ENTER: "confirm",
    pygame.K_ESCAPE: "back", pygame.K_BACKSPACE: "back",
    pygame.K_p: "pause", pygame.K_PAUSE: "pause",
    pygame.K_F1: "help", pygame.K_h: "help",
    pygame.K_UP: "up", pygame.K_DOWN: "down", pygame.K_LEFT: "left", pygame.K_RIGHT: "right",
}


def action_for_event(event: Any) -> str | None:
    if event.type == pygame.KEYDOWN:
        return KEY_ACTIONS.get(event.key)
    return None


EDITING_KEYS = frozenset({pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_ESCAPE, pygame.K_BACKSPACE,
                          pygame.K_UP, pygame.K_DOWN, pygame.K_LEFT, pygame.K_RIGHT})


def is_typing(event: Any) -> bool:
    """Whether a text field should take this event as typing rather than as a menu action.

    Text itself (TEXTINPUT) and every key except the few that edit or move (Enter, Esc,
    Backspace, arrows) belong to the field, so "h" types an h instead of opening Help.
    """
    if event.type == pygame.TEXTINPUT:
        return True
    return event.type == pygame.KEYDOWN and event.key not in EDITING_KEYS
