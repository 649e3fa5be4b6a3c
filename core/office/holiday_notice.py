"""Next year's holidays from the State Council's notice, as the clerk pastes it.

《国务院办公厅关于2027年部分节假日安排的通知》 lists one numbered section per festival::

    一、元旦：1月1日（周五）至3日（周日）放假，共3天。
    二、春节：2月6日（农历除夕、周六）至14日（农历正月初八、周日）放假调休，共9天。
    2月20日（周六）上班。

:func:`parse_notice` reads every "X月X日至X日放假…" range (the end may name its own month; a
single "X月X日放假" is one day) and every date of a sentence ending in "上班" (the swapped
working days, 调休). Full-width digits and brackets are read like ASCII ones. A weekday written
in brackets must match the date and a "共N天" the range's length, so a notice pasted for the
wrong year or cut in the middle is caught; every section that cannot be read is listed with its
text. :func:`import_notice` saves the parse in one unit of work — every day, and the year marked
complete — or, when anything could not be read, nothing at all.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from core.changes import Change, mutates
from core.enums import DayKind
from core.errors import refusal
from core.i18n import LabelTable, _, joined
from core.office.workdays import (
    COMPLETE,
    COMPLETE_PREFIX,
    PROVISIONAL,
    WorkCalendar,
    mark_complete_in,
    package_knows,
    provisional_holidays,
)
from db.models import CalendarDay, Setting

if TYPE_CHECKING:
    from db.engine import Database

WEEKDAY_NAMES = "一二三四五六日"
_TITLE_YEAR = re.compile(r"关于\s*(\d{4})\s*年")
_SECTION = re.compile(r"(?:^|(?<=[。\s;；]))([一二三四五六七八九十]+)、([^：:\n]{1,20})[：:]")
_DATE = re.compile(r"(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日(?:\(([^)]*)\))?")
_DAYS = re.compile(r"共\s*(\d+)\s*天")
_WEEKDAY = re.compile(r"(?:周|星期)([一二三四五六日天])")


@dataclass(frozen=True)
class Festival:
    """One section of the notice: the festival, its days off and its swapped working days."""

    name: str
    holidays: tuple[date, ...]
    workdays: tuple[date, ...]


@dataclass(frozen=True)
class NoticeParse:
    """What the notice says for ``year``, and the sections that could not be read."""

    year: int
    festivals: list[Festival] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def holidays(self) -> list[date]:
        """Every day off of the notice, in date order."""
        return sorted({d for f in self.festivals for d in f.holidays})

    @property
    def workdays(self) -> list[date]:
        """Every swapped working day (调休上班), in date order."""
        return sorted({d for f in self.festivals for d in f.workdays})

    def as_json(self) -> dict[str, Any]:
        """The form of ``holidays import --json``."""
        return {
            "year": self.year,
            "festivals": [
                {
                    "name": f.name,
                    "holidays": [d.isoformat() for d in f.holidays],
                    "workdays": [d.isoformat() for d in f.workdays],
                }
                for f in self.festivals
            ],
            "problems": self.problems,
        }


class _Unreadable(ValueError):
    """A sentence of a section that does not say what it should."""


def notice_year(text: str) -> int | None:
    """The year named in the notice's title ("关于2027年部分节假日安排"), if any."""
    match = _TITLE_YEAR.search(unicodedata.normalize("NFKC", text))
    return int(match.group(1)) if match else None


def _dates(sentence: str, year: int) -> list[tuple[date, str]]:
    """Every date written in ``sentence`` with its bracketed note; a date without a month takes
    the month of the one before it."""
    found: list[tuple[date, str]] = []
    month: int | None = None
    for match in _DATE.finditer(sentence):
        y, m, d, note = match.groups()
        month = int(m) if m else month
        if month is None:
            raise _Unreadable(_("“{date}”没有写月份", date=match.group(0)))
        try:
            day = date(int(y) if y else year, month, int(d))
        except ValueError:
            raise _Unreadable(_("“{date}”不是有效的日期", date=match.group(0))) from None
        weekday = _WEEKDAY.search(note or "")
        if weekday:
            expected = WEEKDAY_NAMES[day.weekday()]
            written = "日" if weekday.group(1) == "天" else weekday.group(1)
            if written != expected:
                raise _Unreadable(
                    _(
                        "{month}月{day}日在{year}年是周{expected}，通知中写的是周{written}"
                        "（年份是否正确？）",
                        month=day.month,
                        day=day.day,
                        year=year,
                        expected=expected,
                        written=written,
                    )
                )
        found.append((day, note or ""))
    return found


def _festival(name: str, body: str, year: int) -> Festival:
    holidays: list[date] = []
    workdays: list[date] = []
    for sentence in re.split(r"[。;；\n]", body):
        if "放假" in sentence:
            before = sentence.split("放假")[0]
            days = [d for d, _note in _dates(before, year)]
            if not days:
                raise _Unreadable(_("没有找到放假日期"))
            if "至" in before and len(days) == 2:
                first, last = days
                if last < first:
                    raise _Unreadable(_("放假的结束日期早于开始日期"))
                days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
            total = _DAYS.search(sentence)
            if total and int(total.group(1)) != len(days):
                raise _Unreadable(
                    _(
                        "写的是共{written}天，日期算出来是{counted}天",
                        written=total.group(1),
                        counted=len(days),
                    )
                )
            holidays += days
        elif "上班" in sentence:
            days = [d for d, _note in _dates(sentence, year)]
            if not days:
                raise _Unreadable(_("没有找到调休上班的日期"))
            workdays += days
    if not holidays:
        raise _Unreadable(_("没有找到放假日期"))
    return Festival(name, tuple(holidays), tuple(workdays))


