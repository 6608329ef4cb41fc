"""Drawing the think-and-lean game as a market: a cobbled square between two stalls with striped
awnings and crates of fruit, and on the square the items to choose from, each in its own wicker
basket inside the zone that chooses it; a bar for the time left, a "new rule" flag, and the
player's marker. The world's light tints the awnings, the fruit and the cobbles.

Items say what they are in more than one way: a colour item is a disc of that colour with its
name written under it, a shape item a white outline shape, numbers and words big type on a card.
Inside each basket the item sits on the dark background it was designed on, so the scenery never
costs it contrast.
"""

from __future__ import annotations

import math

import pygame

from balance_game.core.control import Axes
from balance_game.core.mechanics.common import CENTRE_RADIUS
from balance_game.core.mechanics.dual import CHOOSE_S, DualWorld, Item, item_label
from balance_game.i18n import _
from balance_game.render import scenery, shapes
from balance_game.render.lean_widgets import centre_zone, marker, play_area, time_bar
from balance_game.render.text import blit_label, fitting_font
from balance_game.render.theme import (
    ACCENT,
    BACKGROUND,
    ITEM_COLOURS,
    OUTLINE,
    PLAYER,
    TEXT,
    TEXT_DIM,
    Colour,
)
from balance_game.render.worlds import mix

VIEW_RANGE = 0.85  # lean units from the middle to the edge of the drawing
Point = tuple[int, int]
AWNINGS = (((200, 60, 60), (245, 235, 215)), ((40, 120, 170), (245, 235, 215)))
FRUIT = ((220, 70, 50), (245, 170, 40), (120, 170, 60), (150, 70, 140))
WICKER = (170, 120, 60)
PENNANTS = ((230, 90, 70), (240, 200, 70), (90, 160, 220), (120, 190, 110))
PENNANT_SWAY = 2.7  # radians per second: the pennants' flutter (decoration: none when calm)


