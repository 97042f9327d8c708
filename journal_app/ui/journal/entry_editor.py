"""The right-hand side of the Journal: one entry's fields, the editor and its preview.

Saving is automatic (``AutosaveController``). A new entry is a *draft* until its first
edit, so opening Ctrl+N and walking away leaves no empty entry behind. A save that finds
the entry changed elsewhere (``StaleRevision``) keeps the typed text as a separate
"conflicting copy" entry and says so: nothing is lost and nothing newer is overwritten.

Links: the preview resolves `[[Title]]` through the journal's title lookup
(``services.links``), `[[` in the editor offers titles, "Linked from" lists the entries
linking here, and a renamed title offers to update the links to it (after the save).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from journal_app.errors import JournalError
from journal_app.services import Services
from journal_app.services.entries import EntryData, StaleRevision
from journal_app.ui.autosave import AutosaveController
from journal_app.ui.journal import prompts
from journal_app.ui.journal.backlinks import BacklinksPanel
from journal_app.ui.journal.editor import EditorToolbar, FindReplaceBar, MarkdownEditor
from journal_app.ui.journal.entry_draft import (
    VIEW_MODES,
    Draft,
    EntryFields,
    make_view_actions,
    split_tags,
)
from journal_app.ui.theme import VIEW_MODE_SHEET, ThemeManager, mute
from journal_app.ui.widgets.fmt import date_format, to_qdate
from journal_app.wikilinks import linkable, title_key

if TYPE_CHECKING:
    from journal_app.services.links import LinkIndex
    from journal_app.ui.journal.preview import PreviewView


def _pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class EntryEditorPane(QWidget):
    saved = Signal(object)  # EntryData, after every save
    message = Signal(str)  # a short status line ("Saved", "Not saved: …")
    stats_changed = Signal(str)  # "1,234 words · 6 min read"
    entry_link_clicked = Signal(int)  # a link to another entry, clicked in the preview
    new_entry_requested = Signal(str)  # a [[link]] to no entry clicked: the title to write
    links_changed = Signal()  # other entries' text changed (their links were renamed)

    def __init__(
        self,
        services: Services,
        parent: QWidget | None = None,
        *,
        view_actions: dict[str, QAction] | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._entry: EntryData | None = None
        self._draft: Draft | None = None
        self._loading = False
        # Built on first need: QTextBrowser + markdown stay off start-up.
        self._preview: PreviewView | None = None
        self._mode = "editor"
        self._link_index: LinkIndex | None = None  # rebuilt when titles change (~10k: 50 ms)
        self._links_stale = False  # the open entry's title changed since it was built
        self._title_at_open = ""  # the saved title a rename is measured from

        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("entryTitle")
        self.title_edit.setPlaceholderText("Title")
        self.title_edit.setAccessibleName("Title")
        font = self.title_edit.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title_edit.setFont(font)
        self.title_edit.setFrame(False)

        self.day_edit = QDateEdit()
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setDisplayFormat(date_format())
        self.day_edit.setDateRange(QDate(1900, 1, 1), QDate(2100, 12, 31))
        self.day_edit.setToolTip("The day this entry is about (backdating is fine)")
        self.day_edit.setAccessibleName("Day")
        self.series_combo = QComboBox()
        self.series_combo.setEditable(True)
        self.series_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        series_line = self.series_combo.lineEdit()
        assert series_line is not None  # the combo is editable
        series_line.setPlaceholderText("Series")
        self.series_combo.setToolTip("A numbered series, e.g. “Self Study Journal”")
        self.series_combo.setMinimumWidth(170)
        self.series_combo.setAccessibleName("Series")
        self.number_spin = QSpinBox()
        self.number_spin.setRange(0, 1_000_000)
        self.number_spin.setSpecialValueText("#")
        self.number_spin.setPrefix("#")
        self.number_spin.setToolTip("Number in the series (the next one is suggested)")
        self.number_spin.setAccessibleName("Number")
        self.tags_edit = QLineEdit()
        self.tags_edit.setPlaceholderText("Tags, comma separated")
        self.tags_edit.setAccessibleName("Tags")
        self.visibility_combo = QComboBox()
        self.visibility_combo.addItem("Private", "private")
        self.visibility_combo.addItem("Public", "public")
        self.visibility_combo.setToolTip("Public entries are the ones you publish in your log")
        self.visibility_combo.setAccessibleName("Visibility")
        self.sprint_combo = QComboBox()
        self.sprint_combo.setToolTip("The sprint this entry belongs to")
        self.sprint_combo.setAccessibleName("Sprint")
        self.sprint_combo.setMinimumContentsLength(12)
        self.sprint_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )

        self.editor = MarkdownEditor()
        self.editor.setAccessibleName("Entry text")
        self.toolbar = EditorToolbar(self.editor)
        self.find_bar = FindReplaceBar(self.editor)
        self.find_bar.hide()

        # The owner (the Journal page) may hand in the view actions, so that they exist
        # in its menus before this pane is built; otherwise the pane makes its own.
        if view_actions is None:
            view_actions = make_view_actions(self, self.set_view_mode)
            self.addActions(list(view_actions.values()))
        self.view_actions = view_actions
        view_buttons = QHBoxLayout()
        view_buttons.setSpacing(0)
        for mode in VIEW_MODES:
            action = view_actions[mode]
            button = QToolButton()
            button.setDefaultAction(action)
            button.setObjectName("viewMode")
            ThemeManager.shared().attach_sheet(button, VIEW_MODE_SHEET)
            view_buttons.addWidget(button)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.editor)

        self.backlinks = BacklinksPanel()
        self.backlinks.entry_activated.connect(self.entry_link_clicked)

        self.empty_label = QLabel(
            "No entry open. Press Ctrl+N to write one, or pick one on the left."
        )
        self.empty_label.setObjectName("muted")
        mute(self.empty_label)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)

        self.header = QWidget()
        header = QVBoxLayout(self.header)
        header.setContentsMargins(14, 10, 14, 4)
        header.setSpacing(6)
        header.addWidget(self.title_edit)
        fields = QHBoxLayout()
        fields.setSpacing(8)
        fields.addWidget(self.day_edit)
        fields.addWidget(self.series_combo)
        fields.addWidget(self.number_spin)
        fields.addWidget(self.tags_edit, 1)
        fields.addWidget(self.visibility_combo)
        fields.addWidget(self.sprint_combo)
        header.addLayout(fields)

        self.tool_row = QWidget()
        tools = QHBoxLayout(self.tool_row)
        tools.setContentsMargins(8, 0, 8, 0)
        tools.addWidget(self.toolbar, 1)
        tools.addLayout(view_buttons)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.tool_row)
        layout.addWidget(self.find_bar)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.backlinks)
        layout.addWidget(self.empty_label, 1)

        self.autosave = AutosaveController(self._save, parent=self)
        self.autosave.saved.connect(lambda: self.message.emit("Saved"))
        self.autosave.dirty_changed.connect(self._on_dirty_changed)

        self.editor.textChanged.connect(self._on_body_changed)
        self.editor.stats_changed.connect(self._on_stats)
        self.editor.image_pasted.connect(self._on_image_pasted)
        self.editor.verticalScrollBar().valueChanged.connect(self._sync_preview_scroll)
        self.title_edit.textEdited.connect(self._on_field_edited)
        self.tags_edit.textEdited.connect(self._on_field_edited)
        self.day_edit.dateChanged.connect(self._on_field_edited)
        self.number_spin.valueChanged.connect(self._on_field_edited)
        self.visibility_combo.currentIndexChanged.connect(self._on_field_edited)
        self.sprint_combo.currentIndexChanged.connect(self._on_field_edited)
        self.series_combo.currentTextChanged.connect(self._on_series_changed)
        self.title_edit.returnPressed.connect(self.editor.setFocus)
        self.title_edit.editingFinished.connect(self._offer_link_rename)

        self._show_entry_widgets(False)

    # -- public ---------------------------------------------------------------------------

    @property
    def entry(self) -> EntryData | None:
        return self._entry

    def has_document(self) -> bool:
        return self._entry is not None or self._draft is not None

    def open_entry(self, entry_id: int) -> bool:
        """Show entry ``entry_id`` after saving the current one; False if that failed."""
        if self._entry is not None and self._entry.id == entry_id:
            return True
        if not self.flush():
            return False
        self._load(self._services.entries.get(entry_id), None)
        return True

    def new_entry(self, draft: Draft) -> bool:
        """Start a new entry (written on its first edit); False if saving the old failed."""
        if not self.flush():
            return False
        if draft.series and draft.number is None:
            draft.number = self._services.entries.next_number(draft.series)
        self._load(None, draft)
        if draft.title:
            self.editor.setFocus()
        else:
            self.title_edit.setFocus()
        if draft.title or draft.body:
            self.autosave.changed()  # a template's text is worth keeping even untouched
        return True

    def focus_text(self) -> None:
        """Put the focus where the user reads or writes: the editor, or the preview when
        only the preview is shown."""
        if self._mode == "preview" and self._preview is not None:
            self._preview.setFocus()
        else:
            self.editor.setFocus()

    def close_document(self) -> bool:
        if not self.flush():
            return False
        self._load(None, None)
        return True

    def flush(self) -> bool:
        """Save now (Ctrl+S, switching, closing); True when nothing is left unsaved."""
        return self.autosave.flush()

    def reload_entry(self) -> bool:
        """Show the open entry as the journal now has it (a sync merged changes into
        it), keeping the cursor and the scroll where they were. Unsaved text is saved
        first: a save over the merged version keeps a "conflicting copy" (``_save``).
        False when nothing was reloaded (no entry, or its text could not be saved)."""
        if self._entry is None or not self.flush():
            return False
        shown = self._entry  # a conflicting copy's save has already loaded the newer one
        try:
            newer = self._services.entries.get(shown.id)
        except JournalError:  # emptied from the trash elsewhere
            self._load(None, None)
            return True
        if newer.rev == shown.rev:
            return True
        cursor = self.editor.textCursor().position()
        scroll = self.editor.verticalScrollBar().value()
        focused = self.editor.hasFocus()
        self._load(newer, None)
        kept = self.editor.textCursor()
        kept.setPosition(min(cursor, len(self.editor.toPlainText())))
        self.editor.setTextCursor(kept)
        self.editor.verticalScrollBar().setValue(scroll)
        if focused:
            self.editor.setFocus()
        self.saved.emit(newer)  # the list shows its title and day as merged
        return True

    def reload_choices(self) -> None:
        """Refresh the series, tag and sprint lists offered by the fields."""
        loading, self._loading = self._loading, True
        try:
            current = self.series_combo.currentText()
            self.series_combo.clear()
            self.series_combo.addItems(self._services.entries.series_names())
            self.series_combo.setCurrentText(current)
            completer = QCompleter(self._services.entries.tag_names(), self.tags_edit)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            self.tags_edit.setCompleter(completer)
            sprint_id = self.sprint_combo.currentData()
            self.sprint_combo.clear()
            self.sprint_combo.addItem("No sprint", None)
            for sprint in self._services.sprints.list():
                self.sprint_combo.addItem(sprint.name, sprint.id)
            self._select_data(self.sprint_combo, sprint_id)
        finally:
            self._loading = loading
        self._refresh_links()
        self._refresh_backlinks()  # the list reloads after other entries changed

    def set_view_mode(self, mode: str) -> None:
        if mode not in VIEW_MODES:
            return
        self._mode = mode
        self.view_actions[mode].setChecked(True)
        if mode != "editor":
            preview = self._ensure_preview()
            preview.setVisible(True)
            preview.set_markdown(self.editor.text())
        elif self._preview is not None:
            self._preview.setVisible(False)
        self.editor.setVisible(mode != "preview")
        if mode == "split":
            half = max(self.splitter.width() // 2, 200)
            self.splitter.setSizes([half, half])
        if mode == "preview" and self._preview is not None:
            self._preview.setFocus()
        elif self.has_document():
            self.editor.setFocus()

    @property
    def view_mode(self) -> str:
        return self._mode

    @property
    def preview(self):
        return self._ensure_preview()

    def open_find(self) -> None:
        if self.has_document():
            self.find_bar.show()
            self.find_bar.open_find()

    def open_replace(self) -> None:
        if self.has_document():
            self.find_bar.show()
            self.find_bar.open_replace()

    def set_distraction_free(self, on: bool) -> None:
        """Only the text: no fields, no toolbar, no preview."""
        self.header.setVisible(not on and self.has_document())
        self.tool_row.setVisible(not on and self.has_document())
        self.backlinks.setVisible(not on and bool(self.backlinks.entry_ids()))
        if on:
            self.find_bar.hide()
            if self._preview is not None:
                self._preview.hide()
            self.editor.show()
            self.editor.setFocus()
        else:
            self.set_view_mode(self._mode)

    # -- loading --------------------------------------------------------------------------

    def _load(self, entry: EntryData | None, draft: Draft | None) -> None:
        self.autosave.discard()
        self._entry, self._draft = entry, draft
        source = entry or draft
        self._loading = True
        try:
            if source is None:
                self.title_edit.clear()
                self.editor.set_text("")
                self.tags_edit.clear()
            else:
                self.title_edit.setText(source.title)
                self.day_edit.setDate(to_qdate(source.day))
                self.series_combo.setCurrentText(source.series or "")
                self.number_spin.setValue(source.number or 0)
                self.tags_edit.setText(", ".join(source.tags))
                visibility = entry.visibility if entry is not None else "private"
                self._select_data(self.visibility_combo, visibility)
                sprint_id = entry.sprint_id if entry is not None else None
                self._select_data(self.sprint_combo, sprint_id)
                self.editor.set_text(source.body)
            self.find_bar.hide()
        finally:
            self._loading = False
        self._show_entry_widgets(source is not None)
        self._title_at_open = entry.title if entry is not None else ""
        if self._link_index is None or self._links_stale:
            self._refresh_links()
        self._apply_resolver()
        self._refresh_backlinks()
        if self._preview is not None and self._mode != "editor":
            self._preview.set_markdown(self.editor.text())

    def _refresh_links(self) -> None:
        """Reload the title lookup the preview and `[[` completion use."""
        self._link_index = index = self._services.links.index()
        self._links_stale = False
        self.editor.set_link_titles(index.titles)
        self._apply_resolver()

    def _apply_resolver(self) -> None:
        if self._preview is not None and self._link_index is not None:
            series = self.series_combo.currentText().strip() or None
            self._preview.set_link_resolver(self._link_index.resolver(series))

    def _refresh_backlinks(self) -> None:
        entry = self._entry
        self.backlinks.set_backlinks(
            self._services.links.backlinks(entry.id, self._link_index) if entry is not None else []
        )

    def _show_entry_widgets(self, shown: bool) -> None:
        if not shown:
            self.backlinks.hide()
        self.header.setVisible(shown)
        self.tool_row.setVisible(shown)
        self.splitter.setVisible(shown)
        self.empty_label.setVisible(not shown)

    @staticmethod
    def _select_data(combo: QComboBox, data: object) -> None:
        index = combo.findData(data)
        combo.setCurrentIndex(max(index, 0))

    # -- saving ---------------------------------------------------------------------------

    def _fields(self) -> EntryFields:
        series = self.series_combo.currentText().strip() or None
        number = self.number_spin.value() or None
        return EntryFields(
            title=self.title_edit.text(),
            body=self.editor.text(),
            day=_pydate(self.day_edit.date()),
            series=series,
            number=number if series else None,
            tags=tuple(split_tags(self.tags_edit.text())),
            visibility=self.visibility_combo.currentData(),
            sprint_id=self.sprint_combo.currentData(),
        )

    def _save(self) -> bool:
        fields = self._fields()
        entries = self._services.entries
        try:
            if self._entry is None:
                if self._draft is None:
                    return True
                self._entry = entries.create(
                    day=fields.day,
                    title=fields.title,
                    body=fields.body,
                    series=fields.series,
                    number=fields.number,
                    tags=list(fields.tags),
                    visibility=fields.visibility,
                    sprint_id=fields.sprint_id,
                )
                self._draft = None
                self._refresh_links()
            else:
                current = self._entry
                changed = fields.changed_from(current)
                if not changed:
                    return True
                self._entry = entries.update(current.id, expected_rev=current.rev, **changed)
                if {"series", "number"} & set(changed):
                    self._refresh_links()
                elif "title" in changed:  # rebuilt when the title field is left, not per save
                    self._links_stale = True
        except StaleRevision as exc:
            return self._keep_conflicting_copy(exc.current, fields)
        except JournalError as exc:
            self.message.emit(f"Not saved: {exc}")
            return False
        except OSError as exc:  # disk full, folder gone: keep the text, say why, retry
            self.message.emit(f"Not saved: {exc.strerror or exc}")
            return False
        self.saved.emit(self._entry)
        return True

    def _keep_conflicting_copy(self, newer: EntryData, fields: EntryFields) -> bool:
        title = fields.title or "Untitled"
        copy = self._services.entries.create(
            day=fields.day,
            title=f"{title} (conflicting copy)",
            body=fields.body,
            tags=list(fields.tags),
        )
        self._load(newer, None)
        self.saved.emit(copy)
        self.saved.emit(newer)
        QMessageBox.warning(
            self,
            "Entry changed elsewhere",
            f"“{newer.title or 'Untitled'}” was changed outside this window since you "
            "opened it, so your text was not written over the newer version.\n\n"
            f"Your text is kept as a separate entry: “{copy.title}”.",
        )
        return True

    # -- slots ----------------------------------------------------------------------------

    def _on_body_changed(self) -> None:
        if not self._loading and self.has_document():
            self.autosave.changed()
            if self._preview is not None and self._mode != "editor":
                self._preview.set_markdown(self.editor.text())

    def _on_field_edited(self, *_args: object) -> None:
        if not self._loading and self.has_document():
            self.autosave.changed()

    def _on_series_changed(self, text: str) -> None:
        self._apply_resolver()  # [[#42]] is read within the entry's series
        if self._loading or not self.has_document():
            return
        series = text.strip()
        if series and self.number_spin.value() == 0:
            self._loading = True
            try:
                self.number_spin.setValue(self._services.entries.next_number(series))
            finally:
                self._loading = False
        self.autosave.changed()

    def _on_dirty_changed(self, dirty: bool) -> None:
        if dirty:
            self.message.emit("Editing…")

    def _on_stats(self, words: int, minutes: int) -> None:
        if not self.has_document():
            self.stats_changed.emit("")
            return
        self.stats_changed.emit(f"{words:,} word{'' if words == 1 else 's'} · {minutes} min read")

    def _offer_link_rename(self) -> None:
        """After the title is edited and saved: offer to point `[[Old title]]` links in
        other entries at the new title (one transaction, each old text kept in history)."""
        entry = self._entry
        if entry is None or title_key(self.title_edit.text()) == title_key(self._title_at_open):
            return
        if not self.flush() or self._entry is None or self._entry.id != entry.id:
            return
        if self._links_stale:
            self._refresh_links()
        old, new = self._title_at_open, self._entry.title
        self._title_at_open = new
        if not old.strip() or not linkable(new):
            return  # nothing could link to it, or the new title cannot be linked to
        sources = self._services.links.linking_title(entry.id, old)
        if not sources:
            return
        count = len(sources)
        who = "1 entry links" if count == 1 else f"{count:,} entries link"
        if not prompts.ask(
            self,
            "Update the links?",
            f"{who} to “{old}”. Change those links to “{new}”? Each changed entry keeps "
            "its previous text in History.",
            "Update Links",
            "Leave Them",
        ):
            return
        try:
            changed = self._services.links.rename_links(entry.id, old, new)
        except JournalError as exc:
            self.message.emit(f"Links not updated: {exc}")
            return
        self.message.emit(f"Updated the links in {changed:,} entr{'y' if changed == 1 else 'ies'}")
        self.links_changed.emit()
        self._refresh_backlinks()

    def _on_task_clicked(self, line: int) -> None:
        if not self.has_document() or self._preview is None or self._preview.busy:
            return  # the preview is behind the text: its line numbers may be stale
        if not self.editor.toggle_task(line):
            self.message.emit("That task is no longer on that line")

    def _on_image_pasted(self, data: bytes, mime: str) -> None:
        if not self.has_document():
            return
        if self._entry is None:  # a draft: write it now so the image has an owner
            self.autosave.changed()
        if not self.flush() or self._entry is None:
            return
        try:
            attachment = self._services.attachments.add_image(self._entry.id, data, mime=mime)
        except (JournalError, OSError) as exc:
            QMessageBox.warning(self, "Image not added", str(exc))
            return
        self.editor.insert_image_link(attachment.url, "image")

    def _ensure_preview(self) -> PreviewView:
        if self._preview is None:
            # lazy: loads when first used, not with the window
            from journal_app.ui.journal.preview import PreviewView

            preview = PreviewView()
            preview.set_attachment_resolver(self._services.attachments.read)
            preview.entry_link_clicked.connect(self.entry_link_clicked)
            preview.missing_link_clicked.connect(self.new_entry_requested)
            preview.task_clicked.connect(self._on_task_clicked)
            preview.setVisible(False)
            self.splitter.addWidget(preview)
            self._preview = preview
            self._apply_resolver()
        return self._preview

    def _sync_preview_scroll(self, value: int) -> None:
        if self._preview is None or self._mode != "split":
            return
        bar = self.editor.verticalScrollBar()
        span = bar.maximum() - bar.minimum()
        self._preview.scroll_to_fraction((value - bar.minimum()) / span if span else 0.0)
