"""The calibration screen: zero the board, weigh, neutral stance, orientation, then LOS."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from balance_game.core.assessments import los_results
from balance_game.core.player_calibration import (
    Stance,
    calibration_steps,
    orientation_from,
    stance_from,
)
from balance_game.core.protocols import ProtocolRun, Step
from balance_game.devices.base import Tareable
from balance_game.errors import UserError
from balance_game.game.scenes import GameContext, SceneStack
from balance_game.game.screens.assess import AssessScene
from balance_game.storage.assessments import Calibration, save_calibration
from balance_game.storage.players import update_settings
from balance_game.timeutil import now_iso


class CalibrateScene(AssessScene):
    def __init__(self) -> None:
        super().__init__("calibrate")
        self.stance: Stance | None = None
        self.orientation = "normal"
        self.tare_note = ""

    @property
    def result_kind(self) -> str:
        return "los"  # the calibration's lean test is a LOS test like any other

    def build_steps(self, ctx: GameContext) -> list[Step]:
        self.orientation = ctx.session.orientation
        return calibration_steps(ctx.control.limits, ctx.source.kind in ("board", "sim"),
                                 ctx.player.height_cm)

    def fixed_update(self, ctx: GameContext, dt_s: float, stack: SceneStack) -> None:
        run = self.run
        step = run.step if run else None
        zeroing = step is not None and step.off_board
        ctx.session.step_off_expected = zeroing or (step is not None and step.wait_load == "loaded")
        source = ctx.source
        if (run is not None and zeroing and run.started and run.elapsed_s == 0.0
                and isinstance(source, Tareable)):
            source.start_tare()
        super().fixed_update(ctx, dt_s, stack)

    def on_step_change(self, ctx: GameContext, run: ProtocolRun, finished_index: int) -> None:
        step = run.steps[finished_index]
        if step.key == "tare":
            self._finish_tare(ctx)
        elif step.key == "weigh" and step.record:
            self.stance = stance_from(run.captures.get("weigh"))
            self._adopt_neutral(ctx)
        elif step.key == "forward" and self.stance is not None:
            found = orientation_from(run.captures.get("forward"), self.stance)
            if found == "reversed":
                self._turn_round(ctx, self.stance)

    def _finish_tare(self, ctx: GameContext) -> None:
        source = ctx.source
        if not isinstance(source, Tareable):
            return
        try:
            source.finish_tare()
            self.tare_note = "board zeroed"
        except UserError as exc:  # something was on the board: keep the previous zero
            self.tare_note = str(exc)

    def _adopt_neutral(self, ctx: GameContext) -> None:
        if self.stance is None:
            return
        control = replace(ctx.control, neutral_x_mm=self.stance.neutral_x_mm,
                          neutral_y_mm=self.stance.neutral_y_mm)
        ctx.control = ctx.session.control = control
        if self.stance.body_weight_kg:
            ctx.session.safety.body_weight_kg = self.stance.body_weight_kg

    def _turn_round(self, ctx: GameContext, stance: Stance) -> None:
        """The board faces the other way: from now on samples are turned round to the player."""
        self.orientation = "reversed" if ctx.session.orientation == "normal" else "normal"
        ctx.session.orientation = self.orientation
        self.stance = replace(stance, neutral_x_mm=-stance.neutral_x_mm,
                              neutral_y_mm=-stance.neutral_y_mm)
        self._adopt_neutral(ctx)

    def results_for(self, ctx: GameContext, run: ProtocolRun) -> dict[str, Any]:
        control = ctx.control
        results = los_results(run.captures, (control.neutral_x_mm, control.neutral_y_mm),
                              ctx.player.height_cm)
        stance = self.stance
        save_calibration(ctx.db, ctx.player.id, Calibration(
            neutral_x_mm=stance.neutral_x_mm if stance else 0.0,
            neutral_y_mm=stance.neutral_y_mm if stance else 0.0,
            limits=results["limits_mm"], orientation=self.orientation,
            body_weight_kg=stance.body_weight_kg if stance else None,
            device=ctx.source.name, measured_at=now_iso()))
        update_settings(ctx.db, ctx.player, orientation=self.orientation)
        results["calibration"] = {
            "neutral_mm": [stance.neutral_x_mm, stance.neutral_y_mm] if stance else None,
            "body_weight_kg": stance.body_weight_kg if stance else None,
            "orientation": self.orientation, "tare": self.tare_note or None,
        }
        return results
