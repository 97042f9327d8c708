"""Encryption figures (issue #9), measured in-process on copies of the 10-year demo journal.

The demo journal is copied twice to a temporary folder (the cached one is never written
to); one copy is encrypted with `services.encryption.encrypt` (production scrypt cost).
Both are measured in the same run, so the ratios cancel the machine's speed.

- unlock_ms: median time from a passphrase to a usable journal: scrypt, the key check,
  opening with SQLCipher (pragmas, schema check) and a first query. Budget: 1,000 ms.
- encrypted_autosave_ratio: median autosave on the encrypted copy / on the plain copy
  (the autosave benchmark's typing: a typical entry saved once per simulated second).
- encrypted_search_ratio: median of the selective-word searches (the search
  benchmark's words) on the encrypted copy / on the plain copy.

Informational extras: encrypt_10y_s (turning encryption on for the 10-year journal and
its backups), encrypted_autosave_ms, plain_autosave_ms, encrypted_search_ms,
plain_search_ms; seal_25mb_ms and unseal_25mb_ms (an image of the largest size accepted,
sealed / opened with AES-256-GCM, db.sealed_files); tidy_check_ms and
tidy_check_plain_ms (encryption.needs_tidying, what every CLI command asks after
opening: on the unlocked encrypted copy, and on the plain one).
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench_autosave import _type_and_save, _typical_entry_id, _TypingClock
from bench_search import _measure_words, _vocabulary

BUDGET = {"unlock_ms": 1000.0, "encrypted_autosave_ratio": 2.0, "encrypted_search_ratio": 2.0}
KEYS = (
    *BUDGET,
    "encrypt_10y_s",
    "encrypted_autosave_ms",
    "plain_autosave_ms",
    "encrypted_search_ms",
    "plain_search_ms",
    "seal_25mb_ms",
    "unseal_25mb_ms",
    "tidy_check_ms",
    "tidy_check_plain_ms",
)
PASSPHRASE = "benchmark passphrase"


def log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def _open(data_dir: Path) -> Any:
    from journal_app.config import DataPaths
    from journal_app.services import Services

    return Services.open(DataPaths(data_dir), clock=_TypingClock(), create=False)


def _unlock_times(data_dir: Path, runs: int) -> list[float]:
    from journal_app.config import DataPaths
    from journal_app.db import cipher
    from journal_app.services import encryption

    paths = DataPaths(data_dir)
    times = []
    for _ in range(runs):
        cipher.forget_key(paths.database, paths.backups)
        start = time.perf_counter()
        encryption.unlock(paths, PASSPHRASE)
        services = _open(data_dir)
        services.entries.count()
        times.append((time.perf_counter() - start) * 1000)
        services.close()
    return times


def _autosave_and_search(data_dir: Path, saves: int, runs: int, words: list[str] | None):
    services = _open(data_dir)
    try:
        if words is None:
            words = _vocabulary(0.002, 0.015, count=5)
        search = _measure_words(services, words, runs, data_dir.name)
        saved = _type_and_save(services, _typical_entry_id(services), saves)
    finally:
        services.close()
    return statistics.median(saved), statistics.median(search.values()), words


def _median_ms(work: Any, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _seal_times(runs: int) -> tuple[float, float]:
    import os

    from journal_app.db import sealed_files

    key = sealed_files.attachment_key(os.urandom(32))
    image = os.urandom(25 * 1024 * 1024)
    sealed = sealed_files.seal(key, "0123456789abcdef.png", image)
    seal = _median_ms(lambda: sealed_files.seal(key, "0123456789abcdef.png", image), runs)
    unseal = _median_ms(lambda: sealed_files.unseal(key, "0123456789abcdef.png", sealed), runs)
    return seal, unseal


def _tidy_check_ms(data_dir: Path, runs: int) -> float:
    from journal_app.config import DataPaths
    from journal_app.services import encryption

    paths = DataPaths(data_dir)
    services = _open(data_dir)  # unlocked (encrypted copy): as after a command's open
    try:
        assert not encryption.needs_tidying(paths)
        return _median_ms(lambda: encryption.needs_tidying(paths), runs)
    finally:
        services.close()


def measure_crypto(ctx: Any) -> dict[str, Any]:
    """Every key is returned; on failure they are null and ctx.error says why."""
    figures: dict[str, Any] = dict.fromkeys(KEYS)
    saves = 100 if ctx.quick else 300
    try:
        from journal_app.config import DataPaths
        from journal_app.services import encryption

        demo = ctx.demo_dir()
        with tempfile.TemporaryDirectory(prefix="bench-crypto-") as tmp:
            plain, encrypted = Path(tmp) / "plain", Path(tmp) / "encrypted"
            for target in (plain, encrypted):
                shutil.copytree(demo, target, ignore=shutil.ignore_patterns("logs"))
            start = time.perf_counter()
            encryption.encrypt(DataPaths(encrypted), PASSPHRASE)
            figures["encrypt_10y_s"] = round(time.perf_counter() - start, 2)
            unlock = _unlock_times(encrypted, ctx.runs)
            plain_save, plain_search, words = _autosave_and_search(plain, saves, ctx.runs, None)
            enc_save, enc_search, _ = _autosave_and_search(encrypted, saves, ctx.runs, words)
            tidy = _tidy_check_ms(encrypted, max(ctx.runs, 20))
            tidy_plain = _tidy_check_ms(plain, max(ctx.runs, 20))
        seal, unseal = _seal_times(ctx.runs)
    except Exception as exc:  # incl. run.BenchError from ctx.demo_dir()
        ctx.error(f"crypto: {type(exc).__name__}: {exc}")
        return figures
    figures["unlock_ms"] = round(statistics.median(unlock), 1)
    figures["plain_autosave_ms"] = round(plain_save, 3)
    figures["encrypted_autosave_ms"] = round(enc_save, 3)
    figures["encrypted_autosave_ratio"] = round(enc_save / plain_save, 2)
    figures["plain_search_ms"] = round(plain_search, 2)
    figures["encrypted_search_ms"] = round(enc_search, 2)
    figures["encrypted_search_ratio"] = round(enc_search / plain_search, 2)
    figures["seal_25mb_ms"] = round(seal, 1)
    figures["unseal_25mb_ms"] = round(unseal, 1)
    figures["tidy_check_ms"] = round(tidy, 3)
    figures["tidy_check_plain_ms"] = round(tidy_plain, 3)
    log(
        f"crypto: unlock {figures['unlock_ms']} ms; autosave {enc_save:.3f} / "
        f"{plain_save:.3f} ms; search {enc_search:.2f} / {plain_search:.2f} ms; "
        f"encrypt 10y {figures['encrypt_10y_s']} s; seal/unseal 25 MB {seal:.0f} / "
        f"{unseal:.0f} ms; tidy check {tidy:.3f} / {tidy_plain:.3f} ms"
    )
    return figures
