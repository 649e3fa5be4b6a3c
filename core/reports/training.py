"""培训学时统计表 for one year: each serving inspector's hours of the counted forms against the
yearly requirement, the hours of each form, pre-service training for new inspectors and
centralized training days within three years, with the figures of
:func:`core.roster.training.training_summary`."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from core.enums import TrainingForm
from core.office.settings import load_policy
from core.reports.document import PageFrame, Report, cn_date
from core.reports.options import ReportOptions, letterhead
from core.roster.training import TrainingTotal, load_counted_forms, training_summary

if TYPE_CHECKING:
    from db.engine import Database

TITLE = "督学培训学时统计表"
HEADERS = ["序号", "姓名", "计入学时", "应修学时", "尚差学时", "各形式学时",
           "岗前培训（学时）", "近三年集中培训（工作日）", "结论"]  # fmt: skip
WEIGHTS = [5, 9, 8, 8, 8, 22, 11, 13, 16]
ALIGN = "CCCCCLCCL"


def _hours(value: float) -> str:
    return f"{value:g}"


def _by_form(t: TrainingTotal) -> str:
    """One line per form taken; the forms that do not count are marked “（不计入）”."""
    return (
        "\n".join(
            f"{TrainingForm.label_of(form)} {_hours(h)}"
            + ("" if form in t.counted_forms else "（不计入）")
            for form, h in t.by_form.items()
        )
        or "—"
    )


def _preservice(t: TrainingTotal) -> str:
    if not t.preservice_required:
        return "—"
    return f"{_hours(t.preservice_hours)} / {t.preservice_minimum}"


def _centralized(t: TrainingTotal) -> str:
    if not t.centralized_due:
        return f"{t.centralized_days}（任职未满三年）"
    return f"{t.centralized_days} / {t.centralized_minimum}"


def _verdict(t: TrainingTotal) -> str:
    gaps = []
    if t.shortfall > 0:
        gaps.append("学时不足")
    if t.missing_preservice:
        gaps.append("岗前培训不足")
    if t.missing_centralized:
        gaps.append("集中培训不足")
    return "；".join(gaps) or "达标"


def write(db: Database, out: Path, options: ReportOptions) -> None:
    """Write the training hours of ``options.year`` (default: this year) per serving inspector."""
    year = options.year_or_current()
    today = options.today
    head = letterhead(db)
    policy = load_policy(db)
    totals = training_summary(db, today, year)
    counted = "、".join(TrainingForm.label_of(f) for f in load_counted_forms(db))
    period = f"{cn_date(date(year, 1, 1))}至{cn_date(date(year, 12, 31))}"
    report = Report(PageFrame(head.office, f"{year}年度{TITLE}", period, today))
    met = sum(1 for t in totals if t.shortfall == 0)
    hours = sum(t.hours for t in totals)
    average = hours / len(totals) if totals else 0.0
    report.title_block(
        f"在任督学 {len(totals)} 名，每人每年应完成培训 {policy.training_hours_per_year} 学时"
        f"（计入{counted}）；"
        f"已完成 {met} 名，未完成 {len(totals) - met} 名；合计 {_hours(round(hours, 1))} 学时，"
        f"人均 {average:.1f} 学时。"
    )
    rows = [
        [
            str(number),
            t.name,
            _hours(t.hours),
            str(t.required),
            _hours(round(t.shortfall, 1)) if t.shortfall else "—",
            _by_form(t),
            _preservice(t),
            _centralized(t),
            _verdict(t),
        ]
        for number, t in enumerate(totals, start=1)
    ]
    if rows:
        report.table(HEADERS, rows, WEIGHTS, ALIGN)
    else:
        report.paragraph("目前没有在任督学。")
    report.paragraph(
        f"注：学时按培训开始日期计入年度。新任督学应参加不少于 {policy.preservice_training_hours}"
        f" 学时的岗前培训；任职满三年的督学，近三年集中培训（含脱产培训）应不少于 "
        f"{policy.centralized_training_days} 个工作日（统计至{cn_date(today)}）。",
        "cell",
    )
    report.signature_block(head.settings, today)
    report.write(out)
