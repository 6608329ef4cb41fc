"""Turning a ``--device`` choice into an input source.

``auto`` prefers a balance board, then a gamepad, then the keyboard (the mouse is always there
too, so it is never a sensible automatic choice).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from balance_game.core.control import Limits
from balance_game.devices.base import InputSource
from balance_game.devices.hid_backend import HidBackend
from balance_game.devices.pointer import KeyboardSource, MouseSource
from balance_game.devices.profiles import GamepadProfile, load_profiles
from balance_game.devices.replay import ReplaySource
from balance_game.devices.simulated import SimEvent, SimulatedPlayer
from balance_game.errors import UserError

DEVICE_CHOICES = ("auto|wbb|hid:PROFILE_ID|serial:PROFILE_ID|keyboard|mouse|gamepad[:PROFILE_ID]|"
                  "sim|replay:FILE")
GAMEPAD_PROFILE = "gamepad-standard"


@dataclass(frozen=True)
class SourceOptions:
    limits: Limits
    seed: int = 0
    ability: float = 0.6
    weight_kg: float = 70.0
    sim_events: tuple[SimEvent, ...] = ()
    viewport: Callable[[], tuple[int, int]] = lambda: (1280, 720)
    hid_backend: HidBackend | None = None  # None: hidapi (the demo passes its fake board)
    headless: bool = False  # nobody can plug a pad in while we wait: a missing pad is an error


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
    if spec == "wbb" or spec.startswith(("hid:", "serial:")):
        from balance_game.devices.board_source import open_board

        return open_board(spec, backend=options.hid_backend)
    if spec == "gamepad" or spec.startswith("gamepad:"):
        return _gamepad(options, spec.partition(":")[2] or None)
    if spec == "auto":
        return _auto(options)
    raise UserError(f"unknown device {spec!r} (choose {DEVICE_CHOICES})")


def _limits_mm(limits: Limits) -> tuple[float, float, float, float]:
    return (limits.left_mm, limits.right_mm, limits.forward_mm, limits.back_mm)


def _gamepad(options: SourceOptions, profile_id: str | None = None) -> InputSource:
    """A pad with the named profile, or the profile that names the connected pad, or the standard.

    Headless, no pad means no input at all: refuse (exit 2) rather than record an empty session.
    In the window the source reports itself lost, so the game waits with "Connect your gamepad".
    """
    import pygame

    from balance_game.devices.gamepad import NO_GAMEPAD, GamepadSource, connected_gamepads

    try:
        pads = connected_gamepads()
    except pygame.error:
        pads = []
    if options.headless and not pads:
        raise UserError(f"no gamepad connected ({NO_GAMEPAD.lower()} and try again, or choose "
                        "another --device)")
    gamepads = {p.id: p for p in load_profiles().values() if isinstance(p, GamepadProfile)}
    if profile_id is not None and profile_id not in gamepads:
        raise UserError(f"unknown gamepad profile {profile_id!r} "
                        f"(one of: {', '.join(sorted(gamepads))})")
    profile = gamepads.get(profile_id or "") or _profile_naming(gamepads, pads) \
        or gamepads[GAMEPAD_PROFILE]
    return GamepadSource(profile, _limits_mm(options.limits))


def _profile_naming(gamepads: dict[str, GamepadProfile], pads: list[str]) -> GamepadProfile | None:
    """The first gamepad profile that lists a connected pad's SDL name."""
    return next((p for name in pads for p in gamepads.values() if name in p.sdl_names), None)


def _auto(options: SourceOptions) -> InputSource:
    """A board if one answers, else a connected gamepad, else the keyboard."""
    import pygame

    from balance_game.devices.board_source import open_auto_board
    from balance_game.devices.gamepad import connected_gamepads
    from balance_game.devices.hid_backend import default_backend

    try:
        backend = options.hid_backend or default_backend()
    except UserError:  # no hidapi on this machine: no board, but a pad or the keys will do
        backend = None
    board = open_auto_board(backend=backend) if backend is not None else None
    if board is not None:
        return board
    try:
        has_pad = bool(connected_gamepads())
    except pygame.error:  # no joystick subsystem here: use the keyboard
        has_pad = False
    if has_pad:
        return _gamepad(options)
    return KeyboardSource(options.limits)
