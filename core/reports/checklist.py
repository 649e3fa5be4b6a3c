"""档案资料清单: one school's archive checklist in a campaign, on landscape A4.

``--school NAME`` (required) and ``--campaign NAME`` (default: the running campaign started last
that includes the school). The items come from :func:`core.archive.campaigns.checklist_rows` in
their groups and order: the item with what proves it, whether it is required (必备) or optional, its
status, the person responsible, the due date (逾期 when passed and not done), the box number and
location of the filed papers (盒号 / 存放位置), the retention period and the note. The heading
gives the campaign, the school and its progress as :mod:`core.archive.progress` counts it
(required items, not counting 不适用 ones, that are 已齐全 or 已归档).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer
from sqlalchemy import select

from core.archive.campaigns import ChecklistRow, checklist_rows
from core.archive.progress import school_progress
from core.enums import ItemStatus
from core.i18n import _
from core.parsing import clean_text
from core.reports.document import HEADER_FILL, PageFrame, Report, cn_date, iso
from core.reports.options import ReportOptions, chosen_campaign, letterhead_from_session, refuse
from db.models import School

if TYPE_CHECKING:
    from db.engine import Database

TITLE = "档案资料清单"
HEADERS = ["序号", "档案资料项目", "必备", "状态", "责任人", "完成期限", "盒号", "存放位置",
           "保存期限", "备注"]  # fmt: skip
WEIGHTS = [4.5, 30, 5, 7, 8, 9, 6, 11, 6.5, 13]
ALIGN = "CLCCLCCLCL"
NO_GROUP = "其他"
DONE = (ItemStatus.COMPLETE.value, ItemStatus.FILED.value)
EVIDENCE_SIZE = 7.5
BLANK = "\u00a0" * 16  # kept by the paragraph: room to sign by hand
SIGN_LINE = f"学校（园）负责人（签字）：{BLANK}档案管理员（签字）：{BLANK}核对日期：{BLANK}"


def _item_cell(report: Report, row: ChecklistRow) -> Any:
    """The item's title, and under it in smaller type what proves it."""
    markup = report.fragment(row.title)
    if row.evidence:
        evidence = report.fragment(f"佐证：{row.evidence}")
        markup += f'<br/><font size="{EVIDENCE_SIZE * report.frame.scale}">{evidence}</font>'
    return Paragraph(markup, report.styles["cell"])


def _due(row: ChecklistRow) -> str:
    if row.due_date is None:
        return "—"
    return f"{iso(row.due_date)}\n逾期" if row.overdue else iso(row.due_date)


def _note(row: ChecklistRow) -> str:
    attached = f"附件 {row.attachment_count} 个" if row.attachment_count else ""
    return "\n".join(part for part in (row.note, attached) if part)


def _fits_a_page(report: Report, widths: list[float], data: list[list[Any]]) -> bool:
    """Whether the caption and header rows, a group heading and its first item (``data``) fit
    on one page together."""
    spans = [("SPAN", (0, 0), (-1, 0)), ("SPAN", (0, 2), (-1, 2))]
    return report.ruled(data, widths, spans).wrap(report.width, report.height)[1] <= report.height


def _grid(report: Report, rows: list[ChecklistRow], caption: str) -> None:
    """The items under a caption and header row (both repeated on every page), each group
    opened by a row across all columns that never ends a page: it goes over with the group's
    first item (unless the two, under the caption and header, would not fit on one page)."""
    total = sum(WEIGHTS)
    widths = [report.width * w / total for w in WEIGHTS]
    styles = {"L": "cell", "C": "cell_center", "R": "cell_right"}
    data: list[list[Any]] = [
        [report.para(caption, "caption")] + [""] * (len(HEADERS) - 1),
        [report.para(h, "header") for h in HEADERS],
    ]
    commands: list[tuple[Any, ...]] = [
        ("SPAN", (0, 0), (-1, 0)),
        ("BACKGROUND", (0, 1), (-1, 1), HEADER_FILL),
    ]
    group: str | None = None
    for number, row in enumerate(rows, start=1):
        opens_group = row.group != group
        if opens_group:
            group = row.group
            line = len(data)
            data.append([report.para(group or NO_GROUP, "caption")] + [""] * (len(HEADERS) - 1))
            commands += [("SPAN", (0, line), (-1, line)), ("BACKGROUND", (0, line), (-1, line),
                                                           HEADER_FILL)]  # fmt: skip
        cells: list[Any] = [
            str(number),
            _item_cell(report, row),
            "必备" if row.required else "可选",
            row.status_label,
            row.responsible,
            _due(row),
            row.box_no,
            row.location,
            row.retention,
            _note(row),
        ]
        data.append(
            [
                cell if i == 1 else report.para(cell, styles[ALIGN[i]])
                for i, cell in enumerate(cells)
            ]
        )
        if opens_group and _fits_a_page(report, widths, data[:2] + data[-2:]):
            commands.append(("NOSPLIT", (0, len(data) - 2), (-1, len(data) - 1)))
    report.story.append(report.ruled(data, widths, commands, header_rows=2))


def write(db: Database, out: Path, options: ReportOptions) -> None:
    """Write ``options.school``'s checklist in ``options.campaign`` (default: the running
    campaign started last that includes the school)."""
    today = options.today
    name = clean_text(options.school)
    if not name:
        raise refuse("school", _("档案资料清单按学校（园）打印，请指定学校（园）"))
    with db.session() as session:
        head = letterhead_from_session(session)
        school = session.scalar(select(School).where(School.name == name))
        if school is None:
            raise refuse("school", _("没有名为“{name}”的学校（园）", name=name))
        campaign = chosen_campaign(session, options.campaign, school)
        campaign_id, campaign_name, school_id = campaign.id, campaign.name, school.id
    rows = checklist_rows(db, campaign_id, today, school_id)
    required, done, overdue = school_progress(
        ((r.required, r.status, r.due_date) for r in rows), today
    )
    share = done / required if required else 1.0
    report = Report(PageFrame(head.office, TITLE, f"截至{cn_date(today)}", today, landscape=True))
    report.title_block()
    optional = [r for r in rows if not r.required]
    not_applicable = sum(
        1 for r in rows if r.required and r.status == ItemStatus.NOT_APPLICABLE.value
    )
    report.paragraph(f"迎检工作：{campaign_name}")
    report.paragraph(f"学校（园）：{name}")
    statuses = Counter(r.status for r in rows)
    report.paragraph(
        f"共 {len(rows)} 项，其中必备 {len(rows) - len(optional)} 项"
        + (f"（不适用 {not_applicable} 项，不计入）" if not_applicable else "")
        + f"、可选 {len(optional)} 项。必备项目已齐全或已归档 {done} / {required} 项，"
        f"完成 {share:.0%}；逾期未完成 {overdue} 项。各状态："
        + "、".join(f"{s.label} {statuses[s.value]} 项" for s in ItemStatus)
        + "。"
    )
    if rows:
        _grid(report, rows, f"{name}（{campaign_name}）")
    else:
        report.paragraph("这所学校（园）的清单还没有项目。")
    report.story.append(Spacer(1, 6 * mm))
    report.paragraph(SIGN_LINE)
    report.write(out)
