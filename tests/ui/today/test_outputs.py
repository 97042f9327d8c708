"""Outputs of the day on the Today view: add, edit, delete and undo, through OutputDialog."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from tests.ui.today.conftest import TODAY
from tests.ui.today.driving import choose, click, retype

PAST = dt.date(2026, 11, 18)


def _titles(page):
    model = page.outputs.model
    return [model.index(r, 1).data() for r in range(model.rowCount())]


def test_an_output_added_on_a_past_day_lands_on_that_day(qtbot, tracking, page):
    page.show_day(PAST)
    click(qtbot, page.outputs.add_button)
    dialog = page.output_dialog
    retype(qtbot, dialog.title_edit, "Backprop by hand")
    choose(qtbot, dialog.kind_combo, "Explainer")
    retype(qtbot, dialog.words_edit, "2,400")
    click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Save))
    (output,) = tracking.outputs.for_day(PAST)
    assert (output.title, output.kind, output.words) == ("Backprop by hand", "explainer", 2400)
    assert tracking.outputs.for_day(TODAY) == []
    assert _titles(page) == ["Backprop by hand"]
    assert page.outputs.model.index(0, 3).data() == "2,400"
    assert page.outputs.selected_output_id() == output.id


def test_a_refused_output_keeps_the_dialog_open_and_saves_nothing(qtbot, tracking, page):
    click(qtbot, page.outputs.add_button)
    dialog = page.output_dialog
    retype(qtbot, dialog.title_edit, "Post")
    retype(qtbot, dialog.url_edit, "ftp://example.org")
    click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Save))
    assert dialog.isVisible()
    assert tracking.outputs.for_day(TODAY) == []
    assert _titles(page) == []


def test_edit_with_enter_then_delete_and_undo(qtbot, tracking, page, events):
    skill = tracking.skills.ensure("Rust")
    made = tracking.outputs.add(
        kind="code",
        title="tiny-grad",
        url="https://example.org/tg",
        words=10,
        day=TODAY,
        skill_id=skill.id,
    )
    events.tracking_changed.emit()
    table = page.outputs.table
    page.outputs.select_output(made.id)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    dialog = page.output_dialog
    choose(qtbot, dialog.status_combo, "Published")
    click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Save))
    assert tracking.outputs.get(made.id).status == "published"
    assert page.outputs.model.index(0, 2).data() == "published"

    page.outputs.select_output(made.id)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert tracking.outputs.for_day(TODAY) == []
    assert page.outputs.empty_label.isVisible()
    assert page.outputs.undo_bar.label.text() == "Output “tiny-grad” deleted"
    click(qtbot, page.outputs.undo_bar.undo_button)
    (back,) = tracking.outputs.for_day(TODAY)
    assert (back.title, back.status, back.url, back.words, back.skill_id) == (
        "tiny-grad",
        "published",
        "https://example.org/tg",
        10,
        skill.id,
    )
    assert _titles(page) == ["tiny-grad"]
