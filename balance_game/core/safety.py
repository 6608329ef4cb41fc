"""What a session's events say about safety: pauses by reason, trials interrupted, paused time.

One set of rules for the exports and the report, so the two never disagree.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

PAUSE_REASONS = ("step_off", "balance_lost", "device_lost", "user")


def paused_intervals(events: Sequence[dict[str, Any]]) -> list[tuple[float, float]]:
    """(start, end) of every stretch with at least one pause open; the last may end at infinity."""
    intervals: list[tuple[float, float]] = []
    reasons: set[str] = set()
    start = 0.0
    for event in events:
        if event["type"] == "pause":
            if not reasons:
                start = event["t_s"]
            reasons.add(event["reason"])
        elif event["type"] == "resume" and event["reason"] in reasons:
            reasons.discard(event["reason"])
            if not reasons:
                intervals.append((start, event["t_s"]))
    if reasons:
        intervals.append((start, math.inf))
    return intervals


def safety_counts(events: Sequence[dict[str, Any]]) -> dict[str, int]:
    """Pauses by reason, and trials interrupted.

    A trial counts as interrupted when a pause begins, or the session ends, while a level is in
    play: an upper bound, as the pause may fall between two trials. Sessions that record
    ``trial_aborted`` events are counted from those instead.
    """
    counts = {f"pauses_{r}": 0 for r in PAUSE_REASONS}
    pauses = aborted = explicit = 0
    in_level, reasons = False, set[str]()
    for event in events:
        kind, reason = event["type"], event["reason"]
        if kind == "pause":
            pauses += 1
            key = f"pauses_{reason}"
            if key in counts:
                counts[key] += 1
            if in_level and not reasons:
                aborted += 1
            reasons.add(reason)
        elif kind == "resume":
            reasons.discard(reason)
        elif kind == "level_start":
            in_level = True
        elif kind == "level_end":
            in_level = False
        elif kind == "level_stopped":
            if in_level and not reasons:
                aborted += 1
            in_level = False
        elif kind == "trial_aborted":
            explicit += 1
    has_explicit = any(e["type"] == "trial_aborted" for e in events)
    return {"step_offs": counts["pauses_step_off"], "pauses_total": pauses, **counts,
            "aborted_trials": explicit if has_explicit else aborted}
