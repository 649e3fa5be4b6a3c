"""Evaluation campaigns (迎检 / 专项工作) and each school's archive checklist in them.

A campaign has a kind, a start, phases with deadlines (宣传发动 → 自查整改 → 复评提高 → 评估验收 by
default), the schools taking part and the checklist templates applied. Applying a template
copies its items into one checklist per school, so later edits of the template do not change a
checklist already being worked on; an item's due date is the deadline of the second phase
(自查整改) unless the clerk gives another.

A template says which kinds of school it is for (its ``school_kinds``; none: every school), so
the kindergarten list goes to kindergartens only and 六个至少 and 双减 to the schools of compulsory
education. A school added to a running campaign, and a template added later, get their items due
by the next phase deadline still ahead (:func:`due_for_new_items`), never by one already past.

Items are changed in bulk (:func:`update_items`): many items, or whole schools, at once, all or
nothing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import partial
from typing import TYPE_CHECKING

from sqlalchemy import ColumnElement, delete, func, insert, select
from sqlalchemy.orm.attributes import flag_modified

from core.archive.progress import item_overdue, next_phase_of, percent_of, school_progress
from core.archive.templates import template_applies
from core.attachments import remove_unreferenced_blobs, session_attachment_digests
from core.changes import Change, mutates
from core.enums import CampaignKind, ItemStatus
from core.errors import FieldError, Labels, ValidationError, apply_unless_stale, refusal
from core.i18n import _, n_
from core.parsing import clean_text
from db.models import (
    Attachment,
    Campaign,
    CampaignPhase,
    CampaignSchool,
    CampaignTemplate,
    ChecklistItem,
    ChecklistTemplate,
    Indicator,
    School,
    Score,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from db.engine import Database

DEFAULT_PHASES: tuple[str, ...] = ("宣传发动", "自查整改", "复评提高", "评估验收")
DEFAULT_PHASE_DAYS: tuple[int, ...] = (30, 90, 150, 180)
"""Days after the start by which each default phase is due."""
DUE_PHASE = 1
"""Index of the phase whose deadline is an item's default due date (自查整改)."""
NAME_MAX = 200
PHASE_NAME_MAX = 100
RESPONSIBLE_MAX = 100
BOX_NO_MAX = 50
LOCATION_MAX = 200


# --- the rules, as pure functions ------------------------------------------------------------


@dataclass(frozen=True)
class PhaseInput:
    """A phase of a campaign and the day it must be finished."""

    name: str
    deadline: date


@dataclass(frozen=True)
class CampaignInput:
    """A campaign as the clerk enters it; ``kind`` is a ``CampaignKind`` code."""

    name: str
    kind: str
    started_on: date
    phases: tuple[PhaseInput, ...]
    school_ids: tuple[int, ...]
    template_ids: tuple[int, ...]
    note: str = ""
    version: int | None = field(default=None, compare=False)
    """The stored campaign's version when it was read for editing (:func:`campaign_input`)."""


def default_phases(start: date) -> tuple[PhaseInput, ...]:
    """The four usual phases, due one, three, five and six months (about) after ``start``."""
    return tuple(
        PhaseInput(name, start + timedelta(days=days))
        for name, days in zip(DEFAULT_PHASES, DEFAULT_PHASE_DAYS, strict=True)
    )


def default_due_date(phases: Sequence[PhaseInput]) -> date | None:
    """An item's default due date: the deadline of 自查整改 (the second phase), else the last."""
    if not phases:
        return None
    return phases[min(DUE_PHASE, len(phases) - 1)].deadline


def due_for_new_items(phases: Sequence[PhaseInput], today: date) -> date | None:
    """The due date of items added to a running campaign on ``today``: the default one while it
    lies ahead, else the next phase deadline from ``today`` on (the last one once all are past)."""
    due = default_due_date(phases)
    if due is None or due >= today:
        return due
    ahead = [p.deadline for p in phases if p.deadline >= today]
    return min(ahead) if ahead else phases[-1].deadline


