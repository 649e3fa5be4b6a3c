"""Reading clerks' sheets without a database: header cells as clerks write them, cells in every
form they come in (Excel dates and serial numbers, full-width digits, 1,200人, 13812345678.0),
several choices or 督导事项 in one cell, finding the header under merged title rows or on a later
worksheet, and a clear Chinese message for a file that is not an .xlsx workbook, is damaged, or
has no such table."""

from __future__ import annotations

import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from core.calendar.visits import DEFAULT_INSPECTION_ITEMS
from core.sheets import ImportPlan, PlannedRow, SheetError, cells
from core.sheets.columns import normalize_header
from core.sheets.inspectors import SPEC as INSPECTORS
from core.sheets.reader import Problems, read_cells, read_table
from core.sheets.schools import SPEC as SCHOOLS
from core.sheets.schools import guess_kind
from core.sheets.training import SPEC as TRAINING
from core.sheets.training import guess_form
from core.sheets.visits import SPEC as VISITS
from core.sheets.visits import split_items


def _save(workbook: Workbook, path: Path) -> Path:
    workbook.save(path)
    return path


def _sheet(path: Path, rows: list[list[object]], title: str = "Sheet1") -> Path:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = title
    for row in rows:
        sheet.append(row)
    return _save(workbook, path)


def _messages(excinfo: pytest.ExceptionInfo[SheetError]) -> str:
    return "\n".join(excinfo.value.messages())


@pytest.mark.parametrize(
    ("written", "normalized"),
    [
        ("学校名称", "学校名称"),
        (" 学校名称（全称） ", "学校名称"),
        ("*学校\n名称", "学校名称"),
        ("学校（园）名称", "学校名称"),
        ("校（园）长", "校长"),
        ("在园幼儿数(人)", "在园幼儿数"),
        ("联系 电话：", "联系电话"),
        ("专/兼职", "专/兼职"),
        (None, ""),
        (3, "3"),
    ],
)
def test_header_cells_are_compared_without_decoration(written, normalized):
    assert normalize_header(written) == normalized


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (datetime(2023, 9, 1, 0, 0), date(2023, 9, 1)),
        (date(2023, 9, 1), date(2023, 9, 1)),
        (45170, date(2023, 9, 1)),  # a date cell formatted as 常规 shows its serial number
        (45170.0, date(2023, 9, 1)),
        (20230901, date(2023, 9, 1)),
        ("2023.9.1", date(2023, 9, 1)),
        ("2023-9-1", date(2023, 9, 1)),
        ("2023/9/1", date(2023, 9, 1)),
        ("2023年9月1日", date(2023, 9, 1)),
        ("２０２３年９月１日", date(2023, 9, 1)),
        (" 2023.09.01 ", date(2023, 9, 1)),
        ("20230901", date(2023, 9, 1)),
        (None, None),
        ("", None),
        ("  ", None),
    ],
)
def test_dates_come_in_every_form_clerks_use(cell, expected):
    assert cells.cell_date(cell) == expected


@pytest.mark.parametrize(
    ("cell", "words"),
    [
        ("2023.13.1", "不是有效的日期"),
        ("九月一日", "不是日期"),
        ("2203-9-1", "年份不对"),
        (2023, "不是日期"),
    ],
)
def test_a_wrong_date_is_explained(cell, words):
    with pytest.raises(ValueError, match=words):
        cells.cell_date(cell)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("2026.7.13—2026.7.24", (date(2026, 7, 13), date(2026, 7, 24))),
        ("2026.7.13-2026.7.24", (date(2026, 7, 13), date(2026, 7, 24))),
        ("2026.7.13 - 7.24", (date(2026, 7, 13), date(2026, 7, 24))),
        ("2026年7月13日至24日", (date(2026, 7, 13), date(2026, 7, 24))),
        ("２０２６年７月３０日至８月２日", (date(2026, 7, 30), date(2026, 8, 2))),
        ("2026-7-13~2026-7-15", (date(2026, 7, 13), date(2026, 7, 15))),
        ("2026-7-13", (date(2026, 7, 13), None)),
        (datetime(2026, 7, 13), (date(2026, 7, 13), None)),
        (None, (None, None)),
    ],
)
def test_a_training_time_may_be_a_span_in_one_cell(cell, expected):
    assert cells.date_span(cell) == expected


