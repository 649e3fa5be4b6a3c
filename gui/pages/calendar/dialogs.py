"""Dialogs of the 督导日历 page: working days, inspectors' leave, 专项督导 (topic visits) and the
semester check.

Each dialog reads through the worker and hands one ``core`` call at a time to it, naming what
changed (``calendar``, ``unavailability``, ``visits``) so the calendar page refreshes. Refusals
from ``core`` come back as Chinese messages shown in the dialog, which stays open; nothing is
saved then. Lists are table models over plain rows, never a widget per row.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QLocale, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.calendar.availability import (
    AwayLine,
    add_unavailability,
    away_lines,
    remove_unavailabilities,
)
from core.calendar.month_plan import TopicVisitsPlan, plan_topic_visits
from core.calendar.semester import (
    ComprehensiveProposal,
    SemesterView,
    semester_view,
)
from core.calendar.visits import VisitInput, add_visit
from core.changes import Change, changes_of
from core.enums import DayKind, InspectorStatus, UnavailableReason, VisitKind
from core.office.holiday_notice import (
    SOURCE_LABELS,
    NoticeParse,
    YearHolidays,
    import_notice,
    parse_notice,
    year_holidays,
)
from core.office.school_terms import Semester
from core.office.workdays import (
    CERTAINTY_LABELS,
    COMPLETE,
    calendar_edits,
    clear_days,
    mark_year_complete,
    set_days,
)
from core.roster.inspectors import InspectorRow, inspector_rows
from core.roster.schools import SchoolRow, school_rows
from db.engine import Database
from gui import dialogs
from gui.report_actions import open_report
from gui.widgets.forms import DateField, FormDialog, enum_combo, select_data
from gui.widgets.table_model import (
    ROW_ROLE,
    Column,
    Index,
    RowFilterProxy,
    RowTableModel,
    show_date,
)
from gui.worker import DbWorker

CAMPAIGN_TOPICS = ("双减", "安全", "开学", "防溺水", "招生收费", "体育")
"""Topics offered for a 专项督导 (the clerk may type any other)."""
ALL_ZONES = None


def day_text(day: date) -> str:
    """A date with its short weekday name in the UI's language (2027-01-01 周五)."""
    return f"{show_date(day)} {QLocale().dayName(day.isoweekday(), QLocale.FormatType.ShortFormat)}"


def _serving(rows: Iterable[InspectorRow]) -> list[InspectorRow]:
    """The inspectors in office, by name."""
    return sorted((r for r in rows if r.status == InspectorStatus.SERVING), key=lambda r: r.name)


def _list_view(model: QAbstractItemModel, *, sorting: bool = False) -> QTableView:
    """A read-only table of whole rows, the last column stretched."""
    view = QTableView()
    view.setModel(model)
    view.setSortingEnabled(sorting)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    return view


def _selected(view: QTableView) -> list[Any]:
    """The rows selected in ``view``, in the order shown."""
    indexes = sorted(view.selectionModel().selectedRows(), key=lambda i: i.row())
    return [index.data(ROW_ROLE) for index in indexes]


def _section_title(text: str) -> QLabel:
    """A heading inside a dialog."""
    label = QLabel(text)
    label.setObjectName("sectionTitle")
    return label


class StayingDialog(FormDialog):
    """A form dialog that stays open after each save and lists what it read; Close ends it.

    Subclasses add widgets :attr:`above` and :attr:`below` the form, and make their action
    buttons with :meth:`action`; :meth:`run` hands a job to the worker with those buttons
    disabled until it is done.
    """

    def __init__(
        self, title: str, db: Database, worker: DbWorker, today: date, parent: QWidget | None
    ) -> None:
        super().__init__(title, worker, parent)
        self.db, self.today = db, today
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.action_buttons: list[QPushButton] = []
        self._running = 0
        self.above = QVBoxLayout()
        self.below = QVBoxLayout()
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertLayout(0, self.above)
        layout.insertLayout(2, self.below, 1)

    def action(self, text: str, slot: Callable[[], None]) -> QPushButton:
        """A button that starts work on the worker (disabled while that work runs)."""
        button = QPushButton(text)
        button.clicked.connect(lambda _=False: slot())
        self.action_buttons.append(button)
        return button

    def form_action(self, text: str, slot: Callable[[], None]) -> QPushButton:
        """An :meth:`action` under the form's fields, the default button of the dialog."""
        button = self.action(text, slot)
        button.setDefault(True)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(button)
        self.form.addRow("", row)
        return button

    def run(
        self,
        job: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        changes: Iterable[Change] = (),
    ) -> None:
        """Run ``job`` on the worker; problems are listed in the dialog, which stays open."""
        self.show_problems([])
        self._count_running(1)

        def done(result: Any) -> None:
            self._count_running(-1)
            if on_done is not None:
                on_done(result)

        self.worker.submit(job, on_done=done, on_error=self._refused, changes=changes)

    def _count_running(self, step: int) -> None:
        self._running += step
        for button in self.action_buttons:
            button.setEnabled(self._running == 0)

    def _refused(self, exc: BaseException) -> None:
        self._count_running(-1)
        self._failed(exc)


