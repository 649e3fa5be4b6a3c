"""The texts of a 专项督导报告, edited before it is printed.

The 报表 page reads the inspection's figures and the texts they suggest on the worker
(:func:`read_topic_texts`) and opens :class:`TopicTextsDialog` with them: the addressee on one
line, then one tab per text (opening, highlights, problems and rectification, next steps),
each filled with the generated text. 预览 checks the texts (a text that may not be empty is
refused naming it, and the dialog stays open) and hands them to the page, which writes the
report with them; 恢复生成的内容 puts the generated text back into the tab shown.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.errors import ValidationError
from db.engine import Database
from gui import dialogs


@dataclass(frozen=True)
class TopicTexts:
    """What the dialog starts from: the inspection and its generated texts by section."""

    topic: str
    start: date
    end: date
    defaults: dict[str, str]


def read_topic_texts(db: Database, topic: str, start: date, end: date, today: date) -> TopicTexts:
    """The generated texts of the 专项督导 on ``topic`` from ``start`` to ``end`` (worker job)."""
    from core.calendar.topic_inspection import topic_figures
    from core.reports.options import letterhead
    from core.reports.topic_text import default_texts

    figures = topic_figures(db, topic, start, end, today)
    return TopicTexts(topic, start, end, default_texts(figures, letterhead(db).office))


class TopicTextsDialog(QDialog):
    """Edit the texts of a 专项督导报告; ``on_preview(texts)`` runs when they are accepted."""

    def __init__(
        self,
        read: TopicTexts,
        on_preview: Callable[[dict[str, str]], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Topic inspection report"))
        self.read = read
        self.on_preview = on_preview
        period = f"{read.start:%Y-%m-%d} – {read.end:%Y-%m-%d}"
        intro = QLabel(
            self.tr(
                "{topic}, {period}. The figures are filled in from the data; edit the texts "
                "below before printing."
            ).format(topic=read.topic, period=period)
        )
        intro.setWordWrap(True)
        self.addressee = QLineEdit(read.defaults.get("addressee", ""))
        self.addressee.setPlaceholderText(self.tr("Leave empty to print no addressee"))
        addressee_form = QFormLayout()
        addressee_form.addRow(self.tr("Addressee"), self.addressee)
        self.tabs = QTabWidget()
        self.edits: dict[str, QPlainTextEdit] = {}
        for key, label in self._tab_labels().items():
            edit = QPlainTextEdit(read.defaults.get(key, ""))
            edit.setObjectName(f"topicText_{key}")
            self.edits[key] = edit
            self.tabs.addTab(edit, label)
        self.restore_button = QPushButton(self.tr("Restore generated text"))
        self.restore_button.clicked.connect(self.restore_generated)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.preview_button = buttons.addButton(
            self.tr("Preview…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ResetRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(addressee_form)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.resize(760, 560)

    def _tab_labels(self) -> dict[str, str]:
        return {
            "opening": self.tr("Opening"),
            "highlights": self.tr("II. Highlights"),
            "issues": self.tr("III. Problems and rectification"),
            "suggestions": self.tr("IV. Next steps"),
        }

    def texts(self) -> dict[str, str]:
        """The texts as edited, by section."""
        texts = {key: edit.toPlainText() for key, edit in self.edits.items()}
        texts["addressee"] = self.addressee.text()
        return texts

    def restore_generated(self) -> None:
        """Put the generated text back into the tab shown."""
        key = list(self.edits)[self.tabs.currentIndex()]
        self.edits[key].setPlainText(self.read.defaults.get(key, ""))

    def accept(self) -> None:
        """Check the texts; refused ones keep the dialog open, accepted ones are previewed."""
        from core.reports.topic_text import checked_texts

        try:
            texts = checked_texts(self.texts(), self.read.defaults)
        except ValidationError as exc:
            dialogs.warn(self, self.windowTitle(), "\n".join(exc.messages()))
            return
        super().accept()
        self.on_preview(texts)
