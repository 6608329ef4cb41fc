"""A therapist's progress report for one player, as one self-contained HTML file or a PDF.

data.py gathers (a few queries, samples only for the statokinesigram), content.py lays out the
text and tables, charts.py draws, html.py and pdf.py write. ``write_report`` checks the output
path first, then builds into a private temporary file beside it and renames it into place, so a
failure never leaves a half-written report; the file is readable by its owner only (health data).
It is written in one language (words, dates and numbers): the therapist's, chosen by
``balance-game report --language``, else the one the run speaks.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from balance_game.errors import UserError
from balance_game.i18n import _, active_language, speaking
from balance_game.private_files import atomic_private_path
from balance_game.storage.db import Database

FORMATS = {".html": "html", ".htm": "html", ".pdf": "pdf"}
STEPS = 1 + 5 + 3  # gather, five charts, three writing stages


@dataclass(frozen=True)
class ReportResult:
    path: Path
    fmt: str
    n_sessions: int
    n_weeks: int
    total_minutes: float


def report_format(out: Path) -> str:
    """'html' or 'pdf' from the file name; anything else is a UserError."""
    fmt = FORMATS.get(Path(out).suffix.lower())
    if fmt is None:
        raise UserError(_("{path}: the report must end in .html or .pdf (e.g. --out report.pdf)")
                        .format(path=out))
    return fmt


def check_output(out: Path | str) -> str:
    """The format of ``out`` if a report can be written there; else a UserError, one line."""
    out = Path(out)
    fmt = report_format(out)
    if out.is_dir():
        raise UserError(_("{path}: is a folder; give a file name ending in .html or .pdf").format(
            path=out))
    folder = out.parent
    if not folder.is_dir():
        raise UserError(_("{path}: no such folder; create it or choose another --out").format(
            path=folder))
    if not os.access(folder, os.W_OK | os.X_OK):
        raise UserError(_("{path}: cannot write there (permission denied); choose another --out")
                        .format(path=folder))
    return fmt


@contextlib.contextmanager
def _atomic(out: Path) -> Iterator[Path]:
    """A temporary file (0600) beside ``out`` that replaces it once the block succeeds."""
    try:
        with atomic_private_path(out) as temp:
            yield temp
    except OSError as exc:
        raise UserError(_("{path}: cannot write the report ({error}); choose another --out").format(
            path=out, error=exc.strerror)) from None


def write_report(db: Database, player_name: str, out: Path | str,
                 tick: Callable[[], None] = lambda: None,
                 language: str | None = None) -> ReportResult:
    """Write ``player_name``'s progress report to ``out`` (.html or .pdf) in ``language``
    (None: the active language), which is in force again afterwards.

    ``tick`` is called ``STEPS`` times as the work goes on (for a progress bar).
    """
    out = Path(out)
    fmt = check_output(out)
    with speaking(language or active_language()):
        return _write(db, player_name, out, fmt, tick)


def _write(db: Database, player_name: str, out: Path, fmt: str,
           tick: Callable[[], None]) -> ReportResult:
    from balance_game.report import charts, data

    gathered = data.gather(db, player_name)
    tick()
    svgs: dict[str, str | None] = {}  # the HTML report's charts
    pngs: dict[str, bytes | None] = {}  # the PDF's
    for key, title, draw in charts.CHARTS:
        fig = draw(gathered)
        if fig is not None and fmt == "html":
            svgs[key] = charts.to_svg(fig, _(title))
        elif fig is not None:
            pngs[key] = charts.to_png(fig)
        tick()
    with _atomic(out) as temp:
        if fmt == "html":
            from balance_game.report import html

            text = html.render(gathered, svgs, tick)
            temp.write_text(text, encoding="utf-8")
        else:
            from balance_game.report import pdf

            pdf.write(gathered, pngs, temp, tick)
    return ReportResult(out, fmt, len(gathered.sessions), len(gathered.weeks),
                        round(gathered.total_minutes, 1))


__all__ = ["FORMATS", "STEPS", "ReportResult", "check_output", "report_format", "write_report"]
