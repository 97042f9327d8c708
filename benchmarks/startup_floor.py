"""The floor under the app's start-up: what any first paint of a journal costs here.

The app's own imports and its journal, without its window: the journal's services
(peewee, the database layer, the entry service) imported as the app imports them,
QApplication, Qt's `Qt` namespace (every window names it), the journal opened and its
entries counted — then the bare window of `bare_qt_window.py`. Prints `first-paint` on
its first paint, as the app and the bare window do; `run.py` times all three in the same
rounds, so `startup_floor_ratio` (this ÷ the bare window) says how much of
`startup_ratio` is left for the window itself.

    python benchmarks/startup_floor.py DATA_DIR
"""

import gc
import sys
from pathlib import Path

gc.disable()  # as the app starts (cli._run_gui)

import journal_app.services  # noqa: E402 - before Qt, as the app does
from journal_app.config import DataPaths  # noqa: E402

# isort: split
from bare_qt_window import FirstPaint  # noqa: E402 - the same probe as the yardstick's
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow  # noqa: E402


def main() -> int:
    app = QApplication(sys.argv[:1])
    services = journal_app.services.Services.open(DataPaths(Path(sys.argv[1])), create=False)
    entries = services.entries.count()
    window = QMainWindow()
    window.setWindowTitle("start-up floor")
    window.resize(1280, 800)
    label = QLabel(f"{entries} entries")
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    window.setCentralWidget(label)
    probe = FirstPaint(app)
    window.installEventFilter(probe)
    window.show()
    code = app.exec()
    services.close()
    return code


if __name__ == "__main__":
    sys.exit(main())
