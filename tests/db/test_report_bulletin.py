"""通报: the bulletin of a month or a year tells the problems found in it, rectified, on time and
overdue — the same figures as the 整改 page's rows on the day of issue — the 督办 and 约谈 taken,
a table per zone and the overdue problems by school, as an official document."""

from __future__ import annotations

from datetime import date

import pytest

from core.casework.bulletin import bulletin_in
from core.casework.rectification import problem_rows
from core.errors import ValidationError
from core.reports import write_report
from db.engine import Database
from tests.db.report_helpers import assert_renders, flat, needs_poppler, pages_text

TODAY = date(2026, 12, 2)


@pytest.fixture
def office(sqlite_db: Database) -> Database:
    from core.demo.office import create_demo

    create_demo(sqlite_db, "office", TODAY)
    return sqlite_db


@needs_poppler
def test_the_years_bulletin_has_the_rectification_pages_figures(office, tmp_path):
    rows = [r for r in problem_rows(office, TODAY) if r.found_on.year == 2026]
    overdue = [r for r in rows if r.overdue]
    fixed = [r for r in rows if r.status in ("fixed", "verified")]
    assert rows and overdue and fixed, "the demo has problems in every state"
    path = write_report(office, "bulletin", tmp_path / "b.pdf", today=TODAY, year=2026)
    text = flat("".join(pages_text(path)))
    assert "关于2026年督导检查及整改情况的通报" in text and "各学校（园）：" in text
    assert f"督导检查共发现问题{len(rows)}个" in text
    assert f"已整改{len(fixed)}个" in text and f"逾期未整改{len(overdue)}个" in text
    assert "督办通知1次" in text and "约谈1次" in text and "报送上级1次" in text
    for row in overdue:
        assert f"{row.school}：{flat(row.description.rstrip('。'))}" in text
    assert "合计" in text and "—1—" in text and "2026年12月2日印发" in text
    assert_renders(path, tmp_path)


def test_a_month_counts_what_was_found_in_it(office):
    with office.session() as session:
        november = bulletin_in(session, date(2026, 11, 1), date(2026, 11, 30), TODAY)
        year = bulletin_in(session, date(2026, 1, 1), date(2026, 12, 31), TODAY)
    found = [r for r in problem_rows(office, TODAY) if r.found_on.month == 11]
    assert november.total.found == len(found) < year.total.found
    assert sum(t.found for t in november.zones.values()) == november.total.found
    assert november.total.on_time <= november.total.fixed


def test_an_empty_month_says_so_and_a_bad_month_is_refused(office, tmp_path):
    path = write_report(office, "bulletin", tmp_path / "b.pdf", today=TODAY, month="2025-01")
    assert "2025年1月督导检查未发现需要整改的问题" in flat("".join(pages_text(path)))
    with pytest.raises(ValidationError, match="月份应为 YYYY-MM 格式"):
        write_report(office, "bulletin", tmp_path / "c.pdf", today=TODAY, month="2026-13")
