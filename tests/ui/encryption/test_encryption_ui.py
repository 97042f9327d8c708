"""Encryption in the window (issue #9): the passphrase dialog at start, and
File ▸ Encryption… to turn it on, change the passphrase and turn it off."""

from __future__ import annotations

import datetime as dt
import sys

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from journal_app.db import cipher, keyfile
from journal_app.services import Services, encryption
from journal_app.ui import excepthook
from journal_app.ui.app import STARTUP_PROBE_ENV, run_gui
from journal_app.ui.encryption.unlock import UnlockDialog

PASS = "a good passphrase"


@pytest.fixture(autouse=True)
def _cheap_kdf_and_no_key_left(monkeypatch, data_paths):
    monkeypatch.setattr(keyfile, "KDF_N", 2**10)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(excepthook, "show_error_dialog", lambda *args: None)
    yield
    cipher.forget_key(data_paths.database, data_paths.backups)


def _encrypted_journal(data_paths, clock) -> None:
    encryption.create_encrypted(data_paths, PASS, kdf_n=2**10)
    svc = Services.open(data_paths, clock=clock)
    svc.entries.create(day=dt.date(2026, 11, 1), title="secret plans", body="x")
    svc.close()
    cipher.forget_key(data_paths.database, data_paths.backups)


def test_the_unlock_dialog_says_a_passphrase_is_wrong_and_asks_again(qtbot, data_paths, clock):
    _encrypted_journal(data_paths, clock)
    dialog = UnlockDialog("my journal", lambda text: encryption.unlock(data_paths, text))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.passphrase_edit.setText("not the one")
    assert dialog.submit() is False
    assert dialog.error_label.isVisible() and "Wrong passphrase" in dialog.error_label.text()
    assert dialog.isVisible()
    dialog.passphrase_edit.setText(PASS)
    with qtbot.waitSignal(dialog.accepted):
        assert dialog.submit() is True
    assert encryption.is_unlocked(data_paths)


def _answer_unlock(answers: list[str | None], seen: list[str]) -> None:
    """Type each answer into the start-up dialog (None: cancel it)."""

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, UnlockDialog):
            QTimer.singleShot(10, answer)
            return
        text = answers.pop(0)
        if text is None:
            dialog.reject()
            return
        dialog.passphrase_edit.setText(text)
        dialog.submit()
        seen.append(dialog.error_label.text() if dialog.error_label.isVisible() else "ok")
        if answers:
            QTimer.singleShot(0, answer)

    QTimer.singleShot(0, answer)


def test_start_asks_the_passphrase_again_after_a_wrong_one_then_opens(
    qapp, data_paths, clock, monkeypatch, capsys
):
    _encrypted_journal(data_paths, clock)
    monkeypatch.setenv(STARTUP_PROBE_ENV, "1")  # quit after the first paint
    seen: list[str] = []
    _answer_unlock(["wrong one!", PASS], seen)
    assert run_gui(data_paths) == 0
    assert seen == ["Wrong passphrase. Try again.", "ok"]
    assert capsys.readouterr().out.splitlines() == ["first-paint"]


def test_cancelling_the_passphrase_ends_the_start_with_one_line(qapp, data_paths, clock, capsys):
    _encrypted_journal(data_paths, clock)
    _answer_unlock([None], [])
    assert run_gui(data_paths) == 1
    err = capsys.readouterr().err
    assert err == "journal-app: the journal is encrypted and was not unlocked\n"


@pytest.fixture
def window(make_window, services, qtbot):
    services.entries.create(day=dt.date(2026, 11, 1), title="kept through it all", body="x")
    window = make_window()
    qtbot.waitUntil(lambda: getattr(window, "encryption", None) is not None, timeout=5000)
    return window


def test_file_menu_has_encryption_before_quit(window):
    actions = window.file_menu.actions()
    texts = [a.text() for a in actions]
    assert "&Encryption…" in texts
    assert texts.index("&Encryption…") < actions.index(window.file_quit_separator)


def test_turn_on_change_and_turn_off_from_the_dialog(window, services, data_paths, qtbot):
    if encryption.is_encrypted(data_paths):
        pytest.skip("the plain journal is the start here")
    dialog = window.encryption.open_dialog()
    qtbot.waitExposed(dialog)
    assert "cannot be opened by anyone" in dialog.warning_label.text()
    assert dialog.export_button.isEnabled()  # the offer to export first
    dialog.new_edit.setText(PASS)
    dialog.repeat_edit.setText("a different one")
    assert dialog.turn_on() is False and "differ" in dialog.error_label.text()
    dialog.repeat_edit.setText(PASS)
    with qtbot.waitSignal(window.encryption.converted):
        assert dialog.turn_on() is True
    assert encryption.is_encrypted(data_paths)
    assert [e.title for e in services.entries.recent(5)] == ["kept through it all"]

    dialog = window.encryption.open_dialog()
    dialog.current_edit.setText("not it at all")
    dialog.new_edit.setText("the next passphrase")
    dialog.repeat_edit.setText("the next passphrase")
    assert dialog.change() is False and "Wrong passphrase" in dialog.error_label.text()
    dialog.current_edit.setText(PASS)
    assert dialog.change() is True

    dialog = window.encryption.open_dialog()
    dialog.current_edit.setText("the next passphrase")
    box = dialog.confirm_turn_off()
    with qtbot.waitSignal(window.encryption.converted):
        box.button(QMessageBox.StandardButton.Yes).click()
    assert not encryption.is_encrypted(data_paths)
    services.entries.create(day=dt.date(2026, 11, 2), title="after", body="y")
    assert len(services.entries.recent(5)) == 2


@pytest.mark.parametrize("put_back", [True, False])
def test_start_with_the_key_file_missing_asks_to_put_its_verified_copy_back(
    qapp, data_paths, clock, monkeypatch, put_back
):
    from journal_app.ui.encryption import unlock

    _encrypted_journal(data_paths, clock)
    main, mirror = keyfile.key_file_paths(data_paths.database, data_paths.backups)
    main.unlink()
    asked: list[list[str]] = []

    def answer(problems: list[str]) -> bool:
        asked.append(problems)
        return put_back

    monkeypatch.setattr(unlock, "confirm_key_file_repair", answer)
    monkeypatch.setenv(STARTUP_PROBE_ENV, "1")
    seen: list[str] = []
    _answer_unlock([PASS], seen)
    assert run_gui(data_paths) == 0
    assert seen == ["ok"]  # the copy in backups/ unlocked it
    assert asked == [[f"the key file {main} is missing; its copy {mirror} unlocks the journal"]]
    assert main.exists() == put_back
    if put_back:
        assert main.read_text() == mirror.read_text()


def test_start_undoes_an_encrypt_killed_before_the_journal_was_swapped(
    qapp, data_paths, clock, monkeypatch
):
    svc = Services.open(data_paths, clock=clock)
    svc.entries.create(day=dt.date(2026, 11, 1), title="plain words", body="x")
    svc.close()
    # As `encrypt` killed after writing the key file and the encrypted copy, before the
    # rename: the journal still plain, beside a key file and a copy it no longer needs.
    key = keyfile.new_data_key()
    keyfile.write_key_file(data_paths.database, data_paths.backups, keyfile.wrap_key(key, PASS))
    copy = data_paths.root / "journal.sqlite3.encrypting"
    cipher.export_copy(data_paths.database, copy, None, key)
    monkeypatch.setenv(STARTUP_PROBE_ENV, "1")
    assert run_gui(data_paths) == 0  # no passphrase asked: the journal is plain
    assert not copy.exists()
    assert not list(data_paths.root.rglob("*.key"))
