"""Day One import figure (issue #16), measured in-process through the transfer service.

- import_dayone_1k_s: a Day One JSON export of 1,000 entries, each showing one of 1,000
  different photos (50 KB each, in `photos/<md5>.jpeg` as Day One writes them), with
  place, weather and tags, imported into a new journal: seconds for the whole import
  (reading, the pre-import backup, one transaction, 1,000 attachments stored).
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

BUDGET = {"import_dayone_1k_s": 20.0}
KEYS = tuple(BUDGET)
ENTRIES = 1_000
PHOTO_BYTES = 50_000


def log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def write_export(folder: Path, entries: int = ENTRIES, seed: int = 16) -> None:
    """A Day One export folder: Journal.json and photos/, deterministic."""
    rng = random.Random(seed)
    photos = folder / "photos"
    photos.mkdir(parents=True)
    items: list[dict[str, Any]] = []
    for n in range(entries):
        # JPEG magic, then noise: distinct files that store as JPEG attachments
        data = b"\xff\xd8\xff\xe0" + rng.randbytes(PHOTO_BYTES)
        md5 = hashlib.md5(data).hexdigest()
        (photos / f"{md5}.jpeg").write_bytes(data)
        identifier = f"{n:032X}"
        items.append(
            {
                "uuid": f"{n + 1:032X}",
                "creationDate": f"2024-{n % 12 + 1:02d}-{n % 28 + 1:02d}T{n % 24:02d}:15:00Z",
                "timeZone": "Europe/Berlin",
                "starred": n % 10 == 0,
                "tags": ["bench", f"topic-{n % 7}"],
                "text": f"# Day {n}\\n\\nNotes for day {n}\\. "
                + "Some words about what was learned. " * 20
                + f"\\n\\n![](dayone-moment://{identifier})",
                "photos": [{"identifier": identifier, "md5": md5, "type": "jpeg"}],
                "location": {"placeName": "Library", "localityName": "Berlin", "country": "DE"},
                "weather": {"conditionsDescription": "Cloudy", "temperatureCelsius": 11},
            }
        )
    document = {"metadata": {"version": "1.0"}, "entries": items}
    (folder / "Journal.json").write_text(json.dumps(document), encoding="utf-8")


def measure_dayone(ctx: Any) -> dict[str, Any]:
    figures: dict[str, Any] = dict.fromkeys(KEYS)
    from journal_app.config import DataPaths
    from journal_app.services import Services

    with tempfile.TemporaryDirectory(prefix="bench-dayone-") as tmp:
        export = Path(tmp) / "Day One export"
        write_export(export)
        journal = Path(tmp) / "journal"
        journal.mkdir()
        services = Services.open(DataPaths(journal))
        try:
            start = time.perf_counter()
            result = services.transfer.import_from("dayone", export)
            seconds = time.perf_counter() - start
        finally:
            services.close()
        if result.added != {"entries": ENTRIES, "attachments": ENTRIES}:
            ctx.error(f"import_dayone_1k_s: imported {result.added}, not {ENTRIES} of each")
            return figures
    figures["import_dayone_1k_s"] = round(seconds, 2)
    log(f"Day One: {ENTRIES:,} entries and photos in {seconds:.2f} s")
    return figures
