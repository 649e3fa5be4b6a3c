"""The step to revision 0009 on the county demo of 0007: semester months the clerk changed
become term dates for the school years of the visits, and every visit keeps the .ics UID its
events already had."""

from __future__ import annotations

import gzip
import sqlite3
from datetime import date

from core.office.school_terms import SchoolCalendar
from db.engine import Database
from db.migrate import upgrade_to
from tests.db.fixtures.make_fixtures import fixture_path


def test_changed_semester_months_become_term_dates_and_old_visits_keep_their_uid(tmp_path):
    path = tmp_path / "county.db"
    with gzip.open(fixture_path("0007")) as fixture:
        path.write_bytes(fixture.read())
    with sqlite3.connect(path) as conn:
        conn.executemany(
            "INSERT INTO settings (key, value) VALUES (?, ?)",
            [("policy.spring_start_month", "3"), ("policy.autumn_end_month", "12")],
        )
        first_id = conn.execute("SELECT MIN(id) FROM visits").fetchone()[0]
    db = Database.open(path)
    try:
        upgrade_to(db, "0009")
        terms = SchoolCalendar.load(db)
    finally:
        db.dispose()
    autumn = terms.term(2026, "autumn")
    spring = terms.term(2026, "spring")
    assert (autumn.start, autumn.end, autumn.stored) == (date(2026, 9, 1), date(2026, 12, 31), True)
    assert (spring.start, spring.end) == (date(2027, 3, 1), date(2027, 7, 31))
    with sqlite3.connect(path) as conn:
        keys = {key for (key,) in conn.execute("SELECT key FROM settings")}
        uid = conn.execute("SELECT uid FROM visits WHERE id = ?", (first_id,)).fetchone()[0]
        blank = conn.execute("SELECT COUNT(*) FROM visits WHERE uid IS NULL").fetchone()[0]
    assert not {k for k in keys if k.startswith("policy.") and k.endswith("_month")}
    assert uid == f"visit-{first_id}" and blank == 0
