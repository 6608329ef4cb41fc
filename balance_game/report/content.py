"""The report's text and tables, laid out once for both the HTML and the PDF writers.

A table is a ``Table`` (title, header, rows of strings, an optional note); the writers only
decide how it looks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from balance_game.core.assessments import CONDITIONS, LOS_ORDER, LOS_WORDS
from balance_game.core.prescriptions import describe
from balance_game.report.data import (
    NORM_GROUPS,
    PAUSE_REASONS,
    PIPELINE_TEXT,
    SWAY_MEASURES,
    ReportData,
    aware,
    los_polygon,
    normative_band,
    quiet_series,
)
from balance_game.storage.export.collect import result_fields, unit_of

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
DASH = "–"


@dataclass
class Table:
    title: str
    header: list[str]
    rows: list[list[str]]
    note: str = ""
    numeric: set[int] = field(default_factory=set)  # columns to right-align


def _num(value: float | None, digits: int = 1) -> str:
    return DASH if value is None else f"{value:.{digits}f}"


def _day(moment) -> str:
    return moment.strftime("%a %d %b %Y")


def _date(moment) -> str:
    return moment.strftime("%d %b %Y")


def period_text(data: ReportData) -> str:
    if data.first_day is None:
        return "no sessions recorded"
    return f"{data.first_day:%d %b %Y} to {data.last_day:%d %b %Y}"


def header_items(data: ReportData) -> list[tuple[str, str]]:
    recorded = ", ".join(data.recorded_versions) or DASH
    return [
        ("Player", f"{data.name} (pseudonymous id {data.player_id})"),
        ("Age", data.age_text),
        ("Period covered", period_text(data)),
        ("Generated", aware(data.generated_at).strftime("%d %b %Y %H:%M %z")),
        ("Software", f"balance_game {data.software_version} (sessions recorded with {recorded})"),
    ]


def summary_items(data: ReportData) -> list[tuple[str, str]]:
    sessions = data.sessions
    attended = sum(s.active_min for s in sessions if s.attended)
    independent = sum(s.active_min for s in sessions if not s.attended)
    n_weeks = len(data.weeks)
    items = [
        ("Sessions", f"{len(sessions)} ({sum(s.kind == 'assessment' for s in sessions)} with a "
                     f"clinical test) over {n_weeks} week{'s' if n_weeks != 1 else ''}"),
        ("Active minutes", f"{data.total_minutes:.1f} in total: {attended:.1f} therapist-attended, "
                           f"{independent:.1f} independent (rests and pauses excluded)"),
        ("Days with sessions", str(len({s.day for s in sessions}))),
    ]
    if n_weeks:
        items.append(("Mean per week", f"{len(sessions) / n_weeks:.1f} sessions, "
                                       f"{data.total_minutes / n_weeks:.1f} active minutes"))
    if data.prescription:
        met = sum(w.adherence.met(data.target) for w in data.weeks)
        items.append(("Prescription", describe(data.prescription)))
        items.append(("Weeks meeting the prescription", f"{met} of {n_weeks} (a week is met when "
                      f"it has {data.target.sessions_per_week} training sessions of at least "
                      f"{data.target.minutes_per_session:g} active minutes and "
                      f"{data.target.minutes_per_week:g} training minutes; tests count apart)"))
        if data.prescription.note:
            items.append(("Therapist's note to the player", data.prescription.note))
    else:
        items.append(("Prescription", "none recorded (the game's defaults applied)"))
    return items


def calendar_table(data: ReportData) -> Table:
    header = ["Week of", *(f"{d} (min)" for d in WEEKDAYS), "Sessions (n)", "Active (min)"]
    target = data.target if data.prescription else None
    if target:
        header += [f"Training sessions ≥ {target.minutes_per_session:g} min (n)",
                   "Training (min)", "Tests (n)",
                   f"Target {target.sessions_per_week} × {target.minutes_per_session:g} min"]
    rows = []
    for week in data.weeks:
        cells = [f"{week.monday:%d %b %Y}"]
        for i in range(7):
            minutes = week.minutes.get(week.monday + timedelta(days=i))
            cells.append(DASH if minutes is None else f"{minutes:.1f}")
        cells += [str(week.sessions), f"{week.total_min:.1f}"]
        if target:
            a = week.adherence
            cells += [str(a.sessions), f"{a.minutes:.1f}", str(a.tests),
                      "met" if a.met(target) else "not met"]
        rows.append(cells)
    return Table("Adherence calendar", header, rows,
                 "Each day shows the active minutes of the sessions started that day, in the "
                 "time zone where they were played; – no session. A training session counts "
                 "toward the prescription once it lasted the prescribed minutes; shorter ones add "
                 "their minutes only; clinical test sessions are counted apart.",
                 numeric=set(range(1, len(header) - (1 if target else 0))))


def minutes_table(data: ReportData) -> Table:
    rows = [[f"{w.monday:%d %b %Y}", str(w.sessions), f"{w.attended_min:.1f}",
             f"{w.independent_min:.1f}", f"{w.total_min:.1f}"] for w in data.weeks]
    return Table("Minutes per week", ["Week of", "Sessions (n)", "Attended (min)",
                                      "Independent (min)", "Total active (min)"], rows,
                 numeric={1, 2, 3, 4})


def mechanic_table(data: ReportData) -> Table:
    rows = []
    for mechanic in data.mechanics():
        mine = [s for s in data.sessions if mechanic in s.mechanics]
        first, last = mine[0].mechanics[mechanic], mine[-1].mechanics[mechanic]
        n = sum(s.mechanics[mechanic]["n"] for s in mine)
        ok = sum(s.mechanics[mechanic]["n"] * s.mechanics[mechanic]["success_pct"] / 100 for s in mine)
        rows.append([mechanic, str(len(mine)), str(int(n)), f"{100 * ok / n:.0f}",
                     f"{first['success_pct']:.0f} → {last['success_pct']:.0f}",
                     f"{first['difficulty']:.2f} → {last['difficulty']:.2f}"])
    return Table("Success and difficulty by mechanic",
                 ["Mechanic", "Sessions (n)", "Trials (n)", "Success, all (%)",
                  "Success first → latest (%)", "Difficulty first → latest (0–1)"], rows,
                 numeric={1, 2, 3})


def quiet_exclusions(data: ReportData) -> list[str]:
    """Conditions of quiet-stance tests left out of the trends, and why."""
    out = []
    for row in data.quiet:
        for key, entry in (row["results"].get("conditions") or {}).items():
            m = entry.get("measures") or {}
            why = (f"stopped ({entry['stopped']})" if entry.get("stopped")
                   else None if m.get("valid") else (m.get("reason") or "no data"))
            if why:
                out.append(f"{aware(row['created_at']):%d %b %Y} {key.replace('_', ' ')}: {why}")
    return out


def _band(norm, digits: int) -> str:
    if not norm:
        return DASH
    return (f"{norm.mean:.{digits}f} ± {norm.sd:.{digits}f} "
            f"({norm.q1:.{digits}f}–{norm.q3:.{digits}f})")


def norm_text(data: ReportData) -> str:
    if data.norm_group:
        return (f"the {data.norm_group} group ({NORM_GROUPS[data.norm_group]}), chosen from the "
                f"player's age ({data.age_text})")
    if data.age is None:
        return ("no group: the player's age is not recorded, so no band is shaded; both groups "
                "are listed for reference")
    return f"no group: the norms start at 18 years ({data.age_text})"


def sway_tables(data: ReportData) -> list[Table]:
    """One table per pinned measure (so every column has its unit), rows by condition."""
    tables = []
    for measure, label, unit in SWAY_MEASURES:
        digits = 0 if unit == "mm²" else 1
        rows = []
        for key, eyes, surface in CONDITIONS:
            series = quiet_series(data, key, measure)
            if series:
                rows.append([f"{eyes}, {surface}", str(len(series)), _num(series[0][1], digits),
                             _num(series[-1][1], digits),
                             _band(normative_band("Old", key, measure), digits),
                             _band(normative_band("Young", key, measure), digits)])
        if rows:
            tables.append(Table(
                f"Quiet stance (modified CTSIB): {label.lower()} ({unit})",
                ["Condition", "Tests (n)", f"First ({unit})", f"Latest ({unit})",
                 f"Norm 60.5–86 y: mean ± SD (IQR) ({unit})",
                 f"Norm 18–59 y: mean ± SD (IQR) ({unit})"], rows, numeric={1, 2, 3}))
    if tables:
        tables[-1].note = sway_note(data)
    return tables


def sway_note(data: ReportData) -> str:
    return (f"Norms: docs/sway-measures.md §6 (BDS, Santos & Duarte 2016: lab force plate, 60 s, "
            f"raw signal), converted to mm. The charts shade {norm_text(data)}. Board data after "
            f"the standard pipeline over 30 s is not directly comparable with lab values, "
            f"velocity least of all: compare the player with their own earlier tests first."
            + (f" {len(data.quiet)} quiet-stance test{'s' if len(data.quiet) != 1 else ''} in "
               f"the period." if data.quiet else "")
            + (" Not in the trends: " + "; ".join(quiet_exclusions(data)) + "."
               if quiet_exclusions(data) else ""))


def _los_cell(row: dict, direction: str) -> str:
    entry = (row["results"].get("directions") or {}).get(direction) or {}
    mm, pct = entry.get("max_excursion_mm"), entry.get("max_excursion_pct")
    if entry.get("reason") and mm is None:
        return f"invalid ({entry['reason']})"
    if mm is None:
        return DASH
    return f"{mm:.0f} mm" + (f" ({pct:.0f} %)" if pct is not None else "")


def los_table(data: ReportData) -> Table:
    rows = [r for r in data.los if any(v for v in los_polygon(r).values())]
    if not rows:
        return Table("Limits of stability", [], [])
    first, latest = rows[0], rows[-1]
    body = [[f"{d} ({LOS_WORDS[d]})", _los_cell(first, d), _los_cell(latest, d)]
            for d in LOS_ORDER]
    area_f, area_l = (r["results"].get("polygon_area_mm2") for r in (first, latest))
    body.append(["Polygon area (cm²)", _num(area_f / 100 if area_f else None),
                 _num(area_l / 100 if area_l else None)])
    return Table("Limits of stability: maximal excursion, mm (% of the theoretical limit)",
                 ["Direction", f"First {aware(first['created_at']):%d %b %Y} (mm, %)",
                  f"Latest {aware(latest['created_at']):%d %b %Y} (mm, %)"], body,
                 f"{len(rows)} test{'s' if len(rows) != 1 else ''} in the period. % is of the "
                 f"theoretical limit in that direction, as stored with the test (see "
                 f"docs/sway-measures.md, limits of stability); a direction the player never "
                 f"reached, or with an implausible reaction, is shown invalid with the reason. "
                 f"The chart draws the polygon of the maximal excursions.", numeric={1, 2})


def _result_text(value) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".")
    return DASH if value is None or value == "" else str(value)


def other_tests_tables(data: ReportData) -> list[Table]:
    """One table per other kind of clinical test (symmetry, STEADI, single-leg stance, ...):
    every stored result field with its unit, latest test first. Fields named ``norm``,
    ``interpretation`` or ``steadi_text`` carry the norm and the STEADI wording, when the test
    stores them."""
    tables = []
    for kind, rows in data.tests.items():
        latest = rows[-1]
        fields = [(f, v) for f, v in result_fields(latest["results"]) if v not in (None, "")]
        body = [[f.replace(".", " › ").replace("_", " "), _result_text(v), _unit(f, v)]
                for f, v in fields]
        title = TEST_TITLES.get(kind, kind.replace("_", " ").replace("-", " ").capitalize())
        tables.append(Table(f"{title}: latest result, {aware(latest['created_at']):%d %b %Y}",
                            ["Result", "Value", "Unit"], body,
                            f"{len(rows)} test{'s' if len(rows) != 1 else ''} of this kind in the "
                            f"period; every field as stored (also in the exports).",
                            numeric={1}))
    return tables


DISPLAY_UNITS = {"mm2": "mm²", "deg": "°", "deg/s": "°/s", "1": ""}


def _unit(field: str, value) -> str:
    """The field's unit as exported (storage.export.collect.unit_of), written for reading."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return ""
    unit = unit_of(field)
    return DISPLAY_UNITS.get(unit, unit)


