"""The demo office's running evaluation campaign (迎检), with archive checklists in varied states.

It prepares for the provincial evaluation (迎省检), the evaluation the shipped township lists were
written for.

The campaign started about two months before ``today`` with the four usual phases: 宣传发动 and
自查整改 are over, 复评提高 comes next. It takes in the primary, junior and nine-year schools of
the first three zones with the shipped school archive list, and their kindergartens with the
kindergarten list. The 原始档案 were due by the end of 自查整改, everything else by 复评提高. Most
schools have filed (已归档, with box number and place) or completed much of their list, two lag
far behind with 原始档案 overdue, and schools without disabled pupils in regular classes mark
that item 不适用. Two weekly snapshots (周调度) were taken one and two weeks ago, and some schools
were scored on the shipped 100-point evaluation sheet.

Everything is drawn from a generator seeded with the scale and ``today``, so the same day
always gives the same campaign.
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import bindparam, select, update

from core.archive.campaigns import DEFAULT_PHASES, CampaignInput, PhaseInput, create_campaign
from core.archive.progress import take_snapshot
from core.archive.scoring import indicator_rows, set_indicators, shipped_sheet
from core.archive.templates import ensure_builtin_templates
from core.changes import Change, mutates
from core.enums import CampaignKind, ItemStatus, SchoolKind
from db.models import ChecklistItem, ChecklistTemplate, School, Score, Zone

if TYPE_CHECKING:
    from db.engine import Database

STARTED_DAYS_AGO = 61
PHASE_DAYS = (14, 45, 90, 150)
"""Days after the start by which each phase of the demo campaign is due."""
ZONES = 3
KINDS = (
    SchoolKind.PRIMARY.value,
    SchoolKind.JUNIOR.value,
    SchoolKind.NINE_YEAR.value,
    SchoolKind.KINDERGARTEN.value,
)
TEMPLATES = ("school-archive", "kindergarten-archive")
EARLY_GROUP = "原始档案"
NOT_APPLICABLE_TITLE = "随班就读残疾儿童少年名单和个人档案"
LAGGARDS = 2
SCORED = 6
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"


@dataclass(frozen=True)
class _Item:
    id: int
    school_id: int
    group: str
    title: str
    required: bool


@mutates(Change.CAMPAIGNS, Change.TEMPLATES)
def add_demo_campaign(db: Database, scale: str, today: date) -> int:
    """Add the demo's running campaign to the demo office; returns its id."""
    rng = random.Random(f"archives-{scale}-{today.isoformat()}")
    ensure_builtin_templates(db)
    start = today - timedelta(days=STARTED_DAYS_AGO)
    phases = tuple(
        PhaseInput(name, start + timedelta(days=days))
        for name, days in zip(DEFAULT_PHASES, PHASE_DAYS, strict=True)
    )
    with db.session() as session:
        templates = dict(
            session.execute(
                select(ChecklistTemplate.builtin, ChecklistTemplate.id).where(
                    ChecklistTemplate.builtin.in_(TEMPLATES)
                )
            ).all()
        )
        zones = session.scalars(select(Zone.id).order_by(Zone.sort_order, Zone.id).limit(ZONES))
        schools = session.execute(
            select(School.id, School.kind)
            .where(School.zone_id.in_(list(zones)), School.kind.in_(KINDS), School.active)
            .order_by(School.id)
        ).all()
    campaign_id = create_campaign(
        db,
        CampaignInput(
            name=f"{start.year}年迎接省政府教育工作督导评估（迎省检）",
            kind=CampaignKind.GOVERNMENT.value,
            started_on=start,
            phases=phases,
            school_ids=tuple(s.id for s in schools),
            template_ids=tuple(templates[key] for key in TEMPLATES if key in templates),
            note="按县督导委员会迎检工作方案，各校（园）档案资料逐项收集，装盒归档。",
        ),
    )
    changes = _plan(db, campaign_id, rng, start, phases)
    for number, weeks_ago in enumerate((2, 1), start=1):
        day = today - timedelta(weeks=weeks_ago)
        _apply(db, changes, until=day)
        take_snapshot(db, campaign_id, day, f"第{number}次周调度")
    _apply(db, changes, until=today)
    compulsory = [s.id for s in schools if s.kind != SchoolKind.KINDERGARTEN]
    _scores(db, campaign_id, rng.sample(compulsory, k=min(SCORED, len(compulsory))), rng)
    return campaign_id


