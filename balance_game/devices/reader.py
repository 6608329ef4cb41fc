"""A reader thread per board: reads as fast as reports come, timestamps them, survives the link.

The game loop must never wait for a device and a device must never wait for the game loop, so the
thread reads with a timeout (never sleeps while a link is open), stamps each report with
``time.monotonic()`` the moment it arrives, and hands it over through a thread-safe queue. It
notices stalls (no data for ~0.5 s) and lost links, reconnects by re-running the conversation, and
keeps the queue (and its order) across reconnects, so a session never loses or repeats a sample.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from balance_game.devices.hid_backend import DeviceGone
from balance_game.devices.link import BoardLink, LinkReading
from balance_game.devices.parsers import ReportError
from balance_game.dsp.calibration import Corners
from balance_game.errors import UserError

STALL_AFTER_S = 0.5
RETRY_EVERY_S = 0.5
READ_TIMEOUT_MS = 50
MAX_QUEUED = 600_000  # ten minutes at 1 kHz before the game loop is considered gone


@dataclass(frozen=True, slots=True)
class RawSample:
    """Factory-calibrated corner loads (tl, tr, bl, br) stamped on arrival (monotonic seconds)."""

    t_monotonic_s: float
    corners_kg: Corners
    front_button: bool


@dataclass(frozen=True, slots=True)
class ReaderEvent:
    """A change in the link: state is one of DeviceStatus's ("connected", "lost", ...)."""

    t_monotonic_s: float
    state: str
    message: str


@dataclass
class ReaderCounters:
    """Written only by the reader thread; others just look."""

    reports: int = 0  # every report that arrived, usable or not
    samples: int = 0
    no_data: int = 0  # status, acks, replies, all-0xFF / all-zero payloads
    malformed: int = 0  # short, unknown, garbage
    dropped: int = 0  # samples thrown away because nobody drained the queue
    reconnects: int = 0


class DeviceReader:
    """Owns a link and the thread that reads it; ``connect`` builds a fresh link after a loss."""

    def __init__(
        self,
        link: BoardLink,
        connect: Callable[[], BoardLink],
        *,
        stall_after_s: float = STALL_AFTER_S,
        retry_every_s: float = RETRY_EVERY_S,
        read_timeout_ms: int = READ_TIMEOUT_MS,
        max_queued: int = MAX_QUEUED,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._link: BoardLink | None = link
        self._connect = connect
        self._stall_after_s = stall_after_s
        self._retry_every_s = retry_every_s
        self._read_timeout_ms = read_timeout_ms
        self._clock = clock
        self._queue: queue.Queue[RawSample | ReaderEvent] = queue.Queue(max_queued)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"reader:{link.name}", daemon=True)
        self.counters = ReaderCounters()
        self._last_data_s = clock()
        self._stalled = False
        self._battery_low = False

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        """Stop the thread and close the link (the board's LED goes off)."""
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=2.0)
        if self._link is not None:
            self._link.close()
            self._link = None

    def drain(self) -> list[RawSample | ReaderEvent]:
        """Everything queued so far, in arrival order, without blocking."""
        items: list[RawSample | ReaderEvent] = []
        while True:
            try:
                items.append(self._queue.get_nowait())
            except queue.Empty:
                return items

    def _put(self, item: RawSample | ReaderEvent) -> None:
        try:
            self._queue.put_nowait(item)
        except queue.Full:
            self.counters.dropped += 1

    def _event(self, state: str, message: str) -> None:
        self._put(ReaderEvent(self._clock(), state, message))

    def _run(self) -> None:
        while not self._stop.is_set():
            link = self._link
            if link is None:
                self._reconnect()
                continue
            try:
                reading = link.read(self._read_timeout_ms)
            except DeviceGone as exc:
                self._lose(link, str(exc))
                continue
            except ReportError:
                self.counters.reports += 1
                self.counters.malformed += 1
                continue
            except Exception as exc:  # a driver hiccup must not end the session: start afresh
                self._lose(link, f"unexpected {type(exc).__name__}: {exc}")
                continue
            self._handle(link, reading, self._clock())

    def _handle(self, link: BoardLink, reading: LinkReading | None, now_s: float) -> None:
        if reading is not None:
            self.counters.reports += 1
            self._check_battery(reading)
        if reading is None or reading.corners_kg is None:
            if reading is not None:
                self.counters.no_data += 1
            self._check_stall(link, now_s)
            return
        if self._stalled:
            self._stalled = False
            self._put(ReaderEvent(now_s, "connected", f"{link.name}: data again"))
        self._last_data_s = now_s
        self.counters.samples += 1
        self._put(RawSample(now_s, reading.corners_kg, reading.front_button))

    def _check_stall(self, link: BoardLink, now_s: float) -> None:
        if self._stalled or now_s - self._last_data_s < self._stall_after_s:
            return
        self._stalled = True
        self._put(ReaderEvent(now_s, "stalled", f"{link.name}: no data for "
                                                f"{now_s - self._last_data_s:.1f} s"))
        try:
            link.resume()
        except DeviceGone as exc:
            self._lose(link, str(exc))

    def _check_battery(self, reading: LinkReading) -> None:
        if reading.battery_low is None or reading.battery_low == self._battery_low:
            return
        self._battery_low = reading.battery_low
        if reading.battery_low:
            self._event("battery_low", "the board's batteries are low; replace them soon")

    def _lose(self, link: BoardLink, why: str) -> None:
        self._event("lost", f"{link.name}: connection lost ({why}); reconnecting")
        link.close()
        self._link = None

    def _reconnect(self) -> None:
        try:
            link = self._connect()
        except (DeviceGone, UserError):  # not back yet (or not openable yet): try again soon
            self._stop.wait(self._retry_every_s)
            return
        if self._stop.is_set():  # closed while we were reconnecting: nobody will read it
            link.close()
            return
        self.counters.reconnects += 1
        self._link = link
        self._last_data_s = self._clock()
        self._stalled = False
        self._event("connected", f"{link.name}: reconnected")
