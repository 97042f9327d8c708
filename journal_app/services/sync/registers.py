"""The registers: for every synced field, the winning value and its clock stamp."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from journal_app.db import sync_store
from journal_app.db.models import SyncState


@dataclass(frozen=True)
class Register:
    value: Any
    stamp: str


def load(tbl: str, uid: str) -> dict[str, Register]:
    return {f: Register(json.loads(v), st) for f, v, st in sync_store.fields(tbl, uid)}


def put(tbl: str, uid: str, field: str, value: Any, stamp: str) -> None:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
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
    return sync_store.text_state(uid, gen)


def put_text(uid: str, gen: str, state: bytes) -> None:
    sync_store.put_text(uid, gen, state)


def state_get(key: str) -> str | None:
    row = SyncState.get_or_none(SyncState.key == key)
    return None if row is None else str(row.value)


def state_put(key: str, value: str) -> None:
    SyncState.replace(key=key, value=value).execute()