class DualView(scenery.SceneView[DualWorld]):
    material = "stone"

    def layout(self, surface: pygame.Surface) -> None:
        t = self.theme
        self.area = play_area(surface, self.hud_bottom)
        self.bar = pygame.Rect(self.area.left + self.area.width // 4, self.area.top,
                               self.area.width // 2, t.px(0.018))
        self.centre = (self.area.centerx, self.area.centery + t.px(0.02))
        half = min(self.area.width / 2, (self.area.height - t.px(0.05)) / 2)
        self.scale = half / VIEW_RANGE  # pixels per lean unit, the same both ways: zones are round
        side = round(2 * VIEW_RANGE * self.scale)
        self.square = pygame.Rect(0, 0, side, side)
        self.square.center = self.centre
        self.horizon = round(self.height * 0.34)
        self.sky = pygame.Rect(0, 0, self.width, max(1, self.square.top - t.px(0.01)))
        room = self.square.left  # the strip beside the square on each side, for the stalls
        self.stall_w = max(t.px(0.12), min(round(room * 0.78), t.px(0.5)))
        self.pennant_lines = self._pennant_lines()

    def _pennant_lines(self) -> list[list[Point]]:
        """Where the bunting hangs: a sagging string on each side, from the screen's edge to
        the square's corner, above the stalls (never over the square)."""
        t = self.theme
        y = self.square.top
        lines = []
        for x0, x1 in ((0, self.square.left - t.px(0.02)), (self.width, self.square.right + t.px(
                0.02))):
            lines.append([(round(x0 + (x1 - x0) * u / 8), round(y + t.px(0.04) * math.sin(
                math.pi * u / 8))) for u in range(9)])
        return lines

    def to_screen(self, x: float, y: float) -> Point:
        x = max(-VIEW_RANGE, min(VIEW_RANGE, x))
        y = max(-VIEW_RANGE, min(VIEW_RANGE, y))
        return (round(self.centre[0] + x * self.scale), round(self.centre[1] - y * self.scale))

    def tint(self, colour: Colour) -> Colour:
        """A colour of the market in this world's light (dimmed at night)."""
        lit = mix(colour, self.look.light, 0.2)
        return mix(lit, self.look.sky_top, 0.55) if self.look.night else lit

    def paint_static(self, surface: pygame.Surface) -> None:
        """The sky and hills, the market's paving, a stall on each side and the square."""
        t, look = self.theme, self.look
        scenery.landscape(surface, look, self.horizon)
        paving = self.tint(mix(look.near_hills, (150, 130, 110), 0.6))
        ground = self.horizon + t.px(0.04)
        scenery.gradient(surface, pygame.Rect(0, ground, self.width, self.height - ground),
                         mix(paving, look.far_hills, 0.4), paving)
        for x in range(-t.px(0.1), self.width, t.px(0.16)):  # trees behind the market
            scenery.round_tree(surface, (x + t.px(0.05), self.horizon + t.px(0.05)), t.px(0.14),
                               look.foliage)
        for side in (-1, 1):
            self._stall(surface, side)
        for line in self.pennant_lines:  # bunting in front of the stalls' awnings
            pygame.draw.lines(surface, BACKGROUND, False, line, max(1, t.px(0.003)))
        self._pennants(surface, 0.0, 0.0)
        self._square(surface)

    def _stall(self, surface: pygame.Surface, side: int) -> None:
        """A market stall beside the square: posts, a striped awning with a scalloped edge, a
        counter heaped with fruit, and a crate in front."""
        t = self.theme
        w = self.stall_w
        cx = self.square.left // 2 if side < 0 else (self.square.right + self.width) // 2
        top = self.horizon - t.px(0.06)
        counter_y = self.horizon + t.px(0.2)
        post = max(3, t.px(0.008))
        wood = self.tint((120, 80, 45))
        for x in (cx - w // 2 + post, cx + w // 2 - post):
            pygame.draw.line(surface, wood, (x, top), (x, counter_y), post)
        stripe, cloth = AWNINGS[0 if side < 0 else 1]
        awning_h = t.px(0.08)
        stripes = 6
        for k in range(stripes):  # the awning as a trapezium of stripes
            x0 = cx - w // 2 - t.px(0.015) + k * (w + t.px(0.03)) // stripes
            x1 = cx - w // 2 - t.px(0.015) + (k + 1) * (w + t.px(0.03)) // stripes
            colour = self.tint(stripe if k % 2 == 0 else cloth)
            pygame.draw.polygon(surface, colour, [(x0 + t.px(0.01), top), (x1 + t.px(0.01), top),
                                                  (x1, top + awning_h), (x0, top + awning_h)])
            pygame.draw.circle(surface, colour, ((x0 + x1) // 2, top + awning_h),
                               max(2, (x1 - x0) // 2), draw_bottom_left=True,
                               draw_bottom_right=True)
        counter = pygame.Rect(0, 0, w, t.px(0.09))
        counter.midtop = (cx, counter_y)
        pygame.draw.rect(surface, wood, counter, border_radius=t.px(0.008))
        pygame.draw.rect(surface, mix(wood, BACKGROUND, 0.4), counter, max(1, t.px(0.004)),
                         border_radius=t.px(0.008))
        self._heap(surface, (cx, counter_y), w, side)
        crate = pygame.Rect(0, 0, round(w * 0.45), t.px(0.07))
        crate.midtop = (cx + side * w // 6, counter.bottom + t.px(0.05))
        pygame.draw.rect(surface, self.tint(WICKER), crate)
        for k in range(1, 3):
            y = crate.top + k * crate.height // 3
            pygame.draw.line(surface, wood, (crate.left, y), (crate.right, y), max(1, t.px(0.003)))
        self._heap(surface, crate.midtop, crate.width, -side)

    def _heap(self, surface: pygame.Surface, base: Point, width: int, seed: int) -> None:
        """Fruit heaped on a counter or crate: rows of discs, fewer toward the top."""
        r = max(3, self.theme.px(0.018))
        x0, y = base
        for row in range(3):
            count = max(1, (width - 2 * r) // (2 * r) - 2 * row)
            for k in range(count):
                x = x0 - (count - 1) * r + 2 * k * r
                colour = self.tint(FRUIT[(k + row + seed) % len(FRUIT)])
                pygame.draw.circle(surface, colour, (x, y - r - row * round(1.6 * r)), r)
                pygame.draw.circle(surface, mix(colour, (255, 255, 255), 0.35),
                                   (x - r // 3, y - r - row * round(1.6 * r) - r // 3),
                                   max(1, r // 3))

    def _square(self, surface: pygame.Surface) -> None:
        """The cobbled square the items stand on, inside a kerb of lighter stone."""
        t = self.theme
        radius = t.px(0.03)
        pygame.draw.rect(surface, mix(self.texture, self.look.light, 0.25),
                         self.square.inflate(t.px(0.024), t.px(0.024)),
                         border_radius=radius + t.px(0.012))
        layer = pygame.Surface(self.square.size)
        scenery.gradient(layer, layer.get_rect(), self.far_field, self.field)
        step_x, step_y = t.px(0.055), t.px(0.035)
        for row, y in enumerate(range(0, self.square.height, step_y)):
            for x in range(-(row % 2) * step_x // 2, self.square.width, step_x):
                pygame.draw.rect(layer, self.texture, (x + 2, y + 2, step_x - 4, step_y - 4),
                                 max(1, t.px(0.002)), border_radius=step_y // 3)
        corners = pygame.Surface(self.square.size)  # rounds the layer's corners off
        layer.set_colorkey((255, 0, 255))
        corners.fill((255, 0, 255))
        pygame.draw.rect(corners, (0, 0, 0), corners.get_rect(), border_radius=radius)
        corners.set_colorkey((0, 0, 0))
        layer.blit(corners, (0, 0))
        surface.blit(layer, self.square.topleft)

    def _pennants(self, surface: pygame.Surface, now_s: float, sway: float) -> None:
        """Triangular pennants along the bunting, swinging up to ``sway`` radians."""
        size = max(4, self.theme.px(0.022))
        points = [p for line in self.pennant_lines for p in line[1:-1]]
        for k, (x, y) in enumerate(points):
            swing = sway * math.sin(now_s * PENNANT_SWAY + k * 1.3)
            tip = (round(x + size * math.sin(swing)), round(y + 1.6 * size * math.cos(swing)))
            pygame.draw.polygon(surface, self.tint(PENNANTS[k % len(PENNANTS)]),
                                [(x - size // 2, y), (x + size // 2, y), tip])

    def ambient(self, surface: pygame.Surface, now_s: float) -> None:
        super().ambient(surface, now_s)
        self._pennants(surface, now_s, 0.25)

    def draw_task(self, surface: pygame.Surface, world: DualWorld, axes: Axes,
                  trail: list[tuple[float, float]], now_s: float) -> None:
        t = self.theme
        centre_zone(surface, t, self.centre, round(CENTRE_RADIUS * self.scale), world.settle_s,
                    world.phase == "centre")
        if world.phase == "centre" and world.switched:
            self._new_rule_flag(surface)
        if world.phase == "choose":
            # above the square, over the sky and the stalls
            time_bar(surface, t, self.bar, world.time_left_share, ACCENT, self.look.plate())
            for item in world.items:
                self._item(surface, world, item)
        shapes.trail(surface, t, [self.to_screen(*p) for p in trail])
        self.focus = self.to_screen(axes.lean_x, axes.lean_y)
        marker(surface, t, self.focus)
        t.note_picture(surface, self.square, "market square")

    def _new_rule_flag(self, surface: pygame.Surface) -> None:
        t = self.theme
        font = t.font("body", bold=True)
        label = t.texts.image(font, _("New rule!"), BACKGROUND)
        # inside the square below the centre ring, clear of the prompt however it wraps
        below = self.centre[1] + round(CENTRE_RADIUS * self.scale) + t.px(0.05)
        plate = label.get_rect(midtop=(self.centre[0], below)).inflate(t.px(0.04), t.px(0.015))
        pygame.draw.rect(surface, ACCENT, plate, border_radius=plate.height // 2)
        blit_label(surface, t, _("New rule!"), font, BACKGROUND, "market square",
                   center=plate.center)

    def _item(self, surface: pygame.Surface, world: DualWorld, item: Item) -> None:
        t = self.theme
        pos = self.to_screen(item.x, item.y)
        zone = max(t.px(0.05), round(world.item_radius * self.scale))
        self._basket(surface, pos, zone)
        pygame.draw.circle(surface, BACKGROUND, pos, zone)
        if world.inside is item:  # being chosen: the ring fills as the player stays
            shapes.progress_ring(surface, PLAYER, pos, zone, max(3, t.px(0.012)),
                                 world.inside_s / CHOOSE_S)
        shapes.dashed_circle(surface, OUTLINE, pos, zone, max(2, t.px(0.004)), dashes=28)
        size = max(t.px(0.04), round(zone * 0.62))
        if item.kind == "colour":
            pygame.draw.circle(surface, ITEM_COLOURS[item.value], pos, size)
            pygame.draw.circle(surface, TEXT, pos, size, max(2, t.px(0.004)))
            self._label(surface, _(item_label(item)), (pos[0], pos[1] + zone + t.px(0.008)),
                        2 * zone + t.px(0.02))
        elif item.kind == "shape":
            shape(surface, item.value, pos, size, TEXT_DIM, TEXT, max(2, t.px(0.004)))
        else:
            self._card(surface, _(item_label(item)), pos, size)

    def _basket(self, surface: pygame.Surface, pos: Point, zone: int) -> None:
        """A round wicker basket around an item's zone: a woven rim and its handle."""
        t = self.theme
        rim = max(4, t.px(0.018))
        wicker = self.tint(WICKER)
        weave = mix(wicker, BACKGROUND, 0.45)
        handle = pygame.Rect(0, 0, 2 * zone, 2 * zone + rim)
        handle.midbottom = (pos[0], pos[1])
        clip = surface.get_clip()
        surface.set_clip(self.area)  # a front basket's handle stays clear of the HUD band
        pygame.draw.arc(surface, wicker, handle.inflate(-zone // 2, 0), 0.35, math.pi - 0.35,
                        max(3, rim // 2))
        surface.set_clip(clip)
        pygame.draw.circle(surface, wicker, pos, zone + rim)
        for k in range(16):  # the weave: short strokes across the rim
            a = 2 * math.pi * k / 16
            inner = (pos[0] + (zone + 1) * math.cos(a), pos[1] + (zone + 1) * math.sin(a))
            outer = (pos[0] + (zone + rim) * math.cos(a + 0.12),
                     pos[1] + (zone + rim) * math.sin(a + 0.12))
            pygame.draw.line(surface, weave, inner, outer, max(1, t.px(0.003)))

    def _label(self, surface: pygame.Surface, text: str, midtop: Point, width: int) -> None:
        """An item's name on a plate below it, no wider than the item's own basket, so the
        names of neighbouring items never meet."""
        t = self.theme
        font = fitting_font(t, text, width - t.px(0.02), "small", bold=True)
        plate = t.texts.image(font, text, TEXT).get_rect(midtop=midtop).inflate(
            t.px(0.02), t.px(0.006))
        pygame.draw.rect(surface, BACKGROUND, plate, border_radius=t.px(0.01))
        blit_label(surface, t, text, font, TEXT, "market square", center=plate.center)

    def _card(self, surface: pygame.Surface, text: str, pos: Point, size: int) -> None:
        t = self.theme
        font = t.font("heading" if len(text) <= 2 else "body", bold=True)
        card = t.texts.image(font, text, BACKGROUND).get_rect(center=pos).inflate(
            t.px(0.03), t.px(0.012))
        card.width = max(card.width, 2 * size)
        card.center = pos
        pygame.draw.rect(surface, TEXT, card, border_radius=t.px(0.012))
        blit_label(surface, t, text, font, BACKGROUND, "market square", center=pos)


def shape(surface: pygame.Surface, name: str, pos: Point, size: int, fill: tuple[int, int, int],
          edge: tuple[int, int, int], width: int) -> None:
    """One of the rule shapes, ``size`` from its centre to its furthest point."""
    x, y = pos
    if name == "circle":
        pygame.draw.circle(surface, fill, pos, size)
        pygame.draw.circle(surface, edge, pos, size, width)
        return
    if name == "square":
        side = round(size * 1.45)
        rect = pygame.Rect(0, 0, side, side)
        rect.center = pos
        pygame.draw.rect(surface, fill, rect)
        pygame.draw.rect(surface, edge, rect, width)
        return
    points = _polygon(name, x, y, size)
    pygame.draw.polygon(surface, fill, points)
    pygame.draw.polygon(surface, edge, points, width)


def _polygon(name: str, x: int, y: int, size: int) -> list[Point]:
    if name == "triangle":
        corners, inner = 3, None
    elif name == "diamond":
        corners, inner = 4, None
    else:  # star
        corners, inner = 5, 0.45
    points = []
    steps = corners * (2 if inner else 1)
    for k in range(steps):
        r = size * (inner if inner and k % 2 else 1.0)
        a = -math.pi / 2 + 2 * math.pi * k / steps
        points.append((round(x + r * math.cos(a)), round(y + r * math.sin(a))))
    return points
