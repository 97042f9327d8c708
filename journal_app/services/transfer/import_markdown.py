"""`markdown`: a folder of `.md` files, or one file: our own export, an Obsidian vault,
a Logseq graph, Joplin's or Notesnook's Markdown export (#16).

- The date: a date property (`date:`, `created:`, `created_at:`, … in any common form,
  see note_dates), else the first date in the file name (`2020_09_14`, `Sep 14th,
  2020`), else, with `--date-from mtime`, the file's modification time. A time of day
  becomes the entry's created time.
- The title: `title:` (Logseq's `title::` too), else the first `# Heading` (taken out of
  the body), else what the file name holds besides the date.
- Tags: `tags:` and the inline `#tags` (nested `#a/b` too) of other apps' notes.
- `[[Note]]`, `[[Note|alias]]` and `![[Note]]` to another note of the import become
  links to its entry (`[alias](entry:12)`); `![[image.png]]` and relative image links of
  files inside the folder become attachments; callouts become block quotes with their
  title; properties the journal has no field for are kept in a block at the end.
- A note that cannot be read (a template with `{{date}}`, bad YAML, no date) is left out
  and listed with its reason (`--strict`: refused); Logseq's empty pages (`-`) are
  counted and left out.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import urllib.parse
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from journal_app.errors import InvalidInput
from journal_app.services.attachments import MAX_BYTES
from journal_app.services.transfer import note_dates, note_text
from journal_app.services.transfer.bulk import (
    EntryWriter,
    NewEntry,
    backup_before_import,
    check_entry,
    image_name,
    import_transaction,
)
from journal_app.services.transfer.common import (
    ImportResult,
    Progress,
    bad_input,
    no_progress,
    read_text,
    split_front_matter,
)
from journal_app.services.transfer.import_files import FolderScan, read_bytes, shown
from journal_app.services.transfer.skips import ImportOptions, SkipList

if TYPE_CHECKING:
    from journal_app.services.transfer.context import TransferContext

SUFFIXES = (".md", ".markdown")
_IMAGE = re.compile(r"(!\[[^\]\n]*\]\()(<[^>\n]+>|[^)\s]+)((?:\s+\"[^\"\n]*\")?\))")
# Each pattern starts with literal text (`re` then jumps between candidates instead of
# trying every position: several times faster on 10,000 notes, benchmarks/).
_WIKI = re.compile(r"(!\[\[|\[\[)([^\]|#\n]+)(#[^\]|\n]*)?(?:\|([^\]\n]*))?\]\]")
# Front matter keys the journal has a field for (our own export writes these).
_FIELDS = {"title", "tags", "tag", "series", "number", "visibility", "public", "published_url"}
PLACEHOLDERS = "empty pages (Logseq placeholders)"
UNDATED = "files without a date"


def markdown_files(root: Path, scan: FolderScan | None = None) -> list[Path]:
    """Every Markdown file under `root` an import may read, skipping hidden folders
    (.obsidian, .trash); links out of the folder and special files are counted in
    `scan.skipped` (see import_files)."""
    if not root.is_dir():
        raise InvalidInput(f"{root} is not a folder")
    scan = scan or FolderScan(root)
    return scan.files(lambda name: name.lower().endswith(SUFFIXES))


def _tags(value: Any, where: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        if "[[" in value:  # Logseq: `tags:: #topic, [[multi word]]`
            names = re.findall(r"\[\[([^\]]+)\]\]|#?([^,\s\[\]]+)", value)
            return [(a or b).lstrip("#") for a, b in names if (a or b).lstrip("#")]
        return [t.lstrip("#") for t in re.split(r"[,\s]+", value) if t.lstrip("#")]
    if isinstance(value, list) and all(isinstance(t, str | int | float) for t in value):
        return [str(t).lstrip("#") for t in value if str(t).lstrip("#")]
    raise bad_input(where, f"tags: {shown(value)} is not a list of names")


class NoDate(InvalidInput):
    """A note with no date anywhere: listed as left out; with --strict, counted and
    ignored as before (#16), since it is no fault in the file."""


@dataclass
class _Note:
    entry: NewEntry
    source: str  # note_dates.FROM_*
    keys: tuple[str, ...] = ()  # how other notes name it in [[links]]
    linked: bool = False  # its body holds entry:@N links to resolve after writing
    ids: list[int] = field(default_factory=list)


def _getter(meta: dict[str, Any]) -> Callable[[str], Any]:
    """get(key): a property by name, whatever its case (`Title:`, `title:`); the exact
    name first, else the first whose case-folded name is `key`; None when none is."""
    folded: dict[str, Any] = {}
    for k, v in meta.items():
        folded.setdefault(str(k).casefold(), v)

    def get(key: str) -> Any:
        return meta[key] if key in meta else folded.get(key)

    return get


def _moment(
    meta: dict[str, Any], path: Path, where: str, options: ImportOptions, tz: dt.tzinfo
) -> tuple[dt.date, dt.datetime | None, str, str | None]:
    """(day, moment, source, the property used) or InvalidInput saying why not."""
    found = note_dates.date_property(meta)
    if found is not None:
        key, value = found
        try:
            day, moment = note_dates.read_moment(value, tz)
        except InvalidInput as exc:
            raise InvalidInput(f"{where}: {key}: {exc}") from None
        return day, moment, note_dates.FROM_PROPERTY, key
    from_name = note_dates.day_in_name(path.stem)
    if from_name is not None:
        return from_name, None, note_dates.FROM_NAME, None
    if options.date_from == "mtime":
        moment = dt.datetime.fromtimestamp(path.stat().st_mtime, tz)
        return moment.date(), moment, note_dates.FROM_MTIME, None
    raise NoDate(
        f"{where}: no date in its properties or its file name "
        "(--date-from mtime would date it by the file's modification time)"
    )


def read_note(
    path: Path,
    root: Path,
    vault: _Vault | None = None,
    options: ImportOptions | None = None,
    tz: dt.tzinfo = dt.UTC,
) -> _Note | None:
    """The entry a note holds; None for an empty (placeholder) page. InvalidInput names
    the file, the line when known, and the reason it cannot be imported."""
    options = options or ImportOptions()
    where = path.relative_to(root).as_posix()
    meta, body = split_front_matter(read_text(path, where), where)
    ours = "day" in meta  # our own export: its fields are exact, its text is the body
    if not ours:
        page_props, body = note_text.logseq_properties(body)
        for key, value in page_props.items():
            meta.setdefault(key, value)
    if (
        note_text.is_placeholder(body)
        and not ours
        and {str(k).casefold() for k in meta} <= {"title"}
    ):
        return None  # nothing written in it but its name
    day, moment, source, date_key = _moment(meta, path, where, options, tz)
    prop = _getter(meta)  # meta is complete from here on
    title = prop("title")
    named = str(title) if title is not None else ""  # how [[links]] may name it
    if not ours:
        heading = note_text.heading_title(body)
        if heading is not None and (title is None or heading[0] == str(title).strip()):
            title, body = heading
    if title is None or (source == note_dates.FROM_NAME and _is_date_title(title, day)):
        title = _name_title(path.stem) if title is None else ""
    visibility = prop("visibility")
    if visibility is None:
        visibility = "public" if prop("public") is True else "private"
    tags = _tags(prop("tags") if prop("tags") is not None else prop("tag"), where)
    if not ours:
        body = note_text.callouts_as_quotes(body)
        tags += note_text.inline_tags(body)
        kept = {
            k: v
            for k, v in meta.items()
            if str(k).casefold() not in _FIELDS and str(k) != date_key and v not in (None, "")
        }
        body = body.rstrip("\n") + note_text.properties_block(kept) if kept else body
    new = NewEntry(
        where=where,
        day=day,
        title=str(title),
        body=body,
        tags=list(dict.fromkeys(tags)),
        series=None if prop("series") is None else str(prop("series")),
        number=prop("number"),
        visibility=str(visibility),
        published_url=str(prop("published_url") or ""),
        created_at=moment,
    )
    new.body, new.images = _images(new.body, path, vault or _Vault(root), where)
    keys = (path.stem.casefold(), str(title).casefold(), named.casefold())
    return _Note(check_entry(new), source, tuple(k for k in keys if k))


def _name_title(stem: str) -> str:
    """The title a file name gives: what it holds besides a date; Logseq's namespaced
    pages (`algorithms___dynamic programming`, `Encoded%3AColon`) as Logseq shows them."""
    rest = note_dates.name_without_day(stem)
    if "___" in rest or "%" in rest:
        rest = urllib.parse.unquote(rest.replace("___", "/"))
    return rest


def _is_date_title(title: object, day: dt.date) -> bool:
    """Logseq's journals are titled by their date ('Sep 14th, 2020'): not a title."""
    return note_dates.day_in_name(str(title)) == day and not note_dates.name_without_day(str(title))


class _Vault:
    """The import folder's files, for Obsidian's `![[name.png]]` embeds (found by name
    anywhere in the vault, as Obsidian does; indexed on first use)."""

    def __init__(self, root: Path, scan: FolderScan | None = None, *, shallow: bool = False):
        self.root = root
        self.scan = scan or FolderScan(root)
        self.shallow = shallow  # one note imported: its folder may be ~/Downloads, not walked
        self._by_name: dict[str, Path] | None = None

    def find(self, name: str) -> Path | None:
        if self.shallow:
            return self._near(Path(name).name)
        if self._by_name is None:
            self._by_name = {}
            for file in FolderScan(self.root).files():  # its skips are not notes: uncounted
                self._by_name.setdefault(file.name.casefold(), file)
        return self._by_name.get(Path(name).name.casefold())

    def _near(self, name: str) -> Path | None:
        """`name` beside the note or one folder down (attachments/, assets/)."""
        if not name or name.startswith("."):
            return None
        if (self.root / name).is_file():
            return self.root / name
        try:
            folders = sorted(
                entry.name
                for entry in os.scandir(self.root)
                if not entry.name.startswith(".") and entry.is_dir(follow_symlinks=False)
            )
        except OSError:
            return None
        for folder in folders:
            if (self.root / folder / name).is_file():
                return self.root / folder / name
        return None

    def readable(self, file: Path) -> bool:
        """A regular file inside the folder (a link to one inside it counts)."""
        return self.scan.inside(file) and self.scan.refusal(file) is None


_EMBED = re.compile(r"!\[\[([^\]|\n]+?)(?:\|[^\]\n]*)?\]\]")


def _images(
    body: str, path: Path, vault: _Vault, where: str
) -> tuple[str, list[tuple[str, bytes]]]:
    """Relative image links and `![[embeds]]` of files inside the folder become
    `attachment:` links; anything else (web addresses, missing files) stays as written."""
    if "![" not in body:
        return body, []
    images: list[tuple[str, bytes]] = []

    def attach(file: Path | None, label: str) -> str | None:
        if file is None or not vault.readable(file):
            return None
        data = read_bytes(file, MAX_BYTES, f"{where}: the image {label}")
        name = image_name(data)
        if name is not None:
            images.append((name, data))
        return name

    def swap(match: re.Match[str]) -> str:
        target = match.group(2).strip("<>")
        if ":" in target or target.startswith(("/", "#", "\\")):
            return match.group(0)  # a web address, an absolute path, an anchor: kept
        name = attach(path.parent / urllib.parse.unquote(target), target)
        if name is None:
            return match.group(0)
        return f"{match.group(1)}attachment:{name}{match.group(3)}"

    def embed(match: re.Match[str]) -> str:
        target = match.group(1).strip()
        name = attach(vault.find(target), target)
        return match.group(0) if name is None else f"![{Path(target).stem}](attachment:{name})"

    body = _IMAGE.sub(swap, body)
    return _EMBED.sub(embed, body), images


def _link_notes(notes: list[_Note]) -> None:
    """`[[Note]]`, `[[Note|alias]]` and `![[Note]]` naming another note of this import
    become `[alias](entry:@N)`, N its place in `notes` (the id is known after writing)."""
    index: dict[str, int] = {}
    for number, note in enumerate(notes):
        for key in note.keys:
            index.setdefault(key, number)

    def swap(match: re.Match[str]) -> str:
        target = match[2].strip()
        number = index.get(target.casefold())
        if number is None:
            number = index.get(target.replace("/", "___").casefold())
        if number is None:
            return match.group(0)  # not one of the imported notes: kept as written
        label = (match[4] or target).strip().replace("]", "")
        return f"[{label}](entry:@{number})"

    for note in notes:
        if "[[" in note.entry.body:
            if "```" in note.entry.body:  # code (and the properties block) as written
                parts = _FENCE.split(note.entry.body)
                parts[::2] = [_WIKI.sub(swap, part) for part in parts[::2]]
                linked = "".join(parts)
            else:
                linked = _WIKI.sub(swap, note.entry.body)
            note.linked = linked != note.entry.body
            note.entry.body = linked


_FENCE = re.compile(r"(```(?<![^\n]```).*?^```[ \t]*$)", re.S | re.M)  # ``` at a line's start
_PENDING = re.compile(r"\]\(entry:@(\d+)\)")


def import_markdown(
    services: TransferContext,
    root: Path,
    progress: Progress = no_progress,
    options: ImportOptions | None = None,
) -> ImportResult:
    options = options or ImportOptions()
    root = Path(root)
    if root.is_file() and root.name.lower().endswith(SUFFIXES):
        folder = root.parent
        scan = FolderScan(folder)
        files = [root] if scan.admit(root) else []
    else:
        folder = root
        scan = FolderScan(folder)
        files = markdown_files(folder, scan)
    total = len(files)
    skips = SkipList(options.strict)
    notes: list[_Note] = []
    placeholders = undated = 0
    vault = _Vault(folder, scan, shallow=folder is not root)
    tz = services.tz
    for done, path in enumerate(files):  # read and check everything before writing
        if done % 100 == 0:
            progress(done, total * 2, f"reading {path.name}")
        where = path.relative_to(folder).as_posix()
        before = len(skips)
        try:
            note = skips.attempt(where, partial(read_note, path, folder, vault, options, tz))
        except NoDate:  # --strict: ignored and counted, as an import always did
            undated += 1
            continue
        if note is not None:
            notes.append(note)
        elif len(skips) == before:
            placeholders += 1
    _link_notes(notes)
    sources = Counter(note.source for note in notes)
    backup = None if options.preview else backup_before_import(services, "markdown")
    writer = EntryWriter(services, dry_run=options.preview)
    with (
        import_transaction(len(notes), adds_entries=True) if not options.preview else _nothing(),
        services.attachments.batch(),  # one folder fsync before the commit, not one a file
    ):
        ids: list[int | None] = []
        later: list[tuple[int, str]] = []  # (entry id, body) linking to notes after it

        def resolve(match: re.Match[str]) -> str:
            number = int(match[1])
            target = ids[number] if number < len(ids) else None
            return f"](entry:{target})" if target and target > 0 else "](entry:)"

        for done, note in enumerate(notes):
            if done % 100 == 0:
                progress(total + done, total * 2, f"saving {note.entry.where}")
            pending = note.entry.body
            forward = note.linked and any(int(n) >= done for n in _PENDING.findall(pending))
            if note.linked and not options.preview:  # earlier notes have their ids now
                note.entry.body = _PENDING.sub(resolve, pending) if not forward else pending
            new_id = writer.add(note.entry)
            ids.append(new_id if new_id is not None else writer.existing)
            if forward and new_id is not None:
                later.append((new_id, pending))
        for new_id, pending in later:  # links to notes written after them
            writer.set_body(new_id, _PENDING.sub(resolve, pending))
    progress(total * 2, total * 2, "done")
    return ImportResult(
        added={"entries": writer.added, "attachments": writer.images},
        skipped={"entries": writer.skipped},
        backup=backup,
        ignored={PLACEHOLDERS: placeholders, UNDATED: undated, **scan.skipped},
        problems=tuple(skips.items),
        date_sources=dict(sources),
        preview=options.preview,
    )


def _nothing() -> Any:
    return contextlib.nullcontext()
