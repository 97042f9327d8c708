"""What to print: the open entry, a range of days, a tag or a sprint; one entry a page."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from journal_app.services.transfer.selection import Selection
from journal_app.ui.widgets.fmt import from_qdate, to_qdate


@dataclass(frozen=True)
class PrintChoice:
    chosen: Selection
    one_per_page: bool


class PrintDialog(QDialog):
    """Chooses the entries; the caller then asks for a printer or a file."""

    def __init__(
        self,
        *,
        open_entry: int | None,
        today: dt.date,
        tags: list[str],
        sprints: list[tuple[int, str]],
        verb: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"{verb} Entries")
        self.group = QButtonGroup(self)
        self.entry_choice = QRadioButton("The &open entry")
        self.range_choice = QRadioButton("&Days")
        self.tag_choice = QRadioButton("Entries &tagged")
        self.sprint_choice = QRadioButton("A &sprint's entries and review")
        self._open_entry = open_entry

        self.first = QDateEdit(to_qdate(today - dt.timedelta(days=6)))
        self.last = QDateEdit(to_qdate(today))
        for edit, name in ((self.first, "First day"), (self.last, "Last day")):
            edit.setCalendarPopup(True)
            edit.setAccessibleName(name)
        days = QHBoxLayout()
        days.addWidget(self.first)
        days.addWidget(QLabel("to"))
        days.addWidget(self.last)
        self.tag = QComboBox()
        self.tag.addItems(tags)
        self.tag.setAccessibleName("Tag")
        self.sprint = QComboBox()
        for sprint_id, name in sprints:
            self.sprint.addItem(name, sprint_id)
        self.sprint.setAccessibleName("Sprint")

        form = QFormLayout()
        form.addRow(self.entry_choice)
        form.addRow(self.range_choice, days)
        form.addRow(self.tag_choice, self.tag)
        form.addRow(self.sprint_choice, self.sprint)
        for button in (self.entry_choice, self.range_choice, self.tag_choice, self.sprint_choice):
            self.group.addButton(button)
        self.entry_choice.setEnabled(open_entry is not None)
        self.tag_choice.setEnabled(bool(tags))
        self.sprint_choice.setEnabled(bool(sprints))
        (self.entry_choice if open_entry is not None else self.range_choice).setChecked(True)

        self.one_per_page = QCheckBox("Start each entry on a new &page")
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(f"{verb}…")
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.one_per_page)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def choice(self) -> PrintChoice:
        if self.entry_choice.isChecked():
            chosen = Selection(entry_id=self._open_entry)
        elif self.tag_choice.isChecked():
            chosen = Selection(tag=self.tag.currentText())
        elif self.sprint_choice.isChecked():
            chosen = Selection(sprint_id=self.sprint.currentData())
        else:
            chosen = Selection(
                first=from_qdate(self.first.date()), last=from_qdate(self.last.date())
            )
        return PrintChoice(chosen, self.one_per_page.isChecked())

    def _accept(self) -> None:
        if self.range_choice.isChecked() and self.last.date() < self.first.date():
            self.error.setText("The last day comes before the first.")
            self.error.show()
            return
        self.accept()