@pytest.mark.parametrize("cell", ["2026.7.13至7月32日", "七月中旬至7.24", "2026.7.13至下周"])
def test_a_wrong_span_is_explained(cell):
    with pytest.raises(ValueError, match="日期"):
        cells.date_span(cell)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (13812345678, "13812345678"),
        (13812345678.0, "13812345678"),
        ("138 1234 5678", "13812345678"),
        ("１３８１２３４５６７８", "13812345678"),
        ("0738-6123456", "0738-6123456"),
        (None, ""),
    ],
)
def test_phone_numbers_stored_as_numbers_or_text(cell, expected):
    assert cells.phone(cell) == expected


def test_a_short_phone_number_is_refused_with_what_was_written():
    with pytest.raises(ValueError, match="“1381234”不是有效的电话号码"):
        cells.phone(1381234)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (1200, 1200),
        (1200.0, 1200),
        ("1,200", 1200),
        ("1200人", 1200),
        (" １２００ ", 1200),
        (None, 0),
    ],
)
def test_enrolment_as_clerks_write_it(cell, expected):
    assert cells.whole_number(cell) == expected


def test_text_is_tidied_and_limited():
    assert cells.text(10)("  龙泉镇　中心小学 ") == "龙泉镇 中心小学"
    with pytest.raises(ValueError, match="不能超过 3 个字"):
        cells.text(3)("龙泉镇中心小学")
    with pytest.raises(ValueError, match="不能为空"):
        cells.required(cells.text(10))("  ")


def test_padded_chinese_names_lose_their_inner_spaces():
    assert cells.person_name("王  军") == "王军"
    assert cells.person_name(" 欧阳 小明 ") == "欧阳小明"
    assert cells.person_name("Anna Li") == "Anna Li"
    assert cells.name_key("龙泉镇 中心小学") == cells.name_key("龙泉镇中心小学")


def test_notes_keep_their_lines():
    assert cells.note("第一行\r\n第二行 ") == "第一行\n第二行"
    assert cells.note(None) == ""


def test_choices_accept_the_words_clerks_use_and_name_the_allowed_ones():
    read = SCHOOLS.column("kind").read
    assert read("九年一贯制") == read("九年一贯制学校") == "nine_year"
    assert read("特教") == read("特殊教育学校") == "special"
    assert read("职高") == read("中职") == read("职业学校") == "vocational"
    assert read(" 幼儿园 ") == "kindergarten"
    assert read("教学点") == "teaching_point"
    with pytest.raises(ValueError, match="“大学”不是可选的值（可填：小学、初中"):
        read("大学")
    with pytest.raises(ValueError, match="不能为空"):
        read(None)
    private = SCHOOLS.column("is_private").read
    assert (private("民办"), private("是"), private("公办"), private("否"), private(None)) == (
        True,
        True,
        False,
        False,
        False,
    )
    employment = INSPECTORS.column("employment").read
    assert (employment("专职"), employment("兼 职")) == ("full_time", "part_time")
    form = TRAINING.column("form").read
    assert form("线上") == form("网络") == form("网络培训") == "online"
    assert form("集中") == "centralized"
    assert form("岗前") == "preservice"


@pytest.mark.parametrize(
    ("cell", "items"),
    [
        ("招生、收费、择校", ["招生、收费、择校"]),
        (
            "校风教风学风、招生、收费、择校；作业管理",
            ["校风教风学风", "招生、收费、择校", "作业管理"],
        ),
        ("作业管理，课后服务\n 食堂管理 ;作业管理", ["作业管理", "课后服务", "食堂管理"]),
        ("招生、收费、择校情况", ["招生", "收费", "择校情况"]),
        (
            "卫生保健、食堂、食品、饮水、宿舍卫生，校园及周边安全、交通安全",
            ["卫生保健、食堂、食品、饮水、宿舍卫生", "校园及周边安全、交通安全"],
        ),
        (None, []),
    ],
)
def test_inspection_items_are_split_but_the_offices_own_items_stay_whole(cell, items):
    assert split_items(cell, DEFAULT_INSPECTION_ITEMS) == items


