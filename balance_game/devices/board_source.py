"""Balance boards as an InputSource: find them, open them, turn their stream into Samples.

``open_board("wbb")``, ``open_board("hid:PROFILE_ID")`` or ``open_board("serial:PROFILE_ID")``
runs the device's conversation in the caller's thread (so a missing board or a permission problem
is an immediate, readable error), then a reader thread takes over. ``poll`` drains that thread's
queue without blocking and applies the tare and the centre-of-pressure geometry in session time.

A Wii board that the Linux ``hid-wiimote`` driver owns is read through the driver's input device
(``evdev_board``) and its hidraw node is left alone; elsewhere we hold the conversation ourselves.
"""

from __future__ import annotations

import sys
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from balance_game.core.records import DeviceStatus, Sample
from balance_game.devices.cell_profile import CellBoardProfile
from balance_game.devices.hid_backend import DeviceGone, DeviceInfo, HidBackend, default_backend
from balance_game.devices.kernel_wiimote import (
    KernelBoard,
    driver_loaded,
    find_kernel_boards,
    kernel_hidraw_nodes,
    sysfs_root,
)
from balance_game.devices.link import BoardLink
from balance_game.devices.loadcell_board import LoadCellLink
from balance_game.devices.profiles import Profile, WiiProfile, load_profiles
from balance_game.devices.reader import DeviceReader, RawSample, ReaderCounters, ReaderEvent
from balance_game.devices.tare_store import TareStore
from balance_game.devices.wii_board import WiiBoardLink
from balance_game.dsp.calibration import Corners, Tare, compute_tare
from balance_game.dsp.cop import cop_mm
from balance_game.errors import UserError

WII_SPEC = "wbb"
BoardProfile = WiiProfile | CellBoardProfile


class BoardUnavailable(UserError):
    """No board of that kind answered (none connected, switched off, or not a board)."""


@dataclass(frozen=True)
class DetectedBoard:
    """A connected device that matches a board profile; ``spec`` opens exactly this kind."""

    name: str
    profile_id: str
    spec: str
    info: DeviceInfo
    kind: str = "board"
    route: str = "hidraw"  # "kernel" (hid-wiimote's input device) or "hidraw" (our conversation)

    @property
    def path(self) -> str:
        return self.info.path_text


def _board_profiles(profiles: dict[str, Profile]) -> list[BoardProfile]:
    return [p for p in profiles.values() if isinstance(p, WiiProfile | CellBoardProfile)]


def _spec_for(profile: BoardProfile) -> str:
    return WII_SPEC if isinstance(profile, WiiProfile) else profile.spec


def _matches(profile: BoardProfile, info: DeviceInfo) -> bool:
    if profile.identity is None:
        return False
    wanted = profile.identity.product_string
    if isinstance(profile, WiiProfile):
        # An unnamed device with a Wii Remote's IDs may be a board; its extension ID will tell.
        return info.product_string in ("", wanted)
    return wanted is None or info.product_string == wanted


def _candidates(backend: HidBackend, profile: BoardProfile, root: Path | None = None
                ) -> list[DeviceInfo]:
    """Matching HID devices, minus Wii devices the kernel driver owns (we would fight it).

    For a serial board: its port(s), as DeviceInfo with the port as path.
    """
    if isinstance(profile, CellBoardProfile) and profile.transport == "serial":
        return _serial_candidates(profile)
    ident = profile.identity
    if ident is None:
        return []
    found = backend.enumerate(ident.vendor_id, ident.product_id)
    owned = kernel_hidraw_nodes(root) if isinstance(profile, WiiProfile) else set()
    return [info for info in found
            if _matches(profile, info) and Path(info.path_text).name not in owned]


def _serial_candidates(profile: CellBoardProfile) -> list[DeviceInfo]:
    from balance_game.devices.serial_transport import find_ports

    ident = profile.identity
    vid, pid = (ident.vendor_id, ident.product_id) if ident is not None else (0, 0)
    return [DeviceInfo(port.encode(), vid, pid, serial_number=port) for port in find_ports(profile)
            if not port.startswith("/") or Path(port).exists()]


def wii_route(root: Path | None = None) -> tuple[str, str]:
    """("kernel" or "hidraw", why in plain words): how a Wii board is read on this machine."""
    root = root if root is not None else sysfs_root()
    boards = find_kernel_boards(root)
    if boards:
        where = ", ".join(f"{b.event_path} ({b.hid_name})" for b in boards)
        return "kernel", (f"the Linux hid-wiimote driver is bound to the board; reading its "
                          f"calibrated weights from {where} (hidraw left to the driver)")
    if driver_loaded(root):
        return "hidraw", ("hid-wiimote is loaded but has not bound a balance board; talking to "
                          "any board over hidraw")
    if sys.platform.startswith("linux"):
        return "hidraw", "no hid-wiimote kernel driver is loaded; talking to the board over hidraw"
    return "hidraw", f"no kernel driver on {sys.platform}; talking to the board through hidapi"


