"""DIY boards by a file alone: a serial board over a real pty, a 6-float-cell HID board without a
report ID, and a user-folder profile replacing a shipped one. kg and COP are checked against the
textbook weighted mean of the loads put on each cell, not against the product's own math."""

import contextlib
import os
import struct
import textwrap
import threading
import time

import pytest

from balance_game.core.records import Sample
from balance_game.core.validation import DataFileError
from balance_game.devices.board_source import detect_boards, open_board
from balance_game.devices.hid_backend import DeviceInfo
from balance_game.devices.profiles import load_profile, load_profiles
from balance_game.devices.tare_store import TareStore

SERIAL_CELLS = [("front-left", -210, 120, 21500.0, 8400, 1), ("front-right", 210, 120, 21500.0,
                -150, 1), ("back-left", -210, -120, 20000.0, 300, -1),
                ("back-right", 210, -120, 21500.0, 7700, 1)]
SERIAL_KG = [(18.0, 21.0, 15.5, 16.0), (20.0, 19.0, 14.0, 18.5), (5.0, 30.0, 2.0, 33.0)]


def _expected(kgs, positions):
    total = sum(kgs)
    return total, (sum(k * x for k, (x, _) in zip(kgs, positions, strict=True)) / total,
                   sum(k * y for k, (_, y) in zip(kgs, positions, strict=True)) / total)


def _collect(source, n, limit=2000):
    origin = time.monotonic()
    source.start(origin)
    out = []
    for _ in range(limit):
        time.sleep(0.005)
        out += [s for s in source.poll(time.monotonic() - origin) if isinstance(s, Sample)]
        if len(out) >= n:
            break
    source.close()
    return out[:n]


def _serial_profile(folder, port):
    folder.mkdir(parents=True, exist_ok=True)
    cells = "\n".join(
        f"  - {{name: {n}, x_mm: {x}, y_mm: {y}, at: {i + 1}, counts_per_kg: {k}, "
        f"zero_counts: {z}, sign: {s}}}" for i, (n, x, y, k, z, s) in enumerate(SERIAL_CELLS))
    (folder / "my-board.yaml").write_text(textwrap.dedent(f"""\
        id: my-hx711
        name: My HX711 board
        kind: board
        transport: serial
        serial:
          port: {port}
          baudrate: 115200
          frame: line
        commands:
          start: [{{line: s}}]
          stop: [{{line: x}}]
        cells:
        """) + cells + "\n")


def _line(t_ms, kgs):
    counts = [z + s * k * per for k, (_, _, _, per, z, s) in zip(kgs, SERIAL_CELLS, strict=True)]
    return (f"{t_ms}," + ",".join(str(round(c)) for c in counts) + "\r\n").encode()


def _read_master(fd, until: bytes, limit=200):
    got = b""
    for _ in range(limit):
        try:
            got += os.read(fd, 256)
        except BlockingIOError:
            time.sleep(0.01)
        if until in got:
            return got
    return got


def test_a_yaml_only_serial_board_over_a_pty(tmp_path, monkeypatch):
    master, slave = os.openpty()
    os.set_blocking(master, False)
    user = tmp_path / "user-drivers"
    monkeypatch.setenv("BALANCE_GAME_USER_DRIVERS", str(user))
    _serial_profile(user, os.ttyname(slave))
    assert [b.spec for b in detect_boards(backend=_NoHid()) if b.profile_id == "my-hx711"] \
        == ["serial:my-hx711"]
    source = open_board("serial:my-hx711", backend=_NoHid(), use_tare=False)
    assert _read_master(master, b"s\n").endswith(b"s\n")  # the start command reached the board
    writer = threading.Thread(target=lambda: [
        os.write(master, b"HX711 ready\r\n" + b"".join(_line(10 * i, SERIAL_KG[i % 3])
                                                       for i in range(30)))])
    writer.start()
    samples = _collect(source, 30)
    writer.join()
    assert _read_master(master, b"x\n").endswith(b"x\n")  # and the stop command at close
    assert source.counters.malformed == 1  # the banner line, counted and skipped
    positions = [(x, y) for _, x, y, _, _, _ in SERIAL_CELLS]
    for i, sample in enumerate(samples):
        total, cop = _expected(SERIAL_KG[i % 3], positions)
        assert sample.total_kg == pytest.approx(total, abs=1e-3)  # counts rounded to whole
        assert (sample.cop_x_mm, sample.cop_y_mm) == pytest.approx(cop, abs=0.01)
    os.close(master)
    os.close(slave)


class _NoHid:
    def enumerate(self, vendor_id=0, product_id=0):
        return []

    def open(self, info):
        raise AssertionError("no HID device here")


SIX = [(-150, 100), (0, 150), (150, 100), (-150, -100), (0, -150), (150, -100)]
SIX_KG = (9.0, 12.5, 7.25, 11.0, 14.0, 6.5)


