"""`report KIND ... --out FILE.pdf` run in-process through a parser built by
``add_report_parser``: each report is written where asked and announced, options are parsed and
checked (month, year, paper in any case, zone, inspector, visit and problem ids), options a kind
does not use are ignored (but A3 is refused by the reports printed on A4 only), a bad school
name or id is refused with a Chinese message, and a character no font has is named."""

from __future__ import annotations

import argparse
import io
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from core.cli.report import add_report_parser, cmd_report
from core.demo.office import create_demo
from core.errors import ValidationError
from core.reports import REPORT_KINDS
from db.engine import Database
from db.migrate import upgrade
from db.models import Inspector, ProblemAction
from tests.db.demo_campaign import CAMPAIGN, add_campaign
from tests.db.report_helpers import add_problems, add_visit_work, flat

TODAY = "2026-11-02"
SCHOOL = "青溪县实验小学"
REQUIRED = {
    "rectification-notice": ["--school", SCHOOL],
    "checklist": ["--school", SCHOOL],
    "school-inspection": ["--school", SCHOOL],
}
"""Options a kind cannot do without."""


SUPERVISED = select(ProblemAction.problem_id).where(ProblemAction.kind == "supervision")
"""The problems of the demo's 督办通知."""
TALKED_TO = select(ProblemAction.problem_id).where(ProblemAction.kind == "interview")
"""The problem of the demo's 约谈."""


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="supervision-desk")
    top.add_argument("--db")
    add_report_parser(top.add_subparsers(dest="command"))
    return top


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    path = tmp_path / "office.db"
    db = Database.open(path)
    upgrade(db, backup=False)
    create_demo(db, "office", date.fromisoformat(TODAY))
    add_problems(db, SCHOOL, date.fromisoformat(TODAY))
    add_campaign(db, date.fromisoformat(TODAY))
    db.dispose()
    return path


def run(*argv: str | Path) -> tuple[int, str]:
    args = parser().parse_args([str(a) for a in argv])
    out = io.StringIO()
    code = cmd_report(args, out)
    return code, out.getvalue()


@pytest.mark.parametrize("kind", list(REPORT_KINDS))
def test_each_report_is_written_and_announced(db_file, tmp_path, kind):
    target = tmp_path / f"{kind}.pdf"
    required = REQUIRED.get(kind, [])
    if kind in ("supervision-notice", "interview"):  # the demo's 督办通知 and 约谈
        db = Database.open(db_file)
        with db.session() as session:
            chosen = SUPERVISED if kind == "supervision-notice" else TALKED_TO
            required = ["--problem", str(session.scalars(chosen).first())]
        db.dispose()
    code, printed = run(
        "--db", db_file, "report", kind, *required, "--date", TODAY, "--out", target
    )
    assert code == 0
    assert printed == f"已生成：{target}\n"
    assert REPORT_KINDS[kind] in PdfReader(target).pages[0].extract_text()


def test_the_options_are_parsed_and_unused_ones_ignored(db_file, tmp_path):
    args = parser().parse_args(
        ["report", "training", "--year", "2025", "--month", "2026-03", "--paper", "a3",
         "--school", "某校", "--out", str(tmp_path / "t.pdf")]
    )  # fmt: skip
    assert (args.kind, args.year, args.month, args.paper, args.school) == (
        "training", 2025, "2026-03", "A3", "某校"
    )  # fmt: skip
    assert args.date is None
    code, _ = run(
        "--db", db_file, "report", "training", "--year", "2025", "--month", "2026-03",
        "--school", "某校", "--date", TODAY, "--out", tmp_path / "t.pdf",
    )  # fmt: skip
    assert code == 0
    assert "2025年度" in PdfReader(tmp_path / "t.pdf").pages[0].extract_text()


def test_a_sign_for_one_school_on_a3(db_file, tmp_path):
    target = tmp_path / "sign.pdf"
    code, _ = run(
        "--db", db_file, "report", "sign", "--school", "青溪县城关中学", "--paper", "a3",
        "--date", TODAY, "--out", target,
    )  # fmt: skip
    assert code == 0
    reader = PdfReader(target)
    assert len(reader.pages) == 1
    assert round(reader.pages[0].mediabox.width) == 842


def test_an_unknown_school_is_refused_in_chinese(db_file, tmp_path):
    with pytest.raises(ValidationError, match="没有名为“无此学校”的学校"):
        run("--db", db_file, "report", "sign", "--school", "无此学校", "--out", tmp_path / "s.pdf")
    assert not (tmp_path / "s.pdf").exists()


