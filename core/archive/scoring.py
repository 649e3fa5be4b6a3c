"""Indicator scoring of a campaign (评估打分): an evaluation sheet, points per school, ranking.

A campaign may carry an evaluation sheet: indicators in groups, each worth points between
``min_points`` and ``max_points``. The shipped sheet is one district's annual school evaluation
(:func:`shipped_sheet`): 学校管理 30, 教育教学管理 56, 其他重点工作 14 and a 加减分 line of
-3 to +3. Points may be fractional (half points are common) and are kept as given.

Rules, shared by the score grid and the reports:

- An indicator whose ``min_points`` is below 0 is an *adjustment line* (加减分, 扣分项). The
  *full marks* of a sheet, and of each group, are the sum of ``max_points`` of the indicators
  that are not adjustment lines, so the shipped sheet is worth 100 (a 加减分 group counts 0).
- A school's total is the sum of every point it got, adjustments included; a group total is the
  same over the group's indicators.
- A school is *complete* when every indicator that is not an adjustment line has a score; a
  blank adjustment line means no bonus and no deduction.
- Schools with at least one score are ranked by total, highest first; equal totals share a
  rank and the next rank skips (1, 1, 3). Schools without any score come last, unranked.
- Replacing a sheet keeps the scores of indicators whose group and name stay (their points and
  order may change) and drops the rest with their scores.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from sqlalchemy import select

from core.changes import Change, mutates
from core.errors import FieldError, ValidationError, refusal
from core.parsing import clean_text
from db.models import Campaign, CampaignSchool, Indicator, School, Score
from resources import RESOURCES_DIR

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from db.engine import Database

SHIPPED_SHEET_FILE = RESOURCES_DIR / "checklists" / "school-evaluation-100.json"
TOTAL_DIGITS = 6
"""Totals are rounded to this many decimals, so float noise never splits a tie."""


@dataclass(frozen=True)
class IndicatorInput:
    """One indicator of a sheet as the clerk enters it."""

    group: str
    name: str
    max_points: float
    min_points: float = 0


@dataclass(frozen=True)
class IndicatorRow:
    """One indicator of a campaign's sheet, in sheet order."""

    id: int
    group: str
    name: str
    max_points: float
    min_points: float


@dataclass(frozen=True)
class SchoolScore:
    """One school's line of the score table; ``points`` maps indicator id to points given."""

    school_id: int
    school: str
    points: dict[int, float]
    total: float
    group_totals: dict[str, float]
    complete: bool
    rank: int | None


@dataclass(frozen=True)
class ScoreTable:
    """A campaign's sheet and its schools, ranked; ``groups`` pairs each group with its full
    marks, in sheet order."""

    indicators: list[IndicatorRow]
    groups: list[tuple[str, float]]
    full_marks: float
    schools: list[SchoolScore]


class _Points(Protocol):
    @property
    def group(self) -> str: ...
    @property
    def max_points(self) -> float: ...
    @property
    def min_points(self) -> float: ...


def indicator_label(group: str, name: str) -> str:
    """How messages name an indicator: 学校管理·安全管理 (the name alone without a group)."""
    return f"{group}·{name}" if group else name


def is_adjustment(indicator: _Points) -> bool:
    """An adjustment line (加减分) can take points below 0 and adds nothing to full marks."""
    return indicator.min_points < 0


def full_marks(indicators: Iterable[_Points]) -> float:
    """The sum of ``max_points`` of the indicators that are not adjustment lines."""
    return math.fsum(i.max_points for i in indicators if not is_adjustment(i))


def group_marks(indicators: Iterable[_Points]) -> list[tuple[str, float]]:
    """Each group, in order of first appearance, with its full marks."""
    groups: dict[str, list[_Points]] = {}
    for indicator in indicators:
        groups.setdefault(indicator.group, []).append(indicator)
    return [(group, full_marks(members)) for group, members in groups.items()]


def competition_ranks(totals: Sequence[float | None]) -> list[int | None]:
    """Ranks of ``totals``, highest first: ties share a rank and the next skips (1, 1, 3);
    ``None`` (nothing scored) gets no rank."""
    ranked = sorted(round(t, TOTAL_DIGITS) for t in totals if t is not None)
    ranked.reverse()
    first: dict[float, int] = {}
    for position, total in enumerate(ranked, start=1):
        first.setdefault(total, position)
    return [None if t is None else first[round(t, TOTAL_DIGITS)] for t in totals]


