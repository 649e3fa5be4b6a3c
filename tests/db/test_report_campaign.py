"""迎检进度表 read back from the PDF: the phases with their deadlines, the overall figures, each
zone, the lagging schools first and every school with its percent, overdue items and lagging
mark — the figures of core.archive.progress; the default campaign; refusals in Chinese."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from core.archive.campaigns import campaign_rows, close_campaign
from core.archive.progress import campaign_progress, snapshot_rows, take_snapshot
from core.demo.office import create_demo
from core.errors import ValidationError
from core.reports import write_report
from core.roster.schools import zone_rows
from db.engine import Database
from db.models import ProgressSnapshot
from tests.db.demo_campaign import (
    CAMPAIGN,
    COMPLETE_SCHOOL,
    LAGGING_SCHOOL,
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
)


@pytest.fixture
def office(db: Database) -> Database:
    return office_without_campaigns(db)


def write(db: Database, folder: Path, **options) -> Path:
    return write_report(db, "campaign", folder / "campaign.pdf", today=TODAY, **options)


@needs_poppler
def test_the_progress_of_every_school_with_the_lagging_first(office, tmp_path):
    work = add_campaign(office)
    progress = campaign_progress(office, work.campaign_id, TODAY)
    path = write(office, tmp_path)
    pages = pages_text(path)
    text = flat("\n".join(pages))
    assert "迎检进度表" in pages[0]
    assert f"迎检工作：{CAMPAIGN}（{progress.kind_label}）" in text
    assert f"参加学校（园）{len(progress.schools)}所" in text
    assert f"已齐全或已归档{progress.done}/{progress.required}项" in text
    assert f"总体完成{progress.percent:.0f}%" in text
    assert f"逾期未完成{progress.overdue}项" in text
    assert f"进度滞后的学校{len(progress.lagging)}所" in text
    # the phases: the first passed, the second current
    first, second = progress.phases[:2]
    assert f"1{first.name}{first.deadline.isoformat()}已过期限" in text
    days = (second.deadline - TODAY).days
    assert f"2{second.name}{second.deadline.isoformat()}当前阶段，还有{days}天" in text
    assert f"当前阶段“{second.name}”" in text
    # the lagging schools, least advanced first, before the list of every school
    lagging, everyone = text.split("三、进度滞后的学校（园）")[1].split("四、各学校（园）进度")
    assert [s.school for s in progress.lagging] == [LAGGING_SCHOOL, SCHOOL]
    assert lagging.index(LAGGING_SCHOOL) < lagging.index(SCHOOL)
    assert COMPLETE_SCHOOL not in lagging
    for school in progress.schools:
        assert school.school in everyone
        row = f"{school.school}{school.zone}{school.required}{school.done}{school.percent:.0f}%"
        assert row in everyone
    assert f"{COMPLETE_SCHOOL}城关责任区1313100%—" in everyone
    assert f"{LAGGING_SCHOOL}城关责任区1300%3滞后" in everyone
    for zone in zone_rows(office):
        assert zone.name in text
    assert "图各责任区完成率（%）" in text
    assert_fonts_embedded(path)
    assert_renders(path, tmp_path)


def test_the_default_is_the_running_campaign_started_last(office, tmp_path):
    older = add_campaign(office, name="2026年学前教育普及普惠迎检", started=90)
    newer = add_campaign(office, name="2026年秋季专项督导", started=20)
    assert "迎检工作：2026年秋季专项督导" in flat(pages_text(write(office, tmp_path))[0])
    close_campaign(office, newer.campaign_id, TODAY)
    assert f"迎检工作：{older.campaign}" in flat(pages_text(write(office, tmp_path))[0])
    text = flat(pages_text(write(office, tmp_path, campaign=newer.campaign))[0])
    assert "迎检工作：2026年秋季专项督导" in text


def test_without_a_campaign_the_report_is_refused(office, tmp_path):
    with pytest.raises(ValidationError, match="目前没有进行中的迎检工作"):
        write(office, tmp_path)
    with pytest.raises(ValidationError, match="没有名为“无此工作”的迎检工作"):
        write(office, tmp_path, campaign="无此工作")
    assert not (tmp_path / "campaign.pdf").exists()


def test_a_county_campaign_runs_over_pages_repeating_the_header(sqlite_db, tmp_path):
    create_demo(sqlite_db, "county", TODAY)
    add_campaign(sqlite_db)
    pages = pages_text(write(sqlite_db, tmp_path, campaign=CAMPAIGN))
    assert len(pages) >= 10
    for text in pages[2:]:
        assert "学校（园）" in text and "完成率" in text
    # more zones than a chart can show: no chart
    assert "图各责任区完成率" not in flat("".join(pages))


def test_the_demo_campaign_prints_by_default(sqlite_db, tmp_path):
    create_demo(sqlite_db, "office", TODAY)
    running = [row for row in campaign_rows(sqlite_db, TODAY) if row.closed_on is None]
    assert len(running) == 1
    progress = campaign_progress(sqlite_db, running[0].id, TODAY)
    text = flat("\n".join(pages_text(write(sqlite_db, tmp_path))))
    assert f"迎检工作：{running[0].name}" in text
    assert f"总体完成{progress.percent:.0f}%" in text
    assert f"进度滞后的学校{len(progress.lagging)}所" in text


@needs_poppler
def test_the_progress_is_compared_with_the_last_weekly_dispatch_and_sealed(office, tmp_path):
    work = add_campaign(office)
    path = write(office, tmp_path)
    assert "此前没有周调度记录" in flat(pages_text(path)[0])

    progress = campaign_progress(office, work.campaign_id, TODAY)
    by_name = {s.school: s for s in progress.schools}
    last_week = TODAY - timedelta(days=7)
    take_snapshot(office, work.campaign_id, last_week)
    take_snapshot(office, work.campaign_id, TODAY - timedelta(days=14))
    # a week ago, the school that is complete now had 3 items fewer
    complete = by_name[COMPLETE_SCHOOL]
    with office.session() as session:
        snapshot = session.scalars(
            select(ProgressSnapshot).where(ProgressSnapshot.taken_on == last_week)
        ).one()
        figures = dict(snapshot.figures)
        figures[str(complete.school_id)] = [complete.done - 3, complete.required, 0]
        snapshot.figures = figures
    then = progress.done - 3
    then_percent = then * 100 / progress.required
    stalled = [s.school for s in progress.schools if s.required != s.done]
    [overdue_then] = [
        r.overdue for r in snapshot_rows(office, work.campaign_id) if r.taken_on == last_week
    ]

    pages = pages_text(write(office, tmp_path))
    text = flat("\n".join(pages))
    expected = (
        f"与上次调度（{last_week.year}年{last_week.month}月{last_week.day}日）相比：已齐全或已"
        f"归档增加3项，总体完成由{then_percent:.0f}%变为{progress.percent:.0f}%，逾期未完成由"
        f"{overdue_then}项变为{progress.overdue}项；没有进展的学校（园）{len(stalled)}所："
        f"{'、'.join(stalled)}。"
    )
    assert expected in text
    assert COMPLETE_SCHOOL not in text.split("没有进展的学校（园）")[1].split("。")[0]
    # the last page ends with the signature, the seal note and the date under the last rows
    last = flat(pages[-1])
    day = f"{TODAY.year}年{TODAY.month}月{TODAY.day}日"
    seal = last.index(f"（盖章）{day}")
    assert last.index("石桥片责任区") < seal