# --- working days -----------------------------------------------------------------------------


@dataclass(frozen=True)
class DayEntry:
    """One of the clerk's calendar entries as listed."""

    day: date
    kind: str
    note: str


class WorkdaysDialog(StayingDialog):
    """工作日设置: the clerk's holidays and swapped working days (调休) of a year, one day or a
    range at a time, or all at once from the State Council's notice pasted in.

    The year's certainty (complete / provisional / missing) and its source are shown; entering
    some days does not make a year complete — importing the notice or the clerk's explicit
    "this year is complete" does.
    """

    def __init__(
        self, db: Database, worker: DbWorker, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Working days"), db, worker, today, parent)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(today.year)
        self.year.setPrefix(self.tr("Year "))
        self.count = QLabel()
        self.count.setObjectName("summary")
        self.notice = QLabel()
        self.notice.setObjectName("notice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.model = RowTableModel(
            [
                Column(self.tr("Date"), lambda e: day_text(e.day), lambda e: e.day),
                Column(self.tr("Kind"), lambda e: DayKind.label_of(e.kind)),
                Column(self.tr("Note"), lambda e: e.note),
            ],
            parent=self,
        )
        self.table = _list_view(self.model)
        self.remove_button = self.action(self.tr("Remove selected"), self.remove_selected)
        self.notice_button = self.action(self.tr("Paste the State Council's notice…"), self.paste)
        self.complete = QCheckBox(self.tr("This year's holidays are all entered"))
        self.complete.clicked.connect(self._complete_clicked)
        top = QHBoxLayout()
        top.addWidget(self.year)
        top.addWidget(self.count, 1)
        top.addWidget(self.notice_button)
        top.addWidget(self.remove_button)
        self.above.addLayout(top)
        self.above.addWidget(self.notice)
        self.above.addWidget(self.complete)
        self.above.addWidget(self.table, 1)
        self.above.addWidget(_section_title(self.tr("Add or change a day")))

        self.day = self.add_field("day", self.tr("Date"), DateField())
        self.last = self.add_field("last", self.tr("Until (for several days)"), DateField(True))
        self.kind = self.add_field("kind", self.tr("Kind"), enum_combo(DayKind))
        self.note = self.add_field("note", self.tr("Note"), QLineEdit())
        self.note.setPlaceholderText(self.tr("e.g. 春节 or 国庆节调休上班"))
        self.add_button = self.form_action(self.tr("Save day"), self.save)

        self.day.dateChanged.connect(lambda _day: self._suggest_kind())
        self.year.valueChanged.connect(self._year_changed)
        self._year_changed(today.year)
        self.resize(620, 600)

    def _suggest_kind(self) -> None:
        """A weekday entered is usually a holiday, a weekend day a swapped working day."""
        day = self.day.value() or self.today
        select_data(self.kind, DayKind.HOLIDAY if day.weekday() < 5 else DayKind.WORKDAY)

    def _year_changed(self, year: int) -> None:
        day = self.day.value()
        if day is None or day.year != year:
            self.day.set_value(date(year, 1, 1))
        self._suggest_kind()
        self.refresh()

    def refresh(self) -> None:
        """Read the entries of the year shown again."""
        year, db = self.year.value(), self.db
        self.run(
            lambda: (
                [DayEntry(*entry) for entry in calendar_edits(db, year)],
                year_holidays(db, year),
            ),
            lambda read: self.show_entries(year, *read),
        )

    def show_entries(self, year: int, entries: list[DayEntry], known: YearHolidays) -> None:
        """List the year's entries and say how sure the year's holidays are, and whence."""
        if year != self.year.value():
            return
        self.model.set_rows(entries)
        self.table.resizeColumnsToContents()
        self.count.setText(self.tr("{count} day(s) entered").format(count=len(entries)))
        notice = self.tr("{year}: {status} (source: {source}).").format(
            year=year, status=CERTAINTY_LABELS[known.status], source=SOURCE_LABELS[known.source]
        )
        if known.status != COMPLETE:
            notice += " " + self.tr(
                "Paste the State Council's notice once it is published, or enter the holidays "
                "and swapped working days here and tick that the year is complete."
            )
        self.notice.setText(notice)
        self.notice.setVisible(known.source != "package")
        self.complete.setVisible(known.source != "package")
        self.complete.setChecked(known.status == COMPLETE)

    def _complete_clicked(self, checked: bool) -> None:
        year, db = self.year.value(), self.db
        self.run(
            lambda: mark_year_complete(db, year, checked),
            lambda _: self.refresh(),
            changes_of(mark_year_complete),
        )

    def paste(self) -> None:
        """Open the dialog that takes the State Council's notice."""
        dialog = NoticeDialog(self.db, self.worker, self.today, self)
        dialog.finished.connect(lambda _result: self.refresh())
        dialog.open()

    def save(self) -> None:
        """Save the day entered (replacing the day's earlier entry, after asking)."""
        day = self.day.value() or self.today
        last = self.last.value() or day
        kind, note = self.kind.currentData(), self.note.text()
        earlier = next((e for e in self.model.rows if day <= e.day <= last), None)
        if earlier is not None and not dialogs.ask(
            self,
            self.windowTitle(),
            self.tr("{day} is already entered as {kind}. Replace it?").format(
                day=show_date(day), kind=DayKind.label_of(earlier.kind)
            ),
        ):
            return
        db = self.db
        self.run(
            lambda: set_days(db, day, last, kind, note),
            lambda _: self._saved(day),
            changes_of(set_days),
        )

    def _saved(self, day: date) -> None:
        self.note.clear()
        self.last.set_value(None)
        if day.year != self.year.value():
            self.year.setValue(day.year)
        else:
            self.refresh()

    def remove_selected(self) -> None:
        """Remove the selected entries (those days follow the official arrangement again)."""
        days = [entry.day for entry in _selected(self.table)]
        if not days:
            self.show_problems([self.tr("Select the days to remove in the list.")])
            return
        db = self.db
        self.run(lambda: clear_days(db, days), lambda _: self.refresh(), changes_of(clear_days))


@dataclass(frozen=True)
class FestivalLine:
    """One festival of a notice as previewed."""

    name: str
    holidays: str
    workdays: str


class NoticeDialog(StayingDialog):
    """导入节假日安排通知: paste 《国务院办公厅关于XXXX年部分节假日安排的通知》, check it, see
    every festival's days off and swapped working days, then save it all (or nothing)."""

    def __init__(
        self, db: Database, worker: DbWorker, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("The State Council's holiday notice"), db, worker, today, parent)
        hint = QLabel(
            self.tr(
                "Paste the whole text of the notice "
                "(国务院办公厅关于{year}年部分节假日安排的通知). "
                "Check reads it and lists what it found; nothing is saved until you "
                "press Save, and nothing at all when a part of it cannot be read."
            ).format(year=today.year + 1)
        )
        hint.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText("一、元旦：1月1日（周五）至3日（周日）放假，共3天。……")
        self.year = QSpinBox()
        self.year.setRange(0, 2100)
        self.year.setSpecialValueText(self.tr("Year from the title"))
        self.year.setPrefix(self.tr("Year "))
        self.model = RowTableModel(
            [
                Column(self.tr("Festival"), lambda f: f.name),
                Column(self.tr("Days off"), lambda f: f.holidays),
                Column(self.tr("Swapped working days"), lambda f: f.workdays),
            ],
            parent=self,
        )
        self.preview = _list_view(self.model)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.check_button = self.action(self.tr("Check"), lambda: self.read(save=False))
        self.save_button = self.action(self.tr("Save"), lambda: self.read(save=True))
        buttons = QHBoxLayout()
        buttons.addWidget(self.year)
        buttons.addStretch(1)
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.save_button)
        self.above.addWidget(hint)
        self.above.addWidget(self.text, 1)
        self.above.addLayout(buttons)
        self.below.addWidget(self.summary)
        self.below.addWidget(self.preview, 1)
        self.resize(760, 640)

    def read(self, *, save: bool) -> None:
        """Check the pasted text, and with ``save`` store it."""
        text, year, db = self.text.toPlainText(), self.year.value() or None, self.db
        self.run(
            lambda: import_notice(db, text, year) if save else parse_notice(text, year),
            lambda parse: self.show_parse(parse, save),
            changes_of(import_notice) if save else (),
        )

    def show_parse(self, parse: NoticeParse, saved: bool) -> None:
        """List the festivals read, and what could not be read."""

        def days(found: Sequence[date]) -> str:
            day = self.tr("{month}/{day}")
            return self.tr(", ").join(day.format(month=d.month, day=d.day) for d in found) or "—"

        self.model.set_rows(
            [FestivalLine(f.name, days(f.holidays), days(f.workdays)) for f in parse.festivals]
        )
        self.preview.resizeColumnsToContents()
        text = self.tr("{year}: {holidays} days off, {workdays} swapped working days.").format(
            year=parse.year, holidays=len(parse.holidays), workdays=len(parse.workdays)
        )
        if parse.problems:
            text += "\n" + self.tr("Cannot be read, so nothing will be saved:") + "\n"
            text += "\n".join(parse.problems)
        elif saved:
            text += " " + self.tr("Saved: the year's holidays are complete.")
        self.summary.setText(text)


