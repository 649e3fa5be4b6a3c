"""The 督学 sheet (the roster): one inspector per row, identified by name.

Importing adds the inspectors the roster does not have and updates the others; inspectors
missing from the sheet are left alone. As for schools, an absent column leaves stored values as
they are and a present but empty cell clears the value (专兼职 cannot be cleared: it must say
专职 or 兼职; a new inspector without that column is 兼职).

Terms and 挂牌 are handled carefully, because they carry history:

- 任期开始: an inspector without any term is appointed one term from that date; a date equal
  to the start of one of their terms changes nothing; any other date is an error, because
  renewals, 换届 and re-appointments are done in the app. An empty cell changes nothing.
- 挂牌学校 (several schools in one cell, separated by 、，,;；/ or new lines; a school whose
  name itself holds one of these is written in 「」 — 「城关镇中心小学/分校」、青溪县实验小学 —
  or in “”, 『』, as exports do and as the header's comment tells the clerk): every school
  must exist. Schools
  not yet covered by the inspector are assigned from the later of today and the start of their
  current (or next) term, moving them from another inspector if need be; schools already covered
  are unchanged. **Nothing is un-assigned by an import**: a school missing from the cell keeps
  its inspector; ending a 挂牌 is done in the app. A school may appear only once in the sheet.

The sheet carries only each inspector's current (or last) term and today's 挂牌 schools, not
their history: importing a roster into an empty database says so in the plan's warnings and
points to backup and restore for moving a whole office.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from core.enums import Education, Employment, Gender
from core.errors import ValidationError
from core.i18n import _, joined, n_
from core.parsing import NAME_SEPARATORS, join_names, split_quoted_names
from core.roster.assignments import assign_in_session
from core.roster.inspectors import InspectorInput, apply_inspector_input, inspector_problems
from core.roster.terms import appoint_in_session, current_term, last_day
from core.search.matching import pinyin_order
from core.sheets import cells
from core.sheets.columns import Column, SheetSpec, changes
from core.sheets.plan import SHEET_TITLES, ImportPlan, PlannedRow
from core.sheets.reader import Problems, SheetHandler, SheetRow, Table, read_cells, reported
from db.models import Appointment, Assignment, Inspector, School

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

GENDER_ALIASES = {
    **{g.chinese_label: g.value for g in Gender},
    "男性": Gender.MALE.value, "女性": Gender.FEMALE.value,
    "m": Gender.MALE.value, "f": Gender.FEMALE.value, "": "",
}  # fmt: skip
EMPLOYMENT_ALIASES = {
    **{e.chinese_label: e.value for e in Employment},
    **{e.value: e.value for e in Employment},
    "专": Employment.FULL_TIME.value, "兼": Employment.PART_TIME.value,
    "专职督学": Employment.FULL_TIME.value, "兼职督学": Employment.PART_TIME.value,
}  # fmt: skip
EMPLOYMENT_LABELS = tuple(e.chinese_label for e in Employment)
GENDER_LABELS = tuple(g.chinese_label for g in Gender)
EDUCATION_ALIASES = {
    **{e.chinese_label: e.value for e in Education},
    "中专": Education.SECONDARY.value, "高中": Education.SECONDARY.value,
    "中专及以下": Education.SECONDARY.value, "高中及以下": Education.SECONDARY.value,
    "专科": Education.COLLEGE.value, "大学专科": Education.COLLEGE.value,
    "大学本科": Education.BACHELOR.value, "学士": Education.BACHELOR.value,
    "硕士": Education.POSTGRADUATE.value, "博士": Education.POSTGRADUATE.value,
    "硕士研究生": Education.POSTGRADUATE.value, "博士研究生": Education.POSTGRADUATE.value,
    "": "",
}  # fmt: skip
EDUCATION_LABELS = tuple(e.chinese_label for e in Education)


SCHOOLS_COMMENT = (
    "多所学校用“、”隔开。校名本身含有 、，,;；/ 等符号时，用「」把校名括起来，"
    "如：「城关镇中心小学/分校」、青溪县实验小学"
)


def history_warning(day: date) -> str:
    """What a roster imported into an empty database on ``day`` does not bring along."""
    return _(
        "督学表只带每名督学当前（或最近）一届任期的开始日期和今天的挂牌学校；以往各届任期和挂牌的"
        "起止历史不在表中，不会导入，挂牌一律自导入之日（{day}）或任期开始之日起算。"
        "若是要把整个督导室的数据搬到这台电脑或新的数据库，请不要逐表导入，"
        "而是在原来的电脑上“备份”，在这里“从备份恢复”"
        "（命令行：backup --out 文件 / restore 文件）。",
        day=day,
    )


def _years(value: object) -> int | None:
    """Years of experience: 12, "12年"; an empty cell is not recorded."""
    if cells.is_blank(value):
        return None
    text = cells.cell_text(value).strip()
    return cells.whole_number(text.removesuffix("年") if text.endswith("年") else value)


def _school_names(value: object) -> list[str]:
    text = value if isinstance(value, str) else cells.cell_text(value)
    if len(text) > cells.EXCEL_CELL_MAX:
        raise ValueError(
            _(
                "不能超过 {most} 个字（现有 {length} 个字）",
                most=cells.EXCEL_CELL_MAX,
                length=len(text),
            )
        )
    return list(dict.fromkeys(split_quoted_names(text)))


COLUMNS = (
    Column(
        "name", "姓名", cells.required(cells.person(100)),
        ("督学姓名", "责任督学姓名"), width=10,
    ),
    Column(
        "gender", "性别", cells.choice(GENDER_ALIASES, GENDER_LABELS), (),
        width=6, choices=GENDER_LABELS, to_cell=Gender.label_of,
    ),
    Column(
        "employment", "专兼职", cells.choice(EMPLOYMENT_ALIASES, EMPLOYMENT_LABELS),
        ("类别", "专/兼职", "专职或兼职", "专职/兼职", "督学类别"),
        width=8, choices=EMPLOYMENT_LABELS, to_cell=Employment.label_of,
    ),
    Column("unit", "工作单位", cells.text(200), ("单位", "所在单位"), width=28),
    Column("post", "职务", cells.text(100), ("职务职称", "职称", "职务/职称"), width=14),
    Column(
        "phone", "联系电话", cells.phone,
        ("手机", "手机号码", "手机号", "电话", "联系方式"), width=16,
    ),
    Column(
        "certificate_no", "督学证号", cells.text(100),
        ("证书编号", "督学证编号", "督学证书编号", "督学证"), width=14,
    ),
    Column(
        "term_start", "任期开始", cells.cell_date,
        ("聘任日期", "任职时间", "任期开始日期", "聘任时间", "任期起始日期", "聘期开始"),
        width=12, is_date=True,
    ),
    Column(
        "schools", "挂牌学校", _school_names,
        ("负责学校", "责任学校", "挂牌督导学校", "挂牌学校（园）", "联系学校"),
        width=44, to_cell=lambda names: join_names(names or ()), comment=SCHOOLS_COMMENT,
    ),
    Column("notes", "备注", cells.long_text(), (), width=20),
    Column(
        "education", "学历", cells.choice(EDUCATION_ALIASES, EDUCATION_LABELS),
        ("最高学历", "文化程度", "学历层次"),
        width=10, choices=EDUCATION_LABELS, to_cell=Education.label_of,
    ),
    Column(
        "experience_years", "教育教学或管理经历（年）", _years,
        ("教育教学或管理经历", "从教年限", "教龄", "工作年限", "教育工作年限"), width=12,
    ),
)  # fmt: skip
SPEC = SheetSpec("inspectors", SHEET_TITLES["inspectors"], "督学花名册", COLUMNS, ("name",))
FIELDS = (
    "name",
    "gender",
    "employment",
    "unit",
    "post",
    "phone",
    "certificate_no",
    "notes",
    "education",
    "experience_years",
)
DEFAULTS: dict[str, Any] = {
    "gender": "",
    "employment": Employment.PART_TIME.value,
    "unit": "",
    "post": "",
    "phone": "",
    "certificate_no": "",
    "notes": "",
    "education": "",
    "experience_years": None,
}


def _shown_term(terms: list[Appointment], today: date) -> Appointment | None:
    """The current term, else the latest (as the roster shows)."""
    return current_term(terms, today) or (max(terms, key=lambda t: t.start_date) if terms else None)


def _assignment_day(inspector: Inspector, today: date) -> date:
    """The first day of new 挂牌: today, or the start of a term that has not begun yet."""
    terms = sorted(inspector.appointments, key=lambda t: t.start_date)
    term = current_term(terms, today) or next((t for t in terms if t.start_date > today), None)
    return max(term.start_date, today) if term is not None else today


def _covers(inspector: Inspector, school: School, today: date, day: date) -> bool:
    return any(
        a.school_id == school.id
        and a.start_date <= day
        and (a.end_date is None or a.end_date >= today)
        for a in inspector.assignments
    )


def _stored(inspector: Inspector) -> dict[str, Any]:
    return {name: getattr(inspector, name) for name in FIELDS}


def _unknown_school(name: str, known: list[str]) -> str:
    split = next(
        (
            school
            for school in known
            if any(mark in school for mark in NAME_SEPARATORS)
            and name in split_quoted_names(school)
        ),
        None,
    )
    if split is not None:
        marks = "".join(mark for mark in NAME_SEPARATORS if mark in split)
        return _(
            "没有名为“{name}”的学校（“{split}”的校名中含有“{marks}”，"
            "请用「」把校名括起来：「{split}」）",
            name=name,
            split=split,
            marks=marks,
        )
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    if close:
        return _("没有名为“{name}”的学校（是否是“{close}”？）", name=name, close=close[0])
    return _("没有名为“{name}”的学校（请先导入或添加这所学校）", name=name)


def unknown_inspector(name: str, found: int) -> str:
    """Why a sheet's ``name`` is not one inspector of the roster: ``found`` have that name."""
    if found:
        return _("名册中有 {n} 名督学叫“{name}”，无法确定是哪一位", n=found, name=name)
    return _("名册中没有名为“{name}”的督学（请先导入或添加这名督学）", name=name)


