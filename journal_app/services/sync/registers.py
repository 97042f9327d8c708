"""The registers: for every synced field, the winning value and its clock stamp."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from journal_app.db.models import SyncField, SyncState, SyncText
from journal_app.services.rows import rows


@dataclass(frozen=True)
class Register:
    value: Any
    stamp: str


def load(tbl: str, uid: str) -> dict[str, Register]:
    query = (
        SyncField.select(SyncField.field, SyncField.value, SyncField.stamp)
        .where(SyncField.tbl == tbl, SyncField.uid == uid)
        .tuples()
    )
    return {f: Register(json.loads(v), s) for f, v, s in rows(query)}


def put(tbl: str, uid: str, field: str, value: Any, stamp: str) -> None:
    SyncField.replace(
        tbl=tbl,
        uid=uid,
        field=field,
        value=json.dumps(value, ensure_ascii=False, sort_keys=True),
        stamp=stamp,
    ).execute()


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
    row = SyncText.get_or_none(SyncText.uid == uid, SyncText.gen == gen)
    return None if row is None else bytes(row.state)


def put_text(uid: str, gen: str, state: bytes) -> None:
    SyncText.replace(uid=uid, gen=gen, state=state).execute()


def state_get(key: str) -> str | None:
    row = SyncState.get_or_none(SyncState.key == key)
    return None if row is None else str(row.value)


def state_put(key: str, value: str) -> None:
    SyncState.replace(key=key, value=value).execute()