def campaign_problems(data: CampaignInput) -> list[FieldError]:
    """Every problem of ``data`` that needs no database, each naming its field or row."""
    errors = []
    name = clean_text(data.name)
    name_label, phases = _("名称"), _("阶段")
    if not name:
        errors.append(FieldError("name", name_label, _("“名称”不能为空")))
    elif len(name) > NAME_MAX:
        errors.append(
            FieldError("name", name_label, _("“名称”不能超过 {most} 个字", most=NAME_MAX))
        )
    if data.kind not in {k.value for k in CampaignKind}:
        errors.append(FieldError("kind", _("类型"), _("“类型”不能是“{value}”", value=data.kind)))
    seen: set[str] = set()
    previous: PhaseInput | None = None
    for row, phase in enumerate(data.phases, start=1):
        phase_name = clean_text(phase.name)
        where = _("第 {row} 个阶段", row=row)
        if not phase_name:
            errors.append(FieldError("phases", phases, _("{where}没有名称", where=where)))
        elif len(phase_name) > PHASE_NAME_MAX:
            message = _("{where}的名称不能超过 {most} 个字", where=where, most=PHASE_NAME_MAX)
            errors.append(FieldError("phases", phases, message))
        elif phase_name in seen:
            message = _("{where}“{phase}”重复了", where=where, phase=phase_name)
            errors.append(FieldError("phases", phases, message))
        seen.add(phase_name)
        label = _("{where}“{phase}”", where=where, phase=phase_name) if phase_name else where
        if phase.deadline < data.started_on:
            message = _(
                "{label}的截止日期不能早于开始日期（{day}）", label=label, day=data.started_on
            )
            errors.append(FieldError("phases", phases, message))
        elif previous is not None and phase.deadline < previous.deadline:
            message = _(
                "{label}的截止日期不能早于上一阶段“{previous}”（{day}）",
                label=label,
                previous=clean_text(previous.name),
                day=previous.deadline,
            )
            errors.append(FieldError("phases", phases, message))
        previous = phase
    if not data.school_ids:
        errors.append(FieldError("schools", _("学校"), _("请至少选择一所学校")))
    return errors


# --- entering campaigns ----------------------------------------------------------------------


def _campaign(session: Session, campaign_id: int) -> Campaign:
    campaign = session.get(Campaign, campaign_id)
    if campaign is None:
        raise refusal("campaign", _("专项工作"), _("找不到这项迎检工作，可能已被删除"))
    return campaign


def _validated(session: Session, data: CampaignInput, campaign_id: int | None) -> None:
    problems = campaign_problems(data)
    if problems:
        raise ValidationError(problems)
    name = clean_text(data.name)
    taken = session.scalar(select(Campaign.id).where(Campaign.name == name))
    if taken is not None and taken != campaign_id:
        raise refusal("name", _("名称"), _("已有名为“{name}”的迎检工作", name=name))
    school_ids = set(data.school_ids)
    found = set(session.scalars(select(School.id).where(School.id.in_(school_ids))))
    if found != school_ids:
        message = n_("有 {n} 所所选学校已不存在", len(school_ids - found))
        raise refusal("schools", _("学校"), message)
    template_ids = set(data.template_ids)
    found = set(
        session.scalars(select(ChecklistTemplate.id).where(ChecklistTemplate.id.in_(template_ids)))
    )
    if found != template_ids:
        raise refusal("templates", _("清单模板"), _("所选的清单模板已不存在"))


def _apply(campaign: Campaign, data: CampaignInput) -> None:
    campaign.name = clean_text(data.name)
    campaign.kind = data.kind
    campaign.started_on = data.started_on
    campaign.note = data.note.strip()
    campaign.phases = [
        CampaignPhase(position=index, name=clean_text(p.name), deadline=p.deadline)
        for index, p in enumerate(data.phases)
    ]


def _fill(
    session: Session,
    campaign_id: int,
    school_ids: Iterable[int],
    template_ids: Sequence[int],
    due: date | None,
) -> None:
    """Copy the items of ``template_ids`` into the checklists of ``school_ids``, after the items
    those checklists already have."""
    school_ids = list(school_ids)
    if not school_ids or not template_ids:
        return
    kinds = dict(
        session.execute(select(School.id, School.kind).where(School.id.in_(school_ids))).all()
    )
    templates = {
        t.id: t
        for t in session.scalars(
            select(ChecklistTemplate).where(ChecklistTemplate.id.in_(template_ids))
        )
    }
    last = dict(
        session.execute(
            select(ChecklistItem.school_id, func.max(ChecklistItem.position))
            .where(ChecklistItem.campaign_id == campaign_id)
            .where(ChecklistItem.school_id.in_(school_ids))
            .group_by(ChecklistItem.school_id)
        ).all()
    )
    rows = []
    for school_id in school_ids:
        position = last.get(school_id, -1) + 1
        for template_id in template_ids:
            template = templates[template_id]
            if not template_applies(template.school_kinds, kinds[school_id]):
                continue
            for item in template.items:
                rows.append(
                    {
                        "campaign_id": campaign_id,
                        "school_id": school_id,
                        "template_id": template_id,
                        "position": position,
                        "group_name": item.group_name,
                        "title": item.title,
                        "required": item.required,
                        "evidence": item.evidence,
                        "retention": item.retention,
                        "status": ItemStatus.NOT_STARTED.value,
                        "responsible": "",
                        "due_date": due,
                        "box_no": "",
                        "location": "",
                        "note": "",
                    }
                )
                position += 1
    if rows:
        session.execute(insert(ChecklistItem), rows)


