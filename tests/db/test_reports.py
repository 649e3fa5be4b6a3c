"""Every report written from the demo office and read back: the text extracted with pypdf holds
the expected names and figures, pages are numbered "第 X 页 共 Y 页", a long table repeats its
header row on every page, every font is embedded (pdffonts), every page renders to a non-blank
PNG (pdftoppm), hostile names print literally, and bad options are refused in Chinese."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader
from sqlalchemy import select

from core.archive.campaigns import ItemChange, checklist_rows, update_items
from core.demo.office import OFFICE_NAME_DEMO, create_demo
from core.enums import ItemStatus
from core.errors import ValidationError
from core.jobs import Cancelled, reporting_to
from core.office.policy import PolicyProfile
from core.office.settings import load_policy
from core.overview import compliance
from core.reports import REPORT_KINDS, write_report
from core.reports.settings import (
    ReportSettings,
    load_report_settings,
    save_office_and_report_settings,
    save_report_settings,
)
from core.reports.sign import MAIN_ITEMS
from core.roster.assignments import assign_schools
from core.roster.inspectors import InspectorInput, inspector_rows, save_inspector, set_photo
from core.roster.schools import SchoolInput, save_school, school_rows, set_schools_active
from core.roster.training import training_summary
from db.engine import Database
from db.models import Inspector, ProblemAction, School, Visit
from tests.db.demo_campaign import add_campaign
from tests.db.report_helpers import (
    add_problems,
    add_visit_work,
    assert_fonts_embedded,
    assert_renders,
    flat,
    needs_poppler,
    pages_text,
    printed,
    spread,
)

TODAY = date(2026, 11, 2)
HOSTILE = "<b>&</b>实验小学"
RARE, EMOJI = "\U00020000", "\U0001f600"
ROSTER_KINDS = ("roster", "sign", "staffing", "training", "terms")
"""The kinds about inspectors and schools (the visit and rectification papers have their own
test modules)."""


@pytest.fixture
def office(sqlite_db: Database) -> Database:
    create_demo(sqlite_db, "office", TODAY)
    return sqlite_db


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    return folder


SUPERVISED = select(ProblemAction.problem_id).where(ProblemAction.kind == "supervision")
"""The problems of the demo's 督办通知."""
TALKED_TO = select(ProblemAction.problem_id).where(ProblemAction.kind == "interview")
"""The problem of the demo's 约谈."""


def serving_names(db: Database) -> list[str]:
    return [row.name for row in inspector_rows(db, TODAY) if row.serving]


def write(db: Database, kind: str, folder: Path, **options) -> Path:
    return write_report(db, kind, folder / f"{kind}.pdf", today=TODAY, **options)


# --- every kind ----------------------------------------------------------------------------


def required_options(db: Database, kind: str) -> dict[str, object]:
    """What a kind cannot do without: a notice needs a school with problems to rectify, a
    checklist a school in a running campaign, the campaign report a running campaign."""
    if kind == "rectification-notice":
        return {"school": add_problems(db, "青溪县实验小学", TODAY).school}
    if kind in ("supervision-notice", "interview"):  # the demo's 督办通知 and 约谈
        with db.session() as session:
            chosen = SUPERVISED if kind == "supervision-notice" else TALKED_TO
            return {"problem": session.scalars(chosen).first()}
    if kind == "school-inspection":
        return {"school": "青溪县城关中学"}
    if kind in ("checklist", "campaign"):
        add_campaign(db, TODAY)
        return {"school": "青溪县实验小学"} if kind == "checklist" else {}
    return {}


OFFICIAL_DOCUMENTS = (
    "rectification-notice",
    "supervision-notice",
    "bulletin",
    "topic",
    "school-inspection",
)
LONG_DOCUMENTS = ("topic", "school-inspection")
"""Official documents of several pages: GB/T 9704 names the office in the 版头 and over the date
(first and last page), with nothing but the text on the pages between."""


