"""The report's text and tables, laid out once for both the HTML and the PDF writers.

A table is a ``Table`` (title, header, rows of strings, an optional note); the writers only
decide how it looks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from balance_game.core.assessments import CONDITIONS, LOS_ORDER
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
        met = sum(w.sessions >= data.prescription.sessions_per_week for w in data.weeks)
        items.append(("Prescription", describe(data.prescription)))
        items.append(("Weeks meeting the prescription", f"{met} of {n_weeks}"))
        if data.prescription.note:
            items.append(("Therapist's note to the player", data.prescription.note))
    else:
        items.append(("Prescription", "none recorded (the game's defaults applied)"))
    return items


def calendar_table(data: ReportData) -> Table:
    header = ["Week of", *WEEKDAYS, "Sessions", "Active min"]
    target = data.prescription.sessions_per_week if data.prescription else None
    if target:
        header.append(f"Target {target}/wk")
    rows = []
    for week in data.weeks:
        cells = [f"{week.monday:%d %b %Y}"]
        for i in range(7):
            minutes = week.minutes.get(week.monday + timedelta(days=i))
            cells.append(DASH if minutes is None else f"{minutes:.1f}")
        cells += [str(week.sessions), f"{week.total_min:.1f}"]
        if target:
            cells.append("met" if week.sessions >= target else f"{week.sessions}/{target}")
        rows.append(cells)
    return Table("Adherence calendar", header, rows,
                 "Each day shows the active minutes of the sessions started that day, in the "
                 "time zone where they were played; – no session.",
                 numeric=set(range(1, len(header) - (1 if target else 0))))


def minutes_table(data: ReportData) -> Table:
    rows = [[f"{w.monday:%d %b %Y}", str(w.sessions), f"{w.attended_min:.1f}",
             f"{w.independent_min:.1f}", f"{w.total_min:.1f}"] for w in data.weeks]
    return Table("Minutes per week", ["Week of", "Sessions", "Attended min", "Independent min",
                                      "Total active min"], rows, numeric={1, 2, 3, 4})


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
                 ["Mechanic", "Sessions", "Trials", "Success % (all)", "Success % first → latest",
                  "Difficulty first → latest"], rows, numeric={1, 2, 3})


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


def sway_table(data: ReportData) -> Table:
    rows = []
    for key, eyes, surface in CONDITIONS:
        for measure, label, unit in SWAY_MEASURES:
            series = quiet_series(data, key, measure)
            if not series:
                continue
            norm = normative_band(data.norm_group, key, measure)
            young = normative_band("Young", key, measure)
            digits = 0 if unit == "mm²" else 1
            rows.append([
                f"{eyes}, {surface}", f"{label} ({unit})", str(len(series)),
                _num(series[0][1], digits), _num(series[-1][1], digits),
                f"{norm.mean:.{digits}f} ± {norm.sd:.{digits}f} ({norm.q1:.{digits}f}–{norm.q3:.{digits}f})"
                if norm else DASH,
                f"{young.mean:.{digits}f} ± {young.sd:.{digits}f} ({young.q1:.{digits}f}–"
                f"{young.q3:.{digits}f})" if young else DASH,
            ])
    return Table("Quiet stance (modified CTSIB)",
                 ["Condition", "Measure", "Tests", "First", "Latest",
                  f"Norm {data.norm_group} mean ± SD (IQR)", "Norm Young mean ± SD (IQR)"], rows,
                 f"Norms: docs/sway-measures.md §5.1 (BDS, Santos & Duarte 2016: lab force plate, "
                 f"60 s, raw signal), converted to mm. The player's age is not recorded, so the "
                 f"charts shade the {data.norm_group} group ({NORM_GROUPS[data.norm_group]}); the "
                 f"Young group (18–59 y) is given here for comparison. Board data after the "
                 f"standard pipeline over 30 s is not directly comparable with lab values, "
                 f"velocity least of all: compare the player with their own earlier tests first."
                 + (f" {len(data.quiet)} quiet-stance test{'s' if len(data.quiet) != 1 else ''} in "
                    f"the period." if data.quiet else "")
                 + (" Not in the trends: " + "; ".join(quiet_exclusions(data)) + "."
                    if quiet_exclusions(data) else ""),
                 numeric={2, 3, 4})


def los_table(data: ReportData) -> Table:
    rows = [r for r in data.los if any(v for v in los_polygon(r).values())]
    if not rows:
        return Table("Limits of stability", [], [])
    first, latest = rows[0], rows[-1]
    pf, pl = los_polygon(first), los_polygon(latest)
    body = [[d, _num(pf[d]), _num(pl[d])] for d in LOS_ORDER]
    area_f, area_l = (r["results"].get("polygon_area_mm2") for r in (first, latest))
    body.append(["Polygon area (cm²)", _num(area_f / 100 if area_f else None),
                 _num(area_l / 100 if area_l else None)])
    return Table("Limits of stability: max excursion (mm)",
                 ["Direction", f"First {aware(first['created_at']):%d %b %Y}",
                  f"Latest {aware(latest['created_at']):%d %b %Y}"], body,
                 f"{len(rows)} test{'s' if len(rows) != 1 else ''} in the period.", numeric={1, 2})


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
                 ["Date", "Step-offs", "Pauses by reason", "Interrupted", "Pain before",
                  "Pain after", "Notes"], rows,
                 "Only sessions with a pause, a pain rating or a note are listed. Pain: 0 none to "
                 "10 worst imaginable. A trial counts as interrupted when a pause began, or the "
                 "session ended, during play (the same rule as the exports).", numeric={1, 3, 4, 5})


def sessions_table(data: ReportData) -> Table:
    rows = []
    for s in data.sessions:
        rows.append([_day(s.started), s.started.strftime("%H:%M"),
                     "test" if s.kind == "assessment" else "training",
                     ", ".join(s.levels) or DASH, f"{s.active_min:.1f}",
                     "attended" if s.attended else "independent", str(s.n_trials),
                     _num(s.success_pct, 0)])
    return Table("All sessions", ["Date", "Start", "Kind", "Levels", "Active min", "Attendance",
                                  "Trials", "Success %"], rows, numeric={4, 6, 7})


def methods_items(data: ReportData) -> list[tuple[str, str]]:
    trace = data.trace
    scope = DASH
    if trace:
        scope = (f"samples of the latest quiet-stance test ({trace['scope']}); the test does not "
                 f"record where each condition starts, so the eyes-open firm condition alone "
                 f"cannot be shown")
    return [
        ("Sway pipeline", PIPELINE_TEXT + ". Measures as pinned in docs/sway-measures.md; area is "
                          "the 95 % prediction ellipse."),
        ("Active minutes", "Time in play, rests and pauses excluded; 'attended' marks sessions "
                           "the therapist recorded as attended."),
        ("Statokinesigram", scope),
        ("Normative bands", f"§5.1 of docs/sway-measures.md, {data.norm_group} group shaded "
                            f"(age not recorded)."),
    ]
