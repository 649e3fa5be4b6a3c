"""Month planning on the database: generating a month's routine visits and planning a batch of
专项督导 visits (topic visits), each in one unit of work, with what the plan did.

The database functions (:func:`generate_month`, :func:`plan_topic_visits`) each read the office
in one unit of work. Visits the monthly generator saves are marked ``generated``; regenerating a
month replaces only those that are still *planned* from today on and have neither a record nor an
attachment. Everything else stays and takes its place under the daily cap: confirmed and done
visits, routine visits the clerk entered or moved by hand and the generator's planned visits
earlier in the month (these also count toward the school's quota), and visits of other kinds
(专项督导, a 回头看 the clerk put in).

Regeneration updates rather than re-inserts: a replaced visit whose school, inspector and kind
get a visit in the new plan keeps its row — its id, its .ics UID and its attachments — and only
its day changes; the rest are deleted and the new ones inserted with new UIDs.

Routine visits go only on working days in term time, for kindergartens by their own terms (see
:mod:`core.office.school_terms`), with the month's quota in proportion to its term time. The
schools of a zone with its own count (:func:`core.office.settings.zone_school_visits_in`) get
that count instead; when the policy asks each responsible inspector for days a month at their
zone (``zone_visits_per_month``), the plan adds visits until they have them (in proportion to
term time as well).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, exists, insert, or_, select

from core.calendar.planner import (
    SCHOOL_CLOSED,
    ExistingVisit,
    InspectorInfo,
    NewVisit,
    Schedule,
    SchoolInfo,
    Unplaced,
    ZoneShort,
    place_topic_visits,
    plan_month,
    plan_zone_days,
    replaceable,
)
from core.calendar.visits import TOPIC_MAX, month_span
from core.changes import Change, mutates
from core.enums import ACTIVE_STATUSES, VisitStatus
from core.errors import refusal
from core.office.policy import PolicyProfile
from core.office.school_terms import KINDS, SchoolCalendar, kind_of_school, month_quota
from core.office.settings import policy_from_session, zone_school_visits_in
from core.office.workdays import WorkCalendar
from core.parsing import clean_text
from core.roster.assignments import dates_between, responsible_by_day
from db.engine import hold_office_lock
from db.models import Attachment, Inspector, School, Unavailability, Visit, VisitRecord, Zone

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from db.engine import Database


@dataclass(frozen=True)
class PlannedVisit:
    """A visit of a plan, saved or not, as shown and printed: names, codes for kind and status."""

    day: date
    school_id: int
    school: str
    inspector_id: int
    inspector: str
    kind: str
    status: str = VisitStatus.PLANNED
    topic: str = ""


@dataclass(frozen=True)
class MonthPlan:
    """What generating a month did and the month's calendar afterwards."""

    year: int
    month: int
    visits: list[PlannedVisit]
    added: int
    replaced: int
    unplaced: list[Unplaced]
    holiday_data: str
    school_break: bool
    saved: bool
    zones_short: list[ZoneShort] = field(default_factory=list)
    """Responsible inspectors the plan could not give the days a month asked at a zone."""

    @property
    def known_year(self) -> bool:
        """Whether the year's holidays are complete."""
        return self.holiday_data == "complete"

    def as_json(self) -> dict[str, Any]:
        """The form printed by ``schedule --json``."""
        return {
            "holiday_data": self.holiday_data,
            "school_break": self.school_break,
            "visits": [
                {
                    "date": v.day.isoformat(),
                    "school": v.school,
                    "inspector": v.inspector,
                    "kind": v.kind,
                }
                for v in self.visits
            ],
            "unplaced": [{"school": u.school, "reason": u.reason} for u in self.unplaced],
            "zones_short": [asdict(z) for z in self.zones_short],
        }


@dataclass(frozen=True)
class TopicVisitsPlan:
    """A batch of 专项督导 visits (the new ones) and the schools left out, with reasons."""

    topic: str
    visits: list[PlannedVisit]
    unplaced: list[Unplaced]
    saved: bool


@dataclass(frozen=True)
class _Office:
    schools: list[SchoolInfo]
    inspectors: list[InspectorInfo]
    names: dict[int, str]
    school_names: dict[int, str]
    existing: list[ExistingVisit]