class _SixCellDevice:
    """A HID board without report IDs: six big-endian float32 counts, cell 2 mounted backwards."""

    def __init__(self, log):
        self.log = log

    def write(self, report):
        self.log.append(("output", bytes(report)))

    def send_feature_report(self, report):
        self.log.append(("feature", bytes(report)))

    def read(self, timeout_ms):
        time.sleep(0.002)
        counts = [k * 1000.0 + 50.0 for k in SIX_KG]
        counts[2] = 50.0 - SIX_KG[2] * 1000.0
        return struct.pack(">6f", *counts)

    def close(self):
        self.log.append(("closed", b""))


class _SixCellBackend:
    def __init__(self):
        self.log = []

    def enumerate(self, vendor_id=0, product_id=0):
        if (vendor_id, product_id) != (0x16C0, 0x27DC):
            return []
        return [DeviceInfo(b"/dev/hidraw7", 0x16C0, 0x27DC, "Six cell plate", serial_number="6C")]

    def open(self, info):
        return _SixCellDevice(self.log)


SIX_PROFILE = """\
id: six-cell-plate
name: Six-cell force plate
kind: board
transport: hid_loadcell
identity: {vendor_id: 0x16C0, product_id: 0x27DC}
report: {report_id: none, format: float32, byte_order: big}
commands:
  start: [{feature: "01 01"}, {output: "02"}]
  stop: [{output: "03"}]
cells:
"""


def test_a_yaml_only_hid_board_with_six_float_cells_and_no_report_id(tmp_path, monkeypatch):
    user = tmp_path / "drivers"
    user.mkdir()
    cells = "".join(f"  - {{name: c{i}, x_mm: {x}, y_mm: {y}, at: {4 * i}, counts_per_kg: 1000, "
                    f"zero_counts: 50{', sign: -1' if i == 2 else ''}}}\n"
                    for i, (x, y) in enumerate(SIX))
    (user / "six.yaml").write_text(SIX_PROFILE + cells)
    monkeypatch.setenv("BALANCE_GAME_USER_DRIVERS", str(user))
    backend = _SixCellBackend()
    source = open_board("hid:six-cell-plate", backend=backend, tare_store=TareStore(tmp_path))
    samples = _collect(source, 20)
    total, cop = _expected(SIX_KG, SIX)
    for sample in samples:
        assert sample.total_kg == pytest.approx(total)
        assert (sample.cop_x_mm, sample.cop_y_mm) == pytest.approx(cop)
    # no report IDs: hidapi wants a 0x00 first byte on everything sent
    assert backend.log == [("feature", b"\x00\x01\x01"), ("output", b"\x00\x02"),
                           ("output", b"\x00\x03"), ("closed", b"")]


def test_a_user_profile_wins_over_the_shipped_one_by_id(tmp_path, monkeypatch):
    from tests.devices.test_board_source import _LoadCellBackend

    user = tmp_path / "drivers"
    user.mkdir()
    shipped = load_profiles()["hid-loadcell-generic"]
    text = shipped.path.read_text().replace("22000.0", "11000.0").replace(
        "name: DIY HX711 load-cell board (USB HID)", "name: My recalibrated board")
    (user / "mine.yaml").write_text(text)
    monkeypatch.setenv("BALANCE_GAME_USER_DRIVERS", str(user))
    profile = load_profiles()["hid-loadcell-generic"]
    assert profile.path == user / "mine.yaml" and profile.name == "My recalibrated board"
    source = open_board("hid:hid-loadcell-generic", backend=_LoadCellBackend(),
                        tare_store=TareStore(tmp_path))
    (sample,) = _collect(source, 1)
    kgs = (20.0, 40.0, 60.0, 30.0)  # the device sends 10/20/30/15 kg at 22000 counts/kg
    total, cop = _expected(kgs, [(-200, 200), (200, 200), (-200, -200), (200, -200)])
    assert sample.corners_kg == pytest.approx(kgs)
    assert sample.total_kg == pytest.approx(total)
    assert (sample.cop_x_mm, sample.cop_y_mm) == pytest.approx(cop)


@pytest.mark.parametrize(("edit", "problems"), [
    ("  - {name: a, x_mm: 0, y_mm: 0, at: 0, counts_per_kg: 0}\n",
     ["cells[6].counts_per_kg: is 0 (the count change per kilogram, measured with a known weight)"]),
    ("  - {name: c1, x_mm: 5000, y_mm: 0, at: 24, counts_per_kg: 1, sign: 2}\n",
     ["cells[6].x_mm: is 5000, out of range (a number from -1000 to 1000)",
      "cells[6].sign: is 2 (1, or -1 for a cell that reads backwards)",
      "cells: name 'c1' is used twice (a different name for each cell)"]),
])
def test_profile_problems_are_all_named_with_file_field_and_fix(tmp_path, edit, problems):
    cells = "".join(f"  - {{name: c{i}, x_mm: {x}, y_mm: {y}, at: {4 * i}, counts_per_kg: 1000}}\n"
                    for i, (x, y) in enumerate(SIX))
    path = tmp_path / "bad.yaml"
    path.write_text(SIX_PROFILE + cells + edit)
    with pytest.raises(DataFileError) as err:
        load_profile(path)
    assert err.value.problems == [f"{path}: {p}" for p in problems]


