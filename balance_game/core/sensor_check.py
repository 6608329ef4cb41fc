"""The sensor check's rules: live readings, a guided "press each corner" test, and a verdict.

A board that is wired with two cells swapped, set up rotated, or has a dead cell still produces
plausible totals, so a person (or their helper) presses each corner in turn with a hand and the
check proves that the corner asked for is the one that answered. A corner counts as pressed when
it carries most of the load (PRESS_SHARE of at least PRESS_MIN_KG) for PRESS_HOLD_S; another
corner doing so instead is reported by name. Corner names are the board's own frame: "front" is
the top edge (TL, TR) of ``Sample.corners_kg``.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

from balance_game.core.records import DeviceStatus, Sample
from balance_game.i18n import Phrase, phrase

CORNERS = (phrase("front left"), phrase("front right"), phrase("back left"),
           phrase("back right"))  # order of corners_kg
PRESS_SHARE = 0.55
PRESS_MIN_KG = 3.0
PRESS_HOLD_S = 0.5
RATE_WINDOW_S = 1.0
MIN_RATE_HZ = 40.0  # below this the game's sway numbers are not trustworthy


@dataclass
class SensorCheck:
    """Feed it everything the source produced; read what the screen shows."""

    corners_kg: tuple[float, float, float, float] | None = None
    cop_mm: tuple[float, float] = (0.0, 0.0)
    battery_low: bool = False
    step: int = 0  # index into CORNERS of the corner asked for; 4 = all done
    wrong: Phrase | None = None  # "asked for front left, but back right answered"
    _held_s: float = 0.0
    _released: bool = True  # a new press counts only after the hand came off the board
    _last_t_s: float | None = None
    _arrivals: deque[float] = field(default_factory=deque)

    @property
    def has_sensors(self) -> bool:
        return self.corners_kg is not None

    @property
    def total_kg(self) -> float:
        return sum(self.corners_kg) if self.corners_kg else 0.0

    @property
    def rate_hz(self) -> float:
        return len(self._arrivals) / RATE_WINDOW_S

    @property
    def done(self) -> bool:
        return self.step >= len(CORNERS)

    def prompt(self) -> Phrase:
        if self.done:
            return phrase("All four corners answered.")
        return phrase("Press the {corner} corner firmly with one hand.", corner=CORNERS[self.step])

    def update(self, items: list[Sample | DeviceStatus], t_s: float) -> None:
        for item in items:
            if isinstance(item, DeviceStatus):
                self.battery_low = self.battery_low or item.state == "battery_low"
            elif item.corners_kg is not None:
                self._arrivals.append(item.t_s)
                self.corners_kg = item.corners_kg
                self.cop_mm = (item.cop_x_mm, item.cop_y_mm)
                self._press(item.corners_kg, item.t_s)
        while self._arrivals and self._arrivals[0] <= t_s - RATE_WINDOW_S:
            self._arrivals.popleft()

    def _press(self, corners: tuple[float, float, float, float], t_s: float) -> None:
        dt = 0.0 if self._last_t_s is None else max(0.0, t_s - self._last_t_s)
        self._last_t_s = t_s
        if self.done:
            return
        total = sum(corners)
        strongest = max(range(4), key=lambda i: corners[i])
        if total < PRESS_MIN_KG:
            self._released = True
        if total < PRESS_MIN_KG or corners[strongest] < PRESS_SHARE * total:
            self._held_s = 0.0
            return
        if not self._released:
            return
        if strongest != self.step:
            self.wrong = phrase("asked for {asked}, but {answered} answered", asked=CORNERS[self.step],
                                answered=CORNERS[strongest])
            self._held_s = 0.0
            return
        self._held_s += dt
        if self._held_s >= PRESS_HOLD_S:
            self.step += 1
            self._held_s = 0.0
            self._released = False
            self.wrong = None

    def verdict(self) -> tuple[bool, Phrase]:
        """(working?, the sentence to show), from what has been seen so far."""
        if not self.has_sensors:
            return False, phrase("No weight readings. Is the board switched on and connected?")
        if self.wrong is not None:
            return False, phrase("Check the wiring or the orientation setting: {problem}.",
                                 problem=self.wrong)
        if self.rate_hz < MIN_RATE_HZ:
            return False, phrase("Readings arrive slowly ({rate:.0f} per second).", rate=self.rate_hz)
        if not self.done:
            return False, self.prompt()
        if self.battery_low:
            return True, phrase("Your board is working. Replace its batteries soon.")
        return True, phrase("Your board is working.")
