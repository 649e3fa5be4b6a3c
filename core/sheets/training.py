"""The 培训记录 sheet: one training of one inspector per row.

A record is identified by the inspector's name, the course and its first day: importing the
same sheet again updates those records instead of adding them twice; records missing from the
sheet are left alone. The inspector must already be in the roster. 结束日期 defaults to the
last day of a span written in the date cell (培训时间 2026.7.13—7.24), else to the first day.
An empty 培训形式 (or a sheet without that column, for new records) is read from the
course's name when it says so (岗前…, 网络研修, 交流研讨…); otherwise the clerk must fill it in,
because the form decides what counts as centralized training. Other columns follow the rule of
the other sheets: absent keeps the stored value, present but empty clears it.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from core.enums import TrainingForm
from core.i18n import _, joined, n_
from core.roster.training import TrainingInput, record_from_input, training_problems
from core.search.matching import pinyin_order
from core.sheets import cells
from core.sheets.columns import Column, SheetSpec, changes
from core.sheets.inspectors import unknown_inspector
from core.sheets.plan import SHEET_TITLES, ImportPlan, PlannedRow
from core.sheets.reader import Problems, SheetHandler, Table, read_cells, reported
from db.models import Inspector, TrainingRecord

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

F = TrainingForm
_FORM_WORDS: dict[str, str | None] = {
    **{form.chinese_label: form.value for form in F},
    **{form.value: form.value for form in F},
    "集中": F.CENTRALIZED, "集中学习": F.CENTRALIZED, "面授": F.CENTRALIZED,
    "网络": F.ONLINE, "线上": F.ONLINE, "线上培训": F.ONLINE, "在线": F.ONLINE,
    "在线培训": F.ONLINE, "网络研修": F.ONLINE, "远程": F.ONLINE, "远程培训": F.ONLINE,
    "脱产": F.FULL_RELEASE, "在职": F.IN_SERVICE, "岗前": F.PRESERVICE,
    "研讨": F.SEMINAR, "交流": F.SEMINAR, "研讨会": F.SEMINAR, "交流研讨会": F.SEMINAR,
    "": None,
}  # fmt: skip
FORM_ALIASES = {word: str(code) if code else None for word, code in _FORM_WORDS.items()}
_COURSE_HINTS = (
    ("岗前", F.PRESERVICE), ("网络", F.ONLINE), ("线上", F.ONLINE), ("在线", F.ONLINE),
    ("远程", F.ONLINE), ("研讨", F.SEMINAR), ("交流", F.SEMINAR), ("脱产", F.FULL_RELEASE),
    ("在职", F.IN_SERVICE), ("集中", F.CENTRALIZED),
)  # fmt: skip
FORM_LABELS = tuple(form.chinese_label for form in F)


def _hours_shown(hours: float | None) -> float | int | None:
    return int(hours) if hours is not None and float(hours).is_integer() else hours


COLUMNS = (
    Column(
        "name", "姓名", cells.required(cells.person(100)),
        ("督学姓名", "参训人", "参训督学", "参训人员"), width=10,
    ),
    Column(
        "course", "培训名称", cells.required(cells.text(200)),
        ("培训内容", "课程名称", "培训项目", "培训主题", "培训班名称"), width=30,
    ),
    Column(
        "start_date", "开始日期", cells.required(cells.date_span),
        ("培训日期", "日期", "培训时间", "培训开始日期", "开始时间"), width=12, is_date=True,
    ),
    Column(
        "end_date", "结束日期", cells.cell_date,
        ("培训结束日期", "结束时间"), width=12, is_date=True,
    ),
    Column(
        "organizer", "主办单位", cells.text(200),
        ("组织单位", "培训机构", "举办单位", "主办方", "承办单位"), width=28,
    ),
    Column(
        "form", "培训形式", cells.choice(FORM_ALIASES, FORM_LABELS),
        ("形式", "培训方式", "方式"),
        width=10, choices=FORM_LABELS, to_cell=F.label_of,
    ),
    Column(
        "hours", "学时", cells.required(cells.hours), ("培训学时", "学时数"),
        width=8, to_cell=_hours_shown,
    ),
    Column(
        "certificate", "证书编号", cells.text(100),
        ("证书", "结业证书", "结业证书编号", "证书号"), width=16,
    ),
    Column("note", "备注", cells.long_text(), (), width=20),
)  # fmt: skip
SPEC = SheetSpec(
    "training",
    SHEET_TITLES["training"],
    "督学培训记录",
    COLUMNS,
    ("name", "course", "start_date", "hours"),
)
FIELDS = ("end_date", "organizer", "form", "hours", "certificate", "note")

RecordKey = tuple[int, str, date]


def guess_form(course: str) -> str | None:
    """The form a course's name says (岗前培训 → 岗前培训, 网络研修 → 网络培训), or ``None``."""
    for hint, form in _COURSE_HINTS:
        if hint in course:
            return form.value
    return None


