"""Sync a journal through a folder: set up, sync now, status, leave (docs/SYNC.md)."""

from __future__ import annotations

import datetime as dt
import json
import socket
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from journal_app.db import cipher, keyfile, sync_store
from journal_app.db.models import (
    SyncApplied,
    SyncDirty,
    SyncField,
    SyncState,
    SyncText,
    Tag,
)
from journal_app.errors import InvalidInput
from journal_app.services.attachments import AttachmentService
from journal_app.services.clock import Clock, to_storage
from journal_app.services.common import atomic
from journal_app.services.rows import rows
from journal_app.services.sync import (
    blobs,
    board,
    compaction,
    engine,
    folder,
    folder_key,
    hlc,
    registers,
    sealing,
    tables,
    text,
    tool_files,
)
from journal_app.services.sync.engine import SCHEMA, ChangeRefused
from journal_app.services.sync.folder import DeviceInfo, FolderRefused, Segment
from journal_app.services.sync.hlc import HybridClock, Stamp
from journal_app.services.sync.merged import MergedEntry, MergeWatch
from journal_app.services.sync.summary import SyncSummary, read_summary

UPDATE_APP = "update the app on this machine"
BATCH = 200  # segments applied in one transaction
FOLDER_KEY = "folder_key"  # sync_state: the folder's data key, sealed (sealing.keep)
HANDFUL = 10  # a merge touching more rows that exist here is backed up first
KEPT_IN_REVISIONS = ("title", "body", "body.gen")  # a merge keeps what they replace


@dataclass(frozen=True)
class OtherDevice:
    device: str
    name: str
    last_write: str
    applied: int  # its segments applied here
    written: int  # its segments written (its newest; compaction deletes old files)


@dataclass(frozen=True)
class SyncStatus:
    device: str
    name: str
    folder: str
    last_sync: str | None
    changes_waiting: int  # local rows changed since the last `sync now`
    devices: list[OtherDevice]
    problems: list[str]
    encrypted: bool = False  # every file this journal writes to the folder is sealed


@dataclass
class SyncReport:
    sent: int = 0  # changes written to the folder
    segment: int | None = None  # the number of the segment written, if any
    applied_segments: int = 0
    applied_changes: int = 0
    waiting: int = 0  # segments in the folder not applied yet
    problems: list[str] = field(default_factory=list)
    ignored: int = 0  # leftovers of sync tools and other unexpected names
    merged: list[MergedEntry] = field(default_factory=list)  # entries the merge changed
    blobs_sent: int = 0  # attachment files written to the folder (services.sync.blobs)
    blobs_stored: int = 0  # attachment files stored here from the folder
    blobs_waiting: int = 0  # attachments entries refer to whose file has not arrived
    backup: str | None = None  # the verified backup made before merging, if one was


@dataclass(frozen=True)
class SetupPlan:
    """What `setup(folder)` would do: make a new sync folder, or join the one there."""

    folder: str
    join: bool
    devices: list[str]  # the names of the devices already syncing there that could be read
    others: int = 0  # how many devices sync there (a sealed device file has no name to read)


def _refuse_overlap(target: Path, data_dir: Path) -> None:
    """The live database must never be inside a synced folder (nor the folder in it)."""
    a, b = target.resolve(), data_dir.resolve()
    if a == b or a in b.parents or b in a.parents:
        raise InvalidInput(
            f"{target} and the journal's data folder {data_dir} overlap; choose a sync "
            "folder outside the data folder (the live database must not be synced)"
        )


