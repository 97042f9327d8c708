"""Search figures (issue #3), measured in-process through `services.search.search`.

- search_10y_selective_ms: the 10-year demo journal; median over several selective words
  (each in roughly 0.2-1.5 % of the entries) of each word's median time.
- search_10y_common_ms: the same journal; the worst of its most common words (each in
  nearly every entry), each word's median time.
- search_100k_selective_ms: a 100,000-entry journal, built once into
  benchmarks/.cache/search-100k/ (rebuilt when the schema or the generator changes);
  median over selective words (each in roughly 0.05-0.5 % of the entries).

Words are typed as a user would: one word, so it is also matched as a prefix. Queries
ask for the default 50 hits, snippets included. Informational extras: search_100k_common_ms,
search_100k_build_s (null when the cached journal was reused).
"""

from __future__ import annotations

import json
import random
import shutil
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
CACHE = HERE / ".cache"
BIG_DIR = CACHE / "search-100k"
BIG_MARKER = CACHE / "search-100k.done"
BIG_ENTRIES = 100_000
GENERATOR_VERSION = 1  # bump when _big_rows changes, so the cached journal is rebuilt
BUDGET = {
    "search_10y_selective_ms": 10.0,
    "search_10y_common_ms": 100.0,
    "search_100k_selective_ms": 30.0,
}
KEYS = (*BUDGET, "search_100k_common_ms", "search_100k_build_s")


def log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


@contextmanager
def _journal(data_dir: Path) -> Iterator[Any]:
    from journal_app.config import DataPaths
    from journal_app.services import Services

    services = Services.open(DataPaths(data_dir), create=False)
    try:
        yield services
    finally:
        services.close()


