"""Import, export and templates from the command line (`python main.py ...` in a child process):
a dry run saves nothing, a real import prints what it added and changed, a bad sheet prints one
error line (the count and the first problem, in Chinese and English) and every problem under it,
and saves nothing, never with a traceback."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

from openpyxl import Workbook, load_workbook

ROOT = Path(__file__).resolve().parents[2]


def failed_first_line(count: int, first: str, english: str) -> str:
    """The error line of an import refused for ``count`` (> 1) problems, the first one named in
    Chinese and in English."""
    return (
        f"错误：导入失败（{count} 处错误），没有保存任何数据，逐条列在下面。第 1 处：{first}"
        f" / Error: Import failed ({count} problems), nothing was saved; each problem is listed"
        f" below. First: {english}"
    )


def failed_line_problem(line: str) -> str:
    """The one problem named by the one error line of an import refused for one problem (its
    Chinese form), after checking the line's form."""
    chinese, english = line.split(" / Error: ")
    assert english.startswith("Import failed (1 problem), nothing was saved: ")
    assert chinese.startswith("错误：导入失败（1 处错误），没有保存任何数据：")
    return chinese.removeprefix("错误：导入失败（1 处错误），没有保存任何数据：")


def run_cli(*args: str | Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SUPERVISION_DESK_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "main.py", *map(str, args)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def count_rows(path: Path, table: str) -> int:
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def write_sheet(path: Path, header: list[str], rows: list[list[object]]) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def test_an_exported_sheet_dry_runs_back_as_unchanged(data_home, tmp_path):
    office = tmp_path / "office.db"
    assert run_cli("--db", office, "demo", home=data_home).returncode == 0
    sheet = tmp_path / "学校.xlsx"
    exported = run_cli("--db", office, "export", "schools", sheet, home=data_home)
    assert exported.returncode == 0, exported.stderr
    assert exported.stdout.strip() == f"已导出 38 行到：{sheet}"

    dry = run_cli("--db", office, "import", "schools", sheet, "--dry-run", "--json", home=data_home)
    assert dry.returncode == 0, dry.stderr
    assert json.loads(dry.stdout) == {
        "added": 0,
        "changed": 0,
        "unchanged": 38,
        "new_zones": [],
        "warnings": [],
        "saved": False,
    }


def test_an_import_prints_its_rows_and_saves_them(data_home, tmp_path):
    office = tmp_path / "office.db"
    sheet = write_sheet(
        tmp_path / "新学校.xlsx",
        ["学校名称", "类别", "联系电话", "责任区"],
        [["甲小学", "小学", "0738-6123456", "东片"], ["乙幼儿园", "幼儿园", None, "东片"]],
    )
    dry = run_cli("--db", office, "import", "schools", sheet, "--dry-run", home=data_home)
    assert dry.returncode == 0, dry.stderr
    assert "没有保存任何数据" in dry.stdout
    assert count_rows(office, "schools") == 0

    saved = run_cli("--db", office, "import", "schools", sheet, home=data_home)
    assert saved.returncode == 0, saved.stderr
    lines = saved.stdout.splitlines()
    assert lines[0] == "学校（工作表“Sheet”）：新增 2 行，修改 0 行，未变 0 行；新增责任区：东片"
    assert "  第 2 行 甲小学" in lines
    assert "      小学，东片" in lines
    assert lines[-1] == "已保存。"
    assert count_rows(office, "schools") == 2
    assert count_rows(office, "zones") == 1

    again = run_cli("--db", office, "import", "schools", sheet, "--json", home=data_home)
    assert json.loads(again.stdout) == {
        "added": 0,
        "changed": 0,
        "unchanged": 2,
        "new_zones": [],
        "warnings": [],
        "saved": True,
    }


def test_a_bad_sheet_prints_every_problem_and_saves_nothing(data_home, tmp_path):
    office = tmp_path / "office.db"
    assert run_cli("--db", office, "demo", home=data_home).returncode == 0
    sheet = write_sheet(
        tmp_path / "督学.xlsx",
        ["姓名", "专兼职", "联系电话", "挂牌学校"],
        [
            ["钱新", "兼职", "13800001111", None],
            ["孙新", "专职", "1381234", None],
            ["李新", "专职", None, "不存在的学校"],
        ],
    )
    result = run_cli("--db", office, "import", "inspectors", sheet, home=data_home)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    phone = (
        "工作表“Sheet”第 3 行 C 列（联系电话）：“1381234”不是有效的电话号码"
        "（手机为 11 位，如 13812345678；固话如 0738-6123456）"
    )
    assert result.stderr.splitlines() == [
        failed_first_line(
            2,
            phone,
            'Worksheet "Sheet", row 3, column C (联系电话): "1381234" is not a valid phone number'
            " (a mobile has 11 digits, e.g. 13812345678; a landline is like 0738-6123456)",
        ),
        f"  {phone}",
        "  工作表“Sheet”第 4 行 D 列（挂牌学校）：没有名为“不存在的学校”的学校"
        "（请先导入或添加这所学校）",
    ]
    assert count_rows(office, "inspectors") == 10


def test_a_template_is_written_and_an_old_excel_file_is_explained(data_home, tmp_path):
    office = tmp_path / "office.db"
    template = tmp_path / "培训模板.xlsx"
    written = run_cli("--db", office, "template", "training", template, home=data_home)
    assert written.returncode == 0, written.stderr
    sheet = load_workbook(template).active
    assert sheet is not None
    assert [cell.value for cell in sheet[2]][:3] == ["姓名", "培训名称", "开始日期"]

    old = tmp_path / "培训.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    refused = run_cli("--db", office, "import", "training", old, home=data_home)
    assert refused.returncode == 1
    assert "Traceback" not in refused.stderr
    (line,) = refused.stderr.splitlines()
    problem = failed_line_problem(line)
    assert "旧版 Excel 文件（.xls）" in problem and "另存为" in problem


def _school_and_inspector(path: Path) -> tuple[str, str]:
    """A school of the demo and its responsible inspector, read from the database file."""
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        return conn.execute(
            "SELECT s.name, i.name FROM assignments a JOIN schools s ON s.id = a.school_id"
            " JOIN inspectors i ON i.id = a.inspector_id WHERE a.end_date IS NULL"
            " ORDER BY s.name LIMIT 1"
        ).fetchone()


def test_the_demos_visits_export_dry_run_back_unchanged_and_a_template_is_written(
    data_home, tmp_path
):
    office = tmp_path / "office.db"
    assert run_cli("--db", office, "demo", home=data_home).returncode == 0
    visits = count_rows(office, "visits")
    assert visits > 100
    sheet = tmp_path / "督导记录.xlsx"
    exported = run_cli("--db", office, "export", "visits", sheet, home=data_home)
    assert exported.returncode == 0, exported.stderr
    assert exported.stdout.strip() == f"已导出 {visits} 行到：{sheet}"

    dry = run_cli("--db", office, "import", "visits", sheet, "--dry-run", "--json", home=data_home)
    assert dry.returncode == 0, dry.stderr
    assert json.loads(dry.stdout) == {
        "added": 0,
        "changed": 0,
        "unchanged": visits,
        "new_zones": [],
        "warnings": [],
        "saved": False,
    }

    template = tmp_path / "督导记录模板.xlsx"
    written = run_cli("--db", office, "template", "visits", template, home=data_home)
    assert written.returncode == 0, written.stderr
    header = load_workbook(template).active
    assert header is not None
    assert [cell.value for cell in header[2]][:6] == [
        "日期",
        "学校",
        "督学",
        "同行督学",
        "督导类型",
        "状态",
    ]


def test_a_visits_sheet_is_refused_with_every_problem_then_imported(data_home, tmp_path):
    office = tmp_path / "office.db"
    assert run_cli("--db", office, "demo", home=data_home).returncode == 0
    visits, records = count_rows(office, "visits"), count_rows(office, "visit_records")
    school, inspector = _school_and_inspector(office)
    rows = [
        ["2020-03-02", school, inspector, "经常性督导", "校园巡视、查阅资料", "校园整洁。"],
        ["2099-03-02", school, inspector, "经常性督导", "校园巡视", None],
        ["2020-03-03", "不存在的学校", inspector, "经常性督导", None, None],
    ]
    header = ["督导日期", "学校名称", "督学姓名", "督导类型", "督导方式", "发现情况"]
    bad = write_sheet(tmp_path / "bad.xlsx", header, rows)
    refused = run_cli("--db", office, "import", "visits", bad, home=data_home)
    assert refused.returncode == 1
    assert "Traceback" not in refused.stderr
    status = "工作表“Sheet”第 3 行：填写了督导记录，状态应为“已完成”（现为“计划”）"
    assert refused.stderr.splitlines() == [
        failed_first_line(
            2,
            status,
            'Worksheet "Sheet", row 3: the visit record is filled in, so the status must be'
            ' "Done" (it is "Planned")',
        ),
        f"  {status}",
        "  工作表“Sheet”第 4 行 B 列（学校名称）：没有名为“不存在的学校”的学校"
        "（请先导入或添加这所学校）",
    ]
    assert count_rows(office, "visits") == visits

    good = write_sheet(tmp_path / "good.xlsx", header, rows[:1])
    dry = run_cli("--db", office, "import", "visits", good, "--dry-run", home=data_home)
    assert dry.returncode == 0, dry.stderr
    assert count_rows(office, "visits") == visits
    saved = run_cli("--db", office, "import", "visits", good, home=data_home)
    assert saved.returncode == 0, saved.stderr
    lines = saved.stdout.splitlines()
    assert lines[0] == "督导记录（工作表“Sheet”）：新增 1 行，修改 0 行，未变 0 行"
    assert f"  第 2 行 2020-03-02 {school} {inspector}" in lines
    assert "      经常性督导，已完成，附督导记录" in lines
    assert lines[-1] == "已保存。"
    assert count_rows(office, "visits") == visits + 1
    assert count_rows(office, "visit_records") == records + 1


def test_moving_sheets_into_an_empty_database_warns_that_history_stays_behind(data_home, tmp_path):
    office, new_office = tmp_path / "office.db", tmp_path / "new.db"
    assert run_cli("--db", office, "demo", home=data_home).returncode == 0
    schools, roster = tmp_path / "学校.xlsx", tmp_path / "督学.xlsx"
    assert run_cli("--db", office, "export", "schools", schools, home=data_home).returncode == 0
    assert run_cli("--db", office, "export", "inspectors", roster, home=data_home).returncode == 0

    for kind, sheet in (("schools", schools), ("inspectors", roster)):
        result = run_cli("--db", new_office, "import", kind, sheet, home=data_home)
        assert result.returncode == 0, result.stderr
        lines = result.stdout.splitlines()
        assert lines[0].endswith("未变 0 行") or "新增责任区" in lines[0]
        assert lines[1].startswith("注意：") and "备份" in lines[1] and "restore" in lines[1]
        assert lines[-1] == "已保存。"
    assert count_rows(new_office, "inspectors") == 10

    again = run_cli("--db", new_office, "import", "inspectors", roster, home=data_home)
    assert "注意：" not in again.stdout


def test_a_formula_without_its_result_is_named_on_the_command_line(data_home, tmp_path):
    office = tmp_path / "office.db"
    sheet = write_sheet(tmp_path / "学校.xlsx", ["学校名称", "在校生数"], [["甲小学", "=600*2"]])
    result = run_cli("--db", office, "import", "schools", sheet, home=data_home)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    (line,) = result.stderr.splitlines()
    problem = failed_line_problem(line)
    assert "B 列（在校生数）：单元格 B2 是公式，但文件里没有保存公式的计算结果" in problem
