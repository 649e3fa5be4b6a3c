"""The 督导记录 sheet on both engines, as clerks keep it: their own headers, a merged title row,
dates in every form, several 同行督学 and 督导方式 in one cell, the office's main inspection items
(whose wording holds 、) among items of their own. A preview saves nothing; one bad row means
nothing is saved and every problem is named by row and column; importing again changes nothing;
an edit changes exactly what was edited (and makes the visit the clerk's, not the generator's);
the demo's visits export and import back unchanged. Everything is read back through a new unit
of work."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from core.sheets import SheetError, apply_import, export_sheet, plan_import
from core.sheets.visits import SPEC
from db.engine import Database
from db.models import Inspector, Recusal, School, Visit, VisitRecord
from tests.conftest import TODAY

SCHOOL, OTHER_SCHOOL, FORMER_SCHOOL = "龙泉镇中心小学", "龙泉镇中心幼儿园", "青溪县实验小学"
LEAD, COMPANION, RECUSED = "王建国", "李丽", "赵敏"
CLERK_HEADER = [
    "序号", "督导日期", "学校（园）名称", "督学姓名", "同行人员", "督导类别", "完成情况",
    "督导主题", "督导内容", "督导方法", "“六个至少”", "督导情况", "发现问题", "整改意见",
    "反馈情况", "归档时间", "备注",
]  # fmt: skip
ITEMS_WRITTEN = "招生、收费、择校\n课程开设和教育教学；作业管理、课后服务"
ITEMS_STORED = ["招生、收费、择校", "课程开设和教育教学", "作业管理", "课后服务"]


@pytest.fixture
def office(db: Database) -> Database:
    """Three schools and three inspectors; 赵敏 once led 青溪县实验小学 and must recuse."""
    with db.session() as session:
        schools = {
            name: School(name=name, kind=kind)
            for name, kind in (
                (SCHOOL, "primary"),
                (OTHER_SCHOOL, "kindergarten"),
                (FORMER_SCHOOL, "primary"),
            )
        }
        people = {name: Inspector(name=name) for name in (LEAD, COMPANION, RECUSED)}
        session.add_all([*schools.values(), *people.values()])
        session.add(
            Recusal(
                inspector=people[RECUSED],
                school=schools[FORMER_SCHOOL],
                reason="曾任该校校长",
                since=date(2020, 9, 1),
            )
        )
    return db


def write_sheet(path: Path, header: list[str], rows: list[list[object]], title: str = "") -> Path:
    """A workbook as a clerk keeps it: an optional merged title row, the header, the rows."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    if title:
        sheet.append([title])
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=8)
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def clerk_rows() -> list[list[object]]:
    return [
        [1, "2026.10.20", f" {SCHOOL} ", "王 建国", f"{COMPANION}", "经常性", None, None,
         ITEMS_WRITTEN, "巡视、推门听课、查阅台账、校园巡视", "查看作业，进班听课",
         "校园整洁，课堂秩序良好。", "个别班级作业公示不及时。", "落实作业公示制度。",
         "已向校长反馈。", "2026年10月21日", None],
        [2, datetime(2026, 11, 20), OTHER_SCHOOL, LEAD, None, None, None, None, None, None,
         None, None, None, None, None, None, "与教研室联合"],
        [3, "20261028", SCHOOL, LEAD, None, None, "已完成", "双减", None, None, None, None,
         None, None, None, None, None],
    ]  # fmt: skip


def visits(db: Database) -> list[Visit]:
    """Every visit with its companions, school, inspector and record, from a new session."""
    with db.session() as session:
        return list(
            session.scalars(
                select(Visit)
                .options(
                    selectinload(Visit.companions),
                    selectinload(Visit.record),
                    selectinload(Visit.school),
                    selectinload(Visit.inspector),
                )
                .order_by(Visit.visit_date, Visit.id)
            )
        )