def test_the_visit_and_notice_options_are_parsed(tmp_path):
    args = parser().parse_args(
        ["report", "schedule", "--zone", "城关责任区", "--inspector", "曾文", "--visit", " 12",
         "--problem", "3", "--out", str(tmp_path / "s.pdf")]
    )  # fmt: skip
    assert (args.zone, args.inspector, args.visit, args.problem) == ("城关责任区", "曾文", 12, 3)
    args = parser().parse_args(["report", "visit-form", "--out", str(tmp_path / "v.pdf")])
    assert (args.zone, args.inspector, args.visit, args.problem) == (None, None, None, None)


def test_a_zones_plan_for_a_month(db_file, tmp_path):
    db = Database.open(db_file)
    add_visit_work(db, date.fromisoformat(TODAY))
    db.dispose()
    target = tmp_path / "plan.pdf"
    code, _ = run(
        "--db", db_file, "report", "schedule", "--month", "2026-11", "--zone", "城关责任区",
        "--date", TODAY, "--out", target,
    )  # fmt: skip
    assert code == 0
    text = flat("".join(page.extract_text() for page in PdfReader(target).pages))
    assert "2026年11月督导工作安排表" in text and "责任区：城关责任区。" in text
    assert "内部资料" in text


def test_a_filled_visit_form_and_a_problems_notice(db_file, tmp_path):
    db = Database.open(db_file)
    work = add_visit_work(db, date.fromisoformat(TODAY))
    problems = add_problems(db, "青溪县城关中学", date.fromisoformat(TODAY))
    db.dispose()
    form, notice = tmp_path / "form.pdf", tmp_path / "notice.pdf"
    run("--db", db_file, "report", "visit-form", "--visit", str(work.done_visit), "--out", form)
    run("--db", db_file, "report", "rectification-notice", "--problem",
        str(problems.open_immediate), "--out", notice)  # fmt: skip
    assert work.done_school in PdfReader(form).pages[0].extract_text()
    text = flat(PdfReader(notice).pages[0].extract_text())
    assert "青溪县城关中学：" in text and "消防通道堆放杂物" in text


