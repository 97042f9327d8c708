"""Snapshots and compaction of the sync folder (docs/SYNC.md, "Compaction").

Now and then (once its own segments since its last snapshot reach SNAPSHOT_SEGMENTS
files or SNAPSHOT_BYTES) a device writes a snapshot of the merged state — every
register and every Yjs text state, what a new device needs — into its own folder:

    devices/<id>/snap-00000001.json   {"format", "schema", "device", "number", "applied",
                                       "written", "fields": [[table, uid, field, value,
                                       stamp]…], "texts": [[uid, gen, base64 state]…]}

``applied`` is the vector of segments the state covers (its own included). A device
that has applied nothing yet, or that cannot go on because a segment it needs was
deleted, merges the snapshot that covers most (registers by their stamps, texts by
Yjs: a state-based merge, so nothing it already held is lost) and then applies the
segments after it. A device deletes its OWN segments once its snapshot covers them and
every device it knows (a folder under ``devices/``) has published in its device.json
that it applied them; a device that publishes nothing holds compaction back. Older
snapshots of its own go once a newer one is written. Every file is written once, to a
temporary name then renamed (folder.write_json_new), and read as hostile
(size limit, shape, every register checked as a change is). In a folder of encrypted
journals a snapshot is sealed as segments are (sealing.py, kind "snapshot", its number).
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from journal_app.db.models import SyncApplied, database_proxy
from journal_app.services.sync import engine, folder, registers, sealing, text
from journal_app.services.sync.engine import SCHEMA, ChangeRefused
from journal_app.services.sync.folder import DEVICE_ID, DeviceInfo, FolderListing, FolderRefused
from journal_app.services.sync.hlc import HybridClock, Stamp
from journal_app.services.sync.registers import Register

SNAPSHOT_SEGMENTS = 50  # own segments since the last snapshot that call for a new one
SNAPSHOT_BYTES = 1024 * 1024  # or their size
MAX_SNAPSHOT_BYTES = 256 * 1024 * 1024  # a bigger file is refused, never read whole
STATE_KEY = "snapshot"  # sync_state: {"number", "covers"} of this device's newest


@dataclass(frozen=True)
class Snapshot:
    device: str
    number: int
    applied: dict[str, int]
    fields: list[tuple[str, str, str, Any, str]]
    texts: list[tuple[str, str, bytes]]


def snapshot_name(number: int) -> str:
    return f"snap-{number:08d}.json"


def _count(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


# ---------------------------------------------------------------------- writing


def write_snapshot(
    root: Path, device: str, number: int, applied: dict[str, int], written: str
) -> int:
    """This journal's registers and text states as snapshot ``number``; its size."""
    db = database_proxy
    fields = [
        [t, u, f, json.loads(v), st]
        for t, u, f, v, st in db.execute_sql(
            'SELECT "tbl", "uid", "field", "value", "stamp" FROM "sync_field" '
            'ORDER BY "tbl", "uid", "field"'
        ).fetchall()
    ]
    texts = [
        [u, g, base64.b64encode(bytes(state)).decode("ascii")]
        for u, g, state in db.execute_sql(
            'SELECT "uid", "gen", "state" FROM "sync_text" ORDER BY "uid", "gen"'
        ).fetchall()
    ]
    doc = {
        "format": folder.FORMAT,
        "schema": SCHEMA,
        "device": device,
        "number": number,
        "applied": applied,
        "written": written,
        "fields": fields,
        "texts": texts,
    }
    path = folder.device_dir(root, device) / snapshot_name(number)

    def seal(raw: bytes) -> bytes:
        return sealing.seal_for(root, raw, device, "snapshot", number)

    folder.write_json_new(path, doc, seal=seal)
    return path.stat().st_size


# ---------------------------------------------------------------------- reading


