"""Gathering what a progress report shows, from the storage read models, without reading samples.

Everything is read per player in one query per table (storage/activity.py: sessions, trials,
events, tests), so 200 sessions cost about what 2 do; only the statokinesigram reads samples, and
only those of the latest quiet-stance test. Safety counts (core/safety.py) and adherence
(core/prescriptions.py) follow the same rules as the exports and ``players plan``. The player's
birth year chooses the norm group; without it the report says the age is unknown. Texts kept
here are marked with ``N_``/``phrase`` and translated where the report shows them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

import numpy as np

from balance_game import __version__
from balance_game.core.assessments import CONDITIONS, LOS_ORDER
from balance_game.core.prescriptions import (
    Adherence,
    Prescription,
    SessionActivity,
    Target,
    adherence,
)
from balance_game.core.safety import PAUSE_REASONS, safety_counts
from balance_game.i18n import N_, _, ngettext, phrase
from balance_game.storage.activity import (
    aware,
    event_window,
    events_by_session,
    session_rows,
    session_tests,
    trials_by_session,
)
from balance_game.storage.assessments import list_assessments
from balance_game.storage.db import Database
from balance_game.storage.players import get_player
from balance_game.storage.prescriptions import player_prescription
from balance_game.storage.progress import LevelProgress, player_progress
from balance_game.storage.rewards import stored_milestones
from balance_game.storage.sessions import session_sample_array
from balance_game.timeutil import now_iso

# The pipeline every quiet-stance measure in the report went through (dsp/sway.py, "standard").
PIPELINE_TEXT = N_("standard pipeline: duplicate and backward timestamps dropped, resampled to 100 Hz "
                 "by windowed mean (gaps over 0.2 s flagged, not bridged), 10 Hz zero-lag "
                 "Butterworth low-pass, mean removed")
NOT_A_DEVICE = N_("Not a medical device. This report summarises training records "
                "for a therapist's review; it does not diagnose, and its numbers are not "
                "a substitute for clinical judgement.")

# docs/sway-measures.md §6 (BDS, Santos & Duarte 2016; lab force plate, 60 s, raw 100 Hz), in the
# code's units: velocity cm/s x 10 = mm/s, area cm² x 100 = mm². Per (group, surface, vision):
# (mean, sd, median, q1, q3).
_NORMS_CM = {
    ("Young", "firm", "open"): ((2.49, 2.15, 1.95, 1.13, 3.08), (0.87, 0.30, 0.80, 0.66, 1.05)),
    ("Young", "firm", "closed"): ((2.86, 2.38, 2.14, 1.34, 3.58), (0.96, 0.38, 0.82, 0.69, 1.13)),
    ("Young", "foam", "open"): ((12.89, 5.95, 11.76, 8.63, 14.88), (2.38, 0.73, 2.22, 1.94, 2.64)),
    ("Young", "foam", "closed"): ((14.93, 6.23, 13.26, 10.97, 18.28), (3.14, 1.05, 2.93, 2.41, 3.56)),
    ("Old", "firm", "open"): ((2.91, 3.35, 2.17, 1.51, 3.28), (1.13, 0.49, 1.00, 0.85, 1.25)),
    ("Old", "firm", "closed"): ((2.76, 2.65, 2.23, 1.44, 3.06), (1.22, 0.56, 1.09, 0.92, 1.42)),
    ("Old", "foam", "open"): ((20.10, 6.91, 18.33, 13.99, 26.26), (3.59, 0.72, 3.49, 3.11, 3.99)),
    ("Old", "foam", "closed"): ((26.88, 12.22, 23.27, 18.89, 32.67), (4.38, 1.11, 4.20, 3.65, 4.78)),
}
NORM_GROUPS = {"Young": (18, 59), "Old": (60.5, 86)}  # ages (years) of each BDS group
OLD_FROM_AGE = 60  # BDS: young adults 18-59 y, older adults 60.5-86 y
ADULT_FROM_AGE = 18


def norm_group_for(age: int | None) -> str | None:
    """The BDS group for an age in whole years; None when unknown or under 18 (no norm)."""
    if age is None or age < ADULT_FROM_AGE:
        return None
    return "Old" if age >= OLD_FROM_AGE else "Young"
# Games whose per-trial measures the report shows (report/games.py), not only success and
# difficulty: reaction, errors and sway (Think and lean); each side's load and time (Weight transfer).
TRIAL_DETAIL = ("dual", "transfer")
SWAY_MEASURES = (("mean_velocity_mm_s", N_("Mean velocity"), "mm/s"),
                 ("ellipse95_area_mm2", N_("95 % prediction ellipse area"), "mm²"))


@dataclass(frozen=True)
class Norm:
    """One row of §6 in mm units: mean ± SD and median [IQR]."""

    mean: float
    sd: float
    median: float
    q1: float
    q3: float


def normative_band(group: str | None, condition: str, measure: str) -> Norm | None:
    """The §6 band for a condition key (eo_firm ...) and a pinned measure name, in mm units;
    None for an unknown group (age not recorded) or a condition or measure without a norm."""
    if group not in NORM_GROUPS:
        return None
    keys = {key: (surface, "open" if eyes == "eyes open" else "closed")
            for key, eyes, surface in CONDITIONS}
    if condition not in keys or measure not in ("mean_velocity_mm_s", "ellipse95_area_mm2"):
        return None
    surface, eyes = keys[condition]
    area, velocity = _NORMS_CM[(group, surface, eyes)]
    values, scale = (area, 100.0) if measure == "ellipse95_area_mm2" else (velocity, 10.0)
    return Norm(*(round(v * scale, 2) for v in values))


@dataclass
class SessionSummary:
    id: int
    started: datetime  # aware, the session's own offset
    day: date  # the local calendar day it started on (where it was played)
    active_min: float
    attended: bool
    software_version: str
    kind: str  # "training" or "assessment"
    tests: list[str] = field(default_factory=list)  # kinds of test taken, for a test session
    n_trials: int = 0
    n_success: int = 0
    mechanics: dict[str, dict[str, float]] = field(default_factory=dict)  # success_pct, difficulty
    # the stored trial measures of the games the report details (TRIAL_DETAIL), per mechanic
    trials: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    levels: list[str] = field(default_factory=list)
    safety: dict[str, int] = field(default_factory=dict)
    pain_before: int | None = None
    pain_after: int | None = None
    notes: str | None = None

    @property
    def success_pct(self) -> float | None:
        return round(100.0 * self.n_success / self.n_trials, 1) if self.n_trials else None


@dataclass
class Week:
    monday: date
    minutes: dict[date, float]  # active minutes per day that had a session
    sessions: int
    attended_min: float
    independent_min: float
    adherence: Adherence  # training sessions and minutes as the prescription counts them

    @property
    def total_min(self) -> float:
        return self.attended_min + self.independent_min


@dataclass
class ReportData:
    player_id: str  # the pseudonym
    name: str
    generated_at: str
    software_version: str
    recorded_versions: list[str]
    prescription: Prescription | None
    first_day: date | None
    last_day: date | None
    sessions: list[SessionSummary]
    weeks: list[Week]
    quiet: list[dict[str, Any]]  # assessment rows, oldest first (results inside)
    los: list[dict[str, Any]]
    trace: dict[str, Any] | None  # statokinesigram of the latest quiet test
    milestones: dict[str, str] = field(default_factory=dict)  # key -> when earned (stored)
    bests: list[LevelProgress] = field(default_factory=list)  # levels with a personal best
    birth_year: int | None = None
    norm_group: str | None = None  # chosen from the age at the last day covered; None: unknown
    target: Target = field(default_factory=lambda: Target.of(None))
    tests: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # other kinds of test

    @property
    def age(self) -> int | None:
        """Age in whole years at the last day covered (birth year only: may be one too high)."""
        if self.birth_year is None:
            return None
        return (self.last_day or date.today()).year - self.birth_year

    @property
    def age_text(self) -> str:
        if self.age is None:
            return _("age not recorded (set it with `players set NAME --birth-year YYYY`)")
        return ngettext("{n} year (born {year})", "{n} years (born {year})", self.age).format(
            n=self.age, year=self.birth_year)

    @property
    def total_minutes(self) -> float:
        return sum(s.active_min for s in self.sessions)

    @property
    def safety_totals(self) -> dict[str, int]:
        totals: dict[str, int] = {}
        for s in self.sessions:
            for key, value in s.safety.items():
                totals[key] = totals.get(key, 0) + value
        return totals

    def mechanics(self) -> list[str]:
        return list(dict.fromkeys(m for s in self.sessions for m in s.mechanics))


def _detailed_trials(trials: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """The measures of each trial of the games the report details, in the order played."""
    out: dict[str, list[dict[str, Any]]] = {}
    for t in trials:
        if t["mechanic"] in TRIAL_DETAIL:
            out.setdefault(t["mechanic"], []).append(t["measures"] or {})
    return out


def _mechanic_summary(trials: list[dict[str, Any]]) -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    for mechanic in dict.fromkeys(t["mechanic"] for t in trials):
        mine = [t for t in trials if t["mechanic"] == mechanic]
        out[mechanic] = {
            "n": len(mine),
            "success_pct": round(100.0 * sum(bool(t["success"]) for t in mine) / len(mine), 1),
            "difficulty": round(sum(t["difficulty"] for t in mine) / len(mine), 3),
        }
    return out


def summarise_sessions(db: Database, player_id: int) -> list[SessionSummary]:
    """Every session of a player, oldest first, with trials and safety counts (no samples)."""
    trials = trials_by_session(db, player_id)
    events = events_by_session(db, player_id)
    tests = session_tests(db, player_id)
    out = []
    for row in session_rows(db, player_id):
        started = aware(row["started_at"])
        mine = trials.get(row["id"], [])
        evs = events.get(row["id"], [])
        kinds = tests.get(row["id"], [])
        out.append(SessionSummary(
            id=row["id"], started=started, day=started.date(),
            active_min=round(row["active_s"] / 60.0, 3), attended=bool(row["attended"]),
            software_version=row["software_version"],
            kind="assessment" if kinds else "training", tests=kinds,
            n_trials=len(mine), n_success=sum(bool(t["success"]) for t in mine),
            mechanics=_mechanic_summary(mine), trials=_detailed_trials(mine),
            levels=list(dict.fromkeys(t["level_id"] for t in mine)),
            safety={**safety_counts(evs), "aborted_at_end": sum(
                e["type"] == "trial_aborted" and e["reason"] == "session_end" for e in evs)},
            pain_before=row["pain_before"], pain_after=row["pain_after"],
            notes=row["notes"],
        ))
    return out


def weeks_of(sessions: list[SessionSummary], target: Target | None = None) -> list[Week]:
    """Monday-to-Sunday weeks from the first session's to the last's, empty weeks included."""
    if not sessions:
        return []
    target = target or Target.of(None)
    first = min(s.day for s in sessions)
    last = max(s.day for s in sessions)
    monday = first - timedelta(days=first.weekday())
    weeks = []
    while monday <= last:
        mine = [s for s in sessions if monday <= s.day < monday + timedelta(days=7)]
        minutes: dict[date, float] = {}
        for s in mine:
            minutes[s.day] = minutes.get(s.day, 0.0) + s.active_min
        activity = [SessionActivity(s.day, s.active_min, tuple(s.tests)) for s in mine]
        weeks.append(Week(
            monday=monday, minutes=minutes, sessions=len(mine),
            attended_min=round(sum(s.active_min for s in mine if s.attended), 3),
            independent_min=round(sum(s.active_min for s in mine if not s.attended), 3),
            adherence=adherence(target, activity)))
        monday += timedelta(days=7)
    return weeks


def statokinesigram(db: Database, quiet: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The centre-of-pressure trace of the latest quiet-stance test that has samples.

    The eyes-open, firm condition when its ``condition_start``/``condition_end`` events are
    recorded; otherwise the whole test between ``assessment_start`` and ``assessment_end``
    (all of the session when those are missing too).
    """
    for row in reversed(quiet):
        if row["session_id"] is None:
            continue
        samples = session_sample_array(db, row["session_id"])
        if len(samples) < 2:
            continue
        condition = event_window(db, row["session_id"], "eo_firm",
                                 ("condition_start", "condition_end"))
        window = condition or event_window(db, row["session_id"], "quiet")
        if window:
            keep = (samples[:, 0] >= window[0]) & (samples[:, 0] <= window[1])
            if keep.sum() >= 2:
                samples = samples[keep]
        x, y = samples[:, 6], samples[:, 7]
        finite = np.isfinite(x) & np.isfinite(y)
        conditions = [c for c in (row["results"].get("conditions") or {})]
        return {"assessment_id": row["id"], "created_at": row["created_at"],
                "t": samples[finite, 0], "x": x[finite], "y": y[finite],
                "scope": phrase("eyes open, firm surface") if condition else phrase(
                    "whole test ({conditions} in sequence)", conditions=", ".join(conditions))
                if conditions else phrase("whole test"),
                "delimited": window is not None}
    return None


