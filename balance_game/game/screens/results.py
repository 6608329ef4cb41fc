"""After a level: stars, score, successes and the path the player's weight took."""

from __future__ import annotations

from typing import TYPE_CHECKING

from balance_game.core.level_run import LevelResult
from balance_game.core.levels import LevelSpec
from balance_game.game.scenes import GameContext, SceneStack
from balance_game.game.screens.menu import MenuItem, MenuScene
from balance_game.game.screens.navigation import screen
from balance_game.i18n import N_, _, ngettext
from balance_game.render.theme import ACCENT, OUTLINE, Theme

if TYPE_CHECKING:
    import pygame


REST_S = 20.0  # a short rest between levels (SilverFit's "short break after each exercise")


DIFFICULTY_WORDS = (N_("very easy"), N_("easy"), N_("medium"), N_("hard"), N_("very hard"))


def difficulty_word(difficulty: float) -> str:
    """A level's 0..1 difficulty in a word a player uses."""
    return _(DIFFICULTY_WORDS[min(len(DIFFICULTY_WORDS) - 1, int(difficulty * len(DIFFICULTY_WORDS)))])


def headline(result: LevelResult | None) -> str:
    """Praise only where it was earned: the stars decide the words."""
    if result is None:
        return _("Session saved")
    return (_("Level finished"), _("Good start"), _("Well done"), _("Excellent!"))[result.stars]


def summary(result: LevelResult | None) -> str:
    if result is None:
        return _("No level was finished this time.")
    done = ngettext("{n} of {total} try done well", "{n} of {total} tries done well",
                    result.n_trials).format(n=result.n_success, total=result.n_trials)
    start, end = difficulty_word(result.start_difficulty), difficulty_word(result.difficulty)
    if end == start:
        change = _("The game stayed {level}.").format(level=end)
    elif result.difficulty > result.start_difficulty:
        change = _("The game got harder: from {start} to {end}.").format(start=start, end=end)
    else:
        change = _("The game got easier: from {start} to {end}.").format(start=start, end=end)
    score = _("Average score {score} of 100").format(score=f"{result.mean_score:.0f}")
    return f"{score}  ·  {done}. {change}"


class ResultsScene(MenuScene):
    back_item = False  # its own items say where to go ("Choose another game", "Finish")
    extra_beside = True  # stars and path beside the choices, where the screen is wide

    def __init__(self, spec: LevelSpec | None, results: list[LevelResult],
                 trace: list[tuple[float, float]], final: bool = False) -> None:
        super().__init__()
        self.spec = spec
        self.results = results
        self.trace = trace
        self.final = final
        self.rest_until_s: float | None = None

    @property
    def last(self) -> LevelResult | None:
        return self.results[-1] if self.results else None

    def build(self, ctx: GameContext) -> list[MenuItem]:
        self.title = headline(self.last)
        self.subtitle = summary(self.last)
        session = ctx.current_session
        minutes_left = session.minutes_left if session else None
        if minutes_left is not None and minutes_left <= 0:
            self.final = True
            self.subtitle += " " + _("That is all for today's session.")
        if self.final or self.spec is None:
            return [MenuItem(_("Done"), _finish)]
        if self.rest_until_s is None:
            self.rest_until_s = ctx.t_s + REST_S
        resting = ctx.t_s < self.rest_until_s
        wait = _("after a rest: {s} s").format(s=f"{self.rest_until_s - ctx.t_s:.0f}") if resting else ""
        return [
            MenuItem(_("Play again"), self._when_rested(self._again), wait),
            MenuItem(_("Choose another game"), self._when_rested(lambda c, s: s.pop()), wait),
            MenuItem(_("Finish for today"), _finish),
        ]

    def fixed_update(self, ctx: GameContext, dt_s: float, stack: SceneStack) -> None:
        if self.rest_until_s is not None and not self.final:
            self.items = self.build(ctx)
            self.subtitle += " " + (_("Take a short rest. Hold your support if you need to.")
                                    if ctx.t_s < self.rest_until_s else _("Ready when you are."))
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

    def extra_height(self, ctx: GameContext, size: tuple[int, int]) -> int:
        return int(min(size) * 0.4)

    def draw_extra(self, ctx: GameContext, surface: pygame.Surface, area: pygame.Rect) -> None:
        """The stars earned beside the path the player's weight took."""
        import pygame

        stars = self.last.stars if self.last else 0
        half = area.width // 2
        _draw_stars(surface, ctx.theme, area.left + half // 2, area.centery, stars,
                    min(area.height // 3, half // 8))
        from balance_game.render.trace_plot import draw_trace

        draw_trace(surface, ctx.theme, pygame.Rect(area.left + half, area.top, half, area.height),
                   self.trace)


def _draw_stars(surface: pygame.Surface, theme: Theme, centre_x: int, centre_y: int, stars: int,
                r: int) -> None:
    import math

    import pygame

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
        stack.clear_to(screen("farewell", _("See you next time!"), _("Your training is saved.")))
