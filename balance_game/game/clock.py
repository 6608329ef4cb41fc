"""Time sources for the loop: the real monotonic clock, or a fake one tests advance by hand."""

from __future__ import annotations

import time


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

    def advance(self, dt_s: float) -> None:
        self.t_s += dt_s

    def sleep_until(self, t_s: float) -> None:
        self.t_s = max(self.t_s, t_s)
