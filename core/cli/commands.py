"""The headless command line: ``python main.py [--db URL_OR_PATH] [--lang zh|en] COMMAND ...``.

Every command exits 0 on success; on an environment problem or bad input it prints one line
``错误：… / Error: …`` to stderr (one language with ``--lang``) and exits non-zero, never with a
traceback (:mod:`core.cli.failures`). Output is Chinese, or English with ``--lang en``; reports
stay Chinese PDFs. ``--json`` prints machine-readable output on stdout, and failures as JSON
there too. The parser is shared with ``main.py``, which starts the GUI when no command is given.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from core.cli.arguments import Parser, day, examples
from core.cli.database import open_checked
from core.cli.failures import Failure, choose_language, import_failure, message_of
from core.cli.holidays import add_holidays_parser, cmd_holidays
from core.cli.ics import add_ics_parser, cmd_ics
from core.cli.listing import add_list_parser, cmd_list
from core.cli.report import add_report_parser, cmd_report
from core.cli.schedule import add_schedule_parser, cmd_schedule
from core.cli.school_calendar import add_school_calendar_parser, cmd_school_calendar
from core.errors import NotEmptyError, ValidationError
from core.i18n import Text, _, language, n_, set_language
from core.sheets import SHEET_KINDS, SheetError
from core.version import app_version

if TYPE_CHECKING:
    from db.engine import Database

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the GUI start and every sub-command."""
    parser = Parser(
        prog="supervision-desk",
        description="督导工作台 Supervision Desk：不带命令时启动图形界面；带命令时在命令行运行。",
        epilog=examples(
            "supervision-desk",
            "supervision-desk check",
            "supervision-desk --lang en schedule --month 2026-12",
        ),
    )
    parser.add_argument("--version", action="version", version=f"督导工作台 {app_version()}")
    parser.add_argument(
        "--db",
        metavar="URL_OR_PATH",
        help="数据库文件路径或 SQLAlchemy 地址（默认：用户数据文件夹中的数据库）",
    )
    parser.add_argument(
        "--lang",
        choices=("zh", "en"),
        help="命令行输出和错误的语言：zh 中文，en 英文（默认：输出为中文，错误为中英文一行）",
    )
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="启动界面、显示工作台后立即退出（用于检查程序能否正常启动）",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    migrate = commands.add_parser(
        "migrate",
        help="把数据库结构升级到最新版本",
        epilog=examples(
            "supervision-desk migrate",
            "supervision-desk --db D:\\督导\\office.db migrate",
            "supervision-desk migrate --json",
        ),
    )
    migrate.add_argument("--json", action="store_true", help="输出 JSON")

    demo = commands.add_parser(
        "demo",
        help="向空数据库装入演示数据",
        epilog=examples(
            "supervision-desk --db demo.db demo",
            "supervision-desk --db county.db demo --scale county",
            "supervision-desk --db demo.db demo --json",
        ),
    )
    demo.add_argument(
        "--scale",
        choices=("office", "county"),
        default="office",
        help="office：约 40 所学校的督导室；county：500 所学校、100 名督学的县（用于性能测试）",
    )
    demo.add_argument("--json", action="store_true", help="输出 JSON")

    backup = commands.add_parser(
        "backup",
        help="把数据库一致地复制到一个文件",
        epilog=examples(
            "supervision-desk backup --out E:\\备份\\督导-2026-12-02.db",
            "supervision-desk --db office.db backup --out office-copy.db",
            "supervision-desk backup --out E:\\备份\\督导.db --force",
        ),
    )
    backup.add_argument("--out", required=True, type=Path, metavar="FILE", help="备份文件")
    backup.add_argument("--force", action="store_true", help="备份文件已存在时覆盖它")
    backup.add_argument("--json", action="store_true", help="输出 JSON")

    check = commands.add_parser(
        "check",
        help="配备、覆盖、任期、培训等达标情况",
        epilog=examples(
            "supervision-desk check",
            "supervision-desk check --date 2026-12-31",
            "supervision-desk check --json",
        ),
    )
    check.add_argument(
        "--date",
        type=day,
        metavar="YYYY-MM-DD",
        help="按这一天检查（默认今天）；所有规则都以它为“今天”",
    )
    check.add_argument("--json", action="store_true", help="输出 JSON")

    restore = commands.add_parser(
        "restore",
        help="从备份文件恢复数据库（先自动保存当前数据）",
        epilog=examples(
            "supervision-desk restore E:\\备份\\督导-2026-12-02.db",
            "supervision-desk --db office.db restore office-copy.db",
            "supervision-desk --db postgresql://clerk@server/supervision restore backup.db",
        ),
    )
    restore.add_argument("file", type=Path, metavar="FILE", help="备份文件")
    restore.add_argument("--json", action="store_true", help="输出 JSON")

    kinds = "、".join(SHEET_KINDS)
    sheet_import = commands.add_parser(
        "import",
        help=f"从 Excel 表格（.xlsx）导入学校、督学、培训记录或督导记录（{kinds}）",
        epilog=examples(
            "supervision-desk import schools 学校名单.xlsx",
            "supervision-desk import inspectors 督学名单.xlsx --dry-run",
            "supervision-desk import training 培训记录.xlsx --json",
        ),
    )
    sheet_import.add_argument("kind", choices=SHEET_KINDS, metavar="KIND", help=kinds)
    sheet_import.add_argument("file", type=Path, metavar="FILE.xlsx", help="要导入的表格")
    sheet_import.add_argument(
        "--dry-run", action="store_true", help="只检查并列出将新增、修改的行，不保存"
    )
    sheet_import.add_argument("--json", action="store_true", help="输出 JSON")

    sheet_export = commands.add_parser(
        "export",
        help="把学校、督学、培训记录或督导记录导出为 Excel 表格",
        epilog=examples(
            "supervision-desk export schools 学校名单.xlsx",
            "supervision-desk export inspectors 督学名单.xlsx",
            "supervision-desk export visits 督导记录.xlsx",
        ),
    )
    sheet_export.add_argument("kind", choices=SHEET_KINDS, metavar="KIND", help=kinds)
    sheet_export.add_argument("file", type=Path, metavar="FILE.xlsx", help="要保存的表格")
    sheet_export.add_argument("--json", action="store_true", help="输出 JSON")

    template = commands.add_parser(
        "template",
        help="生成一张空白的 Excel 导入模板",
        epilog=examples(
            "supervision-desk template schools 学校导入模板.xlsx",
            "supervision-desk template inspectors 督学导入模板.xlsx",
            "supervision-desk template visits 督导记录导入模板.xlsx",
        ),
    )
    template.add_argument("kind", choices=SHEET_KINDS, metavar="KIND", help=kinds)
    template.add_argument("file", type=Path, metavar="FILE.xlsx", help="要保存的模板")
    template.add_argument("--json", action="store_true", help="输出 JSON")
    add_report_parser(commands)
    add_schedule_parser(commands)
    add_holidays_parser(commands)
    add_school_calendar_parser(commands)
    add_ics_parser(commands)
    add_list_parser(commands)
    return parser


