"""Checklist templates (档案资料清单模板): the archive items a school assembles, in groups.

A template is a name, a description and items in order, each with its group, whether it is
required (必备) or optional, what proves it (佐证材料) and how long its papers are kept
(保管期限: 永久, 10年 … — free text). A campaign copies the items of its templates into every
school's checklist, so editing or deleting a template never changes a checklist already made.

Shipped templates are JSON files in ``resources/checklists/`` named by their key
(:data:`BUILTIN_KEYS`); each says where it comes from in its description and which school kinds
it is for (``school_kinds``; a template for no kind in particular is for every school, as are
templates read from a workbook). :func:`ensure_builtin_templates` loads those not yet in the
database;
the office may edit, rename or delete them like its own. A shipped template is found by its key,
so an edited one is never overwritten; one the clerk deleted is not brought back (until
:func:`restore_builtin_templates`); and while the office keeps a template of its own under a
shipped template's name, that shipped template waits rather than taking a changed name.

Templates travel between offices as Excel workbooks (:func:`export_template`,
:func:`read_template_file`): a worksheet “清单” whose first row is the template's name, the
second its description, then the header row 分组 | 项目 | 必备 | 佐证材料 | 保管期限 and one
row per item. Reading is tolerant of sheets clerks make themselves:

- the header may be in any of the first rows and use other usual words (类别, 档案资料, 是否必备,
  保存期限 …); other columns (序号, 备注) are ignored; the rows above the header give the name
  (the first) and the description (the rest); without them the file's name is the template's;
- a blank 分组 cell (or one merged down) belongs to the group above; “无” marks an item without
  a group below grouped ones (export writes it so);
- 必备 reads 是/√/必备/Y/1 as required and 否/×/可选/N/0 as optional; a blank cell is required,
  except in a column of ticks (any √ in it), where blank means optional;
- every problem is reported by worksheet, row and column, and nothing is read from a file
  with a problem.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import case, func, select
from sqlalchemy.orm.attributes import flag_modified

from core.changes import Change, mutates
from core.enums import SchoolKind
from core.errors import FieldError, Labels, ValidationError, apply_unless_stale, refusal
from core.i18n import _, chinese_documents, joined
from core.office.settings import put_setting
from core.parsing import clean_text
from core.sheets import cells
from core.sheets.columns import Column, SheetSpec
from core.sheets.plan import SheetError
from db.models import ChecklistTemplate, Setting, TemplateItem
from resources import RESOURCES_DIR

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet
    from sqlalchemy.orm import Session

    from db.engine import Database

RETENTION_CHOICES: tuple[str, ...] = ("永久", "30年", "10年")
BUILTIN_KEYS: tuple[str, ...] = (
    "school-archive",
    "kindergarten-archive",
    "balanced-development",
    "six-minimum",
    "double-reduction",
)
PREVIOUS_LABELS: dict[str, tuple[str, str]] = {
    "school-archive": (
        "学校迎检档案资料清单",
        "学校迎接县域义务教育督导评估的档案资料：逐项收集，按序装盒归档，每盒附目录。",
    ),
    "kindergarten-archive": (
        "幼儿园迎检档案资料清单",
        "幼儿园迎接学前教育普及普惠督导评估的档案资料：逐项收集，按序装盒归档，每盒附目录。",
    ),
}
"""The name and description two shipped templates carried before they were labelled as what
they are (the 迎省检 lists): a database still holding them unedited takes the new label."""
CHECKLISTS_DIR = RESOURCES_DIR / "checklists"
FILE_KIND = "checklist-template"
"""The ``kind`` of a template's JSON file (the folder also holds evaluation sheets)."""
REMOVED_KEY = "checklists.removed_builtins"
"""Setting: keys of the shipped templates the office deleted (not loaded again)."""
NAME_MAX = 200
GROUP_MAX = 200
RETENTION_MAX = 20
SHEET_TITLE = "清单"
KINDS_PREFIX = "适用学校："
"""The last line of a workbook's description naming the school kinds (none: every school)."""
NO_GROUP = "无"
_NO_GROUP_WORDS = frozenset({NO_GROUP, "（无）", "(无)", "-", "—", "/", "／", "不分组"})
_TICKS = frozenset({"√", "✓", "✔"})
_REQUIRED_WORDS: dict[str, bool | None] = {
    "是": True, "√": True, "✓": True, "✔": True, "必备": True, "必须": True, "必需": True,
    "y": True, "yes": True, "1": True, "true": True,
    "否": False, "×": False, "✗": False, "x": False, "可选": False, "选备": False,
    "非必备": False, "n": False, "no": False, "0": False, "false": False,
    "": None,
}  # fmt: skip


