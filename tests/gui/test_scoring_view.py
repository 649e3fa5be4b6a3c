"""The 评分 tab as the clerk uses it: a campaign without a sheet loads the shipped 100-point
school evaluation sheet, scores typed for two schools give their group totals, totals and ranks,
points outside an indicator's range are refused in Chinese with nothing saved, and the sheet
editor names the row it refuses."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from sqlalchemy import select

from core.archive.campaigns import CampaignInput, create_campaign, default_phases
from core.archive.scoring import IndicatorInput, indicator_rows, score_table, set_indicators
from core.roster.schools import SchoolInput, save_school
from db.engine import Database
from db.models import Score
from gui.pages.archives.scoring_view import ScoringView
from gui.worker import DbWorker
from tests.gui.roster_helpers import closed, drain, press_ok, settle

SCHOOLS = ("城关第一小学", "河口小学", "城关中学")


@pytest.fixture
def campaign(sqlite_db: Database) -> dict[str, int]:
    """A running campaign of three schools, with no evaluation sheet yet."""
    ids = {name: save_school(sqlite_db, SchoolInput(name=name)) for name in SCHOOLS}
    ids["campaign"] = create_campaign(
        sqlite_db,
        CampaignInput(
            name="2026年义务教育优质均衡迎检",
            kind="balanced",
            started_on=date(2026, 9, 1),
            phases=default_phases(date(2026, 9, 1)),
            school_ids=tuple(ids[name] for name in SCHOOLS),
            template_ids=(),
        ),
    )
    return ids


@pytest.fixture
def view(qtbot, sqlite_db: Database, dialog_log) -> Iterator[ScoringView]:
    """The scoring tab, shown, with no campaign chosen."""
    tab = ScoringView(sqlite_db, DbWorker())
    qtbot.addWidget(tab)
    tab.resize(1280, 700)
    tab.show()
    yield tab
    drain(tab.worker)


def cell(view: ScoringView, school: str, column: int):
    """The grid's index (in the view's order) of a school's row and a column."""
    for row in range(view.proxy.rowCount()):
        if view.proxy.index(row, 0).data() == school:
            return view.proxy.index(row, column)
    raise AssertionError(f"{school} is not in the grid")


def column_of(view: ScoringView, name: str) -> int:
    """The grid column of the indicator named ``name``."""
    for number, column in enumerate(view.model.columns):
        if column.indicator is not None and column.indicator.name == name:
            return number
    raise AssertionError(name)


def enter(view: ScoringView, qtbot, school: str, indicator: str, text: str) -> None:
    view.proxy.setData(cell(view, school, column_of(view, indicator)), text)
    settle(view, qtbot)


def load_sheet(view: ScoringView, campaign, qtbot) -> None:
    view.set_campaign(campaign["campaign"])
    qtbot.waitUntil(lambda: view.load_button.isEnabled(), timeout=10_000)
    assert view.stack.currentIndex() == 0
    qtbot.mouseClick(view.load_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.stack.currentIndex() == 1, timeout=10_000)
    settle(view, qtbot)


def test_without_a_campaign_nothing_is_offered(view, qtbot):
    view.set_campaign(None)
    assert view.stack.currentIndex() == 0
    assert not view.load_button.isVisible()


