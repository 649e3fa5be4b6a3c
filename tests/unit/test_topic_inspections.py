"""A topic's visits make one inspection until more than 30 days pass without one (开学 comes
back each semester), and the report's numbers of schools or inspectors are named up to ten."""

from __future__ import annotations

from datetime import date, timedelta

from core.calendar.topic_inspection import GAP_DAYS, runs_of


def test_visits_within_the_gap_are_one_inspection_and_a_longer_gap_starts_another():
    first = date(2026, 2, 24)
    days = [first + timedelta(days=n) for n in (0, 3, 3, 10)]
    later = days[-1] + timedelta(days=GAP_DAYS + 1)
    runs = runs_of("开学", [later, *days, later + timedelta(days=2)])
    assert [(r.first, r.last, r.visits) for r in runs] == [
        (first, days[-1], 4),
        (later, later + timedelta(days=2), 2),
    ]
    assert runs[0].label == "开学（2026-02-24 至 2026-03-06，4 次）"


def test_a_gap_of_exactly_the_limit_keeps_one_inspection():
    days = [date(2026, 9, 1), date(2026, 9, 1) + timedelta(days=GAP_DAYS)]
    assert len(runs_of("安全", days)) == 1


def test_names_are_listed_up_to_ten_then_counted():
    from core.reports.topic_text import names

    assert names(["甲校", "乙校"], "所") == "甲校、乙校"
    many = [f"第{n}小学" for n in range(12)]
    assert names(many, "所") == "、".join(many[:10]) + "等12所"
