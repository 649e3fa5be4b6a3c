"""SQLAlchemy models of the office's data.

Enumerations are stored as short English codes (see ``core.enums`` for their Chinese labels) so
that the same database reads the same in any UI language and on SQLite and PostgreSQL alike.
The schema itself is created and changed only by the Alembic migrations in ``db/migrations``.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Explicit constraint names keep migrations reproducible on both SQLite and PostgreSQL.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Zone(Base):
    """A responsibility zone (督学责任区)."""

    __tablename__ = "zones"

    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    """Raised by every change; a save made from an older view of the row is refused."""
    __mapper_args__: dict[str, Any] = {"version_id_col": version}  # noqa: RUF012 (SQLAlchemy reads it)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    note: Mapped[str] = mapped_column(Text, default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)

    schools: Mapped[list[School]] = relationship(back_populates="zone")


class School(Base):
    """A school, kindergarten or teaching point."""

    __tablename__ = "schools"
    __table_args__ = (CheckConstraint("enrolment >= 0", name="enrolment_not_negative"),)

    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    """Raised by every change; a save made from an older view of the row is refused."""
    __mapper_args__: dict[str, Any] = {"version_id_col": version}  # noqa: RUF012 (SQLAlchemy reads it)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(30))
    is_private: Mapped[bool] = mapped_column(Boolean, default=False)
    enrolment: Mapped[int] = mapped_column(Integer, default=0)
    principal: Mapped[str] = mapped_column(String(100), default="")
    principal_term_end: Mapped[date | None] = mapped_column(Date)
    address: Mapped[str] = mapped_column(String(300), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    zone_id: Mapped[int | None] = mapped_column(ForeignKey("zones.id", ondelete="SET NULL"))
    parent_school_id: Mapped[int | None] = mapped_column(
        ForeignKey("schools.id", ondelete="SET NULL")
    )
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now())

    zone: Mapped[Zone | None] = relationship(back_populates="schools")
    assignments: Mapped[list[Assignment]] = relationship(back_populates="school")


class Inspector(Base):
    """An inspector (督学)."""

    __tablename__ = "inspectors"

    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    """Raised by every change; a save made from an older view of the row is refused."""
    __mapper_args__: dict[str, Any] = {"version_id_col": version}  # noqa: RUF012 (SQLAlchemy reads it)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    gender: Mapped[str] = mapped_column(String(10), default="")
    unit: Mapped[str] = mapped_column(String(200), default="")
    post: Mapped[str] = mapped_column(String(100), default="")
    employment: Mapped[str] = mapped_column(String(20), default="part_time")
    phone: Mapped[str] = mapped_column(String(50), default="")
    photo_path: Mapped[str] = mapped_column(String(500), default="")
    certificate_no: Mapped[str] = mapped_column(String(100), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now())
    education: Mapped[str] = mapped_column(String(20), default="", server_default="")
    """学历 (an ``Education`` code, "" when not recorded)."""
    experience_years: Mapped[int | None] = mapped_column(Integer)
    """Years of 教育教学或管理经历 (None when not recorded)."""

    appointments: Mapped[list[Appointment]] = relationship(
        back_populates="inspector", order_by="Appointment.start_date"
    )
    assignments: Mapped[list[Assignment]] = relationship(back_populates="inspector")
    recusals: Mapped[list[Recusal]] = relationship(back_populates="inspector")
    training: Mapped[list[TrainingRecord]] = relationship(back_populates="inspector")
    yearly_assessments: Mapped[list[YearlyAssessment]] = relationship(
        back_populates="inspector", order_by="YearlyAssessment.year"
    )


class Appointment(Base):
    """One term (任期) of an inspector, with its assessment and how it ended."""

    __tablename__ = "appointments"
    __table_args__ = (
        CheckConstraint("end_date >= start_date", name="term_ends_after_start"),
        Index("ix_appointments_inspector_start", "inspector_id", "start_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    inspector_id: Mapped[int] = mapped_column(ForeignKey("inspectors.id", ondelete="CASCADE"))
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    assessment: Mapped[str | None] = mapped_column(String(20))
    ended_on: Mapped[date | None] = mapped_column(Date)
    end_reason: Mapped[str | None] = mapped_column(String(20))
    notes: Mapped[str] = mapped_column(Text, default="")

    inspector: Mapped[Inspector] = relationship(back_populates="appointments")


class YearlyAssessment(Base):
    """An inspector's assessment for one year (年度考核): when, the result, by whom."""

    __tablename__ = "yearly_assessments"
    __table_args__ = (UniqueConstraint("inspector_id", "year", name="uq_yearly_assessments_year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    inspector_id: Mapped[int] = mapped_column(ForeignKey("inspectors.id", ondelete="CASCADE"))
    year: Mapped[int] = mapped_column(Integer)
    assessed_on: Mapped[date | None] = mapped_column(Date)
    result: Mapped[str] = mapped_column(String(20))
    assessor: Mapped[str] = mapped_column(String(100), default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    inspector: Mapped[Inspector] = relationship(back_populates="yearly_assessments")


class Assignment(Base):
    """A responsible inspector (责任督学) covering a school over a period (挂牌)."""

    __tablename__ = "assignments"
    __table_args__ = (
        Index("ix_assignments_school_start", "school_id", "start_date"),
        Index("ix_assignments_inspector", "inspector_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    inspector_id: Mapped[int] = mapped_column(ForeignKey("inspectors.id", ondelete="CASCADE"))
    school_id: Mapped[int] = mapped_column(ForeignKey("schools.id", ondelete="CASCADE"))
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")

    inspector: Mapped[Inspector] = relationship(back_populates="assignments")
    school: Mapped[School] = relationship(back_populates="assignments")


class Recusal(Base):
    """An inspector who must not cover a school (回避), e.g. their former school."""

    __tablename__ = "recusals"
    __table_args__ = (UniqueConstraint("inspector_id", "school_id", name="uq_recusals_pair"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    inspector_id: Mapped[int] = mapped_column(ForeignKey("inspectors.id", ondelete="CASCADE"))
    school_id: Mapped[int] = mapped_column(ForeignKey("schools.id", ondelete="CASCADE"))
    reason: Mapped[str] = mapped_column(String(200), default="")
    since: Mapped[date] = mapped_column(Date)

    inspector: Mapped[Inspector] = relationship(back_populates="recusals")
    school: Mapped[School] = relationship()


class TrainingRecord(Base):
    """One training an inspector took part in (培训记录)."""

    __tablename__ = "training_records"
    __table_args__ = (
        CheckConstraint("hours >= 0", name="hours_not_negative"),
        CheckConstraint("end_date >= start_date", name="training_ends_after_start"),
        Index("ix_training_records_inspector_start", "inspector_id", "start_date"),
    )

    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    """Raised by every change; a save made from an older view of the row is refused."""
    __mapper_args__: dict[str, Any] = {"version_id_col": version}  # noqa: RUF012 (SQLAlchemy reads it)

    id: Mapped[int] = mapped_column(primary_key=True)
    inspector_id: Mapped[int] = mapped_column(ForeignKey("inspectors.id", ondelete="CASCADE"))
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    course: Mapped[str] = mapped_column(String(200))
    organizer: Mapped[str] = mapped_column(String(200), default="")
    form: Mapped[str] = mapped_column(String(20))
    hours: Mapped[float] = mapped_column(Float)
    certificate: Mapped[str] = mapped_column(String(100), default="")
    note: Mapped[str] = mapped_column(Text, default="")

    inspector: Mapped[Inspector] = relationship(back_populates="training")


class Visit(Base):
    """One visit of an inspector to a school on a day (进校督导), planned or carried out.

    ``kind`` is a :class:`core.enums.VisitKind` code and ``status`` a ``VisitStatus`` code; the
    monthly plan generator replaces only ``planned`` routine visits, never confirmed or done ones.
    ``topic`` names the subject of a 专项督导 (双减, 安全 …).
    """

    __tablename__ = "visits"
    __table_args__ = (
        Index("ix_visits_visit_date", "visit_date"),
        Index("ix_visits_school_date", "school_id", "visit_date"),
        Index("ix_visits_inspector_date", "inspector_id", "visit_date"),
        Index("ix_visits_problem", "problem_id"),
        Index("ix_visits_uid", "uid", unique=True),
    )

    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    """Raised by every change; a save made from an older view of the row is refused."""
    __mapper_args__: dict[str, Any] = {"version_id_col": version}  # noqa: RUF012 (SQLAlchemy reads it)

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_date: Mapped[date] = mapped_column(Date)
    school_id: Mapped[int] = mapped_column(ForeignKey("schools.id", ondelete="CASCADE"))
    inspector_id: Mapped[int] = mapped_column(ForeignKey("inspectors.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20), default="routine")
    status: Mapped[str] = mapped_column(String(20), default="planned")
    topic: Mapped[str] = mapped_column(String(100), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    generated: Mapped[bool] = mapped_column(Boolean, default=False)
    uid: Mapped[str] = mapped_column(String(64), default=lambda: uuid.uuid4().hex)
    """The visit's lasting name in calendar files (.ics), kept when the generator re-plans it."""
    problem_id: Mapped[int | None] = mapped_column(
        ForeignKey("problems.id", ondelete="SET NULL", use_alter=True)
    )
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now())

    school: Mapped[School] = relationship()
    inspector: Mapped[Inspector] = relationship()
    companions: Mapped[list[Inspector]] = relationship(secondary="visit_companions")
    record: Mapped[VisitRecord | None] = relationship(
        back_populates="visit", cascade="all, delete-orphan"
    )


class VisitCompanion(Base):
    """Another inspector who went on a visit with its responsible inspector."""

    __tablename__ = "visit_companions"

    visit_id: Mapped[int] = mapped_column(
        ForeignKey("visits.id", ondelete="CASCADE"), primary_key=True
    )
    inspector_id: Mapped[int] = mapped_column(
        ForeignKey("inspectors.id", ondelete="CASCADE"), primary_key=True
    )


class VisitRecord(Base):
    """The 督导记录表 of a visit carried out.

    ``items`` holds the main inspection items covered as their text at the time (the office's
    list may change later); ``methods`` and ``six_minimum`` hold ``InspectionMethod`` and
    ``SixMinimum`` codes.
    """

    __tablename__ = "visit_records"

    visit_id: Mapped[int] = mapped_column(
        ForeignKey("visits.id", ondelete="CASCADE"), primary_key=True
    )
    items: Mapped[list[str]] = mapped_column(JSON, default=list)
    methods: Mapped[list[str]] = mapped_column(JSON, default=list)
    six_minimum: Mapped[list[str]] = mapped_column(JSON, default=list)
    findings: Mapped[str] = mapped_column(Text, default="")
    problems: Mapped[str] = mapped_column(Text, default="")
    advice: Mapped[str] = mapped_column(Text, default="")
    feedback: Mapped[str] = mapped_column(Text, default="")
    filed_on: Mapped[date | None] = mapped_column(Date)

    visit: Mapped[Visit] = relationship(back_populates="record")


class Complaint(Base):
    """A complaint or report about a school (受理核实投诉记录); ``complainant`` "" is anonymous."""

    __tablename__ = "complaints"
    __table_args__ = (Index("ix_complaints_received_on", "received_on"),)

    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    """Raised by every change; a save made from an older view of the row is refused."""
    __mapper_args__: dict[str, Any] = {"version_id_col": version}  # noqa: RUF012 (SQLAlchemy reads it)

    id: Mapped[int] = mapped_column(primary_key=True)
    received_on: Mapped[date] = mapped_column(Date)
    channel: Mapped[str] = mapped_column(String(20), default="phone")
    complainant: Mapped[str] = mapped_column(String(100), default="")
    contact: Mapped[str] = mapped_column(String(100), default="")
    school_id: Mapped[int] = mapped_column(ForeignKey("schools.id", ondelete="CASCADE"))
    content: Mapped[str] = mapped_column(Text)
    inspector_id: Mapped[int | None] = mapped_column(
        ForeignKey("inspectors.id", ondelete="SET NULL")
    )
    verification: Mapped[str] = mapped_column(Text, default="")
    result: Mapped[str] = mapped_column(Text, default="")
    replied_on: Mapped[date | None] = mapped_column(Date)

    school: Mapped[School] = relationship()
    inspector: Mapped[Inspector | None] = relationship()


class Problem(Base):
    """A problem found at a school and its rectification (整改).

    It comes from a visit or a complaint (either may be unset for a problem entered directly).
    ``deadline`` is the day the school must have fixed it; ``escalated_on`` stays set once the
    problem was reported to the office, even after it is fixed, so the trail shows it.
    """

    __tablename__ = "problems"
    __table_args__ = (
        Index("ix_problems_school", "school_id"),
        Index("ix_problems_status_deadline", "status", "deadline"),
        Index("ix_problems_visit", "visit_id"),
    )

    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    """Raised by every change; a save made from an older view of the row is refused."""
    __mapper_args__: dict[str, Any] = {"version_id_col": version}  # noqa: RUF012 (SQLAlchemy reads it)

    id: Mapped[int] = mapped_column(primary_key=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("schools.id", ondelete="CASCADE"))
    visit_id: Mapped[int | None] = mapped_column(ForeignKey("visits.id", ondelete="SET NULL"))
    complaint_id: Mapped[int | None] = mapped_column(
        ForeignKey("complaints.id", ondelete="SET NULL")
    )
    found_on: Mapped[date] = mapped_column(Date)
    category: Mapped[str] = mapped_column(String(20), default="general")
    description: Mapped[str] = mapped_column(Text)
    requirement: Mapped[str] = mapped_column(String(20), default="deadline")
    deadline: Mapped[date | None] = mapped_column(Date)
    notice_no: Mapped[str] = mapped_column(String(100), default="")
    notice_date: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="open")
    escalated_on: Mapped[date | None] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")

    school: Mapped[School] = relationship()
    visit: Mapped[Visit | None] = relationship(foreign_keys=[visit_id])
    complaint: Mapped[Complaint | None] = relationship()
    follow_ups: Mapped[list[FollowUp]] = relationship(
        back_populates="problem", cascade="all, delete-orphan", order_by="FollowUp.day"
    )


class FollowUp(Base):
    """One follow-up (复查) of a problem: when, what was found, and the outcome."""

    __tablename__ = "follow_ups"
    __table_args__ = (Index("ix_follow_ups_problem", "problem_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    problem_id: Mapped[int] = mapped_column(ForeignKey("problems.id", ondelete="CASCADE"))
    day: Mapped[date] = mapped_column(Date)
    outcome: Mapped[str] = mapped_column(String(20), default="not_fixed")
    result: Mapped[str] = mapped_column(Text, default="")

    problem: Mapped[Problem] = relationship(back_populates="follow_ups")


class ProblemAction(Base):
    """A step taken on a problem beyond its follow-ups, after the plans: a 督办通知 (numbered in
    its own series, with a new ``deadline`` in place of ``previous_deadline``), a 约谈 (``place``,
    who was talked to in ``subjects``, who talked in ``officials``, the written record in
    ``content``), a 通报, a referral for 问责 or a report up to the district or city level
    (to whom in ``subjects``, why in ``content``, the ``outcome``). ``kind`` is a
    :class:`core.enums.ActionKind` code.
    """

    __tablename__ = "problem_actions"
    __table_args__ = (Index("ix_problem_actions_problem", "problem_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    problem_id: Mapped[int] = mapped_column(ForeignKey("problems.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))
    day: Mapped[date] = mapped_column(Date)
    number: Mapped[str] = mapped_column(String(100), default="")
    deadline: Mapped[date | None] = mapped_column(Date)
    previous_deadline: Mapped[date | None] = mapped_column(Date)
    place: Mapped[str] = mapped_column(String(200), default="")
    subjects: Mapped[str] = mapped_column(Text, default="")
    officials: Mapped[str] = mapped_column(Text, default="")
    content: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(Text, default="")

    problem: Mapped[Problem] = relationship()


class Attachment(Base):
    """A file the clerk attached to a visit record, a problem or an archive checklist item.

    Its content is in :class:`AttachmentBlob` under ``digest`` (the SHA-256 of the bytes), so it
    travels with the database (backups, restores, other PCs on a server). ``file_name`` is the
    name the clerk knows it by. ``stored_name`` is where versions before 0008 copied the file in
    the per-user data folder; a row whose ``digest`` is still unset has its content only there,
    until :func:`core.attachments.adopt_folder_copies` moves it into the database.
    """

    __tablename__ = "attachments"
    __table_args__ = (
        Index("ix_attachments_visit", "visit_id"),
        Index("ix_attachments_problem", "problem_id"),
        Index("ix_attachments_checklist_item", "checklist_item_id"),
        Index("ix_attachments_digest", "digest"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int | None] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"))
    problem_id: Mapped[int | None] = mapped_column(ForeignKey("problems.id", ondelete="CASCADE"))
    checklist_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("checklist_items.id", ondelete="CASCADE")
    )
    file_name: Mapped[str] = mapped_column(String(300))
    stored_name: Mapped[str] = mapped_column(String(500))
    added_on: Mapped[date] = mapped_column(Date)
    digest: Mapped[str | None] = mapped_column(String(64))
    size: Mapped[int | None] = mapped_column(BigInteger)


class AttachmentBlob(Base):
    """One chunk of an attachment's content: the content with SHA-256 ``digest`` is the chunks'
    ``data`` in ``position`` order. Attachments with the same content share the chunks; the last
    attachment removed takes them along."""

    __tablename__ = "attachment_blobs"

    digest: Mapped[str] = mapped_column(String(64), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class ChecklistTemplate(Base):
    """A reusable archive checklist (档案资料清单): items in groups, in order.

    ``builtin`` names the shipped template it was loaded from ("" for the office's own), so a
    shipped template is not loaded twice.
    """

    __tablename__ = "checklist_templates"

    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    """Raised by every change; a save made from an older view of the row is refused."""
    __mapper_args__: dict[str, Any] = {"version_id_col": version}  # noqa: RUF012 (SQLAlchemy reads it)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    builtin: Mapped[str] = mapped_column(String(50), default="")
    school_kinds: Mapped[str] = mapped_column(String(300), default="", server_default="")
    """The ``SchoolKind`` codes the template is for, comma-separated ("" for every school)."""

    items: Mapped[list[TemplateItem]] = relationship(
        back_populates="template",
        cascade="all, delete-orphan",
        order_by="TemplateItem.position",
    )


class TemplateItem(Base):
    """One item of a checklist template: its group, whether it is required, what proves it
    (``evidence``) and how long it is kept (``retention``: 永久, 10年 …)."""

    __tablename__ = "template_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    template_id: Mapped[int] = mapped_column(
        ForeignKey("checklist_templates.id", ondelete="CASCADE")
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    group_name: Mapped[str] = mapped_column(String(200), default="")
    title: Mapped[str] = mapped_column(Text)
    required: Mapped[bool] = mapped_column(Boolean, default=True)
    evidence: Mapped[str] = mapped_column(Text, default="")
    retention: Mapped[str] = mapped_column(String(20), default="")

    template: Mapped[ChecklistTemplate] = relationship(back_populates="items")


class Campaign(Base):
    """An evaluation campaign (迎检 / 专项工作) with its phases, schools and checklists.

    ``closed_on`` is set once the campaign is over; its checklists stay for the record.
    """

    __tablename__ = "campaigns"

    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    """Raised by every change; a save made from an older view of the row is refused."""
    __mapper_args__: dict[str, Any] = {"version_id_col": version}  # noqa: RUF012 (SQLAlchemy reads it)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(20), default="other")
    started_on: Mapped[date] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")

    phases: Mapped[list[CampaignPhase]] = relationship(
        back_populates="campaign",
        cascade="all, delete-orphan",
        order_by="CampaignPhase.position",
    )


class CampaignPhase(Base):
    """A phase of a campaign (宣传发动, 自查整改 …) and the day it must be finished."""

    __tablename__ = "campaign_phases"

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(100))
    deadline: Mapped[date] = mapped_column(Date)

    campaign: Mapped[Campaign] = relationship(back_populates="phases")


class CampaignSchool(Base):
    """A school taking part in a campaign."""

    __tablename__ = "campaign_schools"

    campaign_id: Mapped[int] = mapped_column(
        ForeignKey("campaigns.id", ondelete="CASCADE"), primary_key=True
    )
    school_id: Mapped[int] = mapped_column(
        ForeignKey("schools.id", ondelete="CASCADE"), primary_key=True
    )


class CampaignTemplate(Base):
    """A template applied to a campaign: schools added later get its items too."""

    __tablename__ = "campaign_templates"

    campaign_id: Mapped[int] = mapped_column(
        ForeignKey("campaigns.id", ondelete="CASCADE"), primary_key=True
    )
    template_id: Mapped[int] = mapped_column(
        ForeignKey("checklist_templates.id", ondelete="CASCADE"), primary_key=True
    )


class ChecklistItem(Base):
    """One archive item of one school's checklist in a campaign.

    The template item's text is copied when the template is applied, so later edits of the
    template do not change a checklist already being worked on. ``status`` is an ``ItemStatus``
    code; ``box_no`` and ``location`` say where the filed papers are (盒号 / 存放位置).
    """

    __tablename__ = "checklist_items"
    __table_args__ = (Index("ix_checklist_items_campaign_school", "campaign_id", "school_id"),)

    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    """Raised by every change; a save made from an older view of the row is refused."""
    __mapper_args__: dict[str, Any] = {"version_id_col": version}  # noqa: RUF012 (SQLAlchemy reads it)

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"))
    school_id: Mapped[int] = mapped_column(ForeignKey("schools.id", ondelete="CASCADE"))
    template_id: Mapped[int | None] = mapped_column(
        ForeignKey("checklist_templates.id", ondelete="SET NULL")
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    group_name: Mapped[str] = mapped_column(String(200), default="")
    title: Mapped[str] = mapped_column(Text)
    required: Mapped[bool] = mapped_column(Boolean, default=True)
    evidence: Mapped[str] = mapped_column(Text, default="")
    retention: Mapped[str] = mapped_column(String(20), default="")
    status: Mapped[str] = mapped_column(String(20), default="not_started")
    responsible: Mapped[str] = mapped_column(String(100), default="")
    due_date: Mapped[date | None] = mapped_column(Date)
    box_no: Mapped[str] = mapped_column(String(50), default="")
    location: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    updated_on: Mapped[date | None] = mapped_column(Date)

    school: Mapped[School] = relationship()


class ProgressSnapshot(Base):
    """A campaign's progress as it stood on one day (周调度): kept to compare with later weeks.

    ``figures`` maps each school's id (as text) to ``[done, required, overdue]`` counts.
    """

    __tablename__ = "progress_snapshots"
    __table_args__ = (UniqueConstraint("campaign_id", "taken_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"))
    taken_on: Mapped[date] = mapped_column(Date)
    figures: Mapped[dict[str, list[int]]] = mapped_column(JSON, default=dict)
    note: Mapped[str] = mapped_column(Text, default="")


class Indicator(Base):
    """One indicator of a campaign's evaluation sheet and the points it is worth.

    Points given must lie between ``min_points`` and ``max_points`` (an adjustment line such as
    加减分 ±3 has ``min_points`` -3).
    """

    __tablename__ = "indicators"

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    group_name: Mapped[str] = mapped_column(String(200), default="")
    name: Mapped[str] = mapped_column(Text)
    max_points: Mapped[float] = mapped_column(Float)
    min_points: Mapped[float] = mapped_column(Float, default=0)


class Score(Base):
    """The points a school got on one indicator."""

    __tablename__ = "scores"

    indicator_id: Mapped[int] = mapped_column(
        ForeignKey("indicators.id", ondelete="CASCADE"), primary_key=True
    )
    school_id: Mapped[int] = mapped_column(
        ForeignKey("schools.id", ondelete="CASCADE"), primary_key=True
    )
    points: Mapped[float] = mapped_column(Float)
    note: Mapped[str] = mapped_column(Text, default="")


class Unavailability(Base):
    """Days an inspector cannot visit schools (请假, 培训 …), first and last day included."""

    __tablename__ = "unavailability"
    __table_args__ = (
        CheckConstraint("end_date >= start_date", name="unavailable_ends_after_start"),
        Index("ix_unavailability_inspector_start", "inspector_id", "start_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    inspector_id: Mapped[int] = mapped_column(ForeignKey("inspectors.id", ondelete="CASCADE"))
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(String(20), default="leave")
    note: Mapped[str] = mapped_column(Text, default="")

    inspector: Mapped[Inspector] = relationship()


class CalendarDay(Base):
    """The clerk's own entry for one day (a holiday or a swapped working day, 调休).

    It overrides the official arrangement known to ``chinese-calendar``, and is the only source
    for years the package does not know yet.
    """

    __tablename__ = "calendar_days"

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(Date, unique=True)
    kind: Mapped[str] = mapped_column(String(10))
    note: Mapped[str] = mapped_column(String(200), default="")


class Setting(Base):
    """One stored setting: the office's name and every value of the policy profile.

    Values are JSON text so that a new setting never needs a schema change.
    """

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
