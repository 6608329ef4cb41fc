"""The sensor check screen: is the board working? Bars, numbers, a dot, a guided test, a verdict.

Reachable from the title and the first-run wizard. Everything is large and spelled out in words
as well as drawn (low vision): each corner's kilograms as a bar with its number, the total, the
centre-of-pressure dot in a square, readings per second, the batteries, what to press next and
the verdict. Enter or Esc (or the board's front button) goes back. The rules live in
``core.sensor_check``; this module only draws them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from balance_game.core.sensor_check import CORNERS, SensorCheck
from balance_game.game.scenes import GameContext, Scene, SceneStack
from balance_game.render.text import draw_text
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

COP_RANGE_MM = 250.0  # half the side of the square the dot moves in
BAR_FULL_KG = 40.0  # a bar is full at this load (one adult leaning on a corner)


class SensorCheckScene(Scene):
    def __init__(self) -> None:
        self.check = SensorCheck()
        self._spoken = ""

    def enter(self, ctx: GameContext) -> None:
        ctx.say("Sensor check. " + self.check.prompt())

    def handle_action(self, ctx: GameContext, action: str, stack: SceneStack) -> None:
        if action in ("back", "confirm"):
            stack.pop()

    def fixed_update(self, ctx: GameContext, dt_s: float, stack: SceneStack) -> None:
        self.check.update(ctx.frame.items, ctx.t_s)
        self.check.battery_low = self.check.battery_low or bool(
            getattr(ctx.source, "battery_low", False))
        words = self.check.verdict()[1]
        if words != self._spoken:  # say each new instruction once
            self._spoken = words
            ctx.say(words)

    def draw(self, ctx: GameContext, surface: pygame.Surface) -> None:
        theme = ctx.theme
        assert theme is not None  # drawing happens only in the window
        surface.fill(BACKGROUND)
        width, height = surface.get_size()
        draw_text(surface, theme, "Sensor check", width // 2, int(height * 0.03), "heading",
                  ACCENT, bold=True)
        top, size = int(height * 0.14), int(height * 0.40)
        self._draw_bars(surface, ctx, int(width * 0.08), top, int(width * 0.46), size)
        self._draw_cop(surface, int(width * 0.62), top, size)
        draw_text(surface, theme, "balance point (front is up)", int(width * 0.62) + size // 2,
                  top + size - theme.px(0.01), "small", TEXT_DIM, width_px=int(width * 0.36))
        check = self.check
        battery = "low, replace them soon" if check.battery_low else "no warning"
        facts = (f"Total {check.total_kg:.1f} kg   ·   {check.rate_hz:.0f} readings a second"
                 f"   ·   Batteries: {battery}")
        y = draw_text(surface, theme, facts, width // 2, top + size + theme.px(0.03), "small",
                      WARN if check.battery_low else TEXT_DIM)
        working, words = check.verdict()
        y = draw_text(surface, theme, words, width // 2, y + theme.px(0.02), "body",
                      GOOD if working else TEXT, bold=working)
        draw_text(surface, theme, "Enter or Esc: back", width // 2, height - theme.px(0.07),
                  "small", TEXT_DIM)

    def _draw_bars(self, surface: pygame.Surface, ctx: GameContext, left: int, top: int,
                   width: int, height: int) -> None:
        import pygame

        theme = ctx.theme
        assert theme is not None
        corners = self.check.corners_kg or (0.0, 0.0, 0.0, 0.0)
        cell_w, cell_h = width // 2, height // 2
        for i, (name, kg) in enumerate(zip(CORNERS, corners, strict=True)):
            x, y = left + (i % 2) * cell_w, top + (i // 2) * cell_h
            box = pygame.Rect(x + 6, y + 6, cell_w - 12, cell_h - 12)
            asked = not self.check.done and i == self.check.step
            pygame.draw.rect(surface, PANEL, box, border_radius=8)
            pygame.draw.rect(surface, ACCENT if asked else OUTLINE, box, 4 if asked else 2,
                             border_radius=8)
            fill = max(0.0, min(1.0, kg / BAR_FULL_KG))
            bar = pygame.Rect(box.left + 10, box.bottom - 10 - int((box.height - 20) * fill),
                              box.width // 5, int((box.height - 20) * fill))
            pygame.draw.rect(surface, PLAYER, bar)
            centre = box.centerx + box.width // 10
            below = draw_text(surface, theme, name, centre, box.top + 8, "small", TEXT,
                              width_px=box.width - box.width // 4)
            draw_text(surface, theme, f"{kg:.1f} kg", centre, below, "heading", TEXT, bold=True)

    def _draw_cop(self, surface: pygame.Surface, left: int, top: int, size: int) -> None:
        import pygame

        square = pygame.Rect(left, top + 6, size - 12, size - 12)
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
        pygame.draw.circle(surface, ACCENT, (int(x), int(y)), max(8, size // 20))
        pygame.draw.circle(surface, BACKGROUND, (int(x), int(y)), max(8, size // 20), 3)
