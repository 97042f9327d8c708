"""Search across the journal (Ctrl+K): results as you type, ranked, with snippets.

Up/Down show the chosen entry in the editor while the focus stays in the search field;
Enter (or a click) opens it for editing. The best PAGE_SIZE hits come first and the status
says how many match in all; "Show more" asks for the next page.

Queries run on a worker thread (peewee gives each thread its own connection), so typing
never waits for SQLite; a result that arrives after a newer query was started is dropped.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from journal_app.ui.theme import mute
from journal_app.ui.widgets.fmt import date_format, date_text

if TYPE_CHECKING:  # the worker pool, html and the search module load on the first query
    from concurrent.futures import Future, ThreadPoolExecutor

    from journal_app.services.search import SearchHit, SearchResults

DEBOUNCE_MS = 120
PAGE_SIZE = 50  # hits asked for at first and added by each "Show more"
MAX_SHOWN = 1000  # the search service's MAX_LIMIT: beyond it, narrow the search
SearchFn = Callable[..., "SearchResults"]  # (query, *, limit, tag, date_from, date_to)


def snippet_html(hit: SearchHit) -> str:
    """The snippet with its matches in bold; everything else escaped."""
    # lazy: not needed for the first paint
    import html

    parts: list[str] = []
    last = 0
    for start, end in sorted(hit.highlights):
        if start < last:
            continue
        parts.append(html.escape(hit.snippet[last:start]))
        parts.append(f"<b>{html.escape(hit.snippet[start:end])}</b>")
        last = end
    parts.append(html.escape(hit.snippet[last:]))
    return "".join(parts)


class _Relay(QObject):
    """Carries a worker's result back to the UI thread (queued signal)."""

    done = Signal(int, object)


class _LineEdit(QLineEdit):
    """Up/Down move through the results without leaving the search field."""

    navigate = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down:
            self.navigate.emit(1)
        elif event.key() == Qt.Key.Key_Up:
            self.navigate.emit(-1)
        else:
            super().keyPressEvent(event)


def status_text(shown: int, total: int) -> str:
    if not total:
        return "No entries match"
    noun = f"entr{'y' if total == 1 else 'ies'}"
    return f"{total} {noun}" if shown >= total else f"Showing {shown} of {total} {noun}"


