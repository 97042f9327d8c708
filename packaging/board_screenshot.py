"""Render the sprint board's cards to a PNG, offscreen, for the README.

    python packaging/board_screenshot.py [--out docs/screenshots/board-cards.png] [--theme light]

Builds a small journal in a temporary folder — a running sprint whose cards show a due
date (one overdue), priorities, coloured labels, a checklist, links and notes, and a WIP
limit exceeded — and saves the Sprints area's board at 1280 x 640. Your own journal and
settings are never touched.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZE = (1280, 640)


def _fill(services) -> int:
    from journal_app.services.planning import planning_of

    planner = planning_of(services)
    today = planner.today()
    monday = today - dt.timedelta(days=today.weekday())
    sprint = planner.add_sprint(
        "Sprint 8",
        monday,
        monday + dt.timedelta(days=13),
        goal="Transformers from scratch",
        capacity_hours=30,
    )
    planner.start_sprint(sprint.id)
    entry = services.entries.create(day=today, title="Attention, by hand")
    course = services.resources.add("Neural Networks: Zero to Hero", kind="course")
    paper = services.resources.add("Attention Is All You Need", kind="paper")

    def card(title: str, status: str = "todo", **details) -> None:
        task = planner.add_task(title, sprint_id=sprint.id, status=status)
        planner.update_task(task.id, **details)

    card(
        "Read the attention paper, sections 3–4",
        due=today + dt.timedelta(days=3),
        priority="high",
        tags=["paper", "ml"],
        checklist=[("3.1 Scaled dot-product", True), ("3.2 Multi-head", False)],
        links=[("resource", paper.id)],
        estimate_hours=3,
    )
    card("Set up the CUDA toolkit", priority="low", tags=["setup"], estimate_hours=1)
    card(
        "Backprop through softmax by hand",
        "doing",
        due=today - dt.timedelta(days=2),
        priority="medium",
        tags=["ml", "maths"],
        checklist=[("Derive", True), ("Check numerically", True), ("Write up", False)],
        links=[("entry", entry.id), ("resource", course.id)],
        notes="Follow **lecture 4**; compare with `torch.autograd`.",
        estimate_hours=2.5,
    )
    card("Makemore part 3", "doing", tags=["video"], links=[("resource", course.id)])
    card("Explainer: self-attention", "doing", priority="high", tags=["writing"])
    card(
        "Tokenizer from scratch",
        "done",
        tags=["ml"],
        checklist=[("BPE merges", True), ("Encode/decode", True)],
    )
    planner.add_task("Learn JAX some day")
    planner.set_label_color("ml", "#2563eb")
    planner.set_label_color("writing", "#7c3aed")
    planner.set_wip_limit("doing", 2)
    return sprint.id


def render(out: Path, theme: str) -> Path:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="journal-app-board-") as tmp:
        tmp_path = Path(tmp)
        os.environ["JOURNAL_APP_CONFIG_DIR"] = str(tmp_path / "config")
        from PySide6.QtCore import QEventLoop, QSettings, QTimer

        from journal_app.config import check_data_dir
        from journal_app.services import Services
        from journal_app.ui.app import create_application
        from journal_app.ui.data_events import DataEvents
        from journal_app.ui.sprints.page import SprintsPage
        from journal_app.ui.theme import ThemeManager

        app = create_application()
        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        settings.setValue("appearance/theme", theme)  # ui/theme.py SETTINGS_KEY
        ThemeManager.shared(settings).apply()
        paths = check_data_dir(tmp_path / "journal", create=True)
        with Services.open(paths) as services:
            _fill(services)
            page = SprintsPage(services, DataEvents())
            page.resize(*SIZE)
            page.show()
            loop = QEventLoop()
            QTimer.singleShot(800, loop.quit)
            loop.exec()
            out.parent.mkdir(parents=True, exist_ok=True)
            if not page.grab().save(str(out)):
                raise RuntimeError(f"could not save {out}")
            page.close()
            page.deleteLater()
            app.processEvents()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs/screenshots/board-cards.png")
    parser.add_argument("--theme", choices=("light", "dark"), default="light")
    args = parser.parse_args(argv)
    print(render(args.out, args.theme))
    return 0


if __name__ == "__main__":
    sys.exit(main())
