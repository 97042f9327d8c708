"""OutputDialog: a user types an output, it lands in the journal; refused values show as
one line in the dialog and nothing is written."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt

from journal_app.db.models import Sprint
from journal_app.ui.tracking.output_dialog import OutputDialog


def _dialog(qtbot, services, **kwargs) -> OutputDialog:
    dialog = OutputDialog(services, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def _choose(combo, text: str) -> None:
    index = combo.findText(text)
    assert index >= 0, f"{text!r} not offered"
    combo.setCurrentIndex(index)


def test_a_new_output_is_saved_with_every_field(qtbot, services):
    entry = services.entries.create(day=dt.date(2026, 11, 20), title="Day 40 of ML")
    sprint = Sprint.create(name="Sprint 3", start=dt.date(2026, 11, 16), end=dt.date(2026, 11, 29))
    skill = services.skills.add("Machine learning")
    dialog = _dialog(qtbot, services, day=dt.date(2026, 11, 21))
    assert dialog.windowTitle() == "New output"
    assert dialog.date_edit.date() == QDate(2026, 11, 21)

    qtbot.keyClicks(dialog.title_edit, "Attention, explained")
    _choose(dialog.kind_combo, "Explainer")
    _choose(dialog.status_combo, "Published")
    qtbot.keyClicks(dialog.url_edit, "https://example.org/attention")
    qtbot.keyClicks(dialog.words_edit, "2,400")
    _choose(dialog.entry_combo, "Fri 20 Nov 2026 · Day 40 of ML")
    _choose(dialog.sprint_combo, "Sprint 3")
    _choose(dialog.skill_combo, "Machine learning")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Return)

    saved = services.outputs.get(dialog.saved_id)
    assert (saved.title, saved.kind) == ("Attention, explained", "explainer")
    assert saved.status == "published"
    assert (saved.url, saved.words, saved.day) == (
        "https://example.org/attention",
        2400,
        dt.date(2026, 11, 21),
    )
    assert (saved.entry_id, saved.sprint_id, saved.skill_id) == (entry.id, sprint.id, skill.id)


def test_a_new_output_starts_today_in_the_journals_zone(qtbot, services):
    dialog = _dialog(qtbot, services)  # the clock says 2026-11-22 20:30 UTC
    assert dialog.date_edit.date() == QDate(2026, 11, 22)
    assert dialog.entry_combo.currentText() == "—"


def test_an_output_is_edited_in_place(qtbot, services):
    first = services.outputs.add(kind="blog_post", title="Draft post", words=100)
    dialog = _dialog(qtbot, services, output_id=first.id)
    assert dialog.windowTitle() == "Edit output"
    assert dialog.title_edit.text() == "Draft post"
    assert dialog.kind_combo.currentText() == "Blog post"
    assert dialog.words_edit.text() == "100"
    dialog.words_edit.clear()
    qtbot.keyClicks(dialog.words_edit, "1800")
    _choose(dialog.status_combo, "Draft")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert not dialog.isVisible()
    assert dialog.saved_id == first.id
    again = services.outputs.get(first.id)
    assert (again.words, again.status, again.title) == (1800, "draft", "Draft post")
    assert len(services.outputs.list()) == 1


def test_bad_values_show_inline_and_nothing_is_saved(qtbot, services):
    dialog = _dialog(qtbot, services)
    save = dialog.buttons.button(dialog.buttons.StandardButton.Save)
    save.click()  # no title
    assert dialog.isVisible()
    assert dialog.error_label.isVisible()
    assert "title cannot be empty" in dialog.error_label.text()

    qtbot.keyClicks(dialog.title_edit, "Thread on RLHF")
    qtbot.keyClicks(dialog.url_edit, "ftp://example.org")
    save.click()
    assert "http:// or https://" in dialog.error_label.text()
    assert dialog.url_edit.hasFocus()  # where the fix goes

    dialog.url_edit.clear()
    qtbot.keyClicks(dialog.words_edit, "-5")
    save.click()
    assert "Words must be a whole number of 0 or more" in dialog.error_label.text()
    assert dialog.words_edit.hasFocus()

    dialog.words_edit.clear()
    qtbot.keyClicks(dialog.words_edit, "many")
    save.click()
    assert "“many”" in dialog.error_label.text()
    assert dialog.isVisible() and dialog.saved_id is None
    assert services.outputs.list() == []

    dialog.words_edit.clear()
    with qtbot.waitSignal(dialog.saved) as saved:
        save.click()
    assert not dialog.error_label.isVisible()
    assert [o.title for o in services.outputs.list()] == ["Thread on RLHF"]
    assert saved.args == [dialog.saved_id]


def test_cancel_saves_nothing(qtbot, services):
    dialog = _dialog(qtbot, services)
    qtbot.keyClicks(dialog.title_edit, "Never mind")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert dialog.saved_id is None
    assert services.outputs.list() == []


def test_an_older_linked_entry_is_still_offered(qtbot, services, monkeypatch):
    from journal_app.ui.tracking import output_dialog

    monkeypatch.setattr(output_dialog, "RECENT_ENTRIES", 2)
    old = services.entries.create(day=dt.date(2020, 1, 6), title="Day 0 of ML")
    for day in (3, 4, 5):
        services.entries.create(day=dt.date(2026, 11, day), title=f"Day {day}")
    output = services.outputs.add(kind="summary", title="Paper notes", entry_id=old.id)
    dialog = _dialog(qtbot, services, output_id=output.id)
    offered = [dialog.entry_combo.itemText(i) for i in range(dialog.entry_combo.count())]
    assert offered == [
        "—",
        "Thu 5 Nov 2026 · Day 5",
        "Wed 4 Nov 2026 · Day 4",
        "Mon 6 Jan 2020 · Day 0 of ML",
    ]
    assert dialog.entry_combo.currentData() == old.id
    dialog.accept()
    assert services.outputs.get(output.id).entry_id == old.id
