"""The month's zone rules, both optional and off unless the office sets them:

* **Days at the zone** (``zone_visits_per_month``; the Hunan plan: 每月至少到责任区督导4次): each
  responsible inspector is at each zone where they hold a 挂牌 on that many days of the month. A
  day counts when the calendar has a visit of any kind (planned, confirmed or done) by the
  inspector at one of the zone's schools; two schools on one day are one day.
* **A zone's own count per school** (the plan: 市直学校 2 次): the schools of a zone with its own
  count (:func:`core.office.settings.zone_school_visits_in`) need that many routine visits on the
  calendar in the month instead of ``visits_per_school_per_month``.

Both are in proportion to the month's term time, as the generator plans them
(:func:`core.office.school_terms.month_quota`); a zone of schools and kindergartens asks the
larger of its kinds' numbers.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from core.calendar.planner import ZoneShort
from core.calendar.visits import month_span
from core.enums import ACTIVE_STATUSES, VisitKind
from core.office.school_terms import KINDS, SchoolCalendar, kind_of_school, month_quota
from core.office.settings import policy_from_session, zone_school_visits_in
from core.office.workdays import WorkCalendar
from core.roster.assignments import responsible_inspectors
from db.models import Inspector, School, Visit, Zone

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


@dataclass(frozen=True)
class SchoolShort:
    """A school of a zone with its own count that has fewer routine visits in the month."""

    school: str
    zone: str
    visits: int
    required: int


@dataclass(frozen=True)
class ZoneQuotas:
    """The month's zones and schools below the zone rules (both empty when the rules are off)."""

    year: int
    month: int
    zones_short: list[ZoneShort]
    schools_short: list[SchoolShort]

    def as_json(self) -> dict[str, Any]:
        """The ``zone_quotas`` object of ``check --json``."""
        return {
            "month": f"{self.year:04d}-{self.month:02d}",
            "zones_short": [asdict(z) for z in self.zones_short],
            "schools_short": [asdict(s) for s in self.schools_short],
        }


def zone_quotas_in(session: Session, today: date) -> ZoneQuotas:
    """The zone rules for the month of ``today``; the 挂牌 are those in force on ``today``."""
    first, last = month_span(today.year, today.month)
    policy = policy_from_session(session)
    own = zone_school_visits_in(session)
    work = WorkCalendar.from_session(session)
    terms = SchoolCalendar.from_session(session)
    days = work.workdays(first, last)
    term_days = {kind: sum(1 for d in days if terms.in_term(d, kind)) for kind in KINDS}

    def prorated(count: int, kind: str) -> int:
        return month_quota(count, term_days[kind], len(days))

    schools = session.execute(
        select(School.id, School.name, School.kind, School.zone_id, Zone.name.label("zone"))
        .join(Zone, Zone.id == School.zone_id)
        .where(School.active)
        .order_by(School.name)
    ).all()
    visits = session.execute(
        select(Visit.school_id, Visit.inspector_id, Visit.visit_date, Visit.kind).where(
            Visit.visit_date >= first,
            Visit.visit_date <= last,
            Visit.status.in_([s.value for s in ACTIVE_STATUSES]),
        )
    ).all()
    zone_of = {row.id: row.zone for row in schools}
    routine: dict[int, int] = defaultdict(int)
    been: dict[tuple[int, str], set[date]] = defaultdict(set)
    for visit in visits:
        if visit.kind == VisitKind.ROUTINE:
            routine[visit.school_id] += 1
        if visit.school_id in zone_of:
            been[(visit.inspector_id, zone_of[visit.school_id])].add(visit.visit_date)

    schools_short = [
        SchoolShort(row.name, row.zone, routine[row.id], required)
        for row in schools
        if row.zone_id in own
        and routine[row.id] < (required := prorated(own[row.zone_id], kind_of_school(row.kind)))
    ]
    zones_short: list[ZoneShort] = []
    if policy.zone_visits_per_month:
        responsible = responsible_inspectors(session, today)
        names = dict(session.execute(select(Inspector.id, Inspector.name)).all())
        asked: dict[tuple[int, str], int] = defaultdict(int)
        for row in schools:
            if row.id in responsible:
                key = (responsible[row.id], row.zone)
                wanted = prorated(policy.zone_visits_per_month, kind_of_school(row.kind))
                asked[key] = max(asked[key], wanted)
        zones_short = sorted(
            (
                ZoneShort(zone, names[inspector], len(been[(inspector, zone)]), required)
                for (inspector, zone), required in asked.items()
                if len(been[(inspector, zone)]) < required
            ),
            key=lambda z: (z.zone, z.inspector),
        )
    return ZoneQuotas(today.year, today.month, zones_short, schools_short)
