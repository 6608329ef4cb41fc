"""What `balance-game devices pair` says where its assistant cannot help: precise steps.

On Linux the assistant pairs through BlueZ over D-Bus; on Windows and macOS the system's own
Bluetooth settings must do it. Plain text only, so every platform can import it (the assistant's
D-Bus library exists only on Linux). The first-run screen has its own shorter words.
"""

from __future__ import annotations

import sys

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

