"""`record`, `play` and `devices watch` through hid-wiimote's evdev node (a FIFO in a fake sysfs).

The hidraw fake board is switched on as well: with the driver "bound" it must not be used. The
kernel side emits each scripted report's weights exactly as the driver would (10 g units, only
changed axes); the stored samples must be those frames, in order, none skipped.
"""

import csv
import os
import subprocess
import sys
import threading
import time

import numpy as np
import pytest

from balance_game.demo.fake_wii_board import person_load
from balance_game.storage.db import Database
from balance_game.storage.sessions import session_sample_array
from tests.devices.fake_kernel import KernelEmitter, kernel_values, make_sysfs

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def _kg(i: int) -> tuple[float, float, float, float]:
    tr, br, tl, bl = kernel_values(person_load(i))
    return (tl / 100, tr / 100, bl / 100, br / 100)


def _run_with_kernel(tmp_path, *args: str) -> tuple[subprocess.CompletedProcess, list[int]]:
    """Run the CLI while the fake kernel reports at ~100 Hz; returns the result and sent frames."""
    event = make_sysfs(tmp_path / "root")
    emitter = KernelEmitter(event)
    env = {**os.environ, "BALANCE_GAME_SYSFS_ROOT": str(tmp_path / "root"),
           "BALANCE_GAME_FAKE_BOARD": "steady", "BALANCE_GAME_DB": str(tmp_path / "k.db"),
           "XDG_DATA_HOME": str(tmp_path / "data"), "PYTHONPATH": REPO}
    proc = subprocess.Popen([sys.executable, "-m", "balance_game", *args], env=env, cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    sent: list[int] = []

    def feed():
        for i in range(6000):  # bounded: one minute of reports at most
            if proc.poll() is not None:
                return
            if emitter.report(person_load(i)):
                sent.append(i)
            time.sleep(0.01)

    thread = threading.Thread(target=feed)
    thread.start()
    out, err = proc.communicate(timeout=120)
    thread.join()
    emitter.close()
    return subprocess.CompletedProcess(args, proc.returncode, out, err), sent


def _assert_run_of_frames(rows: np.ndarray, sent: list[int]) -> None:
    """Consecutive distinct rows are consecutive kernel frames (held repeats collapse)."""
    distinct = [tuple(r) for k, r in enumerate(rows) if k == 0 or tuple(r) != tuple(rows[k - 1])]
    expected = [_kg(i) for i in sent]
    # The game may start reading at any frame (how long Python takes to start depends on the
    # machine), and a swaying load repeats its values: find where the recording starts.
    starts = [k for k, frame in enumerate(expected) if np.allclose(frame, distinct[0], atol=1e-9)]
    assert any(np.allclose(distinct, expected[k:k + len(distinct)], atol=1e-9)
               for k in starts if k + len(distinct) <= len(expected)), "frames lost or reordered"
    assert len(distinct) > 50


@pytest.mark.realtime
def test_record_reads_the_kernel_board_and_leaves_hidraw_alone(tmp_path):
    out = tmp_path / "k.csv"
    result, sent = _run_with_kernel(tmp_path, "record", "--device", "wbb", "--seconds", "1.5",
                                    "--no-tare", "--out", str(out))
    assert result.returncode == 0, result.stderr
    with out.open() as f:
        rows = np.array([[float(r[c]) for c in ("tl_kg", "tr_kg", "bl_kg", "br_kg")]
                         for r in csv.DictReader(f)])
    _assert_run_of_frames(rows, sent)


@pytest.mark.realtime
def test_play_headless_records_the_kernel_frames(tmp_path):
    result, sent = _run_with_kernel(tmp_path, "play", "--headless", "--device", "wbb",
                                    "--seconds", "2")
    assert result.returncode == 0, result.stderr
    with Database(tmp_path / "k.db") as db:
        samples = session_sample_array(db, 1)
    _assert_run_of_frames(samples[:, 1:5], sent)


def test_devices_watch_and_list_say_the_kernel_path_is_used(tmp_path):
    result, _ = _run_with_kernel(tmp_path, "devices", "watch", "--device", "wbb", "--seconds", "1")
    assert result.returncode == 0, result.stderr
    assert "TL " in result.stdout and " Hz" in result.stdout
    listing, _ = _run_with_kernel(tmp_path / "2", "devices")
    assert "Wii board path: kernel (the Linux hid-wiimote driver is bound" in listing.stdout
    assert "battery 75%" in listing.stdout and "hidraw-fake-wbb" not in listing.stdout
