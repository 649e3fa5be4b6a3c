"""Printed reports (PDF, ReportLab): ``write_report(db, kind, out, today=...)``.

Each kind is one module with a ``write(db, out, options)`` function that reads its data through
the core functions and typesets it with :mod:`core.reports.document`. ReportLab is imported only
when a report is written, so importing this package (for :data:`REPORT_KINDS`) stays cheap on the
GUI's start-up path. No Qt here: the GUI runs :func:`write_report` on its worker thread.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from core.errors import FieldError, ValidationError

if TYPE_CHECKING:
    from db.engine import Database

REPORT_KINDS: dict[str, str] = {
    "roster": "督学花名册",
    "sign": "责任督学挂牌公示牌",
    "staffing": "督学配备达标情况",
    "training": "督学培训学时统计表",
    "terms": "督学任期届满提醒",
    "schedule": "督导工作安排表",
    "visit-form": "督导记录表",
    "rectification-notice": "整改通知书",
    "supervision-notice": "督办通知",
    "bulletin": "通报",
    "interview": "约谈记录",
    "complaints": "投诉受理登记表",
    "checklist": "档案资料清单",
    "campaign": "迎检进度表",
    "annual": "年度督导工作统计",
    "topic": "专项督导报告",
    "school-inspection": "综合督导报告",
}
"""Every report kind and its Chinese title, in menu order."""

A3_KINDS = ("roster", "sign", "schedule")
"""The kinds that print on A3 as well as A4 (everything grows with the paper); the others are
forms and tables for A4 only, and refuse A3 rather than print A4 when A3 was asked for."""

_MODULES = {
    "roster": "roster",
    "sign": "sign",
    "staffing": "staffing",
    "training": "training",
    "terms": "terms",
    "schedule": "schedule",
    "visit-form": "visit_form",
    "rectification-notice": "rectification_notice",
    "supervision-notice": "supervision_notice",
    "bulletin": "bulletin",
    "interview": "interview",
    "complaints": "complaints",
    "checklist": "checklist",
    "campaign": "campaign",
    "annual": "annual",
    "topic": "topic",
    "school-inspection": "school_inspection",
}


def write_report(
    db: Database,
    kind: str,
    out: Path,
    *,
    today: date,
    year: int | None = None,
    month: str | None = None,
    school: str | None = None,
    paper: str = "A4",
    zone: str | None = None,
    inspector: str | None = None,
    visit: int | None = None,
    problem: int | None = None,
    campaign: str | None = None,
    topic: str | None = None,
    start: date | None = None,
    end: date | None = None,
    texts: Mapping[str, str] | None = None,
    warnings: list[str] | None = None,
) -> Path:
    """Write the report ``kind`` as of ``today`` to the PDF file ``out``; returns ``out``.

    Options apply where a kind uses them and are ignored elsewhere: ``year`` (training,
    annual, bulletin, complaints), ``school`` (sign, the notices, interview, checklist,
    school-inspection), ``month`` (schedule, bulletin), ``zone`` and ``inspector`` (schedule:
    names), ``visit`` (visit-form: a visit's id, none for a blank form), ``problem``
    (rectification-notice, supervision-notice, interview: a problem's id), ``campaign``
    (checklist, campaign: a campaign's name; default the running campaign started last),
    ``topic`` (topic: the 专项督导; default the latest), ``start`` and ``end`` (topic: the
    inspection's period, default the latest; school-inspection: the period's first and last
    day, default the principal's current term) and ``texts`` (topic: the sections the clerk
    edited, see :data:`core.reports.topic_text.SECTIONS`). ``paper`` (A4 or A3) is refused as
    A3 by the kinds not in :data:`A3_KINDS`. Raises ValidationError with a Chinese message for
    an unknown kind, a folder that does not exist or an option the kind cannot use (an unknown
    school …); an existing file is replaced only once the new PDF is complete. What the reader
    should know about the PDF written (characters no font has, see
    :func:`core.reports.fonts.missing_warning`) is appended to ``warnings`` as Chinese lines.
    """
    from core.i18n import chinese_documents
    from core.reports.fonts import missing_warning, noting_missing
    from core.reports.options import ReportOptions, refuse

    if kind not in REPORT_KINDS:
        known = "、".join(REPORT_KINDS)
        raise ValidationError([FieldError("kind", "报表", f"没有“{kind}”这种报表，可选：{known}")])
    out = Path(out)
    if not out.parent.is_dir():
        raise ValidationError(
            [FieldError("out", "保存位置", f"保存位置的文件夹不存在：{out.parent}")]
        )
    if out.is_dir():
        raise ValidationError([FieldError("out", "保存位置", f"“{out}”是文件夹，请给出文件名")])
    options = ReportOptions(
        today=today,
        year=year,
        month=month,
        school=school,
        paper=paper,
        zone=zone,
        inspector=inspector,
        visit=visit,
        problem=problem,
        campaign=campaign,
        topic=topic,
        start=start,
        end=end,
        texts=texts,
    )
    if options.checked_paper() != "A4" and kind not in A3_KINDS:
        a3 = "、".join(REPORT_KINDS[k] for k in A3_KINDS)
        raise refuse("paper", f"{REPORT_KINDS[kind]}只能用 A4 纸打印（可用 A3 的有：{a3}）")
    module = importlib.import_module(f"{__name__}.{_MODULES[kind]}")
    with noting_missing() as missing, chinese_documents():
        module.write(db, out, options)
    if missing and warnings is not None:
        warnings.append(missing_warning(missing))
    return out
