"""Turning a ``--device`` choice into an input source.

``auto`` prefers a balance board, then a gamepad, then the keyboard (the mouse is always there
too, so it is never a sensible automatic choice).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from balance_game.control import Limits
from balance_game.devices.base import InputSource
from balance_game.devices.pointer import KeyboardSource, MouseSource
from balance_game.devices.replay import ReplaySource
from balance_game.devices.simulated import SimEvent, SimulatedPlayer
from balance_game.errors import UserError

DEVICE_CHOICES = "auto|keyboard|mouse|gamepad|sim|replay:FILE"


@dataclass(frozen=True)
class SourceOptions:
    limits: Limits
    seed: int = 0
    ability: float = 0.6
    weight_kg: float = 70.0
    sim_events: tuple[SimEvent, ...] = ()
    viewport: Callable[[], tuple[int, int]] = lambda: (1280, 720)


def open_source(spec: str, options: SourceOptions) -> InputSource:
    spec = spec.strip()
    if spec == "sim":
        return SimulatedPlayer(options.limits, options.ability, options.seed, options.weight_kg,
                               options.sim_events)
    if spec == "keyboard":
        return KeyboardSource(options.limits)
    if spec == "mouse":
        return MouseSource(options.limits, options.viewport)
    if spec.startswith("replay:"):
        path = Path(spec.partition(":")[2])
        if not path.name:
            raise UserError("--device replay:FILE needs a samples CSV file, e.g. replay:s.csv")
        return ReplaySource.from_file(path)
    if spec == "auto":
        return KeyboardSource(options.limits)
    raise UserError(f"unknown device {spec!r} (choose {DEVICE_CHOICES})")
