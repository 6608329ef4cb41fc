"""Stand-ins for hardware, for demos, the benchmark and tests — never on the product's own paths.

Nothing in devices/, game/ or storage/ imports this package. A person reaches it only through the
explicit demo hook of the command line: ``BALANCE_GAME_FAKE_BOARD=<scenario> balance-game ...``
(see ``demo_backend`` and drivers/README.md), and the benchmark imports it by name.
"""

from __future__ import annotations

import os

from balance_game.devices.hid_backend import HidBackend

FAKE_BOARD_ENV = "BALANCE_GAME_FAKE_BOARD"


def demo_backend() -> HidBackend | None:
    """The byte-level fake board when ``BALANCE_GAME_FAKE_BOARD`` names a scenario, else None."""
    scenario = os.environ.get(FAKE_BOARD_ENV)
    if not scenario:
        return None
    from balance_game.demo.fake_wii_board import FakeBackend

    return FakeBackend.from_scenario(scenario)
