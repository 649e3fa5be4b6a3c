"""The shipped 迎检 templates against the plans' own words (DOMAIN.md): the township list is the
迎省检 list, the kindergarten list says where its thresholds come from, the 均衡发展 archive asks
for what the district plan asks, the 100-point sheet follows plan 001 篇2, 双减 has 命题管理, and
every template names its source and the school kinds it is for."""

from __future__ import annotations

import json
from datetime import date

import pytest

from core.archive.campaigns import PhaseInput, due_for_new_items
from core.archive.scoring import shipped_sheet
from core.archive.templates import BUILTIN_KEYS, CHECKLISTS_DIR, builtin_template
from core.enums import COMPULSORY_KINDS as COMPULSORY


@pytest.mark.parametrize("key", BUILTIN_KEYS)
def test_every_shipped_template_names_its_source_and_its_schools(key):
    data = builtin_template(key)
    assert "来源：" in data.description
    assert data.school_kinds


def test_the_kindergarten_list_is_for_kindergartens_and_honest_about_its_thresholds():
    data = builtin_template("kindergarten-archive")
    assert data.school_kinds == ("kindergarten",)
    assert data.name == "幼儿园迎省检档案资料清单"
    assert "普及普惠" not in data.name
    assert "不是学前教育普及普惠督导评估的标准" in data.description
    titles = [item.title for item in data.items]
    assert "学前一年入园率（≥75%）" in titles and "学前三年入园率（≥45%）" in titles


def test_six_minimum_and_double_reduction_are_for_compulsory_education():
    for key in ("six-minimum", "double-reduction"):
        assert set(builtin_template(key).school_kinds) == COMPULSORY
    assert "kindergarten" not in builtin_template("school-archive").school_kinds


def test_double_reduction_asks_for_the_management_of_test_papers():
    items = {item.title: item for item in builtin_template("double-reduction").items}
    assert items["命题管理"].required


def test_the_balanced_development_archive_asks_what_the_district_plan_asks():
    data = builtin_template("balanced-development")
    assert set(data.school_kinds) == COMPULSORY
    text = "\n".join(f"{item.group} {item.title} {item.evidence}" for item in data.items)
    for words in (
        "对照B级指标的自查报告",
        "整改方案（校长签字）",
        "迎评方案（校长签字）",
        "纸质和电子版",
        "计划、方案、总结",
        "宣传手册",
        "学校展板",
        "功能室分布图",
        "简报",
        "师生比（初中 1∶13.5，小学 1∶19）",
        "年巩固率（小学≥99%，初中≥98%）",
        "学生体质健康及格率≥90%",
        "音体美器材（小学 60 种，初中 61 种）",
        "环形跑道（初中 200 米，小学 150 米）",
        "生均图书达标",
        "生均校舍面积达标",
        "开齐开足课程",
        "不设重点学校、重点班",
        "课业负担减轻",
        "校长教师定期交流",
        "随迁子女入学",
        "社会满意度≥98%",
        "按B级指标装盒，每盒附目录",
    ):
        assert words in text, words
    assert all(item.required for item in data.items)


def test_the_100_point_sheet_follows_plan_001_part_2():
    sheet = shipped_sheet()
    names: dict[str, list[str]] = {}
    for indicator in sheet:
        names.setdefault(indicator.group, []).append(indicator.name)
    assert names == {
        "学校管理": ["学校党建", "依法办学", "规范办学行为", "群众满意度", "文化环境", "品德教育",
                     "身心健康", "艺术素养与劳动实践", "财务管理", "校舍管理"],
        "教育教学管理": ["教学管理", "教学质量", "资源使用", "教育信息化工作", "师德师风",
                         "教师专业发展", "教师绩效考核"],
        "其他重点工作": ["安全制度", "安全教育", "安全管理", "食品安全", "疫情防控",
                         "信访稳定和应急处置"],
        "加减分": ["表彰奖励及违规事项"],
    }  # fmt: skip
    totals = {g: sum(i.max_points for i in sheet if i.group == g) for g in names}
    assert totals == {"学校管理": 30, "教育教学管理": 56, "其他重点工作": 14, "加减分": 3}
    (adjustment,) = [i for i in sheet if i.group == "加减分"]
    assert adjustment.min_points == -3
    raw = json.loads((CHECKLISTS_DIR / "school-evaluation-100.json").read_text(encoding="utf-8"))
    assert "来源：" in raw["description"] and "保教质量" in raw["description"]


PHASES = (
    PhaseInput("宣传发动", date(2026, 9, 30)),
    PhaseInput("自查整改", date(2026, 10, 31)),
    PhaseInput("复评提高", date(2026, 11, 30)),
    PhaseInput("评估验收", date(2026, 12, 20)),
)


def test_items_added_to_a_running_campaign_are_due_by_a_deadline_still_ahead():
    assert due_for_new_items(PHASES, date(2026, 10, 1)) == date(2026, 10, 31)
    assert due_for_new_items(PHASES, date(2026, 10, 31)) == date(2026, 10, 31)
    assert due_for_new_items(PHASES, date(2026, 11, 2)) == date(2026, 11, 30)
    assert due_for_new_items(PHASES, date(2026, 12, 1)) == date(2026, 12, 20)
    assert due_for_new_items(PHASES, date(2027, 1, 5)) == date(2026, 12, 20)
    assert due_for_new_items((), date(2026, 11, 2)) is None