def test_a_checklist_and_the_campaign_by_name_and_the_year_in_figures(db_file, tmp_path):
    args = parser().parse_args(
        ["report", "checklist", "--school", SCHOOL, "--campaign", CAMPAIGN, "--out", "c.pdf"]
    )
    assert (args.school, args.campaign) == (SCHOOL, CAMPAIGN)
    targets = {kind: tmp_path / f"{kind}.pdf" for kind in ("checklist", "campaign", "annual")}
    run("--db", db_file, "report", "checklist", "--school", SCHOOL, "--campaign", CAMPAIGN,
        "--date", TODAY, "--out", targets["checklist"])  # fmt: skip
    run("--db", db_file, "report", "campaign", "--campaign", CAMPAIGN, "--date", TODAY,
        "--out", targets["campaign"])  # fmt: skip
    run("--db", db_file, "report", "annual", "--year", "2026", "--date", TODAY,
        "--out", targets["annual"])  # fmt: skip
    texts = {k: flat("".join(p.extract_text() for p in PdfReader(t).pages)) for k, t in
             targets.items()}  # fmt: skip
    assert (
        f"迎检工作：{CAMPAIGN}" in texts["checklist"]
        and f"学校（园）：{SCHOOL}" in texts["checklist"]
    )
    assert f"迎检工作：{CAMPAIGN}" in texts["campaign"] and "进度滞后的学校" in texts["campaign"]
    assert "2026年度督导工作统计" in texts["annual"] and "图1" in texts["annual"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["visit-form", "--visit", "999999"], "没有编号为 999999 的督导"),
        (["checklist"], "请指定学校（园）"),
        (["campaign", "--campaign", "无此工作"], "没有名为“无此工作”的迎检工作"),
        (["rectification-notice", "--problem", "999999"], "没有编号为 999999 的整改问题"),
        (["schedule", "--inspector", "查无此人"], "没有名为“查无此人”的督学"),
        (["staffing", "--paper", "a3"], "督学配备达标情况只能用 A4 纸打印"),
    ],
)
def test_unknown_ids_and_names_are_refused_in_chinese(db_file, tmp_path, argv, message):
    with pytest.raises(ValidationError, match=message):
        run("--db", db_file, "report", *argv, "--out", tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()


def test_a_character_no_font_has_is_named_after_the_report_is_written(db_file, tmp_path):
    db = Database.open(db_file)
    with db.session() as session:
        session.scalars(select(Inspector).order_by(Inspector.id)).first().name = "王\U0010fffd明"
    db.dispose()
    code, printed = run(
        "--db", db_file, "report", "roster", "--date", TODAY, "--out", tmp_path / "r.pdf"
    )
    assert code == 0
    assert printed.splitlines()[1].startswith("注意：没有字体能显示字符")
    assert "U+10FFFD" in printed


@pytest.mark.parametrize(
    "argv",
    [
        ["report", "roster"],
        ["report", "visit-form", "--visit", "abc", "--out", "x.pdf"],
        ["report", "rectification-notice", "--problem", "-3", "--out", "x.pdf"],
        ["report", "nothing", "--out", "x.pdf"],
        ["report", "roster", "--month", "2026-13", "--out", "x.pdf"],
        ["report", "roster", "--year", "26", "--out", "x.pdf"],
        ["report", "sign", "--paper", "B5", "--out", "x.pdf"],
        ["report", "roster", "--date", "2026-02-30", "--out", "x.pdf"],
    ],
)
def test_bad_arguments_are_usage_errors(argv, capsys):
    with pytest.raises(SystemExit) as exited:
        parser().parse_args(argv)
    assert exited.value.code == 2
    assert "Traceback" not in capsys.readouterr().err


def test_a_topic_report_takes_the_topic_its_period_and_text_files(db_file, tmp_path):
    highlights = tmp_path / "亮点.txt"
    highlights.write_text("<b>&amp;</b>课后服务覆盖全部学生。\n作业公示到班。", encoding="utf-8")
    suggestions = tmp_path / "建议.txt"
    suggestions.write_bytes("持续跟踪双减落实情况。".encode("gb18030"))  # saved by Notepad
    target = tmp_path / "双减.pdf"
    code, printed = run(
        "--db", db_file, "report", "topic", "--topic", "双减", "--from", "2026-09-01",
        "--to", "2026-10-31", "--addressee", "县教育局", "--highlights", highlights,
        "--suggestions", suggestions, "--date", TODAY, "--out", target,
    )  # fmt: skip
    assert code == 0 and printed == f"已生成：{target}\n"
    text = flat("".join(page.extract_text() for page in PdfReader(target).pages))
    assert "双减专项督导报告" in text and "县教育局：" in text
    assert (
        "<b>&amp;</b>课后服务覆盖全部学生。" in text and "持续跟踪双减落实情况。特此报告。" in text
    )
    assert "2026年9月1日至2026年10月31日" in text


def test_a_topic_report_refuses_a_missing_text_file_and_an_unknown_topic(db_file, tmp_path):
    with pytest.raises(ValidationError, match="无法读取亮点文件"):
        run("--db", db_file, "report", "topic", "--highlights", tmp_path / "无.txt",
            "--date", TODAY, "--out", tmp_path / "a.pdf")  # fmt: skip
    with pytest.raises(ValidationError, match="没有“防溺水”专项督导"):
        run("--db", db_file, "report", "topic", "--topic", "防溺水", "--date", TODAY,
            "--out", tmp_path / "b.pdf")  # fmt: skip
    assert not list(tmp_path.glob("*.pdf"))


def test_a_schools_comprehensive_inspection_over_given_days(db_file, tmp_path):
    target = tmp_path / "综合督导报告.pdf"
    code, printed = run(
        "--db", db_file, "report", "school-inspection", "--school", SCHOOL,
        "--from", "2026-09-01", "--to", "2026-11-30", "--date", TODAY, "--out", target,
    )  # fmt: skip
    assert code == 0 and printed == f"已生成：{target}\n"
    text = flat("".join(page.extract_text() for page in PdfReader(target).pages))
    assert f"现将{SCHOOL}2026年9月1日至2026年11月30日督导" in text
    assert "一、基本情况" in text and "三、问题整改情况" in text and "特此报告。" in text
    args = parser().parse_args(["report", "school-inspection", "--school", "7", "--out", "x.pdf"])
    assert (args.start, args.end) == (None, None)
    with pytest.raises(SystemExit):
        parser().parse_args(["report", "school-inspection", "--from", "2026-02-30", "--out", "x"])
    with pytest.raises(ValidationError, match="开始日期 2026-11-30 晚于结束日期 2026-09-01"):
        run("--db", db_file, "report", "school-inspection", "--school", SCHOOL, "--from",
            "2026-11-30", "--to", "2026-09-01", "--out", tmp_path / "x.pdf")  # fmt: skip
