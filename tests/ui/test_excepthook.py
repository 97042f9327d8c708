"""Unexpected errors are logged and explained instead of killing the app silently."""

from __future__ import annotations

import sys
import threading

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from journal_app.config import config_dir
from journal_app.ui import excepthook
from journal_app.ui.excepthook import ExceptionHook, install_excepthook


@pytest.fixture
def dialogs(monkeypatch):
    shown: list[tuple[str, str, object]] = []
    monkeypatch.setattr(excepthook, "show_error_dialog", lambda *args: shown.append(args))
    return shown


@pytest.fixture
def hook(data_paths):
    made = ExceptionHook(data_paths)
    yield made
    made.uninstall()


def raise_and_catch(exc: BaseException):
    try:
        raise exc
    except BaseException:
        return sys.exc_info()


def test_error_is_logged_next_to_the_journal_and_shown(hook, dialogs, data_paths):
    hook(*raise_and_catch(ValueError("the streak went negative")))

    log_file = data_paths.logs / "journal-app.log"
    text = log_file.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in text
    assert "ValueError: the streak went negative" in text
    assert "raise_and_catch" in text
    assert len(dialogs) == 1
    message, details, path = dialogs[0]
    assert message == "ValueError: the streak went negative"
    assert "\n" not in message
    assert "Traceback" in details and "raise_and_catch" in details
    assert path == log_file


def test_without_a_data_dir_the_log_goes_to_the_config_dir(dialogs):
    hook = ExceptionHook(None)
    try:
        hook(*raise_and_catch(RuntimeError("early")))
    finally:
        hook.uninstall()
    log_file = config_dir() / "logs" / "journal-app.log"
    assert "RuntimeError: early" in log_file.read_text(encoding="utf-8")
    assert dialogs[0][2] == log_file


def test_long_multiline_messages_become_one_short_line(hook, dialogs):
    hook(*raise_and_catch(KeyError("x" * 500 + "\nsecond line")))
    message = dialogs[0][0]
    assert "\n" not in message
    assert len(message) < 230
    assert message.startswith("KeyError: ")


def test_install_replaces_and_uninstall_restores_the_hooks(monkeypatch, data_paths):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    before = sys.excepthook
    hook = install_excepthook(data_paths)
    assert sys.excepthook is hook
    hook.uninstall()
    assert sys.excepthook is before


def test_errors_in_worker_threads_are_logged_without_a_dialog(monkeypatch, dialogs, data_paths):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    hook = install_excepthook(data_paths)
    try:
        worker = threading.Thread(target=lambda: 1 / 0, name="autosave")
        worker.start()
        worker.join()
    finally:
        hook.uninstall()
    text = (data_paths.logs / "journal-app.log").read_text(encoding="utf-8")
    assert "in thread autosave" in text
    assert "ZeroDivisionError" in text
    assert dialogs == []


def test_a_failing_dialog_still_leaves_a_line_on_stderr(hook, monkeypatch, capsys):
    def broken(*_args):
        raise RuntimeError("no display")

    monkeypatch.setattr(excepthook, "show_error_dialog", broken)
    hook(*raise_and_catch(ValueError("bad")))
    assert "journal-app: unexpected error: ValueError: bad" in capsys.readouterr().err


def test_keyboard_interrupt_is_not_reported_as_a_bug(data_paths, dialogs):
    seen = []
    hook = ExceptionHook(data_paths)
    hook._previous_hook = lambda *args: seen.append(args[0])
    try:
        hook(*raise_and_catch(KeyboardInterrupt()))
    finally:
        hook.uninstall()
    assert seen == [KeyboardInterrupt]
    assert dialogs == []


@pytest.mark.qt_log_ignore("does not support propagateSizeHints")
def test_the_dialog_shows_message_details_and_log_path(qtbot, tmp_path):
    seen: dict[str, object] = {}

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen["text"] = box.text()
            seen["informative"] = box.informativeText()
            seen["details"] = box.detailedText()
            seen["buttons"] = [b.text() for b in box.buttons()]
            box.accept()

    QTimer.singleShot(0, answer)
    excepthook.show_error_dialog(
        "ValueError: bad", "Traceback (most recent call last):\n  ...", tmp_path / "x.log"
    )
    assert "text" in seen, "the dialog returned before it was answered"
    assert seen["text"] == "Something went wrong: ValueError: bad"
    assert str(tmp_path / "x.log") in seen["informative"]
    assert seen["details"].startswith("Traceback")
    assert any("Show Details" in text for text in seen["buttons"])


def test_a_problem_the_user_can_act_on_is_said_plainly_not_as_a_bug(hook, dialogs, monkeypatch):
    from journal_app.errors import JournalBusy

    problems: list[str] = []
    monkeypatch.setattr(excepthook, "show_problem_dialog", problems.append)
    hook(*raise_and_catch(JournalBusy("the journal is busy; nothing was saved — try again")))
    assert problems == ["the journal is busy; nothing was saved — try again"]
    assert dialogs == []  # no "unexpected error … please report it"
