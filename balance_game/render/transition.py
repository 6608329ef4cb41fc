"""Smooth changes of screen: the old screen fades out over the new one.

Nothing is copied while a screen stays up: when the top scene changes, the window still holds
the old screen's last frame, so that frame is copied once, and for a short while it is laid
over the new screen with a falling opacity. Calm players get a plain cut.
"""

from __future__ import annotations

import pygame

from balance_game.render import easing

FADE_S = 0.3


class Crossfade:
    def __init__(self, fade_s: float = FADE_S) -> None:
        self.fade_s = fade_s
        self.key: int | None = None
        self.old: pygame.Surface | None = None  # the old screen while it fades, else None
        self._kept: pygame.Surface | None = None  # where the old screen is kept, reused
        self.start_s = 0.0

    def begin(self, surface: pygame.Surface, key: int, now_s: float, calm: bool) -> None:
        """Call before drawing: notices a new screen and keeps the old one's last frame."""
        if key != self.key:
            if self.key is not None and not calm:
                self.old = self._keep(surface)
                self.start_s = now_s
            self.key = key

    def _keep(self, surface: pygame.Surface) -> pygame.Surface:
        """A copy of ``surface`` in a surface kept from the last change of screen: a new
        1080p copy costs 2-6 ms of page faults, copying into the old one 0.9 ms."""
        if self._kept is None or self._kept.get_size() != surface.get_size():
            self._kept = surface.copy()
        else:
            self._kept.blit(surface, (0, 0))
        return self._kept

    def finish(self, surface: pygame.Surface, now_s: float) -> None:
        """Call after drawing: lays the fading old frame over the new screen."""
        if self.old is None:
            return
        u = (now_s - self.start_s) / self.fade_s
        if u >= 1.0:
            self.old = None
            return
        alpha = round(255 * (1.0 - easing.in_out_sine(u)))
        # Fully opaque (the fade's first frame), it is a plain copy: pygame-ce blends a surface
        # whose alpha is 255 in a generic per-pixel loop, 13-28 ms at 720p where the copy takes
        # 0.5 ms and alpha 254 1.5 ms, which made every change of screen drop frames.
        self.old.set_alpha(None if alpha >= 255 else alpha)
        surface.blit(self.old, (0, 0))

    @property
    def active(self) -> bool:
        return self.old is not None
