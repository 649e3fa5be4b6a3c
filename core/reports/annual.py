"""年度督导工作统计: the year's work in figures, with charts.

For ``--year`` (default: this year) the report reads the visits of the year
(:func:`core.calendar.visits.visit_rows`), the problems
(:func:`core.casework.rectification.problem_rows`), the complaints
(:func:`core.casework.complaints.complaint_rows`) and the training hours
(:func:`core.roster.training.training_summary`) and prints:

一、总体情况 — the headline figures in one paragraph;
二、各月督导 — per month: visits on the calendar, due by the report's date (应完成) and done, the
completion rate (done of due: a visit still to come is not counted against it), cancelled or
postponed, schools visited, problems found, complaints received; a bar chart of planned against
done;
三、督学工作量 — per inspector: responsible schools, visits planned and done, schools visited,
problems found at their visits, training hours against the requirement;
四、学校督导情况 — per zone, then every school (a small office) or the schools visited least (a
county: :data:`SCHOOL_LIST_LIMIT`), so the report stays a few pages;
五、问题整改 — problems found in the year by category: fixed and still open (which add up to the
problems found), and among the open ones those reported (上报) and overdue; a bar chart; then the
督办, 约谈, 通报, 问责 and reports up (报送上级) of the year, counted as the 通报 counts them
(:func:`core.casework.bulletin.step_counts`);
六、投诉受理 — complaints by channel, replied and not.

A chart never starts a page apart from the table it draws: when it does not fit under the
table, the table's last rows go on with it (the year's steps stay under the problems' chart).

"Planned" counts the visits on the calendar (计划, 已确认, 已完成); cancelled and postponed ones
are counted apart. A visit counts for its responsible inspector (companions are not counted).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Spacer

from core.calendar.visits import visit_rows
from core.casework.bulletin import step_counts
from core.casework.complaints import ComplaintState, complaint_rows
from core.casework.rectification import problem_rows
from core.enums import (
    ACTIVE_STATUSES,
    ActionKind,
    ComplaintChannel,
    ProblemCategory,
    ProblemStatus,
    VisitStatus,
)
from core.reports.document import PageFrame, Report, clean, cn_date
from core.reports.fonts import MISSING_MARK
from core.reports.options import ReportOptions, letterhead
from core.roster.assignments import responsible_inspectors
from core.roster.schools import school_rows, zone_rows
from core.roster.staffing import percent_text
from core.roster.training import training_summary

if TYPE_CHECKING:
    from db.engine import Database

TITLE = "年度督导工作统计"
UNZONED = "未划分责任区"
SCHOOL_LIST_LIMIT = 60
"""An office with more active schools than this gets only the schools visited least."""
LEAST_VISITED = 20
FIXED = (ProblemStatus.FIXED.value, ProblemStatus.VERIFIED.value)
UNRESOLVED = (ProblemStatus.OPEN.value, ProblemStatus.ESCALATED.value)
CHART_HEIGHT = 62 * mm
SECTION_ROOM = 50 * mm
"""A section with a short table starts on a new page when less than this is left."""
CHART_FILLS = (colors.Color(0.78, 0.78, 0.78), colors.Color(0.25, 0.25, 0.25),
               colors.Color(0.55, 0.55, 0.55))  # fmt: skip
"""Bar fills, light to dark: they print well in black and white."""


def percent(part: int, whole: int) -> str:
    """``part`` of ``whole`` as a percent (one decimal where needed, never rounded up to 100 %),
    or an em dash when there is no whole."""
    return percent_text(part / whole) if whole else "—"


def bar_chart(
    report: Report,
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[float]]],
    caption: str,
    height: float = CHART_HEIGHT,
    value_max: float | None = None,
) -> Drawing:
    """A grouped bar chart across the frame: one group per category, one bar per series (a
    legend names them), the value above each bar, the caption above the chart; in the
    report's body face, embedded like the rest. A category label (a zone's name …) is drawn in
    that one face, a character it lacks as the missing mark. The value axis reaches
    ``value_max`` (100 for percents), else a round number above the highest bar."""
    width = report.width
    font, title_font = report.fonts.body, report.fonts.title
    drawing = Drawing(width, height)
    drawing.initialFontName = font  # else the renderer starts in Helvetica, never embedded
    drawing.add(String(0, height - 11, caption, fontName=title_font, fontSize=10.5))
    chart = VerticalBarChart()
    chart.x, chart.y = 28, 22
    chart.width, chart.height = width - 40, height - 52
    chart.data = [list(values) for _label, values in series]
    chart.categoryAxis.categoryNames = [
        "".join(part if face == font else MISSING_MARK * len(part)
                for face, part in report.fonts.runs(clean(label), font))
        for label in categories
    ]  # fmt: skip
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.labels.dy = -2
    top = max((max(values, default=0) for _label, values in series), default=0)
    top = value_max if value_max is not None else top
    step = _step(top)
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max(step, -(-top // step) * step)
    chart.valueAxis.valueStep = step
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7.5
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.Color(0.85, 0.85, 0.85)
    chart.valueAxis.gridStrokeWidth = 0.4
    chart.barSpacing = 1
    chart.groupSpacing = 6
    chart.barLabelFormat = _bar_label
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = 6.5
    chart.barLabels.nudge = 5
    for index in range(len(series)):
        chart.bars[index].fillColor = CHART_FILLS[index % len(CHART_FILLS)]
        chart.bars[index].strokeColor = colors.black
        chart.bars[index].strokeWidth = 0.3
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = width, height - 6
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.fontName, legend.fontSize = font, 8
    legend.boxAnchor = "ne"
    legend.deltax = 60
    legend.dx = legend.dy = 7
    legend.colorNamePairs = [
        (CHART_FILLS[i % len(CHART_FILLS)], label) for i, (label, _values) in enumerate(series)
    ]
    drawing.add(legend)
    return drawing


def _bar_label(value: float) -> str:
    """A bar's value, none on an empty bar."""
    return f"{value:g}" if value else ""


