"""The window on a full disk: autosave says the disk is full and keeps the typed text; no
dialog calls the journal damaged; once space is freed the text is saved."""

from __future__ import annotations

import datetime as dt

from PySide6.QtTest import QTest

from journal_app.config import check_data_dir
from journal_app.services import Services

# ~2.9 MB: on the 4 MB disk the failed save's pages stay in the WAL beside the retry's,
# with the new journal's schema (schema v10's triggers added ~60 KB of it).
BIG = "Notes on attention, heads and positional encodings. " * 55_000


def test_autosave_on_a_full_disk_keeps_the_text_and_says_why(qtbot, small_disk, clock, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from journal_app.ui.main_window import MainWindow

    dialogs: list[str] = []
    for name in ("warning", "critical", "question", "information"):
        monkeypatch.setattr(QMessageBox, name, lambda *a, **k: dialogs.append(str(a[2:3])))
    monkeypatch.setattr(
        "journal_app.ui.excepthook.show_error_dialog", lambda m, d, p: dialogs.append(m)
    )
    paths = check_data_dir(small_disk.root / "journal", create=True)
    with Services.open(paths, clock=clock) as services:
        entry = services.entries.create(day=dt.date(2026, 11, 1), title="Day 1", body="start")
        window = MainWindow(services)
        qtbot.addWidget(window)
        window.show()
        with qtbot.waitSignal(window.focus_timer_ready, timeout=10000):
            pass
        page = window.journal_page
        page.open_entry(entry.id)
        messages: list[str] = []
        page.editor_pane.message.connect(messages.append)
        small_disk.fill(leave=64 * 1024)

        page.editor_pane.editor.setPlainText(BIG)
        assert not page.editor_pane.flush()
        assert any("disk is full" in m and m.startswith("Not saved") for m in messages)
        assert page.editor_pane.editor.toPlainText() == BIG  # nothing typed is lost

        small_disk.free_up()
        editor = page.editor_pane.editor
        editor.moveCursor(editor.textCursor().MoveOperation.End)
        QTest.keyClicks(editor, "!")
        assert page.editor_pane.flush()
        assert services.entries.get(entry.id).body == BIG + "!"
        window.close()
    assert not [d for d in dialogs if "damaged" in d or "afresh" in d]
    assert dialogs == []
