"""What a report is asked for (day, year, month, a period's first and last day, school, zone,
inspector, visit, problem, campaign, paper, a topic, the texts the clerk edited) and the office
it is printed for.

Each kind reads only the options it uses and ignores the rest; the checks here raise
:class:`~core.errors.ValidationError` with a Chinese message naming the option. Names and ids
that must exist (a zone, a visit …) are looked up by the kind that uses them, with
:func:`refuse` for the message.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import select

from core.enums import ProblemStatus
from core.errors import FieldError, ValidationError
from core.i18n import _
from core.office.settings import office_name_from_session
from core.parsing import clean_text
from core.reports.settings import ReportSettings, load_report_settings
from db.models import Campaign, CampaignSchool, Problem, ProblemAction, School

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from db.engine import Database

YEAR_RANGE = (2000, 2100)
PAPERS = ("A4", "A3")
MONTH_PATTERN = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")
OPTION_LABELS = {
    "year": "年度",
    "month": "月份",
    "school": "学校",
    "zone": "责任区",
    "inspector": "督学",
    "visit": "督导",
    "problem": "整改问题",
    "campaign": "迎检工作",
    "paper": "纸张",
    "topic": "专项督导主题",
    "period": "督导时间",
    "start": "开始日期",
    "end": "结束日期",
}


def refuse(option: str, message: str) -> ValidationError:
    """The refusal of one option (``option`` as in :class:`ReportOptions`), in Chinese."""
    return ValidationError([FieldError(option, OPTION_LABELS[option], message)])


@dataclass(frozen=True)
class ReportOptions:
    """The options of one report; ``today`` is the day the figures are taken (and printed)."""

    today: date
    year: int | None = None
    month: str | None = None
    school: str | None = None
    paper: str = "A4"
    zone: str | None = None
    inspector: str | None = None
    visit: int | None = None
    problem: int | None = None
    campaign: str | None = None
    topic: str | None = None
    start: date | None = None
    end: date | None = None
    texts: Mapping[str, str] | None = None
    """Texts of the report the clerk wrote in place of the generated ones, by section."""

    def year_or_current(self) -> int:
        """The year asked for, or ``today``'s; refuses a year outside 2000–2100."""
        year = self.today.year if self.year is None else self.year
        low, high = YEAR_RANGE
        if not low <= year <= high:
            raise refuse(
                "year",
                _("年度应在 {low} 至 {high} 之间，不能是 {year}", low=low, high=high, year=year),
            )
        return year

    def month_or_current(self) -> tuple[int, int]:
        """The month asked for ("YYYY-MM") as (year, month), or ``today``'s month."""
        if self.month is None:
            return self.today.year, self.today.month
        found = MONTH_PATTERN.match(self.month.strip())
        if not found:
            raise refuse(
                "month", _("月份应为 YYYY-MM 格式（如 2026-11），不能是“{month}”", month=self.month)
            )
        year = int(found.group(1))
        low, high = YEAR_RANGE
        if not low <= year <= high:
            raise refuse(
                "month",
                _(
                    "月份的年度应在 {low} 至 {high} 之间，不能是 {year}",
                    low=low,
                    high=high,
                    year=year,
                ),
            )
        return year, int(found.group(2))

    def checked_paper(self) -> str:
        """The paper size asked for (A4 or A3, any case)."""
        paper = (self.paper or "A4").upper()
        if paper not in PAPERS:
            raise refuse("paper", _("纸张应为 A4 或 A3，不能是“{paper}”", paper=self.paper))
        return paper


@dataclass(frozen=True)
class Letterhead:
    """Who prints: the office's name and the report settings."""

    office: str
    settings: ReportSettings


def letterhead_from_session(session: Session) -> Letterhead:
    """The office's name and report settings inside an open session."""
    return Letterhead(office_name_from_session(session), load_report_settings(session))


def letterhead(db: Database) -> Letterhead:
    """The office's name and report settings, read in one unit of work."""
    with db.session() as session:
        return letterhead_from_session(session)