def test_several_choices_in_one_cell_are_read_in_a_fixed_order_each_once():
    methods = VISITS.column("methods").read
    assert methods("座谈、推门听课，校园巡视；巡视\n查阅台账") == [
        "tour",
        "lesson",
        "documents",
        "interview",
    ]
    assert methods("随机（推门）听课") == methods("随机(推门)听课") == ["lesson"]
    assert methods(None) == []
    with pytest.raises(ValueError) as excinfo:
        methods("座谈、飞行检查、暗访")
    assert str(excinfo.value).startswith("“飞行检查”、“暗访”不是可选的值（可填：校园巡视、")
    six = VISITS.column("six_minimum").read
    assert six("听取汇报、查看作业、观摩课后服务") == ["homework", "after_school", "report"]
    kind, status = VISITS.column("kind").read, VISITS.column("status").read
    assert (kind("专项"), kind("回头看"), kind(None)) == ("special", "recheck", None)
    assert (status("完成"), status("延期"), status("")) == ("done", "postponed", None)


def test_a_visit_sheet_is_found_by_the_headers_clerks_use(tmp_path):
    path = _sheet(
        tmp_path / "v.xlsx",
        [
            ["2026年秋季学期督导工作台账"],
            ["序号", "督导日期", "学校（园）名称", "责任督学", "同行人员", "督导内容", "反馈情况"],
            [1, "2026.10.9", "甲小学", "王军", "李丽、张强", "作业管理", "已反馈"],
        ],
    )
    table = read_table(path, VISITS)
    assert table.header_row == 2
    assert table.letters == {
        "visit_date": "B",
        "school": "C",
        "inspector": "D",
        "companions": "E",
        "items": "F",
        "feedback": "G",
    }
    problems = Problems(table)
    values = read_cells(table, table.rows[0], problems)
    assert values is not None and not problems
    assert (values["visit_date"], values["companions"]) == (date(2026, 10, 9), ["李丽", "张强"])


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("龙泉镇中心小学", "primary"),
        ("青溪县实验小学附属幼儿园", "kindergarten"),
        ("龙泉镇李家小学教学点", "teaching_point"),
        ("龙泉镇九年一贯制学校", "nine_year"),
        ("青溪县职业中学", "vocational"),
        ("青溪县第一中学", None),
    ],
)
def test_a_schools_name_often_says_its_kind(name, kind):
    assert guess_kind(name) == kind


def test_a_courses_name_sometimes_says_its_form():
    assert guess_form("2026年新任责任督学岗前培训") == "preservice"
    assert guess_form("责任督学网络研修") == "online"
    assert guess_form("督导业务培训") is None


