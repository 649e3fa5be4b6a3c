"""What a report is asked for (day, year, school, paper) and the office it is printed for.

Each kind reads only the options it uses and ignores the rest; the checks here raise
:class:`~core.errors.ValidationError` with a Chinese message naming the option.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from core.errors import FieldError, ValidationError
from core.reports.settings import ReportSettings, load_report_settings
from core.settings import office_name_from_session

if TYPE_CHECKING:
    from db.engine import Database

YEAR_RANGE = (2000, 2100)
PAPERS = ("A4", "A3")


@dataclass(frozen=True)
class ReportOptions:
    """The options of one report; ``today`` is the day the figures are taken (and printed)."""

    today: date
    year: int | None = None
    month: str | None = None
    school: str | None = None
    paper: str = "A4"

    def year_or_current(self) -> int:
        """The year asked for, or ``today``'s; refuses a year outside 2000–2100."""
        year = self.today.year if self.year is None else self.year
        low, high = YEAR_RANGE
        if not low <= year <= high:
            raise ValidationError(
                [FieldError("year", "年度", f"年度应在 {low} 至 {high} 之间，不能是 {year}")]
            )
        return year

    def checked_paper(self) -> str:
        """The paper size asked for (A4 or A3, any case)."""
        paper = (self.paper or "A4").upper()
        if paper not in PAPERS:
            raise ValidationError(
                [FieldError("paper", "纸张", f"纸张应为 A4 或 A3，不能是“{self.paper}”")]
            )
        return paper


@dataclass(frozen=True)
class Letterhead:
    """Who prints: the office's name and the report settings."""

    office: str
    settings: ReportSettings


def letterhead(db: Database) -> Letterhead:
    """The office's name and report settings, read in one unit of work."""
    with db.session() as session:
        return Letterhead(office_name_from_session(session), load_report_settings(session))
