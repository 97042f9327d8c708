"""Start a focus session (category, skill, resource, task, note, Pomodoro), or change
what the running one is about. The dialog writes through the timer service itself and
stays open on a refused value (one inline line), so nothing starts wrong.

    dialog = StartDialog(services, pomodoro=True, parent=window)
    dialog.saved.connect(on_saved)   # the TimerState after the start or the change
    dialog.open()
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from journal_app.errors import InvalidInput
from journal_app.services import Services
from journal_app.services.tracking.timer import TimerState
from journal_app.ui.timer import format as fmt
from journal_app.ui.tracking.pickers import LabelIds, LabelPickers
from journal_app.ui.widgets.form import ErrorLabel


class StartDialog(QDialog):
    saved = Signal(object)  # TimerState

    def __init__(
        self,
        services: Services,
        *,
        pomodoro: bool = False,
        labels: LabelIds | None = None,
        running: TimerState | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``labels``: ids to preselect for a new session; ``running``: edit that timer's
        labels instead of starting one."""
        super().__init__(parent)
        self._services = services
        self.running = running
        self.setWindowTitle("Change focus session" if running else "Start focus session")
        self.setMinimumWidth(420)
        self.state: TimerState | None = None

        self.pickers = LabelPickers(services)
        self.note_edit = QLineEdit()
        self.note_edit.setAccessibleName("Note")
        self.note_edit.setPlaceholderText("What you mean to do, e.g. “chapter 3 exercises”")
        settings = services.tracking_settings.get()
        summary = fmt.pomodoro_summary(
            settings.pomodoro_work_minutes,
            settings.pomodoro_break_minutes,
            settings.pomodoro_long_break_minutes,
            settings.pomodoro_long_break_every,
        )
        self.pomodoro_check = QCheckBox(f"&Pomodoro: {summary}")
        self.pomodoro_check.setToolTip("Change the lengths in Track ▸ Tracking Settings")
        self.pomodoro_check.setChecked(pomodoro)
        self.error_label = ErrorLabel()

        form = QFormLayout()
        self.pickers.add_rows(form)
        form.addRow("&Note:", self.note_edit)
        if running is None:
            form.addRow("", self.pomodoro_check)
        else:
            self.pomodoro_check.hide()

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Save" if running else "Start")
        self.ok_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(self.error_label)
        column.addWidget(buttons)

        if running is not None:
            self.pickers.set_ids(
                category_id=running.category_id,
                skill_id=running.skill_id,
                resource_id=running.resource_id,
                task_id=running.task_id,
            )
            self.note_edit.setText(running.note)
        elif labels:
            self.pickers.set_ids(**labels)
        else:  # what the last session or timer was about, in this journal
            last = services.sessions.last_labels()
            self.pickers.set_ids(last.category_id, last.skill_id, last.resource_id)
        self.pickers.category.setFocus()

    def save(self) -> bool:
        """Start the timer (or relabel the running one); on a refused value show it and
        return False."""
        timer = self._services.timer
        try:
            ids = self.pickers.resolve()
            note = self.note_edit.text()
            if self.running is not None:
                state = timer.relabel(**ids, note=note)
            else:
                config = None
                if self.pomodoro_check.isChecked():
                    config = self._services.tracking_settings.get().pomodoro()
                state = timer.start(**ids, note=note, pomodoro=config)
        except InvalidInput as exc:
            self.error_label.show_error(str(exc))
            return False
        self.error_label.clear_error()
        self.state = state
        self.saved.emit(state)
        return True

    def accept(self) -> None:
        if self.save():
            super().accept()
