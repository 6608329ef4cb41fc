"""The progress report for a month of simulated sessions: content checked against the database."""

import re
import shutil
import stat
from datetime import datetime, timedelta

import pytest
from pypdf import PdfReader
from report_data import NAME, NOTE, TRAINING_DAYS, build_month_db

from balance_game.errors import UserError
from balance_game.report import STEPS, check_output, write_report
from balance_game.report.data import PIPELINE_TEXT, gather, normative_band
from balance_game.storage.db import Database


@pytest.fixture(scope="module")
def month_db(tmp_path_factory):
    return build_month_db(tmp_path_factory.mktemp("report") / "month.db")


@pytest.fixture
def db(month_db, tmp_path):
    copy = tmp_path / "copy.db"
    shutil.copy(month_db, copy)
    with Database(copy) as store:
        yield store


@pytest.fixture(scope="module")
def html_text(month_db, tmp_path_factory):
    out = tmp_path_factory.mktemp("html") / "report.html"
    with Database(month_db) as store:
        write_report(store, NAME, out)
    return out.read_text(encoding="utf-8")


def player_rows(db):
    rows = db.query("SELECT s.* FROM sessions s JOIN players p ON p.id = s.player_id WHERE p.name = ?",
                    (NAME,))
    return sorted(rows, key=lambda r: datetime.fromisoformat(r["started_at"]))


def test_minutes_per_week_match_the_database(db):
    data = gather(db, NAME)
    rows = player_rows(db)
    assert len(data.sessions) == len(rows) == len(TRAINING_DAYS) + 4
    assert len(data.weeks) == 4
    expected: dict = {}
    for row in rows:
        day = datetime.fromisoformat(row["started_at"]).date()
        monday = day - timedelta(days=day.weekday())
        attended, independent = expected.get(monday, (0.0, 0.0))
        minutes = row["active_s"] / 60
        expected[monday] = ((attended + minutes, independent) if row["attended"]
                            else (attended, independent + minutes))
    for week in data.weeks:
        attended, independent = expected[week.monday]
        assert week.attended_min == pytest.approx(attended, abs=1e-3)
        assert week.independent_min == pytest.approx(independent, abs=1e-3)
    assert data.total_minutes == pytest.approx(sum(r["active_s"] for r in rows) / 60, abs=1e-2)


def test_sessions_carry_trials_safety_and_patient_reports(db):
    data = gather(db, NAME)
    for s in data.sessions:
        n, ok = db.query("SELECT COUNT(*) AS n, COALESCE(SUM(success), 0) AS ok FROM trials"
                         " WHERE session_id = ?", (s.id,))[0].values()
        assert (s.n_trials, s.n_success) == (n, ok)
    assert sum(s.safety["step_offs"] for s in data.sessions) == 3  # sessions 1, 6 and 11
    assert [s.notes for s in data.sessions if s.notes] == [NOTE]
    assert {s.kind for s in data.sessions} == {"training", "assessment"}
    assert set(data.mechanics()) == {"reach", "steady", "tilt", "catch"}
    assert data.prescription is not None and data.prescription.sessions_per_week == 5
    assert len(data.quiet) == 2 and len(data.los) == 2
    assert data.trace is not None and len(data.trace["x"]) > 100 and data.trace["delimited"]


def test_normative_band_is_section_5_1_in_mm():
    velocity = normative_band("Old", "eo_firm", "mean_velocity_mm_s")
    assert (velocity.mean, velocity.sd, velocity.q1, velocity.q3) == (11.3, 4.9, 8.5, 12.5)
    area = normative_band("Young", "ec_foam", "ellipse95_area_mm2")
    assert (area.mean, area.sd, area.median) == (1493.0, 623.0, 1326.0)
    assert normative_band("Old", "eo_firm", "rms_mm") is None


