"""督导记录表: the visit record form on portrait A4, ruled like an office form.

Without ``--visit`` it is blank, to be filled by hand at the school: the lines are empty, every
checkbox (督导类型, 主要督导事项, 督导方式, 六个至少) is open and the writing rows are tall
(on a filled form too, and taller where the text needs it).
With ``--visit ID`` it is filled from the visit and its record: school, date, inspector and
companions, the kind ticked with the special topic, the items, methods and "六个至少" ticked,
and the findings, problems, advice and on-the-spot feedback as written; a visit without a record
yet gets its heading lines filled and the rest blank. The signatures are always left for hand.

The main inspection items are the office's list (:func:`core.calendar.visits.inspection_items`); an
item a record holds that the list no longer has (the list changed since) is printed ticked after the
list, so the record stays complete. The boxes are drawn (:mod:`core.reports.check_box`): a ruled
square, with a tick when chosen; the text of the PDF reads ■ for a ticked box and □ for an open one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table
from sqlalchemy.orm import selectinload

from core.calendar.visits import inspection_items
from core.enums import InspectionMethod, LabelledEnum, SixMinimum, VisitKind
from core.i18n import _
from core.reports import check_box
from core.reports.document import PageFrame, Report, cn_date
from core.reports.options import ReportOptions, letterhead_from_session, refuse
from db.models import Visit

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from db.engine import Database

TITLE = "督导记录表"
BOX_SIZE = 11.0
"""Point size (the side of the em) of the drawn check boxes."""
GAP = "\u00a0"  # a space the paragraph keeps, for the gaps filled by hand
BLANK_DATE = f"{GAP * 12}年{GAP * 6}月{GAP * 6}日"
BLANK_TOPIC = "＿" * 8
WIDTHS_MM = (27.0, 63.0, 27.0, 63.0)
WRITING_ROWS = (
    ("findings", "发现情况", 40.0),
    ("problems", "存在问题", 32.0),
    ("advice", "意见建议", 26.0),
    ("feedback", "现场反馈", 22.0),
)
"""The rows written by hand: field of the record, label, least height (mm); a filled form keeps
the room, so notes can be added by hand, and grows where the text is longer."""
SIGNATURE_MM = 20.0
NOTE = "注：督导结束后及时填写，经督学和学校负责人签字后报送督导室存档；本表一式两份。"


@dataclass(frozen=True)
class _Form:
    """What the form prints; empty strings and lists for a blank form."""

    office_items: list[str]
    number: str = ""
    school: str = ""
    day: date | None = None
    inspector: str = ""
    companions: str = ""
    kind: str = ""
    topic: str = ""
    items: list[str] = field(default_factory=list)
    methods: list[str] = field(default_factory=list)
    six_minimum: list[str] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)
    filed_on: date | None = None


def _read(session: Session, visit_id: int | None) -> _Form:
    items = inspection_items(session)
    if visit_id is None:
        return _Form(items)
    visit = session.get(
        Visit,
        visit_id,
        options=[
            selectinload(Visit.school),
            selectinload(Visit.inspector),
            selectinload(Visit.companions),
            selectinload(Visit.record),
        ],
    )
    if visit is None:
        raise refuse("visit", _("没有编号为 {visit_id} 的督导", visit_id=visit_id))
    heading = _Form(
        office_items=items,
        number=str(visit.id),
        school=visit.school.name,
        day=visit.visit_date,
        inspector=visit.inspector.name,
        companions="、".join(c.name for c in sorted(visit.companions, key=lambda c: c.id)),
        kind=visit.kind,
        topic=visit.topic,
    )
    record = visit.record
    if record is None:
        return heading
    return replace(
        heading,
        items=list(record.items),
        methods=list(record.methods),
        six_minimum=list(record.six_minimum),
        texts={name: getattr(record, name) for name, _label, _mm in WRITING_ROWS},
        filed_on=record.filed_on,
    )


def _boxes(choices: Sequence[str], ticked: Sequence[str]) -> list[tuple[bool, str]]:
    """(ticked?, choice) for each choice, then the ticked ones that are not among the choices."""
    chosen = set(ticked)
    pairs = [(c in chosen, c) for c in choices]
    return pairs + [(True, t) for t in dict.fromkeys(ticked) if t not in set(choices)]


def _coded(kind: type[LabelledEnum], codes: Sequence[str]) -> list[tuple[bool, str]]:
    return _boxes([member.label for member in kind], [kind.label_of(code) for code in codes])


def _choices(report: Report, pairs: Sequence[tuple[bool, str]], style: str) -> Paragraph:
    """Check boxes and their (user) text in one paragraph, separated by wide gaps."""
    size = BOX_SIZE * report.frame.scale
    marks = [check_box.markup(ticked, size) + GAP + report.fragment(text) for ticked, text in pairs]
    return Paragraph((GAP * 3).join(marks), report.styles[style])


def _rows(columns: list[list[tuple[bool, str]]]) -> list[list[tuple[bool, str]]]:
    """Two columns of choices side by side, row by row (the right one may be shorter)."""
    left, right = columns
    return [[pair, *right[i : i + 1]] for i, pair in enumerate(left)]


def _form_table(report: Report, form: _Form) -> Table:
    s = report.frame.scale
    widths = [w * mm * s for w in WIDTHS_MM]
    label, cell = "form_label", "form_cell"

    def text(value: str, style: str = cell) -> Flowable:
        return report.para(value, style)

    kinds = _boxes(
        [k.label for k in VisitKind], [VisitKind.label_of(form.kind)] if form.kind else []
    )
    kind_line = _choices(report, kinds, cell)
    topic = text(f"专项主题：{form.topic or BLANK_TOPIC}")
    numbered = {item: f"{n}. {item}" for n, item in enumerate(form.office_items, 1)}
    lines = [
        (ticked, numbered.get(item, item)) for ticked, item in _boxes(form.office_items, form.items)
    ]
    half = (len(lines) + 1) // 2
    columns = [lines[:half], lines[half:]]
    items = Table(
        [[_choices(report, [pair], cell) for pair in row] for row in _rows(columns)],
        colWidths=[(sum(widths[1:]) - 6 * s) / 2] * 2,
    )
    items.setStyle(report.table_style([("LEFTPADDING", (0, 0), (-1, -1), 0),
                                       ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                                       ("TOPPADDING", (0, 0), (-1, -1), 0.5),
                                       ("BOTTOMPADDING", (0, 0), (-1, -1), 0.5),
                                       ("VALIGN", (0, 0), (-1, -1), "TOP")]))  # fmt: skip

    def signed() -> list[Flowable]:
        return [Spacer(1, (SIGNATURE_MM - 9) * mm * s), text(BLANK_DATE, "form_date")]

    data: list[list[Any]] = [
        [text("学校（园）", label), text(form.school), text("督导日期", label),
         text(cn_date(form.day) if form.day else BLANK_DATE)],
        [text("责任督学", label), text(form.inspector), text("同行督学", label),
         text(form.companions)],
        [text("督导类型", label), [kind_line, topic], "", ""],
        [text("主要督导事项", label), items, "", ""],
        [text("督导方式", label), _choices(report, _coded(InspectionMethod, form.methods), cell),
         "", ""],
        [text("“六个至少”", label), _choices(report, _coded(SixMinimum, form.six_minimum), cell),
         "", ""],
    ]  # fmt: skip
    heights: list[float] = [10 * mm * s] * len(data)
    for name, row_label, least_mm in WRITING_ROWS:
        data.append([text(row_label, label), text(form.texts.get(name, "")), "", ""])
        heights.append(least_mm * mm * s)
    data.append([text("督学签字", label), signed(), text("学校负责人签字", label), signed()])
    heights.append(SIGNATURE_MM * mm * s)
    spans = [("SPAN", (1, r), (3, r)) for r in range(2, len(data) - 1)]
    writing = len(data) - 1 - len(WRITING_ROWS)
    return report.ruled(
        data,
        widths,
        [
            *spans,
            ("VALIGN", (1, writing), (-1, -2), "TOP"),
            ("VALIGN", (0, 0), (0, -1), "MIDDLE"),
            ("BOX", (0, 0), (-1, -1), 1.2, "black"),
            # the signatures never stand on a page alone: the last writing row goes with them
            ("NOSPLIT", (0, len(data) - 2), (-1, len(data) - 1)),
        ],
        min_heights=heights,
    )


def write(db: Database, out: Path, options: ReportOptions) -> None:
    """Write the record form of visit ``options.visit``, or a blank one when it is None."""
    with db.session() as session:
        head = letterhead_from_session(session)
        form = _read(session, options.visit)
    period = f"{form.school}，{cn_date(form.day)}" if form.day else "空白表"
    report = Report(PageFrame(head.office, TITLE, period, options.today))
    report.add_style("form_label", report.fonts.title, 10, TA_CENTER)
    report.add_style("form_cell", report.fonts.body, 9.5)
    report.add_style("form_date", report.fonts.body, 9.5, TA_RIGHT)
    report.story.append(report.para(TITLE, "title"))
    filed = f"归档日期：{cn_date(form.filed_on)}{GAP * 4}" if form.filed_on else ""
    report.info_line(f"单位：{head.office}", f"{filed}编号：{form.number or GAP * 16}")
    report.story.append(_form_table(report, form))
    report.paragraph(NOTE, "cell")
    report.write(out)
