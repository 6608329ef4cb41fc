"""Choosing a level, with a map of the worlds and the stars earned in each."""

from __future__ import annotations

from typing import TYPE_CHECKING

from balance_game.core.levels import LevelSpec, load_levels
from balance_game.game.scenes import GameContext, SceneStack
from balance_game.game.screens.menu import MenuItem, MenuScene
from balance_game.game.screens.navigation import screen
from balance_game.render.theme import ACCENT, OUTLINE, PANEL, TEXT, TEXT_DIM
from balance_game.storage.progress import is_unlocked, player_progress

if TYPE_CHECKING:
    import pygame

WORLD_NAMES = {1: "Gentle", 2: "Steady", 3: "Active", 4: "Challenging", 5: "Athletic"}


class LevelSelectScene(MenuScene):
    title = "Choose a game"
    bottom_reserve = 0.3

    def __init__(self) -> None:
        super().__init__()
        self.specs: list[LevelSpec] = []
        self.stars: dict[int, tuple[int, int]] = {}  # world -> (stars earned, stars possible)

    def build(self, ctx: GameContext) -> list[MenuItem]:
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
                items.append(MenuItem(f"{spec.title} (locked)", _locked,
                                      "earn a star on the game before"))
                continue
            stars = progress[spec.id].best_stars if spec.id in progress else 0
            detail = f"World {spec.world}  ·  {'*' * stars or 'new'}"
            items.append(MenuItem(spec.title, _starter(spec), detail))
        return items

    @staticmethod
    def _plan_line(ctx: GameContext) -> str:
        player, session = ctx.current_player, ctx.current_session
        name = player.name if player else ""
        left = session.minutes_left if session else None
        if session is None or session.prescription is None or left is None:
            return f"Training: {name}"
        total = session.prescription.minutes_per_session
        return f"Training: {name}  ·  {left:.0f} of {total:g} minutes left today"

    def draw(self, ctx: GameContext, surface: pygame.Surface) -> None:
        super().draw(ctx, surface)
        if self.specs:
            self._draw_map(ctx, surface)

    def _draw_map(self, ctx: GameContext, surface: pygame.Surface) -> None:
        """A strip of worlds, gentle to athletic; the world of the highlighted game stands out."""
        import pygame

        theme = ctx.theme
        width, height = surface.get_size()
        worlds = sorted(self.stars)
        current = self.specs[min(self.index, len(self.specs) - 1)].world
        gap = theme.px(0.015)
        box_w = (int(width * 0.9) - gap * (len(worlds) - 1)) // max(1, len(worlds))
        top = height - theme.px(0.28)
        small = theme.font("small")
        for i, world in enumerate(worlds):
            box = pygame.Rect(int(width * 0.05) + i * (box_w + gap), top, box_w, theme.px(0.15))
            chosen = world == current
            pygame.draw.rect(surface, PANEL, box, border_radius=theme.px(0.015))
            pygame.draw.rect(surface, ACCENT if chosen else OUTLINE, box,
                             theme.px(0.006) if chosen else 1, border_radius=theme.px(0.015))
            name = small.render(f"{world} {WORLD_NAMES.get(world, '')}", True,
                                TEXT if chosen else TEXT_DIM)
            surface.blit(name, name.get_rect(midtop=(box.centerx, box.top + theme.px(0.012))))
            earned, possible = self.stars[world]
            count = small.render(f"{earned} / {possible} *", True, ACCENT if chosen else TEXT_DIM)
            surface.blit(count, count.get_rect(midbottom=(box.centerx,
                                                          box.bottom - theme.px(0.012))))

    def on_back(self, ctx: GameContext, stack: SceneStack) -> None:
        ctx.end_session()
        stack.pop()


def _locked(ctx: GameContext, stack: SceneStack) -> None:
    """Locked levels stay in the list (so players see what is ahead) but cannot start."""


def _starter(spec: LevelSpec):
    def start(ctx: GameContext, stack: SceneStack) -> None:
        stack.push(screen("intro", spec))

    return start