def test_the_header_is_found_under_merged_title_rows_with_synonyms(tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "2026年学校名单"
    sheet["A1"] = "青溪县学校（园）基本情况统计表"
    sheet.merge_cells("A1:F1")
    sheet["A2"] = "填报单位：青溪县教育督导室"
    sheet.merge_cells("A2:F2")
    sheet.append(["序号", "学校（园）名称\n（全称）", "学段", "*联系方式", "校长手机", "片区"])
    sheet.append([1, "龙泉镇中心小学", "小学", "0738-6123456", "13800000000", "龙泉片"])
    sheet.append([None, None, None, None, None, None])
    sheet.append([2, " 龙泉镇中心幼儿园 ", "幼儿园", None, None, "龙泉片"])
    table = read_table(_save(workbook, tmp_path / "学校.xlsx"), SCHOOLS)

    assert table.sheet == "2026年学校名单"
    assert table.header_row == 3
    assert table.letters == {"name": "B", "kind": "C", "phone": "D", "zone": "F"}
    assert table.headers["name"] == "学校（园）名称 （全称）"
    assert [row.number for row in table.rows] == [4, 6]
    assert table.rows[1].values["name"] == " 龙泉镇中心幼儿园 "
    assert not table.has("principal")


def test_the_first_worksheet_with_the_header_is_read(tmp_path):
    workbook = Workbook()
    notes = workbook.active
    assert notes is not None
    notes.title = "填表说明"
    notes.append(["请按第二张表填写，姓名必填。"])
    roster = workbook.create_sheet("督学名册")
    roster.append(["督学姓名", "性别", "专/兼职"])
    roster.append(["王  军", "男", "专职"])
    table = read_table(_save(workbook, tmp_path / "roster.xlsx"), INSPECTORS)
    assert table.sheet == "督学名册"
    assert table.header_row == 1
    assert table.letters == {"name": "A", "gender": "B", "employment": "C"}


def test_a_zone_merged_down_counts_for_each_row_and_a_footnote_is_not_data(tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["学校名称", "责任区", "联系电话", "地址"])
    sheet.append(["甲小学", "龙泉片", None, None])
    sheet.append(["乙小学", None, None, None])
    sheet.append(["丙小学", None, None, None])
    sheet.merge_cells("B2:B4")
    sheet.append(["注：本表由各中心校填报，电话填办公室座机。", None, None, None])
    sheet.merge_cells("A5:D5")
    table = read_table(_save(workbook, tmp_path / "merged.xlsx"), SCHOOLS)
    assert [(row.values["name"], row.values["zone"]) for row in table.rows] == [
        ("甲小学", "龙泉片"),
        ("乙小学", "龙泉片"),
        ("丙小学", "龙泉片"),
    ]


def test_a_missing_key_column_names_the_headers_expected(tmp_path):
    path = _sheet(tmp_path / "x.xlsx", [["序号", "单位", "电话"], [1, "甲小学", "6123456"]])
    with pytest.raises(SheetError) as excinfo:
        read_table(path, SCHOOLS)
    message = _messages(excinfo)
    assert "找不到“学校名称”（也可写作：单位名称" in message
    assert "前 10 行" in message


def test_a_training_sheet_without_some_key_columns_says_which(tmp_path):
    path = _sheet(tmp_path / "t.xlsx", [["姓名", "培训名称", "形式"], ["王军", "岗前培训", "集中"]])
    with pytest.raises(SheetError) as excinfo:
        read_table(path, TRAINING)
    message = _messages(excinfo)
    assert "第 1 行的表头中找不到“开始日期”" in message
    assert "“学时”" in message
    assert "培训名称" not in message.split("找不到")[1]


def test_a_column_given_twice_is_refused(tmp_path):
    path = _sheet(tmp_path / "x.xlsx", [["学校名称", "电话", "联系电话"], ["甲小学", "1", "2"]])
    with pytest.raises(SheetError) as excinfo:
        read_table(path, SCHOOLS)
    assert "B、C 列都是“联系电话”" in _messages(excinfo)


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("学校.xls", "旧版 Excel 文件（.xls）"),
        ("学校.csv", "CSV 文本文件"),
        ("学校.et", "WPS 表格文件"),
        ("学校.docx", "不是 Excel 工作簿"),
    ],
)
def test_other_formats_are_asked_to_be_saved_as_xlsx(tmp_path, name, words):
    path = tmp_path / name
    path.write_text("学校名称\n甲小学\n", encoding="utf-8")
    with pytest.raises(SheetError) as excinfo:
        read_table(path, SCHOOLS)
    message = _messages(excinfo)
    assert words in message
    if name.endswith((".xls", ".csv", ".et")):
        assert "另存为" in message and ".xlsx" in message


def test_a_damaged_or_disguised_file_gets_a_clear_message(tmp_path):
    old = tmp_path / "renamed.xlsx"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    with pytest.raises(SheetError, match="或设置了打开密码"):
        read_table(old, SCHOOLS)

    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"this is not a workbook" * 50)
    with pytest.raises(SheetError, match="已损坏"):
        read_table(junk, SCHOOLS)

    broken = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(broken, "w") as archive:
        archive.writestr("hello.txt", "not an Office file")
    with pytest.raises(SheetError, match="已损坏"):
        read_table(broken, SCHOOLS)

    with pytest.raises(SheetError, match="找不到文件"):
        read_table(tmp_path / "missing.xlsx", SCHOOLS)