def test_scores_give_group_totals_totals_and_ranks(
    view, campaign, sqlite_db, qtbot, qtmodeltester, dialog_log
):
    load_sheet(view, campaign, qtbot)
    model = view.model
    assert len(indicator_rows(sqlite_db, campaign["campaign"])) == 24
    # School, 24 indicators, 4 group subtotals, total, rank.
    assert model.columnCount() == 1 + 24 + 4 + 2
    assert "学校管理" in model.headerData(1, Qt.Orientation.Horizontal)
    assert "(3)" in model.headerData(1, Qt.Orientation.Horizontal)
    assert "±3" in model.headerData(24, Qt.Orientation.Horizontal)
    qtmodeltester.check(model)

    enter(view, qtbot, "河口小学", "学校党建", "2.5")
    enter(view, qtbot, "河口小学", "教学质量", "6")
    enter(view, qtbot, "城关第一小学", "学校党建", "3")
    enter(view, qtbot, "城关第一小学", "教学质量", "7.5")
    enter(view, qtbot, "城关第一小学", "表彰奖励及违规事项", "-1")

    total, rank = model.columnCount() - 2, model.columnCount() - 1
    school_group = 25
    assert cell(view, "城关第一小学", total).data() == "9.5"
    assert cell(view, "城关第一小学", school_group).data() == "3"
    assert cell(view, "城关第一小学", rank).data() == "1"
    assert cell(view, "河口小学", total).data() == "8.5"
    assert cell(view, "河口小学", rank).data() == "2"
    assert cell(view, "城关中学", rank).data() == ""
    ranked = score_table(sqlite_db, campaign["campaign"]).schools
    assert [(s.school, s.total, s.rank) for s in ranked][:2] == [
        ("城关第一小学", 9.5, 1),
        ("河口小学", 8.5, 2),
    ]
    assert dialog_log.messages("warn") == []

    # A better score for 河口小学 changes the ranking at once.
    enter(view, qtbot, "河口小学", "教学质量", "8")
    assert cell(view, "河口小学", rank).data() == "1"
    assert cell(view, "城关第一小学", rank).data() == "2"

    # Emptying a cell clears the score.
    enter(view, qtbot, "城关第一小学", "表彰奖励及违规事项", "")
    assert cell(view, "城关第一小学", total).data() == "10.5"
    qtmodeltester.check(model)


def test_points_outside_the_range_are_refused_and_the_cell_goes_back(
    view, campaign, sqlite_db, qtbot, dialog_log
):
    load_sheet(view, campaign, qtbot)
    enter(view, qtbot, "河口小学", "安全管理", "2")
    assert dialog_log.messages("warn") == []

    enter(view, qtbot, "河口小学", "安全管理", "4")

    (warning,) = dialog_log.messages("warn")
    assert "河口小学" in warning
    assert "超出范围" in warning
    assert cell(view, "河口小学", column_of(view, "安全管理")).data() == "2"
    with sqlite_db.session() as session:
        assert list(session.scalars(select(Score.points))) == [2.0]


def test_scores_are_typed_into_the_grid(view, campaign, sqlite_db, qtbot):
    load_sheet(view, campaign, qtbot)
    index = cell(view, "城关中学", column_of(view, "教学管理"))
    view.grid.setCurrentIndex(index)
    view.grid.edit(index)
    editor = view.grid.viewport().findChild(QLineEdit)
    assert editor is not None
    qtbot.keyClicks(editor, "5.5")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next event loop turn
    qtbot.waitUntil(lambda: index.data() == "5.5", timeout=10_000)
    settle(view, qtbot)

    with sqlite_db.session() as session:
        assert list(session.scalars(select(Score.points))) == [5.5]


def test_the_sheet_editor_names_the_row_it_refuses(view, campaign, sqlite_db, qtbot):
    set_indicators(
        sqlite_db,
        campaign["campaign"],
        [IndicatorInput("学校管理", "安全管理", 5), IndicatorInput("学校管理", "档案管理", 3)],
    )
    view.set_campaign(campaign["campaign"])
    qtbot.waitUntil(lambda: view.stack.currentIndex() == 1, timeout=10_000)
    view.edit_indicators()
    dialog = view.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    dialog.sheet.select_row(1)
    dialog.sheet.add_row_below()  # third row, no name yet
    assert dialog.model.rows[2].group == "学校管理"

    press_ok(dialog, qtbot)

    assert dialog.isVisible()
    assert "第 3 项" in dialog.errors.text()
    assert dialog.model.marked == {2}
    assert len(indicator_rows(sqlite_db, campaign["campaign"])) == 2

    dialog.model.setData(dialog.model.index(2, 1), "家校共育")
    dialog.model.setData(dialog.model.index(2, 2), 2.0)
    press_ok(dialog, qtbot)
    assert closed(dialog)
    settle(view, qtbot)
    assert [i.name for i in indicator_rows(sqlite_db, campaign["campaign"])] == [
        "安全管理",
        "档案管理",
        "家校共育",
    ]
    assert view.model.columnCount() == 1 + 3 + 1 + 2
