"""The window of the multi-process stress test (tests/e2e/test_concurrent_writers.py):
the real app (`run_gui`: instance lock, start-up check, start-up backup, autosave), in
which this script writes one new entry after another by typing, as a user would.

    python tests/e2e/window_writer.py DATA_DIR STOP_FILE

Prints ``ready``; ``saved ID MARKER`` each time the editor reports the typed entry saved
(what the user sees as "Saved"); ``listed N`` (entries in the list) each time the list
is reloaded; ``dialog TEXT`` for any message box or error dialog (there should be none);
``closed CODE`` once the
window has closed after STOP_FILE appeared. The test may kill it at any moment instead.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from journal_app.config import check_data_dir
from journal_app.ui import app as app_module
from journal_app.ui import excepthook
from journal_app.ui.main_window import MainWindow


def _report_dialog(*args: object, **_kwargs: object) -> QMessageBox.StandardButton:
    texts = [str(a) for a in args if isinstance(a, str)]
    print("dialog", " | ".join(texts).replace("\n", " "), flush=True)
    return QMessageBox.StandardButton.Ok


def main() -> int:
    data_dir, stop_file = Path(sys.argv[1]), Path(sys.argv[2])
    for name in ("warning", "critical", "information", "question"):
        setattr(QMessageBox, name, staticmethod(_report_dialog))
    excepthook.show_error_dialog = lambda message, details, log: _report_dialog(message)
    app_module.create_application()
    count = 0

    def window() -> MainWindow | None:
        found = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        return found[0] if found and found[0].isVisible() else None

    def write_next() -> None:
        nonlocal count
        main_window = window()
        if main_window is None:
            QTimer.singleShot(50, write_next)
            return
        page = main_window.journal_page
        if not page.new_entry():
            print("dialog new entry refused", flush=True)
            return
        count += 1
        pane = page.editor_pane
        QTest.keyClicks(pane.title_edit, f"Window entry {count}")
        QTest.keyClicks(pane.editor, f"Typed in the window, marker-{count}.")

    def on_saved(entry: object) -> None:
        body = getattr(entry, "body", "")
        if f"marker-{count}." in body:
            print(f"saved {entry.id} marker-{count}", flush=True)  # type: ignore[attr-defined]
            QTimer.singleShot(0, write_next)

    def start() -> None:
        main_window = window()
        if main_window is None:
            QTimer.singleShot(50, start)
            return
        page = main_window.journal_page
        page.editor_pane.saved.connect(on_saved)
        entries = page.entry_list
        entries.model.modelReset.connect(
            lambda: print(f"listed {entries.model.entry_count()}", flush=True)
        )
        print("ready", flush=True)
        write_next()

    def watch_stop() -> None:
        main_window = window()
        if stop_file.exists() and main_window is not None:
            main_window.close()
        else:
            QTimer.singleShot(100, watch_stop)

    QTimer.singleShot(0, start)
    QTimer.singleShot(100, watch_stop)
    code = app_module.run_gui(check_data_dir(data_dir, create=False))
    print(f"closed {code}", flush=True)
    return code


if __name__ == "__main__":
    sys.exit(main())
