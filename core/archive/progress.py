"""Progress of a campaign's archive checklists: per school and overall, weekly snapshots
(周调度), monthly bulletin figures (月通报) and the dashboard's figures.

Progress is the share of required items, not counting those marked 不适用, that are 已齐全 or
已归档; a school with nothing to count is at 100 %. Such a counted item not done is overdue once
its due date has passed. A school lags when it is :data:`LAGGING_MARGIN` points or more below the
campaign's overall percent, or when it has overdue items after a phase's deadline has passed.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import select

from core.changes import Change, mutates
from core.enums import CampaignKind, ItemStatus
from core.errors import refusal
from core.i18n import _
from db.models import (
    Campaign,
    CampaignSchool,
    ChecklistItem,
    ProgressSnapshot,
    School,
    Zone,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from db.engine import Database

LAGGING_MARGIN = 20
DONE = frozenset({ItemStatus.COMPLETE.value, ItemStatus.FILED.value})

# --- the arithmetic, as pure functions -------------------------------------------------------


def counted(required: bool, status: str) -> bool:
    """Whether an item counts towards progress: required and not 不适用."""
    return required and status != ItemStatus.NOT_APPLICABLE


def item_overdue(required: bool, status: str, due_date: date | None, today: date) -> bool:
    """A counted item not yet done whose due date has passed."""
    return (
        counted(required, status)
        and status not in DONE
        and due_date is not None
        and due_date < today
    )


def school_progress(
    items: Iterable[tuple[bool, str, date | None]], today: date
) -> tuple[int, int, int]:
    """``(required, done, overdue)`` counts of items given as ``(required, status, due_date)``."""
    required = done = overdue = 0
    for is_required, status, due in items:
        if not counted(is_required, status):
            continue
        required += 1
        if status in DONE:
            done += 1
        elif due is not None and due < today:
            overdue += 1
    return required, done, overdue


def percent_of(done: int, required: int) -> float:
    """``done`` of ``required`` as a percentage; 100 when nothing is counted."""
    return 100.0 if required == 0 else 100.0 * done / required


def is_lagging(percent: float, overall: float, overdue: int, phase_passed: bool) -> bool:
    """Whether a school lags: far below the overall percent, or overdue after a deadline."""
    return percent <= overall - LAGGING_MARGIN or (overdue > 0 and phase_passed)


def next_phase_of(phases: Sequence[tuple[str, date]], today: date) -> tuple[str, date] | None:
    """The first phase ``(name, deadline)`` whose deadline is today or later."""
    return next(((name, day) for name, day in phases if day >= today), None)


# --- one campaign ----------------------------------------------------------------------------


@dataclass(frozen=True)
class SchoolProgress:
    """One school's checklist in figures."""

    school_id: int
    school: str
    zone: str
    required: int
    done: int
    overdue: int
    lagging: bool

    @property
    def percent(self) -> float:
        return percent_of(self.done, self.required)


@dataclass(frozen=True)
class PhaseRow:
    """A phase and whether its deadline has passed."""

    name: str
    deadline: date
    passed: bool


@dataclass(frozen=True)
class CampaignProgress:
    """A campaign's progress on one day, school by school (by school name)."""

    campaign_id: int
    name: str
    kind_label: str
    started_on: date
    schools: list[SchoolProgress]
    required: int
    done: int
    overdue: int
    phases: list[PhaseRow]
    next_phase: PhaseRow | None

    @property
    def percent(self) -> float:
        return percent_of(self.done, self.required)

    @property
    def lagging(self) -> list[SchoolProgress]:
        """The schools that lag, least advanced first."""
        return sorted((s for s in self.schools if s.lagging), key=lambda s: (s.percent, s.school))


def _campaign(session: Session, campaign_id: int) -> Campaign:
    campaign = session.get(Campaign, campaign_id)
    if campaign is None:
        raise refusal("campaign", _("专项工作"), _("找不到这项迎检工作，可能已被删除"))
    return campaign


