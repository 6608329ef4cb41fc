"""Guided protocols (calibration and clinical tests) as a list of timed steps.

Each step shows a few plain words and a countdown, may wait until the player stands still in
the middle before it starts, may record the samples it sees, and tells the simulated player
what to do. A step that a safety pause interrupts is marked stopped with the reason (the stop
rule of the clinical tests: stepping off or reaching for support ends that condition), and the
protocol carries on with the next step once the player is back.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from balance_game.core.control import Axes
from balance_game.core.records import Goal, Sample

STILL_LEAN = 0.12  # lean units: "still in the middle"
STILL_HOLD_S = 1.0
EMPTY_KG = 5.0  # below this the board counts as empty
LOADED_KG = 20.0  # above this someone is standing on it


@dataclass(frozen=True)
class Step:
    key: str  # samples of steps sharing a key are recorded together
    title: str
    body: str
    seconds: float
    goal: tuple[float, float] | None = (0.0, 0.0)  # lean goal for the simulated player
    record: bool = False
    wait_still: bool = False  # start the countdown only once the player is still in the middle
    wait_load: str = ""  # "empty" or "loaded": start only once the board is so (load sources)
    cue: str = ""  # sound cue when the step starts
    phase: str = ""  # names the moment this step starts within its key's recording ("go")
    off_board: bool = False  # the player is asked to step off (the board is being zeroed)
    far_leans: bool = False  # leaning far is the task (LOS): no "lost balance" pause
    eyes_closed: bool = False  # what the step asks of the player's senses and feet: the
    foam: bool = False  # simulated player reads them from its goal
    stance: str = ""
    supported: bool = False


@dataclass
class Capture:
    """Samples recorded under one key, and when each of its steps started."""

    samples: list[Sample] = field(default_factory=list)
    step_starts: dict[str, float] = field(default_factory=dict)
    stopped: str = ""  # the safety reason that cut it short, if any


class ProtocolRun:
    """Steps through a protocol; pure: feed it time, samples, axes and the pause state."""

    def __init__(self, steps: list[Step]) -> None:
        self.steps = steps
        self.index = 0
        self.elapsed_s = 0.0
        self.started = not self._waits(steps[0]) if steps else True
        self.still_s = 0.0
        self.captures: dict[str, Capture] = {}
        self.cues: list[str] = []
        self._announce()

    @property
    def finished(self) -> bool:
        return self.index >= len(self.steps)

    @property
    def step(self) -> Step | None:
        return None if self.finished else self.steps[self.index]

    @property
    def remaining_s(self) -> float:
        return max(0.0, self.step.seconds - self.elapsed_s) if self.step else 0.0

    def goal(self) -> Goal | None:
        step = self.step
        if step is None:
            return None
        if step.off_board:
            return Goal(0.0, 0.0, on_board=False)
        if step.goal is None:
            return None
        return Goal(step.goal[0], step.goal[1], precision=0.05, eyes_closed=step.eyes_closed,
                    foam=step.foam, stance=step.stance, supported=step.supported)

    def _announce(self) -> None:
        if self.step is not None and self.step.cue:
            self.cues.append(self.step.cue)

    def update(self, t_s: float, dt_s: float, samples: list[Sample], axes: Axes,
               paused_for: set[str]) -> None:
        step = self.step
        if step is None:
            return
        if paused_for:
            if step.record and self.started:
                self.captures.setdefault(step.key, Capture()).stopped = sorted(paused_for)[0]
                self._next()
            return
        if not self.started:
            self._wait(step, samples, axes, dt_s)
            return
        if step.record:
            capture = self.captures.setdefault(step.key, Capture())
            if capture.stopped:
                self._next()
                return
            capture.step_starts.setdefault(step.phase or step.title, t_s)
            capture.samples.extend(samples)
        self.elapsed_s += dt_s
        if self.elapsed_s >= step.seconds - 1e-9:
            self._next()

    @staticmethod
    def _waits(step: Step) -> bool:
        return step.wait_still or bool(step.wait_load)

    def _wait(self, step: Step, samples: list[Sample], axes: Axes, dt_s: float) -> None:
        """Count how long the wait condition has held; start the step after STILL_HOLD_S."""
        ok = axes.magnitude <= STILL_LEAN if step.wait_still else True
        if step.wait_load:
            totals = [s.total_kg for s in samples if s.total_kg is not None]
            if not totals:
                return  # no reading this step: judge on the next one
            if step.wait_load == "empty":
                ok = ok and max(totals) < EMPTY_KG
            else:
                ok = ok and min(totals) > LOADED_KG
        self.still_s = self.still_s + dt_s if ok else 0.0
        if self.still_s >= STILL_HOLD_S:
            self.started = True

    def _next(self) -> None:
        self.index += 1
        self.elapsed_s = 0.0
        self.still_s = 0.0
        self.started = self.step is None or not self._waits(self.step)
        self._announce()
