"""The inspector roster (督学花名册): people, photos, and what the list shows of each.

An inspector's status (在任 …) comes from their terms (see :mod:`core.roster.terms`).
Names are unique in the roster, because sheets and the clerk refer to inspectors by name; two
namesakes are told apart by the clerk (e.g. 王军（城关）). A photo is copied into the data folder
so that it survives the original file being moved; the database keeps its path relative to that
folder.
"""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from core.changes import Change, mutates
from core.enums import Assessment, Education, Employment, Gender, InspectorStatus, TermEndReason
from core.errors import (
    FieldError,
    Labels,
    ValidationError,
    apply_unless_stale,
    unprintable_errors,
)
from core.i18n import _, joined
from core.office.policy import PolicyProfile
from core.office.settings import policy_from_session
from core.overview import at_term_limit, term_expiring
from core.parsing import clean_text, parse_phone
from core.roster.assessments import (
    YearlyAssessmentLine,
    latest_results_in,
    owes_assessment,
    yearly_assessments_in,
)
from core.roster.qualifications import qualification_gaps
from core.roster.terms import consecutive_terms, current_term, inspector_status, last_day
from db.models import Assignment, Inspector, Recusal, School
from db.paths import data_dir

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from db.engine import Database

EXPERIENCE_MAX = 60
PHOTO_DIR = "photos"
PHOTO_SIGNATURES = {
    b"\x89PNG\r\n\x1a\n": ".png",
    b"\xff\xd8\xff": ".jpg",
    b"BM": ".bmp",
}


@dataclass(frozen=True)
class InspectorInput:
    """What the clerk enters for an inspector."""

    name: str
    gender: str = ""
    employment: str = Employment.PART_TIME.value
    unit: str = ""
    post: str = ""
    phone: str = ""
    certificate_no: str = ""
    notes: str = ""
    education: str = ""
    """An ``Education`` code ("" when not recorded)."""
    experience_years: int | None = None
    """Years of 教育教学或管理经历 (None when not recorded)."""


@dataclass(frozen=True)
class InspectorRow:
    """One line of the roster on a given day."""

    id: int
    name: str
    gender: str
    employment: str
    unit: str
    post: str
    phone: str
    certificate_no: str
    notes: str
    status: InspectorStatus
    term_start: date | None
    term_end: date | None
    consecutive_terms: int
    schools: int
    photo_path: str
    term_expiring: bool = False
    at_term_limit: bool = False
    overloaded: bool = False
    version: int = 1
    education: str = ""
    experience_years: int | None = None
    qualification_gaps: tuple[str, ...] = ()
    """What falls short of the appointment qualifications (known values only)."""
    latest_yearly: YearlyAssessmentLine | None = None
    """The newest yearly assessment (年度考核)."""
    owes_yearly: bool = False
    """In office, served last year and has no assessment of it yet."""

    @property
    def serving(self) -> bool:
        return self.status == InspectorStatus.SERVING


@dataclass(frozen=True)
class TermLine:
    """One term in an inspector's history."""

    id: int
    start_date: date
    end_date: date
    ended_on: date | None
    end_reason: str | None
    assessment: str | None
    notes: str

    @property
    def description(self) -> str:
        parts = []
        if self.assessment:
            parts.append(_("考核{result}", result=Assessment.label_of(self.assessment)))
        if self.end_reason:
            reason = TermEndReason.label_of(self.end_reason)
            parts.append(_("{day} {reason}", day=self.ended_on, reason=reason))
        return joined(parts)


@dataclass(frozen=True)
class CoverageLine:
    """One 挂牌 in an inspector's or a school's history."""

    id: int
    school: str
    inspector: str
    start_date: date
    end_date: date | None


@dataclass(frozen=True)
class RecusalLine:
    id: int
    school: str
    reason: str
    since: date


@dataclass(frozen=True)
class InspectorDetail:
    """Everything kept about one inspector: terms, 挂牌 history and recusals."""

    row: InspectorRow
    terms: list[TermLine]
    coverage: list[CoverageLine]
    recusals: list[RecusalLine]
    yearly_assessments: list[YearlyAssessmentLine] = field(default_factory=list)
    """Yearly assessments (年度考核), newest year first."""