def _school_counts(
    session: Session, campaign_id: int, today: date
) -> dict[int, tuple[int, int, int]]:
    """``(required, done, overdue)`` of every school of the campaign, by school id."""
    items: dict[int, list[tuple[bool, str, date | None]]] = defaultdict(list)
    for school_id, required, status, due in session.execute(
        select(
            ChecklistItem.school_id,
            ChecklistItem.required,
            ChecklistItem.status,
            ChecklistItem.due_date,
        ).where(ChecklistItem.campaign_id == campaign_id)
    ):
        items[school_id].append((required, status, due))
    school_ids = session.scalars(
        select(CampaignSchool.school_id).where(CampaignSchool.campaign_id == campaign_id)
    )
    return {s: school_progress(items[s], today) for s in school_ids}


def _progress(session: Session, campaign: Campaign, today: date) -> CampaignProgress:
    counts = _school_counts(session, campaign.id, today)
    names = {
        school_id: (name, zone or "")
        for school_id, name, zone in session.execute(
            select(School.id, School.name, Zone.name)
            .outerjoin(Zone, Zone.id == School.zone_id)
            .where(School.id.in_(list(counts)))
        )
    }
    required = sum(c[0] for c in counts.values())
    done = sum(c[1] for c in counts.values())
    overall = percent_of(done, required)
    phases = [PhaseRow(p.name, p.deadline, p.deadline < today) for p in campaign.phases]
    phase_passed = any(p.passed for p in phases)
    schools = sorted(
        (
            SchoolProgress(
                school_id=school_id,
                school=names[school_id][0],
                zone=names[school_id][1],
                required=r,
                done=d,
                overdue=o,
                lagging=is_lagging(percent_of(d, r), overall, o, phase_passed),
            )
            for school_id, (r, d, o) in counts.items()
        ),
        key=lambda s: (s.school, s.school_id),
    )
    return CampaignProgress(
        campaign_id=campaign.id,
        name=campaign.name,
        kind_label=CampaignKind.label_of(campaign.kind),
        started_on=campaign.started_on,
        schools=schools,
        required=required,
        done=done,
        overdue=sum(c[2] for c in counts.values()),
        phases=phases,
        next_phase=next((p for p in phases if not p.passed), None),
    )


def campaign_progress(db: Database, campaign_id: int, today: date) -> CampaignProgress:
    """A campaign's progress on ``today``: every school, the totals and the phases."""
    with db.session() as session:
        return _progress(session, _campaign(session, campaign_id), today)


# --- weekly snapshots (周调度) ------------------------------------------------------------------


@mutates(Change.CAMPAIGNS)
def take_snapshot(db: Database, campaign_id: int, today: date, note: str = "") -> int:
    """Keep the campaign's progress as it stands on ``today`` (replacing one taken the same
    day); returns the snapshot's id."""
    with db.session() as session:
        _campaign(session, campaign_id)
        figures = {
            str(school_id): [done, required, overdue]
            for school_id, (required, done, overdue) in _school_counts(
                session, campaign_id, today
            ).items()
        }
        snapshot = session.scalars(
            select(ProgressSnapshot)
            .where(ProgressSnapshot.campaign_id == campaign_id)
            .where(ProgressSnapshot.taken_on == today)
        ).one_or_none()
        if snapshot is None:
            snapshot = ProgressSnapshot(campaign_id=campaign_id, taken_on=today)
            session.add(snapshot)
        snapshot.figures = figures
        snapshot.note = note.strip()
        session.flush()
        return snapshot.id


@dataclass(frozen=True)
class SnapshotRow:
    """A snapshot's totals."""

    id: int
    taken_on: date
    required: int
    done: int
    overdue: int
    note: str

    @property
    def percent(self) -> float:
        return percent_of(self.done, self.required)


def snapshot_rows(db: Database, campaign_id: int) -> list[SnapshotRow]:
    """The campaign's snapshots, newest first."""
    with db.session() as session:
        snapshots = session.scalars(
            select(ProgressSnapshot)
            .where(ProgressSnapshot.campaign_id == campaign_id)
            .order_by(ProgressSnapshot.taken_on.desc())
        )
        return [
            SnapshotRow(
                id=s.id,
                taken_on=s.taken_on,
                required=sum(f[1] for f in s.figures.values()),
                done=sum(f[0] for f in s.figures.values()),
                overdue=sum(f[2] for f in s.figures.values()),
                note=s.note,
            )
            for s in snapshots
        ]


