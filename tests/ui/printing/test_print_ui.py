"""File ▸ Export as PDF… and File ▸ Print… as a user drives them."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox

from tests.ui.printing.conftest import DAY, pdf_images, read_pdf


@pytest.fixture
def window(make_window, printable, qtbot, services):
    window = make_window()
    qtbot.waitUntil(lambda: getattr(window, "printing", None) is not None, timeout=10_000)
    return window


def _file_action(window, text: str):
    return next(a for a in window.file_menu.actions() if a.text().replace("&", "") == text)


def _ok(dialog):
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()


def test_export_the_open_entry_as_pdf_from_the_file_menu(
    window, printable, qtbot, tmp_path, monkeypatch
):
    assert window.open_entry(printable["second"], show=True)
    out = tmp_path / "backprop"  # no suffix typed: .pdf is added
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), "PDF"))
    action = _file_action(window, "Export as PDF…")
    action.trigger()
    dialog = window.printing.dialog
    assert dialog.entry_choice.isChecked()  # the open entry is the default
    _ok(dialog)
    (page,) = read_pdf(tmp_path / "backprop.pdf")
    assert page.startswith("Backprop by hand")
    assert pdf_images(tmp_path / "backprop.pdf") == 1
    assert "Exported 1 entries to" in window.statusBar().currentMessage()


def test_a_tag_one_entry_a_page(window, qtbot, tmp_path, monkeypatch):
    out = tmp_path / "ml.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), "PDF"))
    _file_action(window, "Export as PDF…").trigger()
    dialog = window.printing.dialog
    qtbot.mouseClick(dialog.tag_choice, Qt.MouseButton.LeftButton)
    dialog.tag.setCurrentText("ml")
    dialog.one_per_page.setChecked(True)
    _ok(dialog)
    assert [p.split(" ")[0] for p in read_pdf(out)] == ["Gradient", "Backprop"]


def test_a_range_that_ends_before_it_starts_is_refused_inline(window, tmp_path, monkeypatch):
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: pytest.fail("asked for a file")
    )
    _file_action(window, "Export as PDF…").trigger()
    dialog = window.printing.dialog
    dialog.range_choice.setChecked(True)
    dialog.first.setDate(DAY + dt.timedelta(days=2))
    dialog.last.setDate(DAY)
    _ok(dialog)
    assert dialog.isVisible() and dialog.error.isVisible()
    assert "before the first" in dialog.error.text()
    dialog.reject()


def test_an_empty_range_says_so_and_writes_nothing(window, tmp_path, monkeypatch):
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, text: warned.append(text))
    out = tmp_path / "empty.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), "PDF"))
    _file_action(window, "Export as PDF…").trigger()
    dialog = window.printing.dialog
    dialog.range_choice.setChecked(True)
    dialog.first.setDate(DAY - dt.timedelta(days=30))
    dialog.last.setDate(DAY - dt.timedelta(days=20))
    _ok(dialog)
    assert warned == ["no entry matches (entries in the trash are left out)"]
    assert not out.exists()


def test_print_sends_the_pages_to_the_printer(window, printable, tmp_path):
    """The printer the print dialog returns, here one that prints to a file."""
    from journal_app.services.transfer.selection import Selection
    from journal_app.ui.printing.dialog import PrintChoice

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    choice = PrintChoice(Selection(sprint_id=printable["sprint"]), one_per_page=False)
    assert window.printing.print_to_printer(choice, printer)
    (page,) = read_pdf(tmp_path / "printed.pdf")
    assert "Backprop by hand" in page
    assert _file_action(window, "Print…").shortcut().toString() == "Ctrl+P"
