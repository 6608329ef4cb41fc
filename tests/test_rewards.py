"""Reasons to return, as pure rules: streaks, milestones, the weekly goal's words, real progress."""

from datetime import date, timedelta

import pytest

from balance_game.core.rewards import (
    Record,
    Steadiness,
    earned_milestones,
    encouragement,
    longest_streak,
    steadier_pct,
    week_days,
    weekly_goal_line,
)

WEDNESDAY = date(2026, 12, 2)
MONDAY = date(2026, 11, 30)
ALL = frozenset({"reach", "steady", "tilt"})


def record(**changes):
    base = dict(days_trained=frozenset(), total_minutes=0.0, best_stars={},
                mechanics_played=frozenset(), all_mechanics=ALL)
    return Record(**{**base, **changes})


def days(*offsets, start=MONDAY):
    return frozenset(start + timedelta(days=d) for d in offsets)


def test_a_new_player_has_no_milestone():
    assert earned_milestones(record()) == set()


def test_each_milestone_at_its_threshold_and_not_before():
    assert earned_milestones(record(best_stars={"reach-01": 2, "tilt-01": 2})) == set()
    assert earned_milestones(record(best_stars={"reach-01": 3})) == {"first_three_stars"}
    assert earned_milestones(record(total_minutes=99.9)) == set()
    assert earned_milestones(record(total_minutes=100.0)) == {"minutes_100"}
    assert earned_milestones(record(mechanics_played=frozenset({"reach", "steady"}))) == set()
    assert earned_milestones(record(mechanics_played=ALL)) == {"every_game_tried"}
    assert earned_milestones(record(days_trained=days(0, 1, 2, 3, 4, 5))) == set()
    assert earned_milestones(record(days_trained=days(0, 1, 2, 3, 4, 5, 6))) == {"full_week"}


def test_a_full_week_is_seven_days_in_a_row_across_months():
    assert longest_streak(days(0, 1, 2, 4, 5, 6, 7, 8, 9, 10)) == 7  # Dec 4..10
    assert longest_streak(days(-3, -2, -1, 0, 1, 2, 3)) == 7  # Nov 27 .. Dec 3
    assert longest_streak(days(0, 2, 4, 6, 8, 10, 12)) == 1
    assert longest_streak(frozenset()) == 0


def test_the_week_runs_monday_to_sunday():
    trained = days(-1, 0, 2)  # last Sunday, Monday, Wednesday
    assert week_days(trained, WEDNESDAY) == [True, False, True, False, False, False, False]


def test_the_weekly_goal_is_said_kindly():
    assert weekly_goal_line(days(0, 2), 4, WEDNESDAY) == \
        "2 of 4 days this week. 2 more days to go."
    assert weekly_goal_line(days(0, 1, 2), 4, WEDNESDAY) == \
        "3 of 4 days this week. One more day to go."
    assert weekly_goal_line(days(0, 1, 2, 3), 4, WEDNESDAY + timedelta(days=1)) == \
        "4 of 4 days this week. Weekly goal reached. Well done!"
    # not trained today yet, or no longer reachable: no count-down, no reproach
    assert weekly_goal_line(days(0), 4, WEDNESDAY) == \
        "1 of 4 days this week. Every day you train counts."
    assert weekly_goal_line(frozenset(), 3, WEDNESDAY) == \
        "This week's goal: 3 days. Every day you train counts."
    sunday = MONDAY + timedelta(days=6)
    line = weekly_goal_line(days(6), 5, sunday)
    assert line == "1 of 5 days this week. Every day you train counts."
    for word in ("only", "missed", "failed", "behind"):
        assert word not in line


def check(days_ago, value):
    return Steadiness(WEDNESDAY - timedelta(days=days_ago), value)


def test_steadier_compares_the_medians_of_this_month_and_the_month_before():
    checks = [check(45, 10.0), check(40, 12.0), check(35, 30.0),  # median 12
              check(10, 9.0), check(3, 9.6)]  # median 9.3
    assert steadier_pct(checks, WEDNESDAY) == pytest.approx(100 * (12 - 9.3) / 12)  # 22.5 %
    line = encouragement(checks, frozenset(), WEDNESDAY)
    assert line == "You stood 22 % steadier than last month."


def test_no_progress_is_claimed_without_both_months_or_without_a_real_gain():
    assert steadier_pct([check(3, 9.0)], WEDNESDAY) is None
    assert steadier_pct([check(40, 10.0), check(70, 5.0)], WEDNESDAY) is None
    assert steadier_pct([check(40, 10.0), check(3, 9.5)], WEDNESDAY) is None  # 5 %: noise
    assert steadier_pct([check(40, 10.0), check(3, 12.0)], WEDNESDAY) is None  # worse: not said


def test_without_measured_progress_the_word_is_about_what_was_done():
    trained = days(0, 1, 2)
    assert encouragement([], trained, WEDNESDAY) == "You trained on 3 days this month."
    assert encouragement([], days(0), WEDNESDAY) == "You trained on 1 day this month."
    assert encouragement([], frozenset(), WEDNESDAY) == "Today is a good day to start."
