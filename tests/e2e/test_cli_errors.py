"""Every way a command line can fail, in every form the command line promises.

Each failure — a typing mistake, an unknown id or name, a bad file, a database that is empty,
damaged or not ours, an import with problems, an option a report refuses — is run as ``main.py``
runs it, four times: without options it is exactly one line ``错误：… / Error: …`` on stderr
(an import's problems may follow, indented); with ``--lang zh`` that line is Chinese only, with
``--lang en`` English only; with ``--json`` it is ``{"error": {...}}`` on stdout and nothing on
stderr. The exit code is the same in every form and nothing is saved.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from core.cli.commands import build_parser, run_command
from tests.e2e.test_cli_import_export import write_sheet

BILINGUAL = re.compile(r"^错误：.+ / Error: .+$")
CHINESE_ONLY = re.compile(r"^错误：.+$")
ENGLISH_ONLY = re.compile(r"^Error: .+$")


def cli(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Run one command line in this process as main.py does: exit code, stdout, stderr."""
    try:
        code = run_command(build_parser().parse_args(argv))
    except SystemExit as stopped:
        code = int(stopped.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Path]]:
    """The databases and files the failures are made with (the demo office made once)."""
    folder = tmp_path_factory.mktemp("errors")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SUPERVISION_DESK_HOME", str(folder / "home"))
        office = folder / "office.db"
        assert run_command(build_parser().parse_args(["--db", str(office), "demo"])) == 0
    junk = folder / "junk.db"
    junk.write_bytes(b"\x00garbage\xff" * 1000)
    empty_file = folder / "zero.db"
    empty_file.touch()
    foreign = folder / "accounts.db"
    with closing(sqlite3.connect(foreign)) as conn:
        conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY)")
        conn.commit()
    old_excel = folder / "培训.xls"
    old_excel.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    bad_roster = write_sheet(
        folder / "督学.xlsx",
        ["姓名", "专兼职", "联系电话", "挂牌学校"],
        [["孙新", "专职", "1381234", None], ["李新", "专职", None, "不存在的学校"]],
    )
    notice = folder / "notice.txt"
    notice.write_text(
        "国务院办公厅关于2027年部分节假日安排的通知\n一、元旦：放假。", encoding="utf-8"
    )
    existing = folder / "existing-backup.db"
    existing.write_bytes(b"keep")
    yield {
        "office": office,
        "new": folder / "new.db",
        "junk": junk,
        "zero": empty_file,
        "foreign": foreign,
        "no folder": folder / "nonexistent" / "x.db",
        "old excel": old_excel,
        "bad roster": bad_roster,
        "notice": notice,
        "existing": existing,
        "folder": folder,
    }


