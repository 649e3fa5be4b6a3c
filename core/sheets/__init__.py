"""Excel (.xlsx) import and export of the school list, the inspector roster, training records
and visits with their records.

Importing is two steps, so the clerk sees what will happen before anything is saved:
:func:`plan_import` reads the workbook and the database and reports the rows it would add and
change; :func:`apply_import` does it in one transaction. Both run the same import inside a
transaction — the plan's is rolled back — so the preview finds every problem the real import
would meet. Any problem means nothing is saved, and :class:`SheetError` lists all of them by
worksheet, row and column. Import schools first, then inspectors (whose 挂牌 names schools),
then training records and visits (which name inspectors and schools). Each kind's rules are in
its module: :mod:`~core.sheets.schools`, :mod:`~core.sheets.inspectors`,
:mod:`~core.sheets.training`, :mod:`~core.sheets.visits`.

Rows are matched by name (schools, inspectors), by inspector, course and first day (training)
or by day, school, inspector and kind of visit (visits), so importing a sheet again updates
rather than duplicates, and nothing missing from a sheet is deleted. A column the sheet lacks
leaves the stored values alone; a cell that is there but empty clears the value. Exported sheets
have the same columns as imported ones, so export → edit → import changes exactly what was
edited.

What cannot be read reliably is refused, never guessed: a data row with cells merged across
the sheet's columns, a formula saved without its result (a file written by a program and never
opened in Excel or WPS), and a text longer than its field allows — the limit of the core rules
(备注 of a visit 500 字, 发现情况 5000 字 …) and never more than an Excel cell holds (32,767),
so that nothing imported is cut when exported again; each message names the cell and the limit.
In 挂牌学校 several schools are separated by 、; a school whose name itself holds 、，,;；/ is
written in 「」 (or “”, 『』) — 「城关镇中心小学/分校」、青溪县实验小学 — as exports do and as
the header cell's comment explains.

A sheet carries the present, not history: importing schools or inspectors into an empty
database adds a warning to the plan (shown by :meth:`ImportPlan.summary` in every preview) that
terms and 挂牌 history do not come along, and that moving a whole office is done by backup and
restore.

This package never imports Qt; openpyxl is loaded only when a sheet is read or written.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from core.changes import EVERYTHING, mutates
from core.i18n import _
from core.jobs import progress
from core.sheets.plan import SHEET_KINDS, SHEET_TITLES, ImportPlan, PlannedRow, SheetError
from db.engine import hold_office_lock

if TYPE_CHECKING:
    from core.sheets.reader import SheetHandler
    from db.engine import Database

__all__ = [
    "SHEET_KINDS",
    "SHEET_TITLES",
    "ImportPlan",
    "PlannedRow",
    "SheetError",
    "apply_import",
    "export_sheet",
    "plan_import",
    "write_template",
]


class _RolledBack(Exception):
    """Leaves the preview's session so that it rolls back, carrying the finished plan."""

    def __init__(self, plan: ImportPlan) -> None:
        super().__init__("preview")
        self.plan = plan


def _handler(kind: str) -> SheetHandler:
    from core.sheets import inspectors, schools, training, visits

    handlers = {
        "schools": schools.HANDLER,
        "inspectors": inspectors.HANDLER,
        "training": training.HANDLER,
        "visits": visits.HANDLER,
    }
    if kind not in handlers:
        raise ValueError(f"unknown sheet kind {kind!r}; expected one of {SHEET_KINDS}")
    return handlers[kind]


def _run(db: Database, kind: str, path: Path, today: date, *, save: bool) -> ImportPlan:
    from core.sheets.reader import Problems, read_table

    handler = _handler(kind)
    # The file is read before the database is touched: a file error is never a database error.
    table = read_table(path, handler.spec)
    plan = ImportPlan(kind, path, today, sheet=table.sheet, fingerprint=table.fingerprint)
    try:
        with db.session() as session:
            if save:
                hold_office_lock(session, "imports")
            problems = Problems(table)
            handler.import_rows(session, table, today, problems, plan)
            if problems:
                raise problems.error()
            session.flush()
            if not save:
                raise _RolledBack(plan)
            plan.saved = True
    except _RolledBack as preview:
        return preview.plan
    return plan


def plan_import(db: Database, kind: str, path: Path, today: date) -> ImportPlan:
    """What importing the workbook at ``path`` as ``kind`` would do; saves nothing.

    ``today`` is the first day of any new 挂牌 and the day a school set to 停用 stops being
    covered. Raises :class:`SheetError` listing every problem of the file.
    """
    return _run(db, kind, Path(path), today, save=False)


@mutates(*EVERYTHING)
def apply_import(db: Database, plan: ImportPlan) -> ImportPlan:
    """Import the plan's workbook in one transaction: all of it, or (on any problem) nothing.

    Re-reads and re-checks the file; refuses a file that changed since the plan was made.
    Returns the plan of what was saved (``saved`` is true).
    """
    from core.sheets.reader import file_fingerprint

    if plan.fingerprint and file_fingerprint(plan.path) != plan.fingerprint:
        raise SheetError.of(
            _("“{name}”在预览之后又被修改过。请重新预览，确认无误后再导入。", name=plan.path.name)
        )
    return _run(db, plan.kind, plan.path, plan.today, save=True)


def export_sheet(db: Database, kind: str, path: Path, today: date) -> int:
    """Write every stored row of ``kind`` to a new workbook at ``path``; returns rows written.

    The title row names the office and the export date; ``today`` also decides each
    inspector's current term and 挂牌 schools.
    """
    from core.office.settings import office_name_from_session
    from core.sheets.writer import build_workbook, save_workbook

    handler = _handler(kind)
    progress(0, 0, _("读取"))
    with db.session() as session:
        office = office_name_from_session(session)
        records = handler.export_records(session, today)
    title = f"{office}{handler.spec.heading}（导出日期：{today.isoformat()}）"
    workbook = build_workbook(handler.spec, title, records)
    progress(len(records), len(records), _("保存文件"))
    save_workbook(workbook, Path(path))
    return len(records)


def write_template(kind: str, path: Path) -> None:
    """Write an empty sheet of ``kind`` to fill in: title row, header row and drop-down lists."""
    from core.sheets.writer import build_workbook, save_workbook

    spec = _handler(kind).spec
    save_workbook(build_workbook(spec, f"{spec.heading}（导入模板）"), Path(path))
