"""Today's training: the routine's parts one after another, with a rest after each.

This screen stays under the parts it starts (a game's intro and play, the steadiness check); each
part hands back here when done, the part is recorded in the session's events, and a rest follows.
On the board the next part starts by standing still once the rest is over; headless runs go on
by themselves.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from balance_game.core.levels import find_level
from balance_game.core.rewards import milestone_names
from balance_game.core.routine import CHECK_SETUP_S, Routine, RoutinePart, with_trials
from balance_game.game.scenes import GameContext, Scene, SceneStack
from balance_game.game.screens.menu import MenuItem, MenuScene
from balance_game.game.screens.navigation import screen
from balance_game.i18n import N_, _
from balance_game.render.text import blit_text, fitting_font
from balance_game.render.theme import ACCENT, BACKGROUND, OUTLINE, PANEL, TEXT_DIM
from balance_game.storage.prescriptions import todays_routine
from balance_game.storage.rewards import Rewards, award_milestones, player_rewards

if TYPE_CHECKING:
    import pygame

KIND_WORDS = {"warmup": N_("Warm-up"), "check": N_("Steadiness check")}


def part_name(part: RoutinePart) -> str:
    if part.level_id is None or part.kind in KIND_WORDS:
        return _(KIND_WORDS[part.kind])
    return _(find_level(part.level_id).title)


class RoutineScene(MenuScene):
    arm_on_enter = True  # "Go on" is first and safe: standing still after the rest goes on
    extra_beside = True
    back_item = False  # "Finish for today" is the way out

    def __init__(self) -> None:
        super().__init__()
        self._routine: Routine | None = None  # planned when the screen is first entered
        self.next = 0  # index of the next part
        self.running: int | None = None  # the part being played, while it is
        self.rest_until_s = 0.0
        self.earned: list[str] = []
        self._part_scene: Scene | None = None  # the part's first screen
        self._results_before = 0  # levels finished in the session before the part began
        self._rewards: Rewards | None = None
        self.names: list[str] = []  # each part's name, in order

    @property
    def done(self) -> bool:
        return self._routine is not None and self.next >= len(self._routine.parts)

    @property
    def routine(self) -> Routine:
        if self._routine is None:
            raise RuntimeError("today's routine is planned when its screen is entered")
        return self._routine

    def enter(self, ctx: GameContext) -> None:
        if self._routine is None:
            self._plan(ctx)
        elif self.running is not None:
            self._part_done(ctx, self.running)
        self._rewards = None
        super().enter(ctx)

    def _plan(self, ctx: GameContext) -> None:
        routine = todays_routine(ctx.db, ctx.player, ctx.options.seed)
        self._routine = with_trials(routine, ctx.options.trials, ctx.options.check_s)
        self.names = [part_name(p) for p in self.routine.parts]
        ctx.session.recorder.add_event(ctx.t_s, "routine_start", None, {
            "minutes": self.routine.minutes, "prescribed": self.routine.prescribed,
            "parts": [{"kind": p.kind, "level": p.level_id, "trials": p.trials}
                      for p in self.routine.parts]})

    def _part_done(self, ctx: GameContext, index: int) -> None:
        """Back from a part: finished, it is recorded and the rest begins; left early (Back on
        its intro), it is offered again."""
        part = self.routine.parts[index]
        session = ctx.session
        self.running = None
        if part.level_id is None:
            finished = getattr(self._part_scene, "done", False)
        else:
            finished = len(session.results) > self._results_before
        if not finished:
            return
        data: dict = {"index": self.next, "level": part.level_id}
        if part.level_id is not None:
            data["mean_score"] = session.results[-1].mean_score
            data["stars"] = session.results[-1].stars
        session.recorder.add_event(ctx.t_s, "routine_part_end", part.kind, data)
        self.next += 1
        self.rest_until_s = ctx.t_s + part.rest_s
        if self.done:
            session.recorder.add_event(ctx.t_s, "routine_end", None,
                                       {"parts": len(self.routine.parts)})
            session.recorder.flush()  # the day's minutes are stored before the milestones look
            self.earned = award_milestones(ctx.db, ctx.player.id, session.recorder.session_id)

    def build(self, ctx: GameContext) -> list[MenuItem]:
        if self._rewards is None:  # read once per visit: the rest countdown rebuilds every step
            self._rewards = player_rewards(ctx.db, ctx.player)
        rewards = self._rewards
        if self.done:
            self.title = _("Today's training is done")
            words = [rewards.goal_line, rewards.encouragement]
            if self.earned:
                words.insert(0, _("New milestone: {names}.").format(
                    names=", ".join(milestone_names(self.earned))))
            self.subtitle = " ".join(words)
            return [MenuItem(_("Finish for today"), _finish), MenuItem(_("My calendar"), _calendar)]
        self.title = _("Today's training")
        part = self.routine.parts[self.next]
        minutes = max(1, round(part.seconds / 60))
        self.subtitle = _("Part {n} of {total}: {name}, about {m} min.").format(
            n=self.next + 1, total=len(self.routine.parts), name=self.names[self.next], m=minutes)
        if self.next == 0:
            self.subtitle += " " + rewards.goal_line
        wait = ""
        if ctx.t_s < self.rest_until_s:
            wait = _("after a rest: {s} s").format(s=f"{self.rest_until_s - ctx.t_s:.0f}")
        return [MenuItem(_("Go on"), self._go_on, wait), MenuItem(_("My calendar"), _calendar),
                MenuItem(_("Finish for today"), _finish)]

    def fixed_update(self, ctx: GameContext, dt_s: float, stack: SceneStack) -> None:
        if ctx.options.headless:
            if self.done:
                ctx.end_session()
                ctx.quit_requested = True
            elif ctx.t_s >= self.rest_until_s:
                self._start_part(ctx, stack)
            return
        if not self.done and ctx.t_s < self.rest_until_s + 1.0:  # the countdown, then "go on"
            self.items = self.build(ctx)
            if ctx.t_s < self.rest_until_s:
                self.subtitle += " " + _("Take a short rest. Hold your support if you need to.")
        super().fixed_update(ctx, dt_s, stack)

    def _go_on(self, ctx: GameContext, stack: SceneStack) -> None:
        if ctx.t_s >= self.rest_until_s:
            self._start_part(ctx, stack)

    def _start_part(self, ctx: GameContext, stack: SceneStack) -> None:
        part = self.routine.parts[self.next]
        self.running = self.next
        ctx.session.recorder.add_event(ctx.t_s, "routine_part_start", part.kind,
                                       {"index": self.next, "level": part.level_id,
                                        "trials": part.trials})
        self._results_before = len(ctx.session.results)
        if part.level_id is None:
            self._part_scene = screen("assess", "quiet", check_s=part.seconds - CHECK_SETUP_S)
        else:
            spec = replace(find_level(part.level_id), trials=part.trials)
            self._part_scene = (screen("play", spec, part=True) if ctx.options.headless
                                else screen("intro", spec, part=True))
        stack.push(self._part_scene)

    def extra_height(self, ctx: GameContext, size: tuple[int, int]) -> int:
        return 2 * ctx.theme.font("small").get_linesize() + ctx.theme.px(0.05)

    def draw_extra(self, ctx: GameContext, surface: pygame.Surface, area: pygame.Rect) -> None:
        """The parts in a column (beside the choices) or a row (below them): done ones filled,
        the next one outlined."""
        import pygame

        theme = ctx.theme
        gap = theme.px(0.01)
        column = area.height > area.width
        count = len(self.names)
        span = (area.height if column else area.width) - gap * (count - 1)
        step = span // count
        for i, name in enumerate(self.names):
            if column:
                box = pygame.Rect(area.left, area.top + i * (step + gap), area.width, step)
            else:
                box = pygame.Rect(area.left + i * (step + gap), area.top, step, area.height)
            finished = i < self.next
            pygame.draw.rect(surface, ACCENT if finished else PANEL, box,
                             border_radius=theme.px(0.01))
            if i == self.next:
                pygame.draw.rect(surface, ACCENT, box, max(2, theme.px(0.005)),
                                 border_radius=theme.px(0.01))
            else:
                pygame.draw.rect(surface, OUTLINE, box, 1, border_radius=theme.px(0.01))
            font = fitting_font(theme, name, box.width - 2 * gap)
            fits = font.size(name)[0] <= box.width - 2 * gap
            if fits and font.get_linesize() <= box.height:  # else the boxes speak for themselves
                blit_text(surface, theme, name, font, BACKGROUND if finished else TEXT_DIM,
                          center=box.center)

    def on_back(self, ctx: GameContext, stack: SceneStack) -> None:
        _finish(ctx, stack)


def _calendar(ctx: GameContext, stack: SceneStack) -> None:
    stack.push(screen("calendar"))


def _finish(ctx: GameContext, stack: SceneStack) -> None:
    """Ask about pain once more, then say goodbye (as after any training)."""
    stack.clear_to(screen("pain", "after"))
