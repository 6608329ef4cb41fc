"""A balance board driven by a script: the test says where the person leans, the board reports it.

It speaks the product's own source protocol (``InputSource``) with kind "board", so every screen
treats it as a person standing on a real board: 100 samples a second of four corner loads that add
up to the body weight and put the centre of pressure where the script leans.
"""

from __future__ import annotations

from balance_game.core.control import Limits
from balance_game.core.records import DeviceStatus, Goal, Sample

HALF_WIDTH_MM = 433 / 2  # Wii board sensor spacing (docs/wbb-protocol.md)
HALF_DEPTH_MM = 238 / 2
SAMPLE_DT_S = 0.01


def corner_loads(x_mm: float, y_mm: float, weight_kg: float) -> tuple[float, float, float, float]:
    """TL, TR, BL, BR loads whose centre of pressure is (x_mm, y_mm)."""
    a, b, q = x_mm / HALF_WIDTH_MM, y_mm / HALF_DEPTH_MM, weight_kg / 4
    return (q * (1 - a + b), q * (1 + a + b), q * (1 - a - b), q * (1 + a - b))


class ScriptedBoard:
    kind = "board"
    name = "scripted board"

    def __init__(self, limits: Limits, weight_kg: float = 70.0) -> None:
        self.limits = limits
        self.weight_kg = weight_kg
        self.lean = (0.0, 0.0)  # lean units, -1..1 of the player's limits
        self.on_board = True  # False: the person has stepped off (the board reads no load)
        self.goal: Goal | None = None
        self.t_s = 0.0

    def start(self, origin_monotonic_s: float) -> None:
        del origin_monotonic_s

    def poll(self, t_s: float) -> list[Sample | DeviceStatus]:
        out: list[Sample | DeviceStatus] = []
        while self.t_s + SAMPLE_DT_S <= t_s + 1e-9:
            self.t_s = round(self.t_s + SAMPLE_DT_S, 6)
            x_mm, y_mm = self.limits.to_mm(*self.lean)
            weight = self.weight_kg if self.on_board else 0.0
            out.append(Sample(self.t_s, x_mm, y_mm, corner_loads(x_mm, y_mm, weight)))
        return out

    def handle_event(self, event: object) -> None:
        del event  # nothing to press: only leaning

    def set_goal(self, goal: Goal | None) -> None:
        self.goal = goal

    def close(self) -> None:
        """Nothing to release."""
