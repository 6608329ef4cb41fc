"""Watching a recorded session as it happened.

The stored samples are fed, at their recorded times, through the very same session logic and
the very same levels (same seed, same starting difficulties), so the replay is not a video but
the game itself re-running on the recorded input: what the player saw is what is shown, and
the trials come out as they were recorded.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from balance_game.core.levels import LevelSpec
from balance_game.core.records import SAME_TIME_S
from balance_game.game.scenes import GameContext, Scene, SceneStack
from balance_game.i18n import N_, _
from balance_game.render.theme import BACKGROUND, PANEL, TEXT_DIM
from balance_game.render.views import ViewCache

if TYPE_CHECKING:
    import pygame

    from balance_game.game.clock import ReplayClock


@dataclass(frozen=True)
class LevelStart:
    t_s: float
    spec: LevelSpec
    difficulty: float


@dataclass(frozen=True)
class RecordedPause:
    """A recorded pause or resume that the samples alone cannot reproduce."""

    t_s: float
    type: str  # "pause" or "resume"
    reason: str

    @property
    def from_the_player(self) -> bool:
        """Pressed by the player between steps (so it took effect from the next step on)."""
        return self.reason == "user" or (self.type == "resume" and self.reason == "balance_lost")


class ReplayScene(Scene):
    shows_ended_session = True  # "the recording is over" until the viewer leaves
    def __init__(self, starts: list[LevelStart], pauses: list[RecordedPause],
                 clock: ReplayClock | None) -> None:
        self.starts = list(starts)
        self.pauses = list(pauses)
        self.clock = clock
        self.trail: deque[tuple[float, float]] = deque(maxlen=45)
        self.views = ViewCache()

    def enter(self, ctx: GameContext) -> None:
        """A level that started with the session started before the first step."""
        while self.starts and self.starts[0].t_s <= 0.0:
            start = self.starts.pop(0)
            ctx.session.start_level(start.spec, start.difficulty)

    def handle_action(self, ctx: GameContext, action: str, stack: SceneStack) -> None:
        if self.clock is None:
            return
        if action in ("pause", "confirm"):
            self.clock.toggle_pause()
        elif action in ("right", "up"):
            self.clock.faster(1)
        elif action in ("left", "down"):
            self.clock.faster(-1)
        elif action == "back":
            ctx.quit_requested = True

    def fixed_update(self, ctx: GameContext, dt_s: float, stack: SceneStack) -> None:
        """Mirror the live order: pauses, then the step, then any level that started now."""
        session = ctx.session
        while self.pauses and self._due(self.pauses[0], ctx.t_s):
            pause = self.pauses.pop(0)
            if pause.type == "pause":
                session.pause_for(pause.reason, pause.t_s)
            else:
                session.resume_from(pause.reason, pause.t_s)
        session.step(dt_s, ctx.t_s)
        while self.starts and self.starts[0].t_s <= ctx.t_s + SAME_TIME_S:
            start = self.starts.pop(0)
            session.start_level(start.spec, start.difficulty)
        self.trail.append((ctx.frame.axes.lean_x, ctx.frame.axes.lean_y))

    @staticmethod
    def _due(pause: RecordedPause, t_s: float) -> bool:
        if pause.from_the_player:
            return pause.t_s < t_s - SAME_TIME_S
        return pause.t_s <= t_s + SAME_TIME_S

    def draw(self, ctx: GameContext, surface: pygame.Surface) -> None:
        import pygame

        from balance_game.render.hud import draw_hud
        from balance_game.render.text import draw_text

        surface.fill(BACKGROUND)
        session = ctx.session
        speed = f"{self.clock.speed:g}x" if self.clock else ""
        state = _("paused") if self.clock and self.clock.paused else speed
        facts = [_("Replay {state}").format(state=state), f"{ctx.t_s:5.1f} s"]
        run = session.run
        if run is None:
            draw_hud(surface, ctx.theme, _("Replay"), facts, _("Waiting for the first level"))
        else:
            prompt = _pause_text(session.pause.reasons) or _(run.mechanic.prompt(run.world))
            view = self.views.get(run.spec.mechanic, surface, ctx.theme, run.spec.world)
            view.draw(surface, run.world, ctx.frame.axes, list(self.trail), ctx.t_s)
            draw_hud(surface, ctx.theme, _("Replay: {title}").format(title=_(run.spec.title)),
                     facts, prompt, view.look.plate())
        hint = _("Space pauses  ·  arrows change speed  ·  Esc leaves")
        if session.device_ended:
            hint = _("The recording is over  ·  Esc leaves")
        width, height = surface.get_size()
        top = height - ctx.theme.px(0.08)
        plate = pygame.Rect(0, top - ctx.theme.px(0.01), width, height - top + ctx.theme.px(0.01))
        pygame.draw.rect(surface, PANEL, plate)  # the hint stays legible over any scenery
        draw_text(surface, ctx.theme, hint, width // 2, top, "small", TEXT_DIM)


def _pause_text(reasons: Any) -> str:
    names = {"step_off": N_("Paused: stepped off"), "balance_lost": N_("Paused: lost balance"),
             "device_lost": N_("Paused: board lost"), "user": N_("Paused by the player")}
    return ", ".join(_(names[r]) for r in sorted(reasons) if r in names)