def count(db: Database, model: type) -> int:
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def problems_of(db: Database, path: Path) -> list[str]:
    with pytest.raises(SheetError) as excinfo:
        plan_import(db, "visits", path, TODAY)
    return excinfo.value.messages()


def test_a_clerks_visit_sheet_is_previewed_then_imported_whole(office, tmp_path):
    path = write_sheet(tmp_path / "督导记录.xlsx", CLERK_HEADER, clerk_rows(), "2026年秋季督导记录")
    plan = plan_import(office, "visits", path, TODAY)
    assert plan.summary() == "新增 3 行，修改 0 行，未变 0 行"
    assert [(row.row, row.name, row.changes) for row in plan.added] == [
        (3, f"2026-10-20 {SCHOOL} {LEAD}", [f"经常性督导，已完成，同行：{COMPANION}，附督导记录"]),
        (4, f"2026-11-20 {OTHER_SCHOOL} {LEAD}", ["经常性督导，计划"]),
        (5, f"2026-10-28 {SCHOOL} {LEAD}", ["专项督导·双减，已完成"]),
    ]
    assert count(office, Visit) == 0

    assert apply_import(office, plan).saved
    done, special, planned = visits(office)
    assert (done.visit_date, done.school.name, done.inspector.name) == (
        date(2026, 10, 20),
        SCHOOL,
        LEAD,
    )
    assert (done.kind, done.status, done.generated) == ("routine", "done", False)
    assert [c.name for c in done.companions] == [COMPANION]
    record = done.record
    assert record is not None
    assert record.items == ITEMS_STORED
    assert record.methods == ["tour", "lesson", "documents"]
    assert record.six_minimum == ["homework", "class"]
    assert (record.findings, record.problems, record.advice, record.feedback) == (
        "校园整洁，课堂秩序良好。",
        "个别班级作业公示不及时。",
        "落实作业公示制度。",
        "已向校长反馈。",
    )
    assert record.filed_on == date(2026, 10, 21)
    assert (special.kind, special.topic, special.status, special.record) == (
        "special",
        "双减",
        "done",
        None,
    )
    assert (planned.kind, planned.status, planned.note, planned.companions) == (
        "routine",
        "planned",
        "与教研室联合",
        [],
    )
    assert count(office, VisitRecord) == 1


def test_importing_again_changes_nothing_and_an_edit_changes_only_that(office, tmp_path):
    path = write_sheet(tmp_path / "x.xlsx", CLERK_HEADER, clerk_rows())
    apply_import(office, plan_import(office, "visits", path, TODAY))
    again = plan_import(office, "visits", path, TODAY)
    assert (len(again.added), len(again.changed), again.unchanged) == (0, 0, 3)

    workbook = load_workbook(path)
    sheet = workbook.active
    sheet["G3"] = "已取消"  # the planned visit of row 3
    sheet["L2"] = "校园整洁，课堂秩序良好，大课间活动有序。"
    sheet["E2"] = f"{COMPANION}、{RECUSED}"
    workbook.save(path)
    plan = plan_import(office, "visits", path, TODAY)
    assert [(row.row, row.changes) for row in plan.changed] == [
        (
            2,
            [
                f"同行人员：{COMPANION} → {COMPANION}、{RECUSED}",
                "督导情况：校园整洁，课堂秩序良好。 → 校园整洁，课堂秩序良好，大课间活动有序。",
            ],
        ),
        (3, ["完成情况：计划 → 已取消"]),
    ]
    apply_import(office, plan)
    done, _, cancelled = visits(office)
    assert sorted(c.name for c in done.companions) == sorted([COMPANION, RECUSED])
    assert done.record is not None and done.record.findings.endswith("大课间活动有序。")
    assert done.record.items == ITEMS_STORED
    assert cancelled.status == "cancelled"
    assert count(office, Visit) == 3


