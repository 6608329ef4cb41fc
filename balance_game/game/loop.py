"""The fixed-step game loop.

Game time advances in fixed steps of FIXED_DT_S whatever the frame rate, so the same inputs give
the same game on any machine; drawing happens once per frame. In real time a slow machine runs
at most MAX_CATCH_UP_STEPS per frame and then slows down rather than freezing; with ``fast`` it
runs steps back to back on a fake clock, which is how headless runs beat real time while giving
identical results.
"""

from __future__ import annotations

from typing import Any

import pygame

from balance_game.core.records import Sample
from balance_game.devices.base import ButtonActions
from balance_game.game.actions import action_for_event, is_typing
from balance_game.game.clock import Clock, FakeClock, RealClock
from balance_game.game.scenes import FrameInput, GameContext, Scene, SceneStack
from balance_game.game.screens.confirm_stop import ConfirmStopScene
from balance_game.game.screens.help import HelpOverlay
from balance_game.game.screens.navigation import screen
from balance_game.render.transition import Crossfade

FIXED_DT_S = 1.0 / 60.0
MAX_CATCH_UP_STEPS = 5


class GameLoop:
    def __init__(self, ctx: GameContext, stack: SceneStack, window: Any | None,
                 clock: Clock | None = None) -> None:
        self.ctx = ctx
        self.stack = stack
        self.window = window
        self.clock: Clock = clock or (FakeClock() if ctx.options.fast else RealClock())
        self.steps = 0
        self.transition = Crossfade()
        self._buttons: tuple[object, ButtonActions | None] = (None, None)  # source, its buttons

    @property
    def running(self) -> bool:
        return bool(self.stack.scenes) and not self.ctx.quit_requested

    def run(self) -> None:
        self.ctx.origin_monotonic_s = self.clock.origin_monotonic_s
        self.ctx.source.start(self.clock.origin_monotonic_s)
        if self.ctx.options.fast:
            while self.running:
                self._events()
                self._step()
                self.clock.sleep_until(self.clock.now() + FIXED_DT_S)  # a fake clock: no wait
            return
        while self.running:
            self._events()
            due = int(self.clock.now() / FIXED_DT_S) - self.steps
            for _ in range(min(max(due, 0), MAX_CATCH_UP_STEPS)):
                self._step()
                if not self.running:
                    return
            if due > MAX_CATCH_UP_STEPS:
                self.steps += due - MAX_CATCH_UP_STEPS  # drop the backlog: slow down, don't freeze
            self._draw()
            self.clock.sleep_until((self.steps + 1) * FIXED_DT_S)

    def _events(self) -> None:
        if self.window is None:
            return
        for event in pygame.event.get():
            scene = self.stack.top
            if event.type == pygame.QUIT:
                self._close_asked(scene)
                return
            self.ctx.source.handle_event(event)
            if scene is None:
                return
            if scene.takes_text and is_typing(event):
                scene.handle_event(self.ctx, event, self.stack)  # a letter is a letter, never a shortcut
                continue
            action = action_for_event(event) or self.ctx.source_action(event)
            if action == "help" and not isinstance(scene, HelpOverlay):
                self.stack.push(HelpOverlay())  # the same help from every screen
            elif action:
                scene.handle_action(self.ctx, action, self.stack)
            else:
                scene.handle_event(self.ctx, event, self.stack)

    def _close_asked(self, scene: Scene | None) -> None:
        """The window's close button asks "Stop for today?" like every other way out; asked twice
        (the button pressed again while the question is up), it closes."""
        if scene is None or isinstance(scene, ConfirmStopScene):
            self.ctx.quit_requested = True
        else:
            self.stack.push(screen("confirm_stop"))

    def _step(self) -> None:
        self.steps += 1
        t_s = self.steps * FIXED_DT_S
        ctx = self.ctx
        ctx.t_s = t_s
        items = ctx.source.poll(t_s)
        session = ctx.current_session
        if session is not None:
            session.ingest(items, t_s)
            axes = session.axes  # oriented to the player, as the game sees it
        else:
            last = next((i for i in reversed(items) if isinstance(i, Sample)), None)
            axes = ctx.control.axes(last.cop_x_mm, last.cop_y_mm) if last else ctx.frame.axes
        ctx.frame = FrameInput(items, axes)
        self._source_actions()
        scene = self.stack.top
        if scene is not None:
            scene.fixed_update(ctx, FIXED_DT_S, self.stack)
            ctx.source.set_goal(scene.goal(ctx) if self.stack.top is scene else None)
        self._enforce_limits()

    def _enforce_limits(self) -> None:
        """End the session when its time is up, its input ended or a pause lasted too long,
        whatever screen is showing: a pause must never keep a session (and its recording) open.
        """
        session = self.ctx.current_session
        if session is None or session.ended:
            return
        reason = session.limit_reached(self.ctx.t_s, self.ctx.options.seconds)
        if reason is None:
            return
        session.end(reason)
        if self.ctx.options.headless:
            self.ctx.quit_requested = True
        elif not self.stack.top or not self.stack.top.shows_ended_session:
            self.stack.clear_to(screen("results", None, session.results, [], final=True))

    def _source_actions(self) -> None:
        """Buttons on the input device itself (a board's front button confirms in menus)."""
        source = self.ctx.source
        if self._buttons[0] is not source:  # a runtime Protocol check is slow: once per source
            self._buttons = (source, source if isinstance(source, ButtonActions) else None)
        buttons = self._buttons[1]
        for action in buttons.take_actions() if buttons is not None else ():
            scene = self.stack.top
            if scene is None:
                return
            scene.handle_action(self.ctx, action, self.stack)

    def _draw(self) -> None:
        if self.window is None:
            return
        surface = self.window.surface
        calm = self.ctx.theme is not None and self.ctx.theme.calm
        self.transition.begin(surface, id(self.stack.top), self.ctx.t_s, calm)
        for scene in self.stack.visible():
            scene.draw(self.ctx, surface)
        self.transition.finish(surface, self.ctx.t_s)
        self.window.flip()
