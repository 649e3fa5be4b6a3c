"""The inspector rules as the plans write them: pre-service training (岗前培训) after the first
appointment, yearly assessment (年度考核) and appointment qualifications (plan 篇9)."""

from __future__ import annotations

from datetime import date

from core.office.policy import PolicyProfile
from core.office.settings import save_settings
from core.overview import compliance
from core.roster.inspectors import InspectorInput, save_inspector
from core.roster.terms import appoint
from core.roster.training import TrainingInput, add_training, training_summary


def _inspector(db, name: str, start: date, **fields) -> int:
    return save_inspector(db, InspectorInput(name=name, **fields), appoint_from=start)


def _course(db, inspector_id: int, day: date, form: str, hours: float) -> None:
    add_training(db, [inspector_id], TrainingInput(day, day, "培训", hours, form))


def test_preservice_training_appointed_in_november_is_still_owed_in_january(db):
    # 新任督学岗前培训不少于15学时: the requirement does not end on 31 December.
    _inspector(db, "陈新", date(2025, 11, 3))
    c = compliance(db, date(2026, 1, 5))
    assert c.missing_preservice == ["陈新"]
    (owed,) = c.preservice
    assert (owed.name, owed.hours, owed.overdue) == ("陈新", 0.0, False)
    assert owed.due == date(2026, 11, 3)
    assert compliance(db, date(2026, 11, 4)).preservice[0].overdue
    assert compliance(db, date(2026, 1, 5)).as_json()["preservice"] == [
        {"name": "陈新", "hours": 0.0, "due": "2026-11-03", "overdue": False}
    ]


def test_preservice_training_is_flagged_until_done_and_then_never_again(db):
    new = _inspector(db, "陈新", date(2025, 11, 3))
    _course(db, new, date(2026, 3, 2), "preservice", 10)
    assert compliance(db, date(2027, 2, 1)).missing_preservice == ["陈新"]
    _course(db, new, date(2027, 2, 10), "preservice", 5)
    assert compliance(db, date(2027, 2, 11)).missing_preservice == []
    assert compliance(db, date(2027, 2, 11)).preservice == []


def test_the_window_and_the_hours_are_the_policy(db):
    _inspector(db, "陈新", date(2025, 11, 3))
    save_settings(
        db,
        office_name="督导室",
        policy=PolicyProfile(preservice_window_months=3, preservice_training_hours=20),
    )
    (owed,) = compliance(db, date(2026, 2, 5)).preservice
    assert (owed.due, owed.overdue) == (date(2026, 2, 3), True)
    (total,) = training_summary(db, date(2026, 2, 5))
    assert (total.preservice_minimum, total.preservice_due) == (20, date(2026, 2, 3))


def test_an_inspector_past_the_first_term_is_no_longer_new(db):
    veteran = _inspector(db, "老督学", date(2020, 9, 1))
    appoint(db, veteran, date(2023, 9, 1))
    assert compliance(db, date(2024, 1, 5)).missing_preservice == []
    assert compliance(db, date(2021, 1, 5)).missing_preservice == ["老督学"]


# --- yearly assessment (年度考核) -------------------------------------------------------------


def test_after_the_year_ends_inspectors_without_its_assessment_are_named(db):
    from core.roster.assessments import YearlyAssessmentInput, save_yearly_assessment

    first = _inspector(db, "甲督学", date(2024, 9, 1))
    _inspector(db, "乙督学", date(2025, 3, 1))
    _inspector(db, "丙督学", date(2026, 1, 2))  # appointed after the year: nothing to assess
    during = compliance(db, date(2025, 12, 20)).assessments
    assert during is not None and during.year == 2024 and during.missing == ["甲督学"]

    after = compliance(db, date(2026, 1, 5)).assessments
    assert after is not None
    assert (after.year, after.due, after.overdue) == (2025, date(2026, 3, 31), False)
    assert sorted(after.missing) == sorted(["甲督学", "乙督学"])
    save_yearly_assessment(
        db,
        first,
        YearlyAssessmentInput(2025, "excellent", date(2026, 1, 20), "县教育督导室"),
        date(2026, 1, 20),
    )
    late = compliance(db, date(2026, 4, 1))
    assert late.assessments is not None
    assert (late.assessments.missing, late.assessments.overdue) == (["乙督学"], True)
    assert late.as_json()["yearly_assessment"] == {
        "year": 2025,
        "due": "2026-03-31",
        "overdue": True,
        "missing": ["乙督学"],
    }


