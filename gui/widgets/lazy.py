"""Pages that read their data only while the clerk can see them.

At start-up only the dashboard reads; the other pages read when first shown. A change announced
while a page is hidden marks it stale, and showing it again reads it then. This keeps start-up
and every save quick however many pages there are.
"""

from __future__ import annotations

from collections.abc import Set
from typing import Any

from PySide6.QtGui import QShowEvent

from core.changes import EVERYTHING, Change


class RefreshWhenShown:
    """Mixin for a QWidget page with a ``refresh(changes)`` method."""

    _stale = True

    def needs_reading(self, changes: Set[Change], relevant: Set[Change]) -> bool:
        """Whether ``refresh`` should read now; remembers relevant changes while hidden."""
        if not changes & relevant:
            return False
        if not self.isVisible():  # type: ignore[attr-defined]
            self._stale = True
            return False
        self._stale = False
        return True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)  # type: ignore[misc]
        if self._stale:
            self.refresh()

    def refresh(self, changes: frozenset[Change] = EVERYTHING) -> Any:
        raise NotImplementedError
