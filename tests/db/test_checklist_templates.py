"""Checklist templates on both engines: the shipped ones loaded once and never overwritten,
editing (groups, order, required, evidence, retention) with every mistake named and nothing
saved, deleting without touching checklists already made, and export → import between offices
giving back the very same items."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from core.archive.templates import (
    BUILTIN_KEYS,
    ItemInput,
    TemplateInput,
    builtin_template,
    delete_template,
    ensure_builtin_templates,
    export_template,
    import_template,
    read_template_file,
    restore_builtin_templates,
    save_template,
    template_input,
    template_rows,
)
from core.errors import ValidationError
from core.roster.schools import SchoolInput, save_school
from core.sheets import SheetError
from db.engine import Database
from db.models import Campaign, CampaignTemplate, ChecklistItem, ChecklistTemplate, TemplateItem

SCHOOL_ARCHIVE = "学校迎省检档案资料清单"

OWN = TemplateInput(
    name="龙泉镇迎检清单",
    description="各校 9 月底前装盒。\n每盒附目录。",
    items=(
        ItemInput("一、学校情况", "学校情况简介", True, "简介文字", "10年"),
        ItemInput("一、学校情况", "迎检汇报材料", False, "", ""),
        ItemInput("二、原始档案", "学籍档案", True, "学籍卡\n转学手续", "永久"),
    ),
)


def by_name(db: Database) -> dict[str, int]:
    return {row.name: row.id for row in template_rows(db)}


def count(db: Database, model) -> int:
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def messages(excinfo: pytest.ExceptionInfo[ValidationError]) -> list[str]:
    return excinfo.value.messages()


# --- shipped templates ----------------------------------------------------------------------


def test_the_shipped_templates_are_loaded_once(db):
    assert ensure_builtin_templates(db) == len(BUILTIN_KEYS)
    assert ensure_builtin_templates(db) == 0
    rows = {row.builtin: row for row in template_rows(db)}
    assert set(rows) == set(BUILTIN_KEYS)
    school = rows["school-archive"]
    assert (school.name, school.item_count, school.required_count) == (SCHOOL_ARCHIVE, 14, 13)
    assert template_input(db, school.id) == builtin_template("school-archive")
    assert count(db, ChecklistTemplate) == len(BUILTIN_KEYS)


def test_a_shipped_template_the_clerk_edited_and_renamed_is_kept_as_edited(db):
    ensure_builtin_templates(db)
    template_id = by_name(db)[SCHOOL_ARCHIVE]
    edited = template_input(db, template_id)
    edited = replace(edited, name="本镇学校迎检清单", items=edited.items[:3])
    save_template(db, edited, template_id)

    assert ensure_builtin_templates(db) == 0
    assert template_input(db, template_id) == edited
    assert SCHOOL_ARCHIVE not in by_name(db)


def test_a_deleted_shipped_template_stays_deleted_until_restored(db):
    ensure_builtin_templates(db)
    delete_template(db, by_name(db)["“六个至少”学期清单"])
    assert ensure_builtin_templates(db) == 0
    assert "“六个至少”学期清单" not in by_name(db)

    assert restore_builtin_templates(db) == 1
    assert "“六个至少”学期清单" in by_name(db)
    assert restore_builtin_templates(db) == 0


def test_a_shipped_template_waits_while_the_office_uses_its_name(db):
    own_id = save_template(db, replace(OWN, name=SCHOOL_ARCHIVE))
    assert ensure_builtin_templates(db) == len(BUILTIN_KEYS) - 1
    assert template_input(db, own_id) == replace(OWN, name=SCHOOL_ARCHIVE)  # not touched
    assert ensure_builtin_templates(db) == 0

    save_template(db, OWN, own_id)  # the office renames its own template: the name is free
    assert ensure_builtin_templates(db) == 1
    rows = {row.name: row for row in template_rows(db)}
    assert rows[SCHOOL_ARCHIVE].builtin == "school-archive"
    assert rows[OWN.name].builtin == ""


# --- editing --------------------------------------------------------------------------------


def test_a_template_is_saved_listed_and_read_back_in_order(db):
    template_id = save_template(db, OWN)
    assert template_input(db, template_id) == OWN
    [row] = template_rows(db)
    assert (row.name, row.description, row.builtin) == (OWN.name, OWN.description, "")
    assert (row.item_count, row.required_count) == (3, 2)


def test_editing_replaces_the_items_order_and_fields(db):
    template_id = save_template(db, OWN)
    first, _, third = OWN.items
    edited = TemplateInput(
        name="龙泉镇迎检清单（修订）",
        description="",
        items=(
            replace(third, required=False, retention="30年"),
            first,
            ItemInput("", "其它", False, "补充材料", ""),
        ),
    )
    assert save_template(db, edited, template_id) == template_id
    assert template_input(db, template_id) == edited
    assert count(db, TemplateItem) == 3


def test_texts_are_tidied_on_save(db):
    template_id = save_template(
        db,
        TemplateInput(
            name=" 龙泉镇  迎检清单 ",
            items=(ItemInput(" 一、概况 ", " 学校简介 ", True, " 文字\r\n照片 ", " 10 年 "),),
        ),
    )
    assert template_input(db, template_id) == TemplateInput(
        name="龙泉镇 迎检清单",
        items=(ItemInput("一、概况", "学校简介", True, "文字\n照片", "10年"),),
    )


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        (replace(OWN, name=" "), "name", "“模板名称”不能为空"),
        (replace(OWN, name="清" * 201), "name", "“模板名称”不能超过 200 个字"),
        (replace(OWN, items=()), "items", "清单中至少要有一个项目"),
        (
            replace(OWN, items=(OWN.items[0], ItemInput("一、学校情况", " "))),
            "items",
            "第2项：“项目”不能为空",
        ),
        (
            replace(OWN, items=(ItemInput("", "学籍档案", retention="永久" * 11),)),
            "items",
            "第1项：“保管期限”不能超过 20 个字",
        ),
        (
            replace(OWN, items=(ItemInput("档" * 201, "学籍档案"),)),
            "items",
            "第1项：“分组”不能超过 200 个字",
        ),
    ],
)
def test_a_mistake_is_named_and_nothing_is_saved(db, data, field, message):
    template_id = save_template(db, OWN)
    with pytest.raises(ValidationError) as excinfo:
        save_template(db, data, template_id)
    assert [(e.field, e.message) for e in excinfo.value.errors] == [(field, message)]
    with pytest.raises(ValidationError):
        save_template(db, data)
    assert template_input(db, template_id) == OWN
    assert count(db, ChecklistTemplate) == 1


def test_a_name_used_by_another_template_is_refused(db):
    save_template(db, OWN)
    other_id = save_template(db, replace(OWN, name="另一个清单"))
    with pytest.raises(ValidationError) as excinfo:
        save_template(db, replace(OWN, description="改"), other_id)
    assert [(e.field, e.label) for e in excinfo.value.errors] == [("name", "模板名称")]
    assert messages(excinfo) == ["已有名为“龙泉镇迎检清单”的清单模板，请换一个“模板名称”"]
    assert template_input(db, other_id).name == "另一个清单"
    save_template(db, replace(OWN, description="改"), by_name(db)[OWN.name])  # its own name


def test_deleting_a_template_keeps_the_checklists_made_from_it(db):
    template_id = save_template(db, OWN)
    school_id = save_school(db, SchoolInput(name="龙泉镇中心小学"))
    with db.session() as session:
        campaign = Campaign(name="2026年迎检", kind="balanced", started_on=date(2026, 9, 1))
        session.add(campaign)
        session.flush()
        session.add(CampaignTemplate(campaign_id=campaign.id, template_id=template_id))
        session.add(
            ChecklistItem(
                campaign_id=campaign.id,
                school_id=school_id,
                template_id=template_id,
                title="学籍档案",
                box_no="3",
            )
        )

    delete_template(db, template_id)
    delete_template(db, template_id)  # already gone: nothing to do
    assert template_rows(db) == []
    assert count(db, TemplateItem) == 0
    with db.session() as session:
        item = session.scalars(select(ChecklistItem)).one()
        assert (item.title, item.box_no, item.template_id) == ("学籍档案", "3", None)
        assert session.scalar(select(func.count()).select_from(CampaignTemplate)) == 0


def test_a_missing_template_is_explained(db):
    with pytest.raises(ValidationError, match="找不到这个清单模板"):
        template_input(db, 999)
    with pytest.raises(ValidationError, match="找不到这个清单模板"):
        save_template(db, OWN, 999)
    assert count(db, ChecklistTemplate) == 0


# --- export and import ----------------------------------------------------------------------

AWKWARD = TemplateInput(
    name="<b>迎检</b> & “清单” =1+1",
    description="=SUM(A1:A3)\n<script>alert(1)</script>",
    items=(
        ItemInput("", "开头不分组的项目", True, "", ""),
        ItemInput("一、<概况>", '=HYPERLINK("x")', False, "第一行\n第二行", "永久"),
        ItemInput("一、<概况>", "2026", True, "&amp; 照片", "30年"),
        ItemInput("", "后面不分组的项目", False, "<i>补充</i>", "保存至毕业后3年"),
        ItemInput("二、档案", "学籍档案", True, "", "10年"),
    ),
)


def test_an_exported_template_imports_with_the_very_same_items(db, tmp_path):
    template_id = save_template(db, AWKWARD)
    path = export_template(db, template_id, tmp_path / "清单.xlsx")

    assert read_template_file(path) == AWKWARD
    delete_template(db, template_id)
    imported = import_template(db, path)
    assert template_input(db, imported) == AWKWARD


@pytest.mark.parametrize("key", BUILTIN_KEYS)
def test_every_shipped_template_survives_export_and_import(db, tmp_path, key):
    ensure_builtin_templates(db)
    template_id = next(row.id for row in template_rows(db) if row.builtin == key)
    path = export_template(db, template_id, tmp_path / f"{key}.xlsx")
    assert read_template_file(path) == builtin_template(key)


def test_the_exported_sheet_is_laid_out_for_the_office(db, tmp_path):
    template_id = save_template(db, OWN)
    path = export_template(db, template_id, tmp_path / "清单.xlsx")
    sheet = load_workbook(path).active
    assert sheet is not None
    assert sheet.title == "清单"
    assert sheet["A1"].value == OWN.name
    assert sheet["A2"].value == OWN.description
    assert [c.value for c in sheet[3]] == ["分组", "项目", "必备", "佐证材料", "保管期限"]
    assert [c.value for c in sheet[5]] == ["一、学校情况", "迎检汇报材料", "否", None, None]
    assert sheet["C4"].value == "是"
    assert sheet.freeze_panes == "B4"
    assert sheet.print_title_rows == "$3:$3"
    dropdowns = {str(v.sqref): v.formula1 for v in sheet.data_validations.dataValidation}
    assert dropdowns["C4:C506"] == '"是,否"'
    assert dropdowns["E4:E506"] == '"永久,30年,10年"'


def test_importing_a_name_already_used_is_refused_and_saves_nothing(db, tmp_path):
    template_id = save_template(db, OWN)
    path = export_template(db, template_id, tmp_path / "清单.xlsx")
    with pytest.raises(ValidationError) as excinfo:
        import_template(db, path)
    assert messages(excinfo) == ["已有名为“龙泉镇迎检清单”的清单模板，请换一个“模板名称”"]
    assert count(db, ChecklistTemplate) == 1

    renamed = replace(read_template_file(path), name="龙泉镇迎检清单（城关）")
    copy_id = save_template(db, renamed)
    assert template_input(db, copy_id).items == OWN.items


def test_a_broken_workbook_imports_nothing(db, tmp_path):
    template_id = save_template(db, OWN)
    path = export_template(db, template_id, tmp_path / "清单.xlsx")
    delete_template(db, template_id)
    workbook = load_workbook(path)
    sheet = workbook.active
    assert sheet is not None
    sheet["B5"] = None
    sheet["C6"] = "也许"
    workbook.save(path)
    with pytest.raises(SheetError) as excinfo:
        import_template(db, path)
    assert messages(excinfo) == [
        "工作表“清单”第 5 行 B 列（项目）：不能为空",
        "工作表“清单”第 6 行 C 列（必备）：“也许”不是可选的值（可填：是、否）",
    ]
    assert count(db, ChecklistTemplate) == 0
    assert count(db, TemplateItem) == 0


def test_export_to_an_unwritable_place_is_explained(db, tmp_path):
    template_id = save_template(db, OWN)
    with pytest.raises(ValidationError, match="要保存到的文件夹不存在"):
        export_template(db, template_id, tmp_path / "没有" / "清单.xlsx")
    with pytest.raises(ValidationError, match=r"应以 \.xlsx 结尾"):
        export_template(db, template_id, tmp_path / "清单.xls")


def test_a_shipped_list_loaded_under_its_former_label_takes_the_true_one_unless_edited(db):
    from core.archive.templates import PREVIOUS_LABELS

    ensure_builtin_templates(db)
    rows = {row.builtin: row for row in template_rows(db)}
    with db.session() as session:
        for key in ("school-archive", "kindergarten-archive"):
            template = session.get(ChecklistTemplate, rows[key].id)
            assert template is not None
            template.name, template.description = PREVIOUS_LABELS[key]
        session.get(ChecklistTemplate, rows["kindergarten-archive"].id).description = "本镇用"
    ensure_builtin_templates(db)
    names = {row.builtin: row.name for row in template_rows(db)}
    assert names["school-archive"] == "学校迎省检档案资料清单"
    assert names["kindergarten-archive"] == "幼儿园迎检档案资料清单"  # edited: kept as it is


def test_school_kinds_travel_in_the_workbook_and_a_wrong_kind_is_named(db, tmp_path):
    data = replace(OWN, school_kinds=("primary", "junior"))
    path = export_template(db, save_template(db, data), tmp_path / "清单.xlsx")
    assert read_template_file(path) == data
    from openpyxl import load_workbook

    workbook = load_workbook(path)
    sheet = workbook.active
    assert sheet is not None
    assert str(sheet["A2"].value).endswith("适用学校：小学、初中")
    sheet["A2"] = "适用学校：小学、大学"
    workbook.save(path)
    with pytest.raises(ValidationError, match="“大学”不是学校类别"):
        read_template_file(path)
