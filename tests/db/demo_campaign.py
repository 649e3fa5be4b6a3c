"""A campaign with checklists in varied states on the demo office, for the tests of the
checklist and campaign reports, the 报表 page and the CLI; and a plain campaign on the shipped
templates for the 迎检档案 page and its dialogs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from core.archive.campaigns import (
    CampaignInput,
    ItemChange,
    campaign_rows,
    checklist_rows,
    create_campaign,
    default_phases,
    delete_campaign,
)
from core.archive.campaigns import update_items as change_items
from core.archive.templates import ensure_builtin_templates, template_rows
from core.demo.office import create_demo
from core.enums import CampaignKind, ItemStatus
from core.roster.schools import school_rows
from db.engine import Database

TODAY = date(2026, 11, 2)
CAMPAIGN = "2026年县域义务教育优质均衡发展迎检"
SCHOOL = "青溪县实验小学"
LAGGING_SCHOOL = "青溪县城关第一小学"
COMPLETE_SCHOOL = "青溪县城关第二小学"
KINDERGARTEN = "青溪县城关中心幼儿园"
LOCATION = "档案室2号柜"
RESPONSIBLE = "王丽华"
NOTE = "缺2024年秋季点名册，已联系教务处补齐"


@dataclass(frozen=True)
class CampaignWork:
    """What :func:`add_campaign` put in."""

    campaign_id: int
    campaign: str
    filed: tuple[str, ...]
    """Titles of the items at :data:`SCHOOL` filed, in boxes A-01, A-02 …"""
    overdue: str
    """The title of the item at :data:`SCHOOL` that is overdue."""
    not_applicable: str


def add_campaign(
    db: Database, today: date = TODAY, name: str = CAMPAIGN, started: int = 40
) -> CampaignWork:
    """Start a campaign ``started`` days before ``today`` for every active school with the
    shipped school and kindergarten archive templates (default phases: 宣传发动 passed), then
    work on the checklists: at :data:`SCHOOL` four items filed in boxes, three complete, one
    not applicable and one overdue with a note; three overdue items at :data:`LAGGING_SCHOOL`;
    every item of :data:`COMPLETE_SCHOOL` filed."""
    ensure_builtin_templates(db)
    templates = [
        t.id for t in template_rows(db) if t.builtin in ("school-archive", "kindergarten-archive")
    ]
    schools = {s.name: s.id for s in school_rows(db, today) if s.active}
    begun = today - timedelta(days=started)
    campaign_id = create_campaign(
        db,
        CampaignInput(
            name=name,
            kind=CampaignKind.BALANCED.value,
            started_on=begun,
            phases=default_phases(begun),
            school_ids=tuple(schools.values()),
            template_ids=tuple(templates),
        ),
    )

    def items(school: str) -> list:
        return [r for r in checklist_rows(db, campaign_id, today, schools[school]) if r.required]

    def change(rows, **fields) -> None:
        change_items(db, [r.id for r in rows], ItemChange(**fields), today)

    mine = items(SCHOOL)
    for number, row in enumerate(mine[:4], start=1):
        change([row], status=ItemStatus.FILED.value, box_no=f"A-{number:02}", location=LOCATION)
    change(mine[4:7], status=ItemStatus.COMPLETE.value, responsible=RESPONSIBLE)
    change(mine[7:8], status=ItemStatus.NOT_APPLICABLE.value)
    change(mine[8:9], status=ItemStatus.COLLECTING.value, responsible=RESPONSIBLE, note=NOTE,
           due_date=today - timedelta(days=3))  # fmt: skip
    change(items(LAGGING_SCHOOL)[:3], status=ItemStatus.COLLECTING.value,
           due_date=today - timedelta(days=1))  # fmt: skip
    change(items(COMPLETE_SCHOOL), status=ItemStatus.FILED.value)
    return CampaignWork(
        campaign_id=campaign_id,
        campaign=name,
        filed=tuple(r.title for r in mine[:4]),
        overdue=mine[8].title,
        not_applicable=mine[7].title,
    )


def office_without_campaigns(db: Database) -> Database:
    """The demo office with its own campaign deleted, so a test's campaigns are the only ones."""
    create_demo(db, "office", TODAY)
    for row in campaign_rows(db, TODAY):
        delete_campaign(db, row.id)
    return db


def template_id(db: Database, builtin: str) -> int:
    """The id of the shipped template ``builtin`` (e.g. ``"school-archive"``)."""
    return next(t.id for t in template_rows(db) if t.builtin == builtin)


def campaign(
    db: Database,
    school_ids: tuple[int, ...],
    builtin: str = "school-archive",
    today: date = TODAY,
) -> int:
    """Start 2026年优质均衡迎检 40 days before ``today`` (default phases) for ``school_ids``
    with the shipped template ``builtin``; returns its id."""
    ensure_builtin_templates(db)
    start = today - timedelta(days=40)
    return create_campaign(
        db,
        CampaignInput(
            "2026年优质均衡迎检",
            CampaignKind.BALANCED.value,
            start,
            default_phases(start),
            school_ids,
            (template_id(db, builtin),),
        ),
    )
