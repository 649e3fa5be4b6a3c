"""The complaint register on both engines: registering (anonymous or named), verifying and
answering, raising a rectification problem from a complaint, and deleting only what is no
problem's source."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from core.casework.complaints import (
    ComplaintInput,
    ComplaintRow,
    complaint_rows,
    delete_complaint,
    raise_problem_from_complaint,
    save_complaint,
)
from core.casework.rectification import ProblemInput, problem_rows, problem_trail
from core.errors import ValidationError
from core.roster.inspectors import InspectorInput, save_inspector
from core.roster.schools import SchoolInput, save_school
from db.engine import Database
from db.models import Complaint, Problem

RECEIVED = date(2026, 10, 20)
DAY = timedelta(days=1)


@pytest.fixture
def schools(db: Database) -> tuple[int, int]:
    return (
        save_school(db, SchoolInput(name="城关第一小学")),
        save_school(db, SchoolInput(name="城关中学", kind="junior")),
    )


def complaint(school_id: int, **changes) -> ComplaintInput:
    fields: dict[str, Any] = {
        "received_on": RECEIVED,
        "school_id": school_id,
        "content": "学校周六组织三年级学生集体补课并收取资料费",
        "channel": "phone",
    }
    return ComplaintInput(**(fields | changes))


def rows(db: Database) -> dict[int, ComplaintRow]:
    return {r.id: r for r in complaint_rows(db)}


def count(db: Database, model) -> int:
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_an_anonymous_complaint_moves_from_pending_to_verified_to_answered(db, schools):
    inspector = save_inspector(db, InspectorInput(name="李督学"), appoint_from=date(2025, 9, 1))
    complaint_id = save_complaint(db, complaint(schools[0]))
    line = rows(db)[complaint_id]
    assert (line.from_label, line.channel_label, line.school) == ("匿名", "电话", "城关第一小学")
    assert (line.state.label, line.inspector) == ("待核实", "")

    verified = complaint(
        schools[0], inspector_id=inspector, verification="到校查看课表并询问学生，情况属实"
    )
    save_complaint(db, verified, complaint_id)
    line = rows(db)[complaint_id]
    assert (line.state.label, line.inspector) == ("已核实", "李督学")

    answered = complaint(
        schools[0],
        complainant="张家长",
        contact="13812345678",
        inspector_id=inspector,
        verification="情况属实",
        result="责令学校停止补课、退还费用",
        replied_on=RECEIVED + 5 * DAY,
    )
    save_complaint(db, answered, complaint_id)
    line = rows(db)[complaint_id]
    assert (line.state.label, line.from_label, line.replied_on) == (
        "已答复",
        "张家长",
        RECEIVED + 5 * DAY,
    )
    assert count(db, Complaint) == 1


def test_bad_complaints_are_refused_naming_the_field(db, schools):
    with pytest.raises(ValidationError) as caught:
        save_complaint(db, complaint(schools[0], content=" ", replied_on=RECEIVED - DAY))
    assert caught.value.messages() == [
        "“投诉内容”不能为空",
        "“答复日期”不能早于受理日期（2026-10-20）",
    ]
    with pytest.raises(ValidationError, match="请选择投诉反映的学校"):
        save_complaint(db, complaint(schools[1] + 100))
    assert count(db, Complaint) == 0


def test_a_proved_complaint_raises_a_problem_at_its_school(db, schools):
    complaint_id = save_complaint(db, complaint(schools[0]))
    data = ProblemInput(
        school_id=schools[1],
        found_on=RECEIVED + 2 * DAY,
        category="key",
        description="违规组织有偿补课",
        requirement="immediate",
        deadline=None,
    )
    problem_id = raise_problem_from_complaint(db, complaint_id, data)
    problem = next(r for r in problem_rows(db, RECEIVED) if r.id == problem_id)
    assert (problem.school, problem.complaint_id, problem.source) == (
        "城关第一小学",
        complaint_id,
        "投诉",
    )
    trail = problem_trail(db, problem_id, RECEIVED + 2 * DAY)
    assert trail.events[0].kind == "complaint"
    assert trail.events[0].text.startswith("受理投诉（电话，匿名）：学校周六组织")
    assert rows(db)[complaint_id].problems == 1

    with pytest.raises(ValidationError, match="投诉受理日期"):
        raise_problem_from_complaint(db, complaint_id, replace(data, found_on=RECEIVED - DAY))
    with pytest.raises(ValidationError, match="是问题的来源，不能删除"):
        delete_complaint(db, complaint_id)
    assert count(db, Complaint) == 1 and count(db, Problem) == 1


def test_a_complaint_entered_by_mistake_can_be_deleted(db, schools):
    keep = save_complaint(db, complaint(schools[0]))
    doomed = save_complaint(db, complaint(schools[1], content="重复登记"))
    delete_complaint(db, doomed)
    assert list(rows(db)) == [keep]


def test_a_complaint_is_due_an_answer_within_the_policys_days(db, schools, tmp_path):
    from core.casework.rectification import rectification_figures
    from core.reports import write_report
    from tests.db.report_helpers import flat, pages_text

    waiting = save_complaint(db, complaint(schools[0]))
    answered = {"verification": "属实", "result": "已整改", "replied_on": RECEIVED + 20 * DAY}
    late = save_complaint(db, complaint(schools[1], **answered))
    on_time = save_complaint(db, complaint(schools[0], replied_on=RECEIVED + 3 * DAY))
    row = rows(db)
    assert row[waiting].reply_due == RECEIVED + 15 * DAY, "15 days by default"
    assert not row[waiting].overdue_on(RECEIVED + 15 * DAY)
    assert row[waiting].overdue_on(RECEIVED + 16 * DAY)
    assert row[late].replied_late and not row[on_time].replied_late
    days = (RECEIVED + n * DAY for n in (15, 16, 21))
    figures = [rectification_figures(db, day).overdue_complaints for day in days]
    assert figures == [0, 2, 1], "the late one counts until the day it was answered"

    path = write_report(db, "complaints", tmp_path / "c.pdf", today=RECEIVED + 21 * DAY)
    text = flat("".join(pages_text(path)))
    assert "2026年共受理投诉3件，已答复2件（其中超过办理期限答复1件）" in text
    assert "超过办理期限尚未答复1件" in text
    assert text.count("逾期答复") == 1 and text.count("逾期未答复") == 1