@mutates(Change.CAMPAIGNS)
def create_campaign(db: Database, data: CampaignInput) -> int:
    """Start a campaign: one checklist per school holding the items of every template (copied),
    each due by the deadline of the 自查整改 phase; returns the campaign's id."""
    template_ids = list(dict.fromkeys(data.template_ids))
    with db.session() as session:
        _validated(session, data, None)
        campaign = Campaign()
        _apply(campaign, data)
        session.add(campaign)
        session.flush()
        school_ids = list(dict.fromkeys(data.school_ids))
        session.add_all(CampaignSchool(campaign_id=campaign.id, school_id=s) for s in school_ids)
        session.add_all(
            CampaignTemplate(campaign_id=campaign.id, template_id=t) for t in template_ids
        )
        _fill(session, campaign.id, school_ids, template_ids, default_due_date(data.phases))
        return campaign.id


def _untouched() -> ColumnElement[bool]:
    """Items nobody has worked on: 未开始, nothing written and nothing attached."""
    attached = select(Attachment.id).where(Attachment.checklist_item_id == ChecklistItem.id)
    return (
        (ChecklistItem.status == ItemStatus.NOT_STARTED.value)
        & (ChecklistItem.responsible == "")
        & (ChecklistItem.box_no == "")
        & (ChecklistItem.location == "")
        & (ChecklistItem.note == "")
        & ~attached.exists()
    )


def campaign_labels() -> Labels:
    """The fields a stale save names when it is refused, in the chosen language."""
    return {
        "name": _("名称"),
        "kind": (_("类型"), CampaignKind.label_of),
        "started_on": _("开始日期"),
        "note": _("备注"),
    }