def sheet_problems(indicators: Sequence[IndicatorInput]) -> list[FieldError]:
    """Every problem of a sheet that needs no database, each naming its row and indicator."""
    errors = []
    seen: set[tuple[str, str]] = set()
    for number, indicator in enumerate(indicators, start=1):
        group, name = clean_text(indicator.group), clean_text(indicator.name)
        field_name = f"indicators[{number - 1}]"
        label = f"第 {number} 项指标"
        if not name:
            errors.append(FieldError(field_name, label, f"{label}没有填写指标名称"))
            continue
        where = f"{label}“{indicator_label(group, name)}”"
        if (group, name) in seen:
            errors.append(FieldError(field_name, label, f"{where}与前面的指标重复"))
        seen.add((group, name))
        low, high = indicator.min_points, indicator.max_points
        if not (math.isfinite(low) and math.isfinite(high)):
            errors.append(FieldError(field_name, label, f"{where}的分值必须是数字"))
        elif not low <= 0 <= high or low == high:
            errors.append(
                FieldError(
                    field_name,
                    label,
                    f"{where}的分值范围 {low:g}～{high:g} 不对：最高分不能低于 0，"
                    "最低分不能高于 0，两者不能相同",
                )
            )
    return errors


def shipped_sheet() -> tuple[IndicatorInput, ...]:
    """The shipped 100-point school evaluation sheet (resources/checklists)."""
    data = json.loads(SHIPPED_SHEET_FILE.read_text(encoding="utf-8"))
    return tuple(
        IndicatorInput(
            group=item["group"],
            name=item["name"],
            max_points=float(item["max_points"]),
            min_points=float(item.get("min_points", 0)),
        )
        for item in data["indicators"]
    )


@mutates(Change.SCORES)
def set_indicators(db: Database, campaign_id: int, indicators: Sequence[IndicatorInput]) -> None:
    """Replace the campaign's sheet with ``indicators``, in that order.

    Indicators whose group and name stay keep their scores; the others go with theirs. A kept
    indicator's new range must still hold every score already given, or nothing is changed.
    """
    problems = sheet_problems(indicators)
    if problems:
        raise ValidationError(problems)
    with db.session() as session:
        if session.get(Campaign, campaign_id) is None:
            raise refusal("campaign", "迎检工作", "找不到这项迎检工作")
        existing = {
            (i.group_name, i.name): i
            for i in session.scalars(select(Indicator).where(Indicator.campaign_id == campaign_id))
        }
        errors = []
        for position, data in enumerate(indicators):
            key = (clean_text(data.group), clean_text(data.name))
            indicator = existing.pop(key, None)
            if indicator is None:
                indicator = Indicator(campaign_id=campaign_id, group_name=key[0], name=key[1])
                session.add(indicator)
            else:
                errors.extend(_scores_outside(session, indicator, data, position))
            indicator.position = position
            indicator.max_points = data.max_points
            indicator.min_points = data.min_points
        if errors:
            raise ValidationError(errors)
        for gone in existing.values():
            session.delete(gone)


def _scores_outside(
    session: Session, indicator: Indicator, data: IndicatorInput, position: int
) -> list[FieldError]:
    """Errors for scores of ``indicator`` that its new range would no longer hold."""
    query = (
        select(Score.points, School.name)
        .join(School, School.id == Score.school_id)
        .where(Score.indicator_id == indicator.id)
        .where((Score.points < data.min_points) | (Score.points > data.max_points))
        .order_by(School.name)
    )
    label = indicator_label(indicator.group_name, indicator.name)
    return [
        FieldError(
            f"indicators[{position}]",
            f"第 {position + 1} 项指标",
            f"“{label}”改为 {data.min_points:g}～{data.max_points:g} 分后，"
            f"{school}已得的 {points:g} 分超出范围，请先修改该校的得分",
        )
        for points, school in session.execute(query)
    ]


