"""An Excel export or import of a county list says how far it has got, row by row; a cancelled
export leaves no file behind and a cancelled import saves nothing."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from core.demo.office import create_demo
from core.jobs import Cancelled, reporting_to
from core.sheets import apply_import, export_sheet, plan_import
from core.sheets.writer import FIRST_DATA_ROW
from db.engine import Database
from db.migrate import upgrade
from db.models import School, Zone
from tests.conftest import TODAY
from tests.db.test_import_export import count


def test_exporting_the_county_schools_reports_each_hundred_rows_and_can_be_cancelled(
    sqlite_db, tmp_path
):
    create_demo(sqlite_db, "county", TODAY)
    out = tmp_path / "学校.xlsx"
    steps: list[tuple[int, int, str]] = []

    def cancel_at_200(done: int, total: int, what: str) -> None:
        steps.append((done, total, what))
        if done >= 200:
            raise Cancelled

    with reporting_to(cancel_at_200), pytest.raises(Cancelled):
        export_sheet(sqlite_db, "schools", out, TODAY)
    assert list(tmp_path.glob("*.xlsx")) == [], "no sheet, not even a partial one"
    assert (100, 500, "第 100/500 行") in steps

    steps.clear()
    with reporting_to(lambda *step: steps.append(step)):
        assert export_sheet(sqlite_db, "schools", out, TODAY) == 500
    assert [what for _d, _t, what in steps if what.startswith("第")] == [
        f"第 {done}/500 行" for done in range(0, 500, 100)
    ]
    assert steps[-1] == (500, 500, "保存文件")
    sheet = load_workbook(out).active
    assert sheet is not None
    rows = sheet.iter_rows(min_row=FIRST_DATA_ROW, values_only=True)
    assert sum(1 for row in rows if row[0]) == 500


def test_importing_the_county_schools_reports_each_hundred_rows_and_a_cancel_saves_nothing(
    sqlite_db, tmp_path
):
    create_demo(sqlite_db, "county", TODAY)
    sheet = tmp_path / "学校.xlsx"
    export_sheet(sqlite_db, "schools", sheet, TODAY)
    fresh = Database.open(tmp_path / "new.db")
    try:
        upgrade(fresh, backup=False)
        steps: list[tuple[int, int, str]] = []
        with reporting_to(lambda *step: steps.append(step)):
            plan = plan_import(fresh, "schools", sheet, TODAY)
        assert [what for _d, _t, what in steps] == [
            f"第 {done}/500 行" for done in range(0, 500, 100)
        ]

        def cancel_at_200(done: int, total: int, what: str) -> None:
            if done >= 200:
                raise Cancelled

        with reporting_to(cancel_at_200), pytest.raises(Cancelled):
            apply_import(fresh, plan)
        assert count(fresh, School) == 0 and count(fresh, Zone) == 0
        assert apply_import(fresh, plan).saved and count(fresh, School) == 500
    finally:
        fresh.dispose()
