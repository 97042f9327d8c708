"""Journal: the entry browser (search, list, calendar, on this day) beside the editor."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMenu,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from journal_app.services import Services
from journal_app.services.entries import EntryData, EntrySummary
from journal_app.ui.editor_look import EditorLook
from journal_app.ui.journal.entry_draft import Draft, make_view_actions

if TYPE_CHECKING:
    from journal_app.ui.journal.calendar import JournalCalendar
    from journal_app.ui.journal.entry_editor import EntryEditorPane
    from journal_app.ui.journal.on_this_day import OnThisDayPanel

from journal_app.errors import JournalError
from journal_app.ui.journal import prompts
from journal_app.ui.journal.entry_list import EntryListView
from journal_app.ui.journal.search_panel import SearchPanel
from journal_app.ui.widgets.fmt import date_text
from journal_app.ui.window_context import window_context


def _summary(entry: EntryData) -> EntrySummary:
    return EntrySummary(
        id=entry.id,
        day=entry.day,
        title=entry.title,
        series=entry.series,
        number=entry.number,
        visibility=entry.visibility,
    )


class JournalPage(QWidget):
    """Left: search, entries grouped by day/week/month, calendar, on this day. Right: the
    entry editor. Secondary panels are built just after the window first paints."""

    distraction_free_changed = Signal(bool)
    message = Signal(str)  # the editor's "Saved" / "Not saved: …" line
    stats_changed = Signal(str)  # "1,234 words · 6 min read"
    entry_saved = Signal(object)  # EntryData
    editor_ready = Signal()  # the editor is built and shows the newest entry
    entries_counted = Signal(int)  # after each reload of the list: how many entries

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.entry_count = 0  # as of the last refresh()
        self._chosen_day: dt.date | None = None
        self._distraction_free = False
        self.calendar: JournalCalendar | None = None  # built after the first paint
        self.on_this_day: OnThisDayPanel | None = None  # likewise
        self._pane: EntryEditorPane | None = None  # likewise (see editor_pane)
        self._painted = False

        self.search = SearchPanel(
            lambda q, **kw: self._services.search.find(q, **kw),
            release=lambda: self._services.search.release_thread_connection(),
        )
        self.new_button = QToolButton()
        self.new_button.setObjectName("newEntry")
        self.new_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.entry_list = EntryListView()
        self.entry_list.setObjectName("entryList")

        self.browser = QWidget()
        browse = QVBoxLayout(self.browser)
        browse.setContentsMargins(0, 0, 0, 0)
        browse.setSpacing(6)
        browse.addWidget(self.entry_list, 1)

        self.left = QWidget()
        self.left.setObjectName("journalBrowser")
        left = QVBoxLayout(self.left)
        left.setContentsMargins(12, 12, 8, 8)
        left.setSpacing(8)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignTop)
        left.addLayout(top, 0)
        left.addWidget(self.browser, 1)

        # Until the editor is built, the right side is an empty panel of the same colour.
        self._placeholder = QWidget()

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.left)
        self.splitter.addWidget(self._placeholder)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([330, 900])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        self._build_actions()
        self.search.active_changed.connect(self._on_search_active)
        self.search.entry_chosen.connect(self.open_entry)
        self.search.entry_activated.connect(self._edit_found_entry)
        self.entry_list.entry_activated.connect(self.open_entry)
        self.entry_list.delete_requested.connect(self._trash_entry)

        self.refresh()
        self._update_actions()

    # -- start-up ---------------------------------------------------------------------------

    @property
    def editor_pane(self) -> EntryEditorPane:
        """The entry editor: built just after the window's first paint (the editor, its
        highlighter and toolbar are a third of start-up), or at once when asked for."""
        if self._pane is None:
            # lazy: not needed for the first paint
            from journal_app.ui.journal.entry_editor import EntryEditorPane

            pane = EntryEditorPane(self._services, view_actions=self.view_actions)
            self._pane = pane
            pane.saved.connect(self._on_saved)
            pane.saved.connect(self.entry_saved)
            pane.message.connect(self.message)
            pane.stats_changed.connect(self.stats_changed)
            pane.entry_link_clicked.connect(self.open_linked_entry)
            pane.new_entry_requested.connect(self.offer_linked_entry)
            self.splitter.replaceWidget(1, pane)
            self._placeholder.deleteLater()
            if self.calendar is not None:
                pane.reload_choices()
            self._open_latest()
            self.editor_ready.emit()
        return self._pane

    def apply_editor_look(self, look: EditorLook) -> None:
        """The font and column chosen in Preferences ▸ Editor (once the editor is built:
        the window applies it again on ``editor_ready``)."""
        if self._pane is not None:
            self._pane.editor.apply_look(look)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._painted:
            self.window().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._finish_start_up)  # dropped if self goes
        return False

    def _finish_start_up(self) -> None:
        self.editor_pane  # noqa: B018 - builds it
        self._build_secondary()

    # -- actions --------------------------------------------------------------------------

    def _action(
        self,
        text: str,
        keys: str | QKeySequence | QKeySequence.StandardKey | None,
        slot: Callable[[], object],
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if keys is not None:
            action.setShortcut(QKeySequence(keys))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_actions(self) -> None:
        self.view_actions = make_view_actions(self, lambda m: self.editor_pane.set_view_mode(m))
        self.new_action = self._action(
            "&New Entry", QKeySequence.StandardKey.New, self.new_entry, "Write a new entry"
        )
        self.save_action = self._action(
            "&Save Now", QKeySequence.StandardKey.Save, self.save_now, "Entries save by themselves"
        )
        self.trash_action = self._action(
            "Move to &Trash", "Ctrl+Shift+Delete", self.trash_current, "Restore it from the trash"
        )
        self.history_action = self._action(
            "&History…", "Ctrl+Shift+Y", self.show_history, "Earlier versions of this entry"
        )
        self.trash_dialog_action = self._action("Open T&rash…", None, self.show_trash)
        self.templates_action = self._action("Edit Te&mplates…", None, self.edit_templates)
        self.find_action = self._action(
            "&Find in Entry…", QKeySequence.StandardKey.Find, lambda: self.editor_pane.open_find()
        )
        self.replace_action = self._action(
            "R&eplace in Entry…", "Ctrl+H", lambda: self.editor_pane.open_replace()
        )
        self.search_action = self._action(
            "&Search Journal…", "Ctrl+K", self.focus_search, "Search every entry"
        )
        self.distraction_free_action = QAction("&Distraction-Free Writing", self, checkable=True)
        self.distraction_free_action.setShortcut(QKeySequence("Ctrl+Shift+F"))
        self.distraction_free_action.triggered.connect(self.set_distraction_free)
        self.exit_focus_action = self._action(
            "Leave Distraction-Free", "Esc", lambda: self.set_distraction_free(False)
        )
        self.exit_focus_action.setEnabled(False)
        self.addAction(self.exit_focus_action)
        self.template_menu = QMenu(self)
        self.template_menu.aboutToShow.connect(self._fill_template_menu)
        self.new_button.setDefaultAction(self.new_action)
        self.new_button.setMenu(self.template_menu)
        self.new_button.setText("New")
        self.new_button.setToolTip("New entry (Ctrl+N); the arrow offers templates")

    def entry_actions(self) -> list[QAction | None]:
        """For the main window's Entry menu (None is a separator)."""
        return [
            self.new_action,
            self.save_action,
            None,
            self.find_action,
            self.replace_action,
            self.search_action,
            None,
            self.history_action,
            self.trash_action,
            self.trash_dialog_action,
            None,
            self.templates_action,
            self.distraction_free_action,
        ]

    def view_mode_actions(self) -> list[QAction]:
        return list(self.view_actions.values())

    # -- public ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the list (and counts) from the journal: the list reads what it shows."""
        self.entry_list.set_source(self._services.entries)
        self.entry_count = self.entry_list.model.entry_count()
        current = self._pane.entry if self._pane is not None else None
        if current is not None:
            self.entry_list.select_entry(current.id)
        self._refresh_marks()
        self.entries_counted.emit(self.entry_count)

    def open_entry(self, entry_id: int) -> bool:
        if not self.editor_pane.open_entry(entry_id):
            return False
        self.entry_list.select_entry(entry_id)
        self._update_actions()
        return True

    def _edit_found_entry(self, entry_id: int) -> None:
        if self.open_entry(entry_id):
            self.editor_pane.focus_text()

    def open_linked_entry(self, entry_id: int) -> bool:
        """Follow a link to another entry (`[Note](entry:12)`, as imported [[links]] are)."""
        try:
            return self.open_entry(entry_id)
        except JournalError:
            self.message.emit("That entry is not in the journal any more")
            return False

    def offer_linked_entry(self, title: str) -> bool:
        """A [[link]] to no entry was clicked: offer to write that entry."""
        if not prompts.ask(
            self,
            "Write this entry?",
            f"No entry is titled “{title}” yet. Write it now?",
            "Write It",
            "Not Now",
        ):
            return False
        return self.new_entry(Draft(day=dt.date.today(), title=title))

    def new_entry(self, draft: Draft | None = None) -> bool:
        self._show_self()
        day = self._chosen_day or dt.date.today()
        if not self.editor_pane.new_entry(draft or Draft(day=day)):
            return False
        self._update_actions()
        return True

    def new_from_template(self, template_id: int) -> bool:
        day = self._chosen_day or dt.date.today()
        current = self.editor_pane.entry
        series = current.series if current is not None else None
        rendered = self._services.templates.render(template_id, day=day, series=series)
        return self.new_entry(
            Draft(
                day=day,
                title=rendered.title,
                body=rendered.body,
                series=rendered.series,
                number=rendered.number,
            )
        )

    def save_now(self) -> bool:
        """Save the open entry now and say so; False when it could not be saved."""
        if not self.editor_pane.flush():
            return False
        self.editor_pane.message.emit("Saved")
        return True

    def can_close(self) -> bool:
        """Save before the window closes; False keeps it open (nothing is dropped)."""
        if self._pane is None or self._pane.flush():
            self.search.shutdown()
            return True
        # lazy: naming QMessageBox builds its enums (~2 ms of start-up)
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.warning(
            self,
            "Entry not saved",
            "The open entry could not be saved. Close anyway and lose the latest changes?",
            QMessageBox.StandardButton.Cancel | QMessageBox.StandardButton.Discard,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    def focus_search(self) -> None:
        self._show_self()
        if self._distraction_free:
            self.set_distraction_free(False)
        self.search.focus_search()

    def trash_current(self) -> None:
        entry = self.editor_pane.entry
        if entry is not None:
            self._trash_entry(entry.id)

    def show_history(self) -> None:
        entry = self.editor_pane.entry
        if entry is None or not self.editor_pane.flush():
            return
        # lazy: not needed for the first paint
        from journal_app.ui.journal.history_dialog import HistoryDialog

        entry = self.editor_pane.entry
        assert entry is not None
        dialog = HistoryDialog(self._services.entries, entry.id, entry.title, entry.body, self)
        dialog.restore_requested.connect(self._restore_revision)
        dialog.exec()
        dialog.deleteLater()

    def show_trash(self) -> None:
        if not self.editor_pane.flush():
            return
        # lazy: not needed for the first paint
        from journal_app.ui.journal.trash_dialog import TrashDialog

        dialog = TrashDialog(self._services.entries, self)

        def restored(entry_id: int) -> None:
            self.refresh()
            self.open_entry(entry_id)

        dialog.restored.connect(restored)
        dialog.exec()
        dialog.deleteLater()
        self.refresh()

    def edit_templates(self) -> None:
        # lazy: not needed for the first paint
        from journal_app.ui.journal.templates_dialog import TemplatesDialog

        dialog = TemplatesDialog(self._services.templates, self)
        dialog.exec()
        dialog.deleteLater()

    def set_distraction_free(self, on: bool) -> None:
        on = bool(on)
        if on and not self.editor_pane.has_document():
            self.distraction_free_action.setChecked(False)
            return
        self._distraction_free = on
        self.distraction_free_action.setChecked(on)
        self.exit_focus_action.setEnabled(on)
        self.left.setVisible(not on)
        self.editor_pane.set_distraction_free(on)
        self.distraction_free_changed.emit(on)

    @property
    def distraction_free(self) -> bool:
        return self._distraction_free

    # -- internals ------------------------------------------------------------------------

    def _show_self(self) -> None:
        context = window_context(self)
        if context is not None:
            context.show_area("journal")

    def _open_latest(self) -> None:
        ids = self.entry_list.entry_ids_in_order()
        if ids:
            self.open_entry(ids[0])
        self._update_actions()

    def _update_actions(self) -> None:
        pane = self._pane
        has_entry = pane is not None and pane.entry is not None
        self.trash_action.setEnabled(has_entry)
        self.history_action.setEnabled(has_entry)
        self.distraction_free_action.setEnabled(pane is not None and pane.has_document())

    def _build_secondary(self) -> None:
        """Calendar and "On this day": useful, but not needed for the first paint."""
        if self.calendar is not None:
            return
        # lazy: not needed for the first paint
        from journal_app.ui.journal.calendar import JournalCalendar

        # lazy: not needed for the first paint
        from journal_app.ui.journal.on_this_day import OnThisDayPanel

        calendar = self.calendar = JournalCalendar()
        calendar.date_chosen.connect(self._on_date_chosen)
        calendar.month_shown.connect(self._mark_month)
        on_this_day = self.on_this_day = OnThisDayPanel()
        on_this_day.entry_activated.connect(self.open_entry)
        layout = self.browser.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.addWidget(calendar)
        layout.addWidget(on_this_day)
        self._refresh_marks()

    def _refresh_marks(self) -> None:
        if self.calendar is None or self.on_this_day is None:
            return
        first = dt.date(self.calendar.yearShown(), self.calendar.monthShown(), 1)
        self._mark_month(first, _month_end(first))
        self.on_this_day.set_recalls(self._services.entries.on_this_day(dt.date.today()))
        self.search.set_tags(self._services.entries.tag_names())
        if self._pane is not None:
            self._pane.reload_choices()

    def _mark_month(self, first: dt.date, last: dt.date) -> None:
        if self.calendar is not None:
            # A margin either side: the calendar shows days of the neighbouring months.
            start, end = first - dt.timedelta(days=14), last + dt.timedelta(days=14)
            self.calendar.set_marked_days(self._services.entries.days_with_entries(start, end))

    def _on_date_chosen(self, day: dt.date) -> None:
        self._chosen_day = day
        newest = self.entry_list.entry_on_day(day)
        if newest is not None:
            self.open_entry(newest)
            return
        self.entry_list.select_day(day)  # the list jumps to the nearest day with entries
        self.editor_pane.message.emit(
            f"No entry on {date_text(day)} — Ctrl+N writes one for that day"
        )

    def _on_search_active(self, active: bool) -> None:
        self.browser.setVisible(not active)

    def _on_saved(self, entry: EntryData) -> None:
        known = self.entry_list.summary(entry.id)
        if known is not None and known.day == entry.day:
            self.entry_list.update_entry(_summary(entry))
        else:  # new, or moved to another day: its place in the list changes
            self.refresh()
            self.entry_list.select_entry(entry.id)
        self._update_actions()

    def _trash_entry(self, entry_id: int) -> None:
        current = self.editor_pane.entry
        if current is not None and current.id == entry_id:
            if not self.editor_pane.flush():
                return
            neighbour = self.entry_list.neighbour_of(entry_id)
            self._services.entries.trash(entry_id)
            self.editor_pane.close_document()
            self.refresh()
            if neighbour is not None:
                self.open_entry(neighbour)
        else:
            self._services.entries.trash(entry_id)
            self.refresh()
        self._update_actions()
        self.editor_pane.message.emit("Moved to the trash (Entry ▸ Open Trash… to restore)")

    def _restore_revision(self, revision_id: int) -> None:
        entry = self.editor_pane.entry
        if entry is None or not self.editor_pane.flush():
            return
        entry = self.editor_pane.entry
        assert entry is not None
        restored = self._services.entries.restore_revision(revision_id, expected_rev=entry.rev)
        self.editor_pane.close_document()
        self.open_entry(restored.id)
        self.entry_list.update_entry(_summary(restored))
        self.editor_pane.message.emit(
            "Restored an earlier version (the replaced one is in History)"
        )

    def _fill_template_menu(self) -> None:
        self.template_menu.clear()
        for template in self._services.templates.list():
            action = self.template_menu.addAction(f"New from “{template.name}”")
            action.triggered.connect(
                lambda _checked=False, tid=template.id: self.new_from_template(tid)
            )
        self.template_menu.addSeparator()
        self.template_menu.addAction(self.templates_action)


def _month_end(first: dt.date) -> dt.date:
    following = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return following - dt.timedelta(days=1)
