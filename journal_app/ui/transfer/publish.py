"""The Publish menu: the open entry as blog Markdown or HTML on the clipboard, split into
an X thread (a dialog of numbered posts, each with Copy), and Record Published URL."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QMimeData, QObject
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from journal_app.errors import JournalError
from journal_app.services import Services
from journal_app.ui.data_events import DataEvents
from journal_app.ui.window_context import WindowContext

MESSAGE_MS = 6000
PUBLISHED_KINDS = ("blog_post", "x_thread", "forum_post", "explainer", "comment", "summary", "code")


class ThreadDialog(QDialog):
    """The posts of a thread, numbered, each with its length and a Copy button."""

    def __init__(self, posts: list[str], parent: QWidget | None = None) -> None:
        # lazy: loads when first used, not with the window
        from journal_app.services.transfer.thread import LIMIT, weighted_length

        super().__init__(parent)
        self.setWindowTitle(f"X thread: {len(posts)} post{'s' if len(posts) != 1 else ''}")
        self.resize(560, 640)
        self.posts = posts
        self.copy_buttons: list[QPushButton] = []
        inner = QWidget()
        column = QVBoxLayout(inner)
        for n, post in enumerate(posts, 1):
            head = QHBoxLayout()
            head.addWidget(QLabel(f"<b>{n}</b> · {weighted_length(post)}/{LIMIT}"))
            head.addStretch(1)
            button = QPushButton("Copy")
            button.clicked.connect(lambda _=False, text=post, b=button: self._copy(text, b))
            self.copy_buttons.append(button)
            head.addWidget(button)
            column.addLayout(head)
            view = QPlainTextEdit(post)
            view.setReadOnly(True)
            view.setFixedHeight(110)
            column.addWidget(view)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        copy_all = buttons.addButton("Copy All", QDialogButtonBox.ButtonRole.ActionRole)
        copy_all.clicked.connect(lambda: self._copy("\n\n".join(posts), copy_all))
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(buttons)

    def _copy(self, text: str, button: QPushButton) -> None:
        QGuiApplication.clipboard().setText(text)
        button.setText("Copied")


class PublishedUrlDialog(QDialog):
    """Where the entry was published, and as what (the output it becomes or updates)."""

    def __init__(self, current_url: str, parent: QWidget | None = None) -> None:
        # lazy: loads when first used, not with the window
        from journal_app.services.tracking.outputs import KINDS

        super().__init__(parent)
        self.setWindowTitle("Record published URL")
        self.setMinimumWidth(480)
        self.url_edit = QLineEdit(current_url)
        self.url_edit.setPlaceholderText("https://…")
        self.kind_combo = QComboBox()
        for kind in PUBLISHED_KINDS:
            self.kind_combo.addItem(KINDS.get(kind, kind), kind)
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #c62828;")
        self.error_label.hide()
        form = QFormLayout()
        form.addRow("Published at", self.url_edit)
        form.addRow("As", self.kind_combo)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        # Called with (url, kind); raises JournalError to stay open.
        self.save_handler: Callable[[str, str], None] | None = None

    def accept(self) -> None:
        if self.save_handler is not None:
            try:
                self.save_handler(self.url_edit.text(), str(self.kind_combo.currentData()))
            except JournalError as exc:
                self.error_label.setText(str(exc))
                self.error_label.show()
                return
        super().accept()


class PublishActions(QObject):
    def __init__(
        self, context: WindowContext, services: Services, events: DataEvents, owner: QObject
    ) -> None:
        super().__init__(owner)
        self._context = context
        self._window = context.dialog_parent()  # the parent of its dialogs
        self._services = services
        self._events = events
        self.dialog: QDialog | None = None
        menu = self.menu = QMenu("&Publish", self._window)
        self.copy_markdown_action = self._add(
            "Copy as Blog &Markdown",
            self.copy_markdown,
            "Front matter and text, private tags left out",
        )
        self.copy_html_action = self._add(
            "Copy as &HTML", self.copy_html, "A standalone, styled HTML page of the entry"
        )
        self.thread_action = self._add(
            "Split into X &Thread…", self.split_thread, "Numbered posts of at most 280 characters"
        )
        menu.addSeparator()
        self.record_url_action = self._add(
            "&Record Published URL…",
            self.record_url,
            "Where it went live: on the entry and its output",
        )
        # Before the focus timer's Track menu, which keeps its place next to Help:
        # "… View, Publish, Track, Help".
        context.add_menu("publish", menu)

    def _add(self, text: str, slot, tip: str) -> QAction:
        action = self.menu.addAction(text)
        action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    def _entry_id(self) -> int | None:
        # The entry open in the Journal, saved first.
        entry_id = self._context.open_entry_id() if self._context.save_open_entry() else None
        if entry_id is None:
            self._say("Open an entry in the Journal first")
        return entry_id

    def _say(self, text: str) -> None:
        self._context.show_status(text, MESSAGE_MS)

    def _guarded(self, make):
        try:
            return make()
        except JournalError as exc:
            self._say(str(exc))
            return None

    def copy_markdown(self) -> None:
        # lazy: markdown loads only when used
        from journal_app.services.transfer.publish import blog_markdown

        entry_id = self._entry_id()
        text = None if entry_id is None else self._guarded(lambda: blog_markdown(entry_id))
        if text is not None:
            QGuiApplication.clipboard().setText(text)
            self._say("Copied the entry as blog Markdown (private tags left out)")

    def copy_html(self) -> None:
        # lazy: markdown loads only when used
        from journal_app.services.transfer.publish import standalone_html

        entry_id = self._entry_id()
        page = (
            None
            if entry_id is None
            else self._guarded(lambda: standalone_html(self._services, entry_id))
        )
        if page is not None:
            data = QMimeData()
            data.setHtml(page)  # pasted into a rich editor: formatted
            data.setText(page)  # into a text editor: the HTML source
            QGuiApplication.clipboard().setMimeData(data)
            self._say("Copied the entry as a standalone HTML page")

    def split_thread(self) -> ThreadDialog | None:
        # lazy: markdown loads only when used
        from journal_app.services.transfer.publish import thread_posts

        entry_id = self._entry_id()
        posts = None if entry_id is None else self._guarded(lambda: thread_posts(entry_id))
        if posts is None:
            return None
        if not posts:
            self._say("The entry is empty: there is nothing to post")
            return None
        dialog = ThreadDialog(posts, self._window)
        self.dialog = dialog
        dialog.open()
        return dialog

    def record_url(self) -> PublishedUrlDialog | None:
        entry_id = self._entry_id()
        if entry_id is None:
            return None
        entry = self._services.entries.get(entry_id)
        dialog = PublishedUrlDialog(entry.published_url, self._window)
        dialog.save_handler = lambda url, kind: self._record(entry_id, url, kind)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _record(self, entry_id: int, url: str, kind: str) -> None:
        # lazy: markdown loads only when used
        from journal_app.services.transfer.publish import record_published_url

        context = self._context
        if not context.save_open_entry():
            raise JournalError("the open entry could not be saved; try again")
        done = record_published_url(self._services, entry_id, url, kind=kind)
        if context.open_entry_id() == entry_id:
            # The entry's revision moved on: reload it so the next autosave is not stale.
            context.close_open_entry()
            context.open_entry(entry_id)
        self._events.entries_changed.emit()
        self._events.tracking_changed.emit()
        verb = "added" if done.created_output else "updated"
        self._say(f"Published at {done.entry.published_url}; output #{done.output.id} {verb}")
