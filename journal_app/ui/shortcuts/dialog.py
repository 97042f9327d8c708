"""Help ▸ Keyboard Shortcuts…: the window's commands and their keys (``catalog.py``), a
search field, and a key field to change the selected command's shortcut. A key another
command has is refused, naming that command; a change applies at once and is kept."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QKeySequenceEdit,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from journal_app.ui.shortcuts import catalog
from journal_app.ui.shortcuts.catalog import NATIVE, Command
from journal_app.ui.theme import mute
from journal_app.ui.widgets.form import ErrorLabel


class ShortcutsDialog(QDialog):
    def __init__(
        self, window: QMainWindow, settings: QSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent if parent is not None else window)
        self.setWindowTitle("Keyboard Shortcuts")
        self.resize(720, 560)
        self._window = window
        self._settings = settings
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search commands or keys…")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search shortcuts")
        self.search.setAccessibleDescription("Shows the commands whose name, place or key match")
        self.search.textChanged.connect(self._filter)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels(["Command", "Where", "Shortcut"])
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setAccessibleName("Commands and their shortcuts")
        self.tree.currentItemChanged.connect(self._on_current_changed)
        self.key_edit = QKeySequenceEdit()
        self.key_edit.setMaximumSequenceLength(1)
        self.key_edit.setAccessibleName("New shortcut")
        self.key_edit.setAccessibleDescription("Press the keys for the selected command")
        key_label = QLabel("&New shortcut:")
        key_label.setBuddy(self.key_edit)
        self.assign_button = self._button("&Assign", "Give the selected command these keys")
        self.assign_button.clicked.connect(lambda: self.assign())
        self.remove_button = self._button("&Remove", "Leave the selected command without keys")
        self.remove_button.clicked.connect(lambda: self.assign(QKeySequence()))
        self.reset_button = self._button("Re&set", "Put back the selected command's usual keys")
        self.reset_button.clicked.connect(self.reset)
        self.error_label = ErrorLabel()
        self.note = QLabel()
        self.note.setWordWrap(True)
        mute(self.note)

        edit_row = QHBoxLayout()
        edit_row.addWidget(key_label)
        edit_row.addWidget(self.key_edit, 1)
        edit_row.addWidget(self.assign_button)
        edit_row.addWidget(self.remove_button)
        edit_row.addWidget(self.reset_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAutoDefault(False)
        column = QVBoxLayout(self)
        column.addWidget(self.search)
        column.addWidget(self.tree, 1)
        column.addLayout(edit_row)
        column.addWidget(self.error_label)
        column.addWidget(self.note)
        column.addWidget(buttons)
        self.reload()

    def _button(self, text: str, description: str) -> QPushButton:
        button = QPushButton(text)
        button.setAutoDefault(False)
        button.setAccessibleDescription(description)
        return button

    # -- the list -----------------------------------------------------------------------------

    def reload(self) -> None:
        current = self.current_command()
        self.commands = sorted(
            catalog.commands(self._window), key=lambda c: (c.where.lower(), c.name.lower())
        )
        self.tree.clear()
        for index, command in enumerate(self.commands):
            item = QTreeWidgetItem([command.name, command.where, command.keys_text()])
            item.setData(0, Qt.ItemDataRole.UserRole, index)
            self.tree.addTopLevelItem(item)
            if current is not None and command.action is current.action:
                self.tree.setCurrentItem(item)
        for col in range(2):
            self.tree.resizeColumnToContents(col)
        self._filter(self.search.text())
        if self.tree.currentItem() is None:
            self._on_current_changed(None)

    def rows(self) -> list[tuple[str, str, str]]:
        """(command, where, keys) of the rows shown now."""
        return [(i.text(0), i.text(1), i.text(2)) for i in self._items() if not i.isHidden()]

    def _items(self) -> list[QTreeWidgetItem]:
        found = (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
        return [item for item in found if item is not None]

    def select(self, name: str, where: str | None = None) -> Command:
        """Select the command named ``name`` (in ``where``) and return it."""
        for item in self._items():
            if item.text(0) == name and (where is None or item.text(1) == where):
                self.tree.setCurrentItem(item)
                command = self.current_command()
                assert command is not None
                return command
        raise KeyError(name)

    def current_command(self) -> Command | None:
        item = self.tree.currentItem() if hasattr(self, "commands") else None
        if item is None:
            return None
        return self.commands[int(item.data(0, Qt.ItemDataRole.UserRole))]

    def _filter(self, text: str) -> None:
        words = text.lower().split()
        for item in self._items():
            haystack = " ".join(item.text(c) for c in range(3)).lower()
            item.setHidden(not all(word in haystack for word in words))

    def _on_current_changed(self, *_args: object) -> None:
        command = self.current_command()
        for widget in (self.key_edit, self.assign_button, self.remove_button, self.reset_button):
            widget.setEnabled(command is not None)
        self.error_label.clear_error()
        self.note.setText("")
        if command is None:
            return
        partners = [c.name for c in self._group(command)[1:]]
        if partners:
            names = ", ".join(f"“{name}”" for name in partners)
            self.note.setText(f"“{command.name}” shares its key with {names}: both change.")
        keys = command.key_list()
        self.key_edit.setKeySequence(keys[0] if keys else QKeySequence())

    # -- changing -----------------------------------------------------------------------------

    def _group(self, command: Command) -> list[Command]:
        """``command`` and those sharing its key."""
        return [
            command,
            *(c for c in self.commands if c.shares_keys_with(command) and c != command),
        ]

    def assign(self, keys: QKeySequence | None = None) -> bool:
        """Give the selected command ``keys`` (default: the key field's); False when it
        is refused (another command has them), with the reason shown."""
        command = self.current_command()
        if command is None:
            return False
        keys = self.key_edit.keySequence() if keys is None else keys
        other = catalog.conflict(self._window, command, keys)
        if other is not None:
            self.error_label.show_error(
                f"{keys.toString(NATIVE)} is already the shortcut of “{other.name}” "
                f"({other.where}): change that one first, or choose other keys."
            )
            return False
        catalog.set_keys(command, keys)
        for each in self._group(command):
            catalog.remember(self._settings, each, keys)
        self.error_label.clear_error()
        self.reload()
        return True

    def reset(self) -> bool:
        """Put back the selected command's usual keys, unless another command has them."""
        command = self.current_command()
        if command is None:
            return False
        for keys in catalog.shipped_keys(command):
            other = catalog.conflict(self._window, command, keys)
            if other is not None:
                self.error_label.show_error(
                    f"The usual key of “{command.name}”, {keys.toString(NATIVE)}, is now the "
                    f"shortcut of “{other.name}” ({other.where}): change that one first."
                )
                return False
        catalog.reset_keys(command)
        for each in self._group(command):
            catalog.remember(self._settings, each, None)
        self.error_label.clear_error()
        self.reload()
        return True
