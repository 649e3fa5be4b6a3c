"""约谈记录: the written record of a 约谈 (规范的书面记录), a ruled form on A4: when and where,
the school, who was talked to and who talked, the problems it concerned (with their deadlines),
what was said, the outcome, and lines for the signatures of both sides.

``--problem ID`` prints the problem's latest 约谈 (with every problem recorded in the same talk:
same school and day); ``--school NAME`` the school's latest.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.units import mm
from sqlalchemy import select

from core.enums import ActionKind
from core.reports.document import PageFrame, Report, cn_date
from core.reports.options import ReportOptions, chosen_step, letterhead_from_session
from db.models import Problem, ProblemAction

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from db.engine import Database

TITLE = "约谈记录"
WIDTHS_MM = (30.0, 150.0)
SIGNATURE_MM = 22.0


def _rows(session: Session, action: ProblemAction) -> list[tuple[str, str]]:
    """The form's rows: label and text."""
    talk = session.scalars(
        select(ProblemAction)
        .join(Problem, Problem.id == ProblemAction.problem_id)
        .where(
            ProblemAction.kind == action.kind,
            ProblemAction.day == action.day,
            ProblemAction.subjects == action.subjects,
            Problem.school_id == action.problem.school_id,
        )
        .order_by(ProblemAction.id)
    ).all()
    problems = []
    for n, a in enumerate(talk, start=1):
        p = a.problem
        deadline = f"（整改期限：{cn_date(p.deadline)}）" if p.deadline else ""
        problems.append(f"{n}. {p.description}{deadline}")
    return [
        ("约谈时间", cn_date(action.day)),
        ("约谈地点", action.place),
        ("被约谈单位", action.problem.school.name),
        ("约谈对象", action.subjects),
        ("约谈人", action.officials),
        ("涉及问题", "\n".join(problems)),
        ("约谈情况", action.content),
        ("整改承诺及结果", action.outcome),
    ]


def write(db: Database, out: Path, options: ReportOptions) -> None:
    """Write the record of the 约谈 asked for (see the module)."""
    with db.session() as session:
        head = letterhead_from_session(session)
        action = chosen_step(session, options, ActionKind.INTERVIEW.value, TITLE)
        rows = _rows(session, action)
        school = action.problem.school.name
    report = Report(PageFrame(head.office, TITLE, f"{school}，{rows[0][1]}", options.today))
    report.add_style("form_label", report.fonts.title, 10.5, TA_CENTER)
    report.add_style("form_cell", report.fonts.body, 10.5, line_spacing=1.5)
    report.story.append(report.para(TITLE, "title"))
    report.info_line(f"单位：{head.office}", f"约谈日期：{rows[0][1]}")
    data: list[list[Any]] = [
        [report.para(label, "form_label"), report.para(text, "form_cell")] for label, text in rows
    ]
    data.append(
        [
            report.para("签字", "form_label"),
            report.para("约谈人：" + "\u00a0" * 30 + "被约谈人：", "form_cell"),
        ]
    )
    heights = [10 * mm] * 5 + [None, 60 * mm, 30 * mm, SIGNATURE_MM * mm]
    minimums = [h or 0.0 for h in heights]
    report.story.append(report.ruled(data, [w * mm for w in WIDTHS_MM], min_heights=minimums))
    report.paragraph("注：约谈记录经约谈双方签字后存档，作为整改督办和问责的依据。", "cell")
    report.write(out)
