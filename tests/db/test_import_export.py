"""Excel import and export on both engines, with sheets as clerks really keep them: merged title
rows, other headers for the same column, extra columns, dates in every form, full-width digits,
stray spaces, several 挂牌 schools in one cell. A preview saves nothing; one bad row means nothing
is saved and every problem is named by row and column; importing again changes nothing; an
export imports back unchanged. Everything is read back through a new unit of work."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from core.roster.schools import set_schools_active
from core.sheets import (
    SHEET_KINDS,
    SHEET_TITLES,
    SheetError,
    apply_import,
    export_sheet,
    plan_import,
    write_template,
)
from core.sheets.inspectors import SPEC as INSPECTORS
from core.sheets.schools import SPEC as SCHOOLS
from core.sheets.training import SPEC as TRAINING
from core.sheets.visits import SPEC as VISITS
from db.engine import Database
from db.models import (
    Appointment,
    Assignment,
    Inspector,
    Recusal,
    School,
    TrainingRecord,
    Visit,
    Zone,
)
from tests.conftest import TODAY

SPECS = {"schools": SCHOOLS, "inspectors": INSPECTORS, "training": TRAINING, "visits": VISITS}


def write_sheet(
    path: Path,
    header: list[str],
    rows: list[list[object]],
    *,
    titles: tuple[str, ...] = ("青溪县学校（园）基本情况表",),
    sheet: str = "Sheet1",
) -> Path:
    """A workbook as a clerk keeps it: merged title rows above the header, then the rows."""
    workbook = Workbook()
    worksheet = workbook.active
    assert worksheet is not None
    worksheet.title = sheet
    for number, title in enumerate(titles, start=1):
        worksheet.append([title])
        worksheet.merge_cells(start_row=number, start_column=1, end_row=number, end_column=6)
    worksheet.append(header)
    for row in rows:
        worksheet.append(row)
    workbook.save(path)
    return path


def count(db: Database, model: type) -> int:
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def school(db: Database, name: str) -> School:
    with db.session() as session:
        found = session.scalar(select(School).where(School.name == name))
        assert found is not None, name
        if found.zone_id:
            assert found.zone is not None
        return found


def covering(db: Database, school_name: str, on: date = TODAY) -> str | None:
    """Name of the inspector covering the school on ``on``, read in a new unit of work."""
    with db.session() as session:
        return session.scalar(
            select(Inspector.name)
            .join(Assignment, Assignment.inspector_id == Inspector.id)
            .join(School, School.id == Assignment.school_id)
            .where(
                School.name == school_name,
                Assignment.start_date <= on,
                (Assignment.end_date.is_(None)) | (Assignment.end_date >= on),
            )
        )


def import_file(db: Database, kind: str, path: Path):
    return apply_import(db, plan_import(db, kind, path, TODAY))


def problems_of(db: Database, kind: str, path: Path) -> list[str]:
    with pytest.raises(SheetError) as excinfo:
        plan_import(db, kind, path, TODAY)
    return excinfo.value.messages()


def exported_rows(path: Path) -> list[list[object]]:
    sheet = load_workbook(path).active
    assert sheet is not None
    return [list(row) for row in sheet.iter_rows(values_only=True)]


# --- schools -------------------------------------------------------------------------------

CLERK_HEADER = [
    "序号",
    "学校（园）名称\n（全称）",
    "学段",
    "公办/民办",
    "在校生数\n（人）",
    "校（园）长",
    "任期届满",
    "联系方式",
    "学校地址",
    "片区",
    "备注",
]
SERIAL_2028_07_01 = 46935


def test_a_clerks_school_sheet_is_previewed_then_imported_whole(db, tmp_path):
    path = write_sheet(
        tmp_path / "学校名单.xlsx",
        CLERK_HEADER,
        [
            [1, " 龙泉镇中心小学 ", "小学", "公办", "1,200", "张  伟", datetime(2027, 7, 31),
             "0738-6123456", "龙泉镇龙泉街 1 号", "龙泉片", "省示范校"],
            [2, "龙泉镇九年一贯制学校", "九年一贯制", "公办", "６５０人", "李红", "2027.8.31",
             13812345678, None, "龙泉片", None],
            [3, "龙泉镇阳光幼儿园", "幼儿园", "民办", 230, "王芳", "2027年7月1日", None, None,
             " 龙泉片 ", None],
            [None] * 11,
            [4, "龙泉镇李家教学点", "教学点", "公办", " 35 ", None, 20270901, None, None,
             "龙泉片", None],
            [5, "青溪县特殊教育学校", "特教", "公办", 86, "赵敏", "２０２７-０９-３０", None, None,
             "城关片", None],
            [6, "青溪县职业中学", "职高", "公办", 960, "周杰", SERIAL_2028_07_01, None, None,
             "城关片", None],
            [7, "青溪县第二中学", "完全中学", "是否", 1500, "吴强", "2027/6/30", None, None,
             "城关片", None],
        ],
        titles=("青溪县2026年学校（园）基本情况统计表", "填报单位：青溪县教育督导室"),
    )  # fmt: skip
    assert problems_of(db, "schools", path) == [
        "工作表“Sheet1”第 11 行 D 列（公办/民办）：“是否”不是可选的值（可填：公办、民办）"
    ]
    worksheet = load_workbook(path)
    worksheet.active["D11"] = "公办"
    worksheet.save(path)

    plan = plan_import(db, "schools", path, TODAY)
    summary, warning = plan.summary().splitlines()
    assert summary == "新增 7 行，修改 0 行，未变 0 行；新增责任区：龙泉片、城关片"
    assert warning.startswith("注意：学校表只带各校（园）的基本情况")  # an empty database
    assert plan.sheet == "Sheet1"
    assert [(row.row, row.name) for row in plan.added][:2] == [
        (4, "龙泉镇中心小学"),
        (5, "龙泉镇九年一贯制学校"),
    ]
    assert plan.added[0].changes == ["小学，在校生 1200 人，龙泉片"]
    assert plan.added[2].changes == ["幼儿园，民办，在校生 230 人，龙泉片"]
    assert not plan.saved
    assert count(db, School) == 0
    assert count(db, Zone) == 0

    saved = apply_import(db, plan)
    assert saved.saved
    assert saved.summary() == plan.summary()
    assert count(db, School) == 7
    with db.session() as session:
        zones = session.scalars(select(Zone.name).order_by(Zone.sort_order)).all()
        assert zones == ["龙泉片", "城关片"]
    central = school(db, "龙泉镇中心小学")
    assert (central.kind, central.enrolment, central.principal) == ("primary", 1200, "张伟")
    assert central.principal_term_end == date(2027, 7, 31)
    assert central.phone == "0738-6123456"
    assert central.address == "龙泉镇龙泉街 1 号"
    assert central.zone is not None and central.zone.name == "龙泉片"
    nine = school(db, "龙泉镇九年一贯制学校")
    assert (nine.kind, nine.enrolment, nine.phone) == ("nine_year", 650, "13812345678")
    assert nine.principal_term_end == date(2027, 8, 31)
    private = school(db, "龙泉镇阳光幼儿园")
    assert (private.kind, private.is_private, private.principal_term_end) == (
        "kindergarten",
        True,
        date(2027, 7, 1),
    )
    assert private.zone is not None and private.zone.name == "龙泉片"
    point = school(db, "龙泉镇李家教学点")
    assert (point.kind, point.enrolment, point.principal, point.principal_term_end) == (
        "teaching_point",
        35,
        "",
        date(2027, 9, 1),
    )
    assert school(db, "青溪县特殊教育学校").principal_term_end == date(2027, 9, 30)
    assert school(db, "青溪县职业中学").kind == "vocational"
    assert school(db, "青溪县职业中学").principal_term_end == date(2028, 7, 1)
    second = school(db, "青溪县第二中学")
    assert (second.kind, second.is_private, second.principal_term_end, second.active) == (
        "complete_secondary",
        False,
        date(2027, 6, 30),
        True,
    )


def test_importing_the_same_sheet_again_changes_nothing(db, tmp_path):
    path = write_sheet(
        tmp_path / "x.xlsx",
        ["学校名称", "类别", "在校生数", "责任区"],
        [["甲小学", "小学", 300, "东片"], ["乙幼儿园", "幼儿园", 120, "东 片"]],
    )
    import_file(db, "schools", path)
    again = plan_import(db, "schools", path, TODAY)
    assert (len(again.added), len(again.changed), again.unchanged) == (0, 0, 2)
    assert again.new_zones == []
    assert not again.has_changes
    import_file(db, "schools", path)
    assert count(db, School) == 2
    assert count(db, Zone) == 1


def test_one_bad_row_among_good_ones_saves_nothing_and_every_problem_is_located(db, tmp_path):
    path = write_sheet(
        tmp_path / "x.xlsx",
        ["学校名称", "类别", "在校生数", "联系电话", "校长任期届满", "责任区"],
        [
            ["甲小学", "小学", 300, "0738-6123456", "2027-7-31", "东片"],
            ["乙小学", "大学", "三百", "1381234", "2027.13.1", "西片"],
            ["丙小学", "小学", 200, None, None, "南片"],
            [None, "小学", 100, None, None, None],
        ],
        titles=(),
    )
    assert problems_of(db, "schools", path) == [
        "工作表“Sheet1”第 3 行 B 列（类别）：“大学”不是可选的值（可填：小学、初中、九年一贯制学校、"
        "高中、完全中学、特殊教育学校、职业学校、幼儿园、教学点）",
        "工作表“Sheet1”第 3 行 C 列（在校生数）：“三百”不是整数",
        "工作表“Sheet1”第 3 行 D 列（联系电话）：“1381234”不是有效的电话号码"
        "（手机为 11 位，如 13812345678；固话如 0738-6123456）",
        "工作表“Sheet1”第 3 行 E 列（校长任期届满）：“2027.13.1”不是有效的日期",
        "工作表“Sheet1”第 5 行 A 列（学校名称）：不能为空",
    ]
    assert count(db, School) == 0
    assert count(db, Zone) == 0


def test_a_school_named_twice_is_refused_naming_both_rows(db, tmp_path):
    path = write_sheet(
        tmp_path / "x.xlsx",
        ["学校名称", "类别"],
        [["甲小学", "小学"], ["乙小学", "小学"], [" 甲 小学", "小学"]],
    )
    assert problems_of(db, "schools", path) == [
        "工作表“Sheet1”第 5 行 A 列（学校名称）：“甲 小学”与第 3 行重复，一所学校只能有一行"
    ]
    assert count(db, School) == 0


def test_without_a_kind_column_a_new_schools_kind_comes_from_its_name(db, tmp_path):
    unclear = write_sheet(
        tmp_path / "x.xlsx",
        ["学校名称", "在校生数"],
        [["东方幼儿园", 100], ["城南中学", 900], ["城北中学", 800]],
    )
    (message,) = problems_of(db, "schools", unclear)
    assert message.startswith("工作表“Sheet1”第 4、5 行：无法从学校名称看出类别")
    assert "请加上“学校类别”列" in message

    clear = write_sheet(
        tmp_path / "y.xlsx",
        ["学校名称", "在校生数"],
        [["东方幼儿园", 100], ["城南初级中学", 900], ["石桥村小学教学点", 20]],
    )
    import_file(db, "schools", clear)
    assert school(db, "东方幼儿园").kind == "kindergarten"
    assert school(db, "城南初级中学").kind == "junior"
    assert school(db, "石桥村小学教学点").kind == "teaching_point"


def _row_of(sheet, name: str) -> int:
    for row in range(3, sheet.max_row + 1):
        if sheet.cell(row, 1).value == name:
            return row
    raise AssertionError(name)


def test_an_edited_export_changes_exactly_what_was_edited(demo_db, tmp_path):
    path = tmp_path / "学校.xlsx"
    export_sheet(demo_db, "schools", path, TODAY)
    name = "青溪县城关第二小学"
    before = school(demo_db, name)
    covered_by = covering(demo_db, name)
    assert covered_by is not None

    workbook = load_workbook(path)
    sheet = workbook.active
    row = _row_of(sheet, name)
    sheet.cell(row, 7).value = "139 0000 1111"
    sheet.cell(row, 9).value = "东城责任区"
    sheet.cell(row, 10).value = "停用"
    workbook.save(path)

    plan = plan_import(demo_db, "schools", path, TODAY)
    assert (len(plan.added), len(plan.changed), plan.unchanged) == (0, 1, 37)
    assert plan.new_zones == ["东城责任区"]
    (changed,) = plan.changed
    assert (changed.row, changed.name) == (row, name)
    assert changed.changes == [
        f"联系电话：{before.phone} → 13900001111",
        "责任区：城关责任区 → 东城责任区",
        "状态：在用 → 停用",
    ]
    assert school(demo_db, name).active

    apply_import(demo_db, plan)
    after = school(demo_db, name)
    assert (after.phone, after.active) == ("13900001111", False)
    assert after.zone is not None and after.zone.name == "东城责任区"
    assert covering(demo_db, name, TODAY - timedelta(days=1)) == covered_by
    assert covering(demo_db, name) is None  # closed from the day of the import
    assert school(demo_db, "青溪县城关第一小学").active


def test_an_absent_column_keeps_values_and_an_empty_cell_clears_them(demo_db, tmp_path):
    first, second = school(demo_db, "青溪县城关第一小学"), school(demo_db, "青溪县城关中学")
    path = write_sheet(
        tmp_path / "电话.xlsx",
        ["学校名称", "联系电话"],
        [[first.name, None], [second.name, second.phone]],
    )
    plan = plan_import(demo_db, "schools", path, TODAY)
    assert [row.changes for row in plan.changed] == [[f"联系电话：{first.phone} → （空）"]]
    assert plan.unchanged == 1
    apply_import(demo_db, plan)
    after = school(demo_db, first.name)
    assert after.phone == ""
    assert (after.principal, after.enrolment, after.address) == (
        first.principal,
        first.enrolment,
        first.address,
    )
    assert after.zone_id == first.zone_id


# --- inspectors ----------------------------------------------------------------------------

ROSTER_HEADER = [
    "序号",
    "督学姓名",
    "性别",
    "专/兼职",
    "工作单位",
    "职务职称",
    "手机号码",
    "证书编号",
    "聘任日期",
    "负责学校（园）",
    "家庭住址",
]


def _serving(db: Database) -> list[tuple[str, date]]:
    """(name, current term start) of the demo's inspectors, in roster order."""
    with db.session() as session:
        rows = session.execute(
            select(Inspector.name, func.max(Appointment.start_date))
            .join(Appointment, Appointment.inspector_id == Inspector.id)
            .where(Appointment.start_date <= TODAY)
            .group_by(Inspector.id, Inspector.name)
            .order_by(Inspector.id)
        ).all()
        return [(name, start) for name, start in rows]


