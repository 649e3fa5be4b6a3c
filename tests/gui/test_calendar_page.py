"""The 督导日历 page driven like a clerk: generating the month, the grid and the list, moving a
visit by dropping it on another day (checked first), a new visit through the form, status
changes, filters, the phone-calendar export, and a plan short of an inspector's days at his
zone."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from sqlalchemy import delete, select

from core.calendar.availability import add_unavailability
from core.calendar.month_plan import generate_month
from core.demo.office import create_demo
from core.enums import VisitStatus
from core.office.policy import PolicyProfile
from core.office.settings import save_settings
from core.roster.assignments import responsible_inspectors
from core.search.matching import pinyin_order
from db.models import Visit
from gui.pages.calendar.month_grid import encode_ids
from gui.pages.calendar.page import PlanResultDialog
from gui.pages.calendar.visit_dialog import VisitDialog
from tests.conftest import TODAY
from tests.gui.roster_helpers import press_ok, settle

SATURDAY = date(2026, 11, 7)


@pytest.fixture
def calendar_page(open_window, sqlite_db, qtbot):
    """The demo office's calendar showing November 2026, with the month's plan generated."""
    create_demo(sqlite_db, "office", TODAY)
    window = open_window(sqlite_db)
    window.show_page("calendar")
    page = window.pages["calendar"]
    settle(window, qtbot)
    page.generate()
    settle(window, qtbot)
    return window, page


def responsible_inspectors_on(db, day: date = TODAY) -> dict[int, int]:
    with db.session() as session:
        return responsible_inspectors(session, day)


def stored(db) -> dict[int, Visit]:
    with db.session() as session:
        visits = session.scalars(select(Visit)).all()
        for visit in visits:
            session.expunge(visit)
        return {v.id: v for v in visits}


def test_generating_the_month_fills_grid_and_list(calendar_page, sqlite_db, dialog_log):
    _window, page = calendar_page
    [result] = page.findChildren(PlanResultDialog)
    assert "2026年11月" in result.message.text()
    assert any("2026年11月" in text for text in dialog_log.messages("ask"))
    in_month = [v for v in stored(sqlite_db).values() if v.visit_date.month == 11]
    assert len(page.visible_rows()) == len(in_month) > 0
    assert sum(len(rows) for rows in page.grid_model.by_day.values()) == len(in_month)
    assert page.month_label.text() == "2026 年 11 月"
    saturday = page.grid_model.index_of(SATURDAY)
    assert saturday.data(Qt.ItemDataRole.BackgroundRole) is not None, "days off are shaded"
    first = min(in_month, key=lambda v: (v.visit_date, v.id))
    cell = page.grid_model.index_of(first.visit_date).data()
    assert cell.startswith(str(first.visit_date.day))
    assert "不发送给学校" in page.summary.text()


def test_a_visit_dropped_on_a_day_off_is_moved_only_if_the_clerk_agrees(
    calendar_page, sqlite_db, dialog_log, qtbot
):
    window, page = calendar_page
    visit = page.visible_rows()[0]
    dialog_log.answer = False
    page.grid_model.dropMimeData(
        encode_ids([visit.id]), Qt.DropAction.MoveAction, -1, -1, page.grid_model.index_of(SATURDAY)
    )
    settle(window, qtbot)
    warning = dialog_log.messages("ask")[-1]
    assert "2026年11月7日（周六）是周末" in warning and "仍要安排在这一天吗" in warning
    assert stored(sqlite_db)[visit.id].visit_date == visit.day

    dialog_log.answer = True
    page.grid_model.dropMimeData(
        encode_ids([visit.id]), Qt.DropAction.MoveAction, -1, -1, page.grid_model.index_of(SATURDAY)
    )
    settle(window, qtbot)
    moved = stored(sqlite_db)[visit.id]
    assert moved.visit_date == SATURDAY and not moved.generated
    assert any(r.id == visit.id for r in page.grid_model.by_day[SATURDAY])


def test_a_new_visit_through_the_form(calendar_page, sqlite_db, qtbot):
    window, page = calendar_page
    page.grid.setCurrentIndex(page.grid_model.index_of(date(2026, 11, 26)))
    page.add()
    [dialog] = [d for d in page.findChildren(VisitDialog) if d.isVisible()]
    dialog.school.setCurrentIndex(dialog.school.findText("青溪县实验小学"))
    dialog.kind.setCurrentIndex(dialog.kind.findText("专项督导"))
    dialog.topic.setCurrentText("防溺水")
    lead = dialog.inspector.currentData()
    items = [dialog.companions.item(i) for i in range(dialog.companions.count())]
    companion = next(item for item in items if item.data(Qt.ItemDataRole.UserRole) != lead)
    companion.setCheckState(Qt.CheckState.Checked)
    press_ok(dialog, qtbot)
    settle(window, qtbot)
    [visit] = [v for v in stored(sqlite_db).values() if v.kind == "special" and v.topic == "防溺水"]
    assert visit.visit_date == date(2026, 11, 26) and not visit.generated
    row = next(r for r in page.visible_rows() if r.id == visit.id)
    assert row.school == "青溪县实验小学" and row.companions
    assert row.inspector_id == dialog.choices.responsible[row.school_id]


def test_the_visit_forms_pickers_find_by_pinyin_and_list_in_pinyin_order(calendar_page):
    _window, page = calendar_page
    page.add()
    [dialog] = [d for d in page.findChildren(VisitDialog) if d.isVisible()]
    for combo in (dialog.school, dialog.inspector):
        names = [combo.itemText(i) for i in range(combo.count()) if combo.itemData(i)]
        assert names == sorted(names, key=pinyin_order)
        assert combo.isEditable() and combo.completer() is not None


def test_a_special_visit_without_topic_is_refused_in_the_form(calendar_page, sqlite_db, qtbot):
    _window, page = calendar_page
    before = len(stored(sqlite_db))
    page.add()
    [dialog] = [d for d in page.findChildren(VisitDialog) if d.isVisible()]
    dialog.kind.setCurrentIndex(dialog.kind.findText("专项督导"))
    dialog.topic.setCurrentText("")
    press_ok(dialog, qtbot)
    assert dialog.isVisible() and "专项主题" in dialog.errors.text()
    assert len(stored(sqlite_db)) == before


def test_status_changes_and_a_future_visit_cannot_be_done(
    calendar_page, sqlite_db, dialog_log, qtbot
):
    window, page = calendar_page
    page.list_button.setChecked(True)
    future = next(r for r in page.visible_rows() if r.day > TODAY and r.status == "planned")
    page.select_ids([future.id])
    page.status_actions[VisitStatus.DONE.label].trigger()
    settle(window, qtbot)
    assert "还没到日子" in dialog_log.messages("warn")[-1]
    assert stored(sqlite_db)[future.id].status == "planned"
    page.select_ids([future.id])
    page.status_actions[VisitStatus.POSTPONED.label].trigger()
    settle(window, qtbot)
    assert stored(sqlite_db)[future.id].status == "postponed"
    row = next(r for r in page.visible_rows() if r.id == future.id)
    assert row.status_label == "已延期"


def test_filters_apply_to_list_and_grid(calendar_page, qtbot):
    window, page = calendar_page
    everyone = page.visible_rows()
    name = everyone[0].inspector
    page.inspector_filter.setCurrentIndex(page.inspector_filter.findData(name))
    shown = page.visible_rows()
    assert shown and {r.inspector for r in shown} == {name} and len(shown) < len(everyone)
    assert sum(len(rows) for rows in page.grid_model.by_day.values()) == len(shown)
    page.inspector_filter.setCurrentIndex(0)
    page.go_to_month(1)
    settle(window, qtbot)
    assert page.month_label.text() == "2026 年 12 月"
    assert all(r.day.month == 12 for r in page.visible_rows())


def test_an_inspectors_month_exports_as_icalendar(calendar_page, dialog_log, tmp_path, qtbot):
    from icalendar import Calendar

    window, page = calendar_page
    name = page.visible_rows()[0].inspector
    page.inspector_filter.setCurrentIndex(page.inspector_filter.findData(name))
    target = tmp_path / "phone.ics"
    dialog_log.files.append(target)
    page.export_ics()
    settle(window, qtbot)
    events = [c for c in Calendar.from_ical(target.read_bytes()).walk("VEVENT")]
    assert len(events) == len(page.visible_rows())
    assert all(str(e["SUMMARY"]).startswith("督导") for e in events)


def test_every_inspectors_month_goes_into_a_folder(
    calendar_page, dialog_log, tmp_path, qtbot, monkeypatch
):
    from gui import dialogs

    window, page = calendar_page
    folder = tmp_path / "phones"
    monkeypatch.setattr(dialogs, "choose_folder", lambda _parent, _title: folder)
    page.export_all_ics()
    settle(window, qtbot)
    names = {r.inspector for r in page.visible_rows()}
    files = sorted(p.name for p in folder.glob("*.ics"))
    assert files and len(files) >= len(names)
    assert f"{sorted(names)[0]}-{page.year}{page.month:02d}督导安排.ics" in files
    assert f"{len(files)} 个日历文件" in dialog_log.messages("inform")[-1]


def test_opening_and_closing_the_visit_form_leaves_no_dialog_behind(calendar_page, qtbot):
    _window, page = calendar_page
    for _ in range(50):
        page.add()
        [dialog] = [d for d in page.findChildren(VisitDialog) if d.isVisible()]
        dialog.reject()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert page.findChildren(VisitDialog) == []


def test_a_filter_makes_room_for_choices_that_arrive_after_it_is_shown(calendar_page):
    _window, page = calendar_page
    for combo in page.filter_combos():
        assert combo.isVisible()
        before = combo.sizeHint().width()
        combo.addItem("一个名字很长很长的责任区（含龙泉、青山、白沙三个乡镇）", "long")
        assert combo.sizeHint().width() > before, combo.itemText(0)


def test_the_month_plan_names_an_inspector_short_of_days_at_his_zone(sqlite_db, qtbot):
    # 每月至少到责任区督导4次, and one responsible inspector away from the 4th to the 30th.
    create_demo(sqlite_db, "office", TODAY)
    with sqlite_db.session() as session:
        session.execute(delete(Visit))
    save_settings(sqlite_db, office_name="督导室", policy=PolicyProfile(zone_visits_per_month=4))
    inspector_id = min(responsible_inspectors_on(sqlite_db).values())
    add_unavailability(sqlite_db, inspector_id, date(2026, 11, 4), date(2026, 11, 30), "training")
    plan = generate_month(sqlite_db, 2026, 11, TODAY)
    assert plan.zones_short and {z.days for z in plan.zones_short} <= {1, 2}
    dialog = PlanResultDialog(plan)
    qtbot.addWidget(dialog)
    short = plan.zones_short[0]
    assert "到责任区督导天数仍不足" in dialog.message.text()
    assert f"{short.zone}：{short.inspector} {short.days} / 4 天" in dialog.message.text()
