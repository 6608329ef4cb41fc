"""A short celebration where the player's marker is when a try goes well: a ring of light that
swells and fades and a burst of confetti, over in under a second so the next try is not hidden.
Calm players get none (the words and the sound still say "well done")."""

from __future__ import annotations

import pygame

from balance_game.render import easing
from balance_game.render.particles import Particles
from balance_game.render.theme import ACCENT, GOOD, PLAYER, TEXT, WARN, Theme

RING_S = 0.5
CONFETTI = (ACCENT, PLAYER, GOOD, WARN, TEXT)


class Celebration:
    def __init__(self, theme: Theme, height_px: int) -> None:
        self.theme = theme
        self.particles = Particles(height_px, seed=height_px)
        self.started: float | None = None
        self.at: tuple[int, int] = (0, 0)

    def draw(self, surface: pygame.Surface, at: tuple[int, int], success_s: float | None,
             now_s: float) -> None:
        """``success_s`` is when the latest good try ended: a new one starts a celebration."""
        if self.theme.calm:
            return
        if success_s is not None and success_s != self.started:
            self.started, self.at = success_s, at
            self.particles.burst(at, CONFETTI, count=36, speed=420, life_s=0.8)
        if self.started is not None:
            u = (now_s - self.started) / RING_S
            if 0 <= u < 1:
                r = round(self.theme.px(0.03) + self.theme.px(0.12) * easing.out_cubic(u))
                width = max(1, round(self.theme.px(0.012) * (1 - u)))
                pygame.draw.circle(surface, ACCENT, self.at, r, width)
        self.particles.step(now_s)
        self.particles.draw(surface)