def _uncovered_school(db: Database) -> str:
    with db.session() as session:
        names = session.scalars(select(School.name).order_by(School.id)).all()
    return next(name for name in names if covering(db, name) is None)


def test_an_inspector_sheet_adds_appoints_and_assigns_schools_from_today(demo_db, tmp_path):
    alone = _uncovered_school(demo_db)
    moved = "青溪县城关中学"
    previous = covering(demo_db, moved)
    assert previous is not None
    (kept_name, kept_start), *_ = _serving(demo_db)
    with demo_db.session() as session:
        kept = session.scalar(select(Inspector).where(Inspector.name == kept_name))
        assert kept is not None
        kept_row = [
            None,
            kept.name,
            "男" if kept.gender == "M" else "女",
            "专职" if kept.employment == "full_time" else "兼职",
            kept.unit,
            kept.post,
            kept.phone,
            kept.certificate_no,
            kept_start.strftime("%Y.%m.%d"),
            None,
            "城关镇",
        ]
    path = write_sheet(
        tmp_path / "督学.xlsx",
        ROSTER_HEADER,
        [
            [1, "欧阳  明", "男", "专职", "青溪县教育和体育局", "督学", "１３９００００１１１１",
             "QX2026001", "2026.9.1", f"{alone}， {moved}", ""],
            kept_row,
        ],
        titles=("2026年青溪县责任督学花名册",),
    )  # fmt: skip

    plan = plan_import(demo_db, "inspectors", path, TODAY)
    assert (len(plan.added), len(plan.changed), plan.unchanged) == (1, 0, 1)
    (added,) = plan.added
    assert (added.row, added.name) == (3, "欧阳明")
    assert added.changes == [
        "专职，青溪县教育和体育局，任期：自 2026-09-01 起新任一届（至 2029-08-31），"
        f"挂牌 2 所学校（自 {TODAY} 起）（{moved} 原由 {previous} 负责）"
    ]
    assert count(demo_db, Inspector) == 10
    assert covering(demo_db, moved) == previous

    apply_import(demo_db, plan)
    with demo_db.session() as session:
        new = session.scalar(select(Inspector).where(Inspector.name == "欧阳明"))
        assert new is not None
        assert (new.gender, new.employment, new.phone, new.post) == (
            "M",
            "full_time",
            "13900001111",
            "督学",
        )
        assert [(t.start_date, t.end_date) for t in new.appointments] == [
            (date(2026, 9, 1), date(2029, 8, 31))
        ]
        assert sorted((a.school.name, a.start_date, a.end_date) for a in new.assignments) == sorted(
            [(alone, TODAY, None), (moved, TODAY, None)]
        )
    assert covering(demo_db, moved) == "欧阳明"
    assert covering(demo_db, moved, TODAY - timedelta(days=1)) == previous

    again = plan_import(demo_db, "inspectors", path, TODAY)
    assert (len(again.added), len(again.changed), again.unchanged) == (0, 0, 2)


