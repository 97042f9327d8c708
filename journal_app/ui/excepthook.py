"""No traceback reaches a user: unexpected errors are logged and explained in a dialog.

``install_excepthook(paths)`` replaces ``sys.excepthook`` (and ``threading.excepthook``).
Each error is written with its traceback to ``<data dir>/logs/journal-app.log`` (or, with
no data dir yet, ``<config dir>/logs``) and shown by ``show_error_dialog`` — a module
function so tests can patch it — with a one-line message, the traceback under
"Show Details…" and the log's path.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication

from journal_app import APP_ID, APP_NAME
from journal_app.config import DataPaths, config_dir
from journal_app.errors import JournalError

LOG_NAME = f"{APP_ID}.log"
LOGGER_NAME = "journal_app"

log = logging.getLogger(LOGGER_NAME)


def log_dir_for(paths: DataPaths | None) -> Path:
    return paths.logs if paths is not None else config_dir() / "logs"


def show_error_dialog(message: str, details: str, log_path: Path | None) -> None:
    """The modal error dialog; replaced in tests."""
    if QApplication.instance() is None:
        print(f"{APP_ID}: unexpected error: {message}", file=sys.stderr)
        return
    # lazy: naming QMessageBox builds its enums (~2 ms of start-up); only error paths use it
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QApplication.activeWindow())
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(f"{APP_NAME} — unexpected error")
    box.setText(f"Something went wrong: {message}")
    where = f"The details were saved to:\n{log_path}\n\n" if log_path else ""
    box.setInformativeText(
        f"{where}Your saved entries are safe. If this keeps happening, please report it "
        "together with the details."
    )
    box.setDetailedText(details)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.exec()


def show_problem_dialog(message: str) -> None:
    """A problem the user can act on (a `JournalError`: the journal is busy, the disk is
    full…) that reached the hook: said plainly, with no "please report"; replaced in
    tests."""
    if QApplication.instance() is None:
        print(f"{APP_ID}: error: {message}", file=sys.stderr)
        return
    # lazy: naming QMessageBox builds its enums (~2 ms of start-up); only error paths use it
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.warning(QApplication.activeWindow(), APP_NAME, message)


def _one_line(exc_type: type[BaseException], exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    if len(text) > 200:
        text = text[:197] + "…"
    return f"{exc_type.__name__}: {text}" if text else exc_type.__name__


class _LazyRotatingHandler(logging.Handler):
    """A rotating log file that opens (and imports logging.handlers) on its first record:
    most sessions log nothing, and start-up should not pay for it."""

    def __init__(self, target: Path) -> None:
        super().__init__()
        self._target = target
        self._file: logging.Handler | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if self._file is None:
            # lazy: not needed for the first paint
            from logging.handlers import RotatingFileHandler

            self._file = RotatingFileHandler(
                self._target, maxBytes=1_000_000, backupCount=3, encoding="utf-8", delay=True
            )
            self._file.setFormatter(self.formatter)
        self._file.emit(record)

    def flush(self) -> None:
        if self._file is not None:
            self._file.flush()

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
        super().close()


class ExceptionHook:
    """Callable installed as ``sys.excepthook``; keeps one rotating log file open."""

    def __init__(self, paths: DataPaths | None = None) -> None:
        self._handler: logging.Handler | None = None
        self.log_path: Path | None = None
        self._showing = False
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        self.set_data_paths(paths)

    def set_data_paths(self, paths: DataPaths | None) -> None:
        """Write the log next to the journal from now on (or to the config dir)."""
        folder = log_dir_for(paths)
        target = folder / LOG_NAME
        if target == self.log_path:
            return
        self._close_handler()
        try:
            folder.mkdir(parents=True, exist_ok=True)
            handler = _LazyRotatingHandler(target)
        except OSError:
            self.log_path = None
            return
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        log.addHandler(handler)
        if log.level == logging.NOTSET or log.level > logging.INFO:
            log.setLevel(logging.INFO)
        self._handler = handler
        self.log_path = target

    def install(self) -> ExceptionHook:
        sys.excepthook = self
        threading.excepthook = self._on_thread_exception
        return self

    def uninstall(self) -> None:
        if sys.excepthook is self:
            sys.excepthook = self._previous_hook
        if threading.excepthook == self._on_thread_exception:
            threading.excepthook = self._previous_thread_hook
        self._close_handler()

    def __call__(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            self._previous_hook(exc_type, exc, tb)
            return
        details = "".join(traceback.format_exception(exc_type, exc, tb))
        if issubclass(exc_type, JournalError):  # not a bug: say it, log it as a warning
            log.warning("%s", exc)
            if not self._showing:
                self._showing = True
                try:
                    show_problem_dialog(str(exc))
                finally:
                    self._showing = False
            return
        self._log(details)
        if self._showing:  # an error while the dialog is up: logged, not stacked
            return
        self._showing = True
        try:
            show_error_dialog(_one_line(exc_type, exc), details, self.log_path)
        except Exception:  # the dialog itself failed: at least say so on stderr
            print(f"{APP_ID}: unexpected error: {_one_line(exc_type, exc)}", file=sys.stderr)
        finally:
            self._showing = False

    def _on_thread_exception(self, args: threading.ExceptHookArgs) -> None:
        # Only log: a dialog must not be opened from a worker thread.
        details = "".join(
            traceback.format_exception(args.exc_type, args.exc_value, args.exc_traceback)
        )
        name = args.thread.name if args.thread else "?"
        self._log(f"in thread {name}:\n{details}")

    def _log(self, details: str) -> None:
        log.error("unexpected error\n%s", details.rstrip())
        if self._handler is not None:
            self._handler.flush()

    def _close_handler(self) -> None:
        if self._handler is not None:
            log.removeHandler(self._handler)
            self._handler.close()
            self._handler = None


def install_excepthook(paths: DataPaths | None = None) -> ExceptionHook:
    return ExceptionHook(paths).install()
