"""The Export and Import dialogs: a format, a place, and (for some formats) options.

Both are built, filled and accepted like any dialog; ``request()`` returns what to run,
or raises InvalidInput with one line (shown in the dialog, which stays open).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from journal_app.errors import InvalidInput
from journal_app.ui.widgets.fmt import date_format, to_qdate

EXPORTS = {
    "markdown": (
        "Markdown files (a folder)",
        "One .md per entry with front matter, in year/month folders, with the images",
    ),
    "json": (
        "JSON (one file, everything)",
        "Everything in the journal, lossless: import it "
        "into an empty journal to get it back exactly",
    ),
    "csv": ("CSV (a folder)", "Sessions, sleep and outputs, one spreadsheet each"),
    "hugo": ("Hugo site content (a folder)", "Public entries only, private tags left out"),
    "html": ("HTML page (one file)", "A styled page that opens anywhere, offline"),
}
IMPORTS = {
    "markdown": (
        "Markdown notes (Obsidian, Logseq, Joplin, Notesnook, our export)",
        "A folder of .md notes, or one note; the day from its properties (date, created…) "
        "or its file name (2026-03-10.md, 2020_09_14.md). You see what will arrive first.",
    ),
    "jrnl": ("jrnl (journal file or JSON export)", "jrnl's journal.txt, or `jrnl --export json`"),
    "dayone": ("Day One (JSON export)", "The .zip Day One exports, or its Journal.json"),
    "json": ("Self-Study Journal (JSON export)", "Our own json export"),
    "csv": ("CSV (sessions, sleep or outputs)", "Any spreadsheet; map its columns below"),
    "toggl": ("Toggl Track (CSV)", "Reports ▸ Detailed ▸ Export ▸ CSV"),
    "clockify": ("Clockify (CSV)", "Reports ▸ Detailed ▸ Export ▸ Save as CSV"),
}
MAPPED_IMPORTS = {"csv", "toggl", "clockify"}
FILE_EXPORTS = {"json": "JSON (*.json)", "html": "HTML (*.html)"}
FOLDER_IMPORTS = {"markdown"}
IMPORT_FILTERS = {
    "jrnl": "jrnl (*.txt *.journal *.json)",
    "dayone": "Day One export (*.zip *.json)",
    "json": "JSON (*.json)",
    "csv": "CSV (*.csv *.tsv *.txt)",
    "toggl": "CSV (*.csv)",
    "clockify": "CSV (*.csv)",
}


@dataclass(frozen=True)
class ExportRequest:
    fmt: str
    out: Path
    entry_id: int | None = None
    first: dt.date | None = None
    last: dt.date | None = None
    force: bool = False  # the user said yes to replacing an existing file


@dataclass(frozen=True)
class ImportRequest:
    fmt: str
    path: Path
    kind: str = "sessions"
    mapping: dict[str, str] = field(default_factory=dict)
    strict: bool = False  # all or nothing
    date_from: str = "note"  # "mtime": notes without a date take their file's time
    confirmed: bool = False  # the user saw the preview and said Import
    date_format: str | None = None  # jrnl's timeformat, or a time log's DD.MM.YYYY…


def _pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class _TransferDialog(QDialog):
    def __init__(self, title: str, formats: dict[str, tuple[str, str]], parent: QWidget | None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self.format_combo = QComboBox()
        for key, (label, _about) in formats.items():
            self.format_combo.addItem(label, key)
        self.about = QLabel()
        self.about.setWordWrap(True)
        self.about.setStyleSheet("color: palette(mid);")
        self._formats = formats
        self.path_edit = QLineEdit()
        self.browse_button = QPushButton("Choose…")
        self.browse_button.clicked.connect(self.browse)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #c62828;")
        self.error_label.hide()
        self.form = QFormLayout()
        self.form.addRow("Format", self.format_combo)
        self.form.addRow("", self.about)
        place = QHBoxLayout()
        place.addWidget(self.path_edit, 1)
        place.addWidget(self.browse_button)
        self._place_row = place  # added by each dialog below its own options
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.format_combo.currentIndexChanged.connect(self._on_format_changed)

    @property
    def fmt(self) -> str:
        return str(self.format_combo.currentData())

    def set_format(self, fmt: str) -> None:
        self.format_combo.setCurrentIndex(self.format_combo.findData(fmt))

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()

    def _on_format_changed(self) -> None:
        self.about.setText(self._formats[self.fmt][1])
        self.error_label.hide()

    def browse(self) -> None:  # pragma: no cover - a native file dialog
        raise NotImplementedError

    def accept(self) -> None:
        try:
            self.request()
        except InvalidInput as exc:
            self.show_error(str(exc))
            return
        super().accept()

    def request(self) -> object:  # pragma: no cover - overridden
        raise NotImplementedError

    def _path(self) -> Path:
        text = self.path_edit.text().strip()
        if not text:
            raise InvalidInput("choose where: type a path or press Choose…")
        return Path(text).expanduser()


class ExportDialog(_TransferDialog):
    def __init__(
        self,
        current_entry: int | None,
        today: dt.date,
        parent: QWidget | None = None,
        *,
        plaintext_warning: str | None = None,
        check_target: Callable[[ExportRequest], None] | None = None,
    ):
        super().__init__("Export", EXPORTS, parent)
        # The service's rule for the place (raises InvalidInput; TargetExists when only
        # a yes to replacing is missing), asked before the dialog closes.
        self._check_target = check_target
        self._replace_confirmed: tuple[str, Path] | None = None
        # An encrypted journal's export is plain text: say so before anything is written.
        self.warning_label = QLabel(
            ""
            if plaintext_warning is None
            else f"⚠ {plaintext_warning[0].upper()}{plaintext_warning[1:]}."
        )
        self.warning_label.setWordWrap(True)
        self.warning_label.setVisible(plaintext_warning is not None)
        self.form.insertRow(0, self.warning_label)
        self._entry_id = current_entry
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Export")
        self.entry_radio = QRadioButton("The open entry")
        self.range_radio = QRadioButton("Days from")
        self.entry_radio.setEnabled(current_entry is not None)
        (self.entry_radio if current_entry is not None else self.range_radio).setChecked(True)
        self.first_edit = QDateEdit(to_qdate(today.replace(day=1)))
        self.last_edit = QDateEdit(to_qdate(today))
        for edit in (self.first_edit, self.last_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(date_format())
        self.html_options = QWidget()
        row = QHBoxLayout(self.html_options)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (
            self.entry_radio,
            self.range_radio,
            self.first_edit,
            QLabel("to"),
            self.last_edit,
        ):
            row.addWidget(widget)
        row.addStretch(1)
        self.form.addRow("Entries", self.html_options)
        self.form.addRow("Save to", self._place_row)
        self._on_format_changed()

    def _on_format_changed(self) -> None:
        super()._on_format_changed()
        is_html = self.fmt == "html"
        self.form.setRowVisible(self.html_options, is_html)
        self.path_edit.setPlaceholderText(
            "a file" if self.fmt in FILE_EXPORTS else "a new or empty folder"
        )

    def browse(self) -> None:  # pragma: no cover - a native file dialog
        if self.fmt in FILE_EXPORTS:
            suffix = "." + ("json" if self.fmt == "json" else "html")
            path, _ = QFileDialog.getSaveFileName(
                self, "Export to", f"journal{suffix}", FILE_EXPORTS[self.fmt]
            )
        else:
            path = QFileDialog.getExistingDirectory(self, "Export into a new or empty folder")
        if path:
            self.path_edit.setText(path)

    def accept(self) -> None:
        # lazy: loads when first used, not with the window
        from journal_app.services.transfer.target import TargetExists

        try:
            request = self.request()
            if self._check_target is not None:
                self._check_target(request)
        except TargetExists:
            if not self._ask_replace(request.out):
                return
            self._replace_confirmed = (request.fmt, request.out)
        except InvalidInput as exc:
            self.show_error(str(exc))
            return
        QDialog.accept(self)

    def _ask_replace(self, out: Path) -> bool:
        answer = QMessageBox.question(
            self,
            "Replace the file?",
            f"{out} already exists.\n\nReplace it with this export?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def request(self) -> ExportRequest:
        request = self._request()
        if self._replace_confirmed == (request.fmt, request.out):
            request = replace(request, force=True)
        return request

    def _request(self) -> ExportRequest:
        out = self._path()
        if self.fmt != "html":
            return ExportRequest(self.fmt, out)
        if self.entry_radio.isChecked():
            return ExportRequest("html", out, entry_id=self._entry_id)
        first, last = _pydate(self.first_edit.date()), _pydate(self.last_edit.date())
        if last < first:
            raise InvalidInput("the last day is before the first")
        return ExportRequest("html", out, first=first, last=last)


class ImportDialog(_TransferDialog):
    def __init__(self, parent: QWidget | None = None):
        self._shown_map = ""
        super().__init__("Import", IMPORTS, parent)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Import")
        self.kind_combo = QComboBox()
        self.kind_combo.addItem("Deep-work sessions", "sessions")
        self.kind_combo.addItem("Sleep (one night a row)", "sleep")
        self.kind_combo.addItem("Outputs (our csv export's outputs.csv)", "outputs")
        self.mapping_edit = QLineEdit()
        self.mapping_edit.setPlaceholderText("field=Column, e.g. start=Start,end=End,skill=Project")
        self.mapping_edit.setToolTip(
            "Sessions: start, end, day, hours, minutes, duration, category, skill, note.\n"
            "Sleep: day, bed, wake, hours, quality, energy, note.\n"
            "Leave empty when the columns already have these names."
        )
        self.date_format_edit = QLineEdit()
        self.date_format_edit.setPlaceholderText("read from the file (e.g. DD.MM.YYYY, MM/DD/YYYY)")
        self.date_format_edit.setToolTip(
            "Only for a file whose dates could be read two ways (every day 12 or less),\n"
            "or jrnl's own timeformat, e.g. %d.%m.%Y %H:%M"
        )
        self.date_combo = QComboBox()
        self.date_combo.addItem("Leave them out (listed in the report)", "note")
        self.date_combo.addItem("Date them by the file's modification time", "mtime")
        self.strict_check = QCheckBox("All or nothing: import nothing if any item is unreadable")
        self.form.addRow("Rows are", self.kind_combo)
        self.form.addRow("Columns", self.mapping_edit)
        self.form.addRow("Dates", self.date_format_edit)
        self.form.addRow("Notes without a date", self.date_combo)
        self.form.addRow("", self.strict_check)
        self.form.addRow("From", self._place_row)
        self._on_format_changed()

    def _on_format_changed(self) -> None:
        super()._on_format_changed()
        is_csv = self.fmt == "csv"
        self.form.setRowVisible(self.kind_combo, is_csv)
        self.form.setRowVisible(self.mapping_edit, self.fmt in MAPPED_IMPORTS)
        self.form.setRowVisible(self.date_format_edit, self.fmt in {*MAPPED_IMPORTS, "jrnl"})
        self.form.setRowVisible(self.date_combo, self.fmt == "markdown")
        if self.fmt in ("toggl", "clockify"):
            # The mapping in use, shown and changeable (#16)
            # lazy: loads when first used, not with the window
            from journal_app.services.transfer.import_toggl import DEFAULT_MAPPING, mapping_text

            if not self.mapping_edit.text().strip() or self.mapping_edit.text() == self._shown_map:
                self.mapping_edit.setText(mapping_text(DEFAULT_MAPPING))
            self._shown_map = self.mapping_edit.text()
        elif self.mapping_edit.text() == self._shown_map:
            self.mapping_edit.clear()
        self.path_edit.setPlaceholderText(
            "a folder or a .md file" if self.fmt in FOLDER_IMPORTS else "a file"
        )

    def browse(self) -> None:  # pragma: no cover - a native file dialog
        if self.fmt in FOLDER_IMPORTS:
            path = QFileDialog.getExistingDirectory(self, "Import the notes in a folder")
        else:
            path, _ = QFileDialog.getOpenFileName(
                self, "Import a file", "", IMPORT_FILTERS.get(self.fmt, "")
            )
        if path:
            self.path_edit.setText(path)

    def request(self) -> ImportRequest:
        # lazy: loads when first used, not with the window
        from journal_app.services.transfer.import_csv import parse_mapping

        path = self._path()
        if not path.exists():
            raise InvalidInput(f"{path} does not exist")
        mapping = parse_mapping(self.mapping_edit.text()) if self.fmt in MAPPED_IMPORTS else {}
        return ImportRequest(
            self.fmt,
            path,
            str(self.kind_combo.currentData()),
            mapping,
            strict=self.strict_check.isChecked(),
            date_from=str(self.date_combo.currentData()) if self.fmt == "markdown" else "note",
            date_format=self.date_format_edit.text().strip() or None,
        )
