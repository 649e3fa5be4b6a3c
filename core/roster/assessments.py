"""Inspectors' yearly assessment (年度考核): one result a year per inspector.

The plans assess inspectors every year as well as at the end of a term (任期考核, kept on the
term). A year's assessment records the result (优秀 / 合格 / 基本合格 / 不合格), the day, who
assessed and notes. Once a year is over the office is reminded of every serving inspector who
served in it and has no assessment of it yet; the assessment is due by the end of the policy's
month of the next year (``yearly_assessment_due_month``, March by default) and overdue after.
"""

from __future__ import annotations

from calendar import monthrange
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from core.changes import Change, mutates
from core.enums import YearlyResult
from core.errors import FieldError, ValidationError, refusal
from core.i18n import _
from core.office.policy import PolicyProfile
from core.parsing import clean_text
from core.roster.terms import TermLike, current_term, last_day
from db.models import Inspector, YearlyAssessment

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from db.engine import Database

FIRST_YEAR = 2000
ASSESSOR_MAX = 100


@dataclass(frozen=True)
class YearlyAssessmentInput:
    """One year's assessment as the clerk enters it; ``result`` is a ``YearlyResult`` code."""

    year: int
    result: str
    assessed_on: date | None = None
    assessor: str = ""
    notes: str = ""


@dataclass(frozen=True)
class YearlyAssessmentLine:
    """One stored yearly assessment."""

    id: int
    inspector_id: int
    year: int
    result: str
    assessed_on: date | None
    assessor: str
    notes: str

    @property
    def result_label(self) -> str:
        return YearlyResult.label_of(self.result)


@dataclass(frozen=True)
class AssessmentsDue:
    """The year just over whose assessment some serving inspectors still lack."""

    year: int
    due: date
    overdue: bool
    missing: list[str]


def assessment_problems(data: YearlyAssessmentInput, today: date) -> list[FieldError]:
    """Every problem of ``data``, each naming its field."""
    errors = []
    if not FIRST_YEAR <= data.year <= today.year:
        message = _("“考核年度”应在 {first} 到 {last} 之间", first=FIRST_YEAR, last=today.year)
        errors.append(FieldError("year", _("考核年度"), message))
    if data.result not in {r.value for r in YearlyResult}:
        message = _("“考核结果”应为优秀、合格、基本合格或不合格")
        errors.append(FieldError("result", _("考核结果"), message))
    if data.assessed_on is not None and data.assessed_on.year < data.year:
        message = _("“考核日期”不能早于考核年度")
        errors.append(FieldError("assessed_on", _("考核日期"), message))
    if len(clean_text(data.assessor)) > ASSESSOR_MAX:
        message = _("“考核单位”不能超过 {most} 个字", most=ASSESSOR_MAX)
        errors.append(FieldError("assessor", _("考核单位"), message))
    return errors


@mutates(Change.INSPECTORS)
def save_yearly_assessment(
    db: Database,
    inspector_id: int,
    data: YearlyAssessmentInput,
    today: date,
    assessment_id: int | None = None,
) -> int:
    """Record (``assessment_id`` None) or change an inspector's assessment of a year; returns
    its id. A second assessment of the same year is refused."""
    problems = assessment_problems(data, today)
    if problems:
        raise ValidationError(problems)
    with db.session() as session:
        if session.get(Inspector, inspector_id) is None:
            raise refusal("year", _("督学"), _("找不到这名督学，可能已被删除"))
        same = session.scalar(
            select(YearlyAssessment.id).where(
                YearlyAssessment.inspector_id == inspector_id, YearlyAssessment.year == data.year
            )
        )
        if same is not None and same != assessment_id:
            message = _("已有 {year} 年度的考核记录，请修改那一条", year=data.year)
            raise refusal("year", _("考核年度"), message)
        if assessment_id is None:
            assessment = YearlyAssessment(inspector_id=inspector_id)
            session.add(assessment)
        else:
            found = session.get(YearlyAssessment, assessment_id)
            if found is None or found.inspector_id != inspector_id:
                message = _("找不到这条年度考核记录，它可能已被删除")
                raise refusal("year", _("考核年度"), message)
            assessment = found
        assessment.year = data.year
        assessment.result = data.result
        assessment.assessed_on = data.assessed_on
        assessment.assessor = clean_text(data.assessor)
        assessment.notes = data.notes.strip()
        session.flush()
        return assessment.id


@mutates(Change.INSPECTORS)
def delete_yearly_assessment(db: Database, assessment_id: int) -> None:
    """Delete a yearly assessment entered by mistake."""
    with db.session() as session:
        found = session.get(YearlyAssessment, assessment_id)
        if found is not None:
            session.delete(found)


def _line(a: YearlyAssessment) -> YearlyAssessmentLine:
    return YearlyAssessmentLine(
        a.id, a.inspector_id, a.year, a.result, a.assessed_on, a.assessor, a.notes
    )


def yearly_assessments_in(session: Session, inspector_id: int) -> list[YearlyAssessmentLine]:
    """An inspector's yearly assessments, newest year first (inside an open session)."""
    rows = session.scalars(
        select(YearlyAssessment)
        .where(YearlyAssessment.inspector_id == inspector_id)
        .order_by(YearlyAssessment.year.desc())
    )
    return [_line(a) for a in rows]


def latest_results_in(session: Session) -> dict[int, YearlyAssessmentLine]:
    """Each inspector's newest yearly assessment (inside an open session)."""
    latest: dict[int, YearlyAssessmentLine] = {}
    for a in session.scalars(select(YearlyAssessment).order_by(YearlyAssessment.year)):
        latest[a.inspector_id] = _line(a)
    return latest


def assessment_due_date(year: int, policy: PolicyProfile) -> date:
    """The last day to assess ``year``: the end of the policy's month of the next year."""
    month = policy.yearly_assessment_due_month
    return date(year + 1, month, monthrange(year + 1, month)[1])


def served_in(terms: Sequence[TermLike], year: int) -> bool:
    """Whether any of ``terms`` was in force on a day of ``year``."""
    start, end = date(year, 1, 1), date(year, 12, 31)
    return any(t.start_date <= end and last_day(t) >= start for t in terms)


def owes_assessment(inspector: Inspector, today: date) -> bool:
    """Whether a serving inspector who served last year has no assessment of that year."""
    year = today.year - 1
    return (
        current_term(inspector.appointments, today) is not None
        and served_in(inspector.appointments, year)
        and all(a.year != year for a in inspector.yearly_assessments)
    )


def assessments_due_in(session: Session, today: date, policy: PolicyProfile) -> AssessmentsDue:
    """Last year's assessments still missing on ``today``: serving inspectors who served in
    that year and have no assessment of it (inside an open session)."""
    year = today.year - 1
    due = assessment_due_date(year, policy)
    inspectors = session.scalars(
        select(Inspector)
        .options(selectinload(Inspector.appointments), selectinload(Inspector.yearly_assessments))
        .order_by(Inspector.name)
    )
    missing = [i.name for i in inspectors if owes_assessment(i, today)]
    return AssessmentsDue(
        year=year, due=due, overdue=bool(missing) and today > due, missing=missing
    )
