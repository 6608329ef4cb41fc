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
                      search: int = 3000, kernel_dropped: int = 0) -> int:
    """Rows are consecutive scripted reports: none lost, none repeated. Returns the first index.

    ``kernel_dropped``: reports the fake's hidraw buffer let go (``FakeBackend.reports_dropped``)
    because the machine kept the reader thread from running for longer than the buffer holds,
    as a real kernel does. Up to that many may be missing; the reader itself may lose none.
    """
    assert rows, "no samples"
    for start in range(search):
        if _run_from(start, rows, tolerance, kernel_dropped):
            return start
    raise AssertionError("the samples are not a gap-free run of the scripted reports")


def _run_from(start: int, rows: list[tuple[float, ...]], tolerance: float, missing: int) -> bool:
    """Rows are the scripted reports from ``start`` on, in order, with at most ``missing`` left
    out (the scripted load repeats itself, so a row alone does not tell its index)."""
    if not _same(person_kg(start), rows[0], tolerance):
        return False
    index = start
    for row in rows[1:]:
        index += 1
        while not _same(person_kg(index), row, tolerance):
            index += 1
            missing -= 1
            if missing < 0:
                return False
    return True