def inspector_problems(data: InspectorInput) -> list[FieldError]:
    """Every problem of ``data``, each naming its field."""
    errors = []
    name = clean_text(data.name)
    name_label = _("姓名")
    if not name:
        errors.append(FieldError("name", name_label, _("“姓名”不能为空")))
    elif len(name) > 100:
        errors.append(FieldError("name", name_label, _("“姓名”不能超过 100 个字")))
    errors += unprintable_errors(("name", name_label, name))
    if data.gender and data.gender not in {g.value for g in Gender}:
        message = _("“性别”不能是“{value}”", value=data.gender)
        errors.append(FieldError("gender", _("性别"), message))
    if data.employment not in {e.value for e in Employment}:
        errors.append(FieldError("employment", _("专兼职"), _("“专兼职”应为专职或兼职")))
    try:
        parse_phone(data.phone)
    except ValueError as exc:
        errors.append(FieldError("phone", _("联系电话"), _("“联系电话”{problem}", problem=exc)))
    if data.education and data.education not in {e.value for e in Education}:
        message = _("“学历”不能是“{value}”", value=data.education)
        errors.append(FieldError("education", _("学历"), message))
    if data.experience_years is not None and not 0 <= data.experience_years <= EXPERIENCE_MAX:
        errors.append(
            FieldError(
                "experience_years",
                _("教育教学或管理经历"),
                _("“教育教学或管理经历”应在 0 到 {most} 年之间", most=EXPERIENCE_MAX),
            )
        )
    return errors


def apply_inspector_input(inspector: Inspector, data: InspectorInput) -> None:
    """Copy validated ``data`` onto ``inspector``."""
    inspector.name = clean_text(data.name)
    inspector.gender = data.gender
    inspector.employment = data.employment
    inspector.unit = clean_text(data.unit)
    inspector.post = clean_text(data.post)
    inspector.phone = parse_phone(data.phone)
    inspector.certificate_no = clean_text(data.certificate_no)
    inspector.notes = data.notes.strip()
    inspector.education = data.education
    inspector.experience_years = data.experience_years


def inspector_labels() -> Labels:
    """The fields a stale save names when it is refused, in the chosen language."""
    return {
        "name": _("姓名"),
        "gender": _("性别"),
        "employment": (_("专兼职"), Employment.label_of),
        "unit": _("工作单位"),
        "post": _("职务"),
        "phone": _("联系电话"),
        "certificate_no": _("督学证号"),
        "notes": _("备注"),
        "education": (_("学历"), Education.label_of),
        "experience_years": _("教育教学或管理经历（年）"),
    }


@mutates(Change.INSPECTORS, Change.SCHOOLS)
def save_inspector(
    db: Database,
    data: InspectorInput,
    inspector_id: int | None = None,
    appoint_from: date | None = None,
    *,
    version: int | None = None,
) -> int:
    """Add an inspector (optionally appointing a first term) or change one; returns the id.

    ``version`` is the row's version when the clerk opened it: if someone saved it since, the
    change is refused (:class:`~core.errors.StaleEditError`) and nothing is overwritten.
    """
    from core.roster.terms import appoint_in_session

    problems = inspector_problems(data)
    if problems:
        raise ValidationError(problems)
    name = clean_text(data.name)
    with db.session() as session:
        same = session.scalar(select(Inspector.id).where(Inspector.name == name))
        if same is not None and same != inspector_id:
            raise ValidationError(
                [
                    FieldError(
                        "name", _("姓名"), _("已有名为“{name}”的督学；同名时请加以区分", name=name)
                    )
                ]
            )
        if inspector_id is None:
            inspector = Inspector(photo_path="")
            session.add(inspector)
        else:
            found = session.get(Inspector, inspector_id)
            if found is None:
                raise ValidationError([FieldError("name", _("姓名"), _("找不到这名督学"))])
            inspector = found
        apply_unless_stale(
            session,
            inspector,
            version,
            inspector_labels(),
            lambda now: _("督学“{name}”的信息", name=now["name"]),
            lambda: apply_inspector_input(inspector, data),
        )
        session.flush()
        if appoint_from is not None:
            appoint_in_session(session, inspector, appoint_from)
        return inspector.id


def photo_file(photo_path: str) -> Path | None:
    """The stored photo's file, or ``None`` when there is none or it went missing."""
    if not photo_path:
        return None
    path = data_dir() / photo_path
    return path if path.is_file() else None


@mutates(Change.INSPECTORS)
def set_photo(db: Database, inspector_id: int, source: Path) -> str:
    """Copy an image (PNG, JPEG or BMP) into the data folder as the inspector's photo."""
    try:
        content = source.read_bytes()
    except OSError as exc:
        raise ValidationError(
            [
                FieldError(
                    "photo",
                    _("照片"),
                    _("无法读取照片文件“{file}”：{why}", file=source.name, why=exc.strerror),
                )
            ]
        ) from None
    suffix = next((s for sig, s in PHOTO_SIGNATURES.items() if content.startswith(sig)), None)
    if suffix is None:
        raise ValidationError(
            [
                FieldError(
                    "photo", _("照片"), _("“{file}”不是 PNG、JPG 或 BMP 图片", file=source.name)
                )
            ]
        )
    digest = hashlib.sha256(content).hexdigest()[:16]
    relative = f"{PHOTO_DIR}/inspector-{inspector_id}-{digest}{suffix}"
    target = data_dir() / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    with db.session() as session:
        inspector = session.get(Inspector, inspector_id)
        if inspector is None:
            target.unlink()
            raise ValidationError([FieldError("photo", _("照片"), _("找不到这名督学"))])
        inspector.photo_path = relative
    return relative


