"""Visit records (督导记录表).

Filling in a visit's record marks the visit done; a record is filed (归档) on the day the clerk
says, by default the day it is entered, never before the visit. The files attached to a visit
are in :mod:`core.attachments`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from core.attachments import AttachmentRow, session_attachment_rows
from core.calendar.visits import clean_inspection_items
from core.changes import Change, mutates
from core.enums import InspectionMethod, SixMinimum, VisitStatus
from core.errors import FieldError, ValidationError
from core.i18n import _
from core.office.settings import six_minimum_kinds_in
from db.models import Visit, VisitRecord

if TYPE_CHECKING:
    from db.engine import Database

TEXT_MAX = 5000


@dataclass(frozen=True)
class RecordInput:
    """A visit record as entered; ``methods`` and ``six_minimum`` hold enum codes."""

    items: tuple[str, ...] = ()
    methods: tuple[str, ...] = ()
    six_minimum: tuple[str, ...] = ()
    findings: str = ""
    problems: str = ""
    advice: str = ""
    feedback: str = ""
    filed_on: date | None = None


TEXT_FIELDS = ("findings", "problems", "advice", "feedback")


def _text_labels() -> dict[str, str]:
    return {
        "findings": _("发现情况"),
        "problems": _("存在问题"),
        "advice": _("意见建议"),
        "feedback": _("现场反馈"),
    }


def record_problems(data: RecordInput, visit_day: date, today: date) -> list[FieldError]:
    """What is wrong with a record as entered for a visit on ``visit_day``."""
    errors: list[FieldError] = []
    if visit_day > today:
        message = _("这次督导在 {day}，还没到日子，不能填写记录", day=visit_day)
        errors.append(FieldError("day", _("日期"), message))
    if data.items:
        try:
            clean_inspection_items(data.items)
        except ValidationError as exc:
            errors.extend(exc.errors)
    for code in data.methods:
        if code not in set(InspectionMethod):
            message = _("没有“{code}”这种督导方式", code=code)
            errors.append(FieldError("methods", _("督导方式"), message))
    for code in data.six_minimum:
        if code not in set(SixMinimum):
            message = _("没有“{code}”这一项", code=code)
            errors.append(FieldError("six_minimum", _("六个至少"), message))
    for name, label in _text_labels().items():
        if len(getattr(data, name).strip()) > TEXT_MAX:
            message = _("{label}不能超过 {most} 个字", label=label, most=TEXT_MAX)
            errors.append(FieldError(name, label, message))
    if not (data.items or data.methods or any(getattr(data, n).strip() for n in TEXT_FIELDS)):
        message = _("记录是空的：请至少填写督导事项、督导方式或发现情况")
        errors.append(FieldError("items", _("主要督导事项"), message))
    if data.filed_on is not None and data.filed_on < visit_day:
        message = _("归档日期不能早于督导日期")
        errors.append(FieldError("filed_on", _("归档日期"), message))
    return errors


@mutates(Change.VISITS)
def save_record(db: Database, visit_id: int, data: RecordInput, *, today: date) -> None:
    """Fill in (or correct) a visit's record and mark the visit done."""
    with db.session() as session:
        visit = session.get(Visit, visit_id)
        if visit is None:
            message = _("找不到这次督导，可能已被删除")
            raise ValidationError([FieldError("visit", _("督导"), message)])
        errors = record_problems(data, visit.visit_date, today)
        if errors:
            raise ValidationError(errors)
        record = visit.record or VisitRecord(visit_id=visit.id)
        record.items = clean_inspection_items(data.items) if data.items else []
        record.methods = list(dict.fromkeys(data.methods))
        record.six_minimum = list(dict.fromkeys(data.six_minimum))
        for name in TEXT_FIELDS:
            setattr(record, name, getattr(data, name).strip())
        record.filed_on = data.filed_on or today
        visit.record = record
        visit.status = VisitStatus.DONE.value
        visit.generated = False


@dataclass(frozen=True)
class RecordView:
    """A visit with its record (empty fields while there is none yet)."""

    visit_id: int
    day: date
    school_id: int
    school: str
    inspector: str
    companions: str
    kind: str
    topic: str
    status: str
    record: RecordInput | None
    attachments: list[AttachmentRow] = field(default_factory=list)
    six_asked: bool = True
    """Whether the school is asked for the 六个至少 (its kind is one the office lists)."""


def record_of(db: Database, visit_id: int) -> RecordView:
    """The visit and its record, for the record form."""
    with db.session() as session:
        visit = session.scalars(
            select(Visit)
            .options(
                selectinload(Visit.school),
                selectinload(Visit.inspector),
                selectinload(Visit.companions),
                selectinload(Visit.record),
            )
            .where(Visit.id == visit_id)
        ).one_or_none()
        if visit is None:
            message = _("找不到这次督导，可能已被删除")
            raise ValidationError([FieldError("visit", _("督导"), message)])
        stored = visit.record
        record = (
            RecordInput(
                items=tuple(stored.items),
                methods=tuple(stored.methods),
                six_minimum=tuple(stored.six_minimum),
                findings=stored.findings,
                problems=stored.problems,
                advice=stored.advice,
                feedback=stored.feedback,
                filed_on=stored.filed_on,
            )
            if stored
            else None
        )
        return RecordView(
            visit_id=visit.id,
            day=visit.visit_date,
            school_id=visit.school_id,
            school=visit.school.name,
            inspector=visit.inspector.name,
            companions="、".join(c.name for c in visit.companions),
            kind=visit.kind,
            topic=visit.topic,
            status=visit.status,
            record=record,
            attachments=session_attachment_rows(session, visit_id=visit.id),
            six_asked=visit.school.kind in six_minimum_kinds_in(session),
        )


def record_texts(codes: Sequence[str], labels: type[InspectionMethod] | type[SixMinimum]) -> str:
    """Enum codes as their Chinese labels joined with 、 (unknown codes as they are)."""
    return "、".join(labels.label_of(code) for code in codes)
