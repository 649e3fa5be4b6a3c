"""The 学校 sheet: one school, kindergarten or teaching point per row, identified by its name.

Importing adds the schools the database does not have and updates the others; schools missing
from the sheet are left alone (never deleted, never deactivated). A column the sheet does not
have leaves the stored values as they are; a column that is there but empty in a row clears the
value (no principal, no phone, no zone, 公办, 在校生 0, 在用), so that a sheet exported, edited
and imported again says exactly what is stored. A new school without a 类别 column gets the kind
its name says (…幼儿园, …教学点, …小学). Zones (责任区) not known yet are created. 状态 停用
deactivates a school and ends its 挂牌 on the day of the import, as the school list does.

The sheet carries what the school list shows, not history: importing it into an empty database
says so in the plan's warnings and points to backup and restore for moving a whole office.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from core.enums import SchoolKind
from core.i18n import _, joined, n_
from core.roster.schools import (
    SchoolInput,
    apply_school_input,
    school_problems,
    set_active_in_session,
)
from core.search.matching import pinyin_order
from core.sheets import cells
from core.sheets.columns import Column, SheetSpec, changes
from core.sheets.plan import SHEET_TITLES, ImportPlan, PlannedRow
from core.sheets.reader import Problems, SheetHandler, Table, read_cells, reported
from db.models import School, Zone

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

K = SchoolKind
_KIND_WORDS: dict[str, str] = {
    **{kind.chinese_label: kind.value for kind in K},
    **{kind.value: kind.value for kind in K},
    "完全小学": K.PRIMARY, "完小": K.PRIMARY, "村小": K.PRIMARY,
    "初级中学": K.JUNIOR,
    "九年一贯制": K.NINE_YEAR, "九年制": K.NINE_YEAR, "九年制学校": K.NINE_YEAR,
    "高级中学": K.SENIOR, "普通高中": K.SENIOR,
    "完中": K.COMPLETE_SECONDARY,
    "特教": K.SPECIAL, "特殊教育": K.SPECIAL, "特校": K.SPECIAL,
    "职高": K.VOCATIONAL, "中职": K.VOCATIONAL, "职中": K.VOCATIONAL, "职业中学": K.VOCATIONAL,
    "职业高中": K.VOCATIONAL, "中等职业学校": K.VOCATIONAL,
}  # fmt: skip
KIND_ALIASES = {word: str(code) for word, code in _KIND_WORDS.items()}  # plain codes to store
# Checked in this order: 实验小学附属幼儿园 is a kindergarten, 中心小学教学点 a teaching point.
_NAME_HINTS = (
    ("教学点", K.TEACHING_POINT), ("幼儿园", K.KINDERGARTEN), ("九年一贯制", K.NINE_YEAR),
    ("九年制", K.NINE_YEAR), ("完全中学", K.COMPLETE_SECONDARY), ("特殊教育", K.SPECIAL),
    ("特教", K.SPECIAL), ("职业", K.VOCATIONAL), ("职高", K.VOCATIONAL), ("高级中学", K.SENIOR),
    ("高中", K.SENIOR), ("初级中学", K.JUNIOR), ("初中", K.JUNIOR), ("小学", K.PRIMARY),
)  # fmt: skip
PRIVATE_ALIASES = {
    "民办": True, "私立": True, "是": True, "√": True, "✓": True, "y": True, "yes": True,
    "公办": False, "公立": False, "否": False, "×": False, "n": False, "no": False, "": False,
}  # fmt: skip
ACTIVE_ALIASES = {
    "在用": True, "正常": True, "启用": True, "在办": True, "": True,
    "停用": False, "停办": False, "撤并": False, "撤销": False, "已撤并": False,
}  # fmt: skip
KIND_LABELS = tuple(kind.chinese_label for kind in K)


def history_warning() -> str:
    """What a school list imported into an empty database does not bring along."""
    return _(
        "学校表只带各校（园）的基本情况；责任督学的挂牌及其历史、督导记录、整改等都不在表中，"
        "不会随表导入（挂牌要再导入督学表，并自导入之日起算）。若是要把整个督导室的数据搬到"
        "这台电脑或新的数据库，请不要逐表导入，而是在原来的电脑上“备份”，在这里“从备份恢复”"
        "（命令行：backup --out 文件 / restore 文件）。"
    )


COLUMNS = (
    Column(
        "name", "学校名称", cells.required(cells.name(200)),
        ("单位名称", "学校（园）名称", "名称", "学校名", "学校全称", "园所名称", "学校（园）"),
        width=32,
    ),
    Column(
        "kind", "学校类别", cells.choice(KIND_ALIASES, KIND_LABELS),
        ("类别", "学段", "类型", "学校类型", "办学类型"),
        width=14, choices=KIND_LABELS, to_cell=K.label_of,
    ),
    Column(
        "is_private", "办学性质", cells.choice(PRIVATE_ALIASES, ("公办", "民办")),
        ("性质", "公办民办", "公办/民办", "民办", "是否民办"),
        width=10, choices=("公办", "民办"),
        to_cell=lambda private: _("民办") if private else _("公办"),
    ),
    Column(
        "enrolment", "在校生数", cells.whole_number,
        ("学生数", "在园幼儿数", "在校生", "在校学生数", "幼儿数", "在园幼儿", "人数"),
        width=10,
    ),
    Column(
        "principal", "校（园）长", cells.person(100),
        ("校长", "园长", "负责人", "校长姓名", "园长姓名"), width=10,
    ),
    Column(
        "principal_term_end", "校长任期届满", cells.cell_date,
        ("校长任期结束日期", "任期届满", "校长任期届满日期", "校长任期结束", "任期届满日期"),
        width=14, is_date=True,
    ),
    Column("phone", "联系电话", cells.phone, ("电话", "联系方式", "办公电话"), width=16),
    Column("address", "地址", cells.text(300), ("学校地址", "详细地址", "校址"), width=30),
    Column("zone", "责任区", cells.text(100), ("所属责任区", "片区", "督学责任区"), width=14),
    Column(
        "active", "状态", cells.choice(ACTIVE_ALIASES, ("在用", "停用")),
        ("使用状态", "办学状态"),
        width=8, choices=("在用", "停用"),
        to_cell=lambda active: _("在用") if active else _("停用"),
    ),
)  # fmt: skip
SPEC = SheetSpec("schools", SHEET_TITLES["schools"], "学校（园）名单", COLUMNS, ("name",))
DEFAULTS: dict[str, Any] = {
    "kind": None,
    "is_private": False,
    "enrolment": 0,
    "principal": "",
    "principal_term_end": None,
    "phone": "",
    "address": "",
    "zone": "",
    "active": True,
}


def guess_kind(name: str) -> str | None:
    """The kind a school's name says (…幼儿园 → kindergarten), or ``None`` (…中学 is ambiguous)."""
    for hint, kind in _NAME_HINTS:
        if hint in name:
            return kind.value
    return None


