"""The board's conversation, through the real code path with only hidapi replaced by the fake."""

import pytest
from device_fakes import CAL

from balance_game.demo.fake_wii_board import FakeBackend, FakeScript
from balance_game.devices.hid_backend import DeviceInfo
from balance_game.devices.profiles import load_profiles
from balance_game.devices.wii_board import ConversationError, NotABoard, WiiBoardLink

PROFILE = load_profiles()["wii-balance-board"]
TV_RAWS = {  # wire order TR, BR, TL, BL -> unclamped kg in (tl, tr, bl, br)
    "TV2": ((1956, 15605, 1175, 10598), (0.049, 0.059, -0.02, -0.049)),
    "TV3": ((3804, 17545, 2819, 12330), (16.298, 18.205, 16.902, 19.101)),
    "TV4": ((1950, 15610, 3704, 10600), (24.999, 0.0, 0.0, 0.0)),
    "TV5": ((6200, 17800, 2100, 12000), (9.192, 41.48, 13.678, 21.592)),
    "TV6": ((2500, 15480, 3300, 13500), (21.029, 5.405, 28.205, -1.285)),
}


def _open(script=None, info=None):
    backend = FakeBackend(script)
    link = WiiBoardLink.open(backend, info or backend.enumerate()[0], PROFILE)
    return backend, link


def _readings(link, n):
    out = []
    while len(out) < n:
        reading = link.read(200)
        if reading is not None and reading.corners_kg is not None:
            out.append(reading)
    return out


def test_conversation_sends_exactly_the_protocol_bytes():
    backend, link = _open()
    assert [w.hex(" ") for w in backend.writes] == [
        "11 10",
        "16 04 a4 00 f0 01 55" + " 00" * 15,
        "16 04 a4 00 fb 01 00" + " 00" * 15,
        "15 00",
        "17 04 a4 00 fa 00 06",
        "17 04 a4 00 24 00 18",
        "17 04 a4 00 60 00 01",
        "12 04 34",
    ]
    assert (link.calibration.tl, link.calibration.tr) == (CAL.tl, CAL.tr)
    assert (link.calibration.bl, link.calibration.br) == (CAL.bl, CAL.br)
    assert link.calibration.reference_temperature == 0x19
    assert link.identity == "00:19:1d:fa:ce:01"
    link.close()
    assert backend.writes[-1] == bytes([0x11, 0x00])  # LED off on the way out


def test_test_vectors_through_the_whole_path():
    names = sorted(TV_RAWS)
    script = FakeScript(load=lambda i: TV_RAWS[names[i % len(names)]][0], rate_hz=1000)
    _, link = _open(script)
    for name, reading in zip(names, _readings(link, len(names)), strict=True):
        assert reading.corners_kg == pytest.approx(TV_RAWS[name][1], abs=0.0006), name
    link.close()


def test_status_report_mid_stream_resends_the_report_mode_and_data_continues():
    backend, link = _open(FakeScript(rate_hz=1000, events={3: "status"}))
    _readings(link, 10)
    assert backend.writes.count(bytes([0x12, 0x04, 0x34])) == 2
    link.close()


def test_unnamed_device_is_identified_by_its_extension_id():
    backend = FakeBackend()
    named = backend.enumerate()[0]
    unnamed = DeviceInfo(named.path, named.vendor_id, named.product_id, product_string="")
    link = WiiBoardLink.open(backend, unnamed, PROFILE)
    assert link.identity == named.path_text
    link.close()


def test_a_wii_remote_is_not_a_board():
    backend = FakeBackend(FakeScript(extension_id=bytes.fromhex("0000A4200000")))
    named = backend.enumerate()[0]
    remote = DeviceInfo(named.path, named.vendor_id, named.product_id, "Nintendo RVL-CNT-01")
    with pytest.raises(NotABoard, match="not a balance board"):
        WiiBoardLink.open(backend, remote, PROFILE)


class _Silent:
    def __init__(self):
        self.closed = False

    def write(self, report):
        pass

    def read(self, timeout_ms):
        return b""

    def close(self):
        self.closed = True


class _SilentBackend:
    def __init__(self):
        self.device = _Silent()

    def open(self, info):
        return self.device


def test_a_board_that_does_not_answer_is_a_conversation_error_and_is_closed(monkeypatch):
    monkeypatch.setattr("balance_game.devices.wii_board.REPLY_TIMEOUT_S", 0.05)
    backend = _SilentBackend()
    with pytest.raises(ConversationError, match="did not answer"):
        WiiBoardLink.open(backend, DeviceInfo(b"/dev/x", 0x057E, 0x0306), PROFILE)
    assert backend.device.closed


def test_temperature_correction_when_the_profile_asks_for_it():
    from dataclasses import replace

    warm = replace(PROFILE, temperature_correction=True)
    backend = FakeBackend(FakeScript(rate_hz=1000))
    link = WiiBoardLink.open(backend, backend.enumerate()[0], warm)
    reading = _readings(link, 1)[0]
    plain = WiiBoardLink.open(FakeBackend(FakeScript(rate_hz=1000)), backend.enumerate()[0],
                              PROFILE)
    ratio = sum(reading.corners_kg) / sum(_readings(plain, 1)[0].corners_kg)
    assert ratio == pytest.approx(0.9990813732147217, abs=1e-9)  # fake: T == Tref
    link.close()
    plain.close()
