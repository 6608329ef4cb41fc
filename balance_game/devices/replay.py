"""Replay: a recorded samples CSV played back on session time, as if someone were on the board."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from balance_game.core.records import DeviceStatus, Goal, Sample
from balance_game.storage.samples_csv import read_samples_file


class ReplaySource:
    """Plays samples back at their own times; the first sample is at ``t0`` of the recording."""

    kind = "replay"

    def __init__(self, samples: list[Sample], name: str, shift_to_zero: bool = True) -> None:
        self.name = name
        t0 = samples[0].t_s if samples and shift_to_zero else 0.0
        self.samples = [Sample(s.t_s - t0, s.cop_x_mm, s.cop_y_mm, s.corners_kg) for s in samples]
        self.next_index = 0
        self.ended = False

    @classmethod
    def from_file(cls, path: Path) -> ReplaySource:
        table = read_samples_file(Path(path))
        return cls(list(table.samples()), f"replay of {Path(path).name}")

    def start(self, origin_monotonic_s: float) -> None:
        del origin_monotonic_s

    def handle_event(self, event: Any) -> None:
        del event

    def set_goal(self, goal: Goal | None) -> None:
        del goal

    def close(self) -> None:
        """Nothing to release: no device is held open."""

    def poll(self, t_s: float) -> list[Sample | DeviceStatus]:
        out: list[Sample | DeviceStatus] = []
        while self.next_index < len(self.samples) and self.samples[self.next_index].t_s <= t_s:
            out.append(self.samples[self.next_index])
            self.next_index += 1
        if self.next_index >= len(self.samples) and not self.ended:
            self.ended = True
            out.append(DeviceStatus(t_s, "ended", "the recording is over"))
        return out
