"""Finding as Chinese users expect: words in any order, pinyin in full or by initials."""

from __future__ import annotations

from core.search.matching import matches, pinyin_order, query_words, search_key, text_matches


def test_initials_full_pinyin_and_characters_find_a_school():
    found_by = ("cgzx", "CGZX", "chengguan", "chengguanzhongxue", "城关中学", "县城关", "ｃｇｚｘ")
    for query in found_by:
        assert text_matches(["青溪县城关中学"], query), query
    for query in ("cgxx", "chengnan", "城关小学", "xiaoxue"):
        assert not text_matches(["青溪县城关中学"], query), query


def test_every_word_must_match_in_any_order_and_any_column():
    key = search_key(["青溪县城关镇中心小学", "城关责任区", "李明"])
    assert matches(key, query_words("城关 小学"))
    assert matches(key, query_words("小学  城关"))
    assert matches(key, query_words("liming 小学"))
    assert not matches(key, query_words("城关 中学"))
    # A word never runs across two columns: 小学 + 城关 ≠ "学城".
    assert not matches(key, query_words("学城"))


def test_a_character_with_several_readings_is_found_by_either():
    assert text_matches(["长沙"], "changsha")
    assert text_matches(["重庆市第3中学"], "chongqing")
    assert text_matches(["重庆市第3中学"], "cqsd3zx")


def test_long_texts_are_found_as_written_only():
    finding = "食堂从业人员健康证过期，留样记录不全，" * 3
    assert text_matches([finding], "健康证")
    assert not text_matches([finding], "jkz")


def test_chinese_names_sort_by_pinyin_not_by_code_point():
    names = ["傅", "唐", "程", "胡"]
    assert sorted(names) == ["傅", "唐", "程", "胡"]
    assert sorted(names, key=pinyin_order) == ["程", "傅", "胡", "唐"]
    schools = ["青溪县阳光幼儿园", "青溪县城关中学", "青溪县白沙小学", "Aston 学校"]
    assert sorted(schools, key=pinyin_order) == [
        "Aston 学校",
        "青溪县白沙小学",
        "青溪县城关中学",
        "青溪县阳光幼儿园",
    ]
    assert pinyin_order("张三") != pinyin_order("章三")