@mutates(Change.CAMPAIGNS)
def update_campaign(
    db: Database,
    campaign_id: int,
    data: CampaignInput,
    *,
    version: int | None = None,
    today: date | None = None,
) -> None:
    """Change a campaign on ``today``. Schools added get their checklists and templates added
    are applied to every school, due by the next deadline still ahead on ``today``
    (:func:`due_for_new_items`; without ``today``, by the default due date); schools removed lose
    their checklists and scores; templates removed take along only the items nobody has worked
    on. Items due on the old default date move to the new one.

    ``version`` is the campaign's version when the clerk opened it: if someone saved it since
    (its phases, schools or templates included), the change is refused
    (:class:`~core.errors.StaleEditError`) and nothing is overwritten.
    """
    with db.session() as session:
        campaign = _campaign(session, campaign_id)
        _validated(session, data, campaign_id)
        if version is not None and campaign.version != version:
            # Refused: applying the input only shows what was typed against what is stored.
            apply_unless_stale(
                session,
                campaign,
                version,
                campaign_labels(),
                lambda now: _("迎检工作“{name}”", name=now["name"]),
                lambda: _apply(campaign, data),
            )
        flag_modified(campaign, "name")  # a change of phases or schools alone is one too
        old_due = default_due_date([PhaseInput(p.name, p.deadline) for p in campaign.phases])
        new_due = default_due_date(data.phases)
        schools_before = set(
            session.scalars(
                select(CampaignSchool.school_id).where(CampaignSchool.campaign_id == campaign_id)
            )
        )
        templates_before = set(
            session.scalars(
                select(CampaignTemplate.template_id).where(
                    CampaignTemplate.campaign_id == campaign_id
                )
            )
        )
        schools_after = list(dict.fromkeys(data.school_ids))
        templates_after = list(dict.fromkeys(data.template_ids))
        campaign.phases.clear()
        session.flush()
        _apply(campaign, data)

        removed_schools = schools_before - set(schools_after)
        copies: set[str] = set()
        if removed_schools:
            copies = _item_copies(
                session,
                ChecklistItem.campaign_id == campaign_id,
                ChecklistItem.school_id.in_(removed_schools),
            )
            for model in (ChecklistItem, CampaignSchool):
                session.execute(
                    delete(model)
                    .where(model.campaign_id == campaign_id)
                    .where(model.school_id.in_(removed_schools))
                )
            session.execute(
                delete(Score)
                .where(Score.school_id.in_(removed_schools))
                .where(
                    Score.indicator_id.in_(
                        select(Indicator.id).where(Indicator.campaign_id == campaign_id)
                    )
                )
            )
        removed_templates = templates_before - set(templates_after)
        if removed_templates:
            session.execute(
                delete(ChecklistItem)
                .where(ChecklistItem.campaign_id == campaign_id)
                .where(ChecklistItem.template_id.in_(removed_templates))
                .where(_untouched())
                .execution_options(synchronize_session=False)
            )
            session.execute(
                delete(CampaignTemplate)
                .where(CampaignTemplate.campaign_id == campaign_id)
                .where(CampaignTemplate.template_id.in_(removed_templates))
            )
        if old_due is not None and old_due != new_due:
            for item in session.scalars(
                select(ChecklistItem)
                .where(ChecklistItem.campaign_id == campaign_id)
                .where(ChecklistItem.due_date == old_due)
            ):
                item.due_date = new_due
        session.flush()

        added_templates = [t for t in templates_after if t not in templates_before]
        kept_schools = [s for s in schools_after if s in schools_before]
        added_schools = [s for s in schools_after if s not in schools_before]
        session.add_all(
            CampaignTemplate(campaign_id=campaign_id, template_id=t) for t in added_templates
        )
        session.add_all(CampaignSchool(campaign_id=campaign_id, school_id=s) for s in added_schools)
        fill_due = new_due if today is None else due_for_new_items(data.phases, today)
        _fill(session, campaign_id, kept_schools, added_templates, fill_due)
        _fill(session, campaign_id, added_schools, templates_after, fill_due)
    remove_unreferenced_blobs(db, copies)


def _item_copies(session: Session, *where: ColumnElement[bool]) -> set[str]:
    """The content digests of the attachments of the checklist items matching ``where``."""
    items = select(ChecklistItem.id).where(*where)
    return session_attachment_digests(session, Attachment.checklist_item_id.in_(items))


@mutates(Change.CAMPAIGNS)
def close_campaign(db: Database, campaign_id: int, day: date | None) -> None:
    """Mark a campaign finished on ``day``; ``None`` reopens it. Its checklists stay."""
    with db.session() as session:
        campaign = _campaign(session, campaign_id)
        if day is not None and day < campaign.started_on:
            message = _("“结束日期”不能早于开始日期（{day}）", day=campaign.started_on)
            raise refusal("closed_on", _("结束日期"), message)
        campaign.closed_on = day


@mutates(Change.CAMPAIGNS)
def delete_campaign(db: Database, campaign_id: int) -> None:
    """Delete a campaign with its phases, checklists (and their attachments' copies), snapshots
    and scores."""
    with db.session() as session:
        campaign = session.get(Campaign, campaign_id)
        if campaign is None:
            return
        copies = _item_copies(session, ChecklistItem.campaign_id == campaign_id)
        session.delete(campaign)
    remove_unreferenced_blobs(db, copies)


def campaign_input(db: Database, campaign_id: int) -> CampaignInput:
    """A campaign as entered, for the campaign form (schools by name, templates by id)."""
    with db.session() as session:
        campaign = _campaign(session, campaign_id)
        schools = session.execute(
            select(School.id, School.name)
            .join(CampaignSchool, CampaignSchool.school_id == School.id)
            .where(CampaignSchool.campaign_id == campaign_id)
        ).all()
        templates = session.scalars(
            select(CampaignTemplate.template_id)
            .where(CampaignTemplate.campaign_id == campaign_id)
            .order_by(CampaignTemplate.template_id)
        )
        return CampaignInput(
            name=campaign.name,
            kind=campaign.kind,
            started_on=campaign.started_on,
            phases=tuple(PhaseInput(p.name, p.deadline) for p in campaign.phases),
            school_ids=tuple(i for i, _ in sorted(schools, key=lambda s: (s[1], s[0]))),
            template_ids=tuple(templates),
            note=campaign.note,
            version=campaign.version,
        )