class SyncService:
    def __init__(
        self,
        clock: Clock,
        data_dir: Path,
        encrypted: Callable[[], bool],
        *,
        database: Path | None = None,
        attachments: AttachmentService | None = None,
        backup: Callable[[], Path] | None = None,
    ) -> None:
        self._attachments = attachments  # None: attachments do not travel
        self._clock = clock
        self._data_dir = data_dir
        self._encrypted = encrypted
        self._database = database  # an encrypted journal's key: db.cipher.key_for(database)
        # A verified backup (services/backups.py, "pre-sync"): made before the first
        # merge into this journal and before a merge touching more than HANDFUL rows.
        self._backup = backup
        self._merged_before = True

    # ------------------------------------------------------------------ state

    def _state(self) -> dict[str, str]:
        return {k: v for k, v in rows(SyncState.select(SyncState.key, SyncState.value).tuples())}

    def _configured(self) -> dict[str, str]:
        state = self._state()
        if "folder" not in state:
            raise InvalidInput("this journal does not sync; run `sync setup FOLDER` first")
        return state

    def _hlc(self, state: dict[str, str]) -> HybridClock:
        last = state.get("hlc")
        return HybridClock(state["device"], self._clock, Stamp.parse(last) if last else None)

    def _now_text(self) -> str:
        return self._clock().astimezone(dt.UTC).isoformat(timespec="seconds")

    # ------------------------------------------------------------------ keys

    def _local_key(self) -> bytes | None:
        """The journal's data key (None for a plain journal)."""
        if self._database is None or not self._encrypted():
            return None
        return cipher.key_for(self._database)

    def _local_key_file(self) -> keyfile.KeyFile | None:
        """The journal's key file that accepted its passphrase in this process."""
        verified = None if self._database is None else keyfile.verified_key_file(self._database)
        return None if verified is None else verified[1]

    def _use_folder(self, state: dict[str, str], root: Path) -> None:
        """Seal and open the folder's files with its key (sealing.use), or refuse when
        the journal and the folder no longer agree about encryption (InvalidInput)."""
        try:
            encrypted_folder = folder.is_encrypted(root)
        except FolderRefused as error:
            raise InvalidInput(str(error)) from None
        kept, local = state.get(FOLDER_KEY), self._local_key()
        if kept is None:
            sealing.use(root, None)
            if encrypted_folder:
                raise InvalidInput(
                    f"the sync folder {root} is now encrypted but this journal joined it "
                    "unencrypted (was the folder replaced?); nothing was written there"
                )
            if local is not None:
                raise InvalidInput(
                    "this journal was encrypted after it joined an unencrypted sync folder, "
                    "where its text would be written unencrypted; run `sync leave`, then "
                    "`sync setup` with an empty folder"
                )
            return
        if local is None:
            sealing.use(root, None)
            raise InvalidInput(
                "this journal was decrypted after it joined an encrypted sync folder; "
                "run `sync leave` (nothing was written there)"
            )
        if not encrypted_folder:
            sealing.use(root, None)
            raise InvalidInput(
                f"the sync folder {root} is no longer marked encrypted (was it replaced?); "
                "nothing was written there"
            )
        try:
            sealing.use(root, sealing.kept(local, kept))
        except sealing.Unsealable as error:
            raise InvalidInput(str(error)) from None

    # ------------------------------------------------------------------ setup / leave

    def setup(
        self, target: Path, name: str | None = None, passphrase: str | None = None
    ) -> SyncStatus:
        """Sync this journal through ``target`` (a new sync folder, or one another device
        made: joining merges both journals, nothing is overwritten); run `now` next.
        An encrypted journal makes an encrypted folder, or joins one with the passphrase
        of the folder's key file (``passphrase``, else asked through db.cipher's
        unlocker; not asked when the folder was made with this journal's key file)."""
        if "folder" in self._state():
            raise InvalidInput("this journal already syncs; run `sync leave` first")
        _refuse_overlap(target, self._data_dir)
        if not target.exists() and target.parent.is_dir():
            target.mkdir()  # the folder the user named; never its parents
        if not target.is_dir():
            raise InvalidInput(f"{target} is not a folder")
        local_key, local_key_file = self._local_key(), self._local_key_file()
        if not folder.is_sync_folder(target):
            self._refuse_other_files(target)
        label = (name if name is not None else socket.gethostname()).strip()
        if not label or len(label) > folder.MAX_NAME or "\n" in label:
            raise InvalidInput("the device name must be one line of 1-200 characters")
        data_key = folder_key.key_for_setup(
            target, local_key, local_key_file, passphrase, cipher.ask_passphrase
        )
        device = tables.random_uid()
        try:
            if data_key is not None and not folder.is_sync_folder(target):
                if local_key_file is None:  # key_for_setup refused this already
                    raise InvalidInput("unlock the journal with its passphrase first")
                folder_key.publish_key_file(target, local_key_file)  # before the marker
            folder.prepare(target, device, encrypted=data_key is not None)
        except (FolderRefused, OSError) as error:
            raise InvalidInput(f"cannot use {target}: {error}") from None
        with atomic():
            registers.state_put("device", device)
            registers.state_put("name", label)
            registers.state_put("folder", str(target.resolve()))
            registers.state_put("seq", "0")
            if data_key is not None and local_key is not None:
                registers.state_put(FOLDER_KEY, sealing.keep(local_key, data_key))
            engine.mark_everything()
        sealing.use(target, data_key)
        folder.write_device(target, DeviceInfo(device, label, self._now_text(), 0))
        return self.status()

    def _refuse_other_files(self, target: Path) -> None:
        """A folder that is not a sync folder must be empty but for a sync tool's own files
        (Syncthing's `.stfolder`) and this journal's key file (left by a setup killed
        after publishing it): setup and plan say the same."""
        own_key_file = self._local_key_file()
        for path in target.iterdir():
            if tool_files.is_tool_file(path.name):
                continue
            if path.name == folder_key.KEY_FILE and folder_key.is_own_key_file(
                target, own_key_file
            ):
                continue
            raise InvalidInput(
                f"{target} holds other files; choose an empty folder or one another "
                "device set up for sync"
            )

    def plan(self, target: Path) -> SetupPlan:
        """Say what `setup(target)` would do, writing nothing; raises InvalidInput with
        setup's message for a folder it would refuse."""
        _refuse_overlap(target, self._data_dir)
        if not target.exists():
            if not target.parent.is_dir():
                raise InvalidInput(f"{target.parent} is not a folder")
            return SetupPlan(str(target), False, [])
        if not target.is_dir():
            raise InvalidInput(f"{target} is not a folder")
        if not folder.is_sync_folder(target):
            self._refuse_other_files(target)
            return SetupPlan(str(target.resolve()), False, [])
        try:
            folder.check_marker(target)
        except FolderRefused as error:
            raise InvalidInput(str(error)) from None
        others = sorted(folder.listing(target).segments)
        names = [info.name for d in others if (info := folder.read_device(target, d))]
        return SetupPlan(str(target.resolve()), True, sorted(names, key=str.casefold), len(others))

    def summary(self) -> SyncSummary | None:
        """None when this journal does not sync; else what the status bar shows (no
        folder access: cheap enough for the UI thread)."""
        return read_summary()

    def leave(self) -> None:
        """Stop syncing: this device's state is forgotten (its files stay in the folder)."""
        sealing.use(Path(self._configured()["folder"]), None)
        with atomic():
            for model in (SyncState, SyncField, SyncText, SyncApplied, SyncDirty):
                model.delete().execute()

    # ------------------------------------------------------------------ sync now

    def now(self, *, stop: Callable[[], bool] | None = None) -> SyncReport:
        """Send local changes and apply the others'. ``stop()`` true: apply no more
        segments (local changes are still sent) — a sync at quit stays short."""
        state = self._configured()
        root = Path(state["folder"])
        if not root.is_dir():
            raise InvalidInput(f"the sync folder {root} is not there (not mounted?)")
        try:
            folder.check_marker(root)
        except FolderRefused as error:
            raise InvalidInput(str(error)) from None
        self._use_folder(state, root)
        device = state["device"]
        report = SyncReport()
        listing = folder.listing(root)
        report.ignored = len(listing.ignored)
        self._merged_before = any(_applied().values())
        # Own segments this journal has not recorded (a crash between writing and
        # committing) are applied first, so their edits are not sent twice.
        watch = MergeWatch()
        blob_report = blobs.BlobReport()
        if self._attachments is not None:  # before the segment that refers to them
            blobs.publish(root, device, self._attachments, blob_report)
        self._apply(root, device, listing, report, own=True)
        stopping = stop is not None and stop()  # at quit: send local changes, no more
        if not stopping:
            self._catch_up(root, device, listing, report, watch)
        self._apply(root, device, listing, report, own=False, stop=stop, watch=watch)
        if self._attachments is not None and not (stop is not None and stop()):
            blobs.fetch(root, self._attachments, blob_report)
        report.blobs_sent, report.blobs_stored = blob_report.sent, blob_report.stored
        report.blobs_waiting = blob_report.waiting
        report.problems.extend(blob_report.problems)
        with atomic():
            registers.state_put("last_sync", self._now_text())
            state, now = self._state(), self._now_text()
            seq, applied = int(state["seq"]), _applied()
            try:
                if not stopping:
                    compaction.compact(root, device, state["name"], seq, applied, listing, now)
            except (FolderRefused, OSError) as error:  # the sync itself is done
                report.problems.append(f"the sync folder was not compacted: {error}")
        report.merged = watch.merged(lambda d: _device_name(root, d))
        return report

    def _catch_up(
        self, root: Path, device: str, listing: Any, report: SyncReport, watch: MergeWatch
    ) -> None:
        """Start from a snapshot (compaction.py) when nothing was applied yet, or when a
        segment needed next was compacted away; the segments after it follow."""
        for _ in range(len(listing.snapshots)):  # each round covers at least one more
            applied = _applied()
            if not compaction.stuck(root, listing, applied, device):
                return
            snap = compaction.best(root, listing, applied, device, report.problems)
            if snap is None:
                return
            ahead = self._ahead(max((f[4] for f in snap.fields), default=""))
            if ahead:
                where = f"{folder.DEVICES}/{snap.device}/{compaction.snapshot_name(snap.number)}"
                report.problems.append(f"{where}: {ahead}")
                return
            with atomic(), registers.batch():
                # Local changes first, as in `_apply`: sent, never overwritten. But not
                # when joining (nothing sent or applied yet): the snapshot's rows come
                # first, as the others' segments do in `_apply`, and `_apply` sends after.
                own = int(self._state()["seq"])
                if own or any(applied.values()):
                    self._export(root, device, listing, report, {**applied, device: own})
                clock = self._hlc(self._state())
                marked_before = _marks()
                touched: set[tuple[str, str]] = set()
                fields = [{"t": t, "id": u, "f": f} for t, u, f, *_ in snap.fields]
                watch.segment(snap.device, fields)
                self._backup_first(fields, report)
                compaction.merge(snap, device, clock, touched)
                keep = engine.materialize(touched, to_storage(self._clock()))
                sync_store.unmark(sorted(_marks() - marked_before - keep))
                registers.state_put("hlc", str(clock.last))

    def _export(
        self,
        root: Path,
        device: str,
        listing: Any,
        report: SyncReport,
        applied: dict[str, int],
    ) -> None:
        with atomic():
            state = self._state()
            clock = self._hlc(state)
            own = listing.segments.get(device, [])
            seq = max([int(state["seq"]), *own]) + 1
            changes = engine.export_dirty(clock, _client_id(device, seq))
            if not changes:
                return
            deps = {d: n for d, n in applied.items() if d != device and n > 0}
            segment = Segment(device, seq, SCHEMA, deps, changes)
            folder.write_segment(root, segment, self._now_text())
            registers.state_put("seq", str(seq))
            registers.state_put("hlc", str(clock.last))
        applied[device] = seq
        listing.segments.setdefault(device, []).append(seq)
        report.sent += len(changes)
        report.segment = seq
        others = {d: n for d, n in applied.items() if d != device and n > 0}
        folder.write_device(root, DeviceInfo(device, state["name"], self._now_text(), seq, others))

    def _apply(
        self,
        root: Path,
        device: str,
        listing: Any,
        report: SyncReport,
        *,
        own: bool,
        stop: Callable[[], bool] | None = None,
        watch: MergeWatch | None = None,
    ) -> None:
        """Apply every segment whose dependencies are applied, in causal order."""
        state = self._state()
        applied = {
            d: s for d, s in rows(SyncApplied.select(SyncApplied.device, SyncApplied.seq).tuples())
        }
        applied[device] = int(state["seq"])
        blocked: set[str] = set()
        cache: dict[tuple[str, int], Segment] = {}
        # Joining (nothing sent or applied yet): the others' rows first, so the rows this
        # journal has by the same name (the built-in categories and templates) take
        # what the others made of them instead of resetting it (docs/SYNC.md).
        joining = not own and not any(applied.values())
        first = True
        progress = True
        while progress:
            progress = False
            with atomic(), registers.batch():
                if not own and not (joining and first):
                    # Local changes first, in this transaction: a row another process
                    # changed since is sent, never overwritten by what is applied now.
                    self._export(root, device, listing, report, applied)
                clock = self._hlc(self._state())
                marked_before = _marks()
                touched: set[tuple[str, str]] = set()
                count = 0
                for other, numbers in sorted(listing.segments.items()):
                    if (other == device) != own or other in blocked:
                        continue
                    for seq in numbers:
                        if seq <= applied.get(other, 0):
                            continue
                        if seq != applied.get(other, 0) + 1 or count >= BATCH:
                            break
                        if stop is not None and stop():
                            break
                        segment = self._read(root, other, seq, cache, report, blocked)
                        if segment is None or not all(
                            applied.get(d, 0) >= s for d, s in segment.deps.items()
                        ):
                            break
                        try:
                            checked = [engine.check_change(c) for c in segment.changes]
                        except ChangeRefused as error:
                            report.problems.append(f"{_where(other, seq)}: {error}; not applied")
                            blocked.add(other)
                            break
                        ahead = self._ahead(max((c["c"] for c in checked), default=""))
                        if ahead:
                            report.problems.append(f"{_where(other, seq)}: {ahead}")
                            blocked.add(other)
                            break
                        if watch is not None:
                            watch.segment(other, checked)
                        if not own:
                            self._backup_first(checked, report)
                        engine.apply_changes(checked, clock, touched)
                        applied[other] = seq
                        count += 1
                        report.applied_segments += 1
                        report.applied_changes += len(checked)
                        if other == device:
                            registers.state_put("seq", str(seq))
                        else:
                            SyncApplied.replace(device=other, seq=seq).execute()
                        progress = True
                keep = engine.materialize(touched, to_storage(self._clock()))
                # Rows rebuilt from the registers match them: not local changes to send.
                sync_store.unmark(sorted(_marks() - marked_before - keep))
                registers.state_put("hlc", str(clock.last))
            first = False
        if joining:
            with atomic():
                self._export(root, device, listing, report, applied)
        if not own:
            report.waiting = sum(
                1
                for other, numbers in listing.segments.items()
                if other != device
                for seq in numbers
                if seq > applied.get(other, 0)
            )

    def _ahead(self, newest: str) -> str | None:
        """The one line that says a stamp is too far ahead of this machine's clock."""
        far = hlc.ahead_text(Stamp.parse(newest), self._clock) if newest else None
        if far is None:
            return None
        return (
            f"stamped {far} ahead of this machine's clock; it waits until then (is the "
            "clock of one of the two machines wrong?)"
        )

    def _backup_first(self, changes: list[dict[str, Any]], report: SyncReport) -> None:
        """A verified backup of the journal as it is (committed) before the first merge
        into it, and before one that rewrites or deletes more than a handful of its rows
        (rows of the changes that exist here); at most one per `sync now`."""
        if self._backup is None or report.backup is not None or not changes:
            return
        if self._merged_before and _existing_rows(changes) <= HANDFUL:
            return
        report.backup = str(self._backup())

    def _read(
        self,
        root: Path,
        other: str,
        seq: int,
        cache: dict[tuple[str, int], Segment],
        report: SyncReport,
        blocked: set[str],
    ) -> Segment | None:
        if (other, seq) in cache:
            return cache[(other, seq)]
        try:
            segment = folder.read_segment(root, other, seq)
        except FolderRefused as error:
            report.problems.append(f"{error}; not applied")
            blocked.add(other)
            return None
        if segment.schema > SCHEMA:
            report.problems.append(
                f"{_where(other, seq)} was written by a newer version of the app; "
                f"{UPDATE_APP} (its changes wait, nothing is lost)"
            )
            blocked.add(other)
            return None
        cache[(other, seq)] = segment
        return segment

    # ------------------------------------------------------------------ status

    def status(self) -> SyncStatus:
        state = self._configured()
        root = Path(state["folder"])
        device = state["device"]
        applied = _applied()
        others: list[OtherDevice] = []
        problems: list[str] = []
        if root.is_dir():
            try:
                self._use_folder(state, root)
            except InvalidInput as error:
                problems.append(str(error))
            listing = folder.listing(root)
            for other, numbers in sorted(listing.segments.items()):
                if other == device:
                    continue
                info = folder.read_device(root, other)
                others.append(
                    OtherDevice(
                        other,
                        info.name if info else "(unnamed)",
                        info.last_write if info else "",
                        int(applied.get(other, 0)),
                        max([*numbers, info.seq if info else 0]),  # some compacted away
                    )
                )
        else:
            problems.append(f"the sync folder {root} is not there (not mounted?)")
        return SyncStatus(
            device=device,
            name=state["name"],
            folder=str(root),
            last_sync=state.get("last_sync"),
            changes_waiting=SyncDirty.select().count(),
            devices=others,
            problems=problems,
            encrypted=FOLDER_KEY in state,
        )

    # ------------------------------------------------------------------ comparing

    def export_state(self) -> str:
        """Every synced row by its global id, as canonical JSON: devices that have
        applied the same changes give byte-identical text (local ids and times left out)."""
        doc: dict[str, Any] = {}
        order = board.board_order()
        for tbl in tables.ORDER:
            spec = tables.TABLES[tbl]
            model = spec.model
            table: dict[str, Any] = {}
            for row in model.select().where(model.uid.is_null(False)):
                item: dict[str, Any] = {}
                for column in spec.fields:
                    if column in spec.refs:
                        ref = getattr(row, column)
                        item[column] = (
                            None if ref is None else engine.uid_of(spec.refs[column], ref)
                        )
                    else:
                        item[column] = tables.encode(getattr(row, column))
                if tbl == "entry":
                    item["body"] = row.body
                    item["deleted_at"] = tables.encode(row.deleted_at)
                if spec.tags is not None:
                    link = spec.tags
                    item["tags"] = sorted(
                        u
                        for (u,) in rows(
                            Tag.select(Tag.uid)
                            .join(link)
                            .where(getattr(link, tbl) == row.id)
                            .tuples()
                        )
                    )
                if tbl == "task":
                    item["order"] = order.get(row.uid)  # its place in its column here
                table[row.uid] = item
            doc[tbl] = table
        return json.dumps(doc, ensure_ascii=False, sort_keys=True, indent=1)