# (database, the command line after --db, what the error's code is)
FAILURES: list[tuple[str, list[str], str]] = [
    ("office", ["frobnicate"], "usage"),
    ("office", ["schedul", "--month", "2026-12"], "usage"),
    ("office", ["schedule", "--month", "2026-13"], "usage"),
    ("office", ["check", "--date", "2026-02-30"], "usage"),
    ("office", ["check", "--dte", "2026-12-02"], "usage"),
    ("office", ["import", "pupils", "{folder}/x.xlsx"], "usage"),
    ("office", ["backup"], "usage"),
    ("office", ["report", "roster", "--paper", "B5", "--out", "{folder}/x.pdf"], "usage"),
    ("office", ["report", "visit-form", "--visit", "abc", "--out", "{folder}/x.pdf"], "usage"),
    ("office", ["holidays", "list", "--year", "27"], "usage"),
    ("office", ["demo"], "not_empty"),
    ("office", ["backup", "--out", "{existing}"], "database"),
    ("office", ["restore", "{folder}/no-such-backup.db"], "database"),
    ("office", ["restore", "{junk}"], "database"),
    ("office", ["import", "inspectors", "{bad roster}"], "import"),
    ("office", ["import", "training", "{old excel}"], "import"),
    ("office", ["import", "schools", "{folder}/no-such-sheet.xlsx"], "import"),
    ("office", ["export", "schools", "{folder}/no-such-folder/x.xlsx"], "invalid"),
    ("office", ["template", "schools", "{folder}/no-such-folder/x.xlsx"], "invalid"),
    ("office", ["report", "training", "--paper", "A3", "--out", "{folder}/x.pdf"], "invalid"),
    ("office", ["report", "visit-form", "--visit", "999999", "--out", "{folder}/x.pdf"], "invalid"),
    (
        "office",
        ["report", "rectification-notice", "--problem", "999999", "--out", "{folder}/x.pdf"],
        "invalid",
    ),
    (
        "office",
        ["report", "sign", "--school", "不存在的学校", "--out", "{folder}/x.pdf"],
        "invalid",
    ),
    ("office", ["report", "topic", "--topic", "没有的主题", "--out", "{folder}/x.pdf"], "invalid"),
    (
        "office",
        ["report", "topic", "--opening", "{folder}/no-such.txt", "--out", "{folder}/x.pdf"],
        "invalid",
    ),
    ("office", ["holidays", "import", "{folder}/no-such-notice.txt"], "invalid"),
    ("office", ["holidays", "import", "{notice}"], "invalid"),
    (
        "office",
        ["school-calendar", "set", "2026-2027", "autumn", "2027-01-22", "2026-09-01"],
        "invalid",
    ),
    ("office", ["ics", "--month", "2020-01", "--out", "{folder}/ics"], "invalid"),
    (
        "office",
        ["ics", "--month", "2026-12", "--inspector", "张三", "--out", "{folder}/ics"],
        "invalid",
    ),
    ("office", ["list", "schools", "--month", "2026-12"], "invalid"),
    ("office", ["list", "visits", "--status", "nonsense"], "invalid"),
    ("office", ["list", "problems", "--school", "不存在的学校"], "invalid"),
    ("new", ["ics", "--month", "2026-12", "--out", "{folder}/ics"], "invalid"),
    ("new", ["report", "sign", "--school", "不存在的学校", "--out", "{folder}/x.pdf"], "invalid"),
    ("junk", ["check"], "damaged_database"),
    ("junk", ["migrate"], "damaged_database"),
    ("zero", ["list", "schools"], "damaged_database"),
    ("foreign", ["demo"], "database"),
    ("no folder", ["migrate"], "database"),
]

IDS = [" ".join([db, *argv]) for db, argv, _code in FAILURES]


def _argv(files: dict[str, Path], db: str, argv: list[str]) -> list[str]:
    filled = [part.format(**{key: str(path) for key, path in files.items()}) for part in argv]
    return ["--db", str(files[db]), *filled]


def _content(path: Path) -> list[str]:
    with closing(sqlite3.connect(path)) as conn:
        return list(conn.iterdump())


def _problem_lines(lines: list[str]) -> None:
    """Lines after the error's own line are an import's problems, indented."""
    assert all(line.startswith("  ") for line in lines[1:]), lines


@pytest.mark.parametrize(("db", "argv", "code"), FAILURES, ids=IDS)
def test_every_failure_is_one_line_in_either_language_or_json(files, capsys, db, argv, code):
    command = _argv(files, db, argv)
    before = _content(files["office"])

    exit_code, out, err = cli(command, capsys)
    assert exit_code != 0
    assert out == ""
    lines = err.splitlines()
    assert lines and BILINGUAL.match(lines[0]), err
    assert sum(bool(BILINGUAL.match(line)) for line in lines) == 1, err
    assert "Traceback" not in err
    _problem_lines(lines)

    chinese_code, out, err = cli(["--lang", "zh", *command], capsys)
    assert chinese_code == exit_code and out == ""
    lines = err.splitlines()
    assert CHINESE_ONLY.match(lines[0]) and "Error:" not in lines[0], err
    _problem_lines(lines)

    english_code, out, err = cli(["--lang", "en", *command], capsys)
    assert english_code == exit_code and out == ""
    lines = err.splitlines()
    assert ENGLISH_ONLY.match(lines[0]) and "错误" not in lines[0], err
    _problem_lines(lines)

    json_code, out, err = cli([*command, "--json"], capsys)
    assert json_code == exit_code
    assert err == ""
    error = json.loads(out)["error"]
    assert error["code"] == code
    assert error["message_zh"] and error["message_en"]
    assert _content(files["office"]) == before


