"""Scoring rules that need no database: the shipped 100-point sheet, full marks, the checks of a
sheet and competition ranking (1, 1, 3)."""

from __future__ import annotations

import pytest

from core.archive.scoring import (
    IndicatorInput,
    competition_ranks,
    full_marks,
    group_marks,
    sheet_problems,
    shipped_sheet,
)


def test_the_shipped_sheet_is_worth_100_in_the_three_groups_plus_or_minus_3():
    sheet = shipped_sheet()

    assert sheet_problems(sheet) == []
    assert group_marks(sheet) == [
        ("学校管理", 30),
        ("教育教学管理", 56),
        ("其他重点工作", 14),
        ("加减分", 0),
    ]
    assert full_marks(sheet) == 100
    counts = {g: sum(1 for i in sheet if i.group == g) for g, _ in group_marks(sheet)}
    assert counts == {"学校管理": 10, "教育教学管理": 7, "其他重点工作": 6, "加减分": 1}
    adjustment = sheet[-1]
    assert (adjustment.min_points, adjustment.max_points) == (-3, 3)


def test_full_marks_leave_out_adjustment_lines_and_add_half_points():
    sheet = [
        IndicatorInput("学校管理", "安全管理", 5.5),
        IndicatorInput("学校管理", "档案管理", 2.5),
        IndicatorInput("扣分项", "违规办学", 0, -5),
    ]

    assert full_marks(sheet) == 8
    assert group_marks(sheet) == [("学校管理", 8), ("扣分项", 0)]


@pytest.mark.parametrize(
    ("totals", "ranks"),
    [
        ([90, 95, 90, 80], [2, 1, 2, 4]),
        ([88.5, 88.5, 70], [1, 1, 3]),
        ([None, 60, None], [None, 1, None]),
        ([0.1 + 0.2, 0.3], [1, 1]),
        ([], []),
    ],
)
def test_equal_totals_share_a_rank_and_the_next_rank_skips(totals, ranks):
    assert competition_ranks(totals) == ranks


def test_a_sheet_names_each_bad_indicator_by_row_group_and_name():
    problems = sheet_problems(
        [
            IndicatorInput("学校管理", "安全管理", 5),
            IndicatorInput("学校管理", "  ", 3),
            IndicatorInput("学校管理", "安全管理", 4),
            IndicatorInput("学校管理", "档案管理", 0),
            IndicatorInput("加减分", "加减分", -1, -3),
            IndicatorInput("其他重点工作", "双减落实", float("nan")),
        ]
    )

    assert [(p.label, p.message) for p in problems] == [
        ("第 2 项指标", "第 2 项指标没有填写指标名称"),
        ("第 3 项指标", "第 3 项指标“学校管理·安全管理”与前面的指标重复"),
        (
            "第 4 项指标",
            "第 4 项指标“学校管理·档案管理”的分值范围 0～0 不对：最高分不能低于 0，"
            "最低分不能高于 0，两者不能相同",
        ),
        (
            "第 5 项指标",
            "第 5 项指标“加减分·加减分”的分值范围 -3～-1 不对：最高分不能低于 0，"
            "最低分不能高于 0，两者不能相同",
        ),
        ("第 6 项指标", "第 6 项指标“其他重点工作·双减落实”的分值必须是数字"),
    ]


def test_names_are_tidied_before_duplicates_are_found():
    problems = sheet_problems(
        [IndicatorInput("学校管理", "安全管理", 5), IndicatorInput("学校管理 ", "安全管理　", 5)]
    )

    assert [p.message for p in problems] == ["第 2 项指标“学校管理·安全管理”与前面的指标重复"]