@needs_poppler
@pytest.mark.parametrize("kind", list(REPORT_KINDS))
def test_every_report_is_numbered_embeds_its_fonts_and_renders(office, out_dir, kind):
    path = write(office, kind, out_dir, **required_options(office, kind))
    pages = pages_text(path)
    assert pages
    for number, text in enumerate(pages, start=1):
        if kind in OFFICIAL_DOCUMENTS:  # GB/T 9704: "— 1 —", no print date on the document
            assert f"— {number} —" in text and "打印日期" not in text
            # no running header: the organ heads the first page and signs the last
            assert OFFICE_NAME_DEMO in text or 1 < number < len(pages)
        else:
            assert f"第 {number} 页 共 {len(pages)} 页" in text
            assert "打印日期：2026年11月2日" in text
        if kind not in LONG_DOCUMENTS or number in (1, len(pages)):
            assert OFFICE_NAME_DEMO in text
    assert REPORT_KINDS[kind] in pages[0]
    assert_fonts_embedded(path)
    assert_renders(path, out_dir)


def test_the_roster_lists_every_serving_inspector_with_phone_and_schools(office, out_dir):
    text = flat("\n".join(pages_text(write(office, "roster", out_dir))))
    rows = [row for row in inspector_rows(office, TODAY) if row.serving]
    assert len(rows) == 10
    for row in rows:
        assert row.name in text
        assert row.phone in text
        assert row.unit in text
    for school in school_rows(office, TODAY):
        if school.inspector:
            assert school.name in text
    assert "石桥片责任区" in text
    assert "在任督学10名" in text
    former = set(row.name for row in inspector_rows(office, TODAY)) - set(serving_names(office))
    assert not any(name in text for name in former)


def test_the_county_roster_runs_over_pages_repeating_its_header_row(sqlite_db, out_dir):
    create_demo(sqlite_db, "county", TODAY)
    pages = pages_text(write(sqlite_db, "roster", out_dir))
    assert len(pages) >= 3
    for number, text in enumerate(pages, start=1):
        if number < len(pages):  # the last page may hold only the signature
            assert "负责学校（园）" in text and "联系电话" in text and "任期起止" in text
        assert f"第 {number} 页 共 {len(pages)} 页" in text
        if number > 1:
            assert "督学花名册（截至2026年11月2日）" in text
    everything = "\n".join(pages)
    names = serving_names(sqlite_db)
    assert len(names) == 100
    assert all(name in everything for name in names)


def test_staffing_shows_required_and_actual_inspectors_and_the_gaps(office, out_dir):
    figures = compliance(office, TODAY)
    text = flat("\n".join(pages_text(write(office, "staffing", out_dir))))
    assert f"应配{figures.required_inspectors}名" in text
    assert f"在任{figures.inspectors}名" in text
    assert f"专职{figures.full_time}名，占{figures.full_time_share:.0%}" in text
    assert f"未挂牌{len(figures.uncovered_schools)}所" in text
    for school in figures.uncovered_schools:
        assert school in text
    for zone in figures.zones:
        assert zone.name in text
    assert "合计" in text


def test_training_lists_each_inspectors_hours_against_the_requirement(office, out_dir):
    totals = training_summary(office, TODAY, 2026)
    text = flat("\n".join(pages_text(write(office, "training", out_dir))))
    assert "2026年度督学培训学时统计表" in text
    assert "2026年1月1日至2026年12月31日" in text
    for number, total in enumerate(totals, start=1):
        # the cells of a row come out in order: 序号, 姓名, 本年度学时, 应修学时
        assert f"{number}{total.name}{total.hours:g}{total.required}" in text
    met = sum(1 for t in totals if t.shortfall == 0)
    assert f"已完成{met}名" in text


def test_training_for_another_year_and_a_year_out_of_range(office, out_dir):
    text = pages_text(write(office, "training", out_dir, year=2025))[0]
    assert "2025年度" in text
    with pytest.raises(ValidationError, match="年度应在"):
        write(office, "training", out_dir, year=1999)


