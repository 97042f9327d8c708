"""The window notices what other processes write (the CLI beside it) and lists it, without
touching the text being typed in the editor."""

from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtTest import QTest


def _window_after_first_paint(qtbot, make_window):
    window = make_window()
    if getattr(window, "external_changes", None) is None:
        with qtbot.waitSignal(window.focus_timer_ready, timeout=10000):
            pass
    return window


def test_an_entry_written_by_the_cli_appears_and_the_typed_text_stays(qtbot, make_window, services):
    window = _window_after_first_paint(qtbot, make_window)
    page = window.journal_page
    before = page.entry_count
    page.new_entry()
    QTest.keyClicks(page.editor_pane.editor, "half a thought, still typing")
    assert page.editor_pane.flush()  # saved: the list counts it (autosave may be quicker)
    before += 1

    subprocess.run(
        [sys.executable, "-m", "journal_app", "new", "--title", "From the CLI"],
        input="captured on the command line\n",
        env=dict(os.environ, JOURNAL_APP_DATA_DIR=str(services.paths.root)),
        text=True,
        check=True,
        capture_output=True,
    )
    assert page.entry_count == before  # not yet noticed
    with qtbot.waitSignal(window.external_changes.changes_noticed, timeout=10000):
        pass  # the once-a-second poll
    assert page.entry_count == before + 1
    assert f"{before + 1:,} entr" in window.status_label.text()
    assert page.editor_pane.editor.toPlainText() == "half a thought, still typing"


def test_its_own_saves_are_not_taken_for_changes_elsewhere(qtbot, make_window, services):
    window = _window_after_first_paint(qtbot, make_window)
    window.journal_page.new_entry()
    QTest.keyClicks(window.journal_page.editor_pane.editor, "mine")
    assert window.journal_page.editor_pane.flush()
    assert window.external_changes.poll() is False
