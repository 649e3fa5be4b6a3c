"""督导工作安排表: the month's visit plan on landscape A4 or A3, to be posted on the wall — a
calendar grid (Monday to Sunday, each day with its number of visits and the visits as
"学校（督学）", days off shaded), the schools without a visit that month with the reason, then
every inspector's own list (date, weekday, school, kind, status, topic, companions).

Only visits on the calendar are printed (计划, 已确认, 已完成; not cancelled or postponed ones).
``--zone`` keeps the visits to that zone's schools, ``--inspector`` the visits that inspector
makes or goes on as a companion (and the schools they are responsible for). Visits are
unannounced (四不两直), so every page is marked internal: the plan is not to be sent to schools.

The grid (:mod:`core.reports.schedule_grid`) fills the rest of the first page; entries are as
large as their cell allows and never below 9 pt on A4. When some day holds more visits than its
cell can list — a county, thirty visits a day — the first page shows only each day's number of
visits and the grid follows once per responsibility zone, a page each, the page a zone's
inspectors pin up (a week of many visits takes room from the weeks of few, so the page lists
every visit of the zone where it can); a day that still overflows in its zone's grid ends with
"…另 N 项见续表" and the rest of it is listed right under that grid, on its page if it fits.
Days off follow the office's working-day calendar (:class:`core.office.workdays.WorkCalendar`):
a day off on a weekday is marked 休, a swapped working day (调休) on a weekend 班; a month of a
year whose holidays are not known yet says so in a line of its own above the grid.

The reason a school has no visit is the monthly generator's (:func:`generate_month`, run
without saving) for a month not yet over: the reasons it gives for the schools it cannot place,
"尚未安排" for the ones it could still place; for a past month "本月未安排督导".
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, PageBreak
from sqlalchemy import select

from core.calendar.month_plan import generate_month
from core.calendar.visits import VisitRow, month_span, visit_rows_in_session
from core.enums import ACTIVE_STATUSES, VisitKind, VisitStatus
from core.i18n import _
from core.office.workdays import WEEKDAYS, WorkCalendar, certainty_notice
from core.parsing import clean_text
from core.reports.document import PageFrame, Report, cn_date
from core.reports.options import ReportOptions, letterhead_from_session, refuse
from core.reports.schedule_grid import Continuation, Entry, MonthGrid
from core.roster.assignments import responsible_inspectors
from core.search.matching import pinyin_order
from db.models import Inspector, School, Zone

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from db.engine import Database

TITLE = "督导工作安排表"
MARKING = "内部资料　不发学校"
HEADERS = ["日期", "星期", "学校（园）", "督导类型", "状态", "专项主题", "同行督学"]
WEIGHTS = [9, 6, 34, 11, 8, 16, 16]
ALIGN = "CCLCCLL"
WITHOUT_HEADERS = ["序号", "学校（园）", "责任区", "责任督学", "原因"]
WITHOUT_WEIGHTS = [5, 38, 16, 14, 27]
UNZONED = "未划分责任区"
NOT_YET_PLANNED = "尚未安排（生成本月计划可安排）"
PAST_MONTH = "本月未安排督导"
SCHOOL_BREAK = "寒暑假，不安排经常性督导"
NO_INSPECTOR = "没有责任督学"
LIST_START_ROOM = 25 * mm
"""An inspector's list starts on a new page when less than this is left."""
MAX_CONTINUED = 15
"""The most visits the office-wide grid leaves to its continuation (a third of a page)."""
MIN_GRID_SHARE = 0.6
"""The grid takes the rest of its page, but never less than this share of a page."""


@dataclass(frozen=True)
class _Visit:
    """A visit as printed: the row of :func:`core.calendar.visits.visit_rows` with what the plan
    needs."""

    row: VisitRow
    zone: str
    zone_order: int
    companions: tuple[tuple[int, str], ...]

    @property
    def entry(self) -> Entry:
        """The visit as a line of the grid."""
        return Entry(self.row.day, self.row.school, self.row.inspector, self.zone)


@dataclass(frozen=True)
class _School:
    """An active school of the print, with its zone and responsible inspector (or "")."""

    id: int
    name: str
    zone: str
    zone_order: int
    inspector: str


@dataclass(frozen=True)
class _Month:
    year: int
    month: int
    visits: list[_Visit]
    work: WorkCalendar
    inspector_ids: frozenset[int] | None
    schools: list[_School]


