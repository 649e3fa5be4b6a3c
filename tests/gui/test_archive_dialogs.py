"""The forms of the 迎检档案 page: a campaign's phases following its start until edited, ticking
schools by zone, by kind and through the filter, refusals naming the phase; changing items where
only the fields ticked change."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtWidgets import QApplication

from core.archive.campaigns import (
    ItemChange,
    campaign_rows,
    checklist_rows,
    default_phases,
    update_items,
)
from core.archive.templates import ensure_builtin_templates, template_rows
from core.roster.schools import SchoolInput, save_school, save_zone
from db.engine import Database
from gui.pages.archives.dialogs import ArchiveCampaignDialog, ItemsDialog, read_campaign_form
from gui.worker import DbWorker
from tests.conftest import TODAY
from tests.db.demo_campaign import campaign
from tests.gui.roster_helpers import closed, press_ok

DAY = timedelta(days=1)


@pytest.fixture
def office(sqlite_db: Database) -> dict[str, int]:
    """Three schools and two kindergartens in two zones, and the shipped templates."""
    save_zone(sqlite_db, "城关片")
    save_zone(sqlite_db, "河口片")
    ensure_builtin_templates(sqlite_db)
    schools = [
        ("城关第一小学", "primary", "城关片"),
        ("城关中学", "junior", "城关片"),
        ("城关幼儿园", "kindergarten", "城关片"),
        ("河口小学", "primary", "河口片"),
        ("河口幼儿园", "kindergarten", "河口片"),
    ]
    return {
        name: save_school(sqlite_db, SchoolInput(name=name, kind=kind, zone=zone))
        for name, kind, zone in schools
    }


@pytest.fixture
def worker(qtbot) -> DbWorker:
    made = DbWorker()
    yield made
    made.wait_for_done()
    QApplication.processEvents()


def campaign_dialog(qtbot, db: Database, worker: DbWorker, campaign_id: int | None = None):
    dialog = ArchiveCampaignDialog(worker, db, read_campaign_form(db, campaign_id, TODAY), TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def ticked_names(dialog, office) -> set[str]:
    by_id = {school_id: name for name, school_id in office.items()}
    return {by_id[i] for i in dialog.ticked_schools()}


def test_phases_follow_the_start_until_edited(qtbot, sqlite_db, office, worker):
    dialog = campaign_dialog(qtbot, sqlite_db, worker)
    assert dialog.phase_inputs() == default_phases(TODAY)
    later = TODAY + 10 * DAY
    dialog.started_on.set_value(later)
    assert dialog.phase_inputs() == default_phases(later)

    dialog.add_phase("整改回头看", later + 400 * DAY)
    assert [p.name for p in dialog.phase_inputs()][-1] == "整改回头看"
    dialog.started_on.set_value(TODAY)
    assert len(dialog.phase_inputs()) == 5, "edited phases stay as the clerk left them"
    dialog.phases.setCurrentCell(4, 0)
    dialog.remove_phase()
    assert len(dialog.phase_inputs()) == 4


def test_schools_ticked_by_zone_kind_and_filter(qtbot, sqlite_db, office, worker):
    dialog = campaign_dialog(qtbot, sqlite_db, worker)
    dialog.zone_choice.setCurrentIndex(dialog.zone_choice.findData("河口片"))
    dialog.tick_zone()
    assert ticked_names(dialog, office) == {"河口小学", "河口幼儿园"}
    dialog.tick_kindergartens()
    assert ticked_names(dialog, office) == {"河口小学", "河口幼儿园", "城关幼儿园"}
    assert "3" in dialog.school_count.text()

    dialog.school_filter.setText("城关")
    shown = [dialog.schools.item(i) for i in range(dialog.schools.count())]
    assert sum(not item.isHidden() for item in shown) == 3
    dialog.untick_all_button.click()
    dialog.tick_all_button.click()
    assert ticked_names(dialog, office) == {"城关第一小学", "城关中学", "城关幼儿园"}


def test_a_phase_out_of_order_is_named_and_nothing_saved(qtbot, sqlite_db, office, worker):
    dialog = campaign_dialog(qtbot, sqlite_db, worker)
    dialog.name.setText("校园安全专项督导")
    dialog.tick_schools([office["河口小学"]])
    phases = dialog.phase_inputs()
    dialog.set_phases([phases[0], phases[1].__class__(phases[1].name, TODAY - DAY)])
    press_ok(dialog, qtbot)
    assert dialog.isVisible()
    assert "第 2 个阶段“自查整改”的截止日期不能早于" in dialog.errors.text()
    assert dialog.phases.property("invalid") is True
    assert campaign_rows(sqlite_db, TODAY) == []


def test_templates_offered_with_their_counts(qtbot, sqlite_db, office, worker):
    dialog = campaign_dialog(qtbot, sqlite_db, worker)
    names = [dialog.templates.item(i).text() for i in range(dialog.templates.count())]
    assert len(names) == len(template_rows(sqlite_db))
    assert any("学校迎省检档案资料清单" in name for name in names)


def test_bulk_change_touches_only_the_fields_ticked(qtbot, sqlite_db, office, worker):
    campaign_id = campaign(sqlite_db, (office["城关第一小学"],))
    rows = checklist_rows(sqlite_db, campaign_id, TODAY)
    update_items(sqlite_db, [rows[0].id], ItemChange(responsible="王老师", note="原有备注"), TODAY)
    ids = [rows[0].id, rows[1].id]
    dialog = ItemsDialog(worker, sqlite_db, ids, TODAY, description="2 items")
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.box_no.isEnabled(), "a field is closed until ticked"
    press_ok(dialog, qtbot)
    assert dialog.isVisible() and dialog.errors.text()

    dialog.set_field("box_no", "B-12")
    dialog.set_field("due_date", None)
    press_ok(dialog, qtbot)
    assert closed(dialog), dialog.errors.text()
    after = {r.id: r for r in checklist_rows(sqlite_db, campaign_id, TODAY)}
    assert [after[i].box_no for i in ids] == ["B-12", "B-12"]
    assert [after[i].due_date for i in ids] == [None, None], "an empty due date clears it"
    assert (after[ids[0]].responsible, after[ids[0]].note) == ("王老师", "原有备注")
    assert after[rows[2].id].box_no == "" and after[rows[2].id].due_date == rows[2].due_date


def test_a_refused_change_is_shown_in_the_dialog(qtbot, sqlite_db, office, worker):
    campaign_id = campaign(sqlite_db, (office["城关第一小学"],))
    row = checklist_rows(sqlite_db, campaign_id, TODAY)[0]
    dialog = ItemsDialog(worker, sqlite_db, [row.id], TODAY, description="1 item")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.set_field("box_no", "盒" * 80)
    press_ok(dialog, qtbot)
    assert dialog.isVisible()
    assert "盒号" in dialog.errors.text()
    assert dialog.box_no.property("invalid") is True
    assert checklist_rows(sqlite_db, campaign_id, TODAY)[0].box_no == ""