@dataclass(frozen=True)
class ItemInput:
    """One item of a template as edited: ``group`` "" is no group."""

    group: str
    title: str
    required: bool = True
    evidence: str = ""
    retention: str = ""


@dataclass(frozen=True)
class TemplateInput:
    """A template as edited: its name, description, items in order and the ``SchoolKind``
    codes of the schools it is for (none: every school)."""

    name: str
    description: str = ""
    items: tuple[ItemInput, ...] = ()
    school_kinds: tuple[str, ...] = ()
    version: int | None = field(default=None, compare=False)
    """The stored template's version when it was read for editing (:func:`template_input`)."""


@dataclass(frozen=True)
class TemplateRow:
    """One line of the template list; ``builtin`` is the shipped key ("" for the office's own)."""

    id: int
    name: str
    description: str
    builtin: str
    item_count: int
    required_count: int
    school_kinds: tuple[str, ...] = ()


# --- cleaning and checking ------------------------------------------------------------------


def clean_item(item: ItemInput) -> ItemInput:
    """The item as it is stored: one-line texts tidied, the evidence kept as written."""
    return ItemInput(
        group=clean_text(item.group),
        title=clean_text(item.title),
        required=bool(item.required),
        evidence=item.evidence.replace("\r\n", "\n").strip(),
        retention=clean_text(item.retention).replace(" ", ""),
    )


def clean_template(data: TemplateInput) -> TemplateInput:
    """The template as it is stored (see :func:`clean_item`)."""
    return TemplateInput(
        name=clean_text(data.name),
        description=data.description.replace("\r\n", "\n").strip(),
        items=tuple(clean_item(item) for item in data.items),
        school_kinds=tuple(dict.fromkeys(k.strip() for k in data.school_kinds if k.strip())),
    )


def template_problems(data: TemplateInput) -> list[FieldError]:
    """Every problem of a cleaned template that needs no database, each naming its field or
    item (第N项)."""
    errors = []
    name_label = _("模板名称")
    if not data.name:
        errors.append(FieldError("name", name_label, _("“模板名称”不能为空")))
    elif len(data.name) > NAME_MAX:
        message = _("“模板名称”不能超过 {most} 个字", most=NAME_MAX)
        errors.append(FieldError("name", name_label, message))
    if not data.items:
        errors.append(FieldError("items", _("清单项目"), _("清单中至少要有一个项目")))
    unknown = [k for k in data.school_kinds if k not in {kind.value for kind in SchoolKind}]
    if unknown:
        message = _("“适用学校”不能是“{values}”", values="、".join(unknown))
        errors.append(FieldError("school_kinds", _("适用学校"), message))
    first_of: dict[tuple[str, str], int] = {}
    for number, item in enumerate(data.items, start=1):
        label = _("第{number}项", number=number)

        def problem(message: str, label: str = label) -> None:
            errors.append(
                FieldError("items", label, _("{label}：{problem}", label=label, problem=message))
            )

        if not item.title:
            problem(_("“项目”不能为空"))
        elif (item.group, item.title) in first_of:
            first = first_of[(item.group, item.title)]
            problem(_("与第{number}项重复（同一分组中项目相同）", number=first))
        else:
            first_of[(item.group, item.title)] = number
        if len(item.group) > GROUP_MAX:
            problem(_("“分组”不能超过 {most} 个字", most=GROUP_MAX))
        if len(item.retention) > RETENTION_MAX:
            problem(_("“保管期限”不能超过 {most} 个字", most=RETENTION_MAX))
    return errors


def kinds_of(stored: str) -> tuple[str, ...]:
    """The ``SchoolKind`` codes of a stored ``school_kinds`` column (empty: every school)."""
    return tuple(k for k in stored.split(",") if k)


def template_applies(school_kinds: str, school_kind: str) -> bool:
    """Whether a template whose stored ``school_kinds`` is given fits a school of a kind."""
    kinds = kinds_of(school_kinds)
    return not kinds or school_kind in kinds


