"""The protocol notes' test vectors (TV1-TV8) through our unclamped math.

Where the kernel's clamped 10 g units differ (TV1, TV2, TV6) we check the unclamped kg and the COP
computed from them.
"""

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from balance_game.demo.fake_wii_board import calibration_block
from balance_game.devices.cell_profile import Cell
from balance_game.devices.parsers import wii_data_report
from balance_game.dsp.calibration import (
    BoardNotEmpty,
    Tare,
    compute_tare,
    parse_wii_calibration,
    raw_to_kg,
    temperature_corrected,
    wii_corners_kg,
)
from balance_game.dsp.cop import BoardGeometry, cells_geometry, cells_to_corners, cop_mm
from balance_game.errors import UserError

CAL = parse_wii_calibration(calibration_block())
KENNER = parse_wii_calibration(bytes.fromhex("07C33CF8048C296B0ED243840B3A306915E94A1011EF376E"))
WBB = BoardGeometry(433, 238)

# name: (report hex, calibration, unclamped kg in WIRE order TR BR TL BL, COP mm or None)
VECTORS = {
    "TV2": ("32 00 00 07 A4 3C F5 04 97 29 66", CAL, (0.059, -0.049, 0.049, -0.02), None),
    "TV3": ("34 00 00 0E DC 44 89 0B 03 30 2A 19 00 83 00 00 00 00 00 00 00 00", CAL,
            (18.205, 19.101, 16.298, 16.902), (12.6, -2.5)),
    "TV4": ("32 00 00 07 9E 3C FA 0E 78 29 68", CAL, (0.0, 0.0, 24.999, 0.0), (-216.5, 119.0)),
    "TV5": ("32 00 00 18 38 45 88 08 34 2E E0", CAL, (41.48, 21.592, 9.192, 13.678),
            (101.3, 21.3)),
    # The kernel clamps BR (-1.285 kg) to 0 and gets (-173.7, -3.9); unclamped it is:
    "TV6": ("32 00 08 09 C4 3C 78 0C E4 34 BC", CAL, (5.405, -1.285, 21.029, 28.205),
            (-183.07, -1.08)),
    "TV7": ("32 00 00 0E 10 44 00 0C 00 31 00", KENNER, (15.175, 18.258, 18.96, 18.428),
            (-12.1, -4.3)),
}


def test_calibration_block_parses_to_the_made_up_cal():
    assert CAL.tr == (1950, 3680, 5430) and CAL.br == (15610, 17330, 19070)
    assert CAL.tl == (1170, 2890, 4620) and CAL.bl == (10600, 12340, 14100)
    assert calibration_block().hex(" ").upper() == (
        "07 9E 3C FA 04 92 29 68 0E 60 43 B2 0B 4A 30 34 15 36 4A 7E 12 0C 37 14")


@pytest.mark.parametrize("name", sorted(VECTORS))
def test_vectors_unclamped_kg_total_and_cop(name):
    report, cal, wire_kg, cop = VECTORS[name]
    corners = wii_corners_kg(cal, wii_data_report(bytes.fromhex(report)).raw_tr_br_tl_bl)
    tr, br, tl, bl = wire_kg
    assert corners == pytest.approx((tl, tr, bl, br), abs=0.0006)
    assert math.fsum(corners) == pytest.approx(sum(wire_kg), abs=0.002)
    got = cop_mm(corners, WBB)
    if cop is None:
        assert got is None  # TV2: 0.04 kg of noise on an empty board has no centre
    else:
        assert got == pytest.approx(cop, abs=0.06)


def test_tv1_all_zero_would_be_huge_negative_loads():
    corners = wii_corners_kg(CAL, (0, 0, 0, 0))
    assert corners == pytest.approx((-11.564, -19.162, -103.563, -154.285), abs=0.001)


def test_raw_to_kg_is_unclamped_on_both_ends():
    assert raw_to_kg(1000, (1950, 3680, 5430)) < 0
    assert raw_to_kg(7180, (1950, 3680, 5430)) == pytest.approx(51.0)


def test_tv8_temperature_correction():
    seventy = (17.5, 17.5, 17.5, 17.5)
    assert sum(temperature_corrected(seventy, 0x1E, 0x19)) == pytest.approx(69.691, abs=0.001)
    assert sum(temperature_corrected(seventy, 0x14, 0x19)) == pytest.approx(70.180, abs=0.001)
    assert sum(temperature_corrected(seventy, 0x19, 0x19)) == pytest.approx(69.936, abs=0.001)


def test_tare_is_the_window_mean_and_refuses_a_loaded_board():
    window = [(0.05, 0.06, -0.02, -0.05), (0.07, 0.04, -0.02, -0.03)]
    tare = compute_tare(window)
    assert tare.offsets_kg == pytest.approx((0.06, 0.05, -0.02, -0.04))
    assert tare.apply((10.06, 10.05, 9.98, 9.96)) == pytest.approx((10, 10, 10, 10))
    with pytest.raises(BoardNotEmpty, match="not empty"):
        compute_tare([(18.2, 19.1, 16.3, 16.9)])
    with pytest.raises(UserError):
        compute_tare([])
    assert Tare().apply((1.0, 2.0, 3.0, 4.0)) == (1.0, 2.0, 3.0, 4.0)


def test_cell_counts_to_kg_with_sign_scale_and_offset():
    cells = [Cell("a", 0, 0, 1, 22000.0, 0, 1), Cell("b", 0, 0, 1, 22000.0, 100, 1),
             Cell("c", 0, 0, 1, 22000.0, 100, -1), Cell("d", 0, 0, 1, -500.0, 0, 1)]
    counts = (22000, 44100, -21900, -1000)
    assert [c.kg(n) for c, n in zip(cells, counts, strict=True)] == pytest.approx(
        [1.0, 2.0, 1.0, 2.0])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.floats(0.5, 60), st.floats(-300, 300), st.floats(-200, 200)),
                min_size=1, max_size=8))
def test_any_cells_spread_to_corners_keep_total_and_centre_of_pressure(cells):
    loads = [w for w, _, _ in cells]
    positions = [(x, y) for _, x, y in cells]
    geometry = cells_geometry(positions)
    corners = cells_to_corners(loads, positions, geometry)
    total = sum(loads)
    expected_cop = (sum(w * x for w, x, _ in cells) / total,  # the textbook weighted mean
                    sum(w * y for w, _, y in cells) / total)
    assert sum(corners) == pytest.approx(total)
    assert cop_mm(corners, geometry, min_total_kg=0.1) == pytest.approx(expected_cop, abs=1e-6)


@pytest.mark.parametrize(
    ("orientation", "expected"),
    [("default", (-216.5, 119.0)), ("rotate_180", (216.5, -119.0)), ("flip_x", (216.5, 119.0)),
     ("flip_y", (-216.5, -119.0)), ("rotate_90", (-119.0, -216.5)),
     ("rotate_270", (119.0, 216.5))],
)
def test_orientation_turns_the_board_frame(orientation, expected):
    assert cop_mm((25.0, 0.0, 0.0, 0.0), WBB, orientation) == pytest.approx(expected)


def test_cop_axes_point_to_tr_br_and_tl_tr():
    assert cop_mm((0.0, 10.0, 0.0, 10.0), WBB) == pytest.approx((216.5, 0.0))
    assert cop_mm((10.0, 10.0, 0.0, 0.0), WBB) == pytest.approx((0.0, 119.0))
    assert cop_mm((0.5, 0.5, 0.5, 0.4), WBB) is None
