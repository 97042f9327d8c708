"""Board figures (issue #5), measured in-process on a copy of the 10-year demo journal.

Registered in run.py as "board"; standalone, `python bench_board.py DEMO_DIR` prints
the JSON.

- board_500_open_ms: median time to build the board of a sprint holding 500 tasks
  (300 to do, 100 doing, 100 done) beside the demo's backlog, show it and paint it.
- board_drop_ms: median time of one card dropped from To do onto Doing through the
  view (a QDropEvent with the model's mime data): the move persisted in its transaction
  and every column reloaded from the journal.
Extras: sprints_page_open_ms (the Sprints area of the main window built and painted on
the demo journal: 262 sprints, 1,693 tasks), sprint_switch_ms (another sprint chosen in
the picker, board and summary reloaded).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

BUDGET = {"board_500_open_ms": 150.0, "board_drop_ms": 20.0}
KEYS = (*BUDGET, "sprints_page_open_ms", "sprint_switch_ms")
RUNS = 7


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


def _measure(demo: Path, runs: int = RUNS) -> dict[str, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QPoint, QPointF, QSettings, Qt
    from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
    from PySide6.QtWidgets import QApplication

    from journal_app.config import DataPaths
    from journal_app.services import Services
    from journal_app.services.planning import planning_of

    app = QApplication.instance() or QApplication([])
    figures: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="bench-board-") as tmp:
        data_dir = Path(tmp) / "journal"
        shutil.copytree(demo, data_dir, ignore=shutil.ignore_patterns("logs"))
        services = Services.open(DataPaths(data_dir), create=False)
        try:
            # The Sprints area of the window, first shown, then another sprint picked.
            from journal_app.ui.main_window import MainWindow

            settings = QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat)
            window = MainWindow(services, settings=settings)
            window.resize(1400, 860)
            window.show()
            app.processEvents()
            start = time.perf_counter()
            window.show_area("sprints")
            page = window.page("sprints")
            page.grab()
            figures["sprints_page_open_ms"] = _ms(time.perf_counter() - start)
            switches = []
            for index in range(1, runs + 1):
                start = time.perf_counter()
                page.sprint_combo.setCurrentIndex(index * 3)
                page.grab()
                switches.append(time.perf_counter() - start)
            figures["sprint_switch_ms"] = _ms(statistics.median(switches))
            window.close()

            planner = planning_of(services)
            today = dt.date.today()
            sprint = planner.add_sprint(
                "Bench",
                today + dt.timedelta(days=400),
                today + dt.timedelta(days=413),
                capacity_hours=100,
            )
            for n in range(500):
                status = "todo" if n < 300 else "doing" if n < 400 else "done"
                planner.add_task(
                    f"Task {n}: read a chapter and write notes",
                    sprint_id=sprint.id,
                    status=status,
                    estimate_hours=1 + n % 5,
                )
            from journal_app.ui.sprints.board import BoardWidget

            opens = []
            for _ in range(runs):
                start = time.perf_counter()
                board = BoardWidget(planner)
                board.resize(1200, 800)
                board.show_sprint(sprint.id)
                board.show()
                board.grab()
                opens.append(time.perf_counter() - start)
                board.close()
                board.deleteLater()
                app.processEvents()
            figures["board_500_open_ms"] = _ms(statistics.median(opens))

            board = BoardWidget(planner)
            board.resize(1200, 800)
            board.show_sprint(sprint.id)
            board.show()
            app.processEvents()
            todo, doing = board.column("todo"), board.column("doing")
            drops = []
            move = Qt.DropAction.MoveAction
            for _ in range(runs):
                data = todo.model.mimeData([todo.model.index(0, 0)])
                rect = doing.view.visualRect(doing.model.index(0, 0))
                pos = QPoint(rect.center().x(), rect.top() + 2)
                args = (move, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
                start = time.perf_counter()
                QApplication.sendEvent(doing.view.viewport(), QDragEnterEvent(pos, *args))
                QApplication.sendEvent(doing.view.viewport(), QDragMoveEvent(pos, *args))
                event = QDropEvent(QPointF(pos), *args)
                QApplication.sendEvent(doing.view.viewport(), event)
                drops.append(time.perf_counter() - start)
                assert event.isAccepted()
            figures["board_drop_ms"] = _ms(statistics.median(drops))
            board.close()
        finally:
            services.close()
    return figures


def measure_board(ctx: Any) -> dict[str, Any]:
    figures: dict[str, Any] = dict.fromkeys(KEYS)
    try:
        figures.update(_measure(ctx.demo_dir(), runs=3 if ctx.quick else RUNS))
    except Exception as exc:  # reported, the other measurements still run
        ctx.error(f"board: {type(exc).__name__}: {exc}")
    return figures


if __name__ == "__main__":
    print(json.dumps(_measure(Path(sys.argv[1])), indent=2))
