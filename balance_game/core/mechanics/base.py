"""What every mechanic provides, so levels, the loop and the simulated player treat them alike.

A mechanic is pure rules: given the player's lean axes and a time step it advances its world and
reports finished trials. It never imports pygame; its renderer lives in ``render/``.
"""

from __future__ import annotations

import math
import random
from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, Protocol, TypeVar, runtime_checkable

from balance_game.core.control import Axes
from balance_game.core.mechanics.common import CENTRE_RADIUS, SETTLE_S, SPEED_TAU_S, settle
from balance_game.core.records import Goal
from balance_game.i18n import N_


@dataclass(frozen=True)
class ParamSpec:
    """One tunable of a mechanic, as a level file may set it (fixed or as a difficulty range)."""

    name: str
    unit: str
    help: str
    default: Any
    low: float = 0.0
    high: float = 0.0
    integer: bool = False
    choices: tuple[str, ...] = ()  # set for list-of-names parameters (e.g. directions)
    harder_when: str = "higher"  # "higher" or "lower": which way a difficulty range runs
    lean_extent: bool = False  # how far the player must lean (% LOS): a therapist may cap it

    @property
    def is_list(self) -> bool:
        return bool(self.choices)


@dataclass(frozen=True)
class TrialOutcome:
    """A finished trial: success, a 0..100 quality score and the mechanic's measures."""

    index: int
    t_start_s: float
    t_end_s: float
    success: bool
    score: float
    measures: dict[str, Any] = field(default_factory=dict)


@dataclass(kw_only=True)
class World:
    """What every mechanic's world holds: the parameters in force (and those waiting for the
    next trial), the phase ("centre" between trials, "done" at the end), the trials finished, the
    player's lean and its smoothed speed, the world's clock and the cues for the sound.

    Keyword-only, so a mechanic's own world may add required fields (the tilt maze).
    """

    params: dict[str, Any]
    n_trials: int
    rng: random.Random
    pending_params: dict[str, Any] | None = None
    phase: str = "centre"
    trial_index: int = 0
    settle_s: float = 0.0
    position: tuple[float, float] = (0.0, 0.0)
    speed: float = 0.0  # the lean's speed, smoothed, lean units per second
    t_s: float = 0.0
    last_result: TrialOutcome | None = None
    cues: list[str] = field(default_factory=list)
    announcements: list[str] = field(default_factory=list)  # words the play screen speaks

    @property
    def centre_radius(self) -> float:
        """The zone the player stands still in between trials, in lean units."""
        return CENTRE_RADIUS


WorldT = TypeVar("WorldT", bound=World)


class Judged(Protocol):
    """A finished trial as feedback reads it: a TrialOutcome or the stored TrialRecord."""

    @property
    def success(self) -> bool: ...

    @property
    def measures(self) -> Mapping[str, Any]: ...


class Mechanic(Protocol[WorldT]):
    """The rules of one game, generic over the world they make and advance.

    Read-only attributes, so a mechanic may declare them as plain class constants.
    """

    @property
    def name(self) -> str: ...

    @property
    def title(self) -> str: ...  # marked with N_: shown with _(mechanic.title)

    @property
    def params(self) -> tuple[ParamSpec, ...]: ...

    @property
    def score_measures(self) -> tuple[str, ...]:
        """The quality measures a therapist reads for this mechanic."""
        ...

    def new_world(self, params: Mapping[str, Any], n_trials: int, seed: int) -> WorldT: ...

    def set_params(self, world: WorldT, params: Mapping[str, Any]) -> None:
        """New parameter values (a difficulty change); they apply from the next trial."""

    def step(self, world: WorldT, axes: Axes, dt_s: float, t_s: float) -> list[TrialOutcome]: ...

    def abort_trial(self, world: WorldT) -> None:
        """Drop the trial in progress unscored (the player paused or stepped off)."""

    def goal(self, world: WorldT) -> Goal | None: ...

    def prompt(self, world: WorldT) -> str:
        """A few plain words telling the player what to do right now."""
        ...

    def finished(self, world: WorldT) -> bool: ...


@runtime_checkable
class GivesFeedback(Protocol):
    """A mechanic that has a few kind, specific words after a trial (e.g. "Missed the gate: lean
    a little earlier"); ``feedback_for`` falls back to the generic lines for one without."""

    def feedback(self, outcome: Judged) -> str: ...


