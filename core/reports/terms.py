"""任期届满提醒: inspectors whose term ends within the warning window (and who have no next term
yet), and inspectors serving the last consecutive term the policy allows, from
:func:`core.overview.compliance` with the details of
:func:`core.roster.inspectors.inspector_rows`."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from core.enums import Employment
from core.overview import compliance
from core.reports.document import PageFrame, Report, cn_date, iso
from core.reports.options import ReportOptions, letterhead
from core.roster.inspectors import InspectorRow, inspector_rows

if TYPE_CHECKING:
    from db.engine import Database

TITLE = "督学任期届满提醒"
EXPIRING_HEADERS = ["序号", "姓名", "专/兼职", "工作单位", "本届开始", "届满日期", "剩余天数",
                    "已任届数", "负责学校", "续聘"]  # fmt: skip


def _term(row: InspectorRow) -> str:
    return f"{iso(row.term_start)} 至 {iso(row.term_end)}"


def write(db: Database, out: Path, options: ReportOptions) -> None:
    """Write the term reminders as on ``options.today``."""
    today = options.today
    head = letterhead(db)
    c = compliance(db, today)
    p = c.policy
    rows_by_name = {row.name: row for row in inspector_rows(db, today) if row.serving}
    window_end = today + timedelta(days=p.term_warning_days)
    period = f"{cn_date(today)}至{cn_date(window_end)}"
    report = Report(PageFrame(head.office, TITLE, period, today, landscape=False))
    report.title_block(
        f"在任督学 {c.inspectors} 名；{p.term_warning_days} 天内任期届满的 "
        f"{len(c.terms_expiring)} 名；已连续任职 {p.max_consecutive_terms} 届、"
        f"本届期满不能再续聘的 {len(c.term_limit_reached)} 名。"
    )

    report.heading(f"一、{p.term_warning_days} 天内任期届满的督学")
    expiring = []
    for number, ending in enumerate(c.terms_expiring, start=1):
        row = rows_by_name.get(ending.name)
        at_limit = ending.name in c.term_limit_reached
        expiring.append(
            [
                str(number),
                ending.name,
                Employment.label_of(row.employment) if row else "",
                row.unit if row else "",
                iso(row.term_start) if row else "—",
                iso(ending.end_date),
                str((ending.end_date - today).days),
                str(row.consecutive_terms) if row else "—",
                str(row.schools) if row else "—",
                "已达最多连续任期，不能续聘" if at_limit else "考核称职以上可续聘",
            ]
        )
    if expiring:
        report.table(
            EXPIRING_HEADERS,
            expiring,
            [5, 9, 8, 17, 11, 11, 9, 9, 9, 16],
            "CCCLCCCCCL",
        )
        report.paragraph(
            "请在任期届满前组织任期考核；届满后未续聘的督学，其负责的学校需另行挂牌。", "cell"
        )
    else:
        report.paragraph("无。")

    report.heading(f"二、已连续任职 {p.max_consecutive_terms} 届的督学")
    limit = []
    for number, name in enumerate(c.term_limit_reached, start=1):
        row = rows_by_name.get(name)
        limit.append(
            [
                str(number),
                name,
                row.unit if row else "",
                _term(row) if row else "—",
                str(row.consecutive_terms) if row else "—",
                str((row.term_end - today).days) if row and row.term_end else "—",
                str(row.schools) if row else "—",
            ]
        )
    if limit:
        report.table(
            ["序号", "姓名", "工作单位", "本届任期", "连任届数", "距届满天数", "负责学校"],
            limit,
            [5, 11, 22, 26, 9, 11, 9],
            "CCLCCCC",
        )
        report.paragraph(
            f"以上督学本届任期届满后不能再续聘（最多连续任职 {p.max_consecutive_terms} 届），"
            "请提前做好人员接替和学校挂牌的调整。",
            "cell",
        )
    else:
        report.paragraph("无。")
    report.signature_block(head.settings, today)
    report.write(out)
