"""The 督学 page's refusals, which core words, read in English in the English interface."""

from __future__ import annotations

from core.roster.inspectors import inspector_detail
from tests.conftest import TODAY
from tests.gui.roster_helpers import names, open_demo, press_ok, settle


def test_a_renewal_past_the_limit_is_refused_in_english(english, open_window, sqlite_db, qtbot):
    window, page = open_demo(open_window, sqlite_db, qtbot, "inspectors")
    page.apply_filter("term_limit")
    [limited] = names(page)
    row = next(r for r in page.model.rows if r.name == limited)
    page.select_ids([row.id])
    qtbot.waitUntil(lambda: page.detail is not None and page.detail.row.id == row.id)
    page.renew()
    dialog = page.dialog
    dialog.outcome.setCurrentIndex(dialog.outcome.findData("competent"))
    press_ok(dialog, qtbot)
    assert dialog.isVisible()
    assert (
        f"{limited}: has served 3 terms in a row, the most allowed (3): cannot be renewed again"
        in dialog.errors.text()
    )
    settle(window, qtbot)
    assert len(inspector_detail(sqlite_db, row.id, TODAY).terms) == 3