def _open(args: argparse.Namespace, *, check: bool = True) -> Database:
    """The database of ``--db``, refused if damaged unless ``check`` is false (restore)."""
    return open_checked(args.db, check=check)


def _print(out: TextIO, args: argparse.Namespace, data: dict[str, Any], text: str) -> None:
    if getattr(args, "json", False):
        json.dump(data, out, ensure_ascii=False, indent=2, default=str)
        out.write("\n")
    else:
        out.write(text + "\n")


def cmd_migrate(args: argparse.Namespace, out: TextIO) -> int:
    from core.attachments import adopt_folder_copies
    from db.migrate import HEAD_REVISION, schema_revision, upgrade

    db = _open(args)
    before = schema_revision(db)
    backup_file = upgrade(db)
    moved = adopt_folder_copies(db)
    data = {
        "database": db.describe(),
        "from": before,
        "to": HEAD_REVISION,
        "backup": backup_file,
        "attachments_moved": moved,
    }
    if before == HEAD_REVISION:
        lines = [
            _(
                "数据库已是最新版本（{version}）：{database}",
                version=HEAD_REVISION,
                database=db.describe(),
            )
        ]
    else:
        lines = [
            _(
                "数据库已升级到版本 {version}：{database}",
                version=HEAD_REVISION,
                database=db.describe(),
            )
        ]
        if backup_file:
            lines.append(_("升级前的备份：{file}", file=backup_file))
    if moved:
        lines.append(n_("已把旧版本放在数据文件夹中的 {n} 个附件移入数据库（原文件保留）。", moved))
    _print(out, args, data, "\n".join(lines))
    return EXIT_OK


def cmd_demo(args: argparse.Namespace, out: TextIO) -> int:
    from core.demo.office import create_demo
    from db.migrate import ensure_schema

    db = _open(args)
    ensure_schema(db)
    summary = create_demo(db, args.scale)
    text = _(
        "已装入演示数据：{zones}，{schools}，{inspectors}。",
        zones=n_("{n} 个责任区", summary.zones),
        schools=n_("{n} 所学校（园）", summary.schools),
        inspectors=n_("{n} 名在任督学", summary.inspectors),
    )
    _print(out, args, asdict(summary), text)
    return EXIT_OK


def cmd_backup(args: argparse.Namespace, out: TextIO) -> int:
    from db.backup import backup_to

    destination = backup_to(_open(args), args.out.expanduser().absolute(), overwrite=args.force)
    _print(out, args, {"backup": destination}, _("已备份到：{file}", file=destination))
    return EXIT_OK