def test_absent_columns_keep_the_record_and_an_empty_cell_clears_its_value(office, tmp_path):
    apply_import(
        office,
        plan_import(
            office, "visits", write_sheet(tmp_path / "a.xlsx", CLERK_HEADER, clerk_rows()), TODAY
        ),
    )
    path = write_sheet(
        tmp_path / "b.xlsx",
        ["日期", "学校", "督学", "意见建议", "备注"],
        [["2026-10-20", SCHOOL, LEAD, None, "补记"]],
    )
    plan = plan_import(office, "visits", path, TODAY)
    assert [row.changes for row in plan.changed] == [
        ["意见建议：落实作业公示制度。 → （空）", "备注：（空） → 补记"]
    ]
    apply_import(office, plan)
    done = visits(office)[0]
    assert done.note == "补记"
    assert done.record is not None
    assert (done.record.advice, done.record.findings) == ("", "校园整洁，课堂秩序良好。")
    assert done.record.methods == ["tour", "lesson", "documents"]
    assert [c.name for c in done.companions] == [COMPANION]


def test_every_problem_of_a_visit_sheet_is_listed_and_nothing_saved(office, tmp_path):
    header = ["日期", "学校", "督学", "同行督学", "督导类型", "状态", "督导方式", "发现情况",
              "归档日期"]  # fmt: skip
    path = write_sheet(
        tmp_path / "x.xlsx",
        header,
        [
            ["2026-10-9", "龙泉镇中心小", LEAD, None, None, None, None, None, None],
            ["2026-10-9", SCHOOL, "查无此人", "钱多多", None, None, None, None, None],
            ["2026-10-9", SCHOOL, LEAD, None, "飞行检查", "进行中", "巡视、暗访", None, None],
            ["2026-13-9", SCHOOL, LEAD, None, None, None, None, None, None],
            ["2026-11-20", SCHOOL, LEAD, None, None, "已完成", None, None, None],
            ["2026-10-12", FORMER_SCHOOL, RECUSED, None, None, None, None, None, None],
            ["2026-10-12", FORMER_SCHOOL, LEAD, RECUSED, None, None, None, None, None],
            ["2026-10-13", SCHOOL, LEAD, None, "经常性督导", None, None, None, None],
            ["2026.10.13", f" {SCHOOL}", LEAD, None, None, None, None, None, None],
            ["2026-10-14", SCHOOL, LEAD, None, None, "计划", None, "已到校查看", None],
            ["2026-10-15", SCHOOL, LEAD, None, None, None, None, "已到校查看", "2026-10-14"],
            ["2026-10-16", SCHOOL, LEAD, None, "专项督导", None, None, None, None],
            ["2026-10-19", SCHOOL, LEAD, f"{COMPANION}、{LEAD}", None, None, None, None, None],
            ["2026-10-20", SCHOOL, LEAD, None, None, None, None, None, "2026-10-20"],
        ],
    )
    assert problems_of(office, path) == [
        f"工作表“Sheet”第 2 行 B 列（学校）：没有名为“龙泉镇中心小”的学校（是否是“{SCHOOL}”？）",
        "工作表“Sheet”第 3 行 C 列（督学）：名册中没有名为“查无此人”的督学"
        "（请先导入或添加这名督学）",
        "工作表“Sheet”第 3 行 D 列（同行督学）：名册中没有名为“钱多多”的督学"
        "（请先导入或添加这名督学）",
        "工作表“Sheet”第 4 行 E 列（督导类型）：“飞行检查”不是可选的值"
        "（可填：经常性督导、专项督导、综合督导、随访督导、回头看）",
        "工作表“Sheet”第 4 行 F 列（状态）：“进行中”不是可选的值"
        "（可填：计划、已确认、已完成、已取消、已延期）",
        "工作表“Sheet”第 4 行 G 列（督导方式）：“暗访”不是可选的值（可填：校园巡视、"
        "随机(推门)听课、查阅资料、问卷调查、列席会议、参加活动、座谈走访）",
        "工作表“Sheet”第 5 行 A 列（日期）：“2026-13-9”不是有效的日期",
        "工作表“Sheet”第 6 行 F 列（状态）：督导日期 2026-11-20 还没到，状态不能是“已完成”",
        f"工作表“Sheet”第 7 行 C 列（督学）：{RECUSED}须回避“{FORMER_SCHOOL}”（曾任该校校长）",
        f"工作表“Sheet”第 8 行 D 列（同行督学）：{RECUSED}须回避“{FORMER_SCHOOL}”（曾任该校校长）",
        "工作表“Sheet”第 10 行：与第 9 行是同一次督导（同一日期、学校、督学、督导类型）",
        "工作表“Sheet”第 11 行：填写了督导记录，状态应为“已完成”（现为“计划”）",
        "工作表“Sheet”第 12 行 I 列（归档日期）：归档日期不能早于督导日期",
        "工作表“Sheet”第 13 行：专项督导请填写专项主题（如 双减、安全）",
        "工作表“Sheet”第 14 行 D 列（同行督学）：同行督学里不能再选本次的督学",
        "工作表“Sheet”第 15 行：记录是空的：请至少填写督导事项、督导方式或发现情况",
    ]
    assert count(office, Visit) == 0
    assert count(office, VisitRecord) == 0


