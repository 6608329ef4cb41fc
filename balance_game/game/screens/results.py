"""After a level: stars, score, successes and the path the player's weight took."""

from __future__ import annotations

from typing import TYPE_CHECKING

from balance_game.core.level_run import LevelResult
from balance_game.core.levels import LevelSpec
from balance_game.game.scenes import GameContext, SceneStack
from balance_game.game.screens.menu import MenuItem, MenuScene
from balance_game.game.screens.navigation import screen
from balance_game.i18n import N_, _, ngettext
from balance_game.render import easing
from balance_game.render.particles import Particles
from balance_game.render.theme import ACCENT, GOOD, OUTLINE, PLAYER, TEXT, WARN
from balance_game.storage.rewards import player_rewards

if TYPE_CHECKING:
    import pygame


REST_S = 20.0  # a short rest between levels (SilverFit's "short break after each exercise")
STAR_DELAY_S = 0.35  # the first star flies in after this, the next ones this far apart
STAR_FLIGHT_S = 0.6
CONFETTI = (ACCENT, PLAYER, GOOD, WARN, TEXT)


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
        self.shown_s: float | None = None  # when the results first showed: the stars fly from then
        self.stars_landed = 0
        self.confetti: Particles | None = None
        self._burst_done: list[int] = []
        self._rewards_line: str | None = None  # read once: the screen rebuilds while resting

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

    @property
    def last(self) -> LevelResult | None:
        return self.results[-1] if self.results else None

    def build(self, ctx: GameContext) -> list[MenuItem]:
        self.title = headline(self.last)
        self.subtitle = summary(self.last) + self.rewards_line(ctx)
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

    def rewards_line(self, ctx: GameContext) -> str:
        """A new personal best when there is one, and the week's goal (never a reproach)."""
        if self._rewards_line is None:
            words = []
            session = ctx.current_session
            if session is not None and self.last and self.last.level_id in session.new_bests:
                words.append(_("New personal best!"))
            if ctx.current_player is not None:
                words.append(player_rewards(ctx.db, ctx.current_player).goal_line)
            self._rewards_line = "".join(" " + w for w in words)
        return self._rewards_line

    def fixed_update(self, ctx: GameContext, dt_s: float, stack: SceneStack) -> None:
        earned = self.last.stars if self.last else 0
        if self.stars_landed < earned and self.star_age(ctx, self.stars_landed) >= STAR_FLIGHT_S:
            self.stars_landed += 1
            ctx.cue("star" if self.stars_landed < 3 else "success")
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
        self._stars(ctx, surface, (area.left + half // 2, area.centery), stars,
                    min(area.height // 3, half // 8))
        from balance_game.render.trace_plot import draw_trace

        draw_trace(surface, ctx.theme, pygame.Rect(area.left + half, area.top, half, area.height),
                   self.trace)

    def _stars(self, ctx: GameContext, surface: pygame.Surface, centre: tuple[int, int],
               earned: int, r: int) -> None:
        """Empty outlines at once; each earned star flies in from the top, overshoots a little
        and lands, and bursts into confetti (calm players see the stars already in place)."""
        theme = ctx.theme
        assert theme is not None  # drawing happens only with a window and its theme
        calm = theme.calm
        if self.confetti is None:
            self.confetti = Particles(surface.get_height(), seed=len(self.trace))
        for i in range(3):
            home = (centre[0] + (i - 1) * int(r * 2.6), centre[1])
            draw_star(surface, home, r, filled=False)
            if i >= earned:
                continue
            u = 1.0 if calm else self.star_age(ctx, i) / STAR_FLIGHT_S
            if u <= 0:
                continue
            if u >= 1.0 and not calm and i >= len(self._burst_done):
                self._burst_done.append(i)
                self.confetti.burst(home, CONFETTI, count=30, speed=380)
            k = easing.out_back(u)
            start_y = -2 * r
            pos = (home[0], round(start_y + (home[1] - start_y) * k))
            draw_star(surface, pos, r * (0.6 + 0.4 * easing.out_cubic(u)), filled=True)
        if not calm:
            self.confetti.step(ctx.t_s)
            self.confetti.draw(surface)


def draw_star(surface: pygame.Surface, centre: tuple[int, int], r: float, filled: bool) -> None:
    import math

    import pygame

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
    session = ctx.current_session
    if session is not None and not session.ended:
        stack.clear_to(screen("pain", "after"))
    else:
        stack.clear_to(screen("farewell", _("See you next time!"), _("Your training is saved.")))