def test_cell_problems_name_the_sheet_row_column_letter_and_header(tmp_path):
    path = _sheet(
        tmp_path / "x.xlsx",
        [
            ["学校名称", "类别", "联系方式"],
            ["甲小学", "小学", "13812345678"],
            ["乙小学", "大学", "1381234"],
        ],
        title="学校",
    )
    table = read_table(path, SCHOOLS)
    problems = Problems(table)
    assert read_cells(table, table.rows[0], problems) == {
        "name": "甲小学",
        "kind": "primary",
        "phone": "13812345678",
    }
    assert read_cells(table, table.rows[1], problems) is None
    assert problems.error().messages() == [
        "工作表“学校”第 3 行 B 列（类别）：“大学”不是可选的值（可填：小学、初中、九年一贯制学校、"
        "高中、完全中学、特殊教育学校、职业学校、幼儿园、教学点）",
        "工作表“学校”第 3 行 C 列（联系方式）：“1381234”不是有效的电话号码"
        "（手机为 11 位，如 13812345678；固话如 0738-6123456）",
    ]


def test_the_plan_summary_is_one_chinese_line():
    plan = ImportPlan("schools", Path("x.xlsx"), date(2026, 11, 2))
    plan.added = [PlannedRow(3, "甲小学", ["小学"]), PlannedRow(4, "乙小学", ["小学"])]
    plan.changed = [PlannedRow(5, "丙小学", ["联系电话：6123456 → 6123457"])]
    plan.unchanged = 20
    assert plan.summary() == "新增 2 行，修改 1 行，未变 20 行"
    plan.new_zones = ["东片", "西片"]
    assert plan.summary() == "新增 2 行，修改 1 行，未变 20 行；新增责任区：东片、西片"


def test_a_plans_warnings_follow_its_summary_line():
    plan = ImportPlan("schools", Path("x.xlsx"), date(2026, 11, 2))
    plan.warnings = ["历史不随表导入。"]
    assert plan.summary() == "新增 0 行，修改 0 行，未变 0 行\n注意：历史不随表导入。"


# --- merged data rows, formulas without results, over-long text, quoted names ---------------


