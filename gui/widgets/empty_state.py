"""What an empty list says instead of showing a blank table: what to do next.

:class:`EmptyState` lies over a table's viewport, centred, with a sentence and buttons (新增 …,
从 Excel 导入 …). A :class:`gui.widgets.list_page.ListPage` shows it while the page is reading
(正在读取…), when there are no rows at all (the page's own sentence and buttons), and when the
filters hide every row (with a button that clears them).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

Action = tuple[str, Callable[[], None]]
"""A button: its text and what it does."""


class EmptyState(QWidget):
    """A sentence and buttons over ``viewport``, kept the viewport's size."""

    def __init__(self, viewport: QWidget) -> None:
        super().__init__(viewport)
        self.setObjectName("emptyState")
        self.message = QLabel()
        self.message.setObjectName("emptyMessage")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.buttons = QHBoxLayout()
        self.buttons.setSpacing(8)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addStretch(1)
        layout.addWidget(self.message)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addLayout(self.buttons)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)
        self._shown: tuple[str, list[str]] = ("", [])
        viewport.installEventFilter(self)
        self.setGeometry(viewport.rect())
        self.hide()

    def show_message(self, text: str, actions: Sequence[Action] = ()) -> None:
        """Show ``text`` with one button per action."""
        shown = (text, [label for label, _slot in actions])
        if self.isVisible() and shown == self._shown:
            return
        self._shown = shown
        while self.buttons.count():
            item = self.buttons.takeAt(0)
            old = item.widget() if item is not None else None
            if old is not None:
                old.deleteLater()
        for label, slot in actions:
            button = QPushButton(label)
            button.clicked.connect(lambda _=False, slot=slot: slot())
            self.buttons.addWidget(button)
        self.message.setText(text)
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.show()
        self.raise_()

    def button_texts(self) -> list[str]:
        """The buttons' texts, in order (what the clerk is offered)."""
        texts = []
        for number in range(self.buttons.count()):
            item = self.buttons.itemAt(number)
            widget = item.widget() if item is not None else None
            if isinstance(widget, QPushButton):
                texts.append(widget.text())
        return texts

    def click(self, text: str) -> None:
        """Press the button showing ``text`` (tests do what the clerk does)."""
        for number in range(self.buttons.count()):
            item = self.buttons.itemAt(number)
            widget = item.widget() if item is not None else None
            if isinstance(widget, QPushButton) and widget.text() == text:
                widget.click()
                return
        raise LookupError(text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        parent = self.parentWidget()
        if parent is not None and watched is parent and event.type() == QEvent.Type.Resize:
            self.setGeometry(parent.rect())
        return False
