"""Text on the printed paper: user strings are escaped so markup prints literally, control
characters vanish, long text wraps inside its column (a row taller than a page is split), a
character no font has — emoji, rare CJK — prints as its code ([U+1F600]) and is noted, rare
characters come from a rare-character font in the font folders; a missing or broken office font
falls back to the bundled one, and a face lacking a character borrows it."""

from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from core.reports.document import PageFrame, Report, clean, cn_date, escape_text, iso
from core.reports.fonts import (
    WINDOWS_BODY,
    WINDOWS_TITLE,
    missing_warning,
    noting_missing,
    report_fonts,
)

TODAY = date(2026, 11, 2)
HOSTILE = "<b>&</b>实验小学"
RARE = "\U00020000"  # 𠀀, CJK Extension B
EMOJI = "\U0001f600"  # 😀


def pages_text(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def flat(text: str) -> str:
    return "".join(text.split())


def small_report(**frame: object) -> Report:
    fields: dict = {"office": "测试督导室", "title": "测试报表", "period": "截至今天"}
    fields.update(frame)
    return Report(PageFrame(printed_on=TODAY, **fields))


# --- escaping ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "markup"),
    [
        (HOSTILE, "&lt;b&gt;&amp;&lt;/b&gt;实验小学"),
        ("a & b", "a &amp; b"),
        ("第一行\n第二行", "第一行<br/>第二行"),
        ("回车\r\n换行\r", "回车<br/>换行<br/>"),
        ("制表\t符", "制表 符"),
        ("控制\x00\x07\x1b字符", "控制字符"),
        ("断开的\ud800代理", "断开的代理"),
        (None, ""),
        (42, "42"),
    ],
)
def test_escape_text_makes_any_value_safe_paragraph_markup(value, markup):
    assert escape_text(value) == markup


def test_clean_keeps_line_breaks_and_drops_only_control_characters():
    assert clean("甲\n乙\x0b丙😀") == "甲\n乙丙😀"


def test_dates_print_as_office_text_and_in_cells():
    assert cn_date(date(2026, 1, 5)) == "2026年1月5日"
    assert iso(date(2026, 1, 5)) == "2026-01-05"
    assert iso(None) == "—"


# --- fonts ---------------------------------------------------------------------------------


def test_the_bundled_font_fills_every_role_where_there_are_no_office_fonts(tmp_path):
    fonts = report_fonts([tmp_path])
    assert fonts.body == fonts.title == fonts.fangsong
    assert fonts.fallbacks == (fonts.body,)
    assert fonts.has(fonts.body, "督")


def test_a_character_no_font_has_prints_as_its_code_and_is_noted(tmp_path):
    fonts = report_fonts([tmp_path])
    with noting_missing() as missing:
        runs = fonts.runs(f"王{RARE}明 {EMOJI}", fonts.body)
    assert runs == [(fonts.body, "王[U+20000]明 [U+1F600]")]
    assert missing == {RARE, EMOJI}
    assert missing_warning(missing) == (
        "注意：没有字体能显示字符 “\U0001f600”（U+1F600）、“\U00020000”（U+20000），"
        "报表中已印为其编码（[U+…]）。"
    )
    assert missing_warning(set()) == ""


def test_rare_characters_are_drawn_with_a_rare_font_found_in_the_font_folders(tmp_path):
    found = [
        Path(root) / name
        for root, _dirs, files in os.walk("/usr/share/fonts")
        for name in files
        if name in ("HanaMinA.ttf", "HanaMinB.ttf")
    ]
    if len(found) < 2:
        pytest.skip("needs the Hanazono fonts (Debian package fonts-hanazono)")
    nested = tmp_path / "hanazono"
    nested.mkdir()
    for path in found:
        (nested / path.name).symlink_to(path)
    fonts = report_fonts([tmp_path])
    bundled = fonts.body
    runs = fonts.runs("吉田𠮷野㵘水", bundled)
    assert runs[0] == (bundled, "吉田")
    assert "".join(text for _face, text in runs) == "吉田𠮷野㵘水"
    assert {face for face, _text in runs} - {bundled}  # the rare ones come from another font
    report = Report(PageFrame("督导室", "报表", "今天", TODAY), fonts)
    report.paragraph("吉田𠮷野㵘水")
    assert "吉田𠮷野㵘水" in pages_text(report.write(tmp_path / "rare.pdf"))[0]


def test_a_broken_office_font_is_skipped_and_the_bundled_font_used(tmp_path):
    (tmp_path / WINDOWS_TITLE[0]).write_bytes(b"not a font at all" * 100)
    (tmp_path / WINDOWS_BODY[0]).write_bytes(b"")
    fonts = report_fonts([tmp_path])
    bundled = report_fonts([tmp_path / "nothing"])
    assert fonts.title == fonts.body == bundled.body


