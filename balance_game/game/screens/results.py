"""After a level: stars, score, successes and the path the player's weight took."""

from __future__ import annotations

from typing import TYPE_CHECKING

from balance_game.core.level_run import LevelResult
from balance_game.core.levels import LevelSpec
from balance_game.game.scenes import GameContext, SceneStack
from balance_game.game.screens.menu import MenuItem, MenuScene
from balance_game.game.screens.navigation import screen
from balance_game.render.text import draw_text
from balance_game.render.theme import ACCENT, OUTLINE, TEXT

if TYPE_CHECKING:
    import pygame


REST_S = 20.0  # a short rest between levels (SilverFit's "short break after each exercise")


class ResultsScene(MenuScene):
    back_item = False  # its own items say where to go ("Choose another game", "Finish")
    title = "Well done"
    bottom_reserve = 0.46  # the menu stays above the summary and the path plot

    def __init__(self, spec: LevelSpec | None, results: list[LevelResult],
                 trace: list[tuple[float, float]], final: bool = False) -> None:
        super().__init__()
        self.spec = spec
        self.results = results
        self.trace = trace
        self.final = final
        self.rest_until_s: float | None = None

    def build(self, ctx: GameContext) -> list[MenuItem]:
        session = ctx.current_session
        minutes_left = session.minutes_left if session else None
        if minutes_left is not None and minutes_left <= 0:
            self.final = True
            self.subtitle = "That is all for today's session. Well done!"
        if self.final or self.spec is None:
            return [MenuItem("Done", _finish)]
        if self.rest_until_s is None:
            self.rest_until_s = ctx.t_s + REST_S
        resting = ctx.t_s < self.rest_until_s
        wait = f"after a rest: {self.rest_until_s - ctx.t_s:.0f} s" if resting else ""
        return [
            MenuItem("Play again", self._when_rested(self._again), wait),
            MenuItem("Choose another game", self._when_rested(lambda c, s: s.pop()), wait),
            MenuItem("Finish for today", _finish),
        ]

    def fixed_update(self, ctx: GameContext, dt_s: float, stack: SceneStack) -> None:
        if self.rest_until_s is not None and not self.final:
            self.items = self.build(ctx)
            self.subtitle = ("Take a short rest. Hold your support if you need to."
                             if ctx.t_s < self.rest_until_s else "Ready when you are.")
        super().fixed_update(ctx, dt_s, stack)

    def _when_rested(self, action):
        def choose(ctx: GameContext, stack: SceneStack) -> None:
            if self.rest_until_s is not None and ctx.t_s >= self.rest_until_s:
                action(ctx, stack)

        return choose

    def _again(self, ctx: GameContext, stack: SceneStack) -> None:
        if self.spec is not None:  # "Play again" is only offered after a level
            stack.replace(screen("intro", self.spec))

    def on_back(self, ctx: GameContext, stack: SceneStack) -> None:
        _finish(ctx, stack)

    def draw(self, ctx: GameContext, surface: pygame.Surface) -> None:
        import pygame

        super().draw(ctx, surface)
        theme = ctx.theme
        width, height = surface.get_size()
        summary = self._summary()
        panel = pygame.Rect(0, 0, int(width * 0.5), int(height * 0.3))
        panel.topleft = (int(width * 0.05), int(height * 0.57))
        y = draw_text(surface, theme, summary[0], panel.centerx, panel.top, "heading", ACCENT,
                      bold=True, width_px=panel.width)
        _draw_stars(surface, theme, panel.centerx, y + theme.px(0.05), summary[1])
        draw_text(surface, theme, summary[2], panel.centerx, y + theme.px(0.1), "body", TEXT,
                  width_px=panel.width)
        plot = pygame.Rect(0, 0, int(height * 0.3), int(height * 0.3))
        plot.topright = (int(width * 0.92), int(height * 0.57))
        from balance_game.render.trace_plot import draw_trace

        draw_trace(surface, theme, plot, self.trace)

    def _summary(self) -> tuple[str, int, str]:
        if not self.results:
            return ("Session saved", 0, "No level was finished this time.")
        last = self.results[-1]
        stars = f"{last.stars} of 3 stars"
        detail = (f"Score {last.mean_score:.0f}  ·  {last.n_success} of {last.n_trials} done well"
                  f"  ·  level {_percent(last.start_difficulty)} to {_percent(last.difficulty)}")
        return (stars, last.stars, detail)


def _percent(difficulty: float) -> str:
    return f"{round(100 * difficulty)}%"


def _draw_stars(surface: pygame.Surface, theme, centre_x: int, centre_y: int, stars: int) -> None:
    import math

    import pygame

    r = theme.px(0.035)
    for i in range(3):
        cx = centre_x + (i - 1) * int(r * 2.6)
        points = []
        for k in range(10):
            radius = r if k % 2 == 0 else r * 0.45
            angle = -math.pi / 2 + k * math.pi / 5
            points.append((cx + radius * math.cos(angle), centre_y + radius * math.sin(angle)))
        if i < stars:
            pygame.draw.polygon(surface, ACCENT, points)
        pygame.draw.polygon(surface, OUTLINE if i >= stars else ACCENT, points, 2)


def _finish(ctx: GameContext, stack: SceneStack) -> None:
    """Ask about pain once more (when someone is training), then say goodbye."""
    session = ctx.current_session
    if session is not None and not session.ended:
        stack.clear_to(screen("pain", "after"))
    else:
        stack.clear_to(screen("farewell", "See you next time!", "Your training is saved."))
