"""The 督导日历 page: a month's visits as a grid or a list, the plan generator, and moving,
confirming and closing visits.

One read per month shown gives the month's visits, the days off and what the visit form offers.
The filters (inspector, zone, kind, status, and the type-to-filter box for schools) apply to both
views: the grid shows the rows the list lets through. In the grid, the
visits of the day chosen are listed below it and can be dragged onto another day; every move or
new day is checked first (:func:`gui.pages.calendar.visit_dialog.check_then`). The plan is internal
(四不两直): nothing on this page is sent to schools.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.calendar.views import MonthView, month_view
from core.calendar.visits import (
    DUE_DAYS,
    VisitRow,
    delete_visits,
    is_due,
    move_visits,
    set_status,
)
from core.changes import EVERYTHING, Change, changes_of
from core.enums import OPEN_STATUSES, VisitKind, VisitStatus
from core.office.workdays import certainty_notice
from db.engine import Database
from gui import dialogs
from gui.pages.calendar.month_grid import (
    DAY_ROLE,
    DayVisitsModel,
    MonthGridDelegate,
    MonthGridModel,
    grid_days,
    month_caption,
    weekday_name,
)
from gui.pages.calendar.visit_dialog import VisitDialog, check_then
from gui.report_actions import open_report
from gui.sheet_actions import add_sheet_menu
from gui.widgets.list_page import ListPage
from gui.widgets.table_model import Column, RowTableModel, show_date
from gui.worker import DbWorker, refusal_handler

RELEVANT = {
    Change.VISITS,
    Change.SCHOOLS,
    Change.INSPECTORS,
    Change.CALENDAR,
    Change.UNAVAILABILITY,
    Change.SETTINGS,
}


def _columns() -> list[Column]:
    generated, by_hand = (
        QCoreApplication.translate("CalendarPage", "Generated"),
        QCoreApplication.translate("CalendarPage", "By hand"),
    )
    return [
        Column(
            QCoreApplication.translate("CalendarPage", "Date"),
            lambda r: f"{show_date(r.day)} {weekday_name(r.day.weekday())}",
            lambda r: r.day,
        ),
        Column(QCoreApplication.translate("CalendarPage", "School"), lambda r: r.school),
        Column(QCoreApplication.translate("CalendarPage", "Zone"), lambda r: r.zone),
        Column(QCoreApplication.translate("CalendarPage", "Inspector"), lambda r: r.inspector),
        Column(QCoreApplication.translate("CalendarPage", "With"), lambda r: r.companions),
        Column(QCoreApplication.translate("CalendarPage", "Kind"), lambda r: r.kind_label),
        Column(
            QCoreApplication.translate("CalendarPage", "Status"),
            lambda r: r.status_label,
            alert=lambda r: r.status in (VisitStatus.CANCELLED, VisitStatus.POSTPONED),
        ),
        Column(
            QCoreApplication.translate("CalendarPage", "Source"),
            lambda r: generated if r.generated else by_hand,
        ),
        Column(
            QCoreApplication.translate("CalendarPage", "Note"),
            lambda r: r.note,
            tooltip=lambda r: r.note,
        ),
    ]


def _day_columns() -> list[Column]:
    return [
        Column(QCoreApplication.translate("CalendarPage", "School"), lambda r: r.school),
        Column(QCoreApplication.translate("CalendarPage", "Inspector"), lambda r: r.inspector),
        Column(QCoreApplication.translate("CalendarPage", "Kind"), lambda r: r.kind_label),
        Column(QCoreApplication.translate("CalendarPage", "Status"), lambda r: r.status_label),
    ]


class CalendarPage(ListPage):
    """督导日历: the month's visits, generated and adjusted by the clerk."""

    def __init__(self, db: Database, worker: DbWorker, today: Callable[[], date]) -> None:
        super().__init__(
            self.tr("Visit calendar"), _columns(), lambda r: r.status in ("cancelled", "postponed")
        )
        self.db, self.worker, self.today = db, worker, today
        now = today()
        self.year, self.month = now.year, now.month
        self.data: MonthView | None = None
        self._named: Callable[[VisitRow], bool] | None = None

        self.add_button(self.tr("Generate month plan"), self.generate)
        self.add_button(self.tr("New visit"), self.add)
        self.add_button(self.tr("Edit"), self.edit, needs_selection=True)
        self.status_actions = self.add_menu(
            self.tr("Status"),
            [
                (VisitStatus.CONFIRMED.label, lambda: self.set_status(VisitStatus.CONFIRMED), True),
                (VisitStatus.DONE.label, lambda: self.set_status(VisitStatus.DONE), True),
                (VisitStatus.POSTPONED.label, lambda: self.set_status(VisitStatus.POSTPONED), True),
                (VisitStatus.CANCELLED.label, lambda: self.set_status(VisitStatus.CANCELLED), True),
                (self.tr("Back to planned"), lambda: self.set_status(VisitStatus.PLANNED), True),
            ],
        )
        self.add_button(self.tr("Delete"), self.delete, needs_selection=True)
        self.add_menu(
            self.tr("Planning"),
            [
                (self.tr("Special-topic campaign…"), self.plan_topic_visits, False),
                (self.tr("Semester check…"), self.semester_check, False),
                (self.tr("Working days…"), self.edit_workdays, False),
                (self.tr("Leave and training…"), self.edit_unavailability, False),
            ],
        )
        self.add_menu(
            self.tr("Export to phone calendar"),
            [
                (self.tr("One inspector's month…"), self.export_ics, False),
                (self.tr("Every inspector into a folder…"), self.export_all_ics, False),
            ],
        )
        self.sheets = add_sheet_menu(self, "visits", db, worker, today)
        self.set_empty_state(
            self.tr("No visits this month — generate the month's plan or add a visit."),
            [
                (self.tr("Generate month plan"), self.generate),
                (self.tr("New visit"), self.add),
            ],
        )
        self.add_button(self.tr("Print schedule"), self.print_schedule)
        self.finish_actions()

        self.add_filter("week", self.tr("Due in the next 7 days"), self._is_due)
        self.add_filter(
            "open", self.tr("Planned or confirmed"), lambda r: r.status in OPEN_STATUSES
        )
        self.add_filter("done", self.tr("Done"), lambda r: r.status == VisitStatus.DONE)
        self.add_filter(
            "off",
            self.tr("Cancelled or postponed"),
            lambda r: r.status in (VisitStatus.CANCELLED, VisitStatus.POSTPONED),
        )

        self._build_month_bar()
        self._build_grid()
        self.table.doubleClicked.connect(lambda _index: self.edit())
        worker.data_changed.connect(self.refresh)

    # --- layout ------------------------------------------------------------------------------

    def _build_month_bar(self) -> None:
        bar = QHBoxLayout()
        self.previous_button = QPushButton("◀")
        self.previous_button.setToolTip(self.tr("Previous month"))
        self.month_label = QLabel()
        self.month_label.setObjectName("monthLabel")
        self.next_button = QPushButton("▶")
        self.next_button.setToolTip(self.tr("Next month"))
        self.this_month_button = QPushButton(self.tr("This month"))
        self.grid_button = QPushButton(self.tr("Month grid"))
        self.list_button = QPushButton(self.tr("List"))
        for button in (self.grid_button, self.list_button):
            button.setCheckable(True)
            button.setAutoExclusive(True)
        self.grid_button.setChecked(True)
        self.inspector_filter = QComboBox()
        self.zone_filter = QComboBox()
        self.kind_filter = QComboBox()
        self.status_filter = QComboBox()
        for combo in self.filter_combos():
            # Filled after the first show: sized to their items then, not to the empty box.
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.kind_filter.addItem(self.tr("All kinds"), "")
        for kind in VisitKind:
            self.kind_filter.addItem(kind.label, kind.value)
        self.status_filter.addItem(self.tr("All statuses"), "")
        for status in VisitStatus:
            self.status_filter.addItem(status.label, status.value)
        for widget in (
            self.previous_button,
            self.month_label,
            self.next_button,
            self.this_month_button,
        ):
            bar.addWidget(widget)
        bar.addSpacing(16)
        bar.addWidget(self.grid_button)
        bar.addWidget(self.list_button)
        bar.addSpacing(16)
        for combo in (
            self.inspector_filter,
            self.zone_filter,
            self.kind_filter,
            self.status_filter,
        ):
            bar.addWidget(combo)
            combo.currentIndexChanged.connect(self._filters_changed)
        bar.addStretch(1)
        self.body.insertLayout(self.body.indexOf(self.actions_bar) + 1, bar)
        self.previous_button.clicked.connect(lambda: self.go_to_month(-1))
        self.next_button.clicked.connect(lambda: self.go_to_month(1))
        self.this_month_button.clicked.connect(self.go_to_this_month)
        self.grid_button.toggled.connect(self._show_view)

    def _build_grid(self) -> None:
        self.grid_model = MonthGridModel(self)
        self.grid = QTableView()
        self.grid.setModel(self.grid_model)
        self.grid.setItemDelegate(MonthGridDelegate(self.grid))
        self.moved: tuple[date, list[int]] | None = None
        """The day and ids of the visits just moved: the grid shows that day, with them selected."""
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.setWordWrap(True)
        self.grid.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.grid.setAcceptDrops(True)
        self.grid.setDropIndicatorShown(True)
        self.grid.verticalHeader().hide()
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.day_model = DayVisitsModel(_day_columns(), self)
        self.day_list = QTableView()
        self.day_list.setModel(self.day_model)
        self.day_list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.day_list.setDragEnabled(True)
        self.day_list.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.day_list.verticalHeader().hide()
        self.day_list.horizontalHeader().setStretchLastSection(True)
        self.day_title = QLabel()
        self.day_title.setObjectName("summary")
        day_box = QWidget()
        day_layout = QVBoxLayout(day_box)
        day_layout.setContentsMargins(0, 0, 0, 0)
        day_layout.addWidget(self.day_title)
        day_layout.addWidget(self.day_list)
        self.grid_box = QSplitter(Qt.Orientation.Vertical)
        self.grid_box.addWidget(self.grid)
        self.grid_box.addWidget(day_box)
        self.grid_box.setStretchFactor(0, 4)
        self.grid_box.setStretchFactor(1, 1)
        self.content.insertWidget(0, self.grid_box)
        self.table.hide()
        self.grid.selectionModel().currentChanged.connect(lambda *_: self._show_day())
        self.grid.doubleClicked.connect(lambda _index: self.add())
        self.day_list.doubleClicked.connect(lambda _index: self.edit())
        self.day_list.selectionModel().selectionChanged.connect(
            lambda *_: self._selection_changed()
        )
        self.grid_model.visits_dropped.connect(self.move_visits)
        self.proxy.modelReset.connect(self._fill_grid)
        self.proxy.layoutChanged.connect(self._fill_grid)

    def _show_view(self, grid: bool) -> None:
        self.grid_box.setVisible(grid)
        self.table.setVisible(not grid)
        self._selection_changed()

    # --- reading -----------------------------------------------------------------------------

    def refresh(self, changes: frozenset[Change] = EVERYTHING) -> None:
        if not self.needs_reading(changes, RELEVANT):
            return
        year, month, today = self.year, self.month, self.today()
        days = grid_days(year, month)
        self.worker.submit(
            lambda: month_view(self.db, year, month, today, days), on_done=self._show
        )

    def _show(self, data: MonthView) -> None:
        if (data.year, data.month) != (self.year, self.month):
            return
        self.data = data
        self.month_label.setText(month_caption(data.year, data.month))
        self._fill_combo(
            self.inspector_filter,
            self.tr("All inspectors"),
            sorted({r.inspector for r in data.rows} | {n for _, n in data.choices.inspectors}),
        )
        self._fill_combo(self.zone_filter, self.tr("All zones"), data.zones)
        self.set_rows(self._rows())
        self._summarize()

    def filter_combos(self) -> tuple[QComboBox, ...]:
        """The inspector, zone, kind and status filters."""
        return (self.inspector_filter, self.zone_filter, self.kind_filter, self.status_filter)

    def _fill_combo(self, combo: QComboBox, everything: str, values: list[str]) -> None:
        chosen = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, "")
        for value in values:
            combo.addItem(value, value)
        combo.setCurrentIndex(max(0, combo.findData(chosen)))
        combo.blockSignals(False)

    def _summarize(self) -> None:
        if self.data is None:
            return
        in_month = self.visible_rows()
        done = sum(1 for r in in_month if r.status == VisitStatus.DONE)
        open_ = sum(1 for r in in_month if r.status in OPEN_STATUSES)
        if self.filter_choice.currentData() == "week":
            # The 7-day list spans months: its count is of the week, not of the month shown.
            last = self.today() + timedelta(days=DUE_DAYS - 1)
            count = self.tr(
                "%n visit(s) due from today to {0} (the next 7 days).", "", len(in_month)
            ).format(show_date(last))
        else:
            count = self.tr(
                "%n visit(s) this month: {0} done, {1} still to go.", "", len(in_month)
            ).format(done, open_)
        parts = [count, self.tr("The plan is internal (四不两直): it is not sent to schools.")]
        for who, start, end in self.data.breaks:
            text = (
                self.tr("Kindergartens' break from {start} to {end}.")
                if who
                else self.tr("School break from {start} to {end}: no routine visits.")
            )
            parts.append(text.format(start=show_date(start), end=show_date(end)))
        notice = certainty_notice(self.data.year, self.data.holiday_data)
        if notice:
            parts.append(notice)
        self.summary.setText(" ".join(parts))

    # --- filters -----------------------------------------------------------------------------

    def set_predicate(self, predicate: Callable[[VisitRow], bool] | None) -> None:
        self._named = predicate
        if self.data is not None:
            self.set_rows(self._rows())
        self._filters_changed()

    def _filters_changed(self, _index: int = 0) -> None:
        inspector = self.inspector_filter.currentData()
        zone = self.zone_filter.currentData()
        kind = self.kind_filter.currentData()
        status = self.status_filter.currentData()
        named = self._named

        def keep(row: VisitRow) -> bool:
            return (
                (not inspector or row.inspector == inspector)
                and (not zone or row.zone == zone)
                and (not kind or row.kind == kind)
                and (not status or row.status == status)
                and (named is None or named(row))
            )

        super().set_predicate(keep)
        self._fill_grid()

    def _is_due(self, row: VisitRow) -> bool:
        return is_due(row.status, row.day, self.today())

    def _rows(self) -> list[VisitRow]:
        """The month's visits; with the 7-day filter, the visits due, whichever month."""
        if self.data is None:
            return []
        return self.data.due if self.filter_choice.currentData() == "week" else self.data.rows

    def apply_filter(self, key: str) -> None:
        if key == "week":
            self.go_to_this_month()
            self.list_button.setChecked(True)
        super().apply_filter(key)

    # --- the grid ----------------------------------------------------------------------------

    def _fill_grid(self) -> None:
        if self.data is None:
            return
        current = self.grid_model.day_at(self.grid.currentIndex())
        self.grid_model.show_month(
            self.year, self.month, self.visible_rows(), self.data.days_off, self.today()
        )
        if self.moved is not None:
            current = self.moved[0]
        if current is None:
            today = self.today()
            current = today if (today.year, today.month) == (self.year, self.month) else None
        if current is None:
            current = date(self.year, self.month, 1)
        self.grid.setCurrentIndex(self.grid_model.index_of(current))
        self._show_day()
        if self.moved is not None:
            ids = set(self.moved[1])
            chosen = (
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
            )
            for row, visit in enumerate(self.day_model.rows):
                if visit.id in ids:
                    index = self.day_model.index(row, 0)
                    self.day_list.selectionModel().select(index, chosen)
                    self.day_list.scrollTo(index)
            self.moved = None
        self._summarize()

    def _show_day(self) -> None:
        day = self.grid.currentIndex().data(DAY_ROLE)
        rows = self.grid_model.by_day.get(day, []) if day else []
        self.day_model.set_rows(rows)
        self.day_list.resizeColumnsToContents()
        if day:
            kind = self.tr("day off") if day in self.grid_model.days_off else self.tr("working day")
            self.day_title.setText(
                self.tr("{date} {weekday} ({kind})").format(
                    date=show_date(day), weekday=weekday_name(day.weekday()), kind=kind
                )
            )
        self._selection_changed()

    def chosen_day(self) -> date:
        """The day chosen in the grid (today if none)."""
        day = self.grid.currentIndex().data(DAY_ROLE)
        return day or self.today()

    # --- selection ---------------------------------------------------------------------------

    def selected_rows(self) -> list[VisitRow]:
        if self.grid_button.isChecked():
            indexes = self.day_list.selectionModel().selectedRows()
            return [self.day_model.rows[i.row()] for i in sorted(indexes, key=lambda i: i.row())]
        return super().selected_rows()

    def _selection_changed(self, *_args: object) -> None:
        if not hasattr(self, "day_list"):
            return super()._selection_changed(*_args)
        has_selection = bool(self.selected_rows())
        for button in self._selection_buttons:
            button.setEnabled(has_selection)
        for action in self._selection_actions:
            action.setEnabled(has_selection)
        return None

    # --- months ------------------------------------------------------------------------------

    def go_to_month(self, step: int) -> None:
        """Show the month ``step`` months from the one shown."""
        index = self.year * 12 + self.month - 1 + step
        self.show_month(index // 12, index % 12 + 1)

    def go_to_this_month(self) -> None:
        today = self.today()
        self.show_month(today.year, today.month)

    def show_month(self, year: int, month: int) -> None:
        """Show (and read) another month."""
        if (year, month) == (self.year, self.month) and self.data is not None:
            return
        self.year, self.month = year, month
        self.data = None
        self.month_label.setText(month_caption(year, month))
        self._stale = True
        self.refresh()

    # --- actions -----------------------------------------------------------------------------

    def generate(self) -> None:
        """Generate (or regenerate the unconfirmed part of) the month's plan."""
        from core.calendar.month_plan import generate_month

        year, month, today = self.year, self.month, self.today()
        if (year, month) < (today.year, today.month):
            dialogs.warn(self, self.tr("Generate"), self.tr("This month has already passed."))
            return
        question = self.tr(
            "Plan {0}-{1:02d}? Visits the generator planned before are replaced; confirmed, "
            "done and hand-entered visits stay."
        ).format(year, month)
        if self.data is not None and self.data.year == year:
            notice = certainty_notice(year, self.data.holiday_data)
            if notice:
                question += "\n\n" + self.tr("Note: {notice}.").format(notice=notice)
        if not dialogs.ask(self, self.tr("Generate month plan"), question):
            return
        self.worker.submit(
            lambda: generate_month(self.db, year, month, today),
            on_done=self._generated,
            on_error=self._failed,
            changes=changes_of(generate_month),
        )

    def _generated(self, plan) -> None:
        PlanResultDialog(plan, self).open()

    def _failed(self, exc: BaseException) -> None:
        refusal_handler(self, self.tr("Visit calendar"))(exc)

    def add(self) -> None:
        """Put a new visit on the day chosen."""
        if self.data is None:
            return
        VisitDialog(self.db, self.worker, self.data.choices, self.chosen_day(), parent=self).open()

    def edit(self) -> None:
        """Edit the (first) visit selected."""
        rows = self.selected_rows()
        if not rows or self.data is None:
            return
        VisitDialog(
            self.db, self.worker, self.data.choices, rows[0].day, rows[0], parent=self
        ).open()

    def set_status(self, status: VisitStatus) -> None:
        """Give the selected visits a new status."""
        ids = [r.id for r in self.selected_rows()]
        if not ids:
            return
        today = self.today()
        self.worker.submit(
            lambda: set_status(self.db, ids, status.value, today=today),
            on_error=self._failed,
            changes=changes_of(set_status),
        )

    def delete(self) -> None:
        """Delete the selected visits after asking."""
        rows = self.selected_rows()
        if not rows:
            return
        text = self.tr("Delete %n visit(s)? Their records go with them.", "", len(rows))
        if not dialogs.ask(self, self.tr("Delete"), text):
            return
        ids = [r.id for r in rows]

        self.worker.submit(
            lambda: delete_visits(self.db, ids),
            on_error=self._failed,
            changes=changes_of(delete_visits),
        )

    def move_visits(self, ids: list[int], day: date) -> None:
        """Move visits (dropped on a day in the grid) after checking the day."""
        if self.data is None:
            return
        rows = [r for r in self.data.rows if r.id in set(ids) and r.day != day]
        if not rows:
            return
        if any(r.status == VisitStatus.DONE for r in rows):
            dialogs.warn(self, self.tr("Move"), self.tr("A visit already done cannot be moved."))
            return
        checks = [(r.inspector_id, r.school_id, day, r.id) for r in rows]

        ids = [r.id for r in rows]

        def move() -> None:
            self.worker.submit(
                lambda: move_visits(self.db, ids, day),
                on_done=lambda _result: self._follow_moved(day, ids),
                on_error=self._failed,
                changes=changes_of(move_visits),
            )

        check_then(self, self.db, self.worker, checks, move)

    def _follow_moved(self, day: date, ids: list[int]) -> None:
        """Keep the visits just moved in view: their day chosen, they selected."""
        self.moved = (day, ids)
        if (day.year, day.month) != (self.year, self.month):
            self.show_month(day.year, day.month)

    def export_ics(self) -> None:
        """Save one inspector's month as an iCalendar file for a phone calendar."""
        from core.calendar.ics import inspector_month_ics

        if self.data is None:
            return
        rows = self.selected_rows()
        name = rows[0].inspector if rows else self.inspector_filter.currentData()
        ids = {n: i for i, n in self.data.choices.inspectors} | {
            r.inspector: r.inspector_id for r in self.data.rows
        }
        if not name or name not in ids:
            dialogs.warn(
                self,
                self.tr("Export to phone calendar"),
                self.tr("Choose an inspector in the filter (or select one of their visits)."),
            )
            return
        year, month, inspector_id = self.year, self.month, ids[name]
        target = dialogs.save_file(
            self,
            self.tr("Export to phone calendar"),
            self.tr("{name} visits {month}.ics").format(name=name, month=f"{year}{month:02d}"),
            "iCalendar (*.ics)",
        )
        if target is None:
            return

        def job() -> None:
            target.write_bytes(inspector_month_ics(self.db, inspector_id, year, month))

        self.worker.submit(
            job,
            on_done=lambda _: dialogs.inform(
                self, self.tr("Export to phone calendar"), self.tr("Saved: {0}").format(target)
            ),
            on_error=self._failed,
        )

    def export_all_ics(self) -> None:
        """Write every inspector's month into a folder, one calendar file each."""
        from core.calendar.ics import export_month_ics

        title = self.tr("Export to phone calendar")
        folder = dialogs.choose_folder(self, title)
        if folder is None:
            return
        db, year, month = self.db, self.year, self.month
        self.worker.submit(
            lambda: export_month_ics(db, year, month, folder),
            on_done=lambda files: dialogs.inform(
                self,
                title,
                self.tr(
                    "%n calendar file(s), one per inspector, saved in {folder}", "", len(files)
                ).format(folder=folder),
            ),
            on_error=self._failed,
        )

    def print_schedule(self) -> None:
        """Preview the month's schedule (with the zone and inspector filters) for printing."""
        open_report(
            self,
            self.db,
            self.worker,
            "schedule",
            self.today(),
            month=f"{self.year}-{self.month:02d}",
            zone=self.zone_filter.currentData() or None,
            inspector=self.inspector_filter.currentData() or None,
        )

    def _open_dialog(self, name: str) -> None:
        from gui.pages.calendar import dialogs as calendar_dialogs

        dialog = getattr(calendar_dialogs, name)(self.db, self.worker, self.today(), self)
        dialog.open()

    def plan_topic_visits(self) -> None:
        self._open_dialog("TopicVisitsDialog")

    def semester_check(self) -> None:
        self._open_dialog("SemesterCheckDialog")

    def edit_workdays(self) -> None:
        self._open_dialog("WorkdaysDialog")

    def edit_unavailability(self) -> None:
        self._open_dialog("UnavailabilityDialog")


class PlanResultDialog(QDialog):
    """What generating a month did: visits added and replaced, the inspectors still short of
    their days at a zone, and every school not placed."""

    def __init__(self, plan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Month plan"))
        text = self.tr("{0}-{1:02d}: {2} visit(s) planned, {3} earlier plan(s) replaced.").format(
            plan.year, plan.month, plan.added, plan.replaced
        )
        if plan.school_break:
            text += " " + self.tr(
                "The month lies mostly in the school holidays: no routine visits."
            )
        notice = certainty_notice(plan.year, plan.holiday_data)
        if notice:
            text += "\n" + self.tr("Note: {notice}.").format(notice=notice)
        if plan.zones_short:
            short = self.tr("; ").join(
                self.tr("{zone}: {inspector} {days} / {required} day(s)").format(
                    zone=z.zone, inspector=z.inspector, days=z.days, required=z.required
                )
                for z in plan.zones_short
            )
            text += "\n" + self.tr(
                "Days at the zone still short (no free day left): {list}"
            ).format(list=short)
        if plan.unplaced:
            text += "\n" if plan.zones_short else " "
            text += self.tr("%n school(s) could not be placed:", "", len(plan.unplaced))
        self.message = QLabel(text)
        self.message.setWordWrap(True)
        self.unplaced = RowTableModel(
            [
                Column(self.tr("School"), lambda u: u.school),
                Column(self.tr("Reason"), lambda u: u.reason),
            ],
            None,
            self,
        )
        self.unplaced.set_rows(plan.unplaced)
        table = QTableView()
        table.setModel(self.unplaced)
        table.verticalHeader().hide()
        table.horizontalHeader().setStretchLastSection(True)
        table.resizeColumnToContents(0)
        table.setVisible(bool(plan.unplaced))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.resize(560, 360 if plan.unplaced else 120)