# --- reading campaigns and checklists --------------------------------------------------------


@dataclass(frozen=True)
class CampaignRow:
    """One campaign in the list: its progress, overdue items and the next deadline."""

    id: int
    name: str
    kind: str
    kind_label: str
    started_on: date
    closed_on: date | None
    school_count: int
    percent: float
    overdue: int
    next_phase: str
    next_deadline: date | None


def campaign_rows(db: Database, today: date) -> list[CampaignRow]:
    """Every campaign: running ones first, then closed ones, newest first."""
    with db.session() as session:
        campaigns = session.scalars(select(Campaign)).all()
        phases = defaultdict(list)
        for phase in session.scalars(select(CampaignPhase).order_by(CampaignPhase.position)):
            phases[phase.campaign_id].append((phase.name, phase.deadline))
        schools = dict(
            session.execute(
                select(CampaignSchool.campaign_id, func.count()).group_by(
                    CampaignSchool.campaign_id
                )
            ).all()
        )
        items = defaultdict(list)
        for campaign_id, is_required, status, due in session.execute(
            select(
                ChecklistItem.campaign_id,
                ChecklistItem.required,
                ChecklistItem.status,
                ChecklistItem.due_date,
            )
        ):
            items[campaign_id].append((is_required, status, due))
        rows = []
        for c in campaigns:
            required, done, overdue = school_progress(items[c.id], today)
            upcoming = next_phase_of(phases[c.id], today)
            rows.append(
                CampaignRow(
                    id=c.id,
                    name=c.name,
                    kind=c.kind,
                    kind_label=CampaignKind.label_of(c.kind),
                    started_on=c.started_on,
                    closed_on=c.closed_on,
                    school_count=schools.get(c.id, 0),
                    percent=percent_of(done, required),
                    overdue=overdue,
                    next_phase=upcoming[0] if upcoming else "",
                    next_deadline=upcoming[1] if upcoming else None,
                )
            )
    return sorted(rows, key=lambda r: (r.closed_on is not None, -r.started_on.toordinal(), -r.id))


@dataclass(frozen=True)
class ChecklistRow:
    """One item of one school's checklist."""

    id: int
    school_id: int
    school: str
    group: str
    title: str
    required: bool
    evidence: str
    retention: str
    status: str
    status_label: str
    responsible: str
    due_date: date | None
    box_no: str
    location: str
    note: str
    overdue: bool
    attachment_count: int
    version: int = 1


def checklist_rows(
    db: Database, campaign_id: int, today: date, school_id: int | None = None
) -> list[ChecklistRow]:
    """The items of a campaign's checklists (of one school if given), by school name then in
    the checklist's order."""
    with db.session() as session:
        attached = (
            select(Attachment.checklist_item_id, func.count().label("n"))
            .where(Attachment.checklist_item_id.is_not(None))
            .group_by(Attachment.checklist_item_id)
            .subquery()
        )
        query = (
            select(ChecklistItem, School.name, attached.c.n)
            .join(School, School.id == ChecklistItem.school_id)
            .outerjoin(attached, attached.c.checklist_item_id == ChecklistItem.id)
            .where(ChecklistItem.campaign_id == campaign_id)
        )
        if school_id is not None:
            query = query.where(ChecklistItem.school_id == school_id)
        rows = [
            (
                school,
                item.position,
                ChecklistRow(
                    id=item.id,
                    school_id=item.school_id,
                    school=school,
                    group=item.group_name,
                    title=item.title,
                    required=item.required,
                    evidence=item.evidence,
                    retention=item.retention,
                    status=item.status,
                    status_label=ItemStatus.label_of(item.status),
                    responsible=item.responsible,
                    due_date=item.due_date,
                    box_no=item.box_no,
                    location=item.location,
                    note=item.note,
                    overdue=item_overdue(item.required, item.status, item.due_date, today),
                    attachment_count=count or 0,
                    version=item.version,
                ),
            )
            for item, school, count in session.execute(query)
        ]
    rows.sort(key=lambda r: (r[0], r[2].school_id, r[1], r[2].id))
    return [row for *_, row in rows]


