"""Render the app's main views to PNGs, offscreen, for the README and AppStream metainfo.

    python packaging/screenshots.py [--out docs/screenshots] [--years 2] [--theme light]

Builds a demo journal in a temporary folder (`journal-app demo`, seed 1), opens the main
window on it at 1280 x 800 and saves one picture per area: journal.png (an entry with
its preview beside it), today.png, sprints.png, dashboard.png, resources.png; then
File ▸ Sync… (sync.png: the demo journal joined to a folder a second journal, "Desktop",
set up) and the status bar beside it (sync-status.png). `--only sync` renders only those.
Your own journal and settings are never touched.
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


def render(out: Path, years: int, theme: str, only: str = "") -> list[Path]:
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
            for key in AREA_KEYS if only in ("", "areas") else ():
                window.show_area(key)
                if key == "journal":
                    _open_latest_entry(window, services)
                _wait(app, SETTLE_MS)
                _show_default_location(window, paths.root)
                path = out / f"{key}.png"
                if not window.grab().save(str(path)):
                    raise RuntimeError(f"could not save {path}")
                saved.append(path)
            if only in ("", "sync"):
                saved += _sync_shots(app, window, tmp_path, out)
            window.close()
            window.deleteLater()
            app.processEvents()
        return saved


def _sync_shots(app, window, tmp_path: Path, out: Path) -> list[Path]:
    """A second journal ("Desktop") sets up a sync folder; the demo journal joins it as
    "Laptop"; File ▸ Sync… and the status bar are saved once the first run is done."""
    folder = tmp_path / "Sync"
    env = dict(os.environ, JOURNAL_APP_DATA_DIR=str(tmp_path / "desktop"))
    for args, stdin in (
        (["sync", "setup", str(folder), "--name", "Desktop"], ""),
        (["new", "--title", "Notes from the desktop"], "Written at the desk."),
        (["sync", "now"], ""),
    ):
        subprocess.run(
            [sys.executable, "-m", "journal_app", *args],
            input=stdin,
            text=True,
            check=True,
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
        )
    controller = window.sync_controller
    controller.set_up(folder, "Laptop")
    while controller.running:  # the first run sends the whole demo journal
        _wait(app, 200)
    window.show_area("journal")
    _wait(app, SETTLE_MS)
    dialog = controller.open_dialog()
    dialog.resize(620, 420)
    dialog.folder_label.setText("~/Sync/Journal")  # not the temporary folder
    _wait(app, 300)
    saved = []
    path = out / "sync.png"
    if not dialog.grab().save(str(path)):
        raise RuntimeError(f"could not save {path}")
    saved.append(path)
    dialog.close()
    _show_default_location(window, tmp_path / "journal")
    path = out / "sync-status.png"
    if not window.statusBar().grab().save(str(path)):
        raise RuntimeError(f"could not save {path}")
    saved.append(path)
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
    parser.add_argument(
        "--only", choices=("areas", "sync"), default="", help="render only these views"
    )
    args = parser.parse_args(argv)
    for path in render(args.out, args.years, args.theme, args.only):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
