"""The protocol every input source implements; the samples it yields are ``core.records``.

A board, a gamepad, the keyboard, the mouse, the simulated player and a replayed file all produce
the same ``Sample`` stream, so every game runs with any of them and tests need no hardware.
Coordinates are in the board frame: +x toward the player's right, +y forward, in millimetres.
"""

from __future__ import annotations

from typing import Any, Protocol, runtime_checkable

from balance_game.core.records import DeviceStatus, Goal, Sample


@runtime_checkable
class InputSource(Protocol):
    """A source of samples. ``poll`` never blocks: the game loop calls it every step."""

    kind: str  # "board", "gamepad", "keyboard", "mouse", "sim", "replay"
    name: str

    def start(self, origin_monotonic_s: float) -> None:
        """Begin producing; session time 0 is ``origin_monotonic_s`` on the monotonic clock."""

    def poll(self, t_s: float) -> list[Sample | DeviceStatus]:
        """Everything produced up to session time ``t_s`` that was not returned before."""

    def handle_event(self, event: Any) -> None:
        """A pygame event (keys, mouse, joystick) for sources that are driven by them."""

    def set_goal(self, goal: Goal | None) -> None:
        """What the current game asks for (the simulated player acts on it)."""

    def close(self) -> None:
        """Release the device (and power a board off where it can)."""


# Abilities only some sources have. Callers check with ``isinstance`` (the protocols are
# runtime-checkable), so a source offers an ability just by having the method.


@runtime_checkable
class ButtonActions(Protocol):
    """A source with buttons of its own that act in menus (a board's front button confirms)."""

    def take_actions(self) -> list[str]:
        """Menu actions from the device's buttons since the last call."""
        ...


@runtime_checkable
class EventActions(Protocol):
    """A source that turns its own pygame events into menu actions (a gamepad's A and B)."""

    def action_for(self, event: Any) -> str | None: ...


@runtime_checkable
class Tareable(Protocol):
    """A board that can be zeroed while nobody stands on it."""

    def start_tare(self) -> None:
        """Collect the readings of the next polls (the board must be empty)."""

    def finish_tare(self) -> object:
        """Zero on what was collected; raises a UserError if the board carried a load."""


@runtime_checkable
class ReportsBattery(Protocol):
    """A board that says when its batteries run low (the game warns before and during play)."""

    battery_low: bool


@runtime_checkable
class SwitchesOff(Protocol):
    """A board that can be switched off when the game ends, so its batteries last."""

    def switch_off(self) -> bool:
        """Power the board down (disconnect); False when it could not be done."""
        ...
