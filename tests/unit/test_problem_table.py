"""A refused import's problems split into worksheet, row, column and problem for the saved sheet."""

from __future__ import annotations

from core.sheets.problems import problem_table, problems_text


def test_places_are_split_from_the_problem_and_whole_file_problems_keep_their_text():
    messages = [
        "工作表“学校”第 12 行 C 列（在校生数）：“很多”不是整数",
        "工作表“学校”第 3、4、5 等 12 行：学校名称重复",
        "工作表“学校”第 7 行：整行为空以外的合并单元格",
        "“学校.xls”是旧版 Excel 文件，不能直接导入。",
    ]
    assert problem_table(messages) == [
        (1, "学校", "12", "C（在校生数）", "“很多”不是整数"),
        (2, "学校", "3、4、5 等 12", "", "学校名称重复"),
        (3, "学校", "7", "", "整行为空以外的合并单元格"),
        (4, "", "", "", "“学校.xls”是旧版 Excel 文件，不能直接导入。"),
    ]
    text = problems_text("学校导入问题", messages)
    assert text.splitlines()[0] == "学校导入问题（共 4 个问题）"
    assert text.splitlines()[-1] == "4. “学校.xls”是旧版 Excel 文件，不能直接导入。"
