"""The complaint register (受理核实投诉记录): complaints and reports about schools.

Each complaint records when and how it came in, from whom (an empty name is anonymous, 匿名),
which school it is about, the inspector sent to verify it, what the verification found, the
result and the day the complainant was answered. Its state follows from that: 待核实 until a
verification is written, then 已核实, and 已答复 once answered. A complaint that proves a problem
raises a rectification problem (:func:`raise_problem_from_complaint`); a complaint that did is
kept as the problem's source and cannot be deleted.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from core.casework.rectification import (
    ProblemInput,
    add_problem_in_session,
    anonymous,
    complaint_reply_due,
    is_complaint_overdue,
)
from core.changes import Change, mutates
from core.enums import ComplaintChannel, LabelledEnum
from core.errors import FieldError, Labels, ValidationError, apply_unless_stale, refusal
from core.i18n import _, n_
from core.office.settings import policy_from_session
from core.parsing import clean_text
from db.models import Complaint, Inspector, Problem, School

if TYPE_CHECKING:
    from db.engine import Database

COMPLAINANT_MAX = 100
CONTACT_MAX = 100


class ComplaintState(LabelledEnum):
    """Where a complaint stands (derived, never typed)."""

    PENDING = "pending", "待核实"
    VERIFIED = "verified", "已核实"
    REPLIED = "replied", "已答复"


def complaint_state(verification: str, replied_on: date | None) -> ComplaintState:
    """已答复 once answered, else 已核实 once a verification is written, else 待核实."""
    if replied_on is not None:
        return ComplaintState.REPLIED
    return ComplaintState.VERIFIED if verification.strip() else ComplaintState.PENDING


@dataclass(frozen=True)
class ComplaintInput:
    """A complaint as the clerk enters it; ``complainant`` "" is anonymous."""

    received_on: date
    school_id: int
    content: str
    channel: str = ComplaintChannel.PHONE.value
    complainant: str = ""
    contact: str = ""
    inspector_id: int | None = None
    verification: str = ""
    result: str = ""
    replied_on: date | None = None


@dataclass(frozen=True)
class ComplaintRow:
    """One line of the complaint register."""

    id: int
    received_on: date
    channel: str
    complainant: str
    contact: str
    school_id: int
    school: str
    content: str
    inspector_id: int | None
    inspector: str
    verification: str
    result: str
    replied_on: date | None
    problems: int
    reply_due: date
    """受理日期 plus the policy's ``complaint_reply_days``: the day to answer by (办理期限)."""
    version: int = 1

    @property
    def channel_label(self) -> str:
        return ComplaintChannel.label_of(self.channel)

    @property
    def from_label(self) -> str:
        """The complainant, or 匿名."""
        return self.complainant or anonymous()

    @property
    def state(self) -> ComplaintState:
        return complaint_state(self.verification, self.replied_on)

    @property
    def replied_late(self) -> bool:
        """Answered after the 办理期限."""
        return self.replied_on is not None and self.replied_on > self.reply_due

    def overdue_on(self, today: date) -> bool:
        """Not answered by ``today`` although the 办理期限 has passed."""
        return is_complaint_overdue(self.reply_due, self.replied_on, today)


def complaint_problems(data: ComplaintInput) -> list[FieldError]:
    """Every problem of ``data`` that needs no database, each naming its field."""
    errors = []
    if data.channel not in {c.value for c in ComplaintChannel}:
        message = _("“受理方式”不能是“{value}”", value=data.channel)
        errors.append(FieldError("channel", _("受理方式"), message))
    if len(clean_text(data.complainant)) > COMPLAINANT_MAX:
        message = _("“投诉人”不能超过 {most} 个字", most=COMPLAINANT_MAX)
        errors.append(FieldError("complainant", _("投诉人"), message))
    if len(clean_text(data.contact)) > CONTACT_MAX:
        message = _("“联系方式”不能超过 {most} 个字", most=CONTACT_MAX)
        errors.append(FieldError("contact", _("联系方式"), message))
    if not data.content.strip():
        errors.append(FieldError("content", _("投诉内容"), _("“投诉内容”不能为空")))
    if data.replied_on is not None and data.replied_on < data.received_on:
        message = _("“答复日期”不能早于受理日期（{day}）", day=data.received_on)
        errors.append(FieldError("replied_on", _("答复日期"), message))
    return errors