def _step(top: float) -> int:
    """A round step for a value axis reaching ``top`` in about five steps."""
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000):
        if top / step <= 6:
            return step
    return 10000


def _inspector_rows(
    visits, problems_by_visit, training, responsible, today: date
) -> list[list[str]]:
    names: dict[int, str] = {t.inspector_id: t.name for t in training}
    planned: Counter[int] = Counter()
    due: Counter[int] = Counter()
    done: Counter[int] = Counter()
    visited: dict[int, set[int]] = defaultdict(set)
    found: Counter[int] = Counter()
    for v in visits:
        names.setdefault(v.inspector_id, v.inspector)
        planned[v.inspector_id] += v.status in ACTIVE_STATUSES
        due[v.inspector_id] += _is_due(v, today)
        if _done_by(v, today):
            done[v.inspector_id] += 1
            visited[v.inspector_id].add(v.school_id)
        found[v.inspector_id] += problems_by_visit.get(v.id, 0)
    schools = Counter(responsible.values())
    hours = {t.inspector_id: t for t in training}
    rows = []
    for number, (inspector_id, name) in enumerate(
        sorted(names.items(), key=lambda item: (item[1], item[0])), start=1
    ):
        t = hours.get(inspector_id)
        rows.append(
            [
                str(number),
                name if t else f"{name}（已离任）",
                str(schools[inspector_id]),
                str(planned[inspector_id]),
                str(due[inspector_id]),
                str(done[inspector_id]),
                percent(done[inspector_id], due[inspector_id]),
                str(len(visited[inspector_id])),
                str(found[inspector_id]),
                f"{t.hours:g} / {t.required}" if t else "—",
                ("达标" if t.shortfall == 0 else f"差 {round(t.shortfall, 1):g}") if t else "—",
            ]
        )
    return rows


def _is_due(visit, today: date) -> bool:
    """Whether ``visit`` is on the calendar for ``today`` or a day before: due by then."""
    return visit.status in ACTIVE_STATUSES and visit.day <= today


def _done_by(visit, today: date) -> bool:
    """Whether ``visit`` was due by ``today`` and is done (the completion rate's part)."""
    return visit.status == VisitStatus.DONE and visit.day <= today


def _visits_sentence(on_calendar: int, due: int, done: int, today: date, year: int) -> str:
    """The year's visits in the headline: the completion rate is of the visits due by
    ``today``; the visits still to come are counted apart."""
    if today.year > year:
        return f"全年安排督导 {on_calendar} 次，已完成 {done} 次，完成率 {percent(done, due)}"
    if today.year < year:
        return f"全年安排督导 {on_calendar} 次，均未到期"
    text = (
        f"全年安排督导 {on_calendar} 次，其中截至{today.month}月{today.day}日应完成 {due} 次，"
        f"已完成 {done} 次，完成率 {percent(done, due)}"
    )
    if on_calendar > due:
        later = today + timedelta(days=1)
        text += f"；其余 {on_calendar - due} 次安排在{later.month}月{later.day}日及以后，尚未到期"
    return text