def test_an_existing_inspector_gets_the_listed_schools_and_keeps_the_others(demo_db, tmp_path):
    (name, _), (other, _), *_ = _serving(demo_db)
    with demo_db.session() as session:
        theirs = session.scalars(
            select(School.name)
            .join(Assignment, Assignment.school_id == School.id)
            .join(Inspector, Inspector.id == Assignment.inspector_id)
            .where(Inspector.name == other, Assignment.end_date.is_(None))
            .order_by(School.name)
        ).all()
    taken = theirs[0]
    path = write_sheet(
        tmp_path / "x.xlsx", ["姓名", "挂牌学校", "联系电话"], [[name, taken, "13700000000"]]
    )
    plan = plan_import(demo_db, "inspectors", path, TODAY)
    (changed,) = plan.changed
    assert changed.changes[0].endswith("→ 13700000000")
    assert changed.changes[1] == f"挂牌学校：自 {TODAY} 起新增 {taken}（{taken} 原由 {other} 负责）"
    apply_import(demo_db, plan)
    assert covering(demo_db, taken) == name
    for school_name in theirs[1:]:
        assert covering(demo_db, school_name) == other  # nothing is un-assigned by an import


def test_every_problem_of_an_inspector_sheet_is_listed_and_nothing_saved(demo_db, tmp_path):
    with demo_db.session() as session:
        recusal = session.scalars(select(Recusal)).one()
        recused, recused_school = recusal.inspector.name, recusal.school.name
    (first, first_start), *_ = _serving(demo_db)
    terms = count(demo_db, Appointment)
    path = write_sheet(
        tmp_path / "x.xlsx",
        ["姓名", "专兼职", "任期开始", "挂牌学校"],
        [
            [recused, "兼职", None, recused_school],
            ["钱新", "兼职", "2026-9-1", "青溪县城关中学、青溪县实验小"],
            [first, "专职", first_start - timedelta(days=30), None],
            ["孙新", "兼职", "2026-9-1", "青溪县城关中学"],
            [first, "专职", None, None],
            ["李新", None, "2026-9-1", None],
            ["赵新", "兼职", None, "龙泉镇中心小学"],
        ],
        titles=(),
    )
    messages = problems_of(demo_db, "inspectors", path)
    assert messages[0] == (
        f"工作表“Sheet1”第 2 行 D 列（挂牌学校）：{recused}须回避“{recused_school}”（曾任该校校长）"
    )
    assert messages[1] == (
        "工作表“Sheet1”第 3 行 D 列（挂牌学校）：没有名为“青溪县实验小”的学校"
        "（是否是“青溪县实验小学”？）"
    )
    assert messages[2].startswith(f"工作表“Sheet1”第 4 行 C 列（任期开始）：{first}已有任期")
    assert "请在督学名册中办理" in messages[2]
    assert messages[3] == (
        "工作表“Sheet1”第 5 行 D 列（挂牌学校）：“青溪县城关中学”也列在第 3 行；"
        "一所学校只能有一名责任督学"
    )
    assert (
        messages[4]
        == f"工作表“Sheet1”第 6 行 A 列（姓名）：“{first}”与第 4 行重复，一名督学只能有一行"
    )
    assert messages[5] == "工作表“Sheet1”第 7 行 B 列（专兼职）：不能为空（可填：专职、兼职）"
    assert messages[6].startswith("工作表“Sheet1”第 8 行 D 列（挂牌学校）：赵新在")
    assert "不在任期内" in messages[6]
    assert len(messages) == 7
    assert count(demo_db, Inspector) == 10
    assert count(demo_db, Appointment) == terms


