"""What to do by hand where the pairing assistant cannot help, in words a person can follow.

On Linux `balance-game devices pair` (BlueZ over D-Bus) does the pairing; on Windows and macOS the
system's own Bluetooth settings must, and these are the precise steps. Plain text only, so every
platform can import it (the assistant's D-Bus library exists only on Linux).
"""

from __future__ import annotations

import sys

LINUX_STEPS = ("Run: balance-game devices pair, then open the battery cover of the board and "
               "press the small red SYNC button when it asks. It finds, pairs and connects the "
               "board and says each step.")
MANUAL_STEPS = {
    "win32": (
        "Windows: open Settings > Bluetooth & devices > Add device > Bluetooth. Open the battery "
        "cover of the board and press the red SYNC button, then pick \"Nintendo RVL-WBC-01\". "
        "If Windows asks for a PIN, choose Next without typing one. If pairing fails, open "
        "Control Panel > Devices and Printers > Add a device, press SYNC again and pair "
        "without a code. Repeat after a restart if the board stops connecting."),
    "darwin": (
        "macOS: recent macOS versions cannot pair the Wii board on their own. Use a helper that "
        "pairs Nintendo devices (for example Dolphin's WiimotePair, changed to accept "
        "\"RVL-WBC-01\"), press the red SYNC button under the battery cover while it searches, "
        "then start the game. This path is not tested by us on real hardware."),
}


def manual_instructions(platform: str = sys.platform) -> str | None:
    """What to do by hand on systems without BlueZ; None on Linux (the assistant does it)."""
    return None if platform.startswith("linux") else MANUAL_STEPS.get(
        platform, "Pair the board with your system's Bluetooth settings: press the red SYNC "
                  "button under its battery cover and choose \"Nintendo RVL-WBC-01\".")


def pairing_help(platform: str = sys.platform) -> str:
    """The steps for this platform (Linux: how to start the assistant)."""
    return manual_instructions(platform) or LINUX_STEPS
