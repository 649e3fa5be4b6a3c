"""督导工作安排表: the month's visit plan on landscape A4 — a calendar grid (Monday to Sunday,
each day listing its visits as "学校（督学）", days off shaded) followed by every inspector's own
list (date, weekday, school, kind, status, topic, companions).

Only visits on the calendar are printed (计划, 已确认, 已完成; not cancelled or postponed ones).
``--zone`` keeps the visits to that zone's schools, ``--inspector`` the visits that inspector
makes or goes on as a companion. Visits are unannounced (四不两直), so every page is marked
internal: the plan is not to be sent to schools.

The grid fills the rest of the first page; a day with more visits than its cell holds shows the
first ones and "…等 N 项" (N: the day's total) — the lists after the grid have every visit. Days
off follow the office's working-day calendar (:class:`core.office.workdays.WorkCalendar`): a day off
on a weekday is marked 休, a swapped working day (调休) on a weekend 班.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Table
from sqlalchemy import select

from core.calendar.visits import VisitRow, month_span, visit_rows_in_session
from core.enums import ACTIVE_STATUSES, VisitKind, VisitStatus
from core.office.workdays import WEEKDAYS, WorkCalendar
from core.parsing import clean_text
from core.reports.document import HEADER_FILL, PageFrame, Report, cn_date
from core.reports.options import ReportOptions, letterhead_from_session, refuse
from core.search.matching import pinyin_order
from db.models import Inspector, Zone

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from db.engine import Database

TITLE = "督导工作安排表"
MARKING = "内部资料　不发学校"
OFF_FILL = colors.Color(0.86, 0.86, 0.86)
HEADERS = ["日期", "星期", "学校（园）", "督导类型", "状态", "专项主题", "同行督学"]
WEIGHTS = [9, 6, 34, 11, 8, 16, 16]
ALIGN = "CCLCCLL"
UNZONED = "未划分责任区"
CELL_SIZE, CELL_LEADING = 6.5, 8.0
DAY_SIZE, DAY_LEADING = 8.0, 10.5
GRID_HEADER_HEIGHT = 16.0
LIST_START_ROOM = 25 * mm
"""An inspector's list starts on a new page when less than this is left."""
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
    def grid_label(self) -> tuple[str, str]:
        """The school and "（督学）" of a line in the grid."""
        return self.row.school, f"（{self.row.inspector}）"


@dataclass(frozen=True)
class _Month:
    year: int
    month: int
    visits: list[_Visit]
    work: WorkCalendar
    inspector_ids: frozenset[int] | None


def _read(session: Session, year: int, month: int, zone: str, inspector: str) -> _Month:
    """The month's visits on the calendar (filtered), with zones and companions."""
    zone_order = {
        name: index
        for index, name in enumerate(
            session.scalars(select(Zone.name).order_by(Zone.sort_order, Zone.name))
        )
    }
    if zone and zone not in zone_order:
        raise refuse("zone", f"没有名为“{zone}”的责任区")
    names = dict(session.execute(select(Inspector.id, Inspector.name)).all())
    wanted = None
    if inspector:
        wanted = frozenset(i for i, name in names.items() if name == inspector)
        if not wanted:
            raise refuse("inspector", f"没有名为“{inspector}”的督学")
    visits = []
    for row in visit_rows_in_session(session, *month_span(year, month)):
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
    return _Month(year, month, visits, WorkCalendar.from_session(session), wanted)


# --- the calendar grid ----------------------------------------------------------------------


class _FillRest(Flowable):
    """A table built for the height left on the page (at least ``min_height``): it fills the
    rest of the page instead of guessing how tall the heading above it came out."""

    def __init__(self, build: Callable[[float], Table], min_height: float) -> None:
        super().__init__()
        self.build, self.min_height = build, min_height
        self.table: Table | None = None

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.table = self.build(max(available_height, self.min_height))
        self.width, self.height = self.table.wrap(available_width, available_height)
        return self.width, self.height

    def draw(self) -> None:
        assert self.table is not None
        self.table.drawOn(self.canv, 0, 0)


