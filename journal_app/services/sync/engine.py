"""Local rows → changes (export) and changes → local rows (apply), by the merge rules.

Export is a diff: the triggers of schema v9 mark every row any write path changed
(editor, CLI, imports, planning …) in ``sync_dirty``; exporting compares each marked
row with what its registers say it should be and sends a change, stamped by the hybrid
clock, for every field that differs. Applying a change updates the register when its
stamp is later (last writer wins), then rebuilds the row from its registers, so a
device that receives the same changes in any order ends with the same rows.

Rules beyond last-writer-wins:
- ``body``: a Yjs text per entry (text.py); ``body.gen`` picks which one when two devices
  made the same entry independently (a sprint review closed on both: its id is derived).
- ``tag:<uid>``: one member of the entry's tags, present (true) or removed (false).
- ``deleted_at``: {"at": instant or null, "seen": stamp}; the entry is in the trash only
  when the device that trashed it had seen every edit of it ("seen" ≥ the stamp of every
  other field): an edit it had not seen restores the entry, nothing is lost.
- ``purged``: {"seen": stamp}, the trash emptied; final only for the edits the emptying
  device had seen, by the same rule (an edit it had not seen brings the entry back).
- ``gone``: true when a row of another table was deleted, false when made again; the
  delete wins over edits made meanwhile (docs/SYNC.md "More tables").
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from journal_app.db import sync_rows
from journal_app.db.models import EntryRevision, EntryTag, SyncDirty, Tag
from journal_app.errors import JournalError
from journal_app.services.rows import rows
from journal_app.services.sync import board, registers, tables, text
from journal_app.services.sync.hlc import HybridClock, Stamp
from journal_app.services.sync.registers import Register
from journal_app.services.sync.tables import TABLES, BadValue, TableSpec, encode

SCHEMA = 1  # of the changes; a segment with a newer one waits for a newer app
TRASH_FIELDS = ("deleted_at", "purged")  # the rest are the edits that can restore


class ChangeRefused(JournalError):
    """A change this app does not understand or will not apply (one line)."""


# ---------------------------------------------------------------------- export


@dataclass
class Export:
    clock: HybridClock
    client: int  # the Yjs client id of this export
    changes: list[dict[str, Any]] = field(default_factory=list)
    done: dict[tuple[str, int], str] = field(default_factory=dict)  # (table, id) → uid
    # Read in a few queries before the rows are exported (`preload`), else one by one:
    rows: dict[tuple[str, Any], Any] = field(default_factory=dict)  # (table, key) → row
    tags: dict[tuple[str, Any], list[int]] = field(default_factory=dict)  # → its tag ids
    reviews: set[int] | None = None  # the ids of the entries tagged as sprint reviews
    taken: dict[str, set[str]] = field(default_factory=dict)  # table → its uids (`uids`)

    def uids(self, spec: TableSpec) -> set[str]:
        """The uids this table holds, read once: a derived uid may be taken."""
        found = self.taken.get(spec.name)
        if found is None:
            model = spec.model
            query = model.select(model.uid).where(model.uid.is_null(False)).tuples()
            found = self.taken[spec.name] = {u for (u,) in rows(query)}
        return found

    def preload(self, spec: TableSpec, keys: list[Any]) -> None:
        model, pk = spec.model, spec.model._meta.primary_key
        for start in range(0, len(keys), 500):
            for row in model.select().where(pk.in_(keys[start : start + 500])):
                self.rows[(spec.name, tables.key_of(row))] = row
        found = [self.rows[(spec.name, k)] for k in keys if (spec.name, k) in self.rows]
        registers.preload(spec.name, [row.uid for row in found if row.uid])
        if spec.tags is not None:
            link = spec.tags
            owner = getattr(link, spec.name)
            ids = [row.id for row in found]
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                for i in chunk:
                    self.tags[(spec.name, i)] = []
                query = link.select(owner, link.tag).where(owner.in_(chunk))
                for row_id, tag_id in rows(query.tuples()):
                    self.tags[(spec.name, row_id)].append(tag_id)
        if spec.name != "entry":
            return
        gens = []
        for row in found:
            gen = registers.load("entry", row.uid).get("body.gen") if row.uid else None
            if gen is not None:
                gens.append((row.uid, gen.value))
        registers.preload_texts(gens)
        query = EntryTag.select(EntryTag.entry).join(Tag).where(Tag.name == tables.REVIEW_TAG)
        self.reviews = {i for (i,) in rows(query.tuples())}

    def emit(self, tbl: str, uid: str, fld: str, value: Any, regs: dict[str, Register]) -> str:
        stamp = str(self.clock.now())
        registers.put(tbl, uid, fld, value, stamp)
        regs[fld] = Register(value, stamp)
        self.changes.append({"t": tbl, "id": uid, "f": fld, "v": value, "c": stamp})
        return stamp


def export_dirty(clock: HybridClock, client: int) -> list[dict[str, Any]]:
    """The changes of every row marked since the last export; the marks are cleared."""
    job = Export(clock, client)
    board.prepare_export()  # ranks for the tasks moved here (it marks what it changes)
    marks = rows(SyncDirty.select(SyncDirty.tbl, SyncDirty.row_key).tuples())
    with registers.batch():
        for tbl in tables.ORDER:
            spec = TABLES[tbl]
            keys = [
                tables.local_key(spec, key)
                for mtbl, key in marks
                if mtbl == tbl and not key.startswith("gone:")
            ]
            job.preload(spec, keys)
            for key in keys:
                export_row(job, spec, key)
        for mtbl, key in marks:
            if mtbl == "entry" and key.startswith("gone:"):
                _export_purge(job, key[5:])
            elif mtbl in TABLES and key.startswith("gone:"):
                _export_gone(job, TABLES[mtbl], key[5:])
    SyncDirty.delete().execute()
    return job.changes


def mark_everything() -> None:
    """Mark every synced row (joining a folder sends the whole journal once)."""
    for tbl in tables.ORDER:
        model = TABLES[tbl].model
        keys = rows(model.select(model._meta.primary_key).tuples())
        marks = [(tbl, str(key)) for (key,) in keys]
        sync_rows.insert_ignore_many("sync_dirty", ("tbl", "row_key"), marks)


def _assign_uid(
    spec: TableSpec, row: Any, values: dict[str, Any], job: Export | None = None
) -> str:
    reviews = None if job is None else job.reviews
    wanted: str | None = None
    if spec.derive is not None:
        wanted = spec.derive(values)
    elif spec.by_name:
        wanted = tables.name_uid(spec.name, row.name)
    elif (
        spec.name == "entry"
        and row.sprint_id is not None
        and (_is_review(row.id) if reviews is None else row.id in reviews)
    ):
        sprint_uid = uid_of("sprint", row.sprint_id)
        wanted = tables.review_uid(sprint_uid) if sprint_uid else None
    model = spec.model
    if wanted is not None and (
        wanted in job.uids(spec)
        if job is not None
        else model.select().where(model.uid == wanted).exists()
    ):
        wanted = None  # renamed, a second review, a day's log made again under its id
    if wanted is None:
        wanted = tables.random_uid()  # new: no registers yet (uuid4s do not collide)
        registers.fresh(spec.name, wanted)
    sync_rows.update(model, tables.key_of(row), {"uid": wanted})
    if job is not None and spec.name in job.taken:
        job.taken[spec.name].add(wanted)
    return wanted


def _is_review(entry_id: int) -> bool:
    return (
        EntryTag.select()
        .join(Tag)
        .where(EntryTag.entry == entry_id, Tag.name == tables.REVIEW_TAG)
        .exists()
    )


def uid_of(tbl: str, row_id: int) -> str | None:
    model = TABLES[tbl].model
    return model.select(model.uid).where(model._meta.primary_key == row_id).scalar()


def export_row(job: Export, spec: TableSpec, row_id: int) -> str | None:
    """Send what differs in one row; return its uid (None when the row is gone)."""
    if (spec.name, row_id) in job.done:
        return job.done[(spec.name, row_id)]
    row: Any = job.rows.pop((spec.name, row_id), None)
    if row is None:
        row = spec.model.get_or_none(spec.model._meta.primary_key == row_id)
    if row is None:
        return None
    if spec.hold is not None and spec.hold(row):
        return None  # sent once it is done (a running timer's session)
    values: dict[str, Any] = {}
    for column in spec.fields:
        if column in spec.refs:
            ref_id = getattr(row, column)
            ref = None if ref_id is None else export_row(job, TABLES[spec.refs[column]], ref_id)
            values[column] = ref
        else:
            values[column] = encode(getattr(row, column))
    uid = row.uid or _assign_uid(spec, row, values, job)
    job.done[(spec.name, row_id)] = uid
    regs = registers.load(spec.name, uid)
    again = spec.gone and _is_gone(regs)  # deleted, then made again (a day's log)
    for column, value in values.items():
        if column not in regs:
            send = again or not _blank(spec, column, value)
        else:
            send = again or _materialized(spec, column, regs) != value
        if send:
            job.emit(spec.name, uid, column, value, regs)
    if again:
        job.emit(spec.name, uid, "gone", False, regs)
    if spec.tags is not None:
        _export_tags(job, spec, uid, row.id, regs)
    if spec.name == "entry":
        _export_body(job, uid, row.body, regs)
        _export_trash(job, uid, encode(row.deleted_at), regs)
    return uid


def _export_body(job: Export, uid: str, body: str, regs: dict[str, Register]) -> None:
    gen_reg = regs.get("body.gen")
    if gen_reg is None:  # a new entry (or one from before the journal synced)
        gen = str(job.clock.now())
        job.emit("entry", uid, "body.gen", gen, regs)
        state, update = text.edit(None, body, job.client)
    else:
        gen = gen_reg.value
        old = registers.text_state(uid, gen)
        if text.text_of(old) == body:
            return
        state, update = text.edit(old, body, job.client)
    registers.put_text(uid, gen, state)
    stamp = str(job.clock.now())
    registers.offer(regs, "entry", uid, "body", None, stamp)
    y = base64.b64encode(update).decode("ascii")
    job.changes.append({"t": "entry", "id": uid, "f": "body", "g": gen, "y": y, "c": stamp})


def _export_tags(
    job: Export, spec: TableSpec, uid: str, row_id: int, regs: dict[str, Register]
) -> None:
    link = spec.tags  # EntryTag, or TaskTag (schema v10)
    tag_ids = job.tags.pop((spec.name, row_id), None)
    if tag_ids is None:
        owner = getattr(link, spec.name)
        tag_ids = [t for (t,) in rows(link.select(link.tag).where(owner == row_id).tuples())]
    current = {export_row(job, TABLES["tag"], t) for t in tag_ids}
    known = _members(regs)
    for member in sorted(m for m in current - known if m):
        job.emit(spec.name, uid, f"tag:{member}", True, regs)
    for member in sorted(known - current):
        job.emit(spec.name, uid, f"tag:{member}", False, regs)


def _export_purge(job: Export, uid: str) -> None:
    """The trash was emptied here: final for the edits this device had seen."""
    regs = registers.load("entry", uid)
    if regs and not _purged(regs):
        job.emit("entry", uid, "purged", {"seen": _content_stamp(regs)}, regs)


def _blank(spec: TableSpec, column: str, value: Any) -> bool:
    """An empty field of a row two devices can make (a day's log) is not sent until set:
    the other device's value for it, if any, is kept (a missing register is empty)."""
    return spec.derive is not None and column not in spec.required and value in (None, "")


def _export_gone(job: Export, spec: TableSpec, uid: str) -> None:
    """A row of another table was deleted here: gone everywhere (unless made again)."""
    regs = registers.load(spec.name, uid)
    model = spec.model
    if regs and not _is_gone(regs) and not model.select().where(model.uid == uid).exists():
        job.emit(spec.name, uid, "gone", True, regs)


def _is_gone(regs: dict[str, Register]) -> bool:
    reg = regs.get("gone")
    return reg is not None and reg.value is True


def _purged(regs: dict[str, Register]) -> bool:
    reg = regs.get("purged")
    return reg is not None and reg.value["seen"] >= _content_stamp(regs)


def _export_trash(job: Export, uid: str, deleted_at: Any, regs: dict[str, Register]) -> None:
    if _trash_state(regs) != deleted_at:
        seen = _content_stamp(regs)
        job.emit("entry", uid, "deleted_at", {"at": deleted_at, "seen": seen}, regs)


def _members(regs: dict[str, Register]) -> set[str]:
    """The tags an entry's registers hold (whose tag row exists here)."""
    wanted = [f[4:] for f, r in regs.items() if f.startswith("tag:") and r.value is True]
    if not wanted:
        return set()
    return {u for (u,) in rows(Tag.select(Tag.uid).where(Tag.uid.in_(wanted)).tuples())}


def _content_stamp(regs: dict[str, Register]) -> str:
    return max((r.stamp for f, r in regs.items() if f not in TRASH_FIELDS), default="")


def _trash_state(regs: dict[str, Register]) -> Any:
    reg = regs.get("deleted_at")
    if reg is None or reg.value["at"] is None:
        return None
    return reg.value["at"] if reg.value["seen"] >= _content_stamp(regs) else None


def _materialized(spec: TableSpec, column: str, regs: dict[str, Register]) -> Any:
    reg = regs.get(column)
    if reg is None:
        return None
    if column in spec.refs and reg.value is not None:
        target = TABLES[spec.refs[column]].model
        if not target.select().where(target.uid == reg.value).exists():
            return None
    return reg.value


# ---------------------------------------------------------------------- apply


def check_change(change: dict[str, Any]) -> dict[str, Any]:
    """The change, checked: a known table and field, a global id, a stamp, a valid value."""
    tbl, uid, fld, stamp = change.get("t"), change.get("id"), change.get("f"), change.get("c")
    spec = TABLES.get(tbl) if isinstance(tbl, str) else None
    if spec is None:
        raise ChangeRefused(f"a change to an unknown table {str(tbl)[:40]!r}")
    try:
        tables.check_uid(uid)
        Stamp.parse(stamp)
    except ValueError as error:
        raise ChangeRefused(f"a change to {tbl}: {error}") from None
    if not isinstance(fld, str):
        raise ChangeRefused(f"a change to {tbl} names no field")
    value = change.get("v")
    try:
        if fld in spec.fields:
            value = spec.fields[fld](value)
        elif spec.gone and fld == "gone":
            if not isinstance(value, bool):
                raise BadValue("not true or false")
        elif spec.tags is not None and fld.startswith("tag:"):
            tables.check_uid(fld[4:])
            if not isinstance(value, bool):
                raise BadValue("not true or false")
        elif spec.name == "entry" and fld == "body.gen":
            Stamp.parse(value)
        elif spec.name == "entry" and fld == "deleted_at":
            if not isinstance(value, dict) or set(value) != {"at", "seen"}:
                raise BadValue("not a trash state")
            if value["at"] is not None:
                tables._instant(value["at"])
            if value["seen"] != "":
                Stamp.parse(value["seen"])
        elif spec.name == "entry" and fld == "purged":
            if not isinstance(value, dict) or set(value) != {"seen"}:
                raise BadValue("not a purge")
            if value["seen"] != "":
                Stamp.parse(value["seen"])
        elif spec.name == "entry" and fld == "body":
            Stamp.parse(change.get("g"))
            y = change.get("y")
            if not isinstance(y, str):
                raise BadValue("no text update")
            value = base64.b64decode(y, validate=True)
            text.check_update(value)
        else:
            raise BadValue("unknown field")
    except (ValueError, binascii.Error) as error:
        raise ChangeRefused(f"{tbl}.{fld[:40]}: {str(error)[:80]}") from None
    return {"t": tbl, "id": uid, "f": fld, "v": value, "c": stamp, "g": change.get("g")}


def apply_changes(
    changes: list[dict[str, Any]], clock: HybridClock, touched: set[tuple[str, str]]
) -> None:
    """Merge checked changes into the registers; the rows are rebuilt by `materialize`."""
    cache: dict[tuple[str, str], dict[str, Register]] = {}
    by_table: dict[str, list[str]] = {}
    for change in changes:  # inside registers.batch(): read in a few queries
        by_table.setdefault(change["t"], []).append(change["id"])
    for tbl, uids in by_table.items():
        registers.preload(tbl, uids)
    registers.preload_texts(
        (c["id"], c["g"]) for c in changes if c["t"] == "entry" and c["f"] == "body"
    )
    for change in changes:
        tbl, uid, fld, stamp = change["t"], change["id"], change["f"], change["c"]
        clock.observe(Stamp.parse(stamp))
        regs = cache.get((tbl, uid))
        if regs is None:
            regs = cache[(tbl, uid)] = registers.load(tbl, uid)
        if tbl == "entry" and fld == "body":
            gen = change["g"]
            try:
                state = text.merge(registers.text_state(uid, gen), change["v"])
            except Exception as error:  # pycrdt raises its own kinds on a bad update
                raise ChangeRefused(f"entry body: not a text update ({error})") from None
            registers.put_text(uid, gen, state)
            registers.offer(regs, tbl, uid, "body", None, stamp)
        else:
            registers.offer(regs, tbl, uid, fld, change["v"], stamp)
        touched.add((tbl, uid))


def materialize(touched: set[tuple[str, str]], now: dt.datetime) -> set[tuple[str, str]]:
    """Rebuild the touched rows from their registers, what others point to first; return
    the rows (table, id) renamed to settle a clash of names, which are to be sent."""
    renamed: set[tuple[str, str]] = set()
    known = _Known()
    for tbl in tables.ORDER:
        uids = sorted(u for t, u in touched if t == tbl)
        known.preload(TABLES[tbl], uids)
        for uid in uids:
            _materialize_row(TABLES[tbl], uid, now, renamed, known)
        if TABLES[tbl].tags is not None:
            _add_links(TABLES[tbl], known)
    board.rebuild_positions(u for t, u in touched if t == "task")
    keep: set[tuple[str, str]] = set()
    for tbl, key in renamed:
        if key.isdigit():
            keep.add((tbl, key))
        else:  # a uid: the row made just now
            model = TABLES[tbl].model
            row_id = model.select(model._meta.primary_key).where(model.uid == key).scalar()
            if row_id is not None:
                keep.add((tbl, str(row_id)))
    return keep


def _free_name(spec: TableSpec, uid: str, name: str, renamed: set[tuple[str, str]]) -> str:
    """Two rows of a by-name table want one name (one was renamed to a name the other
    device created meanwhile): the smaller uid keeps it, the other becomes "name (2)".
    Every device decides the same, and the renamed row is sent as a rename."""
    model = spec.model
    clash: Any = model.get_or_none(model.name == name, model.uid != uid)
    if clash is None:
        return name
    if clash.uid is not None and clash.uid > uid:
        new = _suffixed(model, name)
        model.update(name=new).where(model._meta.primary_key == clash.id).execute()
        renamed.add((spec.name, str(clash.id)))
        return name
    renamed.add((spec.name, uid))
    return _suffixed(model, name)


def _suffixed(model: Any, name: str) -> str:
    n = 2
    while model.select().where(model.name == f"{name} ({n})").exists():
        n += 1
    return f"{name} ({n})"


class _Known:
    """What rebuilding a batch of rows reads, read in a few queries: the rows by uid,
    the ids of the rows others point to, the tags of the rows with tags (entries,
    tasks). Without it each row cost a dozen peewee queries, most of a joining device's
    time. Every row the rebuild deletes or gives a uid is told (`made`), so what is
    kept stays true."""

    def __init__(self) -> None:
        self.rows: dict[str, dict[str, Any]] = {}  # table → uid → row (preloaded tables)
        self.looked: set[tuple[str, str]] = set()  # (table, uid) looked up (a row or none)
        self.ids: dict[str, dict[str, Any]] = {}  # table → uid → key (loaded on first use)
        self.tags: dict[tuple[str, int], dict[str | None, int]] = {}  # row → tag uid → id
        self.tagged: set[tuple[str, int]] = set()  # the (table, id) whose tags are read
        # (table, natural columns) → the values those columns hold here (as text)
        self.naturals: dict[tuple[str, tuple[str, ...]], set[tuple[str | None, ...]]] = {}
        self.links: dict[Any, list[tuple[int, int]]] = {}  # link model → (row, tag) to add

    def preload(self, spec: TableSpec, uids: list[str]) -> None:
        registers.preload(spec.name, uids)
        self.ids.pop(spec.name, None)  # rows of this table are made or renamed next
        if spec.by_name:
            return  # few rows, and a clash renames another row: read each when needed
        model, found = spec.model, self.rows.setdefault(spec.name, {})
        self.looked.update((spec.name, u) for u in uids)
        for start in range(0, len(uids), 500):
            for row in model.select().where(model.uid.in_(uids[start : start + 500])):
                found[row.uid] = row
        if spec.name == "entry":
            regs = {u: registers.load("entry", u) for u in uids}
            gens = [(u, r["body.gen"].value) for u, r in regs.items() if "body.gen" in r]
            registers.preload_texts(gens)
        if spec.tags is not None:
            link = spec.tags
            owner = getattr(link, spec.name)
            row_ids = [row.id for row in found.values()]
            self.tagged.update((spec.name, i) for i in row_ids)
            for start in range(0, len(row_ids), 500):
                query = (
                    link.select(owner, Tag.uid, Tag.id)
                    .join(Tag)
                    .where(owner.in_(row_ids[start : start + 500]))
                    .tuples()
                )
                for row_id, tag_uid, tag_id in rows(query):
                    self.tags.setdefault((spec.name, row_id), {})[tag_uid] = tag_id

    def row(self, spec: TableSpec, uid: str) -> Any:
        if (spec.name, uid) in self.looked:
            return self.rows[spec.name].get(uid)
        return spec.model.get_or_none(spec.model.uid == uid)

    def id_of(self, tbl: str, uid: str) -> Any:
        """The local key of the row ``uid`` of ``tbl``; None when it is not here (yet)."""
        ids = self.ids.get(tbl)
        if ids is None:
            model = TABLES[tbl].model
            query = model.select(model.uid, model._meta.primary_key).where(model.uid.is_null(False))
            ids = self.ids[tbl] = dict(rows(query.tuples()))
        return ids.get(uid)

    def maybe_there(self, spec: TableSpec, columns: tuple[str, ...], wanted: list[Any]) -> bool:
        """False when no row here holds these natural values: the table's are read once
        (a joining device makes thousands of day logs, and a query each cost ~1 ms)."""
        found = self.naturals.get((spec.name, columns))
        if found is None:
            model = spec.model
            fields = model._meta.fields
            names = ", ".join(f'"{fields[_attr(spec, c)].column_name}"' for c in columns)
            cursor = model._meta.database.execute_sql(
                f'SELECT {names} FROM "{model._meta.table_name}"'
            )
            found = self.naturals[(spec.name, columns)] = {_natural(r) for r in cursor}
        return _natural(wanted) in found

    def note(self, spec: TableSpec, values: dict[str, Any]) -> None:
        """A row made or changed with these values (columns as in the spec)."""
        for (tbl, columns), found in self.naturals.items():
            if tbl == spec.name and all(c in values for c in columns):
                found.add(_natural([values[c] for c in columns]))

    def made(self, tbl: str, uid: str, key: Any) -> None:
        """A row made or given this uid (``key``), or deleted (None), while rebuilding."""
        if tbl in self.ids:
            if key is None:
                self.ids[tbl].pop(uid, None)
            else:
                self.ids[tbl][uid] = key
        if key is None and (tbl, uid) in self.looked:
            self.rows[tbl].pop(uid, None)


def _materialize_row(
    spec: TableSpec,
    uid: str,
    now: dt.datetime,
    renamed: set[tuple[str, str]],
    known: _Known | None = None,
) -> None:
    known = known or _Known()
    regs = registers.load(spec.name, uid)
    if any(r not in regs for r in spec.required):
        return  # its creation has not arrived yet
    values: dict[str, Any] = {}
    for column in spec.fields:
        if column in regs:
            value = regs[column].value
            if column in spec.refs and value is not None:
                value = known.id_of(spec.refs[column], value)  # None: not here (yet)
            values[column] = value
    model = spec.model
    row: Any = known.row(spec, uid)
    if (spec.name == "entry" and _purged(regs)) or (spec.gone and _is_gone(regs)):
        if row is not None:  # emptied from the trash or deleted elsewhere
            model.delete().where(model._meta.primary_key == tables.key_of(row)).execute()
            known.made(spec.name, uid, None)
        return
    if any(all(values.get(c) is None for c in need) for need in spec.needs):
        if row is not None:  # what it belongs to is deleted here: so is it (cascade)
            model.delete().where(model._meta.primary_key == tables.key_of(row)).execute()
            known.made(spec.name, uid, None)
        return
    if row is None:
        row = _twin(spec, uid, values, known)
        if row is False:
            return  # the same row by another, smaller id: that one is kept
    if spec.by_name and "name" in values:
        values["name"] = _free_name(spec, uid, values["name"], renamed)
    entry = spec.name == "entry"
    if entry:
        gen = regs.get("body.gen")
        values["body"] = text.text_of(registers.text_state(uid, gen.value)) if gen else ""
        values["deleted_at"] = _trash_state(regs)
    known.note(spec, values)
    values = {_attr(spec, k): v for k, v in values.items()}
    fresh = row is None
    if row is None:
        if entry:
            values.update(created_at=values.get("created_at") or now, updated_at=now)
        row_id = sync_rows.insert(model, {"uid": uid, **values})
        known.made(spec.name, uid, row_id)
    else:
        changed = {k: v for k, v in values.items() if _differs(row, k, v)}
        row_id = tables.key_of(row)
        if changed:
            if entry:
                if ("title" in changed or "body" in changed) and (row.title or row.body):
                    revision = {"entry": row.id, "rev": row.rev, "title": row.title}
                    revision.update(body=row.body, reason="before sync", created_at=now)
                    sync_rows.insert(EntryRevision, revision)
                changed.update(rev=row.rev + 1, updated_at=now)
            sync_rows.update(model, row_id, changed)
    if spec.tags is not None:
        _materialize_tags(spec, row_id, regs, known, fresh=fresh)


def _twin(spec: TableSpec, uid: str, values: dict[str, Any], known: _Known) -> Any:
    """The row made here with the same natural key (a name, a day, a word): made here
    and not sent yet, it becomes this row; sent under another id, the smaller id keeps
    the row (False: this one waits) — every device decides the same."""
    model = spec.model
    naturals = spec.natural or ((("name",),) if spec.by_name else ())
    for columns in naturals:
        wanted = [values.get(c) for c in columns]
        if all(v is None for v in wanted) or any(c not in values for c in columns):
            continue
        if not spec.by_name and not known.maybe_there(spec, columns, wanted):
            continue  # (by-name tables are few rows, and `_free_name` renames theirs)
        where = [
            getattr(model, _attr(spec, c)).is_null()
            if v is None
            else getattr(model, _attr(spec, c)) == v
            for c, v in zip(columns, wanted, strict=True)
        ]
        other: Any = model.get_or_none(*where)
        if other is None:
            continue
        key = model._meta.primary_key == tables.key_of(other)
        if other.uid is None:
            model.update(uid=uid).where(key).execute()
            known.made(spec.name, uid, tables.key_of(other))
            return model.get(key)
        if spec.by_name and columns == ("name",):
            continue  # two rows wanting one name: _free_name renames one
        if other.uid < uid:
            return False
        model.delete().where(key).execute()
        known.made(spec.name, other.uid, None)
    return None


def _natural(values: Any) -> tuple[str | None, ...]:
    """Natural-key values compared as text (a day as SQLite holds it, an id)."""
    return tuple(None if v is None else str(v) for v in values)


def _attr(spec: TableSpec, column: str) -> str:
    """The model's field name of a column (a reference drops its "_id")."""
    return column[:-3] if column in spec.refs else column


def _differs(row: Any, name: str, value: Any) -> bool:
    field = type(row)._meta.fields[name]
    if field.__class__.__name__ == "ForeignKeyField":
        return bool(getattr(row, field.object_id_name) != value)
    return bool(encode(getattr(row, name)) != value)


def _materialize_tags(
    spec: TableSpec, row_id: int, regs: dict[str, Register], known: _Known, *, fresh: bool
) -> None:
    link = spec.tags  # EntryTag, or TaskTag (schema v10)
    owner = getattr(link, spec.name)
    tag_ids = {
        m: tag_id
        for f, r in regs.items()
        if f.startswith("tag:") and r.value is True
        if (tag_id := known.id_of("tag", (m := f[4:]))) is not None
    }  # the members whose tag row exists here (as `_members`)
    if fresh:
        have: dict[str | None, int] = {}
    elif (spec.name, row_id) in known.tagged:
        have = known.tags.get((spec.name, row_id), {})
    else:
        query = Tag.select(Tag.uid, Tag.id).join(link).where(owner == row_id)
        have = dict(rows(query.tuples()))
    gone = [t for u, t in have.items() if u is not None and u not in tag_ids]
    if gone:
        link.delete().where(owner == row_id, link.tag.in_(gone)).execute()
    new = [(row_id, tag_ids[m]) for m in sorted(set(tag_ids) - set(have))]
    known.links.setdefault(link, []).extend(new)  # written by `_add_links`, in one go


def _add_links(spec: TableSpec, known: _Known) -> None:
    """The tags the rebuild gave the rows of this table, in one executemany."""
    link = spec.tags
    new = known.links.pop(link, [])
    columns = (getattr(link, spec.name).column_name, link.tag.column_name)
    sync_rows.insert_ignore_many(link._meta.table_name, columns, new)