def test_a_data_row_with_cells_merged_across_columns_is_an_error_naming_them(tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "学校"
    sheet.append(["学校名称", "学校类别", "联系电话", "地址"])
    sheet.append(["甲小学", "小学", "6123456", "城关"])
    sheet.append(["乙小学", None, "6123457", "东街"])
    sheet.merge_cells("A3:B3")
    sheet.append(["一、城关片区", None, None, None])  # a section title: not data
    sheet.merge_cells("A4:D4")
    sheet.append(["丙小学", "小学", "6123458", "西街"])
    with pytest.raises(SheetError) as excinfo:
        read_table(_save(workbook, tmp_path / "merged.xlsx"), SCHOOLS)
    assert excinfo.value.messages() == [
        "工作表“学校”第 3 行：单元格 A3:B3 跨列合并了A 列（学校名称）、B 列（学校类别），"
        "合并的单元格只有一个值，分不出各列的值。数据行不能跨列合并，"
        "请取消合并，把每个值填在自己的列中后再导入。"
    ]


def test_a_merged_cell_over_one_sheet_column_and_the_clerks_own_column_is_fine(tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["学校名称", "自编说明", "联系电话"])
    sheet.append(["甲小学", None, "6123456"])
    sheet.merge_cells("A2:B2")  # 学校名称 over a column the app does not read
    table = read_table(_save(workbook, tmp_path / "own.xlsx"), SCHOOLS)
    assert [row.values for row in table.rows] == [{"name": "甲小学", "phone": "6123456"}]


def _with_saved_result(path: Path, cell: str, result: str, *, text: bool = False) -> Path:
    """The workbook at ``path`` with the result of the formula in ``cell`` saved, as Excel
    saves it (openpyxl writes formulas with an empty ``<v/>``)."""
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    start = sheet.index(f'<c r="{cell}"')
    end = sheet.index("</c>", start)
    written = sheet[start:end].replace("<v />", f"<v>{result}</v>")
    if text:
        written = written.replace(f'<c r="{cell}"', f'<c r="{cell}" t="str"', 1)
    parts["xl/worksheets/sheet1.xml"] = (sheet[:start] + written + sheet[end:]).encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def test_a_formula_without_a_saved_result_is_named_not_read_as_empty(tmp_path):
    rows: list[list[object]] = [
        ["姓名", "培训名称", "开始日期", "学时"],
        ["王军", "岗前培训", "2026-07-13", "=8*2"],
        ["李丽", "岗前培训", "2026-07-13", "=8*3"],
        ["赵明", "岗前培训", "2026-07-13", 16],
    ]
    path = _sheet(tmp_path / "training.xlsx", rows, title="培训")
    with pytest.raises(SheetError) as excinfo:
        read_table(path, TRAINING)
    assert excinfo.value.messages() == [
        "工作表“培训”D 列（学时）：单元格 D2、D3 是公式，但文件里没有保存公式的计算结果，"
        "读不到值。请先在 Excel 或 WPS 中打开这个文件并保存，或把这些单元格复制后"
        "“选择性粘贴”为数值，再导入。"
    ]
    assert "不能为空" not in _messages(excinfo)


def test_a_formula_saved_with_its_result_is_read_by_the_result(tmp_path):
    rows: list[list[object]] = [
        ["姓名", "培训名称", "开始日期", "学时"],
        ["王军", "岗前培训", "2026-07-13", "=8*2"],
    ]
    path = _with_saved_result(_sheet(tmp_path / "saved.xlsx", rows), "D2", "16")
    table = read_table(path, TRAINING)
    assert table.rows[0].values["hours"] == 16


def test_a_formula_whose_saved_result_is_empty_text_is_empty(tmp_path):
    rows: list[list[object]] = [["学校名称", "联系电话"], ["甲小学", '=IF(1>2,"x","")']]
    path = _with_saved_result(_sheet(tmp_path / "empty.xlsx", rows), "B2", "", text=True)
    table = read_table(path, SCHOOLS)
    assert [row.values for row in table.rows] == [{"name": "甲小学", "phone": None}]


def test_a_formula_in_a_column_the_app_does_not_read_is_no_problem(tmp_path):
    rows: list[list[object]] = [["学校名称", "合计"], ["甲小学", "=1+1"]]
    table = read_table(_sheet(tmp_path / "x.xlsx", rows), SCHOOLS)
    assert [row.values for row in table.rows] == [{"name": "甲小学"}]


def test_free_text_is_refused_beyond_its_limit_and_never_beyond_an_excel_cell():
    assert cells.EXCEL_CELL_MAX == 32_767
    read = cells.long_text()
    assert read("  备注\r\n第二行 ") == "备注\n第二行"
    assert read("字" * 32_767) == "字" * 32_767
    with pytest.raises(ValueError, match=r"不能超过 32767 个字（现有 1700000 个字）"):
        read("字" * 1_700_000)
    with pytest.raises(ValueError, match=r"不能超过 500 个字（现有 501 个字）"):
        cells.long_text(500)("字" * 501)
    assert cells.long_text(10**6) is not read  # a looser limit is still an Excel cell
    with pytest.raises(ValueError, match="不能超过 32767 个字"):
        cells.long_text(10**6)("字" * 40_000)


def test_the_notes_columns_read_with_the_limits_of_their_fields(tmp_path):
    from core.calendar.records import TEXT_MAX
    from core.calendar.visits import NOTE_MAX

    limits = {
        (INSPECTORS, "notes"): cells.EXCEL_CELL_MAX,
        (TRAINING, "note"): cells.EXCEL_CELL_MAX,
        (VISITS, "note"): NOTE_MAX,
        (VISITS, "findings"): TEXT_MAX,
        (VISITS, "problems"): TEXT_MAX,
        (VISITS, "advice"): TEXT_MAX,
        (VISITS, "feedback"): TEXT_MAX,
        (VISITS, "items"): cells.EXCEL_CELL_MAX,
    }
    for (spec, key), limit in limits.items():
        read = spec.column(key).read
        read("字" * limit)
        with pytest.raises(ValueError, match=f"不能超过 {limit} 个字"):
            read("字" * (limit + 1))