def test_an_import_error_lists_every_problem_with_its_row_and_column(files, capsys):
    command = _argv(files, "office", ["import", "inspectors", "{bad roster}"])
    _, out, err = cli(command, capsys)
    first, *problems = err.splitlines()
    assert first.startswith("错误：导入失败（2 处错误），没有保存任何数据，逐条列在下面。第 1 处：")
    assert (
        " / Error: Import failed (2 problems), nothing was saved; each problem is listed below."
        in first
    )
    assert problems == [
        "  工作表“Sheet”第 2 行 C 列（联系电话）：“1381234”不是有效的电话号码"
        "（手机为 11 位，如 13812345678；固话如 0738-6123456）",
        "  工作表“Sheet”第 3 行 D 列（挂牌学校）：没有名为“不存在的学校”的学校"
        "（请先导入或添加这所学校）",
    ]

    _, out, err = cli([*command, "--json"], capsys)
    assert err == ""
    error = json.loads(out)["error"]
    assert error["message_zh"].startswith("导入失败（2 处错误），没有保存任何数据：工作表")
    assert error["message_en"].startswith("Import failed (2 problems), nothing was saved: ")
    assert [(p["row"], p["column"], p["header"]) for p in error["problems"]] == [
        (2, "C", "联系电话"),
        (3, "D", "挂牌学校"),
    ]
    assert error["problems"][0]["sheet"] == "Sheet"
    assert "1381234" in error["problems"][0]["message_zh"]


def test_one_import_problem_is_the_whole_error_in_one_line(files, capsys):
    _, _, err = cli(_argv(files, "office", ["import", "training", "{old excel}"]), capsys)
    assert err.count("\n") == 1
    assert err.startswith("错误：导入失败（1 处错误），没有保存任何数据：")
    assert "旧版 Excel 文件（.xls）" in err
    assert " / Error: Import failed (1 problem), nothing was saved: " in err


def test_english_output_with_lang_en(files, capsys):
    code, out, err = cli(["--lang", "en", "--db", str(files["office"]), "check"], capsys)
    assert code == 0 and err == ""
    assert "✓ Full-time inspectors: 6, 60% (at least 30%)" in out
    assert "✗ Every school covered: 1 school has no responsible inspector" in out
    assert "督学配备" not in out

    code, out, _ = cli(["--lang", "en", "--db", str(files["office"]), "list", "schools"], capsys)
    assert code == 0 and out.endswith("38 rows.\n")
    code, out, _ = cli(["--db", str(files["office"]), "list", "schools"], capsys)
    assert out.endswith("共 38 条。\n")


def test_every_command_prints_json_on_success_and_says_where_the_pdf_is(files, capsys, tmp_path):
    office = ["--db", str(files["office"])]
    sheet, template = tmp_path / "学校.xlsx", tmp_path / "模板.xlsx"
    code, out, _ = cli([*office, "export", "schools", str(sheet), "--json"], capsys)
    assert code == 0 and json.loads(out) == {"rows": 38, "file": str(sheet)}
    code, out, _ = cli([*office, "template", "schools", str(template), "--json"], capsys)
    assert code == 0 and json.loads(out) == {"file": str(template)}
    copy = tmp_path / "copy.db"
    code, out, _ = cli([*office, "backup", "--out", str(copy), "--json"], capsys)
    assert code == 0 and json.loads(out) == {"backup": str(copy)}

    pdf = tmp_path / "花名册.pdf"
    code, out, err = cli(["--lang", "en", *office, "report", "roster", "--out", str(pdf)], capsys)
    assert code == 0 and err == ""
    assert out == f"PDF written (in Chinese): {pdf}\n"
    code, out, _ = cli([*office, "report", "roster", "--out", str(pdf)], capsys)
    assert out == f"已生成：{pdf}\n"
    code, out, _ = cli([*office, "report", "roster", "--out", str(pdf), "--json"], capsys)
    assert json.loads(out) == {"file": str(pdf), "warnings": []}
