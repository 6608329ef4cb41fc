"""Scenery every game shares, and the base class that makes a game's view cheap to draw.

A game's view subclasses ``SceneView``: it lays itself out in ``layout``, paints what never
moves (sky, hills, trees, the table's grain) in ``paint_static`` — painted ONCE per screen size
into a surface that each frame just blits — adds gentle motion that is not part of the task in
``ambient`` (skipped when the player chose "calm"), and draws the task itself in ``draw_task``.
It records where the player's marker is in ``focus``, so celebrations start from there.

Everything is vector drawing with pygame.draw, so it is sharp at any resolution.
"""

from __future__ import annotations

import abc
import math
import random
import threading
from concurrent.futures import Future
from typing import Generic, TypeVar

import pygame

from balance_game.core.control import Axes
from balance_game.core.mechanics.base import World
from balance_game.render.lean_widgets import HUD_FRACTION
from balance_game.render.theme import Colour, Theme
from balance_game.render.worlds import WORLDS, WorldLook, mix

Point = tuple[int, int]
W = TypeVar("W", bound=World)
CLOUD_SPEED = 0.012  # screen widths per second: slow enough to be calm even when on


class SceneView(abc.ABC, Generic[W]):
    """A game's view of the world ``W`` of its mechanic: static scenery once per size, ambient
    motion, then the task."""

    material = "air"  # the field the task is played on (see worlds.MATERIALS)

    def __init__(self, surface: pygame.Surface, theme: Theme, look: WorldLook = WORLDS[0],
                 top: int | None = None) -> None:
        self.theme = theme
        self.look = look
        self.width, self.height = surface.get_size()
        # where the HUD and its prompt end: the task's pictures are laid out below it
        self.hud_bottom = round(self.height * HUD_FRACTION) if top is None else top
        self.focus: Point = (self.width // 2, self.height // 2)
        self.sky = pygame.Rect(0, 0, self.width, round(self.height * 0.3))  # where clouds may go
        self.field = look.field(self.material)
        self.far_field = look.far_field(self.material)
        self.texture = look.texture(self.material)
        self.layout(surface)
        self._static: pygame.Surface | None = None
        self._painting: Future[pygame.Surface] | None = None
        # the pixel format of what the view draws on (a window's, or a plain surface's): a layer
        # in the same format is copied onto it without converting a pixel
        self._layer_format = (surface.get_bitsize(), surface.get_masks())
        self._clouds = _cloud_sprites(self.width, self.height, look) if not look.night else []

    def layout(self, surface: pygame.Surface) -> None:
        """Work out where things go (called once, from the constructor)."""

    def paint_static(self, surface: pygame.Surface) -> None:
        """The scenery that never moves; by default a sky with hills."""
        landscape(surface, self.look, round(self.height * 0.55))

    def ambient(self, surface: pygame.Surface, now_s: float) -> None:
        """Motion that is only decoration: drifting clouds, twinkling stars."""
        surface.set_clip(self.sky)
        drift_clouds(surface, self._clouds, now_s, self.width)
        surface.set_clip(None)

    @abc.abstractmethod
    def draw_task(self, surface: pygame.Surface, world: W, axes: Axes,
                  trail: list[tuple[float, float]], now_s: float) -> None:
        """The task itself, over the scenery, every frame."""

    def static_layer(self) -> pygame.Surface:
        """The scenery, painted on first use or taken from ``paint_ahead`` (waiting for it if
        it is still being painted)."""
        if self._painting is not None:
            self._static, self._painting = self._painting.result(), None
        if self._static is None:
            layer = self._blank_layer()
            self.paint_static(layer)
            self._static = layer
        return self._static

    def paint_ahead(self) -> None:
        """Start painting the scenery on a worker thread, so the first frame that shows it only
        copies it.

        Painting takes 13-42 ms at 1080p: done in a frame, it froze the fade into every level
        (55-86 ms of CPU in that frame). A screen shown before the game (its instructions, still
        text) calls this: the worker shares the interpreter with the game thread, which then
        waits for it now and then, but mostly runs while the game loop sleeps between frames
        (docs/benchmarks.md, "Hitches"). The layer is the worker's alone until
        ``static_layer`` takes it; ``paint_static`` draws shapes only, never text (a font is
        not safe to share between threads).
        """
        if self._static is not None or self._painting is not None:
            return
        layer = self._blank_layer()
        painting: Future[pygame.Surface] = Future()

        def paint() -> None:
            try:
                self.paint_static(layer)
            except BaseException as error:  # raised again by static_layer, in the game's thread
                painting.set_exception(error)
            else:
                painting.set_result(layer)

        self._painting = painting
        threading.Thread(target=paint, name="paint-scenery", daemon=True).start()

    def _blank_layer(self) -> pygame.Surface:
        """A surface in the format of what the view draws on. Made in that format rather than
        converted to it: no second copy, and its pages are first touched where it is painted."""
        depth, masks = self._layer_format
        return pygame.Surface((self.width, self.height), 0, depth, masks)

    def draw(self, surface: pygame.Surface, world: W, axes: Axes,
             trail: list[tuple[float, float]], now_s: float = 0.0) -> None:
        surface.blit(self.static_layer(), (0, 0))
        if not self.theme.calm:
            self.ambient(surface, now_s)
        self.draw_task(surface, world, axes, trail, now_s)


def gradient(surface: pygame.Surface, rect: pygame.Rect, top: Colour, bottom: Colour) -> None:
    """A vertical gradient (static layers only), one filled row at a time: a fill is a plain
    memory set, a third of the cost of stretching a one-pixel column sideways (2.4 against
    7 ms for a 1080p sky) and many times quicker than a line per row."""
    if rect.width <= 0 or rect.height <= 0:
        return
    span = max(1, rect.height - 1)
    row = pygame.Rect(rect.x, rect.y, rect.width, 1)
    for i in range(rect.height):
        row.y = rect.y + i
        surface.fill(mix(top, bottom, i / span), row)


def gradient_disc(surface: pygame.Surface, centre: Point, radius: int, top: Colour,
                  bottom: Colour) -> None:
    """A disc filled with a vertical gradient, one chord per pixel row (static layers only)."""
    cx, cy = centre
    for dy in range(-radius, radius + 1):
        half = math.sqrt(max(0, radius * radius - dy * dy))
        colour = mix(top, bottom, (dy + radius) / max(1, 2 * radius))
        pygame.draw.line(surface, colour, (round(cx - half), cy + dy), (round(cx + half), cy + dy))


def gradient_ellipse(surface: pygame.Surface, rect: pygame.Rect, top: Colour,
                     bottom: Colour) -> None:
    """An ellipse filled with a vertical gradient (static layers only)."""
    a, b = rect.width / 2, rect.height / 2
    for i in range(rect.height):
        dy = (i + 0.5 - b) / b
        half = a * math.sqrt(max(0.0, 1 - dy * dy))
        pygame.draw.line(surface, mix(top, bottom, i / max(1, rect.height - 1)),
                         (round(rect.centerx - half), rect.top + i),
                         (round(rect.centerx + half), rect.top + i))


def landscape(surface: pygame.Surface, look: WorldLook, horizon: int, seed: int = 7) -> None:
    """Sky to ``horizon`` with the sun or moon (and stars at night), two rows of hills below."""
    width, height = surface.get_size()
    gradient(surface, pygame.Rect(0, 0, width, horizon), look.sky_top, look.sky_bottom)
    pygame.draw.rect(surface, look.near_hills, (0, horizon, width, height - horizon))
    if look.night:
        stars(surface, pygame.Rect(0, 0, width, horizon), seed)
    sky_light(surface, look, horizon)
    hills(surface, look.far_hills, horizon, height * 0.06, seed)
    hills(surface, look.near_hills, horizon + height * 0.03, height * 0.035, seed + 1)


def sky_light(surface: pygame.Surface, look: WorldLook, horizon: int) -> None:
    """The sun (with a soft halo) or, at night, a crescent moon."""
    width, height = surface.get_size()
    r = round(height * (0.05 if look.night else 0.065))
    centre = (round(width * 0.82), round(horizon - (horizon - r) * look.sun_height))
    sky = mix(look.sky_top, look.sky_bottom, centre[1] / max(1, horizon))
    if look.night:
        pygame.draw.circle(surface, mix(sky, look.sun, 0.15), centre, round(r * 1.4))
        pygame.draw.circle(surface, look.sun, centre, r)
        pygame.draw.circle(surface, mix(sky, look.sun, 0.15), (centre[0] + r // 2,
                                                                 centre[1] - r // 4), r)
        return
    for k in range(3, 0, -1):  # halo: rings fading toward the sky
        pygame.draw.circle(surface, mix(sky, look.sun, 0.3 / k), centre, r + k * r // 5)
    pygame.draw.circle(surface, look.sun, centre, r)


def stars(surface: pygame.Surface, rect: pygame.Rect, seed: int, count: int = 90) -> None:
    rng = random.Random(seed)
    for _ in range(count):
        x = rect.left + rng.randrange(rect.width)
        y = rect.top + int(rect.height * rng.random() ** 1.5)
        shade = rng.randint(150, 255)
        pygame.draw.circle(surface, (shade, shade, min(255, shade + 20)), (x, y),
                           1 if rng.random() < 0.8 else 2)


def hills(surface: pygame.Surface, colour: Colour, base_y: float, amplitude: float,
          seed: int) -> None:
    """Rolling hills: a sum of two sines, filled down to the bottom of the surface."""
    width, height = surface.get_size()
    rng = random.Random(seed)
    f1, f2 = rng.uniform(1.5, 2.5), rng.uniform(3.5, 5.5)
    p1, p2 = rng.uniform(0, 6.3), rng.uniform(0, 6.3)
    points = [(0, height)]
    for x in range(0, width + 16, 16):
        u = x / width * 2 * math.pi
        y = base_y - amplitude * (0.6 * math.sin(f1 * u + p1) + 0.4 * math.sin(f2 * u + p2))
        points.append((x, round(y)))
    points.append((width, height))
    pygame.draw.polygon(surface, colour, points)


def pine(surface: pygame.Surface, base: Point, height: int, colour: Colour,
         snow: Colour | None = None) -> None:
    """A fir tree of three tiers; ``snow`` caps each tier."""
    x, y = base
    trunk_w = max(2, height // 12)
    pygame.draw.rect(surface, mix(colour, (60, 40, 20), 0.6),
                     (x - trunk_w // 2, y - height // 6, trunk_w, height // 6))
    for tier in range(3):
        bottom = y - height // 6 - tier * height // 4
        half = round(height * (0.34 - tier * 0.08))
        top = bottom - round(height * 0.42)
        pygame.draw.polygon(surface, colour, [(x - half, bottom), (x + half, bottom), (x, top)])
        if snow is not None:  # the tier's tip, same slope as the tier
            cap = round(height * 0.12)
            spread = round(half * cap / max(1, bottom - top))
            pygame.draw.polygon(surface, snow, [(x - spread, top + cap), (x, top),
                                                (x + spread, top + cap)])


def round_tree(surface: pygame.Surface, base: Point, height: int, colour: Colour) -> None:
    x, y = base
    trunk_w = max(2, height // 10)
    pygame.draw.rect(surface, (90, 60, 35), (x - trunk_w // 2, y - height // 2, trunk_w,
                                             height // 2))
    r = height // 3
    pygame.draw.circle(surface, colour, (x, y - height + r), r)
    pygame.draw.circle(surface, mix(colour, (255, 255, 255), 0.12), (x - r // 3, y - height + r
                                                                     - r // 3), r // 2)


def cloud(surface: pygame.Surface, centre: Point, size: int, colour: Colour) -> None:
    x, y = centre
    for dx, dy, k in ((-0.9, 0.15, 0.55), (0.0, -0.1, 0.75), (0.9, 0.15, 0.55), (0.4, 0.2, 0.6),
                      (-0.4, 0.2, 0.6)):
        pygame.draw.circle(surface, colour, (round(x + dx * size), round(y + dy * size)),
                           round(k * size))


def lantern(surface: pygame.Surface, top: Point, size: int, body: Colour, lit: float,
            glow: Colour, ink: Colour) -> None:
    """A paper lantern hanging from ``top``; ``lit`` (0..1) fills it with light from below."""
    x, y = top
    rect = pygame.Rect(0, 0, size, round(size * 1.25))
    rect.midtop = (x, y + size // 5)
    pygame.draw.line(surface, ink, (x, y), (x, rect.top), max(1, size // 14))
    pygame.draw.ellipse(surface, body, rect)
    if lit > 0:
        light = rect.inflate(-round(size * 0.2), -round(size * 0.2))
        light.height = max(2, round(light.height * min(1.0, lit)))
        light.bottom = rect.bottom - round(size * 0.1)
        pygame.draw.ellipse(surface, glow, light)
    for k in (-1, 0, 1):  # ribs
        rib = rect.inflate(-round(size * (0.45 + 0.25 * abs(k))), 0) if k else rect.inflate(
            -round(size * 0.9), 0)
        pygame.draw.ellipse(surface, ink, rib, max(1, size // 20))
    pygame.draw.ellipse(surface, ink, rect, max(1, size // 16))
    cap = pygame.Rect(0, 0, size // 2, max(2, size // 8))
    cap.midbottom = rect.midtop
    pygame.draw.rect(surface, ink, cap)
    cap.midtop = rect.midbottom
    pygame.draw.rect(surface, ink, cap)


def plate(surface: pygame.Surface, rect: pygame.Rect, colour: Colour, radius: int) -> None:
    """A rounded plate behind text or a gauge drawn over scenery."""
    pygame.draw.rect(surface, colour, rect, border_radius=radius)


def _cloud_sprites(width: int, height: int, look: WorldLook) -> list[tuple[pygame.Surface, float,
                                                                             int]]:
    """Three clouds pre-drawn with transparency, with their starting x share and height."""
    sprites = []
    rng = random.Random(look.number)
    for k in range(3):
        size = round(height * rng.uniform(0.035, 0.05))
        sprite = pygame.Surface((size * 4, size * 2), pygame.SRCALPHA)
        cloud(sprite, (size * 2, size), size, look.cloud)
        sprite.set_alpha(200)
        sprites.append((sprite, (k + rng.random()) / 3, round(height * rng.uniform(0.1, 0.22))))
    return sprites


def drift_clouds(surface: pygame.Surface, clouds: list[tuple[pygame.Surface, float, int]],
                 now_s: float, width: int) -> None:
    for sprite, start, y in clouds:
        span = width + sprite.get_width()
        x = ((start + now_s * CLOUD_SPEED) % 1.0) * span - sprite.get_width()
        surface.blit(sprite, (round(x), y))