def _read(
    session: Session, year: int, month: int, zone: str, inspector: str, today: date
) -> _Month:
    """The month's visits on the calendar (filtered), with zones and companions, and the
    active schools of the print with who is responsible for them."""
    zone_order = {
        name: index
        for index, name in enumerate(
            session.scalars(select(Zone.name).order_by(Zone.sort_order, Zone.name))
        )
    }
    if zone and zone not in zone_order:
        raise refuse("zone", _("没有名为“{zone}”的责任区", zone=zone))
    names = dict(session.execute(select(Inspector.id, Inspector.name)).all())
    wanted = None
    if inspector:
        wanted = frozenset(i for i, name in names.items() if name == inspector)
        if not wanted:
            raise refuse("inspector", _("没有名为“{inspector}”的督学", inspector=inspector))
    first, last = month_span(year, month)
    visits = []
    for row in visit_rows_in_session(session, first, last):
        going = {row.inspector_id, *row.companion_ids}
        if row.status not in ACTIVE_STATUSES or (zone and row.zone != zone):
            continue
        if wanted is not None and not going & wanted:
            continue
        visits.append(
            _Visit(
                row=row,
                zone=row.zone or UNZONED,
                zone_order=zone_order.get(row.zone, len(zone_order)),
                companions=tuple(sorted((i, names[i]) for i in row.companion_ids)),
            )
        )
    visits.sort(
        key=lambda v: (
            v.row.day,
            v.zone_order,
            pinyin_order(v.row.inspector),
            pinyin_order(v.row.school),
        )
    )
    responsible = responsible_inspectors(session, min(max(today, first), last))
    schools = []
    for school in session.execute(
        select(School.id, School.name, Zone.name.label("zone"))
        .outerjoin(Zone, Zone.id == School.zone_id)
        .where(School.active)
    ):
        holder = responsible.get(school.id)
        if (zone and school.zone != zone) or (wanted is not None and holder not in wanted):
            continue
        schools.append(
            _School(school.id, school.name, school.zone or UNZONED,
                    zone_order.get(school.zone, len(zone_order)),
                    names.get(holder, "") if holder is not None else "")
        )  # fmt: skip
    schools.sort(key=lambda s: (s.zone_order, pinyin_order(s.name), s.id))
    work = WorkCalendar.from_session(session)
    return _Month(year, month, visits, work, wanted, schools)


def _without_visits(db: Database, month: _Month, today: date) -> list[tuple[_School, str]]:
    """The schools of the print without a visit on the calendar this month, with the reason."""
    visited = {v.row.school_id for v in month.visits}
    without = [s for s in month.schools if s.id not in visited]
    if not without:
        return []
    last = month_span(month.year, month.month)[1]
    reasons: dict[int, str] = {}
    fallback = PAST_MONTH
    if last >= today:
        plan = generate_month(db, month.year, month.month, today, save=False)
        reasons = {u.school_id: u.reason for u in plan.unplaced}
        fallback = SCHOOL_BREAK if plan.school_break else NOT_YET_PLANNED
    return [(s, reasons.get(s.id) or (fallback if s.inspector else NO_INSPECTOR)) for s in without]


# --- the calendar grids -----------------------------------------------------------------------


def _used_height(report: Report) -> float:
    """The height the story so far takes on the first page."""
    used = 0.0
    for flowable in report.story:
        used += flowable.wrap(report.width, report.height)[1]
        used += flowable.getSpaceBefore() + flowable.getSpaceAfter()
    return used


def _grids(report: Report, month: _Month) -> None:
    """The month's grid on the rest of the first page, with the visits its cells cannot list
    right under it; when those would be more than :data:`MAX_CONTINUED`, that
    grid shows the days' numbers of visits only and every zone gets a page of its own grid."""
    entries = [v.entry for v in month.visits]
    whole = MonthGrid(report, month.year, month.month, entries, month.work)
    room = max(report.height - _used_height(report), report.height * MIN_GRID_SHARE)
    zones = list(dict.fromkeys(v.zone for v in sorted(month.visits, key=lambda v: v.zone_order)))
    if whole.left_out_at(room) <= MAX_CONTINUED or len(zones) < 2:
        report.story += [whole.flowable(report.height * MIN_GRID_SHARE), Continuation(whole)]
        return
    overview = whole.with_entries(entries, counts_only=True)
    report.story.append(overview.flowable(report.height * MIN_GRID_SHARE))
    for zone in zones:
        inside = [v for v in month.visits if v.zone == zone]
        schools = sum(1 for s in month.schools if s.zone == zone)
        grid = whole.with_entries([v.entry for v in inside])
        report.story.append(PageBreak())
        report.heading(f"{zone}：学校（园）{schools} 所，本月督导 {len(inside)} 次")
        report.story += [grid.flowable(report.height * MIN_GRID_SHARE), Continuation(grid)]


