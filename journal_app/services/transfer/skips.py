"""Partial import (#16): what an import could not read, listed with file, line and a
plain reason, while everything readable is imported (in one transaction, after a
backup). `strict` keeps all-or-nothing: the first unreadable item refuses the import.

Every importer reads each item through `SkipList.attempt` (or calls `skip`), hands the
list to the writer, and the `ImportResult` carries it: the CLI prints it (and writes it
with `--report FILE`), the dialog shows it before and after the import.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from journal_app.errors import InvalidInput
from journal_app.services.transfer.import_files import one_line

T = TypeVar("T")

# Where an import takes an entry's date from when the file itself has none.
DATE_FROM = ("note", "mtime")  # note: properties, then the file name; mtime: then the file's time


@dataclass(frozen=True)
class ImportOptions:
    """How to import: `strict` refuses the whole import at the first unreadable item;
    `date_from="mtime"` dates notes that have no date by their modification time;
    `preview` reads and counts everything but writes nothing (no backup either)."""

    strict: bool = False
    date_from: str = "note"
    preview: bool = False

    def __post_init__(self) -> None:
        if self.date_from not in DATE_FROM:
            raise InvalidInput(
                f"--date-from is one of {', '.join(DATE_FROM)}, not {self.date_from!r}"
            )


@dataclass(frozen=True)
class Skipped:
    """One item left out: the file (or 'file entry 3'), its line when known, why."""

    where: str
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        at = f"{self.where} line {self.line}" if self.line is not None else self.where
        return f"{at}: {self.reason}"


_LINE = re.compile(r"\A line (\d+)")


def skipped_from(where: str, message: str) -> Skipped:
    """A Skipped from an InvalidInput message that names `where` first (as every import
    message does: 'notes/a.md line 3: …'); other messages are kept whole as the reason."""
    text = one_line(message)
    line: int | None = None
    if text.startswith(where):
        rest = text[len(where) :]
        found = _LINE.match(rest)
        if found is not None:
            line = int(found[1])
            rest = rest[found.end() :]
        if rest.startswith(":"):
            return Skipped(where, rest[1:].strip(), line)
    return Skipped(where, text, line)


class SkipList:
    """The items an import leaves out; with `strict`, the first one refuses the import."""

    def __init__(self, strict: bool = False) -> None:
        self.strict = strict
        self.items: list[Skipped] = []

    def skip(self, where: str, reason: str, line: int | None = None) -> None:
        item = Skipped(where, one_line(reason), line)
        if self.strict:
            raise InvalidInput(f"{item} (--strict: nothing was imported)")
        self.items.append(item)

    def attempt(self, where: str, read: Callable[[], T]) -> T | None:
        """`read()`, or None when it raises InvalidInput (listed; raised when strict)."""
        try:
            return read()
        except InvalidInput as exc:
            if self.strict:
                raise
            self.items.append(skipped_from(where, str(exc)))
            return None

    def __len__(self) -> int:
        return len(self.items)


def save_report(path: Path, text: str, *, replace: bool = False) -> None:
    """Write an import's report to `path`: a new file (or, with `replace`, one the user
    agreed to replace), written under a temporary name beside it and moved into place."""
    from journal_app.fsutil import publish_new, temporary_sibling

    path = Path(path).expanduser()
    if not path.parent.is_dir():
        raise InvalidInput(f"{path.parent} is not a folder; the report goes into an existing one")
    if path.exists() and not replace:
        raise InvalidInput(f"{path} already exists; name a new file for the report")
    tmp = temporary_sibling(path)
    try:
        with tmp.open("w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        if replace:
            os.replace(tmp, path)
        else:
            publish_new(tmp, path)
    except FileExistsError:
        raise InvalidInput(f"{path} already exists; name a new file for the report") from None
    except OSError as exc:
        raise InvalidInput(f"cannot write the report to {path}: {exc.strerror or exc}") from None
    finally:
        tmp.unlink(missing_ok=True)