def kinds_label(kinds: tuple[str, ...]) -> str:
    """The kinds in the chosen language, "全部学校（园）" for none."""
    if not kinds:
        return _("全部学校（园）")
    return joined((SchoolKind.label_of(k) for k in kinds), "、", ", ")


# --- templates in the database --------------------------------------------------------------


def _name_taken(session: Session, name: str, template_id: int | None) -> bool:
    query = select(ChecklistTemplate.id).where(ChecklistTemplate.name == name)
    if template_id is not None:
        query = query.where(ChecklistTemplate.id != template_id)
    return session.scalar(query) is not None


def template_labels() -> Labels:
    """The fields a stale save names when it is refused, in the chosen language."""
    return {"name": _("模板名称"), "description": _("说明")}


def _save(
    session: Session,
    data: TemplateInput,
    template_id: int | None,
    builtin: str = "",
    version: int | None = None,
) -> int:
    """Store a cleaned, checked template inside an open session; returns its id. A template
    saved by someone since the clerk opened it at ``version`` is refused."""
    if _name_taken(session, data.name, template_id):
        message = _("已有名为“{name}”的清单模板，请换一个“模板名称”", name=data.name)
        raise refusal("name", _("模板名称"), message)
    if template_id is None:
        template = ChecklistTemplate(builtin=builtin)
        session.add(template)
    else:
        found = session.get(ChecklistTemplate, template_id)
        if found is None:
            raise refusal("name", _("模板名称"), _("找不到这个清单模板，它可能已被删除"))
        template = found
        if version is not None and template.version != version:
            # Refused: applying the input only shows what was typed against what is stored.
            apply_unless_stale(
                session,
                template,
                version,
                template_labels(),
                lambda now: _("清单模板“{name}”", name=now["name"]),
                lambda: _apply(template, data),
            )
        flag_modified(template, "name")  # a change of items alone is one too
    _apply(template, data)
    session.flush()
    return template.id


def _apply(template: ChecklistTemplate, data: TemplateInput) -> None:
    template.name = data.name
    template.description = data.description
    template.school_kinds = ",".join(data.school_kinds)
    template.items = [
        TemplateItem(
            position=position,
            group_name=item.group,
            title=item.title,
            required=item.required,
            evidence=item.evidence,
            retention=item.retention,
        )
        for position, item in enumerate(data.items)
    ]


@mutates(Change.TEMPLATES)
def save_template(
    db: Database,
    data: TemplateInput,
    template_id: int | None = None,
    *,
    version: int | None = None,
) -> int:
    """Add a template (``template_id`` None) or replace one's name, description and items;
    returns its id. Checklists already made from it keep their items as they were.

    ``version`` is the template's version when the clerk opened it: if someone saved it since
    (its items included), the change is refused (:class:`~core.errors.StaleEditError`)."""
    data = clean_template(data)
    problems = template_problems(data)
    if problems:
        raise ValidationError(problems)
    with db.session() as session:
        return _save(session, data, template_id, version=version)


@mutates(Change.TEMPLATES)
def delete_template(db: Database, template_id: int) -> None:
    """Delete a template; checklists already made from it stay. A shipped template deleted is
    not loaded again by :func:`ensure_builtin_templates`."""
    with db.session() as session:
        template = session.get(ChecklistTemplate, template_id)
        if template is None:
            return
        if template.builtin:
            removed = _removed_builtins(session)
            put_setting(session, REMOVED_KEY, sorted({*removed, template.builtin}))
        session.delete(template)


def template_rows(db: Database) -> list[TemplateRow]:
    """Every template by name, with its number of items and of required items."""
    with db.session() as session:
        counts = {
            template_id: (total, required)
            for template_id, total, required in session.execute(
                select(
                    TemplateItem.template_id,
                    func.count(),
                    func.sum(case((TemplateItem.required, 1), else_=0)),
                ).group_by(TemplateItem.template_id)
            )
        }
        templates = session.scalars(
            select(ChecklistTemplate).order_by(ChecklistTemplate.name, ChecklistTemplate.id)
        )
        return [
            TemplateRow(
                id=t.id,
                name=t.name,
                description=t.description,
                builtin=t.builtin,
                item_count=counts.get(t.id, (0, 0))[0],
                required_count=int(counts.get(t.id, (0, 0))[1] or 0),
                school_kinds=kinds_of(t.school_kinds),
            )
            for t in templates
        ]