def test_an_office_font_is_preferred_and_its_missing_characters_borrowed(tmp_path):
    latin = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    if not latin.is_file():
        pytest.skip("needs a Latin-only TrueType font (DejaVu Sans)")
    shutil.copyfile(latin, tmp_path / WINDOWS_BODY[0])
    fonts = report_fonts([tmp_path])
    bundled = report_fonts([tmp_path / "nothing"]).body
    assert fonts.body != bundled
    assert fonts.title == bundled  # no 黑体 in the folder
    assert fonts.runs("Room 学校 1", fonts.body) == [
        (fonts.body, "Room "),
        (bundled, "学校"),
        (fonts.body, " 1"),
    ]
    report = Report(PageFrame("督导室", "报表", "今天", TODAY), fonts)
    report.paragraph("Room 学校 1")
    out = report.write(tmp_path / "mixed.pdf")
    assert "学校" in pages_text(out)[0]


# --- paragraphs and tables -----------------------------------------------------------------


def test_markup_and_unprintable_characters_print_literally_without_error(tmp_path):
    report = small_report(office=f"{HOSTILE}督导室{EMOJI}", title=f"报表{RARE}")
    report.title_block(f"摘要 {HOSTILE} {EMOJI}{RARE}")
    report.table(["名称", "说明"], [[HOSTILE, f"{EMOJI}{RARE}\n第二行"]], [1, 1])
    text = pages_text(report.write(tmp_path / "hostile.pdf"))[0]
    assert text.count("<b>&</b>") >= 3
    assert "第二行" in text


def test_a_long_name_wraps_inside_its_column_and_the_columns_fill_the_frame(tmp_path):
    long_name = "青溪县" + "很长的名字" * 60 + "小学"
    report = small_report()
    report.table(["序号", "名称"], [["1", long_name], ["2", "x" * 300]], [1, 3])
    grid = report.story[-2]
    assert sum(grid._colWidths) == pytest.approx(report.width)
    width, height = grid.wrap(report.width, report.height)
    assert width == pytest.approx(report.width)
    assert height > 10 * report.styles["cell"].leading
    text = flat(pages_text(report.write(tmp_path / "long.pdf"))[0])
    assert flat(long_name) in text
    assert "x" * 300 in text


def test_a_row_taller_than_a_page_is_split_across_pages(tmp_path):
    report = small_report()
    report.table(["序号", "名称"], [["1", "很长" * 1500]], [1, 1])
    reader = PdfReader(report.write(tmp_path / "tall.pdf"))
    assert len(reader.pages) >= 2
    assert "名称" in reader.pages[1].extract_text()


def test_a_row_that_fits_on_a_page_moves_whole_to_the_next_one(tmp_path):
    report = small_report()
    rows = [[str(n), f"短行{n}"] for n in range(30)] + [["30", "高行" * 700]]
    report.table(["序号", "名称"], rows, [1, 3])
    pages = pages_text(report.write(tmp_path / "moved.pdf"))
    assert len(pages) == 2
    assert pages[0].count("名称") == 1  # no second header row further down the page
    assert "高行" not in pages[0]
    assert flat(pages[1]).count("高行") == 700


def test_every_page_is_numbered_and_later_pages_have_the_running_header(tmp_path):
    report = small_report(period="2026年1月1日至2026年12月31日")
    report.title_block()
    report.table(["序号", "内容"], [[str(n), f"第{n}行"] for n in range(120)], [1, 4])
    pages = pages_text(report.write(tmp_path / "numbered.pdf"))
    assert len(pages) >= 3
    for number, text in enumerate(pages, start=1):
        assert f"第 {number} 页 共 {len(pages)} 页" in text
        assert "测试督导室" in text
        assert "测试报表" in text
        assert "2026年1月1日至2026年12月31日" in text
        assert f"打印日期：{cn_date(TODAY)}" in text
        assert "内容" in text  # the header row on every page


def test_an_office_name_too_long_for_the_header_line_still_prints(tmp_path):
    report = small_report(office="很长的单位名称" * 9, title="标题" * 20)
    report.table(["序号"], [[str(n)] for n in range(80)], [1])
    pages = pages_text(report.write(tmp_path / "narrow.pdf"))
    assert "很长的单位名称" in pages[1]


def test_a_failed_build_leaves_an_existing_file_alone(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    out = folder / "old.pdf"
    out.write_bytes(b"old")
    report = small_report()
    report.table(["a"], [["1"]], [1])
    report.story.append(object())  # not a flowable: the build fails
    with pytest.raises(AttributeError):
        report.write(out)
    assert out.read_bytes() == b"old"
    assert [p.name for p in folder.iterdir()] == ["old.pdf"]


def test_column_weights_must_match_the_headers():
    with pytest.raises(ValueError, match="one weight per column"):
        small_report().table(["a", "b"], [], [1])


def test_on_the_document_grid_no_line_starts_with_closing_marks_even_two_of_them():
    from core.reports.official import NO_START, grid_lines

    for filler in range(1, 29):
        text = "督" * filler + "（胡磊军、曾金静）。共安排督导"
        lines = grid_lines(text, 28, 2)
        assert "".join(lines) == text
        assert all(line[0] not in NO_START for line in lines), lines