def safety_items(data: ReportData) -> list[tuple[str, str]]:
    totals = data.safety_totals
    pauses = ", ".join(f"{reason.replace('_', ' ')} {totals.get(f'pauses_{reason}', 0)}"
                       for reason in PAUSE_REASONS)
    return [
        ("Step-offs", str(totals.get("step_offs", 0))),
        ("Pauses", f"{totals.get('pauses_total', 0)} ({pauses})"),
        ("Trials interrupted", f"{totals.get('aborted_trials', 0)} ("
                               f"{totals.get('aborted_at_end', 0)} of them when the session's time "
                               f"ran out)"),
    ]


def safety_table(data: ReportData) -> Table:
    rows = []
    for s in data.sessions:
        sf = s.safety
        if not (sf.get("pauses_total") or s.pain_before is not None or s.pain_after is not None
                or s.notes):
            continue
        pauses = ", ".join(f"{r.replace('_', ' ')} {sf[f'pauses_{r}']}" for r in PAUSE_REASONS
                           if sf.get(f"pauses_{r}"))
        rows.append([_date(s.started), str(sf.get("step_offs", 0)), pauses or DASH,
                     str(sf.get("aborted_trials", 0)),
                     DASH if s.pain_before is None else str(s.pain_before),
                     DASH if s.pain_after is None else str(s.pain_after), s.notes or ""])
    return Table("Safety events, pain and notes by session",
                 ["Date", "Step-offs (n)", "Pauses by reason (n)", "Interrupted trials (n)",
                  "Pain before (0–10)", "Pain after (0–10)", "Notes"], rows,
                 "Only sessions with a pause, a pain rating or a note are listed. Pain: 0 none to "
                 "10 worst imaginable. A trial counts as interrupted when a pause began, or the "
                 "session ended, during play (the same rule as the exports).", numeric={1, 3, 4, 5})


