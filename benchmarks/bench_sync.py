"""Sync through a folder (issue #15), in-process through `services.sync` with two
devices (two data folders, one sync folder; each journal is open only while its device
acts, as the database layer holds one journal per process).

- sync_apply_100_ms: the other device retitled 100 entries; the median time of
  `sync now` here, which applies those 100 remote changes (reading the segment, the
  registers, the rows rebuilt, a "before sync" revision each, and the verified backup
  a merge touching more than 10 rows is preceded by).
- sync_merge_entry_ms: the other device changed one word in the middle of a 2,000-word
  entry both hold; the median time of `sync now` here merging it (the Yjs update
  applied to the body's state, the row rebuilt, a "before sync" revision).
- sync_join_10y_s: a copy of the 10-year demo journal syncs to the folder (its first
  export: informational `sync_first_export_10y_s`), then a new, empty device joins:
  `sync setup` + `sync now` until it holds every entry.
- sync_folder_ratio: after the join, the first device syncs once more (it sees that the
  new device applied everything, and compacts); the sync folder's size ÷ that device's
  database size (the file and its -wal, by stat; the registers the journal keeps for
  sync are part of it).
"""

from __future__ import annotations

import datetime as dt
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bench_preview import sample_entry

BUDGET = {
    "sync_apply_100_ms": 100.0,
    "sync_merge_entry_ms": 20.0,
    "sync_join_10y_s": 10.0,
    "sync_folder_ratio": 3.0,
}
KEYS = (
    *BUDGET,
    "sync_first_export_10y_s",
    "sync_folder_mb",
    "sync_database_mb",
    "sync_join_entries",
)
CHANGES = 100
DAY = dt.date(2026, 11, 2)


def log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


class _Clock:
    """Aware UTC time that moves a second each time it is read (edits follow each other)."""

    def __init__(self) -> None:
        self._now = dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.UTC)

    def __call__(self) -> dt.datetime:
        self._now += dt.timedelta(seconds=1)
        return self._now


class _Device:
    def __init__(self, data_dir: Path, clock: _Clock) -> None:
        from journal_app.config import check_data_dir

        self.paths = check_data_dir(data_dir, create=True)
        self.clock = clock

    @contextmanager
    def open(self) -> Iterator[Any]:
        from journal_app.services import Services

        services = Services.open(self.paths, clock=self.clock)
        try:
            yield services
        finally:
            services.close()

    def timed_sync(self) -> tuple[float, Any]:
        """Seconds of `sync now`, the journal opened and its start-up check done before
        the clock starts (the app runs that check in the background after opening)."""
        with self.open() as services:
            services.backups.startup_problem()
            start = time.perf_counter()
            report = services.sync.now()
            return time.perf_counter() - start, report


def _pair(tmp: Path, first: Path | None = None) -> tuple[Path, _Device, _Device]:
    folder = tmp / "Sync"
    folder.mkdir()
    # One clock for both: every read moves it a second, and the 10-year journal's first
    # export reads it ~10^5 times; a clock of b's own would lag days behind a's stamps,
    # which the clock guard then holds back (as between two machines whose clocks differ).
    clock = _Clock()
    a = _Device(first or tmp / "a", clock)
    b = _Device(tmp / "b", clock)
    return folder, a, b


def _apply_100_ms(runs: int) -> float:
    with tempfile.TemporaryDirectory(prefix="bench-sync-") as name:
        folder, a, b = _pair(Path(name))
        with a.open() as s:
            s.sync.setup(folder, "a")
            ids = [s.entries.create(day=DAY, title=f"Day {n}", body="x").id for n in range(CHANGES)]
            s.sync.now()
        with b.open() as s:
            s.sync.setup(folder, "b")
            s.sync.now()
        times: list[float] = []
        for run in range(runs + 1):  # the first one warms up
            with a.open() as s:
                for entry_id in ids:
                    rev = s.entries.get(entry_id).rev
                    s.entries.update(entry_id, expected_rev=rev, title=f"Day {entry_id}.{run}")
                s.sync.now()
            seconds, report = b.timed_sync()
            if report.applied_changes != CHANGES or report.problems:
                raise RuntimeError(f"applied {report.applied_changes} changes: {report.problems}")
            if run:
                times.append(seconds * 1000)
        return statistics.median(times)