class _Importer:
    """The state of one inspectors import: who and what is known, which row listed a school."""

    def __init__(
        self, session: Session, table: Table, today: date, problems: Problems, plan: ImportPlan
    ) -> None:
        self.session, self.table, self.today = session, table, today
        self.problems, self.plan = problems, plan
        self.inspectors: dict[str, list[Inspector]] = defaultdict(list)
        for inspector in session.scalars(
            select(Inspector).options(
                selectinload(Inspector.appointments),
                selectinload(Inspector.assignments),
                selectinload(Inspector.recusals),
            )
        ):
            self.inspectors[cells.name_key(inspector.name)].append(inspector)
        self.schools = {cells.name_key(s.name): s for s in session.scalars(select(School))}
        self.school_names = [s.name for s in self.schools.values()]
        self.first_row: dict[str, int] = {}
        self.school_rows: dict[int, int] = {}
        self.compared = [c for c in table.present if c.key in FIELDS and c.key != "name"]

    def run(self) -> None:
        was_empty = not self.inspectors
        for row in reported(self.table.rows):
            self.row(row)
        if was_empty and self.plan.added:
            self.plan.warnings.append(history_warning(self.today))

    def _listed_schools(self, number: int, names: list[str]) -> list[School]:
        listed = []
        for name in self._spelled_out(names):
            school = self.schools.get(cells.name_key(name))
            if school is None:
                self.problems.cell(number, "schools", _unknown_school(name, self.school_names))
            elif school.id in self.school_rows:
                self.problems.cell(
                    number,
                    "schools",
                    _(
                        "“{name}”也列在第 {row} 行；一所学校只能有一名责任督学",
                        name=school.name,
                        row=self.school_rows[school.id],
                    ),
                )
            else:
                self.school_rows[school.id] = number
                listed.append(school)
        return listed

    def _spelled_out(self, names: list[str]) -> list[str]:
        """The names, with "甲小学 乙小学" (separated by spaces) split when both are known."""
        result = []
        for name in names:
            parts = name.split()
            known = all(cells.name_key(part) in self.schools for part in parts)
            if cells.name_key(name) not in self.schools and len(parts) > 1 and known:
                result.extend(parts)
            else:
                result.append(name)
        return result

    def _inspector(self, number: int, name: str) -> tuple[bool, Inspector | None]:
        """(found without doubt, the inspector or None for a new one)."""
        matches = self.inspectors.get(cells.name_key(name), [])
        if len(matches) > 1:
            self.problems.cell(
                number,
                "name",
                _(
                    "名册中有 {n} 名督学叫“{name}”，无法确定是哪一位；"
                    "请先在督学名册中把姓名区分开（如 王军（城关））",
                    n=len(matches),
                    name=name,
                ),
            )
            return False, None
        return True, (matches[0] if matches else None)

    def _repeated(self, row: SheetRow) -> bool:
        """Whether the row names an inspector named in an earlier row (then it is a problem)."""
        name = cells.person_name(row.values.get("name"))
        key = cells.name_key(name)
        if key in self.first_row:
            self.problems.cell(
                row.number,
                "name",
                _(
                    "“{name}”与第 {row} 行重复，一名督学只能有一行",
                    name=name,
                    row=self.first_row[key],
                ),
            )
            return True
        if key:
            self.first_row[key] = row.number
        return False

    def row(self, row: SheetRow) -> None:
        """Check one row and, when it is right, make its changes in the session."""
        number = row.number
        if self._repeated(row):
            return
        values = read_cells(self.table, row, self.problems)
        if values is None:
            return
        known, inspector = self._inspector(number, values["name"])
        listed = self._listed_schools(number, values.get("schools") or [])
        if not known or self.problems.in_row(number):
            return
        old = _stored(inspector) if inspector is not None else None
        new = {**(old or DEFAULTS), **{k: v for k, v in values.items() if k in FIELDS}}
        if inspector is not None:
            new["name"] = inspector.name
        data = InspectorInput(**new)
        found = inspector_problems(data)
        for problem in found:
            self.problems.row(number, problem.message)
        if found:
            return
        if inspector is None:
            inspector = Inspector(photo_path="")
            apply_inspector_input(inspector, data)
            self.session.add(inspector)
            self.inspectors[cells.name_key(inspector.name)] = [inspector]
            lines = [Employment.label_of(data.employment)] + ([data.unit] if data.unit else [])
            is_new = True
        else:
            lines = changes(self.compared, self.table.headers, old or {}, new)
            if lines:
                apply_inspector_input(inspector, data)
            is_new = False
        lines += self._term(number, inspector, values.get("term_start"))
        lines += self._assign(number, inspector, listed, is_new)
        if is_new:
            self.plan.added.append(PlannedRow(number, inspector.name, [joined(lines, "，", ", ")]))
        elif lines:
            self.plan.changed.append(PlannedRow(number, inspector.name, lines))
        else:
            self.plan.unchanged += 1

    def _term(self, number: int, inspector: Inspector, start: date | None) -> list[str]:
        if start is None:
            return []
        terms = inspector.appointments
        if any(term.start_date == start for term in terms):
            return []
        if terms:
            latest = max(terms, key=lambda t: t.start_date)
            self.problems.cell(
                number,
                "term_start",
                _(
                    "{name}已有任期（最近一届 {start} 至 {end}），与“{day}”不符。"
                    "续聘、换届或重新任命请在督学名册中办理，导入不改动已有任期",
                    name=inspector.name,
                    start=latest.start_date,
                    end=last_day(latest),
                    day=start,
                ),
            )
            return []
        try:
            appoint_in_session(self.session, inspector, start)
        except ValidationError as exc:
            for message in exc.messages():
                self.problems.cell(number, "term_start", message)
            return []
        term = inspector.appointments[-1]
        return [_("任期：自 {start} 起新任一届（至 {end}）", start=start, end=term.end_date)]

    def _assign(
        self, number: int, inspector: Inspector, listed: list[School], is_new: bool
    ) -> list[str]:
        if not listed or self.problems.in_row(number):
            return []
        day = _assignment_day(inspector, self.today)
        wanted = [s for s in listed if not _covers(inspector, s, self.today, day)]
        if not wanted:
            return []
        try:
            result = assign_in_session(self.session, inspector, wanted, day)
        except ValidationError as exc:
            for message in exc.messages():
                self.problems.cell(number, "schools", message)
            return []
        names = result.assigned + [name for name, _ in result.moved]
        moved = joined(
            (
                _("（{school} 原由 {before} 负责）", school=name, before=before)
                for name, before in result.moved
            ),
            "",
            "",
        )
        if is_new:
            return [n_("挂牌 {n} 所学校（自 {day} 起）{moved}", len(names), day=day, moved=moved)]
        header = self.table.headers.get("schools", "挂牌学校")
        return [
            _(
                "{header}：自 {day} 起新增 {schools}{moved}",
                header=header,
                day=day,
                schools=joined(names, "、", ", "),
                moved=moved,
            )
        ]


def import_rows(
    session: Session, table: Table, today: date, problems: Problems, plan: ImportPlan
) -> None:
    """Add and change the inspectors of ``table`` in ``session``, recording each row in ``plan``."""
    _Importer(session, table, today, problems, plan).run()


def export_records(session: Session, today: date) -> list[dict[str, Any]]:
    """The whole roster in its order, with the current (or last) term and today's 挂牌 schools."""
    inspectors = session.scalars(
        select(Inspector)
        .options(
            selectinload(Inspector.appointments),
            selectinload(Inspector.assignments).selectinload(Assignment.school),
        )
        .order_by(Inspector.id)
    )
    records = []
    for inspector in inspectors:
        term = _shown_term(inspector.appointments, today)
        covered = sorted(
            (
                a.school.name
                for a in inspector.assignments
                if a.school.active
                and a.start_date <= today
                and (a.end_date is None or a.end_date >= today)
            ),
            key=pinyin_order,
        )
        records.append(
            {
                **_stored(inspector),
                "term_start": term.start_date if term is not None else None,
                "schools": covered,
            }
        )
    return records


HANDLER = SheetHandler(SPEC, import_rows, export_records)
