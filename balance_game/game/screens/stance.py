"""The guided fall-risk stance tests: STEADI 4-Stage Balance Test and single-leg stance time.

Each step shows a picture of the foot position (render/feet.py) beside large words and a
countdown, and says its words aloud; the board detects steps and touch-downs and ends a hold
at once (core/stance_tests.py). Afterwards the player is asked whether their feet were placed
as shown, since the board cannot see feet; the answer is stored as reported.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from balance_game.core.lean_navigation import STILL_LEAN
from balance_game.core.protocols import ProtocolRun
from balance_game.core.stance_tests import (
    SLS_MAX_S,
    StanceRun,
    single_leg_results,
    steadi_results,
    steps_for,
    summarise,
)
from balance_game.game.scenes import GameContext, SceneStack
from balance_game.game.screens.assess import AssessScene
from balance_game.game.screens.menu import MenuItem, MenuScene
from balance_game.i18n import N_, _
from balance_game.render.feet import draw_stance
from balance_game.storage.assessments import update_assessment_results

if TYPE_CHECKING:
    import pygame

RESULT_KINDS = {"steadi": "steadi", "single-leg": "single_leg"}
SETTLE_BEFORE_ANSWER_S = 1.0
NEEDS_BOARD = N_("this test needs a balance board: it times the holds from the four load cells")


def stance_of(step_key: str, phase: str) -> str:
    """The foot picture for a step: from its key (steadi-tandem, sls-eyes_open-2)."""
    if step_key.startswith("sls-"):
        return "single_leg" if phase == "hold" else "apart"
    return step_key.split("-", 1)[1] if step_key.startswith("steadi-") else "apart"


def player_age(player: Any) -> int | None:
    """The player's age in years, if the profile knows their birth year (or age)."""
    age = getattr(player, "age", None)
    if isinstance(age, int):
        return age
    born = getattr(player, "birth_year", None)
    return dt.date.today().year - born if isinstance(born, int) else None


class StanceScene(AssessScene):
    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.asked = False
        self._judged = 0
        self.results: dict = {}
        self.stance_run: StanceRun | None = None

    @property
    def result_kind(self) -> str:
        return RESULT_KINDS[self.kind]

    def build_steps(self, ctx: GameContext) -> list:
        return steps_for(self.kind)

    def make_run(self, steps: list) -> ProtocolRun:
        self.stance_run = StanceRun(steps)
        return self.stance_run

    def _run(self) -> StanceRun:
        if self.stance_run is None:
            raise RuntimeError("the test has not been entered")
        return self.stance_run

    def summary(self, results: dict) -> list[str]:
        if "reason" in results and not results.get("valid", True):
            return [results["reason"]]
        return summarise(self.kind, results)

    def enter(self, ctx: GameContext) -> None:
        super().enter(ctx)
        run = self._run()
        if ctx.source.kind not in ("board", "sim") and not self.done:
            run.index = len(run.steps)  # nothing to time it with: finish at once

    def results_for(self, ctx: GameContext, run: ProtocolRun) -> dict[str, Any]:
        if ctx.source.kind not in ("board", "sim"):
            return {"valid": False, "reason": NEEDS_BOARD}
        if self.kind == "steadi":
            return steadi_results(self._run())
        return single_leg_results(self._run(), player_age(ctx.player))

    def fixed_update(self, ctx: GameContext, dt_s: float, stack: SceneStack) -> None:
        super().fixed_update(ctx, dt_s, stack)
        outcomes = self._run().outcomes
        if len(outcomes) > self._judged:
            self._judged = len(outcomes)
            last = list(outcomes.values())[-1]
            reason = _(last.reason)
            ctx.say(_("Stop.") if last.complete or not last.ended_by else
                    _("Stop.") + f" {reason[:1].upper()}{reason[1:]}.")
        if self.done and not self.asked and not ctx.options.headless and (
                "foot_placement" in self.results):
            self.asked = True
            stack.push(PlacementScene(self))

    def record_placement(self, ctx: GameContext, answer: str) -> None:
        self.results["foot_placement"] = answer
        update_assessment_results(ctx.db, self.assessment_id, self.results)
        self.lines = self.summary(self.results)

    def _status(self, run: ProtocolRun) -> str:
        step = run.step
        if not run.started:
            return _("Step onto the board to start")
        left = run.remaining_s
        if step is not None and step.key.startswith("sls-") and step.phase == "hold":
            left = min(left, SLS_MAX_S)  # the time on one foot, not the time allowed to lift
        return _("{s} s left").format(s=f"{left:0.0f}")

    def _draw_lean(self, ctx: GameContext, surface: pygame.Surface, area: pygame.Rect,
                   run: ProtocolRun) -> None:
        """Where the lean test shows the lean, the stance tests show the feet."""
        step = run.step
        if step is None or ctx.theme is None:
            return
        size = max(8, min(area.width, area.height) - ctx.theme.px(0.02))
        draw_stance(surface, ctx.theme, stance_of(step.key, step.phase), area.center, size)


class PlacementScene(MenuScene):
    """The board cannot see feet: ask how they were placed, and store the answer as given."""

    def __init__(self, test: StanceScene) -> None:
        super().__init__()
        self.test = test
        self.title = _("Were your feet placed as in the pictures?")
        self.subtitle = _("Your answer is saved with the test for your therapist.")
        self.settled_s = 0.0

    def fixed_update(self, ctx: GameContext, dt_s: float, stack: SceneStack) -> None:
        """Leaning answers only once the player has stood still in the middle for a second:
        coming down from one leg is a lean, and must not pick an answer by accident."""
        if self.settled_s < SETTLE_BEFORE_ANSWER_S:
            still = ctx.frame.axes.magnitude <= STILL_LEAN
            self.settled_s = self.settled_s + dt_s if still else 0.0
            return
        super().fixed_update(ctx, dt_s, stack)

    def build(self, ctx: GameContext) -> list[MenuItem]:
        return [MenuItem(_("Yes, as shown"), self._answer("as shown")),
                MenuItem(_("No, not as shown"), self._answer("not as shown")),
                MenuItem(_("Not sure"), self._answer("not sure"))]

    def _answer(self, answer: str):
        def choose(ctx: GameContext, stack: SceneStack) -> None:
            self.test.record_placement(ctx, answer)
            stack.pop()

        return choose

    def on_back(self, ctx: GameContext, stack: SceneStack) -> None:
        stack.pop()  # no answer: stored as "not asked"
