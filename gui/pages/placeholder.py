"""A page whose work is not built yet; it says so plainly and tells what it will hold."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class PlaceholderPage(QWidget):
    """Title, 'not available yet', and what the page will do."""

    def __init__(self, title: str, purpose: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        heading = QLabel(title)
        heading.setObjectName("pageTitle")
        notice = QLabel(self.tr("This page is not available yet in this version."))
        notice.setObjectName("notice")
        self.purpose = QLabel(purpose)
        self.purpose.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addWidget(heading)
        layout.addSpacing(12)
        layout.addWidget(notice)
        layout.addWidget(self.purpose)
        layout.addStretch(1)
        for label in (heading, notice, self.purpose):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