def _current_schools(session: Session, today: date) -> dict[int, int]:
    counts: dict[int, int] = {}
    for inspector_id in session.scalars(
        select(Assignment.inspector_id)
        .join(School, School.id == Assignment.school_id)
        .where(
            School.active,
            Assignment.start_date <= today,
            (Assignment.end_date.is_(None)) | (Assignment.end_date >= today),
        )
    ):
        counts[inspector_id] = counts.get(inspector_id, 0) + 1
    return counts


def _row(
    inspector: Inspector,
    today: date,
    schools: int,
    policy: PolicyProfile,
    latest: YearlyAssessmentLine | None = None,
) -> InspectorRow:
    terms = inspector.appointments
    term = current_term(terms, today) or (max(terms, key=lambda t: t.start_date) if terms else None)
    return InspectorRow(
        id=inspector.id,
        name=inspector.name,
        gender=inspector.gender,
        employment=inspector.employment,
        unit=inspector.unit,
        post=inspector.post,
        phone=inspector.phone,
        certificate_no=inspector.certificate_no,
        notes=inspector.notes,
        status=inspector_status(terms, today),
        term_start=term.start_date if term else None,
        term_end=last_day(term) if term else None,
        consecutive_terms=consecutive_terms(terms, term) if term else 0,
        schools=schools,
        photo_path=inspector.photo_path,
        term_expiring=term_expiring(terms, today, policy.term_warning_days) is not None,
        at_term_limit=at_term_limit(terms, today, policy),
        overloaded=schools > policy.inspector_school_warning,
        version=inspector.version,
        education=inspector.education,
        experience_years=inspector.experience_years,
        qualification_gaps=tuple(
            qualification_gaps(inspector.education, inspector.experience_years, policy)
        ),
        latest_yearly=latest,
        owes_yearly=owes_assessment(inspector, today),
    )


def inspector_rows(db: Database, today: date) -> list[InspectorRow]:
    """Every inspector with status, current (or last) term and number of schools on ``today``."""
    with db.session() as session:
        return inspector_rows_in(session, today)


def inspector_rows_in(session: Session, today: date) -> list[InspectorRow]:
    """:func:`inspector_rows` inside an open session."""
    from sqlalchemy.orm import selectinload

    counts = _current_schools(session, today)
    policy = policy_from_session(session)
    inspectors = session.scalars(
        select(Inspector)
        .options(selectinload(Inspector.appointments), selectinload(Inspector.yearly_assessments))
        .order_by(Inspector.id)
    )
    latest = latest_results_in(session)
    return [_row(i, today, counts.get(i.id, 0), policy, latest.get(i.id)) for i in inspectors]


def inspector_detail(db: Database, inspector_id: int, today: date) -> InspectorDetail | None:
    """One inspector's row, terms, 挂牌 history (newest first) and recusals."""
    with db.session() as session:
        inspector = session.get(Inspector, inspector_id)
        if inspector is None:
            return None
        schools = _current_schools(session, today).get(inspector_id, 0)
        coverage = session.execute(
            select(Assignment.id, School.name, Assignment.start_date, Assignment.end_date)
            .join(School, School.id == Assignment.school_id)
            .where(Assignment.inspector_id == inspector_id)
            .order_by(Assignment.start_date.desc(), School.name)
        ).all()
        recusals = session.execute(
            select(Recusal.id, School.name, Recusal.reason, Recusal.since)
            .join(School, School.id == Recusal.school_id)
            .where(Recusal.inspector_id == inspector_id)
            .order_by(School.name)
        ).all()
        return InspectorDetail(
            row=_row(
                inspector,
                today,
                schools,
                policy_from_session(session),
                latest_results_in(session).get(inspector_id),
            ),
            terms=[
                TermLine(
                    t.id, t.start_date, t.end_date, t.ended_on, t.end_reason, t.assessment, t.notes
                )
                for t in sorted(inspector.appointments, key=lambda t: t.start_date, reverse=True)
            ],
            coverage=[CoverageLine(c.id, c.name, inspector.name, c[2], c[3]) for c in coverage],
            recusals=[RecusalLine(*r) for r in recusals],
            yearly_assessments=yearly_assessments_in(session, inspector_id),
        )