def _plan(
    db: Database,
    campaign_id: int,
    rng: random.Random,
    start: date,
    phases: tuple[PhaseInput, ...],
) -> dict[date, dict[int, dict[str, Any]]]:
    """What happened to each item and when: ``{day: {item id: changed fields}}``."""
    self_check, review = phases[1].deadline, phases[2].deadline
    with db.session() as session:
        items = [
            _Item(i.id, i.school_id, i.group_name, i.title, i.required)
            for i in session.scalars(
                select(ChecklistItem)
                .where(ChecklistItem.campaign_id == campaign_id)
                .order_by(ChecklistItem.school_id, ChecklistItem.position)
            )
        ]
    by_school: dict[int, list[_Item]] = defaultdict(list)
    for item in items:
        by_school[item.school_id].append(item)
    laggards = set(rng.sample(sorted(by_school), k=min(LAGGARDS, len(by_school))))
    changes: dict[date, dict[int, dict[str, Any]]] = defaultdict(lambda: defaultdict(dict))
    end = start + timedelta(days=STARTED_DAYS_AGO)
    for school_id, school_items in by_school.items():
        pace = rng.uniform(0.05, 0.2) if school_id in laggards else rng.uniform(0.5, 0.95)
        responsible = f"{rng.choice(SURNAMES)}老师"
        cabinet = f"档案室{rng.randint(1, 3)}号柜"
        groups = list(dict.fromkeys(i.group for i in school_items))
        for item in school_items:
            early = EARLY_GROUP in item.group
            if not early:
                changes[start + timedelta(days=3)][item.id]["due_date"] = review
            if item.title == NOT_APPLICABLE_TITLE and rng.random() < 0.4:
                day = start + timedelta(days=rng.randint(5, 30))
                changes[day][item.id].update(
                    status=ItemStatus.NOT_APPLICABLE.value,
                    responsible=responsible,
                    note="本校无随班就读残疾学生",
                )
                continue
            chance = rng.random()
            done_by = self_check if early else end
            if chance < min(1.0, pace + (0.4 if early else 0)) and item.required:
                day = start + timedelta(days=rng.randint(7, (done_by - start).days))
                filed = rng.random() < 0.6
                fields = {
                    "status": (ItemStatus.FILED if filed else ItemStatus.COMPLETE).value,
                    "responsible": responsible,
                }
                if filed:
                    fields["box_no"] = f"{start.year}-{groups.index(item.group) + 1:02d}"
                    fields["location"] = cabinet
                changes[day][item.id].update(fields)
            elif chance < pace + 0.3:
                day = start + timedelta(days=rng.randint(7, STARTED_DAYS_AGO))
                changes[day][item.id].update(
                    status=ItemStatus.COLLECTING.value, responsible=responsible
                )
    return changes


def _apply(db: Database, changes: dict[date, dict[int, dict[str, Any]]], until: date) -> None:
    """Make the changes of every day up to ``until`` (and forget them)."""
    merged: dict[int, dict[str, Any]] = defaultdict(dict)
    for day in sorted(d for d in changes if d <= until):
        for item_id, fields in changes.pop(day).items():
            merged[item_id].update(fields, updated_on=day)
    if not merged:
        return
    rows = [{"item_id": item_id, **fields} for item_id, fields in merged.items()]
    # The table, not the versioned model: a demo's history is no clerk's edit to check.
    table = ChecklistItem.metadata.tables[ChecklistItem.__tablename__]
    by_id = update(table).where(table.c.id == bindparam("item_id"))
    with db.session() as session:
        # Items of one shape at a time: the bulk update needs the same keys in every row.
        shapes: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
        for row in rows:
            shapes[tuple(sorted(row))].append(row)
        for same in shapes.values():
            session.execute(by_id, same)


def _scores(db: Database, campaign_id: int, school_ids: list[int], rng: random.Random) -> None:
    """The shipped 100-point sheet, with points for ``school_ids`` (the last one only part
    scored)."""
    set_indicators(db, campaign_id, shipped_sheet())
    indicators = indicator_rows(db, campaign_id)
    first_group = indicators[0].group if indicators else ""
    scores = []
    for index, school_id in enumerate(school_ids):
        partial = index == len(school_ids) - 1
        for indicator in indicators:
            if partial and indicator.group != first_group:
                continue
            if indicator.min_points < 0:
                points = float(rng.choice((-1, 0, 0, 1, 2)))
            else:
                share = rng.uniform(0.72, 1.0)
                points = round(indicator.max_points * share * 2) / 2
            points = min(indicator.max_points, max(indicator.min_points, points))
            scores.append(
                Score(indicator_id=indicator.id, school_id=school_id, points=points, note="")
            )
    with db.session() as session:
        session.add_all(scores)