def parse_notice(text: str, year: int | None = None) -> NoticeParse:
    """Read the notice's sections; ``year`` defaults to the year in its title.

    Raises :class:`ValidationError` when no year is given or named, or no section is found.
    """
    text = unicodedata.normalize("NFKC", text)
    year = year or notice_year(text)
    if year is None:
        message = _("通知中没有找到年份（如“关于2027年部分节假日安排的通知”），请指定年份")
        raise refusal("year", _("年份"), message)
    marks = list(_SECTION.finditer(text))
    if not marks:
        message = _("没有找到“一、元旦：1月1日放假……”这样的节假日安排")
        raise refusal("notice", _("节假日安排通知"), message)
    parse = NoticeParse(year)
    for mark, following in zip(marks, [*marks[1:], None], strict=True):
        name = mark.group(2).strip()
        body = text[mark.end() : following.start() if following else len(text)]
        try:
            parse.festivals.append(_festival(name, body, year))
        except _Unreadable as exc:
            line = " ".join((mark.group(0) + body).split())
            problem = _(
                "{number}、{name}：{problem}——“{line}”",
                number=mark.group(1),
                name=name,
                problem=exc.args[0],
                line=line[:80],
            )
            parse.problems.append(problem)
    return parse


@mutates(Change.CALENDAR)
def import_notice(
    db: Database, text: str, year: int | None = None, *, save: bool = True
) -> NoticeParse:
    """Parse the notice and (unless ``save`` is false) store its days for the year and mark the
    year complete, in one unit of work. A notice with any section that cannot be read is
    refused and nothing is saved (the refusal lists those sections)."""
    parse = parse_notice(text, year)
    if parse.problems:
        message = _("以下内容无法识别，没有保存：{problems}", problems=joined(parse.problems))
        raise refusal("notice", _("节假日安排通知"), message)
    if not save:
        return parse
    entries: dict[date, tuple[str, str]] = {}
    for festival in parse.festivals:
        for day in festival.holidays:
            entries[day] = (DayKind.HOLIDAY.value, festival.name)
        for day in festival.workdays:
            entries[day] = (DayKind.WORKDAY.value, f"{festival.name}调休上班")
    with db.session() as session:
        existing = {
            row.day: row
            for row in session.scalars(
                select(CalendarDay).where(CalendarDay.day.in_(list(entries)))
            )
        }
        for day, (kind, note) in sorted(entries.items()):
            row = existing.get(day)
            if row is None:
                session.add(CalendarDay(day=day, kind=kind, note=note))
            else:
                row.kind, row.note = kind, note
        mark_complete_in(session, parse.year, "notice")
    return parse


@dataclass(frozen=True)
class YearHolidays:
    """What is known of a year's holidays and how surely: ``status`` complete / provisional /
    missing, ``source`` where it comes from (chinese-calendar, the notice, the clerk, the
    ``holidays`` package, the clerk's days, nothing), the days off that are not ordinary
    weekends or lie inside a festival, and the weekend days that are worked."""

    year: int
    status: str
    source: str
    holidays: list[date]
    workdays: list[date]

    def as_json(self) -> dict[str, Any]:
        """The form of ``holidays list --json``."""
        return {
            "year": self.year,
            "status": self.status,
            "source": self.source,
            "holidays": [d.isoformat() for d in self.holidays],
            "workdays": [d.isoformat() for d in self.workdays],
        }


SOURCE_LABELS = LabelTable(
    lambda: {
        "package": _("chinese-calendar 软件包（国务院公布的安排）"),
        "notice": _("导入的国务院办公厅通知"),
        "clerk": _("工作人员录入并确认完整"),
        "provisional": _("holidays 软件包（暂定：只有法定节日，没有调休上班日）"),
        "entries": _("工作人员录入的部分日期（未确认完整）"),
        "unknown": _("没有任何来源，按周一至周五上班计算"),
    }
)


def year_holidays(db: Database, year: int) -> YearHolidays:
    """The year's days off and worked weekend days, with how sure they are."""
    with db.session() as session:
        work = WorkCalendar.from_session(session)
        marked = session.get(Setting, f"{COMPLETE_PREFIX}{year}")
        source_of_mark = json.loads(marked.value)["source"] if marked else None
    status = work.certainty(year)
    provisional = provisional_holidays(year) or frozenset()
    if package_knows(year):
        source = "package"
    elif status == COMPLETE:
        source = source_of_mark or "clerk"
    elif any(d.year == year for d in work.edits):
        source = "entries"
    else:
        source = "provisional" if status == PROVISIONAL else "unknown"
    days = [date(year, 1, 1) + timedelta(days=n) for n in range(366)]
    days = [d for d in days if d.year == year]
    holidays = [
        d
        for d in days
        if not work.is_workday(d) and (d.weekday() < 5 or _named(work, d, provisional))
    ]
    workdays = [d for d in days if d.weekday() >= 5 and work.is_workday(d)]
    return YearHolidays(year, status, source, holidays, workdays)


def _named(work: WorkCalendar, day: date, provisional: frozenset[date]) -> bool:
    """Whether a weekend day off is part of a festival, not an ordinary weekend."""
    if work.edits.get(day) == DayKind.HOLIDAY:
        return True
    if package_knows(day.year):
        import chinese_calendar

        return chinese_calendar.get_holiday_detail(day)[1] is not None
    return day.year not in work.complete_years and day in provisional
