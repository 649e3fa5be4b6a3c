"""档案资料清单: one school's archive checklist in a campaign, read back from the PDF — the
campaign, school and progress in the heading, every item in its group with its required mark,
status, responsible person, due date (逾期 when passed), box number, location and retention;
the default campaign; refusals in Chinese."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from core.archive.campaigns import ItemChange, checklist_rows, close_campaign, update_items
from core.archive.progress import campaign_progress
from core.errors import ValidationError
from core.reports import write_report
from db.engine import Database
from tests.db.demo_campaign import (
    CAMPAIGN,
    KINDERGARTEN,
    LAGGING_SCHOOL,
    LOCATION,
    NOTE,
    RESPONSIBLE,
    SCHOOL,
    TODAY,
    add_campaign,
    office_without_campaigns,
)
from tests.db.report_helpers import (
    assert_fonts_embedded,
    assert_renders,
    flat,
    needs_poppler,
    pages_text,
    spread,
)


@pytest.fixture
def office(sqlite_db: Database) -> Database:
    return office_without_campaigns(sqlite_db)


def write(db: Database, folder: Path, **options) -> Path:
    return write_report(db, "checklist", folder / "checklist.pdf", today=TODAY, **options)


@needs_poppler
def test_a_schools_checklist_shows_progress_statuses_and_boxes(office, tmp_path):
    work = add_campaign(office)
    rows = checklist_rows(office, work.campaign_id, TODAY)
    mine = [r for r in rows if r.school == SCHOOL]
    path = write(office, tmp_path, school=SCHOOL)
    pages = pages_text(path)
    text = flat("\n".join(pages))
    assert "档案资料清单" in pages[0]
    assert f"迎检工作：{CAMPAIGN}" in text and f"学校（园）：{SCHOOL}" in text
    progress = next(
        s for s in campaign_progress(office, work.campaign_id, TODAY).schools if s.school == SCHOOL
    )
    assert (progress.done, progress.overdue) == (7, 1)
    assert f"已齐全或已归档{progress.done}/{progress.required}项" in text
    assert f"完成{progress.percent:.0f}%" in text and "逾期未完成1项" in text
    assert "（不适用1项，不计入）" in text
    for row in mine:
        assert flat(row.title) in text
    for group in dict.fromkeys(r.group for r in mine):
        assert flat(group) in text
    for number, title in enumerate(work.filed, start=1):
        row = next(r for r in mine if r.title == title)
        # … 必备, 状态, 责任人 (none), 完成期限, 盒号, 存放位置, 保存期限
        due = row.due_date.isoformat()
        assert f"必备已归档{due}A-{number:02}{LOCATION}{row.retention}" in text
    assert text.count(RESPONSIBLE) == 4
    assert flat(NOTE) in text
    overdue = next(r for r in mine if r.title == work.overdue)
    assert f"收集中{RESPONSIBLE}{overdue.due_date.isoformat()}逾期" in text
    assert "不适用" in text
    # the school's name heads the table on every page; no other school's items are printed
    for page in pages:
        assert f"{SCHOOL}（{CAMPAIGN}）" in flat(page)
    assert LAGGING_SCHOOL not in text
    assert PdfReader(path).pages[0].mediabox.width > PdfReader(path).pages[0].mediabox.height
    assert "各状态：未开始" in text and "已归档4项" in text
    assert "档案管理员（签字）" in text
    assert_fonts_embedded(path)
    assert_renders(path, tmp_path)


def table_lines(page: str) -> list[str]:
    """The lines of the checklist table on a page: after its column header row, before the
    signature line or the page's running head and foot."""
    lines = [line.strip() for line in page.splitlines()]
    start = lines.index("备注") + 1
    ends = ("学校（园）负责人", "青溪县人民政府教育督导室", "打印日期")
    return lines[start : next(i for i in range(start, len(lines)) if lines[i].startswith(ends))]


def test_a_group_heading_never_ends_a_page(office, tmp_path):
    work = add_campaign(office)
    mine = [r for r in checklist_rows(office, work.campaign_id, TODAY) if r.school == SCHOOL]
    # this long note on the first item puts the headings of 三 and 七 at the foot of pages 1
    # and 2 when nothing keeps them with their first items
    update_items(office, [mine[0].id], ItemChange(note="点名册缺页待补。" * 21), TODAY)
    tables = [table_lines(page) for page in pages_text(write(office, tmp_path, school=SCHOOL))]
    groups = {r.group for r in mine}
    assert len(tables) == 3
    for lines in tables:
        assert lines[-1] not in groups
    assert [lines[:2] for lines in tables[1:]] == [
        ["三、原始档案", "3"],
        ["七、各项规章制度（入镜上墙）", "13"],
    ]