def _problems_sentence(problems) -> str:
    """The year's problems in the headline, in parts that add up to the number found."""
    fixed = sum(1 for p in problems if p.status in FIXED)
    unresolved = [p for p in problems if p.status in UNRESOLVED]
    escalated = sum(1 for p in unresolved if p.escalated_on is not None)
    escalated_fixed = sum(1 for p in problems if p.status in FIXED and p.escalated_on)
    return (
        f"发现问题 {len(problems)} 个，其中已整改 {fixed} 个"
        f"（整改率 {percent(fixed, len(problems))}）、尚未整改 {len(unresolved)} 个"
        + (f"（含已上报督导部门 {escalated} 个）" if escalated else "")
        + (f"；上报后已整改的 {escalated_fixed} 个计入已整改" if escalated_fixed else "")
        + "。"
    )


def write(db: Database, out: Path, options: ReportOptions) -> None:
    """Write the figures of ``options.year`` (default: this year) as on ``options.today``."""
    year = options.year_or_current()
    today = options.today
    first, last = date(year, 1, 1), date(year, 12, 31)
    head = letterhead(db)
    visits = visit_rows(db, first, last)
    problems = [p for p in problem_rows(db, today) if p.found_on.year == year]
    complaints = [c for c in complaint_rows(db) if c.received_on.year == year]
    training = training_summary(db, today, year)
    schools = [s for s in school_rows(db, min(today, last)) if s.active]
    zones = [z.name for z in zone_rows(db)]
    with db.session() as session:
        responsible = responsible_inspectors(session, min(today, last))
        steps = step_counts(session, first, last)

    on_calendar = [v for v in visits if v.status in ACTIVE_STATUSES]
    due = [v for v in visits if _is_due(v, today)]
    done = [v for v in visits if _done_by(v, today)]
    called_off = len(visits) - len(on_calendar)
    visited = {v.school_id for v in done}
    reached = len(visited & {s.id for s in schools})
    replied = sum(1 for c in complaints if c.replied_on is not None)
    met = sum(1 for t in training if t.shortfall == 0)
    to_date = f"（统计至{cn_date(today)}）" if first <= today <= last else ""

    report = Report(
        PageFrame(head.office, f"{year}{TITLE}", f"{cn_date(first)}至{cn_date(last)}", today)
    )
    report.title_block()
    report.heading("一、总体情况")
    report.paragraph(
        f"{year}年{to_date}，"
        + _visits_sentence(len(on_calendar), len(due), len(done), today, year)
        + f"；另有取消或延期 {called_off} 次。"
        f"在册学校（园）{len(schools)} 所，已督导 {reached} 所，"
        f"覆盖率 {percent(reached, len(schools))}。"
        + _problems_sentence(problems)
        + f"受理投诉 {len(complaints)} 件，已答复 {replied} 件。"
        f"在任督学 {len(training)} 名，完成年度培训学时的 {met} 名。"
    )

    # 二、各月督导
    report.heading("二、各月督导情况")
    month_rows = []
    planned_by_month, done_by_month = [], []
    for month in range(1, 13):
        in_month = [v for v in visits if v.day.month == month]
        planned = sum(1 for v in in_month if v.status in ACTIVE_STATUSES)
        month_due = sum(1 for v in in_month if _is_due(v, today))
        finished = [v for v in in_month if _done_by(v, today)]
        planned_by_month.append(planned)
        done_by_month.append(len(finished))
        month_rows.append(
            [
                f"{month}月",
                str(planned),
                str(month_due),
                str(len(finished)),
                percent(len(finished), month_due),
                str(len(in_month) - planned),
                str(len({v.school_id for v in finished})),
                str(sum(1 for p in problems if p.found_on.month == month)),
                str(sum(1 for c in complaints if c.received_on.month == month)),
            ]
        )
    month_rows.append(
        ["合计", str(len(on_calendar)), str(len(due)), str(len(done)),
         percent(len(done), len(due)), str(called_off), str(len(visited)), str(len(problems)),
         str(len(complaints))]
    )  # fmt: skip
    report.table(
        ["月份", "计划督导", "应完成", "已完成", "完成率", "取消或延期", "督导学校（园）",
         "发现问题", "受理投诉"],
        month_rows,
        [9, 11, 10, 10, 10, 12, 15, 11, 11],
        "CCCCCCCCC",
    )  # fmt: skip
    report.paragraph(
        "注：计划督导为列入日程的督导（计划、已确认、已完成），不含取消和延期的；"
        f"应完成为其中日期在{cn_date(today)}及以前的，完成率为已完成占应完成的比例，"
        "此后的尚未到期，不计入完成率；"
        "合计的督导学校（园）为全年督导过的学校数，一所学校多月督导只计一次。",
        "cell",
    )
    report.keep_with_last(
        [
            bar_chart(
                report,
                [f"{m}月" for m in range(1, 13)],
                [("计划督导", planned_by_month), ("已完成", done_by_month)],
                "图1　各月督导计划与完成次数",
            )
        ]
    )

    # 三、督学工作量
    report.heading("三、督学工作量与培训学时")
    problems_by_visit = Counter(p.visit_id for p in problems if p.visit_id is not None)
    inspector_rows = _inspector_rows(visits, problems_by_visit, training, responsible, today)
    if inspector_rows:
        report.table(
            ["序号", "督学", "负责学校", "计划督导", "应完成", "已完成", "完成率", "督导学校",
             "发现问题", "培训学时 / 应修", "培训"],
            inspector_rows,
            [5, 11, 9, 9, 8, 8, 8, 9, 9, 13, 8],
            "CLCCCCCCCCC",
        )  # fmt: skip
        report.paragraph(
            "注：督导按责任督学计，同行督学不重复计；负责学校为统计日挂牌负责的学校；"
            "应完成、完成率同上表；"
            "发现问题为本人督导中发现的问题；培训学时按培训开始日期计入年度。",
            "cell",
        )
    else:
        report.paragraph("本年度没有督学，也没有督导。")

    # 四、学校督导情况
    report.heading("四、学校督导情况")
    _zones_and_schools(report, schools, zones, visits, problems, today)

    # 五、问题整改
    report.story.append(CondPageBreak(SECTION_ROOM))
    report.heading("五、问题发现与整改")
    chart = _problems(report, problems)
    if chart is None:
        report.story += _steps(report, steps)
    else:  # the chart stays with the end of its table, and the year's steps under it
        report.keep_with_last([chart, *_steps(report, steps)])

    # 六、投诉
    report.story.append(CondPageBreak(SECTION_ROOM))
    report.heading("六、投诉受理与答复")
    _complaints(report, complaints)
    report.signature_block(head.settings, today)
    report.write(out)


