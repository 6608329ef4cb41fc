"""After a level: stars, score, successes and the path the player's weight took."""

from __future__ import annotations

from typing import TYPE_CHECKING

from balance_game.core.level_run import LevelResult
from balance_game.core.levels import LevelSpec
from balance_game.game.scenes import GameContext, SceneStack
from balance_game.game.screens.menu import MenuItem, MenuScene
from balance_game.game.screens.navigation import screen
from balance_game.render import easing
from balance_game.render.particles import Particles
from balance_game.render.text import draw_text
from balance_game.render.theme import ACCENT, GOOD, OUTLINE, PLAYER, TEXT, WARN

if TYPE_CHECKING:
    import pygame


REST_S = 20.0  # a short rest between levels (SilverFit's "short break after each exercise")
STAR_DELAY_S = 0.35  # the first star flies in after this, the next ones this far apart
STAR_FLIGHT_S = 0.6
CONFETTI = (ACCENT, PLAYER, GOOD, WARN, TEXT)


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
        self.shown_s: float | None = None  # when the results first showed: the stars fly from then
        self.stars_landed = 0
        self.confetti: Particles | None = None
        self._burst_done: list[int] = []

    def enter(self, ctx: GameContext) -> None:
        super().enter(ctx)
        ctx.music(None)  # the level's music fades: quiet for the results and the rest
        if self.shown_s is None:
            self.shown_s = ctx.t_s

    def star_age(self, ctx: GameContext, index: int) -> float:
        """Seconds since star ``index`` set off (negative while it waits its turn)."""
        if self.shown_s is None:
            return 0.0
        return ctx.t_s - self.shown_s - STAR_DELAY_S * (index + 1)

    def build(self, ctx: GameContext) -> list[MenuItem]:
        minutes_left = ctx.session.minutes_left if ctx.session else None
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
        earned = self._summary()[1]
        if self.stars_landed < earned and self.star_age(ctx, self.stars_landed) >= STAR_FLIGHT_S:
            self.stars_landed += 1
            ctx.cue("star" if self.stars_landed < 3 else "success")
        if self.rest_until_s is not None and not self.final:
            self.items = self.build(ctx)
            self.subtitle = ("Take a short rest. Hold your support if you need to."
                             if ctx.t_s < self.rest_until_s else "Ready when you are.")
        super().fixed_update(ctx, dt_s, stack)

    def _when_rested(self, action):
        def choose(ctx: GameContext, stack: SceneStack) -> None:
            if ctx.t_s >= self.rest_until_s:
                action(ctx, stack)

        return choose

    def _again(self, ctx: GameContext, stack: SceneStack) -> None:
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
        self._stars(ctx, surface, (panel.centerx, y + theme.px(0.05)), summary[1])
        draw_text(surface, theme, summary[2], panel.centerx, y + theme.px(0.1), "body", TEXT,
                  width_px=panel.width)
        plot = pygame.Rect(0, 0, int(height * 0.3), int(height * 0.3))
        plot.topright = (int(width * 0.92), int(height * 0.57))
        from balance_game.render.trace_plot import draw_trace

        draw_trace(surface, theme, plot, self.trace)

    def _stars(self, ctx: GameContext, surface: pygame.Surface, centre: tuple[int, int],
               earned: int) -> None:
        """Empty outlines at once; each earned star flies in from the top, overshoots a little
        and lands, and bursts into confetti (calm players see the stars already in place)."""
        theme = ctx.theme
        assert theme is not None  # drawing happens only with a window and its theme
        calm = theme.calm
        if self.confetti is None:
            self.confetti = Particles(surface.get_height(), seed=len(self.trace))
        spacing = int(theme.px(0.035) * 2.6)
        for i in range(3):
            home = (centre[0] + (i - 1) * spacing, centre[1])
            if i >= earned:
                draw_star(surface, theme, home, 1.0, filled=False)
                continue
            u = 1.0 if calm else self.star_age(ctx, i) / STAR_FLIGHT_S
            if u <= 0:
                draw_star(surface, theme, home, 1.0, filled=False)
                continue
            if u >= 1.0 and not calm and i >= len(self._burst_done):
                self._burst_done.append(i)
                self.confetti.burst(home, CONFETTI, count=30, speed=380)
            k = easing.out_back(u)
            start = (home[0], -theme.px(0.1))
            pos = (round(start[0] + (home[0] - start[0]) * k),
                   round(start[1] + (home[1] - start[1]) * k))
            draw_star(surface, theme, home, 1.0, filled=False)
            draw_star(surface, theme, pos, 0.6 + 0.4 * easing.out_cubic(u), filled=True)
        if not calm:
            self.confetti.step(ctx.t_s)
            self.confetti.draw(surface)

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


def draw_star(surface: pygame.Surface, theme, centre: tuple[int, int], scale: float,
              filled: bool) -> None:
    import math

    import pygame

    r = theme.px(0.035) * scale
    points = []
    for k in range(10):
        radius = r if k % 2 == 0 else r * 0.45
        angle = -math.pi / 2 + k * math.pi / 5
        points.append((centre[0] + radius * math.cos(angle), centre[1] + radius * math.sin(angle)))
    if filled:
        pygame.draw.polygon(surface, ACCENT, points)
    pygame.draw.polygon(surface, ACCENT if filled else OUTLINE, points, 2)


def _finish(ctx: GameContext, stack: SceneStack) -> None:
    """Ask about pain once more (when someone is training), then say goodbye."""
    if ctx.session is not None and not ctx.session.ended:
        stack.clear_to(screen("pain", "after"))
    else:
        stack.clear_to(screen("farewell", "See you next time!", "Your training is saved."))
