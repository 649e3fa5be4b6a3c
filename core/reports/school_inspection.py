"""综合督导报告: the comprehensive inspection of one school (``--school``), e.g. at the end of its
principal's term, as an official document (:mod:`core.reports.official`).

For the period of :func:`core.reports.school_inspection_figures.period_of` (default the
principal's current term; ``--from`` / ``--to``) it prints: 一、基本情况 — the school and its
responsible inspectors; 二、督导情况 — the visits by kind in parts that add up, the days of those
done, each 综合督导 with its team and what its record found and advised; 三、问题整改情况 — the
problems found, each counted in exactly one state as of the day of the report, with its 复查;
四、迎检档案资料 — the checklist of each campaign the school is in; 五、评估打分 — the points of
each evaluation sheet it was scored on. A part without anything to report says so ("无…").
Shares are never rounded up (:func:`core.roster.staffing.percent_text`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from core.enums import ItemStatus, ProblemCategory, VisitKind
from core.reports.document import cn_date
from core.reports.official import OfficialDocument
from core.reports.options import ReportOptions, letterhead_from_session
from core.reports.school_inspection_figures import (
    ITEM_STATES,
    PROBLEM_STATES,
    RECENT,
    TERM,
    ArchiveLine,
    ProblemLine,
    SchoolInspection,
    ScoreLine,
    VisitTally,
    school_inspection_in,
)
from core.roster.staffing import percent_text

if TYPE_CHECKING:
    from db.engine import Database

TITLE = "综合督导报告"
TRAIL_LIMIT = 4
"""A problem with more 复查 than this lists only the latest ones."""
VISIT_HEADERS = ("督导类别", "合计", "已完成", "逾期未完成", "待进行", "取消或延期")
VISIT_PARTS = ("done", "missed", "upcoming", "dropped")
"""The parts of :class:`VisitTally` that add up to its total, in the order of the headers."""
ARCHIVE_HEADERS = ("迎检工作", "应备", "已归档", "已齐全", "收集中", "未开始", "完成率")


def days_text(days: Sequence[tuple[date, str]]) -> str:
    """Days as office text, the year written once: 2025年3月5日、4月2日；2026年1月3日（双减）."""
    years: dict[int, list[str]] = {}
    for day, topic in days:
        text = f"{day.month}月{day.day}日" + (f"（{topic}）" if topic else "")
        years.setdefault(day.year, []).append(text)
    return "；".join(f"{year}年" + "、".join(texts) for year, texts in years.items())


def points_text(points: float) -> str:
    """Points as given (half points kept): 28, 27.5, -1."""
    return f"{round(points, 4):g}"


def _head(facts: SchoolInspection) -> str:
    return "园长" if facts.kindergarten else "校长"


def _intro(facts: SchoolInspection) -> str:
    period, school = facts.period, facts.school
    span = f"{cn_date(period.start)}至{cn_date(period.end)}"
    what = "督导、问题整改、迎检档案资料和评估打分情况报告如下："
    if period.basis == TERM and facts.principal_term_end:
        who = f"{_head(facts)}{facts.principal}" if facts.principal else _head(facts)
        ends = facts.principal_term_end
        since = "本届任期开始至今" if period.end > ends else "本届任期内"
        verb = "届满" if ends >= facts.today else "已届满"
        return (
            f"{school}{who}本届任期于{cn_date(ends)}{verb}。按每届任期{period.years}年计，"
            f"现将{since}（{span}）{what}"
        )
    if period.basis == RECENT:
        return f"{school}未登记{_head(facts)}任期届满日期。现将近{period.years}年内（{span}）{what}"
    return f"现将{school}{span}{what}"


def _basics(facts: SchoolInspection) -> list[str]:
    pupils = "在园幼儿" if facts.kindergarten else "在校生"
    zone = f"责任区：{facts.zone}" if facts.zone else "未划分责任区"
    lines = [
        f"{facts.school}，{facts.kind}，{'民办' if facts.private else '公办'}，"
        f"{pupils}{facts.enrolment}人，{zone}。"
    ]
    head = _head(facts)
    principal = f"{head}：{facts.principal or '未登记'}"
    if facts.principal_term_end:
        principal += f"，任期{cn_date(facts.principal_term_end)}届满。"
    else:
        principal += f"；未登记{head}任期届满日期。"
    lines.append(principal)
    if facts.address:
        lines.append(f"地址：{facts.address}。")
    if facts.inspectors:
        spans = [
            f"{r.inspector}（{cn_date(r.start)}" + (f"至{cn_date(r.end)}）" if r.end else "起）")
            for r in facts.inspectors
        ]
        lines.append(f"责任督学：{'；'.join(spans)}。")
    else:
        lines.append("责任督学：无（统计期间内没有责任督学挂牌）。")
    return lines


def _visit_row(name: str, t: VisitTally) -> list[str]:
    return [name, str(t.total), *(str(getattr(t, part)) for part in VISIT_PARTS)]


def _visits(doc: OfficialDocument, facts: SchoolInspection) -> None:
    doc.body("二、督导情况")
    if not facts.visits:
        doc.body("督导：无（统计期间内没有督导记录）。")
    else:
        parts = [sum(getattr(t, part) for t in facts.visits) for part in VISIT_PARTS]
        total = VisitTally("合计", **dict(zip(VISIT_PARTS, parts, strict=True)), done_days=[])
        labels = VISIT_HEADERS[2:]
        split = "、".join(f"{label}{n}次" for label, n in zip(labels, parts, strict=True) if n)
        doc.body(f"统计期间共安排督导{total.total}次，其中{split}（截至{cn_date(facts.today)}）。")
        rows = [_visit_row(t.kind, t) for t in facts.visits] + [_visit_row("合计", total)]
        doc.table_under("各类督导次数（次）", VISIT_HEADERS, rows,
                        [2.4, 1, 1.1, 1.5, 1.1, 1.5], "LRRRRR")  # fmt: skip
        for t in facts.visits:
            if t.done_days and t.kind != VisitKind.COMPREHENSIVE.label:
                doc.body(f"{t.kind}完成日期：{days_text(t.done_days)}。")
    if not facts.comprehensive:
        doc.body(
            f"综合督导：无（统计期间内没有综合督导；{_head(facts)}任期届满前应开展一次综合督导）。"
        )
    for c in facts.comprehensive:
        doc.body(f"综合督导：{cn_date(c.day)}（{c.status}），督导组：{'、'.join(c.team)}。")
        for label, text in (("督导发现", c.findings), ("存在问题", c.problems),
                            ("意见建议", c.advice)):  # fmt: skip
            if text.strip():
                doc.body(f"{label}：{text.strip()}")


def _trail(problem: ProblemLine) -> str:
    shown = problem.follow_ups[-TRAIL_LIMIT:]
    steps = "、".join(f"{cn_date(day)}{outcome}" for day, outcome in shown)
    count = len(problem.follow_ups)
    if not count:
        return "尚未复查。"
    if count > len(shown):
        return f"复查{count}次，最近{len(shown)}次：{steps}。"
    return f"复查{count}次：{steps}。"


def _problem_text(n: int, p: ProblemLine) -> str:
    deadline = f"，整改期限{cn_date(p.deadline)}" if p.deadline else ""
    description = p.description.strip().rstrip("。")
    return (
        f"{n}．{description}（{cn_date(p.found_on)}发现，{p.category}{deadline}；"
        f"{p.state}）。{_trail(p)}"
    )


def _problems(doc: OfficialDocument, facts: SchoolInspection) -> None:
    doc.body("三、问题整改情况")
    if not facts.problems:
        doc.body("发现的问题：无（统计期间内未发现问题，没有整改事项）。")
        return
    counts = facts.problem_counts
    tiers = Counter(p.category for p in facts.problems)
    kinds = "、".join(f"{c.label}{tiers[c.label]}个" for c in ProblemCategory if tiers[c.label])
    states = "、".join(f"{state}{counts[state]}个" for state in PROBLEM_STATES)
    doc.body(
        f"统计期间发现问题{len(facts.problems)}个（{kinds}）。截至{cn_date(facts.today)}，"
        f"{states}。"
    )
    if facts.steps:
        taken = "、".join(f"{kind}{n}次" for kind, n in facts.steps.items())
        doc.body(f"对上述问题已采取{taken}。")
    rows = [[state, str(counts[state])] for state in PROBLEM_STATES]
    rows.append(["合计", str(sum(counts.values()))])
    doc.table_under("问题整改状态（个）", ("整改状态", "问题数"), rows, [3, 1], "LR")
    for n, problem in enumerate(facts.problems, start=1):
        doc.body(_problem_text(n, problem))


def _archive_row(a: ArchiveLine) -> list[str]:
    share = percent_text(a.done / a.required) if a.required else "—"
    return [a.campaign, str(a.required), *(str(a.by_status[s]) for s in ITEM_STATES), share]


def _archives(doc: OfficialDocument, facts: SchoolInspection) -> None:
    doc.body("四、迎检档案资料")
    if not facts.archives:
        doc.body("迎检档案资料：无（统计期间内未参加迎检工作）。")
        return
    rows = [_archive_row(a) for a in facts.archives]
    doc.table_under("档案资料清单完成情况（项）", ARCHIVE_HEADERS, rows,
                    [3.2, 1, 1.2, 1.2, 1.2, 1.2, 1.4], "LRRRRRR")  # fmt: skip
    labels = [ItemStatus.label_of(s) for s in ITEM_STATES]
    doc.body(
        f"应备为必备且适用的材料，是{'、'.join(labels)}的项数之和；完成率为{'、'.join(labels[:2])}"
        "的项数之和除以应备，不向上取整。"
    )
    for a in facts.archives:
        late = f"其中{a.overdue}项已过完成期限。" if a.overdue else "没有逾期的材料。"
        doc.body(
            f"“{a.campaign}”（{a.kind}）：已完成{a.done}项，尚缺{a.required - a.done}项，{late}"
        )


def _score_rows(s: ScoreLine) -> list[list[str]]:
    rows = []
    for g in s.groups:
        if g.adjustment:
            marks = f"{points_text(g.low)}～+{points_text(g.high)}"
        else:
            marks = points_text(g.high)
        rows.append([g.name or "其他", marks, points_text(g.points)])
    rows.append(["合计", points_text(s.full_marks), points_text(s.total)])
    return rows


def _scores(doc: OfficialDocument, facts: SchoolInspection) -> None:
    doc.body("五、评估打分")
    if not facts.scores:
        doc.body("评估打分：无（统计期间内没有评估打分记录）。")
        return
    for s in facts.scores:
        doc.table_under(f"“{s.campaign}”评估得分（分）", ("指标", "分值", "得分"),
                        _score_rows(s), [3, 1.2, 1], "LRR")  # fmt: skip
        rank = f"，在有得分的{s.ranked}所学校（园）中排第{s.rank}名" if s.rank else ""
        text = f"总分{points_text(s.total)}分（满分{points_text(s.full_marks)}分）{rank}。"
        if s.unscored:
            text += f"尚有{s.unscored}项指标未评分，总分不是最终得分。"
        doc.body(text)


def write(db: Database, out: Path, options: ReportOptions) -> None:
    """Write the 综合督导报告 of ``options.school`` over the period asked for (see the module)."""
    with db.session() as session:
        head = letterhead_from_session(session)
        facts = school_inspection_in(session, options)
    issuer = head.settings.signature or head.office
    title = f"{facts.school}{TITLE}"
    doc = OfficialDocument(head.office, title, options.today)
    doc.masthead("")
    doc.title(title)
    doc.body(_intro(facts))
    doc.body("一、基本情况")
    for line in _basics(facts):
        doc.body(line)
    _visits(doc, facts)
    _problems(doc, facts)
    _archives(doc, facts)
    _scores(doc, facts)
    # the last paragraph of the report goes on with the closing lines to their page
    doc.closing(("特此报告。",), issuer, keep_with=[doc.story.pop()])
    doc.colophon(facts.school, issuer)
    doc.write(out)
