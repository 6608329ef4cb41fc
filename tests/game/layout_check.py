"""Where text landed on a frame: boxes outside the window, drawn over one another, or drawn
over one of the task's pictures they do not belong to (a prompt over the maze)."""

from __future__ import annotations

import pygame

from balance_game.render.theme import LayoutBox, PictureBox, TextBox

TOLERANCE_PX = 2  # anti-aliased glyph edges may touch


def _overlap(a: pygame.Rect, b: pygame.Rect) -> bool:
    clip = a.clip(b)
    return clip.width > TOLERANCE_PX and clip.height > TOLERANCE_PX


def problems(boxes: list[LayoutBox], surface: pygame.Surface) -> list[str]:
    window = surface.get_rect().inflate(2 * TOLERANCE_PX, 2 * TOLERANCE_PX)
    shown = [b for b in boxes
             if isinstance(b, TextBox) and b.surface is surface and b.text.strip()]
    pictures = [b for b in boxes if isinstance(b, PictureBox) and b.surface is surface]
    found = [f"{b.text!r} at {tuple(b.rect)} is outside the window"
             for b in shown if not window.contains(b.rect)]
    for i, a in enumerate(shown):
        for b in shown[i + 1:]:
            if _overlap(a.rect, b.rect):
                found.append(f"{a.text!r} {tuple(a.rect)} overlaps {b.text!r} {tuple(b.rect)}")
    found += [f"{t.text!r} {tuple(t.rect)} is drawn over the {p.name} {tuple(p.rect)}"
              for t in shown for p in pictures if t.on != p.name and _overlap(t.rect, p.rect)]
    return found
