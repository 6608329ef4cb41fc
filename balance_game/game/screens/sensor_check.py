"""The sensor check screen: is the board working? Bars, numbers, a dot, a guided test, a verdict.

Reachable from the title and the first-run wizard. Everything is large and spelled out in words
as well as drawn (low vision): each corner's kilograms in words and as a bar laid out like the
board (front at the top, the corner to press outlined), the total, the centre-of-pressure dot in
a square, readings per second, the batteries, what to press next and the verdict. Enter or Esc
(or the board's front button) goes back. The rules live in
``core.sensor_check``; this module only draws them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from balance_game.core.sensor_check import CORNERS, SensorCheck
from balance_game.devices.base import ReportsBattery
from balance_game.game.scenes import GameContext, Scene, SceneStack
from balance_game.i18n import _, number
from balance_game.render.text import draw_text, lines_height
from balance_game.render.theme import (
    ACCENT,
    BACKGROUND,
    GOOD,
    OUTLINE,
    PANEL,
    PLAYER,
    TEXT,
    TEXT_DIM,
    WARN,
)

if TYPE_CHECKING:
    import pygame

    from balance_game.render.theme import Colour, Theme

COP_RANGE_MM = 250.0  # half the side of the square the dot moves in
BAR_FULL_KG = 40.0  # a bar is full at this load (one adult leaning on a corner)


class SensorCheckScene(Scene):
    def __init__(self) -> None:
        self.check = SensorCheck()
        self._spoken = ""

    def enter(self, ctx: GameContext) -> None:
        ctx.say(_("Sensor check") + ". " + _(self.check.prompt()))

    def handle_action(self, ctx: GameContext, action: str, stack: SceneStack) -> None:
        if action in ("back", "confirm"):
            stack.pop()

    def fixed_update(self, ctx: GameContext, dt_s: float, stack: SceneStack) -> None:
        self.check.update(ctx.frame.items, ctx.t_s)
        self.check.battery_low = self.check.battery_low or (
            isinstance(ctx.source, ReportsBattery) and ctx.source.battery_low)
        words = self.check.verdict()[1]
        if words != self._spoken:  # say each new instruction once
            self._spoken = words
            ctx.say(_(words))

    def draw(self, ctx: GameContext, surface: pygame.Surface) -> None:
        """Words stacked top to bottom, wrapped to the window. When the text is large and the
        window small, the least needed blocks give way first (the hint, then the facts, then the
        readings); the title and the instruction/verdict always stay. The bars and the dot take
        whatever height is left."""
        theme = ctx.theme
        assert theme is not None  # drawing happens only in the window
        surface.fill(BACKGROUND)
        width, height = surface.get_size()
        text_w, gap = int(width * 0.9), theme.px(0.02)
        check = self.check
        working, words = check.verdict()
        blocks = self._blocks(check, working, words)
        heights = {key: lines_height(theme, text, text_w, role, bold) + gap
                   for key, (text, role, _, bold) in blocks.items()}
        room = height - gap
        shown = []
        for key in ("title", "verdict", "readings", "facts", "hint"):  # most needed first
            if heights[key] <= room or key in ("title", "verdict"):
                shown.append(key)
                room -= heights[key]
        y = gap
        for key in ("title", "readings"):
            if key in shown:
                y = self._block(surface, theme, blocks[key], y, text_w) + gap
        below = sum(heights[k] for k in ("facts", "verdict", "hint") if k in shown)
        pictures = pygame_rect(width * 0.05, y, width * 0.9, height - below - y - gap)
        if pictures.height > theme.px(0.08):
            y = self._draw_pictures(surface, theme, pictures) + gap
        for key in ("facts", "verdict", "hint"):
            if key in shown:
                y = self._block(surface, theme, blocks[key], y, text_w,
                                max_height=max(0, height - y)) + gap

    @staticmethod
    def _blocks(check: SensorCheck, working: bool, words: str
                ) -> dict[str, tuple[str, str, Colour, bool]]:
        corners = check.corners_kg or (0.0, 0.0, 0.0, 0.0)
        said = [_("{corner}: {kg} kg").format(corner=_(name).capitalize(), kg=number(kg, 1))
                for name, kg in zip(CORNERS, corners, strict=True)]
        readings = f"{said[0]}  ·  {said[1]}\n{said[2]}  ·  {said[3]}"  # front row, back row
        battery = _("low, replace them soon") if check.battery_low else _("no warning")
        facts = "   ·   ".join((_("Total {kg} kg").format(kg=number(check.total_kg, 1)),
                                _("{rate} readings a second").format(rate=f"{check.rate_hz:.0f}"),
                                _("Batteries: {state}").format(state=battery)))
        return {
            "title": (_("Sensor check"), "heading", ACCENT, True),
            "readings": (readings, "body", TEXT, False),
            "facts": (facts, "small", WARN if check.battery_low else TEXT_DIM, False),
            "verdict": (_(words), "body", GOOD if working else TEXT, working),
            "hint": (_("Enter, Esc or the board's button: back"), "small", TEXT_DIM, False),
        }

    @staticmethod
    def _block(surface: pygame.Surface, theme: Theme, block: tuple[str, str, Colour, bool],
               y: int, text_w: int, max_height: int | None = None) -> int:
        text, role, colour, bold = block
        return draw_text(surface, theme, text, surface.get_width() // 2, y, role, colour,
                         bold=bold, width_px=text_w, max_height=max_height)

    def _draw_pictures(self, surface: pygame.Surface, theme: Theme, area: pygame.Rect) -> int:
        """Four bars in the board's layout (the corner asked for outlined) and the COP square;
        returns the y below them."""
        side = min(area.width // 2 - area.width // 20, area.height)
        bars = pygame_rect(area.centerx - area.width // 40 - side, area.top, side, side)
        square = pygame_rect(area.centerx + area.width // 40, area.top, side, side)
        self._draw_bars(surface, bars)
        self._draw_cop(surface, square)
        theme.note_picture(surface, bars, "corner bars")
        theme.note_picture(surface, square, "balance point")
        return square.bottom

    def _draw_bars(self, surface: pygame.Surface, area: pygame.Rect) -> None:
        import pygame

        corners = self.check.corners_kg or (0.0, 0.0, 0.0, 0.0)
        half = area.width // 2
        for i, kg in enumerate(corners):
            box = pygame.Rect(area.left + (i % 2) * half + 4, area.top + (i // 2) * half + 4,
                              half - 8, half - 8)
            asked = not self.check.done and i == self.check.step
            pygame.draw.rect(surface, PANEL, box, border_radius=8)
            fill = max(0.0, min(1.0, kg / BAR_FULL_KG))
            bar_h = int((box.height - 16) * fill)
            bar = pygame.Rect(box.centerx - box.width // 6, box.bottom - 8 - bar_h,
                              box.width // 3, bar_h)
            pygame.draw.rect(surface, PLAYER, bar)
            pygame.draw.rect(surface, ACCENT if asked else OUTLINE, box, 6 if asked else 2,
                             border_radius=8)

    def _draw_cop(self, surface: pygame.Surface, square: pygame.Rect) -> None:
        import pygame

        pygame.draw.rect(surface, PANEL, square)
        pygame.draw.rect(surface, OUTLINE, square, 2)
        pygame.draw.line(surface, OUTLINE, square.midtop, square.midbottom, 1)
        pygame.draw.line(surface, OUTLINE, square.midleft, square.midright, 1)
        if not self.check.has_sensors or self.check.total_kg < 2.0:
            return
        x_mm, y_mm = self.check.cop_mm
        half = square.width / 2
        x = square.centerx + max(-1.0, min(1.0, x_mm / COP_RANGE_MM)) * half
        y = square.centery - max(-1.0, min(1.0, y_mm / COP_RANGE_MM)) * half
        radius = max(6, square.width // 14)
        pygame.draw.circle(surface, ACCENT, (int(x), int(y)), radius)
        pygame.draw.circle(surface, BACKGROUND, (int(x), int(y)), radius, 3)


def pygame_rect(left: float, top: float, width: float, height: float) -> pygame.Rect:
    import pygame

    return pygame.Rect(int(left), int(top), max(0, int(width)), max(0, int(height)))
