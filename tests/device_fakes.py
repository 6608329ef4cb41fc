"""Helpers shared by the device tests: expected loads of the fake board's scripted person."""

from balance_game.demo.fake_wii_board import CAL_TR_BR_TL_BL, person_load
from balance_game.dsp.calibration import WiiCalibration, wii_corners_kg

CAL = WiiCalibration(tr=CAL_TR_BR_TL_BL[0], br=CAL_TR_BR_TL_BL[1], tl=CAL_TR_BR_TL_BL[2],
                     bl=CAL_TR_BR_TL_BL[3])


def person_kg(i: int) -> tuple[float, float, float, float]:
    return wii_corners_kg(CAL, person_load(i))


def _same(a: tuple[float, ...], b: tuple[float, ...], tolerance: float) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a, b, strict=True))


def assert_contiguous(rows: list[tuple[float, ...]], tolerance: float = 1e-9,
                      search: int = 3000) -> int:
    """Rows are consecutive scripted reports: none lost, none repeated. Returns the first index."""
    assert rows, "no samples"
    for start in range(search):
        if all(_same(person_kg(start + k), row, tolerance) for k, row in enumerate(rows)):
            return start
    raise AssertionError("the samples are not a gap-free run of the scripted reports")
