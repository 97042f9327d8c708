"""Links between entries (issue #18), measured in-process through `services.links`.

A journal of 10,000 entries (about 60 words each; one in ten links to one or two other
entries by title, a few by `[[#N]]`), built in a temporary folder:

- links_index_ms: `links.index()`, the title lookup the preview and `[[` completion use,
  rebuilt each time an entry opens (median).
- links_backlinks_ms: `links.backlinks(id, index)` for the "Linked from" panel, run
  each time an entry opens (with the editor's index, built only when titles change);
  the median over entries with many, few and no backlinks.
- links_backlinks_worst_ms: the slowest of those (the entry linked most often).
"""

from __future__ import annotations

import datetime as dt
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ENTRIES = 10_000
RUNS = 7
BUDGET = {"links_index_ms": 60.0, "links_backlinks_ms": 30.0}
KEYS = (*BUDGET, "links_backlinks_worst_ms")
WORDS = [
    "gradient",
    "descent",
    "attention",
    "layer",
    "vector",
    "matrix",
    "proof",
    "lemma",
    "chain",
    "rule",
    "loss",
    "batch",
    "epoch",
    "kernel",
    "tensor",
    "sample",
    "bias",
    "variance",
    "review",
    "sprint",
    "focus",
    "reading",
    "notes",
]


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


def _median_ms(call: Any, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return _ms(statistics.median(times))


def _build(services: Any, count: int) -> list[int]:
    from journal_app.db.models import Entry

    rng = random.Random(18)
    titles = [f"Note {i} {rng.choice(WORDS)}" for i in range(count)]
    ids: list[int] = []
    day = dt.date(2016, 1, 1)
    with Entry._meta.database.atomic():
        for i, title in enumerate(titles):
            words = " ".join(rng.choice(WORDS) for _ in range(60))
            if i and i % 10 == 0:  # every tenth links back; Note 7 is linked very often
                linked = titles[rng.randrange(i)]
                words += f" See [[{linked}]] and [[{titles[7]}|the hub]]."
            if i % 97 == 0:
                words += " Also [[#3]]."
            entry = services.entries.create(
                day=day + dt.timedelta(days=i // 3),
                title=title,
                body=words,
                series="Log",
                number=i + 1,
            )
            ids.append(entry.id)
    return ids


def _measure(count: int = ENTRIES, runs: int = RUNS) -> dict[str, Any]:
    from journal_app.config import DataPaths
    from journal_app.services import Services

    figures: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="bench-links-") as tmp:
        (Path(tmp) / "journal").mkdir()
        services = Services.open(DataPaths(Path(tmp) / "journal"), create=True)
        try:
            ids = _build(services, count)
            links = services.links
            figures["links_index_ms"] = _median_ms(links.index, runs)
            # the hub (linked ~1,000 times), a seldom-linked one, one nobody links to
            hub, seldom, unlinked = ids[7], ids[count // 2], ids[-1]
            index = links.index()
            per_entry = {
                entry_id: _median_ms(lambda e=entry_id: links.backlinks(e, index), runs)
                for entry_id in (hub, seldom, unlinked, ids[2])
            }
            figures["links_backlinks_ms"] = statistics.median(per_entry.values())
            figures["links_backlinks_worst_ms"] = max(per_entry.values())
            figures["links_hub_backlinks"] = len(links.backlinks(hub))
        finally:
            services.close()
    return figures


def measure_links(ctx: Any) -> dict[str, Any]:
    figures: dict[str, Any] = dict.fromkeys(KEYS)
    try:
        figures.update(_measure(runs=3 if ctx.quick else RUNS))
    except Exception as exc:  # reported, the other measurements still run
        ctx.error(f"links: {type(exc).__name__}: {exc}")
    return figures


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else ENTRIES
    print(json.dumps(_measure(count), indent=2))
