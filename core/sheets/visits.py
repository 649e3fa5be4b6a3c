"""The 督导记录 sheet: one visit per row — who went to which school on which day, of what kind,
and what its 督导记录表 says.

A visit is identified by its day, school, inspector (督学: the one responsible for the visit)
and 督导类型: importing the same sheet again updates those visits instead of adding them twice;
visits missing from the sheet are left alone. Schools and inspectors must already exist.

The rules are those of the calendar and the record form (:mod:`core.calendar.visits`,
:mod:`core.calendar.records`): a visit is done only once its day has come, only a visit carried out
(已完成) has a record, a 专项督导 needs its 专项主题, the inspector is not also a 同行督学.
A row with any record column filled (督导事项 … 归档日期) gives the visit its record. An empty
督导类型 is 专项督导 when a 专项主题 is given, else 经常性督导; an empty 状态 is 已完成 for a day up
to today, else 计划. Neither the inspector nor a 同行督学 may be one who must recuse themselves
(回避) from the school. A visit an import adds or changes is the clerk's, not the monthly plan
generator's. Other columns follow the rule of the other sheets: absent keeps the stored value,
present but empty clears it.

Several names or choices in one cell (同行督学, 督导方式, 六个至少, 督导事项) are separated by
、，,;； or new lines; the office's main inspection items (a setting) are recognised whole although
their wording may hold 、 and ，. Exported 督导事项 are separated by ；.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from core.calendar.records import TEXT_MAX, RecordInput, record_problems
from core.calendar.visits import (
    NOTE_MAX,
    TOPIC_MAX,
    VisitInput,
    inspection_items,
    visit_problems,
)
from core.enums import InspectionMethod, LabelledEnum, SixMinimum, VisitKind, VisitStatus
from core.errors import FieldError
from core.i18n import _, joined, n_
from core.parsing import clean_text, split_names
from core.search.matching import pinyin_order
from core.sheets import cells
from core.sheets.columns import Column, SheetSpec, changes
from core.sheets.inspectors import _unknown_school, unknown_inspector
from core.sheets.plan import SHEET_TITLES, ImportPlan, PlannedRow
from core.sheets.reader import Problems, SheetHandler, Table, read_cells, reported
from db.models import Inspector, Recusal, School, Visit, VisitRecord

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from core.sheets.cells import Reader

_ITEM_LINES = re.compile(r"[\n；;]+")
_ITEM_WORD = re.compile(r"[^、，,]+")
_ITEM_SEPARATORS = "、，, "
ITEMS_JOINED = "；"

K, S, M, SIX = VisitKind, VisitStatus, InspectionMethod, SixMinimum
KIND_ALIASES: dict[str, str | None] = {
    **{k.chinese_label: k.value for k in K}, **{k.value: k.value for k in K},
    "经常性": K.ROUTINE, "常规督导": K.ROUTINE, "日常督导": K.ROUTINE, "例行督导": K.ROUTINE,
    "挂牌督导": K.ROUTINE, "专项": K.SPECIAL, "综合": K.COMPREHENSIVE, "随访": K.FOLLOW_UP,
    "复查": K.RECHECK, "整改复查": K.RECHECK, "": None,
}  # fmt: skip
STATUS_ALIASES: dict[str, str | None] = {
    **{s.chinese_label: s.value for s in S}, **{s.value: s.value for s in S},
    "已计划": S.PLANNED, "计划中": S.PLANNED, "未开始": S.PLANNED, "待督导": S.PLANNED,
    "确认": S.CONFIRMED, "完成": S.DONE, "已督导": S.DONE, "已进行": S.DONE,
    "取消": S.CANCELLED, "延期": S.POSTPONED, "推迟": S.POSTPONED, "已推迟": S.POSTPONED,
    "改期": S.POSTPONED, "": None,
}  # fmt: skip
METHOD_ALIASES: dict[str, str] = {
    **{m.chinese_label: m.value for m in M}, **{m.value: m.value for m in M},
    "随机（推门）听课": M.LESSON, "推门听课": M.LESSON, "随机听课": M.LESSON, "听课": M.LESSON,
    "巡视": M.TOUR, "校园巡查": M.TOUR, "巡查": M.TOUR, "实地查看": M.TOUR,
    "查阅": M.DOCUMENTS, "查资料": M.DOCUMENTS, "查阅档案": M.DOCUMENTS, "查阅台账": M.DOCUMENTS,
    "问卷": M.SURVEY, "列席": M.MEETING, "参加会议": M.MEETING, "活动": M.ACTIVITY,
    "座谈": M.INTERVIEW, "走访": M.INTERVIEW, "访谈": M.INTERVIEW, "座谈会": M.INTERVIEW,
}  # fmt: skip
SIX_ALIASES: dict[str, str] = {
    **{s.chinese_label: s.value for s in SIX}, **{s.value: s.value for s in SIX},
    "作业": SIX.HOMEWORK, "检查作业": SIX.HOMEWORK, "课后服务": SIX.AFTER_SCHOOL,
    "听课": SIX.CLASS, "进班": SIX.CLASS, "备课": SIX.LESSON_PREP, "参与备课": SIX.LESSON_PREP,
    "座谈": SIX.FORUM, "座谈会": SIX.FORUM, "汇报": SIX.REPORT,
}  # fmt: skip
KIND_LABELS = tuple(k.chinese_label for k in K)
STATUS_LABELS = tuple(s.chinese_label for s in S)


def _words(value: object) -> list[str]:
    """The names or choices written in one cell, each once, in the order written."""
    text = value if isinstance(value, str) else cells.cell_text(value)
    return list(dict.fromkeys(split_names(text)))


def split_items(value: object, known: Sequence[str]) -> list[str]:
    """The 督导事项 of one cell, each once.

    Items are separated by new lines, ；/; or 、，, — except that an item of ``known`` (the
    office's list, such as “招生、收费、择校”) is taken whole.
    """
    longest_first = sorted(known, key=len, reverse=True)
    items: list[str] = []
    for line in _ITEM_LINES.split(cells.note(value)):
        rest = clean_text(line)
        while rest := rest.lstrip(_ITEM_SEPARATORS):
            known_item = next(
                (
                    item
                    for item in longest_first
                    if rest.startswith(item) and rest[len(item) : len(item) + 1] in ("", *"、，,")
                ),
                None,
            )
            match = _ITEM_WORD.match(rest)
            word = known_item or (match.group() if match else rest)
            items.append(word.strip())
            rest = rest[len(word) :]
    return list(dict.fromkeys(item for item in items if item))


def _several(aliases: dict[str, str], members: type[LabelledEnum]) -> Reader:
    """A reader of several choices in one cell; codes in the order of ``members``, each once."""
    labels = [member.chinese_label for member in members]
    read_one = cells.choice(aliases, labels)

    def read(value: object) -> list[str]:
        codes, unknown = set(), []
        for word in _words(value):
            try:
                codes.add(read_one(word))
            except ValueError:
                unknown.append(_("“{text}”", text=word))
        if unknown:
            raise ValueError(
                n_(
                    "{texts}不是可选的值（可填：{choices}）",
                    len(unknown),
                    texts=joined(unknown, "、", ", "),
                    choices=joined(labels, "、", ", "),
                )
            )
        return _in_order(codes, members)

    return read


def _labels(members: type[LabelledEnum]) -> Callable[[Any], str]:
    """Stored codes as the cell shows them: 校园巡视、查阅资料."""
    return lambda codes: joined((members.label_of(code) for code in codes or ()), "、", ", ")


def _in_order(codes: Iterable[str], members: type[LabelledEnum]) -> list[str]:
    """Codes in the order of ``members``, each once (codes it does not know last)."""
    given = list(dict.fromkeys(codes))
    return [m.value for m in members if m.value in given] + [
        code for code in given if code not in members._value2member_map_
    ]


COLUMNS = (
    Column(
        "visit_date", "日期", cells.required(cells.cell_date),
        ("督导日期", "督导时间", "进校日期", "检查日期", "时间"), width=12, is_date=True,
    ),
    Column(
        "school", "学校", cells.required(cells.text(200)),
        ("学校名称", "被督导学校", "督导学校", "单位名称", "责任学校", "学校全称"), width=28,
    ),
    Column(
        "inspector", "督学", cells.required(cells.person(100)),
        ("督学姓名", "责任督学", "责任督学姓名", "督导人员", "督导人", "姓名"), width=10,
    ),
    Column(
        "companions", "同行督学", lambda value: [cells.person_name(n) for n in _words(value)],
        ("同行人员", "随同督学", "其他督学", "参加督学", "同行督学姓名"),
        width=16, to_cell=lambda names: "、".join(names or ()),
    ),
    Column(
        "kind", "督导类型", cells.choice(KIND_ALIASES, KIND_LABELS),
        ("督导类别", "督导种类", "类型", "类别"),
        width=12, choices=KIND_LABELS, to_cell=K.label_of,
    ),
    Column(
        "status", "状态", cells.choice(STATUS_ALIASES, STATUS_LABELS),
        ("督导状态", "完成情况", "进展情况"),
        width=8, choices=STATUS_LABELS, to_cell=S.label_of,
    ),
    Column(
        "topic", "专项主题", cells.text(TOPIC_MAX),
        ("主题", "督导主题", "专项督导主题", "专项内容"), width=12,
    ),
    Column(
        "items", "督导事项", cells.long_text(),
        ("督导内容", "主要督导事项", "督导项目", "检查内容", "检查事项"),
        width=40, to_cell=lambda items: ITEMS_JOINED.join(items or ()),
    ),
    Column(
        "methods", "督导方式", _several(METHOD_ALIASES, M),
        ("督导方法", "检查方式", "方式"), width=24, to_cell=_labels(M),
    ),
    Column(
        "six_minimum", "六个至少", _several(SIX_ALIASES, SIX),
        ("“六个至少”", "六个至少落实情况", "“六个至少”落实情况"), width=24, to_cell=_labels(SIX),
    ),
    Column(
        "findings", "发现情况", cells.long_text(TEXT_MAX),
        ("督导情况", "基本情况", "检查情况", "督导发现", "主要情况"), width=36,
    ),
    Column(
        "problems", "存在问题", cells.long_text(TEXT_MAX), ("发现问题", "主要问题", "问题"),
        width=30,
    ),
    Column(
        "advice", "意见建议", cells.long_text(TEXT_MAX),
        ("意见和建议", "督导意见", "整改意见", "整改建议", "建议"), width=30,
    ),
    Column(
        "feedback", "现场反馈", cells.long_text(TEXT_MAX),
        ("反馈情况", "反馈意见", "学校反馈"), width=24,
    ),
    Column(
        "filed_on", "归档日期", cells.cell_date,
        ("归档时间", "报送日期", "填报日期", "提交日期"), width=12, is_date=True,
    ),
    Column("note", "备注", cells.long_text(NOTE_MAX), (), width=20),
)  # fmt: skip
SPEC = SheetSpec(
    "visits",
    SHEET_TITLES["visits"],
    "督导工作台账",
    COLUMNS,
    ("visit_date", "school", "inspector"),
)
RECORD_FIELDS = (
    "items", "methods", "six_minimum", "findings", "problems", "advice", "feedback", "filed_on",
)  # fmt: skip
KEY_FIELDS = ("visit_date", "school", "inspector", "kind")
DEFAULTS: dict[str, Any] = {
    "companions": [],
    "status": None,
    "topic": "",
    "note": "",
    "items": [],
    "methods": [],
    "six_minimum": [],
    "findings": "",
    "problems": "",
    "advice": "",
    "feedback": "",
    "filed_on": None,
}

VisitKey = tuple[date, int, int, str]
FIELD_COLUMNS = {"day": "visit_date"}
"""Columns of the fields the core rules name differently."""


def _stored(visit: Visit, school: str, inspector: str) -> dict[str, Any]:
    record = visit.record
    values: dict[str, Any] = {
        "visit_date": visit.visit_date,
        "school": school,
        "inspector": inspector,
        "kind": visit.kind,
        "companions": sorted(c.name for c in visit.companions),
        "status": visit.status,
        "topic": visit.topic,
        "note": visit.note,
    }
    if record is None:
        return {**DEFAULTS, **values}
    return {
        **values,
        "items": list(record.items or ()),
        "methods": _in_order(record.methods or (), M),
        "six_minimum": _in_order(record.six_minimum or (), SIX),
        "findings": record.findings,
        "problems": record.problems,
        "advice": record.advice,
        "feedback": record.feedback,
        "filed_on": record.filed_on,
    }


def _has_record(values: dict[str, Any]) -> bool:
    return any(values[name] for name in RECORD_FIELDS)


def _record_input(values: dict[str, Any]) -> RecordInput:
    return RecordInput(
        items=tuple(values["items"]),
        methods=tuple(values["methods"]),
        six_minimum=tuple(values["six_minimum"]),
        findings=values["findings"],
        problems=values["problems"],
        advice=values["advice"],
        feedback=values["feedback"],
        filed_on=values["filed_on"],
    )


def _described(values: dict[str, Any]) -> str:
    kind = K.label_of(values["kind"])
    if values["topic"]:
        kind = _("{kind}·{topic}", kind=kind, topic=values["topic"])
    parts = [kind, S.label_of(values["status"])]
    if values["companions"]:
        parts.append(_("同行：{names}", names=joined(values["companions"], "、", ", ")))
    if _has_record(values):
        parts.append(_("附督导记录"))
    return joined(parts, "，", ", ")


class _Importer:
    """The state of one visits import: the schools, inspectors, recusals and visits it knows."""

    def __init__(
        self, session: Session, table: Table, today: date, problems: Problems, plan: ImportPlan
    ) -> None:
        self.session, self.table, self.today = session, table, today
        self.problems, self.plan = problems, plan
        self.schools = {cells.name_key(s.name): s for s in session.scalars(select(School))}
        self.school_names = [s.name for s in self.schools.values()]
        self.inspectors: dict[str, list[Inspector]] = defaultdict(list)
        for inspector in session.scalars(select(Inspector).order_by(Inspector.id)):
            self.inspectors[cells.name_key(inspector.name)].append(inspector)
        self.recusals = {(r.inspector_id, r.school_id): r for r in session.scalars(select(Recusal))}
        self.first_row: dict[VisitKey, int] = {}
        self.known_items = inspection_items(session)
        self.compared = [c for c in table.present if c.key not in KEY_FIELDS]

    def run(self) -> None:
        accepted = []
        for row in self.table.rows:
            values = read_cells(self.table, row, self.problems)
            if values is not None:
                accepted.append((row.number, values))
        visits = self._visits([values["visit_date"] for _, values in accepted])
        for number, values in reported(accepted):
            self.row(number, values, visits)

    def _visits(self, days: list[date]) -> dict[VisitKey, Visit]:
        """The stored visits from the first to the last day of the sheet, by key."""
        if not days:
            return {}
        query = (
            select(Visit)
            .where(Visit.visit_date >= min(days), Visit.visit_date <= max(days))
            .options(selectinload(Visit.companions), selectinload(Visit.record))
            .order_by(Visit.id)
        )
        visits: dict[VisitKey, Visit] = {}
        for visit in self.session.scalars(query):
            key = (visit.visit_date, visit.school_id, visit.inspector_id, visit.kind)
            visits.setdefault(key, visit)
        return visits

    def _inspector(self, number: int, key: str, name: str) -> Inspector | None:
        matches = self.inspectors.get(cells.name_key(name), [])
        if len(matches) == 1:
            return matches[0]
        self.problems.cell(number, key, unknown_inspector(name, len(matches)))
        return None

    def _recused(
        self, number: int, key: str, inspector: Inspector, school: School, day: date
    ) -> None:
        recusal = self.recusals.get((inspector.id, school.id))
        if recusal is not None and recusal.since <= day:
            if recusal.reason:
                message = _(
                    "{name}须回避“{school}”（{reason}）",
                    name=inspector.name,
                    school=school.name,
                    reason=recusal.reason,
                )
            else:
                message = _("{name}须回避“{school}”", name=inspector.name, school=school.name)
            self.problems.cell(number, key, message)

    def row(self, number: int, values: dict[str, Any], visits: dict[VisitKey, Visit]) -> None:
        """Check one row and, when it is right, add or change its visit in the session."""
        school = self.schools.get(cells.name_key(values["school"]))
        if school is None:
            self.problems.cell(
                number, "school", _unknown_school(values["school"], self.school_names)
            )
        inspector = self._inspector(number, "inspector", values["inspector"])
        listed = [self._inspector(number, "companions", n) for n in values.get("companions", ())]
        if school is None or inspector is None or self.problems.in_row(number):
            return
        day = values["visit_date"]
        kind = values.get("kind") or (K.SPECIAL if values.get("topic") else K.ROUTINE).value
        key = (day, school.id, inspector.id, kind)
        if key in self.first_row:
            self.problems.row(
                number,
                _(
                    "与第 {row} 行是同一次督导（同一日期、学校、督学、督导类型）",
                    row=self.first_row[key],
                ),
            )
            return
        self.first_row[key] = number
        visit = visits.get(key)
        old = _stored(visit, school.name, inspector.name) if visit is not None else None
        if not self.table.has("companions"):
            listed = list(visit.companions) if visit is not None else []
        team = list({c.id: c for c in listed if c is not None}.values())
        if "items" in values:
            values["items"] = split_items(values["items"], self.known_items)
        new = {**(old or DEFAULTS), **values, "school": school.name, "kind": kind}
        new.update(inspector=inspector.name, companions=sorted(c.name for c in team))
        if new["status"] is None:
            new["status"] = (S.DONE if day <= self.today else S.PLANNED).value
        self._check(number, new, school, inspector, team)
        if not self.problems.in_row(number):
            self._save(number, visit, old, new, team, school, inspector)

    def _save(
        self,
        number: int,
        visit: Visit | None,
        old: dict[str, Any] | None,
        new: dict[str, Any],
        team: list[Inspector],
        school: School,
        inspector: Inspector,
    ) -> None:
        label = f"{new['visit_date'].isoformat()} {school.name} {inspector.name}"
        if visit is None:
            visit = Visit(
                visit_date=new["visit_date"],
                school=school,
                inspector=inspector,
                kind=new["kind"],
                generated=False,
            )
            self._apply(visit, new, team)
            self.session.add(visit)
            self.plan.added.append(PlannedRow(number, label, [_described(new)]))
            return
        lines = changes(self.compared, self.table.headers, old or {}, new)
        if not lines:
            self.plan.unchanged += 1
            return
        self._apply(visit, new, team)
        self.plan.changed.append(PlannedRow(number, label, lines))

    def _check(
        self,
        number: int,
        new: dict[str, Any],
        school: School,
        inspector: Inspector,
        team: list[Inspector],
    ) -> None:
        """The rules of the calendar and the record form, and recusal (回避)."""
        day, status = new["visit_date"], new["status"]
        visit = VisitInput(
            day, school.id, inspector.id, new["kind"], new["topic"], new["note"],
            tuple(c.id for c in team),
        )  # fmt: skip
        self._report(number, visit_problems(visit))
        if status == S.DONE and day > self.today:
            where = "status" if self.table.has("status") else "visit_date"
            self.problems.cell(
                number, where, _("督导日期 {day} 还没到，状态不能是“已完成”", day=day)
            )
        elif _has_record(new) and status != S.DONE:
            self.problems.row(
                number,
                _("填写了督导记录，状态应为“已完成”（现为“{status}”）", status=S.label_of(status)),
            )
        elif _has_record(new):
            self._report(number, record_problems(_record_input(new), day, self.today))
        self._recused(number, "inspector", inspector, school, day)
        for companion in team:
            self._recused(number, "companions", companion, school, day)

    def _report(self, number: int, errors: list[FieldError]) -> None:
        """Problems found by the core rules, in the column of their field where there is one."""
        for error in errors:
            key = FIELD_COLUMNS.get(error.field, error.field)
            if key in SPEC.by_key:
                self.problems.cell(number, key, error.message)
            else:
                self.problems.row(number, error.message)

    def _apply(self, visit: Visit, new: dict[str, Any], team: list[Inspector]) -> None:
        visit.status, visit.topic, visit.note = new["status"], new["topic"], new["note"]
        visit.generated = False
        if {c.id for c in visit.companions} != {c.id for c in team}:
            visit.companions = team
        if visit.record is None and not _has_record(new):
            return
        if visit.record is None:
            visit.record = VisitRecord()
        for name in RECORD_FIELDS:
            setattr(visit.record, name, new[name])


def import_rows(
    session: Session, table: Table, today: date, problems: Problems, plan: ImportPlan
) -> None:
    """Add and change the visits of ``table`` in ``session``, recording each row in ``plan``."""
    _Importer(session, table, today, problems, plan).run()


def export_records(session: Session, today: date) -> list[dict[str, Any]]:
    """Every visit with its record, in the order of the days, then school and inspector (in
    pinyin order)."""
    schools = dict(session.execute(select(School.id, School.name)).all())
    inspectors = dict(session.execute(select(Inspector.id, Inspector.name)).all())
    visits = session.scalars(
        select(Visit).options(selectinload(Visit.companions), selectinload(Visit.record))
    )
    records = [_stored(v, schools[v.school_id], inspectors[v.inspector_id]) for v in visits]
    kinds = list(K._value2member_map_)
    records.sort(
        key=lambda r: (
            r["visit_date"],
            pinyin_order(r["school"]),
            pinyin_order(r["inspector"]),
            kinds.index(r["kind"]) if r["kind"] in kinds else len(kinds),
        )
    )
    return records


HANDLER = SheetHandler(SPEC, import_rows, export_records)