def test_terms_lists_expiring_terms_and_the_term_limit(office, out_dir):
    figures = compliance(office, TODAY)
    assert figures.terms_expiring and figures.term_limit_reached
    text = flat("\n".join(pages_text(write(office, "terms", out_dir))))
    for ending in figures.terms_expiring:
        assert ending.name in text
        assert f"{ending.end_date.isoformat()}{(ending.end_date - TODAY).days}" in text
    for name in figures.term_limit_reached:
        assert name in text
    assert "2026年11月2日至2027年1月31日" in text


# --- the sign ------------------------------------------------------------------------------


def covered_school(db: Database, kindergarten: bool = False):
    return next(
        s
        for s in school_rows(db, TODAY)
        if s.active and s.inspector and (s.kind == "kindergarten") == kindergarten
    )


def test_the_sign_of_one_school_shows_its_inspector_duties_and_items(office, out_dir):
    school = covered_school(office)
    inspector = next(r for r in inspector_rows(office, TODAY) if r.name == school.inspector)
    pages = pages_text(write(office, "sign", out_dir, school=school.name))
    assert len(pages) == 1
    text = flat(pages[0])
    for expected in (school.name, inspector.name, inspector.phone, OFFICE_NAME_DEMO):
        assert flat(expected) in text
    assert "监督电话" in text and "工作职责" in text and "主要督导事项" in text
    assert "不少于1次" in text
    for item in MAIN_ITEMS:
        assert flat(item) in text


def test_a_kindergartens_sign_uses_the_kindergarten_wording(office, out_dir):
    school = covered_school(office, kindergarten=True)
    text = flat(pages_text(write(office, "sign", out_dir, school=school.name))[0])
    for words in ("小学化", "校（园）风", "择校（园）", "保育和教育", "幼儿寝室"):
        assert words in text
    for school_words in ("、校风", "择校情况", "教育教学", "宿舍"):
        assert school_words not in text
    primary = flat(
        pages_text(write(office, "sign", out_dir, school=covered_school(office).name))[0]
    )
    assert "校风" in primary and "宿舍" in primary and "幼儿寝室" not in primary


def test_signs_for_every_covered_school_one_per_page_and_on_a3(office, out_dir):
    covered = [s for s in school_rows(office, TODAY) if s.active and s.inspector]
    reader = PdfReader(write(office, "sign", out_dir, paper="a3"))
    assert len(reader.pages) == len(covered) + 1 == 38
    # the last page names the active school left out, and why
    skipped = flat(reader.pages[-1].extract_text())
    assert "未制作公示牌的学校（园）" in skipped and "以下1所" in skipped
    assert "石桥乡张湾幼儿园" in skipped and "没有责任督学" in skipped
    assert "责任督学挂牌公示牌" not in skipped
    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert (round(width), round(height)) == (842, 1191)
    # each page: the title, then the school's name, then the photo frame and 责任督学 table
    printed = [
        flat(page.extract_text()).split("责任督学挂牌公示牌")[1].split("照片")[0]
        for page in reader.pages[:-1]
    ]
    assert sorted(printed) == sorted(s.name for s in covered)
    zones = [next(s.zone for s in covered if s.name == name) for name in printed]
    assert zones[0] == "城关责任区" and zones[-1] == "石桥片责任区"


