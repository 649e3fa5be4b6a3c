"""The zones' own visits per school per month on the settings page: one box per zone, showing
“per general rule” until the clerk gives the zone a count (e.g. 2 for a 市直学校 zone)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtWidgets import QGridLayout, QLabel, QSpinBox, QWidget

from core.office.policy import PolicyProfile

COLUMNS = 2
GENERAL = -1
"""The box's value while the zone follows the general per-school count."""


class ZoneCounts(QWidget):
    """A spin box per zone; :meth:`counts` are those the clerk set."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[int, QSpinBox] = {}
        self.cells: list[QWidget] = []
        self.none = QLabel(self.tr("No zones yet (add them on the Schools page)."))
        self.grid.addWidget(self.none, 0, 0)

    def set_zones(self, zones: Sequence[tuple[int, str]], counts: Mapping[int, int]) -> None:
        """Show one box per zone (id, name) with its own count, if any."""
        for cell in self.cells:
            self.grid.removeWidget(cell)
            cell.deleteLater()
        self.cells = []
        self.boxes = {}
        self.none.setVisible(not zones)
        meta = PolicyProfile.describe("visits_per_school_per_month")
        for index, (zone_id, name) in enumerate(zones):
            box = QSpinBox()
            box.setObjectName(f"zone_count_{zone_id}")
            box.setRange(GENERAL, int(meta["max"]))
            box.setSpecialValueText(self.tr("general rule"))
            box.setSuffix(f" {meta['unit']}")
            box.setMinimumWidth(140)
            self.boxes[zone_id] = box
            row, column = divmod(index, COLUMNS)
            label = QLabel(name)
            self.grid.addWidget(label, row + 1, 2 * column)
            self.grid.addWidget(box, row + 1, 2 * column + 1)
            self.cells += [label, box]
        self.fill(counts)

    def fill(self, counts: Mapping[int, int]) -> None:
        """Show ``counts``; the other zones follow the general rule."""
        for zone_id, box in self.boxes.items():
            box.setValue(counts.get(zone_id, GENERAL))

    def counts(self) -> dict[int, int]:
        """Per zone id, the count set (zones on the general rule left out)."""
        return {zone: box.value() for zone, box in self.boxes.items() if box.value() != GENERAL}