def test_a_problem_met_only_when_saving_still_saves_nothing(demo_db, tmp_path):
    target = _uncovered_school(demo_db)
    path = write_sheet(
        tmp_path / "x.xlsx",
        ["姓名", "任期开始", "挂牌学校"],
        [["钱新", "2026-9-1", None], ["孙新", "2026-9-1", target]],
        titles=(),
    )
    plan = plan_import(demo_db, "inspectors", path, TODAY)
    assert len(plan.added) == 2
    with demo_db.session() as session:
        school_id = session.scalar(select(School.id).where(School.name == target))
    set_schools_active(demo_db, [school_id], False, TODAY)  # someone closes it meanwhile

    with pytest.raises(SheetError) as excinfo:
        apply_import(demo_db, plan)
    assert excinfo.value.messages() == [
        f"工作表“Sheet1”第 3 行 C 列（挂牌学校）：“{target}”已停用，不能挂牌"
    ]
    assert count(demo_db, Inspector) == 10


# --- training ------------------------------------------------------------------------------

TRAINING_HEADER = [
    "序号",
    "督学姓名",
    "培训内容",
    "培训日期",
    "结束日期",
    "举办单位",
    "形式",
    "培训学时",
    "结业证书",
    "备注",
]


def test_a_training_sheet_adds_records_and_a_second_import_changes_nothing(demo_db, tmp_path):
    (name, _), (other, _), *_ = _serving(demo_db)
    before = count(demo_db, TrainingRecord)
    path = write_sheet(
        tmp_path / "培训.xlsx",
        TRAINING_HEADER,
        [
            [1, name, "2026年责任督学集中培训班", datetime(2026, 7, 13), "2026-7-24",
             "省督导办", "集中", 60, "ZS-001", None],
            [2, f" {other[0]} {other[1:]}", "新任责任督学岗前培训", "2026.3.2", None, "市督导办",
             None, "16学时", None, None],
            [3, name, "督导业务线上课程", "２０２６年１０月８日", "2026年10月9日", None, "线上",
             "１２", None, "自学"],
            [4, other, "责任区督导工作交流研讨", "2026年9月14日至18日", None, "市督导办", None,
             24, None, None],
        ],
        titles=("2026年督学培训登记表",),
    )  # fmt: skip
    plan = plan_import(demo_db, "training", path, TODAY)
    assert [(row.row, row.name, row.changes) for row in plan.added] == [
        (3, f"{name}：2026年责任督学集中培训班（2026-07-13）", ["集中培训，60 学时"]),
        (4, f"{other}：新任责任督学岗前培训（2026-03-02）", ["岗前培训，16 学时"]),
        (5, f"{name}：督导业务线上课程（2026-10-08）", ["网络培训，12 学时"]),
        (6, f"{other}：责任区督导工作交流研讨（2026-09-14）", ["交流研讨，24 学时"]),
    ]
    assert count(demo_db, TrainingRecord) == before

    apply_import(demo_db, plan)
    assert count(demo_db, TrainingRecord) == before + 4
    with demo_db.session() as session:
        records = session.execute(
            select(TrainingRecord, Inspector.name)
            .join(Inspector)
            .where(TrainingRecord.organizer.in_(["市督导办", "省督导办"]))
            .order_by(TrainingRecord.start_date)
        ).all()
        shown = [
            (n, r.start_date, r.end_date, r.form, r.hours, r.organizer, r.certificate)
            for r, n in records
        ]
    assert shown == [
        (other, date(2026, 3, 2), date(2026, 3, 2), "preservice", 16.0, "市督导办", ""),
        (name, date(2026, 7, 13), date(2026, 7, 24), "centralized", 60.0, "省督导办", "ZS-001"),
        (other, date(2026, 9, 14), date(2026, 9, 18), "seminar", 24.0, "市督导办", ""),
    ]

    again = plan_import(demo_db, "training", path, TODAY)
    assert (len(again.added), len(again.changed), again.unchanged) == (0, 0, 4)

    workbook = load_workbook(path)
    workbook.active["H3"] = 20
    workbook.save(path)
    changed = plan_import(demo_db, "training", path, TODAY)
    assert [row.changes for row in changed.changed] == [["培训学时：60 → 20"]]


