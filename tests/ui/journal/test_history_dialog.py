"""HistoryDialog: pick a version, read what changed, ask to restore it."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from journal_app.errors import InvalidInput
from journal_app.services.entries import RevisionData, RevisionSummary
from journal_app.ui.journal import prompts
from journal_app.ui.journal.history_dialog import HistoryDialog
from journal_app.ui.widgets.labels import local_time_label
from tests.ui.journal.data import OFFSCREEN

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN)

T = dt.datetime(2026, 11, 24, 18, 5, tzinfo=dt.UTC)
CURRENT = ("Sprint 1 review", "Intro\nWorked 7 hours today.\nEnd")


class FakeHistory:
    def __init__(self, revisions: list[RevisionData]) -> None:
        self.revisions = {r.id: r for r in revisions}
        self.loaded: list[int] = []

    def history(self, entry_id):
        assert entry_id == 5
        return [
            RevisionSummary(
                r.id, r.entry_id, r.rev, r.created_at, r.reason, r.title, len(r.body.split())
            )
            for r in self.revisions.values()
        ]

    def revision(self, revision_id):
        self.loaded.append(revision_id)
        if revision_id not in self.revisions:
            raise InvalidInput(f"there is no revision {revision_id}")
        return self.revisions[revision_id]


OLDER = RevisionData(1, 5, 2, T - dt.timedelta(hours=3), "before restore", "Sprint review", "x")
NEWER = RevisionData(
    2, 5, 3, T, "autosave", "Sprint 1 review", "Intro\nWorked 6 hours today.\n<script>x</script>"
)


def make(qtbot, api, current=CURRENT, entry_id=5) -> HistoryDialog:
    dialog = HistoryDialog(api, entry_id, *current)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_versions_newest_first_with_when_why_and_words(qtbot):
    dialog = make(qtbot, FakeHistory([OLDER, NEWER]))  # the API's order does not matter
    assert dialog.revision_ids() == [2, 1]
    top = dialog.list.topLevelItem(0)
    assert [top.text(c) for c in range(3)] == [local_time_label(T), "Autosave", "6 words"]
    assert dialog.list.topLevelItem(1).text(1) == "Before restore"
    assert dialog.list.topLevelItem(1).text(2) == "1 word"
    assert "2 earlier versions" in dialog.subtitle.text()


def test_the_newest_version_is_compared_at_once(qtbot):
    dialog = make(qtbot, FakeHistory([OLDER, NEWER]))
    assert dialog.selected_revision_id() == 2
    text = dialog.diff_view.toPlainText()
    assert "− Worked 6 hours today." in text
    assert "+ Worked 7 hours today." in text
    assert "− <script>x</script>" in text  # shown as text, not run or dropped
    assert dialog.restore_button.isEnabled()


def test_picking_another_version_with_the_keyboard(qtbot):
    api = FakeHistory([OLDER, NEWER])
    dialog = make(qtbot, api)
    dialog.list.setFocus()
    qtbot.keyClick(dialog.list, Qt.Key.Key_Down)
    assert dialog.selected_revision_id() == 1
    assert "Title: Sprint review → Sprint 1 review" in dialog.diff_view.toPlainText()
    qtbot.keyClick(dialog.list, Qt.Key.Key_Up)
    assert api.loaded == [2, 1]  # each version is read once


def test_clicking_a_version_then_restore(qtbot):
    dialog = make(qtbot, FakeHistory([OLDER, NEWER]))
    item = dialog.list.topLevelItem(1)
    qtbot.mouseClick(
        dialog.list.viewport(),
        Qt.MouseButton.LeftButton,
        pos=dialog.list.visualItemRect(item).center(),
    )
    with qtbot.waitSignal(dialog.restore_requested) as blocker:
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [1]
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert not dialog.isVisible()


def test_close_restores_nothing(qtbot):
    dialog = make(qtbot, FakeHistory([NEWER]))
    with qtbot.assertNotEmitted(dialog.restore_requested):
        qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_unchanged_lines_can_be_shown(qtbot):
    body = "\n".join(f"line {n}" for n in range(20))
    revision = RevisionData(3, 5, 1, T, "autosave", "T", body)
    dialog = make(qtbot, FakeHistory([revision]), ("T", body.replace("line 10", "line ten")))
    assert "line 2\n" not in dialog.diff_view.toPlainText()
    assert "unchanged lines" in dialog.diff_view.toPlainText()
    qtbot.mouseClick(dialog.whole_text, Qt.MouseButton.LeftButton)
    assert "  line 2\n" in dialog.diff_view.toPlainText()
    assert "unchanged lines" not in dialog.diff_view.toPlainText()


def test_empty_state(qtbot):
    dialog = make(qtbot, FakeHistory([]))
    assert dialog.empty_label.isVisible()
    assert "every 10 minutes" in dialog.empty_label.text()
    assert not dialog.splitter.isVisible()
    assert not dialog.restore_button.isEnabled()


def test_a_version_that_cannot_be_read_is_explained(qtbot, monkeypatch):
    errors: list[str] = []
    monkeypatch.setattr(prompts, "show_error", lambda p, t, text: errors.append(text))
    api = FakeHistory([NEWER])
    api.revisions.pop(2)
    api.history = lambda entry_id: [  # the list still names it
        RevisionSummary(2, 5, 3, T, "autosave", "gone", 0)
    ]
    dialog = make(qtbot, api)
    assert errors == ["there is no revision 2"]
    assert not dialog.restore_button.isEnabled()


def test_with_the_real_service(qtbot, services, clock):
    entries = services.entries
    entry = entries.create(day=dt.date(2026, 11, 22), title="Notes", body="first draft")
    clock.advance(minutes=11)
    entry = entries.update(entry.id, expected_rev=entry.rev, body="second draft")
    clock.advance(minutes=11)
    entry = entries.update(entry.id, expected_rev=entry.rev, body="third draft")
    dialog = make(qtbot, entries, (entry.title, entry.body), entry.id)
    assert len(dialog.revision_ids()) >= 1
    oldest = dialog.revision_ids()[-1]
    dialog.select_revision(oldest)
    assert "− first draft" in dialog.diff_view.toPlainText()
    assert "+ third draft" in dialog.diff_view.toPlainText()
    with qtbot.waitSignal(dialog.restore_requested) as blocker:
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    restored = entries.restore_revision(blocker.args[0], expected_rev=entry.rev)  # the owner
    assert restored.body == "first draft"
