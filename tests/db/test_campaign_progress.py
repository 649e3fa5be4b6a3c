"""Campaign progress on both engines: per school and overall with lagging schools and the next
phase; weekly snapshots (one per day, the same day replaces) compared with the week before,
school by school; the monthly bulletin; the dashboard's figures over running campaigns."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from core.archive.campaigns import (
    ItemChange,
    checklist_rows,
    close_campaign,
    create_campaign,
    item_ids_of_schools,
    update_campaign,
    update_items,
)
from core.archive.progress import (
    archive_figures,
    campaign_progress,
    compare_with_snapshot,
    monthly_bulletin,
    snapshot_rows,
    take_snapshot,
)
from core.errors import ValidationError
from core.roster.schools import SchoolInput, save_school
from tests.db.campaign_helpers import TODAY, archive_office, campaign

LAST_WEEK = TODAY - timedelta(days=7)


@pytest.fixture
def office(db):
    """The test office with its campaign started: three schools, two required items each."""
    office = archive_office(db)
    office["campaign"] = create_campaign(db, campaign(office))
    return office


def items_of(office, school: str) -> list[int]:
    return item_ids_of_schools(office["db"], office["campaign"], [office[school]])


def mark(office, ids, status: str, day: date = TODAY) -> None:
    update_items(office["db"], ids, ItemChange(status=status), day)


def test_progress_per_school_and_overall_with_the_laggards(office):
    db, campaign_id = office["db"], office["campaign"]
    east, west, kg = items_of(office, "east"), items_of(office, "west"), items_of(office, "kg")
    mark(office, east[:2], "filed")
    mark(office, west[:1], "complete")
    mark(office, west[1:2], "not_applicable")
    mark(office, kg[2:], "complete")  # optional: does not count
    progress = campaign_progress(db, campaign_id, TODAY)
    assert [(s.school, s.required, s.done, s.overdue, s.percent) for s in progress.schools] == [
        ("东关小学", 2, 2, 0, 100.0),
        ("南山幼儿园", 2, 0, 2, 0.0),
        ("西街小学", 1, 1, 0, 100.0),
    ]
    assert (progress.required, progress.done, progress.overdue) == (5, 3, 2)
    assert progress.percent == pytest.approx(60.0)
    assert [s.school for s in progress.lagging] == ["南山幼儿园"]
    assert progress.schools[1].zone == "城区"
    assert [(p.name, p.passed) for p in progress.phases] == [
        ("宣传发动", True),
        ("自查整改", True),
        ("复评提高", False),
        ("评估验收", False),
    ]
    assert progress.next_phase is not None and progress.next_phase.name == "复评提高"
    assert progress.kind_label == "县域义务教育优质均衡督导评估"


def test_before_any_deadline_only_schools_far_behind_lag(office):
    db, campaign_id = office["db"], office["campaign"]
    mark(office, items_of(office, "east")[:2], "complete")
    mark(office, items_of(office, "west")[:1], "complete")
    progress = campaign_progress(db, campaign_id, date(2026, 9, 10))
    # Overall 3 of 6 = 50 %: 西街 at 50 % keeps up, 南山 at 0 % lags; nothing is overdue yet.
    assert progress.overdue == 0
    assert [s.school for s in progress.lagging] == ["南山幼儿园"]
    assert progress.next_phase is not None and progress.next_phase.name == "宣传发动"


def test_a_school_with_nothing_to_count_is_complete(office):
    db, campaign_id = office["db"], office["campaign"]
    mark(office, items_of(office, "kg"), "not_applicable")
    [kg] = [
        s for s in campaign_progress(db, campaign_id, TODAY).schools if s.school_id == office["kg"]
    ]
    assert (kg.required, kg.percent, kg.lagging) == (0, 100.0, False)


def test_a_snapshot_a_day_compared_with_last_weeks(office):
    db, campaign_id = office["db"], office["campaign"]
    east = items_of(office, "east")
    mark(office, east[:1], "complete", LAST_WEEK)
    first = take_snapshot(db, campaign_id, LAST_WEEK, "第一次周调度")
    # Taking it again the same day replaces it.
    mark(office, items_of(office, "west")[:1], "collecting", LAST_WEEK)
    assert take_snapshot(db, campaign_id, LAST_WEEK, " 第一次周调度（更正） ") == first
    [row] = snapshot_rows(db, campaign_id)
    assert (row.taken_on, row.required, row.done, row.note) == (
        LAST_WEEK,
        6,
        1,
        "第一次周调度（更正）",
    )
    assert row.percent == pytest.approx(100 / 6)

    mark(office, east[1:2], "filed")
    mark(office, items_of(office, "west")[:2], "complete")
    newest = take_snapshot(db, campaign_id, TODAY)
    assert [s.taken_on for s in snapshot_rows(db, campaign_id)] == [TODAY, LAST_WEEK]
    assert newest != first

    # A school joining after last week's snapshot has nothing to compare with.
    north = save_school(db, SchoolInput("北门小学", zone="城区"))
    update_campaign(
        db,
        campaign_id,
        campaign(office, school_ids=(office["east"], office["west"], office["kg"], north)),
        today=TODAY,
    )
    changes = compare_with_snapshot(db, campaign_id, first, TODAY)
    assert [(c.school, c.percent_then, c.percent_now, c.delta) for c in changes] == [
        ("东关小学", 50.0, 100.0, 50.0),
        ("北门小学", None, 0.0, None),
        ("南山幼儿园", 0.0, 0.0, 0.0),
        ("西街小学", 0.0, 100.0, 100.0),
    ]
    # Last week nothing was overdue yet; now 南山 is past 自查整改, while 北门, joining after it,
    # is due by 复评提高.
    assert [(c.overdue_then, c.overdue_now) for c in changes] == [(0, 0), (None, 0), (0, 2), (0, 0)]
    with pytest.raises(ValidationError, match="找不到这次调度记录"):
        compare_with_snapshot(db, campaign_id, 99999, TODAY)


def test_the_monthly_bulletin(office):
    db, campaign_id = office["db"], office["campaign"]
    mark(office, items_of(office, "east")[:2], "filed", date(2026, 10, 20))
    mark(office, items_of(office, "west")[:1], "complete", date(2026, 11, 1))
    mark(office, items_of(office, "west")[2:], "complete", date(2026, 10, 21))  # optional
    october = monthly_bulletin(db, campaign_id, 2026, 10, TODAY)
    assert (october.year, october.month, october.done_in_month) == (2026, 10, 2)
    assert (october.schools, october.schools_complete, october.overdue) == (3, 1, 3)
    assert october.percent == pytest.approx(50.0)
    assert october.lagging == ["南山幼儿园", "西街小学"]
    assert monthly_bulletin(db, campaign_id, 2026, 11, TODAY).done_in_month == 1


def test_the_dashboard_figures_cover_running_campaigns(office):
    db, campaign_id = office["db"], office["campaign"]
    figures = archive_figures(db, TODAY)
    assert figures is not None
    assert (figures.running, figures.next_campaign, figures.next_phase) == (
        1,
        "2026年优质均衡迎检",
        "复评提高",
    )
    assert (figures.next_deadline, figures.days_left) == (date(2026, 11, 30), 28)
    assert (figures.overdue, figures.lagging) == (6, 3)

    sooner = create_campaign(
        db,
        campaign(
            office,
            name="双减专项督导",
            kind="special",
            school_ids=(office["east"],),
            phases=(),
        ),
    )
    figures = archive_figures(db, TODAY)
    assert figures is not None and figures.running == 2
    assert figures.next_campaign == "2026年优质均衡迎检", (
        "a campaign without phases has no deadline"
    )
    assert [r.due_date for r in checklist_rows(db, sooner, TODAY)] == [None, None, None]
    close_campaign(db, campaign_id, TODAY)
    figures = archive_figures(db, TODAY)
    assert figures is not None
    assert (figures.running, figures.next_phase, figures.days_left, figures.overdue) == (
        1,
        "",
        None,
        0,
    )
    close_campaign(db, sooner, TODAY)
    assert archive_figures(db, TODAY) is None
