"""通报: the periodic bulletin of supervision results and rectification, an official document
(:mod:`core.reports.official`) to every school: the problems found in the month (``--month``) or
the year (``--year``), how many are rectified, on time, overdue; the 督办, 约谈, 问责 and reports
up of the period; a table per zone; the schools with overdue problems by name. Its figures are
those of :mod:`core.casework.bulletin` — the 整改 page's rows on the day of issue.
"""

from __future__ import annotations

import calendar
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from core.casework.bulletin import Bulletin, Tally, bulletin_in, tier_text
from core.enums import ActionKind
from core.reports.document import cn_date
from core.reports.official import OfficialDocument
from core.reports.options import ReportOptions, letterhead_from_session

if TYPE_CHECKING:
    from db.engine import Database

HEADERS = ("责任区", "发现问题", "已整改", "其中按期", "逾期未整改", "督办", "约谈")


def period(options: ReportOptions) -> tuple[date, date, str]:
    """The period asked for: a month (``--month``), else a year (``--year``), else this month."""
    if options.month is None and options.year is not None:
        year = options.year_or_current()
        return date(year, 1, 1), date(year, 12, 31), f"{year}年"
    year, month = options.month_or_current()
    last = calendar.monthrange(year, month)[1]
    return date(year, month, 1), date(year, month, last), f"{year}年{month}月"


def _row(name: str, t: Tally) -> list[str]:
    figures = (t.found, t.fixed, t.on_time, t.overdue, t.supervisions, t.interviews)
    return [name, *(str(n) for n in figures)]


def _summary(b: Bulletin, label: str) -> str:
    t = b.total
    if not t.found:
        return f"{label}督导检查未发现需要整改的问题。"
    tiers = tier_text(b.tiers)
    steps = "、".join(
        f"{kind.label}{b.steps[kind.value]}次" for kind in ActionKind if b.steps[kind.value]
    )
    taken = f"本期共{steps}。" if steps else ""
    return (
        f"{label}督导检查共发现问题{t.found}个（{tiers}），已整改{t.fixed}个，"
        f"其中按期整改{t.on_time}个；逾期未整改{t.overdue}个。{taken}"
    )


def write(db: Database, out: Path, options: ReportOptions) -> None:
    """Write the 通报 of the month or year asked for, as of ``options.today``."""
    start, end, label = period(options)
    with db.session() as session:
        head = letterhead_from_session(session)
        bulletin = bulletin_in(session, start, end, options.today)
    issuer = head.settings.signature or head.office
    title = f"关于{label}督导检查及整改情况的通报"
    doc = OfficialDocument(head.office, title, options.today)
    doc.masthead("")
    doc.title(title)
    doc.addressee("各学校（园）")
    doc.body(f"现将{label}（{cn_date(start)}至{cn_date(end)}）督导检查发现问题及整改情况通报如下：")
    doc.body("一、总体情况")
    doc.body(_summary(bulletin, label))
    if bulletin.zones:
        rows = [_row(zone, tally) for zone, tally in bulletin.zones.items()]
        rows.append(_row("合计", bulletin.total))
        weights = [2.6, 1.45, 1.3, 1.45, 1.75, 1, 1]
        doc.table_under("二、各责任区情况", HEADERS, rows, weights, "LRRRRRR")
    doc.body("三、逾期未整改的问题")
    if bulletin.overdue:
        for n, row in enumerate(bulletin.overdue, start=1):
            deadline = cn_date(row.deadline) if row.deadline else ""
            doc.body(f"{n}．{row.school}：{row.description.rstrip('。')}（整改期限{deadline}）。")
    else:
        doc.body("本期发现的问题均未逾期。")
    doc.body("四、工作要求")
    doc.body(
        "各学校（园）要对照本通报举一反三，逾期未整改的学校（园）须于收到本通报后5个工作日内"
        "整改到位并书面报告整改情况。对整改不力的，将依照有关规定予以督办、约谈，直至启动问责。"
    )
    doc.closing(("特此通报。",), issuer)
    doc.colophon("", issuer)
    doc.write(out)
