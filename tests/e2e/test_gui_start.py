"""Starting the real app as a user would (`python main.py`, offscreen): the dashboard appears and
``--smoke`` exits 0; a database that cannot be used gives a one-line message, not a traceback;
the start-up path does not load the report, spreadsheet or migration libraries."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _run(args: list[str], home: Path, code: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "SUPERVISION_DESK_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, "-c", code, *args] if code else [sys.executable, "main.py", *args]
    return subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False
    )


def test_smoke_start_on_a_fresh_machine_creates_the_database(data_home):
    result = _run(["--smoke"], data_home)
    assert result.returncode == 0, result.stderr
    assert (data_home / "supervision.db").is_file()
    assert "Traceback" not in result.stderr


def test_smoke_start_on_the_demo_office_takes_the_daily_backup(data_home):
    assert _run(["demo"], data_home).returncode == 0
    result = _run(["--smoke"], data_home)
    assert result.returncode == 0, result.stderr
    assert len(list((data_home / "backups").glob("auto-*-daily.db"))) == 1


def test_unusable_database_gives_one_line_and_no_traceback(data_home, tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"\x00garbage" * 1000)
    result = _run(["--db", str(junk), "--smoke"], data_home)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "不是有效的数据库文件" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_start_up_path_leaves_heavy_libraries_unloaded(data_home):
    assert _run(["migrate"], data_home).returncode == 0
    probe = (
        "import json, sys; sys.argv[0] = 'main.py'; import main; "
        "code = main.main(sys.argv[1:]); "
        "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})), flush=True); "
        "sys.exit(code)"
    )
    result = _run(["--smoke"], data_home, code=probe)
    assert result.returncode == 0, result.stderr
    loaded = set(json.loads(result.stdout.strip().splitlines()[-1]))
    assert "PySide6" in loaded
    # chinese-calendar (11 ms) is read: the dashboard's monthly quota follows the month's
    # term-time working days. The holidays package (0.2 s) is not: a year it would answer for is
    # only named on the dashboard, not computed.
    assert not loaded & {"alembic", "reportlab", "openpyxl", "mako", "holidays"}