def test_html_has_every_section_and_the_numbers(db, html_text):
    for heading in ("Adherence calendar", "Minutes per week", "Success rate and difficulty over time",
                    "Sway measures over time against the normative band",
                    "Limits of stability and statokinesigram",
                    "Safety events and patient-reported outcomes", "Methods"):
        assert f"<h2>{heading}</h2>" in html_text
    assert "Not a medical device" in html_text
    assert PIPELINE_TEXT in html_text
    pseudonym = db.scalar("SELECT pseudonym FROM players WHERE name = ?", (NAME,))
    assert pseudonym in html_text
    assert "Ada &lt;b&gt;&amp;" in html_text and "<b>&" not in html_text  # names are escaped
    assert "Said the &lt;knee&gt; felt better &amp; steadier" in html_text
    assert "October 5, 2026 to November 1, 2026" in html_text  # English dates as CLDR writes them
    data = gather(db, NAME)
    for week in data.weeks:  # the calendar row of each week ends with its sessions and minutes
        monday = f"{week.monday:%b} {week.monday.day}, {week.monday.year}"  # "Oct 5, 2026"
        row = re.search(rf"<td>{monday}</td>(.*?)</tr>", html_text).group(1)
        cells = re.findall(r"<td[^>]*>(.*?)</td>", row)
        assert cells[7:9] == [str(week.sessions), f"{week.total_min:.1f}"]
    assert html_text.count("<svg") == 5


def test_html_is_self_contained(html_text):
    lowered = html_text.lower()
    for needle in ('src="http', "src='http", "<link", "@import", "url(http", "<script",
                   'href="http'):
        assert needle not in lowered
    assert "<?xml" not in html_text and "<!DOCTYPE svg" not in html_text


def test_pdf_has_pages_and_the_text(db, tmp_path):
    out = tmp_path / "report.pdf"
    ticks = []
    result = write_report(db, NAME, out, tick=lambda: ticks.append(1))
    assert len(ticks) == STEPS
    assert result.fmt == "pdf" and result.n_sessions == 16 and result.n_weeks == 4
    assert out.read_bytes().startswith(b"%PDF")
    reader = PdfReader(out)
    assert len(reader.pages) >= 2
    text = " ".join(page.extract_text() for page in reader.pages)
    for words in ("Adherence calendar", "Not a medical device", "Limits of stability",
                  "windowed mean", "Safety events"):
        assert words in text


def test_report_file_is_private_and_replaced_whole(db, tmp_path):
    out = tmp_path / "r.html"
    out.write_text("old")
    write_report(db, NAME, out)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_a_failure_leaves_no_file(db, tmp_path, monkeypatch):
    from balance_game.report import html

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(html, "render", broken)
    out = tmp_path / "r.html"
    with pytest.raises(RuntimeError):
        write_report(db, NAME, out)
    assert not out.exists() and not [p for p in tmp_path.iterdir() if p.name.startswith(".r.html")]


@pytest.mark.parametrize("name, message", [
    ("r.txt", "must end in .html or .pdf"),
    ("missing/r.html", "no such folder"),
])
def test_bad_output_paths(tmp_path, name, message):
    with pytest.raises(UserError, match=message):
        check_output(tmp_path / name)


def test_a_player_without_sessions_still_gets_a_report(db, tmp_path):
    from balance_game.storage.players import add_player

    add_player(db, "Newcomer")
    for suffix in ("html", "pdf"):
        out = tmp_path / f"new.{suffix}"
        result = write_report(db, "Newcomer", out)
        assert result.n_sessions == 0 and out.stat().st_size > 1000
    assert "no sessions recorded" in (tmp_path / "new.html").read_text(encoding="utf-8")


def test_unknown_player(db, tmp_path):
    with pytest.raises(UserError, match="no player named"):
        write_report(db, "Nobody", tmp_path / "r.html")
    assert not (tmp_path / "r.html").exists()