def _away_days(session: Session, first: date, last: date) -> dict[int, set[date]]:
    """Per inspector, the days from ``first`` to ``last`` the clerk entered as unavailable."""
    away: dict[int, set[date]] = defaultdict(set)
    for row in session.execute(
        select(
            Unavailability.inspector_id, Unavailability.start_date, Unavailability.end_date
        ).where(Unavailability.start_date <= last, Unavailability.end_date >= first)
    ):
        away[row.inspector_id].update(
            dates_between(max(row.start_date, first), min(row.end_date, last))
        )
    return away


def _school_info(
    school_id: int, name: str, zone: str, cover: Mapping[date, int], days: Sequence[date]
) -> SchoolInfo:
    """A school with who is responsible for it on ``days`` (``cover``: day → inspector id)."""
    holders = [cover.get(day) for day in days]
    changes = tuple(
        (day, holder)
        for day, holder, before in zip(days[1:], holders[1:], holders, strict=False)
        if holder != before
    )
    return SchoolInfo(school_id, name, zone, holders[0], changes)


def _read_office(
    session: Session, on: date, first: date, last: date, school_ids: Sequence[int] | None = None
) -> _Office:
    """Active schools with their zone and who is responsible for them from ``on`` to ``last``;
    those inspectors with their unavailable days; the visits from ``first`` to ``last``."""
    responsible = responsible_by_day(session, on, last, school_ids)
    query = (
        select(School.id, School.name, Zone.name.label("zone"))
        .outerjoin(Zone, School.zone_id == Zone.id)
        .where(School.active)
    )
    if school_ids is not None:
        query = query.where(School.id.in_(school_ids))
    days = dates_between(on, last)
    schools = [
        _school_info(row.id, row.name, row.zone or "", responsible.get(row.id, {}), days)
        for row in session.execute(query)
    ]
    wanted: set[int] = set().union(*(s.holders() for s in schools))
    names = dict(session.execute(select(Inspector.id, Inspector.name)).all())
    away = _away_days(session, first, last)
    inspectors = [InspectorInfo(i, names[i], frozenset(away[i])) for i in sorted(wanted)]
    locked = or_(
        exists().where(VisitRecord.visit_id == Visit.id),
        exists().where(Attachment.visit_id == Visit.id),
    )
    existing = [
        ExistingVisit(*row)
        for row in session.execute(
            select(
                Visit.visit_date,
                Visit.school_id,
                Visit.inspector_id,
                Visit.kind,
                Visit.status,
                Visit.topic,
                Visit.generated,
                locked,
                Visit.id,
            ).where(Visit.visit_date >= first, Visit.visit_date <= last)
        )
    ]
    school_names = dict(session.execute(select(School.id, School.name)).all())
    return _Office(schools, inspectors, names, school_names, existing)


def _rows(office: _Office, visits: Iterable[ExistingVisit | NewVisit]) -> list[PlannedVisit]:
    """Visits with names; new ones have the status 计划."""
    return [
        PlannedVisit(
            v.day,
            v.school_id,
            office.school_names[v.school_id],
            v.inspector_id,
            office.names[v.inspector_id],
            v.kind,
            v.status if isinstance(v, ExistingVisit) else VisitStatus.PLANNED,
            v.topic,
        )
        for v in visits
    ]


def _save(session: Session, visits: Sequence[NewVisit], *, generated: bool) -> None:
    """Insert new visits as planned; ``generated`` marks the monthly generator's own."""
    if visits:
        session.execute(
            insert(Visit),
            [
                {
                    "visit_date": v.day,
                    "school_id": v.school_id,
                    "inspector_id": v.inspector_id,
                    "kind": v.kind,
                    "status": VisitStatus.PLANNED.value,
                    "topic": v.topic,
                    "note": "",
                    "generated": generated,
                }
                for v in visits
            ],
        )


