"""How the command line tells of a failure: one line, or JSON with ``--json``.

Without ``--lang`` the line is ``错误：… / Error: …``; with ``--lang zh`` only ``错误：…``, with
``--lang en`` only ``Error: …``. With ``--json`` the failure is
``{"error": {"code": …, "message_zh": …, "message_en": …}}`` on stdout and nothing goes to
stderr; an import's error adds ``problems``, each with its worksheet, row and column.

A message is a :class:`core.i18n.Text` (both languages) or a plain ``str``, taken as Chinese.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TextIO

from core.i18n import CHINESE, ENGLISH, Text, _, chinese, english, joined, n_, set_language

if TYPE_CHECKING:
    from core.errors import ValidationError

LANGUAGE_CODES = {"zh": CHINESE, "en": ENGLISH}

# Where a sheet's problem is, as core.sheets names it: 工作表“Sheet”第 3 行 C 列（联系电话）：…
_PLACE = re.compile(
    r"^工作表“(?P<sheet>[^”]*)”第 (?P<row>\d+)[\d、]*(?: 等 \d+ )? 行"
    r"(?: (?P<column>[A-Z]+) 列（(?P<header>[^）]*)）)?："
)


def choose_language(lang: str | None) -> None:
    """Make core's messages in the language of ``--lang`` (Chinese without it)."""
    set_language(LANGUAGE_CODES.get(lang or "zh", CHINESE))


def error_line(zh: str, en: str, lang: str | None) -> str:
    """The one line of an error in the language of ``--lang`` (both without it)."""
    if lang == "en":
        return f"Error: {en}"
    if lang == "zh":
        return f"错误：{zh}"
    return f"错误：{zh} / Error: {en}"


def error_json(code: str, zh: str, en: str, **more: Any) -> str:
    """The JSON of an error, as one line."""
    error = {"code": code, "message_zh": zh, "message_en": en, **more}
    return json.dumps({"error": error}, ensure_ascii=False, default=str)


@dataclass
class Failure:
    """What went wrong: its code, its message and, for an import, the problems in full."""

    code: str
    message: str
    details: list[str] = field(default_factory=list)
    problems: list[dict[str, Any]] | None = None

    def write(self, out: TextIO, err: TextIO, *, lang: str | None, as_json: bool) -> None:
        """JSON on ``out`` with ``as_json``, else the line (and details) on ``err``."""
        if as_json:
            more = {} if self.problems is None else {"problems": self.problems}
            out.write(error_json(self.code, chinese(self.message), english(self.message), **more))
            out.write("\n")
            return
        err.write(error_line(chinese(self.message), english(self.message), lang) + "\n")
        shown = english if lang == "en" else chinese
        err.writelines(f"  {shown(detail)}\n" for detail in self.details)


def message_of(chinese_text: str, english_text: str) -> Text:
    """A message whose two forms are given (English falls back to the Chinese)."""
    return Text(chinese_text, english_text or chinese_text)


def import_failure(error: ValidationError, *, as_json: bool) -> Failure:
    """An import refused: the count and the first problem on the line, every problem below it
    (or, with ``--json``, every problem in the message and in ``problems``)."""
    problems = error.messages()
    summary = n_("导入失败（{n} 处错误），没有保存任何数据", len(problems))
    if as_json or len(problems) == 1:
        message = _("{summary}：{problems}", summary=summary, problems=joined(problems))
        details: list[str] = []
    else:
        message = _("{summary}，逐条列在下面。第 1 处：{first}", summary=summary, first=problems[0])
        details = problems
    located = [_located(problem.message, problem.field) for problem in error.errors]
    return Failure("import", message, details, located)


def _located(message: str, key: str) -> dict[str, Any]:
    place = _PLACE.match(chinese(message))
    return {
        "sheet": place["sheet"] if place else None,
        "row": int(place["row"]) if place else None,
        "column": place["column"] if place else None,
        "field": key,
        "header": place["header"] if place and place["column"] else None,
        "message_zh": chinese(message),
        "message_en": english(message),
    }
