"""The small office the campaign tests work on, and the campaign they usually start.

:func:`archive_office` adds, in the zone 城区, two primary schools (东关小学 and 西街小学) and a
kindergarten (南山幼儿园); an archive template of three items (学校情况简介 and 学籍档案 required,
其它 optional) and a second template of one item (作业公示). :func:`campaign` is the campaign
2026年优质均衡迎检 of all three schools with the archive template, started on :data:`START`
with :data:`PHASES`, so on :data:`TODAY` 自查整改 (31 October) has passed and 复评提高
(30 November) comes next.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from core.archive.campaigns import CampaignInput, PhaseInput
from core.archive.templates import ItemInput, TemplateInput, save_template
from core.enums import CampaignKind, SchoolKind
from core.roster.schools import SchoolInput, save_school, save_zone
from db.engine import Database
from db.models import ChecklistTemplate

TODAY = date(2026, 11, 2)
START = date(2026, 9, 1)
PHASES = (
    PhaseInput("宣传发动", date(2026, 9, 30)),
    PhaseInput("自查整改", date(2026, 10, 31)),
    PhaseInput("复评提高", date(2026, 11, 30)),
    PhaseInput("评估验收", date(2026, 12, 20)),
)


def make_template(
    db: Database,
    name: str,
    items: Sequence[tuple[str, bool]],
    builtin: str = "",
    kinds: tuple[str, ...] = (),
) -> int:
    """Save a template of ungrouped ``(title, required)`` items for the school ``kinds`` (none:
    every school); ``builtin`` marks it as the shipped template of that key. Returns its id."""
    template_id = save_template(
        db,
        TemplateInput(
            name,
            items=tuple(ItemInput("", title, required) for title, required in items),
            school_kinds=kinds,
        ),
    )
    with db.session() as session:
        template = session.get(ChecklistTemplate, template_id)
        assert template is not None
        template.builtin = builtin
    return template_id


def archive_office(db: Database) -> dict[str, Any]:
    """Add the office's schools and templates; returns ``db`` and their ids under ``east``,
    ``west``, ``kg``, ``archive`` and ``extra``."""
    save_zone(db, "城区")
    archive = save_template(
        db,
        TemplateInput(
            "迎检档案资料",
            items=(
                ItemInput("原始档案", "学校情况简介", evidence="花名册", retention="永久"),
                ItemInput("原始档案", "学籍档案", retention="30年"),
                ItemInput("其它", "其它", required=False),
            ),
        ),
    )
    return {
        "db": db,
        "east": save_school(db, SchoolInput("东关小学", zone="城区")),
        "west": save_school(db, SchoolInput("西街小学", zone="城区")),
        "kg": save_school(
            db, SchoolInput("南山幼儿园", SchoolKind.KINDERGARTEN.value, zone="城区")
        ),
        "archive": archive,
        "extra": make_template(db, "作业公示清单", [("作业公示", True)]),
    }


def campaign(office: dict[str, Any], **changes: Any) -> CampaignInput:
    """The usual campaign of ``office`` (all its schools, the archive template), with
    ``changes`` to any field."""
    usual = CampaignInput(
        name="2026年优质均衡迎检",
        kind=CampaignKind.BALANCED.value,
        started_on=START,
        phases=PHASES,
        school_ids=(office["east"], office["west"], office["kg"]),
        template_ids=(office["archive"],),
    )
    return replace(usual, **changes)
