"""Time sources for the loop: the real monotonic clock, or a fake one tests advance by hand."""

from __future__ import annotations

import time
from typing import Protocol


class Clock(Protocol):
    """Session time for the loop: ``now`` in seconds, and a wait until a later time."""

    origin_monotonic_s: float

    def now(self) -> float: ...

    def sleep_until(self, t_s: float) -> None: ...


class RealClock:
    """Seconds since the clock was made, on the monotonic clock (never jumps with wall time)."""

    def __init__(self) -> None:
        self.origin_monotonic_s = time.monotonic()

    def now(self) -> float:
        return time.monotonic() - self.origin_monotonic_s

    def sleep_until(self, t_s: float) -> None:
        delay = t_s - self.now()
        if delay > 0:
            time.sleep(delay)


class FakeClock:
    """A clock that only moves when told to: for tests and for running faster than real time."""

    def __init__(self) -> None:
        self.origin_monotonic_s = time.monotonic()
        self.t_s = 0.0

    def now(self) -> float:
        return self.t_s

    def sleep_until(self, t_s: float) -> None:
        self.t_s = max(self.t_s, t_s)


class ReplayClock:
    """Real time played at an adjustable speed, and pausable: for watching recorded sessions."""

    SPEEDS = (0.25, 0.5, 1.0, 2.0, 4.0, 8.0)

    def __init__(self, speed: float = 1.0) -> None:
        self.origin_monotonic_s = time.monotonic()
        self._base_s = 0.0
        self._since = self.origin_monotonic_s
        self.speed = speed
        self.paused = False

    def now(self) -> float:
        if self.paused:
            return self._base_s
        return self._base_s + (time.monotonic() - self._since) * self.speed

    def _rebase(self) -> None:
        self._base_s = self.now()
        self._since = time.monotonic()

    def toggle_pause(self) -> None:
        self._rebase()
        self.paused = not self.paused

    def faster(self, steps: int) -> None:
        """Move ``steps`` along SPEEDS (negative: slower)."""
        self._rebase()
        index = min(range(len(self.SPEEDS)), key=lambda i: abs(self.SPEEDS[i] - self.speed))
        self.speed = self.SPEEDS[max(0, min(len(self.SPEEDS) - 1, index + steps))]

    def sleep_until(self, t_s: float) -> None:
        delay = (t_s - self.now()) / self.speed
        time.sleep(min(max(delay, 0.0), 0.05))