def template_input(db: Database, template_id: int) -> TemplateInput:
    """The stored template as an input to edit (or to save under another name)."""
    with db.session() as session:
        template = session.get(ChecklistTemplate, template_id)
        if template is None:
            raise refusal("name", _("模板名称"), _("找不到这个清单模板，它可能已被删除"))
        return TemplateInput(
            name=template.name,
            description=template.description,
            school_kinds=kinds_of(template.school_kinds),
            items=tuple(
                ItemInput(
                    group=item.group_name,
                    title=item.title,
                    required=item.required,
                    evidence=item.evidence,
                    retention=item.retention,
                )
                for item in template.items
            ),
            version=template.version,
        )


# --- shipped templates ----------------------------------------------------------------------


def builtin_template(key: str) -> TemplateInput:
    """The shipped template ``key`` (one of :data:`BUILTIN_KEYS`), read from its JSON file."""
    if key not in BUILTIN_KEYS:
        raise ValueError(f"unknown shipped template {key!r}; expected one of {BUILTIN_KEYS}")
    return read_template_file(CHECKLISTS_DIR / f"{key}.json")


def _removed_builtins(session: Session) -> list[str]:
    row = session.get(Setting, REMOVED_KEY)
    return list(json.loads(row.value)) if row else []


@mutates(Change.TEMPLATES)
def ensure_builtin_templates(db: Database) -> int:
    """Load the shipped templates not yet in the database; returns how many were added.

    Skips a shipped template already loaded (edited or renamed by the clerk or not), one the
    clerk deleted, and one whose name the office uses for a template of its own.
    """
    shipped = {key: builtin_template(key) for key in BUILTIN_KEYS}
    added = 0
    with db.session() as session:
        _relabel(session, shipped)
        loaded = set(session.scalars(select(ChecklistTemplate.builtin)))
        skipped = loaded | set(_removed_builtins(session))
        for key, data in shipped.items():
            if key in skipped or _name_taken(session, data.name, None):
                continue
            _save(session, data, None, builtin=key)
            added += 1
    return added


def _relabel(session: Session, shipped: dict[str, TemplateInput]) -> None:
    """Give shipped templates still carrying their former, unedited label the current one."""
    for key, (name, description) in PREVIOUS_LABELS.items():
        template = session.scalar(
            select(ChecklistTemplate).where(
                ChecklistTemplate.builtin == key,
                ChecklistTemplate.name == name,
                ChecklistTemplate.description == description,
            )
        )
        if template is not None and not _name_taken(session, shipped[key].name, template.id):
            template.name = shipped[key].name
            template.description = shipped[key].description


@mutates(Change.TEMPLATES)
def restore_builtin_templates(db: Database) -> int:
    """Bring back the shipped templates the clerk deleted (see :func:`ensure_builtin_templates`);
    returns how many were added."""
    with db.session() as session:
        put_setting(session, REMOVED_KEY, [])
    return ensure_builtin_templates(db)


# --- files: Excel workbooks and the shipped JSON form ---------------------------------------


def _required_cell(required: bool) -> str:
    return "是" if required else "否"


COLUMNS = (
    Column(
        "group", "分组", cells.text(GROUP_MAX),
        ("类别", "分类", "大类", "组别", "项目类别", "类别名称", "档案类别", "一级指标"),
        width=24,
    ),
    Column(
        "title", "项目", cells.required(cells.cell_text),
        ("档案资料", "资料名称", "项目名称", "档案名称", "材料名称", "清单项目", "检查项目",
         "自查项目", "档案资料名称", "内容", "名称"),
        width=40,
    ),
    Column(
        "required", "必备", cells.choice(_REQUIRED_WORDS, ("是", "否")),
        ("是否必备", "必备项", "必须", "必需", "是否必须", "必备/可选"),
        width=8, choices=("是", "否"), to_cell=_required_cell,
    ),
    Column(
        "evidence", "佐证材料", cells.note,
        ("佐证", "佐证资料", "佐证材料要求", "材料要求", "资料要求", "要求", "提供材料", "说明"),
        width=44,
    ),
    Column(
        "retention", "保管期限", cells.text(RETENTION_MAX),
        ("保存期限", "保管年限", "保存年限", "期限", "归档期限"),
        width=10, choices=RETENTION_CHOICES,
    ),
)  # fmt: skip
SPEC = SheetSpec("checklist", SHEET_TITLE, "档案资料清单", COLUMNS, ("title",))


