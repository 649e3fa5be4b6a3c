"""The command line's arguments: value types, parse errors and help text.

- **Value types** (:func:`month`, :func:`day`, :func:`year`, :func:`record_id`) refuse a value
  with a message that says what is wrong with it — "there is no month 13", "February 2026 has no
  day 30" — in Chinese and English (:class:`ArgumentValueError`).
- **Parse errors** are one line, ``错误：… / Error: …``, with a suggestion for a misspelt command,
  kind or option ("您是不是要输入 schedule？"), and the ``--help`` to read; in one language with
  ``--lang zh`` or ``--lang en``; with ``--json`` on the command line the same error is
  ``{"error": {...}}`` on stdout (:class:`Parser`).
- **Help** wraps Chinese text between characters but never inside an English word, an option or
  a kind name, measures width in terminal columns (a Chinese character takes two), keeps no
  closing punctuation at the start of a line, and ends each command with its examples
  (:func:`examples`).

argparse reports a bad value as ``argument --month: <message>``; :class:`ArgumentValueError`
puts its Chinese and English forms on two lines of that message, which :meth:`Parser.error`
splits again.
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
import unicodedata
from calendar import monthrange
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

from core.cli.failures import error_json, error_line
from core.i18n import _

EXIT_USAGE = 2

_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_DAY = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


class ArgumentValueError(argparse.ArgumentTypeError):
    """A value refused by one of the types below, with its Chinese and English message."""

    def __init__(self, chinese: str, english: str) -> None:
        super().__init__(f"{chinese}\n{english}")
        self.chinese = chinese
        self.english = english


def month(text: str) -> tuple[int, int]:
    """``YYYY-MM`` as (year, month)."""
    match = _MONTH.match(text.strip())
    if match is None:
        raise ArgumentValueError(
            f"“{text}”不是 YYYY-MM 格式的月份（如 2026-12）",
            f'"{text}" is not a month in the form YYYY-MM (e.g. 2026-12)',
        )
    year_number, month_number = int(match.group(1)), int(match.group(2))
    _check_month(text, month_number)
    return year_number, month_number


def month_text(text: str) -> str:
    """``YYYY-MM`` checked like :func:`month` and written with two-digit months."""
    year_number, month_number = month(text)
    return f"{year_number:04d}-{month_number:02d}"


def day(text: str) -> date:
    """``YYYY-MM-DD`` as a date."""
    match = _DAY.match(text.strip())
    if match is None:
        raise ArgumentValueError(
            f"“{text}”不是 YYYY-MM-DD 格式的日期（如 2026-12-02）",
            f'"{text}" is not a date in the form YYYY-MM-DD (e.g. 2026-12-02)',
        )
    year_number, month_number, day_number = (int(part) for part in match.groups())
    _check_month(text, month_number)
    last = monthrange(year_number, month_number)[1]
    if not 1 <= day_number <= last:
        raise ArgumentValueError(
            f"“{text}”：{year_number}年{month_number}月没有{day_number}日（只到{last}日）",
            f'"{text}": {date(year_number, month_number, 1):%B %Y} has no day {day_number}'
            f" (it has {last} days)",
        )
    return date(year_number, month_number, day_number)


def year(text: str) -> int:
    """A four-digit year."""
    if not re.fullmatch(r"\d{4}", text.strip()):
        raise ArgumentValueError(
            f"“{text}”不是四位数的年份（如 2026）", f'"{text}" is not a four-digit year (e.g. 2026)'
        )
    return int(text)


def record_id(text: str) -> int:
    """The id of a row, as ``list --json`` prints it."""
    if not re.fullmatch(r"[1-9]\d{0,17}", text.strip()):
        raise ArgumentValueError(
            f"“{text}”不是编号（应为正整数）", f'"{text}" is not an id (a positive whole number)'
        )
    return int(text)


def _check_month(text: str, month_number: int) -> None:
    if not 1 <= month_number <= 12:
        raise ArgumentValueError(
            f"“{text}”：没有{month_number}月（月份为 1–12）",
            f'"{text}": there is no month {month_number} (months are 1-12)',
        )


def read_text_file(path: Path, field: str, label: str) -> str:
    """The text of the file at ``path`` (UTF-8, with or without BOM, or GBK as Notepad saves
    it); refused naming ``label`` when it cannot be read or is neither."""
    from core.errors import refusal

    try:
        raw = path.expanduser().read_bytes()
    except OSError as exc:
        reason = exc.strerror or str(exc)
        message = _("无法读取{label}文件 {file}：{reason}", label=label, file=path, reason=reason)
        raise refusal(field, label, message) from None
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    message = _("{label}文件 {file} 不是 UTF-8 或 GBK 编码的文本文件", label=label, file=path)
    raise refusal(field, label, message)


def examples(*lines: str) -> str:
    """The epilog of a command's help: its examples, one command line each."""
    return "示例 / Examples:\n" + "\n".join(f"  {line}" for line in lines)


