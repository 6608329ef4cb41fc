"""The fall-risk stance tests: the CDC STEADI 4-Stage Balance Test and single-leg stance time.

STEADI 4-Stage Balance Test (CDC, STEADI toolkit; wording from the CDC form): four positions,
each harder, held for 10 s "without moving feet or needing support"; if a position is not held,
the test stops. "An older adult who cannot hold the tandem stance for at least 10 seconds is at
increased risk of falling."

Single-leg stance (timed unipedal stance): eyes open, then eyes closed; up to three tries each,
the best counts; a try stops when the raised foot touches down (or a foot moves, or weight leaves
the board) or at 30 s. Norms beside the result: Springer et al. 2007 (J Geriatr Phys Ther
30(1):8-15; 549 healthy adults, best of 3, 45 s ceiling, arms crossed), by age group [M: values
read from two independent reproductions of their Table, which agree]. Our 30 s stop is shorter
than their 45 s ceiling: a 30 s result means "at least 30 s".

The board times the holds and detects the touch-downs (dsp/stance.py); what it cannot see (how
the feet were placed) is asked afterwards and stored as the player reported it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from balance_game.core.control import Axes
from balance_game.core.protocols import Capture, ProtocolRun, Step
from balance_game.core.records import Sample
from balance_game.i18n import N_, phrase, stored

KINDS = ("steadi", "single-leg")
# Words are stored in the results in English (records read the same in every language) and
# shown through ``_`` in the player's.
STEADI_STAGES = (  # (stance, short name, the CDC's instruction to the patient)
    ("together", N_("feet side by side"), N_("Stand with your feet side by side.")),
    ("semi_tandem", N_("instep to big toe"),
     N_("Place the instep of one foot so it is touching the big toe of the other foot.")),
    ("tandem", N_("heel to toe"), N_("Place one foot in front of the other, heel touching toe.")),
    ("single_leg", N_("one foot"), N_("Stand on one foot.")),
)
STEADI_HOLD_S = 10.0
STEADI_RISK = N_("An older adult who cannot hold the tandem stance for at least 10 seconds is "
                 "at increased risk of falling.")
# What ended a hold, by dsp.stance's ``ended_by``.
HOLD_ENDED = {
    "weight_off": N_("weight left the board (a foot or hand found the floor or a support)"),
    "foot_moved": N_("a foot moved (a step, or the raised foot was put down)"),
    "no_lift": N_("no foot was lifted (or it was put down at once)"),
    "no_data": N_("no readings from the board"),
}
POSITION_S = 5.0
SLS_MAX_S = 30.0
SLS_TRIES = 3
SLS_LIFT_S = 3.0  # time allowed to lift the foot after the cue
SLS_CONDITIONS = (("eyes_open", N_("eyes open"), False), ("eyes_closed", N_("eyes closed"), True))
# Springer et al. 2007, best of 3 trials, mean s. Eyes open: all adults; eyes closed: women, men.
SPRINGER_GROUPS = ((18, 39), (40, 49), (50, 59), (60, 69), (70, 79), (80, 99))
SPRINGER_EYES_OPEN = (44.7, 41.9, 41.2, 32.1, 21.5, 9.4)
SPRINGER_EYES_CLOSED = ((13.1, 16.9), (13.5, 12.0), (7.9, 8.6), (3.6, 5.1), (3.7, 2.6),
                        (2.1, 1.8))
SPRINGER_SOURCE = ("Springer BA et al. 2007, J Geriatr Phys Ther 30(1):8-15: healthy adults, "
                   "best of 3 tries, 45 s ceiling")
JUDGE_EVERY_S = 0.1  # a hold is judged ten times a second: a touch-down ends it within 0.1 s
PLACEMENT_ANSWERS = (N_("as shown"), N_("not as shown"), N_("not sure"), N_("not asked"))


# --- protocols ------------------------------------------------------------------------------
def steadi_steps() -> list[Step]:
    steps = []
    for stance, short, words in STEADI_STAGES:
        # one foot before the other does not fit across the board: stand along it
        body = (phrase("{instruction} Stand along the board, as in the picture. Hold your "
                       "support. Let go at the tone.", instruction=phrase(words))
                if "tandem" in stance else
                phrase("{instruction} Hold your support. Let go at the tone.",
                       instruction=phrase(words)))
        # recorded with the hold: where the feet stood before letting go is the reference
        steps.append(Step(f"steadi-{stance}",
                          phrase("Get into position: {stance}", stance=phrase(short)), body,
                          POSITION_S, wait_load="loaded", stance=stance, supported=True,
                          record=True, phase="position"))
        steps.append(Step(f"steadi-{stance}", phrase("Hold: {stance}", stance=phrase(short)),
                          N_("Don't move your feet. You may move your arms and body."),
                          STEADI_HOLD_S, record=True, cue="beat", phase="hold", stance=stance))
    return steps


def single_leg_steps() -> list[Step]:
    steps = []
    for key, words, closed in SLS_CONDITIONS:
        body = (N_("Stand on both feet, one each side of the middle, and hold your support. At "
                   "the tone, lift one foot and let go. Close your eyes at the tone.") if closed
                else N_("Stand on both feet, one each side of the middle, and hold your support. "
                        "At the tone, lift one foot and let go."))
        for attempt in range(1, SLS_TRIES + 1):
            # recorded too: where both feet stood just before the lift is the reference the
            # lift and the touch-down are found against
            steps.append(Step(f"sls-{key}-{attempt}",
                              phrase("Try {attempt}, {condition}: both feet", attempt=attempt,
                                     condition=phrase(words)), body,
                              POSITION_S, wait_load="loaded", record=True, phase="position",
                              supported=True))
            steps.append(Step(f"sls-{key}-{attempt}",
                              phrase("Stand on one foot ({condition})", condition=phrase(words)),
                              N_("Keep the raised foot off the board. Hold until the tone."),
                              SLS_LIFT_S + SLS_MAX_S, record=True, cue="beat", phase="hold",
                              stance="single_leg", eyes_closed=closed))
    return steps


def steps_for(kind: str) -> list[Step]:
    return steadi_steps() if kind == "steadi" else single_leg_steps()


# --- judging a hold -------------------------------------------------------------------------
@dataclass(frozen=True)
class Outcome:
    held_s: float | None
    ended_by: str  # "" (held the whole time), "weight_off", "foot_moved", "no_lift", "stopped"
    reason: str
    complete: bool  # held the full time (10 s for STEADI, 30 s on one leg)


def judge(step: Step, capture: Capture | None, done: bool) -> Outcome | None:
    """The outcome of a hold step so far; None while it is still being held."""
    from balance_game.dsp.stance import single_leg_hold, stance_hold

    if capture is not None and capture.stopped:
        return Outcome(None, "stopped", phrase("stopped: {why}", why=capture.stopped), False)
    if capture is None or not capture.samples or "hold" not in capture.step_starts:
        return Outcome(None, "no_data", HOLD_ENDED["no_data"], False) if done else None
    t, x, y, total = _arrays(capture.samples)
    start = capture.step_starts["hold"]
    if step.key.startswith("sls-"):
        hold = single_leg_hold(t, x, y, total, start, float(t[-1]), SLS_MAX_S, SLS_LIFT_S)
        full = SLS_MAX_S
    else:
        hold = stance_hold(t, x, y, total, start, min(float(t[-1]), start + STEADI_HOLD_S))
        full = STEADI_HOLD_S
    complete = not hold.ended_by and hold.held_s is not None and hold.held_s >= full - 0.02
    # not yet on one foot (there is time left to lift it), or no readings yet
    waiting = hold.ended_by == "no_data" or (
        hold.ended_by == "no_lift" and float(t[-1]) < start + SLS_LIFT_S + 0.5)
    if not done and (waiting or not (hold.ended_by or complete)):
        return None
    if not hold.ended_by and not complete and hold.held_s is not None:
        return Outcome(hold.held_s, "", "", False)
    return Outcome(hold.held_s, hold.ended_by, HOLD_ENDED.get(hold.ended_by, ""), complete)


def _arrays(samples: Sequence[Sample]) -> tuple[np.ndarray, ...]:
    t = np.array([s.t_s for s in samples])
    x = np.array([s.cop_x_mm for s in samples])
    y = np.array([s.cop_y_mm for s in samples])
    total = np.array([s.total_kg if s.total_kg is not None else np.nan for s in samples])
    return t, x, y, total


class StanceRun(ProtocolRun):
    """A protocol whose holds end early: at the touch-down or step the board detects, at the
    full time, or (STEADI) the whole test at the first position not held; a single-leg
    condition needs no more tries once one lasted 30 s."""

    def __init__(self, steps: list[Step]) -> None:
        super().__init__(steps)
        self.outcomes: dict[str, Outcome] = {}
        self._judged_at = -1.0

    def update(self, t_s: float, dt_s: float, samples: list[Sample], axes: Axes,
               paused_for: set[str]) -> None:
        step, index = self.step, self.index
        super().update(t_s, dt_s, samples, axes, paused_for)
        if step is None or step.phase != "hold" or step.key in self.outcomes:
            return
        done = self.index != index
        if not done and (not self.started or t_s - self._judged_at < JUDGE_EVERY_S):
            return
        self._judged_at = t_s
        outcome = judge(step, self.captures.get(step.key), done)
        if outcome is None:
            return
        self.outcomes[step.key] = outcome
        self._jump(self._after(index, step, outcome))

    def _after(self, index: int, step: Step, outcome: Outcome) -> int:
        """Index of the step to go on to once ``step`` (at ``index``) has its outcome."""
        if step.key.startswith("steadi-"):
            return index + 1 if outcome.complete else len(self.steps)
        if outcome.complete:  # 30 s on one leg: no more tries in this condition
            condition = step.key.split("-")[1]
            later = [i for i in range(index + 1, len(self.steps))
                     if self.steps[i].key.split("-")[1] != condition]
            return later[0] if later else len(self.steps)
        return index + 1

    def _jump(self, target: int) -> None:
        if target != self.index:
            self.index = target - 1
            self._next()


# --- results --------------------------------------------------------------------------------
def springer_row(age: int | None) -> int | None:
    if age is None:
        return None
    for i, (low, high) in enumerate(SPRINGER_GROUPS):
        if low <= age <= high:
            return i
    return None


def springer_norms(age: int | None) -> dict[str, Any]:
    """The norms for the player's age group, or for every group when the age is not known."""
    row = springer_row(age)
    rows = range(len(SPRINGER_GROUPS)) if row is None else [row]
    return {
        "source": SPRINGER_SOURCE, "ceiling_s": 45.0, "age": age,
        "age_known": age is not None,
        "groups": [{"age_group": f"{SPRINGER_GROUPS[i][0]}-{SPRINGER_GROUPS[i][1]}",
                    "eyes_open_s": SPRINGER_EYES_OPEN[i],
                    "eyes_closed_women_s": SPRINGER_EYES_CLOSED[i][0],
                    "eyes_closed_men_s": SPRINGER_EYES_CLOSED[i][1]} for i in rows],
    }


