"""TrashDialog: restore, delete forever and empty the trash, with a fake and for real."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from journal_app.errors import InvalidInput
from journal_app.ui.journal import prompts
from journal_app.ui.journal.trash_dialog import TrashDialog
from tests.ui.journal.data import OFFSCREEN, WED, summary

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN)

DELETED = dt.datetime(2026, 11, 24, 18, 5, tzinfo=dt.UTC)


class FakeTrash:
    def __init__(self, *, forever: bool = True) -> None:
        self.items = [
            summary(4, WED, "Backprop by hand", deleted_at=DELETED),
            summary(9, WED, "", deleted_at=DELETED - dt.timedelta(days=1)),
            summary(12, WED, "Old draft", deleted_at=DELETED - dt.timedelta(days=9)),
        ]
        self.calls: list[tuple[str, int | None]] = []
        if forever:
            self.delete_forever = self._delete_forever

    def trashed(self):
        return list(self.items)

    def restore(self, entry_id):
        self.calls.append(("restore", entry_id))
        if entry_id == 666:
            raise InvalidInput("there is no entry 666")
        self.items = [s for s in self.items if s.id != entry_id]

    def empty_trash(self):
        self.calls.append(("empty", None))
        count, self.items = len(self.items), []
        return count

    def _delete_forever(self, entry_id):
        self.calls.append(("forever", entry_id))
        self.items = [s for s in self.items if s.id != entry_id]


@pytest.fixture
def answers(monkeypatch):
    """What the confirmation box answers; records the questions asked."""

    class Answers:
        reply = True
        asked: ClassVar[list[str]] = []
        errors: ClassVar[list[str]] = []

    def confirm(parent, title, text, action):
        Answers.asked.append(f"{title} {text} [{action}]")
        return Answers.reply

    monkeypatch.setattr(prompts, "confirm", confirm)
    monkeypatch.setattr(prompts, "show_error", lambda p, t, text: Answers.errors.append(text))
    return Answers


def make(qtbot, api) -> TrashDialog:
    dialog = TrashDialog(api)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def click_item(qtbot, dialog: TrashDialog, row: int, modifier=Qt.KeyboardModifier.NoModifier):
    item = dialog.list.topLevelItem(row)
    rect = dialog.list.visualItemRect(item)
    qtbot.mouseClick(dialog.list.viewport(), Qt.MouseButton.LeftButton, modifier, pos=rect.center())


def test_lists_the_trash_with_title_day_and_when_deleted(qtbot):
    dialog = make(qtbot, FakeTrash())
    assert dialog.ids() == [4, 9, 12]
    first = dialog.list.topLevelItem(0)
    assert first.text(0) == "Backprop by hand"
    assert first.text(1) == "Wed 25 Nov 2026"
    assert first.text(2).startswith(f"{DELETED.astimezone():%a}")
    assert dialog.list.topLevelItem(1).text(0) == "(untitled)"
    assert dialog.list.topLevelItem(1).font(0).italic()
    assert "3 entries" in dialog.summary_label.text()


def test_restore_puts_the_selected_entry_back(qtbot, answers):
    api = FakeTrash()
    dialog = make(qtbot, api)
    click_item(qtbot, dialog, 1)
    with qtbot.waitSignal(dialog.restored) as blocker:
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [9]
    assert api.calls == [("restore", 9)]
    assert dialog.ids() == [4, 12]
    assert answers.asked == []  # restoring loses nothing: no question


def test_restore_several_at_once(qtbot):
    api = FakeTrash()
    dialog = make(qtbot, api)
    click_item(qtbot, dialog, 0)
    click_item(qtbot, dialog, 2, Qt.KeyboardModifier.ControlModifier)
    restored: list[int] = []
    dialog.restored.connect(restored.append)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert sorted(restored) == [4, 12]
    assert dialog.ids() == [9]


def test_enter_restores_the_selected_entry(qtbot):
    api = FakeTrash()
    dialog = make(qtbot, api)
    click_item(qtbot, dialog, 2)
    with qtbot.waitSignal(dialog.restored) as blocker:
        qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
    assert blocker.args == [12]


def test_empty_trash_asks_first_and_cancel_keeps_everything(qtbot, answers):
    api = FakeTrash()
    dialog = make(qtbot, api)
    answers.reply = False
    with qtbot.assertNotEmitted(dialog.emptied):
        qtbot.mouseClick(dialog.empty_button, Qt.MouseButton.LeftButton)
    assert "3 entries" in answers.asked[0] and "cannot be undone" in answers.asked[0]
    assert api.calls == []
    assert dialog.ids() == [4, 9, 12]


def test_empty_trash_deletes_them_and_shows_the_empty_state(qtbot, answers):
    api = FakeTrash()
    dialog = make(qtbot, api)
    with qtbot.waitSignal(dialog.emptied) as blocker:
        qtbot.mouseClick(dialog.empty_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [3]
    assert dialog.ids() == []
    assert dialog.empty_label.isVisible() and not dialog.list.isVisible()
    assert "trash is empty" in dialog.summary_label.text()
    assert not dialog.restore_button.isEnabled()
    assert not dialog.empty_button.isEnabled()


def test_delete_forever_when_the_api_offers_it(qtbot, answers):
    api = FakeTrash()
    dialog = make(qtbot, api)
    assert dialog.delete_button is not None
    click_item(qtbot, dialog, 0)
    with qtbot.waitSignal(dialog.deleted_forever) as blocker:
        qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [4]
    assert "this entry" in answers.asked[0]
    assert api.calls == [("forever", 4)]


def test_no_delete_forever_button_without_the_method(qtbot):
    dialog = make(qtbot, FakeTrash(forever=False))
    assert dialog.delete_button is None


def test_a_failed_restore_is_explained(qtbot, answers):
    api = FakeTrash()
    api.items.insert(0, summary(666, WED, "Ghost", deleted_at=DELETED))
    dialog = make(qtbot, api)
    click_item(qtbot, dialog, 0)
    with qtbot.assertNotEmitted(dialog.restored):
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert answers.errors == ["there is no entry 666"]


def test_an_injected_confirm_is_used(qtbot):
    asked: list[str] = []
    api = FakeTrash()
    dialog = TrashDialog(
        api, confirm=lambda parent, title, text, action: asked.append(action) or False
    )
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.empty_button, Qt.MouseButton.LeftButton)
    assert asked == ["Empty trash"]
    assert api.calls == []  # it said no


def test_with_the_real_service(qtbot, services, clock, answers):
    entries = services.entries
    keep = entries.create(day=WED, title="Keep me")
    gone = entries.create(day=WED, title="Let me go")
    entries.trash(keep.id)
    clock.advance(minutes=1)
    entries.trash(gone.id)
    dialog = make(qtbot, entries)
    assert dialog.ids() == [gone.id, keep.id]  # the most recently deleted first
    click_item(qtbot, dialog, 1)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert entries.get(keep.id).deleted_at is None
    qtbot.mouseClick(dialog.empty_button, Qt.MouseButton.LeftButton)
    assert entries.trashed() == []
    assert [s.id for s in entries.summaries()] == [keep.id]
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
