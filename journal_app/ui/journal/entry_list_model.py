"""EntryTreeModel: journal entries under day, week or month headers, newest first.

Two levels: group headers at the root, entries below. Built for ten years of writing and
more (100,000 summaries in well under a second): grouping is one pass in Python, and Qt
asks for rows lazily. A child's internal id is its group's ``uid`` — stable while groups
come and go, so persistent indexes never point at the wrong group.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt

from journal_app.ui.widgets.labels import (
    UNTITLED,
    day_label,
    entries_text,
    month_label,
    series_badge,
    series_text,
    week_label,
)

if TYPE_CHECKING:
    from journal_app.services.entries import EntrySummary

GROUPINGS = ("Day", "Week", "Month")

KIND_ROLE = Qt.ItemDataRole.UserRole + 1  # "group" or "entry"
ENTRY_ID_ROLE = Qt.ItemDataRole.UserRole + 2
COUNT_ROLE = Qt.ItemDataRole.UserRole + 3  # entries under a header
DAY_ROLE = Qt.ItemDataRole.UserRole + 4  # datetime.date of an entry
SERIES_ROLE = Qt.ItemDataRole.UserRole + 5  # "Self Study Journal #6" or ""
PUBLIC_ROLE = Qt.ItemDataRole.UserRole + 6
UNTITLED_ROLE = Qt.ItemDataRole.UserRole + 7

GroupKey = Any  # an int (day ordinal) or a (year, number) tuple; larger is newer

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
# Computed once: the view asks for flags twice per row, and enum arithmetic is slow.
_GROUP_FLAGS = Qt.ItemFlag.ItemIsEnabled  # a header: clickable, never selected
_ENTRY_FLAGS = (
    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
)


def _day_key(day: dt.date) -> GroupKey:
    return day.toordinal()


def _week_key(day: dt.date) -> GroupKey:
    year, week, _ = day.isocalendar()
    return (year, week)


def _month_key(day: dt.date) -> GroupKey:
    return (day.year, day.month)


_KEYS: dict[str, Callable[[dt.date], GroupKey]] = {
    "Day": _day_key,
    "Week": _week_key,
    "Month": _month_key,
}


def _label(grouping: str, key: GroupKey) -> str:
    if grouping == "Day":
        return day_label(dt.date.fromordinal(key))
    if grouping == "Week":
        return week_label(*key)
    return month_label(*key)


def _order(summary: EntrySummary) -> tuple[dt.date, int]:
    return (summary.day, summary.id)


def _newest_first(key: Any) -> Any:
    """A sort key that puts larger (newer) keys first."""
    if isinstance(key, int):
        return -key
    return tuple(-k.toordinal() if isinstance(k, dt.date) else -k for k in key)


class _Group:
    __slots__ = ("entries", "key", "label", "row", "uid")

    def __init__(self, uid: int, key: GroupKey, label: str, row: int) -> None:
        self.uid = uid
        self.key = key
        self.label = label  # made when first shown: strftime for 30,000 days is slow
        self.row = row
        self.entries: list[EntrySummary] = []  # newest first


FETCH_BATCH = 100  # headers per fetch: a screenful many times over


class EntryTreeModel(QAbstractItemModel):
    """Headers at the root ("November 2026"), entries below them."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._grouping = "Day"
        self._groups: list[_Group] = []
        self._by_uid: dict[int, _Group] = {}
        self._by_key: dict[GroupKey, _Group] = {}
        self._group_of: dict[int, _Group] = {}  # entry id -> its group
        self._next_uid = 1
        # Headers are handed to the view a batch at a time (fetchMore as it scrolls): Qt
        # lays out every exposed row through Python calls, and ten years is ~6,000 rows.
        self._shown = 0

    # -- our API -------------------------------------------------------------------------

    @property
    def grouping(self) -> str:
        return self._grouping

    def set_grouping(self, grouping: str) -> None:
        if grouping not in _KEYS:
            raise ValueError(f"grouping must be one of {', '.join(GROUPINGS)}")
        if grouping != self._grouping:
            self._grouping = grouping
            self.set_entries(self.summaries())

    def set_entries(self, summaries: Iterable[EntrySummary]) -> None:
        self.beginResetModel()
        self._build([s for s in summaries if s.deleted_at is None])
        self.endResetModel()

    def summaries(self) -> list[EntrySummary]:
        """Every entry shown, in display order."""
        return [s for group in self._groups for s in group.entries]

    def entry_ids(self) -> list[int]:
        return [s.id for group in self._groups for s in group.entries]

    def entry_count(self) -> int:
        return len(self._group_of)

    def group_rows(self) -> int:
        return len(self._groups)

    def summary(self, entry_id: int) -> EntrySummary | None:
        group = self._group_of.get(entry_id)
        if group is None:
            return None
        return group.entries[self._row_in(group, entry_id)]

    def nearest_entry(self, day: dt.date) -> int | None:
        """The newest entry on ``day``, else the closest one before or after it."""
        newer: EntrySummary | None = None  # the oldest entry after ``day`` seen so far
        for group in self._groups:
            if group.entries[-1].day > day:
                newer = group.entries[-1]
                continue
            for summary in group.entries:
                if summary.day <= day:
                    if newer is None or day - summary.day <= newer.day - day:
                        return summary.id
                    return newer.id
                newer = summary
        return None if newer is None else newer.id

    def index_of(self, entry_id: int) -> QModelIndex:
        group = self._group_of.get(entry_id)
        if group is None:
            return QModelIndex()
        self._reveal(group.row)
        return self.createIndex(self._row_in(group, entry_id), 0, group.uid)

    def group_index_of_key(self, key: GroupKey) -> QModelIndex:
        group = self._by_key.get(key)
        if group is None:
            return QModelIndex()
        self._reveal(group.row)
        return self.createIndex(group.row, 0, 0)

    def group_keys(self) -> list[GroupKey]:
        return [group.key for group in self._groups]

    def group_key(self, index: _Index) -> GroupKey | None:
        if not index.isValid() or index.internalId() != 0:
            return None
        return self._groups[index.row()].key

    def is_group(self, index: _Index) -> bool:
        return index.isValid() and index.internalId() == 0

    def entry_id(self, index: _Index) -> int | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        group = self._by_uid[index.internalId()]
        return group.entries[index.row()].id

    def update_entry(self, summary: EntrySummary) -> None:
        """Show one changed entry without rebuilding: a new title repaints one row; a new
        day moves the row (and adds or drops a header as needed)."""
        if summary.deleted_at is not None:
            self.remove_entry(summary.id)
            return
        group = self._group_of.get(summary.id)
        if group is not None:
            row = self._row_in(group, summary.id)
            old = group.entries[row]
            if old.day == summary.day:
                group.entries[row] = summary
                index = self.createIndex(row, 0, group.uid)
                self.dataChanged.emit(index, index)
                return
            self.remove_entry(summary.id)
        self._insert(summary)

    def remove_entry(self, entry_id: int) -> bool:
        group = self._group_of.get(entry_id)
        if group is None:
            return False
        row = self._row_in(group, entry_id)
        shown = self._is_shown(group)
        if len(group.entries) == 1:
            if shown:
                self.beginRemoveRows(QModelIndex(), group.row, group.row)
            del self._groups[group.row]
            del self._by_uid[group.uid]
            del self._by_key[group.key]
            del self._group_of[entry_id]
            self._renumber(group.row)
            if shown:
                self._shown -= 1
                self.endRemoveRows()
            return True
        if not shown:  # not handed to the view yet: nothing to tell it
            del group.entries[row]
            del self._group_of[entry_id]
            return True
        parent = self.createIndex(group.row, 0, 0)
        self.beginRemoveRows(parent, row, row)
        del group.entries[row]
        del self._group_of[entry_id]
        self.endRemoveRows()
        self.dataChanged.emit(parent, parent)  # the count changed
        return True

    # -- building ------------------------------------------------------------------------

    def _build(self, summaries: list[EntrySummary]) -> None:
        summaries.sort(key=_order, reverse=True)
        key_of = _KEYS[self._grouping]
        groups: list[_Group] = []
        by_uid: dict[int, _Group] = {}
        by_key: dict[GroupKey, _Group] = {}
        group_of: dict[int, _Group] = {}
        uid = self._next_uid
        group: _Group | None = None
        last_day: dt.date | None = None
        for summary in summaries:
            day = summary.day
            if day != last_day:  # many entries share a day: one key computation per day
                last_day = day
                key = key_of(day)
                if group is None or key != group.key:
                    group = _Group(uid, key, "", len(groups))
                    uid += 1
                    groups.append(group)
                    by_uid[group.uid] = group
                    by_key[key] = group
            assert group is not None
            group.entries.append(summary)
            group_of[summary.id] = group
        self._next_uid = uid
        self._groups, self._by_uid, self._by_key, self._group_of = (
            groups,
            by_uid,
            by_key,
            group_of,
        )
        self._shown = min(len(groups), FETCH_BATCH)

    # -- lazy headers ----------------------------------------------------------------------

    def canFetchMore(self, parent: _Index = _ROOT) -> bool:
        return not parent.isValid() and self._shown < len(self._groups)

    def fetchMore(self, parent: _Index = _ROOT) -> None:
        if self.canFetchMore(parent):
            self._reveal(min(len(self._groups), self._shown + FETCH_BATCH) - 1)

    def fetch_all(self) -> None:
        if self._groups:
            self._reveal(len(self._groups) - 1)

    def _reveal(self, row: int) -> None:
        """Expose header rows up to and including ``row``."""
        if row < self._shown:
            return
        last = min(len(self._groups) - 1, row)
        self.beginInsertRows(QModelIndex(), self._shown, last)
        self._shown = last + 1
        self.endInsertRows()

    def _is_shown(self, group: _Group) -> bool:
        return group.row < self._shown

    def _insert(self, summary: EntrySummary) -> None:
        key = _KEYS[self._grouping](summary.day)
        group = self._by_key.get(key)
        if group is None:
            # Groups are newest first: the new one goes before the first older one.
            at = bisect.bisect_left(
                self._groups, _newest_first(key), key=lambda g: _newest_first(g.key)
            )
            group = _Group(self._next_uid, key, "", at)
            self._next_uid += 1
            visible = at < self._shown or self._shown == len(self._groups)
            if visible:
                self.beginInsertRows(QModelIndex(), at, at)
            self._groups.insert(at, group)
            self._by_uid[group.uid] = group
            self._by_key[key] = group
            self._renumber(at + 1)
            group.entries.append(summary)
            self._group_of[summary.id] = group
            if visible:
                self._shown += 1
                self.endInsertRows()
            return
        row = bisect.bisect_left(
            group.entries, _newest_first(_order(summary)), key=lambda s: _newest_first(_order(s))
        )
        if not self._is_shown(group):
            group.entries.insert(row, summary)
            self._group_of[summary.id] = group
            return
        parent = self.createIndex(group.row, 0, 0)
        self.beginInsertRows(parent, row, row)
        group.entries.insert(row, summary)
        self._group_of[summary.id] = group
        self.endInsertRows()
        self.dataChanged.emit(parent, parent)

    def _renumber(self, start: int) -> None:
        for row in range(start, len(self._groups)):
            self._groups[row].row = row

    @staticmethod
    def _row_in(group: _Group, entry_id: int) -> int:
        for row, summary in enumerate(group.entries):
            if summary.id == entry_id:
                return row
        raise KeyError(entry_id)

    # -- QAbstractItemModel --------------------------------------------------------------

    def index(self, row: int, column: int, parent: _Index = _ROOT) -> QModelIndex:
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            if row >= self._shown:
                return QModelIndex()
            return self.createIndex(row, 0, 0)
        if parent.internalId() != 0 or parent.column() != 0:
            return QModelIndex()
        group = self._groups[parent.row()]
        if row >= len(group.entries):
            return QModelIndex()
        return self.createIndex(row, 0, group.uid)

    def parent(self, index: _Index = _ROOT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        uid = index.internalId()
        if uid == 0:
            return QModelIndex()
        return self.createIndex(self._by_uid[uid].row, 0, 0)

    def rowCount(self, parent: _Index = _ROOT) -> int:
        if not parent.isValid():
            return self._shown
        if parent.internalId() != 0 or parent.column() != 0:
            return 0
        return len(self._groups[parent.row()].entries)

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 1

    def hasChildren(self, parent: _Index = _ROOT) -> bool:
        if not parent.isValid():
            return self._shown > 0
        return parent.internalId() == 0 and parent.column() == 0

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _GROUP_FLAGS if index.internalId() == 0 else _ENTRY_FLAGS

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        uid = index.internalId()
        if uid == 0:
            return self._group_data(self._groups[index.row()], role)
        return self._entry_data(self._by_uid[uid].entries[index.row()], role)

    def _group_data(self, group: _Group, role: int) -> Any:
        if not group.label:
            group.label = _label(self._grouping, group.key)
        if role == Qt.ItemDataRole.DisplayRole:
            return group.label
        if role == KIND_ROLE:
            return "group"
        if role == COUNT_ROLE:
            return len(group.entries)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{group.label}, {entries_text(len(group.entries))}"
        return None

    def _entry_data(self, summary: EntrySummary, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return summary.title or UNTITLED
        if role == KIND_ROLE:
            return "entry"
        if role == ENTRY_ID_ROLE:
            return summary.id
        if role == DAY_ROLE:
            return summary.day
        if role == SERIES_ROLE:
            return series_badge(summary.title, summary.series, summary.number)
        if role == PUBLIC_ROLE:
            return summary.visibility == "public"
        if role == UNTITLED_ROLE:
            return not summary.title
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            parts = [day_label(summary.day), summary.title or UNTITLED]
            series = series_text(summary.series, summary.number)
            if series:
                parts.append(series)
            if summary.visibility == "public":
                parts.append("public")
            return " · ".join(parts)
        return None


def display_rows(model: EntryTreeModel) -> Sequence[str]:
    """Every row's text in order, headers included (for tests and debugging)."""
    rows: list[str] = []
    for g in range(model.rowCount()):
        group = model.index(g, 0)
        rows.append(f"{group.data()} ({group.data(COUNT_ROLE)})")
        rows.extend(model.index(r, 0, group).data() for r in range(model.rowCount(group)))
    return rows
