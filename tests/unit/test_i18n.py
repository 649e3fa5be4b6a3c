"""Core's words follow the chosen language; official documents stay Chinese in either."""

from __future__ import annotations

import pickle
from datetime import date

import pytest
from pypdf import PdfReader

from core import i18n
from core.enums import SchoolKind, VisitStatus
from core.errors import ValidationError
from core.i18n import CHINESE, Text, _, chinese_documents
from core.office.policy import PolicyProfile


def test_chinese_is_the_default_and_english_comes_from_the_catalogue(english):
    assert SchoolKind.PRIMARY.label == "Primary school"
    assert VisitStatus.DONE.label == "Done"
    i18n.set_language(CHINESE)
    assert SchoolKind.PRIMARY.label == "小学"


def test_a_message_keeps_both_languages_and_its_fields_take_their_own(english):
    text = _("“{label}”必须是整数", label=SchoolKind.KINDERGARTEN.label)
    assert text == '"Kindergarten" must be a whole number'
    assert text.zh == "“幼儿园”必须是整数"
    assert text.bilingual() == '“幼儿园”必须是整数 / "Kindergarten" must be a whole number'
    assert pickle.loads(pickle.dumps(text)).zh == text.zh


def test_a_refused_policy_names_the_setting_in_both_languages(english):
    policy = PolicyProfile().with_changes(term_years=40)
    with pytest.raises(ValidationError) as refused:
        policy.validated()
    assert str(refused.value) == '"Term length" must be between 1 and 10'
    assert refused.value.text().zh == "“每届任期”应在 1 到 10 之间"


def test_an_unknown_message_stays_chinese_in_english(english):
    assert _("目录里没有的话") == "目录里没有的话"
    assert isinstance(_("目录里没有的话"), Text)


def test_documents_are_chinese_in_english_mode(english):
    with chinese_documents():
        assert SchoolKind.PRIMARY.label == "小学"
    assert SchoolKind.PRIMARY.label == "Primary school"


def test_sheets_read_labels_in_either_language():
    assert SchoolKind.from_label("小学") is SchoolKind.PRIMARY
    assert SchoolKind.from_label("Primary school") is SchoolKind.PRIMARY


def test_a_report_printed_in_english_mode_is_chinese(english, demo_db, tmp_path):
    from core.reports import write_report

    out = write_report(demo_db, "roster", tmp_path / "roster.pdf", today=date(2026, 12, 2))
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert "专职" in text
    assert "Full-time" not in text
