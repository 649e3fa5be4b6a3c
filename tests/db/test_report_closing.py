"""Reports the bureau can trust, read back from the PDFs: the office block that closes a
report (office /（盖章）/ date) and the visit form's signature row never stand on a page alone;
the staffing table's totals add up (or the note says, in figures, why not); a full-time share
below the minimum is never printed rounded up to it."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import pytest
from reportlab.platypus import Spacer
from sqlalchemy import select

from core.cli.check_text import compliance_lines
from core.demo.office import create_demo
from core.enums import Employment
from core.overview import compliance
from core.reports import write_report
from core.reports.document import PageFrame, Report, cn_date
from core.reports.settings import ReportSettings
from db.engine import Database
from db.models import Appointment, Inspector, VisitRecord
from tests.db.report_helpers import (
    FEEDBACK,
    add_visit_work,
    assert_renders,
    flat,
    needs_poppler,
    pages_text,
    spread,
)

TODAY = date(2026, 11, 2)
OFFICE = "青溪县人民政府教育督导室"
SEAL = "（盖章）"
ENDING_KINDS = ("roster", "staffing", "training", "terms", "annual")
"""The reports that end with the office block."""


def content(page: str, day: date = TODAY) -> list[str]:
    """The lines of a page other than its running header, its footer and the office block."""
    lines = [line.strip() for line in page.splitlines() if line.strip()]
    return [
        line
        for line in lines
        if line not in (OFFICE, SEAL, cn_date(day))
        and "打印日期" not in line
        and not re.fullmatch(r"第 \d+ 页 共 \d+ 页", line)
        and not re.fullmatch(r".+（.*\d{4}年.*）", line)  # the running header's title (period)
    ]


def closing_page(pages: list[str]) -> str:
    [page] = [p for p in pages if SEAL in p]
    assert pages[-1] == page, "the office block ends the report"
    return page


# --- the office block ---------------------------------------------------------------------


def test_the_office_block_keeps_the_last_rows_of_any_table_length(tmp_path):
    """Tables of every length from under one page to over two: wherever the table ends, its
    last two rows (and the note under it) are on the page of the office block."""
    for rows in range(30, 95, 3):
        report = Report(PageFrame(OFFICE, "测试表", f"截至{cn_date(TODAY)}", TODAY))
        report.title_block("测试。")
        report.table(["序号", "内容"], [[str(n), f"第{n}行"] for n in range(1, rows + 1)], [1, 5])
        report.paragraph("注：表下的注。", "cell")
        report.signature_block(ReportSettings(), TODAY)
        pages = pages_text(report.write(tmp_path / f"t{rows}.pdf"))
        text = flat("\n".join(pages))
        assert all(text.count(f"第{n}行") == 1 for n in range(1, rows + 1)), rows
        last = flat(closing_page(pages))
        assert f"第{rows - 1}行" in last and f"第{rows}行" in last, rows
        assert "注：表下的注。" in last


def test_the_office_block_keeps_the_last_lines_of_a_closing_paragraph(tmp_path):
    for filler in range(20, 60, 2):
        report = Report(PageFrame(OFFICE, "测试", f"截至{cn_date(TODAY)}", TODAY))
        report.title_block()
        report.story.append(Spacer(1, filler * 12))
        report.heading("三、需要处理的事项")
        report.paragraph("最后一段" * 60 + "完。")
        report.signature_block(ReportSettings(), TODAY)
        pages = pages_text(report.write(tmp_path / f"p{filler}.pdf"))
        last = content(closing_page(pages))
        assert last and flat(last[-1]).endswith("完。"), filler
        heading = [n for n, page in enumerate(pages) if "三、需要处理的事项" in page]
        body = [n for n, page in enumerate(pages) if "最后一段" in page]
        assert heading[0] == body[0], "the heading stays with its paragraph"


@needs_poppler
def test_no_report_of_the_county_ends_with_the_office_block_alone(sqlite_db, tmp_path):
    """On the county demo the roster's page 10 carried only the header and the office block."""
    create_demo(sqlite_db, "county", TODAY)
    for kind in ENDING_KINDS:
        path = write_report(sqlite_db, kind, tmp_path / f"{kind}.pdf", today=TODAY)
        pages = pages_text(path)
        last = content(closing_page(pages))
        assert len(last) >= 5, (kind, len(pages), last)
        if kind == "roster":
            assert len(pages) > 1 and "99" in last and "100" in last, last
    images = assert_renders(tmp_path / "roster.pdf", tmp_path)
    assert len(images) >= 2


# --- the visit form's signatures ----------------------------------------------------------


