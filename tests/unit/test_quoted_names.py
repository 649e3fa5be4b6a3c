"""Several names in one cell (挂牌学校) where a name itself holds a separator: 「…」, “…”, 『…』
or "…" keep it whole; quotation marks inside a name are kept; exports quote exactly the names
that need it, so every list of names reads back as written."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.parsing import NAME_SEPARATORS, join_names, quote_name, split_quoted_names


@pytest.mark.parametrize(
    ("cell", "names"),
    [
        ("甲小学、乙小学", ["甲小学", "乙小学"]),
        ("「城关镇中心小学/分校」、青溪县实验小学", ["城关镇中心小学/分校", "青溪县实验小学"]),
        ("“甲、乙联合学校”，丙小学", ["甲、乙联合学校", "丙小学"]),
        ("『甲,乙学校』；丙小学\n丁小学", ["甲,乙学校", "丙小学", "丁小学"]),
        ('"甲;乙学校" / 丙小学', ["甲;乙学校", "丙小学"]),
        (" 「 甲/乙 」 、 丙 ", ["甲/乙", "丙"]),
        ("青溪县“希望”小学、丁小学", ["青溪县“希望”小学", "丁小学"]),
        ("“希望”小学", ["“希望”小学"]),
        ("「没有合上、乙小学", ["「没有合上", "乙小学"]),
        ("", []),
        (None, []),
    ],
)
def test_quoted_names_are_kept_whole(cell, names):
    assert split_quoted_names(cell) == names


def test_only_names_that_need_it_are_quoted():
    assert quote_name("青溪县实验小学") == "青溪县实验小学"
    assert quote_name("城关镇中心小学/分校") == "「城关镇中心小学/分校」"
    assert quote_name("甲、乙联合学校") == "「甲、乙联合学校」"
    assert quote_name("「甲」小学") == "“「甲」小学”"
    assert quote_name("甲「乙」、丙") == "“甲「乙」、丙”"
    assert join_names(["甲/乙", "丙"]) == "「甲/乙」、丙"


_NAME = st.text(
    alphabet=st.sampled_from([*'甲乙丙小学中“”「」『』" ', *NAME_SEPARATORS]), min_size=1
).map(str.strip)


@given(st.lists(_NAME.filter(bool), max_size=5))
def test_joined_names_split_back_as_they_were(names):
    names = [
        name
        for name in names
        # a name that is nothing but separators and quotes is no school's name
        if any(ch in "甲乙丙小学中" for ch in name)
        and not all(mark in name for mark in ("」", "”", "』"))
        and " " not in name
    ]
    assert split_quoted_names(join_names(names)) == names