def item_ids_of_schools(db: Database, campaign_id: int, school_ids: Sequence[int]) -> list[int]:
    """The ids of every item of the given schools' checklists (for a bulk change of schools)."""
    with db.session() as session:
        return list(
            session.scalars(
                select(ChecklistItem.id)
                .where(ChecklistItem.campaign_id == campaign_id)
                .where(ChecklistItem.school_id.in_(list(school_ids)))
                .order_by(ChecklistItem.school_id, ChecklistItem.position, ChecklistItem.id)
            )
        )


# --- changing items in bulk ------------------------------------------------------------------


@dataclass(frozen=True)
class ItemChange:
    """What to change in every chosen item; ``None`` leaves a field as it is, and
    ``clear_due_date`` removes the due date."""

    status: str | None = None
    responsible: str | None = None
    due_date: date | None = None
    clear_due_date: bool = False
    box_no: str | None = None
    location: str | None = None
    note: str | None = None


def _text_limits() -> dict[str, tuple[str, int]]:
    return {
        "responsible": (_("责任人"), RESPONSIBLE_MAX),
        "box_no": (_("盒号"), BOX_NO_MAX),
        "location": (_("存放位置"), LOCATION_MAX),
    }


def change_problems(change: ItemChange) -> list[FieldError]:
    """Every problem of ``change`` that needs no database, each naming its field."""
    errors = []
    if change.status is not None and change.status not in {s.value for s in ItemStatus}:
        message = _("“状态”不能是“{value}”", value=change.status)
        errors.append(FieldError("status", _("状态"), message))
    for name, (label, limit) in _text_limits().items():
        value = getattr(change, name)
        if value is not None and len(clean_text(value)) > limit:
            message = _("“{label}”不能超过 {most} 个字", label=label, most=limit)
            errors.append(FieldError(name, label, message))
    if change.clear_due_date and change.due_date is not None:
        message = _("不能同时设定和清除“完成期限”")
        errors.append(FieldError("due_date", _("完成期限"), message))
    return errors


def item_labels() -> Labels:
    """The fields a stale save names when it is refused, in the chosen language."""
    return {
        "status": (_("状态"), ItemStatus.label_of),
        "responsible": _("责任人"),
        "due_date": _("完成期限"),
        "box_no": _("盒号"),
        "location": _("存放位置"),
        "note": _("备注"),
    }


@mutates(Change.CAMPAIGNS)
def update_items(
    db: Database,
    item_ids: Sequence[int],
    change: ItemChange,
    today: date,
    *,
    versions: Mapping[int, int] | None = None,
) -> int:
    """Change many checklist items at once, all or nothing; returns how many were changed.

    ``versions`` maps items to their version when the clerk opened them (the one-item dialog):
    if someone saved such an item since, the change is refused
    (:class:`~core.errors.StaleEditError`) and nothing is overwritten."""
    ids = list(dict.fromkeys(item_ids))
    errors = change_problems(change)
    if errors:
        raise ValidationError(errors)
    with db.session() as session:
        items = session.scalars(select(ChecklistItem).where(ChecklistItem.id.in_(ids))).all()
        if len(items) != len(ids):
            message = n_("有 {n} 个清单项目已不存在，请刷新后再试", len(ids) - len(items))
            raise refusal("items", _("清单项目"), message)
        if change.due_date is not None:
            starts = dict(
                session.execute(
                    select(Campaign.id, Campaign.started_on).where(
                        Campaign.id.in_({i.campaign_id for i in items})
                    )
                ).all()
            )
            latest = max(starts.values())
            if change.due_date < latest:
                message = _("“完成期限”不能早于迎检工作的开始日期（{day}）", day=latest)
                raise refusal("due_date", _("完成期限"), message)
        labels = item_labels()
        for item in items:
            apply_unless_stale(
                session,
                item,
                (versions or {}).get(item.id),
                labels,
                partial(_item_named, item.title),
                partial(_change_item, item, change, today),
            )
        return len(items)


def _item_named(title: str, _now: dict[str, object]) -> str:
    return _("清单项目“{title}”", title=title)


def _change_item(item: ChecklistItem, change: ItemChange, today: date) -> None:
    if change.status is not None:
        item.status = change.status
    for name in ("responsible", "box_no", "location"):
        value = getattr(change, name)
        if value is not None:
            setattr(item, name, clean_text(value))
    if change.note is not None:
        item.note = change.note.strip()
    if change.clear_due_date:
        item.due_date = None
    elif change.due_date is not None:
        item.due_date = change.due_date
    item.updated_on = today
