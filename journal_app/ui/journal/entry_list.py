"""EntryListView: the journal's entries under day, week or month headers, newest first.

Plain data in (``set_entries``/``update_entry``, or ``set_source``: a source it reads a
page at a time as it scrolls, see entry_list_model.py), signals out.
A click or Enter opens an entry; Delete asks the owner to trash it. Up/Down go from entry
to entry across unfolded headers and stop on folded ones; a click, Enter or Left/Right
on a header folds it, and the selected entry stays selected meanwhile.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSignalBlocker,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from journal_app.ui.journal.entry_list_model import (
    COUNT_ROLE,
    DAY_ROLE,
    GROUPINGS,
    PUBLIC_ROLE,
    SERIES_ROLE,
    UNTITLED_ROLE,
    EntryPages,
    EntryTreeModel,
)
from journal_app.ui.theme import mute, style_with
from journal_app.ui.widgets.labels import entries_text, short_day_label

if TYPE_CHECKING:
    from journal_app.services.entries import EntrySummary

_Index = QModelIndex | QPersistentModelIndex


class _StateFlags:
    """QStyle's state flags, fetched on first paint: naming QStyle at import (even in
    ``from … import QStyle``) makes PySide build all of its (many) enums during start-up."""

    def __getattr__(self, name: str) -> Any:
        # lazy: see the class's docstring (~7 ms of start-up)
        from PySide6.QtWidgets import QStyle

        value = getattr(QStyle.StateFlag, name)
        setattr(self, name, value)
        return value


_State = _StateFlags()
_PAD = 10  # inner left/right padding of a row
_ENTRY_INDENT = 12  # entries sit a little right of their header's text
_PUBLIC = "public"

EMPTY_TEXT = "No entries yet.\nPress Ctrl+N to write your first one."


def muted(palette: QPalette, *, selected: bool = False) -> QColor:
    """Secondary text: the placeholder colour, or a softened highlighted-text colour."""
    if selected:
        color = QColor(palette.color(QPalette.ColorRole.HighlightedText))
        color.setAlphaF(0.78)
        return color
    return palette.color(QPalette.ColorRole.PlaceholderText)


class EntryDelegate(QStyledItemDelegate):
    """Paints a header (chevron, label, count) or an entry (day, title, series, public)."""

    def __init__(self, view: EntryTree) -> None:
        super().__init__(view)
        self._view = view

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        height = QFontMetrics(option.font).height()
        return QSize(200, height + 14)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self._view.entry_model.is_group(index):
            self._paint_group(painter, option, index)
        else:
            self._paint_entry(painter, option, index)
        painter.restore()

    def _paint_group(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        palette = option.palette
        rect = QRect(option.rect)
        painter.fillRect(rect, palette.color(QPalette.ColorRole.AlternateBase))
        painter.setPen(palette.color(QPalette.ColorRole.Midlight))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        if option.state & _State.State_HasFocus and self._view.hasFocus():
            painter.setPen(palette.color(QPalette.ColorRole.Highlight))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(2, 2, -3, -3), 5, 5)

        font = QFont(option.font)
        font.setWeight(QFont.Weight.DemiBold)
        metrics = QFontMetrics(font)
        expanded = self._view.isExpanded(index)
        chevron = "▾" if expanded else "▸"
        text_rect = rect.adjusted(_PAD, 0, -_PAD, 0)
        painter.setPen(muted(palette))
        painter.setFont(option.font)
        chevron_width = QFontMetrics(option.font).horizontalAdvance("▾ ")
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter, chevron)
        text_rect.setLeft(text_rect.left() + chevron_width)

        count = str(index.data(COUNT_ROLE))
        count_width = QFontMetrics(option.font).horizontalAdvance(count)
        painter.drawText(
            text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, count
        )
        text_rect.setRight(text_rect.right() - count_width - 8)

        painter.setFont(font)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        label = metrics.elidedText(
            str(index.data()), Qt.TextElideMode.ElideRight, text_rect.width()
        )
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter, label)

    def _paint_entry(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        palette = option.palette
        rect = QRect(option.rect)
        selected = bool(option.state & _State.State_Selected)
        hovered = bool(option.state & _State.State_MouseOver)
        focused = bool(option.state & _State.State_HasFocus) and self._view.hasFocus()
        card = rect.adjusted(4, 1, -4, -1)
        if selected:
            fill = QColor(palette.color(QPalette.ColorRole.Highlight))
            if not self._view.hasFocus():
                fill.setAlphaF(0.72)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawRoundedRect(card, 6, 6)
        elif hovered:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.color(QPalette.ColorRole.Midlight))
            painter.drawRoundedRect(card, 6, 6)
        elif focused:
            painter.setPen(palette.color(QPalette.ColorRole.Highlight))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(card.adjusted(0, 0, -1, -1), 6, 6)

        text_color = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        secondary = muted(palette, selected=selected)
        area = rect.adjusted(_PAD + _ENTRY_INDENT, 0, -_PAD, 0)
        base_font = QFont(option.font)
        small = QFont(base_font)
        small.setPointSizeF(max(base_font.pointSizeF() * 0.88, 7.0))
        small_metrics = QFontMetrics(small)
        center = Qt.AlignmentFlag.AlignVCenter

        if self._view.entry_model.grouping != "Day":
            day: dt.date = index.data(DAY_ROLE)
            painter.setFont(small)
            painter.setPen(secondary)
            width = self._view.day_column_width(small_metrics)
            painter.drawText(
                QRect(area.left(), area.top(), width, area.height()), center, short_day_label(day)
            )
            area.setLeft(area.left() + width + 8)

        if index.data(PUBLIC_ROLE):
            pill_width = small_metrics.horizontalAdvance(_PUBLIC) + 12
            pill_height = small_metrics.height() + 2
            pill = QRect(
                area.right() - pill_width + 1,
                area.center().y() - pill_height // 2,
                pill_width,
                pill_height,
            )
            accent = QColor(
                palette.color(QPalette.ColorRole.HighlightedText)
                if selected
                else palette.color(QPalette.ColorRole.Highlight)
            )
            painter.setPen(accent)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(pill.adjusted(0, 0, -1, -1), pill_height / 2, pill_height / 2)
            painter.setFont(small)
            painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, _PUBLIC)
            area.setRight(pill.left() - 8)

        series = index.data(SERIES_ROLE)
        if series:
            painter.setFont(small)
            painter.setPen(secondary)
            room = max(area.width() // 2, 0)
            text = small_metrics.elidedText(series, Qt.TextElideMode.ElideMiddle, room)
            width = small_metrics.horizontalAdvance(text)
            painter.drawText(area, center | Qt.AlignmentFlag.AlignRight, text)
            area.setRight(area.right() - width - 10)

        untitled = bool(index.data(UNTITLED_ROLE))
        title_font = QFont(base_font)
        title_font.setItalic(untitled)
        painter.setFont(title_font)
        painter.setPen(secondary if untitled else text_color)
        title = QFontMetrics(title_font).elidedText(
            str(index.data()), Qt.TextElideMode.ElideRight, max(area.width(), 0)
        )
        painter.drawText(area, center, title)


class EntryTree(QTreeView):
    """The tree inside EntryListView; emits on clicks and keys (the view relays them)."""

    entry_clicked = Signal(int)
    entry_entered = Signal(int)  # Enter/Return on an entry
    delete_pressed = Signal(int)

    def __init__(self, model: EntryTreeModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entry_model = model
        self.setObjectName("journalEntryTree")
        self.setModel(model)
        self.setHeaderHidden(True)
        self.setRootIsDecorated(False)
        self.setIndentation(0)
        self.setUniformRowHeights(True)  # lets Qt lay out 100,000 rows without asking each
        self.setItemsExpandable(True)
        self.setExpandsOnDoubleClick(False)  # one click folds a header
        self.setAllColumnsShowFocus(False)  # the delegate draws focus itself
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setMouseTracking(True)  # hover feedback
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setItemDelegate(EntryDelegate(self))
        self._day_width: tuple[int, int] | None = None  # (font key, width)
        self.clicked.connect(self._on_clicked)

    def day_column_width(self, metrics: QFontMetrics) -> int:
        """Wide enough for the widest 'Wed 28' in this font (cached per font)."""
        key = metrics.height() * 1000 + metrics.averageCharWidth()
        if self._day_width is None or self._day_width[0] != key:
            samples = [short_day_label(dt.date(2024, 1, d)) for d in range(22, 29)]
            self._day_width = (key, max(metrics.horizontalAdvance(s) for s in samples))
        return self._day_width[1]

    def moveCursor(
        self, cursorAction: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        index = super().moveCursor(cursorAction, modifiers)
        A = QAbstractItemView.CursorAction
        if cursorAction in (A.MoveLeft, A.MoveRight):
            return index
        downward = cursorAction in (A.MoveDown, A.MovePageDown, A.MoveHome, A.MoveNext)
        # An unfolded header is no stop: its entries are right there. A folded one is,
        # or the keyboard could never reach what it holds.
        while index.isValid() and self.entry_model.is_group(index) and self.isExpanded(index):
            following = self.indexBelow(index) if downward else self.indexAbove(index)
            if not following.isValid():
                current = self.currentIndex()
                return current if current.isValid() else index
            index = following
        return index

    def selectionCommand(
        self, index: _Index, event: QEvent | None = None
    ) -> QItemSelectionModel.SelectionFlag:
        if self.entry_model.is_group(index):  # folding a header keeps the entry selected
            return QItemSelectionModel.SelectionFlag.NoUpdate
        return super().selectionCommand(index, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        index = self.currentIndex()
        entry_id = self.entry_model.entry_id(index)
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and index.isValid():
            if entry_id is None:
                self.setExpanded(index, not self.isExpanded(index))
            else:
                self.entry_entered.emit(entry_id)
            event.accept()
            return
        if key == Qt.Key.Key_Delete and entry_id is not None:
            self.delete_pressed.emit(entry_id)
            event.accept()
            return
        super().keyPressEvent(event)

    def _on_clicked(self, index: QModelIndex) -> None:
        entry_id = self.entry_model.entry_id(index)
        if entry_id is None:
            self.setExpanded(index, not self.isExpanded(index))
        else:
            self.entry_clicked.emit(entry_id)


class EntryListView(QWidget):
    """Entries grouped by "Day", "Week" or "Month", newest first, with a grouping switch."""

    entry_activated = Signal(int)  # clicked, or Enter pressed on it
    entry_selected = Signal(int)  # the user moved the selection to it (keys or mouse)
    delete_requested = Signal(int)  # Delete pressed on it
    grouping_changed = Signal(str)  # the user or set_grouping chose another grouping

    def __init__(self, parent: QWidget | None = None, *, grouping: str = "Day") -> None:
        super().__init__(parent)
        self.setObjectName("journalEntryList")
        self.model = EntryTreeModel(self)
        self.model.set_grouping(grouping)
        # Parented when laid out, below the grouping switch: Tab reaches the switch first.
        self.tree = EntryTree(self.model)
        self.tree.setAccessibleName("Entries")
        self.tree.setAccessibleDescription(
            "Enter opens the entry, Delete moves it to the trash, arrows move between them"
        )
        self._collapsed: set[Any] = set()  # group keys the user folded
        self._quiet = False  # selection changes made by code emit nothing

        bar = QHBoxLayout()
        bar.setContentsMargins(8, 6, 8, 6)
        bar.setSpacing(0)
        self.grouping_buttons: dict[str, QToolButton] = {}
        self._group_buttons = QButtonGroup(self)
        self._group_buttons.setExclusive(True)
        for name in GROUPINGS:
            button = QToolButton()
            button.setText(name)
            button.setCheckable(True)
            button.setObjectName("groupingButton")
            button.setProperty("position", {"Day": "first", "Month": "last"}.get(name, "middle"))
            button.setToolTip(f"Group entries by {name.lower()}")
            button.setChecked(name == self.model.grouping)
            button.clicked.connect(lambda _=False, n=name: self.set_grouping(n))
            self._group_buttons.addButton(button)
            self.grouping_buttons[name] = button
            bar.addWidget(button)
        bar.addStretch(1)
        self.count_label = QLabel("")
        self.count_label.setObjectName("muted")
        mute(self.count_label)
        bar.addWidget(self.count_label)

        self.empty_label = QLabel(EMPTY_TEXT)
        self.empty_label.setObjectName("muted")
        mute(self.empty_label)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setContentsMargins(16, 24, 16, 24)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        line = QFrame()
        line.setObjectName("journalListRule")
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFixedHeight(1)
        layout.addWidget(line)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty_label, 1)
        style_with(self, _STYLE)

        self.tree.entry_clicked.connect(self.entry_activated)
        self.tree.entry_entered.connect(self.entry_activated)
        self.tree.delete_pressed.connect(self.delete_requested)
        self.tree.expanded.connect(self._on_expanded)
        self.tree.collapsed.connect(self._on_collapsed)
        self.model.modelReset.connect(self._on_model_reset)
        self.model.rowsInserted.connect(self._on_rows_inserted)
        self.model.rowsRemoved.connect(self._on_rows_changed)
        self.tree.selectionModel().currentChanged.connect(self._on_current_changed)
        self._show_count()

    # -- data in -------------------------------------------------------------------------

    def set_entries(self, summaries: list[EntrySummary]) -> None:
        """Show these entries (any order; trashed ones are left out), keeping the
        selection, the folded headers and the scroll position where they still apply."""
        selected = self.selected_entry_id()
        scroll = self.tree.verticalScrollBar().value()
        self._quiet = True
        try:
            self.model.set_entries(summaries)
            if selected is not None:
                self._select(selected, scroll=False)
        finally:
            self._quiet = False
        self.tree.verticalScrollBar().setValue(scroll)

    def set_source(self, source: EntryPages) -> None:
        """Show the entries ``source`` holds, reading only what is shown (and what was
        read before, so a scrolled list stays where it was), keeping the selection and
        folded headers."""
        selected = self.selected_entry_id()
        scroll = self.tree.verticalScrollBar().value()
        self._quiet = True
        try:
            self.model.set_source(source, at_least=self.model.loaded_count())
            if selected is not None:
                self._select(selected, scroll=False)
        finally:
            self._quiet = False
        self.tree.verticalScrollBar().setValue(scroll)

    def update_entry(self, summary: EntrySummary) -> None:
        """One entry changed (a title while typing, a new day, a new entry): repaint or
        move that row only."""
        selected = self.selected_entry_id()
        self._quiet = True
        try:
            self.model.update_entry(summary)
            if selected == summary.id and self.selected_entry_id() != selected:
                self._select(selected, scroll=True)  # it moved to another day
        finally:
            self._quiet = False

    def remove_entry(self, entry_id: int) -> bool:
        return self.model.remove_entry(entry_id)

    def set_grouping(self, grouping: str) -> None:
        """'Day', 'Week' or 'Month'."""
        if grouping == self.model.grouping:
            self.grouping_buttons[grouping].setChecked(True)
            return
        selected = self.selected_entry_id()
        self._collapsed.clear()
        self._quiet = True
        try:
            self.model.set_grouping(grouping)
            if selected is not None:
                self._select(selected, scroll=True)
        finally:
            self._quiet = False
        self.grouping_buttons[grouping].setChecked(True)
        self.grouping_changed.emit(grouping)

    def grouping(self) -> str:
        return self.model.grouping

    # -- selection -----------------------------------------------------------------------

    def select_entry(self, entry_id: int) -> bool:
        """Select and reveal an entry (unfolding its header); False if it is not listed.
        Emits nothing: the caller already knows."""
        self._quiet = True
        try:
            return self._select(entry_id, scroll=True)
        finally:
            self._quiet = False

    def select_day(self, day: dt.date) -> int | None:
        """Select the newest entry of ``day``, else the nearest one; returns its id."""
        entry_id = self.model.nearest_entry(day)
        if entry_id is not None:
            self.select_entry(entry_id)
        return entry_id

    def selected_entry_id(self) -> int | None:
        rows = self.tree.selectionModel().selectedRows()
        return self.model.entry_id(rows[0]) if rows else None

    def clear_selection(self) -> None:
        self.tree.clearSelection()

    def entry_ids_in_order(self) -> list[int]:
        """Every listed entry read so far, top to bottom (folded headers included)."""
        return self.model.entry_ids()

    def entry_on_day(self, day: dt.date) -> int | None:
        """The newest entry of ``day``, else None."""
        return self.model.entry_on_day(day)

    def neighbour_of(self, entry_id: int) -> int | None:
        """The entry below ``entry_id`` in the list, else the one above it."""
        return self.model.neighbour_of(entry_id)

    def summary(self, entry_id: int) -> EntrySummary | None:
        """The listed summary of ``entry_id``, if it has been read."""
        return self.model.summary(entry_id)

    def group_headers(self) -> list[tuple[str, int]]:
        """(label, count) for each header, top to bottom."""
        return [
            (str(self.model.index(row, 0).data()), int(self.model.index(row, 0).data(COUNT_ROLE)))
            for row in range(self.model.rowCount())
        ]

    def _select(self, entry_id: int, *, scroll: bool) -> bool:
        index = self.model.index_of(entry_id)
        if not index.isValid():
            return False
        parent = index.parent()
        if not self.tree.isExpanded(parent):
            self.tree.setExpanded(parent, True)
        self.tree.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        if scroll:
            viewport = self.tree.viewport().rect()
            if not viewport.contains(self.tree.visualRect(index)):
                self.tree.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
            if index.row() == 0:  # show the header too when there is room
                self.tree.scrollTo(parent, QAbstractItemView.ScrollHint.EnsureVisible)
        return True

    # -- reactions -----------------------------------------------------------------------

    def _expand_groups(self, first: int, last: int) -> None:
        keys = self.model.group_keys()
        index = self.model.index
        expand = self.tree.setExpanded
        with QSignalBlocker(self.tree):  # our own _on_expanded need not hear 30,000 of these
            for row in range(first, last + 1):
                if keys[row] not in self._collapsed:
                    expand(index(row, 0), True)

    def _on_model_reset(self) -> None:
        # Per-header expansion is cheap while Qt's layout is pending; expandAll() would
        # ask Python for every row's flags.
        if self._collapsed:
            self._collapsed &= set(self.model.group_keys())
        self._expand_groups(0, self.model.rowCount() - 1)
        self._show_count()

    def _on_rows_inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        if not parent.isValid():
            self._expand_groups(first, last)
        self._show_count()

    def _on_rows_changed(self, *_: Any) -> None:
        self._show_count()

    def _on_expanded(self, index: QModelIndex) -> None:
        self._collapsed.discard(self.model.group_key(index))

    def _on_collapsed(self, index: QModelIndex) -> None:
        self._collapsed.add(self.model.group_key(index))

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        entry_id = self.model.entry_id(current)
        if entry_id is not None and not self._quiet:
            self.entry_selected.emit(entry_id)

    def _show_count(self) -> None:
        count = self.model.entry_count()
        self.count_label.setText(entries_text(count) if count else "")
        self.tree.setVisible(count > 0)
        self.empty_label.setVisible(count == 0)


_STYLE = """
QToolButton#groupingButton {
    border: 1px solid palette(mid);
    background: palette(base);
    padding: 3px 10px;
    color: palette(text);
}
QToolButton#groupingButton[position="first"] {
    border-top-left-radius: 6px; border-bottom-left-radius: 6px;
}
QToolButton#groupingButton[position="middle"] { border-left: none; }
QToolButton#groupingButton[position="last"] {
    border-left: none; border-top-right-radius: 6px; border-bottom-right-radius: 6px;
}
QToolButton#groupingButton:hover:!checked { background: palette(midlight); }
QToolButton#groupingButton:checked {
    background: palette(highlight);
    border-color: palette(highlight);
    color: palette(highlighted-text);
}
QFrame#journalListRule { border: none; background: palette(midlight); }
QTreeView#journalEntryTree { background: palette(base); outline: 0; }
"""
