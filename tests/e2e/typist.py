"""Types into the real app, one key at a time, until killed (tests/e2e/test_kill_typing.py).

    python tests/e2e/typist.py DATA_DIR TEXT_FILE INTERVAL_MS

Prints ``ready`` once the window shows the entry, then ``typed N T`` after the N-th key
(T = time.monotonic(), the same clock the test reads), and ``done`` after the last one;
then it idles, autosave still running, until the test kills it.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest

from journal_app.config import check_data_dir
from journal_app.instance_lock import InstanceLock
from journal_app.services import Services
from journal_app.ui.app import create_application
from journal_app.ui.main_window import MainWindow


def main() -> int:
    data_dir, text_file, interval = sys.argv[1], sys.argv[2], int(sys.argv[3])
    text = Path(text_file).read_text(encoding="utf-8")
    app = create_application()
    paths = check_data_dir(Path(data_dir), create=False)
    with InstanceLock(paths), Services.open(paths, create=False) as services:
        window = MainWindow(services)
        window.show()
        editor = window.journal_page.editor_pane.editor
        editor.setFocus()
        editor.moveCursor(editor.textCursor().MoveOperation.End)
        print("ready", flush=True)
        position = 0

        def type_next() -> None:
            nonlocal position
            if position >= len(text):
                timer.stop()
                print("done", flush=True)
                return
            char = text[position]
            if char == "\n":
                QTest.keyClick(editor, Qt.Key.Key_Return)
            else:
                QTest.keyClicks(editor, char)
            position += 1
            print(f"typed {position} {time.monotonic():.4f}", flush=True)

        timer = QTimer()
        timer.timeout.connect(type_next)
        timer.start(interval)
        return app.exec()


if __name__ == "__main__":
    sys.exit(main())
