"""Reasons to come back: the days trained, a gentle weekly goal, milestones and real progress.

Pure rules over what storage read (days trained, minutes, stars, stored sway measures), so the
title, the results screen and the tests all say the same thing. The words never scold: a missed
goal is not mentioned, only what was done and what is still possible; progress is only claimed
when a measurement shows it.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from statistics import median

from balance_game.i18n import N_, _, ngettext

# milestone key -> what a player reads when it is earned
MILESTONES: Mapping[str, str] = {
    "first_three_stars": N_("First three stars"),
    "minutes_100": N_("100 minutes of training"),
    "every_game_tried": N_("Every game tried"),
    "full_week": N_("A full week: seven days in a row"),
}
MILESTONE_MINUTES = 100.0
FULL_WEEK_DAYS = 7
# Mean sway velocity of quiet stance, eyes open: the measure reliability studies report most
# (Ruhe 2010, r up to 0.94; docs/sway-measures.md); a month's median smooths day-to-day noise.
STEADINESS_MEASURE = "mean_velocity_mm_s"
MONTH_DAYS = 30
MIN_CHANGE_PCT = 10.0  # smaller changes are within day-to-day variation: not claimed


@dataclass(frozen=True)
class Record:
    """What the milestones look at, for one player."""

    days_trained: frozenset[date]
    total_minutes: float
    best_stars: Mapping[str, int]  # level id -> best stars
    mechanics_played: frozenset[str]
    all_mechanics: frozenset[str]


def earned_milestones(record: Record) -> set[str]:
    """Every milestone the record shows (already stored ones included)."""
    earned = set()
    if any(stars >= 3 for stars in record.best_stars.values()):
        earned.add("first_three_stars")
    if record.total_minutes >= MILESTONE_MINUTES:
        earned.add("minutes_100")
    if record.all_mechanics and record.all_mechanics <= record.mechanics_played:
        earned.add("every_game_tried")
    if longest_streak(record.days_trained) >= FULL_WEEK_DAYS:
        earned.add("full_week")
    return earned


def longest_streak(days: Collection[date]) -> int:
    """The most days trained in a row."""
    best = run = 0
    previous = None
    for day in sorted(days):
        run = run + 1 if previous is not None and day - previous == timedelta(days=1) else 1
        best, previous = max(best, run), day
    return best


def week_days(days: Iterable[date], today: date) -> list[bool]:
    """Monday to Sunday of this week: trained that day or not."""
    monday = today - timedelta(days=today.weekday())
    trained = set(days)
    return [monday + timedelta(days=i) in trained for i in range(7)]


def weekly_goal_line(days: Iterable[date], goal_days: int, today: date) -> str:
    """"3 of 4 days this week", and a kind word on what comes next; never a reproach."""
    done = sum(week_days(days, today))
    if done == 0:
        return _("This week's goal: {goal} days.").format(goal=goal_days) + " " + _(
            "Every day you train counts.")
    line = _("{done} of {goal} days this week").format(done=done, goal=goal_days)
    if done >= goal_days:
        return line + ". " + _("Weekly goal reached. Well done!")
    days_left = 6 - today.weekday()  # after today
    trained_today = today in set(days)
    still = goal_days - done
    if trained_today and still <= days_left:
        return line + ". " + ngettext("One more day to go.", "{n} more days to go.",
                                      still).format(n=still)
    return line + ". " + _("Every day you train counts.")


@dataclass(frozen=True)
class Steadiness:
    """A stored quiet-stance measure: when, and its value."""

    day: date
    value: float


def steadier_pct(checks: Sequence[Steadiness], today: date) -> float | None:
    """How much steadier (lower sway velocity) the last 30 days were than the 30 before, in %,
    from the median of each month's checks; None without checks in both or without a gain worth
    saying (a worse month is not announced)."""
    this_month = [c.value for c in checks if 0 <= (today - c.day).days < MONTH_DAYS]
    last_month = [c.value for c in checks if MONTH_DAYS <= (today - c.day).days < 2 * MONTH_DAYS]
    if not this_month or not last_month:
        return None
    before, now = median(last_month), median(this_month)
    if before <= 0:
        return None
    gain = 100.0 * (before - now) / before
    return gain if gain >= MIN_CHANGE_PCT else None


def encouragement(checks: Sequence[Steadiness], days: Collection[date], today: date) -> str:
    """One line tied to what was measured, else to what was done."""
    gain = steadier_pct(checks, today)
    if gain is not None:
        return _("You stood {pct} % steadier than last month.").format(pct=f"{gain:.0f}")
    month = sum(1 for d in days if 0 <= (today - d).days < MONTH_DAYS)
    if month:
        return ngettext("You trained on {n} day this month.", "You trained on {n} days this month.",
                        month).format(n=month)
    return _("Today is a good day to start.")


def milestone_names(keys: Iterable[str]) -> list[str]:
    return [_(MILESTONES[k]) for k in MILESTONES if k in set(keys)]
