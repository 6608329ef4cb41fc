"""Replay: a recorded samples CSV played back on session time, as if someone were on the board."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from balance_game.core.records import SAME_TIME_S, DeviceStatus, Goal, Sample
from balance_game.storage.samples_csv import SampleTable, read_samples_file


class ReplaySource:
    """Plays samples back at their own times; the first sample is at ``t0`` of the recording.

    The recording stays a packed table and each Sample is made as it is played, so a long
    recording costs its 64 bytes a sample and no more.
    """

    kind = "replay"

    def __init__(self, table: SampleTable, name: str, shift_to_zero: bool = True) -> None:
        self.name = name
        self.table = table
        self.t0_s = float(table.t_s[0]) if len(table) and shift_to_zero else 0.0
        self.next_index = 0
        self.ended = False

    @classmethod
    def from_file(cls, path: Path) -> ReplaySource:
        return cls(read_samples_file(Path(path)), f"replay of {Path(path).name}")

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
        n = len(self.table)
        while self.next_index < n:
            sample = self.table.sample(self.next_index, self.t0_s)
            if sample.t_s > t_s + SAME_TIME_S:  # as live: a sample at the step's time is in it
                break
            out.append(sample)
            self.next_index += 1
        if self.next_index >= n and not self.ended:
            self.ended = True
            out.append(DeviceStatus(t_s, "ended", "the recording is over"))
        return out
