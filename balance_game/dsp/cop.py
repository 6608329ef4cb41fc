"""Centre of pressure (mm) from four corner loads and the board's sensor spacing.

Board frame before orientation: +x toward the right-hand sensors (TR, BR), +y toward the "top"
sensors (TL, TR). Which physical edge faces the player differs between boards and set-ups, so a
per-board orientation rotates or mirrors the result into the player's frame.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

MIN_TOTAL_KG = 2.0  # below this the ratio is dominated by noise (an empty board reads ~0.1 kg)

# orientation -> ((a, b), (c, d)) so that (x', y') = (a*x + b*y, c*x + d*y)
ORIENTATIONS: dict[str, tuple[tuple[int, int], tuple[int, int]]] = {
    "default": ((1, 0), (0, 1)),
    "rotate_90": ((0, -1), (1, 0)),
    "rotate_180": ((-1, 0), (0, -1)),
    "rotate_270": ((0, 1), (-1, 0)),
    "flip_x": ((-1, 0), (0, 1)),
    "flip_y": ((1, 0), (0, -1)),
}


@dataclass(frozen=True, slots=True)
class BoardGeometry:
    """Distance between sensor centres: left-right (width) and front-back (depth)."""

    width_mm: float
    depth_mm: float


def cop_mm(
    corners_kg: tuple[float, float, float, float],
    geometry: BoardGeometry,
    orientation: str = "default",
    min_total_kg: float = MIN_TOTAL_KG,
) -> tuple[float, float] | None:
    """COP of (tl, tr, bl, br) loads, or None when the total is below ``min_total_kg``."""
    tl, tr, bl, br = corners_kg
    total = tl + tr + bl + br
    if total < min_total_kg or total <= 0.0:
        return None
    x = geometry.width_mm / 2.0 * ((tr + br) - (tl + bl)) / total
    y = geometry.depth_mm / 2.0 * ((tl + tr) - (bl + br)) / total
    (a, b), (c, d) = ORIENTATIONS[orientation]
    return (a * x + b * y, c * x + d * y)


def cells_geometry(positions_mm: Sequence[tuple[float, float]]) -> BoardGeometry:
    """The rectangle, centred on the board, whose corners stand in for a board's own cells.

    Its half-sides reach the farthest cell, so every cell lies inside it; a side no cell spans
    (one cell, or cells on a line) gets 1 mm, which keeps the arithmetic finite and the COP 0.
    """
    half_w = max((abs(x) for x, _ in positions_mm), default=0.0)
    half_d = max((abs(y) for _, y in positions_mm), default=0.0)
    return BoardGeometry(2 * half_w or 1.0, 2 * half_d or 1.0)


def cells_to_corners(loads_kg: Sequence[float], positions_mm: Sequence[tuple[float, float]],
                     geometry: BoardGeometry) -> tuple[float, float, float, float]:
    """Spread each cell's load over the rectangle's corners (tl, tr, bl, br) bilinearly.

    The split is linear in the cell's position, so the corners carry the same total and the same
    centre of pressure (``cop_mm``) as the cells themselves: sum(w*x)/sum(w), sum(w*y)/sum(w).
    That lets a board of any 1–8 cells feed the four-corner ``Sample`` every consumer reads.
    """
    tl = tr = bl = br = 0.0
    for w, (x, y) in zip(loads_kg, positions_mm, strict=True):
        right = 0.5 + x / geometry.width_mm
        top = 0.5 + y / geometry.depth_mm
        tl += w * (1 - right) * top
        tr += w * right * top
        bl += w * (1 - right) * (1 - top)
        br += w * right * (1 - top)
    return (tl, tr, bl, br)
