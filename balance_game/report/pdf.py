"""The report as an A4 PDF (reportlab): the same content as the HTML, charts as 200 dpi PNGs."""

from __future__ import annotations

import io
from collections.abc import Callable
from html import escape
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import (
    Image,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from balance_game.i18n import _, active_language
from balance_game.report import content, games
from balance_game.report.data import NOT_A_DEVICE, ReportData

INK = colors.HexColor("#1f2a36")
MUTED = colors.HexColor("#5b6670")
RULE = colors.HexColor("#cfd6dc")
BAND = colors.HexColor("#eef3f6")
ON = colors.HexColor("#d7ead7")
WARN = colors.HexColor("#8a3b12")
WIDTH = A4[0] - 24 * mm - 12  # the page less its margins and the frame's 6 pt padding

_base = getSampleStyleSheet()
STYLES = {
    "h1": ParagraphStyle("h1", parent=_base["Heading1"], fontSize=16, leading=20, textColor=INK,
                         spaceAfter=4),
    "h2": ParagraphStyle("h2", parent=_base["Heading2"], fontSize=12, leading=15, textColor=INK,
                         spaceBefore=8, spaceAfter=4),
    "h3": ParagraphStyle("h3", parent=_base["Heading3"], fontSize=9.5, leading=12, textColor=INK,
                         spaceBefore=4, spaceAfter=2),
    "body": ParagraphStyle("body", parent=_base["BodyText"], fontSize=9, leading=11.5,
                           textColor=INK),
    "key": ParagraphStyle("key", parent=_base["BodyText"], fontSize=9, leading=11.5,
                          textColor=MUTED),
    "note": ParagraphStyle("note", parent=_base["BodyText"], fontSize=7.5, leading=9.5,
                           textColor=MUTED, spaceAfter=6),
    "cell": ParagraphStyle("cell", parent=_base["BodyText"], fontSize=7.5, leading=9,
                           textColor=INK),
    "celln": ParagraphStyle("celln", parent=_base["BodyText"], fontSize=7.5, leading=9,
                            textColor=INK, alignment=TA_RIGHT),
    "warn": ParagraphStyle("warn", parent=_base["BodyText"], fontSize=9, leading=11.5,
                           textColor=WARN, borderColor=WARN, borderWidth=0.8, borderPadding=5,
                           leftIndent=5, rightIndent=5,
                           spaceBefore=6, spaceAfter=8),
}


def _p(text: str, style: str = "body") -> Paragraph:
    return Paragraph(escape(text), STYLES[style])


def _facts(items: list[tuple[str, str]]) -> Table:
    rows = [[_p(k, "key"), _p(v)] for k, v in items]
    table = Table(rows, colWidths=[45 * mm, WIDTH - 45 * mm])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                               ("TOPPADDING", (0, 0), (-1, -1), 1.5)]))
    return table


CELL_PADDING = 2.5  # points left and right of a table cell


def _natural(paragraph: Paragraph) -> float:
    """The width of a cell's text on one line."""
    paragraph.wrap(1e6, 1e6)
    return max(paragraph.getActualLineWidths0() or [0.0])


def _give(fitted: list[float], i: int, want: float, floor: list[float]) -> None:
    """Widen column ``i`` towards ``want`` with what other columns have above their ``floor``,
    the most first."""
    while want - fitted[i] > 0.01:
        room, j = max((fitted[j] - floor[j], j) for j in range(len(fitted)) if j != i)
        if room <= 0.01:
            return
        moved = min(room, want - fitted[i])
        fitted[j] -= moved
        fitted[i] += moved


def fit_widths(widths: list[float], rows: list[list[Paragraph]]) -> list[float]:
    """``widths`` (same total) changed so that every column holds its longest word (German words
    are long). A column too narrow takes what it lacks first from room no cell of another column
    needs, then from room whose loss only wraps a cell onto more lines; then columns whose cells
    would wrap take what is still free. Headers (``rows[0]``) may wrap; their words must fit."""
    pad = 2 * CELL_PADDING
    columns = list(zip(*rows, strict=True))
    words = [max(p.minWidth() for p in column) + pad for column in columns]
    whole = [max([_natural(p) + pad for p in column[1:]] + [w])
             for column, w in zip(columns, words, strict=True)]
    fitted = list(widths)
    for want, floor in ((words, whole), (words, words), (whole, whole)):
        for i in range(len(fitted)):
            _give(fitted, i, want[i], floor)
    return fitted


def _table(table: content.Table, calendar: bool = False,
           widths: list[float] | None = None) -> list:
    if not table.rows:
        return [_p(_("{what}: nothing recorded in the period.").format(what=table.title), "note"),
                *([_p(table.note, "note")] if table.note else [])]

    def cell(i: int, text: str, bold: bool = False) -> Paragraph:
        style = "celln" if i in table.numeric else "cell"
        return Paragraph(("<b>%s</b>" if bold else "%s") % escape(text), STYLES[style])

    rows = [[cell(i, h, True) for i, h in enumerate(table.header)]]
    rows += [[cell(i, c) for i, c in enumerate(row)] for row in table.rows]
    widths = fit_widths(widths or [WIDTH / len(table.header)] * len(table.header), rows)
    out = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    style = [("BACKGROUND", (0, 0), (-1, 0), BAND), ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
             ("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 1.5),
             ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5), ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
             ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING)]
    if calendar:
        for r, row in enumerate(table.rows, start=1):
            for c in range(1, 8):
                if row[c] != content.DASH:
                    style.append(("BACKGROUND", (c, r), (c, r), ON))
    out.setStyle(TableStyle(style))
    parts: list = [out]
    if table.note:
        parts.append(_p(table.note, "note"))
    return parts


