"""Links between entries as a user drives them: [[ completion, following a link, the
"Linked from" panel, a missing entry, renaming, ticking a task in the preview."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from journal_app.ui.journal import prompts
from tests.ui.test_preview import click_text

DAY = dt.date(2026, 11, 20)


@pytest.fixture
def notes(services):
    rule = services.entries.create(day=DAY - dt.timedelta(days=2), title="Chain rule", body="d/dx")
    source = services.entries.create(
        day=DAY - dt.timedelta(days=1),
        title="Backprop",
        body="Intro.\nWe apply the [[Chain rule|rule]] twice. And [[Gradient descent]].\n\n"
        "- [ ] derive it\n- [x] read the paper\n",
    )
    latest = services.entries.create(day=DAY, title="Attention", body="Queries and keys.")
    return rule, source, latest


@pytest.fixture
def page(make_window, notes):
    window = make_window()
    page = window.journal_page
    page.editor_pane  # noqa: B018 - built now rather than after the first paint
    return page


@pytest.fixture
def answers(monkeypatch):
    """Questions asked, answered Yes unless a test says otherwise."""
    asked: list[str] = []
    reply = [True]

    def ask(_parent, title, text, action, decline):
        asked.append(f"{title}: {text} [{action}/{decline}]")
        return reply[0]

    monkeypatch.setattr(prompts, "ask", ask)
    return asked, reply


def _preview(qtbot, page, entry_id: int, text: str):
    page.open_entry(entry_id)
    pane = page.editor_pane
    page.view_actions["preview"].trigger()
    preview = pane.preview
    qtbot.waitUntil(lambda: not preview.busy and text in preview.toPlainText(), timeout=10_000)
    return pane, preview


# The offscreen platform cannot raise a popup or let it grab the keyboard.
@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing the keyboard")
def test_typing_double_brackets_offers_titles_and_enter_writes_the_link(qtbot, page):
    pane = page.editor_pane
    editor = pane.editor
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor, " See [[")
    popup = editor.link_completer.completer.popup()
    qtbot.waitUntil(popup.isVisible, timeout=5000)
    qtbot.keyClicks(editor, "rule")  # narrows to titles holding "rule", any case
    assert editor.link_completer.completer.currentCompletion() == "Chain rule"
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert editor.text() == "Queries and keys. See [[Chain rule]]"
    assert not popup.isVisible()
    qtbot.keyClicks(editor, " ok")  # the cursor sits after the ]]; Enter made no new line
    assert editor.text() == "Queries and keys. See [[Chain rule]] ok"
    qtbot.keyClicks(editor, " [[Att")
    qtbot.waitUntil(popup.isVisible, timeout=5000)
    qtbot.keyClick(popup, Qt.Key.Key_Escape)  # closes the offer, writes nothing
    assert not popup.isVisible()
    assert editor.text() == "Queries and keys. See [[Chain rule]] ok [[Att"


def test_clicking_a_link_in_the_preview_opens_the_entry(qtbot, page, notes):
    rule, source, _ = notes
    pane, preview = _preview(qtbot, page, source.id, "rule")
    assert click_text(qtbot, preview, "rule") == f"entry:{rule.id}"
    qtbot.waitUntil(lambda: pane.entry.id == rule.id, timeout=5000)
    assert pane.title_edit.text() == "Chain rule"


def test_the_backlink_shows_its_sentence_and_opens_the_source(qtbot, page, notes):
    rule, source, _ = notes
    page.open_entry(rule.id)
    panel = page.editor_pane.backlinks
    assert panel.isVisible() and panel.heading.text() == "Linked from (1)"
    item = panel.list.item(0)
    assert item.text() == "Backprop · 19 Nov 2026\n“We apply the rule twice.”"
    rect = panel.list.visualItemRect(item)
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: page.editor_pane.entry.id == source.id, timeout=5000)
    assert not panel.isVisible()  # nothing links to "Backprop"


def test_a_missing_link_is_marked_and_offers_to_write_the_entry(
    qtbot, page, notes, answers, services
):
    asked, _ = answers
    pane, preview = _preview(qtbot, page, notes[1].id, "Gradient descent")
    assert 'class="missing" href="newentry:Gradient%20descent"' in preview.displayed_html()
    assert click_text(qtbot, preview, "Gradient descent") == "newentry:Gradient%20descent"
    assert asked == [
        "Write this entry?: No entry is titled “Gradient descent” yet. Write it now? "
        "[Write It/Not Now]"
    ]
    assert pane.title_edit.text() == "Gradient descent" and pane.entry is None  # a draft
    assert pane.flush()
    written = services.entries.get(pane.entry.id)
    assert written.title == "Gradient descent"
    page.open_entry(notes[1].id)
    qtbot.waitUntil(lambda: not preview.busy, timeout=10_000)
    assert f'href="entry:{written.id}"' in preview.displayed_html()  # no longer missing


def test_renaming_updates_the_links_after_the_user_agrees(qtbot, page, notes, answers, services):
    asked, _ = answers
    rule, source, _ = notes
    page.open_entry(rule.id)
    pane = page.editor_pane
    pane.title_edit.setFocus()
    pane.title_edit.selectAll()
    qtbot.keyClicks(pane.title_edit, "Chain rule (calculus)")
    qtbot.keyClick(pane.title_edit, Qt.Key.Key_Return)
    assert asked == [
        "Update the links?: 1 entry links to “Chain rule”. Change those links to "
        "“Chain rule (calculus)”? Each changed entry keeps its previous text in History. "
        "[Update Links/Leave Them]"
    ]
    body = services.entries.get(source.id).body
    assert "[[Chain rule (calculus)|rule]]" in body
    assert services.entries.history(source.id)[0].reason == "before renaming links"
    assert pane.backlinks.entry_ids() == [source.id]
    assert page.window().save_label.text() == "Updated the links in 1 entry"


def test_declining_the_rename_leaves_the_links(qtbot, page, notes, answers, services):
    asked, reply = answers
    reply[0] = False
    rule, source, _ = notes
    page.open_entry(rule.id)
    pane = page.editor_pane
    pane.title_edit.setFocus()
    pane.title_edit.selectAll()
    qtbot.keyClicks(pane.title_edit, "Calculus")
    qtbot.keyClick(pane.title_edit, Qt.Key.Key_Return)
    assert len(asked) == 1
    assert services.entries.get(rule.id).title == "Calculus"
    assert services.entries.get(source.id).body == notes[1].body


def test_ticking_a_task_box_in_the_preview_changes_the_text(qtbot, page, notes, services):
    pane, preview = _preview(qtbot, page, notes[1].id, "derive it")
    assert click_text(qtbot, preview, "☐") == "task:3"
    assert "- [x] derive it\n- [x] read the paper" in pane.editor.text()
    qtbot.waitUntil(lambda: not preview.busy and "☐" not in preview.toPlainText(), timeout=10_000)
    assert click_text(qtbot, preview, "☑") == "task:3"  # untick it again
    assert "- [ ] derive it\n- [x] read the paper" in pane.editor.text()
    pane.editor.undo()  # an edit like typing: undoable...
    assert "- [x] derive it" in pane.editor.text()
    assert pane.flush()  # ...and saved like typing
    assert "- [x] derive it" in services.entries.get(notes[1].id).body


@pytest.mark.parametrize("look", ["light", "dark"])
def test_the_panel_and_links_are_readable_in_both_looks(qtbot, page, notes, look, tmp_path):
    from journal_app.ui.theme import Theme, ThemeManager

    ThemeManager.shared().set_theme(Theme(look))
    rule, source, _ = notes
    page.window().resize(1200, 760)
    pane, preview = _preview(qtbot, page, source.id, "rule")
    page.view_actions["split"].trigger()
    qtbot.waitUntil(lambda: not preview.busy, timeout=10_000)
    pane.grab().save(str(tmp_path / f"source-{look}.png"))  # links, a missing one, tasks
    page.open_entry(rule.id)
    qtbot.waitUntil(lambda: not preview.busy, timeout=10_000)
    panel = pane.backlinks
    image = panel.grab().toImage()
    pane.grab().save(str(tmp_path / f"links-{look}.png"))  # looked at by hand
    background = panel.palette().color(panel.backgroundRole())
    drawn = {
        image.pixelColor(x, y).rgb()
        for x in range(0, image.width(), 3)
        for y in range(0, image.height(), 3)
    }
    assert background.rgb() in drawn and len(drawn) > 8  # the panel, with text drawn on it
    rows = panel.list.viewport().grab().toImage()
    beside_text = rows.pixelColor(rows.width() - 4, rows.height() // 2)
    assert (beside_text.lightness() < 128) == (look == "dark")  # the list follows the look
    assert preview.dark == (look == "dark")
