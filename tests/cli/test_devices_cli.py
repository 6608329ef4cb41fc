"""balance-game devices / record / tare against the fake board (BALANCE_GAME_FAKE_BOARD)."""

import csv
import json
import re
import threading
import time

import pytest
from device_fakes import assert_contiguous

from balance_game.cli import devices as devices_cli
from balance_game.cli import main
from balance_game.demo import FAKE_BOARD_ENV


@pytest.fixture(autouse=True)
def data_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path / "data"


def run(capsys, monkeypatch, scenario, *argv):
    monkeypatch.setenv(FAKE_BOARD_ENV, scenario)
    with pytest.raises(SystemExit) as exit_info:
        main(list(argv))
    out, err = capsys.readouterr()
    return exit_info.value.code, out, err


def _rows(path):
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    corners = [tuple(float(r[f"{c}_kg"]) for c in ("tl", "tr", "bl", "br")) for r in rows]
    return rows, corners


def test_devices_json_lists_the_fake_board(capsys, monkeypatch):
    code, out, _ = run(capsys, monkeypatch, "steady", "devices", "--json")
    assert code == 0
    assert json.loads(out) == [{
        "name": "Wii Balance Board", "kind": "board", "profile": "wii-balance-board",
        "spec": "wbb", "path": "/dev/hidraw-fake-wbb", "battery_percent": 75, "route": "hidraw"}]


def test_devices_table_and_nothing_connected(capsys, monkeypatch):
    code, out, _ = run(capsys, monkeypatch, "steady", "devices")
    assert code == 0 and "wbb" in out and "battery 75%" in out
    code, out, _ = run(capsys, monkeypatch, "none", "devices")
    assert code == 0 and "no boards or gamepads connected" in out


@pytest.mark.realtime
def test_record_across_unsolicited_status_reports(capsys, monkeypatch, tmp_path):
    out_csv = tmp_path / "s.csv"
    code, _, err = run(capsys, monkeypatch, "status", "record", "--device", "wbb",
                       "--seconds", "1.6", "--no-tare", "--out", str(out_csv))
    assert code == 0, err
    rows, corners = _rows(out_csv)
    assert len(rows) > 140  # two status reports at reports 50 and 120 did not stop the stream
    assert list(rows[0]) == ["t_s", "tl_kg", "tr_kg", "bl_kg", "br_kg", "total_kg",
                             "cop_x_mm", "cop_y_mm"]
    assert_contiguous(corners, tolerance=0.0006)
    times = [float(r["t_s"]) for r in rows]
    assert times == sorted(times) and times[-1] <= 1.6


@pytest.mark.realtime
def test_record_across_a_disconnect_and_reconnect(capsys, monkeypatch, tmp_path):
    out_csv = tmp_path / "s.csv"
    code, _, err = run(capsys, monkeypatch, "reconnect", "record", "--seconds", "2.2",
                       "--no-tare", "--out", str(out_csv))
    assert code == 0, err
    assert "lost" in err and "reconnected" in err
    rows, corners = _rows(out_csv)
    start = assert_contiguous(corners, tolerance=0.0006)
    assert start + len(rows) > 110  # went on past the disconnect at report 100


@pytest.mark.realtime
def test_record_writes_what_it_has_when_the_board_is_gone_for_good(capsys, monkeypatch,
                                                                    tmp_path):
    monkeypatch.setattr(devices_cli, "LOST_GRACE_S", 0.3)
    out_csv = tmp_path / "s.csv"
    code, _, err = run(capsys, monkeypatch, "unplug", "record", "--seconds", "10",
                       "--no-tare", "--out", str(out_csv))
    assert code == 2
    last = err.strip().splitlines()[-1]
    lost = re.fullmatch(r"balance-game: error: the board was lost at (\d+\.\d) s and did not "
                        r"come back; the (\d+) samples before that were written", last)
    assert lost, last
    rows, corners = _rows(out_csv)
    assert int(lost[2]) == len(rows) >= 50  # the fake unplugs after report 100
    # When it was noticed depends on how busy the machine is, never before its last sample
    last_t = float(rows[-1]["t_s"])
    assert last_t - 0.05 <= float(lost[1]) <= last_t + 1.0
    assert_contiguous(corners, tolerance=0.0006)


@pytest.mark.realtime
def test_record_with_the_stored_tare(capsys, monkeypatch, tmp_path):
    code, _, err = run(capsys, monkeypatch, "empty", "tare", "--device", "wbb")
    assert code == 0, err
    out_csv = tmp_path / "s.csv"
    code, _, err = run(capsys, monkeypatch, "empty", "record", "--seconds", "0.3",
                       "--out", str(out_csv))
    assert code == 0, err
    rows, _ = _rows(out_csv)
    assert rows and all(abs(float(r["total_kg"])) < 0.02 for r in rows)


@pytest.mark.realtime
def test_tare_stores_the_zero_and_refuses_a_loaded_board(capsys, monkeypatch, data_home):
    code, out, _ = run(capsys, monkeypatch, "empty", "tare")
    assert code == 0 and out.startswith("zeroed Wii Balance Board")
    (stored,) = (data_home / "balance_game" / "boards").glob("*.json")
    assert json.loads(stored.read_text())["tare_kg"] == pytest.approx(
        [0.049, 0.06, -0.02, -0.049], abs=0.005)
    code, _, err = run(capsys, monkeypatch, "steady", "tare")
    assert code == 2
    assert err.strip().splitlines()[-1] == (
        "balance-game: error: the board is not empty (70.5 kg on it); "
        "step off, clear it and zero it again")


def test_permission_error_prints_the_fix_and_exits_2(capsys, monkeypatch, tmp_path):
    code, _, err = run(capsys, monkeypatch, "permission", "record", "--seconds", "1",
                       "--out", str(tmp_path / "s.csv"))
    assert code == 2
    line = err.strip()
    assert "\n" not in line and line.startswith("balance-game: error: no permission to open")
    assert "balance-game devices udev-rules" in line and 'KERNELS=="*057E:0306*"' in line


def test_no_board_is_one_line_and_exit_2(capsys, monkeypatch, tmp_path):
    code, _, err = run(capsys, monkeypatch, "none", "record", "--seconds", "1",
                       "--out", str(tmp_path / "s.csv"))
    assert code == 2 and "no balance board connected" in err


def test_udev_rules_come_from_drivers(capsys, monkeypatch):
    code, out, _ = run(capsys, monkeypatch, "steady", "devices", "udev-rules")
    assert code == 0
    rules = [line for line in out.splitlines() if not line.startswith("#")]
    assert 'KERNEL=="hidraw*", KERNELS=="*057E:0306*", MODE="0660", TAG+="uaccess"' in rules
    assert any('ATTRS{idVendor}=="1209"' in r for r in rules)


def test_watch_refreshes_in_place(capsys, monkeypatch):
    code, out, _ = run(capsys, monkeypatch, "steady", "devices", "watch", "--seconds", "0.6")
    assert code == 0
    # Click drops the line-clearing escape when stdout is not a terminal; the \r stays.
    assert out.count("\r") > 3 and "total" in out and "COP" in out and "Hz" in out


def test_watch_ends_cleanly_on_ctrl_c(capsys, monkeypatch):
    real_sleep = time.sleep
    calls = []

    def sleep(seconds):
        if threading.current_thread() is threading.main_thread():
            calls.append(seconds)
            if len(calls) > 5:
                raise KeyboardInterrupt
        real_sleep(seconds)

    monkeypatch.setattr(devices_cli.time, "sleep", sleep)
    code, _, _ = run(capsys, monkeypatch, "steady", "devices", "watch")
    assert code == 0
