"""Render the Dashboard on a demo journal to PNG, offscreen, so anyone can look at it.

    python benchmarks/render_dashboard.py                       # docs/dashboard.png
    python benchmarks/render_dashboard.py --theme dark --range year --out /tmp/dark.png
    python benchmarks/render_dashboard.py --data-dir ~/my-journal --today 2026-03-01

Without --data-dir, a demo journal (`--years`, `--seed`) is built in a temporary folder
ending on `--today`, and the app's clock is set to that day, so the same options draw
the same picture. The main window is drawn at --size (1280x800 by default) on the
Dashboard; `--full` also writes the whole scrolling page next to it (NAME-full.png).
Your own journal is only read, never written.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DEFAULT_OUT = ROOT / "docs" / "dashboard.png"
DEFAULT_TODAY = dt.date(2026, 11, 22)


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="the PNG to write")
    parser.add_argument("--data-dir", type=Path, help="draw this journal instead of a demo")
    parser.add_argument("--years", type=int, default=3, help="years of demo data (3)")
    parser.add_argument("--seed", type=int, default=1, help="the demo's seed (1)")
    parser.add_argument(
        "--today", type=dt.date.fromisoformat, default=DEFAULT_TODAY, help="YYYY-MM-DD"
    )
    parser.add_argument(
        "--range",
        default="quarter",
        choices=("week", "month", "quarter", "year", "all"),
        help="the range shown (quarter)",
    )
    parser.add_argument("--theme", default="light", choices=("light", "dark"))
    parser.add_argument("--size", default="1280x800", help="window size, WIDTHxHEIGHT")
    parser.add_argument("--full", action="store_true", help="also the whole page")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    width, height = (int(n) for n in args.size.lower().split("x"))
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ.setdefault("TZ", "UTC")
    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory(prefix="dashboard-render-") as temp:
        os.environ["JOURNAL_APP_CONFIG_DIR"] = str(Path(temp) / "config")
        return _render(args, width, height, Path(temp))


def _render(args: argparse.Namespace, width: int, height: int, temp: Path) -> int:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication([sys.argv[0], "-style", "fusion"])
    from journal_app.config import check_data_dir
    from journal_app.demo.generate import generate_demo
    from journal_app.services import Services
    from journal_app.ui.main_window import MainWindow
    from journal_app.ui.theme import SETTINGS_KEY

    # Noon of --today in the journal's zone: the dashboard's "today".
    noon = dt.datetime.combine(args.today, dt.time(12)).astimezone(dt.UTC)
    if args.data_dir is not None:
        paths = check_data_dir(args.data_dir.expanduser(), create=False)
        services = Services.open(paths, clock=lambda: noon, create=False)
    else:
        paths = check_data_dir(temp / "journal", create=True)
        services = Services.open(paths, clock=lambda: noon)
        print(f"building a {args.years}-year demo journal …", file=sys.stderr)
        generate_demo(services, years=args.years, seed=args.seed, today=args.today)
    settings = QSettings(str(temp / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue(SETTINGS_KEY, args.theme)
    window = MainWindow(services, settings=settings)
    window.resize(width, height)
    window.show()
    window.show_area("dashboard")
    page = window.page("dashboard")
    while getattr(page, "view", None) is None or not page.view.complete:
        app.processEvents()
    page.view.set_range(args.range)
    for _ in range(5):
        app.processEvents()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(args.out)):
        print(f"could not write {args.out}", file=sys.stderr)
        return 1
    print(args.out)
    if args.full:
        content = page.column.parentWidget()
        full = args.out.with_name(f"{args.out.stem}-full{args.out.suffix}")
        content.grab().save(str(full))
        print(full)
    window.close()
    services.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