def _client_id(device: str, seq: int) -> int:
    return text.client_id(device, seq)


def _device_name(root: Path, device: str) -> str:
    info = folder.read_device(root, device)
    return info.name if info else "another device"


def _where(device: str, seq: int) -> str:
    return f"{folder.DEVICES}/{device}/{folder.segment_name(seq)}"


def _marks() -> set[tuple[str, str]]:
    return set(rows(SyncDirty.select(SyncDirty.tbl, SyncDirty.row_key).tuples()))


def _existing_rows(changes: list[dict[str, Any]]) -> int:
    """How many rows these changes touch that exist in this journal, but for entries
    whose title and text only change: a "before sync" revision keeps those."""
    by_table: dict[str, set[str]] = {}
    for change in changes:
        if change["t"] == "entry" and change["f"] in KEPT_IN_REVISIONS:
            continue
        by_table.setdefault(change["t"], set()).add(change["id"])
    count = 0
    for tbl, uids in by_table.items():
        model, wanted = tables.TABLES[tbl].model, sorted(uids)
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            count += model.select().where(model.uid.in_(chunk)).count()
    return count


def _applied() -> dict[str, int]:
    query = SyncApplied.select(SyncApplied.device, SyncApplied.seq).tuples()
    return {d: int(s) for d, s in rows(query)}