def complaint_labels() -> Labels:
    """The fields a stale save names when it is refused, in the chosen language."""
    return {
        "received_on": _("受理日期"),
        "channel": (_("受理方式"), ComplaintChannel.label_of),
        "complainant": _("投诉人"),
        "contact": _("联系方式"),
        "content": _("投诉内容"),
        "verification": _("核实情况"),
        "result": _("办理结果"),
        "replied_on": _("答复日期"),
    }


@mutates(Change.COMPLAINTS)
def save_complaint(
    db: Database,
    data: ComplaintInput,
    complaint_id: int | None = None,
    *,
    version: int | None = None,
) -> int:
    """Register a complaint (``complaint_id`` None) or change one; returns its id.

    ``version`` is the row's version when the clerk opened it: if someone saved it since, the
    change is refused (:class:`~core.errors.StaleEditError`) and nothing is overwritten.
    """
    problems = complaint_problems(data)
    if problems:
        raise ValidationError(problems)
    with db.session() as session:
        if session.get(School, data.school_id) is None:
            raise refusal("school", _("学校"), _("请选择投诉反映的学校"))
        if data.inspector_id is not None and session.get(Inspector, data.inspector_id) is None:
            raise refusal("inspector", _("核实督学"), _("找不到所选的督学"))
        if complaint_id is None:
            complaint = Complaint()
            session.add(complaint)
        else:
            found = session.get(Complaint, complaint_id)
            if found is None:
                raise refusal("content", _("投诉"), _("找不到这条投诉记录"))
            complaint = found
        apply_unless_stale(
            session,
            complaint,
            version,
            complaint_labels(),
            lambda now: _("{day} 受理的投诉", day=now["received_on"]),
            lambda: _apply(complaint, data),
        )
        session.flush()
        return complaint.id


def _apply(complaint: Complaint, data: ComplaintInput) -> None:
    complaint.received_on = data.received_on
    complaint.channel = data.channel
    complaint.complainant = clean_text(data.complainant)
    complaint.contact = clean_text(data.contact)
    complaint.school_id = data.school_id
    complaint.content = data.content.strip()
    complaint.inspector_id = data.inspector_id
    complaint.verification = data.verification.strip()
    complaint.result = data.result.strip()
    complaint.replied_on = data.replied_on


@mutates(Change.COMPLAINTS)
def delete_complaint(db: Database, complaint_id: int) -> None:
    """Delete a complaint entered by mistake; one that raised a problem is kept."""
    with db.session() as session:
        complaint = session.get(Complaint, complaint_id)
        if complaint is None:
            return
        raised = session.scalar(
            select(func.count()).select_from(Problem).where(Problem.complaint_id == complaint_id)
        )
        if raised:
            raise refusal(
                "complaint",
                _("投诉"),
                n_("这条投诉已登记了 {n} 个整改问题，是问题的来源，不能删除", raised),
            )
        session.delete(complaint)


def complaint_rows(db: Database) -> list[ComplaintRow]:
    """Every complaint, newest first, with the number of problems it raised and its 办理期限."""
    with db.session() as session:
        policy = policy_from_session(session)
        raised = dict(
            session.execute(
                select(Problem.complaint_id, func.count())
                .where(Problem.complaint_id.is_not(None))
                .group_by(Problem.complaint_id)
            ).all()
        )
        query = (
            select(Complaint, School.name, Inspector.name)
            .join(School, School.id == Complaint.school_id)
            .outerjoin(Inspector, Inspector.id == Complaint.inspector_id)
            .order_by(Complaint.received_on.desc(), Complaint.id.desc())
        )
        return [
            ComplaintRow(
                id=c.id,
                received_on=c.received_on,
                channel=c.channel,
                complainant=c.complainant,
                contact=c.contact,
                school_id=c.school_id,
                school=school,
                content=c.content,
                inspector_id=c.inspector_id,
                inspector=inspector or "",
                verification=c.verification,
                result=c.result,
                replied_on=c.replied_on,
                problems=raised.get(c.id, 0),
                version=c.version,
                reply_due=complaint_reply_due(c.received_on, policy),
            )
            for c, school, inspector in session.execute(query)
        ]


@mutates(Change.COMPLAINTS, Change.PROBLEMS)
def raise_problem_from_complaint(db: Database, complaint_id: int, data: ProblemInput) -> int:
    """Register the problem a complaint proved, at the complaint's school; returns its id."""
    with db.session() as session:
        complaint = session.get(Complaint, complaint_id)
        if complaint is None:
            raise refusal("complaint", _("投诉"), _("找不到这条投诉记录"))
        data = replace(data, school_id=complaint.school_id, complaint_id=complaint_id)
        return add_problem_in_session(session, data).id