def _stored(record: TrainingRecord, name: str) -> dict[str, Any]:
    return {
        "name": name,
        "course": record.course,
        "start_date": record.start_date,
        "end_date": record.end_date,
        "organizer": record.organizer,
        "form": record.form,
        "hours": record.hours,
        "certificate": record.certificate,
        "note": record.note,
    }


def import_rows(
    session: Session, table: Table, today: date, problems: Problems, plan: ImportPlan
) -> None:
    """Add and change the training records of ``table``, recording each row in ``plan``."""
    inspectors: dict[str, list[Inspector]] = defaultdict(list)
    for inspector in session.scalars(select(Inspector)):
        inspectors[cells.name_key(inspector.name)].append(inspector)
    records: dict[RecordKey, TrainingRecord] = {}
    for stored in session.scalars(select(TrainingRecord).order_by(TrainingRecord.id)):
        records.setdefault(
            (stored.inspector_id, cells.name_key(stored.course), stored.start_date), stored
        )
    compared = [c for c in table.present if c.key in FIELDS]
    first_row: dict[RecordKey, int] = {}
    no_form: list[int] = []
    for row in reported(table.rows):
        number = row.number
        values = read_cells(table, row, problems)
        if values is None:
            continue
        values["start_date"], span_end = values["start_date"]
        if span_end is not None and values.get("end_date") is None:
            values["end_date"] = span_end
        name = values["name"]
        matches = inspectors.get(cells.name_key(name), [])
        if len(matches) != 1:
            problems.cell(number, "name", unknown_inspector(name, len(matches)))
            continue
        inspector = matches[0]
        key = (inspector.id, cells.name_key(values["course"]), values["start_date"])
        if key in first_row:
            problems.row(
                number,
                _(
                    "与第 {row} 行是同一条培训记录（同一督学、同一培训名称、同一开始日期）",
                    row=first_row[key],
                ),
            )
            continue
        first_row[key] = number
        record = records.get(key)
        old = _stored(record, inspector.name) if record is not None else None
        new = {**(old or {"organizer": "", "form": None, "certificate": "", "note": ""}), **values}
        new["name"], new["course"] = inspector.name, (record.course if record else new["course"])
        if new.get("end_date") is None:
            new["end_date"] = new["start_date"]
        if new["form"] is None:
            new["form"] = guess_form(new["course"])
            if new["form"] is None:
                no_form.append(number)
                continue
        data = TrainingInput(**{k: new[k] for k in ("start_date", "course", *FIELDS)})
        found = training_problems(data)
        for problem in found:
            problems.row(number, problem.message)
        if found:
            continue
        label = _(
            "{name}：{course}（{day}）",
            name=inspector.name,
            course=data.course,
            day=data.start_date,
        )
        if record is None:
            fresh = record_from_input(data)
            fresh.inspector = inspector
            session.add(fresh)
            description = n_(
                "{form}，{hours} 学时",
                1 if data.hours == 1 else 2,  # English: 1 hour, 1.5 hours
                form=F.label_of(data.form),
                hours=_hours_shown(data.hours),
            )
            plan.added.append(PlannedRow(number, label, [description]))
            continue
        lines = changes(compared, table.headers, old or {}, new)
        if not lines:
            plan.unchanged += 1
            continue
        fresh = record_from_input(data)
        for field in FIELDS:
            setattr(record, field, getattr(fresh, field))
        plan.changed.append(PlannedRow(number, label, lines))
    problems.rows(
        no_form,
        _(
            "请填写“培训形式”（可填：{forms}）；无法从培训名称看出培训形式。",
            forms=joined(FORM_LABELS, "、", ", "),
        ),
    )


def export_records(session: Session, today: date) -> list[dict[str, Any]]:
    """Every training record, oldest first, then by inspector in pinyin order and course."""
    query = select(TrainingRecord, Inspector.name).join(
        Inspector, Inspector.id == TrainingRecord.inspector_id
    )
    found = sorted(
        session.execute(query),
        key=lambda found: (
            found[0].start_date,
            pinyin_order(found[1]),
            pinyin_order(found[0].course),
        ),
    )
    return [_stored(record, name) for record, name in found]


HANDLER = SheetHandler(SPEC, import_rows, export_records)