def _zones_and_schools(report: Report, schools, zones, visits, problems, today: date) -> None:
    planned: Counter[int] = Counter()
    due: Counter[int] = Counter()
    done: Counter[int] = Counter()
    last_done: dict[int, date] = {}
    for v in visits:
        planned[v.school_id] += v.status in ACTIVE_STATUSES
        due[v.school_id] += _is_due(v, today)
        if _done_by(v, today):
            done[v.school_id] += 1
            last_done[v.school_id] = max(v.day, last_done.get(v.school_id, v.day))
    found = Counter(p.school_id for p in problems)
    open_ = Counter(p.school_id for p in problems if p.status in UNRESOLVED)
    by_zone: dict[str, list] = defaultdict(list)
    for s in schools:
        by_zone[s.zone or UNZONED].append(s)
    order = [z for z in zones if z in by_zone] + ([UNZONED] if UNZONED in by_zone else [])
    rows = []
    for zone in order:
        ids = [s.id for s in by_zone[zone]]
        reached = sum(1 for i in ids if done[i])
        zone_planned = sum(planned[i] for i in ids)
        zone_due = sum(due[i] for i in ids)
        zone_done = sum(done[i] for i in ids)
        rows.append(
            [zone, str(len(ids)), str(reached), percent(reached, len(ids)), str(zone_planned),
             str(zone_due), str(zone_done), percent(zone_done, zone_due),
             str(sum(found[i] for i in ids)), str(sum(open_[i] for i in ids))]
        )  # fmt: skip
    if rows:
        report.table(
            ["责任区", "学校（园）", "已督导", "覆盖率", "计划督导", "应完成", "已完成",
             "完成率", "发现问题", "尚未整改"],
            rows,
            [20, 10, 8, 9, 9, 8, 8, 9, 9, 10],
            "LCCCCCCCCC",
            caption="按责任区",
        )  # fmt: skip
    else:
        report.paragraph("没有在册的学校（园）。")
        return
    chosen = [s for zone in order for s in sorted(by_zone[zone], key=lambda s: s.name)]
    caption = "各学校（园）"
    if len(schools) > SCHOOL_LIST_LIMIT:
        chosen = sorted(schools, key=lambda s: (done[s.id], planned[s.id], s.name))
        chosen = chosen[:LEAST_VISITED]
        caption = f"督导次数最少的 {len(chosen)} 所学校（园）"
    report.story.append(CondPageBreak(40 * mm))
    report.table(
        ["学校（园）", "责任区", "责任督学", "计划督导", "已完成", "最近督导", "发现问题",
         "尚未整改"],
        [
            [s.name, s.zone or UNZONED, s.inspector or "—", str(planned[s.id]), str(done[s.id]),
             last_done[s.id].isoformat() if s.id in last_done else "—", str(found[s.id]),
             str(open_[s.id])]
            for s in chosen
        ],
        [30, 16, 11, 9, 8, 12, 9, 9],
        "LLLCCCCC",
        caption=caption,
    )  # fmt: skip