def read_snapshot(root: Path, device: str, number: int) -> Snapshot:
    """One snapshot, every part checked; FolderRefused (one line) when it is not one."""
    name, raw = folder.read_device_file(
        root, device, snapshot_name(number), "snapshot", number, MAX_SNAPSHOT_BYTES
    )
    doc = folder._json(raw, name)
    fmt, schema = doc.get("format"), doc.get("schema")
    if not isinstance(fmt, int) or not isinstance(schema, int) or not _count(fmt):
        raise FolderRefused(f"{name} has no format or schema number")
    if fmt > folder.FORMAT or schema > SCHEMA:
        raise FolderRefused(f"{name} was written by a newer version of the app")
    if doc.get("device") != device or doc.get("number") != number:
        raise FolderRefused(f"{name} names another device or number inside")
    applied, fields, texts = doc.get("applied"), doc.get("fields"), doc.get("texts")
    if not isinstance(applied, dict) or not all(
        isinstance(k, str) and DEVICE_ID.match(k) and _count(v) for k, v in applied.items()
    ):
        raise FolderRefused(f"{name} has a bad list of the segments it covers")
    if not isinstance(fields, list) or not isinstance(texts, list):
        raise FolderRefused(f"{name} has no registers or texts")
    try:
        checked = [_field(item) for item in fields]
        states = [_text(item) for item in texts]
    except (ChangeRefused, ValueError, binascii.Error) as error:
        raise FolderRefused(f"{name}: {str(error)[:120]}") from None
    return Snapshot(device, number, dict(applied), checked, states)


def _field(item: object) -> tuple[str, str, str, Any, str]:
    if not isinstance(item, list) or len(item) != 5:
        raise ValueError("a register is not [table, id, field, value, stamp]")
    tbl, uid, fld, value, stamp = item
    if tbl == "entry" and fld == "body":  # the text's own register holds only its stamp
        change = engine.check_change({"t": tbl, "id": uid, "f": "body.gen", "v": stamp, "c": stamp})
        if value is not None:
            raise ValueError("a body register holds a value")
        return (change["t"], change["id"], "body", None, change["c"])
    change = engine.check_change({"t": tbl, "id": uid, "f": fld, "v": value, "c": stamp})
    return (change["t"], change["id"], change["f"], change["v"], change["c"])


def _text(item: object) -> tuple[str, str, bytes]:
    if not isinstance(item, list) or len(item) != 3:
        raise ValueError("a text is not [id, generation, state]")
    uid, gen, state = item
    if not isinstance(uid, str) or not DEVICE_ID.match(uid) or not isinstance(state, str):
        raise ValueError("a text has a bad id or state")
    Stamp.parse(gen)
    data = base64.b64decode(state, validate=True)
    text.check_update(data)
    return (uid, str(gen), data)


# ---------------------------------------------------------------------- merging


def stuck(root: Path, listing: FolderListing, applied: dict[str, int], device: str) -> bool:
    """Nothing applied from others yet (a snapshot is quicker than every segment), or a
    segment needed next is gone (compacted) while the device wrote more."""
    others = {d: n for d, n in listing.segments.items() if d != device}
    if not listing.snapshots or not others:
        return False
    if not any(applied.get(d, 0) for d in others):
        return True
    for other, numbers in others.items():
        done = applied.get(other, 0)
        if done + 1 in numbers:
            continue
        info = folder.read_device(root, other)
        if max([*numbers, info.seq if info else 0]) > done:
            return True
    return False


def best(
    root: Path, listing: FolderListing, applied: dict[str, int], device: str, problems: list[str]
) -> Snapshot | None:
    """The readable snapshot (each device's newest) that covers most beyond ``applied``.
    One that claims segments of a device beyond any this folder shows of it (its files,
    its device.json) is not used yet: applying it would skip those segments for good."""
    found: list[Snapshot] = []
    seen: dict[str, int] = {}
    for other, numbers in sorted(listing.snapshots.items()):
        try:
            snap = read_snapshot(root, other, numbers[-1])
        except FolderRefused as error:
            problems.append(f"{error}; not used")
            continue
        for d in snap.applied:
            if d not in seen:
                info = folder.read_device(root, d) if d in listing.segments else None
                seen[d] = max([*listing.segments.get(d, []), info.seq if info else 0])
        if any(s > seen[d] for d, s in snap.applied.items() if d != device):
            continue
        if any(s > applied.get(d, 0) for d, s in snap.applied.items() if d != device):
            found.append(snap)
    return max(found, key=lambda s: sum(s.applied.values()), default=None)


