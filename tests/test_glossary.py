"""The office's own words (../shared/GLOSSARY.md): no user-facing string — in the code of core/
and gui/, the Chinese translation, the shipped checklists — uses a word the glossary replaces.

Old header names stay importable as synonyms; those are the only exceptions, listed below."""

from __future__ import annotations

import ast
import json
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

FORBIDDEN = {
    "考核与结束": "复查结论 / 考核结果",
    "核查情况": "发现情况 (findings), 核实情况 (complaints)",
    "常规督导": "经常性督导",
    "上报督导室": "向教育督导部门报告",
    "未挂牌督学的学校": "无责任督学的学校",
    "跟踪记录": "复查",
    "填报日期": "归档日期",
    "核查销号": "销号",
    "复查销号": "销号",
    "一般问题": "一般性问题",
    "严重问题": "严重违规或重大问题",
    "你校（园）": "你校 / 你园",
    "学期检查": "学期核查",
}

# Header names of older sheets that an import still understands.
ACCEPTED = {
    ("core/sheets/visits.py", "常规督导"),
    ("core/sheets/visits.py", "填报日期"),
}


def _python_strings() -> list[tuple[str, str]]:
    found = []
    for folder in ("core", "gui"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            name = str(path.relative_to(ROOT))
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Constant) and isinstance(node.value, str):
                    found.append((name, node.value))
    return found


def _translations() -> list[tuple[str, str]]:
    path = ROOT / "resources" / "translations" / "supervision_desk_zh_CN.ts"
    root = ET.parse(path).getroot()
    return [(path.name, t.text or "") for t in root.iter("translation")]


def _checklists() -> list[tuple[str, str]]:
    return [
        (path.name, json.dumps(json.loads(path.read_text(encoding="utf-8")), ensure_ascii=False))
        for path in sorted((ROOT / "resources").rglob("*.json"))
    ]


def test_no_user_facing_string_uses_a_word_the_glossary_replaces():
    wrong = sorted(
        f"{where}: “{term}” (use {FORBIDDEN[term]})"
        for where, text in _python_strings() + _translations() + _checklists()
        for term in FORBIDDEN
        if term in text and (where, term) not in ACCEPTED
    )
    assert wrong == []