def test_the_birth_year_chooses_the_norm_group_and_unknown_age_says_so(db, tmp_path):
    from balance_game.report import content
    from balance_game.report.data import norm_group_for
    from balance_game.storage.players import get_player, set_birth_year

    assert [norm_group_for(a) for a in (None, 12, 18, 59, 60, 86)] == [
        None, None, "Young", "Young", "Old", "Old"]
    data = gather(db, NAME)
    assert data.age is None and data.norm_group is None
    assert "not recorded" in content.norm_text(data) and "not recorded" in data.age_text
    out = tmp_path / "unknown.html"
    write_report(db, NAME, out)
    assert "age is not recorded, so no band is shaded" in out.read_text(encoding="utf-8")
    set_birth_year(db, get_player(db, NAME), 1990)  # 36 at the last test in 2026
    young = gather(db, NAME)
    assert (young.age, young.norm_group) == (36, "Young")
    assert "18–59 y" in content.norm_text(young)
    set_birth_year(db, get_player(db, NAME), 1950)
    assert gather(db, NAME).norm_group == "Old"


def test_weeks_are_met_only_by_sessions_and_minutes_and_tests_count_apart(db):
    from balance_game.report import content

    data = gather(db, NAME)
    target = data.target
    assert (target.sessions_per_week, target.minutes_per_session) == (5, 15)
    tests = sum(s.kind == "assessment" for s in data.sessions)
    assert sum(w.adherence.tests for w in data.weeks) == tests == 4
    for week, row in zip(data.weeks, content.calendar_table(data).rows, strict=True):
        training = [s for s in data.sessions if s.kind == "training"
                    and week.monday <= s.day < week.monday + timedelta(days=7)]
        assert week.adherence.minutes == pytest.approx(sum(s.active_min for s in training), abs=1e-3)
        assert week.adherence.sessions == sum(round(s.active_min, 1) >= 15 for s in training)
        assert row[-1] == "not met"  # 20-30 s sessions: neither minutes nor sessions are met
    (met,) = [v for k, v in content.summary_items(data) if k == "Weeks meeting the prescription"]
    assert met.startswith(f"0 of {len(data.weeks)}")
    kinds = {row[2] for row in content.sessions_table(data).rows}
    assert {"training", "test: quiet stance", "test: limits of stability"} <= kinds


# Every heading of the English report (h1-h3 and the tables' titles): none may be left in another
# language's report.
ENGLISH_HEADINGS = (
    "Balance training progress report", "Summary", "Adherence calendar", "Minutes per week",
    "Success rate and difficulty over time", "Milestones and personal bests", "Milestones reached",
    "Personal bests", "Sway measures over time against the normative band",
    "Limits of stability and statokinesigram", "Safety events and patient-reported outcomes",
    "Sessions", "Methods", "Quiet stance (modified CTSIB)", "Week of", "Game", "Condition",
    "Direction", "Not a medical device", "Reviewed by", "Period covered", "Generated")


@pytest.mark.parametrize("code, headings, period, decimals", [
    ("de", ("Fortschrittsbericht Gleichgewichtstraining", "Zusammenfassung",
            "Kalender der Therapietreue", "Meilensteine und persönliche Bestwerte",
            "Stabilitätsgrenzen und Statokinesiogramm", "Methoden"),
     "5. Oktober 2026 bis 1. November 2026", "11,3 ± 4,9 (8,5–12,5)"),
    ("es", ("Informe de progreso del entrenamiento del equilibrio", "Resumen",
            "Calendario de adherencia", "Hitos y mejores marcas personales",
            "Límites de estabilidad y estatocinesigrama", "Métodos"),
     "del 5 de octubre de 2026 al 1 de noviembre de 2026", "11,3 ± 4,9 (8,5–12,5)"),
])
def test_the_report_in_german_and_spanish(month_db, tmp_path, code, headings, period, decimals):
    from balance_game.i18n import active_language

    out = tmp_path / f"{code}.html"
    with Database(month_db) as store:
        write_report(store, NAME, out, language=code)
    assert active_language() == "en"  # the report's language was for the report only
    text = out.read_text(encoding="utf-8")
    assert f'<html lang="{code}">' in text
    for heading in headings:
        assert re.search(rf"<h[123]>{re.escape(heading)}</h[123]>", text), heading
    visible = re.sub(r"<[^>]+>", "\n", re.sub(r"<(style|svg)\b.*?</\1>", "", text, flags=re.S))
    assert [h for h in ENGLISH_HEADINGS if h in visible] == []
    assert period in visible  # Babel's long dates in the report's language
    assert decimals in visible  # the older adults' eyes-open norm (docs/sway-measures.md §6)
    assert "11.3 ± 4.9" not in visible


