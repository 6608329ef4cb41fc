"""The play screen: runs one level inside the session, and what follows it."""

from __future__ import annotations

from collections import deque
from typing import TYPE_CHECKING, Any

# Loaded with the screen, not at the first scored try: the games score tries with the sway
# formulas, which core imports only when needed (so the command line stays light), and that
# first import mid-trial froze one frame for 20-40 ms.
import balance_game.dsp.sway  # noqa: F401
from balance_game.core.level_run import LevelRun
from balance_game.core.levels import LevelSpec
from balance_game.core.mechanics.base import feedback_for
from balance_game.core.records import Goal, TrialRecord
from balance_game.devices.base import ReportsBattery
from balance_game.game.scenes import GameContext, Scene, SceneStack
from balance_game.game.screens.navigation import screen
from balance_game.i18n import _, active_language
from balance_game.render.celebration import Celebration
from balance_game.render.views import ViewCache

if TYPE_CHECKING:
    import pygame

    from balance_game.render.scenery import SceneView

# A mechanic's own outcome cues give way to the trial's record, which also knows the quality
# gate's verdict (a catch made with one foot off the board is a miss).
OUTCOME_CUES = frozenset({"hit", "miss", "dodge", "gate"})
TRAIL_POINTS = 45  # about three quarters of a second of the marker's path
FEEDBACK_S = 1.5
QUICK_FEEDBACK_S = 0.8  # after a quick trial the next one is already under way: don't hide its prompt
QUICK_TRIAL_S = 3.0


def feedback_seconds(record: TrialRecord) -> float:
    """How long the line after a trial stays up: briefly after quick trials (slalom gates, catches,
    beats), where the next trial's instructions matter at once."""
    quick = record.t_end_s - record.t_start_s < QUICK_TRIAL_S
    return QUICK_FEEDBACK_S if quick else FEEDBACK_S


