"""Schools, kindergartens and responsibility zones (督学责任区).

A school with history is never deleted: it is deactivated (停用), which also ends its 挂牌 from
that day, and can be activated again. A zone can be deleted only while it holds no school.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from core.changes import Change, mutates
from core.enums import SchoolKind
from core.errors import (
    FieldError,
    Labels,
    ValidationError,
    apply_unless_stale,
    unprintable_errors,
)
from core.office.settings import forget_zone_school_visits, policy_from_session
from core.parsing import clean_text, parse_phone
from core.roster.assignment_ends import end_coverage
from core.roster.terms import serving_inspector_ids
from db.models import Assignment, Inspector, School, Zone

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from db.engine import Database

NAME_MAX = 200


@dataclass(frozen=True)
class SchoolInput:
    """What the clerk enters for a school; ``zone`` is the zone's name ("" for none)."""

    name: str
    kind: str = SchoolKind.PRIMARY.value
    is_private: bool = False
    enrolment: int = 0
    principal: str = ""
    principal_term_end: date | None = None
    phone: str = ""
    address: str = ""
    zone: str = ""


@dataclass(frozen=True)
class SchoolRow:
    """One line of the school list."""

    id: int
    name: str
    kind: str
    is_private: bool
    enrolment: int
    principal: str
    principal_term_end: date | None
    phone: str
    address: str
    zone: str
    inspector: str
    inspector_since: date | None
    active: bool
    version: int = 1

    @property
    def kind_label(self) -> str:
        return SchoolKind.label_of(self.kind)


@dataclass(frozen=True)
class ZoneRow:
    """A zone with its number of active schools and whether that is above the setting."""

    id: int
    name: str
    note: str
    schools: int
    over_limit: bool
    version: int = 1


def school_problems(data: SchoolInput) -> list[FieldError]:
    """Every problem of ``data``, each naming its field (学校名称, 在校生数, 联系电话 …)."""
    errors = []
    name = clean_text(data.name)
    if not name:
        errors.append(FieldError("name", "学校名称", "“学校名称”不能为空"))
    elif len(name) > NAME_MAX:
        errors.append(FieldError("name", "学校名称", f"“学校名称”不能超过 {NAME_MAX} 个字"))
    errors += unprintable_errors(
        ("name", "学校名称", name), ("principal", "校（园）长", clean_text(data.principal))
    )
    if data.kind not in {k.value for k in SchoolKind}:
        errors.append(FieldError("kind", "学校类别", f"“学校类别”不能是“{data.kind}”"))
    if data.enrolment < 0:
        errors.append(FieldError("enrolment", "在校生数", "“在校生数”不能小于 0"))
    try:
        parse_phone(data.phone)
    except ValueError as exc:
        errors.append(FieldError("phone", "联系电话", f"“联系电话”{exc}"))
    return errors


def _zone_by_name(session: Session, name: str) -> Zone | None:
    if not name:
        return None
    zone = session.scalar(select(Zone).where(Zone.name == name))
    if zone is None:
        raise ValidationError([FieldError("zone", "责任区", f"没有名为“{name}”的责任区")])
    return zone


def apply_school_input(session: Session, school: School, data: SchoolInput) -> None:
    """Copy validated ``data`` onto ``school`` inside an open session."""
    school.name = clean_text(data.name)
    school.kind = data.kind
    school.is_private = data.is_private
    school.enrolment = data.enrolment
    school.principal = clean_text(data.principal)
    school.principal_term_end = data.principal_term_end
    school.phone = parse_phone(data.phone)
    school.address = clean_text(data.address)
    school.zone = _zone_by_name(session, clean_text(data.zone))


SCHOOL_LABELS: Labels = {
    "name": "学校名称",
    "kind": ("类别", SchoolKind.label_of),
    "is_private": ("办学性质", lambda private: "民办" if private else "公办"),
    "enrolment": "在校生数",
    "principal": "校（园）长",
    "principal_term_end": "校长任期届满",
    "address": "地址",
    "phone": "联系电话",
}
"""The fields a stale save names when it is refused."""


@mutates(Change.SCHOOLS, Change.INSPECTORS)
def save_school(
    db: Database, data: SchoolInput, school_id: int | None = None, *, version: int | None = None
) -> int:
    """Add a school (``school_id`` None) or change one; returns its id.

    ``version`` is the row's version when the clerk opened it: if someone saved it since, the
    change is refused (:class:`~core.errors.StaleEditError`) and nothing is overwritten.
    """
    problems = school_problems(data)
    if problems:
        raise ValidationError(problems)
    name = clean_text(data.name)
    with db.session() as session:
        same_name = session.scalar(select(School.id).where(School.name == name))
        if same_name is not None and same_name != school_id:
            raise ValidationError([FieldError("name", "学校名称", f"已有名为“{name}”的学校")])
        if school_id is None:
            school = School(active=True)
            session.add(school)
        else:
            found = session.get(School, school_id)
            if found is None:
                raise ValidationError([FieldError("name", "学校名称", "找不到这所学校")])
            school = found
        apply_unless_stale(
            session,
            school,
            version,
            SCHOOL_LABELS,
            lambda now: f"学校“{now['name']}”的信息",
            lambda: apply_school_input(session, school, data),
        )
        session.flush()
        return school.id


def set_active_in_session(session: Session, school: School, active: bool, on: date) -> None:
    """Deactivate (停用) or activate ``school`` from ``on`` inside an open session.

    A closed school needs no inspector: its 挂牌 ends the day before ``on``, and one that had
    not begun by then is removed.
    """
    school.active = active
    if not active:
        end_coverage(session, school.assignments, on - timedelta(days=1))