def _kernel_detected(profile: WiiProfile, board: KernelBoard) -> DetectedBoard:
    info = DeviceInfo(str(board.event_path).encode(), profile.identity.vendor_id,
                      profile.identity.product_id, profile.identity.product_string or "", "",
                      board.uniq)
    return DetectedBoard(profile.name, profile.id, WII_SPEC, info, route="kernel")


def detect_boards(
    backend: HidBackend | None = None, profiles: dict[str, Profile] | None = None,
    root: Path | None = None,
) -> list[DetectedBoard]:
    """Every connected device that one of the board profiles describes (kernel boards first)."""
    backend = backend if backend is not None else default_backend()
    profiles = profiles if profiles is not None else load_profiles()
    found = [_kernel_detected(p, b) for p in _board_profiles(profiles)
             if isinstance(p, WiiProfile) for b in find_kernel_boards(root)][:1]
    return found + [
        DetectedBoard(profile.name, profile.id, _spec_for(profile), info)
        for profile in _board_profiles(profiles)
        for info in _candidates(backend, profile, root)
    ]


def _open_link(backend: HidBackend, profile: BoardProfile, info: DeviceInfo) -> BoardLink:
    if isinstance(profile, WiiProfile):
        return WiiBoardLink.open(backend, info, profile)
    if profile.transport == "serial":
        from balance_game.devices.serial_transport import SerialCellLink

        return SerialCellLink.open(profile, info.path_text)
    return LoadCellLink.open(backend, info, profile)


def _profile_for_spec(spec: str, profiles: dict[str, Profile]) -> BoardProfile:
    boards = _board_profiles(profiles)
    if spec == WII_SPEC:
        wii = [p for p in boards if isinstance(p, WiiProfile)]
        if wii:
            return wii[0]
    else:
        match = [p for p in boards if isinstance(p, CellBoardProfile) and p.spec == spec]
        if match:
            return match[0]
    cell_specs = [p.spec for p in boards if isinstance(p, CellBoardProfile)]
    known = ", ".join([WII_SPEC, *cell_specs])
    raise UserError(f"unknown device {spec!r} (one of: auto, {known})")


def _connect_kernel(profile: WiiProfile, root: Path | None, prefer: str | None) -> BoardLink:
    """The kernel driver's input device for the board (the previous board first)."""
    from balance_game.devices.evdev_board import EvdevBoardLink

    boards = sorted(find_kernel_boards(root), key=lambda b: b.identity != prefer)
    if not boards:
        raise DeviceGone(f"no {profile.name} bound to hid-wiimote")
    return EvdevBoardLink(boards[0], profile.name)


def _connect_first(backend: HidBackend, profile: BoardProfile, prefer: str | None,
                   root: Path | None = None) -> BoardLink:
    """Open the first candidate that completes the conversation, the previous board first.

    A Wii board the kernel driver owns is read through the driver's input device instead.
    """
    if isinstance(profile, WiiProfile) and find_kernel_boards(root):
        return _connect_kernel(profile, root, prefer)
    candidates = _candidates(backend, profile, root)
    candidates.sort(key=lambda i: (i.serial_number or i.path_text) != prefer)
    failures = []
    for info in candidates:
        try:
            return _open_link(backend, profile, info)
        except DeviceGone as exc:  # NotABoard included: a Wii Remote shares the board's IDs
            failures.append(str(exc))
    raise DeviceGone("; ".join(failures) or f"no {profile.name} connected")


