"""File ▸ Sync…, the status bar and background sync, driven as a user would: a second
journal ("desktop", the CLI in another process — one journal per process here) writes
into the folder; the window joins it, hears new files arrive and merges them; the open
entry reloads with a notice; Leave stops it. Delays are set to 0 ms (no waiting on the
wall clock): the tests wait on the controller's signals."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.ui.accessibility.focus_walk import problems

WAIT_MS = 30_000  # only a hang reaches it


class Desktop:
    """Another device: its own journal, written by the CLI in a subprocess."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def run(self, *args: str, stdin: str = "") -> str:
        done = subprocess.run(
            [sys.executable, "-m", "journal_app", *args],
            input=stdin,
            env=dict(os.environ, JOURNAL_APP_DATA_DIR=str(self.root)),
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    def write(self, title: str, body: str) -> None:
        self.run("new", "--title", title, stdin=body)

    def has(self, title: str) -> bool:
        return title in self.run("search", "--json", f'"{title}"')

    def sync(self) -> dict:
        return json.loads(self.run("sync", "now", "--json"))


@pytest.fixture
def clock(clock):
    """The window's clock starts at this machine's time: the desktop (the CLI in another
    process) stamps its changes with it, and a stamp more than a day ahead of the
    window's clock would wait (the clock guard, docs/SYNC.md)."""
    clock.now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    return clock


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "Sync"


@pytest.fixture
def desktop(tmp_path: Path, folder: Path) -> Desktop:
    device = Desktop(tmp_path / "desktop-journal")
    device.run("sync", "setup", str(folder), "--name", "desktop")
    device.write("From the desktop", "Written on the desktop.")
    device.sync()
    return device


@pytest.fixture
def window(qtbot, make_window):
    window = make_window()
    if window.sync_controller is None:
        with qtbot.waitSignal(window.focus_timer_ready, timeout=WAIT_MS):
            pass
    controller = window.sync_controller
    controller.local_timer.setInterval(0)
    controller.folder_watch.timer.setInterval(0)
    yield window
    controller.runner.wait()  # no run outlives the test's journal


def _titles(services) -> list[str]:
    return sorted(s.title for s in services.entries.summaries())


def _join(qtbot, window, folder: Path, name: str = "laptop"):
    controller = window.sync_controller
    dialog = controller.open_dialog()
    dialog.folder_edit.setText(str(folder))
    dialog.name_edit.setText(name)
    with qtbot.waitSignal(controller.synced, timeout=WAIT_MS) as first:
        qtbot.mouseClick(dialog.setup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.sync_controller.running, timeout=WAIT_MS)
    return dialog, first.args[0]


def test_nothing_is_shown_before_sync_is_set_up(window):
    controller = window.sync_controller
    assert controller.button.isHidden()
    assert controller.action in window.file_menu.actions()


def test_joining_says_it_merges_then_brings_the_other_devices_entries(
    qtbot, window, services, folder, desktop
):
    services.entries.create(day=services.clock().date(), title="From the laptop", body="")
    controller = window.sync_controller
    dialog = controller.open_dialog()
    dialog.folder_edit.setText(str(folder))
    # Said before anything is written: joining, with whom, and that nothing is overwritten.
    assert "Joins the sync folder of desktop" in dialog.plan_label.text()
    assert "nothing on either side is overwritten" in dialog.plan_label.text()
    assert dialog.setup_button.text() == "Join and merge"
    assert services.sync.summary() is None

    dialog.name_edit.setText("laptop")
    with qtbot.waitSignal(controller.synced, timeout=WAIT_MS) as first:
        qtbot.mouseClick(dialog.setup_button, Qt.MouseButton.LeftButton)
    report = first.args[0]
    assert report.applied_changes > 0 and report.sent > 0
    assert _titles(services) == ["From the desktop", "From the laptop"]
    assert dialog.synced_page_shown
    assert dialog.device_label.text() == "laptop"
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 0).text() == "desktop"
    assert dialog.table.item(0, 2).text() == "up to date"
    assert dialog.result_label.text().startswith("Sent ")
    assert "applied" in dialog.result_label.text()
    # The entry list shows what arrived.
    assert window.journal_page.entry_count == 2
    # The desktop gets the laptop's entry.
    desktop.sync()
    assert desktop.has("From the laptop")


