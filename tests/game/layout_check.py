"""Where text landed on a frame: boxes outside the window, or boxes drawn over one another."""

from __future__ import annotations

import pygame

from balance_game.render.theme import TextBox

TOLERANCE_PX = 2  # anti-aliased glyph edges may touch


def problems(boxes: list[TextBox], surface: pygame.Surface) -> list[str]:
    window = surface.get_rect().inflate(2 * TOLERANCE_PX, 2 * TOLERANCE_PX)
    shown = [b for b in boxes if b.surface is surface and b.text.strip()]
    found = [f"{b.text!r} at {tuple(b.rect)} is outside the window"
             for b in shown if not window.contains(b.rect)]
    for i, a in enumerate(shown):
        for b in shown[i + 1:]:
            overlap = a.rect.clip(b.rect)
            if overlap.width > TOLERANCE_PX and overlap.height > TOLERANCE_PX:
                found.append(f"{a.text!r} {tuple(a.rect)} overlaps {b.text!r} {tuple(b.rect)}")
    return found