@needs_poppler
@pytest.mark.parametrize("repeats", [100, 450])
def test_the_visit_forms_signatures_stay_with_the_text_above(sqlite_db, tmp_path, repeats):
    """A long 发现情况 pushed the signature row alone onto the last page (at these lengths)."""
    create_demo(sqlite_db, "office", TODAY)
    work = add_visit_work(sqlite_db, TODAY)
    with sqlite_db.session() as session:
        session.get(VisitRecord, work.done_visit).findings = findings = "发现情况很多。" * repeats
    path = write_report(
        sqlite_db, "visit-form", tmp_path / "form.pdf", today=TODAY, visit=work.done_visit
    )
    pages = pages_text(path)
    assert len(pages) >= 2
    [signed] = [page for page in pages if "督学签字" in page]
    assert "现场反馈" in signed and flat(FEEDBACK) in flat(signed)
    assert sum(spread(pages, findings)) == len(findings), "all of it, in order"
    assert_renders(path, tmp_path)


# --- totals and shares --------------------------------------------------------------------


def zone_table(pages: list[str], zones: list[str]) -> dict[str, list[int]]:
    """The zone rows of the staffing report: name → 学校数, 应配, 实配, 未挂牌 (and 合计)."""
    lines = [line.strip() for page in pages for line in page.splitlines() if line.strip()]
    rows = {}
    for name in [*zones, "合计"]:
        at = len(lines) - 1 - lines[::-1].index(name)
        rows[name] = [int(cell) for cell in lines[at + 1 : at + 5]]
    return rows


@needs_poppler
def test_the_staffing_totals_add_up_on_the_county_demo(sqlite_db, tmp_path):
    create_demo(sqlite_db, "county", TODAY)
    c = compliance(sqlite_db, TODAY)
    path = write_report(sqlite_db, "staffing", tmp_path / "staffing.pdf", today=TODAY)
    pages = pages_text(path)
    text = flat("\n".join(pages))
    rows = zone_table(pages, [z.name for z in c.zones])
    total = rows.pop("合计")
    column = [sum(row[i] for row in rows.values()) for i in range(4)]
    assert total == [c.schools, c.required_inspectors, c.inspectors, len(c.uncovered_schools)]
    assert column[0] == total[0] and column[3] == total[3]
    # 应配督学: each zone rounds up on its own, so the rows sum to more than the county's figure
    # (counted over all schools, as the ratio is); the note says so, with both figures
    assert column[1] > total[1]
    assert (
        f"应配督学合计按全部{c.schools}所学校（园）计算（1∶5，在校生超过3000人的学校1∶1），"
        f"为{total[1]}名；各责任区按本区学校数分别计算、各自向上取整，"
        f"各区之和为{column[1]}名，故大于合计。" in text
    )
    # 实配督学: an inspector across zones counts in each; one without schools in none
    twice = column[2] - c.assigned_inspectors
    idle = c.inspectors - c.assigned_inspectors
    assert column[2] == total[2] + twice - idle
    assert f"合计为全部在任督学人数（{total[2]}名），各区之和为{column[2]}名" in text
    assert f"多计{twice}名" in text and f"未挂牌负责学校的{idle}名督学不计入任何责任区" in text


def make_share(db: Database, full_time: int, serving: int) -> None:
    """Leave ``serving`` inspectors of the county in office, ``full_time`` of them full-time."""
    with db.session() as session:
        inspectors = session.scalars(select(Inspector).order_by(Inspector.id)).all()
        for index, inspector in enumerate(inspectors):
            if index >= serving:
                for appointment in session.scalars(
                    select(Appointment).where(Appointment.inspector_id == inspector.id)
                ):
                    session.delete(appointment)
            inspector.employment = (
                Employment.FULL_TIME.value if index < full_time else Employment.PART_TIME.value
            )


@needs_poppler
def test_a_failing_full_time_share_is_not_rounded_up_to_the_minimum(sqlite_db, tmp_path):
    create_demo(sqlite_db, "county", TODAY)
    make_share(sqlite_db, 13, 44)
    c = compliance(sqlite_db, TODAY)
    assert (c.full_time, c.inspectors, c.full_time_short) == (13, 44, True)
    path = write_report(sqlite_db, "staffing", tmp_path / "staffing.pdf", today=TODAY)
    text = flat("\n".join(pages_text(path)))
    assert "专职督学占比不少于30%专职13名，占29.5%未达标" in text
    assert "占30%" not in text
    assert "专职督学占比29.5%，低于30%，请增加专职督学。" in text
    line = next(line for line in compliance_lines(c) if "专职督学" in line)
    assert line.startswith("✗") and "专职督学：13 名，占 29.5%（不少于 30%）" in line
    meeting = compliance_lines(replace(c, full_time=15, inspectors=50))
    assert any(line.startswith("✓ 专职督学：15 名，占 30%") for line in meeting)
