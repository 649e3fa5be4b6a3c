"""What an import would do (or did): the rows it adds and changes, and its error.

This module stays light (no openpyxl, no SQLAlchemy) so that the command line and the GUI can
import the names of the sheets and the error class without loading the spreadsheet machinery.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from core.errors import FieldError, ValidationError
from core.i18n import _, joined

SHEET_KINDS = ("schools", "inspectors", "training", "visits")
SHEET_TITLES = {
    "schools": "学校",
    "inspectors": "督学",
    "training": "培训记录",
    "visits": "督导记录",
}


class SheetError(ValidationError):
    """A workbook that cannot be imported; nothing was saved.

    ``messages()`` lists every problem, each naming the worksheet, the row and the column
    (letter and header) where the clerk can fix it.
    """

    @classmethod
    def of(cls, *messages: str) -> SheetError:
        """An error of whole-file problems (no particular cell)."""
        return cls([FieldError("file", _("文件"), message) for message in messages])


@dataclass(frozen=True)
class PlannedRow:
    """One row of the sheet that adds or changes something.

    ``changes`` are readable lines (in the chosen language; headers and values as the sheet
    writes them): for a changed row "联系电话：138… → 139…", for an added row a short
    description of what is added.
    """

    row: int
    name: str
    changes: list[str]


@dataclass
class ImportPlan:
    """What importing one workbook does to the database.

    ``fingerprint`` identifies the file's content, so that applying a plan refuses a file that
    was edited after the clerk saw the preview. ``warnings`` are what the clerk should know
    before saving although nothing is wrong with the file (such as history a sheet does not
    carry); :meth:`summary` includes them, so every preview shows them.
    """

    kind: str
    path: Path
    today: date
    sheet: str = ""
    added: list[PlannedRow] = field(default_factory=list)
    changed: list[PlannedRow] = field(default_factory=list)
    unchanged: int = 0
    new_zones: list[str] = field(default_factory=list)
    fingerprint: str = ""
    saved: bool = False
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """One line, "新增 12 行，修改 3 行，未变 20 行" (and any new zones), then one line
        "注意：…" for each warning; in the chosen language."""
        text = _(
            "新增 {added} 行，修改 {changed} 行，未变 {unchanged} 行",
            added=len(self.added),
            changed=len(self.changed),
            unchanged=self.unchanged,
        )
        if self.new_zones:
            zones = joined(self.new_zones, "、", ", ")
            text = _("{summary}；新增责任区：{zones}", summary=text, zones=zones)
        notes = [_("注意：{warning}", warning=warning) for warning in self.warnings]
        return joined([text, *notes], "\n", "\n")

    @property
    def has_changes(self) -> bool:
        return bool(self.added or self.changed or self.new_zones)