def test_nine_cells_and_a_missing_port_are_refused(tmp_path):
    path = tmp_path / "nine.yaml"
    cells = "".join(f"  - {{name: c{i}, x_mm: 0, y_mm: 0, at: {i + 1}, counts_per_kg: 1}}\n"
                    for i in range(9))
    path.write_text("id: nine\nname: Nine\nkind: board\ntransport: serial\n"
                    "serial: {baudrate: 9600, frame: line}\ncells:\n" + cells)
    with pytest.raises(DataFileError) as err:
        load_profile(path)
    assert f"{path}: cells: has 9 cells (1 to 8 cells)" in err.value.problems
    assert any(p.startswith(f"{path}: serial.port: is missing") for p in err.value.problems)


def test_a_binary_serial_board_resyncs_on_its_sync_bytes(tmp_path, monkeypatch):
    """Frames: AA 55, then three little-endian int24 counts; garbage before a frame is skipped."""
    master, slave = os.openpty()
    user = tmp_path / "drivers"
    user.mkdir()
    (user / "bin.yaml").write_text(textwrap.dedent(f"""\
        id: bin-board
        name: Binary board
        kind: board
        transport: serial
        serial: {{port: {os.ttyname(slave)}, baudrate: 230400, frame: binary}}
        report: {{format: int24, byte_order: little, sync: "AA 55", frame_bytes: 11}}
        cells:
          - {{name: left, x_mm: -200, y_mm: 0, at: 2, counts_per_kg: 100}}
          - {{name: right, x_mm: 200, y_mm: 0, at: 5, counts_per_kg: 100}}
          - {{name: front, x_mm: 0, y_mm: 150, at: 8, counts_per_kg: -100}}
        """))
    monkeypatch.setenv("BALANCE_GAME_USER_DRIVERS", str(user))
    source = open_board("serial:bin-board", backend=_NoHid(), use_tare=False)
    kgs = (30.0, 20.0, 10.0)
    frame = b"\xaa\x55" + b"".join(round(k * 100 * (-1 if i == 2 else 1)).to_bytes(
        3, "little", signed=True) for i, k in enumerate(kgs))
    stop = threading.Event()

    def write_bursts():
        """Garbage, then frames, again and again: the reader may (re)open the port, which
        flushes what was written before, at any moment a busy machine lets it."""
        os.set_blocking(master, False)
        for _ in range(400):  # bounded: at most about 20 s
            with contextlib.suppress(BlockingIOError):
                os.write(master, b"\x00\x13\xaa" + frame * 20)
            if stop.wait(0.05):
                return

    writer = threading.Thread(target=write_bursts)
    writer.start()
    samples = _collect(source, 20)
    stop.set()
    writer.join()
    total, cop = _expected(kgs, [(-200, 0), (200, 0), (0, 150)])
    assert len(samples) == 20
    for sample in samples:
        assert sample.total_kg == pytest.approx(total)
        assert (sample.cop_x_mm, sample.cop_y_mm) == pytest.approx(cop)
    os.close(master)
    os.close(slave)


@pytest.mark.realtime
def test_record_writes_the_serial_boards_kg_and_cop(tmp_path, monkeypatch, capsys):
    import csv

    from balance_game.cli import main

    master, slave = os.openpty()
    user = tmp_path / "user-drivers"
    monkeypatch.setenv("BALANCE_GAME_USER_DRIVERS", str(user))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    _serial_profile(user, os.ttyname(slave))
    stop = threading.Event()

    def feed():
        for i in range(3000):  # bounded: half a minute of lines at most
            if stop.is_set():
                return
            os.write(master, _line(10 * i, SERIAL_KG[i % 3]))
            time.sleep(0.0125)  # 80 Hz, like an HX711 at its fast setting

    writer = threading.Thread(target=feed)
    writer.start()
    out = tmp_path / "serial.csv"
    try:
        main(["record", "--device", "serial:my-hx711", "--seconds", "1", "--no-tare",
              "--out", str(out)])
    except SystemExit as exit_:
        assert exit_.code in (0, None), capsys.readouterr().err
    finally:
        stop.set()
        writer.join()
    with out.open() as f:
        rows = list(csv.DictReader(f))
    assert len(rows) > 40
    positions = [(x, y) for _, x, y, _, _, _ in SERIAL_CELLS]
    expected = {round(_expected(kgs, positions)[0], 3): _expected(kgs, positions)
                for kgs in SERIAL_KG}
    for row in rows:
        _, cop = expected[round(float(row["total_kg"]), 3)]  # the total itself is the key
        assert (float(row["cop_x_mm"]), float(row["cop_y_mm"])) == pytest.approx(cop, abs=0.01)
    os.close(master)
    os.close(slave)
