"""The report's charts on a first day of training."""

from datetime import date, datetime, timedelta, timezone

import pytest

from balance_game.report.charts import success_and_difficulty
from balance_game.report.data import ReportData, SessionSummary


def _session(i: int, started: datetime) -> SessionSummary:
    return SessionSummary(id=i, started=started, day=started.date(), active_min=5.0, attended=False,
                          software_version="t", kind="training", n_trials=4, n_success=3,
                          mechanics={"reach": {"success_pct": 75.0, "difficulty": 0.4}})


@pytest.mark.parametrize("apart", [timedelta(0), timedelta(seconds=0.05), timedelta(hours=8)])
def test_sessions_on_one_day_get_a_days_axis_not_four_years(apart):
    """Matplotlib widens a date axis whose ends (nearly) coincide to ±2 years, where a tick a day
    made 1606 ticks: 17 s of drawing and a page of warnings for the first day's report."""
    morning = datetime(2026, 12, 2, 9, 0, tzinfo=timezone(timedelta(hours=1)))
    sessions = [_session(1, morning), _session(2, morning + apart)]
    data = ReportData(player_id="P-1", name="Ada", generated_at="2026-12-02", software_version="t",
                      recorded_versions=["t"], prescription=None, first_day=date(2026, 12, 2),
                      last_day=date(2026, 12, 2), sessions=sessions, weeks=[], quiet=[], los=[],
                      trace=None)
    fig = success_and_difficulty(data)
    assert fig is not None
    for ax in fig.axes:
        low, high = ax.get_xlim()
        assert high - low <= 3.0, (low, high)  # days
        assert len(ax.get_xticks()) <= 10