def _vocabulary(low: float, high: float, *, count: int, min_length: int = 5) -> list[str]:
    """`count` words spread evenly over those found in low..high of the entries."""
    from journal_app.db.models import Entry

    db = Entry._meta.database
    db.execute_sql(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_vocab USING fts5vocab(main, entry_fts, row)"
    )
    total = db.execute_sql("SELECT count(*) FROM entry").fetchone()[0]
    rows = db.execute_sql(
        "SELECT term FROM temp.search_vocab WHERE doc BETWEEN ? AND ? AND length(term) >= ? "
        "ORDER BY term",
        (max(2, int(total * low)), int(total * high), min_length),
    ).fetchall()
    words = [term for (term,) in rows if term.isalpha()]
    step = max(1, len(words) // count)
    return words[::step][:count]


def _common_words(count: int) -> list[str]:
    from journal_app.db.models import Entry

    db = Entry._meta.database
    db.execute_sql(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_vocab USING fts5vocab(main, entry_fts, row)"
    )
    rows = db.execute_sql(
        "SELECT term FROM temp.search_vocab WHERE length(term) >= 3 ORDER BY doc DESC, term"
    ).fetchall()
    return [term for (term,) in rows if term.isalpha()][:count]


def _median_ms(search: Callable[[str], Any], word: str, runs: int) -> float:
    search(word)  # warm-up: page cache, statement cache
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        search(word)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _measure_words(services: Any, words: list[str], runs: int, label: str) -> dict[str, float]:
    if not words:
        raise RuntimeError(f"{label}: no words to search for")
    figures = {word: _median_ms(services.search.search, word, runs) for word in words}
    hits = {word: len(services.search.search(word)) for word in words}
    log(f"{label}: " + ", ".join(f"{w} {ms:.1f} ms ({hits[w]} hits)" for w, ms in figures.items()))
    return figures


# --------------------------------------------------------------------------- 100k journal


def _syllables(rng: random.Random) -> list[str]:
    consonants = [
        "b",
        "c",
        "d",
        "f",
        "g",
        "h",
        "k",
        "l",
        "m",
        "n",
        "p",
        "r",
        "s",
        "t",
        "v",
        "z",
        "br",
        "tr",
        "st",
        "ch",
        "sh",
    ]
    vowels = ["a", "e", "i", "o", "u", "ai", "ou", "ea"]
    syllables = [c + v for c in consonants for v in vowels]
    rng.shuffle(syllables)
    return syllables


def _rare_words(rng: random.Random, count: int) -> list[str]:
    """Made-up words for the long tail (names, jargon) a real journal has."""
    syllables = _syllables(rng)
    words: dict[str, None] = {}
    while len(words) < count:
        parts = rng.choice((2, 3, 3, 4))
        word = "".join(rng.choice(syllables) for _ in range(parts)) + rng.choice("nrsltx")
        words.setdefault(word, None)
    return list(words)


def _big_rows(seed: int = 7) -> Iterator[tuple[dict[str, Any], list[str]]]:
    """(entry row, tag names) for BIG_ENTRIES entries of varied study-log text: the demo's
    sentences recombined, plus a Zipf-distributed tail of rarer words."""
    import datetime as dt

    from journal_app.demo import text

    rng = random.Random(seed)
    rare = _rare_words(rng, 30_000)
    weights = [1 / (rank + 1) for rank in range(len(rare))]
    cumulative = [0.0]
    for w in weights:
        cumulative.append(cumulative[-1] + w)
    cumulative.pop(0)
    openers = text.OPENERS_GOOD + text.OPENERS_OK + text.OPENERS_BAD + text.OPENERS_OFF
    extras = text.REFLECTIONS + text.DAY_NOTES + text.NIGHT_NOTES_BAD + text.NIGHT_NOTES_GOOD
    resources = [r.title for r in text.RESOURCES]
    first = dt.date(2026, 1, 1) - dt.timedelta(days=BIG_ENTRIES // 3)
    for n in range(BIG_ENTRIES):
        topic = rng.choice(text.TOPICS)
        tail = rng.choices(rare, cum_weights=cumulative, k=rng.randint(4, 12))
        notes = rng.sample(topic.notes, k=min(len(topic.notes), rng.randint(1, 3)))
        body = "\n\n".join(
            [
                rng.choice(openers),
                f"**Deep work:** {rng.randint(0, 6)} h {rng.randint(0, 59):02d} min",
                "## Notes",
                *notes,
                f"Also looked at {', '.join(tail)}.",
                rng.choice(extras),
                f"Reading: {rng.choice(resources)}",
                "## Tasks\n- [ ] "
                + rng.choice(text.TASK_TEMPLATES)[0].format(
                    topic=topic.name,
                    resource=rng.choice(resources),
                    build=topic.build or topic.name,
                    n=rng.randint(1, 9),
                ),
            ]
        )
        title = f"Self Study Journal #{n + 1}: {topic.name}"
        day = first + dt.timedelta(days=n // 3)
        now = dt.datetime.combine(day, dt.time(21, 0))
        row = {
            "day": day,
            "title": title,
            "body": body,
            "series": text.SERIES,
            "number": n + 1,
            "created_at": now,
            "updated_at": now,
        }
        yield row, list(topic.tags)


def _big_is_usable() -> bool:
    from journal_app.db.migrations import LATEST_VERSION

    try:
        marker = json.loads(BIG_MARKER.read_text())
    except (OSError, ValueError):
        return False
    return (
        marker.get("schema_version") == LATEST_VERSION
        and marker.get("generator") == GENERATOR_VERSION
        and (BIG_DIR / "journal.sqlite3").is_file()
    )


def _build_big() -> float:
    """Write the 100k journal in one transaction. The full-text triggers are dropped for
    the bulk insert and restored, then the index is rebuilt once: minutes become seconds,
    and the result is the same index the triggers would have built."""
    from peewee import chunked

    from journal_app.config import check_data_dir
    from journal_app.db.migrations import LATEST_VERSION
    from journal_app.db.models import Entry, EntryTag, Tag
    from journal_app.services import Services

    shutil.rmtree(BIG_DIR, ignore_errors=True)
    BIG_MARKER.unlink(missing_ok=True)
    CACHE.mkdir(parents=True, exist_ok=True)
    log(f"building the {BIG_ENTRIES:,}-entry search journal in {BIG_DIR} ...")
    start = time.perf_counter()
    paths = check_data_dir(BIG_DIR, create=True)
    with Services.open(paths) as services:
        db = Entry._meta.database
        rows = list(_big_rows())
        with db.atomic():
            triggers = db.execute_sql(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                "AND sql LIKE '%entry_fts%'"
            ).fetchall()
            for name, _sql in triggers:
                db.execute_sql(f'DROP TRIGGER "{name}"')
            for batch in chunked([row for row, _tags in rows], 400):
                Entry.insert_many(batch).execute()
            tag_ids = {}
            for name in sorted({t for _row, tags in rows for t in tags}):
                tag_ids[name] = Tag.create(name=name).id
            links = [
                {"entry": entry_id, "tag": tag_ids[t]}
                for entry_id, (_row, tags) in enumerate(rows, start=1)
                for t in tags
            ]
            for batch in chunked(links, 400):
                EntryTag.insert_many(batch).execute()
            for _name, sql in triggers:
                db.execute_sql(sql)
            db.execute_sql("INSERT INTO entry_fts(entry_fts) VALUES ('rebuild')")
        db.execute_sql("ANALYZE")
        entries = services.entries.count()
    if entries != BIG_ENTRIES:
        raise RuntimeError(f"the search journal has {entries} entries, not {BIG_ENTRIES}")
    seconds = time.perf_counter() - start
    BIG_MARKER.write_text(
        json.dumps(
            {
                "schema_version": LATEST_VERSION,
                "generator": GENERATOR_VERSION,
                "built_s": round(seconds, 1),
            }
        )
        + "\n"
    )
    log(f"search journal built in {seconds:.1f} s")
    return seconds


# --------------------------------------------------------------------------- measurement


def _measure_10y(ctx: Any, figures: dict[str, Any], count: int) -> None:
    with _journal(ctx.demo_dir()) as services:
        selective = _vocabulary(0.002, 0.015, count=count)
        selective_ms = _measure_words(services, selective, ctx.runs, "10y selective")
        common_ms = _measure_words(services, _common_words(5), ctx.runs, "10y common")
    figures["search_10y_selective_ms"] = round(statistics.median(selective_ms.values()), 2)
    figures["search_10y_common_ms"] = round(max(common_ms.values()), 2)


def _measure_100k(ctx: Any, figures: dict[str, Any], count: int) -> None:
    if _big_is_usable():
        log(f"reusing cached search journal {BIG_DIR}")
    else:
        figures["search_100k_build_s"] = round(_build_big(), 1)
    with _journal(BIG_DIR) as services:
        selective = _vocabulary(0.0005, 0.005, count=count)
        selective_ms = _measure_words(services, selective, ctx.runs, "100k selective")
        common_ms = _measure_words(services, _common_words(3), max(1, ctx.runs // 2), "100k common")
    figures["search_100k_selective_ms"] = round(statistics.median(selective_ms.values()), 2)
    figures["search_100k_common_ms"] = round(max(common_ms.values()), 2)


def measure_search(ctx: Any) -> dict[str, Any]:
    """Every key is returned; a part that fails leaves its keys null and says why."""
    figures: dict[str, Any] = dict.fromkeys(KEYS)
    count = 5 if ctx.quick else 9
    for label, part in (("10-year journal", _measure_10y), ("100k journal", _measure_100k)):
        try:
            part(ctx, figures, count)
        except Exception as exc:  # incl. run.BenchError from ctx.demo_dir()
            ctx.error(f"search, {label}: {type(exc).__name__}: {exc}")
    return figures
