"""The progress arithmetic of archive checklists: required items only, 不适用 left out, done
means 已齐全 or 已归档, a school with nothing to count is complete, overdue means counted, not
done and past its due date; lagging schools and the next phase."""

from __future__ import annotations

from datetime import date

from core.archive.progress import (
    LAGGING_MARGIN,
    is_lagging,
    item_overdue,
    next_phase_of,
    percent_of,
    school_progress,
)

TODAY = date(2026, 11, 2)
PAST = date(2026, 10, 31)
LATER = date(2026, 11, 30)


def test_done_means_complete_or_filed_among_the_required_items():
    items = [
        (True, "filed", PAST),
        (True, "complete", None),
        (True, "collecting", LATER),
        (True, "not_started", None),
    ]
    assert school_progress(items, TODAY) == (4, 2, 0)
    assert percent_of(2, 4) == 50.0


def test_not_applicable_and_optional_items_are_not_counted():
    items = [
        (True, "filed", None),
        (True, "not_applicable", PAST),
        (False, "not_started", PAST),
        (False, "filed", None),
    ]
    assert school_progress(items, TODAY) == (1, 1, 0)


def test_a_school_with_nothing_to_count_is_complete():
    assert school_progress([], TODAY) == (0, 0, 0)
    assert school_progress([(True, "not_applicable", None)], TODAY) == (0, 0, 0)
    assert percent_of(0, 0) == 100.0


def test_overdue_is_a_counted_item_not_done_after_its_due_date():
    items = [
        (True, "collecting", PAST),
        (True, "not_started", date(2026, 11, 1)),
        (True, "not_started", TODAY),
        (True, "complete", PAST),
        (True, "not_applicable", PAST),
        (False, "not_started", PAST),
        (True, "not_started", None),
    ]
    assert school_progress(items, TODAY) == (5, 1, 2)
    assert [item_overdue(r, s, d, TODAY) for r, s, d in items] == [
        True,
        True,
        False,
        False,
        False,
        False,
        False,
    ]


def test_a_school_lags_far_below_the_overall_percent_or_overdue_after_a_deadline():
    assert is_lagging(60.0 - LAGGING_MARGIN, 60.0, 0, phase_passed=False)
    assert not is_lagging(60.0 - LAGGING_MARGIN + 0.1, 60.0, 0, phase_passed=False)
    assert is_lagging(90.0, 60.0, 1, phase_passed=True)
    assert not is_lagging(90.0, 60.0, 1, phase_passed=False)


def test_the_next_phase_is_the_first_whose_deadline_has_not_passed():
    phases = [("宣传发动", date(2026, 9, 20)), ("自查整改", TODAY), ("复评提高", LATER)]
    assert next_phase_of(phases, TODAY) == ("自查整改", TODAY)
    assert next_phase_of(phases, date(2026, 11, 3)) == ("复评提高", LATER)
    assert next_phase_of(phases, date(2027, 1, 1)) is None
