"""``balance-game devices | record | tare``: see, record and zero the connected hardware.

Thin commands over ``balance_game.devices``; with ``BALANCE_GAME_FAKE_BOARD=<scenario>`` they run
against the byte-level fake board (tests and demos, see drivers/README.md).
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click

from balance_game.cli.help_text import command, group
from balance_game.cli.options import DAY_S, Number
from balance_game.core.records import Sample
from balance_game.demo import demo_backend
from balance_game.devices.board_source import (
    BoardSource,
    DetectedBoard,
    detect_boards,
    open_auto_board,
    open_board,
    wii_route,
)
from balance_game.devices.cell_profile import CellBoardProfile
from balance_game.devices.hid_backend import DeviceGone, HidBackend, default_backend, udev_rule
from balance_game.devices.kernel_wiimote import battery_percent as kernel_battery_percent
from balance_game.devices.kernel_wiimote import find_kernel_boards
from balance_game.devices.profiles import (
    GamepadProfile,
    WiiProfile,
    load_profiles,
    user_drivers_dir,
)
from balance_game.devices.wii_board import battery_percent, request_status
from balance_game.errors import UserError
from balance_game.i18n import N_, _
from balance_game.storage.samples_csv import write_samples_file

DEVICE_HELP = N_("auto (the first board found), wbb, hid:PROFILE_ID or serial:PROFILE_ID.")
LOST_GRACE_S = 5.0  # how long a recording waits for a lost board to come back
TARE_SETTLE_S = 0.3
TARE_WINDOW_S = 2.0  # Nintendo's guidance: average the empty board over 2 s
POLL_EVERY_S = 0.01


def _open(device: str, backend: HidBackend, use_tare: bool = True) -> BoardSource:
    if device != "auto":
        return open_board(device, backend=backend, use_tare=use_tare)
    source = open_auto_board(backend=backend, use_tare=use_tare)
    if source is None:
        raise UserError(_("no balance board connected (switch it on, pair it, then try again; "
                          "`balance-game devices` lists what is connected)"))
    return source


def _battery(board: DetectedBoard, backend: HidBackend) -> float | None:
    """Only the Wii board reports its battery: from the kernel driver, or a status round trip."""
    if board.spec != "wbb":
        return None
    if board.route == "kernel":
        owned = [b for b in find_kernel_boards() if str(b.event_path) == board.path]
        return kernel_battery_percent(owned[0]) if owned else None
    try:
        device = backend.open(board.info)
    except (DeviceGone, UserError):
        return None
    try:
        return round(battery_percent(request_status(device)))
    except DeviceGone:
        return None
    finally:
        device.close()


def _device_rows(backend: HidBackend) -> list[dict[str, Any]]:
    rows = [
        {"name": b.name, "kind": b.kind, "profile": b.profile_id, "spec": b.spec,
         "path": b.path, "battery_percent": _battery(b, backend), "route": b.route}
        for b in detect_boards(backend)
    ]
    from balance_game.devices.gamepad import connected_gamepads

    rows += [{"name": name, "kind": "gamepad", "profile": "gamepad-standard", "spec": "gamepad",
              "path": "", "battery_percent": None, "route": "sdl"}
             for name in connected_gamepads()]
    return rows


@group(invoke_without_command=True)
@click.option("--json", "as_json", is_flag=True, help=N_("Print a JSON list instead of a table."))
@click.pass_context
def devices(ctx: click.Context, as_json: bool) -> None:
    """List connected balance boards and gamepads (name, kind, profile, path, battery)."""
    if ctx.invoked_subcommand is not None:
        return
    rows = _device_rows(demo_backend() or default_backend())
    route, why = wii_route()
    if as_json:
        click.echo(json.dumps(rows, indent=2))
        return
    if not rows:
        click.echo(_("no boards or gamepads connected"))
    for r in rows:
        battery = "" if r["battery_percent"] is None else "  " + _("battery {percent}%").format(
            percent=r["battery_percent"])
        path = f"  {r['path']}" if r["path"] else ""
        click.echo(f"{r['kind']:8} {r['spec']:26} {r['name']}{path}{battery}")
    click.echo(_("Wii board path: {route} ({why})").format(route=route, why=why))


def _status_line(sample: Sample, rate_hz: float) -> str:
    tl, tr, bl, br = sample.corners_kg or (0.0, 0.0, 0.0, 0.0)
    total = sample.total_kg or 0.0
    return (f"TL {tl:6.2f}  TR {tr:6.2f}  BL {bl:6.2f}  BR {br:6.2f}  total {total:6.2f} kg"
            f"   COP x {sample.cop_x_mm:+7.1f} y {sample.cop_y_mm:+7.1f} mm   {rate_hz:5.0f} Hz")


@devices.command()
@click.option("--device", default="auto", show_default=True, help=DEVICE_HELP)
@click.option("--seconds", type=Number(0, DAY_S), default=0,
              help=N_("Stop after this long (0: until Ctrl-C)."))
def watch(device: str, seconds: float) -> None:
    """Live corner loads, total, COP and sample rate, refreshed in place; Ctrl-C ends it."""
    source = _open(device, (demo_backend() or default_backend()))
    origin = time.monotonic()
    source.start(origin)
    arrivals: list[float] = []
    try:
        while not seconds or time.monotonic() - origin < seconds:
            now_s = time.monotonic() - origin
            items = source.poll(now_s)
            samples = [i for i in items if isinstance(i, Sample)]
            for status in (i for i in items if not isinstance(i, Sample)):
                click.echo(f"\r\x1b[2K{status.state}: {status.message}", err=True)
            arrivals = [t for t in arrivals if t > now_s - 1.0] + [s.t_s for s in samples]
            if samples:
                click.echo(f"\r\x1b[2K{_status_line(samples[-1], len(arrivals))}", nl=False)
            time.sleep(0.05)
    except KeyboardInterrupt:
        pass  # Ctrl-C is how a person ends the watch: a clean exit, not an error
    finally:
        source.close()
        click.echo("")


@devices.command("udev-rules")
def udev_rules() -> None:
    """Print Linux udev rules granting hidraw access to every board in drivers/."""
    click.echo("# balance-game: hidraw access for balance boards "
               "(save as /etc/udev/rules.d/70-balance-game.rules)")
    for profile in load_profiles().values():
        is_hid = isinstance(profile, WiiProfile) or (
            isinstance(profile, CellBoardProfile) and profile.transport == "hid_loadcell")
        ident = getattr(profile, "identity", None)
        if is_hid and ident is not None:
            bus = getattr(profile, "bus", "usb")
            click.echo(f"# {profile.name} ({bus})")
            click.echo(udev_rule(ident.vendor_id, ident.product_id, bus == "bluetooth"))


def _profile_row(profile: WiiProfile | CellBoardProfile | GamepadProfile) -> dict[str, Any]:
    if isinstance(profile, GamepadProfile):
        spec, transport = f"gamepad:{profile.id}", "sdl"
    elif isinstance(profile, WiiProfile):
        spec, transport = "wbb", "wii"
    else:
        spec, transport = profile.spec, profile.transport
    return {"id": profile.id, "name": profile.name, "kind": profile.kind,
            "transport": transport, "spec": spec, "file": str(profile.path)}


@devices.command()
@click.option("--json", "as_json", is_flag=True, help=N_("Print a JSON list instead of a table."))
def profiles(as_json: bool) -> None:
    """Every device profile (shipped, or from your own drivers folder) and the file it came from."""
    rows = [_profile_row(p) for p in sorted(load_profiles().values(), key=lambda p: p.id)]
    if as_json:
        click.echo(json.dumps(rows, indent=2))
        return
    for r in rows:
        click.echo(f"{r['kind']:8} {r['spec']:30} {r['name']}  ({r['file']})")
    click.echo(_("your own profiles go in {folder} (they replace shipped ones by id)").format(
        folder=user_drivers_dir()))


@devices.command()
@click.option("--timeout", "timeout_s", type=click.FloatRange(1, 600), default=60,
              show_default=True, help=N_("Seconds to search for the board."))
def pair(timeout_s: float) -> None:
    """Pair a Wii Balance Board step by step (Linux: through BlueZ), then switch it off."""
    from balance_game.devices.pairing_help import manual_instructions

    manual = manual_instructions()
    if manual is not None:
        click.echo(manual)
        return
    from balance_game.devices.bluez_pairing import pair_board, switch_off

    board = pair_board(lambda words: click.echo(_(words)), timeout_s=timeout_s)
    if switch_off(board.address):
        click.echo(_("Switched the board off to save its batteries; press its front button to "
                     "wake it when you play."))


def _recorded(source: BoardSource, seconds: float, counter: list[int],
              gone_at: list[float]) -> Iterator[Sample]:
    """Samples for ``seconds`` of session time; a board lost for good ends them early.

    Then the time it was lost is appended to ``gone_at``.
    """
    origin = time.monotonic()
    source.start(origin)
    lost_at_s: float | None = None
    while True:
        now_s = time.monotonic() - origin
        for item in source.poll(min(now_s, seconds)):
            if isinstance(item, Sample):
                counter[0] += 1
                yield item
                continue
            click.echo(f"{item.t_s:8.3f} s  {item.state}: {item.message}", err=True)
            if item.state == "lost":
                lost_at_s = item.t_s if lost_at_s is None else lost_at_s
            elif item.state == "connected":
                lost_at_s = None
        if now_s >= seconds:
            return
        if lost_at_s is not None and now_s - lost_at_s > LOST_GRACE_S:
            gone_at.append(lost_at_s)  # end the file here; the caller reports it once written
            return
        time.sleep(POLL_EVERY_S)


@command()
@click.option("--device", default="auto", show_default=True, help=DEVICE_HELP)
@click.option("--seconds", type=Number(0, DAY_S, low_open=True), required=True,
              help=N_("How long to record."))
@click.option("--no-tare", is_flag=True, help=N_("Factory calibration only (no stored zero)."))
@click.option("--out", "out_path", type=click.Path(dir_okay=False, path_type=Path),
              required=True, help=N_("Samples CSV to write."))
def record(device: str, seconds: float, no_tare: bool, out_path: Path) -> None:
    """Record the live stream of a board to a samples CSV."""
    source = _open(device, (demo_backend() or default_backend()), use_tare=not no_tare)
    counter = [0]
    gone_at: list[float] = []
    try:
        write_samples_file(out_path, _recorded(source, seconds, counter, gone_at))
    finally:
        source.close()
    if gone_at:
        raise UserError(_("the board was lost at {time} s and did not come back; the {n} samples "
                          "before that were written").format(time=f"{gone_at[0]:.1f}",
                                                             n=counter[0]))
    counts = source.counters
    click.echo(_("{n} samples in {seconds} s written to {file} ({malformed} malformed reports "
                 "skipped, {reconnects} reconnects)").format(
        n=counter[0], seconds=f"{seconds:g}", file=out_path, malformed=counts.malformed,
        reconnects=counts.reconnects), err=True)


@command()
@click.option("--device", default="auto", show_default=True, help=DEVICE_HELP)
def tare(device: str) -> None:
    """Zero the board: it must be empty. The zero is stored for this board."""
    source = _open(device, (demo_backend() or default_backend()))
    try:
        origin = time.monotonic()
        source.start(origin)
        click.echo(_("zeroing: keep the board empty for 2 seconds..."), err=True)
        _poll_for(source, origin, TARE_SETTLE_S)
        source.start_tare()
        _poll_for(source, origin, TARE_SETTLE_S + TARE_WINDOW_S)
        result = source.finish_tare()
    finally:
        source.close()
    offsets = "  ".join(f"{c} {v:+.3f}" for c, v in zip(("TL", "TR", "BL", "BR"),
                                                        result.offsets_kg, strict=True))
    click.echo(_("zeroed {board}: offsets kg {offsets}").format(board=source.name,
                                                                offsets=offsets))


def _poll_for(source: BoardSource, origin: float, until_s: float) -> None:
    while (now_s := time.monotonic() - origin) < until_s:
        source.poll(now_s)
        time.sleep(POLL_EVERY_S)
    source.poll(until_s)


COMMANDS = [devices, record, tare]
