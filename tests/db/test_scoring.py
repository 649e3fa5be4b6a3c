"""Indicator scoring on both engines: setting a campaign's sheet, giving and clearing points,
refusing points out of range, ranking with ties, and replacing the sheet."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from core.archive.scoring import (
    IndicatorInput,
    IndicatorRow,
    indicator_rows,
    score_table,
    set_indicators,
    set_score,
    shipped_sheet,
)
from core.errors import ValidationError
from core.roster.schools import SchoolInput, save_school
from db.engine import Database
from db.models import Campaign, CampaignSchool, School, Score

SCHOOLS = ("城关第一小学", "城关中学", "河西小学", "石门小学")


@pytest.fixture
def campaign(db: Database) -> int:
    """A campaign with four schools, and a fifth school that does not take part."""
    ids = [save_school(db, SchoolInput(name=name)) for name in SCHOOLS]
    save_school(db, SchoolInput(name="外乡小学"))
    with db.session() as session:
        found = Campaign(name="2026年度学校综合督导评估", started_on=date(2026, 9, 1))
        session.add(found)
        session.flush()
        session.add_all(CampaignSchool(campaign_id=found.id, school_id=i) for i in ids)
        return found.id


def ids_of(db: Database, campaign_id: int) -> dict[str, int]:
    return {s.school: s.school_id for s in score_table(db, campaign_id).schools}


def indicator(db: Database, campaign_id: int, name: str) -> IndicatorRow:
    return next(i for i in indicator_rows(db, campaign_id) if i.name == name)


def score_all(db: Database, campaign_id: int, school_id: int, points: dict[str, float]) -> None:
    for row in indicator_rows(db, campaign_id):
        if row.name in points:
            set_score(db, row.id, school_id, points[row.name])


SMALL_SHEET = (
    IndicatorInput("学校管理", "安全管理", 5),
    IndicatorInput("学校管理", "档案管理", 3),
    IndicatorInput("教育教学管理", "课堂教学", 12),
    IndicatorInput("加减分", "加减分", 3, -3),
)


def test_the_shipped_sheet_set_on_a_campaign_is_worth_100(db, campaign):
    set_indicators(db, campaign, shipped_sheet())

    table = score_table(db, campaign)
    assert len(table.indicators) == 24
    assert table.indicators[0].group == "学校管理"
    # Plan 001 篇2: 学校管理 opens with 学校党建; 23 named indicators and the ±3 line.
    assert table.indicators[0].name == "学校党建"
    assert table.groups == [
        ("学校管理", 30),
        ("教育教学管理", 56),
        ("其他重点工作", 14),
        ("加减分", 0),
    ]
    assert table.full_marks == 100
    assert [s.school for s in table.schools] == sorted(SCHOOLS)
    assert all(s.rank is None and s.total == 0 and not s.complete for s in table.schools)


def test_points_are_kept_with_half_points_and_a_note_and_can_be_cleared(db, campaign):
    set_indicators(db, campaign, SMALL_SHEET)
    school = ids_of(db, campaign)["城关中学"]
    safety = indicator(db, campaign, "安全管理")

    set_score(db, safety.id, school, 4.5, note="  消防演练记录不全  ")

    line = next(s for s in score_table(db, campaign).schools if s.school == "城关中学")
    assert line.points == {safety.id: 4.5}
    assert line.total == 4.5
    assert line.group_totals == {"学校管理": 4.5, "教育教学管理": 0, "加减分": 0}
    with db.session() as session:
        assert session.get(Score, (safety.id, school)).note == "消防演练记录不全"

    set_score(db, safety.id, school, None)

    line = next(s for s in score_table(db, campaign).schools if s.school == "城关中学")
    assert line.points == {}
    assert line.rank is None


@pytest.mark.parametrize(
    ("name", "points", "message"),
    [
        ("安全管理", 5.5, "城关中学“学校管理·安全管理”的得分 5.5 超出范围，应在 0～5 分之间"),
        ("安全管理", -0.5, "城关中学“学校管理·安全管理”的得分 -0.5 超出范围，应在 0～5 分之间"),
        ("加减分", -3.5, "城关中学“加减分·加减分”的得分 -3.5 超出范围，应在 -3～3 分之间"),
        ("课堂教学", float("inf"), "城关中学“教育教学管理·课堂教学”的得分必须是数字"),
    ],
)
def test_points_out_of_range_are_refused_naming_indicator_and_school(
    db, campaign, name, points, message
):
    set_indicators(db, campaign, SMALL_SHEET)
    school = ids_of(db, campaign)["城关中学"]
    row = indicator(db, campaign, name)
    set_score(db, row.id, school, 1)

    with pytest.raises(ValidationError) as refused:
        set_score(db, row.id, school, points)

    assert refused.value.messages() == [message]
    line = next(s for s in score_table(db, campaign).schools if s.school == "城关中学")
    assert line.points == {row.id: 1}


def test_the_bounds_themselves_are_accepted(db, campaign):
    set_indicators(db, campaign, SMALL_SHEET)
    school = ids_of(db, campaign)["河西小学"]

    score_all(db, campaign, school, {"安全管理": 5, "档案管理": 0, "课堂教学": 12, "加减分": -3})

    line = next(s for s in score_table(db, campaign).schools if s.school == "河西小学")
    assert line.total == 14
    assert line.group_totals == {"学校管理": 5, "教育教学管理": 12, "加减分": -3}


def test_a_school_outside_the_campaign_cannot_be_scored(db, campaign):
    set_indicators(db, campaign, SMALL_SHEET)
    with db.session() as session:
        outsider = session.scalar(select(School.id).where(School.name == "外乡小学"))

    with pytest.raises(ValidationError) as refused:
        set_score(db, indicator(db, campaign, "安全管理").id, outsider, 3)

    assert refused.value.messages() == ["这所学校不在本次迎检工作的学校名单中"]
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(Score)) == 0


def test_schools_are_ranked_with_shared_ranks_and_unscored_schools_last(db, campaign):
    set_indicators(db, campaign, SMALL_SHEET)
    ids = ids_of(db, campaign)
    every = {"安全管理": 4.5, "档案管理": 3, "课堂教学": 10}
    score_all(db, campaign, ids["河西小学"], every)
    score_all(db, campaign, ids["城关中学"], every | {"安全管理": 5, "加减分": -0.5})
    score_all(db, campaign, ids["城关第一小学"], {"安全管理": 5, "课堂教学": 12})

    table = score_table(db, campaign)

    assert [(s.school, s.total, s.rank, s.complete) for s in table.schools] == [
        ("城关中学", 17.5, 1, True),
        ("河西小学", 17.5, 1, True),
        ("城关第一小学", 17, 3, False),
        ("石门小学", 0, None, False),
    ]
    assert table.full_marks == 20


def test_a_blank_adjustment_line_does_not_make_a_school_incomplete(db, campaign):
    set_indicators(db, campaign, SMALL_SHEET)
    school = ids_of(db, campaign)["石门小学"]

    score_all(db, campaign, school, {"安全管理": 3, "档案管理": 2})
    assert not next(s for s in score_table(db, campaign).schools if s.school_id == school).complete

    score_all(db, campaign, school, {"课堂教学": 9})
    assert next(s for s in score_table(db, campaign).schools if s.school_id == school).complete


def test_replacing_the_sheet_keeps_scores_of_indicators_that_stay(db, campaign):
    set_indicators(db, campaign, SMALL_SHEET)
    school = ids_of(db, campaign)["城关中学"]
    score_all(db, campaign, school, {"安全管理": 4, "档案管理": 2, "课堂教学": 11, "加减分": 1})
    kept = indicator(db, campaign, "课堂教学")

    set_indicators(
        db,
        campaign,
        [
            IndicatorInput("教育教学管理", "课堂教学", 15),
            IndicatorInput("学校管理", "安全管理", 6),
            IndicatorInput("其他重点工作", "双减落实", 3),
        ],
    )

    table = score_table(db, campaign)
    assert [(i.group, i.name, i.max_points) for i in table.indicators] == [
        ("教育教学管理", "课堂教学", 15),
        ("学校管理", "安全管理", 6),
        ("其他重点工作", "双减落实", 3),
    ]
    assert table.indicators[0].id == kept.id
    line = next(s for s in table.schools if s.school == "城关中学")
    assert line.total == 15
    assert line.group_totals == {"教育教学管理": 11, "学校管理": 4, "其他重点工作": 0}
    assert not line.complete
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(Score)) == 2


def test_a_new_range_that_would_strand_a_score_changes_nothing(db, campaign):
    set_indicators(db, campaign, SMALL_SHEET)
    school = ids_of(db, campaign)["城关中学"]
    score_all(db, campaign, school, {"安全管理": 4.5})

    with pytest.raises(ValidationError) as refused:
        set_indicators(db, campaign, [IndicatorInput("学校管理", "安全管理", 4)])

    assert refused.value.messages() == [
        "“学校管理·安全管理”改为 0～4 分后，城关中学已得的 4.5 分超出范围，请先修改该校的得分"
    ]
    assert [i.name for i in indicator_rows(db, campaign)] == [
        "安全管理",
        "档案管理",
        "课堂教学",
        "加减分",
    ]
    assert score_table(db, campaign).schools[0].total == 4.5


def test_a_bad_sheet_is_refused_and_the_old_one_stays(db, campaign):
    set_indicators(db, campaign, SMALL_SHEET)

    with pytest.raises(ValidationError) as refused:
        set_indicators(db, campaign, [IndicatorInput("学校管理", "", 5)])

    assert refused.value.messages() == ["第 1 项指标没有填写指标名称"]
    assert len(indicator_rows(db, campaign)) == 4


def test_clearing_the_sheet_drops_every_score(db, campaign):
    set_indicators(db, campaign, SMALL_SHEET)
    score_all(db, campaign, ids_of(db, campaign)["河西小学"], {"安全管理": 5})

    set_indicators(db, campaign, [])

    table = score_table(db, campaign)
    assert table.indicators == []
    assert table.full_marks == 0
    assert all(s.rank is None for s in table.schools)
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(Score)) == 0


def test_sheets_belong_to_their_campaign(db, campaign):
    with db.session() as session:
        other = Campaign(name="学前教育普及普惠督导评估", started_on=date(2026, 9, 1))
        session.add(other)
        session.flush()
        other_id = other.id
    set_indicators(db, campaign, SMALL_SHEET)
    set_indicators(db, other_id, [IndicatorInput("", "保教质量", 10)])

    assert [i.name for i in indicator_rows(db, other_id)] == ["保教质量"]
    assert score_table(db, other_id).schools == []
    with pytest.raises(ValidationError) as refused:
        set_indicators(db, 999, SMALL_SHEET)
    assert refused.value.messages() == ["找不到这项迎检工作"]
