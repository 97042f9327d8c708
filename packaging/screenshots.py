"""Render the app's main views to PNGs, offscreen, for the README and AppStream metainfo.

    python packaging/screenshots.py [--out docs/screenshots] [--years 2] [--theme light]

Builds a demo journal in a temporary folder (`journal-app demo`, seed 1), opens the main
window on it at 1280 x 800 and saves one picture per area: journal.png (an entry with
its preview beside it), today.png, sprints.png, dashboard.png, resources.png. Your own
journal and settings are never touched.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZE = (1280, 800)
SETTLE_MS = 1500  # pages build their content just after they are first shown


def _wait(app, ms: int) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
    app.processEvents()


def _demo(folder: Path, years: int) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "journal_app",
            "demo",
            "--years",
            str(years),
            "--seed",
            "1",
            "--data-dir",
            str(folder),
        ],
        check=True,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
    )


def render(out: Path, years: int, theme: str) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="journal-app-shots-") as tmp:
        tmp_path = Path(tmp)
        os.environ["JOURNAL_APP_CONFIG_DIR"] = str(tmp_path / "config")
        _demo(tmp_path / "journal", years)

        from PySide6.QtCore import QSettings

        from journal_app.config import check_data_dir
        from journal_app.services import Services
        from journal_app.ui.app import create_application
        from journal_app.ui.main_window import AREA_KEYS, MainWindow

        app = create_application()
        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        settings.setValue("appearance/theme", theme)  # ui/theme.py SETTINGS_KEY
        paths = check_data_dir(tmp_path / "journal", create=False)
        saved: list[Path] = []
        with Services.open(paths, create=False) as services:
            window = MainWindow(services, settings=settings)
            window.resize(*SIZE)
            window.show()
            _wait(app, SETTLE_MS)
            out.mkdir(parents=True, exist_ok=True)
            for key in AREA_KEYS:
                window.show_area(key)
                if key == "journal":
                    _open_latest_entry(window, services)
                _wait(app, SETTLE_MS)
                _show_default_location(window, paths.root)
                path = out / f"{key}.png"
                if not window.grab().save(str(path)):
                    raise RuntimeError(f"could not save {path}")
                saved.append(path)
            window.close()
            window.deleteLater()
            app.processEvents()
        return saved


def _show_default_location(window, root: Path) -> None:
    """The status bar names the journal's folder: show the default one a user would see,
    not the temporary folder the demo lives in, and no passing message."""
    window.statusBar().clearMessage()  # a passing note ("Backed up …") is not the view
    label = getattr(window, "status_label", None)
    if label is not None:
        label.setText(label.text().replace(str(root), "~/.local/share/journal-app"))


def _open_latest_entry(window, services) -> None:
    """The newest entry, editor and preview side by side."""
    summaries = services.entries.summaries()
    if not summaries:
        return
    page = window.journal_page
    latest = max(summaries, key=lambda s: (s.day, s.id))
    page.open_entry(latest.id)
    pane = page.editor_pane
    set_mode = getattr(pane, "set_view_mode", None)
    if callable(set_mode):
        set_mode("split")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--years", type=int, default=2)
    parser.add_argument("--theme", choices=("light", "dark"), default="light")
    args = parser.parse_args(argv)
    for path in render(args.out, args.years, args.theme):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
