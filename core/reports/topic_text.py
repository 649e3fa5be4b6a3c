"""The words of a 专项督导报告: the fixed sentences made of its figures, and the texts the clerk
may edit before printing, each with a default drawn from the data (:func:`default_texts`).

The editable texts (:data:`SECTIONS`): the addressee (主送机关, may be left empty), the opening
paragraph, 二、亮点, the problems and the effect of their rectification under 三 (the figures
above them are fixed), and 四、下一步工作建议. A line break in a text starts a new paragraph.
The GUI's dialog fills its boxes from :func:`default_texts`, read on the worker (this module
brings ReportLab with :mod:`core.reports.document`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from core.calendar.topic_inspection import STATES, TopicFigures, method_text, step_text
from core.casework.rectification import ProblemRow
from core.enums import ProblemCategory, ProblemStatus
from core.errors import FieldError, ValidationError
from core.i18n import _
from core.reports.document import clean, cn_date
from core.roster.staffing import percent_text

SECTIONS = {
    "addressee": "主送机关",
    "opening": "开头",
    "highlights": "亮点",
    "issues": "主要问题及整改效果",
    "suggestions": "下一步工作建议",
}
"""The texts the clerk may edit, by key, with their Chinese names (in the order printed)."""
OPTIONAL = frozenset({"addressee"})
"""Texts that may be left empty."""
TEXT_MAX = 20000
"""The most characters of one text."""
NAMES_LISTED = 10
"""Schools (or inspectors) named in a sentence before "等 N 所"."""
KINDS_LISTED = 12
"""Kinds of problem listed per tier in the default text; the rest are counted."""
FINDINGS_LISTED = 5
"""Sentences of the visit records offered as highlights (those found in two records or more)."""
NUMERALS = "一二三四五六七八九十"


def percent(part: int, whole: int) -> str:
    """``part`` of ``whole`` as a percent never rounded up to the whole, or "—" of nothing."""
    return percent_text(part / whole) if whole else "—"


def names(listed: list[str], unit: str, limit: int = NAMES_LISTED) -> str:
    """ "A、B、C", or the first ``limit`` and "等12所" when there are more."""
    if len(listed) <= limit:
        return "、".join(listed)
    return "、".join(listed[:limit]) + f"等{len(listed)}{unit}"


def period_text(f: TopicFigures) -> str:
    """ "2026年10月9日至2026年10月23日", one day once."""
    if f.start == f.end:
        return cn_date(f.start)
    return f"{cn_date(f.start)}至{cn_date(f.end)}"


def state_sentence(f: TopicFigures) -> str:
    """The problems found and their states, in parts that add up to the whole, named as the
    table's columns (已整改 is one state: fixed, not yet 销号)."""
    total = f.total
    if not total.found:
        return "本次专项督导未发现需要整改的问题。"
    s = total.states
    return (
        f"本次专项督导共发现问题{total.found}个，其中整改到位{total.rectified}个"
        f"（已整改{s[ProblemStatus.FIXED.value]}个、已销号{s[ProblemStatus.VERIFIED.value]}个），"
        f"尚未整改{total.unresolved}个（已上报{s[ProblemStatus.ESCALATED.value]}个、"
        f"待整改{s[ProblemStatus.OPEN.value]}个），整改率{percent(total.rectified, total.found)}"
        + (f"；尚未整改的问题中已过整改期限的{total.overdue}个。" if total.overdue else "。")
    )


def basics(f: TopicFigures) -> list[str]:
    """一、基本情况: the figures, as paragraphs (not editable)."""
    to_date = f"（统计至{cn_date(f.today)}）" if f.today < f.end else ""
    schools = len(f.schools)
    share = f"，占在册学校（园）{f.active_schools}所的{percent(schools, f.active_schools)}"
    reach = (
        f"本次专项督导主题为“{f.topic}”，时间为{period_text(f)}{to_date}。"
        f"列入督导的学校（园）{schools}所{share if f.active_schools else ''}，"
        f"已督导{len(f.inspected)}所"
    )
    if f.not_inspected:
        reach += f"，尚未督导{len(f.not_inspected)}所（{names(f.not_inspected, '所')}）"
    else:
        reach += "，全部完成"
    visits = (
        f"共安排督导{f.visits}次，已完成{f.done}次"
        + (f"、尚未进行{f.to_come}次" if f.to_come else "")
        + (f"，另取消或延期{f.called_off}次" if f.called_off else "")
        + f"；填写督导记录{f.records}份。"
    )
    people = (
        f"参加督导的督学{len(f.inspectors)}名（{names(f.inspectors, '名')}）。"
        if f.inspectors
        else "尚无督学完成督导。"
    )
    how = f"督导采取{method_text(f.methods)}等方式。" if f.methods else ""
    tiers = "、".join(
        f"{c.label}{f.tiers[c.value].found}个" for c in ProblemCategory if f.tiers[c.value].found
    )
    found = (
        f"共发现问题{f.total.found}个（{tiers}）。" if f.total.found else "未发现需要整改的问题。"
    )
    return [reach + "。", people + visits + how + found]


def _kinds(rows: list[ProblemRow]) -> list[tuple[str, list[str], Counter[str]]]:
    """The problems of one tier grouped by what was found: (description, schools, states)."""
    kinds: dict[str, tuple[list[str], Counter[str]]] = {}
    for row in rows:
        what = clean(row.description).strip().rstrip("。；;，, ")
        schools, states = kinds.setdefault(what, ([], Counter()))
        if row.school not in schools:
            schools.append(row.school)
        states[row.status] += 1
    ordered = sorted(kinds.items(), key=lambda item: (-len(item[1][0]), item[0]))
    return [(what, schools, states) for what, (schools, states) in ordered]