def _merge_entry_ms(runs: int) -> float:
    with tempfile.TemporaryDirectory(prefix="bench-sync-") as name:
        folder, a, b = _pair(Path(name))
        body = sample_entry()
        with a.open() as s:
            s.sync.setup(folder, "a")
            entry_id = s.entries.create(day=DAY, title="Long", body=body).id
            s.sync.now()
        with b.open() as s:
            s.sync.setup(folder, "b")
            s.sync.now()
        times: list[float] = []
        middle = len(body) // 2
        for run in range(runs + 1):
            with a.open() as s:
                entry = s.entries.get(entry_id)
                at = entry.body.index(" ", middle)
                new = entry.body[:at] + f" edit{run}" + entry.body[at:]
                s.entries.update(entry_id, expected_rev=entry.rev, body=new)
                s.sync.now()
            seconds, report = b.timed_sync()
            if report.applied_changes != 1 or report.problems:
                raise RuntimeError(f"applied {report.applied_changes} changes: {report.problems}")
            if run:
                times.append(seconds * 1000)
        return statistics.median(times)


def _size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def _database_bytes(paths: Any) -> int:
    database = paths.database
    wal = database.with_name(database.name + "-wal")
    return database.stat().st_size + (wal.stat().st_size if wal.exists() else 0)


def _join(demo: Path, figures: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory(prefix="bench-sync-") as name:
        tmp = Path(name)
        shutil.copytree(demo, tmp / "a", ignore=shutil.ignore_patterns("logs"))
        folder, a, b = _pair(tmp, tmp / "a")
        with a.open() as s:
            s.sync.setup(folder, "a")
            entries = len(s.entries.summaries()) + len(s.entries.trashed())
            start = time.perf_counter()
            s.sync.now()
            figures["sync_first_export_10y_s"] = round(time.perf_counter() - start, 2)
        log(f"first export of the 10-year journal: {figures['sync_first_export_10y_s']} s")
        start = time.perf_counter()
        with b.open() as s:
            s.sync.setup(folder, "b")
            report = s.sync.now()
            joined = len(s.entries.summaries()) + len(s.entries.trashed())
        seconds = time.perf_counter() - start
        if joined != entries or report.problems:
            raise RuntimeError(f"the new device holds {joined} of {entries}: {report.problems}")
        figures["sync_join_10y_s"] = round(seconds, 2)
        figures["sync_join_entries"] = joined
        log(f"join: {seconds:.2f} s, {joined} entries")
        with a.open() as s:
            s.sync.now()  # sees the new device's progress: compacts
        folder_bytes, database_bytes = _size(folder), _database_bytes(a.paths)
        figures["sync_folder_mb"] = round(folder_bytes / 1e6, 2)
        figures["sync_database_mb"] = round(database_bytes / 1e6, 2)
        figures["sync_folder_ratio"] = round(folder_bytes / database_bytes, 2)


def measure_sync(ctx: Any) -> dict[str, Any]:
    figures: dict[str, Any] = dict.fromkeys(KEYS)
    for key, measure in (
        ("sync_apply_100_ms", _apply_100_ms),
        ("sync_merge_entry_ms", _merge_entry_ms),
    ):
        try:
            figures[key] = round(measure(ctx.runs), 1)
            log(f"{key}: {figures[key]}")
        except Exception as exc:
            ctx.error(f"{key}: {type(exc).__name__}: {exc}")
    try:
        _join(ctx.demo_dir(), figures)
    except Exception as exc:
        ctx.error(f"sync_join_10y_s: {type(exc).__name__}: {exc}")
    return figures


if __name__ == "__main__":
    from standalone import StandaloneContext, report

    context = StandaloneContext(quick="--quick" in sys.argv)
    sys.exit(report(measure_sync(context), BUDGET, context))
