"""Start the GUI: QApplication, error hook, instance lock, journal, main window.

Start-up stays lean: nothing here (or in the main window) imports pyqtgraph or the
Markdown renderer; they load when first needed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import os
import shutil
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from journal_app import APP_ID, APP_NAME, __version__
from journal_app.config import DataPaths, check_data_dir, use_config_dir
from journal_app.errors import JournalError
from journal_app.instance_lock import InstanceLock
from journal_app.services import Services
from journal_app.ui.excepthook import install_excepthook
from journal_app.ui.icons import app_icon
from journal_app.ui.main_window import MainWindow
from journal_app.ui.theme import STYLE, mark_style_applied

STARTUP_PROBE_ENV = "JOURNAL_APP_STARTUP_PROBE"
DEBUG_ENV = "JOURNAL_APP_DEBUG"


def create_application() -> QApplication:
    """The one QApplication, named so that desktops match it to journal-app.desktop."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication([*sys.argv[:1], "-style", STYLE])
        mark_style_applied(app)
    QCoreApplication.setOrganizationName(APP_ID)
    QCoreApplication.setApplicationName(APP_ID)
    QCoreApplication.setApplicationVersion(__version__)
    QApplication.setApplicationDisplayName(APP_NAME)
    QApplication.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
    return app


class _FirstPaintProbe(QObject):
    """Prints ``first-paint`` when the window first paints, then ends the app (benchmarks)."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        self.fired = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.fired:
            self.fired = True
            print("first-paint", flush=True)
            # Quit once this paint has been flushed to the screen, not in the middle of it.
            QTimer.singleShot(0, self._app.quit)
        return False


def report_startup_error(exc: JournalError, parent: QWidget | None = None) -> int:
    """A start-up problem the user can act on: one dialog, one stderr line, exit 1."""
    # lazy: its enums cost start-up ~10 ms when named
    from PySide6.QtWidgets import QMessageBox

    message = str(exc)
    print(f"{APP_ID}: error: {message}", file=sys.stderr, flush=True)
    QMessageBox.critical(parent, f"{APP_NAME} cannot start", message)
    return 1


def _fill_demo(services: Services) -> None:
    # lazy: not needed for the first paint
    from PySide6.QtWidgets import QProgressDialog

    # lazy: the demo generator loads only when used
    from journal_app.demo.generate import generate_demo

    dialog = QProgressDialog("Writing a demo journal…", "", 0, 100)
    dialog.setWindowTitle(APP_NAME)
    dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(False)
    dialog.setValue(0)

    def progress(stage: str, fraction: float) -> None:
        dialog.setLabelText(stage)
        dialog.setValue(round(max(0.0, min(1.0, fraction)) * 100))
        QCoreApplication.processEvents()

    try:
        generate_demo(services, years=2, seed=1, today=dt.date.today(), progress=progress)
    finally:
        dialog.close()
        dialog.deleteLater()


def _open_journal(
    stack: contextlib.ExitStack, paths: DataPaths | None, demo: Path | None
) -> Services:
    if demo is not None:
        paths = check_data_dir(demo / "journal", create=True)
        services = stack.enter_context(Services.open(paths))
        services.throwaway = True
        _fill_demo(services)
        return services
    if paths is None:
        raise ValueError("run_gui needs data paths unless demo=True")
    stack.enter_context(InstanceLock(paths))
    while True:
        try:
            services = stack.enter_context(Services.open(paths))
        except JournalError as exc:
            # lazy: optional dependency
            from journal_app.services.encryption import PassphraseNeeded

            if isinstance(exc, PassphraseNeeded):  # encrypted (#9): ask, then open
                # lazy: optional dependency
                from journal_app.ui.encryption.unlock import ask_passphrase_at_start

                if not ask_passphrase_at_start(paths):
                    print(
                        f"{APP_ID}: the journal is encrypted and was not unlocked", file=sys.stderr
                    )
                    raise _Declined from None
                continue
            # lazy: optional dependency
            from journal_app.services.backups import DatabaseDamaged

            if not isinstance(exc, DatabaseDamaged) or exc.backup is None:
                raise  # nothing to offer: one line and a box say what is wrong
            # Damaged: the file is kept as it is; offer the newest good backup.
            # lazy: optional dependency
            from journal_app.ui.backups.recovery import offer_recovery_at_start

            print(f"{APP_ID}: error: {exc}", file=sys.stderr, flush=True)
            if not offer_recovery_at_start(exc, paths):
                raise _Declined from None
        else:
            # lazy: optional dependency
            from journal_app.services import encryption

            if encryption.needs_tidying(paths):  # an interrupted conversion, a key file
                # lazy: optional dependency
                from journal_app.ui.encryption.unlock import tidy_at_start

                tidy_at_start(paths)
            return services


class _Declined(Exception):
    """The user chose to quit rather than restore a damaged journal (already told)."""


def _resume_garbage_collection() -> None:
    """Collection was paused for start-up (cli._run_gui): keep what exists out of future
    collections (it lives as long as the window) and collect normally from now on."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def run_gui(paths: DataPaths | None, *, demo: bool = False) -> int:
    """Open the main window on ``paths`` (or on a throw-away demo journal); exit code."""
    app = create_application()
    with contextlib.ExitStack() as stack:
        demo_dir: Path | None = None
        if demo:
            # Everything of the demo lives in one throw-away folder, its settings and
            # logs too: the user's own settings.ini is never read or written.
            demo_dir = Path(tempfile.mkdtemp(prefix=f"{APP_ID}-demo-"))
            stack.callback(shutil.rmtree, demo_dir, ignore_errors=True)
            use_config_dir(demo_dir / "config")
            stack.callback(use_config_dir, None)
        hook = install_excepthook(None if demo else paths)
        stack.callback(hook.uninstall)
        try:
            services = _open_journal(stack, paths, demo_dir)
        except _Declined:
            return 1
        except JournalError as exc:
            return report_startup_error(exc)
        except Exception as error:
            if os.environ.get(DEBUG_ENV):
                raise
            print(
                f"{APP_ID}: unexpected error: {type(error).__name__}: {error} "
                f"(details in {hook.log_path})",
                file=sys.stderr,
                flush=True,
            )
            hook(type(error), error, error.__traceback__)  # logged, and shown in a dialog
            return 1

        window = MainWindow(services)
        probe: _FirstPaintProbe | None = None
        if os.environ.get(STARTUP_PROBE_ENV):
            probe = _FirstPaintProbe(app)
            window.installEventFilter(probe)
        window.show()
        QTimer.singleShot(0, _resume_garbage_collection)
        code = app.exec()
        # Tear the window down before the journal closes, without the close asking the
        # (already finished) event loop to quit again: a later loop would end at once.
        quit_on_close = app.quitOnLastWindowClosed()
        app.setQuitOnLastWindowClosed(False)
        window.close()
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QCoreApplication.removePostedEvents(app, QEvent.Type.Quit)
        app.setQuitOnLastWindowClosed(quit_on_close)
        return code
