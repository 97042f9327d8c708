"""What every exporter and importer shares: progress, results, front matter, names."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from journal_app.errors import InvalidInput
from journal_app.services.transfer.import_files import read_text as read_import_text
from journal_app.services.transfer.import_files import shown
from journal_app.services.transfer.skips import Skipped

Progress = Callable[[int, int, str], None]
"""`progress(done, total, what)`: `done` of `total` steps finished, `what` says which."""

EXPORT_FORMATS = ("markdown", "json", "csv", "hugo", "html")
IMPORT_FORMATS = ("markdown", "jrnl", "dayone", "json", "csv", "toggl", "clockify")


def no_progress(done: int, total: int, what: str) -> None:
    """The default progress callback: reports nowhere."""


@dataclass(frozen=True)
class ExportResult:
    path: Path
    counts: dict[str, int]  # "entries": 12, "attachments": 3 ...

    def summary(self) -> str:
        return f"Exported {_counted(self.counts)} to {self.path}"


@dataclass(frozen=True)
class ImportResult:
    added: dict[str, int]
    skipped: dict[str, int] = field(default_factory=dict)  # already in the journal
    backup: Path | None = None
    ignored: dict[str, int] = field(default_factory=dict)  # "files without a date": 2
    problems: tuple[Skipped, ...] = ()  # items that could not be read, with the reason
    date_sources: dict[str, int] = field(default_factory=dict)  # "file name": 12
    preview: bool = False  # counted only: nothing was written

    def summary(self) -> str:
        added = _counted(self.added) if any(self.added.values()) else "nothing new"
        line = f"{'Would import' if self.preview else 'Imported'} {added}"
        if any(self.skipped.values()):
            line += f"; skipped {_counted(self.skipped)} already in the journal"
        for what, count in self.ignored.items():
            if count:
                noun = _one(what) if count == 1 else what
                line += f"; ignored {count:,} {noun}"
        if self.problems:
            count = len(self.problems)
            line += f"; left out {count:,} {'item' if count == 1 else 'items'} it cannot read"
        return line

    def report(self) -> str:
        """The summary, where dates came from, and every item left out with its reason:
        what the CLI prints and `--report FILE` saves."""
        lines = [self.summary()]
        if any(self.date_sources.values()):
            dated = ", ".join(f"{n:,} from {what}" for what, n in self.date_sources.items() if n)
            lines.append(f"Dates: {dated}")
        if self.problems:
            lines.append(f"Left out ({len(self.problems):,}):")
            lines.extend(f"  {item}" for item in self.problems)
        return "\n".join(lines) + "\n"

    @property
    def total_added(self) -> int:
        return sum(self.added.values())


def _one(what: str) -> str:
    """'files without a date' -> 'file without a date'; 'linked folders' -> 'linked folder'."""
    for plural in ("files", "folders"):
        if plural in what:
            return what.replace(plural, plural[:-1], 1)
    return what


_SINGULAR = {
    "entries": "entry",
    "sessions": "session",
    "nights": "night",
    "attachments": "attachment",
    "outputs": "output",
    "files": "file",
    "rows": "row",
    "tables": "table",
    "entries completed": "entry completed",
}


def _counted(counts: Mapping[str, int]) -> str:
    parts = []
    for name, count in counts.items():
        if count or len(counts) == 1:
            noun = _SINGULAR.get(name, name) if count == 1 else name
            parts.append(f"{count:,} {noun}")
    return ", ".join(parts) or "nothing"


def bad_input(where: str, message: str) -> InvalidInput:
    """One line naming the place in the file: 'notes.csv line 4: ...'."""
    return InvalidInput(f"{where}: {message}")


# ---------------------------------------------------------------------- front matter

_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S | re.M)


def split_front_matter(text: str, where: str) -> tuple[dict[str, Any], str]:
    """(front matter, body) of a Markdown file; ({}, text) when it has none.

    The one blank line our own export puts after the closing `---` is not body."""
    match = _FRONT.match(text)
    if match is None:
        return {}, text
    # lazy: yaml loads only when used
    from journal_app.services.transfer.front_matter import load_front_matter

    data = load_front_matter(match.group(1), where)
    body = text[match.end() :]
    if body.startswith("\r\n"):
        body = body[2:]
    elif body.startswith("\n"):
        body = body[1:]
    return data, body


def dump_front_matter(values: Mapping[str, Any]) -> str:
    """YAML front matter between `---` lines; keys in the given order, None left out."""
    # lazy: yaml loads only when used
    import yaml

    kept = {k: v for k, v in values.items() if v is not None}
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml when present
    text = yaml.dump(
        kept,
        Dumper=dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=1000,
    )
    return f"---\n{text}---\n\n"


# ---------------------------------------------------------------------- names and dates

_DAY_IN_NAME = re.compile(r"(?<!\d)(\d{4})[-_.]?(\d{2})[-_.]?(\d{2})(?!\d)")


def day_from_name(name: str) -> dt.date | None:
    """The date in a file name: '2026-03-10.md', '20260310 notes.md', '2026_03_10'."""
    match = _DAY_IN_NAME.search(name)
    if match is None:
        return None
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def parse_day(value: object, where: str) -> dt.date:
    """A date from front matter or a file: date, datetime or ISO text."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            return dt.date.fromisoformat(text[:10])
        except ValueError:
            pass
    raise bad_input(where, f"{shown(value)} is not a date like 2026-03-10")


def slugify(text: str, fallback: str = "entry", limit: int = 60) -> str:
    """A file-name-safe lower-case ASCII slug: 'Self Study Journal #6' -> 'self-study-journal-6'."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    return slug[:limit].rstrip("-") or fallback


def unique_name(stem: str, ext: str, taken: set[str]) -> str:
    """`stem.ext`, or `stem-2.ext`, ... whichever is not in `taken` (which it joins)."""
    name = f"{stem}{ext}"
    n = 2
    while name.casefold() in taken:
        name = f"{stem}-{n}{ext}"
        n += 1
    taken.add(name.casefold())
    return name


def write_text(path: Path, text: str) -> None:
    """UTF-8 with '\\n' line ends on every platform (exports compare byte for byte)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)


def write_bytes(path: Path, data: bytes) -> None:
    """An attachment copied into an export (its bytes already decrypted)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def read_text(path: Path, where: str | None = None) -> str:
    """A UTF-8 text file an import reads (a BOM is dropped): a regular file of at most
    import_files.MAX_TEXT_BYTES; one line naming the file when it is not that."""
    return read_import_text(path, where)