def gather(db: Database, player_name: str) -> ReportData:
    """Everything the report shows for one player (UserError if there is no such player)."""
    player = get_player(db, player_name)
    prescription = player_prescription(db, player)
    target = Target.of(prescription)
    sessions = summarise_sessions(db, player.id)
    every = list_assessments(db, player.id)
    quiet = [a for a in every if a["kind"] == "quiet"]
    los = [a for a in every if a["kind"] == "los"]
    others: dict[str, list[dict[str, Any]]] = {}
    for a in every:
        if a["kind"] not in ("quiet", "los"):
            others.setdefault(a["kind"], []).append(a)
    days = [s.day for s in sessions] + [aware(a["created_at"]).date() for a in every]
    versions = sorted({s.software_version for s in sessions})
    data = ReportData(
        player_id=player.pseudonym, name=player.name, generated_at=now_iso(),
        software_version=__version__, recorded_versions=versions, prescription=prescription,
        first_day=min(days) if days else None, last_day=max(days) if days else None,
        sessions=sessions, weeks=weeks_of(sessions, target), quiet=quiet, los=los,
        trace=statokinesigram(db, quiet), birth_year=player.birth_year, target=target,
        tests=others, milestones=stored_milestones(db, player.id),
        bests=sorted((p for p in player_progress(db, player.id).values()
                      if p.best_score is not None), key=lambda p: p.level_id),
    )
    data.norm_group = norm_group_for(data.age)
    return data


def quiet_series(data: ReportData, condition: str, measure: str) -> list[tuple[datetime, float]]:
    """(when, value) of a measure in one condition over the quiet-stance tests, valid ones only."""
    out = []
    for row in data.quiet:
        entry = (row["results"].get("conditions") or {}).get(condition) or {}
        m = entry.get("measures") or {}
        if m.get("valid") and not entry.get("stopped") and m.get(measure) is not None:
            out.append((aware(row["created_at"]), float(m[measure])))
    return out


def los_polygon(row: dict[str, Any]) -> dict[str, float | None]:
    """Max excursion (mm) per direction, in LOS_ORDER; None where the direction was not measured."""
    directions = row["results"].get("directions") or {}
    return {d: (directions.get(d) or {}).get("max_excursion_mm") for d in LOS_ORDER}


__all__ = ["NORM_GROUPS", "NOT_A_DEVICE", "PAUSE_REASONS", "PIPELINE_TEXT", "SWAY_MEASURES", "TRIAL_DETAIL",
           "Norm",
           "ReportData", "SessionSummary", "Week", "aware", "gather", "los_polygon",
           "norm_group_for", "normative_band", "quiet_series", "statokinesigram",
           "summarise_sessions", "weeks_of"]