def test_every_problem_of_a_training_sheet_is_listed_and_nothing_saved(demo_db, tmp_path):
    (name, _), *_ = _serving(demo_db)
    before = count(demo_db, TrainingRecord)
    path = write_sheet(
        tmp_path / "x.xlsx",
        ["姓名", "培训名称", "开始日期", "结束日期", "形式", "学时"],
        [
            ["查无此人", "督导业务培训", "2026-5-6", None, "集中", 8],
            [name, "督导业务培训", "2026-5-6", None, "集中", 8],
            [name, "督导业务 培训", date(2026, 5, 6), None, "集中", 6],
            [name, "督导业务培训", "2026-6-6", "2026-6-1", "集中", 8],
            [name, "督导业务培训", "2026-7-6", None, "集中", 0],
            [name, "督导业务培训", "2026-8-6", None, None, 8],
        ],
        titles=(),
    )
    assert problems_of(demo_db, "training", path) == [
        "工作表“Sheet1”第 2 行 A 列（姓名）：名册中没有名为“查无此人”的督学"
        "（请先导入或添加这名督学）",
        "工作表“Sheet1”第 4 行：与第 3 行是同一条培训记录（同一督学、同一培训名称、同一开始日期）",
        "工作表“Sheet1”第 5 行：“结束日期”不能早于开始日期",
        "工作表“Sheet1”第 6 行 F 列（学时）：应大于 0",
        "工作表“Sheet1”第 7 行：请填写“培训形式”（可填：集中培训、网络培训、脱产培训、在职培训、"
        "岗前培训、交流研讨）；无法从培训名称看出培训形式。",
    ]
    assert count(demo_db, TrainingRecord) == before


