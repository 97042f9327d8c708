"""HistoryDialog: an entry's saved versions, each compared with the current text.

It reads through an object with ``history(entry_id)`` and ``revision(revision_id)``
(``services.entries`` in the app). It restores nothing itself: "Restore this version"
emits ``restore_requested(revision_id)`` and closes, and the owner — who knows the
editor's revision number — calls ``restore_revision``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from journal_app.errors import JournalError
from journal_app.ui.journal import prompts
from journal_app.ui.journal.history_diff import DARK, LIGHT, render_diff
from journal_app.ui.theme import is_dark, mute
from journal_app.ui.widgets.labels import UNTITLED, local_time_label

if TYPE_CHECKING:
    from journal_app.services.entries import RevisionData, RevisionSummary

ID_ROLE = Qt.ItemDataRole.UserRole
EMPTY_TEXT = (
    "No earlier versions yet. A version is kept every 10 minutes while you write, "
    "and before an entry is deleted or restored."
)
PICK_TEXT = "Pick a version on the left to compare it with your current text."


class HistoryApi(Protocol):
    def history(self, entry_id: int) -> list[RevisionSummary]: ...
    def revision(self, revision_id: int) -> RevisionData: ...


def reason_label(reason: str) -> str:
    """'before delete' -> 'Before delete'."""
    return reason[:1].upper() + reason[1:] if reason else "Saved"


def words_label(words: int) -> str:
    return f"{words:,} word{'s' if words != 1 else ''}"


class HistoryDialog(QDialog):
    restore_requested = Signal(int)  # a revision id: the owner restores it

    def __init__(
        self,
        entries: HistoryApi,
        entry_id: int,
        current_title: str,
        current_body: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._entries = entries
        self._entry_id = entry_id
        self._current = (current_title, current_body)
        self._cache: dict[int, RevisionData] = {}
        self.setWindowTitle("History")
        self.setObjectName("historyDialog")
        self.resize(900, 560)

        heading = QLabel("History")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setWeight(QFont.Weight.DemiBold)
        heading.setFont(font)
        self.subtitle = QLabel(f"“{current_title or UNTITLED}”")
        self.subtitle.setObjectName("muted")
        mute(self.subtitle)
        self.subtitle.setWordWrap(True)

        self.list = QTreeWidget()
        self.list.setObjectName("historyList")
        self.list.setColumnCount(3)
        self.list.setHeaderLabels(["When", "Why", "Words"])
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setStyleSheet("QTreeWidget#historyList::item { padding: 5px 4px; }")
        header = self.list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)

        self.legend = QLabel()
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.whole_text = QCheckBox("Show unchanged lines")
        self.diff_view = QTextBrowser()
        self.diff_view.setObjectName("historyDiff")
        self.diff_view.setOpenLinks(False)  # entry text is data, never navigation
        self.diff_view.setOpenExternalLinks(False)
        self.diff_view.setPlaceholderText(PICK_TEXT)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setSpacing(6)
        legend_row = QHBoxLayout()
        legend_row.addWidget(self.legend, 1)
        legend_row.addWidget(self.whole_text)
        right_layout.addLayout(legend_row)
        right_layout.addWidget(self.diff_view, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.list)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([370, 530])
        self.splitter.setChildrenCollapsible(False)

        self.empty_label = QLabel(EMPTY_TEXT)
        self.empty_label.setObjectName("muted")
        mute(self.empty_label)
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.restore_button = QPushButton("&Restore this version")
        self.restore_button.setAutoDefault(False)
        self.restore_button.setToolTip(
            "Replace the current text with this version (the current text is kept in history)"
        )
        self.close_button = QPushButton("Close")
        self.close_button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 16)
        layout.setSpacing(8)
        layout.addWidget(heading)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.empty_label, 1)
        layout.addLayout(buttons)

        self.list.currentItemChanged.connect(self._on_current_changed)
        self.whole_text.toggled.connect(self._show_diff)
        self.restore_button.clicked.connect(self._on_restore)
        self.close_button.clicked.connect(self.reject)
        self._load()

    # -- our API -------------------------------------------------------------------------

    def revision_ids(self) -> list[int]:
        items = (self.list.topLevelItem(row) for row in range(self.list.topLevelItemCount()))
        return [item.data(0, ID_ROLE) for item in items if item is not None]

    def selected_revision_id(self) -> int | None:
        item = self.list.currentItem()
        return None if item is None else item.data(0, ID_ROLE)

    def select_revision(self, revision_id: int) -> None:
        for row in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(row)
            if item is not None and item.data(0, ID_ROLE) == revision_id:
                self.list.setCurrentItem(item)
                return

    # -- building ------------------------------------------------------------------------

    def _load(self) -> None:
        try:
            revisions = self._entries.history(self._entry_id)
        except JournalError as exc:
            prompts.show_error(self, "History unavailable", str(exc))
            revisions = []
        revisions = sorted(revisions, key=lambda r: (r.created_at, r.id), reverse=True)
        for revision in revisions:
            item = QTreeWidgetItem(
                [
                    local_time_label(revision.created_at),
                    reason_label(revision.reason),
                    words_label(revision.words),
                ]
            )
            item.setData(0, ID_ROLE, revision.id)
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setToolTip(0, f"{revision.title or UNTITLED} · revision {revision.rev}")
            self.list.addTopLevelItem(item)
        count = len(revisions)
        title = self._current[0] or UNTITLED
        self.subtitle.setText(
            f"“{title}” · {count} earlier version{'s' if count != 1 else ''}"
            if count
            else f"“{title}”"
        )
        self.splitter.setVisible(bool(count))
        self.empty_label.setVisible(not count)
        self.restore_button.setEnabled(False)
        self._update_legend()
        first = self.list.topLevelItem(0)
        if count and first is not None:
            self.list.setCurrentItem(first)
            self.list.setFocus()

    def _update_legend(self) -> None:
        colors = DARK if is_dark(self.palette()) else LIGHT
        self.legend.setText(
            f'<span style="background-color:{colors.removed}">&nbsp;− only in this version&nbsp;'
            f'</span>&nbsp;&nbsp;<span style="background-color:{colors.added}">&nbsp;+ only in '
            "your current text&nbsp;</span>"
        )

    def _revision(self, revision_id: int) -> RevisionData | None:
        if revision_id not in self._cache:
            try:
                self._cache[revision_id] = self._entries.revision(revision_id)
            except JournalError as exc:
                prompts.show_error(self, "Version unavailable", str(exc))
                return None
        return self._cache[revision_id]

    def _show_diff(self) -> None:
        revision_id = self.selected_revision_id()
        revision = None if revision_id is None else self._revision(revision_id)
        self.restore_button.setEnabled(revision is not None)
        if revision is None:
            self.diff_view.clear()
            return
        result = render_diff(
            revision.title,
            revision.body,
            *self._current,
            colors=DARK if is_dark(self.palette()) else LIGHT,
            context=None if self.whole_text.isChecked() else 2,
        )
        self.diff_view.setHtml(result.html)

    # -- reactions -----------------------------------------------------------------------

    def _on_current_changed(self, *_: object) -> None:
        self._show_diff()

    def _on_restore(self) -> None:
        revision_id = self.selected_revision_id()
        if revision_id is None:
            return
        self.restore_requested.emit(revision_id)
        self.accept()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "legend"):
            self._update_legend()
            self._show_diff()