def merge(snap: Snapshot, device: str, clock: HybridClock, touched: set[tuple[str, str]]) -> None:
    """Merge a snapshot into the registers (later stamps win) and the texts (Yjs)."""
    by_table: dict[str, list[str]] = {}
    for tbl, uid, *_ in snap.fields:
        by_table.setdefault(tbl, []).append(uid)
    for tbl, uids in by_table.items():
        registers.preload(tbl, uids)
    registers.preload_texts((uid, gen) for uid, gen, _ in snap.texts)
    cache: dict[tuple[str, str], dict[str, Register]] = {}
    newest = ""
    for tbl, uid, fld, value, stamp in snap.fields:
        regs = cache.get((tbl, uid))
        if regs is None:
            regs = cache[(tbl, uid)] = registers.load(tbl, uid)
        registers.offer(regs, tbl, uid, fld, value, stamp)
        newest = max(newest, stamp)
        touched.add((tbl, uid))
    for uid, gen, state in snap.texts:
        old = registers.text_state(uid, gen)
        registers.put_text(uid, gen, state if old is None else text.merge(old, state))
        touched.add(("entry", uid))
    if newest:
        clock.observe(Stamp.parse(newest))
    for other, seq in snap.applied.items():
        if other == device:
            continue  # this device's own segments: applied here by definition
        row = SyncApplied.get_or_none(SyncApplied.device == other)
        if row is None or row.seq < seq:
            SyncApplied.replace(device=other, seq=seq).execute()


# ---------------------------------------------------------------------- compacting


def compact(
    root: Path,
    device: str,
    name: str,
    own_seq: int,
    applied: dict[str, int],
    listing: FolderListing,
    written: str,
) -> None:
    """Publish what this device applied, write a snapshot when due, and delete this
    device's segments (and older snapshots) that no device needs any more."""
    others = {d: n for d, n in applied.items() if d != device and n > 0}
    info = folder.read_device(root, device)
    # Only a device with a snapshot can drop segments: what we applied of the others
    # waits for our next segment's device.json (no file written on every sync).
    if info is None or any(info.applied.get(d) != others.get(d) for d in listing.snapshots):
        folder.write_device(root, DeviceInfo(device, name, written, own_seq, others))
    own_dir = folder.device_dir(root, device)
    state = _state()
    covers = int(state.get("covers", 0))
    since = [n for n in listing.segments.get(device, []) if covers < n <= own_seq]
    size = sum(_size(own_dir / folder.segment_name(n)) for n in since)
    if since and (len(since) >= SNAPSHOT_SEGMENTS or size >= SNAPSHOT_BYTES):
        number = max([int(state.get("number", 0)), *listing.snapshots.get(device, [])]) + 1
        write_snapshot(root, device, number, {**others, device: own_seq}, written)
        registers.state_put(STATE_KEY, json.dumps({"number": number, "covers": own_seq}))
        state, covers = {"number": number, "covers": own_seq}, own_seq
    number = int(state.get("number", 0))
    if not number:
        return
    for old in listing.snapshots.get(device, []):
        if old < number:
            (own_dir / snapshot_name(old)).unlink(missing_ok=True)
    limit = covers
    for other in listing.segments:
        if other != device:
            seen = folder.read_device(root, other)
            limit = min(limit, seen.applied.get(device, 0) if seen else 0)
    for n in listing.segments.get(device, []):
        if n <= limit:
            (own_dir / folder.segment_name(n)).unlink(missing_ok=True)


def _state() -> dict[str, Any]:
    raw = registers.state_get(STATE_KEY)
    try:
        doc = json.loads(raw) if raw else {}
    except ValueError:
        doc = {}
    return doc if isinstance(doc, dict) else {}


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