# --- export, round trip, templates ---------------------------------------------------------


@pytest.mark.parametrize("kind", SHEET_KINDS)
def test_an_export_imports_back_unchanged(demo_db, tmp_path, kind):
    with demo_db.session() as session:
        closed = session.scalar(select(School.id).where(School.name == "青溪县城关第二小学"))
    set_schools_active(demo_db, [closed], False, TODAY - timedelta(days=10))
    path = tmp_path / f"{kind}.xlsx"
    written = export_sheet(demo_db, kind, path, TODAY)
    expected = {"schools": 38, "inspectors": 10}
    expected.update(training=count(demo_db, TrainingRecord), visits=count(demo_db, Visit))
    assert written == expected[kind]
    plan = plan_import(demo_db, kind, path, TODAY)
    assert (len(plan.added), len(plan.changed), plan.unchanged) == (0, 0, written)
    assert plan.sheet == SHEET_TITLES[kind]
    assert apply_import(demo_db, plan).saved


def test_an_export_looks_like_the_offices_own_sheet(demo_db, tmp_path):
    closed = "青溪县城关第二小学"
    with demo_db.session() as session:
        closed_id = session.scalar(select(School.id).where(School.name == closed))
    set_schools_active(demo_db, [closed_id], False, TODAY - timedelta(days=10))
    schools_path, roster_path = tmp_path / "学校.xlsx", tmp_path / "督学.xlsx"
    export_sheet(demo_db, "schools", schools_path, TODAY)
    export_sheet(demo_db, "inspectors", roster_path, TODAY)

    workbook = load_workbook(roster_path)
    sheet = workbook.active
    assert sheet.title == "督学"
    assert sheet["A1"].value == "青溪县人民政府教育督导室督学花名册（导出日期：2026-11-02）"
    assert "A1:L1" in {str(cells) for cells in sheet.merged_cells.ranges}
    assert [cell.value for cell in sheet[2]] == [column.header for column in INSPECTORS.columns]
    assert all(cell.font.bold for cell in sheet[2])
    assert sheet.freeze_panes == "B3"
    term = sheet["H3"]
    assert isinstance(term.value, datetime)
    assert term.number_format == "yyyy-mm-dd"
    assert sheet.column_dimensions["I"].width > sheet.column_dimensions["B"].width
    with demo_db.session() as session:
        first = session.scalar(select(Inspector).order_by(Inspector.id).limit(1))
        assert first is not None
        first_name = first.name
    covered = sorted(
        name for name in _all_school_names(demo_db) if covering(demo_db, name) == first_name
    )
    assert sheet["A3"].value == first_name
    assert sheet["I3"].value == "、".join(covered)

    rows = exported_rows(schools_path)
    status = {row[0]: row[9] for row in rows[2:]}
    assert status[closed] == "停用"
    assert list(status.values()).count("在用") == 37