class PlayScene(Scene):
    def __init__(self, spec: LevelSpec, part: bool = False) -> None:
        """``part``: the level is one part of a routine or a family turn; when it is done the
        screen gives way to the one that started it (which shows what comes next)."""
        self.spec = spec
        self.part = part
        self.trail: deque[tuple[float, float]] = deque(maxlen=TRAIL_POINTS)
        self.trace: list[tuple[float, float]] = []  # the whole level, for the results plot
        self.views = ViewCache()
        self.feedback = ""
        self.feedback_until_s = 0.0
        self.success_s: float | None = None  # when the latest good try ended: celebrate it
        self.celebration: Celebration | None = None
        self._top: tuple[tuple[object, ...], int] | None = None  # (what it depends on, y)

    def enter(self, ctx: GameContext) -> None:
        ctx.music(self.spec.world)
        session = ctx.session
        if session.run is None or session.run.spec.id != self.spec.id or session.run.finished:
            session.start_level(self.spec)
            self.trace = []

    def handle_action(self, ctx: GameContext, action: str, stack: SceneStack) -> None:
        if action in ("pause", "back"):
            ctx.session.pause_for("user", ctx.t_s)

    def goal(self, ctx: GameContext) -> Goal | None:
        run = ctx.session.run
        return None if run is None or ctx.session.pause.paused else run.goal()

    def fixed_update(self, ctx: GameContext, dt_s: float, stack: SceneStack) -> None:
        session = ctx.session
        run = session.run
        if run is None:  # entering starts the level: nothing to play before that
            return
        for record in session.step(dt_s, ctx.t_s):
            self.feedback = feedback_for(run.mechanic, record)
            self.feedback_until_s = ctx.t_s + feedback_seconds(record)
            ctx.cue("success" if record.success else "miss")
            if record.success:
                self.success_s = ctx.t_s
        cues = run.world.cues
        while cues:
            cue = cues.pop(0)
            if cue not in OUTCOME_CUES:  # the trial's own sound (above) says how it went
                ctx.cue(cue)
        spoken = run.world.announcements
        while spoken:  # words a player must hear, not only see (a new rule)
            ctx.say(_(spoken.pop(0)))
        if session.pause.paused:
            ctx.cue("pause")
            stack.push(screen("pause"))
            return
        axes = ctx.frame.axes
        self.trail.append((axes.lean_x, axes.lean_y))
        if len(self.trace) < 20_000:
            self.trace.append((axes.lean_x, axes.lean_y))
        if self.part and run.finished and not session.device_ended:
            stack.pop()
            return
        reason = self._session_over(ctx, run)
        if reason:
            session.end(reason)
            if ctx.options.headless:
                ctx.quit_requested = True
            else:
                stack.replace(screen("results", self.spec, session.results[-1:], self.trace, final=True))
            return
        if run.finished:
            if ctx.options.headless:
                session.start_level(self.spec)  # keep playing until the time is up
                self.trace = []
            else:
                stack.replace(screen("results", self.spec, session.results[-1:], self.trace))

    def _session_over(self, ctx: GameContext, run: LevelRun) -> str | None:
        """Why the session ends now: a limit (see GameSession.limit_reached), or a headless run
        without --seconds that has played its level."""
        reason = ctx.session.limit_reached(ctx.t_s, ctx.options.seconds)
        if reason is None and ctx.options.seconds is None and ctx.options.headless \
                and run.finished:
            return "finished"
        return reason

    def prompt(self, ctx: GameContext, run: LevelRun) -> str:
        if ctx.t_s < self.feedback_until_s:
            return _(self.feedback)
        return _(run.mechanic.prompt(run.world))

    def prepare(self, ctx: GameContext, surface: pygame.Surface) -> None:
        """Lay out the level's view and start painting its scenery on a worker thread."""
        self._view(ctx, surface).paint_ahead()

    def _view(self, ctx: GameContext, surface: pygame.Surface) -> SceneView[Any]:
        return self.views.get(self.spec.mechanic, surface, ctx.theme, self.spec.world,
                              self._view_top(ctx, surface.get_width()))

    def draw(self, ctx: GameContext, surface: pygame.Surface) -> None:
        from balance_game.render.hud import draw_hud

        run = ctx.session.run
        if run is None:
            return
        world = run.world
        view = self._view(ctx, surface)
        view.draw(surface, world, ctx.frame.axes, list(self.trail), ctx.t_s)
        if self.celebration is None or self.celebration.theme is not ctx.theme:
            self.celebration = Celebration(ctx.theme, surface.get_height())
        self.celebration.draw(surface, view.focus, self.success_s, ctx.t_s)
        trial = min(world.trial_index + 1, self.spec.trials)
        average = None
        if run.trials:  # the same number the results will show: the average of the tries so far
            average = sum(t.score for t in run.trials) / len(run.trials)
        low = isinstance(ctx.source, ReportsBattery) and ctx.source.battery_low
        draw_hud(surface, ctx.theme, _(self.spec.title), self._facts(trial, average, low),
                 self.prompt(ctx, run), view.look.plate())

    def _facts(self, trial: int, average: float | None, battery_low: bool) -> list[str]:
        facts = [_("Try {n} of {total}").format(n=trial, total=self.spec.trials)]
        if average is not None:
            facts.append(_("Average score {score}").format(score=f"{average:.0f}"))
        if battery_low:
            facts.append(_("Board batteries low"))
        return facts

    def _view_top(self, ctx: GameContext, width: int) -> int:
        """Where the game's pictures may start, measured again only when the window, the text
        size or the language changes (not every frame)."""
        from balance_game.render.hud import hud_bottom

        key = (width, id(ctx.theme), ctx.theme.text_scale, active_language(),
               isinstance(ctx.source, ReportsBattery))
        if self._top is None or self._top[0] != key:
            self._top = key, hud_bottom(ctx.theme, width, _(self.spec.title),
                                        self._longest_facts(ctx))
        return self._top[1]

    def _longest_facts(self, ctx: GameContext) -> list[str]:
        """The facts at their longest, so the game is laid out once below the tallest strip
        they can make (it does not jump when a line of facts wraps mid-level)."""
        return self._facts(self.spec.trials, 100.0, isinstance(ctx.source, ReportsBattery))
