"""整改通知书: the rectification notice to a school, an official document in the layout of
:mod:`core.reports.official` (GB/T 9704-2012): 版头 with the notice number, the title, the school
as addressee (你校, or 你园 for a kindergarten), each problem with what is required and by when,
the day the school must reply (the notice's date plus the policy's ``rectification_reply_days``),
the office centred over the date, and the 版记. Internal categories are not printed.

What is printed follows the rules of issuing (:func:`core.casework.rectification.issue_notice`):

- ``--problem ID`` of a problem in an issued notice reprints that notice — all its problems,
  its number and its date;
- ``--school NAME`` reprints the school's one issued notice when all its unresolved problems are
  in it; problems in different notices are refused (分属不同的整改通知书), to be printed one by one;
- a problem (or the school's unresolved problems) not yet in a notice prints as a **draft**:
  marked "草稿", without number or date — numbers and dates are given only by issuing the
  notice on the 整改 page. A draft listing a deadline already past is refused, as issuing is.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from core.casework.rectification import late_deadlines, reply_due
from core.enums import Requirement, SchoolKind
from core.i18n import _
from core.office.settings import policy_from_session
from core.parsing import clean_text
from core.reports.document import cn_date
from core.reports.official import OfficialDocument, you
from core.reports.options import NOTICE_STATUSES, ReportOptions, letterhead_from_session, refuse
from core.roster.assignments import responsible_inspectors
from db.models import Inspector, Problem, School

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from db.engine import Database

TITLE = "整改通知书"
NUMERALS = "一二三四五六七八九十"
GAP = "\u3000" * 3


def _numeral(n: int) -> str:
    """一 … 九十九, the numbering of an official document's parts."""
    tens, ones = divmod(n, 10)
    if not tens:
        return NUMERALS[ones - 1]
    return (NUMERALS[tens - 1] if tens > 1 else "") + "十" + (NUMERALS[ones - 1] if ones else "")


@dataclass(frozen=True)
class NoticeText:
    """What one notice prints; ``issued_on`` None for a draft."""

    school: str
    kindergarten: bool
    number: str
    issued_on: date | None
    problems: list[tuple[str, str]]
    inspector: str


def _issued(session: Session, school_id: int, number: str) -> list[Problem]:
    query = (
        select(Problem)
        .where(Problem.school_id == school_id, Problem.notice_no == number)
        .order_by(Problem.found_on, Problem.id)
    )
    return list(session.scalars(query))


def _draft(problems: list[Problem], today: date) -> list[Problem]:
    """``problems`` for a draft notice, refused when a deadline is already past."""
    late = late_deadlines(problems, today)
    if late:
        raise refuse("problem" if len(problems) == 1 else "school", late)
    return problems


def _chosen(session: Session, options: ReportOptions) -> list[Problem]:
    """The problems of the notice, checked against the options (see the module's rules)."""
    school = clean_text(options.school) or None
    if options.problem is not None:
        problem = session.get(Problem, options.problem)
        if problem is None:
            raise refuse("problem", _("没有编号为 {problem} 的整改问题", problem=options.problem))
        if school is not None and problem.school.name != school:
            raise refuse(
                "school",
                _(
                    "整改问题 {problem} 属于“{name}”，不是“{school}”",
                    problem=options.problem,
                    name=problem.school.name,
                    school=school,
                ),
            )
        if problem.notice_no:
            return _issued(session, problem.school_id, problem.notice_no)
        return _draft([problem], options.today)
    if school is None:
        raise refuse("problem", _("请选择要发整改通知书的整改问题或学校"))
    found = session.scalar(select(School.id).where(School.name == school))
    if found is None:
        raise refuse("school", _("没有名为“{school}”的学校（园）", school=school))
    problems = list(
        session.scalars(
            select(Problem)
            .where(Problem.school_id == found, Problem.status.in_(NOTICE_STATUSES))
            .order_by(Problem.found_on, Problem.id)
        )
    )
    if not problems:
        raise refuse(
            "school", _("“{school}”没有待整改或已上报的问题，不需要整改通知书", school=school)
        )
    new = [p for p in problems if not p.notice_no]
    if new:
        return _draft(new, options.today)
    numbers = sorted({p.notice_no for p in problems})
    if len(numbers) > 1:
        raise refuse(
            "school",
            _(
                "“{school}”的问题分属不同的整改通知书（{names}），请按整改问题分别打印",
                school=school,
                names="、".join(numbers),
            ),
        )
    return _issued(session, found, numbers[0])


def _requirement(problem: Problem) -> str:
    if problem.requirement == Requirement.IMMEDIATE:
        return "立行立改，立即整改到位"
    label = Requirement.label_of(problem.requirement)
    if problem.deadline is None:
        return label
    return f"{label}，{cn_date(problem.deadline)}前整改到位"


def _notice(session: Session, options: ReportOptions) -> NoticeText:
    problems = _chosen(session, options)
    first = problems[0]
    inspector_id = responsible_inspectors(session, options.today).get(first.school_id)
    inspector = session.get(Inspector, inspector_id) if inspector_id else None
    return NoticeText(
        school=first.school.name,
        kindergarten=first.school.kind == SchoolKind.KINDERGARTEN,
        number=first.notice_no,
        issued_on=first.notice_date if first.notice_no else None,
        problems=[
            (p.description, f"（发现日期：{cn_date(p.found_on)}；整改要求：{_requirement(p)}。）")
            for p in problems
        ],
        inspector=inspector.name if inspector else "",
    )


def write(db: Database, out: Path, options: ReportOptions) -> None:
    """Write the notice of ``options.problem`` or of ``options.school`` (see the module)."""
    with db.session() as session:
        head = letterhead_from_session(session)
        policy = policy_from_session(session)
        notice = _notice(session, options)
    settings = head.settings
    issuer = settings.signature or head.office
    school = you(notice.kindergarten)
    doc = OfficialDocument(head.office, TITLE, notice.issued_on)
    doc.masthead(notice.number or f"{settings.notice_prefix}〔{GAP}〕{GAP}号")
    doc.title(TITLE)
    doc.addressee(notice.school)
    doc.body(
        f"经督导检查，{school}存在以下问题。根据《教育督导条例》和责任督学挂牌督导的有关规定，"
        f"现通知{school}按要求认真整改："
    )
    for n, (description, details) in enumerate(notice.problems, start=1):
        doc.body(f"{_numeral(n)}、{description}")
        doc.body(details)
    if notice.issued_on is not None:
        by = f"于{cn_date(reply_due(notice.issued_on, policy))}前"
    else:
        by = f"自收到本通知之日起{policy.rectification_reply_days}日内"
    closing = (
        f"请{school}{by}将整改情况书面报送{issuer}。逾期未整改或整改不到位的，"
        "将按有关规定予以督办、约谈或通报。",
        "特此通知。",
    )
    doc.closing(closing, issuer)
    copy_to = f"{notice.school}责任督学{notice.inspector}" if notice.inspector else ""
    doc.colophon(copy_to, issuer)
    doc.write(out)