def _problems(report: Report, problems) -> Drawing | None:
    """The problems by category and their note; returns their chart, which goes under them
    (None without problems)."""
    if not problems:
        report.paragraph("本年度没有登记问题。")
        return None
    rows = []
    chart: dict[str, list[int]] = {"发现": [], "已整改": [], "尚未整改": []}
    for category in ProblemCategory:
        mine = [p for p in problems if p.category == category.value]
        unresolved = [p for p in mine if p.status in UNRESOLVED]
        figures = (
            len(mine),
            sum(1 for p in mine if p.status in FIXED),
            sum(1 for p in mine if p.status == ProblemStatus.VERIFIED),
            len(unresolved),
            sum(1 for p in unresolved if p.escalated_on is not None),
            sum(1 for p in unresolved if p.overdue),
        )
        for key, value in zip(chart, (figures[0], figures[1], figures[3]), strict=True):
            chart[key].append(value)
        rows.append([category.label, *map(str, figures), percent(figures[1], figures[0])])
    totals = [sum(int(row[i]) for row in rows) for i in range(1, 7)]
    rows.append(["合计", *map(str, totals), percent(totals[1], totals[0])])
    report.table(
        ["问题类别", "发现", "已整改", "其中已销号", "尚未整改", "其中已上报", "其中逾期",
         "整改率"],
        rows,
        [16, 10, 11, 15, 10, 12, 11, 11],
        "LCCCCCCC",
    )  # fmt: skip
    report.paragraph(
        "注：发现 = 已整改 + 尚未整改，已整改含已销号的；已上报为尚未整改、已上报督导部门的"
        "问题（上报后已整改的计入已整改）；逾期为尚未整改且已过整改期限的。",
        "cell",
    )
    return bar_chart(
        report,
        [c.label for c in ProblemCategory],
        list(chart.items()),
        "图2　各类问题发现、已整改与尚未整改数",
    )


def _steps(report: Report, steps: Counter[str]) -> list[Flowable]:
    """The year's 督办, 约谈, 通报, 问责 and reports up, with their note."""
    table = report.grid(
        [kind.label for kind in ActionKind],
        [[str(steps[kind.value]) for kind in ActionKind]],
        [1] * len(ActionKind),
        "C" * len(ActionKind),
        caption="督办、约谈、通报、问责与报送上级（次）",
    )
    note = report.para(
        "注：按登记日期计入年度，与通报的统计口径相同；一次督办、约谈等涉及几个问题的，"
        "按问题分别计。",
        "cell",
    )
    return [Spacer(1, 3 * mm), table, Spacer(1, 1.5 * mm), note]


def _complaints(report: Report, complaints) -> None:
    if not complaints:
        report.paragraph("本年度没有受理投诉。")
        return
    rows = []
    for channel in ComplaintChannel:
        mine = [c for c in complaints if c.channel == channel.value]
        if not mine:
            continue
        states = Counter(c.state for c in mine)
        rows.append(
            [channel.label, str(len(mine)), str(states[ComplaintState.REPLIED]),
             str(states[ComplaintState.VERIFIED]), str(states[ComplaintState.PENDING]),
             str(sum(c.problems for c in mine))]
        )  # fmt: skip
    totals = [sum(int(row[i]) for row in rows) for i in range(1, 6)]
    rows.append(["合计", *map(str, totals)])
    report.table(
        ["受理方式", "受理", "已答复", "已核实待答复", "待核实", "形成整改问题"],
        rows,
        [18, 12, 12, 16, 12, 16],
        "LCCCCC",
    )
