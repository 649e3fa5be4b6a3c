"""The roster's operations on both engines — schools and zones, inspectors and their photos,
terms (appointment, assessment, renewal, ending, general re-appointment), 挂牌 assignments and
recusals, training records — each checked by reading back through a fresh unit of work; a
refused operation names the problem in Chinese and changes nothing."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from core.enums import (
    Assessment,
    Employment,
    InspectorStatus,
    SchoolKind,
    TermEndReason,
    TrainingForm,
)
from core.errors import ValidationError
from core.office.policy import PolicyProfile
from core.office.settings import save_settings
from core.roster.assignments import add_recusal, assign_schools, end_assignments, remove_recusal
from core.roster.inspectors import (
    InspectorInput,
    inspector_detail,
    inspector_rows,
    photo_file,
    save_inspector,
    set_photo,
)
from core.roster.schools import (
    SchoolInput,
    delete_zone,
    save_school,
    save_zone,
    school_rows,
    set_schools_active,
    zone_rows,
)
from core.roster.terms import appoint, batch_renew, end_term, record_assessment, renew
from core.roster.training import (
    TrainingInput,
    add_training,
    delete_training,
    save_counted_forms,
    training_lines,
    training_summary,
    update_training,
)
from db.engine import Database
from db.models import Appointment, Assignment, Inspector, Recusal, School, TrainingRecord, Zone
from db.paths import data_dir

TODAY = date(2026, 11, 2)
DAY = timedelta(days=1)
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"


# --- helpers: every read is a fresh unit of work ------------------------------------------


def add_school(db: Database, name: str, zone: str = "", enrolment: int = 500, **fields) -> int:
    return save_school(db, SchoolInput(name=name, zone=zone, enrolment=enrolment, **fields))


def add_inspector(db: Database, name: str, start: date | None = date(2024, 9, 1), **fields) -> int:
    return save_inspector(db, InspectorInput(name=name, **fields), appoint_from=start)


def serve_terms(db: Database, name: str, *starts: date) -> int:
    """An inspector appointed for one term from each of ``starts``."""
    inspector_id = save_inspector(db, InspectorInput(name=name))
    for start in starts:
        appoint(db, inspector_id, start)
    return inspector_id


def count(db: Database, model) -> int:
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(model))


def terms_of(db: Database, inspector_id: int) -> list[tuple]:
    with db.session() as session:
        return [
            (a.start_date, a.end_date, a.ended_on, a.end_reason, a.assessment)
            for a in session.scalars(
                select(Appointment)
                .where(Appointment.inspector_id == inspector_id)
                .order_by(Appointment.start_date)
            )
        ]


def coverage(db: Database, school_id: int) -> list[tuple[str, date, date | None]]:
    with db.session() as session:
        return [
            tuple(row)
            for row in session.execute(
                select(Inspector.name, Assignment.start_date, Assignment.end_date)
                .join(Inspector, Inspector.id == Assignment.inspector_id)
                .where(Assignment.school_id == school_id)
                .order_by(Assignment.start_date)
            )
        ]


def roster(db: Database, today: date = TODAY) -> dict:
    return {row.name: row for row in inspector_rows(db, today)}


def schools_by_name(db: Database, today: date = TODAY) -> dict:
    return {row.name: row for row in school_rows(db, today)}


def refusal(exc: pytest.ExceptionInfo[ValidationError]) -> str:
    return "；".join(exc.value.messages())


# --- schools -------------------------------------------------------------------------------


def test_a_new_school_is_stored_with_tidied_fields(db):
    save_zone(db, "城关责任区")
    school_id = add_school(
        db,
        " 青溪县实验小学（东校区） ",
        zone="城关责任区",
        enrolment=3260,
        kind=SchoolKind.PRIMARY.value,
        is_private=False,
        principal="王建国",
        principal_term_end=date(2027, 8, 31),
        phone="（0738）6123456",
        address="青溪县城关镇　解放路１号",
    )
    with db.session() as session:
        school = session.get(School, school_id)
        stored = (
            school.name,
            school.kind,
            school.is_private,
            school.enrolment,
            school.principal,
            school.principal_term_end,
            school.phone,
            school.address,
            school.zone.name,
            school.active,
        )
    assert stored == (
        "青溪县实验小学（东校区）",
        "primary",
        False,
        3260,
        "王建国",
        date(2027, 8, 31),
        "0738-6123456",
        "青溪县城关镇 解放路1号",
        "城关责任区",
        True,
    )
    (row,) = school_rows(db, TODAY)
    assert (row.id, row.zone, row.inspector, row.inspector_since) == (
        school_id,
        "城关责任区",
        "",
        None,
    )
    assert row.kind_label == "小学"


def test_editing_a_school_changes_it_in_place(db):
    save_zone(db, "城关责任区")
    school_id = add_school(db, "青溪县城关一小", zone="城关责任区", enrolment=1800)
    again = save_school(
        db,
        SchoolInput(name="青溪县城关第一小学", kind="junior", enrolment=1900, is_private=True),
        school_id=school_id,
    )
    assert again == school_id
    assert count(db, School) == 1
    with db.session() as session:
        school = session.get(School, school_id)
        assert (school.name, school.kind, school.enrolment, school.is_private) == (
            "青溪县城关第一小学",
            "junior",
            1900,
            True,
        )
        assert school.zone_id is None
    save_school(db, SchoolInput(name="青溪县城关第一小学", enrolment=2000), school_id=school_id)
    assert schools_by_name(db)["青溪县城关第一小学"].enrolment == 2000
    with pytest.raises(ValidationError, match="找不到这所学校"):
        save_school(db, SchoolInput(name="不存在的学校"), school_id=school_id + 100)


def test_a_second_school_with_the_same_name_is_refused(db):
    first = add_school(db, "龙泉镇第1小学", enrolment=600)
    other = add_school(db, "龙泉镇中心小学", enrolment=900)
    for typed in ("龙泉镇第1小学", " 龙泉镇第１小学 "):
        with pytest.raises(ValidationError) as info:
            add_school(db, typed, enrolment=100)
        (error,) = info.value.errors
        assert (error.field, error.label) == ("name", "学校名称")
        assert "龙泉镇第1小学" in error.message
    with pytest.raises(ValidationError):
        save_school(db, SchoolInput(name="龙泉镇第1小学"), school_id=other)
    assert count(db, School) == 2
    rows = schools_by_name(db)
    assert (rows["龙泉镇第1小学"].id, rows["龙泉镇第1小学"].enrolment) == (first, 600)
    assert (rows["龙泉镇中心小学"].id, rows["龙泉镇中心小学"].enrolment) == (other, 900)


def test_an_unknown_zone_is_refused_and_nothing_is_saved(db):
    with pytest.raises(ValidationError) as info:
        add_school(db, "白沙镇中心小学", zone="白沙片责任区")
    (error,) = info.value.errors
    assert error.field == "zone"
    assert "白沙片责任区" in error.message
    assert count(db, School) == 0

    school_id = add_school(db, "白沙镇中心小学", enrolment=800)
    with pytest.raises(ValidationError):
        save_school(
            db,
            SchoolInput(name="白沙镇中心小学（新）", enrolment=1, zone="白沙片责任区"),
            school_id=school_id,
        )
    assert [(r.name, r.enrolment, r.zone) for r in school_rows(db, TODAY)] == [
        ("白沙镇中心小学", 800, "")
    ]


def test_a_bad_phone_is_refused_naming_the_field(sqlite_db):
    with pytest.raises(ValidationError) as info:
        add_school(sqlite_db, "石桥乡中心小学", phone="12345")
    (error,) = info.value.errors
    assert error.field == "phone"
    assert "联系电话" in error.message and "12345" in error.message
    assert count(sqlite_db, School) == 0


def test_a_negative_enrolment_is_refused(sqlite_db):
    with pytest.raises(ValidationError) as info:
        add_school(sqlite_db, "石桥乡中心小学", enrolment=-1)
    (error,) = info.value.errors
    assert error.field == "enrolment"
    assert "在校生数" in error.message
    assert count(sqlite_db, School) == 0


def test_every_problem_of_a_school_is_listed_at_once(sqlite_db):
    with pytest.raises(ValidationError) as info:
        save_school(sqlite_db, SchoolInput(name="  ", kind="university", enrolment=-5, phone="x"))
    assert {e.field for e in info.value.errors} == {"name", "kind", "enrolment", "phone"}
    assert all(e.label in e.message for e in info.value.errors)
    assert count(sqlite_db, School) == 0


def test_deactivating_a_school_ends_its_assignment_that_day_and_keeps_the_history(db):
    closing = add_school(db, "柳河镇李家教学点", kind="teaching_point", enrolment=20)
    staying = add_school(db, "柳河镇中心小学", enrolment=900)
    inspector = add_inspector(db, "周芳")
    assign_schools(db, inspector, [closing, staying], date(2024, 9, 1))

    # Closed from TODAY: its 挂牌 ends the day before (core.roster.schools.set_schools_active).
    assert set_schools_active(db, [closing], False, TODAY) == 1
    assert coverage(db, closing) == [("周芳", date(2024, 9, 1), TODAY - DAY)]
    assert coverage(db, staying) == [("周芳", date(2024, 9, 1), None)]
    assert schools_by_name(db, TODAY - DAY)["柳河镇李家教学点"].inspector == "周芳"
    rows = schools_by_name(db, TODAY)
    assert rows["柳河镇李家教学点"].active is False
    assert rows["柳河镇李家教学点"].inspector == ""
    assert rows["柳河镇中心小学"].inspector == "周芳"
    assert roster(db)["周芳"].schools == 1

    assert set_schools_active(db, [closing], True, TODAY + 5 * DAY) == 1
    rows = schools_by_name(db, TODAY + 5 * DAY)
    assert rows["柳河镇李家教学点"].active is True
    assert rows["柳河镇李家教学点"].inspector == ""
    assert coverage(db, closing) == [("周芳", date(2024, 9, 1), TODAY - DAY)]
    assign_schools(db, inspector, [closing], TODAY + 5 * DAY)
    assert coverage(db, closing) == [
        ("周芳", date(2024, 9, 1), TODAY - DAY),
        ("周芳", TODAY + 5 * DAY, None),
    ]


# --- zones ---------------------------------------------------------------------------------


def test_zones_are_added_in_order_renamed_and_refused_when_named_twice(db):
    city = save_zone(db, "城关责任区")
    town = save_zone(db, " 龙泉片责任区 ", note="龙泉镇、青山镇")
    add_school(db, "龙泉镇中心小学", zone="龙泉片责任区")
    assert [(z.id, z.name, z.note, z.schools) for z in zone_rows(db)] == [
        (city, "城关责任区", "", 0),
        (town, "龙泉片责任区", "龙泉镇、青山镇", 1),
    ]

    assert save_zone(db, "龙泉片区", zone_id=town, note="两镇") == town
    assert schools_by_name(db)["龙泉镇中心小学"].zone == "龙泉片区"
    assert save_zone(db, "龙泉片区", zone_id=town, note="两镇") == town

    for name, zone_id in (("城关责任区", None), ("城关责任区", town), ("龙泉片区", city)):
        with pytest.raises(ValidationError) as info:
            save_zone(db, name, zone_id=zone_id)
        assert name in refusal(info)
    with pytest.raises(ValidationError, match="不能为空"):
        save_zone(db, "　")
    assert [(z.name, z.note) for z in zone_rows(db)] == [("城关责任区", ""), ("龙泉片区", "两镇")]

    save_zone(db, "龙泉青山片区", zone_id=town)  # the zones dialog renames without a note
    assert [(z.name, z.note) for z in zone_rows(db)][1] == ("龙泉青山片区", "两镇")


def test_a_zone_that_holds_schools_cannot_be_deleted_and_an_empty_one_can(db):
    full = save_zone(db, "白沙片责任区")
    empty = save_zone(db, "备用责任区")
    add_school(db, "白沙镇中心小学", zone="白沙片责任区")
    closed = add_school(db, "白沙镇王庄教学点", zone="白沙片责任区")
    set_schools_active(db, [closed], False, TODAY)

    with pytest.raises(ValidationError) as info:
        delete_zone(db, full)
    assert "白沙片责任区" in refusal(info) and "2 所学校" in refusal(info)
    assert count(db, Zone) == 2

    delete_zone(db, empty)
    assert [z.name for z in zone_rows(db)] == ["白沙片责任区"]

    for name in ("白沙镇中心小学", "白沙镇王庄教学点"):
        row = schools_by_name(db)[name]
        save_school(db, SchoolInput(name=name, kind=row.kind), school_id=row.id)
    delete_zone(db, full)
    assert count(db, Zone) == 0
    assert {r.zone for r in school_rows(db, TODAY)} == {""}
    assert count(db, School) == 2


def test_zone_rows_count_active_schools_against_the_setting(sqlite_db):
    save_settings(sqlite_db, office_name="督导室", policy=PolicyProfile(zone_school_warning=2))
    save_zone(sqlite_db, "城关责任区")
    ids = [add_school(sqlite_db, f"城关第{n}小学", zone="城关责任区") for n in (1, 2, 3)]
    (zone,) = zone_rows(sqlite_db)
    assert (zone.schools, zone.over_limit) == (3, True)
    set_schools_active(sqlite_db, ids[:1], False, TODAY)
    (zone,) = zone_rows(sqlite_db)
    assert (zone.schools, zone.over_limit) == (2, False)


# --- inspectors ----------------------------------------------------------------------------


def test_an_inspector_is_saved_with_a_first_term(db):
    inspector_id = save_inspector(
        db,
        InspectorInput(
            name=" 李丽 ",
            gender="F",
            employment=Employment.FULL_TIME.value,
            unit="青溪县教育和体育局",
            post="督导室专职督学",
            phone="+86 139 0738 1234",
            certificate_no="ＱＸ２０２４００１",
            notes=" 曾任城关中学校长 ",
        ),
        appoint_from=date(2024, 9, 1),
    )
    with db.session() as session:
        inspector = session.get(Inspector, inspector_id)
        stored = (
            inspector.name,
            inspector.gender,
            inspector.employment,
            inspector.unit,
            inspector.post,
            inspector.phone,
            inspector.certificate_no,
            inspector.notes,
            inspector.photo_path,
        )
    assert stored == (
        "李丽",
        "F",
        "full_time",
        "青溪县教育和体育局",
        "督导室专职督学",
        "13907381234",
        "QX2024001",
        "曾任城关中学校长",
        "",
    )
    assert terms_of(db, inspector_id) == [(date(2024, 9, 1), date(2027, 8, 31), None, None, None)]
    row = roster(db)["李丽"]
    assert row.status is InspectorStatus.SERVING and row.serving
    assert (row.term_start, row.term_end, row.consecutive_terms, row.schools) == (
        date(2024, 9, 1),
        date(2027, 8, 31),
        1,
        0,
    )

    again = save_inspector(
        db, InspectorInput(name="李丽", employment="part_time"), inspector_id=inspector_id
    )
    assert again == inspector_id
    assert count(db, Inspector) == 1
    assert len(terms_of(db, inspector_id)) == 1
    assert roster(db)["李丽"].employment == "part_time"


def test_an_inspector_without_a_first_term_is_not_appointed(sqlite_db):
    inspector_id = save_inspector(sqlite_db, InspectorInput(name="林涛"))
    assert terms_of(sqlite_db, inspector_id) == []
    row = roster(sqlite_db)["林涛"]
    assert row.status.label == "未任命"
    assert (row.term_start, row.term_end, row.consecutive_terms) == (None, None, 0)


def test_two_inspectors_with_the_same_name_are_refused(db):
    first = add_inspector(db, "王军")
    with pytest.raises(ValidationError) as info:
        add_inspector(db, " 王军 ", start=date(2025, 9, 1))
    (error,) = info.value.errors
    assert error.field == "name"
    assert "王军" in error.message and "同名" in error.message
    assert count(db, Inspector) == 1
    assert count(db, Appointment) == 1

    second = add_inspector(db, "王军（城关）")
    with pytest.raises(ValidationError):
        save_inspector(db, InspectorInput(name="王军"), inspector_id=second)
    assert save_inspector(db, InspectorInput(name="王军", unit="教研室"), inspector_id=first)
    assert sorted(roster(db)) == ["王军", "王军（城关）"]


def test_every_problem_of_an_inspector_is_listed_at_once(sqlite_db):
    with pytest.raises(ValidationError) as info:
        save_inspector(
            sqlite_db, InspectorInput(name="", gender="X", employment="volunteer", phone="123")
        )
    assert {e.field for e in info.value.errors} == {"name", "gender", "employment", "phone"}
    assert count(sqlite_db, Inspector) == 0


def test_a_photo_is_copied_into_the_data_folder(sqlite_db, data_home, tmp_path):
    inspector_id = add_inspector(sqlite_db, "赵明")
    source = tmp_path / "证件照.png"
    source.write_bytes(PNG)

    relative = set_photo(sqlite_db, inspector_id, source)

    assert data_dir() == data_home
    stored = data_home / relative
    assert not Path(relative).is_absolute() and "\\" not in relative
    assert stored.parent == data_home / "photos"
    assert stored.suffix == ".png"
    assert stored.read_bytes() == PNG
    source.unlink()
    assert photo_file(relative) == stored
    with sqlite_db.session() as session:
        assert session.get(Inspector, inspector_id).photo_path == relative
    assert roster(sqlite_db)["赵明"].photo_path == relative

    jpeg = tmp_path / "photo.PNG"
    jpeg.write_bytes(JPEG)
    second = set_photo(sqlite_db, inspector_id, jpeg)
    assert second.endswith(".jpg") and (data_home / second).read_bytes() == JPEG
    assert roster(sqlite_db)["赵明"].photo_path == second


def test_a_file_that_is_not_an_image_is_refused(sqlite_db, data_home, tmp_path):
    inspector_id = add_inspector(sqlite_db, "赵明")
    text = tmp_path / "简历.png"
    text.write_text("这不是照片", encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        set_photo(sqlite_db, inspector_id, text)
    assert "简历.png" in refusal(info)
    with pytest.raises(ValidationError, match="无法读取"):
        set_photo(sqlite_db, inspector_id, tmp_path / "missing.png")
    image = tmp_path / "ok.png"
    image.write_bytes(PNG)
    with pytest.raises(ValidationError, match="找不到这名督学"):
        set_photo(sqlite_db, inspector_id + 100, image)
    assert roster(sqlite_db)["赵明"].photo_path == ""
    photos = data_home / "photos"
    assert not photos.exists() or not any(photos.iterdir())
    assert photo_file("") is None
    assert photo_file("photos/gone.png") is None


# --- terms ---------------------------------------------------------------------------------


def test_appoint_returns_the_last_day_and_refuses_an_overlapping_term(db):
    inspector_id = save_inspector(db, InspectorInput(name="张明"))
    assert appoint(db, inspector_id, date(2024, 9, 1)) == date(2027, 8, 31)
    for start in (date(2026, 1, 1), date(2027, 8, 31), date(2021, 9, 2), date(2024, 9, 1)):
        with pytest.raises(ValidationError) as info:
            appoint(db, inspector_id, start)
        assert "张明" in refusal(info) and "重叠" in refusal(info)
    assert terms_of(db, inspector_id) == [(date(2024, 9, 1), date(2027, 8, 31), None, None, None)]

    assert appoint(db, inspector_id, date(2027, 9, 1)) == date(2030, 8, 31)
    assert appoint(db, inspector_id, date(2021, 9, 1)) == date(2024, 8, 31)
    assert [t[:2] for t in terms_of(db, inspector_id)] == [
        (date(2021, 9, 1), date(2024, 8, 31)),
        (date(2024, 9, 1), date(2027, 8, 31)),
        (date(2027, 9, 1), date(2030, 8, 31)),
    ]
    with pytest.raises(ValidationError, match="找不到这名督学"):
        appoint(db, inspector_id + 100, date(2024, 9, 1))


def test_the_term_length_comes_from_the_stored_policy(sqlite_db):
    save_settings(sqlite_db, office_name="督导室", policy=PolicyProfile(term_years=5))
    inspector_id = save_inspector(
        sqlite_db, InspectorInput(name="张明"), appoint_from=date(2024, 9, 1)
    )
    assert terms_of(sqlite_db, inspector_id)[0][:2] == (date(2024, 9, 1), date(2029, 8, 31))


def test_the_assessment_is_recorded_on_the_latest_term(sqlite_db):
    inspector_id = serve_terms(sqlite_db, "张明", date(2021, 9, 1), date(2024, 9, 1))
    record_assessment(sqlite_db, inspector_id, Assessment.COMPETENT)
    assert [t[4] for t in terms_of(sqlite_db, inspector_id)] == [None, "competent"]
    record_assessment(sqlite_db, inspector_id, Assessment.EXCELLENT)
    assert [t[4] for t in terms_of(sqlite_db, inspector_id)] == [None, "excellent"]

    never = save_inspector(sqlite_db, InspectorInput(name="林涛"))
    with pytest.raises(ValidationError, match="尚未任命"):
        record_assessment(sqlite_db, never, Assessment.COMPETENT)


def test_renewal_after_a_competent_assessment_adds_the_next_term(db):
    inspector_id = add_inspector(db, "吴军", start=date(2023, 9, 1))
    record_assessment(db, inspector_id, Assessment.COMPETENT)
    assert renew(db, inspector_id) == date(2029, 8, 31)
    assert terms_of(db, inspector_id) == [
        (date(2023, 9, 1), date(2026, 8, 31), None, None, "competent"),
        (date(2026, 9, 1), date(2029, 8, 31), None, None, None),
    ]
    row = roster(db)["吴军"]
    assert (row.status, row.term_start, row.term_end, row.consecutive_terms) == (
        InspectorStatus.SERVING,
        date(2026, 9, 1),
        date(2029, 8, 31),
        2,
    )


def test_renewal_from_an_earlier_day_closes_the_current_term_the_day_before(sqlite_db):
    inspector_id = add_inspector(sqlite_db, "吴军", start=date(2023, 9, 1))
    last = renew(sqlite_db, inspector_id, date(2026, 7, 1), Assessment.EXCELLENT)
    assert last == date(2029, 6, 30)
    assert terms_of(sqlite_db, inspector_id) == [
        (date(2023, 9, 1), date(2026, 8, 31), date(2026, 6, 30), "expired", "excellent"),
        (date(2026, 7, 1), date(2029, 6, 30), None, None, None),
    ]
    record_assessment(sqlite_db, inspector_id, Assessment.COMPETENT)
    with pytest.raises(ValidationError, match="新任期应在本届任期开始之后"):
        renew(sqlite_db, inspector_id, date(2026, 7, 1))
    assert len(terms_of(sqlite_db, inspector_id)) == 2


def test_renewal_after_an_incompetent_or_missing_assessment_is_refused(sqlite_db):
    inspector_id = add_inspector(sqlite_db, "吴军", start=date(2023, 9, 1))
    with pytest.raises(ValidationError) as info:
        renew(sqlite_db, inspector_id)
    assert "吴军" in refusal(info) and "尚未考核" in refusal(info)
    with pytest.raises(ValidationError) as info:
        renew(sqlite_db, inspector_id, assessment=Assessment.INCOMPETENT)
    assert "吴军" in refusal(info) and "不称职" in refusal(info)
    with sqlite_db.session() as session:
        kept = session.get(Inspector, inspector_id).appointments[0].assessment
    assert kept == "incompetent", "the refused renewal keeps the assessment on record"
    with pytest.raises(ValidationError, match="不称职"):
        renew(sqlite_db, inspector_id)
    assert [t[:4] for t in terms_of(sqlite_db, inspector_id)] == [
        (date(2023, 9, 1), date(2026, 8, 31), None, None)
    ]


def test_renewal_beyond_the_maximum_of_consecutive_terms_is_refused_with_the_reason(db):
    inspector_id = serve_terms(db, "孙伟", date(2017, 9, 1), date(2020, 9, 1), date(2023, 9, 1))
    record_assessment(db, inspector_id, Assessment.COMPETENT)
    before = terms_of(db, inspector_id)
    with pytest.raises(ValidationError) as info:
        renew(db, inspector_id)
    assert "孙伟" in refusal(info) and "已连续任职 3 届" in refusal(info)
    assert terms_of(db, inspector_id) == before

    save_settings(db, office_name="督导室", policy=PolicyProfile(max_consecutive_terms=4))
    assert renew(db, inspector_id) == date(2029, 8, 31)
    assert len(terms_of(db, inspector_id)) == 4


def test_ending_a_term_records_the_reason_and_ends_the_assignments(db):
    inspector_id = add_inspector(db, "陈静")
    names = ["马坪镇中心小学", "马坪镇初级中学", "马坪镇中心幼儿园", "马坪镇李家小学"]
    ids = [add_school(db, name) for name in names]
    assign_schools(db, inspector_id, ids, date(2024, 9, 1))
    end_assignments(db, ids[3:], date(2025, 6, 30))

    left = end_term(db, inspector_id, TODAY, TermEndReason.DISMISSED, note="任期考核不称职")

    assert left == sorted(names[:3])
    assert terms_of(db, inspector_id) == [
        (date(2024, 9, 1), date(2027, 8, 31), TODAY, "dismissed", None)
    ]
    with db.session() as session:
        assert "任期考核不称职" in session.get(Inspector, inspector_id).appointments[0].notes
    for school_id in ids[:3]:
        assert coverage(db, school_id) == [("陈静", date(2024, 9, 1), TODAY)]
    assert coverage(db, ids[3]) == [("陈静", date(2024, 9, 1), date(2025, 6, 30))]
    assert roster(db, TODAY)["陈静"].status.label == "在任"
    after = roster(db, TODAY + DAY)["陈静"]
    assert (after.status.label, after.term_end, after.schools) == ("解聘", TODAY, 0)
    assert {r.inspector for r in school_rows(db, TODAY + DAY)} == {""}

    with pytest.raises(ValidationError, match="没有可结束的任期"):
        end_term(db, inspector_id, TODAY + DAY, TermEndReason.RESIGNED)


def test_a_resignation_leaves_the_roster_and_cannot_predate_the_term(sqlite_db):
    inspector_id = add_inspector(sqlite_db, "何平")
    with pytest.raises(ValidationError, match="不能早于任期开始日期"):
        end_term(sqlite_db, inspector_id, date(2024, 8, 31), TermEndReason.RESIGNED)
    assert terms_of(sqlite_db, inspector_id)[0][2:4] == (None, None)
    assert end_term(sqlite_db, inspector_id, date(2025, 12, 31), TermEndReason.RESIGNED) == []
    assert roster(sqlite_db, date(2026, 1, 1))["何平"].status.label == "离任"
    never = save_inspector(sqlite_db, InspectorInput(name="林涛"))
    with pytest.raises(ValidationError):
        end_term(sqlite_db, never, TODAY, TermEndReason.EXPIRED)


def test_a_dismissal_also_ends_a_term_already_renewed_to_follow(sqlite_db):
    inspector_id = add_inspector(sqlite_db, "陈静", start=date(2024, 1, 15))
    record_assessment(sqlite_db, inspector_id, Assessment.COMPETENT)
    assert renew(sqlite_db, inspector_id) == date(2030, 1, 14)
    end_term(sqlite_db, inspector_id, TODAY, TermEndReason.DISMISSED)
    assert roster(sqlite_db, TODAY + DAY)["陈静"].status.label == "解聘"
    # 解聘 ends the service: the renewed term from 2027-01-15 must not bring the inspector back.
    assert roster(sqlite_db, date(2027, 2, 1))["陈静"].status.label == "解聘"


def test_ending_a_term_leaves_no_planned_assignment_after_the_last_day(sqlite_db):
    inspector_id = add_inspector(sqlite_db, "陈静")
    school = add_school(sqlite_db, "花桥乡初级中学")
    planned = TODAY + timedelta(days=10)
    assign_schools(sqlite_db, inspector_id, [school], planned)
    end_term(sqlite_db, inspector_id, TODAY, TermEndReason.DISMISSED)
    # The inspector is out of office from TODAY + 1: the 挂牌 planned from ``planned`` must not
    # make them responsible for the school on that day.
    assert schools_by_name(sqlite_db, planned)["花桥乡初级中学"].inspector == ""


def test_a_general_reappointment_renews_some_and_lists_the_others_with_their_reasons(db):
    start = date(2026, 9, 1)
    good = add_inspector(db, "王建国", start=date(2023, 9, 1))
    record_assessment(db, good, Assessment.COMPETENT)
    unassessed = add_inspector(db, "李丽", start=date(2023, 9, 1))
    failed = add_inspector(db, "赵明", start=date(2023, 9, 1))
    veteran = serve_terms(db, "周芳", date(2017, 9, 1), date(2020, 9, 1), date(2023, 9, 1))
    record_assessment(db, veteran, Assessment.EXCELLENT)
    excellent = add_inspector(db, "吴军", start=date(2023, 9, 1))
    dismissed = add_inspector(db, "孙伟", start=date(2023, 9, 1))
    end_term(db, dismissed, date(2025, 1, 10), TermEndReason.DISMISSED)
    refused_ids = (unassessed, failed, veteran, dismissed)
    before = {i: [t[:4] for t in terms_of(db, i)] for i in refused_ids}

    result = batch_renew(
        db,
        [good, unassessed, failed, veteran, excellent, dismissed],
        start,
        {failed: Assessment.INCOMPETENT, excellent: Assessment.EXCELLENT},
    )

    assert result.renewed == ["王建国", "吴军"]
    reasons = dict(result.refused)
    assert list(reasons) == ["李丽", "赵明", "周芳", "孙伟"]
    assert "尚未考核" in reasons["李丽"]
    assert "不称职" in reasons["赵明"]
    assert "已连续任职 3 届" in reasons["周芳"]
    assert "解聘" in reasons["孙伟"]
    assert all(reason.startswith(name) for name, reason in result.refused)
    for renewed in (good, excellent):
        terms = terms_of(db, renewed)
        assert terms[-1] == (start, date(2029, 8, 31), None, None, None)
        assert terms[0][:4] == (date(2023, 9, 1), date(2026, 8, 31), None, None)
    assert terms_of(db, excellent)[0][4] == "excellent"
    for inspector_id in refused_ids:
        assert [t[:4] for t in terms_of(db, inspector_id)] == before[inspector_id]


# --- assignments and recusals -----------------------------------------------------------


def test_assigning_five_schools_and_reading_them_back(db):
    save_zone(db, "青山片责任区")
    inspector_id = add_inspector(db, "王建国")
    names = [f"青山镇{v}小学" for v in ("李家", "王庄", "张湾", "刘坪", "陈岭")]
    ids = [add_school(db, name, zone="青山片责任区") for name in names]

    result = assign_schools(db, inspector_id, ids, date(2025, 9, 1))

    assert result.assigned == sorted(names)
    assert (result.moved, result.unchanged) == ([], [])
    rows = school_rows(db, TODAY)
    assert [r.name for r in rows] == sorted(names)
    assert {(r.inspector, r.inspector_since, r.zone) for r in rows} == {
        ("王建国", date(2025, 9, 1), "青山片责任区")
    }
    assert {r.inspector for r in school_rows(db, date(2025, 8, 31))} == {""}
    assert roster(db)["王建国"].schools == 5

    again = assign_schools(db, inspector_id, ids, TODAY)
    assert again.unchanged == sorted(names)
    assert again.assigned == again.moved == []
    assert count(db, Assignment) == 5


def test_moving_a_school_to_another_inspector_leaves_a_dated_history(db):
    first = add_inspector(db, "王建国")
    second = add_inspector(db, "李丽")
    school = add_school(db, "青山镇中心小学")
    other = add_school(db, "青山镇初级中学")
    assign_schools(db, first, [school, other], date(2024, 9, 1))

    result = assign_schools(db, second, [school], TODAY)

    assert result.moved == [("青山镇中心小学", "王建国")]
    assert result.assigned == result.unchanged == []
    assert coverage(db, school) == [
        ("王建国", date(2024, 9, 1), TODAY - DAY),
        ("李丽", TODAY, None),
    ]
    assert coverage(db, other) == [("王建国", date(2024, 9, 1), None)]
    assert schools_by_name(db, TODAY - DAY)["青山镇中心小学"].inspector == "王建国"
    moved = schools_by_name(db, TODAY)["青山镇中心小学"]
    assert (moved.inspector, moved.inspector_since) == ("李丽", TODAY)
    rows = roster(db)
    assert (rows["王建国"].schools, rows["李丽"].schools) == (1, 1)
    history = inspector_detail(db, first, TODAY).coverage
    assert [(c.school, c.inspector, c.start_date, c.end_date) for c in history] == [
        ("青山镇中心小学", "王建国", date(2024, 9, 1), TODAY - DAY),
        ("青山镇初级中学", "王建国", date(2024, 9, 1), None),
    ]


def test_a_school_never_has_two_responsible_inspectors_on_the_same_day(sqlite_db):
    planner = add_inspector(sqlite_db, "王建国")
    other = add_inspector(sqlite_db, "李丽")
    school = add_school(sqlite_db, "花桥乡中心小学")
    later = TODAY + timedelta(days=30)
    assign_schools(sqlite_db, planner, [school], later)
    assign_schools(sqlite_db, other, [school], TODAY)
    history = coverage(sqlite_db, school)
    for day in (TODAY, later, later + timedelta(days=200)):
        covering = [c for c in history if c[1] <= day and (c[2] is None or c[2] >= day)]
        assert len(covering) == 1, (day, history)


def test_a_recused_school_is_refused_and_nothing_is_assigned(db):
    inspector_id = add_inspector(db, "赵明")
    recused = add_school(db, "青溪县实验小学", enrolment=3260)
    fine = add_school(db, "青溪县城关中学")
    add_recusal(db, inspector_id, recused, "曾任该校校长", date(2024, 9, 1))
    with pytest.raises(ValidationError) as info:
        assign_schools(db, inspector_id, [fine, recused], TODAY)
    message = refusal(info)
    assert "赵明" in message and "青溪县实验小学" in message and "曾任该校校长" in message
    assert "回避" in message
    assert count(db, Assignment) == 0


@pytest.mark.parametrize(
    ("starts", "ended"),
    [
        ((date(2027, 9, 1),), None),
        ((date(2020, 9, 1),), None),
        ((), None),
        ((date(2024, 9, 1),), date(2025, 3, 31)),
    ],
    ids=["pending", "expired", "never-appointed", "dismissed"],
)
def test_an_inspector_not_in_office_cannot_be_assigned(sqlite_db, starts, ended):
    inspector_id = serve_terms(sqlite_db, "郑强", *starts)
    if ended:
        end_term(sqlite_db, inspector_id, ended, TermEndReason.DISMISSED)
    school = add_school(sqlite_db, "桃源乡中心小学")
    with pytest.raises(ValidationError) as info:
        assign_schools(sqlite_db, inspector_id, [school], TODAY)
    assert "郑强" in refusal(info) and "不在任期内" in refusal(info)
    assert count(sqlite_db, Assignment) == 0


def test_a_pending_inspector_can_be_assigned_from_the_first_day_of_the_term(sqlite_db):
    inspector_id = serve_terms(sqlite_db, "郑强", date(2027, 9, 1))
    school = add_school(sqlite_db, "桃源乡中心小学")
    with pytest.raises(ValidationError):
        assign_schools(sqlite_db, inspector_id, [school], date(2027, 8, 31))
    assert assign_schools(sqlite_db, inspector_id, [school], date(2027, 9, 1)).assigned == [
        "桃源乡中心小学"
    ]


def test_an_inactive_school_cannot_be_assigned(sqlite_db):
    inspector_id = add_inspector(sqlite_db, "郑强")
    closed = add_school(sqlite_db, "桃源乡王庄教学点", kind="teaching_point", enrolment=12)
    open_ = add_school(sqlite_db, "桃源乡中心小学")
    set_schools_active(sqlite_db, [closed], False, date(2026, 7, 1))
    with pytest.raises(ValidationError) as info:
        assign_schools(sqlite_db, inspector_id, [open_, closed], TODAY)
    assert "桃源乡王庄教学点" in refusal(info) and "停用" in refusal(info)
    assert count(sqlite_db, Assignment) == 0


def test_ending_assignments_leaves_the_schools_without_an_inspector_the_next_day(sqlite_db):
    inspector_id = add_inspector(sqlite_db, "郑强")
    ended = add_school(sqlite_db, "新塘镇中心小学")
    kept = add_school(sqlite_db, "新塘镇初级中学")
    never = add_school(sqlite_db, "新塘镇中心幼儿园", kind="kindergarten")
    assign_schools(sqlite_db, inspector_id, [ended, kept], date(2024, 9, 1))
    assert end_assignments(sqlite_db, [ended, never], TODAY) == 1
    assert coverage(sqlite_db, ended) == [("郑强", date(2024, 9, 1), TODAY)]
    assert schools_by_name(sqlite_db, TODAY)["新塘镇中心小学"].inspector == "郑强"
    rows = schools_by_name(sqlite_db, TODAY + DAY)
    assert (rows["新塘镇中心小学"].inspector, rows["新塘镇初级中学"].inspector) == ("", "郑强")


def test_a_recusal_is_listed_and_can_be_removed(sqlite_db):
    inspector_id = add_inspector(sqlite_db, "林涛")
    school = add_school(sqlite_db, "清水乡中心小学")
    add_recusal(sqlite_db, inspector_id, school, " 配偶在该校任教 ", date(2025, 1, 1))
    add_recusal(sqlite_db, inspector_id, school, "重复登记", date(2025, 2, 1))
    (line,) = inspector_detail(sqlite_db, inspector_id, TODAY).recusals
    assert (line.school, line.reason, line.since) == (
        "清水乡中心小学",
        "配偶在该校任教",
        date(2025, 1, 1),
    )
    assert count(sqlite_db, Recusal) == 1

    remove_recusal(sqlite_db, line.id)
    remove_recusal(sqlite_db, line.id)
    assert inspector_detail(sqlite_db, inspector_id, TODAY).recusals == []
    assert assign_schools(sqlite_db, inspector_id, [school], TODAY).assigned == ["清水乡中心小学"]


def test_a_recusal_is_refused_while_the_inspector_covers_the_school(db):
    covering = add_inspector(db, "林涛")
    other = add_inspector(db, "何平")
    school = add_school(db, "清水乡中心小学")
    assign_schools(db, covering, [school], date(2024, 9, 1))
    with pytest.raises(ValidationError) as info:
        add_recusal(db, covering, school, "配偶在该校任教", TODAY)
    assert "林涛" in refusal(info) and "清水乡中心小学" in refusal(info)
    assert count(db, Recusal) == 0
    add_recusal(db, other, school, "曾任该校校长", TODAY)
    assert count(db, Recusal) == 1


def test_a_recusal_dated_before_the_inspector_took_the_school_is_refused_too(db):
    # The inspector covers the school now; a recusal whose "since" is earlier than the 挂牌
    # would leave an inspector responsible for a school they must stay away from.
    inspector_id = add_inspector(db, "林涛")
    school = add_school(db, "清水乡中心小学")
    assign_schools(db, inspector_id, [school], date(2025, 9, 1))
    with pytest.raises(ValidationError):
        add_recusal(db, inspector_id, school, "配偶在该校任教", date(2024, 1, 1))
    assert count(db, Recusal) == 0


# --- training ------------------------------------------------------------------------------

COURSE = TrainingInput(
    start_date=date(2026, 7, 13),
    end_date=date(2026, 7, 24),
    course=" 责任督学集中培训班 ",
    hours=60,
    form="centralized",
    organizer="省人民政府教育督导委员会办公室",
    certificate="ＺＳ００１",
    note=" 全勤 ",
)


def test_one_course_for_three_inspectors_makes_three_records(db):
    chosen = [add_inspector(db, name) for name in ("王建国", "李丽", "赵明")]
    add_inspector(db, "周芳")

    assert add_training(db, chosen, COURSE) == 3

    lines = training_lines(db, 2026)
    assert sorted(line.inspector for line in lines) == sorted(["王建国", "李丽", "赵明"])
    assert {
        (line.course, line.hours, line.form, line.certificate, line.note) for line in lines
    } == {("责任督学集中培训班", 60.0, "centralized", "ZS001", "全勤")}
    assert training_lines(db, 2025) == []
    assert len(training_lines(db)) == 3
    assert count(db, TrainingRecord) == 3

    target = next(line for line in lines if line.inspector == "李丽")
    update_training(db, target.id, replace(COURSE, course="集中培训班（调整）", hours=56.25))
    after = {line.inspector: line for line in training_lines(db, 2026)}
    assert (after["李丽"].course, after["李丽"].hours) == ("集中培训班（调整）", 56.2)
    assert (after["王建国"].course, after["王建国"].hours) == ("责任督学集中培训班", 60.0)

    assert delete_training(db, [after["赵明"].id, after["赵明"].id + 1000]) == 1
    assert sorted(line.inspector for line in training_lines(db)) == sorted(["王建国", "李丽"])


def test_invalid_training_is_refused_naming_every_field(sqlite_db):
    inspector_id = add_inspector(sqlite_db, "王建国")
    bad = replace(COURSE, course=" ", end_date=date(2026, 7, 1), hours=0, form="party")
    with pytest.raises(ValidationError) as info:
        add_training(sqlite_db, [inspector_id], bad)
    assert {e.field for e in info.value.errors} == {"course", "end_date", "hours", "form"}
    with pytest.raises(ValidationError, match="请至少选择一名督学"):
        add_training(sqlite_db, [], COURSE)
    with pytest.raises(ValidationError, match="找不到这条培训记录"):
        update_training(sqlite_db, 12345, COURSE)
    assert count(sqlite_db, TrainingRecord) == 0


def _course(db, inspector_id, start, end, form, hours, name="培训"):
    data = TrainingInput(start_date=start, end_date=end, course=name, hours=hours, form=form)
    add_training(db, [inspector_id], data)


def test_training_summary_of_the_serving_roster(db):
    save_counted_forms(db, [form.value for form in TrainingForm])  # this office counts them all
    new = add_inspector(db, "新督学", start=date(2026, 3, 1))
    veteran = serve_terms(db, "老督学", date(2020, 9, 1), date(2023, 9, 1), date(2026, 9, 1))
    former = add_inspector(db, "前督学", start=date(2019, 9, 1))

    _course(db, new, date(2026, 3, 2), date(2026, 3, 3), "preservice", 10)
    _course(db, new, date(2026, 4, 10), date(2026, 5, 20), "online", 20)
    _course(db, veteran, date(2026, 4, 10), date(2026, 5, 20), "online", 30)
    _course(db, veteran, date(2026, 6, 18), date(2026, 6, 18), "seminar", 12)
    _course(db, veteran, date(2025, 4, 10), date(2025, 5, 20), "online", 10)
    _course(db, veteran, date(2024, 7, 15), date(2024, 7, 19), "centralized", 30)
    _course(db, veteran, date(2025, 3, 3), date(2025, 3, 4), "full_release", 16)
    _course(db, former, date(2026, 4, 10), date(2026, 5, 20), "online", 50)

    totals = {t.name: t for t in training_summary(db, TODAY)}
    assert set(totals) == {"新督学", "老督学"}
    fresh = totals["新督学"]
    assert (fresh.id, fresh.hours, fresh.required, fresh.shortfall) == (new, 30.0, 40, 10.0)
    assert (fresh.preservice_required, fresh.preservice_hours, fresh.missing_preservice) == (
        True,
        10.0,
        True,
    )
    assert (fresh.centralized_due, fresh.missing_centralized) == (False, False)
    old = totals["老督学"]
    assert (old.hours, old.shortfall, old.preservice_required, old.missing_preservice) == (
        42.0,
        0.0,
        False,
        False,
    )
    assert (old.centralized_days, old.centralized_minimum, old.centralized_due) == (7, 10, True)
    assert old.missing_centralized

    last_year = {t.name: t for t in training_summary(db, TODAY, 2025)}
    assert (last_year["老督学"].hours, last_year["新督学"].hours) == (26.0, 0.0)
    assert not last_year["新督学"].preservice_required

    _course(db, new, date(2026, 3, 4), date(2026, 3, 4), "preservice", 5)
    _course(db, veteran, date(2026, 7, 13), date(2026, 7, 15), "centralized", 18)
    save_settings(db, office_name="督导室", policy=PolicyProfile(training_hours_per_year=60))
    totals = {t.name: t for t in training_summary(db, TODAY)}
    assert (totals["新督学"].hours, totals["新督学"].missing_preservice) == (35.0, False)
    assert (totals["新督学"].required, totals["新督学"].shortfall) == (60, 25.0)
    assert (totals["老督学"].centralized_days, totals["老督学"].missing_centralized) == (10, False)


# --- what the roster shows ---------------------------------------------------------------


def test_the_roster_shows_status_terms_schools_and_flags(db):
    busy = add_inspector(db, "周芳", start=date(2024, 9, 1))
    ending = add_inspector(db, "吴军", start=date(2024, 1, 15))
    serve_terms(db, "孙伟", date(2020, 9, 1), date(2023, 9, 1), date(2026, 9, 1))
    add_inspector(db, "郑强", start=date(2020, 9, 1))
    dismissed = add_inspector(db, "陈静", start=date(2024, 9, 1))
    end_term(db, dismissed, date(2025, 6, 30), TermEndReason.DISMISSED)
    add_inspector(db, "何平", start=date(2027, 9, 1))
    save_inspector(db, InspectorInput(name="林涛"))
    schools = [add_school(db, f"柳河镇第{n:02d}小学") for n in range(17)]
    assign_schools(db, busy, schools[:9], date(2025, 9, 1))
    assign_schools(db, ending, schools[9:], date(2025, 9, 1))

    rows = inspector_rows(db, TODAY)
    assert [r.name for r in rows] == ["周芳", "吴军", "孙伟", "郑强", "陈静", "何平", "林涛"]
    seen = {
        r.name: (
            r.status.label,
            r.term_start,
            r.term_end,
            r.consecutive_terms,
            r.schools,
            r.term_expiring,
            r.at_term_limit,
            r.overloaded,
        )
        for r in rows
    }
    assert seen == {
        "周芳": ("在任", date(2024, 9, 1), date(2027, 8, 31), 1, 9, False, False, True),
        "吴军": ("在任", date(2024, 1, 15), date(2027, 1, 14), 1, 8, True, False, False),
        "孙伟": ("在任", date(2026, 9, 1), date(2029, 8, 31), 3, 0, False, True, False),
        "郑强": ("任期届满", date(2020, 9, 1), date(2023, 8, 31), 1, 0, False, False, False),
        "陈静": ("解聘", date(2024, 9, 1), date(2025, 6, 30), 1, 0, False, False, False),
        "何平": ("待任", date(2027, 9, 1), date(2030, 8, 31), 1, 0, False, False, False),
        "林涛": ("未任命", None, None, 0, 0, False, False, False),
    }
    assert [r.serving for r in rows] == [True, True, True, False, False, False, False]


def test_the_detail_of_an_inspector_lists_terms_coverage_and_recusals_newest_first(db):
    inspector_id = add_inspector(db, "孙伟", start=date(2022, 9, 1))
    record_assessment(db, inspector_id, Assessment.COMPETENT)
    renew(db, inspector_id)
    successor = add_inspector(db, "王建国")
    first = add_school(db, "凤凰镇中心小学")
    second = add_school(db, "凤凰镇初级中学")
    recused = add_school(db, "凤凰镇中心幼儿园", kind="kindergarten")
    assign_schools(db, inspector_id, [first], date(2022, 9, 1))
    assign_schools(db, successor, [first], date(2025, 9, 1))
    assign_schools(db, inspector_id, [second], date(2025, 9, 1))
    add_recusal(db, inspector_id, recused, "亲属任园长", date(2025, 1, 1))

    detail = inspector_detail(db, inspector_id, TODAY)

    assert detail.row.name == "孙伟"
    assert (detail.row.consecutive_terms, detail.row.schools) == (2, 1)
    assert [(t.start_date, t.end_date, t.assessment) for t in detail.terms] == [
        (date(2025, 9, 1), date(2028, 8, 31), None),
        (date(2022, 9, 1), date(2025, 8, 31), "competent"),
    ]
    assert detail.terms[1].description == "考核称职"
    assert [(c.school, c.start_date, c.end_date) for c in detail.coverage] == [
        ("凤凰镇初级中学", date(2025, 9, 1), None),
        ("凤凰镇中心小学", date(2022, 9, 1), date(2025, 8, 31)),
    ]
    assert [(r.school, r.reason, r.since) for r in detail.recusals] == [
        ("凤凰镇中心幼儿园", "亲属任园长", date(2025, 1, 1))
    ]
    assert inspector_detail(db, inspector_id + 100, TODAY) is None

    end_term(db, successor, TODAY, TermEndReason.RESIGNED)
    (term,) = inspector_detail(db, successor, TODAY).terms
    assert term.description == "2026-11-02 辞任"


def test_assigning_a_school_back_cancels_a_booked_move(db):
    school = add_school(db, "青溪县城东小学")
    first = add_inspector(db, "甲督学")
    second = add_inspector(db, "乙督学")
    assign_schools(db, first, [school], date(2025, 9, 1))
    assign_schools(db, second, [school], TODAY + 30 * DAY)
    result = assign_schools(db, first, [school], TODAY)
    assert result.unchanged == [] and result.assigned == ["青溪县城东小学"]
    assert coverage(db, school) == [("甲督学", date(2025, 9, 1), None)]
    assert schools_by_name(db, TODAY + 60 * DAY)["青溪县城东小学"].inspector == "甲督学"
