"""Training records (培训) and the yearly figures against the policy.

Hours count in the year the training started. Only the forms the office counts go toward the
yearly hours (:func:`counted_forms_in`; by default 集中培训 alone, as the plans write "集中培训累计
不少于40学时"); the office may add 网络培训 and others. The hours of every form are shown beside
them (``by_form``). Centralized training (集中培训 and 脱产培训) is
measured in working days (Monday to Friday) between its first and last day; the three-year rule
looks back three years from the day asked about.

Pre-service training (岗前培训, "新任督学岗前培训不少于15学时") is owed by a newly appointed
inspector from the first appointment until it is done, across the turn of the year: an inspector
appointed in November is still asked for it in January. It is due within the policy's window
after the first appointment (``preservice_window_months``, 12 by default) and overdue after it.
Only an inspector still in the first term is asked: one who has served a whole term is no longer
新任, and the office's older inspectors were trained before their records were kept here.
"""

from __future__ import annotations

import json
from calendar import monthrange
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from core.changes import Change, mutates
from core.enums import TrainingForm
from core.errors import FieldError, Labels, ValidationError, apply_unless_stale
from core.i18n import _
from core.office.settings import policy_from_session, put_setting
from core.parsing import clean_text
from core.roster.terms import TermLike, add_years, consecutive_terms, current_term, last_day
from db.models import Inspector, Setting, TrainingRecord

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from db.engine import Database

CENTRALIZED_FORMS = (TrainingForm.CENTRALIZED.value, TrainingForm.FULL_RELEASE.value)
COUNTED_FORMS_KEY = "training.counted_forms"
"""Setting: the ``TrainingForm`` codes whose hours count toward the yearly hours."""
DEFAULT_COUNTED_FORMS: tuple[str, ...] = (TrainingForm.CENTRALIZED.value,)


@dataclass(frozen=True)
class TrainingInput:
    """One course as entered (for one or many inspectors)."""

    start_date: date
    end_date: date
    course: str
    hours: float
    form: str = TrainingForm.CENTRALIZED.value
    organizer: str = ""
    certificate: str = ""
    note: str = ""


@dataclass(frozen=True)
class TrainingLine:
    """One stored training record with the inspector's name."""

    id: int
    inspector_id: int
    inspector: str
    start_date: date
    end_date: date
    course: str
    organizer: str
    form: str
    hours: float
    certificate: str
    note: str
    version: int = 1


@dataclass(frozen=True)
class TrainingTotal:
    """One serving inspector's training figures for a year."""

    inspector_id: int
    name: str
    hours: float
    required: int
    preservice_required: bool
    preservice_hours: float
    preservice_minimum: int
    centralized_days: int
    centralized_minimum: int
    centralized_due: bool
    by_form: dict[str, float] = field(default_factory=dict)
    """The year's hours of every form taken (``TrainingForm`` code → hours)."""
    counted_forms: tuple[str, ...] = DEFAULT_COUNTED_FORMS
    """The forms whose hours make up ``hours``."""
    preservice_due: date | None = None
    """The day pre-service training is due by (None when it is not asked of the inspector)."""
    overdue_from: date | None = None
    """The day the figures are read on (to tell a due pre-service training from an overdue one)."""

    @property
    def id(self) -> int:
        return self.inspector_id

    @property
    def shortfall(self) -> float:
        return max(0.0, self.required - self.hours)

    @property
    def missing_preservice(self) -> bool:
        return self.preservice_required and self.preservice_hours < self.preservice_minimum

    @property
    def preservice_overdue(self) -> bool:
        return (
            self.missing_preservice
            and self.preservice_due is not None
            and self.overdue_from is not None
            and self.overdue_from > self.preservice_due
        )

    @property
    def missing_centralized(self) -> bool:
        return self.centralized_due and self.centralized_days < self.centralized_minimum


def training_problems(data: TrainingInput) -> list[FieldError]:
    """Every problem of one course, each naming its field."""
    errors = []
    if not clean_text(data.course):
        errors.append(FieldError("course", _("培训名称"), _("“培训名称”不能为空")))
    if data.end_date < data.start_date:
        errors.append(FieldError("end_date", _("结束日期"), _("“结束日期”不能早于开始日期")))
    if not 0 < data.hours <= 2000:
        errors.append(FieldError("hours", _("学时"), _("“学时”应大于 0 且不超过 2000")))
    if data.form not in {f.value for f in TrainingForm}:
        message = _("“培训形式”不能是“{value}”", value=data.form)
        errors.append(FieldError("form", _("培训形式"), message))
    return errors


