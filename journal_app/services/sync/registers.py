"""The registers: for every synced field, the winning value and its clock stamp.

Inside ``batch()`` (one sync transaction) registers and text states are read in bulk
(``preload``), kept in memory, and written once at the end with executemany: a joining
device applies tens of thousands of changes, and one statement per register was most of
its time. Readers see what was put earlier in the batch.
"""

from __future__ import annotations

import contextlib
import json
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from journal_app.db import sync_store
from journal_app.db.models import SyncState


@dataclass(frozen=True)
class Register:
    value: Any
    stamp: str


@dataclass
class _Batch:
    rows: dict[tuple[str, str], dict[str, Register]] = field(default_factory=dict)
    dirty: dict[tuple[str, str, str], tuple[str, str]] = field(default_factory=dict)
    texts: dict[tuple[str, str], bytes | None] = field(default_factory=dict)
    dirty_texts: set[tuple[str, str]] = field(default_factory=set)


class _Local(threading.local):
    batch: _Batch | None = None


_local = _Local()  # a batch belongs to the thread (the transaction) that opened it


@contextlib.contextmanager
def batch() -> Iterator[None]:
    """Keep registers in memory until the block ends, then write them all (inside the
    caller's transaction; nothing is written when the block raises). Re-entrant."""
    if _local.batch is not None:
        yield
        return
    pending = _local.batch = _Batch()
    try:
        yield
        sync_store.put_fields([(*key, *val) for key, val in pending.dirty.items()])
        sync_store.put_texts(
            [(u, g, s) for (u, g) in pending.dirty_texts if (s := pending.texts[(u, g)])]
        )
    finally:
        _local.batch = None


def preload(tbl: str, uids: Iterable[str]) -> None:
    """Read the registers of these rows in bulk (inside a batch; else nothing)."""
    pending = _local.batch
    if pending is None:
        return
    wanted = [u for u in dict.fromkeys(uids) if (tbl, u) not in pending.rows]
    for uid in wanted:
        pending.rows[(tbl, uid)] = {}
    for uid, f, v, st in sync_store.fields_of(tbl, wanted):
        pending.rows[(tbl, uid)][f] = Register(json.loads(v), st)


def fresh(tbl: str, uid: str) -> None:
    """A row whose uid was made just now: it has no registers (no query to find out)."""
    pending = _local.batch
    if pending is not None:
        pending.rows.setdefault((tbl, uid), {})


def preload_texts(keys: Iterable[tuple[str, str]]) -> None:
    pending = _local.batch
    if pending is None:
        return
    wanted = [k for k in dict.fromkeys(keys) if k not in pending.texts]
    found = sync_store.texts_of(wanted)
    for key in wanted:
        pending.texts[key] = found.get(key)


def load(tbl: str, uid: str) -> dict[str, Register]:
    pending = _local.batch
    if pending is not None:
        held = pending.rows.get((tbl, uid))
        if held is None:
            preload(tbl, [uid])
            held = pending.rows[(tbl, uid)]
        return dict(held)  # the caller's copy; `put` keeps the batch's up to date
    return {f: Register(json.loads(v), st) for f, v, st in sync_store.fields(tbl, uid)}


def put(tbl: str, uid: str, field: str, value: Any, stamp: str) -> None:
    pending = _local.batch
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    if pending is not None:
        if (tbl, uid) not in pending.rows:
            preload(tbl, [uid])
        # Stored values are what JSON gives back (a tuple would come back a list).
        same = value is None or type(value) in (str, int, float, bool)
        pending.rows[(tbl, uid)][field] = Register(value if same else json.loads(text), stamp)
        pending.dirty[(tbl, uid, field)] = (text, stamp)
        return
    sync_store.put_field(tbl, uid, field, text, stamp)


def offer(
    regs: dict[str, Register], tbl: str, uid: str, field: str, value: Any, stamp: str
) -> bool:
    """Last writer wins: keep ``value`` when its stamp is later than the stored one."""
    current = regs.get(field)
    if current is not None and current.stamp >= stamp:
        return False
    put(tbl, uid, field, value, stamp)
    regs[field] = Register(value, stamp)
    return True


def text_state(uid: str, gen: str) -> bytes | None:
    pending = _local.batch
    if pending is not None:
        if (uid, gen) not in pending.texts:
            preload_texts([(uid, gen)])
        return pending.texts[(uid, gen)]
    return sync_store.text_state(uid, gen)


def put_text(uid: str, gen: str, state: bytes) -> None:
    pending = _local.batch
    if pending is not None:
        pending.texts[(uid, gen)] = state
        pending.dirty_texts.add((uid, gen))
        return
    sync_store.put_text(uid, gen, state)


def state_get(key: str) -> str | None:
    row = SyncState.get_or_none(SyncState.key == key)
    return None if row is None else str(row.value)


def state_put(key: str, value: str) -> None:
    SyncState.replace(key=key, value=value).execute()