def _image(png: bytes | None, what: str, width: float = WIDTH) -> object:
    if not png:
        return _p(_("{what}: no data in the period.").format(what=what), "note")
    image = Image(io.BytesIO(png))
    scale = width / image.imageWidth
    image.drawWidth, image.drawHeight = width, image.imageHeight * scale
    return image


def _footer(title: str) -> Callable:
    def draw(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 7.5)
        canvas.setFillColor(MUTED)
        canvas.drawString(12 * mm, 8 * mm, _("{title} · Not a medical device").format(title=title))
        canvas.drawRightString(A4[0] - 12 * mm, 8 * mm, _("page {n}").format(n=doc.page))
        canvas.restoreState()
    return draw


def _game_sections(data: ReportData) -> list:
    """Think and lean's and Weight transfer's measures, for the games played in the period."""
    story: list = []
    for heading, tables in games.sections(data):
        for i, t in enumerate(tables):
            # a label column (measure, rule) takes a third; dates need less
            first = WIDTH / 3 if t.header[0] in (_("Measure"), _("Rule")) else 22 * mm
            rest = (WIDTH - first) / (len(t.header) - 1)
            flowables = [_p(t.title, "h3"), *_table(t, widths=[first, *[rest] * (len(t.header) - 1)])]
            # the game's heading stays with its first table
            story.append(KeepTogether([_p(heading, "h2"), *flowables]) if i == 0 else
                         KeepTogether(flowables))
    return story


def write(data: ReportData, charts: dict[str, bytes | None], path: Path,
          tick: Callable[[], None] = lambda: None) -> None:
    """Lay the report out on A4 pages, in the active language, and write it to ``path`` (an
    open-able file path)."""
    heading = _("Balance training progress report")
    title = _("Balance training progress report: {name}").format(
        name=f"{data.name} ({data.player_id})")
    calendar = content.calendar_table(data)
    story: list = [
        _p(heading, "h1"), _facts(content.header_items(data)),
        _p(_(NOT_A_DEVICE), "warn"),
        _p(_("Summary"), "h2"), _facts(content.summary_items(data)),
        _p(_("Adherence calendar"), "h2"),
        *_table(calendar, calendar=True,
                widths=[22 * mm, *[10 * mm] * 7, 12 * mm, 13 * mm, 16 * mm, 14 * mm, 10 * mm,
                        23 * mm][:len(calendar.header)]),
        KeepTogether([_p(_("Minutes per week"), "h2"),
                      _image(charts.get("weeks"), _("Minutes per week"))]),
        PageBreak(),
        _p(_("Success rate and difficulty over time"), "h2"),
        _image(charts.get("progress"), _("Success rate and difficulty")),
        *_table(content.mechanic_table(data)),
        *_game_sections(data),
        _p(_("Milestones and personal bests"), "h2"),
        *_table(content.milestones_table(data), widths=[90 * mm, 40 * mm]),
        Spacer(1, 2 * mm),
        *_table(content.bests_table(data),
                widths=[30 * mm, 50 * mm, 25 * mm, 25 * mm, 20 * mm, 30 * mm]),
        PageBreak(),
        _p(_("Sway measures over time against the normative band"), "h2"),
        _image(charts.get("sway"), _("Quiet-stance tests")),
        *(flowable for t in content.sway_tables(data)
          for flowable in [_p(t.title, "h2"), *_table(t)]),
    ]
    tick()
    half = (WIDTH - 6 * mm) / 2
    pair = Table([[_image(charts.get("los"), _("Limits of stability"), half),
                   _image(charts.get("trace"), _("Statokinesigram"), half)]],
                 colWidths=[half + 3 * mm, half + 3 * mm])
    pair.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                              ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    story += [
        KeepTogether([_p(_("Limits of stability and statokinesigram"), "h2"), pair]),
        *_table(content.los_table(data), widths=[50 * mm, 45 * mm, 45 * mm]),
        *(flowable for t in content.other_tests_tables(data)
          for flowable in [_p(t.title, "h2"), *_table(t, widths=[90 * mm, 40 * mm, 20 * mm])]),
        PageBreak(),
        _p(_("Safety events and patient-reported outcomes"), "h2"),
        _facts(content.safety_items(data)),
        Spacer(1, 3 * mm),
        *_table(content.safety_table(data),
                widths=[27 * mm, 15 * mm, 32 * mm, 18 * mm, 15 * mm, 15 * mm, WIDTH - 122 * mm]),
        _p(_("Sessions"), "h2"),
        *_table(content.sessions_table(data),
                widths=[30 * mm, 12 * mm, 16 * mm, 44 * mm, 18 * mm, 22 * mm, 13 * mm, 16 * mm]),
        KeepTogether([
            _p(_("Methods"), "h2"),
            _facts(content.methods_items(data) + games.methods_items(data)), Spacer(1, 14 * mm),
            Table([content.signature_words()],
                  colWidths=[WIDTH / 3] * 3,
                  style=TableStyle([("LINEABOVE", (0, 0), (-1, 0), 0.6, INK),
                                    ("TEXTCOLOR", (0, 0), (-1, -1), MUTED),
                                    ("FONTSIZE", (0, 0), (-1, -1), 7.5)])),
        ]),
    ]
    tick()
    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=12 * mm, rightMargin=12 * mm,
                            topMargin=12 * mm, bottomMargin=14 * mm, title=title,
                            author="balance_game", subject=heading, lang=active_language(),
                            creator=f"balance_game {data.software_version}")
    footer = _footer(title)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    tick()