def record_from_input(data: TrainingInput) -> TrainingRecord:
    """A new, unsaved record with the validated ``data``."""
    return TrainingRecord(
        start_date=data.start_date,
        end_date=data.end_date,
        course=clean_text(data.course),
        organizer=clean_text(data.organizer),
        form=data.form,
        hours=round(data.hours, 1),
        certificate=clean_text(data.certificate),
        note=data.note.strip(),
    )


def _validated(data: TrainingInput) -> TrainingInput:
    problems = training_problems(data)
    if problems:
        raise ValidationError(problems)
    return data


@mutates(Change.TRAINING)
def add_training(db: Database, inspector_ids: Sequence[int], data: TrainingInput) -> int:
    """Record one course for one or many inspectors (batch entry); returns records added."""
    _validated(data)
    if not inspector_ids:
        raise ValidationError([FieldError("inspectors", _("参训督学"), _("请至少选择一名督学"))])
    with db.session() as session:
        inspectors = session.scalars(select(Inspector).where(Inspector.id.in_(inspector_ids)))
        added = 0
        for inspector in inspectors:
            record = record_from_input(data)
            record.inspector = inspector
            session.add(record)
            added += 1
        return added


def training_labels() -> Labels:
    """The fields a stale save names when it is refused, in the chosen language."""
    return {
        "start_date": _("开始日期"),
        "end_date": _("结束日期"),
        "course": _("培训名称"),
        "organizer": _("主办单位"),
        "form": (_("培训形式"), TrainingForm.label_of),
        "hours": (_("学时"), lambda hours: f"{float(hours):g}"),
        "certificate": _("证书编号"),
        "note": _("备注"),
    }


@mutates(Change.TRAINING)
def update_training(
    db: Database, record_id: int, data: TrainingInput, *, version: int | None = None
) -> None:
    """Change one record; refused (:class:`~core.errors.StaleEditError`) if someone saved it
    since the clerk opened it at ``version``."""
    _validated(data)
    with db.session() as session:
        record = session.get(TrainingRecord, record_id)
        if record is None:
            message = _("找不到这条培训记录")
            raise ValidationError([FieldError("course", _("培训记录"), message)])
        fresh = record_from_input(data)
        labels = training_labels()

        def apply() -> None:
            for name in labels:
                setattr(record, name, getattr(fresh, name))

        apply_unless_stale(
            session,
            record,
            version,
            labels,
            lambda now: _("培训记录“{course}”", course=now["course"]),
            apply,
        )


@mutates(Change.TRAINING)
def delete_training(db: Database, record_ids: Sequence[int]) -> int:
    """Delete records entered by mistake; returns how many."""
    with db.session() as session:
        records = session.scalars(
            select(TrainingRecord).where(TrainingRecord.id.in_(record_ids))
        ).all()
        for record in records:
            session.delete(record)
        return len(records)


def training_lines(db: Database, year: int | None = None) -> list[TrainingLine]:
    """Records (of one year, or all), newest first."""
    with db.session() as session:
        query = select(TrainingRecord, Inspector.name).join(
            Inspector, Inspector.id == TrainingRecord.inspector_id
        )
        if year is not None:
            query = query.where(
                TrainingRecord.start_date >= date(year, 1, 1),
                TrainingRecord.start_date <= date(year, 12, 31),
            )
        query = query.order_by(TrainingRecord.start_date.desc(), Inspector.name)
        return [
            TrainingLine(
                r.id,
                r.inspector_id,
                name,
                r.start_date,
                r.end_date,
                r.course,
                r.organizer,
                r.form,
                r.hours,
                r.certificate,
                r.note,
                r.version,
            )
            for r, name in session.execute(query)
        ]


def working_days(start: date, end: date) -> int:
    """Monday-to-Friday days from ``start`` to ``end`` inclusive."""
    if end < start:
        return 0
    weeks, extra = divmod((end - start).days + 1, 7)
    days = weeks * 5
    for offset in range(extra):
        if (start + timedelta(days=weeks * 7 + offset)).weekday() < 5:
            days += 1
    return days


def hours_in_year(
    records: Iterable[TrainingRecord], year: int, forms: Sequence[str] | None = None
) -> float:
    """Hours of the records that started in ``year`` (of ``forms`` only, when given)."""
    return round(
        sum(
            r.hours
            for r in records
            if r.start_date.year == year and (forms is None or r.form in forms)
        ),
        1,
    )


def hours_by_form(records: Iterable[TrainingRecord], year: int) -> dict[str, float]:
    """The hours of each form among the records that started in ``year``, in the forms' order."""
    hours: dict[str, float] = {}
    for form in TrainingForm:
        total = sum(r.hours for r in records if r.start_date.year == year and r.form == form)
        if total:
            hours[form.value] = round(total, 1)
    return hours