def test_a_new_folder_and_a_refused_one_are_said_before_confirming(
    qtbot, window, services, tmp_path
):
    dialog = window.sync_controller.open_dialog()
    photos = tmp_path / "Photos"
    photos.mkdir()
    (photos / "cat.jpg").write_bytes(b"\xff\xd8")
    dialog.folder_edit.setText(str(photos))
    assert dialog.folder_error.isVisible()
    assert "holds other files" in dialog.folder_error.text()
    assert "\n" not in dialog.folder_error.text()
    assert not dialog.plan_label.isVisible()
    assert not dialog.setup_button.isEnabled()

    dialog.folder_edit.setText(str(tmp_path / "Fresh"))
    assert not dialog.folder_error.isVisible()
    assert "Starts a new sync folder" in dialog.plan_label.text()
    assert dialog.setup_button.text() == "Start syncing"
    assert dialog.setup_button.isEnabled()
    assert not (tmp_path / "Fresh").exists()  # nothing written before the click


def test_files_arriving_in_the_folder_are_merged_in_the_background(
    qtbot, window, services, folder, desktop
):
    _join(qtbot, window, folder)
    controller = window.sync_controller
    assert controller.button.isVisible()
    assert controller.button.text() == "Synced just now"

    desktop.write("Second from the desktop", "More.")
    with qtbot.waitSignal(controller.synced, timeout=WAIT_MS):
        desktop.sync()  # the watcher hears the new file; no click
    # The run that applied it has reported (the list reloads then).
    qtbot.waitUntil(lambda: window.journal_page.entry_count == 2, timeout=WAIT_MS)
    assert "Second from the desktop" in _titles(services)


def test_local_changes_are_sent_after_a_quiet_moment(qtbot, window, services, folder, desktop):
    _join(qtbot, window, folder)
    controller = window.sync_controller
    window.journal_page.new_entry()
    pane = window.journal_page.editor_pane
    QTest.keyClicks(pane.title_edit, "Typed on the laptop")
    with qtbot.waitSignal(controller.synced, timeout=WAIT_MS) as run:
        assert pane.flush()  # the editor's save; the sync follows the (0 ms) quiet delay
    assert run.args[0].sent > 0
    assert services.sync.summary().changes_waiting == 0
    desktop.sync()
    assert desktop.has("Typed on the laptop")


def test_the_status_bar_counts_changes_waiting_and_ages(
    qtbot, window, services, folder, desktop, clock
):
    _join(qtbot, window, folder)
    controller = window.sync_controller
    controller.local_timer.setInterval(60 * 60 * 1000)  # the change waits
    services.entries.create(day=clock().date(), title="One", body="")
    window.events.entries_changed.emit()  # as the page that wrote it does
    assert controller.button.text() == "1 change waiting"
    controller.local_timer.stop()
    with qtbot.waitSignal(controller.synced, timeout=WAIT_MS):
        qtbot.mouseClick(controller.open_dialog().sync_button, Qt.MouseButton.LeftButton)
    clock.advance(minutes=1, seconds=5)
    controller.tick.timeout.emit()
    assert controller.button.text() == "Synced 1 min ago"


def test_a_merge_into_the_open_entry_reloads_it_and_says_from_whom(
    qtbot, window, services, folder, desktop
):
    _join(qtbot, window, folder)
    controller = window.sync_controller
    (mine,) = services.entries.summaries()
    assert window.open_entry(mine.id)
    pane = window.journal_page.editor_pane
    assert pane.editor.text() == "Written on the desktop."
    cursor = pane.editor.textCursor()
    cursor.setPosition(len("Written"))
    pane.editor.setTextCursor(cursor)

    desktop.run("edit", "1", stdin="Written on the desktop. Edited there later.")
    with qtbot.waitSignal(controller.synced, timeout=WAIT_MS):
        desktop.sync()
    qtbot.waitUntil(
        lambda: pane.editor.text() == "Written on the desktop. Edited there later.",
        timeout=WAIT_MS,
    )
    assert window.statusBar().currentMessage() == (
        "“From the desktop” was merged with changes from desktop"
    )
    assert pane.editor.textCursor().position() == len("Written")  # where it was
    assert services.entries.get(mine.id).body == "Written on the desktop. Edited there later."
    titles = _titles(services)
    assert not any("conflicting copy" in t for t in titles)