def _stored(school: School, zone_names: dict[int, str]) -> dict[str, Any]:
    return {
        "name": school.name,
        "kind": school.kind,
        "is_private": school.is_private,
        "enrolment": school.enrolment,
        "principal": school.principal,
        "principal_term_end": school.principal_term_end,
        "phone": school.phone,
        "address": school.address,
        "zone": zone_names.get(school.zone_id, "") if school.zone_id else "",
        "active": school.active,
    }


def _described(values: dict[str, Any]) -> str:
    parts = [K.label_of(values["kind"])]
    if values["is_private"]:
        parts.append(_("民办"))
    if values["enrolment"]:
        parts.append(n_("在校生 {n} 人", values["enrolment"]))
    if values["zone"]:
        parts.append(values["zone"])
    if not values["active"]:
        parts.append(_("停用"))
    return joined(parts, "，", ", ")


def _add_zones(session: Session, names: list[str], zones: dict[str, Zone]) -> None:
    if not names:
        return
    order = session.scalar(select(func.coalesce(func.max(Zone.sort_order), -1))) or 0
    for name in names:
        order += 1
        zone = Zone(name=name, note="", sort_order=order)
        session.add(zone)
        zones[cells.name_key(name)] = zone
    session.flush()


def _accepted_rows(table: Table, problems: Problems) -> list[tuple[int, dict[str, Any]]]:
    """Rows whose cells read well and whose name is not repeated, with their values."""
    first_row: dict[str, int] = {}
    accepted = []
    for row in table.rows:
        key = cells.name_key(row.values.get("name"))
        if key in first_row:
            name = cells.cell_text(row.values.get("name"))
            problems.cell(
                row.number,
                "name",
                _("“{name}”与第 {row} 行重复，一所学校只能有一行", name=name, row=first_row[key]),
            )
            continue
        if key:
            first_row[key] = row.number
        values = read_cells(table, row, problems)
        if values is not None:
            accepted.append((row.number, values))
    return accepted


