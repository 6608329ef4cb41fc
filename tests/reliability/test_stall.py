"""A board that stops sending valid data pauses the game like a lost board, and active time
counts only time with valid data (issue 18, item 5)."""

import time

import pytest

from balance_game.core.control import ControlMap, Limits
from balance_game.core.records import DeviceStatus, Sample
from balance_game.devices.hid_backend import DeviceInfo
from balance_game.devices.loadcell_board import LoadCellLink
from balance_game.devices.profiles import load_profiles
from balance_game.devices.reader import DeviceReader, RawSample, ReaderEvent
from balance_game.game.session import DATA_FRESH_S, GameSession
from balance_game.storage.db import Database
from balance_game.storage.players import add_player
from balance_game.storage.sessions import SessionRecorder, session_record

DT = 1 / 60


def _session(tmp_path):
    db = Database(tmp_path / "s.db")
    recorder = SessionRecorder(db, add_player(db, "Ann").id, "test", 0)
    return db, GameSession(recorder, ControlMap(Limits.theoretical(None)), 70.0, 0)


def _play(session, t_from, t_to, with_data):
    """Steps from t_from to t_to; with_data: a 100 Hz sample stream, else nothing arrives."""
    steps = round((t_to - t_from) / DT)
    for k in range(1, steps + 1):
        t = t_from + k * DT
        items = [Sample(t, 0.0, 0.0, (17.5, 17.5, 17.5, 17.5))] if with_data else []
        session.ingest(items, t)
        session.step(DT, t)
    return t_from + steps * DT


def test_a_stall_pauses_like_a_lost_board_and_data_again_resumes(tmp_path):
    db, session = _session(tmp_path)
    t = _play(session, 0.0, 2.0, with_data=True)
    session.ingest([DeviceStatus(t, "stalled", "board: no data for 0.5 s")], t)
    assert session.pause.reasons == {"device_lost"}
    active = session.active_s
    t = _play(session, t, t + 5.0, with_data=False)
    assert session.active_s == active  # paused: no active time
    session.ingest([DeviceStatus(t, "connected", "board: data again")], t)
    assert not session.pause.paused
    events = [(e["type"], e["reason"]) for e in session_record(db, 1)["events"]]
    assert ("pause", "device_lost") in events and ("resume", "device_lost") in events


def test_active_time_counts_only_time_with_valid_data(tmp_path):
    _, session = _session(tmp_path)
    t = _play(session, 0.0, 3.0, with_data=True)
    t = _play(session, t, t + 5.0, with_data=False)  # the board says nothing at all
    _play(session, t, t + 2.0, with_data=True)
    assert 5.0 - 2 * DT <= session.active_s <= 5.0 + DATA_FRESH_S


# --- a HID load-cell board whose firmware hangs -----------------------------------------------
class _HungLoadCell:
    """A HID load-cell board (report 1, four int32 LE cells) that sends ``payload`` for ever."""

    def __init__(self, payload: bytes) -> None:
        self.payload = payload

    def read(self, timeout_ms):
        time.sleep(0.001)
        return bytes([1]) + self.payload

    def write(self, report):
        raise AssertionError("no output reports")

    def close(self):
        pass


@pytest.mark.parametrize("payload", [b"\xff" * 16, b"\x00" * 16])
def test_a_load_cell_board_sending_only_blank_payloads_stalls(payload):
    profile = load_profiles()["hid-loadcell-generic"]
    info = DeviceInfo(b"/dev/hidraw9", 0x1209, 0x0001, "HX711 board", serial_number="X1")
    link = LoadCellLink(_HungLoadCell(payload), info, profile)
    assert link.read(10).corners_kg is None  # no measurement in it
    reader = DeviceReader(link, lambda: link, stall_after_s=0.05, read_timeout_ms=5)
    reader.start()
    items = []
    deadline = time.monotonic() + 10  # a wait for the event, not a measurement
    while not any(isinstance(i, ReaderEvent) for i in items) and time.monotonic() < deadline:
        time.sleep(0.01)
        items += reader.drain()
    reader.stop()
    assert [i.state for i in items if isinstance(i, ReaderEvent)][:1] == ["stalled"]
    assert not [i for i in items if isinstance(i, RawSample)]