def _plan_kinds(
    session: Session,
    office: _Office,
    work: WorkCalendar,
    policy: PolicyProfile,
    span: tuple[date, date, date],
) -> tuple[Schedule, list[ZoneShort], bool]:
    """The routine visits of the month from ``start``, each school by its kind's terms and
    quota (its zone's own count when it has one), then the visits that bring each responsible
    inspector to the days a month asked at each zone; the zones still short; and whether the
    month is a break for every kind of school (nothing to plan)."""
    first, start, last = span
    terms = SchoolCalendar.from_session(session)
    kinds = dict(session.execute(select(School.id, School.kind)).all())
    zone_ids = {
        school_id: zone_id
        for school_id, zone_id in session.execute(select(School.id, School.zone_id))
        if zone_id is not None
    }
    own = zone_school_visits_in(session)
    month_days = work.workdays(first, last)
    visits: list[NewVisit] = []
    unplaced: list[Unplaced] = []
    school_days: dict[int, list[date]] = {}
    zone_days: dict[str, int] = defaultdict(int)
    in_break = True
    for kind in KINDS:
        term_days = [d for d in month_days if terms.in_term(d, kind)]

        def prorated(count: int, share: int = len(term_days)) -> int:
            return month_quota(count, share, len(month_days))

        schools = [
            replace(s, quota=prorated(own[zone_ids[s.id]]) if zone_ids.get(s.id) in own else None)
            for s in office.schools
            if kind_of_school(kinds[s.id]) == kind
        ]
        quota = prorated(policy.visits_per_school_per_month)
        wanted = prorated(policy.zone_visits_per_month)
        if not schools or (quota == 0 and wanted == 0 and all(not s.quota for s in schools)):
            continue
        in_break = False
        schedulable = [d for d in term_days if d >= start]
        for school in schools:
            school_days[school.id] = schedulable
            zone_days[school.zone] = max(zone_days[school.zone], wanted)
        # The visits placed for the other kind take their places under the daily cap.
        placed = [ExistingVisit(v.day, v.school_id, v.inspector_id, v.kind) for v in visits]
        schedule = plan_month(
            schools,
            office.inspectors,
            schedulable,
            office.existing + placed,
            policy.with_changes(visits_per_school_per_month=quota),
            start=start,
            zone_days=wanted,
        )
        visits += schedule.visits
        unplaced += schedule.unplaced
    short: list[ZoneShort] = []
    if policy.zone_visits_per_month and not in_break:
        stays = [v for v in office.existing if v.status in ACTIVE_STATUSES]
        stays = [v for v in stays if not replaceable(v, start)]
        placed = [ExistingVisit(v.day, v.school_id, v.inspector_id, v.kind) for v in visits]
        more, short = plan_zone_days(
            office.schools,
            office.inspectors,
            school_days,
            stays + placed,
            zone_days,
            policy.visits_per_inspector_per_day,
        )
        visits += more
    visits.sort(key=lambda v: (v.day, v.inspector_id, v.school_id))
    unplaced.sort(key=lambda u: (u.school, u.school_id))
    return Schedule(visits, unplaced), short, in_break


def _replace(session: Session, old: Sequence[ExistingVisit], new: Sequence[NewVisit]) -> None:
    """Save the new plan over the replaced visits: a replaced visit whose school, inspector and
    kind have a new visit keeps its row (and UID) and takes the new day; the others are deleted
    and the remaining new visits inserted."""
    waiting: dict[tuple[int, int, str], list[int]] = defaultdict(list)
    for existing in sorted(old, key=lambda v: v.day):
        if existing.id is not None:
            waiting[(existing.school_id, existing.inspector_id, existing.kind)].append(existing.id)
    ids = [i for kept in waiting.values() for i in kept]
    rows = {row.id: row for row in session.scalars(select(Visit).where(Visit.id.in_(ids)))}
    inserts: list[NewVisit] = []
    for visit in new:
        matches = waiting.get((visit.school_id, visit.inspector_id, visit.kind))
        if not matches:
            inserts.append(visit)
            continue
        row = rows[matches.pop(0)]
        if row.visit_date != visit.day:
            row.visit_date = visit.day
    gone = [i for rest in waiting.values() for i in rest]
    if gone:
        session.execute(delete(Visit).where(Visit.id.in_(gone)))
    session.flush()
    _save(session, inserts, generated=True)


