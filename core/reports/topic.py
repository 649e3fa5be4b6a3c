"""专项督导报告: the report of a topic inspection (双减, 校园安全, 开学 …), an official document
(:mod:`core.reports.official`) in the four parts the plans use:

一、基本情况 — the topic, the period, the schools of the inspection and how many were inspected,
the inspectors, the visits and the problems found by tier (figures of
:func:`core.calendar.topic_inspection.topic_figures`, not editable);
二、亮点 — editable;
三、问题整改及效果 — the problems by tier and state (each problem in exactly one state, the total
the sum of its parts), then an editable text: the problems by kind and what was done;
四、下一步工作建议 — editable; then 特此报告 with the issuing organ and the date, which keep the
last lines above them.

``--topic`` names the topic (default: the latest inspection); the period is ``start``–``end``,
else ``--month`` or ``--year``, else the topic's latest inspection. ``texts`` replace the
generated texts (:func:`core.reports.topic_text.default_texts`) section by section.
"""

from __future__ import annotations

import calendar
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.platypus import Flowable, KeepTogether

from core.calendar.topic_inspection import (
    STATES,
    TopicFigures,
    latest_run,
    topic_figures_in,
    topic_inspections,
)
from core.enums import ProblemCategory, ProblemStatus
from core.i18n import _
from core.parsing import clean_text
from core.reports.official import LEADING, OfficialDocument
from core.reports.options import ReportOptions, letterhead_from_session, refuse
from core.reports.topic_text import (
    basics,
    checked_texts,
    default_texts,
    percent,
    state_sentence,
)

if TYPE_CHECKING:
    from db.engine import Database

HEADERS = ("问题类别", "发现", *(ProblemStatus.label_of(s) for s in STATES), "其中逾期", "整改率")
WEIGHTS = (35.5, 12.5, 17.2, 17.2, 17.2, 17.2, 22.0, 17.2)
"""Column widths in millimetres of the 156 mm text area: a figure column fits its heading
(three characters of 4号, 其中逾期 four) on one line."""
KEPT_LINES = 2
"""Lines of a text that stay with its heading, and of the last text with 特此报告 and the
date."""
NOTE = (
    "注：发现 = 已整改 + 已销号 + 已上报 + 待整改，每个问题只计入其中一项。已整改为复查确认"
    "整改、尚未销号的；已上报为尚未整改、已向教育督导部门报告的；其中逾期为已上报和待整改中"
    "已过整改期限的；整改率为已整改与已销号之和占发现问题的比例。"
)


def title_of(topic: str) -> str:
    """The report's title."""
    return f"{topic}专项督导报告"


def chosen_period(db: Database, options: ReportOptions) -> tuple[str, date, date]:
    """The topic and period asked for (see the module); refused, naming the option, when
    there is no topic inspection to report on."""
    topic = clean_text(options.topic)
    if not topic:
        latest = next(iter(topic_inspections(db)), None)
        if latest is None:
            raise refuse("topic", _("还没有专项督导，无法生成专项督导报告"))
        topic = latest.topic
    if options.start is not None or options.end is not None:
        if options.start is None or options.end is None:
            raise refuse("period", _("请同时给出开始日期和结束日期"))
        return topic, options.start, options.end
    if options.month is not None:
        year, month = options.month_or_current()
        return topic, date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    if options.year is not None:
        year = options.year_or_current()
        return topic, date(year, 1, 1), date(year, 12, 31)
    run = latest_run(db, topic)
    if run is None:
        raise refuse("topic", _("没有“{topic}”专项督导", topic=topic))
    return topic, run.first, run.last


def problem_table(f: TopicFigures) -> list[list[str]]:
    """The problems by tier and state, with the 合计 row: each row's states add up to its
    发现, each column's tiers to its 合计."""
    rows = []
    for category in ProblemCategory:
        tally = f.tiers[category.value]
        rows.append(
            [category.label, str(tally.found), *(str(tally.states[s]) for s in STATES),
             str(tally.overdue), percent(tally.rectified, tally.found)]
        )  # fmt: skip
    total = f.total
    rows.append(
        ["合计", str(total.found), *(str(total.states[s]) for s in STATES), str(total.overdue),
         percent(total.rectified, total.found)]
    )  # fmt: skip
    return rows


def write(db: Database, out: Path, options: ReportOptions) -> None:
    """Write the 专项督导报告 asked for (see the module), dated ``options.today``."""
    topic, start, end = chosen_period(db, options)
    with db.session() as session:
        head = letterhead_from_session(session)
        figures = topic_figures_in(session, topic, start, end, options.today)
    texts = checked_texts(options.texts, default_texts(figures, head.office))
    issuer = head.settings.signature or head.office
    title = title_of(figures.topic)
    doc = OfficialDocument(head.office, title, options.today)
    doc.masthead("")
    doc.title(title)
    if texts["addressee"]:
        doc.addressee(texts["addressee"])
    doc.body(texts["opening"])
    _section(doc, "一、基本情况", "\n".join(basics(figures)))
    _section(doc, "二、亮点", texts["highlights"])
    _section(doc, "三、问题整改及效果", state_sentence(figures))
    if figures.total.found:
        doc.table_under("各类问题整改情况如下：", HEADERS, problem_table(figures), WEIGHTS,
                        "LRRRRRRR")  # fmt: skip
        doc.story.append(doc.para(NOTE, "cell"))
    doc.body(texts["issues"])
    tail = _section(doc, "四、下一步工作建议", texts["suggestions"], tail=True)
    doc.closing(("特此报告。",), issuer, keep_with=tail)
    doc.colophon("", issuer)
    doc.write(out)


def _section(
    doc: OfficialDocument, heading: str, text: str, *, tail: bool = False
) -> list[Flowable]:
    """A part's heading and its text, the heading kept with the first :data:`KEPT_LINES`
    lines. With ``tail`` the last :data:`KEPT_LINES` lines are left out of the story and
    returned, to go on with the closing."""
    body: Flowable = doc.lines_of(text)
    count = len(doc.lines_of(text).lines)
    kept: list[Flowable] = []
    if tail:
        if count <= KEPT_LINES:  # the heading and all of the text go with the closing
            return [doc.lines_of(heading), body]
        body, end = body.split(doc.width, (count - KEPT_LINES) * LEADING)
        kept, count = [end], count - KEPT_LINES
    parts = body.split(doc.width, KEPT_LINES * LEADING) if count > KEPT_LINES else [body]
    doc.story.append(KeepTogether([doc.lines_of(heading), parts[0]]))
    doc.story += parts[1:]
    return kept
