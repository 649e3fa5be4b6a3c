"""配备达标情况: the staffing ratio, the full-time share, 挂牌 coverage and zone sizes against the
policy profile, then one line per responsibility zone and the schools or inspectors behind every
shortfall. The figures are those of :func:`core.overview.compliance`, as on the dashboard."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from core.overview import Compliance, ZoneFigures, compliance
from core.reports.document import PageFrame, Report, cn_date
from core.reports.options import ReportOptions, letterhead
from core.roster.staffing import percent_text

if TYPE_CHECKING:
    from db.engine import Database

TITLE = "督学配备达标情况"
UNZONED = "未划分责任区"
MET, NOT_MET, NOTE = "达标", "未达标", "提醒"


def _verdict(ok: bool, failing: str = NOT_MET) -> str:
    return MET if ok else failing


def _zone_note(c: Compliance, zones: list[ZoneFigures]) -> str:
    """The note under the zone table: why a total is not the sum of its column, in figures."""
    p = c.policy
    notes = []
    required = sum(z.required_inspectors for z in zones)
    if required != c.required_inspectors:  # a sum of ceilings is never below the whole's
        notes.append(
            f"应配督学合计按全部 {c.schools} 所学校（园）计算（1∶{p.schools_per_inspector}，"
            f"在校生超过 {p.dedicated_inspector_enrolment} 人的学校 1∶1），为 "
            f"{c.required_inspectors} 名；各责任区按本区学校数分别计算、各自向上取整，"
            f"各区之和为 {required} 名，故大于合计。"
        )
    actual = sum(z.inspectors for z in zones)
    text = (
        "实配督学为目前在该责任区挂牌负责学校的在任督学人数；合计为全部在任督学人数"
        f"（{c.inspectors} 名）"
    )
    if actual != c.inspectors:
        reasons = []
        if actual > c.assigned_inspectors:
            twice = actual - c.assigned_inspectors
            reasons.append(f"一名督学跨责任区负责学校时在各区分别计入，多计 {twice} 名")
        if c.inspectors > c.assigned_inspectors:
            reasons.append(
                f"未挂牌负责学校的 {c.inspectors - c.assigned_inspectors} 名督学不计入任何责任区"
            )
        text += f"，各区之和为 {actual} 名：" + "；".join(reasons)
    notes.append(text + "。")
    return "注：" + "".join(f"{n}. {t}" if len(notes) > 1 else t for n, t in enumerate(notes, 1))


def write(db: Database, out: Path, options: ReportOptions) -> None:
    """Write the staffing report as on ``options.today``."""
    today = options.today
    head = letterhead(db)
    c = compliance(db, today)
    p = c.policy
    report = Report(PageFrame(head.office, TITLE, f"截至{cn_date(today)}", today))
    report.title_block(
        f"学校（园）{c.schools} 所，其中幼儿园 {c.kindergartens} 所、民办 {c.private_schools} 所；"
        f"在任督学 {c.inspectors} 名，其中专职 {c.full_time} 名。"
    )

    report.heading("一、达标情况")
    largest = max((z.schools for z in c.zones), default=0)
    covered = c.schools - len(c.uncovered_schools)
    rows = [
        [
            "督学配备",
            f"按 1∶{p.schools_per_inspector} 配备，在校生超过 "
            f"{p.dedicated_inspector_enrolment} 人的学校 1∶1；应配 {c.required_inspectors} 名",
            f"在任 {c.inspectors} 名" + (f"，缺 {c.shortfall} 名" if c.shortfall else ""),
            _verdict(c.shortfall == 0),
        ],
        [
            "专职督学占比",
            f"不少于 {percent_text(p.min_full_time_share)}",
            f"专职 {c.full_time} 名，占 {percent_text(c.full_time_share, p.min_full_time_share)}",
            _verdict(not c.full_time_short and c.inspectors > 0),
        ],
        [
            "挂牌督导覆盖",
            "每所学校（园）都有责任督学，民办学校（园）在内",
            f"已挂牌 {covered} 所，未挂牌 {len(c.uncovered_schools)} 所",
            "全覆盖" if not c.uncovered_schools else "未全覆盖",
        ],
        [
            "责任区规模",
            f"每个责任区不超过 {p.zone_school_warning} 所",
            f"{len(c.zones)} 个责任区，最多 {largest} 所"
            + (f"；{len(c.unzoned_schools)} 所未划分责任区" if c.unzoned_schools else ""),
            _verdict(not any(z.over_limit for z in c.zones) and not c.unzoned_schools, NOTE),
        ],
        [
            "督学工作量",
            f"每名督学负责不超过 {p.inspector_school_warning} 所",
            f"{len(c.overloaded)} 名督学超过",
            _verdict(not c.overloaded, NOTE),
        ],
    ]
    report.table(["项目", "标准", "实际", "结论"], rows, [14, 44, 30, 12], "LLLC")

    report.heading("二、各责任区配备情况")
    zones = [*c.zones, *([c.unzoned] if c.unzoned else [])]
    zone_rows = [
        [
            z.name or UNZONED,
            str(z.schools),
            str(z.required_inspectors),
            str(z.inspectors),
            str(z.uncovered),
            "；".join(
                note
                for note in (
                    "请划入责任区" if not z.name else "",
                    f"超过 {p.zone_school_warning} 所" if z.over_limit else "",
                    f"{z.uncovered} 所未挂牌" if z.uncovered else "",
                )
                if note
            )
            or "—",
        ]
        for z in zones
    ]
    zone_rows.append(
        [
            "合计",
            str(c.schools),
            str(c.required_inspectors),
            str(c.inspectors),
            str(len(c.uncovered_schools)),
            "",
        ]
    )
    report.table(
        ["责任区", "学校（园）数", "应配督学", "实配督学", "未挂牌学校", "说明"],
        zone_rows,
        [26, 14, 12, 12, 12, 24],
        "LCCCCL",
    )
    report.paragraph(_zone_note(c, zones), "cell")

    report.heading("三、需要处理的事项")
    issues = []
    if c.uncovered_schools:
        issues.append(f"未挂牌的学校（园）：{'、'.join(c.uncovered_schools)}。")
    if c.unzoned_schools:
        issues.append(f"未划分责任区的学校（园）：{'、'.join(c.unzoned_schools)}。")
    if c.overloaded:
        issues.append(
            f"负责学校超过 {p.inspector_school_warning} 所的督学："
            + "、".join(f"{w.name}（{w.schools} 所）" for w in c.overloaded)
            + "。"
        )
    if c.shortfall:
        issues.append(f"按配备标准尚缺督学 {c.shortfall} 名，请按程序增聘。")
    if c.full_time_short:
        issues.append(
            f"专职督学占比 {percent_text(c.full_time_share, p.min_full_time_share)}，"
            f"低于 {percent_text(p.min_full_time_share)}，请增加专职督学。"
        )
    for number, text in enumerate(issues or ["无。"], start=1):
        report.paragraph(f"{number}. {text}" if issues else text)
    report.signature_block(head.settings, today)
    report.write(out)
