"""The report's charts as matplotlib figures (no pyplot, no display), and their SVG or PNG bytes.

Each function returns a Figure or None when there is nothing to draw; ``to_svg`` gives an
inline SVG element without external references (for the HTML), ``to_png`` bytes (for the PDF).
Titles, labels and legends are in the active language, and so are the tick labels: dates from
Babel ("2. Dez."), numbers with the language's decimal sign ("0,25").
"""

from __future__ import annotations

import io
import math
import re
import textwrap
from datetime import datetime, timedelta
from html import escape
from typing import TYPE_CHECKING, Any

import matplotlib
import matplotlib.dates as mdates
import numpy as np
from matplotlib import ticker
from matplotlib.figure import Figure

from balance_game.core.assessments import CONDITIONS, LOS_ORDER
from balance_game.dsp.los import direction_vector
from balance_game.i18n import N_, _, date_text, decimal_sign, number
from balance_game.report.content import NORM_GROUP_NAMES, game_name, norm_ages
from balance_game.report.data import (
    SWAY_MEASURES,
    ReportData,
    aware,
    los_polygon,
    normative_band,
    quiet_series,
)

if TYPE_CHECKING:
    from matplotlib.typing import RcKeyType

INK = "#1f2a36"
ATTENDED = "#2f6f9f"
INDEPENDENT = "#8fbcd9"
BAND = "#9ccc9c"
FIRST = "#999999"
LATEST = "#c0392b"
PALETTE = ("#2f6f9f", "#c0392b", "#27ae60", "#8e44ad", "#d68910", "#16a085", "#7f8c8d", "#2c3e50")
STYLE: dict[RcKeyType, Any] = {
    "font.size": 8.5, "axes.titlesize": 9.5, "axes.labelsize": 8.5, "axes.edgecolor": "#666",
    "axes.spines.top": False, "axes.spines.right": False, "legend.fontsize": 7.5,
    "legend.frameon": False, "svg.fonttype": "none", "svg.hashsalt": "balance_game-report",
    "font.family": "DejaVu Sans",
}
# Directions drawn as arrows around the limits-of-stability polygon: no words to translate.
ARROWS = {"F": "↑", "FR": "↗", "R": "→", "BR": "↘", "B": "↓", "BL": "↙", "L": "←", "FL": "↖"}


class LocalNumbers(ticker.ScalarFormatter):
    """Matplotlib's tick numbers with the report language's decimal sign ("0,25")."""

    def __call__(self, x: float, pos: int | None = None) -> str:
        return super().__call__(x, pos).replace(".", decimal_sign())


def _local_numbers(ax, *, x: bool = False) -> None:
    ax.yaxis.set_major_formatter(LocalNumbers())
    if x:
        ax.xaxis.set_major_formatter(LocalNumbers())


def _local_dates(ax, form: str) -> None:
    """Date ticks written by Babel in the active language (a CLDR skeleton: "MMMd", "yMMM")."""
    ax.xaxis.set_major_formatter(ticker.FuncFormatter(
        lambda x, pos: date_text(mdates.num2date(x).date(), form)))


def _figure(width: float, height: float) -> Figure:
    with matplotlib.rc_context(STYLE):
        fig = Figure(figsize=(width, height), layout="constrained")
    return fig


def _naive(moment: datetime) -> datetime:
    """Local wall-clock time: a session at 09:00 in its own time zone plots at 09:00."""
    return moment.replace(tzinfo=None)


def _date_axis(ax, span_days: float) -> None:
    """Whole days (or months) only, at most ~8 ticks: a date is never printed twice."""
    if span_days < 300:
        locator: mdates.DateLocator = mdates.DayLocator(interval=max(1, math.ceil(span_days / 7)))
        label = "MMMd"
    else:
        locator = mdates.MonthLocator(interval=max(1, math.ceil(span_days / 30 / 8)))
        label = "yMMM"
    ax.xaxis.set_major_locator(locator)
    _local_dates(ax, label)