def _without_list(report: Report, without: list[tuple[_School, str]]) -> None:
    report.story.append(CondPageBreak(LIST_START_ROOM))
    if not without:
        report.heading("本月没有督导的学校（园）：无")
        return
    report.heading(f"本月没有督导的学校（园）：{len(without)} 所")
    rows = [
        [str(n), school.name, school.zone, school.inspector or "—", reason]
        for n, (school, reason) in enumerate(without, start=1)
    ]
    report.table(WITHOUT_HEADERS, rows, WITHOUT_WEIGHTS, "CLLLL")


# --- the inspectors' lists --------------------------------------------------------------------


def _lists(report: Report, month: _Month) -> None:
    """A table of visits for every inspector (their own visits and those they go on as a
    companion), captioned with their name, zones and number of visits."""
    rows: dict[int, list[_Visit]] = defaultdict(list)
    names: dict[int, str] = {}
    for visit in month.visits:
        rows[visit.row.inspector_id].append(visit)
        names[visit.row.inspector_id] = visit.row.inspector
        for companion_id, name in visit.companions:
            rows[companion_id].append(visit)
            names[companion_id] = name
    chosen = [i for i in rows if month.inspector_ids is None or i in month.inspector_ids]

    def order(inspector_id: int) -> tuple[int, str, int]:
        visits = rows[inspector_id]
        return min(v.zone_order for v in visits), names[inspector_id], inspector_id

    for inspector_id in sorted(chosen, key=order):
        visits = rows[inspector_id]
        zones = "、".join(dict.fromkeys(v.zone for v in visits))
        report.story.append(CondPageBreak(LIST_START_ROOM))
        report.table(
            HEADERS,
            [_list_row(v, inspector_id) for v in visits],
            WEIGHTS,
            ALIGN,
            caption=f"{names[inspector_id]}（{zones}）：本月督导 {len(visits)} 次",
        )


def _list_row(visit: _Visit, inspector_id: int) -> list[str]:
    if visit.row.inspector_id == inspector_id:
        together = "、".join(name for _id, name in visit.companions)
    else:
        together = f"随{visit.row.inspector}"
        others = [name for i, name in visit.companions if i != inspector_id]
        if others:
            together += "、" + "、".join(others)
    return [
        f"{visit.row.day.month}月{visit.row.day.day}日",
        WEEKDAYS[visit.row.day.weekday()],
        visit.row.school,
        VisitKind.label_of(visit.row.kind),
        VisitStatus.label_of(visit.row.status),
        visit.row.topic,
        together,
    ]


def write(db: Database, out: Path, options: ReportOptions) -> None:
    """Write the visit plan of ``options.month`` (default: this month) on ``options.paper``,
    filtered by ``options.zone`` and ``options.inspector`` (names)."""
    year, month_number = options.month_or_current()
    paper = options.checked_paper()
    zone, inspector = clean_text(options.zone), clean_text(options.inspector)
    with db.session() as session:
        head = letterhead_from_session(session)
        month = _read(session, year, month_number, zone, inspector, options.today)
    without = _without_visits(db, month, options.today)
    first, last = month_span(year, month_number)
    report = Report(
        PageFrame(
            head.office,
            f"{year}年{month_number}月{TITLE}",
            f"{cn_date(first)}至{cn_date(last)}",
            options.today,
            landscape=True,
            paper=paper,
            marking=MARKING,
        )
    )
    scope = "；".join(
        part
        for part in (f"责任区：{zone}" if zone else "", f"督学：{inspector}" if inspector else "")
        if part
    )
    schools = len({v.row.school for v in month.visits})
    people = len({v.row.inspector_id for v in month.visits})
    done = sum(1 for v in month.visits if v.row.status == VisitStatus.DONE)
    unvisited = (
        f"本月没有督导的学校（园）{len(without)} 所，名单见日历后。"
        if without
        else "没有本月缺少督导的学校（园）。"
    )
    figures = (
        f"本月安排督导 {len(month.visits)} 次（已完成 {done} 次），涉及学校（园）{schools} 所、"
        f"责任督学 {people} 名；"
        if month.visits
        else "本月没有安排督导；"
    ) + unvisited
    report.title_block(
        (f"{scope}。" if scope else "")
        + figures
        + "灰底为休息日，“休”为工作日放假，“班”为调休上班。"
        "本表为内部工作安排，按“四不两直”要求不发学校。",
        "计划时间",
    )
    notice = certainty_notice(year, month.work.certainty(year))
    if notice:
        # The same line as the calendar page and the generator's question give.
        report.paragraph(f"注意：{notice}。", "caption")
    _grids(report, month)
    _without_list(report, without)
    _lists(report, month)
    report.write(out)