def steadi_results(run: StanceRun, placement: str = "not asked") -> dict[str, Any]:
    stages = []
    for number, (stance, short, words) in enumerate(STEADI_STAGES, start=1):
        outcome = run.outcomes.get(f"steadi-{stance}")
        if outcome is None:
            continue
        stages.append({"stage": number, "position": stance, "name": short, "instruction": words,
                       "held_s": outcome.held_s, "held_10s": outcome.complete,
                       "ended_by": outcome.ended_by or None, "reason": outcome.reason or None})
    completed = 0
    for stage in stages:
        if not stage["held_10s"]:
            break
        completed += 1
    tandem = next((s for s in stages if s["position"] == "tandem"), None)
    tandem_held = tandem["held_10s"] if tandem else (False if stages and completed < 3 else None)
    return {"test": "CDC STEADI 4-Stage Balance Test", "hold_s": STEADI_HOLD_S,
            "stages": stages, "stages_completed": completed, "tandem_held_10s": tandem_held,
            "increased_fall_risk": None if tandem_held is None else not tandem_held,
            "interpretation": STEADI_RISK, "foot_placement": placement}


def single_leg_results(run: StanceRun, age: int | None,
                       placement: str = "not asked") -> dict[str, Any]:
    conditions = {}
    for key, words, _ in SLS_CONDITIONS:
        tries = [run.outcomes[f"sls-{key}-{i}"] for i in range(1, SLS_TRIES + 1)
                 if f"sls-{key}-{i}" in run.outcomes]
        times = [o.held_s for o in tries if o.held_s is not None]
        conditions[key] = {
            "condition": words,
            "tries_s": [o.held_s for o in tries],
            "ended_by": [o.ended_by or None for o in tries],
            "best_s": max(times) if times else None,
            "reached_max": any(o.complete for o in tries),
            "reason": None if times else (tries[0].reason if tries else N_("not done")),
        }
    return {"test": "single-leg stance", "max_s": SLS_MAX_S, "tries": SLS_TRIES,
            "conditions": conditions, "norms": springer_norms(age),
            "foot_placement": placement}


