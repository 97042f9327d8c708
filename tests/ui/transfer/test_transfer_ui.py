"""File ▸ Export…/Import… and the Publish menu, driven as a user would."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "transfer"


@pytest.fixture
def window(make_window, services, qtbot):
    services.tz = ZoneInfo("Europe/Berlin")
    services.entries.create(
        day=dt.date(2026, 3, 10),
        title="Backprop by hand",
        body="Worked it out. #private-note\n\nSee https://arxiv.org/abs/1",
        tags=["ml", "private"],
        visibility="public",
    )
    window = make_window()
    qtbot.waitUntil(lambda: getattr(window, "transfer", None) is not None, timeout=5000)
    return window


def _titles(menu):
    return [a.text() for a in menu.actions()]


def _ok(dialog):
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def test_menus_are_in_place(window):
    items = _titles(window.file_menu)
    assert (
        items.index("E&xport…")
        < items.index("&Import…")
        < items.index(_titles(window.file_menu)[-1])
    )
    quit_index = window.file_menu.actions().index(window.file_quit_separator)
    assert items.index("&Import…") < quit_index
    bar = [a.text() for a in window.menuBar().actions()]
    assert bar[bar.index("&View") :] == ["&View", "&Publish", "&Track", "&Help"]


def test_export_json_with_progress_and_a_summary(window, qtbot, tmp_path):
    controller = window.transfer
    dialog = controller.open_export()
    dialog.set_format("json")
    dialog.path_edit.setText(str(tmp_path / "journal.json"))
    with qtbot.waitSignal(controller.finished, timeout=20_000) as done:
        _ok(dialog)
    assert done.args[0].startswith("Exported 1 entry")
    assert (tmp_path / "journal.json").exists()
    assert controller.message_box.text() == done.args[0]
    controller.message_box.close()


def test_export_html_of_the_open_entry(window, qtbot, tmp_path):
    window.journal_page.open_entry(window.journal_page.entry_list.entry_ids_in_order()[0])
    dialog = window.transfer.open_export()
    dialog.set_format("html")
    assert dialog.entry_radio.isChecked() and dialog.html_options.isVisibleTo(dialog)
    dialog.path_edit.setText(str(tmp_path / "entry.html"))
    with qtbot.waitSignal(window.transfer.finished, timeout=20_000):
        _ok(dialog)
    assert "<h1>Backprop by hand</h1>" in (tmp_path / "entry.html").read_text()


def test_a_dialog_without_a_place_says_so_and_stays_open(window):
    dialog = window.transfer.open_import()
    dialog.set_format("jrnl")
    _ok(dialog)
    assert dialog.isVisible() and "choose where" in dialog.error_label.text()
    dialog.path_edit.setText("/no/such/file.json")
    _ok(dialog)
    assert dialog.isVisible() and "does not exist" in dialog.error_label.text()
    dialog.reject()


def test_import_refreshes_the_journal_and_tells_the_pages(window, qtbot):
    controller = window.transfer
    dialog = controller.open_import()
    dialog.set_format("jrnl")
    dialog.path_edit.setText(str(FIXTURES / "jrnl.json"))
    # read first and previewed, as notes are (#16): nothing is written until Import
    with qtbot.waitSignal(controller.previewed, timeout=20_000):
        _ok(dialog)
    assert controller.message_box.text() == "Would import 3 entries"
    assert window.journal_page.entry_count == 1
    with (
        qtbot.waitSignal(window.events.entries_changed, timeout=20_000),
        qtbot.waitSignal(controller.finished, timeout=20_000) as done,
    ):
        controller.preview_import_button.click()
    assert done.args[0] == "Imported 3 entries"
    assert window.journal_page.entry_count == 4
    assert "4 entries" in window.status_label.text()
    controller.message_box.close()


def test_csv_options_show_only_for_csv_and_a_bad_file_fails_in_one_line(window, qtbot):
    controller = window.transfer
    dialog = controller.open_import()
    dialog.set_format("toggl")
    # Toggl's mapping is shown, and can be changed (#16); the csv kind is not
    assert dialog.mapping_edit.isVisibleTo(dialog) and not dialog.kind_combo.isVisibleTo(dialog)
    assert dialog.mapping_edit.text() == (
        "category=Tags,skill=Project,note=Description+Task+Client+Tags"
    )
    dialog.set_format("markdown")
    assert not dialog.mapping_edit.isVisibleTo(dialog)
    dialog.set_format("csv")
    assert dialog.mapping_edit.isVisibleTo(dialog) and dialog.kind_combo.isVisibleTo(dialog)
    assert dialog.mapping_edit.text() == ""  # Toggl's mapping is not left for a csv
    dialog.set_format("toggl")
    # a file that is no Toggl report at all fails whole (a bad row alone is listed, #16)
    dialog.path_edit.setText(str(FIXTURES / "sleep_custom.csv"))
    with qtbot.waitSignal(controller.failed, timeout=20_000) as failed:
        _ok(dialog)
    assert failed.args[0].startswith("sleep_custom.csv line 1: no 'Start date' column")
    assert failed.args[0].endswith("(nothing was imported)")
    assert controller.message_box.text() == failed.args[0]
    controller.message_box.close()


def test_publish_copies_markdown_and_html_without_private_tags(window):
    page = window.journal_page
    page.open_entry(page.entry_list.entry_ids_in_order()[0])
    window.transfer.publish.copy_markdown_action.trigger()
    text = QGuiApplication.clipboard().text()
    assert text.startswith("---\ntitle: Backprop by hand\n")
    assert "private" not in text and "- ml" in text
    window.transfer.publish.copy_html_action.trigger()
    mime = QGuiApplication.clipboard().mimeData()
    assert mime.hasHtml() and "<h1>Backprop by hand</h1>" in mime.html()


def test_split_into_a_thread_shows_numbered_posts_with_copy(window, services):
    page = window.journal_page
    entry = services.entries.get(page.entry_list.entry_ids_in_order()[0])
    services.entries.update(entry.id, expected_rev=entry.rev, body="word " * 150)
    page.editor_pane.close_document()
    page.open_entry(entry.id)
    dialog = window.transfer.publish.split_thread()
    assert dialog.windowTitle() == "X thread: 3 posts"
    assert dialog.posts[0].endswith("\n1/3")
    dialog.copy_buttons[1].click()
    assert QGuiApplication.clipboard().text() == dialog.posts[1]
    dialog.reject()


def test_record_published_url_on_the_entry_and_its_output(window, services, qtbot):
    page = window.journal_page
    entry_id = page.entry_list.entry_ids_in_order()[0]
    page.open_entry(entry_id)
    dialog = window.transfer.publish.record_url()
    dialog.url_edit.setText("blog.example/backprop")
    dialog.accept()
    assert dialog.isVisible() and "http" in dialog.error_label.text()
    dialog.url_edit.setText("https://blog.example/backprop")
    with qtbot.waitSignal(window.events.tracking_changed):
        dialog.accept()
    assert not dialog.isVisible()
    assert services.entries.get(entry_id).published_url == "https://blog.example/backprop"
    [output] = services.outputs.list()
    assert (output.entry_id, output.status, output.kind) == (entry_id, "published", "blog_post")
    # The editor holds the new revision: typing and saving still works, no conflict copy.
    page.editor_pane.editor.set_text("New text after publishing")
    assert page.editor_pane.flush()
    assert services.entries.count() == 1
    assert services.entries.get(entry_id).body == "New text after publishing"


def test_publish_without_an_open_entry_says_so(window):
    window.journal_page.editor_pane.close_document()
    window.transfer.publish.copy_markdown_action.trigger()
    assert window.statusBar().currentMessage() == "Open an entry in the Journal first"


def test_a_long_import_reports_progress_and_leaves_the_window_responsive(window, qtbot, tmp_path):
    folder = tmp_path / "notes"
    folder.mkdir()
    for n in range(600):
        day = dt.date(2020, 1, 1) + dt.timedelta(days=n)
        (folder / f"{day.isoformat()}.md").write_text(f"note {n}\n")
    controller = window.transfer
    seen = []
    controller.progressed.connect(lambda done, total, what: seen.append((done, total)))
    dialog = controller.open_import()
    dialog.set_format("markdown")
    dialog.path_edit.setText(str(folder))
    with qtbot.waitSignal(controller.previewed, timeout=30_000):  # read first, then asked
        _ok(dialog)
        assert controller.busy and controller.progress is not None  # shown while it runs
    assert controller.message_box.text() == "Would import 600 entries"
    assert window.journal_page.entry_count == 1  # nothing written yet
    seen.clear()
    with qtbot.waitSignal(controller.finished, timeout=30_000) as done:
        controller.preview_import_button.click()
        assert controller.busy and controller.progress is not None
    assert done.args[0] == "Imported 600 entries"
    assert len(seen) > 5 and seen[-1][0] == seen[-1][1] > 0
    assert [d for d, _t in seen] == sorted(d for d, _t in seen)
    assert not controller.busy and controller.progress is None
    assert window.journal_page.entry_count == 601
    controller.message_box.close()


@pytest.mark.parametrize("journal_kind", ["plain", "encrypted"])
def test_the_export_dialog_warns_that_an_encrypted_journal_exports_plain_text(window, journal_kind):
    dialog = window.transfer.open_export()
    encrypted = journal_kind == "encrypted"
    assert dialog.warning_label.isVisible() is encrypted
    if encrypted:
        assert "plain text anyone can read" in dialog.warning_label.text()
    dialog.reject()


def test_an_end_heard_inside_the_progress_dialogs_set_value_is_handled(window, qtbot):
    """The modal progress dialog's setValue processes events: a job's "finished" queued
    behind its last progress report closes the dialog in the middle of the progress
    slot (File ▸ Export… ▸ Markdown raised AttributeError on None.setLabelText)."""
    from journal_app.services.transfer.common import ExportResult

    controller = window.transfer
    result = ExportResult(Path("out"), {"entries": 1})

    def work(progress):
        progress(1, 2, "half way")
        return result

    controller._start("Exporting…", work, imported=False)
    assert controller.wait()  # both signals now wait in the queue: progressed, finished
    controller.progress.forceShow()  # shown, so setValue processes events (as when slow)
    with qtbot.captureExceptions() as exceptions, qtbot.waitSignal(controller.finished) as done:
        pass
    assert exceptions == []
    assert done.args == [result.summary()]
    assert not controller.busy and controller.progress is None
    controller.message_box.close()


def test_file_export_markdown_ends_cleanly_when_its_end_arrives_inside_the_progress_bar(
    window, qtbot, tmp_path, monkeypatch
):
    """File ▸ Export… ▸ Markdown into a new folder, on a machine slow enough that the
    progress dialog is showing when the export's last progress report and its end are
    handled: the dialog's setValue handles the end inside it (an "unexpected error"
    dialog, AttributeError on None.setLabelText, before the fix)."""
    controller = window.transfer
    real_start = controller.pool.start

    def start_then_show(job):
        real_start(job)
        assert controller.wait()  # every report and the end now wait in the queue
        controller.progress.forceShow()  # as after its minimum duration on a slow machine

    monkeypatch.setattr(controller.pool, "start", start_then_show)
    seen = []
    controller.progressed.connect(lambda done, total, what: seen.append(done))
    action = next(a for a in window.file_menu.actions() if a.text() == "E&xport…")
    action.trigger()
    dialog = controller.dialog
    dialog.set_format("markdown")
    dialog.path_edit.setText(str(tmp_path / "notes"))
    with (
        qtbot.captureExceptions() as exceptions,
        qtbot.waitSignal(controller.finished, timeout=20_000) as done,
    ):
        _ok(dialog)
    assert exceptions == [] and seen
    assert done.args[0].startswith("Exported 1 entry")
    assert controller.message_box.icon() == controller.message_box.Icon.Information
    assert not controller.busy and controller.progress is None
    assert any((tmp_path / "notes").rglob("*.md"))
    controller.message_box.close()


@pytest.mark.parametrize("answer", ["No", "Yes"])
def test_exporting_over_an_existing_file_asks_first(window, qtbot, tmp_path, monkeypatch, answer):
    from PySide6.QtWidgets import QMessageBox

    asked = []

    def question(parent, title, text, *args):
        asked.append(text)
        return getattr(QMessageBox.StandardButton, answer)

    monkeypatch.setattr(QMessageBox, "question", question)
    out = tmp_path / "journal.json"
    out.write_text("my own notes\n")
    controller = window.transfer
    dialog = controller.open_export()
    dialog.set_format("json")
    dialog.path_edit.setText(str(out))
    if answer == "No":
        _ok(dialog)
        assert dialog.isVisible() and not controller.busy  # nothing started
        assert out.read_text() == "my own notes\n"
        dialog.reject()
    else:
        with qtbot.waitSignal(controller.finished, timeout=20_000):
            _ok(dialog)
        assert out.read_text().startswith("{")
        controller.message_box.close()
    assert len(asked) == 1 and str(out) in asked[0]
    assert sorted(p.name for p in tmp_path.iterdir() if "journal.json" in p.name) == [
        "journal.json"
    ]


def test_exporting_into_the_data_folder_is_refused_in_the_dialog(window, services, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    before = sorted(p.name for p in services.paths.root.iterdir())
    dialog = window.transfer.open_export()
    for fmt, name in (("json", "journal.sqlite3"), ("markdown", "export")):
        dialog.set_format(fmt)
        dialog.path_edit.setText(str(services.paths.root / name))
        _ok(dialog)
        assert dialog.isVisible() and "inside the journal's data folder" in (
            dialog.error_label.text()
        )
    assert not window.transfer.busy
    assert sorted(p.name for p in services.paths.root.iterdir()) == before
    assert services.entries.count() == 1
    dialog.reject()


def test_a_vault_preview_lists_what_is_left_out_and_the_report_can_be_saved(
    window, qtbot, tmp_path
):
    vault = tmp_path / "vault"
    (vault / "Templates").mkdir(parents=True)
    (vault / "Templates" / "Daily.md").write_text("---\ncreated: {{date}}\n---\n# {{title}}\n")
    (vault / "2026-03-12.md").write_text("# Gradients\n\nby hand #ml\n")
    (vault / "Ideas.md").write_text("someday\n")
    controller = window.transfer
    dialog = controller.open_import()
    dialog.set_format("markdown")
    assert dialog.date_combo.isVisibleTo(dialog)
    dialog.path_edit.setText(str(vault))
    with qtbot.waitSignal(controller.previewed, timeout=30_000) as previewed:
        _ok(dialog)
    box = controller.message_box
    assert box.text() == "Would import 1 entry; left out 2 items it cannot read"
    assert previewed.args[0] == box.detailedText()
    assert (
        "  Templates/Daily.md line 2: the front matter holds the template placeholder "
        "{{date}}; this looks like a template, not a note"
    ) in box.detailedText().splitlines()
    assert "Dates: 1 from file names" in box.informativeText()
    with qtbot.waitSignal(controller.finished, timeout=30_000) as done:
        controller.preview_import_button.click()
    assert done.args[0] == "Imported 1 entry; left out 2 items it cannot read"
    assert "Ideas.md: no date" in controller.message_box.detailedText()
    assert window.journal_page.entry_count == 2
    controller.save_report(tmp_path / "report.txt")
    assert (tmp_path / "report.txt").read_text() == controller.message_box.detailedText()
    controller.message_box.close()


def test_a_preview_cancelled_imports_nothing_and_mtime_dates_the_undated(window, qtbot, tmp_path):
    vault = tmp_path / "vault"
    vault.mkdir()
    (vault / "Ideas.md").write_text("someday\n")
    controller = window.transfer
    dialog = controller.open_import()
    dialog.set_format("markdown")
    dialog.date_combo.setCurrentIndex(dialog.date_combo.findData("mtime"))
    dialog.path_edit.setText(str(vault))
    with qtbot.waitSignal(controller.previewed, timeout=30_000) as previewed:
        _ok(dialog)
    assert previewed.args[0].startswith("Would import 1 entry\nDates: 1 from modification times")
    controller.message_box.button(QMessageBox.StandardButton.Cancel).click()
    assert window.journal_page.entry_count == 1 and not controller.busy