@mutates(Change.VISITS)
def generate_month(
    db: Database, year: int, month: int, today: date, *, save: bool = True
) -> MonthPlan:
    """Plan the month's routine visits and (unless ``save`` is false) save them.

    Days before ``today`` are not planned on. The generator's own visits still planned from
    ``today`` on (without a record or attachment) are replaced by the new plan, keeping their
    rows where the school, inspector and kind stay; everything else on the calendar stays, and
    the routine visits among it (the clerk's own, earlier planned ones, confirmed and done ones)
    count toward each school's quota. A school's visit is made by whoever is responsible for it
    on the day chosen (挂牌 in force, inspector in office), so a 挂牌 that ends or begins
    mid-month is followed; days an inspector is away (leave, training) are skipped. Visits go on
    term days only; a month whose term time gives no school a visit is a break and gets no
    routine visits. Refuses a month that has already passed.
    """
    first, last = month_span(year, month)
    if last < today:
        raise refusal("month", "月份", f"{year}年{month}月已经过去，不能再生成督导计划")
    start = max(first, today)
    with db.session() as session:
        if save:
            hold_office_lock(session, "visit plans")
        policy = policy_from_session(session)
        work = WorkCalendar.from_session(session)
        office = _read_office(session, start, first, last)
        schedule, short, in_break = _plan_kinds(session, office, work, policy, (first, start, last))

        def replaced(visit: ExistingVisit) -> bool:
            return not in_break and replaceable(visit, start)

        stays = [v for v in office.existing if v.status in ACTIVE_STATUSES and not replaced(v)]
        if save and not in_break:
            _replace(session, [v for v in office.existing if replaced(v)], schedule.visits)
        rows = _rows(office, stays) + _rows(office, schedule.visits)
        rows.sort(key=lambda r: (r.day, r.inspector, r.school))
        return MonthPlan(
            year=year,
            month=month,
            visits=rows,
            added=len(schedule.visits),
            replaced=sum(1 for v in office.existing if replaced(v)),
            unplaced=schedule.unplaced,
            holiday_data=work.certainty(year),
            school_break=in_break,
            saved=save and not in_break,
            zones_short=short,
        )


@mutates(Change.VISITS)
def plan_topic_visits(
    db: Database,
    school_ids: Sequence[int],
    start: date,
    end: date,
    topic: str,
    *,
    save: bool = True,
) -> TopicVisitsPlan:
    """Plan 专项督导 visits on one topic across the chosen schools inside a date window.

    One visit per school by its responsible inspector on the day chosen, on working days of the
    window, under the daily cap and around the inspectors' unavailable days; school breaks are
    not excluded (a 防溺水 or 开学 topic may fall in them). Schools that already have a visit
    on this topic in the window are skipped. Saved as planned visits unless ``save`` is false.
    """
    topic = clean_text(topic)
    if not topic:
        raise refusal("topic", "专项督导主题", "请填写专项督导的主题（如“双减”“校园安全”）")
    if len(topic) > TOPIC_MAX:
        raise refusal("topic", "专项督导主题", f"“专项督导主题”不能超过 {TOPIC_MAX} 个字")
    if end < start:
        raise refusal("end", "结束日期", "结束日期不能早于开始日期")
    if not school_ids:
        raise refusal("schools", "学校", "请至少选择一所学校")
    with db.session() as session:
        if save:
            hold_office_lock(session, "visit plans")
        policy = policy_from_session(session)
        work = WorkCalendar.from_session(session)
        office = _read_office(session, start, start, end, school_ids)
        schedule = place_topic_visits(
            office.schools,
            office.inspectors,
            work.workdays(start, end),
            office.existing,
            policy.visits_per_inspector_per_day,
            topic,
        )
        active = {s.id for s in office.schools}
        closed = [
            Unplaced(i, office.school_names[i], SCHOOL_CLOSED)
            for i in sorted(set(school_ids))
            if i in office.school_names and i not in active
        ]
        if save:
            _save(session, schedule.visits, generated=False)
        return TopicVisitsPlan(
            topic=topic,
            visits=_rows(office, schedule.visits),
            unplaced=sorted(schedule.unplaced + closed, key=lambda u: (u.school, u.school_id)),
            saved=save,
        )
