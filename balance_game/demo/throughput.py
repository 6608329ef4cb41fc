"""How many reports per second the real reader thread sustains, measured against the fake board.

The fake paces 0x34 reports on the monotonic clock and drops what a kernel buffer would drop when
the reader falls behind, so ``drops`` is what a slow reader would lose on real hardware.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable

from balance_game.demo.fake_wii_board import FakeBackend, FakeScript
from balance_game.devices.profiles import WiiProfile, get_profile
from balance_game.devices.reader import DeviceReader, RawSample
from balance_game.devices.wii_board import WiiBoardLink
from balance_game.errors import UserError

DRAIN_EVERY_S = 1 / 60  # like a game loop at 60 frames per second


def measure_reader_throughput(rate_hz: float = 1000, seconds: float = 60.0,
                              frame: Callable[[], None] | None = None) -> dict[str, float]:
    """Run the reader against the fake board paced at ``rate_hz`` for ``seconds``.

    Returns reports/s and samples/s received, drops (kernel-buffer overflow in the fake plus
    queue overflow in the reader), malformed reports and the largest gap between samples.
    With ``frame``, the main thread does that work (a game frame) before each drain, as the game
    does, so the gap shows whether the reader thread keeps up while the game draws.
    """
    backend = FakeBackend(FakeScript(rate_hz=rate_hz))
    profile = get_profile("wii-balance-board")
    if not isinstance(profile, WiiProfile):
        raise UserError(f"{profile.path}: kind: not a Wii board profile (transport: wii)")
    info = backend.enumerate()[0]
    reader = DeviceReader(WiiBoardLink.open(backend, info, profile),
                          lambda: WiiBoardLink.open(backend, info, profile))
    reader.drain()
    start_s = time.monotonic()
    reader.start()
    times: list[float] = []
    while time.monotonic() - start_s < seconds:
        began = time.monotonic()
        if frame is not None:
            frame()
        time.sleep(max(0.0, DRAIN_EVERY_S - (time.monotonic() - began)))
        times += [i.t_monotonic_s for i in reader.drain() if isinstance(i, RawSample)]
    elapsed_s = time.monotonic() - start_s
    reader.stop()
    counters = reader.counters
    gaps = [b - a for a, b in itertools.pairwise(times)]
    return {
        "rate_hz": float(rate_hz),
        "seconds": elapsed_s,
        "reports_per_s": counters.reports / elapsed_s,
        "samples_per_s": counters.samples / elapsed_s,
        "drops": float(backend.reports_dropped + counters.dropped),
        "malformed": float(counters.malformed),
        "max_gap_ms": 1000 * max(gaps, default=0.0),
    }
