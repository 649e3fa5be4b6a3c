"""督办通知: the notice to a school whose rectification is late or inadequate, in the official
layout of :mod:`core.reports.official`. It names the problems of one 督办 (its number and date
are those recorded by :func:`core.casework.actions.record_action`), what had been asked and by
when, and the new deadline; late again, the school faces 约谈, 通报 and 问责.

``--problem ID`` prints the problem's latest 督办通知; ``--school NAME`` the school's latest.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from core.enums import ActionKind, SchoolKind
from core.reports.document import cn_date
from core.reports.official import OfficialDocument, you
from core.reports.options import ReportOptions, chosen_step, letterhead_from_session
from db.models import ProblemAction

if TYPE_CHECKING:
    from db.engine import Database

TITLE = "督办通知"
NUMERALS = "一二三四五六七八九"
STANDARD_REASON = "整改不到位或逾期未整改"


def write(db: Database, out: Path, options: ReportOptions) -> None:
    """Write the 督办通知 of ``options.problem`` or ``options.school`` (the latest)."""
    with db.session() as session:
        head = letterhead_from_session(session)
        action = chosen_step(session, options, ActionKind.SUPERVISION.value, TITLE)
        actions = session.scalars(
            select(ProblemAction)
            .where(ProblemAction.number == action.number, ProblemAction.kind == action.kind)
            .order_by(ProblemAction.id)
        ).all()
        school = action.problem.school
        kindergarten = school.kind == SchoolKind.KINDERGARTEN
        listed = []
        for a in actions:
            p = a.problem
            asked = f"原定{cn_date(a.previous_deadline)}前整改到位" if a.previous_deadline else ""
            notice = f"（{p.notice_no}）" if p.notice_no else ""
            what = p.description.rstrip("。；，")
            listed.append(f"{what}{notice}{'，' if asked else ''}{asked}。")
        reason, day, deadline = action.content, action.day, action.deadline
        number, school_name = action.number, school.name
    issuer = head.settings.signature or head.office
    yours = you(kindergarten)
    doc = OfficialDocument(head.office, TITLE, day)
    doc.masthead(number)
    doc.title(TITLE)
    doc.addressee(school_name)
    reason = (reason or "").strip().rstrip("。")
    # A reason that only repeats the standard sentence ("逾期未整改") is not said twice.
    why = f"{reason}。" if reason and reason not in STANDARD_REASON else ""
    doc.body(f"经复查，{yours}下列问题{STANDARD_REASON}。{why}现予督办：")
    for n, text in enumerate(listed, start=1):
        doc.body(f"{NUMERALS[n - 1] if n <= len(NUMERALS) else n}、{text}")
    due = cn_date(deadline) if deadline else ""
    closing = (
        f"请{yours}高度重视，于{due}前整改到位，并将整改情况书面报送{issuer}。"
        "逾期仍未整改到位的，将予以约谈、通报，并按有关规定启动问责。",
        "特此通知。",
    )
    doc.closing(closing, issuer)
    doc.colophon("", issuer)
    doc.write(out)
