"""The dashboard (工作台): what needs the clerk's attention, as clickable cards.

Figures come from :func:`core.overview.compliance`, read by the worker whenever data
changes. Each card opens the list behind it, filtered to what the card counts (its target is
``page`` or ``page:filter``). An empty database offers to load the demo office.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core.changes import EVERYTHING, Change, changes_of
from core.overview import Compliance, compliance
from core.roster.staffing import percent_text
from db.engine import Database
from gui import dialogs
from gui.report_actions import open_report
from gui.sheet_actions import SheetActions
from gui.widgets.table_model import show_date
from gui.worker import DbWorker, report_failure

CARD_COLUMNS = 6
"""The most cards side by side; fewer when the page is narrower (see :data:`CARD_MIN_WIDTH`)."""
CARD_MIN_WIDTH = 200
CARD_SPACING = 12
CARD_DETAIL_LINES = 2
"""Lines of explanation every card has room for; longer ones make their card taller."""
ARCHIVE_WARNING_DAYS = 7
"""A phase deadline this close (days) marks the archives card."""


class Card(QPushButton):
    """A figure with its title and a short explanation; clicking opens the list behind it."""

    def __init__(self, title: str, target: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.target = target
        self.setObjectName("card")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setMinimumWidth(CARD_MIN_WIDTH)
        self.column_width = CARD_MIN_WIDTH
        """The width the dashboard gives the card; its text is wrapped to it."""
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.title = QLabel(title)
        self.title.setObjectName("cardTitle")
        self.title.setWordWrap(True)
        self.figure = QLabel("…")
        self.figure.setObjectName("cardFigure")
        self.detail = QLabel()
        self.detail.setObjectName("cardDetail")
        self.detail.setWordWrap(True)
        layout = QVBoxLayout(self)
        self.box = layout
        layout.setContentsMargins(16, 12, 16, 12)
        for label in (self.title, self.figure, self.detail):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            layout.addWidget(label)
        layout.addStretch(1)

    def least_height(self) -> int:
        """Room for the title, the figure and :data:`CARD_DETAIL_LINES` lines, by their fonts."""
        layout = self.box
        margins = layout.contentsMargins()
        return (
            margins.top()
            + self.title.fontMetrics().height()
            + self.figure.fontMetrics().height()
            + CARD_DETAIL_LINES * self.detail.fontMetrics().lineSpacing()
            + 2 * max(0, layout.spacing())
            + margins.bottom()
        )

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        """Tall enough for every line of the title and the explanation, wrapped at ``width``."""
        return max(self.least_height(), self.box.totalHeightForWidth(width))

    def fit_height(self, width: int | None = None) -> None:
        """Make the card at least as tall as its text needs at ``width`` (or the last width)."""
        if width is not None:
            self.column_width = max(CARD_MIN_WIDTH, width)
        self.setMinimumHeight(self.heightForWidth(self.column_width))

    def sizeHint(self) -> QSize:
        return QSize(self.column_width, self.heightForWidth(self.column_width))

    def minimumSizeHint(self) -> QSize:
        return QSize(CARD_MIN_WIDTH, self.least_height())

    def show_figure(self, figure: str, detail: str, *, alert: bool = False) -> None:
        """Show the figure; ``alert`` marks something that needs doing."""
        self.figure.setText(figure)
        self.detail.setText(detail)
        self.fit_height()
        self.setProperty("alert", alert)
        self.style().unpolish(self)
        self.style().polish(self)


class DashboardPage(QWidget):
    """The first page: the office at a glance."""

    navigate = Signal(str)
    loaded = Signal()

    def __init__(
        self,
        db: Database,
        worker: DbWorker,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.worker = worker
        self.today = today
        self.overview: Compliance | None = None

        self.heading = QLabel(self.tr("Dashboard"))
        self.heading.setObjectName("pageTitle")
        self.subheading = QLabel()

        self.empty_banner = QFrame()
        self.empty_banner.setObjectName("banner")
        banner_text = QLabel(
            self.tr(
                "The database is empty. Import the office's sheets from Excel — the schools "
                "first, then the inspectors (a blank template shows the columns) — or load the "
                "demo office to try the app first. Enter your office's name under Settings."
            )
        )
        banner_text.setWordWrap(True)
        self.sheets = {
            kind: SheetActions(self, kind, db, worker, today)
            for kind in ("schools", "inspectors", "training")
        }
        self.import_buttons = {
            "schools": QPushButton(self.tr("Import schools…")),
            "inspectors": QPushButton(self.tr("Import inspectors…")),
        }
        for kind, button in self.import_buttons.items():
            button.clicked.connect(self.sheets[kind].start_import)
        self.templates_button = QToolButton()
        self.templates_button.setText(self.tr("Blank templates"))
        self.templates_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        templates = QMenu(self.templates_button)
        for kind, label in (
            ("schools", self.tr("Schools template…")),
            ("inspectors", self.tr("Inspectors template…")),
            ("training", self.tr("Training template…")),
        ):
            templates.addAction(label).triggered.connect(self.sheets[kind].template)
        self.templates_button.setMenu(templates)
        self.demo_button = QPushButton(self.tr("Load demo data"))
        self.demo_button.clicked.connect(self.load_demo)
        banner_layout = QVBoxLayout(self.empty_banner)
        banner_layout.addWidget(banner_text)
        banner_buttons = QHBoxLayout()
        for kind_button in self.import_buttons.values():
            banner_buttons.addWidget(kind_button)
        banner_buttons.addWidget(self.templates_button)
        banner_buttons.addStretch(1)
        banner_buttons.addWidget(self.demo_button)
        banner_layout.addLayout(banner_buttons)
        self.empty_banner.hide()

        self.cards = {
            "due": Card(self.tr("Visits in the next 7 days"), "calendar:week"),
            "unvisited": Card(self.tr("Not visited this month"), "records:unvisited"),
            "records": Card(self.tr("Visit records missing"), "records:missing"),
            "overdue": Card(self.tr("Overdue rectifications"), "rectification:overdue"),
            "escalated": Card(self.tr("Problems reported up"), "rectification:escalated"),
            "supervision": Card(self.tr("Supervision overdue"), "rectification:supervision"),
            "complaints": Card(self.tr("Complaints overdue"), "rectification:complaints"),
            "archives": Card(self.tr("Next evaluation deadline"), "archives:next"),
            "archive_overdue": Card(self.tr("Overdue archive items"), "archives:overdue"),
            "schools": Card(self.tr("Schools and kindergartens"), "schools:active"),
            "inspectors": Card(self.tr("Inspectors in office"), "inspectors:serving"),
            "full_time": Card(self.tr("Full-time inspectors"), "inspectors:full_time"),
            "uncovered": Card(self.tr("Schools without an inspector"), "schools:uncovered"),
            "terms": Card(self.tr("Terms ending soon"), "inspectors:expiring"),
            "term_limit": Card(self.tr("At the term limit"), "inspectors:term_limit"),
            "training": Card(self.tr("Training hours short"), "training:shortfall"),
            "preservice": Card(self.tr("Pre-service training missing"), "training:preservice"),
            "yearly": Card(self.tr("Yearly assessments missing"), "inspectors:yearly"),
            "workload": Card(self.tr("Heavy workloads"), "inspectors:overloaded"),
            "rotation": Card(self.tr("Due for rotation"), "schools:rotation"),
            "principals": Card(self.tr("Principals' terms ending"), "schools"),
            "holidays": Card(self.tr("Next year's holidays"), "calendar"),
            "zones": Card(self.tr("Zones"), "schools:active"),
        }
        self.card_area = QWidget()
        self.grid = QGridLayout()
        self.grid.setSpacing(CARD_SPACING)
        area_layout = QVBoxLayout(self.card_area)
        area_layout.setContentsMargins(0, 0, 0, 0)
        area_layout.addLayout(self.grid)
        area_layout.addStretch(1)
        self.columns = 0
        for card in self.cards.values():
            card.clicked.connect(lambda _=False, target=card.target: self.navigate.emit(target))
        self.arrange_cards(CARD_COLUMNS)
        self.card_scroll = QScrollArea()
        self.card_scroll.setObjectName("cardScroll")
        self.card_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.card_scroll.setWidgetResizable(True)
        self.card_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.card_scroll.setWidget(self.card_area)

        layout = QVBoxLayout(self)
        self.box = layout
        layout.setContentsMargins(32, 24, 32, 24)
        self.print_button = QPushButton(self.tr("Print staffing report…"))
        self.print_button.clicked.connect(
            lambda: open_report(self, self.db, self.worker, "staffing", self.today())
        )
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.print_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout.addLayout(top)
        layout.addWidget(self.subheading)
        layout.addSpacing(12)
        layout.addWidget(self.empty_banner)
        layout.addWidget(self.card_scroll, 1)

        worker.data_changed.connect(self.refresh)
        self.refresh()

    def arrange_cards(self, columns: int) -> None:
        """Put the cards in rows of ``columns``, each column as wide as the others."""
        columns = max(1, min(columns, CARD_COLUMNS))
        if columns == self.columns:
            return
        for card in self.cards.values():
            self.grid.removeWidget(card)
        for index, card in enumerate(self.cards.values()):
            self.grid.addWidget(card, index // columns, index % columns, Qt.AlignmentFlag(0))
        for column in range(max(columns, self.grid.columnCount())):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)
        self.columns = columns

    def columns_for(self, width: int) -> int:
        """How many cards of at least :data:`CARD_MIN_WIDTH` fit side by side in ``width``."""
        return (width + CARD_SPACING) // (CARD_MIN_WIDTH + CARD_SPACING)

    def resizeEvent(self, event: QResizeEvent) -> None:
        # The scroll bar's width is always left free, so that its coming and going does not
        # change the number of columns back and forth.
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        margins = self.box.contentsMargins()
        width = event.size().width() - margins.left() - margins.right() - bar
        self.arrange_cards(self.columns_for(width))
        column_width = (width - (self.columns - 1) * CARD_SPACING) // self.columns
        for card in self.cards.values():
            card.fit_height(column_width)
        super().resizeEvent(event)

    def refresh(self, _changes: frozenset[Change] = EVERYTHING) -> None:
        """Read the figures again in the background."""
        day = self.today()
        self.worker.submit(lambda: compliance(self.db, day), on_done=self.show_overview)

    def show_overview(self, overview: Compliance) -> None:
        """Fill the cards from ``overview``."""
        self.overview = o = overview
        p = o.policy
        self.subheading.setText(
            self.tr("{office} · {day}").format(office=o.office_name, day=f"{o.today:%Y-%m-%d}")
        )
        self.empty_banner.setVisible(o.is_empty)
        self.demo_button.setEnabled(o.is_empty)
        self.cards["schools"].show_figure(
            str(o.schools),
            self.tr("{kindergartens} kindergartens, {private} private").format(
                kindergartens=o.kindergartens, private=o.private_schools
            ),
        )
        self.cards["inspectors"].show_figure(
            self.tr("{actual} / {required}").format(
                actual=o.inspectors, required=o.required_inspectors
            ),
            self.tr("{shortfall} more needed by the staffing ratio").format(shortfall=o.shortfall)
            if o.shortfall
            else self.tr("Staffing meets the ratio"),
            alert=o.shortfall > 0,
        )
        self.cards["full_time"].show_figure(
            percent_text(o.full_time_share, p.min_full_time_share),
            self.tr("{count} full-time; at least {minimum:.0%} required").format(
                count=o.full_time, minimum=p.min_full_time_share
            ),
            alert=o.full_time_short,
        )
        self.cards["uncovered"].show_figure(
            str(len(o.uncovered_schools)),
            self.tr("Assign a responsible inspector")
            if o.uncovered_schools
            else self.tr("Every school is covered"),
            alert=bool(o.uncovered_schools),
        )
        self.cards["terms"].show_figure(
            str(len(o.terms_expiring)),
            self.tr("Terms ending within %n day(s)", "", p.term_warning_days),
            alert=bool(o.terms_expiring),
        )
        self.cards["term_limit"].show_figure(
            str(len(o.term_limit_reached)),
            self.tr("Last allowed term (at most {count} in a row)").format(
                count=p.max_consecutive_terms
            ),
        )
        self.cards["training"].show_figure(
            str(len(o.training_shortfall)),
            self.tr("Below %n hour(s) in {year}", "", p.training_hours_per_year).format(
                year=o.training_year
            ),
            alert=bool(o.training_shortfall),
        )
        self.cards["preservice"].show_figure(
            str(len(o.missing_preservice)),
            self.tr("New inspectors below %n pre-service hour(s)", "", p.preservice_training_hours),
            alert=bool(o.missing_preservice),
        )
        yearly = o.assessments
        missing = yearly.missing if yearly is not None else []
        self.cards["yearly"].show_figure(
            str(len(missing)),
            (
                self.tr("Assessments of {year}, due by {day}").format(
                    year=yearly.year, day=show_date(yearly.due)
                )
                if yearly is not None
                else ""
            ),
            alert=yearly is not None and yearly.overdue,
        )
        self.cards["workload"].show_figure(
            str(len(o.overloaded)),
            self.tr("Inspectors with more than %n school(s)", "", p.inspector_school_warning),
            alert=bool(o.overloaded),
        )
        self.cards["rotation"].show_figure(
            str(len(o.rotation_due)),
            self.tr("Schools with the same inspector for {years} years or more").format(
                years=p.rotation_reminder_years
            ),
        )
        self._show_work(o)
        self._show_calendar(o)
        self._show_archives(o)
        crowded = sum(1 for z in o.zones if z.over_limit)
        self.cards["zones"].show_figure(
            str(len(o.zones)),
            self.tr("{crowded} over {limit} schools; {unzoned} schools outside any zone").format(
                crowded=crowded, limit=p.zone_school_warning, unzoned=len(o.unzoned_schools)
            )
            if crowded or o.unzoned_schools
            else self.tr("Supervision zones"),
            alert=bool(crowded or o.unzoned_schools),
        )
        self.loaded.emit()

    def _show_work(self, o: Compliance) -> None:
        """The cards of the visit and rectification work."""
        if o.visits is not None:
            v = o.visits
            self.cards["due"].show_figure(
                str(v.due_this_week), self.tr("Planned or confirmed, from today on")
            )
            self.cards["unvisited"].show_figure(
                str(v.unvisited_this_month),
                self.tr("School holidays: no routine visits this month")
                if v.school_break
                else self.tr("{count} of them have no visit planned this month").format(
                    count=v.unvisited_unplanned
                ),
                alert=v.unvisited_unplanned > 0 and not v.school_break,
            )
            self.cards["records"].show_figure(
                str(v.records_missing),
                self.tr("Visits this semester whose day has come, without a record"),
                alert=v.records_missing > 0,
            )
        if o.rectification is not None:
            r = o.rectification
            self.cards["overdue"].show_figure(
                str(r.overdue),
                self.tr("%n problem(s) not fixed yet", "", r.open),
                alert=r.overdue > 0,
            )
            self.cards["escalated"].show_figure(
                str(r.escalated),
                self.tr(
                    "{count} serious not reported up within %n day(s)",
                    "",
                    o.policy.serious_report_days,
                ).format(count=r.unreported_serious)
                if r.unreported_serious
                else self.tr("Not fixed after the follow-ups, or serious"),
                alert=r.escalated > 0,
            )
            self.cards["supervision"].show_figure(
                str(r.overdue_supervisions),
                self.tr("Still not fixed after the new deadline of a supervision notice"),
                alert=r.overdue_supervisions > 0,
            )
            self.cards["complaints"].show_figure(
                str(r.overdue_complaints),
                self.tr("Not answered within the days for a reply"),
                alert=r.overdue_complaints > 0,
            )

    def _show_calendar(self, o: Compliance) -> None:
        """The cards of principals' terms ending (综合督导 due) and next year's holidays."""
        c = o.calendar
        if c is None:
            return
        self.cards["principals"].show_figure(
            str(len(c.principals)),
            self.tr(
                "Within %n day(s); {count} without a comprehensive inspection", "", c.warning_days
            ).format(count=len(c.unplanned)),
            alert=bool(c.unplanned),
        )
        status = {
            "complete": self.tr("Known"),
            "provisional": self.tr("Provisional"),
            "missing": self.tr("Missing"),
        }[c.next_year_status]
        self.cards["holidays"].show_figure(
            status,
            self.tr("{year}: import the State Council's notice when it is published").format(
                year=c.next_year
            )
            if c.next_year_status != "complete"
            else self.tr("{year}: holidays and swapped working days known").format(
                year=c.next_year
            ),
            alert=c.remind_holidays,
        )

    def _show_archives(self, o: Compliance) -> None:
        """The cards of the evaluation campaigns (迎检): the next phase deadline, overdue items."""
        a = o.archives
        if a is None:
            self.cards["archives"].show_figure("—", self.tr("No evaluation campaign running"))
            self.cards["archive_overdue"].show_figure(
                "0", self.tr("No evaluation campaign running")
            )
            return
        if a.next_deadline is None or a.days_left is None:
            self.cards["archives"].show_figure(
                "—",
                self.tr("{campaign}: every phase deadline has passed").format(
                    campaign=a.next_campaign or self.tr("the running campaign")
                ),
            )
        else:
            self.cards["archives"].show_figure(
                self.tr("%n day(s)", "", a.days_left),
                self.tr("{campaign}: {phase} by {day}").format(
                    campaign=a.next_campaign, phase=a.next_phase, day=f"{a.next_deadline:%Y-%m-%d}"
                ),
                alert=a.days_left <= ARCHIVE_WARNING_DAYS,
            )
        self.cards["archive_overdue"].show_figure(
            str(a.overdue),
            self.tr("%n school(s) lagging behind", "", a.lagging)
            if a.lagging
            else self.tr("No school lagging behind"),
            alert=a.overdue > 0,
        )

    def load_demo(self) -> None:
        """Fill the empty database with the demo office, after asking."""
        question = self.tr(
            "Load the demo office (about 40 schools and 10 inspectors) into the empty database?"
        )
        if not dialogs.ask(self, self.tr("Demo data"), question):
            return
        from core.demo.office import create_demo

        self.demo_button.setEnabled(False)
        self.worker.submit(
            lambda: create_demo(self.db, "office"),
            on_error=self._demo_failed,
            changes=changes_of(create_demo),
        )

    def _demo_failed(self, exc: BaseException) -> None:
        from core.errors import NotEmptyError

        if isinstance(exc, NotEmptyError):
            dialogs.warn(self, self.tr("Demo data"), str(exc))
        else:
            report_failure(exc)
        self.refresh()