def test_an_item_too_tall_to_share_a_page_with_its_heading_still_prints(office, tmp_path):
    """Its heading is not kept with it then: the two could not fit on any page together."""
    work = add_campaign(office)
    mine = [r for r in checklist_rows(office, work.campaign_id, TODAY) if r.school == SCHOOL]
    update_items(office, [mine[1].id], ItemChange(note="甲" * 430), TODAY)
    text = flat("\n".join(pages_text(write(office, tmp_path, school=SCHOOL))))
    assert text.count("甲") == 430 and "档案管理员（签字）" in text


@needs_poppler
def test_a_note_longer_than_a_page_runs_on_over_the_next_pages(db, tmp_path):
    """The item's row is split inside, page after page, under the repeated caption and header
    rows: the whole note prints in order, and every page holds part of an item."""
    office_without_campaigns(db)
    work = add_campaign(db)
    mine = [r for r in checklist_rows(db, work.campaign_id, TODAY) if r.school == SCHOOL]
    note = ("第3盒缺2024年秋季点名册，已联系教务处补齐；" * 90)[:2000]
    update_items(db, [mine[0].id], ItemChange(note=note), TODAY)
    path = write(db, tmp_path, school=SCHOOL)
    pages = pages_text(path)
    counts = spread(pages, note)
    assert sum(counts) == len(flat(note))
    assert counts[0] > 0 and all(counts[1 : counts.index(0)])  # begun on page 1, no page skipped
    for page in pages:
        assert table_lines(page), page
    text = flat("\n".join(pages))
    assert flat(mine[1].title) in text and flat(mine[-1].title) in text
    assert "档案管理员（签字）" in text
    assert_renders(path, tmp_path)


def test_a_kindergarten_gets_the_kindergarten_list(office, tmp_path):
    add_campaign(office)
    text = flat("\n".join(pages_text(write(office, tmp_path, school=KINDERGARTEN))))
    assert "学前一年入园率" in text
    assert "辍学学生数和年辍学率" not in text


def test_the_default_campaign_is_the_running_one_started_last_with_the_school(db, tmp_path):
    office_without_campaigns(db)
    older = add_campaign(db, name="2026年学前教育普及普惠迎检", started=90)
    newer = add_campaign(db, name="2026年秋季专项督导", started=20)
    text = flat(pages_text(write(db, tmp_path, school=SCHOOL))[0])
    assert "迎检工作：2026年秋季专项督导" in text
    close_campaign(db, newer.campaign_id, TODAY)
    text = flat(pages_text(write(db, tmp_path, school=SCHOOL))[0])
    assert f"迎检工作：{older.campaign}" in text
    text = flat(pages_text(write(db, tmp_path, school=SCHOOL, campaign=newer.campaign))[0])
    assert "迎检工作：2026年秋季专项督导" in text


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({}, "请指定学校（园）"),
        ({"school": "不存在的学校"}, "没有名为“不存在的学校”的学校（园）"),
        ({"school": SCHOOL, "campaign": "无此工作"}, "没有名为“无此工作”的迎检工作"),
    ],
)
def test_bad_options_are_refused_in_chinese(office, tmp_path, options, message):
    add_campaign(office)
    with pytest.raises(ValidationError, match=message):
        write(office, tmp_path, **options)
    assert not (tmp_path / "checklist.pdf").exists()


def test_a_school_without_a_running_campaign_is_refused(office, tmp_path):
    with pytest.raises(ValidationError, match=f"“{SCHOOL}”没有进行中的迎检工作"):
        write(office, tmp_path, school=SCHOOL)
    work = add_campaign(office)
    close_campaign(office, work.campaign_id, TODAY)
    with pytest.raises(ValidationError, match="没有进行中的迎检工作"):
        write(office, tmp_path, school=SCHOOL)
    # a closed campaign still prints when named
    assert write(office, tmp_path, school=SCHOOL, campaign=CAMPAIGN).exists()