def test_the_sign_prints_the_inspectors_photo_or_a_frame(office, out_dir, tmp_path):
    school = covered_school(office)
    inspector = next(r for r in inspector_rows(office, TODAY) if r.name == school.inspector)
    source = tmp_path / "photo.png"
    Image.new("RGBA", (300, 420), (200, 40, 40, 255)).save(source)
    stored = set_photo(office, inspector.id, source)
    path = write(office, "sign", out_dir, school=school.name)
    images = list(PdfReader(path).pages[0].images)
    assert len(images) == 1

    from db.paths import data_dir

    (data_dir() / stored).write_bytes(b"\x89PNG\r\n\x1a\n broken")
    path = write(office, "sign", out_dir, school=school.name)
    assert not list(PdfReader(path).pages[0].images)
    assert "照片" in flat(pages_text(path)[0])


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("不存在的学校", "没有名为“不存在的学校”的学校"),
        ("石桥乡张湾幼儿园", "目前没有责任督学"),
    ],
)
def test_a_sign_for_an_unknown_or_uncovered_school_is_refused(office, out_dir, name, message):
    assert name in compliance(office, TODAY).uncovered_schools or "不存在" in name
    with pytest.raises(ValidationError, match=message):
        write(office, "sign", out_dir, school=name)
    assert not list(out_dir.iterdir())


def test_a_sign_for_a_closed_school_is_refused(office, out_dir):
    school = covered_school(office)
    set_schools_active(office, [school.id], False, TODAY)
    with pytest.raises(ValidationError, match="已停用"):
        write(office, "sign", out_dir, school=f"  {school.name} ")


def test_signs_need_a_covered_school(sqlite_db, out_dir):
    with pytest.raises(ValidationError, match="没有已挂牌的学校"):
        write(sqlite_db, "sign", out_dir)


# --- options -------------------------------------------------------------------------------


def test_options_a_kind_does_not_use_are_ignored(office, out_dir):
    path = write(office, "roster", out_dir, month="乱写", year=1, school="无此校", zone="无此区")
    assert "督学花名册" in pages_text(path)[0]


def test_bad_options_are_refused_in_chinese_and_leave_the_old_file(office, out_dir):
    with pytest.raises(ValidationError, match="没有“schedule-x”这种报表"):
        write(office, "schedule-x", out_dir)
    with pytest.raises(ValidationError, match="文件夹不存在"):
        write_report(office, "roster", out_dir / "no" / "x.pdf", today=TODAY)
    with pytest.raises(ValidationError, match="是文件夹"):
        write_report(office, "roster", out_dir, today=TODAY)
    existing = out_dir / "sign.pdf"
    existing.write_bytes(b"old")
    with pytest.raises(ValidationError, match="纸张应为 A4 或 A3"):
        write(office, "sign", out_dir, paper="B5")
    assert existing.read_bytes() == b"old"


def test_reports_of_an_empty_office_say_so(sqlite_db, out_dir):
    for kind in ("roster", "staffing", "training", "terms", "schedule", "visit-form", "annual"):
        assert pages_text(write(sqlite_db, kind, out_dir))
    for kind in ("checklist", "campaign"):
        with pytest.raises(ValidationError, match=r"迎检工作|请指定学校"):
            write(sqlite_db, kind, out_dir)


# --- hostile strings -----------------------------------------------------------------------