def test_a_failed_run_is_one_line_in_the_status_bar_and_the_dialog(
    qtbot, window, services, folder, desktop
):
    dialog, _ = _join(qtbot, window, folder)
    controller = window.sync_controller
    renamed = folder.with_name("Sync-unmounted")
    folder.rename(renamed)
    with qtbot.waitSignal(controller.sync_failed, timeout=WAIT_MS) as failed:
        qtbot.mouseClick(dialog.sync_button, Qt.MouseButton.LeftButton)
    assert "is not there" in failed.args[0]
    assert controller.button.text() == "Sync problem"
    assert "is not there" in controller.button.toolTip()
    assert dialog.error.isVisible() and "is not there" in dialog.error.text()
    renamed.rename(folder)


def test_leaving_asks_first_then_stops_and_hides_the_status(
    qtbot, window, services, folder, desktop
):
    dialog, _ = _join(qtbot, window, folder)
    controller = window.sync_controller
    dialog.confirm_leave = lambda: False
    qtbot.mouseClick(dialog.leave_button, Qt.MouseButton.LeftButton)
    assert services.sync.summary() is not None

    dialog.confirm_leave = lambda: True
    qtbot.mouseClick(dialog.leave_button, Qt.MouseButton.LeftButton)
    assert services.sync.summary() is None
    assert controller.button.isHidden()
    assert not dialog.synced_page_shown
    assert controller.folder_watch.watched() == []
    assert _titles(services) == ["From the desktop"]  # the entries stay


def test_what_is_typed_just_before_quitting_is_sent(qtbot, window, services, folder, desktop):
    _join(qtbot, window, folder)
    controller = window.sync_controller
    controller.local_timer.setInterval(60 * 60 * 1000)  # quit comes first
    window.journal_page.new_entry()
    QTest.keyClicks(window.journal_page.editor_pane.title_edit, "Last words")
    assert window.close()  # the editor saves, then the sync at quit sends
    assert services.sync.summary().changes_waiting == 0
    desktop.sync()
    assert desktop.has("Last words")


def test_text_typed_in_the_open_entry_and_a_remote_edit_both_survive(
    qtbot, window, services, folder, desktop
):
    _join(qtbot, window, folder)
    controller = window.sync_controller
    (mine,) = services.entries.summaries()
    assert window.open_entry(mine.id)
    pane = window.journal_page.editor_pane
    pane.editor.setFocus()
    cursor = pane.editor.textCursor()
    cursor.setPosition(0)
    pane.editor.setTextCursor(cursor)
    QTest.keyClicks(pane.editor, "Typed here. ")  # not saved yet when the files arrive

    desktop.run("edit", "1", stdin="Written on the desktop. Edited there later.")
    with qtbot.waitSignal(controller.synced, timeout=WAIT_MS):
        desktop.sync()
    both = "Typed here. Written on the desktop. Edited there later."
    qtbot.waitUntil(lambda: pane.editor.text() == both, timeout=WAIT_MS)
    assert services.entries.get(mine.id).body == both
    assert not any("conflicting copy" in t for t in _titles(services))
    desktop.sync()
    assert desktop.has("Typed here")


def test_every_control_of_the_dialog_is_named_and_reached_by_tab(
    qtbot, window, services, folder, desktop
):
    dialog = window.sync_controller.open_dialog()
    assert problems(dialog) == []  # setting up
    _join(qtbot, window, folder)
    assert problems(dialog) == []  # synced