def import_rows(
    session: Session, table: Table, today: date, problems: Problems, plan: ImportPlan
) -> None:
    """Add and change the schools of ``table`` in ``session``, recording each row in ``plan``."""
    zones = {cells.name_key(zone.name): zone for zone in session.scalars(select(Zone))}
    zone_names = {zone.id: zone.name for zone in zones.values()}
    schools = {cells.name_key(school.name): school for school in session.scalars(select(School))}
    was_empty = not schools
    accepted = _accepted_rows(table, problems)

    unknown_zones: dict[str, str] = {}  # first spelling of each zone not known yet
    for _number, values in accepted:
        zone_key = cells.name_key(values.get("zone"))
        if zone_key and zone_key not in zones:
            unknown_zones.setdefault(zone_key, values["zone"])
    new_zones = list(unknown_zones.values())
    _add_zones(session, new_zones, zones)
    plan.new_zones = new_zones

    compared = [c for c in table.present if c.key != "name"]
    unknown_kind: list[int] = []
    for number, values in reported(accepted):
        school = schools.get(cells.name_key(values["name"]))
        old = _stored(school, zone_names) if school is not None else None
        new = {**(old or DEFAULTS), **values}
        if school is not None:
            new["name"] = school.name  # matched without spaces: keep the stored spelling
        if new["zone"]:
            new["zone"] = zones[cells.name_key(new["zone"])].name
        if new["kind"] is None:
            new["kind"] = guess_kind(new["name"])
            if new["kind"] is None:
                unknown_kind.append(number)
                continue
        data = SchoolInput(**{k: v for k, v in new.items() if k != "active"})
        found = school_problems(data)
        for problem in found:
            problems.row(number, problem.message)
        if found:
            continue
        if school is None:
            school = School(active=new["active"])
            apply_school_input(session, school, data)
            session.add(school)
            schools[cells.name_key(school.name)] = school
            plan.added.append(PlannedRow(number, school.name, [_described(new)]))
            continue
        assert old is not None
        lines = changes(compared, table.headers, old, new)
        if not lines:
            plan.unchanged += 1
            continue
        apply_school_input(session, school, data)
        if new["active"] != old["active"]:
            set_active_in_session(session, school, new["active"], today)
        plan.changed.append(PlannedRow(number, school.name, lines))
    if was_empty and plan.added:
        plan.warnings.append(history_warning())
    problems.rows(
        unknown_kind,
        _(
            "无法从学校名称看出类别，表中又没有“学校类别”列。请加上“学校类别”列（可填：{kinds}）。",
            kinds=joined(KIND_LABELS, "、", ", "),
        ),
    )


def export_records(session: Session, today: date) -> list[dict[str, Any]]:
    """Every school (停用 ones too), zone by zone in the zones' order, then by name in pinyin
    order."""
    zones = {zone.id: zone for zone in session.scalars(select(Zone))}
    zone_names = {zone_id: zone.name for zone_id, zone in zones.items()}

    def order(school: School) -> tuple[int, int, str, str]:
        zone = zones.get(school.zone_id) if school.zone_id else None
        if zone is None:
            return (1, 0, "", pinyin_order(school.name))
        return (0, zone.sort_order, pinyin_order(zone.name), pinyin_order(school.name))

    return [_stored(s, zone_names) for s in sorted(session.scalars(select(School)), key=order)]


HANDLER = SheetHandler(SPEC, import_rows, export_records)
