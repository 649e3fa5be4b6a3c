"""Two clerks editing the same row (on both engines): the second save, made from the view opened
before the first was saved, is refused with both values named, and nothing is overwritten."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select

from core.calendar.visits import (
    VisitInput,
    add_visit,
    move_visits,
    update_visit,
    visit_rows,
)
from core.errors import StaleEditError
from core.roster.inspectors import InspectorInput, inspector_rows, save_inspector
from core.roster.schools import SchoolInput, save_school, school_rows
from db.models import Inspector, School, Visit

TODAY = date(2026, 11, 18)


def _inspector_form(row) -> InspectorInput:
    """What an edit dialog opened on ``row`` holds."""
    return InspectorInput(
        row.name, row.gender, row.employment, row.unit, row.post, row.phone,
        row.certificate_no, row.notes,
    )  # fmt: skip


def test_the_second_of_two_inspector_edits_is_refused_and_names_both_values(db):
    wang = save_inspector(db, InspectorInput("王军", phone="13800000001"))
    [opened_by_a] = [r for r in inspector_rows(db, TODAY) if r.id == wang]
    opened_by_b = opened_by_a

    a = replace(_inspector_form(opened_by_a), phone="13900000002")
    save_inspector(db, a, wang, version=opened_by_a.version)
    b = replace(_inspector_form(opened_by_b), notes="兼任城关片")
    with pytest.raises(StaleEditError) as refused:
        save_inspector(db, b, wang, version=opened_by_b.version)
    message = refused.value.messages()[0]
    assert "督学“王军”的信息已被他人修改" in message
    assert "联系电话：现在是“13900000002”，您填的是“13800000001”" in message
    assert "备注：现在是“（空）”，您填的是“兼任城关片”" in message
    with db.session() as session:
        stored = session.scalars(select(Inspector).where(Inspector.id == wang)).one()
        assert (stored.phone, stored.notes) == ("13900000002", "")

    [reopened] = [r for r in inspector_rows(db, TODAY) if r.id == wang]
    assert reopened.version == opened_by_a.version + 1
    save_inspector(db, replace(_inspector_form(reopened), notes="兼任城关片"), wang,
                   version=reopened.version)  # fmt: skip
    with db.session() as session:
        stored = session.scalars(select(Inspector).where(Inspector.id == wang)).one()
        assert (stored.phone, stored.notes) == ("13900000002", "兼任城关片")


def test_the_second_of_two_school_edits_is_refused(db):
    school = save_school(db, SchoolInput("东关小学", principal="李明"))
    [opened] = [r for r in school_rows(db, TODAY) if r.id == school]
    form = SchoolInput(opened.name, opened.kind, opened.is_private, opened.enrolment,
                       opened.principal, opened.principal_term_end, opened.phone,
                       opened.address, opened.zone)  # fmt: skip
    save_school(db, replace(form, principal="张华"), school, version=opened.version)
    with pytest.raises(StaleEditError, match="校（园）长：现在是“张华”，您填的是“李明”"):
        save_school(db, replace(form, enrolment=420), school, version=opened.version)
    with db.session() as session:
        stored = session.get(School, school)
        assert stored is not None and (stored.principal, stored.enrolment) == ("张华", 0)


def test_a_visit_moved_meanwhile_refuses_the_older_edit(db):
    east = save_school(db, SchoolInput("东关小学"))
    wang = save_inspector(db, InspectorInput("王军"))
    visit = add_visit(db, VisitInput(date(2026, 11, 20), east, wang))
    [opened] = visit_rows(db, date(2026, 11, 1), date(2026, 11, 30))
    move_visits(db, [visit], date(2026, 11, 23))
    form = VisitInput(opened.day, opened.school_id, opened.inspector_id, note="带上安全检查表")
    with pytest.raises(StaleEditError, match="日期：现在是“2026-11-23”，您填的是“2026-11-20”"):
        update_visit(db, visit, form, version=opened.version)
    with db.session() as session:
        stored = session.scalars(select(Visit)).one()
        assert (stored.visit_date, stored.note) == (date(2026, 11, 23), "")