def test_a_recusal_applies_from_its_first_day(office, tmp_path):
    path = write_sheet(
        tmp_path / "x.xlsx",
        ["日期", "学校", "督学"],
        [["2019-10-12", FORMER_SCHOOL, RECUSED], ["2020-09-01", FORMER_SCHOOL, RECUSED]],
    )
    assert problems_of(office, path) == [
        f"工作表“Sheet”第 3 行 C 列（督学）：{RECUSED}须回避“{FORMER_SCHOOL}”（曾任该校校长）"
    ]


# --- the demo office -------------------------------------------------------------------------


def test_the_demos_visits_export_and_an_edit_updates_the_visit_in_place(demo_db, tmp_path):
    path = tmp_path / "督导记录.xlsx"
    written = export_sheet(demo_db, "visits", path, TODAY)
    assert written == count(demo_db, Visit) > 100
    workbook = load_workbook(path)
    sheet = workbook.active
    assert sheet.title == "督导记录"
    assert sheet["A1"].value == "青溪县人民政府教育督导室督导工作台账（导出日期：2026-11-02）"
    assert [cell.value for cell in sheet[2]] == [column.header for column in SPEC.columns]
    rows = list(sheet.iter_rows(min_row=3, values_only=True))
    assert all(isinstance(row[0], datetime) for row in rows)
    assert [row[0] for row in rows] == sorted(row[0] for row in rows)
    with_items = [row for row in rows if row[7]]
    assert len(with_items) == count(demo_db, VisitRecord)
    assert any("；" in row[7] and "、" in row[7] for row in with_items)

    planned = next(n for n, row in enumerate(rows, start=3) if row[4:6] == ("经常性督导", "计划"))
    day, school, inspector = rows[planned - 3][:3]
    sheet.cell(planned, 6).value = "已确认"
    workbook.save(path)
    plan = plan_import(demo_db, "visits", path, TODAY)
    assert (len(plan.added), plan.unchanged) == (0, written - 1)
    assert [(row.row, row.changes) for row in plan.changed] == [(planned, ["状态：计划 → 已确认"])]
    apply_import(demo_db, plan)
    with demo_db.session() as session:
        (visit,) = session.scalars(
            select(Visit)
            .join(School, School.id == Visit.school_id)
            .join(Inspector, Inspector.id == Visit.inspector_id)
            .where(
                Visit.visit_date == day.date(), School.name == school, Inspector.name == inspector
            )
        )
        assert (visit.status, visit.generated) == ("confirmed", False)
    assert count(demo_db, Visit) == written