def _day_heading(report: Report, day: date, work: WorkCalendar) -> str:
    mark = ""
    if work.is_workday(day) and day.weekday() >= 5:
        mark = " 班"
    elif not work.is_workday(day) and day.weekday() < 5:
        mark = " 休"
    return f'<font face="{report.fonts.title}" size="{DAY_SIZE}">{day.day}{mark}</font>'


def _cell_markup(
    report: Report, day: date, visits: list[_Visit], work: WorkCalendar, room: float, lines: int
) -> str:
    """One day's cell: its number, then a line per visit — or the first ones and "…等 N 项"."""
    shown = visits if len(visits) <= lines else visits[: max(lines - 1, 0)]
    parts = [_day_heading(report, day, work)]
    for visit in shown:
        school, inspector = visit.grid_label
        left = room - report.text_width(inspector, CELL_SIZE)
        parts.append(report.fragment(report.shorten(school, left, CELL_SIZE) + inspector))
    if len(shown) < len(visits):
        parts.append(report.fragment(f"…等 {len(visits)} 项"))
    return "<br/>".join(parts)


def _grid(report: Report, month: _Month) -> _FillRest:
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(month.year, month.month)
    by_day: dict[date, list[_Visit]] = defaultdict(list)
    for visit in month.visits:
        by_day[visit.row.day].append(visit)
    width = report.width / 7
    pad = 2.0
    style = report.add_style("calendar_cell", report.fonts.body, CELL_SIZE,
                             line_spacing=CELL_LEADING / CELL_SIZE)  # fmt: skip

    def build(height: float) -> Table:
        row_height = (height - GRID_HEADER_HEIGHT - 1) / len(weeks)
        lines = int((row_height - 2 * pad - DAY_LEADING) // CELL_LEADING)
        data: list[list[Any]] = [[report.para(f"星期{w}", "header") for w in WEEKDAYS]]
        commands: list[tuple[Any, ...]] = [
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
            ("VALIGN", (0, 1), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 1), (-1, -1), pad),
            ("BOTTOMPADDING", (0, 1), (-1, -1), pad),
            ("LEFTPADDING", (0, 1), (-1, -1), pad),
            ("RIGHTPADDING", (0, 1), (-1, -1), pad),
        ]
        for r, week in enumerate(weeks, start=1):
            row: list[Any] = []
            for c, day in enumerate(week):
                if day.month != month.month:
                    row.append("")
                    continue
                if not month.work.is_workday(day):
                    commands.append(("BACKGROUND", (c, r), (c, r), OFF_FILL))
                markup = _cell_markup(report, day, by_day[day], month.work, width - 2 * pad, lines)
                row.append(Paragraph(markup, style))
            data.append(row)
        return report.ruled(
            data,
            [width] * 7,
            commands,
            row_heights=[GRID_HEADER_HEIGHT] + [row_height] * len(weeks),
        )

    return _FillRest(build, report.height * MIN_GRID_SHARE)


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
    """Write the visit plan of ``options.month`` (default: this month), filtered by
    ``options.zone`` and ``options.inspector`` (names)."""
    year, month_number = options.month_or_current()
    zone, inspector = clean_text(options.zone), clean_text(options.inspector)
    with db.session() as session:
        head = letterhead_from_session(session)
        month = _read(session, year, month_number, zone, inspector)
    first, last = month_span(year, month_number)
    report = Report(
        PageFrame(
            head.office,
            f"{year}年{month_number}月{TITLE}",
            f"{cn_date(first)}至{cn_date(last)}",
            options.today,
            landscape=True,
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
    figures = (
        f"本月安排督导 {len(month.visits)} 次（已完成 {done} 次），涉及学校（园）{schools} 所、"
        f"责任督学 {people} 名。"
        if month.visits
        else "本月没有安排督导。"
    )
    report.title_block(
        (f"{scope}。" if scope else "")
        + figures
        + "灰底为休息日，“休”为工作日放假，“班”为调休上班。"
        "本表为内部工作安排，按“四不两直”要求不发学校。",
        "计划时间",
    )
    report.story.append(_grid(report, month))
    _lists(report, month)
    report.write(out)
