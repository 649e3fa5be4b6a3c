"""Campaigns (迎检) on both engines: creating one gives every school its own copy of the
templates' items, due by the 自查整改 deadline; changing the schools, templates and phases;
closing, reopening and deleting; input refused whole with Chinese messages naming the field or
row; bulk changes of many items or whole schools, all or nothing; the checklist with overdue
flags and attachment counts."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from core.archive.campaigns import (
    DEFAULT_PHASES,
    ItemChange,
    PhaseInput,
    campaign_input,
    campaign_rows,
    checklist_rows,
    close_campaign,
    create_campaign,
    default_phases,
    delete_campaign,
    item_ids_of_schools,
    update_campaign,
    update_items,
)
from core.archive.scoring import (
    IndicatorInput,
    indicator_rows,
    score_table,
    set_indicators,
    set_score,
)
from core.attachments import add_attachment, attachment_rows, remove_attachment
from core.errors import ValidationError
from db.models import ChecklistItem, ChecklistTemplate, TemplateItem
from tests.db.attachment_helpers import opened_bytes, stored_digests
from tests.db.campaign_helpers import (
    PHASES,
    START,
    TODAY,
    archive_office,
    campaign,
    make_template,
)


@pytest.fixture
def office(db):
    """Two primary schools and a kindergarten; an archive template of three items (the last
    optional) and a second template of one item."""
    return archive_office(db)


def messages(caught: pytest.ExceptionInfo[ValidationError]) -> list[str]:
    return caught.value.messages()


def count_items(db) -> int:
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(ChecklistItem)) or 0


def test_default_phases_are_the_four_usual_ones_in_order_after_the_start():
    phases = default_phases(START)
    assert tuple(p.name for p in phases) == DEFAULT_PHASES
    assert START < phases[0].deadline < phases[1].deadline < phases[2].deadline
    assert phases[2].deadline < phases[3].deadline


def test_a_campaign_gives_every_school_its_own_copy_of_the_templates_items(office):
    db = office["db"]
    campaign_id = create_campaign(db, campaign(office, template_ids=(office["archive"],)))
    rows = checklist_rows(db, campaign_id, TODAY)
    assert [(r.school, r.title) for r in rows[:3]] == [
        ("东关小学", "学校情况简介"),
        ("东关小学", "学籍档案"),
        ("东关小学", "其它"),
    ]
    assert {r.school for r in rows} == {"东关小学", "西街小学", "南山幼儿园"}
    assert len(rows) == 9
    first = rows[0]
    assert (first.group, first.evidence, first.retention, first.required) == (
        "原始档案",
        "花名册",
        "永久",
        True,
    )
    assert {(r.status_label, r.due_date) for r in rows} == {("未开始", date(2026, 10, 31))}
    assert not rows[2].required

    # Editing the template afterwards leaves the checklists being worked on as they are.
    with db.session() as session:
        template = session.get(ChecklistTemplate, office["archive"])
        template.items[0].title = "学校简介（新）"
        template.items.append(TemplateItem(position=9, title="新增项目"))
    assert checklist_rows(db, campaign_id, TODAY) == rows


def test_a_template_goes_to_the_school_kinds_it_names(office):
    db = office["db"]
    primary = make_template(db, "学校档案", [("学校情况简介", True)], kinds=("primary", "junior"))
    kg_list = make_template(db, "幼儿园档案", [("办园情况简介", True)], kinds=("kindergarten",))
    # A shipped key no longer decides: a template naming no kind is for every school.
    anyone = make_template(db, "通用清单", [("工作台账", True)], "kindergarten-archive")
    ids = (primary, kg_list, anyone)
    campaign_id = create_campaign(db, campaign(office, template_ids=ids))
    assert {(r.school, r.title) for r in checklist_rows(db, campaign_id, TODAY)} == {
        ("东关小学", "学校情况简介"),
        ("西街小学", "学校情况简介"),
        ("南山幼儿园", "办园情况简介"),
        ("东关小学", "工作台账"),
        ("西街小学", "工作台账"),
        ("南山幼儿园", "工作台账"),
    }


def test_schools_and_templates_added_and_removed(office):
    db = office["db"]
    east, west, kg = office["east"], office["west"], office["kg"]
    campaign_id = create_campaign(db, campaign(office, school_ids=(east, west)))
    [worked, *_] = checklist_rows(db, campaign_id, TODAY, school_id=east)
    update_items(db, [worked.id], ItemChange(status="collecting"), TODAY)

    update_campaign(
        db,
        campaign_id,
        campaign(office, school_ids=(east, kg), template_ids=(office["archive"], office["extra"])),
    )
    rows = checklist_rows(db, campaign_id, TODAY)
    assert [r.title for r in rows if r.school == "东关小学"] == [
        "学校情况简介",
        "学籍档案",
        "其它",
        "作业公示",
    ]
    assert [r.title for r in rows if r.school == "南山幼儿园"] == [
        "学校情况简介",
        "学籍档案",
        "其它",
        "作业公示",
    ]
    assert "西街小学" not in {r.school for r in rows}
    assert campaign_input(db, campaign_id).school_ids == (east, kg)

    # Removing a template takes only the items nobody has worked on.
    update_campaign(db, campaign_id, campaign(office, school_ids=(east, kg)))
    rows = checklist_rows(db, campaign_id, TODAY)
    assert [(r.school, r.title, r.status_label) for r in rows if r.title != "作业公示"] == [
        ("东关小学", "学校情况简介", "收集中"),
        ("东关小学", "学籍档案", "未开始"),
        ("东关小学", "其它", "未开始"),
        ("南山幼儿园", "学校情况简介", "未开始"),
        ("南山幼儿园", "学籍档案", "未开始"),
        ("南山幼儿园", "其它", "未开始"),
    ]
    assert [r.title for r in rows if r.title == "作业公示"] == []
    update_campaign(db, campaign_id, campaign(office, school_ids=(east, kg), template_ids=()))
    assert [(r.school, r.title) for r in checklist_rows(db, campaign_id, TODAY)] == [
        ("东关小学", "学校情况简介")
    ]


def test_a_school_taken_out_loses_its_scores(office):
    db = office["db"]
    campaign_id = create_campaign(db, campaign(office))
    set_indicators(db, campaign_id, [IndicatorInput("学校管理", "办学方向", 5)])
    [indicator] = indicator_rows(db, campaign_id)
    set_score(db, indicator.id, office["west"], 4.5)
    update_campaign(db, campaign_id, campaign(office, school_ids=(office["east"],)))
    update_campaign(db, campaign_id, campaign(office, school_ids=(office["east"], office["west"])))
    assert {s.school: s.total for s in score_table(db, campaign_id).schools} == {
        "东关小学": 0,
        "西街小学": 0,
    }


def test_a_note_or_an_attachment_keeps_an_item_when_its_template_is_removed(office, tmp_path):
    db = office["db"]
    campaign_id = create_campaign(db, campaign(office, school_ids=(office["east"],)))
    first, second, _ = checklist_rows(db, campaign_id, TODAY)
    update_items(db, [first.id], ItemChange(note="原件在档案室"), TODAY)
    source = tmp_path / "花名册.pdf"
    source.write_bytes(b"%PDF")
    add_attachment(db, source, today=TODAY, checklist_item_id=second.id)
    update_campaign(
        db, campaign_id, campaign(office, school_ids=(office["east"],), template_ids=())
    )
    assert [r.id for r in checklist_rows(db, campaign_id, TODAY)] == [first.id, second.id]


def test_moving_the_self_check_deadline_moves_the_items_due_on_it(office):
    db = office["db"]
    campaign_id = create_campaign(db, campaign(office, school_ids=(office["east"],)))
    first, *_ = checklist_rows(db, campaign_id, TODAY)
    update_items(db, [first.id], ItemChange(due_date=date(2026, 10, 15)), TODAY)
    later = (PHASES[0], PhaseInput("自查整改", date(2026, 11, 15)), *PHASES[2:])
    update_campaign(db, campaign_id, campaign(office, school_ids=(office["east"],), phases=later))
    rows = checklist_rows(db, campaign_id, TODAY)
    assert [r.due_date for r in rows] == [
        date(2026, 10, 15),
        date(2026, 11, 15),
        date(2026, 11, 15),
    ]
    assert campaign_input(db, campaign_id).phases == later


def test_closing_reopening_and_listing_campaigns(office):
    db = office["db"]
    older = create_campaign(db, campaign(office, name="2025年迎检", started_on=date(2025, 9, 1)))
    newer = create_campaign(db, campaign(office))
    closed = create_campaign(db, campaign(office, name="2026年春季迎检"))
    close_campaign(db, closed, date(2026, 10, 1))
    assert [r.id for r in campaign_rows(db, TODAY)] == [newer, older, closed]
    row = campaign_rows(db, TODAY)[0]
    assert (row.name, row.kind_label, row.school_count, row.percent, row.closed_on) == (
        "2026年优质均衡迎检",
        "县域义务教育优质均衡督导评估",
        3,
        0.0,
        None,
    )
    # 自查整改 was due on 31 October: the six required items are overdue, 复评提高 comes next.
    assert (row.overdue, row.next_phase, row.next_deadline) == (6, "复评提高", date(2026, 11, 30))
    with pytest.raises(ValidationError, match="不能早于开始日期"):
        close_campaign(db, closed, date(2026, 8, 1))
    close_campaign(db, closed, None)
    assert campaign_rows(db, TODAY)[0].id == closed


def test_deleting_a_campaign_takes_its_checklists(office):
    db = office["db"]
    campaign_id = create_campaign(db, campaign(office))
    delete_campaign(db, campaign_id)
    assert campaign_rows(db, TODAY) == [] and count_items(db) == 0
    delete_campaign(db, campaign_id)


def test_bad_campaigns_are_refused_whole_naming_the_field_or_row(office):
    db = office["db"]
    bad = campaign(
        office,
        name=" ",
        kind="exam",
        school_ids=(),
        phases=(
            PhaseInput("宣传发动", date(2026, 8, 20)),
            PhaseInput("自查整改", date(2026, 10, 31)),
            PhaseInput("", date(2026, 10, 1)),
            PhaseInput("自查整改", date(2026, 12, 1)),
        ),
    )
    with pytest.raises(ValidationError) as caught:
        create_campaign(db, bad)
    assert messages(caught) == [
        "“名称”不能为空",
        "“类型”不能是“exam”",
        "第 1 个阶段“宣传发动”的截止日期不能早于开始日期（2026-09-01）",
        "第 3 个阶段没有名称",
        "第 3 个阶段的截止日期不能早于上一阶段“自查整改”（2026-10-31）",
        "第 4 个阶段“自查整改”重复了",
        "请至少选择一所学校",
    ]
    assert {e.field for e in caught.value.errors} == {"name", "kind", "phases", "schools"}
    create_campaign(db, campaign(office))
    with pytest.raises(ValidationError, match="已有名为“2026年优质均衡迎检”的迎检工作"):
        create_campaign(db, campaign(office, name=" 2026年优质均衡迎检 "))
    with pytest.raises(ValidationError, match="已不存在"):
        create_campaign(db, campaign(office, name="另一项", school_ids=(9999,)))
    assert len(campaign_rows(db, TODAY)) == 1 and count_items(db) == 9


def test_bulk_changes_of_many_items_and_whole_schools(office):
    db = office["db"]
    campaign_id = create_campaign(db, campaign(office))
    east_items = item_ids_of_schools(db, campaign_id, [office["east"]])
    assert len(east_items) == 3
    changed = update_items(
        db,
        east_items,
        ItemChange(status="filed", box_no=" A-01 ", location="档案室2号柜", responsible="张老师"),
        TODAY,
    )
    assert changed == 3
    east = checklist_rows(db, campaign_id, TODAY, school_id=office["east"])
    assert {(r.status_label, r.box_no, r.location, r.responsible, r.overdue) for r in east} == {
        ("已归档", "A-01", "档案室2号柜", "张老师", False)
    }
    with db.session() as session:
        assert set(session.scalars(select(ChecklistItem.updated_on))) == {TODAY, None}

    both = item_ids_of_schools(db, campaign_id, [office["west"], office["kg"]])
    update_items(db, both, ItemChange(due_date=date(2026, 11, 30), note="延至复评前"), TODAY)
    update_items(db, both[:1], ItemChange(clear_due_date=True), TODAY)
    rows = checklist_rows(db, campaign_id, TODAY)
    # Only the box fields asked for changed; the rest stayed.
    assert [r.box_no for r in rows if r.school == "西街小学"] == ["", "", ""]
    assert [r.due_date for r in rows if r.school == "西街小学"] == [None] + [date(2026, 11, 30)] * 2
    assert {r.due_date for r in rows if r.school == "南山幼儿园"} == {date(2026, 11, 30)}
    assert {r.note for r in rows if r.school != "东关小学"} == {"延至复评前"}


def test_a_bad_bulk_change_changes_nothing(office):
    db = office["db"]
    campaign_id = create_campaign(db, campaign(office))
    ids = item_ids_of_schools(db, campaign_id, [office["east"], office["west"]])
    before = checklist_rows(db, campaign_id, TODAY)
    with pytest.raises(ValidationError) as caught:
        update_items(db, ids, ItemChange(status="lost", box_no="盒" * 51), TODAY)
    assert messages(caught) == ["“状态”不能是“lost”", "“盒号”不能超过 50 个字"]
    with pytest.raises(
        ValidationError, match=r"“完成期限”不能早于迎检工作的开始日期（2026-09-01）"
    ):
        update_items(db, ids, ItemChange(status="complete", due_date=date(2026, 8, 31)), TODAY)
    with pytest.raises(ValidationError, match="1 个清单项目已不存在"):
        update_items(db, [*ids, 99999], ItemChange(status="complete"), TODAY)
    assert checklist_rows(db, campaign_id, TODAY) == before


def test_the_checklist_flags_overdue_items_and_counts_attachments(office, tmp_path):
    db = office["db"]
    campaign_id = create_campaign(db, campaign(office, school_ids=(office["east"],)))
    intro, roll, other = checklist_rows(db, campaign_id, TODAY)
    # 自查整改 ended on 31 October: required items not done are overdue, optional ones never.
    assert (intro.overdue, roll.overdue, other.overdue) == (True, True, False)
    update_items(db, [intro.id], ItemChange(status="complete"), TODAY)
    update_items(db, [roll.id], ItemChange(status="not_applicable"), TODAY)
    assert [r.overdue for r in checklist_rows(db, campaign_id, TODAY)] == [False, False, False]
    assert not checklist_rows(db, campaign_id, date(2026, 10, 31))[0].overdue

    photo = tmp_path / "简介.docx"
    photo.write_bytes(b"PK intro")
    first = add_attachment(db, photo, today=TODAY, checklist_item_id=intro.id)
    add_attachment(db, tmp_path.joinpath("简介.docx"), today=TODAY, checklist_item_id=intro.id)
    assert [r.attachment_count for r in checklist_rows(db, campaign_id, TODAY)] == [2, 0, 0]
    [row, _] = attachment_rows(db, checklist_item_id=intro.id)
    assert row.file_name == "简介.docx" and opened_bytes(db, row.id) == b"PK intro"
    remove_attachment(db, first)
    assert len(stored_digests(db)) == 1, "the other attachment still shares the content"
    with pytest.raises(ValueError, match="exactly one"):
        add_attachment(db, photo, today=TODAY, visit_id=1, checklist_item_id=intro.id)
    delete_campaign(db, campaign_id)
    assert attachment_rows(db, checklist_item_id=intro.id) == []
    assert stored_digests(db) == set(), "the content goes with the campaign"


def test_a_school_taken_out_takes_its_attachments_content_unless_shared(office, tmp_path):
    db = office["db"]
    east, west = office["east"], office["west"]
    campaign_id = create_campaign(db, campaign(office, school_ids=(east, west)))
    rows = checklist_rows(db, campaign_id, TODAY)
    east_intro = next(r for r in rows if r.school == "东关小学")
    west_intro, west_roll, _ = (r for r in rows if r.school == "西街小学")
    photo = tmp_path / "简介.docx"
    photo.write_bytes(b"PK intro")
    roll = tmp_path / "学籍.xlsx"
    roll.write_bytes(b"PK roll")
    add_attachment(db, photo, today=TODAY, checklist_item_id=east_intro.id)
    add_attachment(db, photo, today=TODAY, checklist_item_id=west_intro.id)
    add_attachment(db, roll, today=TODAY, checklist_item_id=west_roll.id)
    [east_copy] = attachment_rows(db, checklist_item_id=east_intro.id)
    [roll_copy] = attachment_rows(db, checklist_item_id=west_roll.id)
    assert len(stored_digests(db)) == 2

    update_campaign(db, campaign_id, campaign(office, school_ids=(east,)))
    assert len(stored_digests(db)) == 1, "the removed school's own content goes"
    assert opened_bytes(db, east_copy.id) == b"PK intro", "an item kept still shares it"
    with pytest.raises(ValidationError, match="这个附件已被删除"):
        opened_bytes(db, roll_copy.id)
    delete_campaign(db, campaign_id)
    assert stored_digests(db) == set()


def test_a_school_added_to_a_running_campaign_is_due_by_the_next_deadline_not_a_past_one(office):
    # On TODAY (2 November) 自查整改 (31 October) has passed; 复评提高 (30 November) is next.
    db = office["db"]
    campaign_id = create_campaign(db, campaign(office, school_ids=(office["east"],)))
    update_campaign(
        db,
        campaign_id,
        campaign(
            office,
            school_ids=(office["east"], office["west"]),
            template_ids=(office["archive"], office["extra"]),
        ),
        today=TODAY,
    )
    due = {(r.school, r.title): r.due_date for r in checklist_rows(db, campaign_id, TODAY)}
    assert due[("东关小学", "学校情况简介")] == date(2026, 10, 31)  # unchanged
    assert due[("东关小学", "作业公示")] == date(2026, 11, 30)
    assert {d for (school, _), d in due.items() if school == "西街小学"} == {date(2026, 11, 30)}
    assert not any(
        r.overdue for r in checklist_rows(db, campaign_id, TODAY, school_id=office["west"])
    )
