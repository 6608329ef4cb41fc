"""Static layers: drawing that stays the same from frame to frame, made once and then copied.

A copy is not free: blitting a full 1080p surface costs about twice a plain fill (0.7 against
0.36 ms on the development machine), so a fill and a few shapes are cheaper drawn every frame.
What pays is drawing made of many parts that changes only now and then: a maze with its walls
and route, scenery, panels of text. A view keeps one layer per such part and says, with a key,
when the part has changed.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

import pygame


class StaticLayer:
    """One rectangle of drawing, remade only when its key (or the rectangle) changes."""

    def __init__(self) -> None:
        self._key: Hashable | None = None
        self._image: pygame.Surface | None = None

    def blit(self, target: pygame.Surface, rect: pygame.Rect, key: Hashable,
             paint: Callable[[pygame.Surface], None]) -> None:
        """Copy the layer's ``rect`` onto ``target``; ``paint(surface)`` remakes the layer.

        ``paint`` draws in screen coordinates on a surface of the target's size, so a view's
        drawing code serves unchanged; only ``rect`` is ever copied. The layer starts as a copy
        of what is under ``rect``, so its corners blend with the background.
        """
        full_key = (key, tuple(rect), target.get_size())
        if self._image is None or self._image.get_size() != target.get_size():
            self._image = pygame.Surface(target.get_size())  # once: a new one costs page faults
        if full_key != self._key:
            self._image.blit(target, rect.topleft, rect)
            paint(self._image)
            self._key = full_key
        target.blit(self._image, rect.topleft, rect)
