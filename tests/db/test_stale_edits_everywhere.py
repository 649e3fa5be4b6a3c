"""Two clerks editing the same zone, complaint, problem, training record, campaign, checklist
item or checklist template (on both engines): the second save, made from the view opened
before the first was saved, is refused with "已被他人修改" naming both values, and nothing is
overwritten."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select

from core.archive.campaigns import (
    ItemChange,
    PhaseInput,
    campaign_input,
    checklist_rows,
    create_campaign,
    update_campaign,
    update_items,
)
from core.archive.templates import ItemInput, save_template, template_input
from core.casework.complaints import ComplaintInput, complaint_rows, save_complaint
from core.casework.rectification import (
    ProblemInput,
    add_follow_up,
    add_problem,
    problem_rows,
    update_problem,
)
from core.errors import StaleEditError
from core.roster.inspectors import InspectorInput, save_inspector
from core.roster.schools import SchoolInput, save_school, save_zone, zone_rows
from core.roster.training import TrainingInput, add_training, training_lines, update_training
from db.errors import DatabaseEnvironmentError
from db.models import (
    Campaign,
    ChecklistItem,
    ChecklistTemplate,
    Complaint,
    Problem,
    TemplateItem,
    TrainingRecord,
    Zone,
)
from tests.db.campaign_helpers import archive_office, campaign

TODAY = date(2026, 11, 18)


def _refused(excinfo: pytest.ExceptionInfo[StaleEditError]) -> str:
    [message] = excinfo.value.messages()
    assert "已被他人修改" in message and "本次没有保存" in message
    return message


def test_a_zone_renamed_meanwhile_refuses_the_older_rename(db):
    zone = save_zone(db, "城关片")
    [opened] = zone_rows(db)
    save_zone(db, "城关责任区", zone, version=opened.version)
    with pytest.raises(StaleEditError) as refused:
        save_zone(db, "城关一片", zone, version=opened.version)
    assert "责任区名称：现在是“城关责任区”，您填的是“城关一片”" in _refused(refused)
    with db.session() as session:
        assert session.scalars(select(Zone.name)).all() == ["城关责任区"]


def test_the_second_of_two_complaint_edits_is_refused(db):
    school = save_school(db, SchoolInput("东关小学"))
    form = ComplaintInput(date(2026, 11, 10), school, "食堂饭菜分量不足")
    complaint = save_complaint(db, form)
    [opened] = complaint_rows(db)
    save_complaint(db, replace(form, verification="已到校核实，属实"), complaint,
                   version=opened.version)  # fmt: skip
    with pytest.raises(StaleEditError) as refused:
        save_complaint(db, replace(form, result="已责令整改"), complaint, version=opened.version)
    message = _refused(refused)
    assert message.startswith("2026-11-10 受理的投诉已被他人修改")
    assert "核实情况：现在是“已到校核实，属实”，您填的是“（空）”" in message
    assert "办理结果：现在是“（空）”，您填的是“已责令整改”" in message
    with db.session() as session:
        stored = session.scalars(select(Complaint)).one()
        assert (stored.verification, stored.result) == ("已到校核实，属实", "")


def test_a_problem_followed_up_meanwhile_refuses_the_older_edit(db):
    school = save_school(db, SchoolInput("东关小学"))
    form = ProblemInput(
        school, date(2026, 11, 2), "general", "消防通道堆放杂物", "deadline", date(2026, 11, 30)
    )
    problem = add_problem(db, form)
    [opened] = problem_rows(db, TODAY)
    update_problem(db, problem, replace(form, deadline=date(2026, 11, 20)), version=opened.version)
    with pytest.raises(StaleEditError) as refused:
        update_problem(db, problem, replace(form, note="校长已签字"), version=opened.version)
    message = _refused(refused)
    assert "整改期限：现在是“2026-11-20”，您填的是“2026-11-30”" in message
    with db.session() as session:
        stored = session.get(Problem, problem)
        assert stored is not None and (stored.deadline, stored.note) == (date(2026, 11, 20), "")

    # A follow-up is a row of its own: recording one leaves an open edit of the problem alone,
    # unless it changes the problem itself (fixed → the status changes).
    [reopened] = problem_rows(db, TODAY)
    add_follow_up(db, problem, day=date(2026, 11, 19), outcome="in_progress", result="在清理")
    update_problem(db, problem, replace(form, note="校长已签字"), version=reopened.version)
    [reopened] = problem_rows(db, TODAY)
    add_follow_up(db, problem, day=date(2026, 11, 20), outcome="fixed", result="已清理")
    with pytest.raises(StaleEditError, match="整改问题“消防通道堆放杂物”已被他人修改"):
        update_problem(db, problem, replace(form, note="已复查"), version=reopened.version)
    with db.session() as session:
        stored = session.get(Problem, problem)
        assert stored is not None and (stored.note, stored.status) == ("校长已签字", "fixed")


def test_the_second_of_two_training_edits_is_refused(db):
    wang = save_inspector(db, InspectorInput("王军"))
    form = TrainingInput(date(2026, 10, 12), date(2026, 10, 14), "责任督学培训", 24)
    add_training(db, [wang], form)
    [opened] = training_lines(db)
    update_training(db, opened.id, replace(form, hours=20), version=opened.version)
    with pytest.raises(StaleEditError) as refused:
        update_training(db, opened.id, replace(form, certificate="PX-2026-07"),
                        version=opened.version)  # fmt: skip
    message = _refused(refused)
    assert message.startswith("培训记录“责任督学培训”已被他人修改")
    assert "学时：现在是“20”，您填的是“24”" in message
    with db.session() as session:
        stored = session.scalars(select(TrainingRecord)).one()
        assert (stored.hours, stored.certificate) == (20, "")


def test_a_campaign_whose_schools_changed_meanwhile_refuses_the_older_edit(db):
    office = archive_office(db)
    campaign_id = create_campaign(db, campaign(office))
    opened = campaign_input(db, campaign_id)
    update_campaign(db, campaign_id, replace(opened, school_ids=(office["east"],)),
                    version=opened.version)  # fmt: skip
    late = replace(opened, note="县里统一部署", phases=(PhaseInput("自查", date(2026, 12, 1)),))
    with pytest.raises(StaleEditError) as refused:
        update_campaign(db, campaign_id, late, version=opened.version)
    message = _refused(refused)
    assert message.startswith("迎检工作“2026年优质均衡迎检”已被他人修改")
    assert "备注：现在是“（空）”，您填的是“县里统一部署”" in message
    now = campaign_input(db, campaign_id)
    assert (now.school_ids, now.note, len(now.phases)) == ((office["east"],), "", 4)
    with db.session() as session:
        assert session.scalars(select(Campaign.note)).one() == ""


def test_the_second_of_two_edits_of_one_checklist_item_is_refused(db):
    office = archive_office(db)
    campaign_id = create_campaign(db, campaign(office, school_ids=(office["east"],)))
    opened = checklist_rows(db, campaign_id, TODAY)[0]
    update_items(db, [opened.id], ItemChange(status="collecting", responsible="李华"), TODAY,
                 versions={opened.id: opened.version})  # fmt: skip
    with pytest.raises(StaleEditError) as refused:
        update_items(db, [opened.id], ItemChange(status="complete", responsible=""), TODAY,
                     versions={opened.id: opened.version})  # fmt: skip
    message = _refused(refused)
    assert message.startswith("清单项目“学校情况简介”已被他人修改")
    assert "状态：现在是“收集中”，您填的是“已齐全”" in message
    assert "责任人：现在是“李华”，您填的是“（空）”" in message
    with db.session() as session:
        stored = session.get(ChecklistItem, opened.id)
        assert stored is not None and (stored.status, stored.responsible) == ("collecting", "李华")
    # A change of several items (no versions) still sets only the fields ticked.
    update_items(db, [opened.id], ItemChange(box_no="A-01"), TODAY)
    assert checklist_rows(db, campaign_id, TODAY)[0].box_no == "A-01"


def test_a_template_whose_items_changed_meanwhile_refuses_the_older_edit(db):
    office = archive_office(db)
    opened = template_input(db, office["extra"])
    longer = replace(opened, items=(*opened.items, ItemInput("", "作业时长记录")))
    save_template(db, longer, office["extra"], version=opened.version)
    with pytest.raises(StaleEditError) as refused:
        save_template(db, replace(opened, description="每周公示"), office["extra"],
                      version=opened.version)  # fmt: skip
    message = _refused(refused)
    assert message.startswith("清单模板“作业公示清单”已被他人修改")
    assert "说明：现在是“（空）”，您填的是“每周公示”" in message
    with db.session() as session:
        template = session.get(ChecklistTemplate, office["extra"])
        assert template is not None and template.description == ""
        titles = session.scalars(
            select(TemplateItem.title).where(TemplateItem.template_id == office["extra"])
        ).all()
        assert sorted(titles) == ["作业公示", "作业时长记录"]


def test_two_saves_of_one_row_at_the_same_moment_refuse_the_later(db):
    """Both clerks passed the version check before either wrote: the database's own check
    (UPDATE … WHERE version = the one read) refuses the later write, in Chinese."""
    zone = save_zone(db, "城关片")
    refused = pytest.raises(DatabaseEnvironmentError, match="刚刚被他人同时修改，本次没有保存")
    with refused, db.session() as first:
        row = first.get(Zone, zone)
        assert row is not None
        with db.session() as second:
            other = second.get(Zone, zone)
            assert other is not None
            other.name = "城关责任区"
        row.name = "城关一片"
    assert [z.name for z in zone_rows(db)] == ["城关责任区"]
