"""整改通知书: the rectification notice to a school, laid out like an official document
(GB/T 9704 in spirit): the office's name at the head in red, the notice number (文号) and a red
rule, the title in the heavier face, the school as addressee, then the body in the 仿宋 face —
each problem with its category, what is required and by when — the day the school must reply
(the notice's date plus the policy's ``rectification_reply_days``), and the signature, seal and
date lines of the report settings.

``--problem ID`` prints that problem's notice, ``--school NAME`` one notice listing all the
school's problems still 待整改 or 已上报. The number is the problems' ``notice_no`` when they
share one (numbers are given by issuing the notice, never here); otherwise the number line is
left open — "督整〔    〕号" — to be filled by hand. The notice is dated on the problems'
shared notice date, else on the day of printing.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, HRFlowable, Spacer
from sqlalchemy import select

from core.casework.rectification import reply_due
from core.enums import ProblemCategory, Requirement
from core.office.settings import policy_from_session
from core.parsing import clean_text
from core.reports.document import PageFrame, Report, cn_date
from core.reports.options import NOTICE_STATUSES, ReportOptions, letterhead_from_session, refuse
from db.models import Problem, School

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from db.engine import Database

TITLE = "整改通知书"
RED = colors.Color(0.8, 0.05, 0.05)
MARGINS_MM = (26.0, 28.0, 26.0)
GAP = "\u00a0"  # a space the paragraph keeps, for the gaps filled by hand
NUMERALS = "一二三四五六七八九十"
BODY_SIZE = 15.0


def _numeral(n: int) -> str:
    """一 … 九十九, the numbering of an official document's parts."""
    tens, ones = divmod(n, 10)
    if not tens:
        return NUMERALS[ones - 1]
    return (NUMERALS[tens - 1] if tens > 1 else "") + "十" + (NUMERALS[ones - 1] if ones else "")


def _problems(session: Session, options: ReportOptions) -> list[Problem]:
    """The problems the notice lists, checked against the options."""
    school = clean_text(options.school) or None
    if options.problem is not None:
        problem = session.get(Problem, options.problem)
        if problem is None:
            raise refuse("problem", f"没有编号为 {options.problem} 的整改问题")
        if school is not None and problem.school.name != school:
            raise refuse(
                "school", f"整改问题 {options.problem} 属于“{problem.school.name}”，不是“{school}”"
            )
        if not problem.notice_no:
            return [problem]
        # One notice may list several problems: print all of them under their shared number.
        return list(
            session.scalars(
                select(Problem)
                .where(
                    Problem.school_id == problem.school_id, Problem.notice_no == problem.notice_no
                )
                .order_by(Problem.found_on, Problem.id)
            )
        )
    if school is None:
        raise refuse("problem", "请选择要发整改通知书的整改问题或学校")
    found = session.scalar(select(School.id).where(School.name == school))
    if found is None:
        raise refuse("school", f"没有名为“{school}”的学校（园）")
    problems = list(
        session.scalars(
            select(Problem)
            .where(Problem.school_id == found, Problem.status.in_(NOTICE_STATUSES))
            .order_by(Problem.found_on, Problem.id)
        )
    )
    if not problems:
        raise refuse("school", f"“{school}”没有待整改或已上报的问题，不需要整改通知书")
    return problems


def _shared(values: Sequence[object]) -> object | None:
    """The one value all entries share, or None when they differ or are empty."""
    distinct = set(values)
    return distinct.pop() if len(distinct) == 1 else None


def _requirement(problem: Problem) -> str:
    if problem.requirement == Requirement.IMMEDIATE:
        return "立行立改，立即整改到位"
    label = Requirement.label_of(problem.requirement)
    if problem.deadline is None:
        return label
    return f"{label}，{cn_date(problem.deadline)}前整改到位"


def _styles(report: Report) -> None:
    s = report.frame.scale
    fangsong, title = report.fonts.fangsong, report.fonts.title
    report.add_style("doc_office", title, 26, TA_CENTER, textColor=RED, line_spacing=1.2)
    report.add_style("doc_number", fangsong, BODY_SIZE, TA_CENTER, spaceBefore=5 * mm * s)
    report.add_style("doc_title", title, 22, TA_CENTER, line_spacing=1.3,
                     spaceBefore=7 * mm * s, spaceAfter=6 * mm * s)  # fmt: skip
    report.add_style("doc_to", fangsong, BODY_SIZE, TA_LEFT, line_spacing=1.75)
    report.add_style("doc_body", fangsong, BODY_SIZE, TA_JUSTIFY, line_spacing=1.75,
                     firstLineIndent=2 * BODY_SIZE * s)  # fmt: skip
    report.add_style("doc_sign", fangsong, BODY_SIZE, TA_RIGHT, line_spacing=1.5,
                     rightIndent=2 * BODY_SIZE * s)  # fmt: skip


def write(db: Database, out: Path, options: ReportOptions) -> None:
    """Write the notice of ``options.problem``, or of ``options.school``'s unresolved problems."""
    with db.session() as session:
        head = letterhead_from_session(session)
        policy = policy_from_session(session)
        problems = _problems(session, options)
        school = problems[0].school.name
        number = _shared([p.notice_no for p in problems])
        notice_day = _shared([p.notice_date for p in problems])
        body = [
            (
                p.description,
                f"（问题类别：{ProblemCategory.label_of(p.category)}；"
                f"发现日期：{cn_date(p.found_on)}；整改要求：{_requirement(p)}。）",
            )
            for p in problems
        ]
    day = notice_day if isinstance(notice_day, date) else options.today
    settings = head.settings
    number_line = str(number) if number else f"{settings.notice_prefix}〔{GAP * 10}〕{GAP * 6}号"
    report = Report(
        PageFrame(
            head.office,
            TITLE,
            cn_date(day),
            options.today,
            running_header=False,
            margins_mm=MARGINS_MM,
        )
    )
    _styles(report)
    story: list[Flowable] = [
        report.para(head.office, "doc_office"),
        report.para(number_line, "doc_number"),
        Spacer(1, 1 * mm),
        HRFlowable(width="100%", thickness=1.2, color=RED, spaceBefore=0, spaceAfter=0),
        report.para(TITLE, "doc_title"),
        report.para(f"{school}：", "doc_to"),
        report.para(
            "经督导检查，你校（园）存在以下问题。根据《教育督导条例》和责任督学挂牌督导的有关"
            "规定，现通知你校（园）按要求认真整改：",
            "doc_body",
        ),
    ]
    for n, (description, details) in enumerate(body, start=1):
        story.append(report.para(f"{_numeral(n)}、{description}", "doc_body"))
        story.append(report.para(details, "doc_body"))
    reply = reply_due(day, policy)
    closing = [
        report.para(
            f"请你校（园）于{cn_date(reply)}前将整改情况书面报送"
            f"{settings.signature or head.office}。逾期未整改或整改不到位的，"
            "将按有关规定予以督办、约谈或通报。",
            "doc_body",
        ),
        report.para("特此通知。", "doc_body"),
    ]
    report.story.extend(story)
    report.signature_block(settings, day, "doc_sign", keep_with=closing)
    report.write(out)
