"""责任督学挂牌公示牌: the sign at a school's gate, one school per page — the responsible
inspector's photo, name, unit and 监督电话, their duties (工作职责), the main inspection items
(主要督导事项) and the office. A4 or A3; everything grows with the paper.

The duties and items are the office wording of the national 挂牌督导办法 and a city's list of
nine items (DOMAIN.md); the number of visits a month comes from the policy profile. Every sign
is shrunk to fit its page, so a very long school name can never push a sign onto two pages.
A missing or unreadable photo prints as a framed "照片" box to be pasted on by hand.
A kindergarten's sign words the items for a kindergarten (校（园）风, 择校（园）, 保育和教育,
幼儿寝室).
Signs for every school end with a page, not to be posted, naming the active schools left out and
why (no responsible inspector).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PIL import Image, ImageOps
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, KeepInFrame, PageBreak, Spacer, Table

from core.enums import SchoolKind
from core.errors import FieldError, ValidationError
from core.i18n import _
from core.office.settings import load_policy
from core.parsing import clean_text
from core.reports.document import PageFrame, Report, cn_date
from core.reports.options import ReportOptions, letterhead
from core.roster.inspectors import InspectorRow, inspector_rows, photo_file
from core.roster.schools import SchoolRow, school_rows, zone_rows

if TYPE_CHECKING:
    from db.engine import Database

log = logging.getLogger(__name__)

TITLE = "责任督学挂牌公示牌"
PHOTO_SIZE_MM = (35.0, 49.0)  # a two-inch ID photo
PHOTO_MAX_PIXELS = (700, 980)

DUTIES = [
    "每月到责任学校（幼儿园）开展经常性督导不少于 {visits} 次，遇有情况随时督导。",
    "坚持“四不两直”，通过校园巡视、随机听课、查阅资料、问卷调查、座谈走访等方式了解学校情况。",
    "督促学校依法办学、规范管理，对发现的问题提出整改意见，并跟踪督促整改落实。",
    "受理、核实有关学校的举报和投诉，及时反馈处理情况。",
    "学校发生突发事件时，及时赶赴现场了解情况，并向教育督导部门报告。",
    "向教育督导部门报告督导情况，反映学校、家长和社会各方面的意见和建议。",
]
DUTY_WITHOUT_QUOTA = "定期到责任学校（幼儿园）开展经常性督导，遇有情况随时督导。"
MAIN_ITEMS = [
    "办学方向和立德树人根本任务落实情况",
    "校风、教风、学风建设情况",
    "学校管理和制度执行情况",
    "招生、收费、择校情况",
    "课程开设和教育教学情况",
    "学生学习、体育锻炼、劳动教育和课业负担情况",
    "师德师风建设和教师专业发展情况",
    "校园及周边安全、交通安全情况",
    "卫生保健、食堂食品、饮水和宿舍卫生情况",
]
KINDERGARTEN_ITEMS = {
    1: "校（园）风、教风、学风建设情况",
    3: "招生、收费、择校（园）情况",
    4: "课程开设、保育和教育情况",
    5: "保育教育、户外活动和幼儿身心健康情况，防止和纠正“小学化”倾向",
    8: "卫生保健、食堂食品、饮水和幼儿寝室卫生情况",
}
"""A kindergarten's wording of the items (GLOSSARY.md), by their index in :data:`MAIN_ITEMS`."""
SKIPPED_TITLE = "未制作公示牌的学校（园）"
NO_INSPECTOR = "没有责任督学，请先为它挂牌"


class PhotoBox(Flowable):
    """The inspector's photo in a thin frame, or an empty frame labelled 照片."""

    def __init__(self, width: float, height: float, image: ImageReader | None, font: str):
        super().__init__()
        self.width, self.height = width, height
        self.image, self.font = image, font

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        if self.image is not None:
            canv.drawImage(self.image, 0, 0, self.width, self.height,
                           preserveAspectRatio=True, anchor="c")  # fmt: skip
        else:
            size = self.width / 8
            canv.setFont(self.font, size)
            canv.drawCentredString(self.width / 2, self.height / 2 - size / 3, "照  片")
        canv.setLineWidth(0.6)
        canv.rect(0, 0, self.width, self.height)


