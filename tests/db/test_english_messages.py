"""In English, core's refusals, warnings and figures read in English and name the field in
English; the same refusals in Chinese are unchanged (the Chinese tests elsewhere)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from core import i18n
from core.errors import StaleEditError, ValidationError
from core.i18n import CHINESE, ENGLISH
from core.roster.inspectors import InspectorInput, inspector_detail, save_inspector
from core.roster.schools import SchoolInput, delete_zone, save_school, save_zone
from core.roster.terms import appoint, renew


@pytest.fixture
def english() -> Iterator[None]:
    i18n.set_language(ENGLISH)
    try:
        yield
    finally:
        i18n.set_language(CHINESE)


def test_a_refused_inspector_names_the_field_in_english(db, english):
    with pytest.raises(ValidationError) as refused:
        save_inspector(db, InspectorInput(name="  ", phone="12"))
    (name, phone) = refused.value.errors
    assert (name.label, name.message) == ("Name", '"Name" cannot be empty')
    assert phone.label == "Phone"
    assert phone.message.startswith('"Phone": ')
    assert refused.value.text().zh.startswith("“姓名”不能为空；“联系电话”")


def test_a_stale_inspector_save_lists_the_fields_in_english(db, english):
    inspector = save_inspector(db, InspectorInput(name="王军", post="督学"))
    opened = inspector_detail(db, inspector, date(2026, 3, 2)).row.version
    save_inspector(db, InspectorInput(name="王军", post="主任"), inspector, version=opened)
    with pytest.raises(StaleEditError) as refused:
        save_inspector(db, InspectorInput(name="王军", post="副主任"), inspector, version=opened)
    message = refused.value.errors[0].message
    assert message.startswith('The record of inspector "王军" was changed by someone else')
    assert 'Post: now "主任", you typed "副主任"' in message


def test_a_zone_with_schools_counts_them_in_english(db, english):
    zone = save_zone(db, "城关")
    save_school(db, SchoolInput(name="城关一小", kind="primary", zone="城关"))
    with pytest.raises(ValidationError) as one:
        delete_zone(db, zone)
    assert str(one.value) == 'Zone "城关" still has 1 school; move it to another zone first'
    save_school(db, SchoolInput(name="城关二小", kind="primary", zone="城关"))
    with pytest.raises(ValidationError) as two:
        delete_zone(db, zone)
    assert str(two.value) == 'Zone "城关" still has 2 schools; move them to other zones first'


def test_a_refused_renewal_says_why_in_english(db, english):
    inspector = save_inspector(db, InspectorInput(name="李华"))
    appoint(db, inspector, date(2024, 1, 1))
    with pytest.raises(ValidationError) as refused:
        renew(db, inspector)
    assert refused.value.errors[0].label == "Renewal"
    assert str(refused.value) == (
        "李华: the current term has not been assessed (renewal needs excellent or competent)"
    )
