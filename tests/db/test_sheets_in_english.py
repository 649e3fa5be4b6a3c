"""Sheets in the English interface: an import's problems name the row and column in English and
nothing is saved, a Chinese sheet imports as it does in Chinese (its labels, choices and
headers are read as the office writes them), the preview speaks English, an exported sheet is
the same Chinese sheet, and a refused attachment says why in English."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from core import i18n
from core.attachments import add_attachment
from core.enums import Education, Employment, SchoolKind
from core.errors import ValidationError
from core.i18n import CHINESE, ENGLISH
from core.sheets import SHEET_KINDS, ImportPlan, SheetError, apply_import, export_sheet, plan_import
from db.models import Inspector, School, Visit
from tests.conftest import TODAY
from tests.db.test_import_export import count, exported_rows, import_file, school, write_sheet


def _bad_schools(tmp_path: Path) -> Path:
    return write_sheet(
        tmp_path / "学校.xlsx",
        ["学校名称", "学校类别", "在校生数", "联系电话"],
        [
            ["青溪县实验小学", "大学", "很多", "123"],
            ["青溪县实验小学", "小学", 10, ""],
            ["青溪县第一中学", None, 900, ""],
        ],
    )


def test_an_import_with_errors_names_rows_and_columns_in_english_and_saves_nothing(
    english, db, tmp_path
):
    path = _bad_schools(tmp_path)
    with pytest.raises(SheetError) as refused:
        plan_import(db, "schools", path, TODAY)
    kinds = ", ".join(kind.chinese_label for kind in SchoolKind)
    assert refused.value.messages() == [
        f'Worksheet "Sheet1", row 3, column B (学校类别): "大学" is not among the choices '
        f"(allowed: {kinds})",
        'Worksheet "Sheet1", row 3, column C (在校生数): "很多" is not a whole number',
        'Worksheet "Sheet1", row 3, column D (联系电话): "123" is not a valid phone number '
        "(a mobile has 11 digits, e.g. 13812345678; a landline is like 0738-6123456)",
        'Worksheet "Sheet1", row 4, column A (学校名称): "青溪县实验小学" repeats row 3; '
        "a school can have only one row",
        f'Worksheet "Sheet1", row 5, column B (学校类别): must not be empty (allowed: {kinds})',
    ]
    # each message keeps its Chinese, for the command line's two-language line
    chinese = i18n.chinese(refused.value.errors[1].message)
    assert chinese == "工作表“Sheet1”第 3 行 C 列（在校生数）：“很多”不是整数"

    with pytest.raises(SheetError) as again:
        apply_import(db, ImportPlan("schools", path, TODAY))
    assert again.value.messages() == refused.value.messages()
    assert count(db, School) == 0


def test_a_problem_of_several_rows_and_of_the_whole_file_is_english(english, db, tmp_path):
    unknown_kind = write_sheet(
        tmp_path / "学校.xlsx", ["学校名称"], [["青溪县第一中学"], ["龙泉镇中学"]]
    )
    with pytest.raises(SheetError) as refused:
        plan_import(db, "schools", unknown_kind, TODAY)
    (message,) = refused.value.messages()
    assert message.startswith(
        'Worksheet "Sheet1", rows 3, 4: the kind cannot be told from the school\'s name'
    )
    with pytest.raises(SheetError) as refused:
        plan_import(db, "schools", write_sheet(tmp_path / "x.xlsx", ["名字"], [["甲"]]), TODAY)
    assert refused.value.messages() == [
        'No worksheet of "x.xlsx" has the column "学校名称" (or: 单位名称, '
        "名称, 学校名, 学校全称, 园所名称, 学校（园）) in its first 10 rows, so the header row "
        "cannot be found. Check that this is a 学校 sheet with its header within the first "
        "10 rows."
    ]
    assert count(db, School) == 0


def test_a_chinese_sheet_imports_in_english_mode_and_its_preview_is_english(english, db, tmp_path):
    schools = write_sheet(
        tmp_path / "学校.xlsx",
        ["学校名称", "学段", "公办/民办", "在校生数", "责任区", "状态"],
        [
            ["青溪县实验小学", "小学", "民办", 1200, "城关片", "在用"],
            ["青溪县城关幼儿园", "幼儿园", "公办", 1, "城关片", "停用"],
        ],
    )
    plan = plan_import(db, "schools", schools, TODAY)
    assert plan.summary().splitlines()[0] == (
        "Rows: 2 added, 0 changed, 0 unchanged; new zones: 城关片"
    )
    assert plan.summary().splitlines()[1].startswith("Note: The school sheet carries only")
    assert [row.changes for row in plan.added] == [
        ["Primary school, Private, 1200 students, 城关片"],
        ["Kindergarten, 1 student, 城关片, Deactivated"],
    ]
    apply_import(db, plan)
    assert school(db, "青溪县实验小学").kind == SchoolKind.PRIMARY
    assert school(db, "青溪县实验小学").is_private
    assert not school(db, "青溪县城关幼儿园").active

    roster = write_sheet(
        tmp_path / "督学.xlsx",
        ["姓名", "性别", "专兼职", "学历", "任期开始", "挂牌学校"],
        [["王军", "男", "专职", "大学本科", "2026-09-01", "青溪县实验小学"]],
    )
    plan = import_file(db, "inspectors", roster)
    assert plan.added[0].changes == [
        "Full-time, new term from 2026-09-01 to 2029-08-31, assigned 1 school from 2026-11-02"
    ]
    with db.session() as session:
        inspector = session.query(Inspector).one()
        assert (inspector.employment, inspector.education) == (
            Employment.FULL_TIME,
            Education.BACHELOR,
        )

    changed = write_sheet(
        tmp_path / "学校2.xlsx",
        ["学校名称", "学校类别", "在校生数"],
        [["青溪县实验小学", "九年一贯制学校", 1300]],
    )
    plan = plan_import(db, "schools", changed, TODAY)
    assert plan.changed[0].changes == [
        "学校类别: Primary school → Nine-year school",
        "在校生数: 1200 → 1300",
    ]

    visits = write_sheet(
        tmp_path / "督导.xlsx",
        ["日期", "学校", "督学", "督导类型", "状态", "督导方式"],
        [["2026-11-02", "青溪县实验小学", "王军", "经常性督导", "已完成", "校园巡视、查阅资料"]],
    )
    plan = import_file(db, "visits", visits)
    assert plan.added[0].changes == ["Regular supervision, Done, with visit record"]
    assert count(db, Visit) == 1


def test_an_exported_sheet_in_english_mode_is_the_chinese_sheet(english, demo_db, tmp_path):
    for kind in SHEET_KINDS:
        in_english = tmp_path / f"{kind}-en.xlsx"
        export_sheet(demo_db, kind, in_english, TODAY)
        i18n.set_language(CHINESE)
        in_chinese = tmp_path / f"{kind}-zh.xlsx"
        export_sheet(demo_db, kind, in_chinese, TODAY)
        i18n.set_language(ENGLISH)
        assert exported_rows(in_english) == exported_rows(in_chinese), kind
        english_choices = [
            v.formula1 for v in load_workbook(in_english).active.data_validations.dataValidation
        ]
        chinese_choices = [
            v.formula1 for v in load_workbook(in_chinese).active.data_validations.dataValidation
        ]
        assert english_choices == chinese_choices, kind
    rows = exported_rows(tmp_path / "visits-en.xlsx")
    header = rows[1]
    kinds = {row[header.index("督导类型")] for row in rows[2:]}
    assert "经常性督导" in kinds and "Regular supervision" not in kinds
    methods = " ".join(str(row[header.index("督导方式")] or "") for row in rows[2:])
    assert "、" in methods and "Campus tour" not in methods

    # and it reads back in English mode as the same data
    plan = plan_import(demo_db, "schools", tmp_path / "schools-en.xlsx", TODAY)
    assert plan.summary().startswith(f"Rows: 0 added, 0 changed, {count(demo_db, School)} ")


def test_a_refused_attachment_says_why_in_english(english, demo_db, tmp_path):
    with demo_db.session() as session:
        visit_id = session.query(Visit.id).order_by(Visit.id).first()[0]
    empty = tmp_path / "记录.txt"
    empty.write_bytes(b"")
    with pytest.raises(ValidationError) as refused:
        add_attachment(demo_db, empty, today=TODAY, visit_id=visit_id)
    assert refused.value.messages() == ['"记录.txt" is empty (0 bytes) and cannot be attached.']
    big = tmp_path / "照片.jpg"
    big.write_bytes(b"x" * 3000)
    with pytest.raises(ValidationError) as refused:
        add_attachment(demo_db, big, today=TODAY, visit_id=visit_id, max_bytes=2048)
    assert refused.value.messages() == [
        '"照片.jpg" is 3 KB, over the largest attachment of 2 KB, and cannot be attached. '
        "Compress or split it, then attach it."
    ]