# argparse's own messages (Python 3.11), as (pattern, Chinese, English).
_MESSAGES: tuple[tuple[re.Pattern[str], str, str], ...] = (
    (
        re.compile(r"^the following arguments are required: (?P<what>.+)$"),
        "缺少必需的参数：{what}",
        "the following arguments are required: {what}",
    ),
    (
        re.compile(r"^argument (?P<arg>\S+?): expected one argument$"),
        "{arg} 后面缺少值",
        "{arg} needs a value",
    ),
    (
        re.compile(r"^ambiguous option: (?P<what>\S+) could match (?P<options>.+)$"),
        "选项 {what} 不明确，可能是：{options}",
        "ambiguous option {what}: it could be {options}",
    ),
    (
        re.compile(r"^argument (?P<arg>\S+?): not allowed with argument (?P<other>\S+)$"),
        "{arg} 不能与 {other} 同时使用",
        "{arg} cannot be used together with {other}",
    ),
)
_UNRECOGNIZED = re.compile(r"^unrecognized arguments: (?P<what>.+)$")
_INVALID_CHOICE = re.compile(
    r"^argument (?P<arg>\S+?): invalid choice: '(?P<value>.*)' \(choose from (?P<choices>.*)\)$"
)
_BAD_VALUE = re.compile(r"^argument (?P<arg>\S+?): (?P<chinese>[^\n]*)\n(?P<english>[^\n]*)$")


_given: list[str] | None = None
"""The arguments being parsed (None outside :meth:`Parser.parse_known_args`)."""


@contextmanager
def _remembered(args: Any) -> Iterator[None]:
    """Keep the arguments being parsed while the outermost parse runs."""
    global _given
    if _given is not None:
        yield
        return
    _given = list(sys.argv[1:] if args is None else args)
    try:
        yield
    finally:
        _given = None


def _lang(given: list[str]) -> str | None:
    """The value of ``--lang`` among ``given`` (before the command), if it is a language."""
    for index, argument in enumerate(given):
        value = None
        if argument == "--lang" and index + 1 < len(given):
            value = given[index + 1]
        elif argument.startswith("--lang="):
            value = argument.removeprefix("--lang=")
        if value is not None:
            return value if value in ("zh", "en") else None
    return None


class Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one bilingual line (or JSON with ``--json``)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        add_help = kwargs.get("add_help", True)
        kwargs["add_help"] = False  # its own -h, with Chinese help
        super().__init__(*args, **kwargs)
        self._positionals.title = "参数 / arguments"
        self._optionals.title = "选项 / options"
        if add_help:
            self.add_argument("-h", "--help", action="help", help="显示本帮助后退出")

    def parse_known_args(self, args: Any = None, namespace: Any = None) -> Any:
        """Parse ``args`` (the command line without the program), remembering them so that an
        error made by a sub-command's parser, or for arguments left over, still sees ``--json``
        and ``--lang``."""
        with _remembered(args):
            return super().parse_known_args(args, namespace)

    def parse_args(self, args: Any = None, namespace: Any = None) -> Any:
        """Parse ``args``; an error exits (:meth:`error`)."""
        with _remembered(args):
            return super().parse_args(args, namespace)

    def error(self, message: str) -> NoReturn:
        """Print the parse error as one line (in the language of ``--lang``) and exit with the
        usage code."""
        chinese, english = self._bilingual(message)
        given = sys.argv[1:] if _given is None else _given
        if "--json" in given:
            sys.stdout.write(error_json("usage", chinese, english) + "\n")
        else:
            hint = f"{self.prog} --help"
            zh, en = f"{chinese}（用法见 {hint}）", f"{english} (see {hint})"
            sys.stderr.write(error_line(zh, en, _lang(given)) + "\n")
        sys.exit(EXIT_USAGE)

    def _bilingual(self, message: str) -> tuple[str, str]:
        choice = _INVALID_CHOICE.match(message)
        if choice is not None:
            return self._invalid_choice(choice["arg"], choice["value"], choice["choices"])
        value = _BAD_VALUE.match(message)
        if value is not None:
            return f"{value['arg']}：{value['chinese']}", f"{value['arg']}: {value['english']}"
        unrecognized = _UNRECOGNIZED.match(message)
        if unrecognized is not None:
            return self._unrecognized(unrecognized["what"])
        for pattern, chinese, english in _MESSAGES:
            found = pattern.match(message)
            if found is not None:
                return chinese.format(**found.groupdict()), english.format(**found.groupdict())
        return message, message

    def _unrecognized(self, what: str) -> tuple[str, str]:
        chinese, english = f"无法识别的参数：{what}", f"unrecognized arguments: {what}"
        suggestion = self._suggest(what.split()[0], self._option_strings())
        if suggestion:
            chinese += f"。您是不是要输入 {suggestion}？"
            english += f". Did you mean {suggestion}?"
        return chinese, english

    def _invalid_choice(self, arg: str, value: str, choices: str) -> tuple[str, str]:
        options = [choice.strip().strip("'") for choice in choices.split(",")]
        listed = "、".join(options)
        if arg == "COMMAND":
            chinese, english = f"没有“{value}”这个命令", f'there is no command "{value}"'
        else:
            chinese, english = f"{arg} 不能是“{value}”", f'{arg} cannot be "{value}"'
        suggestion = self._suggest(value, options)
        if suggestion:
            return (
                f"{chinese}。您是不是要输入 {suggestion}？",
                f"{english}. Did you mean {suggestion}?",
            )
        return f"{chinese}（可选：{listed}）", f"{english} (choose from {', '.join(options)})"

    @staticmethod
    def _suggest(value: str, options: list[str]) -> str | None:
        close = difflib.get_close_matches(value, options, n=1, cutoff=0.6)
        if close:
            return close[0]
        starting = [option for option in options if value and option.startswith(value)]
        return starting[0] if len(starting) == 1 else None

    def _option_strings(self) -> list[str]:
        found: list[str] = []
        for action in self._actions:
            found += [option for option in action.option_strings if option.startswith("--")]
            if isinstance(action, argparse._SubParsersAction):
                for parser in action.choices.values():
                    if isinstance(parser, Parser):
                        found += parser._option_strings()
        return sorted(set(found))


# A closing mark never starts a line; an opening mark never ends one.
_CLOSING = set("，。、；：？！）》」』”’,.;:?!)]")
_OPENING = set("（《「『“‘([")
_TOKEN = re.compile(r"[A-Za-z0-9_\-./:%@=<>{}\[\]|]+|\s+|.", re.DOTALL)


def display_width(text: str) -> int:
    """Terminal columns of ``text``: two for a wide (Chinese) character, one otherwise."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` columns, broken between Chinese characters or at
    spaces, never inside an English word or an option (one longer than ``width`` stays whole).
    """
    units: list[str] = []
    pending_open = ""
    for token in _TOKEN.findall(" ".join(text.split())):
        if token in _OPENING:
            pending_open += token
        elif token in _CLOSING and units and not units[-1].isspace():
            units[-1] += token
        else:
            units.append(pending_open + token)
            pending_open = ""
    if pending_open:
        units.append(pending_open)
    lines: list[str] = []
    line = ""
    for unit in units:
        if unit.isspace():
            if line and display_width(line) + 1 <= width:
                line += " "
            elif line:
                lines.append(line.rstrip())
                line = ""
            continue
        if line and display_width(line) + display_width(unit) > width:
            lines.append(line.rstrip())
            line = ""
        line += unit
    if line.strip():
        lines.append(line.rstrip())
    return lines


class HelpFormatter(argparse.HelpFormatter):
    """Help that wraps Chinese text by :func:`wrap` and keeps the examples' lines as written."""

    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, "用法 / usage: " if prefix is None else prefix)

    def _split_lines(self, text: str, width: int) -> list[str]:
        return wrap(text, width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        lines: list[str] = []
        for paragraph in text.splitlines():
            if paragraph.startswith(" "):
                lines.append(indent + paragraph)
            else:
                lines += [indent + line for line in wrap(paragraph, width)]
        return "\n".join(lines)
