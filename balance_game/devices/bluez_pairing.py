"""Pairing the Wii board with BlueZ over D-Bus, step by step in plain words, and switching it off.

Pairing by hand means `bluetoothctl`, a terminal and remembering to trust the board; people drop
out there. This module walks the same path BlueZ's own tools do — power the adapter, discover
"Nintendo RVL-WBC-01" while the person presses the red SYNC button, Pair (BlueZ's wiimote plugin
supplies the board's PIN by itself), set Trusted so the front button reconnects it later, Connect —
and tells each step to a callback, so the first-run screen and `devices pair` say the same words.

Disconnecting a board over Bluetooth switches it off, which is how the game saves its batteries
when a session ends. This module is the only importer of jeepney (a pure-Python D-Bus library);
it talks to the system bus, or to whatever ``DBUS_SYSTEM_BUS_ADDRESS`` names (tests, a mock).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from jeepney import DBusAddress, DBusErrorResponse, new_method_call  # type: ignore[import-untyped]
from jeepney.io.blocking import (  # type: ignore[import-untyped]
    DBusConnection,
    open_dbus_connection,
)

from balance_game.errors import UserError
from balance_game.i18n import N_, phrase

BOARD_NAME = "Nintendo RVL-WBC-01"
BLUEZ = "org.bluez"
ADAPTER = "org.bluez.Adapter1"
DEVICE = "org.bluez.Device1"
PROPERTIES = "org.freedesktop.DBus.Properties"
CALL_TIMEOUT_S = 30.0  # pairing waits for the board's answer
DISCOVER_POLL_S = 0.5

Say = Callable[[str], None]

class PairingError(UserError):
    """A pairing step failed; the message says which and what to try."""


class NoBluetooth(PairingError):
    """BlueZ cannot be reached at all (no system bus, no bluetooth service)."""


@dataclass(frozen=True)
class PairedBoard:
    address: str
    path: str
    adapter: str


class BlueZ:
    """A small blocking client for the parts of BlueZ the assistant needs."""

    def __init__(self, connection: DBusConnection) -> None:
        self._conn = connection

    @classmethod
    def open(cls) -> BlueZ:
        try:
            return cls(open_dbus_connection(bus="SYSTEM"))
        except (OSError, KeyError, ValueError) as exc:
            raise NoBluetooth(f"cannot reach Bluetooth (BlueZ on the system D-Bus): {exc}; is "
                               "the bluetooth service running? (`systemctl status bluetooth`)"
                               ) from None

    def close(self) -> None:
        self._conn.close()

    def call(self, path: str, interface: str, method: str, signature: str | None = None,
             body: tuple[Any, ...] = (), timeout: float = CALL_TIMEOUT_S) -> tuple[Any, ...]:
        msg = new_method_call(DBusAddress(path, bus_name=BLUEZ, interface=interface), method,
                              signature, body)
        reply = self._conn.send_and_get_reply(msg, timeout=timeout)
        if reply.header.message_type.name == "error":
            raise DBusErrorResponse(reply)
        return tuple(reply.body)

    def objects(self) -> dict[str, dict[str, dict[str, Any]]]:
        """GetManagedObjects: every adapter and device BlueZ knows, with their properties."""
        (found,) = self.call("/", "org.freedesktop.DBus.ObjectManager", "GetManagedObjects",
                             timeout=5.0)
        return {path: {iface: {k: v[1] for k, v in props.items()}
                       for iface, props in ifaces.items()} for path, ifaces in found.items()}

    def set(self, path: str, interface: str, name: str, value: bool) -> None:
        self.call(path, PROPERTIES, "Set", "ssv", (interface, name, ("b", value)), timeout=5.0)


def _adapter(objects: dict[str, dict[str, dict[str, Any]]]) -> str:
    adapters = sorted(p for p, ifaces in objects.items() if ADAPTER in ifaces)
    if not adapters:
        raise PairingError("no Bluetooth adapter found (plug in a Bluetooth dongle, or switch "
                           "Bluetooth on in your system settings)")
    return adapters[0]


def _boards(objects: dict[str, dict[str, dict[str, Any]]]) -> list[tuple[str, dict[str, Any]]]:
    return sorted((p, ifaces[DEVICE]) for p, ifaces in objects.items() if DEVICE in ifaces
                  and BOARD_NAME in (ifaces[DEVICE].get("Name"), ifaces[DEVICE].get("Alias")))


def _discover(bluez: BlueZ, adapter: str, say: Say, timeout_s: float
              ) -> tuple[str, dict[str, Any]]:
    boards = _boards(bluez.objects())
    if boards:
        return boards[0]
    say(N_("Open the battery cover of the board and press the small red SYNC button."))
    # The board is a classic (BR/EDR) device: no need to scan for Bluetooth Low Energy ones.
    bluez.call(adapter, ADAPTER, "SetDiscoveryFilter", "a{sv}",
               ({"Transport": ("s", "bredr")},), timeout=5.0)
    bluez.call(adapter, ADAPTER, "StartDiscovery", timeout=5.0)
    try:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            boards = _boards(bluez.objects())
            if boards:
                return boards[0]
            time.sleep(DISCOVER_POLL_S)
    finally:
        bluez.call(adapter, ADAPTER, "StopDiscovery", timeout=5.0)
    raise PairingError(f"no balance board found in {timeout_s:.0f} s (press the red SYNC button "
                       "under the battery cover while searching, and check the batteries)")


def _step(say: Say, words: str, action: Callable[[], object], failure: str) -> None:
    say(words)
    try:
        action()
    except DBusErrorResponse as exc:
        raise PairingError(f"{failure} ({exc.name}); press SYNC on the board and try again"
                           ) from None


def pair_board(say: Say, *, timeout_s: float = 60.0, bluez: BlueZ | None = None) -> PairedBoard:
    """Find, pair, trust and connect the board, telling ``say`` each step in plain words."""
    own = bluez is None
    client = bluez or BlueZ.open()
    try:
        return _pair(client, say, timeout_s)
    except DBusErrorResponse as exc:
        raise PairingError(f"Bluetooth refused a step ({exc.name}); try again, or pair the "
                           "board with your system's Bluetooth settings") from None
    finally:
        if own:
            client.close()


def _pair(client: BlueZ, say: Say, timeout_s: float) -> PairedBoard:
    objects = client.objects()
    adapter = _adapter(objects)
    if not objects[adapter][ADAPTER].get("Powered", False):
        _step(say, N_("Switching Bluetooth on."),
              lambda: client.set(adapter, ADAPTER, "Powered", True),
              "could not switch Bluetooth on")
    say(N_("Looking for the balance board."))
    path, props = _discover(client, adapter, say, timeout_s)
    address = str(props.get("Address", ""))
    say(phrase("Found the balance board ({address}).", address=address))
    if not props.get("Paired", False):
        _step(say, N_("Pairing with the board."), lambda: client.call(path, DEVICE, "Pair"),
              "pairing failed")
    if not props.get("Trusted", False):
        _step(say, N_("Remembering the board, so its front button reconnects it."),
              lambda: client.set(path, DEVICE, "Trusted", True), "could not trust the board")
    if not props.get("Connected", False):
        _step(say, N_("Connecting."), lambda: client.call(path, DEVICE, "Connect"),
              "connecting failed")
    say(N_("The board is paired and connected."))
    return PairedBoard(address, path, adapter)


def pair_in_background(say: Say, timeout_s: float = 10.0) -> bool:
    """One round of the assistant for a screen's background search, telling ``say`` each step.

    Failures are said, not raised; False when there is no Bluetooth to ask (stop trying then).
    """
    try:
        pair_board(say, timeout_s=timeout_s)
    except NoBluetooth:
        return False
    except PairingError as exc:
        say(str(exc))
    return True


def switch_off(address: str, *, bluez: BlueZ | None = None) -> bool:
    """Disconnect the board with this Bluetooth address, which switches it off.

    False when there was nothing to switch off (unknown, already off, or no BlueZ at all).
    """
    own = bluez is None
    try:
        client = bluez or BlueZ.open()
    except PairingError:
        return False
    try:
        for path, props in _boards(client.objects()):
            if str(props.get("Address", "")).upper() == address.upper():
                client.call(path, DEVICE, "Disconnect", timeout=5.0)
                return True
        return False
    except (DBusErrorResponse, OSError, TimeoutError):  # no BlueZ on the bus, or it went away
        return False
    finally:
        if own:
            client.close()