class BoardSource:
    """A balance board as an InputSource (kind "board"); samples in session time, tared."""

    kind = "board"

    def __init__(self, link: BoardLink, reconnect: Callable[[], BoardLink], profile: BoardProfile,
                 *, tare: Tare | None = None, tare_store: TareStore | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.name = link.name
        self.identity = link.identity
        self.profile = profile
        self._tare = tare or Tare()
        self._tare_store = tare_store
        self._tare_window: list[Corners] | None = None
        self._reader = DeviceReader(link, reconnect, clock=clock)
        self._pending: deque[RawSample | ReaderEvent] = deque()
        self._button_down = False
        self.battery_low = False  # the board said so: the game warns before and during play
        self._actions: list[str] = []
        self._origin_s = clock()
        self._reader.start()  # reports that arrive before start() are read and then discarded

    @property
    def counters(self) -> ReaderCounters:
        return self._reader.counters

    @property
    def tare(self) -> Tare:
        return self._tare

    def start(self, origin_monotonic_s: float) -> None:
        self._origin_s = origin_monotonic_s

    def poll(self, t_s: float) -> list[Sample | DeviceStatus]:
        self._pending.extend(self._reader.drain())
        out: list[Sample | DeviceStatus] = []
        while self._pending and self._pending[0].t_monotonic_s - self._origin_s <= t_s:
            item = self._pending.popleft()
            item_t_s = item.t_monotonic_s - self._origin_s
            if item_t_s < 0:
                continue  # from before the session began
            if isinstance(item, ReaderEvent):
                self.battery_low = self.battery_low or item.state == "battery_low"
                out.append(DeviceStatus(item_t_s, item.state, item.message))
            else:
                self._track_button(item.front_button)
                out.append(self._sample(item_t_s, item.corners_kg))
        return out

    def _track_button(self, down: bool) -> None:
        if down and not self._button_down:
            self._actions.append("confirm")
        self._button_down = down

    def take_actions(self) -> list[str]:
        """Actions from the board's own button since the last call: its front button confirms.

        A player standing on the board can press it with a toe, so menus work without a pad.
        """
        actions, self._actions = self._actions, []
        return actions

    def _sample(self, t_s: float, factory_kg: Corners) -> Sample:
        if self._tare_window is not None:
            self._tare_window.append(factory_kg)
        corners = self._tare.apply(factory_kg)
        # Nobody on the board: the centre, with total_kg telling consumers the COP means nothing.
        cop = cop_mm(corners, self.profile.geometry, self.profile.orientation) or (0.0, 0.0)
        return Sample(t_s, cop[0], cop[1], corners)

    def start_tare(self) -> None:
        """Collect the factory-calibrated readings of the next polls (the board must be empty)."""
        self._tare_window = []

    def finish_tare(self) -> Tare:
        """Zero on what was collected since ``start_tare``, use it from now on and remember it.

        Raises BoardNotEmpty (a UserError) if the board carried a load, keeping the old tare.
        """
        window, self._tare_window = self._tare_window or [], None
        tare = compute_tare(window)
        self._tare = tare
        if self._tare_store is not None:
            self._tare_store.save(self.identity, self.name, tare)
        return tare

    def handle_event(self, event: object) -> None:
        """Boards are not driven by pygame events."""

    def set_goal(self, goal: object) -> None:
        """A person reads the goal from the screen."""

    def close(self) -> None:
        self._reader.stop()

    def switch_off(self) -> bool:
        """Disconnect a Bluetooth board, which switches it off: the game ends, batteries last.

        Only the Wii board on Linux (through BlueZ); False when nothing was switched off.
        """
        if not isinstance(self.profile, WiiProfile) or not sys.platform.startswith("linux"):
            return False
        from balance_game.devices.bluez_pairing import switch_off

        return switch_off(self.identity)


def open_board(spec: str, *, backend: HidBackend | None = None, use_tare: bool = True,
               tare_store: TareStore | None = None,
               profiles: dict[str, Profile] | None = None,
               root: Path | None = None) -> BoardSource:
    """Open the board ``spec`` names ("wbb", "hid:ID", "serial:ID") or raise a UserError saying why.

    With ``use_tare`` the board's last stored tare is applied (and new tares are stored);
    without it the samples carry the factory calibration only.
    """
    backend = backend if backend is not None else default_backend()
    profiles = profiles if profiles is not None else load_profiles()
    profile = _profile_for_spec(spec, profiles)
    try:
        link = _connect_first(backend, profile, prefer=None, root=root)
    except DeviceGone as exc:
        raise BoardUnavailable(
            f"cannot open the {profile.name}: {exc} (is it switched on and paired? "
            "`balance-game devices` lists what is connected)"
        ) from None
    identity = link.identity
    store = (tare_store or TareStore()) if use_tare else None
    tare = store.load(identity) if store is not None else None
    return BoardSource(link, lambda: _connect_first(backend, profile, identity, root), profile,
                       tare=tare, tare_store=store)


def open_auto_board(*, backend: HidBackend | None = None, use_tare: bool = True,
                    profiles: dict[str, Profile] | None = None,
                    root: Path | None = None) -> BoardSource | None:
    """The first connected board that answers, or None (the caller falls back to another source)."""
    backend = backend if backend is not None else default_backend()
    profiles = profiles if profiles is not None else load_profiles()
    for board in detect_boards(backend, profiles, root):
        try:
            return open_board(board.spec, backend=backend, use_tare=use_tare, profiles=profiles,
                              root=root)
        except BoardUnavailable:
            continue  # e.g. a Wii Remote: same IDs, no board; a permission problem still shows
    return None
