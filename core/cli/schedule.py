"""``schedule --month YYYY-MM [--json]`` on the command line: generate and save a month's plan.

Kept apart from :mod:`core.cli.commands` so the command can be wired in with two calls:
:func:`add_schedule_parser` on the sub-command parsers and :func:`cmd_schedule` in the command
table. The readable output lists the plan day by day; ``--json`` prints
``{"holiday_data": "complete"|"provisional"|"missing", "school_break": …, "visits": [...],
"unplaced": [...], "zones_short": [...]}`` on stdout only, and the notice about a year whose
holidays are not complete then goes to stderr, so the JSON stays parseable.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from datetime import date
from itertools import groupby
from typing import TYPE_CHECKING, Any, TextIO

from core.cli import arguments
from core.cli.check_text import zone_short_line
from core.cli.database import open_checked
from core.enums import VisitKind, VisitStatus
from core.i18n import _, joined, n_

if TYPE_CHECKING:
    from core.calendar.month_plan import MonthPlan, PlannedVisit


def add_schedule_parser(commands: Any) -> argparse.ArgumentParser:
    """Add ``schedule`` to an ``add_subparsers()`` object; returns its parser."""
    schedule = commands.add_parser(
        "schedule",
        help="生成并保存某月的督导工作安排（经常性督导；只替换此前自动生成、未确认的计划）",
        epilog=arguments.examples(
            "supervision-desk schedule --month 2026-12",
            "supervision-desk schedule --month 2027-01 --date 2026-12-20",
            "supervision-desk schedule --month 2026-12 --json",
        ),
    )
    schedule.add_argument(
        "--month", required=True, type=arguments.month, metavar="YYYY-MM", help="要安排的月份"
    )
    schedule.add_argument(
        "--date",
        type=arguments.day,
        metavar="YYYY-MM-DD",
        help="以这一天为“今天”（默认今天）；此前的日子不再安排",
    )
    schedule.add_argument("--json", action="store_true", help="输出 JSON")
    return schedule


def plan_lines(plan: MonthPlan) -> list[str]:
    """The readable report of a generated month, in the chosen language."""
    title = _("{year}年{month}月督导工作安排", year=plan.year, month=plan.month)
    if plan.school_break:
        return [_("{title}：本月主要在寒暑假中，不安排经常性督导。", title=title)]
    replaced = n_("（替换原有未确认计划 {n} 次）", plan.replaced) if plan.replaced else ""
    lines: list[str] = [
        _(
            "{title}：{added}{replaced}，{total}{unsaved}",
            title=title,
            added=n_("新安排经常性督导 {n} 次", plan.added),
            replaced=replaced,
            total=n_("本月共 {n} 次督导。", len(plan.visits)),
            unsaved="" if plan.saved else _("（未保存）"),
        )
    ]
    lines += _day_lines(plan.visits)
    if plan.unplaced:
        lines.append(n_("未能安排（{n} 所）：", len(plan.unplaced)))
        lines += [f"  {u.school}：{u.reason}" for u in plan.unplaced]
    else:
        lines.append(_("所有学校均已安排。"))
    if plan.zones_short:
        lines.append(
            n_("到责任区督导天数不足（{n} 处，本月可安排的日子已满）：", len(plan.zones_short))
        )
        lines += ["  " + zone_short_line(z) for z in plan.zones_short]
    return lines


def _day_lines(visits: Iterable[PlannedVisit]) -> list[str]:
    lines: list[str] = []
    for day, on_day in groupby(visits, key=lambda v: v.day):
        lines.append(
            _(
                "{month}月{day}日（{weekday}）",
                month=day.month,
                day=day.day,
                weekday=_weekday(day.weekday()),
            )
        )
        for inspector, theirs in groupby(on_day, key=lambda v: v.inspector):
            listed = joined((_visit_text(v) for v in theirs), "、", ", ")
            lines.append("  " + _("{inspector}：{visits}", inspector=inspector, visits=listed))
    return lines


def _weekday(number: int) -> str:
    """The day of the week (0 Monday) as the plan writes it: 周一 … 周日."""
    names = (_("周一"), _("周二"), _("周三"), _("周四"), _("周五"), _("周六"), _("周日"))
    return names[number]


def _visit_text(visit: PlannedVisit) -> str:
    extra = []
    if visit.kind != VisitKind.ROUTINE:
        extra.append(VisitKind.label_of(visit.kind) + (f"·{visit.topic}" if visit.topic else ""))
    if visit.status != VisitStatus.PLANNED:
        extra.append(VisitStatus.label_of(visit.status))
    if not extra:
        return visit.school
    return _("{school}（{extra}）", school=visit.school, extra=joined(extra, "，", ", "))


def _notice(plan: MonthPlan) -> str:
    from core.office.workdays import certainty_notice

    return _("注意：{notice}。", notice=certainty_notice(plan.year, plan.holiday_data))


def cmd_schedule(args: argparse.Namespace, out: TextIO) -> int:
    """Generate and save the month's plan; print it (Chinese text or JSON)."""
    from core.calendar.month_plan import generate_month
    from db.migrate import ensure_schema

    db = open_checked(getattr(args, "db", None))
    try:
        ensure_schema(db)
        year, month = args.month
        plan = generate_month(db, year, month, args.date or date.today())
    finally:
        db.dispose()
    if args.json:
        json.dump(plan.as_json(), out, ensure_ascii=False, indent=2)
        out.write("\n")
        if not plan.known_year:
            sys.stderr.write(_notice(plan) + "\n")
        return 0
    lines = plan_lines(plan)
    if not plan.known_year:
        lines.insert(1, _notice(plan))
    out.write("\n".join(lines) + "\n")
    return 0
