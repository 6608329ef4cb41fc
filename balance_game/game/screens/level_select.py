"""Choosing a level, with a map of the worlds and the stars earned in each."""

from __future__ import annotations

from typing import TYPE_CHECKING

from balance_game.core.levels import LevelSpec, load_levels
from balance_game.game.scenes import GameContext, SceneStack
from balance_game.game.screens.menu import MenuItem, MenuScene
from balance_game.game.screens.navigation import screen
from balance_game.i18n import N_, _, ngettext
from balance_game.render.text import blit_text, fitting_font
from balance_game.render.theme import ACCENT, OUTLINE, PANEL, TEXT, TEXT_DIM
from balance_game.storage.progress import is_unlocked, player_progress

if TYPE_CHECKING:
    import pygame

WORLD_NAMES = {1: N_("Gentle"), 2: N_("Steady"), 3: N_("Active"), 4: N_("Challenging"),
               5: N_("Athletic")}


class LevelSelectScene(MenuScene):

    def __init__(self) -> None:
        super().__init__()
        self.specs: list[LevelSpec] = []
        self.stars: dict[int, tuple[int, int]] = {}  # world -> (stars earned, stars possible)

    def build(self, ctx: GameContext) -> list[MenuItem]:
        self.title = _("Choose a game")
        player, session = ctx.current_player, ctx.current_session
        progress = player_progress(ctx.db, player.id) if player else {}
        prescription = session.prescription if session else None
        self.subtitle = self._plan_line(ctx)
        self.specs = [s for s in load_levels()
                      if prescription is None or prescription.allows(s)]
        self.stars = {}
        for spec in self.specs:
            earned, possible = self.stars.get(spec.world, (0, 0))
            got = progress[spec.id].best_stars if spec.id in progress else 0
            self.stars[spec.world] = (earned + got, possible + 3)
        items = []
        for spec in self.specs:
            if not is_unlocked(spec.requires, progress):
                items.append(MenuItem(_("{title} (locked)").format(title=_(spec.title)), _locked,
                                      _("earn a star on the game before")))
                continue
            stars = progress[spec.id].best_stars if spec.id in progress else 0
            won = ngettext("{n} star", "{n} stars", stars).format(n=stars) if stars else _("new")
            detail = _("World {n}").format(n=spec.world) + f"  ·  {won}"
            best = progress[spec.id].best_score if spec.id in progress else None
            if best is not None:  # the personal best on this game
                detail += "  ·  " + _("best {score}").format(score=f"{best:.0f}")
            items.append(MenuItem(_(spec.title), _starter(spec), detail))
        return items

    @staticmethod
    def _plan_line(ctx: GameContext) -> str:
        player, session = ctx.current_player, ctx.current_session
        name = player.name if player else ""
        left = session.minutes_left if session else None
        if session is None or session.prescription is None or left is None:
            return _("Training: {name}").format(name=name)
        total = session.prescription.minutes_per_session
        return _("Training: {name}  ·  {left} of {total} minutes left today").format(
            name=name, left=f"{left:.0f}", total=f"{total:g}")

    def extra_height(self, ctx: GameContext, size: tuple[int, int]) -> int:
        # a line for the name, a window on the world's sky, a line for the stars
        return 2 * ctx.theme.font("small").get_linesize() + ctx.theme.px(0.065) if self.specs else 0

    def draw_extra(self, ctx: GameContext, surface: pygame.Surface, area: pygame.Rect) -> None:
        """A strip of worlds, gentle to athletic; the world of the highlighted game stands out."""
        import pygame

        theme = ctx.theme
        worlds = sorted(self.stars)
        current = self.specs[min(self.index, len(self.specs) - 1)].world
        gap = theme.px(0.015)
        box_w = (area.width - gap * (len(worlds) - 1)) // max(1, len(worlds))
        pad = theme.px(0.012)
        for i, world in enumerate(worlds):
            box = pygame.Rect(area.left + i * (box_w + gap), area.top, box_w, area.height)
            chosen = world == current
            pygame.draw.rect(surface, PANEL, box, border_radius=theme.px(0.015))
            pygame.draw.rect(surface, ACCENT if chosen else OUTLINE, box,
                             theme.px(0.006) if chosen else 1, border_radius=theme.px(0.015))
            name = f"{world} {_(WORLD_NAMES.get(world, ''))}"
            blit_text(surface, theme, name, fitting_font(theme, name, box_w - 2 * pad), TEXT if chosen
                      else TEXT_DIM, midtop=(box.centerx, box.top + pad))
            line = theme.font("small").get_linesize()
            band = pygame.Rect(box.left + pad, box.top + pad + line, box_w - 2 * pad,
                               box.height - 2 * (pad + line))
            if band.height > 2:  # between the name and the stars, never under either
                _world_sky(surface, band, world)
                theme.note_picture(surface, band, "world's sky")
            earned, possible = self.stars[world]
            count = _("{earned} of {possible} stars").format(earned=earned, possible=possible)
            blit_text(surface, theme, count, fitting_font(theme, count, box_w - 2 * pad),
                      ACCENT if chosen else TEXT_DIM, midbottom=(box.centerx, box.bottom - pad))

    def on_back(self, ctx: GameContext, stack: SceneStack) -> None:
        ctx.end_session()
        stack.pop()


def _world_sky(surface: pygame.Surface, band: pygame.Rect, world: int) -> None:
    """A little window on the world's sky at its time of day: dawn, midday ... night."""
    import pygame

    from balance_game.render.scenery import gradient
    from balance_game.render.worlds import look_for

    look = look_for(world)
    gradient(surface, band, look.sky_top, look.sky_bottom)
    r = max(2, band.height // 3)
    sun = (band.right - 2 * r, band.bottom - r - round((band.height - 2 * r) * look.sun_height))
    pygame.draw.circle(surface, look.sun, sun, r)


def _locked(ctx: GameContext, stack: SceneStack) -> None:
    """Locked levels stay in the list (so players see what is ahead) but cannot start."""


def _starter(spec: LevelSpec):
    def start(ctx: GameContext, stack: SceneStack) -> None:
        stack.push(screen("intro", spec))

    return start