def test_milestones_and_personal_bests_come_from_the_stored_rewards(db, tmp_path):
    from balance_game.core.levels import find_level
    from balance_game.storage.players import add_player, get_player
    from balance_game.storage.progress import save_progress
    from balance_game.storage.rewards import award_milestones, stored_milestones

    add_player(db, "Bea")
    bea = get_player(db, "Bea")
    save_progress(db, bea.id, "reach-01", 0.4, 2, score=61.0)
    save_progress(db, bea.id, "reach-01", 0.5, 3, score=87.25)  # a better play: the best
    save_progress(db, bea.id, "reach-01", 0.6, 1, score=70.0)
    assert award_milestones(db, bea.id) == ["first_three_stars"]
    earned = datetime.fromisoformat(stored_milestones(db, bea.id)["first_three_stars"]).date()
    level = find_level("reach-01").title
    for code, milestone, game, best, day in (
            ("en", "First three stars", "Reach", "87.2", f"{earned:%b} {earned.day}, {earned.year}"),
            ("de", "Die ersten drei Sterne", "Erreichen", "87,2", f"{earned:%d.%m.%Y}")):
        out = tmp_path / f"bea-{code}.html"
        write_report(db, "Bea", out, language=code)
        text = out.read_text(encoding="utf-8")
        rows = [re.findall(r"<td[^>]*>(.*?)</td>", row)
                for row in re.findall(r"<tr>(.*?)</tr>", text)]
        assert [milestone, day] in rows
        (bests,) = [r for r in rows if r[:1] == [game]]
        # the best score (stored to 0.1), the best stars, three plays, and the last play's day
        assert bests[2:] == [best, "3", "3", day]
        assert (bests[1] == level) == (code == "en")  # the level's title, translated


def test_pdf_columns_widen_to_hold_their_longest_word():
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import Paragraph

    from balance_game.report.pdf import CELL_PADDING, STYLES, fit_widths

    def cell(text):
        return Paragraph(text, STYLES["cell"])

    word = "Trainingseinheiten"
    need = stringWidth(word, STYLES["cell"].fontName, STYLES["cell"].fontSize) + 2 * CELL_PADDING
    rows = [[cell(word), cell("1"), cell("a b")], [cell("2"), cell("3"), cell("c")]]
    widths = fit_widths([20.0, 100.0, 60.0], rows)
    assert widths[0] == pytest.approx(need)
    assert sum(widths) == pytest.approx(180.0)  # the table keeps its width
    assert widths[2] == 60.0  # taken from the column with the most to spare
    assert fit_widths([need + 1, 10.0, 10.0], rows)[0] == need + 1  # wide enough: unchanged
    # A cell that fits on one line keeps its room while another column has room nobody needs.
    phrase = "a b c d e f g h i j k"  # short words: much room above its longest word
    one_line = stringWidth(phrase, STYLES["cell"].fontName, STYLES["cell"].fontSize) + 2 * CELL_PADDING
    rows = [[cell(word), cell("x"), cell("x")], [cell("1"), cell(phrase), cell("2")]]
    widths = fit_widths([40.0, one_line + 1, 50.0], rows)
    assert widths == pytest.approx([need, one_line + 1, 90.0 - need])
