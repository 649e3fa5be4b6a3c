"""Attachments stored in the database: what attaching and opening a big file costs, and what
they add to a backup.

    python benchmarks/attachments.py [--runs 3] [--pg postgresql://user@host/db]

Attaches a 100 MB file of random bytes (random, so nothing compresses it) to a visit and opens
it again (written out to a temporary file), on a temporary SQLite file and, with ``--pg`` (or
``SUPERVISION_TEST_PG_URL``), on a fresh PostgreSQL database made for the run and dropped after.
Each is timed ``--runs`` times, with the peak of Python's memory (tracemalloc) and the growth
of the process's peak resident size. Then it backs up a SQLite database holding 200 MB of
attachments (two 100 MB files) and times that.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
import tracemalloc
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from timing import report  # noqa: E402  (beside this script)

MB = 1024 * 1024
TODAY = date(2026, 11, 23)


def _random_file(path: Path, size_mb: int) -> Path:
    with path.open("wb") as file:
        for _ in range(size_mb):
            file.write(os.urandom(MB))
    return path


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _measure(name: str, job: Callable[[], object], runs: int) -> None:
    """Time ``job`` ``runs`` times; print the spread and the memory it needed."""
    times, peaks = [], []
    rss_before = _peak_rss_mb()
    for _ in range(runs):
        tracemalloc.start()
        start = time.perf_counter()
        job()
        times.append(time.perf_counter() - start)
        peaks.append(tracemalloc.get_traced_memory()[1] / MB)
        tracemalloc.stop()
    report(name, times)
    print(
        f"{'':<44} Python peak {max(peaks):5.1f} MB, "
        f"process peak grew {_peak_rss_mb() - rss_before:5.1f} MB"
    )


def _visit(db) -> int:
    from db.models import Inspector, School, Visit

    with db.session() as session:
        visit = Visit(
            visit_date=TODAY,
            school=School(name=f"学校{uuid.uuid4().hex[:6]}", kind="primary"),
            inspector=Inspector(name="王军"),
        )
        session.add(visit)
        session.flush()
        return visit.id


@contextmanager
def _postgres(admin_url: str) -> Iterator[str]:
    """A fresh PostgreSQL database for the run, dropped afterwards."""
    from sqlalchemy import create_engine, make_url, text

    name = f"bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(
        make_url(admin_url).set(drivername="postgresql+psycopg"), isolation_level="AUTOCOMMIT"
    )
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _attach_and_open(label: str, db, source: Path, folder: Path, runs: int) -> None:
    from core.attachments import add_attachment, export_attachment, remove_attachment
    from db.migrate import upgrade

    upgrade(db, backup=False)
    visit_id = _visit(db)
    added: list[int] = []

    def attach() -> None:
        if added:  # the same content again would be shared, not stored: start empty
            remove_attachment(db, added.pop())
        added.append(add_attachment(db, source, today=TODAY, visit_id=visit_id))

    _measure(f"{label}: attach 100 MB", attach, runs)
    _measure(
        f"{label}: open 100 MB (write it out)",
        lambda: export_attachment(db, added[-1], folder / "opened.bin"),
        runs,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pg", default=os.environ.get("SUPERVISION_TEST_PG_URL"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        os.environ["SUPERVISION_DESK_HOME"] = str(folder / "home")
        from core.attachments import add_attachment
        from db.backup import backup_to
        from db.engine import Database
        from db.migrate import upgrade

        source = _random_file(folder / "video.bin", 100)
        db = Database.open(folder / "office.db")
        _attach_and_open("SQLite", db, source, folder, args.runs)
        db.dispose()
        if args.pg:
            with _postgres(args.pg) as url:
                server = Database.open(url)
                _attach_and_open("PostgreSQL", server, source, folder, args.runs)
                server.dispose()

        full = Database.open(folder / "full.db")
        upgrade(full, backup=False)
        visit_id = _visit(full)
        for number in range(2):
            add_attachment(
                full, _random_file(folder / f"{number}.bin", 100), today=TODAY, visit_id=visit_id
            )
        backups: list[float] = []
        for run in range(args.runs):
            start = time.perf_counter()
            copy = backup_to(full, folder / f"backup-{run}.db")
            backups.append(time.perf_counter() - start)
            size = copy.stat().st_size / MB
            copy.unlink()
        report("SQLite: back up with 200 MB of attachments", backups)
        print(f"{'':<44} backup file {size:.0f} MB")
        full.dispose()


if __name__ == "__main__":
    main()
