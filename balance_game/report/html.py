"""The report as one self-contained HTML page: inline CSS and inline SVG, nothing fetched."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from balance_game.i18n import _, active_language
from balance_game.report import content, games
from balance_game.report.data import NOT_A_DEVICE, ReportData

CSS = """
:root { --ink: #1f2a36; --muted: #5b6670; --rule: #cfd6dc; --band: #eef3f6; --warn: #8a3b12; }
* { box-sizing: border-box; }
body { font: 10.5pt/1.4 "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; color: var(--ink);
       margin: 0 auto; max-width: 190mm; padding: 12mm 10mm; background: #fff; }
header { border-bottom: 2px solid var(--ink); padding-bottom: 4mm; margin-bottom: 4mm; }
h1 { font-size: 17pt; margin: 0 0 2mm; }
h2 { font-size: 12.5pt; margin: 7mm 0 2mm; padding-bottom: 1mm; border-bottom: 1px solid var(--rule);
     break-after: avoid; page-break-after: avoid; }
h3 { font-size: 10.5pt; margin: 4mm 0 1mm; break-after: avoid; page-break-after: avoid; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.6mm 5mm; margin: 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
.disclaimer { border: 1px solid var(--warn); color: var(--warn); padding: 2mm 3mm; margin-top: 3mm;
              font-weight: 600; font-size: 9.5pt; }
table { border-collapse: collapse; width: 100%; font-size: 8.5pt; margin: 1mm 0 2mm; }
th, td { border-bottom: 1px solid var(--rule); padding: 0.8mm 1.5mm; text-align: left;
         vertical-align: top; }
th { background: var(--band); font-weight: 600; }
td:first-child { white-space: nowrap; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
tr { break-inside: avoid; page-break-inside: avoid; }
thead { display: table-header-group; }
table.calendar td.n { width: 8%; }
table.narrow { width: auto; min-width: 60%; }
table.calendar td.on { background: #d7ead7; font-weight: 600; }
p.note { color: var(--muted); font-size: 8.5pt; margin: 1mm 0 3mm; }
figure { margin: 2mm 0; break-inside: avoid; page-break-inside: avoid; }
figure svg { width: 100%; height: auto; display: block; }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 4mm; }
.empty { color: var(--muted); font-style: italic; }
.signature { margin-top: 8mm; display: grid; grid-template-columns: 1fr 1fr 1fr; gap: 6mm; }
.signature div { border-top: 1px solid var(--ink); padding-top: 1mm; color: var(--muted);
                 font-size: 8.5pt; }
section.page { break-before: page; page-break-before: always; }
footer { margin-top: 8mm; color: var(--muted); font-size: 8pt; border-top: 1px solid var(--rule);
         padding-top: 2mm; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { padding: 0; max-width: none; font-size: 10pt; }
  a { color: inherit; text-decoration: none; }
}
"""


def _facts(items: list[tuple[str, str]]) -> str:
    rows = "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in items)
    return f'<dl class="facts">{rows}</dl>'


def _table(table: content.Table, css_class: str = "") -> str:
    if not table.rows:
        note = f'<p class="note">{escape(table.note)}</p>' if table.note else ""
        empty = _("{what}: nothing recorded in the period.").format(what=table.title)
        return f'<p class="empty">{escape(empty)}</p>{note}'

    def cell(tag: str, i: int, text: str) -> str:
        classes = []
        if i in table.numeric:
            classes.append("n")
        if css_class == "calendar" and tag == "td" and 1 <= i <= 7 and text != content.DASH:
            classes.append("on")
        attr = f' class="{" ".join(classes)}"' if classes else ""
        return f"<{tag}{attr}>{escape(text)}</{tag}>"

    head = "".join(cell("th", i, h) for i, h in enumerate(table.header))
    body = "".join("<tr>" + "".join(cell("td", i, c) for i, c in enumerate(row)) + "</tr>"
                   for row in table.rows)
    note = f'<p class="note">{escape(table.note)}</p>' if table.note else ""
    cls = f' class="{css_class}"' if css_class else ""
    return f"<table{cls}><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{note}"


def _figure(svg: str | None, what: str) -> str:
    if not svg:
        return f'<p class="empty">{escape(_("{what}: no data in the period.").format(what=what))}</p>'
    return f"<figure>{svg}</figure>"


def render(data: ReportData, charts: dict[str, str | None],
           tick: Callable[[], None] = lambda: None) -> str:
    """The whole page in the active language; ``charts`` maps the names in charts.CHARTS to
    inline SVG (or None)."""
    title = _("Balance training progress report: {name}").format(name=data.name)

    def h(level: int, text: str) -> str:
        return f"<h{level}>{escape(text)}</h{level}>"

    parts = [
        "<!DOCTYPE html>", f'<html lang="{active_language()}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title><style>{CSS}</style></head><body>",
        "<header>", h(1, _("Balance training progress report")),
        _facts(content.header_items(data)),
        f'<div class="disclaimer">{escape(_(NOT_A_DEVICE))}</div>',
        "</header>",
        h(2, _("Summary")), _facts(content.summary_items(data)),
        h(2, _("Adherence calendar")), _table(content.calendar_table(data), "calendar"),
        h(2, _("Minutes per week")), _figure(charts.get("weeks"), _("Minutes per week")),
    ]
    tick()
    parts += [
        '<section class="page">',
        h(2, _("Success rate and difficulty over time")),
        _figure(charts.get("progress"), _("Success rate and difficulty")),
        _table(content.mechanic_table(data)),
        *(h(2, heading) + "".join(h(3, t.title) + _table(t) for t in tables)
          for heading, tables in games.sections(data)),
        h(2, _("Milestones and personal bests")),
        *(h(3, t.title) + _table(t, "narrow")
          for t in (content.milestones_table(data), content.bests_table(data))),
        "</section>",
        '<section class="page">',
        h(2, _("Sway measures over time against the normative band")),
        _figure(charts.get("sway"), _("Quiet-stance tests")),
        *(h(3, t.title) + _table(t) for t in content.sway_tables(data)),
        h(2, _("Limits of stability and statokinesigram")),
        '<div class="pair">', _figure(charts.get("los"), _("Limits of stability")),
        _figure(charts.get("trace"), _("Statokinesigram")), "</div>",
        _table(content.los_table(data), "narrow"),
        *(h(3, t.title) + _table(t, "narrow") for t in content.other_tests_tables(data)),
        "</section>",
    ]
    tick()
    signature = "".join(f"<div>{escape(words)}</div>" for words in content.signature_words())
    parts += [
        '<section class="page">',
        h(2, _("Safety events and patient-reported outcomes")), _facts(content.safety_items(data)),
        _table(content.safety_table(data)),
        h(2, _("Sessions")), _table(content.sessions_table(data)),
        h(2, _("Methods")), _facts(content.methods_items(data) + games.methods_items(data)),
        f'<div class="signature">{signature}</div>',
        "<footer>" + escape(_("{title} · {period} · generated by balance_game {version}. Not a "
                              "medical device.").format(title=title,
                                                       period=content.period_text(data),
                                                       version=data.software_version))
        + "</footer>",
        "</section>", "</body></html>",
    ]
    tick()
    return "\n".join(parts) + "\n"
