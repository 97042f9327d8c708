"""The yardstick for start-up: a bare Qt window, as little as a Qt program can do.

Prints `first-paint` on the window's first paint event, then quits. `run.py` times it
exactly as it times the app, so the ratio of the two cancels most of the machine's speed.
"""

import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


class FirstPaint(QObject):
    """Prints `first-paint` on the watched widget's first paint event, then quits."""

    def __init__(self, app: QApplication) -> None:
        super().__init__()
        self._app = app
        self._seen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._seen:
            self._seen = True
            print("first-paint", flush=True)
            QTimer.singleShot(0, self._app.quit)
        return False


def main() -> int:
    app = QApplication(sys.argv)
    window = QMainWindow()
    window.setWindowTitle("bare Qt window")
    window.resize(1280, 800)
    window.setCentralWidget(QLabel("Hello from a bare Qt window"))
    probe = FirstPaint(app)
    window.installEventFilter(probe)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
