"""What every mechanic provides, so levels, the loop and the simulated player treat them alike.

A mechanic is pure rules: given the player's lean axes and a time step it advances its world and
reports finished trials. It never imports pygame; its renderer lives in ``render/``.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from balance_game.core.control import Axes
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


class Mechanic(Protocol):
    """Every world a mechanic makes has ``trial_index`` (trials finished) and ``phase``."""

    name: str
    title: str
    params: tuple[ParamSpec, ...]
    score_measures: tuple[str, ...]  # the quality measures a therapist reads for this mechanic

    def new_world(self, params: Mapping[str, Any], n_trials: int, seed: int) -> Any: ...

    def set_params(self, world: Any, params: Mapping[str, Any]) -> None:
        """New parameter values (a difficulty change); they apply from the next trial."""

    def step(self, world: Any, axes: Axes, dt_s: float, t_s: float) -> list[TrialOutcome]: ...

    def abort_trial(self, world: Any) -> None:
        """Drop the trial in progress unscored (the player paused or stepped off)."""

    def goal(self, world: Any) -> Goal | None: ...

    def prompt(self, world: Any) -> str:
        """A few plain words telling the player what to do right now."""

    def finished(self, world: Any) -> bool: ...

    # Optional: ``feedback(outcome) -> str``, a few kind, specific words after a trial (e.g.
    # "Missed the gate: lean a little earlier"). ``outcome`` has ``success`` and ``measures``
    # (a TrialOutcome or the stored TrialRecord). Use ``feedback_for``, which falls back to the
    # generic lines for a mechanic without it.


GENERIC_SUCCESS = N_("Well done!")
GENERIC_MISS = N_("Never mind, next one!")
FOOT_UNLOADED = N_("Keep both feet on the board")


def feedback_for(mechanic: Any, outcome: Any) -> str:
    """What the play screen says after ``outcome``: the mechanic's own line, else a generic one."""
    if not outcome.success and (outcome.measures or {}).get("foot_unloaded"):
        return FOOT_UNLOADED  # the quality gate failed it, whatever the mechanic thought
    own = getattr(mechanic, "feedback", None)
    line = own(outcome) if callable(own) else ""
    return line or (GENERIC_SUCCESS if outcome.success else GENERIC_MISS)


class Rules:
    """What every mechanic's rules share: a world dataclass made from the parameters and a seed,
    parameter changes waiting for the next trial, and "done" as the last phase.

    A world type takes ``params``, ``n_trials`` and ``rng`` and has ``pending_params`` and
    ``phase``; a mechanic whose world needs more at birth overrides ``new_world``.
    """

    world_type: type

    def new_world(self, params: Mapping[str, Any], n_trials: int, seed: int) -> Any:
        return self.world_type(params=dict(params), n_trials=n_trials, rng=random.Random(seed))

    def set_params(self, world: Any, params: Mapping[str, Any]) -> None:
        world.pending_params = dict(params)

    def finished(self, world: Any) -> bool:
        return world.phase == "done"

    def waiting_prompt(self, world: Any) -> str | None:
        """The words every mechanic says between trials and at the end, or None mid-trial."""
        if world.phase == "done":
            return N_("Level complete")
        if world.phase == "centre":
            if world.trial_index == 0:
                return N_("Stand still in the middle to begin")
            return N_("Come back to the middle")
        return None
