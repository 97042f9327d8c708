"""Autosave figures (issue #3), measured in-process through `services.entries.update`.

What one autosave costs on the UI thread, where the entry editor saves: the 10-year demo
journal is copied to a temporary folder (the cached one is never written to) and opened
with `Services`; then the entry is saved once per simulated second of typing, each save
one character longer than the last, keeping the returned rev — the call the editor makes
(`update(id, expected_rev=rev, body=...)`). The clock is injected and advances one second
per save, so history snapshots are kept as in the app (one per ten minutes of typing).
A few untimed saves come first (the first one after opening keeps a snapshot).

- autosave_ms: median time of one save of a typical entry (the median body length among
  the demo journal's entries).
- autosave_p90_ms: the 90th percentile of the same saves (WAL checkpoints land here).
- autosave_2000_words_ms: median time of one save of a 2,000-word entry created for the
  run (the preview benchmark's sample entry).

Informational extras: autosave_2000_words_p90_ms, autosave_body_chars (the typical
entry's length before typing), autosave_saves (timed saves per entry).
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

BUDGET = {"autosave_ms": 2.0}
KEYS = (
    *BUDGET,
    "autosave_p90_ms",
    "autosave_2000_words_ms",
    "autosave_2000_words_p90_ms",
    "autosave_body_chars",
    "autosave_saves",
)
WARM_UP = 5
TYPED = "and the gradient flows back through every layer. "  # cycled, one char per save


def log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


class _TypingClock:
    """Aware UTC time that moves one second each time it is read: one save per second."""

    def __init__(self) -> None:
        self._now = dt.datetime.now(dt.UTC)

    def __call__(self) -> dt.datetime:
        self._now += dt.timedelta(seconds=1)
        return self._now


@contextmanager
def _journal_copy(demo: Path) -> Iterator[Any]:
    from journal_app.config import DataPaths
    from journal_app.services import Services

    with tempfile.TemporaryDirectory(prefix="bench-autosave-") as tmp:
        data_dir = Path(tmp) / "journal"
        shutil.copytree(demo, data_dir, ignore=shutil.ignore_patterns("logs"))
        services = Services.open(DataPaths(data_dir), clock=_TypingClock(), create=False)
        try:
            yield services
        finally:
            services.close()


def _typical_entry_id(services: Any) -> int:
    """The entry (not in the trash) with the median body length."""
    from peewee import fn

    from journal_app.db.models import Entry

    rows = (
        Entry.select(Entry.id)
        .where(Entry.deleted_at.is_null())
        .order_by(fn.length(Entry.body), Entry.id)
        .tuples()
    )
    ids = [entry_id for (entry_id,) in rows]
    if not ids:
        raise RuntimeError("the demo journal has no entries")
    return ids[len(ids) // 2]


def _type_and_save(services: Any, entry_id: int, saves: int) -> list[float]:
    """Milliseconds of each timed save; every save adds one typed character."""
    entry = services.entries.get(entry_id)
    body, rev = entry.body, entry.rev
    times: list[float] = []
    for i in range(WARM_UP + saves):
        body += TYPED[i % len(TYPED)]
        start = time.perf_counter()
        saved = services.entries.update(entry_id, expected_rev=rev, body=body)
        elapsed = (time.perf_counter() - start) * 1000
        if saved.rev != rev + 1:
            raise RuntimeError(f"save {i} went from rev {rev} to {saved.rev}, not {rev + 1}")
        rev = saved.rev
        if i >= WARM_UP:
            times.append(elapsed)
    return times


def _p90(values: list[float]) -> float:
    return statistics.quantiles(values, n=10, method="inclusive")[-1]


def measure_autosave(ctx: Any) -> dict[str, Any]:
    """Every key is returned; on failure they are null and ctx.error says why."""
    figures: dict[str, Any] = dict.fromkeys(KEYS)
    saves = 100 if ctx.quick else 300
    try:
        demo = ctx.demo_dir()
        with _journal_copy(demo) as services:
            typical = _typical_entry_id(services)
            figures["autosave_body_chars"] = len(services.entries.get(typical).body)
            times = _type_and_save(services, typical, saves)
            long_entry = services.entries.create(
                day=services.clock().date(), title="Sprint review", body=sample_entry()
            )
            long_times = _type_and_save(services, long_entry.id, saves)
    except Exception as exc:  # incl. run.BenchError from ctx.demo_dir()
        ctx.error(f"autosave: {type(exc).__name__}: {exc}")
        return figures
    figures["autosave_ms"] = round(statistics.median(times), 3)
    figures["autosave_p90_ms"] = round(_p90(times), 3)
    figures["autosave_2000_words_ms"] = round(statistics.median(long_times), 3)
    figures["autosave_2000_words_p90_ms"] = round(_p90(long_times), 3)
    figures["autosave_saves"] = saves
    log(
        f"autosave {figures['autosave_body_chars']} chars: {figures['autosave_ms']} ms "
        f"(p90 {figures['autosave_p90_ms']}); 2,000 words: "
        f"{figures['autosave_2000_words_ms']} ms (p90 {figures['autosave_2000_words_p90_ms']})"
    )
    return figures