def form_problems(forms: Sequence[str]) -> list[FieldError]:
    """Problems of a choice of counted forms: at least one, each a known form."""
    label = _("计入年度学时的培训形式")
    known = {f.value for f in TrainingForm}
    if not forms:
        return [FieldError("counted_forms", label, _("“{label}”至少要选一种", label=label))]
    unknown = [f for f in forms if f not in known]
    if unknown:
        message = _("“{label}”不能是“{values}”", label=label, values="、".join(unknown))
        return [FieldError("counted_forms", label, message)]
    return []


def counted_forms_in(session: Session) -> tuple[str, ...]:
    """The forms whose hours count toward the yearly hours (inside an open session)."""
    row = session.get(Setting, COUNTED_FORMS_KEY)
    if row is None:
        return DEFAULT_COUNTED_FORMS
    stored = json.loads(row.value)
    return tuple(stored) if not form_problems(stored) else DEFAULT_COUNTED_FORMS


def load_counted_forms(db: Database) -> tuple[str, ...]:
    """The forms whose hours count toward the yearly hours."""
    with db.session() as session:
        return counted_forms_in(session)


@mutates(Change.SETTINGS, Change.TRAINING)
def save_counted_forms(db: Database, forms: Sequence[str]) -> tuple[str, ...]:
    """Store which forms count toward the yearly hours (in the forms' order); returns them."""
    problems = form_problems(forms)
    if problems:
        raise ValidationError(problems)
    ordered = tuple(f.value for f in TrainingForm if f.value in set(forms))
    with db.session() as session:
        put_setting(session, COUNTED_FORMS_KEY, list(ordered))
    return ordered


def centralized_days_within(records: Iterable[TrainingRecord], today: date, years: int = 3) -> int:
    """Working days of centralized training in the ``years`` up to ``today``."""
    since = add_years(today, -years)
    return sum(
        working_days(max(r.start_date, since), min(r.end_date, today))
        for r in records
        if r.form in CENTRALIZED_FORMS and r.end_date >= since and r.start_date <= today
    )


def add_months(day: date, months: int) -> date:
    """``day`` moved ``months`` months on (the month's last day when it is shorter)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, monthrange(year, month)[1]))


def preservice_due(first_term: TermLike, as_of: date, window_months: int) -> date | None:
    """The day pre-service training is due by, when it is asked of an inspector whose first
    term is ``first_term`` on ``as_of`` (None when the first term has not begun or is over)."""
    if not first_term.start_date <= as_of <= last_day(first_term):
        return None
    return add_months(first_term.start_date, window_months)


def training_totals(session: Session, today: date, year: int | None = None) -> list[TrainingTotal]:
    """Figures for every inspector in office on ``today`` (inside an open session)."""
    policy = policy_from_session(session)
    counted = counted_forms_in(session)
    year = year or today.year
    totals = []
    inspectors = session.scalars(
        select(Inspector)
        .options(selectinload(Inspector.appointments), selectinload(Inspector.training))
        .order_by(Inspector.name)
    )
    for inspector in inspectors:
        term = current_term(inspector.appointments, today)
        if term is None:
            continue
        series = consecutive_terms(inspector.appointments, term)
        first = sorted(inspector.appointments, key=lambda t: t.start_date)
        series_start = [t for t in first if t.start_date <= term.start_date][-series].start_date
        as_of = min(today, date(year, 12, 31))
        due = preservice_due(first[0], as_of, policy.preservice_window_months)
        preservice = sum(
            r.hours
            for r in inspector.training
            if r.form == TrainingForm.PRESERVICE.value and r.start_date <= as_of
        )
        totals.append(
            TrainingTotal(
                inspector_id=inspector.id,
                name=inspector.name,
                hours=hours_in_year(inspector.training, year, counted),
                required=policy.training_hours_per_year,
                preservice_required=due is not None,
                preservice_hours=round(preservice, 1),
                preservice_minimum=policy.preservice_training_hours,
                centralized_days=centralized_days_within(inspector.training, today),
                centralized_minimum=policy.centralized_training_days,
                centralized_due=series_start <= add_years(today, -3),
                by_form=hours_by_form(inspector.training, year),
                counted_forms=counted,
                preservice_due=due,
                overdue_from=as_of,
            )
        )
    return totals


def training_summary(db: Database, today: date, year: int | None = None) -> list[TrainingTotal]:
    """Per-inspector figures of ``year`` (default: ``today``'s year) for the serving roster."""
    with db.session() as session:
        return training_totals(session, today, year)