@needs_poppler
def test_hostile_names_print_literally_without_error(office, out_dir):
    long_school = "青溪县" + "很长的学校名称" * 42 + "小学"
    long_unit = "单位" * 150
    assert len(long_school) > 300 - 10 and len(long_unit) == 300
    strange = save_school(office, SchoolInput(name=f"{HOSTILE}{RARE}", zone="城关责任区"))
    with office.session() as session:
        big = School(name=long_school, kind="primary", enrolment=100, active=True)
        session.add(big)
        session.flush()
        big_id = big.id
    inspector_id = save_inspector(
        office,
        InspectorInput(name=f"<i>王{RARE}明</i>", unit=long_unit, post="<br/>"),
        appoint_from=date(2026, 9, 1),
    )
    assign_schools(office, inspector_id, [strange, big_id], date(2026, 9, 1))
    with office.session() as session:
        # an emoji is refused in names now, but one stored by an earlier version still prints
        session.get(School, strange).name = f"{HOSTILE}{EMOJI}{RARE}"
        inspector = session.get(Inspector, inspector_id)
        inspector.name = f"<i>王{RARE}明</i>{EMOJI}"
        inspector.unit = long_unit + "&amp;"

    texts = {}
    for kind in ROSTER_KINDS:
        path = write(office, kind, out_dir)
        assert_fonts_embedded(path)
        texts[kind] = "\n".join(pages_text(path))
    roster = flat(texts["roster"])
    assert "<b>&</b>实验小学" in roster
    name = printed(f"<i>王{RARE}明</i>{EMOJI}")
    assert name in roster
    assert roster.count("很长的学校名称") >= 40  # split over two pages
    assert roster.count("单位") >= 150 and "单位&amp;" in roster
    assert "<br/>" in roster
    assert name in flat(texts["training"])

    sign = write(office, "sign", out_dir, school=f"{HOSTILE}{EMOJI}{RARE}")
    text = flat(pages_text(sign)[0])
    assert printed(f"{HOSTILE}{EMOJI}{RARE}") in text
    assert name in text
    assert f"{long_unit}&amp;<br/>" in text
    long_sign = write(office, "sign", out_dir, school=long_school)
    assert len(PdfReader(long_sign).pages) == 1
    assert flat(long_school) in flat(pages_text(long_sign)[0])
    assert_renders(long_sign, out_dir)

    annual = write(office, "annual", out_dir)
    assert_fonts_embedded(annual)
    text = flat("\n".join(pages_text(annual)))
    assert printed(f"{HOSTILE}{EMOJI}{RARE}") in text and name in text
    assert text.count("很长的学校名称") >= 40

    campaign = f"{HOSTILE}迎检{EMOJI}"
    work = add_campaign(office, TODAY, name=campaign)
    items = [r.id for r in checklist_rows(office, work.campaign_id, TODAY, strange)]
    update_items(office, items[:2], ItemChange(status=ItemStatus.FILED.value, box_no="<b>1</b>",
                 location="&lt;柜" * 40, note=f"<br/>{RARE}{EMOJI}", responsible="<i>"),
                 TODAY)  # fmt: skip
    checklist = write(office, "checklist", out_dir, school=f"{HOSTILE}{EMOJI}{RARE}")
    assert_fonts_embedded(checklist)
    text = flat("\n".join(pages_text(checklist)))
    assert f"迎检工作：{printed(campaign)}" in text
    assert f"学校（园）：{printed(f'{HOSTILE}{EMOJI}{RARE}')}" in text
    assert "<i>" in text and "<b>1</b>" in text and f"<br/>{printed(RARE + EMOJI)}" in text
    assert text.count("&lt;柜") == 80
    long_list = write(office, "checklist", out_dir, school=long_school)
    assert flat(long_school) in flat(pages_text(long_list)[0])
    assert_renders(long_list, out_dir)
    progress = write(office, "campaign", out_dir, campaign=campaign)
    assert_fonts_embedded(progress)
    text = flat("\n".join(pages_text(progress)))
    assert printed(f"{HOSTILE}{EMOJI}{RARE}") in text and text.count("很长的学校名称") >= 40
    assert_renders(progress, out_dir)


@needs_poppler
def test_long_writing_in_a_visit_form_prints_whole_over_pages(db, out_dir):
    """2,000 characters in each of the record's four writing rows: each row goes to a page of
    its own when it fits one, all of every text prints, and no page is left without a row."""
    create_demo(db, "office", TODAY)
    work = add_visit_work(db, TODAY)
    sentence = "操场东侧围墙多处开裂，存在安全隐患，须设置警示标志并限期维修；"
    texts = {
        name: (f"{label}：{sentence}" * 70)[:2000]
        for name, label in (("findings", "发现"), ("problems", "问题"), ("advice", "建议"),
                            ("feedback", "反馈"))
    }  # fmt: skip
    with db.session() as session:
        record = session.get(Visit, work.done_visit).record
        for name, text in texts.items():
            setattr(record, name, text)
    path = write(db, "visit-form", out_dir, visit=work.done_visit)
    pages = pages_text(path)
    for text in texts.values():
        assert sum(spread(pages, text)) == len(flat(text))
    for page in pages[1:]:
        assert any(flat(text)[:50] in flat(page) for text in texts.values()) or "督学签字" in page
    assert_renders(path, out_dir)


