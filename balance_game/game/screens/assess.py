"""The guided test screen: large words, a countdown, the live marker, then the results."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from balance_game.core.assessments import (
    QuietOptions,
    los_results,
    quiet_results,
    steps_for,
    summarise,
    symmetry_results,
)
from balance_game.core.protocols import ProtocolRun, Step
from balance_game.core.records import Goal
from balance_game.game.preload import preload_results_modules
from balance_game.game.scenes import GameContext, Scene, SceneStack
from balance_game.game.screens.navigation import screen
from balance_game.i18n import N_, _
from balance_game.render.text import draw_text, font_for_height, lines_height
from balance_game.render.theme import ACCENT, BACKGROUND, PLAYER, TEXT, TEXT_DIM
from balance_game.storage.assessments import save_assessment, update_limits

if TYPE_CHECKING:
    import pygame

TITLES = {"quiet": N_("Standing balance test"), "los": N_("Leaning test"),
          "symmetry": N_("Weight balance check"), "calibrate": N_("Getting to know you"),
          "steadi": N_("4-Stage Balance Test"), "single-leg": N_("Standing on one leg")}


class AssessScene(Scene):
    def __init__(self, kind: str, check_s: float | None = None) -> None:
        """``check_s``: the quick steadiness check of today's training, one eyes-open stance
        this long, which hands back to the routine (None: the full clinical test)."""
        self.kind = kind
        self.check_s = check_s
        self.run: ProtocolRun | None = None
        self._step_index = 0
        self.lines: list[str] = []
        self.done = False
        self._spoken = -1
        self._done_still_s = 0.0
        self.results: dict[str, Any] = {}

    def enter(self, ctx: GameContext) -> None:
        if self.run is None:
            preload_results_modules()  # loaded by the end of the test: no freeze at its results
            self.run = self.make_run(self.build_steps(ctx))
            ctx.session.recorder.add_event(ctx.t_s, self._event("start"), self.kind)
            self._step_index = 0

    def _event(self, which: str) -> str:
        """A routine's check is logged apart, so its session stays a training session."""
        return f"check_{which}" if self.check_s is not None else f"assessment_{which}"

    def build_steps(self, ctx: GameContext) -> list[Step]:
        if self.check_s is not None:
            return steps_for(self.kind, ctx.control.limits,
                             QuietOptions(seconds=self.check_s, eyes_closed=False, foam=False))
        allowed = ctx.session.prescription
        quiet = QuietOptions(seconds=ctx.options.assess_seconds,
                             eyes_closed=allowed.eyes_closed if allowed else True,
                             foam=allowed.foam if allowed else True)
        return steps_for(self.kind, ctx.control.limits, quiet, ctx.player.height_cm)

    def make_run(self, steps: list) -> ProtocolRun:
        return ProtocolRun(steps)

    def summary(self, results: dict) -> list[str]:
        return list(summarise(self.result_kind, results))

    def on_step_change(self, ctx: GameContext, run: ProtocolRun, finished_index: int) -> None:
        """Side effects between steps (zeroing the board, adopting a neutral point...)."""

    def goal(self, ctx: GameContext) -> Goal | None:
        return None if self.done or self.run is None else self.run.goal()

    def handle_action(self, ctx: GameContext, action: str, stack: SceneStack) -> None:
        if self.done and action in ("confirm", "back"):
            self._leave(ctx, stack)
        elif action == "pause":
            ctx.session.pause_for("user", ctx.t_s)
        elif action == "confirm":
            ctx.session.resume_from("user", ctx.t_s)
            ctx.session.resume_from("balance_lost", ctx.t_s)
        elif action == "back":
            self._leave(ctx, stack)  # leave the test; nothing is saved

    def _recording(self) -> str | None:
        """The key of the step being recorded now (a quiet-stance condition), if any."""
        run = self.run
        step = run.step if run is not None else None
        return step.key if run is not None and step is not None and step.record and run.started \
            else None

    def _leave(self, ctx: GameContext, stack: SceneStack) -> None:
        """From the command line: the end. In the game: on to choosing a game."""
        if self.check_s is not None:
            stack.pop()  # back to today's training
            return
        if ctx.options.assessment:
            ctx.quit_requested = True
            return
        stack.replace(screen(ctx.training_screen))  # on to what the title chose: games, or the routine

    def fixed_update(self, ctx: GameContext, dt_s: float, stack: SceneStack) -> None:
        if self.done:
            if ctx.options.headless and self.check_s is not None:
                self._leave(ctx, stack)
                return
            if ctx.leaning_input:  # a board user finishes by standing still
                self._done_still_s += dt_s
                if self._done_still_s >= 5.0:
                    self._leave(ctx, stack)
            return
        run = self.run
        if run is None:  # entering builds the protocol: nothing to run before that
            return
        session = ctx.session
        step = run.step
        session.maximal_leans = step is not None and step.far_leans
        session.step(dt_s, ctx.t_s)
        samples = session.new_samples
        recording = self._recording()
        run.update(ctx.t_s, dt_s, samples, session.axes, set(session.pause.reasons))
        if recording != self._recording():  # mark each recorded stretch in the session's events
            if recording:
                session.recorder.add_event(ctx.t_s, "condition_end", recording)
            if self._recording():
                session.recorder.add_event(ctx.t_s, "condition_start", self._recording())
        while self._step_index < run.index:
            self.on_step_change(ctx, run, self._step_index)
            self._step_index += 1
        while run.cues:
            ctx.cue(run.cues.pop(0))
        step = run.step
        if run.index != self._spoken and step is not None:
            self._spoken = run.index
            ctx.say(f"{_(step.title)}. {_(step.body)}")
        if run.finished:
            self._finish(ctx, run)

    def _finish(self, ctx: GameContext, run: ProtocolRun) -> None:
        self.done = True
        results = self.results_for(ctx, run)
        session_id = ctx.session.recorder.session_id
        self.assessment_id = save_assessment(ctx.db, ctx.player.id, session_id,
                                             self.result_kind, results)
        ctx.session.recorder.add_event(ctx.t_s, self._event("end"), self.kind)
        self.results = results
        self.lines = self.summary(results)
        if ctx.options.headless:
            ctx.quit_requested = self.check_s is None

    @property
    def result_kind(self) -> str:
        return self.kind

    def results_for(self, ctx: GameContext, run: ProtocolRun) -> dict[str, Any]:
        captures = run.captures
        if self.kind == "quiet":
            results = quiet_results(captures)
            if self.check_s is not None:
                results["routine_check"] = True
        elif self.kind == "los":
            control = ctx.control
            results = los_results(captures, (control.neutral_x_mm, control.neutral_y_mm),
                                  ctx.player.height_cm)
            if results["limits_mm"]:
                update_limits(ctx.db, ctx.player.id, results["limits_mm"], ctx.source.name)
        else:
            results = symmetry_results(captures)
        return results

    def draw(self, ctx: GameContext, surface: pygame.Surface) -> None:
        """The test's name, then what to do (words beside a picture of the lean on a wide screen,
        above it on a narrow one), and a line of status; the results when it is done."""
        import pygame

        theme = ctx.theme
        width, height = surface.get_size()
        margin = theme.px(0.02)
        surface.fill(BACKGROUND)
        y = draw_text(surface, theme, _(TITLES.get(self.kind, N_("Test"))), width // 2, margin,
                      "heading", ACCENT, bold=True, width_px=int(width * 0.9))
        area = pygame.Rect(int(width * 0.05), y + margin, int(width * 0.9),
                           height - y - 2 * margin)
        if self.done:
            self._draw_results(ctx, surface, area)
        elif ctx.session.pause.paused:
            draw_text(surface, theme, _("Paused. Hold your support."), width // 2, area.top,
                      "heading", TEXT, bold=True, width_px=area.width)
        else:
            self._draw_step(ctx, surface, area)

    def _draw_step(self, ctx: GameContext, surface: pygame.Surface, area: pygame.Rect) -> None:

        theme = ctx.theme
        run = self.run
        step = run.step if run is not None else None
        if run is None or step is None:
            return
        wide = area.width >= 1.3 * area.height
        words = area.copy()
        picture = area.copy()
        if wide:
            words.width = area.width * 3 // 5
            picture.left, picture.width = words.right, area.width - words.width
        else:
            words.height = area.height * 3 // 5
            picture.top, picture.height = words.bottom, area.height - words.height
        status = self._status(run)
        status_h = theme.font("heading", bold=True).get_linesize() * 2
        y = draw_text(surface, theme, _(step.title), words.centerx, words.top, "heading", TEXT,
                      bold=True, width_px=words.width, max_height=words.height - status_h)
        room = words.bottom - y - status_h
        if room > 0:
            body = _(step.body)
            font = font_for_height(theme, body, words.width, room, "body")
            y = draw_text(surface, theme, body, words.centerx, y, colour=TEXT_DIM,
                          width_px=words.width, font=font, max_height=room)
        draw_text(surface, theme, status, words.centerx, y + theme.px(0.01), "heading", ACCENT,
                  bold=True, width_px=words.width, max_height=status_h)
        self._draw_lean(ctx, surface, picture, run)

    def _status(self, run: ProtocolRun) -> str:
        """The line under the words: how to start, the time left, or what to do next."""
        return (_("Stand still in the middle to start") if not run.started
                else _("{s} s left").format(s=f"{run.remaining_s:0.0f}")
                if run.remaining_s >= 0.5 else _("Come back to the middle"))

    def _draw_lean(self, ctx: GameContext, surface: pygame.Surface, area: pygame.Rect,
                   run: ProtocolRun) -> None:
        """The player's lean as a dot in a circle of their limits, and an arrow to where the
        test asks them to lean (directions are shown, not only named)."""
        import pygame

        radius = max(4, min(area.width, area.height) // 2 - ctx.theme.px(0.02))
        centre = area.center
        pygame.draw.circle(surface, TEXT_DIM, centre, radius, 2)
        ctx.theme.note_picture(surface, pygame.Rect(centre[0] - radius, centre[1] - radius,
                                                    2 * radius, 2 * radius), "lean circle")
        goal = run.goal()
        if goal is not None and goal.on_board and (abs(goal.lean_x) + abs(goal.lean_y)) > 0.05:
            tip = (round(centre[0] + goal.lean_x * radius), round(centre[1] - goal.lean_y * radius))
            draw_arrow(surface, centre, tip, ACCENT, max(3, radius // 12))
        axes = ctx.session.axes
        marker = (round(centre[0] + axes.lean_x * radius), round(centre[1] - axes.lean_y * radius))
        pygame.draw.circle(surface, PLAYER, marker, max(4, radius // 8))

    def _draw_results(self, ctx: GameContext, surface: pygame.Surface, area: pygame.Rect) -> None:
        theme = ctx.theme
        leave = _("Saved for your therapist. Press Enter, or stand still, to go on.")
        bottom = area.bottom - lines_height(theme, leave, area.width, "small")
        draw_text(surface, theme, leave, area.centerx, bottom, "small", TEXT_DIM,
                  width_px=area.width)
        text = "\n".join(_(line) for line in self.lines)
        font = font_for_height(theme, text, area.width, bottom - area.top - theme.px(0.02), "body")
        draw_text(surface, theme, text, area.centerx, area.top, colour=TEXT, width_px=area.width,
                  font=font, max_height=bottom - area.top - theme.px(0.02))


def draw_arrow(surface: pygame.Surface, start: tuple[int, int], tip: tuple[int, int],
               colour: tuple[int, int, int], width: int) -> None:
    import math

    import pygame

    angle = math.atan2(tip[1] - start[1], tip[0] - start[0])
    head = width * 3
    pygame.draw.line(surface, colour, start, tip, width)
    left = (tip[0] - head * math.cos(angle - 0.5), tip[1] - head * math.sin(angle - 0.5))
    right = (tip[0] - head * math.cos(angle + 0.5), tip[1] - head * math.sin(angle + 0.5))
    pygame.draw.polygon(surface, colour, [tip, left, right])
