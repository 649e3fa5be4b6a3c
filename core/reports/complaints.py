"""投诉受理登记表: the complaint register of a year (``--year``, default this year) on A4
landscape — each complaint with 受理日期, channel, complainant, school, content, 核实情况, 办理结果,
办理期限 and 答复日期, marked when answered late or still unanswered after its 办理期限 — and the
counts under it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from core.casework.complaints import ComplaintRow, complaint_rows
from core.reports.document import PageFrame, Report, iso
from core.reports.options import ReportOptions, letterhead

if TYPE_CHECKING:
    from db.engine import Database

TITLE = "投诉受理登记表"
HEADERS = ("受理日期", "渠道", "投诉人", "学校（园）", "反映内容", "核实情况", "办理结果",
           "办理期限", "答复日期", "办理情况")  # fmt: skip
WEIGHTS = (1.1, 0.8, 0.9, 1.6, 3, 3, 2.6, 1.1, 1.1, 1.2)


def write(db: Database, out: Path, options: ReportOptions) -> None:
    """Write the register of the complaints received in the year asked for."""
    year = options.year_or_current()
    head = letterhead(db)
    rows = [c for c in complaint_rows(db) if c.received_on.year == year]
    rows.sort(key=lambda c: (c.received_on, c.id))
    today = options.today
    report = Report(PageFrame(head.office, TITLE, f"{year}年", today, landscape=True))
    late = sum(c.replied_late for c in rows)
    open_late = sum(c.overdue_on(today) for c in rows)
    replied = sum(c.replied_on is not None for c in rows)
    report.title_block(
        f"{year}年共受理投诉 {len(rows)} 件，已答复 {replied} 件"
        f"（其中超过办理期限答复 {late} 件），超过办理期限尚未答复 {open_late} 件。",
        "受理年度",
    )

    def state(c: ComplaintRow) -> str:
        if c.overdue_on(today):
            return "逾期未答复"
        return "逾期答复" if c.replied_late else c.state.label

    table = [
        [iso(c.received_on), c.channel_label, c.from_label, c.school, c.content,
         c.verification, c.result, iso(c.reply_due), iso(c.replied_on), state(c)]
        for c in rows
    ]  # fmt: skip
    report.table(HEADERS, table, WEIGHTS, "CCCLLLLCCC")
    report.signature_block(head.settings, today)
    report.write(out)