def _state_words(states: Counter[str]) -> str:
    """ "已整改2个、待整改1个" in the order of the table's columns."""
    return "、".join(f"{ProblemStatus.label_of(s)}{states[s]}个" for s in STATES if states[s])


def default_issues(f: TopicFigures) -> str:
    """The problems found, by tier and kind, with the schools and where their rectification
    stands; then what was done about them."""
    if not f.problems:
        return f"各学校（园）要巩固现有成效，持续做好{f.topic}工作。"
    lines: list[str] = []
    tier_number = 0
    for category in ProblemCategory:
        rows = [r for r in f.problems if r.category == category.value]
        if not rows:
            continue
        lines.append(f"（{NUMERALS[tier_number]}）{category.label}{len(rows)}个。")
        tier_number += 1
        kinds = _kinds(rows)
        for n, (what, schools, states) in enumerate(kinds[:KINDS_LISTED], start=1):
            lines.append(f"{n}．{what}（{names(schools, '所')}；{_state_words(states)}）。")
        if len(kinds) > KINDS_LISTED:
            rest = sum(sum(states.values()) for _w, _s, states in kinds[KINDS_LISTED:])
            lines.append(f"另有{len(kinds) - KINDS_LISTED}类问题{rest}个，详见整改台账。")
    done = ["督学已现场反馈"]
    if f.notices:
        done.append(f"下发整改通知书{f.notices}份")
    if f.follow_ups:
        done.append(f"复查{f.follow_ups}次")
    steps = step_text(f.steps)
    if steps:
        done.append(steps)
    lines.append("对发现的问题，" + "、".join(done) + "。")
    return "\n".join(lines)


def default_highlights(f: TopicFigures) -> str:
    """What went well: the schools where nothing was found, and what the records found most."""
    lines = []
    clean_schools = f.clean_schools
    if clean_schools:
        lines.append(
            f"已督导的{len(f.inspected)}所学校（园）中，{len(clean_schools)}所未发现需要整改的"
            f"问题：{names(clean_schools, '所')}。"
        )
    sentences: Counter[str] = Counter()
    for text in f.findings:
        for sentence in clean(text).replace("\n", "。").split("。"):
            if sentence.strip():
                sentences[sentence.strip()] += 1
    common = [s for s, count in sentences.most_common(FINDINGS_LISTED) if count > 1]
    if common:
        lines.append("督导记录中反映较多的做法：")
        for n, sentence in enumerate(common, start=1):
            lines.append(f"{n}．{sentence}（{sentences[sentence]}所次）。")
    if not lines:
        lines.append(f"各学校（园）重视{f.topic}工作，按要求开展自查。")
    return "\n".join(lines)


def default_suggestions(f: TopicFigures) -> str:
    """The next steps the figures call for."""
    lines = []
    if f.not_inspected:
        lines.append(f"尽快完成对尚未督导的{len(f.not_inspected)}所学校（园）的督导，做到全覆盖。")
    total = f.total
    if total.unresolved:
        late = (
            f"；对已过整改期限的{total.overdue}个问题下发督办通知，必要时约谈学校（园）负责人"
            if total.overdue
            else ""
        )
        lines.append(f"督促尚未整改的{total.unresolved}个问题按期整改到位{late}。")
    if total.rectified:
        lines.append("对已整改的问题适时开展回头看，防止问题反弹。")
    lines.append(f"将{f.topic}工作纳入经常性督导的重点内容，持续跟踪，巩固督导成效。")
    return "\n".join(f"{NUMERALS[n] if n < len(NUMERALS) else n + 1}是{line}"
                     for n, line in enumerate(lines))  # fmt: skip


def default_texts(f: TopicFigures, office: str) -> dict[str, str]:
    """The editable texts (:data:`SECTIONS`) as the data suggests them."""
    return {
        "addressee": "",
        "opening": (
            f"根据工作安排，{office}于{period_text(f)}对{len(f.schools)}所学校（园）开展了"
            f"{f.topic}专项督导。现将有关情况报告如下："
        ),
        "highlights": default_highlights(f),
        "issues": default_issues(f),
        "suggestions": default_suggestions(f),
    }


def checked_texts(given: Mapping[str, str] | None, defaults: Mapping[str, str]) -> dict[str, str]:
    """The texts to print: those ``given`` in place of the ``defaults``, line breaks tidied;
    refuses an unknown section, an empty one that may not be empty, or one too long, naming it."""
    given = dict(given or {})
    errors = [
        FieldError(
            "texts",
            _("报告内容"),
            _("没有“{key}”这一部分（可选：{names}）", key=key, names="、".join(SECTIONS)),
        )
        for key in given
        if key not in SECTIONS
    ]
    texts = dict(defaults)
    for key, label in SECTIONS.items():
        if key not in given:
            continue
        lines = [line.strip() for line in clean(given[key]).split("\n")]
        text = "\n".join(line for line in lines if line)
        if not text and key not in OPTIONAL:
            errors.append(FieldError(key, label, _("“{label}”不能为空", label=label)))
        elif len(text) > TEXT_MAX:
            errors.append(
                FieldError(
                    key,
                    label,
                    _("“{label}”不能超过 {most} 个字", label=label, most=TEXT_MAX),
                )
            )
        texts[key] = text
    if errors:
        raise ValidationError(errors)
    return texts
