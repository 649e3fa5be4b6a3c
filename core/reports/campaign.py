"""迎检进度表: a campaign's progress across its schools, for the weekly dispatch (周调度).

``--campaign NAME`` (default: the running campaign started last). The figures are those of
:func:`core.archive.progress.campaign_progress`: a school's percent is the share of its
required items, not counting 不适用 ones, that are 已齐全 or 已归档; overdue items are counted
ones not done after their due date; a school lags when it is far below the overall percent or
has overdue items after the current phase's deadline.

The report gives the phases with their deadlines (passed, current, to come), the overall
figures, a table per zone with a bar chart of the zones' percent, then the lagging schools
(lowest percent first) so the dispatch meeting starts with them, and every school by zone and
name with its lagging mark. The overall figures are compared with the last weekly snapshot
(周调度) taken before the day of the report: items done since, the overall percent then and now,
overdue items then and now, and the schools not yet complete that made no progress since. The
report ends with the office's signature, seal note and date.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak

from core.archive.progress import (
    LAGGING_MARGIN,
    CampaignProgress,
    SchoolProgress,
    compare_with_snapshot,
    percent_of,
    snapshot_rows,
)
from core.archive.progress import campaign_progress as progress_of
from core.reports.annual import CHART_HEIGHT, bar_chart
from core.reports.document import PageFrame, Report, cn_date, iso
from core.reports.options import ReportOptions, chosen_campaign, letterhead_from_session
from core.roster.schools import zone_rows

if TYPE_CHECKING:
    from db.engine import Database

TITLE = "迎检进度表"
UNZONED = "未划分责任区"
LAGGING = "滞后"
CHART_ZONES = 16
"""The zones' chart is drawn only for this many zones or fewer (more would not read)."""
SCHOOL_HEADERS = ["序号", "学校（园）", "责任区", "必备项目", "已齐全或归档", "完成率", "逾期",
                  "进度"]  # fmt: skip
SCHOOL_WEIGHTS = [6, 32, 16, 9, 13, 9, 7, 8]
SCHOOL_ALIGN = "CLLCCCCC"


def _school_row(number: int, s: SchoolProgress) -> list[str]:
    return [
        str(number),
        s.school,
        s.zone or UNZONED,
        str(s.required),
        str(s.done),
        f"{s.percent:.0f}%",
        str(s.overdue) if s.overdue else "—",
        LAGGING if s.lagging else "",
    ]


def _since_last_dispatch(db: Database, progress: CampaignProgress, today: date) -> str:
    """The sentence comparing ``progress`` with the last snapshot taken before ``today``."""
    earlier = next((s for s in snapshot_rows(db, progress.campaign_id) if s.taken_on < today), None)
    if earlier is None:
        return "此前没有周调度记录，本表不与上次比较。"
    changes = compare_with_snapshot(db, progress.campaign_id, earlier.id, today)
    stalled = [
        c.school for c in changes if c.delta is not None and c.delta <= 0 and c.percent_now < 100
    ]
    gained = progress.done - earlier.done
    moved = f"增加 {gained} 项" if gained >= 0 else f"减少 {-gained} 项"
    listed = f"：{'、'.join(stalled)}" if stalled else ""
    return (
        f"与上次调度（{cn_date(earlier.taken_on)}）相比：已齐全或已归档{moved}，总体完成由 "
        f"{earlier.percent:.0f}% 变为 {progress.percent:.0f}%，逾期未完成由 {earlier.overdue} "
        f"项变为 {progress.overdue} 项；没有进展的学校（园）{len(stalled)} 所{listed}。"
    )


def _phases(report: Report, progress: CampaignProgress, today: date) -> None:
    current = progress.next_phase
    rows = []
    for number, phase in enumerate(progress.phases, start=1):
        if phase.passed:
            state = "已过期限"
        elif current is not None and phase.name == current.name:
            left = (phase.deadline - today).days
            state = f"当前阶段，还有 {left} 天"
        else:
            state = "未开始"
        rows.append([str(number), phase.name, iso(phase.deadline), state])
    if rows:
        report.table(["序号", "阶段", "完成期限", "情况"], rows, [8, 40, 22, 30], "CLCL")
    else:
        report.paragraph("没有设定工作阶段。")


