"""The dashboard (工作台): what needs the clerk's attention, as clickable cards.

Figures come from :func:`core.overview.office_overview`, read by the worker whenever data
changes. An empty database offers to load the demo office.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.overview import OfficeOverview, office_overview
from db.engine import Database
from gui import dialogs
from gui.worker import EVERYTHING, DbWorker, report_failure

CARD_COLUMNS = 3


class Card(QPushButton):
    """A figure with its title and a short explanation; clicking opens the list behind it."""

    def __init__(self, title: str, target: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.target = target
        self.setObjectName("card")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setMinimumSize(220, 120)
        self.title = QLabel(title)
        self.title.setObjectName("cardTitle")
        self.figure = QLabel("…")
        self.figure.setObjectName("cardFigure")
        self.detail = QLabel()
        self.detail.setObjectName("cardDetail")
        self.detail.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        for label in (self.title, self.figure, self.detail):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            layout.addWidget(label)
        layout.addStretch(1)

    def show_figure(self, figure: str, detail: str, *, alert: bool = False) -> None:
        """Show the figure; ``alert`` marks something that needs doing."""
        self.figure.setText(figure)
        self.detail.setText(detail)
        self.setProperty("alert", alert)
        self.style().unpolish(self)
        self.style().polish(self)


class DashboardPage(QWidget):
    """The first page: the office at a glance."""

    navigate = Signal(str)
    loaded = Signal()

    def __init__(self, db: Database, worker: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.worker = worker
        self.overview: OfficeOverview | None = None

        self.heading = QLabel(self.tr("Dashboard"))
        self.heading.setObjectName("pageTitle")
        self.subheading = QLabel()

        self.empty_banner = QFrame()
        self.empty_banner.setObjectName("banner")
        banner_text = QLabel(
            self.tr(
                "The database is empty. Load the demo office to try the app, or enter your "
                "office's name under Settings."
            )
        )
        banner_text.setWordWrap(True)
        self.demo_button = QPushButton(self.tr("Load demo data"))
        self.demo_button.clicked.connect(self.load_demo)
        banner_layout = QHBoxLayout(self.empty_banner)
        banner_layout.addWidget(banner_text, 1)
        banner_layout.addWidget(self.demo_button)
        self.empty_banner.hide()

        self.cards = {
            "schools": Card(self.tr("Schools and kindergartens"), "schools"),
            "inspectors": Card(self.tr("Inspectors in office"), "inspectors"),
            "full_time": Card(self.tr("Full-time inspectors"), "inspectors"),
            "uncovered": Card(self.tr("Schools without an inspector"), "schools"),
            "zones": Card(self.tr("Zones"), "schools"),
        }
        grid = QGridLayout()
        grid.setSpacing(12)
        for index, card in enumerate(self.cards.values()):
            card.clicked.connect(lambda _=False, target=card.target: self.navigate.emit(target))
            grid.addWidget(card, index // CARD_COLUMNS, index % CARD_COLUMNS)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addWidget(self.heading)
        layout.addWidget(self.subheading)
        layout.addSpacing(12)
        layout.addWidget(self.empty_banner)
        layout.addLayout(grid)
        layout.addStretch(1)

        worker.data_changed.connect(self.refresh)
        self.refresh()

    def refresh(self, _changes: frozenset[str] = EVERYTHING) -> None:
        """Read the figures again in the background."""
        self.worker.submit(
            lambda: office_overview(self.db, date.today()), on_done=self.show_overview
        )

    def show_overview(self, overview: OfficeOverview) -> None:
        """Fill the cards from ``overview``."""
        self.overview = overview
        self.subheading.setText(
            self.tr("{office} · {day}").format(
                office=overview.office_name, day=overview.today.strftime("%Y-%m-%d")
            )
        )
        self.empty_banner.setVisible(overview.is_empty)
        self.demo_button.setEnabled(overview.is_empty)
        o = overview
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
            self.tr("{shortfall} more needed by the staffing ratio").format(
                shortfall=o.inspector_shortfall
            )
            if o.inspector_shortfall
            else self.tr("Staffing meets the ratio"),
            alert=o.inspector_shortfall > 0,
        )
        share_low = o.inspectors > 0 and o.full_time_share < o.min_full_time_share
        self.cards["full_time"].show_figure(
            f"{o.full_time_share:.0%}",
            self.tr("{count} full-time; at least {minimum:.0%} required").format(
                count=o.full_time, minimum=o.min_full_time_share
            ),
            alert=share_low,
        )
        self.cards["uncovered"].show_figure(
            str(o.uncovered_schools),
            self.tr("Assign a responsible inspector")
            if o.uncovered_schools
            else self.tr("Every school is covered"),
            alert=o.uncovered_schools > 0,
        )
        self.cards["zones"].show_figure(str(o.zones), self.tr("Supervision zones"))
        self.loaded.emit()

    def load_demo(self) -> None:
        """Fill the empty database with the demo office, after asking."""
        question = self.tr(
            "Load the demo office (about 40 schools and 10 inspectors) into the empty database?"
        )
        if not dialogs.ask(self, self.tr("Demo data"), question):
            return
        from core.demo import create_demo

        self.demo_button.setEnabled(False)
        self.worker.submit(
            lambda: create_demo(self.db, "office"),
            on_error=self._demo_failed,
            changes=EVERYTHING,
        )

    def _demo_failed(self, exc: BaseException) -> None:
        from core.errors import NotEmptyError

        if isinstance(exc, NotEmptyError):
            dialogs.warn(self, self.tr("Demo data"), str(exc))
        else:
            report_failure(exc)
        self.refresh()
