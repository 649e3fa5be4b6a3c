"""A name with a character no font prints — an emoji, a private-use character — is refused on
both engines when it is typed and when it is imported, naming the field (and the sheet's row and
column) and the character; the rare characters of real names (𠮷, 㵘) are taken."""

from __future__ import annotations

import pytest

from core.errors import ValidationError
from core.roster.inspectors import InspectorInput, save_inspector
from core.roster.schools import SchoolInput, save_school, save_zone
from db.models import Inspector, School, Zone
from tests.db.test_import_export import count, import_file, problems_of, write_sheet


def _refusal(call) -> list[str]:
    with pytest.raises(ValidationError) as excinfo:
        call()
    return [e.message for e in excinfo.value.errors]


def test_an_emoji_in_a_name_is_refused_when_saved_and_nothing_is_stored(db):
    assert _refusal(lambda: save_inspector(db, InspectorInput(name="王😀军"))) == [
        "“姓名”中的字符“😀”（U+1F600）无法打印，请删去或改用常用字"
    ]
    assert _refusal(lambda: save_school(db, SchoolInput(name="青溪\ue000小学"))) == [
        "“学校名称”中的字符“\ue000”（U+E000）无法打印，请删去或改用常用字"
    ]
    assert _refusal(lambda: save_school(db, SchoolInput(name="青溪小学", principal="李🙂"))) == [
        "“校（园）长”中的字符“🙂”（U+1F642）无法打印，请删去或改用常用字"
    ]
    assert _refusal(lambda: save_zone(db, "城关⚽片")) == [
        "“责任区名称”中的字符“⚽”（U+26BD）无法打印，请删去或改用常用字"
    ]
    assert (count(db, Inspector), count(db, School), count(db, Zone)) == (0, 0, 0)


def test_the_rare_characters_of_real_names_are_taken(db):
    save_inspector(db, InspectorInput(name="𠮷㵘·阿依古丽"))
    save_school(db, SchoolInput(name="青溪县𠮷祥小学", principal="王㵘"))
    assert (count(db, Inspector), count(db, School)) == (1, 1)


def test_an_import_names_the_row_column_and_character_and_saves_nothing(db, tmp_path):
    schools = write_sheet(
        tmp_path / "学校.xlsx",
        ["学校名称", "学校类别"],
        [["青溪县实验小学", "小学"], ["青溪🏫小学", "小学"]],
    )
    assert problems_of(db, "schools", schools) == [
        "工作表“Sheet1”第 4 行 A 列（学校名称）：字符“🏫”（U+1F3EB）无法打印，请删去或改用常用字"
    ]
    inspectors = write_sheet(
        tmp_path / "督学.xlsx", ["序号", "姓名"], [[1, "张三"], [2, "李\ue001四"]]
    )
    assert problems_of(db, "inspectors", inspectors) == [
        "工作表“Sheet1”第 4 行 B 列（姓名）：字符“\ue001”（U+E001）无法打印，请删去或改用常用字"
    ]
    assert (count(db, Inspector), count(db, School)) == (0, 0)
    import_file(db, "inspectors", write_sheet(tmp_path / "好.xlsx", ["姓名"], [["王𠮷"]]))
    assert count(db, Inspector) == 1
