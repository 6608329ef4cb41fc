import contextlib
import math
import struct
from functools import partial

import pytest
from hypothesis import given
from hypothesis import strategies as st

from balance_game.devices.parsers import (
    CellLayout,
    LineLayout,
    ReportError,
    ShortReport,
    UnknownReport,
    WiiAck,
    WiiData,
    WiiReadReply,
    WiiStatus,
    cell_counts,
    cell_line_counts,
    wii_data_report,
    wii_report,
)

TV3 = bytes.fromhex("34 00 00 0E DC 44 89 0B 03 30 2A 19 00 83 00 00 00 00 00 00 00 00")
TV6 = bytes.fromhex("32 00 08 09 C4 3C 78 0C E4 34 BC")
LAYOUT = CellLayout(report_id=1, offsets=(1, 5, 9, 13), format="int32", byte_order="little")
LAYOUT_24 = CellLayout(report_id=3, offsets=(1, 4, 7, 10), format="int24", byte_order="big")
FLOATS_NO_ID = CellLayout(None, (0, 4, 8), "float32", "big")
U16_SYNC = CellLayout(None, (2, 4), "uint16", "little", sync=b"\xaa\x55", frame_bytes=6)
LINE = LineLayout(",", (1, 2, 3, 4))


def test_data_report_0x34_has_raw_counts_temperature_and_battery():
    data = wii_data_report(TV3)
    assert data == WiiData((3804, 17545, 2819, 12330), False, temperature=0x19, battery=0x83)
    assert data.has_data


def test_data_report_0x32_and_front_button():
    data = wii_data_report(TV6)
    assert data.raw_tr_br_tl_bl == (2500, 15480, 3300, 13500)
    assert data.front_button and data.temperature is None


def test_windows_padding_to_22_bytes_is_fine():
    assert wii_data_report(TV6 + bytes(11)).raw_tr_br_tl_bl == (2500, 15480, 3300, 13500)


@pytest.mark.parametrize("payload", [bytes(8), b"\xff" * 8])
def test_all_zero_and_all_ff_payloads_are_no_data(payload):
    assert not wii_data_report(b"\x32\x00\x00" + payload).has_data


def test_control_reports():
    assert wii_report(bytes([0x20, 0, 0, 0x13, 0, 0, 0xC0])) == WiiStatus(True, True, 0xC0)
    reply = wii_report(bytes.fromhex("21 00 00 70 00 34 15 36 4A 7E 12 0C 37 14") + bytes(8))
    assert reply == WiiReadReply(0x34, 0, bytes.fromhex("15 36 4A 7E 12 0C 37 14"))
    assert wii_report(bytes([0x22, 0, 0, 0x16, 0])) == WiiAck(0x16, 0)


@pytest.mark.parametrize(
    ("report", "error"),
    [(b"", ShortReport), (b"\x34\x00\x00\x07", ShortReport), (b"\x20\x00", ShortReport),
     (b"\x3d" + bytes(21), UnknownReport), (b"\x21\x00\x00\xf0\x00\x24\x01", ShortReport)],
)
def test_bad_reports_raise_specific_errors(report, error):
    with pytest.raises(error):
        wii_report(report)


def test_cell_parser_reads_each_cell_as_configured():
    report = bytes([1]) + b"".join(v.to_bytes(4, "little", signed=True)
                                   for v in (100, -200, 300_000, -1))
    assert cell_counts(LAYOUT, report) == (100, -200, 300_000, -1)
    cells = (-5, 6, 7, -8_000_000)
    report24 = bytes([3]) + b"".join(v.to_bytes(3, "big", signed=True) for v in cells)
    assert cell_counts(LAYOUT_24, report24) == (-5, 6, 7, -8_000_000)
    floats = struct.pack(">3f", 1.5, -2.25, 1e6)  # no report ID: data from byte 0
    assert cell_counts(FLOATS_NO_ID, floats) == (1.5, -2.25, 1e6)
    assert cell_counts(U16_SYNC, bytes.fromhex("AA 55 FF FF 01 00")) == (65535, 1)
    assert cell_line_counts(LINE, b"1234,10,-20,30.5,4e3\r") == (10, -20, 30.5, 4000)


def test_cell_parser_refuses_wrong_id_sync_short_reports_and_not_numbers():
    with pytest.raises(UnknownReport):
        cell_counts(LAYOUT, bytes([2]) + bytes(16))
    with pytest.raises(ShortReport):
        cell_counts(LAYOUT, bytes([1]) + bytes(10))
    with pytest.raises(UnknownReport):
        cell_counts(U16_SYNC, bytes.fromhex("AA 56 00 00 00 00"))
    with pytest.raises(ReportError):
        cell_counts(FLOATS_NO_ID, struct.pack(">3f", 1.0, math.nan, 0.0))
    for line in (b"HX711 ready", b"1,2,3", b"1,2,3,4,inf", "1,é,3,4,5".encode()):
        with pytest.raises(ReportError):
            cell_line_counts(LINE, line)


PARSERS = [wii_report, wii_data_report, partial(cell_counts, LAYOUT),
           partial(cell_counts, LAYOUT_24), partial(cell_counts, FLOATS_NO_ID),
           partial(cell_counts, U16_SYNC), partial(cell_line_counts, LINE)]


@pytest.mark.parametrize("parse", PARSERS)
@given(report=st.binary(max_size=70))
def test_fuzz_parsers_only_ever_raise_report_errors(parse, report):
    with contextlib.suppress(ReportError):
        parse(report)


@given(report_id=st.sampled_from([0x20, 0x21, 0x22, 0x32, 0x34]), rest=st.binary(max_size=30))
def test_fuzz_wii_reports_with_known_ids(report_id, rest):
    with contextlib.suppress(ReportError):
        wii_report(bytes([report_id]) + rest)
