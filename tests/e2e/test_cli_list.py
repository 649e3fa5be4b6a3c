"""`list schools|inspectors|visits|problems|complaints` in a child process on a demo database:
the GUI's matching (pinyin, several words), pinyin order, month and status narrowing, ids that
`report visit-form --visit ID` takes, problems with their tier and the steps after escalation
(the ids `report … --problem ID` takes), and bad options refused in one Chinese line."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypinyin import lazy_pinyin

from core.search.matching import pinyin_order
from tests.e2e.test_cli import assert_one_line_failure, run_cli


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    home = tmp_path_factory.mktemp("home")
    path = home / "office.db"
    assert run_cli("--db", path, "demo", home=home).returncode == 0
    return path, home


def _json(demo_file: tuple[Path, Path], *args: str) -> list[dict]:
    path, home = demo_file
    result = run_cli("--db", path, "list", *args, "--json", home=home)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_schools_are_found_by_pinyin_initials_and_listed_in_pinyin_order(demo_file):
    found = _json(demo_file, "schools", "--filter", "cgzx")
    assert "青溪县城关中学" in [school["name"] for school in found]
    assert all({"id", "name"} <= school.keys() for school in found)
    every = [school["name"] for school in _json(demo_file, "schools")]
    assert len(every) == 38
    assert every == sorted(every, key=pinyin_order) != sorted(every)
    both = [school["name"] for school in _json(demo_file, "schools", "--filter", "小学 城关")]
    assert "青溪县城关第一小学" in both and "青溪县城关中学" not in both


def test_inspectors_sort_by_pinyin_and_are_found_by_full_pinyin(demo_file):
    path, home = demo_file
    names = [row["name"] for row in _json(demo_file, "inspectors")]
    assert len(names) > 5 and names == sorted(names, key=pinyin_order) != sorted(names)
    name = names[-1]  # the demo's names are drawn anew each day
    spelled = "".join(lazy_pinyin(name))
    text = run_cli("--db", path, "list", "inspectors", "--filter", spelled, home=home)
    assert text.returncode == 0
    assert name in text.stdout
    assert text.stdout.strip().endswith(f"共 {len(text.stdout.splitlines()) - 1} 条。")


def test_a_visit_id_from_the_list_prints_its_record_form(demo_file, tmp_path):
    last_month = f"{date.today().replace(day=1) - timedelta(days=1):%Y-%m}"
    visits = _json(demo_file, "visits", "--month", last_month, "--status", "已完成")
    assert visits and all(v["date"].startswith(last_month) for v in visits)
    assert all({"id", "date", "school"} <= v.keys() for v in visits)
    visit = visits[0]
    path, home = demo_file
    out = tmp_path / "form.pdf"
    result = run_cli(
        "--db", path, "report", "visit-form", "--visit", str(visit["id"]), "--out", out, home=home
    )
    assert result.returncode == 0, result.stderr
    assert visit["school"] in PdfReader(out).pages[0].extract_text()


def test_problems_and_complaints_narrow_by_month_and_status(demo_file):
    every = _json(demo_file, "problems")
    month = every[0]["date"][:7]
    problems = _json(demo_file, "problems", "--month", month)
    assert problems == [p for p in every if p["date"].startswith(month)]
    complaints = _json(demo_file, "complaints")
    # The complaint states of the 整改 page: 待核实, 已核实, 已答复.
    pending = _json(demo_file, "complaints", "--status", "待核实")
    verified = _json(demo_file, "complaints", "--status", "verified")
    replied = _json(demo_file, "complaints", "--status", "replied")
    assert all(c["replied_on"] is None for c in pending + verified)
    assert all(c["replied_on"] is not None for c in replied) and replied
    assert len(pending) + len(verified) + len(replied) == len(complaints)


def test_bad_options_are_refused_in_one_chinese_line(demo_file):
    path, home = demo_file
    bad_status = run_cli("--db", path, "list", "visits", "--status", "x", home=home)
    assert_one_line_failure(bad_status, "--status", "planned（计划）")
    month_of_schools = run_cli("--db", path, "list", "schools", "--month", "2026-11", home=home)
    assert_one_line_failure(month_of_schools, "--month")
    bad_month = run_cli("--db", path, "list", "visits", "--month", "2026-13", home=home)
    assert bad_month.returncode != 0 and "没有13月" in bad_month.stderr
    school_of_inspectors = run_cli("--db", path, "list", "inspectors", "--school", "x", home=home)
    assert_one_line_failure(school_of_inspectors, "--school")


def test_exported_schools_are_in_pinyin_order_within_each_zone(demo_file, tmp_path):
    from itertools import groupby

    from openpyxl import load_workbook

    path, home = demo_file
    out = tmp_path / "schools.xlsx"
    assert run_cli("--db", path, "export", "schools", out, home=home).returncode == 0
    sheet = load_workbook(out).active
    rows = list(sheet.iter_rows(values_only=True))
    header = next(i for i, row in enumerate(rows) if "学校名称" in row)
    name, zone = rows[header].index("学校名称"), rows[header].index("责任区")
    data = [row for row in rows[header + 1 :] if row[name]]
    assert len(data) == 38
    for _zone, schools in groupby(data, key=lambda row: row[zone]):
        names = [row[name] for row in schools]
        assert names == sorted(names, key=pinyin_order)
    city = [row[name] for row in data if row[zone] == "城关责任区"]
    assert city != sorted(city)  # code-point order would differ


def test_the_problems_are_listed_with_their_tiers_and_steps(demo_file, tmp_path):
    path, home = demo_file
    problems = _json(demo_file, "problems")
    tiers = {p["category_label"] for p in problems}
    assert tiers == {"一般性问题", "重点问题", "难点问题", "严重违规或重大问题"}
    kinds = {s["kind"] for p in problems for s in p["steps"]}
    assert kinds == {"supervision", "interview", "referral"}, "the demo's 督办, 约谈 and report up"
    supervised = next(p for p in problems if any(s["number"] for s in p["steps"]))
    notice = tmp_path / "s.pdf"
    printed = run_cli(
        "--db", path, "report", "supervision-notice", "--problem", str(supervised["id"]),
        "--out", notice, home=home,
    )  # fmt: skip
    assert printed.returncode == 0, printed.stderr
    assert "督办通知" in "".join(page.extract_text() for page in PdfReader(notice).pages)

    result = run_cli("--db", path, "list", "problems", "--school", supervised["school"], home=home)
    lines = result.stdout.splitlines()
    assert result.returncode == 0
    assert lines[0].startswith(f"{supervised['id']}\t") and supervised["school"] in lines[0]
    assert any(line.startswith("\t") and "督办通知 督办〔2026〕1号" in line for line in lines)


def test_an_unknown_school_is_refused(demo_file):
    path, home = demo_file
    result = run_cli("--db", path, "list", "problems", "--school", "无此学校", home=home)
    assert_one_line_failure(result, "“无此学校”没有整改问题")
