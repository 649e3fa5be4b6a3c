"""Checklist template files without a database: the shipped templates say what DOMAIN.md says,
and a clerk's own workbook is read whatever its title rows, header words, blank or merged group
cells and ways of marking 必备 — or refused with every problem named by row and column."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import Workbook

from core.archive.templates import (
    BUILTIN_KEYS,
    CHECKLISTS_DIR,
    RETENTION_CHOICES,
    ItemInput,
    TemplateInput,
    builtin_template,
    clean_template,
    read_template_file,
    template_problems,
)
from core.enums import SixMinimum
from core.errors import ValidationError
from core.sheets import SheetError

HEADER = ["分组", "项目", "必备", "佐证材料", "保管期限"]
LONG_RETENTION = "永久保存，不得销毁，由档案室专人负责管理存放"  # 22 characters


def _workbook(path: Path, rows: list[list[object]], merges: tuple[str, ...] = ()) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "清单"
    for row in rows:
        sheet.append(row)
    for cells in merges:
        sheet.merge_cells(cells)
    workbook.save(path)
    return path


def _messages(excinfo: pytest.ExceptionInfo[ValidationError]) -> str:
    return "\n".join(excinfo.value.messages())


def _by_title(data: TemplateInput) -> dict[str, ItemInput]:
    return {item.title: item for item in data.items}


# --- the shipped templates ------------------------------------------------------------------


@pytest.mark.parametrize("key", BUILTIN_KEYS)
def test_every_shipped_template_reads_cleanly_with_known_retention_periods(key):
    data = builtin_template(key)
    assert data.name and data.description
    assert template_problems(data) == []
    assert data == clean_template(data)  # stored as written: nothing to tidy
    assert {item.retention for item in data.items} <= set(RETENTION_CHOICES)
    assert all(item.evidence for item in data.items)


def test_the_school_archive_follows_the_township_checklist():
    data = builtin_template("school-archive")
    # The township list is the 迎省检 list (省政府教育工作督导评估), not the 均衡发展 one.
    assert data.name == "学校迎省检档案资料清单"
    assert "迎省检" in data.description and "来源" in data.description
    groups = list(dict.fromkeys(item.group for item in data.items))
    assert [g.split("、", 1)[0] for g in groups] == ["一", "二", "三", "四", "五", "六", "七", "八"]
    originals = [item.title for item in data.items if item.group == "三、原始档案"]
    assert originals == [
        "0—17周岁人口文化状况登记表及统计表",
        "7—14周岁三类残疾儿童少年调查登记表及统计表",
        "近三年招生数、毕业生数",
        "近三年分年级分班在校生数和点名册",
        "辍学学生数和年辍学率",
        "外学区在本校就读/本校在外学区就读人数",
        "随班就读残疾儿童少年名单和个人档案",
    ]
    items = _by_title(data)
    assert items["学生学籍档案"].retention == "永久"
    assert items["学校财务收支账目、报表、校产档案"].retention == "永久"
    assert items["0—17周岁人口文化状况登记表及统计表"].retention == "永久"
    assert items["近三年招生数、毕业生数"].retention == "10年"
    assert items["各项规章制度（入镜上墙）"].required
    assert [item.title for item in data.items if not item.required] == ["其它"]


def test_the_kindergarten_archive_has_the_preschool_items_and_rates():
    titles = [item.title for item in builtin_template("kindergarten-archive").items]
    assert titles == [
        "办园情况简介",
        "场所设施设备",
        "班级设置（大班、中班、小班各一个以上）",
        "教师资格",
        "学前一年入园率（≥75%）",
        "学前三年入园率（≥45%）",
        "档案资料",
    ]


def test_the_six_minimum_list_is_the_six_minimum_of_the_enum():
    data = builtin_template("six-minimum")
    assert [item.title for item in data.items] == [m.label for m in SixMinimum]
    assert all(item.required for item in data.items)


def test_the_double_reduction_self_check_is_grouped_and_covers_the_five_managements():
    data = builtin_template("double-reduction")
    items = _by_title(data)
    assert len({item.group for item in data.items}) >= 5
    for title in ("作业总量和时长控制", "作业公示", "课后服务全覆盖", "课后服务收费"):
        assert title in items
    managed = {item.title for item in data.items if "五项管理" in item.group}
    assert {"睡眠管理", "手机管理", "读物管理", "体质管理"} <= managed


def test_other_files_of_the_folder_are_not_taken_for_templates():
    others = [path for path in CHECKLISTS_DIR.glob("*.json") if path.stem not in BUILTIN_KEYS]
    for path in others:
        with pytest.raises(SheetError, match="不是清单模板文件"):
            read_template_file(path)


# --- checking a template --------------------------------------------------------------------


def test_problems_name_the_field_or_the_item():
    data = clean_template(
        TemplateInput(
            name="  ",
            items=(
                ItemInput("一、概况", "学校简介"),
                ItemInput("一、概况", " "),
                ItemInput("二、档案", "学籍档案", retention=LONG_RETENTION),
                ItemInput(" 一、概况", " 学校简介"),
            ),
        )
    )
    assert [(e.field, e.message) for e in template_problems(data)] == [
        ("name", "“模板名称”不能为空"),
        ("items", "第2项：“项目”不能为空"),
        ("items", "第3项：“保管期限”不能超过 20 个字"),
        ("items", "第4项：与第1项重复（同一分组中项目相同）"),
    ]


def test_a_template_needs_an_item_and_a_name_of_at_most_200_characters():
    problems = template_problems(TemplateInput(name="清" * 201))
    assert [e.message for e in problems] == [
        "“模板名称”不能超过 200 个字",
        "清单中至少要有一个项目",
    ]


def test_cleaning_tidies_one_line_texts_and_keeps_the_evidence_lines():
    data = clean_template(
        TemplateInput(
            name=" 学校  档案 ",
            description=" 第一行\r\n第二行 ",
            items=(ItemInput(" 一、概况 ", " 学校\n简介 ", True, " 简介文字\r\n照片 ", " 10 年 "),),
        )
    )
    assert data == TemplateInput(
        name="学校 档案",
        description="第一行\n第二行",
        items=(ItemInput("一、概况", "学校 简介", True, "简介文字\n照片", "10年"),),
    )


# --- a clerk's own workbook -----------------------------------------------------------------


def test_a_clerks_sheet_with_other_words_blank_groups_and_extra_columns_is_read(tmp_path):
    path = _workbook(
        tmp_path / "清单.xlsx",
        [
            ["龙泉镇学校迎检档案资料清单"],
            ["各校于 9 月底前装盒"],
            ["（镇教育办 2026年9月）"],
            ["序号", "类别", "档案资料名称", "是否必备", "佐证资料", "保存期限", "备注"],
            [1, "一、学校情况", "学校情况简介", "是", "简介", "10 年", "校长签字"],
            [2, None, "迎检汇报材料", "否", None, None, None],
            [3, "二、原始档案", "辍学学生数和年辍学率", None, "名单\n计算表", "永久", None],
            [4, None, "点名册", "必备", None, "10年", None],
            [None, None, None, None, None, None, "以上材料请按时报送"],
            [5, "无", "其它", "可选", None, None, None],
        ],
    )
    data = read_template_file(path)
    assert data.name == "龙泉镇学校迎检档案资料清单"
    assert data.description == "各校于 9 月底前装盒\n（镇教育办 2026年9月）"
    assert data.items == (
        ItemInput("一、学校情况", "学校情况简介", True, "简介", "10年"),
        ItemInput("一、学校情况", "迎检汇报材料", False, "", ""),
        ItemInput("二、原始档案", "辍学学生数和年辍学率", True, "名单\n计算表", "永久"),
        ItemInput("二、原始档案", "点名册", True, "", "10年"),
        ItemInput("", "其它", False, "", ""),
    )


def test_a_group_merged_down_over_its_items_counts_for_each(tmp_path):
    path = _workbook(
        tmp_path / "清单.xlsx",
        [
            ["清单"],
            HEADER,
            ["原始档案", "招生数", "是", None, None],
            [None, "毕业生数", "是", None, None],
            ["学籍", "学籍档案", "是", None, None],
        ],
        merges=("A3:A4",),
    )
    groups = [item.group for item in read_template_file(path).items]
    assert groups == ["原始档案", "原始档案", "学籍"]


def test_in_a_column_of_ticks_a_blank_cell_means_optional(tmp_path):
    path = _workbook(
        tmp_path / "清单.xlsx",
        [["项目", "必备"], ["学校简介", "√"], ["汇报材料", None], ["学籍档案", "✓"]],
    )
    required = [item.required for item in read_template_file(path).items]
    assert required == [True, False, True]


def test_without_a_required_column_every_item_is_required_and_the_file_names_the_template(
    tmp_path,
):
    path = _workbook(tmp_path / "城关小学档案清单.xlsx", [["项目"], ["学校简介"], ["学籍档案"]])
    data = read_template_file(path)
    assert data.name == "城关小学档案清单"
    assert data.description == ""
    assert [(i.group, i.required) for i in data.items] == [("", True), ("", True)]


def test_every_problem_is_named_by_row_and_column_and_nothing_is_read(tmp_path):
    path = _workbook(
        tmp_path / "清单.xlsx",
        [
            ["学校档案"],
            HEADER,
            ["一、概况", "学校简介", "是", None, "10年"],
            ["一、概况", None, "是", "照片", None],
            ["一、概况", "汇报材料", "大概", None, LONG_RETENTION],
            [None, "学校简介", "否", None, None],
        ],
    )
    with pytest.raises(SheetError) as excinfo:
        read_template_file(path)
    assert excinfo.value.messages() == [
        "工作表“清单”第 4 行 B 列（项目）：不能为空",
        "工作表“清单”第 5 行 C 列（必备）：“大概”不是可选的值（可填：是、否）",
        "工作表“清单”第 5 行 E 列（保管期限）：不能超过 20 个字（现有 22 个字）",
        "工作表“清单”第 6 行 B 列（项目）：与第 3 行重复（同一分组中项目相同）",
    ]


def test_a_sheet_without_items_or_with_an_overlong_name_is_refused(tmp_path):
    empty = _workbook(tmp_path / "空.xlsx", [["学校档案"], HEADER])
    with pytest.raises(SheetError, match="工作表“清单”中没有清单项目"):
        read_template_file(empty)
    long_name = _workbook(tmp_path / "长.xlsx", [[None], ["档" * 201], HEADER, [None, "学籍档案"]])
    with pytest.raises(SheetError) as excinfo:
        read_template_file(long_name)
    assert _messages(excinfo) == (
        "工作表“清单”第 2 行（模板名称）：不能超过 200 个字（现有 201 个字）"
    )


def test_a_file_of_another_kind_is_explained(tmp_path):
    with pytest.raises(SheetError, match="找不到“项目”"):
        read_template_file(_workbook(tmp_path / "名单.xlsx", [["学校名称", "地址"], ["一小", "x"]]))
    with pytest.raises(SheetError, match="旧版 Excel 文件"):
        read_template_file(tmp_path / "清单.xls")


# --- the JSON form --------------------------------------------------------------------------


def _json(path: Path, content: object) -> Path:
    path.write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")
    return path


def test_a_json_template_reads_with_defaults_for_what_it_leaves_out(tmp_path):
    path = _json(
        tmp_path / "t.json",
        {
            "name": "自查清单",
            "items": [{"title": "作业公示"}, {"group": "课后", "title": "全覆盖"}],
        },
    )
    assert read_template_file(path) == TemplateInput(
        name="自查清单",
        items=(ItemInput("", "作业公示"), ItemInput("课后", "全覆盖")),
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "“t.json”不是有效的清单模板文件（JSON 格式有误）"),
        ({"kind": "evaluation-sheet", "items": []}, "“t.json”不是清单模板文件"),
        ({"name": "x"}, "“t.json”不是清单模板文件（缺少项目列表）"),
        (
            {"name": "x", "items": [{"title": "a", "required": "yes"}]},
            "“t.json”中项目的“required”只能是 true 或 false",
        ),
        ({"name": "x", "items": [{"title": "a"}, {"title": ""}]}, "“t.json”第2项：“项目”不能为空"),
    ],
)
def test_a_broken_json_template_is_explained(tmp_path, content, message):
    path = tmp_path / "t.json"
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        _json(path, content)
    with pytest.raises(SheetError) as excinfo:
        read_template_file(path)
    assert _messages(excinfo) == message
