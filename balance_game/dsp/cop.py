"""Centre of pressure (mm) from four corner loads and the board's sensor spacing.

Board frame before orientation: +x toward the right-hand sensors (TR, BR), +y toward the "top"
sensors (TL, TR). Which physical edge faces the player differs between boards and set-ups, so a
per-board orientation rotates or mirrors the result into the player's frame.
"""

from __future__ import annotations

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