def test_the_deadline_month_is_the_policy(db):
    _inspector(db, "甲督学", date(2024, 9, 1))
    save_settings(db, office_name="督导室", policy=PolicyProfile(yearly_assessment_due_month=1))
    c = compliance(db, date(2026, 2, 1))
    assert c.assessments is not None
    assert (c.assessments.due, c.assessments.overdue) == (date(2026, 1, 31), True)


def test_one_assessment_per_year_and_bad_input_is_refused_by_field(db):
    import pytest

    from core.errors import ValidationError
    from core.roster.assessments import YearlyAssessmentInput, save_yearly_assessment
    from core.roster.inspectors import inspector_detail

    today = date(2026, 2, 1)
    first = _inspector(db, "甲督学", date(2024, 9, 1))
    save_yearly_assessment(db, first, YearlyAssessmentInput(2025, "competent"), today)
    with pytest.raises(ValidationError, match="已有 2025 年度的考核记录"):
        save_yearly_assessment(db, first, YearlyAssessmentInput(2025, "excellent"), today)
    with pytest.raises(ValidationError) as info:
        save_yearly_assessment(
            db, first, YearlyAssessmentInput(2027, "称职", date(2020, 1, 1)), today
        )
    assert {e.field for e in info.value.errors} == {"year", "result", "assessed_on"}
    detail = inspector_detail(db, first, today)
    assert detail is not None
    assert [(a.year, a.result_label) for a in detail.yearly_assessments] == [(2025, "合格")]


# --- qualifications (任职条件, plan 篇9) -------------------------------------------------------


def test_a_known_shortfall_of_qualifications_is_named_by_check(db):
    _inspector(db, "甲督学", date(2024, 9, 1), education="college", experience_years=6)
    _inspector(db, "乙督学", date(2024, 9, 1), education="bachelor", experience_years=12)
    _inspector(db, "丙督学", date(2024, 9, 1))  # not recorded: not a shortfall
    c = compliance(db, date(2025, 1, 5))
    assert c.as_json()["qualifications_below"] == [
        {
            "name": "甲督学",
            "gaps": [
                "学历为大专，任职条件为本科以上学历",
                "教育教学或管理经历 6 年，任职条件为 10 年以上",
            ],
        }
    ]
    save_settings(db, office_name="督导室", policy=PolicyProfile(min_experience_years=5))
    assert [q.gaps for q in compliance(db, date(2025, 1, 5)).qualifications] == [
        ["学历为大专，任职条件为本科以上学历"]
    ]


def test_qualifications_out_of_range_are_refused_by_field(db):
    import pytest

    from core.errors import ValidationError

    with pytest.raises(ValidationError) as info:
        _inspector(db, "甲督学", date(2024, 9, 1), education="博士", experience_years=-1)
    assert {e.field for e in info.value.errors} == {"education", "experience_years"}