# --- inspectors' unavailable days ---------------------------------------------------------------


@dataclass(frozen=True)
class AwayData:
    inspectors: list[InspectorRow]
    lines: list[AwayLine]


class UnavailabilityDialog(StayingDialog):
    """督学请假/培训: days an inspector cannot visit schools; the planner goes around them."""

    def __init__(
        self, db: Database, worker: DbWorker, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Inspectors' leave and training"), db, worker, today, parent)
        self.lines: list[AwayLine] = []
        self.inspector = self.add_field("inspector", self.tr("Inspector"), QComboBox())
        self.start = self.add_field("start_date", self.tr("From"), DateField())
        self.start.set_value(today)
        self.end = self.add_field("end_date", self.tr("To"), DateField())
        self.end.set_value(today)
        self.reason = self.add_field("reason", self.tr("Reason"), enum_combo(UnavailableReason))
        self.note = self.add_field("note", self.tr("Note"), QLineEdit())
        self.note.setPlaceholderText(self.tr("e.g. 市级督学培训班"))
        self.add_button = self.form_action(self.tr("Add"), self.save)
        self.start.dateChanged.connect(
            lambda day: self.end.setDate(day) if self.end.date() < day else None
        )

        self.show_all = QCheckBox(self.tr("All inspectors"))
        self.title = _section_title("")
        self.model = RowTableModel(
            [
                Column(self.tr("Inspector"), lambda a: a.inspector),
                Column(self.tr("From"), lambda a: show_date(a.start), lambda a: a.start),
                Column(self.tr("To"), lambda a: show_date(a.end), lambda a: a.end),
                Column(self.tr("Days"), lambda a: str(a.days), lambda a: a.days, True),
                Column(self.tr("Reason"), lambda a: UnavailableReason.label_of(a.reason)),
                Column(self.tr("Note"), lambda a: a.note),
            ],
            parent=self,
        )
        self.table = _list_view(self.model)
        self.remove_button = self.action(self.tr("Remove selected"), self.remove_selected)
        bar = QHBoxLayout()
        bar.addWidget(self.title, 1)
        bar.addWidget(self.show_all)
        bar.addWidget(self.remove_button)
        self.below.addLayout(bar)
        self.below.addWidget(self.table, 1)

        self.inspector.currentIndexChanged.connect(lambda _i: self.show_lines())
        self.show_all.toggled.connect(lambda _on: self.show_lines())
        self.run(
            lambda: AwayData(_serving(inspector_rows(db, today)), away_lines(db)), self._loaded
        )
        self.resize(700, 600)

    def _loaded(self, data: AwayData) -> None:
        for row in data.inspectors:
            self.inspector.addItem(row.name, row.id)
        self._show(data.lines)

    def refresh(self) -> None:
        """Read the entries again."""
        db = self.db
        self.run(lambda: away_lines(db), self._show)

    def _show(self, lines: list[AwayLine]) -> None:
        self.lines = lines
        self.show_lines()

    def show_lines(self) -> None:
        """List the chosen inspector's entries, or everyone's."""
        everyone = self.show_all.isChecked()
        chosen = self.inspector.currentData()
        shown = [a for a in self.lines if everyone or a.inspector_id == chosen]
        self.model.set_rows(shown)
        self.table.resizeColumnsToContents()
        if everyone:
            title = self.tr("Entries of all inspectors: {count}")
        else:
            title = self.tr("Entries of {name}: {count}")
        self.title.setText(title.format(name=self.inspector.currentText(), count=len(shown)))

    def save(self) -> None:
        """Record the days entered for the chosen inspector."""
        inspector_id = self.inspector.currentData()
        if inspector_id is None:
            self.show_problems([self.tr("Choose an inspector.")], ["inspector"])
            return
        start, end = self.start.value() or self.today, self.end.value() or self.today
        reason, note, db = self.reason.currentData(), self.note.text(), self.db

        def added(_id: int) -> None:
            self.note.clear()
            self.refresh()

        self.run(
            lambda: add_unavailability(db, inspector_id, start, end, reason, note),
            added,
            changes_of(add_unavailability),
        )

    def remove_selected(self) -> None:
        """Delete the selected entries, after asking."""
        ids = [line.id for line in _selected(self.table)]
        if not ids:
            self.show_problems([self.tr("Select the entries to remove in the list.")])
            return
        question = self.tr("Remove {count} entry(ies)?").format(count=len(ids))
        if not dialogs.ask(self, self.windowTitle(), question):
            return
        db = self.db
        self.run(
            lambda: remove_unavailabilities(db, ids),
            lambda _: self.refresh(),
            changes_of(remove_unavailabilities),
        )


# --- 专项督导: topic visits -----------------------------------------------------------------


class CheckableRowModel(RowTableModel):
    """A table of rows with ``id`` and a tick box in the first column; ticks kept by id."""

    def __init__(self, columns: Sequence[Column], parent: QObject | None = None) -> None:
        super().__init__(columns, parent=parent)
        self.checked: set[int] = set()

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            role == Qt.ItemDataRole.CheckStateRole
            and index.isValid()
            and index.column() == 0
            and index.row() < len(self.rows)
        ):
            ticked = self.rows[index.row()].id in self.checked
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        return super().data(index, role)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid() or index.column() != 0:
            return False
        state = Qt.CheckState(value) if isinstance(value, int) else value
        self.set_checked([self.rows[index.row()].id], state == Qt.CheckState.Checked)
        return True

    def set_checked(self, ids: Iterable[int], checked: bool) -> None:
        """Tick (or untick) the rows with these ids."""
        if checked:
            self.checked.update(ids)
        else:
            self.checked.difference_update(ids)
        if self.rows:
            self.dataChanged.emit(
                self.index(0, 0),
                self.index(len(self.rows) - 1, 0),
                [Qt.ItemDataRole.CheckStateRole],
            )