NOTICE_STATUSES = (ProblemStatus.OPEN.value, ProblemStatus.ESCALATED.value)
"""Problems a school's rectification notice lists: not yet fixed (待整改, 已上报)."""


def notice_schools(db: Database) -> list[str]:
    """The schools a rectification notice can be written for: those with a problem that is
    待整改 or 已上报, by name."""
    with db.session() as session:
        query = (
            select(School.name)
            .join(Problem, Problem.school_id == School.id)
            .where(Problem.status.in_(NOTICE_STATUSES))
            .distinct()
            .order_by(School.name)
        )
        return list(session.scalars(query))


def campaign_names(db: Database) -> list[str]:
    """The campaigns a report can be written for: running ones first, then closed ones; the
    newest first within each."""
    with db.session() as session:
        query = select(Campaign.name).order_by(
            Campaign.closed_on.is_not(None), Campaign.started_on.desc(), Campaign.id.desc()
        )
        return list(session.scalars(query))


def chosen_campaign(session: Session, name: str | None, school: School | None = None) -> Campaign:
    """The campaign called ``name``; without a name, the running campaign started last (that
    includes ``school``, when given). Refuses an unknown name, a school not in the named
    campaign, or no campaign to choose, in Chinese."""
    name = clean_text(name)
    if name:
        campaign = session.scalar(select(Campaign).where(Campaign.name == name))
        if campaign is None:
            raise refuse("campaign", _("没有名为“{name}”的迎检工作", name=name))
        if school is not None and not session.get(CampaignSchool, (campaign.id, school.id)):
            raise refuse(
                "school",
                _("“{name}”不在迎检工作“{name2}”的学校名单中", name=school.name, name2=name),
            )
        return campaign
    query = (
        select(Campaign)
        .where(Campaign.closed_on.is_(None))
        .order_by(Campaign.started_on.desc(), Campaign.id.desc())
    )
    if school is not None:
        query = query.join(CampaignSchool, CampaignSchool.campaign_id == Campaign.id).where(
            CampaignSchool.school_id == school.id
        )
    campaign = session.scalars(query).first()
    if campaign is None:
        if school is not None:
            raise refuse(
                "campaign", _("“{name}”没有进行中的迎检工作，请指定迎检工作", name=school.name)
            )
        raise refuse("campaign", _("目前没有进行中的迎检工作，请指定迎检工作"))
    return campaign


def chosen_step(
    session: Session, options: ReportOptions, kind: str, document: str
) -> ProblemAction:
    """The latest step of ``kind`` (督办, 约谈 …) recorded on ``options.problem``, or else on a
    problem of ``options.school``: what the report ``document`` of that step prints. Refused,
    naming ``document``, for an unknown problem or school or when there is no such step."""
    query = (
        select(ProblemAction)
        .join(Problem, Problem.id == ProblemAction.problem_id)
        .where(ProblemAction.kind == kind)
    )
    if options.problem is not None:
        if session.get(Problem, options.problem) is None:
            raise refuse("problem", _("没有编号为 {problem} 的整改问题", problem=options.problem))
        query = query.where(ProblemAction.problem_id == options.problem)
        missing = refuse(
            "problem",
            _("整改问题 {problem} 没有{document}", problem=options.problem, document=document),
        )
    else:
        name = clean_text(options.school)
        if not name:
            raise refuse("problem", _("请选择要打印{document}的整改问题或学校", document=document))
        school = session.scalar(select(School.id).where(School.name == name))
        if school is None:
            raise refuse("school", _("没有名为“{name}”的学校（园）", name=name))
        query = query.where(Problem.school_id == school)
        missing = refuse("school", _("“{name}”没有{document}", name=name, document=document))
    latest = query.order_by(ProblemAction.day.desc(), ProblemAction.id.desc())
    action = session.scalars(latest).first()
    if action is None:
        raise missing
    return action
