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
from core.i18n import LabelTable, _, chinese_documents

if TYPE_CHECKING:
    from db.engine import Database


def _report_titles() -> dict[str, str]:
    return {
        "roster": _("督学花名册"),
        "sign": _("责任督学挂牌公示牌"),
        "staffing": _("督学配备达标情况"),
        "training": _("督学培训学时统计表"),
        "terms": _("督学任期届满提醒"),
        "schedule": _("督导工作安排表"),
        "visit-form": _("督导记录表"),
        "rectification-notice": _("整改通知书"),
        "supervision-notice": _("督办通知"),
        "bulletin": _("通报"),
        "interview": _("约谈记录"),
        "complaints": _("投诉受理登记表"),
        "checklist": _("档案资料清单"),
        "campaign": _("迎检进度表"),
        "annual": _("年度督导工作统计"),
        "topic": _("专项督导报告"),
        "school-inspection": _("综合督导报告"),
    }


REPORT_KINDS: Mapping[str, str] = LabelTable(_report_titles)
"""Every report kind and its title, in menu order: Chinese on the document, in the chosen
language elsewhere."""


def document_title(kind: str) -> str:
    """The title ``kind`` prints under: the Chinese of :data:`REPORT_KINDS` in either language."""
    with chinese_documents():
        return REPORT_KINDS[kind]


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
        raise ValidationError(
            [
                FieldError(
                    "kind",
                    _("报表"),
                    _("没有“{kind}”这种报表，可选：{known}", kind=kind, known=known),
                )
            ]
        )
    out = Path(out)
    if not out.parent.is_dir():
        raise ValidationError(
            [
                FieldError(
                    "out", _("保存位置"), _("保存位置的文件夹不存在：{parent}", parent=out.parent)
                )
            ]
        )
    if out.is_dir():
        raise ValidationError(
            [FieldError("out", _("保存位置"), _("“{out}”是文件夹，请给出文件名", out=out))]
        )
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
        raise refuse(
            "paper",
            _(
                "{report}只能用 A4 纸打印（可用 A3 的有：{a3}）",
                report=REPORT_KINDS[kind],
                a3=a3,
            ),
        )
    module = importlib.import_module(f"{__name__}.{_MODULES[kind]}")
    with noting_missing() as missing, chinese_documents():
        module.write(db, out, options)
    if missing and warnings is not None:
        warnings.append(missing_warning(missing))
    return out
