"""Finding in lists and pickers as the clerk types: anywhere in the name, several words, pinyin;
Chinese names in pinyin order."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit

from gui.widgets.forms import make_searchable
from gui.widgets.list_page import ListPage
from gui.widgets.table_model import Column


@dataclass(frozen=True)
class Row:
    id: int
    name: str
    inspector: str


class Page(ListPage):
    def refresh(self, changes=None) -> None:
        """Rows come from the test."""


ROWS = [
    Row(1, "青溪县城关中学", "唐亮"),
    Row(2, "青溪县城关镇中心小学", "傅红"),
    Row(3, "青溪县白沙小学", "程勇"),
    Row(4, "青溪县阳光幼儿园", "胡敏"),
]


def _page(qtbot) -> Page:
    page = Page(
        "学校",
        [Column("学校名称", lambda r: r.name), Column("责任督学", lambda r: r.inspector)],
    )
    qtbot.addWidget(page)
    page.resize(900, 600)
    page.show()
    page.set_rows(ROWS)
    return page


def type_chinese(box: QLineEdit, text: str) -> None:
    """Type ``text`` as an input method commits it (key clicks carry Latin letters only)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(box, event)


def _shown(page: Page) -> list[str]:
    return [row.name for row in page.visible_rows()]


def test_typing_pinyin_or_several_words_filters_the_list(qtbot):
    page = _page(qtbot)
    qtbot.keyClicks(page.filter_box, "cgzx")
    assert _shown(page) == ["青溪县城关中学"]
    assert page.count_label.text().startswith("1")
    page.filter_box.setText("chengguan")
    assert sorted(_shown(page)) == ["青溪县城关中学", "青溪县城关镇中心小学"]
    page.filter_box.clear()
    type_chinese(page.filter_box, "小学 城关")
    assert _shown(page) == ["青溪县城关镇中心小学"]
    page.filter_box.setText("fuhong")  # the inspector's column counts too
    assert _shown(page) == ["青溪县城关镇中心小学"]
    page.filter_box.clear()
    assert len(_shown(page)) == 4


def test_clicking_a_header_sorts_chinese_names_by_pinyin(qtbot):
    page = _page(qtbot)
    page.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    assert [row.inspector for row in page.visible_rows()] == ["程勇", "傅红", "胡敏", "唐亮"]
    page.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert _shown(page)[0] == "青溪县白沙小学"


def test_a_school_picker_finds_by_part_of_the_name_and_by_pinyin(qtbot):
    combo = QComboBox()
    qtbot.addWidget(combo)
    combo.addItem("（无）", 0)
    for row in ROWS:
        combo.addItem(row.name, row.id)
    make_searchable(combo)
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "（无）",
        "青溪县白沙小学",
        "青溪县城关镇中心小学",  # zhen before zhong
        "青溪县城关中学",
        "青溪县阳光幼儿园",
    ]
    combo.show()
    qtbot.waitExposed(combo)

    combo.lineEdit().clear()
    type_chinese(combo.lineEdit(), "城关中学")
    popup = combo.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    offered = [popup.model().index(r, 0).data() for r in range(popup.model().rowCount())]
    assert offered == ["青溪县城关中学"]

    combo.lineEdit().clear()
    qtbot.keyClicks(combo.lineEdit(), "cg")
    offered = [popup.model().index(r, 0).data() for r in range(popup.model().rowCount())]
    assert offered == ["青溪县城关镇中心小学", "青溪县城关中学"]
    popup.setCurrentIndex(popup.model().index(0, 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert combo.currentData() == 2
    assert combo.currentText() == "青溪县城关镇中心小学"