def _all_school_names(db: Database) -> list[str]:
    with db.session() as session:
        return list(session.scalars(select(School.name)))


@pytest.mark.parametrize("kind", SHEET_KINDS)
def test_a_template_has_the_headers_and_drop_downs_and_imports_as_nothing(db, tmp_path, kind):
    path = tmp_path / f"{kind}-模板.xlsx"
    write_template(kind, path)
    sheet = load_workbook(path).active
    assert sheet.title == SHEET_TITLES[kind]
    assert "导入模板" in sheet["A1"].value
    assert [cell.value for cell in sheet[2]] == [c.header for c in SPECS[kind].columns]
    lists = {str(v.sqref).split(":")[0]: v.formula1 for v in sheet.data_validations.dataValidation}
    choices = {c.header: c.choices for c in SPECS[kind].columns if c.choices}
    assert len(lists) == len(choices) > 0
    assert all(f'"{",".join(values)}"' in lists.values() for values in choices.values())
    plan = plan_import(db, kind, path, TODAY)
    assert plan.summary() == "新增 0 行，修改 0 行，未变 0 行"


def test_a_file_changed_after_the_preview_is_refused(db, tmp_path):
    path = write_sheet(tmp_path / "x.xlsx", ["学校名称", "类别"], [["甲小学", "小学"]])
    plan = plan_import(db, "schools", path, TODAY)
    write_sheet(path, ["学校名称", "类别"], [["甲小学", "小学"], ["乙小学", "小学"]])
    with pytest.raises(SheetError, match="在预览之后又被修改过"):
        apply_import(db, plan)
    assert count(db, School) == 0


def test_an_export_to_a_missing_folder_is_a_clear_message(demo_db, tmp_path):
    from core.errors import ValidationError

    with pytest.raises(ValidationError, match="文件夹不存在"):
        export_sheet(demo_db, "schools", tmp_path / "nowhere" / "x.xlsx", TODAY)
    with pytest.raises(ValidationError, match=r"应以 \.xlsx 结尾"):
        export_sheet(demo_db, "schools", tmp_path / "x.xls", TODAY)
    assert not list(tmp_path.rglob("*.xlsx"))
