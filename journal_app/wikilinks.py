"""`[[Title]]`, `[[Title|shown text]]` and `[[#42]]`: links between entries as written.

Plain regular expressions, no Markdown library: the renderer, the entries service
(backlinks, renaming) and the editor (completion) share them. Who a link points to is
not decided here: the renderer asks a `LinkResolver` (the preview builds one from the
entries service's title lookup), so this package stays free of Qt and of the database.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote, unquote

# A target holds no brackets, bar or line break; `![[...]]` is an embed, not a link.
WIKILINK = re.compile(r"(?<!!)\[\[([^\[\]|\n]+)(?:\|([^\[\]\n]*))?\]\]")
SERIES_NUMBER = re.compile(r"#(\d{1,9})")
ENTRY_LINK = re.compile(r"\]\(entry:(\d{1,18})\)")  # `[text](entry:12)`, as imports write
NEW_ENTRY_SCHEME = "newentry"  # a link to a missing entry: `newentry:<title, %-encoded>`
TASK_SCHEME = "task"  # a task box in the preview: `task:<line, from 0>`
MAX_TITLE_CHARS = 500

# `target` as written ("Title" or "#42") → the entry's id, or None when there is none.
LinkResolver = Callable[[str], "int | None"]

_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class WikiLink:
    start: int
    end: int
    target: str  # stripped: "Chain rule", "#42"
    shown: str  # the text shown: the part after "|", else the target

    @property
    def number(self) -> int | None:
        """42 for `[[#42]]`, else None."""
        match = SERIES_NUMBER.fullmatch(self.target)
        return int(match.group(1)) if match else None


def title_key(title: str) -> str:
    """How titles compare: case-folded, runs of white space as one space, trimmed."""
    return " ".join(title.split()).casefold()


def linkable(title: str) -> bool:
    """Can `[[title]]` be written? (Not with brackets, a bar or a line break in it.)"""
    return bool(title.strip()) and not set("[]|\n") & set(title)


def find_links(text: str) -> list[WikiLink]:
    """Every `[[…]]` link in `text`, in order (empty targets are not links)."""
    found = []
    for match in WIKILINK.finditer(text):
        target = match.group(1).strip()
        if not target:
            continue
        shown = (match.group(2) or "").strip() or target
        found.append(WikiLink(match.start(), match.end(), target, shown))
    return found


def new_entry_url(title: str) -> str:
    return f"{NEW_ENTRY_SCHEME}:{quote(title[:MAX_TITLE_CHARS], safe='')}"


def title_from_new_entry_url(url: str) -> str | None:
    """The title in a `newentry:` URL, or None when `url` is not one."""
    prefix = NEW_ENTRY_SCHEME + ":"
    if not url.lower().startswith(prefix):
        return None
    title = unquote(url[len(prefix) :]).strip()
    return title[:MAX_TITLE_CHARS] or None


def retarget(text: str, old_title: str, new_title: str) -> tuple[str, int]:
    """`text` with its `[[old_title]]` / `[[old_title|shown]]` links pointing at
    `new_title` (shown text kept), and how many changed."""
    key = title_key(old_title)
    parts: list[str] = []
    last = changed = 0
    for link in find_links(text):
        if title_key(link.target) != key:
            continue
        match = WIKILINK.match(text, link.start)
        assert match is not None
        alias = match.group(2)
        parts.append(text[last : link.start])
        parts.append(f"[[{new_title}|{alias}]]" if alias is not None else f"[[{new_title}]]")
        last = link.end
        changed += 1
    parts.append(text[last:])
    return "".join(parts), changed


def sentence_around(text: str, start: int, end: int, limit: int = 200) -> str:
    """The sentence holding text[start:end], links shown as their text, on one line."""
    left = max(text.rfind("\n", 0, start), *(text.rfind(m, 0, start) for m in (". ", "! ", "? ")))
    left = 0 if left < 0 else left + 1
    stops = [i for i in (text.find(m, end) for m in ("\n", ". ", "! ", "? ")) if i >= 0]
    right = min(stops) + 1 if stops else len(text)
    sentence = text[left:right].strip()
    sentence = WIKILINK.sub(lambda m: (m.group(2) or m.group(1)).strip(), sentence)
    sentence = re.sub(r"\[([^\]]*)\]\(entry:\d*\)", r"\1", sentence)
    sentence = _SPACES.sub(" ", sentence).strip(" #>-*\t")
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rstrip() + "…"
