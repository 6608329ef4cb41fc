"""Particles: snow spray, splashes and the confetti of a celebration.

A small pool stepped by the time that passed since the last frame (drawing time, not game
time: particles never change a game). Each particle is a few floats; the pool has a fixed
capacity so a long session cannot grow it. Calm players get none (callers skip ``burst``).
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

import pygame

from balance_game.render.theme import Colour

GRAVITY = 900.0  # pixels per second squared at 720 lines; scaled by the screen height
CAPACITY = 400


@dataclass
class Particle:
    x: float
    y: float
    vx: float
    vy: float
    life_s: float
    age_s: float
    size: float
    colour: Colour
    gravity: float


class Particles:
    """A bounded pool of particles drawn as discs that shrink as they age."""

    def __init__(self, height_px: int, seed: int = 0) -> None:
        self.scale = height_px / 720
        self.items: list[Particle] = []
        self.rng = random.Random(seed)
        self.last_s: float | None = None

    def burst(self, at: tuple[float, float], colours: tuple[Colour, ...], count: int = 40,
              speed: float = 420.0, up: float = 0.0, life_s: float = 0.9, size: float = 5.0,
              spread: float = math.pi, gravity: float = 1.0) -> None:
        """``count`` particles from ``at``, flying out within ``spread`` of straight up."""
        for _ in range(count):
            if len(self.items) >= CAPACITY:
                self.items.pop(0)
            angle = -math.pi / 2 + self.rng.uniform(-spread, spread)
            v = speed * self.scale * self.rng.uniform(0.35, 1.0)
            self.items.append(Particle(
                at[0], at[1], v * math.cos(angle), v * math.sin(angle) - up * self.scale,
                life_s * self.rng.uniform(0.6, 1.0), 0.0, size * self.scale * self.rng.uniform(
                    0.6, 1.3), self.rng.choice(colours), gravity))

    def step(self, now_s: float) -> None:
        """Move everything by the time since the last call (the first call only starts)."""
        dt = 0.0 if self.last_s is None else max(0.0, min(0.1, now_s - self.last_s))
        self.last_s = now_s
        if not dt:
            return
        g = GRAVITY * self.scale * dt
        for p in self.items:
            p.age_s += dt
            p.vy += g * p.gravity
            p.x += p.vx * dt
            p.y += p.vy * dt
        self.items = [p for p in self.items if p.age_s < p.life_s]

    def draw(self, surface: pygame.Surface) -> None:
        for p in self.items:
            r = p.size * (1.0 - p.age_s / p.life_s)
            if r >= 0.5:
                pygame.draw.circle(surface, p.colour, (round(p.x), round(p.y)), max(1, round(r)))

    def __len__(self) -> int:
        return len(self.items)
