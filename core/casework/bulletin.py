"""The figures of a 通报: the problems found in a period and how their rectification stands on the
day it is issued, per zone and per school, with the 督办, 约谈, 问责 and reports up of the period.

A problem counts in the period it was found in; its state is that of the 整改 page's rows on the
day of issue (:func:`core.casework.rectification.problem_rows`), so "逾期未整改" is the page's
"overdue". A problem is "rectified on time" when the first follow-up that found it fixed came on
or before its deadline. Steps count in the period they were taken in.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.casework.rectification import ProblemRow, rows_in
from core.enums import ActionKind, FollowUpOutcome, ProblemCategory, ProblemStatus
from db.models import FollowUp, ProblemAction


@dataclass
class Tally:
    """The figures of one zone, one school or the whole county."""

    found: int = 0
    fixed: int = 0
    on_time: int = 0
    overdue: int = 0
    supervisions: int = 0
    interviews: int = 0

    def add(self, other: Tally) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass
class Bulletin:
    """A 通报's figures: the total, per tier, per zone and per school (by name), the overdue
    problems, and the steps taken in the period by kind."""

    start: date
    end: date
    total: Tally = field(default_factory=Tally)
    tiers: Counter[str] = field(default_factory=Counter)
    zones: dict[str, Tally] = field(default_factory=dict)
    schools: dict[str, Tally] = field(default_factory=dict)
    overdue: list[ProblemRow] = field(default_factory=list)
    steps: Counter[str] = field(default_factory=Counter)


def _fixed_on(session: Session, ids: list[int]) -> dict[int, date]:
    """The day each problem was first found fixed."""
    fixed: dict[int, date] = {}
    query = (
        select(FollowUp.problem_id, FollowUp.day)
        .where(FollowUp.outcome == FollowUpOutcome.FIXED.value, FollowUp.problem_id.in_(ids))
        .order_by(FollowUp.day)
    )
    for problem_id, day in session.execute(query):
        fixed.setdefault(problem_id, day)
    return fixed


def steps_taken(session: Session, start: date, end: date) -> list[tuple[int, str]]:
    """The problem and kind of every step (督办, 约谈, 通报, 问责, 报送上级) taken from ``start``
    to ``end``: one per problem it was recorded on."""
    query = select(ProblemAction.problem_id, ProblemAction.kind).where(
        ProblemAction.day >= start, ProblemAction.day <= end
    )
    return [(problem_id, kind) for problem_id, kind in session.execute(query)]


def step_counts(session: Session, start: date, end: date) -> Counter[str]:
    """How many steps of each kind were taken from ``start`` to ``end`` (:func:`steps_taken`)."""
    return Counter(kind for _problem, kind in steps_taken(session, start, end))


def bulletin_in(session: Session, start: date, end: date, today: date) -> Bulletin:
    """The figures of the problems found from ``start`` to ``end`` as they stand on ``today``."""
    bulletin = Bulletin(start, end, steps=step_counts(session, start, end))
    rows = [r for r in rows_in(session, today) if start <= r.found_on <= end]
    fixed_on = _fixed_on(session, [r.id for r in rows])
    by_problem: dict[int, Counter[str]] = {}
    for problem_id, kind in steps_taken(session, start, end):
        by_problem.setdefault(problem_id, Counter())[kind] += 1
    for row in sorted(rows, key=lambda r: (r.zone, r.school, r.found_on)):
        done = row.status in (ProblemStatus.FIXED, ProblemStatus.VERIFIED)
        day = fixed_on.get(row.id)
        taken = by_problem.get(row.id, Counter())
        tally = Tally(
            found=1,
            fixed=int(done),
            on_time=int(done and day is not None and row.deadline is not None
                        and day <= row.deadline),
            overdue=int(row.overdue),
            supervisions=taken[ActionKind.SUPERVISION],
            interviews=taken[ActionKind.INTERVIEW],
        )  # fmt: skip
        bulletin.total.add(tally)
        bulletin.tiers[row.category] += 1
        bulletin.zones.setdefault(row.zone or "未划入责任区", Tally()).add(tally)
        bulletin.schools.setdefault(row.school, Tally()).add(tally)
        if row.overdue:
            bulletin.overdue.append(row)
    return bulletin


def tier_text(tiers: Counter[str]) -> str:
    """ "一般性问题 3 个、重点问题 1 个" in the order of the tiers."""
    return "、".join(f"{c.label}{tiers[c.value]}个" for c in ProblemCategory if tiers[c.value])
