"""The player's calendar: this month with a stamp on every day trained, the week's goal, the
milestones earned and a word on real progress."""

from __future__ import annotations

import calendar as month_grid
from datetime import date
from typing import TYPE_CHECKING

from balance_game.core.rewards import milestone_names
from balance_game.game.scenes import GameContext
from balance_game.game.screens.menu import MenuItem, MenuScene
from balance_game.i18n import N_, _
from balance_game.render.text import blit_text, fitting_font
from balance_game.render.theme import ACCENT, BACKGROUND, OUTLINE, PANEL, TEXT, TEXT_DIM
from balance_game.storage.rewards import Rewards, player_rewards

if TYPE_CHECKING:
    import pygame

WEEKDAYS = (N_("Mo"), N_("Tu"), N_("We"), N_("Th"), N_("Fr"), N_("Sa"), N_("Su"))


class CalendarScene(MenuScene):
    extra_beside = True  # the month beside the words on a wide screen

    def __init__(self, today: date | None = None) -> None:
        super().__init__()
        self.today = today or date.today()
        self.rewards: Rewards | None = None

    def build(self, ctx: GameContext) -> list[MenuItem]:
        self.title = _("Your calendar")
        self.rewards = player_rewards(ctx.db, ctx.player, self.today)
        words = [self.rewards.goal_line, self.rewards.encouragement]
        if self.rewards.milestones:
            words.append(_("Milestones: {names}.").format(
                names=", ".join(milestone_names(self.rewards.milestones))))
        self.subtitle = " ".join(words)
        return []  # "Back" is the only choice

    def extra_height(self, ctx: GameContext, size: tuple[int, int]) -> int:
        return int(min(size) * 0.5)

    def draw_extra(self, ctx: GameContext, surface: pygame.Surface, area: pygame.Rect) -> None:
        """The month as a grid, Monday first: trained days stamped, today outlined."""
        import pygame

        if self.rewards is None:  # drawn before its first build: nothing to show yet
            return
        theme = ctx.theme
        weeks = month_grid.Calendar(firstweekday=0).monthdayscalendar(self.today.year,
                                                                       self.today.month)
        cell_w, cell_h = area.width // 7, area.height // (len(weeks) + 1)
        trained = {d.day for d in self.rewards.days
                   if (d.year, d.month) == (self.today.year, self.today.month)}
        for col, name in enumerate(WEEKDAYS):
            self._label(surface, ctx, _(name), pygame.Rect(area.left + col * cell_w, area.top,
                                                           cell_w, cell_h), TEXT_DIM)
        for row, week in enumerate(weeks, start=1):
            for col, day in enumerate(week):
                if not day:
                    continue
                cell = pygame.Rect(area.left + col * cell_w, area.top + row * cell_h, cell_w,
                                   cell_h).inflate(-theme.px(0.006), -theme.px(0.006))
                stamped = day in trained
                pygame.draw.rect(surface, PANEL, cell, border_radius=theme.px(0.008))
                if stamped:
                    pygame.draw.circle(surface, ACCENT, cell.center, min(cell.size) * 9 // 20)
                if day == self.today.day:
                    pygame.draw.rect(surface, ACCENT, cell, max(2, theme.px(0.004)),
                                     border_radius=theme.px(0.008))
                else:
                    pygame.draw.rect(surface, OUTLINE, cell, 1, border_radius=theme.px(0.008))
                self._label(surface, ctx, str(day), cell, BACKGROUND if stamped else TEXT)

    @staticmethod
    def _label(surface: pygame.Surface, ctx: GameContext, text: str, box: pygame.Rect,
               colour: tuple[int, int, int]) -> None:
        room = box.width - ctx.theme.px(0.006)
        font = fitting_font(ctx.theme, text, room)
        if font.size(text)[0] <= room and font.get_linesize() <= box.height:
            # a cramped grid keeps its stamps, not its numbers
            blit_text(surface, ctx.theme, text, font, colour, center=box.center)
