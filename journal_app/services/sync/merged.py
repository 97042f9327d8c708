"""Which entries a `sync now` changed, and with whose changes (for the window's notice).

The devices whose segments touched an entry are noted as they are applied, with the
entry's rev before; after the rows are rebuilt, an entry whose rev moved (or that was
made or emptied from the trash) was changed by the merge. Entries whose registers kept
their local values (older remote stamps) are left out: their rev does not move.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from journal_app.db.models import Entry
from journal_app.services.rows import rows


@dataclass(frozen=True)
class MergedEntry:
    entry_id: int
    title: str
    devices: tuple[str, ...]  # the names of the devices whose changes were merged in
    gone: bool = False  # emptied from the trash elsewhere: the row is no more


def _revs(uids: Iterable[str]) -> dict[str, tuple[int, int, str]]:
    """uid -> (id, rev, title) of the entries that exist."""
    wanted = sorted(set(uids))
    found: dict[str, tuple[int, int, str]] = {}
    for start in range(0, len(wanted), 500):  # well under SQLite's variable limit
        chunk = wanted[start : start + 500]
        query = Entry.select(Entry.uid, Entry.id, Entry.rev, Entry.title).where(
            Entry.uid.in_(chunk)
        )
        for uid, entry_id, rev, title in rows(query.tuples()):
            found[uid] = (entry_id, rev, title)
    return found


class MergeWatch:
    """Notes, per applied segment, the entries it touches (call before applying it)."""

    def __init__(self) -> None:
        self._before: dict[str, tuple[int, int, str] | None] = {}
        self._devices: dict[str, set[str]] = {}

    def segment(self, device: str, changes: list[dict[str, Any]]) -> None:
        uids = {c["id"] for c in changes if c["t"] == "entry"}
        new = uids - self._before.keys()
        if new:
            known = _revs(new)
            for uid in new:
                self._before[uid] = known.get(uid)
        for uid in uids:
            self._devices.setdefault(uid, set()).add(device)

    def merged(self, name_of: Callable[[str], str]) -> list[MergedEntry]:
        """The entries the merge changed; ``name_of(device id)`` names the devices."""
        after = _revs(self._before)
        found: list[MergedEntry] = []
        for uid, before in sorted(self._before.items()):
            now = after.get(uid)
            names = tuple(sorted(name_of(d) for d in self._devices[uid]))
            if now is None:
                if before is not None:
                    found.append(MergedEntry(before[0], before[2], names, gone=True))
            elif before is None or now[1] != before[1]:
                found.append(MergedEntry(now[0], now[2], names))
        return found