def _zones(report: Report, schools: list[SchoolProgress], order: list[str]) -> None:
    by_zone: dict[str, list[SchoolProgress]] = defaultdict(list)
    for s in schools:
        by_zone[s.zone or UNZONED].append(s)
    names = [z for z in order if z in by_zone] + [z for z in by_zone if z not in order]
    rows, percents = [], []
    for zone in names:
        mine = by_zone[zone]
        required = sum(s.required for s in mine)
        done = sum(s.done for s in mine)
        percents.append(round(percent_of(done, required)))
        rows.append(
            [zone, str(len(mine)), str(required), str(done), f"{percent_of(done, required):.0f}%",
             str(sum(s.overdue for s in mine)), str(sum(1 for s in mine if s.lagging)),
             str(sum(1 for s in mine if s.required == s.done))]
        )  # fmt: skip
    report.table(
        ["责任区", "学校（园）", "必备项目", "已齐全或归档", "完成率", "逾期项目", "滞后学校",
         "已完成学校"],
        rows,
        [22, 11, 11, 14, 10, 10, 10, 12],
        "LCCCCCCC",
    )  # fmt: skip
    if 1 < len(names) <= CHART_ZONES:
        report.story.append(CondPageBreak(CHART_HEIGHT + 4 * mm))
        labels = [report.shorten(z, report.width / len(names) - 4, 8) for z in names]
        report.story.append(
            bar_chart(
                report,
                labels,
                [("完成率（%）", percents)],
                "图　各责任区完成率（%）",
                value_max=100,
            )
        )


def write(db: Database, out: Path, options: ReportOptions) -> None:
    """Write the progress of ``options.campaign`` (default: the running campaign started last)
    as on ``options.today``."""
    today = options.today
    with db.session() as session:
        head = letterhead_from_session(session)
        campaign_id = chosen_campaign(session, options.campaign).id
    progress = progress_of(db, campaign_id, today)
    order = [z.name for z in zone_rows(db)]
    report = Report(PageFrame(head.office, TITLE, f"截至{cn_date(today)}", today))
    report.title_block()
    report.paragraph(f"迎检工作：{progress.name}（{progress.kind_label}）")
    lagging = progress.lagging
    complete = sum(1 for s in progress.schools if s.required == s.done)
    following = ""
    if progress.next_phase is not None:
        days = (progress.next_phase.deadline - today).days
        following = (
            f"当前阶段“{progress.next_phase.name}”，"
            f"期限{cn_date(progress.next_phase.deadline)}（还有 {days} 天）。"
        )
    report.paragraph(
        f"{cn_date(progress.started_on)}启动，参加学校（园）{len(progress.schools)} 所。"
        f"{following}必备档案资料已齐全或已归档 {progress.done} / {progress.required} 项，"
        f"总体完成 {progress.percent:.0f}%；全部完成的学校 {complete} 所；逾期未完成 "
        f"{progress.overdue} 项；进度滞后的学校 {len(lagging)} 所。"
    )
    report.paragraph(_since_last_dispatch(db, progress, today))

    report.heading("一、工作阶段")
    _phases(report, progress, today)
    report.heading("二、各责任区进度")
    if progress.schools:
        _zones(report, progress.schools, order)
    else:
        report.paragraph("这项迎检工作没有学校（园）。")

    report.story.append(CondPageBreak(40 * mm))
    report.heading("三、进度滞后的学校（园）")
    if lagging:
        ranked = sorted(lagging, key=lambda s: (s.percent, -s.overdue, s.school))
        report.table(
            SCHOOL_HEADERS,
            [_school_row(n, s) for n, s in enumerate(ranked, start=1)],
            SCHOOL_WEIGHTS,
            SCHOOL_ALIGN,
        )
    else:
        report.paragraph("没有进度滞后的学校（园）。")
    report.paragraph(
        f"注：完成率为必备项目（不含不适用的）中已齐全或已归档的比例；完成率低于总体 "
        f"{LAGGING_MARGIN} 个百分点及以上，或当前阶段期限已过仍有逾期项目的，为进度滞后。",
        "cell",
    )

    report.story.append(CondPageBreak(40 * mm))
    report.heading("四、各学校（园）进度")
    rank = {zone: index for index, zone in enumerate(order)}
    everyone = sorted(
        progress.schools, key=lambda s: (rank.get(s.zone, len(rank)), s.zone, s.school)
    )
    if everyone:
        report.table(
            SCHOOL_HEADERS,
            [_school_row(n, s) for n, s in enumerate(everyone, start=1)],
            SCHOOL_WEIGHTS,
            SCHOOL_ALIGN,
        )
    report.signature_block(head.settings, today)
    report.write(out)