class TopicVisitsDialog(StayingDialog):
    """专项督导安排: one visit on a topic to each school ticked, inside a date window.

    生成 plans and saves the visits at once (by each school's responsible inspector, on working
    days, under the daily cap) and shows every visit placed and every school left out, with why.
    """

    def __init__(
        self, db: Database, worker: DbWorker, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Special-topic campaign"), db, worker, today, parent)
        self.topic = self.add_field("topic", self.tr("Topic"), QComboBox())
        self.topic.setEditable(True)
        self.topic.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.topic.addItems(CAMPAIGN_TOPICS)
        self.topic.setCurrentIndex(-1)
        self.topic.lineEdit().setPlaceholderText(self.tr("Choose or type a topic, e.g. 防溺水"))
        self.topic.setMinimumWidth(320)
        self.start = self.add_field("start", self.tr("From"), DateField())
        self.start.set_value(today)
        self.end = self.add_field("end", self.tr("To"), DateField())
        self.end.set_value(today + timedelta(days=13))
        self.start.dateChanged.connect(
            lambda day: self.end.setDate(day) if self.end.date() < day else None
        )
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._build_schools())
        splitter.addWidget(self._build_results())
        splitter.setSizes([520, 480])
        self.below.addWidget(splitter, 1)
        self.generate_button = self.action(self.tr("Generate"), self.save)
        self.generate_button.setDefault(True)
        self.buttons.addButton(self.generate_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.run(lambda: [s for s in school_rows(db, today) if s.active], self._loaded)
        self.resize(1040, 680)

    def _build_schools(self) -> QWidget:
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Type to filter…"))
        self.filter.setClearButtonEnabled(True)
        self.zone = QComboBox()
        self.zone.addItem(self.tr("All zones"), ALL_ZONES)
        self.schools_model = CheckableRowModel(
            [
                Column(self.tr("School"), lambda s: s.name),
                Column(self.tr("Zone"), lambda s: s.zone),
                Column(
                    self.tr("Responsible inspector"),
                    lambda s: s.inspector or self.tr("(none)"),
                    alert=lambda s: not s.inspector,
                ),
            ],
            self,
        )
        self.schools_proxy = RowFilterProxy(self)
        self.schools_proxy.setSourceModel(self.schools_model)
        self.schools = _list_view(self.schools_proxy, sorting=True)
        self.schools.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        self.fields["schools"] = self.schools
        tick = QPushButton(self.tr("Tick shown"))
        tick.clicked.connect(lambda _=False: self.tick_shown(True))
        untick = QPushButton(self.tr("Untick shown"))
        untick.clicked.connect(lambda _=False: self.tick_shown(False))
        self.ticked = QLabel()
        self.ticked.setObjectName("listCount")
        filters = QHBoxLayout()
        filters.addWidget(self.filter, 2)
        filters.addWidget(self.zone, 1)
        ticks = QHBoxLayout()
        ticks.addWidget(tick)
        ticks.addWidget(untick)
        ticks.addStretch(1)
        ticks.addWidget(self.ticked)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(_section_title(self.tr("Schools")))
        layout.addLayout(filters)
        layout.addWidget(self.schools, 1)
        layout.addLayout(ticks)
        self.filter.textChanged.connect(self.schools_proxy.set_search)
        self.zone.currentIndexChanged.connect(lambda _i: self._zone_changed())
        self.schools_model.dataChanged.connect(lambda *_args: self._count_ticked())
        self.schools_model.modelReset.connect(self._count_ticked)
        return box

    def _build_results(self) -> QWidget:
        self.outcome = QLabel(self.tr("Tick the schools, then press Generate."))
        self.outcome.setObjectName("summary")
        self.outcome.setWordWrap(True)
        self.placed_model = RowTableModel(
            [
                Column(self.tr("Date"), lambda v: day_text(v.day), lambda v: v.day),
                Column(self.tr("School"), lambda v: v.school),
                Column(self.tr("Inspector"), lambda v: v.inspector),
            ],
            parent=self,
        )
        self.placed = _list_view(self.placed_model)
        self.unplaced_model = RowTableModel(
            [
                Column(self.tr("School"), lambda u: u.school),
                Column(self.tr("Why not placed"), lambda u: u.reason, alert=lambda u: True),
            ],
            parent=self,
        )
        self.unplaced = _list_view(self.unplaced_model)
        self.unplaced.hide()
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(_section_title(self.tr("Result")))
        layout.addWidget(self.outcome)
        layout.addWidget(self.placed, 3)
        layout.addWidget(self.unplaced, 2)
        return box

    def _loaded(self, schools: list[SchoolRow]) -> None:
        self.schools_model.set_rows(schools)
        for zone in sorted({s.zone for s in schools if s.zone}):
            self.zone.addItem(zone, zone)
        self.schools.resizeColumnsToContents()

    def _zone_changed(self) -> None:
        zone = self.zone.currentData()
        self.schools_proxy.set_predicate(None if zone is ALL_ZONES else lambda s: s.zone == zone)

    def _count_ticked(self) -> None:
        self.ticked.setText(self.tr("{count} ticked").format(count=len(self.schools_model.checked)))

    def shown_schools(self) -> list[SchoolRow]:
        """The schools the filters let through, in the order shown."""
        proxy = self.schools_proxy
        return [proxy.index(r, 0).data(ROW_ROLE) for r in range(proxy.rowCount())]

    def tick_shown(self, checked: bool) -> None:
        """Tick (or untick) every school shown: all of them, or the zone or filter chosen."""
        self.schools_model.set_checked([s.id for s in self.shown_schools()], checked)

    def save(self) -> None:
        """Plan and save the campaign's visits for the ticked schools."""
        ids = sorted(self.schools_model.checked)
        topic, db = self.topic.currentText(), self.db
        start, end = self.start.value() or self.today, self.end.value() or self.today
        self.run(
            lambda: plan_topic_visits(db, ids, start, end, topic),
            lambda plan: self.show_plan(plan, len(ids)),
            changes_of(plan_topic_visits),
        )

    def show_plan(self, plan: TopicVisitsPlan, ticked: int) -> None:
        """Show the visits placed and the schools left out; ``ticked`` schools were asked for."""
        self.placed_model.set_rows(plan.visits)
        self.unplaced_model.set_rows(plan.unplaced)
        self.placed.resizeColumnsToContents()
        self.unplaced.resizeColumnsToContents()
        self.unplaced.setVisible(bool(plan.unplaced))
        text = self.tr("“{topic}”: {count} visit(s) put on the calendar.").format(
            topic=plan.topic, count=len(plan.visits)
        )
        had = ticked - len(
            {v.school_id for v in plan.visits} | {u.school_id for u in plan.unplaced}
        )
        if had > 0:
            text += " " + self.tr(
                "{count} school(s) already had a visit on this topic in the window."
            ).format(count=had)
        if plan.unplaced:
            text += " " + self.tr("{count} school(s) could not be placed (see below).").format(
                count=len(plan.unplaced)
            )
        self.outcome.setText(text)
        self.outcome.setProperty("alert", bool(plan.unplaced))
        self.outcome.style().unpolish(self.outcome)
        self.outcome.style().polish(self.outcome)


# --- the semester check ----------------------------------------------------------------------


class SemesterCheckDialog(QDialog):
    """学期核查: schools short of the semester's routine visits, and the comprehensive
    inspections due because a principal's term ends in the semester.

    It opens on the semester of today (in a school break: the next one, saying so); the arrows
    step to the semesters before and after.
    """

    def __init__(
        self, db: Database, worker: DbWorker, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Semester check"))
        self.db, self.worker, self.today = db, worker, today
        self.data: SemesterView | None = None
        self.visit_dialog: ComprehensiveVisitDialog | None = None

        self.earlier = QPushButton(self.tr("Previous semester"))
        self.earlier.clicked.connect(lambda _=False: self.step(-1))
        self.later = QPushButton(self.tr("Next semester"))
        self.later.clicked.connect(lambda _=False: self.step(1))
        self.heading = _section_title("")
        self.notice = QLabel()
        self.notice.setObjectName("notice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        top = QHBoxLayout()
        top.addWidget(self.earlier)
        top.addWidget(self.heading, 1)
        top.addWidget(self.later)

        self.short_title = QLabel()
        self.short_title.setObjectName("summary")
        self.short_model = RowTableModel(
            [
                Column(self.tr("School"), lambda s: s.school),
                Column(
                    self.tr("Routine visits"),
                    lambda s: str(s.visits),
                    lambda s: s.visits,
                    True,
                    alert=lambda s: s.visits == 0,
                ),
                Column(self.tr("Required"), lambda s: str(s.required), lambda s: s.required, True),
                Column(
                    self.tr("Responsible inspector"),
                    lambda s: s.inspector or self.tr("(none)"),
                    alert=lambda s: not s.inspector,
                ),
            ],
            parent=self,
        )
        self.short_proxy = RowFilterProxy(self)
        self.short_proxy.setSourceModel(self.short_model)
        self.shortfalls = _list_view(self.short_proxy, sorting=True)
        self.shortfalls.sortByColumn(1, Qt.SortOrder.AscendingOrder)

        self.proposal_title = QLabel()
        self.proposal_title.setObjectName("summary")
        self.proposal_model = RowTableModel(
            [
                Column(self.tr("School"), lambda p: p.school),
                Column(self.tr("Principal"), lambda p: p.principal),
                Column(
                    self.tr("Term ends"),
                    lambda p: show_date(p.principal_term_end),
                    lambda p: p.principal_term_end,
                ),
                Column(self.tr("Visit by"), lambda p: show_date(p.due_by), lambda p: p.due_by),
                Column(
                    self.tr("Responsible inspector"),
                    lambda p: p.inspector or self.tr("(none)"),
                    alert=lambda p: p.inspector_id is None,
                ),
                Column(self.tr("On the calendar"), lambda p: show_date(p.planned_on)),
            ],
            parent=self,
        )
        self.proposals = _list_view(self.proposal_model)
        self.proposals.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.add_button = QPushButton(self.tr("Put on the calendar…"))
        self.add_button.setEnabled(False)
        self.add_button.clicked.connect(lambda _=False: self.plan_comprehensive())
        self.report_button = QPushButton(self.tr("Comprehensive inspection report…"))
        self.report_button.setEnabled(False)
        self.report_button.clicked.connect(lambda _=False: self.print_report())
        self.preview: QWidget | None = None
        self.proposals.selectionModel().selectionChanged.connect(
            lambda *_args: self._proposal_chosen()
        )
        self.proposals.doubleClicked.connect(lambda _index: self.plan_comprehensive())
        proposal_bar = QHBoxLayout()
        proposal_bar.addWidget(self.proposal_title, 1)
        proposal_bar.addWidget(self.add_button)
        proposal_bar.addWidget(self.report_button)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.notice)
        layout.addWidget(_section_title(self.tr("Routine visits")))
        layout.addWidget(self.short_title)
        layout.addWidget(self.shortfalls, 3)
        layout.addWidget(_section_title(self.tr("Comprehensive inspections")))
        layout.addLayout(proposal_bar)
        layout.addWidget(self.proposals, 2)
        layout.addWidget(buttons)
        self.resize(820, 680)
        self.refresh()

    def refresh(self, semester: Semester | None = None) -> None:
        """Read the semester's figures (``None``: the one shown, at first today's)."""
        wanted = semester or (self.data.semester if self.data else None)
        db, today = self.db, self.today

        self.worker.submit(lambda: semester_view(db, today, wanted), on_done=self.show_data)

    def step(self, direction: int) -> None:
        """Show the semester before (-1) or after (1) the one shown."""
        if self.data is None:
            return
        term = self.data.semester
        day = term.start - timedelta(days=1) if direction < 0 else term.end + timedelta(days=1)
        self.refresh(self.data.terms.semester_from(day, direction))

    def show_data(self, data: SemesterView) -> None:
        """Show the figures of the semester read."""
        self.data = data
        term = data.semester
        self.heading.setText(
            self.tr("{name} ({start} to {end})").format(
                name=term.name, start=show_date(term.start), end=show_date(term.end)
            )
        )
        in_break = data.terms.semester_of(self.today) is None
        self.notice.setVisible(in_break)
        if in_break:
            self.notice.setText(
                self.tr("{day} falls in the school holidays.").format(day=show_date(self.today))
            )
        self.short_model.set_rows(data.shortfalls)
        self.short_title.setText(
            self.tr("Schools with fewer than {required} routine visits: {count}").format(
                required=data.required, count=len(data.shortfalls)
            )
        )
        self.proposal_model.set_rows(data.proposals)
        self.proposal_title.setText(
            self.tr(
                "Principal's term ends this semester or in the break after it: {count} school(s)"
            ).format(count=len(data.proposals))
        )
        for view in (self.shortfalls, self.proposals):
            view.resizeColumnsToContents()
        self._proposal_chosen()

    def _proposal_chosen(self) -> None:
        chosen = bool(_selected(self.proposals))
        self.add_button.setEnabled(chosen)
        self.report_button.setEnabled(chosen)

    def print_report(self) -> None:
        """The 综合督导报告 of the selected proposal's school over its principal's term."""
        chosen = _selected(self.proposals)
        if chosen:
            open_report(self, self.db, self.worker, "school-inspection", self.today,
                        school=chosen[0].school)  # fmt: skip

    def select_school(self, school_id: int) -> None:
        """Select the proposal of this school (tests and links use this)."""
        for row, proposal in enumerate(self.proposal_model.rows):
            if proposal.school_id == school_id:
                self.proposals.selectRow(row)

    def plan_comprehensive(self) -> None:
        """Open the form that puts a 综合督导 of the selected proposal on the calendar."""
        chosen = _selected(self.proposals)
        if not chosen or self.data is None:
            return
        proposal: ComprehensiveProposal = chosen[0]
        title = self.windowTitle()
        if proposal.inspector_id is None:
            dialogs.warn(
                self,
                title,
                self.tr(
                    "{school} has no responsible inspector. Assign one on the Inspectors page "
                    "first."
                ).format(school=proposal.school),
            )
            return
        if proposal.planned_on is not None and not dialogs.ask(
            self,
            title,
            self.tr(
                "{school} already has a comprehensive inspection on {day}. Add another?"
            ).format(school=proposal.school, day=show_date(proposal.planned_on)),
        ):
            return
        term = self.data.semester
        day = min(max(self.today, term.start), term.end)
        self.visit_dialog = ComprehensiveVisitDialog(
            self.db, self.worker, proposal, self.data.inspectors, day, self
        )
        self.visit_dialog.saved.connect(lambda _id: self.refresh())
        self.visit_dialog.open()


class ComprehensiveVisitDialog(FormDialog):
    """A 综合督导 of one school on the day the clerk chooses, led by its responsible inspector
    unless the clerk picks another."""

    def __init__(
        self,
        db: Database,
        worker: DbWorker,
        proposal: ComprehensiveProposal,
        inspectors: Sequence[InspectorRow],
        day: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("Comprehensive inspection of {school}").format(school=proposal.school),
            worker,
            parent,
        )
        self.db, self.school_id = db, proposal.school_id
        self.day = self.add_field("day", self.tr("Date"), DateField())
        self.day.set_value(day)
        self.inspector = self.add_field("inspector", self.tr("Inspector"), QComboBox())
        for row in inspectors:
            self.inspector.addItem(row.name, row.id)
        select_data(self.inspector, proposal.inspector_id)
        self.note = self.add_field("note", self.tr("Note"), QLineEdit())
        self.add_field(
            "term",
            "",
            QLabel(
                self.tr("Principal {name}'s term ends {day}.").format(
                    name=proposal.principal or "—", day=show_date(proposal.principal_term_end)
                )
            ),
        )

    def save(self) -> None:
        data = VisitInput(
            day=self.day.value() or date.today(),
            school_id=self.school_id,
            inspector_id=self.inspector.currentData(),
            kind=VisitKind.COMPREHENSIVE.value,
            note=self.note.text(),
        )
        db = self.db
        self.submit(lambda: add_visit(db, data), changes_of(add_visit))
