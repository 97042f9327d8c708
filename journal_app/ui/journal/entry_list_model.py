"""EntryTreeModel: journal entries under day, week or month headers, newest first.

Two levels: group headers at the root, entries below. Built for ten years of writing and
more: grouping is one pass in Python, and Qt asks for rows lazily. A child's internal id
is its group's ``uid`` — stable while groups come and go, so persistent indexes never
point at the wrong group.

Given a list (``set_entries``) it groups all of it. Given a source (``set_source``, the
journal's entry service) it loads only what is shown: the newest page of entries, and
older pages as the view scrolls to them (``fetchMore``) or as an older entry or day is
asked for; a page always ends with a whole group, so every header's count is right.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, Protocol

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


_GROUP_STARTS: dict[str, Callable[[dt.date], dt.date]] = {
    "Day": lambda day: day,
    "Week": lambda day: day - dt.timedelta(days=day.weekday()),  # ISO weeks start Monday
    "Month": lambda day: day.replace(day=1),
}


class EntryPages(Protocol):
    """Where a lazily loaded list reads entries (``EntryService`` is one)."""

    def count(self) -> int: ...

    def summaries(
        self,
        *,
        limit: int | None = None,
        before: tuple[dt.date, int] | None = None,
        since: dt.date | None = None,
    ) -> list[EntrySummary]: ...

    def day_of(self, entry_id: int) -> dt.date | None: ...


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
PAGE_ENTRIES = 200  # entries read from a source per page (then the rest of the last group)
FIRST_PAGE_ENTRIES = 60  # the first page: a few screenfuls, read before the window paints


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
        # With a source, entries are read a page at a time: 100,000 summaries would cost
        # a third of a second at every start. ``_last`` is the oldest entry read so far.
        self._source: EntryPages | None = None
        self._last: tuple[dt.date, int] | None = None
        self._exhausted = True
        self._total = 0
        self._fetching = False  # a view may ask again while rows are being inserted

    # -- our API -------------------------------------------------------------------------

    @property
    def grouping(self) -> str:
        return self._grouping

    def set_grouping(self, grouping: str) -> None:
        if grouping not in _KEYS:
            raise ValueError(f"grouping must be one of {', '.join(GROUPINGS)}")
        if grouping != self._grouping:
            self._grouping = grouping
            if self._source is not None:
                self.set_source(self._source, at_least=len(self._group_of))
            else:
                self.set_entries(self.summaries())

    def set_entries(self, summaries: Iterable[EntrySummary]) -> None:
        """Show exactly these entries (trashed ones left out), all grouped at once."""
        self.beginResetModel()
        self._source, self._last, self._exhausted = None, None, True
        self._build([s for s in summaries if s.deleted_at is None])
        self.endResetModel()

    def set_source(self, source: EntryPages, *, at_least: int = 0) -> None:
        """Show the entries ``source`` holds, reading the newest page now (or ``at_least``
        that many, to keep a scrolled list where it was) and older ones when needed."""
        self.beginResetModel()
        self._source, self._last, self._exhausted = source, None, False
        self._total = source.count()
        self._build([])
        self._read(max(min(FIRST_PAGE_ENTRIES, PAGE_ENTRIES), at_least), announce=False)
        self._shown = min(len(self._groups), FETCH_BATCH)
        self.endResetModel()

    @property
    def has_source(self) -> bool:
        return self._source is not None

    def summaries(self) -> list[EntrySummary]:
        """Every entry read so far, in display order (all of them without a source)."""
        return [s for group in self._groups for s in group.entries]

    def entry_ids(self) -> list[int]:
        """Every entry read so far, in display order (all of them without a source)."""
        return [s.id for group in self._groups for s in group.entries]

    def entry_count(self) -> int:
        """Every entry listed, read or not."""
        return self._total if self._source is not None else len(self._group_of)

    def loaded_count(self) -> int:
        return len(self._group_of)

    def fully_loaded(self) -> bool:
        return self._exhausted

    def entry_on_day(self, day: dt.date) -> int | None:
        """The newest entry of ``day`` (read from the source if need be), else None."""
        self._read_through(day)
        group = self._by_key.get(_KEYS[self._grouping](day))
        if group is None:
            return None
        return next((s.id for s in group.entries if s.day == day), None)

    def neighbour_of(self, entry_id: int) -> int | None:
        """The entry listed below ``entry_id``, else the one above it (None if neither)."""
        ids = self.entry_ids()
        if entry_id not in ids:
            return None
        at = ids.index(entry_id)
        if at + 1 == len(ids) and self._read(1):
            ids = self.entry_ids()
        if at + 1 < len(ids):
            return ids[at + 1]
        return ids[at - 1] if at > 0 else None

    def group_rows(self) -> int:
        return len(self._groups)

    def summary(self, entry_id: int) -> EntrySummary | None:
        group = self._group_of.get(entry_id)
        if group is None:
            return None
        return group.entries[self._row_in(group, entry_id)]

    def nearest_entry(self, day: dt.date) -> int | None:
        """The newest entry on ``day``, else the closest one before or after it."""
        self._read_through(day)
        self._read(1)  # an older neighbour, if there is one
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
        """The entry's index, reading older pages from the source if it is further down."""
        group = self._group_of.get(entry_id)
        if group is None and self._source is not None and not self._exhausted:
            day = self._source.day_of(entry_id)
            if day is not None:
                self._read_through(day)
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
        if self._source is not None and summary.id not in self._group_of:
            self._total = self._source.count()  # new, or moved from a page not read yet
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
        if self._source is not None:
            self._total = self._source.count()  # trashed, or moved to another day
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
        if parent.isValid() or self._fetching:
            return False
        return self._shown < len(self._groups) or not self._exhausted

    def fetchMore(self, parent: _Index = _ROOT) -> None:
        if not self.canFetchMore(parent):
            return
        self._fetching = True
        try:
            if self._shown == len(self._groups):
                self._read(PAGE_ENTRIES)
            if self._shown < len(self._groups):
                self._reveal(min(len(self._groups), self._shown + FETCH_BATCH) - 1)
        finally:
            self._fetching = False

    def fetch_all(self) -> None:
        """Read and show every entry (a source's too)."""
        if self._source is not None and not self._exhausted:
            self._read(None)
        if self._groups:
            self._reveal(len(self._groups) - 1)

    # -- reading from a source ---------------------------------------------------------------

    def _read(self, limit: int | None, *, announce: bool = True) -> bool:
        """Read up to ``limit`` more entries (None: all), then the rest of the last one's
        group, so that no header is left with part of its entries. True if any came."""
        source = self._source
        if source is None or self._exhausted:
            return False
        page = source.summaries(limit=limit, before=self._last)
        if limit is None or len(page) < limit:
            self._exhausted = True
        elif page:
            start = _GROUP_STARTS[self._grouping](page[-1].day)
            page += source.summaries(before=_order(page[-1]), since=start)
        self._append(page, announce=announce)
        return bool(page)

    def _read_through(self, day: dt.date) -> None:
        """Read every entry down to ``day``'s group, in one query."""
        source = self._source
        if source is None or self._exhausted:
            return
        if self._last is not None and self._last[0] < day:
            return  # already read past it
        page = source.summaries(before=self._last, since=_GROUP_STARTS[self._grouping](day))
        self._append(page, announce=True)

    def _append(self, page: list[EntrySummary], *, announce: bool) -> None:
        """Add entries older than all read so far; new headers are shown by fetchMore."""
        if not page:
            return
        key_of = _KEYS[self._grouping]
        self._last = _order(page[-1])
        last_group = self._groups[-1] if self._groups else None
        for summary in page:
            key = key_of(summary.day)
            if last_group is not None and key == last_group.key:
                group = last_group
                if announce and self._is_shown(group):  # more of a shown header
                    parent = self.createIndex(group.row, 0, 0)
                    row = len(group.entries)
                    self.beginInsertRows(parent, row, row)
                    group.entries.append(summary)
                    self._group_of[summary.id] = group
                    self.endInsertRows()
                    continue
            else:
                group = _Group(self._next_uid, key, "", len(self._groups))
                self._next_uid += 1
                self._groups.append(group)
                self._by_uid[group.uid] = group
                self._by_key[key] = group
                last_group = group
            group.entries.append(summary)
            self._group_of[summary.id] = group

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
        if not self._exhausted and self._last is not None and _order(summary) < self._last:
            return  # on a page not read yet: it shows when that page is read
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
