"""The Journal as a user drives it: write, switch, close, search, history, trash, templates."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMimeData, Qt, QUrl
from PySide6.QtGui import QColor, QImage, QTextDocument
from PySide6.QtWidgets import QApplication, QMessageBox

from journal_app.ui.journal.page import JournalPage

from .test_preview import click_text

DAY = dt.date(2026, 11, 20)


@pytest.fixture
def journal(services):
    """Three entries, the newest opening first."""
    first = services.entries.create(day=DAY - dt.timedelta(days=2), title="Day 1 of ML", body="a")
    second = services.entries.create(
        day=DAY - dt.timedelta(days=1), title="Backprop", body="Chain rule.", tags=["math"]
    )
    third = services.entries.create(day=DAY, title="Attention", body="Queries and keys.")
    return first, second, third


@pytest.fixture
def page(make_window, journal) -> JournalPage:
    window = make_window()
    page = window.journal_page
    page.editor_pane  # noqa: B018 - built now rather than after the first paint
    return page


def _type(qtbot, widget, text: str) -> None:
    widget.setFocus()
    qtbot.keyClicks(widget, text)


def test_opens_on_the_newest_entry(page, journal):
    pane = page.editor_pane
    assert pane.entry.id == journal[2].id
    assert pane.title_edit.text() == "Attention"
    assert pane.editor.text() == "Queries and keys."
    assert page.entry_list.selected_entry_id() == journal[2].id


def test_typing_is_saved_about_a_second_later_and_the_status_says_so(qtbot, page, services):
    pane = page.editor_pane
    pane.editor.moveCursor(pane.editor.textCursor().MoveOperation.End)
    with qtbot.waitSignal(pane.autosave.saved, timeout=30_000):  # a hang bound (~1 s)
        _type(qtbot, pane.editor, " And values.")
    assert services.entries.get(pane.entry.id).body == "Queries and keys. And values."
    assert page.window().save_label.text() == "Saved"
    assert "5 words" in page.window().stats_label.text()


def test_switching_entries_during_the_delay_loses_nothing(qtbot, page, journal, services):
    pane = page.editor_pane
    pane.editor.moveCursor(pane.editor.textCursor().MoveOperation.End)
    _type(qtbot, pane.editor, " Softmax!")
    assert pane.autosave.dirty  # still inside the 1 s delay
    page.open_entry(journal[0].id)
    assert services.entries.get(journal[2].id).body == "Queries and keys. Softmax!"
    assert pane.editor.text() == "a"


def test_closing_the_window_during_the_delay_loses_nothing(qtbot, make_window, journal, services):
    window = make_window()
    pane = window.journal_page.editor_pane
    pane.title_edit.selectAll()
    _type(qtbot, pane.title_edit, "Self-attention")
    assert pane.autosave.dirty
    window.close()
    assert services.entries.get(journal[2].id).title == "Self-attention"


def test_ctrl_s_saves_at_once(qtbot, page, services):
    pane = page.editor_pane
    _type(qtbot, pane.editor, "Now: ")
    qtbot.keyClick(pane.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not pane.autosave.dirty
    assert services.entries.get(pane.entry.id).body.startswith("Now: ")


def test_ctrl_n_starts_a_draft_written_on_the_first_keystroke(qtbot, page, services):
    before = services.entries.count()
    qtbot.keyClick(page.editor_pane.editor, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    pane = page.editor_pane
    assert pane.entry is None and pane.has_document()
    page.open_entry(page.entry_list.entry_ids_in_order()[0])
    assert services.entries.count() == before  # an untouched draft leaves nothing behind

    page.new_entry()
    _type(qtbot, pane.title_edit, "Day 4 of ML")
    assert pane.flush()
    assert services.entries.count() == before + 1
    assert pane.entry.title == "Day 4 of ML"
    assert page.entry_list.selected_entry_id() == pane.entry.id
    assert page.entry_list.model.summary(pane.entry.id).title == "Day 4 of ML"


def test_a_series_suggests_the_next_number(qtbot, page, services):
    services.entries.create(day=DAY, title="SSJ 6", series="Self Study Journal", number=6)
    page.refresh()
    page.new_entry()
    pane = page.editor_pane
    pane.reload_choices()
    pane.series_combo.setCurrentText("Self Study Journal")
    assert pane.number_spin.value() == 7
    _type(qtbot, pane.title_edit, "Sprint 1 review")
    assert pane.flush()
    saved = services.entries.get(pane.entry.id)
    assert (saved.series, saved.number) == ("Self Study Journal", 7)


def test_fields_are_saved_with_the_entry(qtbot, page, services):
    pane = page.editor_pane
    pane.tags_edit.setFocus()
    pane.tags_edit.selectAll()
    qtbot.keyClicks(pane.tags_edit, "transformers, #nlp, transformers")
    pane.visibility_combo.setCurrentIndex(1)
    pane.day_edit.setDate(pane.day_edit.date().addDays(-10))
    assert pane.flush()
    saved = services.entries.get(pane.entry.id)
    assert saved.tags == ["nlp", "transformers"]
    assert saved.visibility == "public"
    assert saved.day == DAY - dt.timedelta(days=10)


def test_a_stale_editor_keeps_the_text_as_a_conflicting_copy(qtbot, page, services, monkeypatch):
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, _t, *a: warnings.append(title))
    pane = page.editor_pane
    entry = pane.entry
    services.entries.update(entry.id, expected_rev=entry.rev, body="Changed by the CLI")
    _type(qtbot, pane.editor, "Mine: ")
    assert pane.flush()
    assert warnings == ["Entry changed elsewhere"]
    assert services.entries.get(entry.id).body == "Changed by the CLI"  # not overwritten
    copies = [s for s in services.entries.summaries() if "(conflicting copy)" in s.title]
    assert len(copies) == 1
    assert services.entries.get(copies[0].id).body == "Mine: Queries and keys."
    assert pane.editor.text() == "Changed by the CLI"  # the newer text is shown


def test_preview_modes_follow_the_text(qtbot, page):
    pane = page.editor_pane
    page.view_actions["split"].trigger()
    preview = pane.preview
    assert preview.isVisible() and pane.editor.isVisible()
    with qtbot.waitSignal(preview.rendered, timeout=5000):
        pane.editor.selectAll()
        _type(qtbot, pane.editor, "# Heading one")
        pane.editor.insertPlainText("\n\n| a | b |\n|---|---|\n| 1 | 2 |\n")
    qtbot.waitUntil(lambda: "Heading one" in preview.toPlainText(), timeout=5000)
    page.view_actions["preview"].trigger()
    assert not pane.editor.isVisible() and preview.isVisible()
    page.view_actions["editor"].trigger()
    assert pane.editor.isVisible() and not preview.isVisible()


def _png() -> QByteArray:
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    image.fill(QColor("teal"))
    png = QByteArray()
    buffer = QBuffer(png)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return png


def test_pasting_an_image_into_a_new_draft_writes_the_entry_first(qtbot, page, services):
    page.new_entry()
    pane = page.editor_pane
    assert pane.entry is None
    mime = QMimeData()
    mime.setData("image/png", _png())
    pane.editor.setFocus()
    pane.editor.insertFromMimeData(mime)
    assert pane.entry is not None
    assert len(services.attachments.list_for(pane.entry.id)) == 1
    assert "attachment:" in pane.editor.text()


def test_pasting_an_image_stores_it_and_links_it(qtbot, page, services, data_paths):
    pane = page.editor_pane
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    image.fill(QColor("teal"))
    png = QByteArray()
    buffer = QBuffer(png)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    mime = QMimeData()
    mime.setData("image/png", png)
    pane.editor.setFocus()
    pane.editor.insertFromMimeData(mime)
    text = pane.editor.text()
    assert "![image](attachment:" in text
    stored = services.attachments.list_for(pane.entry.id)
    assert len(stored) == 1
    assert (data_paths.attachments / stored[0].filename).read_bytes() == bytes(png.data())
    assert stored[0].url in text


def test_history_restores_an_earlier_version(qtbot, page, services, clock, monkeypatch):
    pane = page.editor_pane
    entry_id = pane.entry.id
    pane.editor.selectAll()
    _type(qtbot, pane.editor, "Rewritten completely")
    assert pane.flush()

    from journal_app.ui.journal import history_dialog

    def choose_oldest(dialog):
        ids = dialog.revision_ids()
        dialog.restore_requested.emit(ids[-1])
        return 1

    monkeypatch.setattr(history_dialog.HistoryDialog, "exec", choose_oldest)
    page.history_action.trigger()
    assert services.entries.get(entry_id).body == "Queries and keys."
    assert pane.editor.text() == "Queries and keys."
    reasons = [r.reason for r in services.entries.history(entry_id)]
    assert "before restore" in reasons  # the replaced text is kept too


def test_trash_and_restore(qtbot, page, journal, services, monkeypatch):
    pane = page.editor_pane
    page.trash_action.trigger()
    assert journal[2].id not in page.entry_list.entry_ids_in_order()
    assert pane.entry.id == journal[1].id  # the next entry opens
    assert [s.id for s in services.entries.trashed()] == [journal[2].id]

    from journal_app.ui.journal import trash_dialog

    def restore_first(dialog):
        dialog.select(journal[2].id)
        dialog.restore_button.click()
        return 1

    monkeypatch.setattr(trash_dialog.TrashDialog, "exec", restore_first)
    page.trash_dialog_action.trigger()
    assert journal[2].id in page.entry_list.entry_ids_in_order()
    assert pane.entry.id == journal[2].id


def test_a_template_fills_its_placeholders(qtbot, page, services):
    daily = next(t for t in services.templates.list() if t.name == "Daily log")
    page._chosen_day = DAY
    assert page.new_from_template(daily.id)
    pane = page.editor_pane
    text = pane.editor.text()
    assert "{{" not in text and "{{" not in pane.title_edit.text()
    assert pane.day_edit.date().toPython() == DAY
    assert pane.flush()
    assert services.entries.get(pane.entry.id).body == text


def test_ctrl_k_searches_and_enter_opens(qtbot, page, journal, services):
    qtbot.keyClick(page.editor_pane.editor, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert page.search.field.hasFocus() or QApplication.focusWidget() is page.search.field
    with qtbot.waitSignal(page.search.results_shown, timeout=5000):
        qtbot.keyClicks(page.search.field, "chain")
    assert not page.browser.isVisible()
    qtbot.keyClick(page.search.field, Qt.Key.Key_Return)
    assert page.editor_pane.entry.id == journal[1].id
    page.search.clear()
    assert page.browser.isVisible()


def test_arrows_in_search_show_entries_and_enter_moves_to_the_editor(qtbot, page, journal):
    page.window().show()
    qtbot.keyClick(page.editor_pane.editor, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    with qtbot.waitSignal(page.search.results_shown, timeout=5000) as shown:
        qtbot.keyClicks(page.search.field, "a")  # Attention, Backprop (tag "math")...
    assert shown.args[0] >= 2
    first = page.search.results.item(0).data(Qt.ItemDataRole.UserRole)
    second = page.search.results.item(1).data(Qt.ItemDataRole.UserRole)
    page.open_entry(first)
    qtbot.keyClick(page.search.field, Qt.Key.Key_Down)
    assert page.editor_pane.entry.id == second  # shown at once...
    assert QApplication.focusWidget() is page.search.field  # ...while typing goes on here
    qtbot.keyClick(page.search.field, Qt.Key.Key_Return)
    assert page.editor_pane.entry.id == second
    assert QApplication.focusWidget() is page.editor_pane.editor


def test_distraction_free_shows_only_the_text(qtbot, page):
    window = page.window()
    page.distraction_free_action.trigger()
    assert not page.left.isVisible()
    assert not window.menuBar().isVisible()
    assert page.editor_pane.editor.isVisible()
    assert not page.editor_pane.header.isVisible()
    page.exit_focus_action.trigger()
    assert page.left.isVisible() and window.menuBar().isVisible()


def test_the_editor_is_built_after_the_first_paint(qtbot, make_window, journal):
    window = make_window(show=False)
    page = window.journal_page
    assert page._pane is None  # nothing is built before the window paints
    with qtbot.waitSignal(page.editor_ready, timeout=5000):
        window.show()
    assert page.editor_pane.entry.id == journal[2].id


def test_the_editor_preview_and_markdown_stay_out_of_start_up():
    """Building the window must not import what loads after the first paint."""
    import subprocess
    import sys

    code = (
        "import sys; import journal_app.ui.main_window; "
        "heavy = ['journal_app.ui.journal.entry_editor', 'journal_app.ui.journal.preview', "
        "'markdown', "
        "'pyqtgraph', 'journal_app.ui.journal.history_dialog', 'journal_app.services.search']; "
        "print([m for m in heavy if m in sys.modules])"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_the_calendar_opens_a_day_and_new_entries_default_to_it(qtbot, page, journal, services):
    qtbot.waitUntil(lambda: page.calendar is not None, timeout=5000)
    assert DAY - dt.timedelta(days=1) in page.calendar.marked_days()
    page.calendar.date_chosen.emit(DAY - dt.timedelta(days=1))
    assert page.editor_pane.entry.id == journal[1].id
    empty_day = DAY - dt.timedelta(days=30)
    page.calendar.date_chosen.emit(empty_day)
    assert "No entry on" in page.window().save_label.text()
    page.new_entry()
    assert page.editor_pane.day_edit.date().toPython() == empty_day


@pytest.mark.parametrize("journal_kind", ["encrypted"])
def test_a_pasted_image_in_an_encrypted_journal_is_sealed_on_disk_and_shown(
    qtbot, page, services, data_paths, journal_kind
):
    pane = page.editor_pane
    page.view_actions["split"].trigger()
    png = _png()
    mime = QMimeData()
    mime.setData("image/png", png)
    pane.editor.setFocus()
    with qtbot.waitSignal(pane.preview.rendered, timeout=5000):
        pane.editor.insertFromMimeData(mime)
    (stored,) = services.attachments.list_for(pane.entry.id)
    on_disk = (data_paths.attachments / stored.filename).read_bytes()
    assert bytes(png.data()) not in on_disk and not on_disk.startswith(b"\x89PNG")

    def shown() -> bool:
        image = pane.preview.document().resource(
            QTextDocument.ResourceType.ImageResource.value, QUrl(stored.url)
        )
        return isinstance(image, QImage) and image.width() > 0

    qtbot.waitUntil(shown, timeout=5000)


def test_a_link_to_another_entry_opens_it(qtbot, page, services):
    """Imported [[wiki links]] become `[Note](entry:ID)`; clicking one opens that entry."""
    target = services.entries.create(day=dt.date(2026, 3, 9), title="Chain rule", body="d/dx")
    source = services.entries.create(
        day=dt.date(2026, 3, 10),
        title="Backprop day",
        body=f"See [the rule](entry:{target.id}) and [gone](entry:999999).",
    )
    page.open_entry(source.id)
    pane = page.editor_pane
    page.view_actions["preview"].trigger()
    preview = pane.preview
    qtbot.waitUntil(lambda: "the rule" in preview.toPlainText(), timeout=5000)
    assert click_text(qtbot, preview, "the rule") == f"entry:{target.id}"
    qtbot.waitUntil(lambda: pane.entry is not None and pane.entry.id == target.id, timeout=5000)
    page.open_entry(source.id)
    qtbot.waitUntil(lambda: "gone" in preview.toPlainText(), timeout=5000)
    with qtbot.waitSignal(page.message, timeout=5000) as said:
        click_text(qtbot, preview, "gone")
    assert said.args[0] == "That entry is not in the journal any more"
    assert pane.entry.id == source.id