def indicator_rows(db: Database, campaign_id: int) -> list[IndicatorRow]:
    """The campaign's sheet in order (empty when it has none)."""
    with db.session() as session:
        return _indicator_rows(session, campaign_id)


def _indicator_rows(session: Session, campaign_id: int) -> list[IndicatorRow]:
    query = (
        select(Indicator)
        .where(Indicator.campaign_id == campaign_id)
        .order_by(Indicator.position, Indicator.id)
    )
    return [
        IndicatorRow(
            id=i.id,
            group=i.group_name,
            name=i.name,
            max_points=i.max_points,
            min_points=i.min_points,
        )
        for i in session.scalars(query)
    ]


@mutates(Change.SCORES)
def set_score(
    db: Database, indicator_id: int, school_id: int, points: float | None, note: str = ""
) -> None:
    """Give a school its points on one indicator; ``None`` clears them.

    Points must lie within the indicator's range; the school must take part in the campaign.
    """
    with db.session() as session:
        indicator = session.get(Indicator, indicator_id)
        if indicator is None:
            raise refusal("indicator", "指标", "找不到这项指标，评估表可能已被修改")
        school = session.get(School, school_id)
        taking_part = session.get(CampaignSchool, (indicator.campaign_id, school_id))
        if school is None or taking_part is None:
            raise refusal("school", "学校", "这所学校不在本次迎检工作的学校名单中")
        label = indicator_label(indicator.group_name, indicator.name)
        score = session.get(Score, (indicator_id, school_id))
        if points is None:
            if score is not None:
                session.delete(score)
            return
        if not math.isfinite(points):
            raise refusal("points", "得分", f"{school.name}“{label}”的得分必须是数字")
        if not indicator.min_points <= points <= indicator.max_points:
            raise refusal(
                "points",
                "得分",
                f"{school.name}“{label}”的得分 {points:g} 超出范围，"
                f"应在 {indicator.min_points:g}～{indicator.max_points:g} 分之间",
            )
        if score is None:
            score = Score(indicator_id=indicator_id, school_id=school_id)
            session.add(score)
        score.points = points
        score.note = note.strip()


def score_table(db: Database, campaign_id: int) -> ScoreTable:
    """The campaign's sheet and every school taking part, ranked (see the module's rules)."""
    with db.session() as session:
        return score_table_in(session, campaign_id)


def score_table_in(session: Session, campaign_id: int) -> ScoreTable:
    """:func:`score_table` inside an open session."""
    indicators = _indicator_rows(session, campaign_id)
    schools = session.execute(
        select(School.id, School.name)
        .join(CampaignSchool, CampaignSchool.school_id == School.id)
        .where(CampaignSchool.campaign_id == campaign_id)
    ).all()
    given: dict[int, dict[int, float]] = {school_id: {} for school_id, _ in schools}
    scores = session.execute(
        select(Score.school_id, Score.indicator_id, Score.points)
        .join(Indicator, Indicator.id == Score.indicator_id)
        .where(Indicator.campaign_id == campaign_id)
    )
    for school_id, indicator_id, value in scores:
        if school_id in given:
            given[school_id][indicator_id] = value
    groups = group_marks(indicators)
    needed = {i.id for i in indicators if not is_adjustment(i)}
    group_of = {i.id: i.group for i in indicators}
    totals = [
        round(math.fsum(given[s].values()), TOTAL_DIGITS) if given[s] else None for s, _ in schools
    ]
    lines = []
    for (school_id, name), total, rank in zip(
        schools, totals, competition_ranks(totals), strict=True
    ):
        points = given[school_id]
        lines.append(
            SchoolScore(
                school_id=school_id,
                school=name,
                points=points,
                total=total or 0.0,
                group_totals={
                    group: round(
                        math.fsum(p for i, p in points.items() if group_of[i] == group),
                        TOTAL_DIGITS,
                    )
                    for group, _ in groups
                },
                complete=needed <= points.keys(),
                rank=rank,
            )
        )
    lines.sort(key=lambda s: (s.rank is None, s.rank or 0, s.school))
    return ScoreTable(
        indicators=indicators,
        groups=groups,
        full_marks=full_marks(indicators),
        schools=lines,
    )