def cmd_restore(args: argparse.Namespace, out: TextIO) -> int:
    from db.backup import restore_from

    # A damaged database is what a restore is for, so it is not refused here.
    safety = restore_from(_open(args, check=False), args.file.expanduser().absolute())
    lines = [_("已从 {file} 恢复数据库。", file=args.file)]
    if safety:
        lines.append(_("恢复前的数据已保存到：{file}", file=safety))
    data = {"restored_from": args.file.expanduser().absolute(), "safety_copy": safety}
    _print(out, args, data, "\n".join(lines))
    return EXIT_OK


def cmd_check(args: argparse.Namespace, out: TextIO) -> int:
    from core.cli.check_text import compliance_lines
    from core.overview import compliance
    from db.migrate import ensure_schema

    db = _open(args)
    ensure_schema(db)
    result = compliance(db, args.date or date.today())
    _print(out, args, result.as_json(), "\n".join(compliance_lines(result)))
    return EXIT_OK


def cmd_import(args: argparse.Namespace, out: TextIO) -> int:
    from core.sheets import SHEET_TITLES, apply_import, plan_import
    from db.migrate import ensure_schema

    db = _open(args)
    ensure_schema(db)
    plan = plan_import(db, args.kind, args.file.expanduser().absolute(), date.today())
    if not args.dry_run:
        plan = apply_import(db, plan)
    lines: list[str] = [
        _(
            "{title}（工作表“{sheet}”）：{summary}",
            title=SHEET_TITLES[plan.kind],
            sheet=plan.sheet,
            summary=plan.summary(),
        )
    ]
    for heading, rows in ((_("新增："), plan.added), (_("修改："), plan.changed)):
        if rows:
            lines.append(heading)
        for row in rows:
            lines.append("  " + _("第 {row} 行 {name}", row=row.row, name=row.name))
            lines.extend(f"      {change}" for change in row.changes)
    lines.append(_("已保存。") if plan.saved else _("试导入（--dry-run）：没有保存任何数据。"))
    data = {
        "added": len(plan.added),
        "changed": len(plan.changed),
        "unchanged": plan.unchanged,
        "new_zones": plan.new_zones,
        "warnings": plan.warnings,
        "saved": plan.saved,
    }
    _print(out, args, data, "\n".join(lines))
    return EXIT_OK


def cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    from core.sheets import export_sheet
    from db.migrate import ensure_schema

    db = _open(args)
    ensure_schema(db)
    path = args.file.expanduser().absolute()
    written = export_sheet(db, args.kind, path, date.today())
    text = n_("已导出 {n} 行到：{file}", written, file=path)
    _print(out, args, {"rows": written, "file": path}, text)
    return EXIT_OK


def cmd_template(args: argparse.Namespace, out: TextIO) -> int:
    from core.sheets import write_template

    path = args.file.expanduser().absolute()
    write_template(args.kind, path)
    _print(out, args, {"file": path}, _("已生成导入模板：{file}", file=path))
    return EXIT_OK


COMMANDS: dict[str, Callable[[argparse.Namespace, TextIO], int]] = {
    "migrate": cmd_migrate,
    "demo": cmd_demo,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "check": cmd_check,
    "import": cmd_import,
    "export": cmd_export,
    "template": cmd_template,
    "report": cmd_report,
    "schedule": cmd_schedule,
    "holidays": cmd_holidays,
    "school-calendar": cmd_school_calendar,
    "ics": cmd_ics,
    "list": cmd_list,
}


def run_command(
    args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run the parsed sub-command in the language of ``--lang``; a user-facing failure becomes
    one line on ``err`` (:mod:`core.cli.failures`), or JSON on ``out`` with ``--json``."""
    out = out or sys.stdout
    err = err or sys.stderr
    before = language()
    choose_language(getattr(args, "lang", None))
    try:
        return COMMANDS[args.command](args, out)
    except BrokenPipeError:
        # Whoever read the output stopped reading (``| head``): nothing left to tell them.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_FAILED
    except Exception as exc:
        as_json = bool(getattr(args, "json", False))
        failure = _failure(exc, as_json=as_json)
        if failure is None:
            raise
        failure.write(out, err, lang=getattr(args, "lang", None), as_json=as_json)
        return EXIT_FAILED
    finally:
        set_language(before)


def _failure(exc: Exception, *, as_json: bool) -> Failure | None:
    """What to tell of ``exc``, or None for a bug (left to propagate)."""
    from db.errors import DatabaseDamagedError, explain

    if isinstance(exc, SheetError):
        return import_failure(exc, as_json=as_json)
    if isinstance(exc, ValidationError):
        return Failure("invalid", exc.text())
    if isinstance(exc, NotEmptyError):
        said = exc.args[0] if exc.args else ""
        if isinstance(said, Text):
            return Failure("not_empty", said)
        return Failure("not_empty", message_of(str(said), "The database is not empty."))
    friendly = explain(exc)
    if friendly is None:
        return None
    code = "damaged_database" if isinstance(friendly, DatabaseDamagedError) else "database"
    return Failure(code, message_of(friendly.message, friendly.english))
