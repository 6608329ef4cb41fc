"""Raw counts -> kilograms per corner: factory calibration, software tare, temperature correction.

The Wii board's math is the unclamped piecewise-linear one (negative loads allowed): an old board
can sit more than a kilogram below its factory zero per sensor, and clamping would hide that until
several kilograms are on it. We keep the offset visible and remove it with a software tare taken on
the empty board. Corner tuples here are always (tl, tr, bl, br), the order of ``Sample.corners_kg``.
"""

from __future__ import annotations

import struct
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from balance_game.errors import UserError

CAL_BLOCK_BYTES = 24
CAL_POINTS_KG = (0.0, 17.0, 34.0)
MAX_EMPTY_TOTAL_KG = 5.0  # more than this during a tare means someone or something is on the board
WII_FIT_GAIN = 0.9990813732147217
WII_FIT_PER_UNIT = 0.007000000216066837 / 10.0

Corners = tuple[float, float, float, float]


def corners(values: Iterable[float]) -> Corners:
    """Four values in (tl, tr, bl, br) order as Corners; any other count is a ValueError."""
    tl, tr, bl, br = values
    return (tl, tr, bl, br)


class BoardNotEmpty(UserError):
    """A tare was asked for while the board carried a load."""


@dataclass(frozen=True, slots=True)
class WiiCalibration:
    """Raw counts at 0, 17 and 34 kg for each sensor, plus the reference temperature byte."""

    tl: tuple[int, int, int]
    tr: tuple[int, int, int]
    bl: tuple[int, int, int]
    br: tuple[int, int, int]
    reference_temperature: int | None = None


def parse_wii_calibration(block: bytes, reference_temperature: int | None = None) -> WiiCalibration:
    """The 24 bytes at 0xA40024: 12 big-endian u16, point-major, sensors in order TR BR TL BL."""
    if len(block) != CAL_BLOCK_BYTES:
        raise ValueError(f"calibration block has {len(block)} bytes, expected {CAL_BLOCK_BYTES}")
    v = struct.unpack(">12H", block)
    tr, br, tl, bl = ((v[j], v[4 + j], v[8 + j]) for j in range(4))
    return WiiCalibration(tl=tl, tr=tr, bl=bl, br=br, reference_temperature=reference_temperature)


def raw_to_kg(raw: int, points: tuple[int, int, int]) -> float:
    """Unclamped piecewise-linear interpolation; the 17-34 kg slope extrapolates past 34 kg."""
    c0, c17, c34 = points
    if raw < c17:
        return (raw - c0) * 17.0 / ((c17 - c0) or 1)
    return (raw - c17) * 17.0 / ((c34 - c17) or 1) + 17.0


def wii_corners_kg(cal: WiiCalibration, raw_tr_br_tl_bl: Sequence[int]) -> Corners:
    """Factory-calibrated corner loads: raw counts in wire order in, (tl, tr, bl, br) kg out."""
    tr, br, tl, bl = raw_tr_br_tl_bl
    return (
        raw_to_kg(tl, cal.tl), raw_to_kg(tr, cal.tr), raw_to_kg(bl, cal.bl), raw_to_kg(br, cal.br)
    )


def temperature_corrected(corners_kg: Corners, temperature: int, reference: int) -> Corners:
    """Wii Fit's correction (about 1 % per 14 units away from the factory temperature).

    It scales all corners alike, so the centre of pressure is unchanged; only the weight moves.
    """
    factor = WII_FIT_GAIN * (1.0 - WII_FIT_PER_UNIT * (temperature - reference))
    return corners(c * factor for c in corners_kg)


@dataclass(frozen=True, slots=True)
class Tare:
    """Per-corner offsets (kg) measured on the empty board, subtracted from every reading."""

    offsets_kg: Corners = (0.0, 0.0, 0.0, 0.0)

    def apply(self, corners_kg: Corners) -> Corners:
        return corners(c - o for c, o in zip(corners_kg, self.offsets_kg, strict=True))


def compute_tare(window_kg: Sequence[Corners], max_total_kg: float = MAX_EMPTY_TOTAL_KG) -> Tare:
    """The mean of a window of empty-board readings; refuses when the board is clearly loaded."""
    if len(window_kg) == 0:
        raise UserError("no readings from the board to zero it with; is it switched on?")
    mean = np.asarray(window_kg, dtype=float).mean(axis=0)
    total = float(mean.sum())
    if total > max_total_kg:
        raise BoardNotEmpty(
            f"the board is not empty ({total:.1f} kg on it); step off, clear it and zero it again"
        )
    return Tare(corners(float(m) for m in mean))