def load_photo(path: Path | None) -> ImageReader | None:
    """The photo scaled down for print and turned upright, or None when it cannot be read."""
    if path is None:
        return None
    try:
        with Image.open(path) as source:
            picture = ImageOps.exif_transpose(source)
            picture.thumbnail(PHOTO_MAX_PIXELS)
            if picture.mode != "RGB":
                flat = Image.new("RGB", picture.size, "white")
                rgba = picture.convert("RGBA")
                flat.paste(rgba, mask=rgba.getchannel("A"))
                picture = flat
            picture.load()
            return ImageReader(picture)
    except Exception as exc:  # a damaged photo must not stop the signs being printed
        log.warning("photo %s cannot be printed: %s", path, exc)
        return None


def _refuse(message: str) -> ValidationError:
    return ValidationError([FieldError("school", _("学校"), message)])


def _signs_for(db: Database, options: ReportOptions) -> tuple[list[SchoolRow], list[SchoolRow]]:
    """The schools to print — the one named by ``--school``, or every active covered school —
    and the active schools left out for want of a responsible inspector."""
    rows = school_rows(db, options.today)
    if options.school is not None:
        name = clean_text(options.school)
        found = next((s for s in rows if s.name == name), None)
        if found is None:
            raise _refuse(f"没有名为“{name}”的学校（园）")
        if not found.active:
            raise _refuse(f"“{name}”已停用，不再挂牌")
        if not found.inspector:
            raise _refuse(f"“{name}”目前没有责任督学，请先为它挂牌")
        return [found], []
    order = {zone.name: index for index, zone in enumerate(zone_rows(db))}
    chosen = [s for s in rows if s.active and s.inspector]
    if not chosen:
        raise _refuse("目前没有已挂牌的学校（园），无法生成公示牌")
    skipped = [s for s in rows if s.active and not s.inspector]

    def in_order(schools: list[SchoolRow]) -> list[SchoolRow]:
        return sorted(schools, key=lambda s: (order.get(s.zone, len(order)), s.name))

    return in_order(chosen), in_order(skipped)


def _skipped_page(report: Report, skipped: list[SchoolRow]) -> list[Flowable]:
    """The last page: the schools that have no sign in this file and why, for the clerk."""
    rows = [[n, s.name, s.zone or "—", NO_INSPECTOR] for n, s in enumerate(skipped, 1)]
    return [
        PageBreak(),
        report.para(SKIPPED_TITLE, "sign_school"),
        Spacer(1, 4 * mm * report.frame.scale),
        report.para(
            f"以下 {len(skipped)} 所学校（园）未制作公示牌（本页供存档，不张贴）：", "sign_value"
        ),
        Spacer(1, 3 * mm * report.frame.scale),
        report.grid(["序号", "学校（园）", "责任区", "原因"], rows, [1, 5, 3, 4], "CLLL"),
        Spacer(1, 8 * mm * report.frame.scale),
        report.para(report.frame.office, "sign_office"),
    ]


def _styles(report: Report) -> None:
    title, body = report.fonts.title, report.fonts.body
    report.add_style("sign_title", title, 30, TA_CENTER, line_spacing=1.3)
    report.add_style("sign_school", title, 20, TA_CENTER, line_spacing=1.3)
    report.add_style("sign_label", title, 14, TA_CENTER)
    report.add_style("sign_value", body, 14)
    report.add_style("sign_heading", title, 16, spaceBefore=5 * mm * report.frame.scale,
                     spaceAfter=2 * mm * report.frame.scale)  # fmt: skip
    report.add_style("sign_item", body, 12.5, leftIndent=8 * report.frame.scale,
                     firstLineIndent=-8 * report.frame.scale, line_spacing=1.6)  # fmt: skip
    report.add_style("sign_office", title, 15, TA_RIGHT)