# --- words ----------------------------------------------------------------------------------
def _seconds(value: float | None) -> str:
    return phrase("n/a") if value is None else phrase("{s:.1f} s", s=value)


def summarise(kind: str, results: dict[str, Any]) -> list[str]:
    """A few lines for the terminal and the results screen (phrases: shown translated)."""
    if kind == "steadi":
        lines: list[str] = []
        for s in results["stages"]:
            verdict = (phrase("held 10 s") if s["held_10s"] else
                       phrase("not held ({reason})", reason=stored(s["reason"] or N_("too short"))))
            lines.append(phrase("{stage}. {name}: {time}, {verdict}", stage=s["stage"],
                                name=stored(s["name"]), time=_seconds(s["held_s"]),
                                verdict=verdict))
        lines.append(phrase("positions held: {n} of 4", n=results["stages_completed"]))
        if results["increased_fall_risk"]:
            lines.append(phrase("tandem stance not held for 10 s: {risk}",
                                risk=stored(STEADI_RISK)))
        elif results["increased_fall_risk"] is False:
            lines.append(phrase("tandem stance held for 10 s"))
        lines.append(_placement(results))
        return lines
    lines = []
    norms = results["norms"]
    for key, c in results["conditions"].items():
        best = c["best_s"]
        shown = (phrase("n/a") if best is None else
                 phrase("{s:.1f} s (the most this test times)", s=best) if c["reached_max"]
                 else _seconds(best))
        # numbers and units only (a dash for a try with no time): the same in every language
        tries = ", ".join("–" if v is None else f"{v:.1f} s" for v in c["tries_s"])
        lines.append(phrase("{condition}: best {best}; tries {tries}",
                            condition=stored(c["condition"]), best=shown, tries=tries))
        for group in norms["groups"]:
            norm = (_seconds(group["eyes_open_s"]) if key == "eyes_open" else
                    phrase("women {women:.1f} s, men {men:.1f} s",
                           women=group["eyes_closed_women_s"], men=group["eyes_closed_men_s"]))
            lines.append(phrase("  norm age {group}: {norm}", group=group["age_group"],
                                norm=norm))
    if not norms["age_known"]:
        lines.append(phrase("age not known: norms for every age group shown"))
    lines.append(phrase("norms: Springer et al. 2007 (best of 3, 45 s ceiling)"))
    lines.append(_placement(results))
    return lines


def _placement(results: dict[str, Any]) -> str:
    return phrase("foot placement (as reported): {answer}",
                  answer=stored(results["foot_placement"]))
