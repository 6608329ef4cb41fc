"""A gamepad as an InputSource: the left stick stands in for the centre of pressure.

The stick state comes from pygame events (``handle_event``) and ``poll`` turns it into samples on a
steady 100 Hz grid of session time, so the stream looks like a board's and everything downstream
(filters, sway measures, recording) needs no special case. Full deflection maps to the player's
own limits (left, right, forward, back in mm), so a pad player meets the same game as a board
player. A pad that is pulled out reports "lost"; the same pad (by GUID) coming back resumes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pygame

from balance_game.core.records import DeviceStatus, Goal, Sample
from balance_game.devices.profiles import GamepadProfile

RATE_HZ = 100.0
NO_GAMEPAD = "Connect your gamepad"
LimitsMm = tuple[float, float, float, float]  # left, right, forward, back (positive mm)


def apply_dead_zone(value: float, dead_zone: float) -> float:
    """Ignore the wobbly centre of the stick and rescale the rest back to the full -1..1 range."""
    magnitude = abs(value)
    if magnitude <= dead_zone:
        return 0.0
    scaled = min(1.0, (magnitude - dead_zone) / (1.0 - dead_zone))
    return scaled if value > 0 else -scaled


def lean_to_mm(lean_x: float, lean_y: float, limits_mm: LimitsMm) -> tuple[float, float]:
    """-1..1 per axis -> mm, using the limit on the side the stick points to."""
    left, right, forward, back = limits_mm
    return (lean_x * (right if lean_x > 0 else left), lean_y * (forward if lean_y > 0 else back))


class GamepadSource:
    """Samples (kind "gamepad") from the profile's lean axes; buttons map to named actions."""

    kind = "gamepad"

    def __init__(self, profile: GamepadProfile, limits_mm: LimitsMm, *, rate_hz: float = RATE_HZ,
                 open_joystick: Callable[[int], Any] | None = None) -> None:
        self.profile = profile
        self.name = profile.name
        self._limits_mm = limits_mm
        self._period_s = 1.0 / rate_hz
        self._open_joystick = open_joystick or pygame.joystick.Joystick
        self._joystick: Any = None
        self._instance_id: int | None = None
        self._guid: str | None = None
        self._axes: dict[int, float] = {}
        self._next_tick = 0
        self._last_t_s = 0.0
        self._statuses: list[DeviceStatus] = []
        self._actions = {button: action for action, button in profile.buttons.items()}

    @property
    def connected(self) -> bool:
        return self._joystick is not None

    def start(self, origin_monotonic_s: float) -> None:
        """Session time is driven by ``poll``; a pad already plugged in is adopted now."""
        self._next_tick = 0
        if not self.connected and pygame.joystick.get_init() and pygame.joystick.get_count() > 0:
            self._adopt(0)
        if not self.connected:  # the game pauses (nothing active is recorded) until one arrives
            self._statuses.append(DeviceStatus(0.0, "lost", NO_GAMEPAD))

    def _adopt(self, device_index: int) -> None:
        try:
            joystick = self._open_joystick(device_index)
        except pygame.error:
            return
        guid = joystick.get_guid()
        if self._guid is not None and guid != self._guid:
            return  # a different pad: keep waiting for the one the player was using
        self._joystick, self._guid = joystick, guid
        self._instance_id = joystick.get_instance_id()
        self._statuses.append(DeviceStatus(self._last_t_s, "connected", joystick.get_name()))

    def handle_event(self, event: Any) -> None:
        if event.type == pygame.JOYDEVICEADDED and not self.connected:
            self._adopt(event.device_index)
        elif not self._is_ours(event):
            return
        elif event.type == pygame.JOYDEVICEREMOVED:
            self._joystick = self._instance_id = None
            self._axes.clear()
            self._statuses.append(DeviceStatus(self._last_t_s, "lost",
                                               f"{self.name}: unplugged; plug it back in"))
        elif event.type == pygame.JOYAXISMOTION:
            self._axes[event.axis] = float(event.value)

    def _is_ours(self, event: Any) -> bool:
        return self.connected and getattr(event, "instance_id", None) == self._instance_id

    def action_for(self, event: Any) -> str | None:
        """"confirm", "back", "pause" or "help" for a button press of our pad, else None."""
        if event.type != pygame.JOYBUTTONDOWN or not self._is_ours(event):
            return None
        return self._actions.get(event.button)

    def lean(self) -> tuple[float, float]:
        """The stick as lean units (-1..1), +x right and +y forward, after the dead zone."""
        p = self.profile
        x = apply_dead_zone(self._axes.get(p.lean_x_axis, 0.0), p.dead_zone)
        y = apply_dead_zone(self._axes.get(p.lean_y_axis, 0.0), p.dead_zone)
        return (-x if p.invert_x else x, -y if p.invert_y else y)

    def poll(self, t_s: float) -> list[Sample | DeviceStatus]:
        out: list[Sample | DeviceStatus] = list(self._statuses)
        self._statuses.clear()
        self._last_t_s = t_s
        last_tick = int(t_s / self._period_s + 1e-9)
        if self.connected:
            x_mm, y_mm = lean_to_mm(*self.lean(), self._limits_mm)
            out.extend(Sample(k * self._period_s, x_mm, y_mm)
                       for k in range(self._next_tick, last_tick + 1))
        self._next_tick = max(self._next_tick, last_tick + 1)
        return out

    def set_goal(self, goal: Goal | None) -> None:
        """A person reads the goal from the screen."""

    def close(self) -> None:
        self._joystick = None


def connected_gamepads() -> list[str]:
    """Names of the pads SDL sees now (initialises pygame's joystick module if needed).

    SDL's game-controller database name comes first where SDL knows the pad ("Xbox 360
    Controller" rather than whatever the driver calls itself), so profiles can name pads the
    same way on every system; other joysticks keep their own names.
    """
    if not pygame.joystick.get_init():
        pygame.joystick.init()
    return [_pad_name(i) for i in range(pygame.joystick.get_count())]


def _pad_name(index: int) -> str:
    try:
        from pygame._sdl2 import controller

        if not controller.get_init():
            controller.init()
        if controller.is_controller(index):
            return str(controller.Controller(index).name)
    except (ImportError, pygame.error):
        pass  # no controller support in this pygame build: the joystick name will do
    return str(pygame.joystick.Joystick(index).get_name())
