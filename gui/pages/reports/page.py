"""The 报表 page: choose a report and its options, preview it, then print or save it.

Each report kind shows only the options it uses (a year for training hours, a school and the
paper size for the 公示牌, the paper size for the roster, a month with zone and inspector filters
and the paper size for the visit plan, a school with unresolved problems for the 整改通知书, a
school and a campaign for the 档案资料清单, a campaign for the 迎检进度表, a year for the annual
figures, a topic inspection for the 专项督导报告, whose texts are edited in
:class:`~gui.pages.reports.topic_dialog.TopicTextsDialog` first, a school and optional first and
last days for the 综合督导报告; the 督导记录表 printed here is the blank form); the PDF is
written on the worker and opened in the preview window.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.calendar.topic_inspection import topic_inspections
from core.changes import EVERYTHING, Change
from core.reports.options import campaign_names, notice_schools
from core.roster.inspectors import inspector_rows
from core.roster.schools import school_rows, zone_rows
from db.engine import Database
from gui import dialogs
from gui.pages.reports.topic_dialog import TopicTextsDialog, read_topic_texts
from gui.report_actions import open_report
from gui.widgets.forms import DateField, make_searchable
from gui.widgets.lazy import RefreshWhenShown
from gui.worker import DbWorker, refusal_handler

KIND_ROLE = Qt.ItemDataRole.UserRole
OPTIONS_USED = {
    "roster": ("paper",),
    "training": ("year",),
    "sign": ("school", "paper"),
    "schedule": ("month", "zone", "inspector", "paper"),
    "rectification-notice": ("notice_school",),
    "supervision-notice": ("notice_school",),
    "bulletin": ("month",),
    "interview": ("notice_school",),
    "complaints": ("year",),
    "checklist": ("campaign", "school"),
    "campaign": ("campaign",),
    "annual": ("year",),
    "topic": ("topic",),
    "school-inspection": ("school", "start", "end"),
}
"""The options each report kind uses; the others take none."""
READS = {Change.SCHOOLS, Change.INSPECTORS, Change.PROBLEMS, Change.CAMPAIGNS, Change.VISITS}
"""Changes after which the offered schools, zones, inspectors, notice schools, campaigns and
topic inspections are re-read."""


class ReportsPage(RefreshWhenShown, QWidget):
    """The list of reports with their options and 预览."""

    def __init__(
        self, db: Database, worker: DbWorker, today: Callable[[], date] = date.today
    ) -> None:
        from core.reports import REPORT_KINDS

        super().__init__()
        self.db = db
        self.worker = worker
        self.today = today
        self.preview: QWidget | None = None

        heading = QLabel(self.tr("Reports"))
        heading.setObjectName("pageTitle")
        self.kinds = QListWidget()
        self.kinds.setObjectName("reportList")
        self.kinds.setMaximumWidth(300)
        self.title = QLabel()
        self.title.setObjectName("sectionTitle")
        self.description = QLabel()
        self.description.setWordWrap(True)
        for kind, title in REPORT_KINDS.items():
            item = QListWidgetItem(title)
            item.setData(KIND_ROLE, kind)
            self.kinds.addItem(item)

        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(today().year)
        self.school = make_searchable(QComboBox())
        self.paper = QComboBox()
        self.paper.addItems(["A4", "A3"])
        self.month = QDateEdit()
        self.month.setDisplayFormat("yyyy-MM")
        self.month.setDateRange(QDate(2000, 1, 1), QDate(2100, 12, 31))
        day = today()
        self.month.setDate(QDate(day.year, day.month, 1))
        self.zone = QComboBox()
        self.inspector = QComboBox()
        self.notice_school = QComboBox()
        self.notice_school.setPlaceholderText(self.tr("No school has problems to rectify"))
        self.campaign = QComboBox()
        self.topic = QComboBox()
        self.topic.setPlaceholderText(self.tr("No topic inspection yet"))
        self.topic_dialog: TopicTextsDialog | None = None
        self.start = DateField(optional=True)
        self.start.setToolTip(self.tr("Empty: from the start of the principal's current term"))
        self.end = DateField(optional=True)
        self.end.setToolTip(
            self.tr("Empty: to the end of the principal's current term, or today once it ended")
        )
        self.options = QFormLayout()
        self.options.addRow(self.tr("Year"), self.year)
        self.options.addRow(self.tr("Campaign"), self.campaign)
        self.options.addRow(self.tr("Topic inspection"), self.topic)
        self.options.addRow(self.tr("Month"), self.month)
        self.options.addRow(self.tr("Zone"), self.zone)
        self.options.addRow(self.tr("Inspector"), self.inspector)
        self.options.addRow(self.tr("School"), self.school)
        self.options.addRow(self.tr("School"), self.notice_school)
        self.options.addRow(self.tr("From"), self.start)
        self.options.addRow(self.tr("To"), self.end)
        self.options.addRow(self.tr("Paper"), self.paper)
        self.preview_button = QPushButton(self.tr("Preview…"))
        self.preview_button.clicked.connect(self.show_preview)
        self.hint = QLabel(
            self.tr("The preview window prints on the office printer or saves the PDF.")
        )
        self.hint.setWordWrap(True)

        side = QVBoxLayout()
        side.setContentsMargins(16, 0, 0, 0)
        side.addWidget(self.title)
        side.addWidget(self.description)
        side.addSpacing(8)
        side.addLayout(self.options)
        side.addWidget(self.preview_button, 0, Qt.AlignmentFlag.AlignLeft)
        side.addWidget(self.hint)
        side.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.kinds)
        body.addLayout(side, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.addWidget(heading)
        layout.addLayout(body, 1)

        self.kinds.currentRowChanged.connect(lambda _row: self._show_options())
        self.kinds.itemDoubleClicked.connect(lambda _item: self.show_preview())
        self.kinds.setCurrentRow(0)
        worker.data_changed.connect(self.refresh)
        self.refresh()

    def refresh(self, changes: frozenset[Change] = EVERYTHING) -> None:
        """Reload the schools, zones, inspectors and notice schools offered as options."""
        if self.needs_reading(changes, READS):
            day, db = self.today(), self.db
            self.worker.submit(
                lambda: (
                    school_rows(db, day),
                    zone_rows(db),
                    inspector_rows(db, day),
                    notice_schools(db),
                    campaign_names(db),
                    topic_inspections(db),
                ),
                on_done=self._show_choices,
            )

    def _show_choices(self, read) -> None:
        schools, zones, inspectors, notice, campaigns, topics = read
        _refill(self.school, [(self.tr("All schools"), "")] +
                [(row.name, row.name) for row in schools if row.active])  # fmt: skip
        _refill(self.zone, [(self.tr("All zones"), None)] + [(z.name, z.name) for z in zones])
        serving = dict.fromkeys(row.name for row in inspectors if row.serving)
        _refill(self.inspector, [(self.tr("All inspectors"), None)] +
                [(name, name) for name in serving])  # fmt: skip
        _refill(self.notice_school, [(name, name) for name in notice])
        _refill(self.campaign, [(self.tr("Latest running campaign"), None)] +
                [(name, name) for name in campaigns])  # fmt: skip
        _refill(self.topic, [(run.label, run) for run in topics])

    def current_kind(self) -> str:
        item = self.kinds.currentItem()
        return item.data(KIND_ROLE) if item else ""

    def _descriptions(self) -> dict[str, str]:
        return {
            "roster": self.tr(
                "Every inspector with gender, unit, post, full or part time, phone, term dates, "
                "zone and schools. A4 or A3 landscape."
            ),
            "sign": self.tr(
                "The sign at a school's gate: the responsible inspector with photo, supervision "
                "phone, duties and main inspection items. One school or every school, A4 or A3."
            ),
            "staffing": self.tr(
                "Inspectors against the staffing ratio, the full-time share, schools without an "
                "inspector, and each zone."
            ),
            "training": self.tr(
                "Each inspector's training hours in a year against the requirement, with "
                "pre-service and centralized training."
            ),
            "terms": self.tr(
                "Terms ending within the warning period and inspectors at the term limit."
            ),
            "schedule": self.tr(
                "The month's visits as a calendar, then each inspector's list. Internal: the "
                "plan is not sent to schools. A4 or A3 landscape, to post on the wall."
            ),
            "visit-form": self.tr(
                "The blank visit record form to fill in at the school. A filled form prints "
                "from the visit records."
            ),
            "rectification-notice": self.tr(
                "The rectification notice to a school listing its problems still to be "
                "rectified, with the reply date and the office's signature."
            ),
            "supervision-notice": self.tr(
                "The latest supervision notice (督办通知) to a school whose rectification is late "
                "or inadequate, with the new deadline."
            ),
            "bulletin": self.tr(
                "The month's bulletin (通报) to every school: problems found, rectified on time "
                "and overdue, supervision notices and talks, per zone, overdue schools by name."
            ),
            "interview": self.tr(
                "The written record of the latest talk (约谈) with a school's leaders: who, "
                "when, where, the problems, what was said and promised, with signature lines."
            ),
            "complaints": self.tr(
                "The year's complaint register: each complaint with its verification, result, "
                "days for a reply and the day answered; late ones marked. A4 landscape."
            ),
            "checklist": self.tr(
                "One school's archive checklist in a campaign: every item with its status, "
                "person responsible, due date, box number and location. A4 landscape."
            ),
            "campaign": self.tr(
                "A campaign's progress: phases and deadlines, each zone and school with its "
                "percent and overdue items, the lagging schools first."
            ),
            "annual": self.tr(
                "The year's work in figures: visits planned and done per month, inspector, zone "
                "and school, problems found and fixed, complaints and training hours, with charts."
            ),
            "topic": self.tr(
                "The report of a topic inspection (专项督导): schools inspected, inspectors, "
                "visits, problems by tier and their rectification, filled in from the data; the "
                "highlights, problems and next steps are edited before printing."
            ),
            "school-inspection": self.tr(
                "The comprehensive inspection (综合督导) of one school, e.g. at the end of its "
                "principal's term: responsible inspectors, visits, problems and their "
                "rectification, archive checklists and scores. Without dates it covers the "
                "principal's current term."
            ),
        }

    def _show_options(self) -> None:
        item = self.kinds.currentItem()
        self.title.setText(item.text() if item else "")
        self.description.setText(self._descriptions().get(self.current_kind(), ""))
        used = OPTIONS_USED.get(self.current_kind(), ())
        for name, widget in self.option_widgets().items():
            self.options.setRowVisible(widget, name in used)

    def option_widgets(self) -> dict[str, QWidget]:
        """The option inputs by option name (as in :data:`OPTIONS_USED`)."""
        return {
            "year": self.year,
            "campaign": self.campaign,
            "topic": self.topic,
            "month": self.month,
            "zone": self.zone,
            "inspector": self.inspector,
            "school": self.school,
            "notice_school": self.notice_school,
            "start": self.start,
            "end": self.end,
            "paper": self.paper,
        }

    def choose(self, kind: str) -> None:
        """Select the report ``kind`` in the list."""
        for row in range(self.kinds.count()):
            if self.kinds.item(row).data(KIND_ROLE) == kind:
                self.kinds.setCurrentRow(row)

    def show_preview(self) -> None:
        """Write the chosen report in the background and open its preview (a 专项督导报告 once
        its texts are edited)."""
        kind = self.current_kind()
        if kind == "topic":
            self.edit_topic_texts()
            return
        used = OPTIONS_USED.get(kind, ())
        options: dict[str, object] = {}
        if "year" in used:
            options["year"] = self.year.value()
        if "school" in used:
            index = self.school.findText(self.school.currentText())
            options["school"] = (
                self.school.itemData(index) if index >= 0 else self.school.currentText()
            ) or None
        if "paper" in used:
            options["paper"] = self.paper.currentText()
        if "month" in used:
            options["month"] = self.month.date().toString("yyyy-MM")
        if "zone" in used:
            options["zone"] = self.zone.currentData()
        if "inspector" in used:
            options["inspector"] = self.inspector.currentData()
        if "notice_school" in used:
            options["school"] = self.notice_school.currentData()
        if "campaign" in used:
            options["campaign"] = self.campaign.currentData()
        if "start" in used:
            options["start"] = self.start.value()
        if "end" in used:
            options["end"] = self.end.value()
        open_report(self, self.db, self.worker, kind, self.today(), **options)

    def edit_topic_texts(self) -> None:
        """Read the chosen topic inspection's generated texts, then open the dialog that edits
        them; its 预览 writes the report with the texts."""
        run = self.topic.currentData()
        if run is None:
            dialogs.warn(self, self.tr("Topic inspection report"),
                         self.tr("There is no topic inspection to report on yet."))  # fmt: skip
            return
        db, day = self.db, self.today()

        def edit(read) -> None:
            def preview(texts: dict[str, str]) -> None:
                open_report(self, db, self.worker, "topic", day, topic=read.topic,
                            start=read.start, end=read.end, texts=texts)  # fmt: skip

            self.topic_dialog = TopicTextsDialog(read, preview, self)
            self.topic_dialog.destroyed.connect(lambda: setattr(self, "topic_dialog", None))
            self.topic_dialog.open()

        self.worker.submit(
            lambda: read_topic_texts(db, run.topic, run.first, run.last, day),
            on_done=edit,
            on_error=refusal_handler(self, self.tr("Topic inspection report")),
        )


def _refill(combo: QComboBox, choices: list[tuple[str, object]]) -> None:
    """Replace the choices of ``combo`` (text, data), keeping the current one if still there."""
    current = combo.currentText()
    combo.clear()
    for text, data in choices:
        combo.addItem(text, data)
    combo.setCurrentIndex(max(0, combo.findText(current)) if choices else -1)