# --- report settings -----------------------------------------------------------------------


def test_report_settings_are_stored_validated_and_printed(office, out_dir):
    with office.session() as session:
        assert load_report_settings(session) == ReportSettings()
    saved = save_report_settings(
        office,
        notice_prefix=" 青督整 ",
        signature="青溪县  教育督导委员会办公室",
        seal="",
        supervision_prefix=" 青督办 ",
    )
    assert saved == ReportSettings("青督整", "青溪县 教育督导委员会办公室", "", "青督办")
    with office.session() as session:
        assert load_report_settings(session) == saved
    assert saved.notice_number(2026, 3) == "青督整〔2026〕3号"
    assert saved.supervision_number(2026, 3) == "青督办〔2026〕3号"
    text = pages_text(write(office, "staffing", out_dir))[-1]
    assert "青溪县 教育督导委员会办公室" in text
    assert "（盖章）" not in text

    with pytest.raises(ValidationError) as refused:
        save_report_settings(
            office,
            notice_prefix="青督〔整〕",
            signature="字" * 61,
            seal="章" * 31,
            supervision_prefix="督 办",
        )
    fields = ["notice_prefix", "supervision_prefix", "signature", "seal"]
    assert [e.field for e in refused.value.errors] == fields
    assert "括号" in refused.value.messages()[0]
    assert refused.value.messages()[1].startswith("“督办通知文号前缀”不能含空格")
    with pytest.raises(ValidationError, match="“文号前缀”不能为空"):
        save_report_settings(
            office, notice_prefix="  ", signature="", seal="", supervision_prefix="督办"
        )
    with pytest.raises(ValidationError, match="“督办通知文号前缀”不能为空"):
        save_report_settings(
            office, notice_prefix="督整", signature="", seal="", supervision_prefix=""
        )
    with office.session() as session:
        assert load_report_settings(session) == saved


def test_office_and_report_settings_are_checked_together_and_saved_together(db):
    policy = PolicyProfile().with_changes(schools_per_inspector=6)
    with pytest.raises(ValidationError) as refused:
        save_office_and_report_settings(
            db,
            office_name="",
            policy=policy.with_changes(term_years=0),
            report=ReportSettings("督〔整〕", "", ""),
        )
    fields = [e.field for e in refused.value.errors]
    assert fields[0] == "office_name" and fields[-1] == "notice_prefix" and len(fields) == 3
    assert load_policy(db) == PolicyProfile()
    with db.session() as session:
        assert load_report_settings(session) == ReportSettings()

    name, stored = save_office_and_report_settings(
        db,
        office_name=" 青溪县  督导室 ",
        policy=policy,
        report=ReportSettings(" 青督整 ", "青溪县 督导委员会", " （印） "),
    )
    assert (name, stored) == (
        "青溪县 督导室",
        ReportSettings("青督整", "青溪县 督导委员会", "（印）"),
    )
    assert load_policy(db) == policy
    with db.session() as session:
        assert load_report_settings(session) == stored


def test_typesetting_reports_progress_and_a_cancel_leaves_no_file(office, out_dir):
    out = out_dir / "signs.pdf"
    seen: list[tuple[int, int]] = []

    def cancel_halfway(done: int, total: int, _what: str) -> None:
        seen.append((done, total))
        if done * 2 >= total:
            raise Cancelled

    with reporting_to(cancel_halfway), pytest.raises(Cancelled):
        write_report(office, "sign", out, today=TODAY)
    assert list(out_dir.iterdir()) == [], "no PDF, not even a partial one"
    assert seen[-1][1] > 1 and [d for d, _ in seen] == sorted(d for d, _ in seen)

    seen.clear()
    with reporting_to(lambda done, total, _what: seen.append((done, total))):
        write_report(office, "sign", out, today=TODAY)
    assert out.exists() and seen[-1][0] == seen[-1][1]
