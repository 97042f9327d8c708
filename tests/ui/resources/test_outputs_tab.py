"""The Outputs tab: newest first, filters, a count of outputs and words, and add / edit /
delete through the OutputDialog."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from journal_app.ui.resources import prompts

from .conftest import TODAY, texts


def _choose(combo, text: str) -> None:
    index = combo.findText(text)
    assert index >= 0, f"{text!r} not offered"
    combo.setCurrentIndex(index)


def _some_outputs(journal):
    journal.outputs.add(
        kind="explainer",
        title="Attention",
        status="published",
        words=2400,
        day=TODAY - dt.timedelta(days=2),
    )
    journal.outputs.add(kind="x_thread", title="RLHF thread", status="draft", words=300, day=TODAY)
    journal.outputs.add(kind="explainer", title="Backprop idea", day=TODAY - dt.timedelta(days=9))


def test_outputs_newest_first_with_filters_and_a_summary(qtbot, make_page, journal):
    _some_outputs(journal)
    page = make_page("outputs")
    tab = page.tabs["outputs"]
    assert texts(tab.model, "Title") == ["RLHF thread", "Attention", "Backprop idea"]
    assert tab.summary_label.text() == "3 outputs · 1 published · 2,700 words"
    _choose(tab.kind_filter, "Explainer")
    assert texts(tab.model, "Title") == ["Attention", "Backprop idea"]
    _choose(tab.status_filter, "Idea")
    assert texts(tab.model, "Title") == ["Backprop idea"]
    assert tab.summary_label.text() == "1 output · 0 published · 0 words"
    _choose(tab.status_filter, "Published")
    _choose(tab.kind_filter, "X thread")
    assert texts(tab.model, "Title") == []
    assert tab.summary_label.text() == "No outputs of this kind or status."


def test_add_edit_and_delete_an_output(qtbot, make_page, journal, monkeypatch):
    page = make_page("outputs")
    tab = page.tabs["outputs"]
    assert "No outputs yet" in tab.summary_label.text()
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_Insert)
    dialog = tab.dialog
    qtbot.keyClicks(dialog.title_edit, "Attention, explained")
    _choose(dialog.kind_combo, "Explainer")
    qtbot.keyClicks(dialog.words_edit, "-40")
    qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Return)
    assert dialog.isVisible() and "0 or more" in dialog.error_label.text()
    assert journal.outputs.list() == []
    dialog.words_edit.clear()
    qtbot.keyClicks(dialog.words_edit, "1200")
    with qtbot.waitSignal(page.reloaded):
        qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Return)
    [saved] = journal.outputs.list()
    assert (saved.title, saved.kind, saved.words, saved.day, saved.status) == (
        "Attention, explained",
        "explainer",
        1200,
        TODAY,
        "idea",
    )
    assert texts(tab.model, "Title") == ["Attention, explained"]
    assert tab.selected_id() == saved.id

    qtbot.keyClick(tab.view, Qt.Key.Key_Return)
    dialog = tab.dialog
    assert dialog.windowTitle() == "Edit output"
    _choose(dialog.status_combo, "Published")
    qtbot.keyClicks(dialog.url_edit, "https://blog.example.org/attention")
    with qtbot.waitSignal(page.reloaded):
        qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Return)
    again = journal.outputs.get(saved.id)
    assert (again.status, again.url) == ("published", "https://blog.example.org/attention")
    assert texts(tab.model, "Status") == ["Published"]
    assert texts(tab.model, "Link") == ["blog.example.org"]
    assert tab.open_button.isEnabled()

    answers = iter([False, True])
    monkeypatch.setattr(prompts, "confirm", lambda *_a: next(answers))
    qtbot.keyClick(tab.view, Qt.Key.Key_Delete)
    assert len(journal.outputs.list()) == 1
    with qtbot.waitSignal(page.reloaded):
        qtbot.keyClick(tab.view, Qt.Key.Key_Delete)
    assert journal.outputs.list() == []
    assert tab.model.rowCount() == 0


def test_an_output_added_elsewhere_shows_when_the_page_is_next_seen(
    qtbot, make_page, journal, events
):
    page = make_page("outputs")
    tab = page.tabs["outputs"]
    page.hide()
    journal.outputs.add(kind="comment", title="A comment on LessWrong")
    events.tracking_changed.emit()
    qtbot.wait(0)  # nothing is read while the page is hidden
    assert tab.model.rowCount() == 0 and tab.dirty
    assert page.tabs["resources"].dirty
    with qtbot.waitSignal(page.reloaded):
        page.show()
    assert texts(tab.model, "Title") == ["A comment on LessWrong"]
    assert not tab.dirty and page.tabs["resources"].dirty  # the other tabs wait their turn


def test_publish_from_the_context_menu(qtbot, make_page, journal):
    _some_outputs(journal)
    page = make_page("outputs")
    tab = page.tabs["outputs"]
    thread = journal.outputs.list()[0]
    tab.select_id(thread.id)
    menu = tab.context_menu()
    marks = next(a.menu() for a in menu.actions() if a.text() == "Mark as")
    published = next(a for a in marks.actions() if a.text() == "Published")
    with qtbot.waitSignal(page.reloaded):
        published.trigger()
    assert journal.outputs.get(thread.id).status == "published"
    assert tab.summary_label.text() == "3 outputs · 2 published · 2,700 words"
