"""Visits on the calendar (进校督导): adding, moving, status changes and the calendar's rows.

A visit the clerk adds or edits is no longer the generator's (``generated`` False), so
regenerating the month keeps it. Moving a visit is allowed even where
:func:`core.calendar.day_checks.day_warnings` has something to say — the clerk sees the warnings
first and decides. A visit can be marked done only on or after its day.

The office's list of main inspection items (主要督导事项) is a setting; the default is the
nine-item list in the domain notes. A visit record keeps the items' text as it was.
"""

from __future__ import annotations

import calendar
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from core.attachments import remove_unreferenced_blobs, session_attachment_digests
from core.changes import Change, mutates
from core.enums import OPEN_STATUSES, VisitKind, VisitStatus
from core.errors import FieldError, Labels, ValidationError, apply_unless_stale
from core.i18n import _
from core.office.settings import put_setting
from core.parsing import clean_text
from db.models import (
    Attachment,
    Inspector,
    School,
    Setting,
    Visit,
    VisitCompanion,
    VisitRecord,
    Zone,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from db.engine import Database

ITEMS_KEY = "visits.inspection_items"
DEFAULT_INSPECTION_ITEMS: tuple[str, ...] = (
    "办学方向/立德树人",
    "校风教风学风",
    "管理和制度执行",
    "招生、收费、择校",
    "课程开设和教育教学",
    "学生学习、体育锻炼、劳动教育和课业负担",
    "师德师风和教师专业发展",
    "校园及周边安全、交通安全",
    "卫生保健、食堂、食品、饮水、宿舍卫生",
)
ITEM_MAX = 100
ITEMS_MAX = 30
TOPIC_MAX = 100
NOTE_MAX = 500


# --- the office's list of main inspection items ---------------------------------------------


def inspection_items(session: Session) -> list[str]:
    """The office's main inspection items, in order (the default list until edited)."""
    row = session.get(Setting, ITEMS_KEY)
    return json.loads(row.value) if row else list(DEFAULT_INSPECTION_ITEMS)


def load_inspection_items(db: Database) -> list[str]:
    """:func:`inspection_items` in a unit of work of its own."""
    with db.session() as session:
        return inspection_items(session)


def clean_inspection_items(items: Iterable[str]) -> list[str]:
    """The items as they will be stored; refuses an empty list, duplicates and long items."""
    cleaned = [clean_text(item) for item in items]
    cleaned = [item for item in cleaned if item]
    errors: list[FieldError] = []
    label = _("主要督导事项")
    if not cleaned:
        errors.append(FieldError("items", label, _("至少要有一项主要督导事项")))
    if len(cleaned) > ITEMS_MAX:
        message = _("主要督导事项最多 {most} 项", most=ITEMS_MAX)
        errors.append(FieldError("items", label, message))
    for item in cleaned:
        if len(item) > ITEM_MAX:
            message = _("“{item}…”超过 {most} 个字", item=item[:20], most=ITEM_MAX)
            errors.append(FieldError("items", label, message))
    seen: set[str] = set()
    for item in cleaned:
        if item in seen:
            errors.append(FieldError("items", label, _("“{item}”重复了", item=item)))
        seen.add(item)
    if errors:
        raise ValidationError(errors)
    return cleaned


@mutates(Change.SETTINGS)
def save_inspection_items(db: Database, items: Iterable[str]) -> list[str]:
    """Store the office's list of main inspection items; returns it as stored."""
    cleaned = clean_inspection_items(items)
    with db.session() as session:
        put_setting(session, ITEMS_KEY, cleaned)
    return cleaned


def month_span(year: int, month: int) -> tuple[date, date]:
    """The first and last day of a month."""
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


# --- visits -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class VisitInput:
    """A visit as the clerk enters it."""

    day: date
    school_id: int
    inspector_id: int
    kind: str = VisitKind.ROUTINE.value
    topic: str = ""
    note: str = ""
    companion_ids: tuple[int, ...] = ()


def visit_problems(data: VisitInput) -> list[FieldError]:
    """What is wrong with a visit as entered (naming the field, in the chosen language)."""
    errors: list[FieldError] = []
    if data.kind not in set(VisitKind):
        message = _("没有“{kind}”这种督导类型", kind=data.kind)
        errors.append(FieldError("kind", _("督导类型"), message))
    if data.kind == VisitKind.SPECIAL and not clean_text(data.topic):
        message = _("专项督导请填写专项主题（如 双减、安全）")
        errors.append(FieldError("topic", _("专项主题"), message))
    if len(clean_text(data.topic)) > TOPIC_MAX:
        message = _("专项主题不能超过 {most} 个字", most=TOPIC_MAX)
        errors.append(FieldError("topic", _("专项主题"), message))
    if len(data.note.strip()) > NOTE_MAX:
        message = _("备注不能超过 {most} 个字", most=NOTE_MAX)
        errors.append(FieldError("note", _("备注"), message))
    if data.inspector_id in data.companion_ids:
        message = _("同行督学里不能再选本次的督学")
        errors.append(FieldError("companions", _("同行督学"), message))
    return errors


def _apply(session: Session, visit: Visit, data: VisitInput) -> None:
    errors = visit_problems(data)
    if session.get(School, data.school_id) is None:
        errors.append(FieldError("school", _("学校"), _("找不到这所学校")))
    if session.get(Inspector, data.inspector_id) is None:
        errors.append(FieldError("inspector", _("督学"), _("找不到这名督学")))
    companions = [session.get(Inspector, i) for i in dict.fromkeys(data.companion_ids)]
    if any(c is None for c in companions):
        errors.append(FieldError("companions", _("同行督学"), _("找不到所选的同行督学")))
    if errors:
        raise ValidationError(errors)
    visit.visit_date = data.day
    visit.school_id = data.school_id
    visit.inspector_id = data.inspector_id
    visit.kind = data.kind
    visit.topic = clean_text(data.topic)
    visit.note = data.note.strip()
    visit.companions = [c for c in companions if c is not None]
    visit.generated = False


@mutates(Change.VISITS)
def add_visit(db: Database, data: VisitInput) -> int:
    """Put a visit on the calendar (status 计划); returns its id."""
    with db.session() as session:
        visit = Visit(status=VisitStatus.PLANNED.value)
        _apply(session, visit, data)
        session.add(visit)
        session.flush()
        return visit.id


def _visit(session: Session, visit_id: int) -> Visit:
    visit = session.get(Visit, visit_id)
    if visit is None:
        message = _("找不到这次督导，可能已被删除")
        raise ValidationError([FieldError("visit", _("督导"), message)])
    return visit


def visit_labels() -> Labels:
    """The fields a stale save names when it is refused, in the chosen language."""
    return {
        "visit_date": _("日期"),
        "kind": (_("督导类型"), VisitKind.label_of),
        "topic": _("专项主题"),
        "note": _("备注"),
    }


@mutates(Change.VISITS)
def update_visit(
    db: Database, visit_id: int, data: VisitInput, *, version: int | None = None
) -> None:
    """Change a visit's day, school, inspector, kind, topic, note or companions.

    ``version`` is the visit's version when the clerk opened it: if someone saved it since, the
    change is refused (:class:`~core.errors.StaleEditError`) and nothing is overwritten.
    """
    with db.session() as session:
        visit = _visit(session, visit_id)
        if visit.status == VisitStatus.DONE and data.day != visit.visit_date:
            raise ValidationError(
                [FieldError("day", _("日期"), _("已完成的督导不能改日期，请先把状态改回“计划”"))]
            )
        apply_unless_stale(
            session,
            visit,
            version,
            visit_labels(),
            lambda now: _("{day} 的这次督导", day=now["visit_date"]),
            lambda: _apply(session, visit, data),
        )


@mutates(Change.VISITS)
def move_visit(db: Database, visit_id: int, day: date) -> None:
    """Move a visit that is not done yet to another day."""
    move_visits(db, [visit_id], day)


@mutates(Change.VISITS)
def move_visits(db: Database, visit_ids: Sequence[int], day: date) -> None:
    """Move visits that are not done yet to ``day``, all or none."""
    with db.session() as session:
        for visit_id in visit_ids:
            visit = _visit(session, visit_id)
            if visit.status == VisitStatus.DONE:
                raise ValidationError(
                    [
                        FieldError(
                            "day",
                            _("日期"),
                            _(
                                "已完成的督导不能改日期（{day} {school}）",
                                day=visit.visit_date,
                                school=visit.school.name,
                            ),
                        )
                    ]
                )
            visit.visit_date = day
            visit.generated = False


@mutates(Change.VISITS)
def set_status(db: Database, visit_ids: Sequence[int], status: str, *, today: date) -> int:
    """Give the visits a new status (计划 → 已确认/已完成/已取消/已延期); returns how many.

    A visit can be marked done only on or after its day; nothing changes if one cannot.
    """
    if status not in set(VisitStatus):
        message = _("没有“{status}”这种状态", status=status)
        raise ValidationError([FieldError("status", _("状态"), message)])
    with db.session() as session:
        visits = session.scalars(
            select(Visit).options(selectinload(Visit.school)).where(Visit.id.in_(visit_ids))
        ).all()
        if status == VisitStatus.DONE:
            future = [v for v in visits if v.visit_date > today]
            if future:
                first = min(future, key=lambda v: v.visit_date)
                raise ValidationError(
                    [
                        FieldError(
                            "status",
                            _("状态"),
                            _(
                                "{day} {school} 的督导还没到日子，不能标为已完成",
                                day=first.visit_date,
                                school=first.school.name,
                            ),
                        )
                    ]
                )
        for visit in visits:
            visit.status = status
            if status != VisitStatus.PLANNED:
                visit.generated = False
        return len(visits)


@mutates(Change.VISITS)
def delete_visit(db: Database, visit_id: int) -> None:
    """Remove a visit from the calendar with its record and attachments (and their copies)."""
    delete_visits(db, [visit_id])


@mutates(Change.VISITS)
def delete_visits(db: Database, visit_ids: Sequence[int]) -> None:
    """Remove visits with their records and attachments, all or none; the attachments' copies
    nothing else uses go afterwards."""
    with db.session() as session:
        visits = [_visit(session, visit_id) for visit_id in visit_ids]
        copies = session_attachment_digests(session, Attachment.visit_id.in_(visit_ids))
        for visit in visits:
            session.delete(visit)
    remove_unreferenced_blobs(db, copies)


@dataclass(frozen=True, slots=True)
class VisitRow:
    """One visit as the calendar and the records list show it."""

    id: int
    day: date
    school_id: int
    school: str
    zone: str
    inspector_id: int
    inspector: str
    companions: str
    companion_ids: tuple[int, ...]
    kind: str
    topic: str
    status: str
    note: str
    generated: bool
    has_record: bool
    filed_on: date | None
    version: int = 1

    @property
    def kind_label(self) -> str:
        """督导类型 in Chinese, with the topic of a 专项督导."""
        label = VisitKind.label_of(self.kind)
        return f"{label}（{self.topic}）" if self.topic else label

    @property
    def status_label(self) -> str:
        """状态 in Chinese."""
        return VisitStatus.label_of(self.status)


def visit_rows(db: Database, first: date, last: date) -> list[VisitRow]:
    """Every visit from ``first`` to ``last`` (both included), by day, inspector and school."""
    with db.session() as session:
        return visit_rows_in_session(session, first, last)


def visit_rows_in_session(session: Session, first: date, last: date) -> list[VisitRow]:
    """:func:`visit_rows` inside an open session.

    Read as plain rows, not ORM objects: ten years of visits (about 55,000) are read in well
    under a second this way, against ten as objects with their schools and inspectors loaded.
    """
    in_span = (Visit.visit_date >= first, Visit.visit_date <= last)
    connection = session.connection()
    companions: dict[int, list[tuple[int, str]]] = {}
    for visit_id, inspector_id, name in connection.execute(
        select(VisitCompanion.visit_id, Inspector.id, Inspector.name)
        .join(Inspector, Inspector.id == VisitCompanion.inspector_id)
        .join(Visit, Visit.id == VisitCompanion.visit_id)
        .where(*in_span)
        .order_by(VisitCompanion.visit_id, Inspector.id)
    ).all():
        companions.setdefault(visit_id, []).append((inspector_id, name))
    found = connection.execute(
        select(
            Visit.id,
            Visit.visit_date,
            Visit.school_id,
            School.name,
            Zone.name,
            Visit.inspector_id,
            Inspector.name,
            Visit.kind,
            Visit.topic,
            Visit.status,
            Visit.note,
            Visit.generated,
            VisitRecord.visit_id,
            VisitRecord.filed_on,
            Visit.version,
        )
        .join(School, School.id == Visit.school_id)
        .outerjoin(Zone, Zone.id == School.zone_id)
        .join(Inspector, Inspector.id == Visit.inspector_id)
        .outerjoin(VisitRecord, VisitRecord.visit_id == Visit.id)
        .where(*in_span)
    ).all()
    rows = []
    for (
        visit_id,
        day,
        school_id,
        school,
        zone,
        inspector_id,
        inspector,
        kind,
        topic,
        status,
        note,
        generated,
        record_id,
        filed_on,
        version,
    ) in found:
        others = companions.get(visit_id, ())
        names = "、".join(name for _, name in others) if others else ""
        rows.append(
            VisitRow(
                id=visit_id,
                day=day,
                school_id=school_id,
                school=school,
                zone=zone or "",
                inspector_id=inspector_id,
                inspector=inspector,
                companions=names,
                companion_ids=tuple(companion for companion, _ in others),
                kind=kind,
                topic=topic,
                status=status,
                note=note,
                generated=generated,
                has_record=record_id is not None,
                filed_on=filed_on,
                version=version,
            )
        )
    rows.sort(key=lambda r: (r.day, r.inspector, r.school, r.id))
    return rows


DUE_DAYS = 7
"""A visit still to be made is *due* when its day is within this many days from today on."""


def is_due(status: str, day: date, today: date) -> bool:
    """Planned or confirmed for a day from ``today`` to :data:`DUE_DAYS` days on (exclusive)."""
    return status in OPEN_STATUSES and today <= day < today + timedelta(days=DUE_DAYS)


def due_visits_in(session: Session, today: date) -> list[VisitRow]:
    """The visits due from ``today`` on (:func:`is_due`), whichever month they fall in: what the
    dashboard's card counts and the calendar's 7-day list shows."""
    rows = visit_rows_in_session(session, today, today + timedelta(days=DUE_DAYS - 1))
    return [r for r in rows if is_due(r.status, r.day, today)]
