"""Imports on both engines refuse what they cannot take faithfully, and say what a sheet does
not carry: a data row merged across columns, a formula without its saved result and an
over-long 备注 are named and nothing is saved (never "新增 0 行…已保存"); an over-long stored
text is not cut on export; school names holding 、 or / survive export → import in 挂牌学校;
importing schools and inspectors into an empty database warns that history stays behind."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import select

from core.errors import ValidationError
from core.parsing import join_names
from core.sheets import SheetError, apply_import, export_sheet, plan_import
from core.sheets.inspectors import SCHOOLS_COMMENT
from db.engine import Database
from db.migrate import upgrade
from db.models import Inspector, School, TrainingRecord
from tests.conftest import TODAY
from tests.db.test_import_export import count, covering, import_file, problems_of, write_sheet

SCHOOLS = ["城关镇中心小学/分校", "甲、乙联合学校", "青溪县实验小学", "龙泉镇中心小学"]


def _schools(db: Database, tmp_path: Path, names: list[str] = SCHOOLS) -> None:
    path = write_sheet(
        tmp_path / "学校.xlsx", ["学校名称", "学校类别"], [[n, "小学"] for n in names]
    )
    import_file(db, "schools", path)


def _with_long_text(path: Path, placeholder: str, text: str) -> Path:
    """Put ``text`` where ``placeholder`` is (openpyxl itself cuts a cell to 32,767)."""
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    sheet = "xl/worksheets/sheet1.xml"
    parts[sheet] = parts[sheet].replace(placeholder.encode(), text.encode())
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def test_a_data_row_merged_across_columns_is_named_and_nothing_is_saved(db, tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["学校名称", "学校类别", "联系电话", "地址"])
    sheet.append(["甲小学", None, None, "城关镇"])
    sheet.merge_cells("A2:C2")
    sheet.append(["乙小学", "小学", "6123456", "东街"])
    workbook.save(path := tmp_path / "merged.xlsx")
    assert problems_of(db, "schools", path) == [
        "工作表“Sheet”第 2 行：单元格 A2:C2 跨列合并了A 列（学校名称）、B 列（学校类别）、"
        "C 列（联系电话），合并的单元格只有一个值，分不出各列的值。数据行不能跨列合并，"
        "请取消合并，把每个值填在自己的列中后再导入。"
    ]
    assert count(db, School) == 0


def test_a_formula_without_a_saved_result_is_named_rather_than_empty(db, tmp_path):
    import_file(db, "inspectors", write_sheet(tmp_path / "r.xlsx", ["姓名"], [["王军"]]))
    path = write_sheet(
        tmp_path / "培训.xlsx",
        ["姓名", "培训名称", "开始日期", "学时"],
        [["王军", "岗前培训", "2026-07-13", "=2*8"]],
    )
    messages = problems_of(db, "training", path)
    assert messages == [
        "工作表“Sheet1”D 列（学时）：单元格 D3 是公式，但文件里没有保存公式的计算结果，"
        "读不到值。请先在 Excel 或 WPS 中打开这个文件并保存，或把这些单元格复制后"
        "“选择性粘贴”为数值，再导入。"
    ]
    assert count(db, TrainingRecord) == 0


def test_a_huge_note_is_refused_with_the_limit_and_nothing_is_saved(db, tmp_path):
    path = write_sheet(
        tmp_path / "督学.xlsx", ["姓名", "备注"], [["王军", "很短"], ["李丽", "PLACEHOLDER"]]
    )
    _with_long_text(path, "PLACEHOLDER", "长" * 1_700_000)
    assert problems_of(db, "inspectors", path) == [
        "工作表“Sheet1”第 4 行 B 列（备注）：不能超过 32767 个字（现有 1700000 个字），"
        "请删减后再导入"
    ]
    assert count(db, Inspector) == 0


def test_a_visits_note_is_held_to_the_visit_forms_limit(db, tmp_path):
    _schools(db, tmp_path)
    import_file(db, "inspectors", write_sheet(tmp_path / "r.xlsx", ["姓名"], [["王军"]]))
    path = write_sheet(
        tmp_path / "督导.xlsx",
        ["督导日期", "学校名称", "督学", "备注"],
        [["2026-10-12", "青溪县实验小学", "王军", "记" * 501]],
    )
    (message,) = problems_of(db, "visits", path)
    assert message.endswith("备注）：不能超过 500 个字（现有 501 个字），请删减后再导入")


def test_an_export_refuses_rather_than_cuts_an_over_long_text(db, tmp_path):
    import_file(db, "inspectors", write_sheet(tmp_path / "r.xlsx", ["姓名"], [["王军"]]))
    with db.session() as session:
        inspector = session.scalar(select(Inspector))
        assert inspector is not None
        inspector.notes = "长" * 40_000  # stored before the limit was enforced
    target = tmp_path / "导出.xlsx"
    with pytest.raises(ValidationError) as excinfo:
        export_sheet(db, "inspectors", target, TODAY)
    assert excinfo.value.messages() == [
        "第 3 行（王军）“备注”有 40000 个字，超过 Excel 单元格最多能放的 32767 个字，"
        "导出会被截断。请先在软件中删减这段文字。"
    ]
    assert not target.exists()


# --- 挂牌学校 with names holding separators ---------------------------------------------------


def test_quoted_school_names_are_assigned_and_survive_export_and_import(db, tmp_path):
    _schools(db, tmp_path)
    typed = "「城关镇中心小学/分校」，“甲、乙联合学校”、青溪县实验小学"
    path = write_sheet(
        tmp_path / "督学.xlsx", ["姓名", "任期开始", "挂牌学校"], [["王军", "2026-09-01", typed]]
    )
    import_file(db, "inspectors", path)
    assert [covering(db, name) for name in SCHOOLS] == ["王军", "王军", "王军", None]

    exported = tmp_path / "导出.xlsx"
    export_sheet(db, "inspectors", exported, TODAY)
    sheet = load_workbook(exported).active
    assert sheet is not None
    assert sheet["I2"].value == "挂牌学校"
    assert sheet["I2"].comment is not None and sheet["I2"].comment.text == SCHOOLS_COMMENT
    assert "「城关镇中心小学/分校」" in SCHOOLS_COMMENT
    assert sheet["I3"].value == join_names(sorted(SCHOOLS[:3]))
    assert "「城关镇中心小学/分校」" in sheet["I3"].value
    assert "「甲、乙联合学校」" in sheet["I3"].value

    again = plan_import(db, "inspectors", exported, TODAY)
    assert (len(again.added), len(again.changed), again.unchanged) == (0, 0, 1)

    # the same sheets into a new office's database: the 挂牌 reads back whole
    schools_sheet = tmp_path / "学校导出.xlsx"
    export_sheet(db, "schools", schools_sheet, TODAY)
    fresh = Database.open(tmp_path / "new.db")
    try:
        upgrade(fresh, backup=False)
        import_file(fresh, "schools", schools_sheet)
        import_file(fresh, "inspectors", exported)
        assert [covering(fresh, name) for name in SCHOOLS] == ["王军", "王军", "王军", None]
    finally:
        fresh.dispose()


def test_an_unquoted_name_with_a_separator_is_refused_with_a_hint_to_quote(db, tmp_path):
    _schools(db, tmp_path)
    path = write_sheet(
        tmp_path / "督学.xlsx",
        ["姓名", "任期开始", "挂牌学校"],
        [["王军", "2026-09-01", "城关镇中心小学/分校"]],
    )
    assert problems_of(db, "inspectors", path) == [
        "工作表“Sheet1”第 3 行 C 列（挂牌学校）：没有名为“城关镇中心小学”的学校"
        "（“城关镇中心小学/分校”的校名中含有“/”，请用「」把校名括起来：「城关镇中心小学/分校」）",
        "工作表“Sheet1”第 3 行 C 列（挂牌学校）：没有名为“分校”的学校"
        "（“城关镇中心小学/分校”的校名中含有“/”，请用「」把校名括起来：「城关镇中心小学/分校」）",
    ]
    assert count(db, Inspector) == 0


def test_the_template_explains_how_to_write_such_names(tmp_path):
    from core.sheets import write_template

    write_template("inspectors", path := tmp_path / "督学-模板.xlsx")
    sheet = load_workbook(path).active
    assert sheet is not None
    assert sheet["I2"].comment is not None
    assert "「」" in sheet["I2"].comment.text


# --- history does not travel in sheets --------------------------------------------------------


def test_importing_exports_into_an_empty_database_warns_that_history_stays_behind(
    demo_db, tmp_path
):
    schools_sheet, roster = tmp_path / "学校.xlsx", tmp_path / "督学.xlsx"
    export_sheet(demo_db, "schools", schools_sheet, TODAY)
    export_sheet(demo_db, "inspectors", roster, TODAY)
    # the demo office has history: several terms or 挂牌 that have ended
    assert plan_import(demo_db, "schools", schools_sheet, TODAY).warnings == []
    assert plan_import(demo_db, "inspectors", roster, TODAY).warnings == []

    fresh = Database.open(tmp_path / "new.db")
    try:
        upgrade(fresh, backup=False)
        plan = plan_import(fresh, "schools", schools_sheet, TODAY)
        (warning,) = plan.warnings
        assert "挂牌" in warning and "备份" in warning and "恢复" in warning
        assert plan.summary().splitlines()[1] == f"注意：{warning}"
        assert apply_import(fresh, plan).warnings == [warning]

        plan = plan_import(fresh, "inspectors", roster, TODAY)
        (warning,) = plan.warnings
        assert "以往各届任期和挂牌" in warning and str(TODAY) in warning
        assert "backup --out" in warning and "restore" in warning
        assert "注意：" in plan.summary()
        apply_import(fresh, plan)

        # once there is a roster, importing more is ordinary work: no warning
        assert plan_import(fresh, "inspectors", roster, TODAY).warnings == []
        assert plan_import(fresh, "schools", schools_sheet, TODAY).warnings == []
    finally:
        fresh.dispose()


def test_nothing_to_add_into_an_empty_database_is_no_warning(db, tmp_path):
    path = write_sheet(tmp_path / "空.xlsx", ["学校名称", "学校类别"], [])
    plan = plan_import(db, "schools", path, TODAY)
    assert plan.warnings == [] and plan.summary() == "新增 0 行，修改 0 行，未变 0 行"


def test_schools_with_a_merged_title_row_still_import(db, tmp_path):
    # the title rows of write_sheet are merged across six columns above the header
    path = write_sheet(tmp_path / "学校.xlsx", ["学校名称", "学校类别"], [["甲小学", "小学"]])
    assert len(import_file(db, "schools", path).added) == 1


def test_sheet_errors_are_sheet_errors(db, tmp_path):
    path = write_sheet(tmp_path / "x.xlsx", ["学校名称", "学校类别"], [["=A1", "小学"]])
    with pytest.raises(SheetError, match="A3 是公式"):
        plan_import(db, "schools", path, TODAY)
