"""A training session: everything between choosing a player and leaving the game.

It receives every sample and device status (and records them), watches safety, keeps the
pause state and the active time, and runs levels one after another. It never imports pygame,
so the windowed game, the headless runner and the tests drive the very same logic.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from typing import Any

from balance_game.core.control import BOARD_HALF_SPAN_ML_MM, Axes, ControlMap
from balance_game.core.difficulty import Caps
from balance_game.core.level_run import LevelResult, LevelRun
from balance_game.core.levels import LevelSpec
from balance_game.core.mechanics.transfer import STANCE_SHARE
from balance_game.core.prescriptions import Prescription
from balance_game.core.records import DeviceStatus, Sample, TrialRecord, quantize
from balance_game.dsp.safety import OneLegWatch, SafetyMonitor
from balance_game.storage.progress import ProgressBook
from balance_game.storage.rewards import award_milestones
from balance_game.storage.sessions import SessionRecorder

# A trial only counts when both feet stayed loaded: lifting one foot is the classic way to
# "cheat" a weight-shift game (product.md §2.1). Leaning to 100 % of the limits still leaves
# about 20 % of the weight on the other foot, so 8 % means a foot was really off.
UNLOADED_FOOT_SHARE = 0.08
# After a loss of balance the game carries on by itself once the player has stood still in
# the middle this long (a board user may have no button to press); they can also confirm.
STEADY_AGAIN_S = 3.0
STEADY_LEAN = 0.15
FOOT_HISTORY_S = 120.0
# A pause this long means nobody is coming back (a scripted run stepped off for good, a board
# left unplugged): the session ends, so nothing records until the disk is full.
MAX_PAUSE_S = 10 * 60.0
# Active time is time with valid data: a step counts only if a sample arrived this recently
# (a board sends 60-1000 a second; a stall is reported after 0.5 s without one).
DATA_FRESH_S = 0.5


@dataclass
class PauseState:
    reasons: set[str] = field(default_factory=set)  # step_off, balance_lost, device_lost, user

    @property
    def paused(self) -> bool:
        return bool(self.reasons)


class GameSession:
    def __init__(self, recorder: SessionRecorder, control: ControlMap,
                 body_weight_kg: float | None, seed: int, progress: ProgressBook | None = None,
                 caps: Caps | None = None) -> None:
        self.recorder = recorder
        self.progress = progress
        self.caps = caps or Caps()
        self.control = control
        self.safety = SafetyMonitor(body_weight_kg)
        self.one_leg: OneLegWatch | None = None  # made when a level about lifting a foot starts
        self.seed = seed
        self.pause = PauseState()
        self.active_s = 0.0
        self.t_s = 0.0
        self.axes = Axes()
        self.last_sample: Sample | None = None
        self.new_samples: list[Sample] = []  # the last ingest's samples, as stored
        self.run: LevelRun | None = None
        self.results: list[LevelResult] = []
        self.trials: list[TrialRecord] = []
        self.ended = False
        self.end_reason: str | None = None
        self.device_ended = False
        self._runs_started = 0
        self._foot_shares: deque[tuple[float, float]] = deque()
        self.step_off_expected = False  # calibration asks the player to step off: no pause
        self.orientation = "normal"  # "reversed": the board faces the other way round
        self.maximal_leans = False  # a limits-of-stability test: leaning far is the task
        self.prescription: Prescription | None = None  # the therapist's plan, when there is one
        self.new_bests: list[str] = []  # levels whose personal best this session beat
        self.new_milestones: list[str] = []  # milestones earned when the session ended
        self._steady_s = 0.0
        self._paused_since_s = 0.0

    # --- input -------------------------------------------------------------------------
    def ingest(self, items: list[Sample | DeviceStatus], t_s: float) -> None:
        """Record and check everything the source produced up to ``t_s``."""
        self.t_s = t_s
        self.new_samples = []
        for item in items:
            if isinstance(item, DeviceStatus):
                self._on_status(item)
                continue
            # in the player's frame, and exactly as stored, so replays re-run bit for bit
            item = quantize(self.oriented(item))
            self.new_samples.append(item)
            self.recorder.add_sample(item)
            self.last_sample = item
            self._check_safety(item)
            self._track_feet(item)
        if self.last_sample is not None:
            last = self.last_sample
            self.axes = self.control.axes(last.cop_x_mm, last.cop_y_mm, last.corners_kg)

    def _on_status(self, status: DeviceStatus) -> None:
        if status.state in ("lost", "stalled"):  # no valid data either way: the same pause
            self.pause_for("device_lost", status.t_s)
        elif status.state == "connected" and "device_lost" in self.pause.reasons:
            self.resume_from("device_lost", status.t_s)
        elif status.state == "ended":
            self.device_ended = True
        self.recorder.add_event(status.t_s, "device", status.state, {"message": status.message})

    def _check_safety(self, sample: Sample) -> None:
        if self.step_off_expected:
            return
        verdict = self.safety.check_load(sample.t_s, sample.total_kg)
        if verdict == "step_off":
            self.pause_for("step_off", sample.t_s)
        elif verdict == "back_on":
            self.resume_from("step_off", sample.t_s)
        if self.safety.off_board:
            return
        if self.maximal_leans:
            return
        if self.one_foot_task:
            verdict = self._check_one_leg(sample)
        else:
            lean = self.control.lean_ratio(sample.cop_x_mm, sample.cop_y_mm)
            verdict = self.safety.check_lean(sample.t_s, lean)
        if verdict == "balance_lost":
            self.pause_for("balance_lost", sample.t_s)

    def _check_one_leg(self, sample: Sample) -> str | None:
        """Balance on one foot, judged against the standing foot's sole rather than the limits
        measured on two feet (dsp/safety.OneLegWatch); a source without load cells has no
        foot to judge."""
        if sample.corners_kg is None:
            return None
        if self.one_leg is None:
            self.one_leg = OneLegWatch(STANCE_SHARE * BOARD_HALF_SPAN_ML_MM,
                                       self.control.neutral_y_mm)
        return self.one_leg.check(sample.t_s, sample.cop_x_mm - self.control.neutral_x_mm,
                                  sample.cop_y_mm, sample.corners_kg, self.safety.body_weight_kg)

    def oriented(self, sample: Sample) -> Sample:
        """The sample in the player's frame: a board facing the other way is turned round."""
        if self.orientation == "normal":
            return sample
        corners = sample.corners_kg
        if corners is not None:
            tl, tr, bl, br = corners
            corners = (br, bl, tr, tl)
        return Sample(sample.t_s, -sample.cop_x_mm, -sample.cop_y_mm, corners)

    def _track_feet(self, sample: Sample) -> None:
        if sample.corners_kg is None:
            return
        tl, tr, bl, br = sample.corners_kg
        total = tl + tr + bl + br
        if total <= 0:
            return
        self._foot_shares.append((sample.t_s, min(tl + bl, tr + br) / total))
        while self._foot_shares and self._foot_shares[0][0] < sample.t_s - FOOT_HISTORY_S:
            self._foot_shares.popleft()

    @property
    def one_foot_task(self) -> bool:
        """A level whose task is to lift a foot: the centre of pressure then sits under the
        standing foot, which may lie past a player's measured limits (so balance is judged on
        one leg's own terms), and an unloaded foot is the goal, not a cheat (the mechanic
        itself counts touch-downs)."""
        return self.run is not None and bool(getattr(self.run.mechanic, "lifts_feet", False))

    def judge(self, outcome: Any) -> tuple[bool, dict[str, Any]]:
        """Quality gate: a trial done with one foot off the board is not a success (unless
        lifting a foot is the task)."""
        shares = []
        for t, share in reversed(self._foot_shares):  # newest first: stop at the trial's start
            if t < outcome.t_start_s:
                break
            if t <= outcome.t_end_s:
                shares.append(share)
        if not shares:
            return outcome.success, {}
        lowest = min(shares)
        extra = {"min_foot_load_pct": round(100 * lowest, 1)}
        if lowest < UNLOADED_FOOT_SHARE and not self.one_foot_task:
            extra["foot_unloaded"] = True
            return False, extra
        return outcome.success, extra

    # --- pause -------------------------------------------------------------------------
    def pause_for(self, reason: str, t_s: float) -> None:
        if reason in self.pause.reasons:
            return
        if not self.pause.paused:
            self._paused_since_s = t_s
        self.pause.reasons.add(reason)
        self.recorder.add_event(t_s, "pause", reason)
        if len(self.pause.reasons) == 1 and self.run is not None and not self.run.finished:
            self._abort_trial(self.run, t_s, reason)

    def _abort_trial(self, run: LevelRun, t_s: float, reason: str) -> None:
        """An interrupted trial is not scored, and the record says why it was dropped."""
        if run.abort_trial():
            self.recorder.add_event(t_s, "trial_aborted", reason, {"level": run.spec.id})

    def resume_from(self, reason: str, t_s: float) -> None:
        if reason not in self.pause.reasons:
            return
        self.pause.reasons.discard(reason)
        self.recorder.add_event(t_s, "resume", reason)

    def _resume_when_steady(self, dt_s: float, t_s: float) -> None:
        if self.pause.reasons != {"balance_lost"}:
            self._steady_s = 0.0
            return
        self._steady_s = self._steady_s + dt_s if self.axes.magnitude <= STEADY_LEAN else 0.0
        if self._steady_s >= STEADY_AGAIN_S:
            self.resume_from("balance_lost", t_s)

    # --- levels ------------------------------------------------------------------------
    def start_level(self, spec: LevelSpec, difficulty: float | None = None) -> LevelRun:
        """Start ``spec`` at ``difficulty``, else where this player left it, else its start."""
        self._runs_started += 1
        if difficulty is None:
            difficulty = spec.start_difficulty
            if self.progress is not None:
                difficulty = self.progress.start_difficulty(spec.id, difficulty)
        self.run = LevelRun(spec, seed=self.seed * 1000 + self._runs_started,
                            difficulty=difficulty, caps=self.caps)
        self.recorder.add_event(self.t_s, "level_start", spec.id,
                                {"difficulty": round(self.run.difficulty, 4)})
        return self.run

    def step(self, dt_s: float, t_s: float) -> list[TrialRecord]:
        """Advance the clock and the level in play (unless paused)."""
        self.t_s = t_s
        self._resume_when_steady(dt_s, t_s)
        if self.pause.paused or self.ended:
            return []
        if self._has_fresh_data(t_s):
            self.active_s += dt_s
            self.recorder.set_active_s(self.active_s)
        run = self.run
        if run is None or run.finished:
            return []
        records = run.step(self.axes, dt_s, t_s, judge=self.judge)
        for record in records:
            self.recorder.add_trial(record)
            self.trials.append(record)
        if run.finished:
            self._finish_level(run)
        return records

    def _finish_level(self, run: LevelRun) -> None:
        result = run.result()
        self.results.append(result)
        self.recorder.add_event(self.t_s, "level_end", result.level_id,
                                {"mean_score": result.mean_score, "stars": result.stars,
                                 "difficulty": round(run.difficulty, 4)})
        if self.progress is not None and self.progress.record(
                result.level_id, run.difficulty, result.stars, result.mean_score):
            self.new_bests.append(result.level_id)

    def _has_fresh_data(self, t_s: float) -> bool:
        last = self.last_sample
        return last is not None and t_s - last.t_s <= DATA_FRESH_S

    @property
    def minutes_left(self) -> float | None:
        """Of the prescribed session length, or None when nothing is prescribed."""
        if self.prescription is None:
            return None
        return max(0.0, self.prescription.minutes_per_session - self.active_s / 60.0)

    def limit_reached(self, t_s: float, seconds: float | None) -> str | None:
        """Why the session must end now, paused or not: its input ended, its time is up, or
        it has been paused longer than MAX_PAUSE_S; None while it may go on."""
        if self.device_ended:
            return "input_ended"
        if seconds is not None and t_s >= seconds:
            return "time_up"
        if self.pause.paused and t_s - self._paused_since_s >= MAX_PAUSE_S:
            return "pause_too_long"
        return None

    def end(self, reason: str = "finished") -> None:
        """Close the session, recording why; a level cut short keeps the trials it completed."""
        if self.ended:
            return
        self.ended = True
        self.end_reason = reason
        self.recorder.add_event(self.t_s, "session_end", reason)
        run = self.run
        if run is not None and not run.finished:
            self._abort_trial(run, self.t_s, "session_end")
            self.recorder.add_event(self.t_s, "level_stopped", run.spec.id,
                                    {"difficulty": round(run.difficulty, 4)})
            if self.progress is not None and run.trials:
                self.progress.record(run.spec.id, run.difficulty, 0)
        self.recorder.finish()
        if self.progress is not None:  # the days, minutes and stars are now all stored
            self.new_milestones = award_milestones(self.progress.db, self.progress.player_id,
                                                   self.recorder.session_id)