GENERIC_SUCCESS = N_("Well done!")
GENERIC_MISS = N_("Never mind, next one!")
FOOT_UNLOADED = N_("Keep both feet on the board")


def feedback_for(mechanic: object, outcome: Judged) -> str:
    """What the play screen says after ``outcome``: the mechanic's own line, else a generic one."""
    if not outcome.success and (outcome.measures or {}).get("foot_unloaded"):
        return FOOT_UNLOADED  # the quality gate failed it, whatever the mechanic thought
    line = mechanic.feedback(outcome) if isinstance(mechanic, GivesFeedback) else ""
    return line or (GENERIC_SUCCESS if outcome.success else GENERIC_MISS)


class Rules(ABC, Generic[WorldT]):
    """What every mechanic's rules share: a world made from the parameters and a seed, parameter
    changes waiting for the next trial, "done" as the last phase, and the trial preamble.

    The preamble (``step``): follow the lean and its speed, and between trials wait for the
    player to stand still in the centre zone before ``start_trial``; in a trial, hand over to
    ``play``. A mechanic whose world needs more at birth overrides ``new_world``; one that only
    starts when the player is also still (not just inside the zone) sets ``start_when_still``.
    """

    world_type: type[WorldT]
    start_when_still = False

    def new_world(self, params: Mapping[str, Any], n_trials: int, seed: int) -> WorldT:
        return self.world_type(params=dict(params), n_trials=n_trials, rng=random.Random(seed))

    def set_params(self, world: WorldT, params: Mapping[str, Any]) -> None:
        world.pending_params = dict(params)

    def apply_pending(self, world: WorldT) -> None:
        """A trial starts with the parameters set since the last one (a difficulty change)."""
        if world.pending_params is not None:
            world.params, world.pending_params = world.pending_params, None

    def finished(self, world: WorldT) -> bool:
        return world.phase == "done"

    def step(self, world: WorldT, axes: Axes, dt_s: float, t_s: float) -> list[TrialOutcome]:
        previous = world.position
        world.position = (axes.lean_x, axes.lean_y)
        world.t_s = t_s
        if dt_s > 0:
            raw = math.dist(previous, world.position) / dt_s
            world.speed += (raw - world.speed) * (1.0 - math.exp(-dt_s / SPEED_TAU_S))
        if world.phase == "centre":
            speed = world.speed if self.start_when_still else 0.0
            world.settle_s = settle(world.settle_s, world.position, speed, dt_s,
                                    world.centre_radius)
            if world.settle_s >= SETTLE_S:
                self.start_trial(world, t_s)
            return []
        if world.phase == "done":
            return []
        return self.play(world, previous, dt_s, t_s)

    @abstractmethod
    def start_trial(self, world: WorldT, t_s: float) -> None:
        """The player stood still in the centre: begin the next trial."""

    @abstractmethod
    def play(self, world: WorldT, previous: tuple[float, float], dt_s: float,
             t_s: float) -> list[TrialOutcome]:
        """One step of a trial in progress (``previous`` is the lean a step ago)."""

    @abstractmethod
    def abort_trial(self, world: WorldT) -> None:
        """Drop the trial in progress unscored (the player paused or stepped off)."""

    @abstractmethod
    def goal(self, world: WorldT) -> Goal | None:
        """Where a competent player would lean now (the simulated player acts on it)."""

    def prompt(self, world: WorldT) -> str:
        """A few plain words telling the player what to do right now: the same words between
        trials and at the end for every mechanic, the mechanic's own during a trial."""
        if world.phase == "done":
            return N_("Level complete")
        if world.phase == "centre":
            if world.trial_index == 0:
                return N_("Stand still in the middle to begin")
            return N_("Come back to the middle")
        return self.trial_prompt(world)

    @abstractmethod
    def trial_prompt(self, world: WorldT) -> str:
        """What to do during a trial."""

    def back_to_centre(self, world: WorldT) -> None:
        """After a trial: wait in the centre for the next one, or end when all are done."""
        world.phase = "done" if world.trial_index >= world.n_trials else "centre"
        world.settle_s = 0.0