def sessions_table(data: ReportData) -> Table:
    rows = []
    for s in data.sessions:
        rows.append([_day(s.started), s.started.strftime("%H:%M"),
                     ("test: " + ", ".join(TEST_TITLES.get(k, k) for k in s.tests))
                     if s.kind == "assessment" else "training",
                     ", ".join(s.levels) or DASH, f"{s.active_min:.1f}",
                     "attended" if s.attended else "independent", str(s.n_trials),
                     _num(s.success_pct, 0)])
    return Table("All sessions", ["Date", "Start (local time)", "Kind", "Levels", "Active (min)",
                                  "Attendance", "Trials (n)", "Success (%)"], rows,
                 numeric={4, 6, 7})


def methods_items(data: ReportData) -> list[tuple[str, str]]:
    trace = data.trace
    scope = DASH
    if trace:
        scope = (f"centre-of-pressure samples of the latest quiet-stance test, {trace['scope']}"
                 + ("" if trace["delimited"] else " (the test's start and end were not recorded, "
                    "so the whole session is drawn)")
                 + "; raw samples as recorded, before the sway pipeline.")
    return [
        ("Sway pipeline", PIPELINE_TEXT + ". Measures as pinned in docs/sway-measures.md "
                          "(dsp/sway.py); area is the 95 % prediction ellipse (F formula)."),
        ("Active minutes", "Time in play, rests and pauses excluded; 'attended' marks sessions "
                           "the therapist recorded as attended."),
        ("Adherence", "A training session counts toward the prescription once it lasted the "
                      "prescribed minutes; every training minute counts; clinical test sessions "
                      "are counted apart; a week is met when both its sessions and its minutes "
                      "are (core/prescriptions.py, the same rule as `players plan`)."),
        ("Statokinesigram", scope),
        ("Normative bands", f"§6 of docs/sway-measures.md; {norm_text(data)}."),
    ]


TEST_TITLES = {"quiet": "quiet stance", "los": "limits of stability",
               "symmetry": "weight-bearing symmetry", "steadi": "STEADI 4-Stage Balance Test",
               "single_leg": "single-leg stance", "single-leg": "single-leg stance"}