class SearchPanel(QWidget):
    entry_activated = Signal(int)  # Enter or a click: open it to edit
    entry_chosen = Signal(int)  # Up/Down moved to it: show it, the focus stays here
    active_changed = Signal(bool)  # True while a query is shown instead of the entry list
    results_shown = Signal(int)  # number of hits displayed (tests wait on it)

    def __init__(
        self,
        search: SearchFn,
        parent: QWidget | None = None,
        *,
        release: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._search = search
        self._release = release  # closes the worker thread's own database connection
        self._pool: ThreadPoolExecutor | None = None
        self._seq = 0
        self._limit = PAGE_SIZE
        self._keep_row = 0  # the row to choose when the next answer arrives
        self._choose_after_more = False  # Down asked for more: show the first new hit
        self._relay = _Relay(self)
        self._relay.done.connect(self._on_done)

        self.field = _LineEdit()
        self.field.setObjectName("searchField")
        self.field.setPlaceholderText("Search the journal (Ctrl+K)")
        self.field.setClearButtonEnabled(True)
        self.field.setAccessibleName("Search the journal")
        self.filters_box = QCheckBox("Filters")
        self.filters: QWidget | None = None  # tag and date filters, built when first shown
        self._tags: list[str] = []

        self.results = QListWidget()
        self.results.setObjectName("searchResults")
        self.results.setWordWrap(True)
        self.results.setAlternatingRowColors(False)
        self.results.setUniformItemSizes(False)
        self.results.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        # Rows wrap to the list's width (search_hits.py): never a sideways scroll bar.
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setResizeMode(QListWidget.ResizeMode.Adjust)
        self._delegate_set = False  # the rows' delegate comes with the first query
        self.results.hide()
        self.more = QPushButton("Show more")
        self.more.setObjectName("searchMore")
        self.more.setFlat(True)
        self.more.hide()
        self.status = QLabel()
        self.status.setObjectName("muted")
        mute(self.status)
        self.status.hide()

        top = QHBoxLayout()
        top.setSpacing(6)
        top.addWidget(self.field, 1)
        top.addWidget(self.filters_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(top)
        self._layout = layout
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.more)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self._start)
        self.field.textChanged.connect(self._on_text_changed)
        self.field.returnPressed.connect(self._activate_current)
        self.field.navigate.connect(self._move)
        self.filters_box.toggled.connect(self._on_filters_toggled)
        self.results.itemActivated.connect(self._on_item_activated)
        self.results.itemClicked.connect(self._on_item_activated)
        self.more.clicked.connect(self._show_more)

    # -- public ---------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def set_tags(self, tags: list[str]) -> None:
        self._tags = list(tags)
        if self.filters is not None:
            self._fill_tags()

    def _fill_tags(self) -> None:
        current = self.tag_combo.currentData()
        self.tag_combo.blockSignals(True)
        self.tag_combo.clear()
        self.tag_combo.addItem("Any tag", None)
        for tag in self._tags:
            self.tag_combo.addItem(f"#{tag}", tag)
        index = self.tag_combo.findData(current)
        self.tag_combo.setCurrentIndex(max(index, 0))
        self.tag_combo.blockSignals(False)

    def _build_filters(self) -> QWidget:
        # lazy: the filters are built when first shown; naming these builds their enums
        from PySide6.QtWidgets import QComboBox, QDateEdit

        self.tag_combo = QComboBox()
        self.tag_combo.setAccessibleName("Tag filter")
        self.use_dates = QCheckBox("From")
        self.date_from = QDateEdit()
        self.date_to = QDateEdit()
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(date_format())
            edit.setDateRange(QDate(1900, 1, 1), QDate(2100, 12, 31))
        today = QDate.currentDate()
        self.date_from.setDate(today.addYears(-1))
        self.date_to.setDate(today)
        filters = QWidget()
        row = QHBoxLayout(filters)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        row.addWidget(self.tag_combo, 1)
        row.addWidget(self.use_dates)
        row.addWidget(self.date_from)
        row.addWidget(QLabel("to"))
        row.addWidget(self.date_to)
        self._layout.insertWidget(1, filters)
        self.filters = filters
        self._fill_tags()
        self.tag_combo.currentIndexChanged.connect(self._requery)
        self.use_dates.toggled.connect(self._requery)
        self.date_from.dateChanged.connect(self._requery)
        self.date_to.dateChanged.connect(self._requery)
        return filters

    def is_active(self) -> bool:
        return bool(self.field.text().strip())

    def clear(self) -> None:
        self.field.clear()

    def shutdown(self) -> None:
        if self._pool is not None:
            if self._release is not None:
                self._pool.submit(self._release)
            self._pool.shutdown(wait=True, cancel_futures=False)
            self._pool = None

    # -- querying -------------------------------------------------------------------------

    def _on_text_changed(self, text: str) -> None:
        self._seq += 1  # whatever is still running answers an older question
        active = bool(text.strip())
        if active and not self._delegate_set:
            # lazy: its module (and QTextDocument's enums) is needed only once searching
            from journal_app.ui.journal.search_hits import HitDelegate

            self.results.setItemDelegate(HitDelegate(self.results))
            self._delegate_set = True
        self.results.setVisible(active)
        self.status.setVisible(active)
        self._limit, self._keep_row, self._choose_after_more = PAGE_SIZE, 0, False
        if not active:
            self.more.hide()
        self.active_changed.emit(active)
        if active:
            self._debounce.start()
        else:
            self._debounce.stop()
            self.results.clear()

    def _requery(self, *_args: object) -> None:
        self._seq += 1
        self._limit, self._keep_row, self._choose_after_more = PAGE_SIZE, 0, False
        if self.is_active():
            self._debounce.start()

    def _on_filters_toggled(self, on: bool) -> None:
        filters = self.filters if self.filters is not None else self._build_filters()
        filters.setVisible(on)
        self._requery()

    def _options(self) -> dict[str, object]:
        if not self.filters_box.isChecked() or self.filters is None:
            return {}
        options: dict[str, object] = {"tag": self.tag_combo.currentData()}
        if self.use_dates.isChecked():
            start, end = self.date_from.date(), self.date_to.date()
            options["date_from"] = dt.date(start.year(), start.month(), start.day())
            options["date_to"] = dt.date(end.year(), end.month(), end.day())
        return options

    def _start(self) -> None:
        query = self.field.text().strip()
        if not query:
            return
        self._seq += 1
        seq = self._seq
        if self._pool is None:
            # lazy: not needed for the first paint
            from concurrent.futures import ThreadPoolExecutor

            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="search")
        options = self._options()
        self.status.setText("Searching…")
        future = self._pool.submit(self._search, query, limit=self._limit, **options)

        def relay(done: Future) -> None:
            self._relay.done.emit(seq, done)

        future.add_done_callback(relay)

    def _on_done(self, seq: int, future: Future) -> None:
        if seq != self._seq:
            return  # a newer query is on its way
        try:
            found: SearchResults = future.result()
        except Exception as exc:  # a broken query must not take the window down
            self.results.clear()
            self.more.hide()
            self.status.setText(f"Search failed: {exc}")
            self.results_shown.emit(0)
            return
        self._show(found.hits, found.total)

    def _show_more(self) -> None:
        self._keep_row = self.results.count()  # the first new hit
        self._limit = min(self._limit + PAGE_SIZE, MAX_SHOWN)
        self._seq += 1
        self._start()

    def _show(self, hits: list[SearchHit], total: int) -> None:
        # lazy: not needed for the first paint
        import html

        # lazy: as above
        from journal_app.ui.journal.search_hits import HTML_ROLE, MUTED

        self.results.clear()
        for hit in hits:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, hit.id)
            title = hit.title or "(untitled)"
            day = date_text(hit.day)
            item.setText(f"{title} · {day}\n{hit.snippet}")  # what screen readers say
            item.setData(
                HTML_ROLE,
                f"<div><b>{html.escape(title)}</b>"
                f" <span style='{MUTED}'>· {day}</span></div>"
                f"<div>{snippet_html(hit)}</div>",
            )
            self.results.addItem(item)
        if hits:
            row = min(self._keep_row, len(hits) - 1)
            self.results.setCurrentRow(row)
            self.results.scrollToItem(self.results.item(row))
        if self._choose_after_more:
            self._choose_after_more = False
            self._choose_current()
        total = max(total, len(hits))
        self.status.setText(status_text(len(hits), total))
        self.more.setText(f"Show {min(PAGE_SIZE, total - len(hits))} more")
        self.more.setVisible(len(hits) < total and self._limit < MAX_SHOWN)
        self.results_shown.emit(len(hits))

    # -- choosing -------------------------------------------------------------------------

    def _move(self, step: int) -> None:
        if self.results.count():
            row = min(max(self.results.currentRow() + step, 0), self.results.count() - 1)
            if row != self.results.currentRow():
                self.results.setCurrentRow(row)
                self._choose_current()
            elif step > 0 and self.more.isVisible():  # Down on the last hit: the next page
                self._choose_after_more = True
                self._show_more()

    def _choose_current(self) -> None:
        item = self.results.currentItem()
        if item is not None:
            self.entry_chosen.emit(int(item.data(Qt.ItemDataRole.UserRole)))

    def _activate_current(self) -> None:
        item = self.results.currentItem()
        if item is not None:
            self._on_item_activated(item)

    def _on_item_activated(self, item: QListWidgetItem) -> None:
        self.entry_activated.emit(int(item.data(Qt.ItemDataRole.UserRole)))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.is_active():
            self.clear()
            return
        super().keyPressEvent(event)
