"""`journal-app --self-test`: does the app work on this machine?

Each check runs on a throw-away journal in a temporary folder, never the user's data.
Prints one line per check; exits 0 when all pass, 1 otherwise.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import cast

MARKER = "Self-test entry: attention is all you need ✓"


def _ensure_display() -> None:
    # A machine without a display (CI, SSH) still gets a real, offscreen window.
    if (
        sys.platform.startswith("linux")
        and not os.environ.get("QT_QPA_PLATFORM")
        and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def _check_journal(root: Path) -> str:
    # lazy: each check imports what it checks
    from journal_app.config import check_data_dir

    # lazy: each check imports what it checks
    from journal_app.services import Services

    paths = check_data_dir(root / "journal", create=True)
    with Services.open(paths) as services:
        entry = services.entries.create(day=dt.date.today(), title="Self-test", body=MARKER)
    with Services.open(paths, create=False) as services:
        again = services.entries.get(entry.id)
        version = services.schema_version
    if again.body != MARKER:
        raise AssertionError("the entry read back differs from the one written")
    return f"wrote and read an entry (schema {version})"


def _check_markdown(_root: Path) -> str:
    # lazy: markdown loads only when used
    from journal_app.markdown import render

    html = render("# Heading\n\n**bold** <script>alert(1)</script>\n\n| a |\n|---|\n| 1 |")
    for needle in ("<h1", "<strong>bold</strong>", "<table>"):
        if needle not in html:
            raise AssertionError(f"rendered HTML lacks {needle}")
    if "<script" in html:
        raise AssertionError("raw <script> survived sanitizing")
    return "rendered and sanitized Markdown"


def _check_window(root: Path) -> str:
    # lazy: each check imports what it checks
    from PySide6.QtCore import QSettings

    # lazy: each check imports what it checks
    from PySide6.QtWidgets import QApplication

    # lazy: each check imports what it checks
    from journal_app.config import check_data_dir

    # lazy: each check imports what it checks
    from journal_app.services import Services

    # lazy: each check imports what it checks
    from journal_app.ui.main_window import MainWindow

    app = cast(QApplication, QApplication.instance() or QApplication([]))
    paths = check_data_dir(root / "window", create=True)
    with Services.open(paths) as services:
        # Its own settings file: the user's window size and theme stay as they were.
        settings = QSettings(str(root / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(services, settings=settings)
        window.show()
        app.processEvents()
        image = window.grab().toImage()
        window.close()
        window.deleteLater()
        app.processEvents()
    if image.isNull() or image.width() < 200:
        raise AssertionError("the main window did not paint")
    return f"opened the main window ({image.width()}x{image.height()}, {app.platformName()})"


def _check_chart(_root: Path) -> str:
    # lazy: each check imports what it checks
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    # lazy: pyqtgraph loads only when used
    import pyqtgraph as pg

    plot = pg.PlotWidget()
    plot.resize(400, 300)
    plot.plot([0, 1, 2, 3], [2.0, 3.5, 1.0, 4.0])
    plot.show()
    app.processEvents()
    image = plot.grab().toImage()
    plot.close()
    plot.deleteLater()
    app.processEvents()
    if image.isNull():
        raise AssertionError("the chart did not paint")
    return f"drew a chart (pyqtgraph {pg.__version__})"


def _check_spelling(_root: Path) -> str:
    # lazy: each check imports what it checks
    from journal_app.services.spelling.backend import EnchantProvider

    # lazy: each check imports what it checks
    from journal_app.services.spelling.service import FALLBACK_LANGUAGE

    provider = EnchantProvider()
    languages = provider.languages()
    if not languages:
        raise AssertionError(provider.problem or "no spelling dictionary is installed")
    language = FALLBACK_LANGUAGE if FALLBACK_LANGUAGE in languages else languages[0]
    dictionary = provider.load(language)
    if dictionary is None:
        raise AssertionError(provider.problem)
    if language == FALLBACK_LANGUAGE and (
        dictionary.check("recieve") or "receive" not in dictionary.suggest("recieve")
    ):
        raise AssertionError("the en_US dictionary does not know 'receive'")
    return f"spell-checked with {language} ({len(languages)} dictionaries installed)"


CHECKS: list[tuple[str, Callable[[Path], str]]] = [
    ("journal", _check_journal),
    ("markdown", _check_markdown),
    ("window", _check_window),
    ("chart", _check_chart),
    ("spelling", _check_spelling),
]


def run_self_test() -> int:
    _ensure_display()
    failures = 0
    with tempfile.TemporaryDirectory(prefix="journal-app-selftest-") as tmp:
        for name, check in CHECKS:
            try:
                detail = check(Path(tmp))
            except Exception as exc:
                failures += 1
                print(f"FAIL  {name}: {type(exc).__name__}: {exc}", flush=True)
                if os.environ.get("JOURNAL_APP_DEBUG"):
                    traceback.print_exc()
            else:
                print(f"ok    {name}: {detail}", flush=True)
    print("self-test passed" if not failures else f"self-test FAILED ({failures} checks)")
    return 1 if failures else 0