def test_qualifications_travel_in_the_roster_sheet(db, tmp_path):
    from openpyxl import Workbook

    from core.roster.inspectors import inspector_rows
    from core.sheets import apply_import, export_sheet, plan_import
    from core.sheets.plan import SheetError

    _inspector(db, "甲督学", date(2024, 9, 1), education="postgraduate", experience_years=15)
    day = date(2025, 1, 5)
    exported = tmp_path / "督学.xlsx"
    export_sheet(db, "inspectors", exported, day)
    again = plan_import(db, "inspectors", exported, day)
    assert (len(again.added), len(again.changed), again.unchanged) == (0, 0, 1)

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["姓名", "专兼职", "最高学历", "教龄"])
    sheet.append(["乙督学", "兼职", "大学本科", "12年"])
    sheet.append(["丙督学", "兼职", "小学", ""])
    path = tmp_path / "新督学.xlsx"
    workbook.save(path)
    try:
        plan_import(db, "inspectors", path, day)
    except SheetError as exc:
        (message,) = exc.messages()
        assert "第 3 行 C 列（最高学历）：“小学”不是可选的值" in message
    else:
        raise AssertionError("a 学历 of 小学 was accepted")

    sheet.delete_rows(3)
    workbook.save(path)
    apply_import(db, plan_import(db, "inspectors", path, day))
    row = next(r for r in inspector_rows(db, day) if r.name == "乙督学")
    assert (row.education, row.experience_years) == ("bachelor", 12)


def test_the_roster_report_shows_education_and_the_latest_yearly_assessment(db, tmp_path):
    from core.reports import write_report
    from core.roster.assessments import YearlyAssessmentInput, save_yearly_assessment
    from tests.db.report_helpers import flat, pages_text

    day = date(2026, 2, 1)
    first = _inspector(db, "甲督学", date(2024, 9, 1), education="bachelor", experience_years=12)
    save_yearly_assessment(db, first, YearlyAssessmentInput(2024, "competent"), day)
    save_yearly_assessment(db, first, YearlyAssessmentInput(2025, "basic"), day)
    path = write_report(db, "roster", tmp_path / "roster.pdf", today=day)
    text = flat("\n".join(pages_text(path)))
    assert "学历" in text and "年度考核" in text
    assert "甲督学" in text and "本科" in text and "2025年度基本合格" in text
    assert "2024年度" not in text


# --- training forms (培训形式) ----------------------------------------------------------------


def test_only_centralized_training_counts_toward_the_yearly_hours_unless_the_office_adds_forms(
    db, tmp_path
):
    # "集中培训累计不少于40学时": 40 hours all online do not meet it by default.
    import pytest

    from core.errors import ValidationError
    from core.reports import write_report
    from core.roster.training import load_counted_forms, save_counted_forms
    from tests.db.report_helpers import flat, pages_text

    day = date(2026, 11, 2)
    online = _inspector(db, "网课督学", date(2024, 9, 1))
    mixed = _inspector(db, "集中督学", date(2024, 9, 1))
    _course(db, online, date(2026, 4, 10), "online", 40)
    _course(db, mixed, date(2026, 7, 13), "centralized", 30)
    _course(db, mixed, date(2026, 4, 10), "online", 12)
    totals = {t.name: t for t in training_summary(db, day)}
    assert (totals["网课督学"].hours, totals["网课督学"].shortfall) == (0.0, 40.0)
    assert totals["网课督学"].by_form == {"online": 40.0}
    assert (totals["集中督学"].hours, totals["集中督学"].by_form) == (
        30.0,
        {"centralized": 30.0, "online": 12.0},
    )
    assert [s.name for s in compliance(db, day).training_shortfall] == sorted(
        ["网课督学", "集中督学"]
    )
    text = flat("\n".join(pages_text(write_report(db, "training", tmp_path / "t.pdf", today=day))))
    assert "（计入集中培训）" in text
    assert "网络培训40（不计入）" in text and "集中培训30" in text

    assert save_counted_forms(db, ["online", "centralized"]) == ("centralized", "online")
    assert load_counted_forms(db) == ("centralized", "online")
    totals = {t.name: t for t in training_summary(db, day)}
    assert (totals["网课督学"].shortfall, totals["集中督学"].hours) == (0.0, 42.0)
    assert compliance(db, day).training_shortfall == []

    with pytest.raises(ValidationError, match="至少要选一种"):
        save_counted_forms(db, [])
    assert load_counted_forms(db) == ("centralized", "online")