def _sign(
    report: Report,
    school: SchoolRow,
    inspector: InspectorRow | None,
    duties: list[str],
    photos: dict[str, ImageReader | None],
) -> list[Flowable]:
    s = report.frame.scale
    photo_width, photo_height = (size * mm * s for size in PHOTO_SIZE_MM)
    photo_path = inspector.photo_path if inspector else ""
    if photo_path not in photos:  # one inspector's photo is read once for all their schools
        photos[photo_path] = load_photo(photo_file(photo_path))
    photo = photos[photo_path]
    post = " ".join(p for p in (inspector.unit, inspector.post) if p) if inspector else ""
    details: list[list[Any]] = [
        [PhotoBox(photo_width, photo_height, photo, report.fonts.body),
         report.para("责任督学", "sign_label"), report.para(school.inspector, "sign_value")],
        ["", report.para("工作单位", "sign_label"), report.para(post, "sign_value")],
        ["", report.para("监督电话", "sign_label"),
         report.para(inspector.phone if inspector else "", "sign_value")],
    ]  # fmt: skip
    label_width = 32 * mm * s
    info = Table(
        details,
        colWidths=[photo_width + 8 * mm * s, label_width, None],
        minRowHeights=[(photo_height + 8 * mm * s) / 3] * 3,
    )
    info.setStyle(
        report.table_style(
            [
                ("SPAN", (0, 0), (0, -1)),
                ("GRID", (1, 0), (-1, -1), 0.6, "black"),
                ("BOX", (0, 0), (-1, -1), 1.2, "black"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (0, 0), (0, -1), "CENTER"),
                ("LEFTPADDING", (2, 0), (2, -1), 4 * mm * s),
            ]
        )
    )
    items = list(MAIN_ITEMS)
    if school.kind == SchoolKind.KINDERGARTEN:
        for index, text in KINDERGARTEN_ITEMS.items():
            items[index] = text
    flowables: list[Flowable] = [
        Spacer(1, 4 * mm * s),
        report.para(TITLE, "sign_title"),
        Spacer(1, 3 * mm * s),
        report.para(school.name, "sign_school"),
        Spacer(1, 6 * mm * s),
        info,
        report.para("工作职责", "sign_heading"),
        *(report.para(f"{n}. {text}", "sign_item") for n, text in enumerate(duties, 1)),
        report.para("主要督导事项", "sign_heading"),
        *(report.para(f"{n}. {text}", "sign_item") for n, text in enumerate(items, 1)),
        Spacer(1, 8 * mm * s),
        report.para(report.frame.office, "sign_office"),
    ]
    return [KeepInFrame(report.width, report.height, flowables, mode="shrink")]


def write(db: Database, out: Path, options: ReportOptions) -> None:
    """Write the sign of ``options.school``, or of every covered school one per page."""
    paper = options.checked_paper()
    schools, skipped = _signs_for(db, options)
    head = letterhead(db)
    visits = load_policy(db).visits_per_school_per_month
    duties = list(DUTIES)
    duties[0] = DUTIES[0].format(visits=visits) if visits else DUTY_WITHOUT_QUOTA
    inspectors = {row.name: row for row in inspector_rows(db, options.today)}
    report = Report(
        PageFrame(
            head.office,
            TITLE,
            f"截至{cn_date(options.today)}",
            options.today,
            paper=paper,
            running_header=False,
            border=True,
        )
    )
    _styles(report)
    photos: dict[str, ImageReader | None] = {}
    for index, school in enumerate(schools):
        if index:
            report.story.append(PageBreak())
        inspector = inspectors.get(school.inspector)
        report.story.extend(_sign(report, school, inspector, duties, photos))
    if skipped:
        report.story.extend(_skipped_page(report, skipped))
    report.write(out)