def minutes_per_week(data: ReportData) -> Figure | None:
    if not data.weeks:
        return None
    with matplotlib.rc_context(STYLE):
        fig = _figure(7.2, 2.6)
        ax = fig.add_subplot()
        x = np.arange(len(data.weeks))
        attended = [w.attended_min for w in data.weeks]
        independent = [w.independent_min for w in data.weeks]
        ax.bar(x, attended, color=ATTENDED, label=_("therapist-attended"), width=0.7)
        ax.bar(x, independent, bottom=attended, color=INDEPENDENT, label=_("independent"),
               width=0.7)
        for xi, week in zip(x, data.weeks, strict=True):
            if week.total_min > 0 and len(data.weeks) <= 16:  # beyond that the numbers collide
                ax.text(float(xi), week.total_min, number(week.total_min, 0), ha="center", va="bottom",
                        fontsize=7, color=INK)
        target = 0.0
        if data.prescription:
            target = data.prescription.minutes_per_session * data.prescription.sessions_per_week
            ax.axhline(target, color=LATEST, linestyle="--", linewidth=1,
                       label=_("prescribed ({minutes} min/week)").format(minutes=number(target)))
        labels = [date_text(w.monday, "MMMd") for w in data.weeks]
        step = -(-len(labels) // 10)  # at most 10 labels
        ax.set_xticks(x[::step], labels[::step])
        ax.set_xlabel(_("week starting (Monday)"))
        ax.set_ylabel(_("active minutes"))
        ax.set_title(_("Active minutes per week (rests and pauses excluded)"), loc="left")
        _local_numbers(ax)
        ax.legend(loc="upper left", ncols=3)
        ax.set_ylim(0, max(max(w.total_min for w in data.weeks), target, 1.0) * 1.25)
    return fig


def success_and_difficulty(data: ReportData) -> Figure | None:
    mechanics = data.mechanics()
    if not mechanics:
        return None
    with matplotlib.rc_context(STYLE):
        fig = _figure(7.2, 4.0)
        top, bottom = fig.subplots(2, 1, sharex=True)
        when = [_naive(s.started) for s in data.sessions]
        span = (max(when) - min(when)).days if when else 0
        for i, mechanic in enumerate(mechanics):
            colour = PALETTE[i % len(PALETTE)]
            points = [(w, s.mechanics[mechanic]) for w, s in zip(when, data.sessions, strict=True)
                      if mechanic in s.mechanics]
            xs = [p[0] for p in points]
            top.plot(xs, [p[1]["success_pct"] for p in points], "o-", color=colour, markersize=3,
                     linewidth=1, label=game_name(mechanic))
            bottom.plot(xs, [p[1]["difficulty"] for p in points], "o-", color=colour,
                        markersize=3, linewidth=1, label=game_name(mechanic))
        if data.prescription:
            top.axhline(100 * data.prescription.target_success, color="#666", linestyle=":",
                        linewidth=1, label=_("target success"))
            bottom.axhline(data.prescription.max_difficulty, color="#666", linestyle=":",
                           linewidth=1, label=_("difficulty cap"))
        top.set_ylim(-5, 105)
        top.set_ylabel(_("success (% of trials)"))
        top.set_title(_("Success rate per session, by game"), loc="left")
        top.legend(loc="lower left", ncols=min(5, len(mechanics) + 1))
        bottom.set_ylim(-0.05, 1.05)
        bottom.set_ylabel(_("mean difficulty (0–1)"))
        bottom.set_title(_("Difficulty per session (mean over the trials), by game"), loc="left")
        _local_numbers(top)
        _local_numbers(bottom)
        _date_axis(bottom, span)
        if when and span == 0:  # one day: matplotlib would widen the axis to ±2 years
            bottom.set_xlim(min(when) - timedelta(days=1), max(when) + timedelta(days=1))
    return fig


def sway_trend(data: ReportData) -> Figure | None:
    present = [(key, eyes, surface) for key, eyes, surface in CONDITIONS
               if any(quiet_series(data, key, m) for m, _, _ in SWAY_MEASURES)]
    if not present:
        return None
    with matplotlib.rc_context(STYLE):
        fig = _figure(7.2, 4.4)
        axes = fig.subplots(len(SWAY_MEASURES), len(present), squeeze=False)
        for col, (key, eyes, surface) in enumerate(present):
            for row, (measure, label, unit) in enumerate(SWAY_MEASURES):
                ax = axes[row][col]
                series = quiet_series(data, key, measure)
                norm = normative_band(data.norm_group, key, measure)
                top = max([v for _, v in series] + ([norm.mean + norm.sd] if norm else []) + [1.0])
                if norm:
                    ax.axhspan(max(0.0, norm.mean - norm.sd), norm.mean + norm.sd, color=BAND,
                               alpha=0.25, linewidth=0)
                    ax.axhspan(norm.q1, norm.q3, color=BAND, alpha=0.55, linewidth=0)
                    ax.axhline(norm.median, color="#3d7a3d", linewidth=0.8)
                if series:
                    xs = [_naive(w) for w, _ in series]
                    ax.plot(xs, [v for _, v in series], "o-", color=INK, markersize=3.5,
                            linewidth=1)
                    span = (max(xs) - min(xs)).days
                    if span == 0:
                        ax.set_xlim(xs[0] - timedelta(days=3), xs[0] + timedelta(days=3))
                    days = sorted({x.replace(hour=0, minute=0, second=0, microsecond=0)
                                   for x in xs})
                    if len(days) <= 6:  # few tests: a tick at each test day, and only there
                        ax.set_xticks(days)
                        _local_dates(ax, "MMMd")
                    else:
                        _date_axis(ax, span)
                    ax.tick_params(axis="x", labelrotation=40, labelsize=7)
                ax.set_ylim(0, top * 1.12)
                _local_numbers(ax)
                if row == 0:  # two short lines: four columns hold long words too
                    ax.set_title(f"{_(eyes)}\n{_(surface)}", fontsize=8.5)
                if col == 0:
                    words = textwrap.fill(_(label), 24, break_long_words=False)
                    ax.set_ylabel(f"{words}\n({unit})", fontsize=8)
        band = (_("green: normative band, {group} {ages} (docs/sway-measures.md §6)\nIQR dark, "
                  "mean ± SD light, line = median").format(
                      group=_(NORM_GROUP_NAMES[data.norm_group]), ages=norm_ages(data.norm_group))
                if data.norm_group else
                _("no normative band: the player's age is not recorded") if data.age is None else
                _("no normative band for the player's age"))
        fig.suptitle(_("Quiet stance over time; {band}").format(band=band), fontsize=9, x=0.01,
                     ha="left")
    return fig


def los_chart(data: ReportData) -> Figure | None:
    rows = [r for r in data.los if any(v for v in los_polygon(r).values())]
    if not rows:
        return None
    first, latest = rows[0], rows[-1]
    with matplotlib.rc_context(STYLE):
        fig = _figure(3.6, 3.6)
        ax = fig.add_subplot()
        reach = 10.0
        pairs = ([(first, FIRST, _("first")), (latest, LATEST, _("latest"))]
                 if first is not latest else [(latest, LATEST, _("only test"))])
        for row, colour, name in pairs:
            polygon = los_polygon(row)
            pts = np.array([direction_vector(d) * (polygon[d] or 0.0) for d in LOS_ORDER])
            reach = max(reach, float(np.abs(pts).max()))
            closed = np.vstack([pts, pts[:1]])
            area = row["results"].get("polygon_area_mm2")
            label = f"{name} {date_text(aware(row['created_at']).date())}" + (
                f", {number(area / 100, 0)} cm²" if area else "")
            ax.plot(closed[:, 0], closed[:, 1], "-o", color=colour, markersize=3, linewidth=1.4,
                    label=label)
            ax.fill(closed[:, 0], closed[:, 1], color=colour, alpha=0.10)
        lim = reach * 1.25
        for d in LOS_ORDER:
            v = direction_vector(d)
            ax.plot([0, v[0] * lim * 0.92], [0, v[1] * lim * 0.92], color="#ddd", linewidth=0.6,
                    zorder=0)
            ax.text(v[0] * lim * 0.97, v[1] * lim * 0.97, ARROWS[d], ha="center", va="center",
                    fontsize=9, color="#555")
        ax.set_xlim(-lim, lim)
        ax.set_ylim(-lim, lim)
        ax.set_aspect("equal")
        ax.set_xlabel(_("medio-lateral (mm, + right)"))
        ax.set_ylabel(_("antero-posterior (mm, + forward)"))
        ax.set_title(_("Limits of stability: max excursion"), loc="left")
        _local_numbers(ax, x=True)
        ax.legend(loc="lower center", bbox_to_anchor=(0.5, -0.42), ncols=1)
    return fig


def statokinesigram_chart(data: ReportData) -> Figure | None:
    trace = data.trace
    if not trace or len(trace["x"]) < 2:
        return None
    x, y = trace["x"], trace["y"]
    with matplotlib.rc_context(STYLE):
        fig = _figure(3.6, 3.6)
        ax = fig.add_subplot()
        ax.plot(x, y, color=ATTENDED, linewidth=0.4, alpha=0.85)
        ax.plot([np.mean(x)], [np.mean(y)], "+", color=LATEST, markersize=9,
                label=_("mean position"))
        half = max(float(np.ptp(x)), float(np.ptp(y)), 10.0) / 2 * 1.1
        cx, cy = (x.max() + x.min()) / 2, (y.max() + y.min()) / 2
        ax.set_xlim(cx - half, cx + half)
        ax.set_ylim(cy - half, cy + half)
        ax.set_aspect("equal")
        ax.set_xlabel(_("medio-lateral (mm, + right)"))
        ax.set_ylabel(_("antero-posterior (mm, + forward)"))
        ax.set_title(_("Statokinesigram, {date}").format(
            date=date_text(aware(trace["created_at"]).date())), loc="left")
        _local_numbers(ax, x=True)
        ax.legend(loc="upper right", fontsize=7)
    return fig


_SVG_HEAD = re.compile(r"^.*?(?=<svg)", re.S)
_SVG_METADATA = re.compile(r"<metadata>.*?</metadata>\s*", re.S)


def to_svg(fig: Figure, title: str) -> str:
    """An inline ``<svg>`` element: no XML prologue, doctype or metadata, a title for readers
    (``title`` is plain text, escaped here)."""
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    text = _SVG_METADATA.sub("", _SVG_HEAD.sub("", buffer.getvalue(), count=1))
    text = re.sub(r'<svg ([^>]*?)width="[^"]*" height="[^"]*"', r'<svg \1', text, count=1)
    return text.replace(">", f' role="img" aria-label="{escape(title)}">', 1)


def to_png(fig: Figure, dpi: int = 200) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()


CHARTS = (  # titles marked with N_: the report translates them where it shows them
    ("weeks", N_("Minutes per week"), minutes_per_week),
    ("progress", N_("Success rate and difficulty"), success_and_difficulty),
    ("sway", N_("Sway measures against the normative band"), sway_trend),
    ("los", N_("Limits of stability, first and latest"), los_chart),
    ("trace", N_("Statokinesigram"), statokinesigram_chart),
)
