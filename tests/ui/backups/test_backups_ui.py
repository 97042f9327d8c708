"""Backups in the window: menu, start-up and daily backups in a worker, the dialog,
restore in place, and a damaged journal offered its newest good backup."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from journal_app.config import DataPaths
from journal_app.services import Services
from journal_app.services.backups import BackupService
from tests.services.backups.helpers import (
    digest,
    wreck_a_page_of,
    write_journal,
)


@pytest.fixture
def journal(data_paths: DataPaths, clock) -> DataPaths:
    write_journal(data_paths, entries=12, clock=clock)
    return data_paths


@pytest.fixture
def open_window(qtbot, settings, clock):
    """``open_window(paths)`` -> a shown MainWindow on a reopened journal, with its
    backups installed (after the first paint)."""
    from journal_app.ui.main_window import MainWindow

    opened: list[Services] = []

    def make(paths: DataPaths) -> MainWindow:
        services = Services.open(paths, clock=clock)
        opened.append(services)
        window = MainWindow(services, settings=settings)
        qtbot.addWidget(window)
        with qtbot.waitSignal(window.focus_timer_ready, timeout=30_000):
            window.show()
        return window

    yield make
    for services in opened:
        services.close()


def _names(paths: DataPaths) -> list[str]:
    return sorted(p.name for p in paths.backups.iterdir()) if paths.backups.exists() else []


def test_file_menu_has_backups_before_quit(make_window, qtbot):
    window = make_window()
    qtbot.waitUntil(lambda: getattr(window, "backups", None) is not None)
    actions = window.file_menu.actions()
    assert actions.index(window.backups.action) < actions.index(window.file_quit_separator)
    assert window.backups.action.text() == "&Backups…"


def test_a_new_journal_gets_no_start_up_copy(make_window, qtbot, data_paths):
    window = make_window()
    qtbot.waitUntil(lambda: getattr(window, "backups", None) is not None)
    qtbot.waitUntil(lambda: window.backups.idle, timeout=10000)
    assert _names(data_paths) == []


def test_a_journal_filled_in_this_run_gets_its_start_up_copy(
    make_window, qtbot, services, data_paths
):
    """The demo journal is created and filled before the window opens: the dialog's
    promise of a copy at start holds for it too (only an empty new journal has none)."""
    services.entries.create(day=dt.date(2026, 1, 1), title="Written before the window")
    window = make_window()
    qtbot.waitUntil(lambda: getattr(window, "backups", None) is not None)
    qtbot.waitUntil(lambda: window.backups.idle, timeout=10000)
    (name,) = _names(data_paths)
    assert name.startswith("startup-")
    dialog = window.backups.open_dialog()
    assert [b.reason for b in dialog.backups] == ["startup"]
    assert not dialog.status.text().startswith("No backups yet")
    dialog.close()


def test_start_up_backup_runs_in_a_worker_once_a_day(journal, qtbot, open_window, clock):
    window = open_window(journal)
    controller = window.backups
    qtbot.waitUntil(lambda: controller.idle, timeout=10000)
    (name,) = _names(journal)
    assert name.startswith("startup-")
    assert "Backed up 12 entries" in window.statusBar().currentMessage()
    # The daily timer asks again: nothing more today, a copy tomorrow.
    with qtbot.waitSignal(controller.backup_finished, timeout=10000) as blocker:
        controller.timer.timeout.emit()
    assert blocker.args == [None]
    clock.advance(days=1)
    with qtbot.waitSignal(controller.backup_finished, timeout=10000) as blocker:
        controller.timer.timeout.emit()
    assert blocker.args[0].reason == "daily"
    assert controller.timer.isActive() and controller.timer.interval() == 60 * 60 * 1000


def test_a_failed_backup_says_so_in_the_status_bar(journal, qtbot, open_window):
    journal.backups.write_text("a file where the folder should be")
    window = open_window(journal)
    controller = window.backups
    qtbot.waitUntil(lambda: controller.idle, timeout=10000)
    assert controller.last_error is not None and "could not write backup" in controller.last_error
    message = window.statusBar().currentMessage()
    assert message.startswith("Backup failed: ") and "\n" not in message


def test_dialog_lists_backs_up_now_and_restores_in_place(journal, qtbot, open_window, clock):
    window = open_window(journal)
    controller = window.backups
    qtbot.waitUntil(lambda: controller.idle, timeout=10000)
    dialog = controller.open_dialog()
    qtbot.waitExposed(dialog)
    assert dialog.table.rowCount() == 1
    assert [dialog.table.item(0, c).text() for c in (1, 3)] == ["At start-up", "12"]

    # Write more, back up from the dialog, then go back to the start-up copy.
    clock.advance(minutes=5)
    services = window._services
    services.entries.create(day=dt.date(2026, 2, 1), title="written after the copy")
    window.refresh()
    assert window.journal_page.entry_count == 13
    first = services.entries.summaries()[-1]
    page = window.journal_page
    assert page.open_entry(first.id)
    page.editor_pane.editor.setPlainText("typed after the copy, saved before the restore")
    assert page.editor_pane.flush()
    with qtbot.waitSignal(controller.backup_finished, timeout=10000):
        dialog.backup_button.click()
    assert dialog.table.rowCount() == 2
    assert dialog.status.text().startswith("Backed up 13 entries")

    asked = []
    dialog.confirm_restore = lambda info: asked.append(info) or True
    start_up_row = [b.reason for b in dialog.backups].index("startup")
    dialog.table.selectRow(start_up_row)
    with qtbot.waitSignal(controller.restored, timeout=10000):
        assert dialog.restore_button.isEnabled()
        dialog.restore_button.click()
    assert asked and asked[0].reason == "startup"
    # The same window, the same facade: the journal was closed, swapped and reopened.
    assert window.journal_page.entry_count == 12
    assert len(services.entries.summaries()) == 12
    assert "Restored" in dialog.status.text()
    # The open entry shows the restored text, not the replaced one.
    assert page.editor_pane.entry.id == first.id
    assert "entry-marker-0000" in page.editor_pane.editor.toPlainText()
    assert any(b.reason == "pre-restore" for b in dialog.backups)  # undo is in the list
    services.entries.create(day=dt.date(2026, 2, 2), title="the journal still writes")


def test_restore_can_be_declined(journal, qtbot, open_window):
    window = open_window(journal)
    qtbot.waitUntil(lambda: window.backups.idle, timeout=10000)
    dialog = window.backups.open_dialog()
    dialog.confirm_restore = lambda info: False
    dialog.table.selectRow(0)
    before = digest(journal.database)
    assert dialog.restore_selected() is False
    assert digest(journal.database) == before


def test_a_damaged_journal_is_offered_the_newest_good_backup(journal, qtbot, open_window, clock):
    BackupService(journal, clock).create("daily")
    clock.advance(hours=1)
    newest = BackupService(journal, clock).create("daily")
    # A page the window does not read at start (snapshots): the middle of the file fell
    # into `setting` once the sync schema (v9) added pages, and the focus timer's start-up
    # read then failed before the check ran.
    wreck_a_page_of(journal.database, "entry_revision")
    damaged = digest(journal.database)
    clock.advance(hours=1)
    window = open_window(journal)  # the header is fine: it opens; the check fails
    controller = window.backups
    qtbot.waitUntil(lambda: controller.recovery is not None, timeout=5000)
    recovery = controller.recovery
    qtbot.waitExposed(recovery)
    assert recovery.backup.name == newest.name
    assert "Your journal file is damaged" in recovery.message
    assert "failed its check" in recovery.message
    assert not controller.timer.isActive() and not controller.busy  # no backup of damage
    assert digest(journal.database) == damaged
    recovery.grab().save(str(journal.root / "recovery.png"))

    with qtbot.waitSignal(controller.restored, timeout=10000):
        recovery.restore_button.click()
    assert window.journal_page.entry_count == 12
    kept = list(journal.root.glob("journal.sqlite3.corrupt-*"))
    kept = [p for p in kept if not p.name.endswith(("-wal", "-shm"))]
    assert len(kept) == 1 and digest(kept[0]) == damaged
    assert controller.timer.isActive()
    window._services.entries.create(day=dt.date(2026, 3, 1), title="writes again")


def test_quit_leaves_the_damaged_journal_as_it_is(journal, qtbot, open_window):
    wreck_a_page_of(journal.database, "entry_revision")  # as above
    damaged = digest(journal.database)
    window = open_window(journal)
    controller = window.backups
    qtbot.waitUntil(lambda: controller.recovery is not None, timeout=5000)
    assert controller.recovery.backup is None  # none was ever made
    assert controller.recovery.restore_button is None
    controller.recovery.quit_button.click()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
    window._services.close()
    assert digest(journal.database) == damaged
    assert sorted(p.name for p in journal.root.iterdir() if "corrupt" in p.name) == []


def test_a_journal_that_cannot_open_is_offered_a_backup_before_the_window(journal, qtbot, clock):
    from journal_app.services.backups import DatabaseDamaged
    from journal_app.ui.backups.recovery import RecoveryDialog, offer_recovery_at_start

    BackupService(journal, clock).create("daily")
    journal.database.write_bytes(b"")
    with pytest.raises(DatabaseDamaged) as caught:
        Services.open(journal)
    assert caught.value.backup is not None

    def answer() -> None:
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, RecoveryDialog)]
        assert dialogs and dialogs[0].isVisible()
        assert "is empty (0 bytes)" in dialogs[0].message
        dialogs[0].restore_button.click()

    QTimer.singleShot(0, answer)
    assert offer_recovery_at_start(caught.value, journal) is True
    with Services.open(journal) as services:
        assert len(services.entries.summaries()) == 12
    kept = [p for p in journal.root.iterdir() if p.name.startswith("journal.sqlite3.corrupt-")]
    assert len(kept) == 1 and kept[0].read_bytes() == b""


def test_a_controller_deleted_while_its_check_runs_hears_nothing(journal, qtbot, open_window):
    from PySide6.QtCore import QCoreApplication, QEvent

    window = open_window(journal)
    controller = window.backups
    assert not controller.idle  # the check (then the start-up copy) is under way
    heard = []
    controller.backup_finished.connect(heard.append)
    controller.deleteLater()  # as when its window goes
    # Deleting it deletes its thread pool, which waits for the worker: whatever the
    # worker posted is queued by now, and delivering it must find nobody.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()
    assert heard == []
    assert not list(journal.backups.glob("*.partial")) if journal.backups.exists() else True


@pytest.mark.parametrize("choice", ["restore", "quit"])
def test_the_gui_start_on_a_damaged_journal_offers_the_backup(journal, qtbot, clock, choice, capfd):
    """The path `journal-app` takes before its window: a truncated journal is kept, the
    user is told in one line and offered the newest good backup; quitting opens nothing."""
    import contextlib

    from journal_app.ui import app as ui_app
    from journal_app.ui.backups.recovery import RecoveryDialog

    BackupService(journal, clock).create("daily")
    damaged = journal.database.read_bytes()[:5000]
    journal.database.write_bytes(damaged)

    def answer() -> None:
        (dialog,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, RecoveryDialog)]
        (dialog.restore_button if choice == "restore" else dialog.quit_button).click()

    QTimer.singleShot(0, answer)
    with contextlib.ExitStack() as stack:
        if choice == "quit":
            with pytest.raises(ui_app._Declined):
                ui_app._open_journal(stack, journal, None)
            assert journal.database.read_bytes() == damaged  # never written to
        else:
            services = ui_app._open_journal(stack, journal, None)
            assert len(services.entries.summaries()) == 12
            kept = [p for p in journal.root.iterdir() if ".corrupt-" in p.name]
            assert [p.read_bytes() for p in kept if p.name.endswith(tuple("0123456789Z"))] == [
                damaged
            ]
    err = capfd.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("journal-app: error: ")