@mutates(Change.SCHOOLS, Change.INSPECTORS)
def set_schools_active(db: Database, school_ids: Sequence[int], active: bool, on: date) -> int:
    """Deactivate (停用) or activate schools from ``on``; returns how many."""
    with db.session() as session:
        schools = session.scalars(select(School).where(School.id.in_(school_ids))).all()
        for school in schools:
            set_active_in_session(session, school, active, on)
        return len(schools)


def school_rows(db: Database, today: date) -> list[SchoolRow]:
    """Every school (active or not) with its zone and its responsible inspector on ``today``."""
    with db.session() as session:
        current = (
            select(Assignment.school_id, Inspector.name, Assignment.start_date)
            .join(Inspector, Inspector.id == Assignment.inspector_id)
            .where(
                Assignment.start_date <= today,
                (Assignment.end_date.is_(None)) | (Assignment.end_date >= today),
            )
        )
        serving = serving_inspector_ids(session, today)
        covering = {
            row.school_id: (row.name, row.start_date)
            for row in session.execute(current.add_columns(Assignment.inspector_id))
            if row.inspector_id in serving
        }
        zones = dict(session.execute(select(Zone.id, Zone.name)).all())
        rows = []
        for school in session.scalars(select(School).order_by(School.name)):
            inspector, since = covering.get(school.id, ("", None))
            rows.append(
                SchoolRow(
                    id=school.id,
                    name=school.name,
                    kind=school.kind,
                    is_private=school.is_private,
                    enrolment=school.enrolment,
                    principal=school.principal,
                    principal_term_end=school.principal_term_end,
                    phone=school.phone,
                    address=school.address,
                    zone=zones.get(school.zone_id, "") if school.zone_id else "",
                    inspector=inspector,
                    inspector_since=since,
                    active=school.active,
                    version=school.version,
                )
            )
        return rows


def zone_rows(db: Database) -> list[ZoneRow]:
    """The zones in their order, each with its number of active schools."""
    with db.session() as session:
        limit = policy_from_session(session).zone_school_warning
        counts = dict(
            session.execute(
                select(School.zone_id, func.count()).where(School.active).group_by(School.zone_id)
            ).all()
        )
        return [
            ZoneRow(
                z.id, z.name, z.note, counts.get(z.id, 0), counts.get(z.id, 0) > limit, z.version
            )
            for z in session.scalars(select(Zone).order_by(Zone.sort_order, Zone.name))
        ]


ZONE_LABELS: Labels = {"name": "责任区名称"}
"""The fields a stale rename names when it is refused."""


@mutates(Change.SCHOOLS)
def save_zone(
    db: Database,
    name: str,
    zone_id: int | None = None,
    note: str | None = None,
    *,
    version: int | None = None,
) -> int:
    """Add or rename a zone; returns its id. ``note`` None keeps a renamed zone's note. A rename
    made from ``version`` when someone saved the zone since is refused
    (:class:`~core.errors.StaleEditError`)."""
    name = clean_text(name)
    if not name:
        raise ValidationError([FieldError("name", "责任区名称", "“责任区名称”不能为空")])
    unprintable = unprintable_errors(("name", "责任区名称", name))
    if unprintable:
        raise ValidationError(unprintable)
    with db.session() as session:
        same = session.scalar(select(Zone.id).where(Zone.name == name))
        if same is not None and same != zone_id:
            raise ValidationError([FieldError("name", "责任区名称", f"已有名为“{name}”的责任区")])
        if zone_id is None:
            order = session.scalar(select(func.coalesce(func.max(Zone.sort_order), -1))) or 0
            zone = Zone(name=name, note=note or "", sort_order=order + 1)
            session.add(zone)
        else:
            found = session.get(Zone, zone_id)
            if found is None:
                raise ValidationError([FieldError("name", "责任区名称", "找不到这个责任区")])
            zone = found

            def rename() -> None:
                zone.name = name
                if note is not None:
                    zone.note = note

            apply_unless_stale(
                session, zone, version, ZONE_LABELS, lambda now: f"责任区“{now['name']}”", rename
            )
        session.flush()
        return zone.id


@mutates(Change.SCHOOLS)
def delete_zone(db: Database, zone_id: int) -> None:
    """Delete an empty zone (and its own visits per school per month); a zone that still holds
    schools is refused."""
    with db.session() as session:
        zone = session.get(Zone, zone_id)
        if zone is None:
            return
        held = session.scalar(
            select(func.count()).select_from(School).where(School.zone_id == zone_id)
        )
        if held:
            raise ValidationError(
                [
                    FieldError(
                        "zone",
                        "责任区",
                        f"责任区“{zone.name}”还有 {held} 所学校，请先把它们调到其他责任区",
                    )
                ]
            )
        forget_zone_school_visits(session, zone_id)
        session.delete(zone)


def principal_terms_ending(session: Session, first: date, last: date) -> list[Any]:
    """Schools in use whose principal's term ends from ``first`` to ``last``, soonest first:
    rows of ``id``, ``name``, ``principal`` and ``principal_term_end``."""
    return list(
        session.execute(
            select(School.id, School.name, School.principal, School.principal_term_end)
            .where(
                School.active,
                School.principal_term_end >= first,
                School.principal_term_end <= last,
            )
            .order_by(School.principal_term_end, School.name)
        ).all()
    )