def _add_description_row(sheet: Worksheet, description: str, item_count: int) -> None:
    """Insert the description as row 2 of a sheet laid out by the spreadsheet writer, moving
    what the writer placed below it (panes, filter, print titles, drop-down lists) down."""
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    from core.sheets.writer import FIRST_DATA_ROW, HEADER_ROW, TITLE_ROW

    row = TITLE_ROW + 1
    header, first = HEADER_ROW + 1, FIRST_DATA_ROW + 1
    sheet.insert_rows(row)
    last = get_column_letter(len(COLUMNS))
    sheet.merge_cells(f"A{row}:{last}{row}")
    cell = sheet.cell(row, 1, description or None)
    if description:
        cell.data_type = "s"  # a description beginning with "=" is text, not a formula
    cell.alignment = Alignment(wrap_text=True, vertical="top")
    lines = sum(1 + len(line) // 80 for line in description.splitlines()) or 1
    sheet.row_dimensions[row].height = 16 * lines + 4
    sheet.row_dimensions[header].height = sheet.row_dimensions[HEADER_ROW].height
    sheet.freeze_panes = sheet.cell(first, 2)
    sheet.auto_filter.ref = f"A{header}:{last}{header + item_count}"
    sheet.print_title_rows = f"{header}:{header}"
    for validation in sheet.data_validations.dataValidation:
        for cells_range in validation.sqref.ranges:
            cells_range.shift(row_shift=1)


def export_template(db: Database, template_id: int, path: Path) -> Path:
    """Write the template to an Excel workbook at ``path`` that another office can edit and
    import; returns the path."""
    from core.sheets.writer import TITLE_ROW, build_workbook, save_workbook

    data = template_input(db, template_id)
    records: list[dict[str, Any]] = []
    grouped = False
    for item in data.items:
        grouped = grouped or bool(item.group)
        group = item.group or (NO_GROUP if grouped else "")
        records.append(
            {
                "group": group,
                "title": item.title,
                "required": item.required,
                "evidence": item.evidence,
                "retention": item.retention,
            }
        )
    workbook = build_workbook(SPEC, data.name, records)
    sheet = workbook.active
    assert sheet is not None
    sheet.cell(TITLE_ROW, 1).data_type = "s"  # a name beginning with "=" is not a formula
    with chinese_documents():
        kinds_line = f"{KINDS_PREFIX}{kinds_label(data.school_kinds)}" if data.school_kinds else ""
    description = "\n".join(part for part in (data.description, kinds_line) if part)
    _add_description_row(sheet, description, len(records))
    path = Path(path)
    save_workbook(workbook, path)
    return path


def read_template_file(path: Path) -> TemplateInput:
    """The template in an Excel workbook (.xlsx) or a JSON file of the shipped form.

    Saves nothing. Raises :class:`~core.sheets.SheetError` (a ValidationError) naming the
    worksheet, row and column of every problem of a workbook, or the item (第N项) of a JSON
    file.
    """
    path = Path(path)
    if path.suffix.lower() == ".json":
        return _read_json(path)
    return _read_workbook(path)


@mutates(Change.TEMPLATES)
def import_template(db: Database, path: Path) -> int:
    """Read a template file (see :func:`read_template_file`) and save it as a new template;
    returns its id. A name the office already uses is refused: read the file and save it
    under another name instead."""
    return save_template(db, read_template_file(path))


def _read_json(path: Path) -> TemplateInput:
    def refuse(message: str) -> SheetError:
        return SheetError.of(_("“{file}”{problem}", file=path.name, problem=message))

    try:
        raw = json.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise refuse(_("无法读取（{why}）", why=exc.strerror or exc)) from None
    except ValueError:
        raise refuse(_("不是有效的清单模板文件（JSON 格式有误）")) from None
    if not isinstance(raw, dict) or raw.get("kind", FILE_KIND) != FILE_KIND:
        raise refuse(_("不是清单模板文件"))
    items = raw.get("items")
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise refuse(_("不是清单模板文件（缺少项目列表）"))
    if not all(isinstance(item.get("required", True), bool) for item in items):
        raise refuse(_("中项目的“required”只能是 true 或 false"))
    kinds = raw.get("school_kinds", [])
    if not isinstance(kinds, list) or not all(isinstance(k, str) for k in kinds):
        raise refuse(_("中的“school_kinds”应为学校类别代码的列表"))
    data = clean_template(
        TemplateInput(
            name=str(raw.get("name") or ""),
            description=str(raw.get("description") or ""),
            school_kinds=tuple(kinds),
            items=tuple(
                ItemInput(
                    group=str(item.get("group") or ""),
                    title=str(item.get("title") or ""),
                    required=item.get("required", True),
                    evidence=str(item.get("evidence") or ""),
                    retention=str(item.get("retention") or ""),
                )
                for item in items
            ),
        )
    )
    problems = template_problems(data)
    if problems:
        raise SheetError(
            [
                replace(p, message=_("“{file}”{problem}", file=path.name, problem=p.message))
                for p in problems
            ]
        )
    return data


def _read_workbook(path: Path) -> TemplateInput:
    from core.sheets.reader import Problems, read_cells, read_table

    table = read_table(path, SPEC)
    problems = Problems(table)
    ticks = table.has("required") and any(
        cells.cell_text(row.values.get("required")) in _TICKS for row in table.rows
    )
    items: list[ItemInput] = []
    first_row: dict[tuple[str, str], int] = {}
    group = ""
    for row in table.rows:
        values = read_cells(table, row, problems)
        if values is None:
            continue
        written = values.get("group", "")
        if written:
            group = "" if written in _NO_GROUP_WORDS else written
        required = values.get("required")
        item = clean_item(
            ItemInput(
                group=group,
                title=values["title"],
                required=(not ticks) if required is None else required,
                evidence=values.get("evidence", ""),
                retention=values.get("retention", ""),
            )
        )
        key = (item.group, item.title)
        if key in first_row:
            repeated = _("与第 {row} 行重复（同一分组中项目相同）", row=first_row[key])
            problems.cell(row.number, "title", repeated)
            continue
        first_row[key] = row.number
        items.append(item)
    if problems:
        raise problems.error()
    if not items:
        raise SheetError.of(_("工作表“{sheet}”中没有清单项目。", sheet=table.sheet))
    name, description = _name_and_description(table.sheet, table.header_row, path)
    description, kinds = _split_kinds(description)
    return TemplateInput(name=name, description=description, items=tuple(items), school_kinds=kinds)


def _split_kinds(description: str) -> tuple[str, tuple[str, ...]]:
    """The description without its last line “适用学校：小学、初中”, and the kinds that line
    names (none when there is no such line)."""
    text, _newline, last = description.rpartition("\n")
    if not last.startswith(KINDS_PREFIX):
        return description, ()
    codes = {k.chinese_label: k.value for k in SchoolKind}
    labels = [w for w in re.split(r"[、，,;；\s]+", last.removeprefix(KINDS_PREFIX)) if w]
    unknown = [w for w in labels if w not in codes]
    if unknown:
        raise SheetError.of(
            _(
                "“{prefix}”中的“{unknown}”不是学校类别（可填：{kinds}）",
                prefix=KINDS_PREFIX,
                unknown="、".join(unknown),
                kinds="、".join(codes),
            )
        )
    return text.strip(), tuple(dict.fromkeys(codes[w] for w in labels))


def _name_and_description(sheet_title: str, header_row: int, path: Path) -> tuple[str, str]:
    """The template's name (the first written row above the header, else the file's name) and
    description (the other rows above the header)."""
    from core.sheets.reader import open_workbook

    above: list[tuple[int, str]] = []
    if header_row > 1:
        workbook = open_workbook(path)[0]
        rows = workbook[sheet_title].iter_rows(max_row=header_row - 1, values_only=True)
        for number, row in enumerate(rows, start=1):
            text = next((cells.note(value) for value in row if not cells.is_blank(value)), "")
            if text:
                above.append((number, text))
    if not above:
        return clean_text(path.stem), ""
    number, name = above[0][0], clean_text(above[0][1])
    if len(name) > NAME_MAX:
        raise SheetError.of(
            _(
                "工作表“{sheet}”第 {row} 行（模板名称）："
                "不能超过 {most} 个字（现有 {length} 个字）",
                sheet=sheet_title,
                row=number,
                most=NAME_MAX,
                length=len(name),
            )
        )
    return name, "\n".join(text for _row, text in above[1:])