@dataclass(frozen=True)
class SchoolChange:
    """A school's progress then (``None`` when it was not in the snapshot) and now."""

    school_id: int
    school: str
    percent_then: float | None
    percent_now: float
    overdue_then: int | None
    overdue_now: int

    @property
    def delta(self) -> float | None:
        """Percentage points gained since the snapshot (``None`` when not in it)."""
        return None if self.percent_then is None else self.percent_now - self.percent_then


def compare_with_snapshot(
    db: Database, campaign_id: int, snapshot_id: int, today: date
) -> list[SchoolChange]:
    """Each school of the campaign now against the snapshot, by school name."""
    with db.session() as session:
        snapshot = session.get(ProgressSnapshot, snapshot_id)
        if snapshot is None or snapshot.campaign_id != campaign_id:
            raise refusal("snapshot", _("调度记录"), _("找不到这次调度记录，可能已被删除"))
        then = snapshot.figures
        now = _progress(session, _campaign(session, campaign_id), today)
    changes = []
    for school in now.schools:
        figures = then.get(str(school.school_id))
        changes.append(
            SchoolChange(
                school_id=school.school_id,
                school=school.school,
                percent_then=percent_of(figures[0], figures[1]) if figures else None,
                percent_now=school.percent,
                overdue_then=figures[2] if figures else None,
                overdue_now=school.overdue,
            )
        )
    return changes


# --- the monthly bulletin (月通报) -------------------------------------------------------------


@dataclass(frozen=True)
class Bulletin:
    """Figures of a month's bulletin: progress as it stands, items finished during the month,
    schools complete, overdue items and the schools that lag."""

    year: int
    month: int
    percent: float
    done_in_month: int
    schools_complete: int
    schools: int
    overdue: int
    lagging: list[str]


def monthly_bulletin(
    db: Database, campaign_id: int, year: int, month: int, today: date
) -> Bulletin:
    """The 月通报 figures of ``year``-``month``: progress, overdue items and lagging schools as
    of ``today``, and the counted items marked done during the month."""
    first = date(year, month, 1)
    last = date(year, month, calendar.monthrange(year, month)[1])
    with db.session() as session:
        progress = _progress(session, _campaign(session, campaign_id), today)
        finished = session.execute(
            select(ChecklistItem.required, ChecklistItem.status)
            .where(ChecklistItem.campaign_id == campaign_id)
            .where(ChecklistItem.status.in_(DONE))
            .where(ChecklistItem.updated_on.between(first, last))
        ).all()
    return Bulletin(
        year=year,
        month=month,
        percent=progress.percent,
        done_in_month=sum(1 for required, status in finished if counted(required, status)),
        schools_complete=sum(1 for s in progress.schools if s.done == s.required),
        schools=len(progress.schools),
        overdue=progress.overdue,
        lagging=[s.school for s in progress.lagging],
    )


# --- the dashboard ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ArchiveFigures:
    """The dashboard's archive figures over the running campaigns: the nearest phase
    deadline, overdue items and lagging schools."""

    running: int
    next_campaign: str
    next_phase: str
    next_deadline: date | None
    days_left: int | None
    overdue: int
    lagging: int


def archive_figures(db: Database, today: date) -> ArchiveFigures | None:
    """The running campaigns' figures on ``today``; ``None`` when no campaign is running."""
    with db.session() as session:
        return archive_figures_in(session, today)


def archive_figures_in(session: Session, today: date) -> ArchiveFigures | None:
    """:func:`archive_figures` inside an open session."""
    running = session.scalars(
        select(Campaign)
        .where(Campaign.closed_on.is_(None))
        .order_by(Campaign.started_on, Campaign.id)
    ).all()
    if not running:
        return None
    progress = [_progress(session, campaign, today) for campaign in running]
    upcoming = [
        (p.next_phase.deadline, p.name, p.next_phase.name) for p in progress if p.next_phase
    ]
    deadline, campaign, phase = min(upcoming, default=(None, "", ""))
    return ArchiveFigures(
        running=len(running),
        next_campaign=campaign,
        next_phase=phase,
        next_deadline=deadline,
        days_left=(deadline - today).days if deadline else None,
        overdue=sum(p.overdue for p in progress),
        lagging=sum(len(p.lagging) for p in progress),
    )
