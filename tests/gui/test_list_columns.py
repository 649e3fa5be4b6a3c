"""A list's columns are sized once, from the header and a sample of the first rows shown, so a
county's thousands of rows do not freeze the window when a page is first shown."""

from __future__ import annotations

from dataclasses import dataclass

from gui.widgets.list_page import SIZING_SAMPLE, ListPage
from gui.widgets.table_model import Column


@dataclass(frozen=True)
class Row:
    id: int
    name: str
    note: str


class Page(ListPage):
    def refresh(self, changes=None) -> None:
        """Rows come from the test."""


def test_columns_fit_the_header_and_the_sampled_rows_only(qtbot):
    page = Page(
        "督导记录",
        [
            Column("学校名称（全称）", lambda r: r.name, sort=lambda r: r.id),
            Column("备注", lambda r: r.note),
        ],
    )
    qtbot.addWidget(page)
    page.resize(900, 600)
    page.show()
    rows = [
        Row(i, "学校" if i != 3 else "青溪县城关镇第一中心小学附属幼儿园", "") for i in range(2000)
    ]
    rows[SIZING_SAMPLE + 500] = Row(SIZING_SAMPLE + 500, "很" * 200, "")
    page.set_rows(rows)
    table = page.table
    header = table.horizontalHeader()
    assert header.resizeContentsPrecision() == SIZING_SAMPLE
    metrics = table.fontMetrics()
    assert table.columnWidth(0) >= header.sectionSizeHint(0)
    assert table.columnWidth(0) >= metrics.horizontalAdvance(rows[3].name)
    # A row beyond the sample does not widen the column.
    assert table.columnWidth(0) < metrics.horizontalAdvance(rows[SIZING_SAMPLE + 500].name)
