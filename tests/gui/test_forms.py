"""Shared form widgets."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QPoint, Qt

from gui.widgets.forms import DateField


def _open_popup(field: DateField, qtbot) -> None:
    field.resize(160, 30)
    field.show()
    qtbot.waitExposed(field)
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton, pos=QPoint(150, 15))


def test_an_empty_optional_date_opens_its_calendar_on_this_month(qtbot):
    field = DateField(optional=True)
    qtbot.addWidget(field)
    _open_popup(field, qtbot)
    calendar = field.calendarWidget()
    today = QDate.currentDate()
    assert calendar.isVisible()
    assert (calendar.yearShown(), calendar.monthShown()) == (today.year(), today.month())
    assert field.value() is None


def test_a_filled_date_opens_its_calendar_on_its_own_month(qtbot):
    field = DateField(optional=True)
    qtbot.addWidget(field)
    field.set_value(date(2021, 3, 9))
    _open_popup(field, qtbot)
    calendar = field.calendarWidget()
    assert (calendar.yearShown(), calendar.monthShown()) == (2021, 3)
    assert field.value() == date(2021, 3, 9)
