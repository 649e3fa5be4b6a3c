"""督学花名册: every inspector in office — gender, unit, post, 专/兼职, phone, term, 学历, the
latest yearly assessment (年度考核), zones and the schools they are responsible for — on landscape
A4 or A3, grouped by responsibility zone."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

from core.enums import Education, Employment, Gender
from core.reports.document import PageFrame, Report, cn_date, iso
from core.reports.options import ReportOptions, letterhead
from core.roster.assessments import YearlyAssessmentLine
from core.roster.inspectors import inspector_rows
from core.roster.schools import SchoolRow, school_rows, zone_rows
from core.search.matching import pinyin_order

if TYPE_CHECKING:
    from db.engine import Database

TITLE = "督学花名册"
UNZONED = "未划分责任区"
HEADERS = ["序号", "姓名", "性别", "工作单位", "职务", "专/兼职", "联系电话", "任期起止", "届次",
           "学历", "年度考核", "责任区", "负责学校（园）"]  # fmt: skip
WEIGHTS = [4, 8, 4, 14, 9, 5.5, 10, 11, 5, 6, 8, 9, 22]
ALIGN = "CCCLLCCCCCCLL"


def _yearly(line: YearlyAssessmentLine | None) -> str:
    return f"{line.year}年度\n{line.result_label}" if line else ""


def write(db: Database, out: Path, options: ReportOptions) -> None:
    """Write the roster of the inspectors in office on ``options.today`` on ``options.paper``."""
    today = options.today
    head = letterhead(db)
    zone_order = {zone.name: index for index, zone in enumerate(zone_rows(db))}
    covered: dict[str, list[SchoolRow]] = defaultdict(list)
    for school in school_rows(db, today):
        if school.active and school.inspector:
            covered[school.inspector].append(school)

    def zone_key(zone: str) -> int:
        return zone_order.get(zone, len(zone_order))

    for schools in covered.values():
        schools.sort(key=lambda s: (zone_key(s.zone), pinyin_order(s.name)))
    serving = [row for row in inspector_rows(db, today) if row.serving]
    serving.sort(
        key=lambda r: (
            min((zone_key(s.zone) for s in covered[r.name]), default=len(zone_order) + 1),
            r.employment != Employment.FULL_TIME,
            r.id,
        )
    )

    rows = []
    for number, row in enumerate(serving, start=1):
        schools = covered[row.name]
        zones = list(dict.fromkeys(s.zone or UNZONED for s in schools))
        term = f"{iso(row.term_start)}\n至 {iso(row.term_end)}"
        rows.append(
            [
                str(number),
                row.name,
                Gender.label_of(row.gender),
                row.unit,
                row.post,
                Employment.label_of(row.employment),
                row.phone,
                term,
                f"第{row.consecutive_terms}届" if row.consecutive_terms else "",
                Education.label_of(row.education),
                _yearly(row.latest_yearly),
                "、".join(zones),
                "、".join(s.name for s in schools),
            ]
        )

    full_time = sum(1 for r in serving if r.employment == Employment.FULL_TIME)
    schools_total = sum(len(covered[r.name]) for r in serving)
    report = Report(
        PageFrame(
            head.office,
            TITLE,
            f"截至{cn_date(today)}",
            today,
            landscape=True,
            paper=options.checked_paper(),
        )
    )
    report.title_block(
        f"在任督学 {len(serving)} 名，其中专职 {full_time} 名、兼职 {len(serving) - full_time} 名；"
        f"挂牌负责学校（园）{schools_total} 所。"
    )
    if rows:
        report.table(HEADERS, rows, WEIGHTS, ALIGN)
    else:
        report.paragraph("目前没有在任督学。")
    report.signature_block(head.settings, today)
    report.write(out)
