"""Full-text search over entries (FTS5): ranked hits with highlighted snippets.

Any text a user types becomes a safe query (`parse_query`): words are ANDed, "quoted
phrases" match as phrases, `-word` excludes, and the last word is a prefix so results
follow typing. Every term reaches FTS5 as a quoted string, so no input can be an FTS
syntax error.

The index (schema v2, `entry_fts`) uses the unicode61 tokenizer, which turns a run of
Chinese, Japanese or Thai text into one token and drops emoji. Terms containing such
characters are matched as case-folded substrings of title, body and tags instead.

Speed: hits are ranked (bm25: title 10, body 1, tags 5) in one query with LIMIT; snippets
are computed afterwards for those few rows only. Threads: peewee gives each thread its
own connection (with the app's pragmas) on first use, so the UI may call `search` from a
worker thread; `release_thread_connection` closes that worker's connection.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import threading
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from journal_app.db.models import Entry
from journal_app.errors import InvalidInput

MAX_QUERY_CHARS = 2000  # a pasted novel is not a query: the rest is ignored
MAX_TERMS = 32
MAX_LIMIT = 1000
SNIPPET_TOKENS = 14
BM25_WEIGHTS = (10.0, 1.0, 5.0)  # the index's columns: title, body, tags
ELLIPSIS = "…"

# Scripts written without spaces between words: unicode61 makes a whole run one token.
_SPACELESS = (
    (0x0E00, 0x0EFF),  # Thai, Lao
    (0x0F00, 0x0FFF),  # Tibetan
    (0x1000, 0x109F),  # Myanmar
    (0x1780, 0x17FF),  # Khmer
    (0x1980, 0x1AAF),  # New Tai Lue, Khmer symbols, Buginese, Tai Tham
    (0x1B00, 0x1B7F),  # Balinese
    (0x2E80, 0x2FDF),  # CJK radicals
    (0x3040, 0x31FF),  # Hiragana, Katakana, Bopomofo, ...
    (0x3400, 0x4DBF),  # CJK extension A
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0xA000, 0xA4CF),  # Yi
    (0xA980, 0xAA7F),  # Javanese, Myanmar extensions, Cham
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0xFF66, 0xFF9F),  # half-width Katakana
    (0x20000, 0x3FFFF),  # CJK extensions B and later
)

_PIECE = re.compile(r'(-?)"([^"]*)("?)|(-?)([^\s"]+)')
# Marks a match while a snippet is cleaned as one string: \x02 and \x03 never survive
# cleaning otherwise (control characters become spaces first).
_OPEN, _CLOSE = "\x02", "\x03"
_SPACES = re.compile(r"[\s\x00\x01\x04-\x1f\x7f-\x9f]+")
_CONTROLS = re.compile(r"[\x02\x03]")
# Markdown syntax that only gets in the way of reading a one-line snippet: links and
# images keep their text, emphasis/code/strike marks, heading and quote marks go.
_LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\s\x02\x03]*(?:\s+\"[^\"\n]*\")?\)")
_WIKILINK = re.compile(r"\[\[([^\]\n|]*\|)?([^\]\n]*)\]\]")
_MARKUP = re.compile(
    r"\*\*|__|~~|`+"
    r"|(?:^|(?<=\s))#{1,6}(?=\s)"  # heading marks
    r"|(?:^|(?<=\n))[ \t]*(?:>[ \t]?)+"  # quote marks
    # *emphasis* and _emphasis_, not 2 * 3 or snake_case (a match's marks count as word)
    r"|(?<![\w*\x03])\*(?=[^\s*])|(?<=[^\s*])\*(?![\w*\x02])"
    r"|(?<![\w_\x03])_(?=[^\s_])|(?<=[^\s_])_(?![\w_\x02])",
    re.MULTILINE,
)
_TASK_BOXES = {"[ ]": "☐", "[x]": "☑", "[X]": "☑"}
_TASK_BOX = re.compile(r"\[[ xX]\](?=\s)")


@dataclass(frozen=True)
class SearchHit:
    id: int
    day: dt.date
    title: str
    snippet: str  # plain text around the best match, "…" where cut
    rank: float  # lower is better (bm25)
    # (start, end) character spans in `snippet` of the matched terms, to highlight
    highlights: list[tuple[int, int]] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class SearchResults:
    hits: list[SearchHit]  # the best `limit` matches, best first
    total: int  # how many entries match in all


@dataclass(frozen=True)
class Term:
    text: str  # as typed (cleaned), without quotes or the leading '-'
    exclude: bool = False
    prefix: bool = False  # search-as-you-type: the last word matches word beginnings
    substring: bool = False  # matched by substring, not through the index

    def fts(self) -> str:
        """This term as an FTS5 string: quoted, so nothing in it is FTS syntax."""
        return '"' + self.text.replace('"', '""') + '"' + ("*" if self.prefix else "")


@dataclass(frozen=True)
class ParsedQuery:
    terms: tuple[Term, ...]

    @property
    def indexed(self) -> list[Term]:
        return [t for t in self.terms if not t.substring and not t.exclude]

    @property
    def indexed_excluded(self) -> list[Term]:
        return [t for t in self.terms if not t.substring and t.exclude]

    @property
    def substrings(self) -> list[Term]:
        return [t for t in self.terms if t.substring and not t.exclude]

    @property
    def substrings_excluded(self) -> list[Term]:
        return [t for t in self.terms if t.substring and t.exclude]

    @property
    def searchable(self) -> bool:
        """False when nothing positive is left to look for (blank, only `-words`...)."""
        return bool(self.indexed or self.substrings)

    def match_expression(self) -> str | None:
        """The FTS5 MATCH expression for the indexed terms, None when there are none."""
        positive = " AND ".join(t.fts() for t in self.indexed)
        if not positive:
            return None
        excluded = "".join(f" NOT {t.fts()}" for t in self.indexed_excluded)
        return f"({positive}){excluded}" if excluded else positive


def _is_spaceless(ch: str) -> bool:
    code = ord(ch)
    return any(low <= code <= high for low, high in _SPACELESS)


def _is_token_char(ch: str) -> bool:
    """What unicode61 indexes: letters, numbers and private-use characters."""
    category = unicodedata.category(ch)
    return category[0] in "LN" or category == "Co"


def _clean(text: str) -> str:
    """Control characters (NUL...) become spaces; lone surrogates, which cannot be stored
    or searched, are dropped."""
    text = text[:MAX_QUERY_CHARS]
    if text.isprintable():
        return text
    kept = []
    for ch in text:
        category = unicodedata.category(ch)
        if category == "Cs":
            continue
        kept.append(" " if category == "Cc" else ch)
    return "".join(kept)


def _make_term(text: str, *, exclude: bool, prefix: bool) -> Term | None:
    text = " ".join(text.split())
    if any(_is_spaceless(ch) for ch in text):
        return Term(_strip_punctuation(text), exclude, substring=True)
    if any(_is_token_char(ch) for ch in text):
        return Term(text, exclude, prefix=prefix)
    # Nothing the index keeps: emoji and other symbols are still found as substrings;
    # bare punctuation ("-", "*", "()") is not a search.
    if any(unicodedata.category(ch) == "So" for ch in text):
        return Term(_strip_punctuation(text), exclude, substring=True)
    return None


def _strip_punctuation(text: str) -> str:
    start, end = 0, len(text)
    while start < end and unicodedata.category(text[start])[0] in "PZ":
        start += 1
    while end > start and unicodedata.category(text[end - 1])[0] in "PZ":
        end -= 1
    return text[start:end]


def parse_query(query: str) -> ParsedQuery:
    """Turn any user text into search terms (never raises)."""
    text = _clean(query)
    pieces = list(_PIECE.finditer(text))[:MAX_TERMS]
    typing_last_word = bool(text) and not text[-1].isspace()
    terms: list[Term] = []
    for index, piece in enumerate(pieces):
        if piece.group(2) is not None:  # a "phrase", perhaps still being typed
            exclude, raw, open_phrase = piece.group(1) == "-", piece.group(2), not piece.group(3)
        else:
            exclude, raw, open_phrase = piece.group(4) == "-", piece.group(5), True
        last = index == len(pieces) - 1
        prefix = last and open_phrase and typing_last_word and not exclude
        term = _make_term(raw, exclude=exclude, prefix=prefix)
        if term is not None and term.text and term not in terms:
            terms.append(term)
    return ParsedQuery(tuple(terms))


# --------------------------------------------------------------------------- snippets


def _fold(value: Any) -> Any:
    """Case folding for substring matches (SQLite's lower() only knows ASCII)."""
    return value.casefold() if isinstance(value, str) else value


def _finish(segments: Iterable[tuple[str, bool]]) -> tuple[str, list[tuple[int, int]]]:
    """Join (text, is_match) pieces into one line of plain text: Markdown marks go (links
    keep their text), task boxes become ☐/☑, whitespace and control characters collapse
    to single spaces; returns the text and the matches' spans. Cleaned as one string, so
    a link or an emphasis around a match is recognised as a whole."""
    cleaned = ((_CONTROLS.sub(" ", raw), is_match) for raw, is_match in segments)
    marked = "".join(f"{_OPEN}{text}{_CLOSE}" if is_match else text for text, is_match in cleaned)
    marked = _WIKILINK.sub(lambda m: m.group(2), marked)
    marked = _LINK.sub(lambda m: m.group(1), marked)
    marked = _MARKUP.sub("", marked)
    marked = _TASK_BOX.sub(lambda m: _TASK_BOXES[m.group()], marked)
    marked = _SPACES.sub(" ", marked)
    text = ""
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    for piece in re.split(f"([{_OPEN}{_CLOSE}])", marked):
        if piece == _OPEN:
            opened = len(text)
        elif piece == _CLOSE:
            if opened is not None:
                spans.append((opened, len(text)))
            opened = None
        else:
            if not text or text.endswith(" "):
                piece = piece.lstrip(" ")
            text += piece
    stripped = text.rstrip(" ")
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        while start < end and text[start] == " ":
            start += 1
        end = min(end, len(stripped))
        while end > start and text[end - 1] == " ":
            end -= 1
        if start >= end:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return stripped, merged


def _split_marked(marked: str, start: str, end: str) -> list[tuple[str, bool]]:
    """Undo snippet()'s markers: the (text, is_match) pieces of a marked snippet."""
    segments: list[tuple[str, bool]] = []
    position = 0
    while True:
        opened = marked.find(start, position)
        if opened < 0:
            break
        closed = marked.find(end, opened + len(start))
        if closed < 0:
            break
        segments.append((marked[position:opened], False))
        segments.append((marked[opened + len(start) : closed], True))
        position = closed + len(end)
    segments.append((marked[position:], False))
    return segments


def _occurrences(text: str, needles: Sequence[str]) -> list[tuple[int, int]]:
    """(start, end) in `text` of every case-folded occurrence of the folded `needles`,
    sorted, overlaps merged. Full case folding: "STRASSE" finds "Straße"."""
    folded = text.casefold()
    if not any(needle and needle in folded for needle in needles):
        return []
    origin: list[int] | None = None  # folded index -> text index, when lengths differ
    if len(folded) != len(text):
        origin = [i for i, ch in enumerate(text) for _ in ch.casefold()]
    found: list[tuple[int, int]] = []
    for needle in needles:
        position = folded.find(needle)
        while position >= 0 and needle:
            end = position + len(needle)
            if origin is None:
                found.append((position, end))
            else:
                found.append((origin[position], origin[end - 1] + 1))
            position = folded.find(needle, end)
    merged: list[tuple[int, int]] = []
    for start, end in sorted(found):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _mark_substrings(
    segments: Sequence[tuple[str, bool]], needles: Sequence[str]
) -> list[tuple[str, bool]]:
    """Split unmarked pieces further where a substring term occurs in them."""
    if not needles:
        return list(segments)
    result: list[tuple[str, bool]] = []
    for text, is_match in segments:
        if is_match:
            result.append((text, True))
            continue
        position = 0
        for start, end in _occurrences(text, needles):
            result.append((text[position:start], False))
            result.append((text[start:end], True))
            position = end
        result.append((text[position:], False))
    return result


def _first_occurrence(body: str, needles: Sequence[str]) -> int:
    """Where the first match starts (0 when none), in chunks: a 10 MB entry costs no
    10-million-item list."""
    step = 1 << 16
    overlap = max((len(n) for n in needles), default=0)  # a match is never longer folded
    for offset in range(0, len(body), step):
        spans = _occurrences(body[offset : offset + step + overlap], needles)
        if spans:
            return offset + spans[0][0]
    return 0


def _window(body: str, needles: Sequence[str]) -> list[tuple[str, bool]]:
    """A snippet around the first substring match in `body` (its start when none)."""
    first = _first_occurrence(body, needles)
    start = max(0, first - 30)
    end = min(len(body), start + 100)
    if start > 0:  # begin at a word boundary when one is near
        space = body.find(" ", start, first)
        start = space + 1 if 0 <= space < start + 15 else start
    if end < len(body):
        space = body.rfind(" ", end - 15, end)
        end = space if space > first else end
    segments = _mark_substrings([(body[start:end], False)], needles)
    if start > 0:
        segments.insert(0, (ELLIPSIS, False))
    if end < len(body):
        segments.append((ELLIPSIS, False))
    return segments


def _markers() -> tuple[str, str]:
    """Random private-use marker strings for snippet(): text in an entry cannot forge
    them, so stripping them never eats the user's own private-use characters."""
    while True:
        start, end = ("".join(chr(0xE000 + b) for b in os.urandom(6)) for _ in range(2))
        if start != end:
            return start, end


# --------------------------------------------------------------------------- queries

_TAGGED_LIKE = "SELECT et.entry_id FROM entry_tag et JOIN tag t ON t.id = et.tag_id WHERE {} > 0"


def _contains(column: str, term: Term) -> tuple[str, str]:
    """SQL that is > 0 when `column` contains the term, and its parameter. Only terms with
    upper/lower case pay for case folding (Chinese, Japanese and Thai have none)."""
    if term.text.casefold() == term.text and term.text.upper() == term.text:
        return f"instr({column}, ?)", term.text
    return f"instr(journal_fold({column}), ?)", term.text.casefold()


def _in_title(term: Term) -> tuple[str, list[Any]]:
    sql, value = _contains("e.title", term)
    return f"{sql} > 0", [value]


def _in_body(term: Term) -> tuple[str, list[Any]]:
    sql, value = _contains("e.body", term)
    return f"{sql} > 0", [value]


def _in_tags(term: Term) -> tuple[str, list[Any]]:
    # The tags matching the term are found once, not once per entry.
    sql, value = _contains("t.name", term)
    return f"e.id IN ({_TAGGED_LIKE.format(sql)})", [value]


def _anywhere(term: Term) -> tuple[str, list[Any]]:
    parts = [_in_title(term), _in_body(term), _in_tags(term)]
    return "(" + " OR ".join(sql for sql, _ in parts) + ")", [p for _, ps in parts for p in ps]


def _placeholders(values: Sequence[object]) -> str:
    return ",".join("?" * len(values))


@dataclass(frozen=True)
class _Filters:
    tag: str | None
    date_from: dt.date | None
    date_to: dt.date | None

    def for_index(self, parsed: ParsedQuery) -> tuple[list[str], list[Any]]:
        """Conditions on `entry_fts.rowid` for the ranking query. Sets of ids rather than
        a join: checking 100,000 entry rows costs more than ranking them. The `+` keeps
        SQLite from seeking the index once per id (each seek re-runs the MATCH)."""
        where = ["+entry_fts.rowid NOT IN (SELECT id FROM entry WHERE deleted_at IS NOT NULL)"]
        params: list[Any] = []
        days, day_params = self._days("day")
        if days:
            where.append(f"+entry_fts.rowid IN (SELECT id FROM entry WHERE {days})")
            params += day_params
        if self.tag is not None:
            where.append(f"+entry_fts.rowid IN ({_TAGGED})")
            params.append(self.tag)
        texts, text_params = _substring_conditions(parsed)
        if texts:
            where.append(
                "EXISTS (SELECT 1 FROM entry e WHERE e.id = entry_fts.rowid AND "
                f"{' AND '.join(texts)})"
            )
            params += text_params
        return where, params

    def for_entries(self, parsed: ParsedQuery) -> tuple[list[str], list[Any]]:
        """Conditions on `entry e` when no term goes through the index."""
        where = ["e.deleted_at IS NULL"]
        days, params = self._days("e.day")
        if days:
            where.append(days)
        if self.tag is not None:
            where.append(f"e.id IN ({_TAGGED})")
            params.append(self.tag)
        texts, text_params = _substring_conditions(parsed)
        where += texts
        params += text_params
        for term in parsed.indexed_excluded:
            where.append("e.id NOT IN (SELECT rowid FROM entry_fts WHERE entry_fts MATCH ?)")
            params.append(term.fts())
        return where, params

    def _days(self, column: str) -> tuple[str, list[Any]]:
        parts, params = [], []
        if self.date_from is not None:
            parts.append(f"{column} >= ?")
            params.append(self.date_from.isoformat())
        if self.date_to is not None:
            parts.append(f"{column} <= ?")
            params.append(self.date_to.isoformat())
        return " AND ".join(parts), params


_TAGGED = "SELECT et.entry_id FROM entry_tag et JOIN tag t ON t.id = et.tag_id WHERE t.name = ?"


def _substring_conditions(parsed: ParsedQuery) -> tuple[list[str], list[Any]]:
    where, params = [], []
    for term in parsed.substrings + parsed.substrings_excluded:
        sql, values = _anywhere(term)
        where.append(f"NOT {sql}" if term.exclude else sql)
        params += values
    return where, params


class SearchService:
    def search(
        self,
        query: str,
        *,
        limit: int = 50,
        tag: str | None = None,
        date_from: dt.date | None = None,
        date_to: dt.date | None = None,
    ) -> list[SearchHit]:
        return self.find(query, limit=limit, tag=tag, date_from=date_from, date_to=date_to).hits

    def find(
        self,
        query: str,
        *,
        limit: int = 50,
        tag: str | None = None,
        date_from: dt.date | None = None,
        date_to: dt.date | None = None,
    ) -> SearchResults:
        """The best `limit` hits and the number of all matching entries."""
        if not 1 <= limit <= MAX_LIMIT:
            raise InvalidInput(f"the number of results must be between 1 and {MAX_LIMIT}")
        if date_from is not None and date_to is not None and date_from > date_to:
            raise InvalidInput(
                f"the start date {date_from.isoformat()} is after the end date "
                f"{date_to.isoformat()}"
            )
        parsed = parse_query(query)
        if not parsed.searchable:
            return SearchResults([], 0)
        db = Entry._meta.database
        if parsed.substrings or parsed.substrings_excluded:
            # Per connection: a worker thread's connection is new to this function.
            db.connection().create_function("journal_fold", 1, _fold, deterministic=True)
        tag_name = (tag or "").strip().lstrip("#").strip() or None  # "" means any tag
        filters = _Filters(tag_name, date_from, date_to)

        match = parsed.match_expression()
        if match is not None:
            ranked = self._ranked_by_index(match, *filters.for_index(parsed), limit)
        else:
            ranked = self._ranked_by_substring(parsed, *filters.for_entries(parsed), limit)
        if not ranked:
            return SearchResults([], 0)
        total = ranked[0][2]
        ids = [entry_id for entry_id, _score, _total in ranked]
        body = "" if match is not None else ", body"
        entries = {
            row[0]: row[1:]
            for row in db.execute_sql(
                f"SELECT id, day, title{body} FROM entry WHERE id IN ({_placeholders(ids)})",
                ids,
            ).fetchall()
        }
        needles = [t.text.casefold() for t in parsed.substrings]
        if match is not None:
            snippets = self._index_snippets(match, ids, needles)
        else:
            snippets = {i: _finish(_window(entries[i][2] or "", needles)) for i in ids}
        tags = self._tags(ids)
        hits = []
        for entry_id, score, _total in ranked:
            day, title = entries[entry_id][:2]
            snippet, spans = snippets.get(entry_id, ("", []))
            hits.append(
                SearchHit(
                    id=entry_id,
                    day=day if isinstance(day, dt.date) else dt.date.fromisoformat(day),
                    title=title,
                    snippet=snippet,
                    rank=float(score),
                    highlights=spans,
                    tags=tags.get(entry_id, []),
                )
            )
        return SearchResults(hits, total)

    def release_thread_connection(self) -> None:
        """Close the calling worker thread's connection (call it on that thread before the
        worker ends). The main thread's connection belongs to Services and stays open."""
        if threading.current_thread() is threading.main_thread():
            return
        db = Entry._meta.database
        # A worker may end after the journal was closed (quit, or a test's teardown):
        # the proxy is then empty, and there is nothing left to release.
        if getattr(db, "obj", db) is not None and not db.is_closed():
            db.close()

    # ------------------------------------------------------------------ helpers

    @staticmethod
    def _ranked_by_index(
        match: str, where: list[str], params: list[Any], limit: int
    ) -> list[tuple[int, float, int]]:
        # Ranking every match is cheap (no text is read); snippets come later, for the
        # `limit` rows shown only. Ties: the newest entry first. Each row carries the
        # number of all matches (counted before LIMIT; bm25 cannot share a SELECT with a
        # window function, hence the subquery).
        weights = ", ".join(str(w) for w in BM25_WEIGHTS)
        sql = (
            "SELECT id, score, count(*) OVER () FROM ("
            f"SELECT entry_fts.rowid AS id, bm25(entry_fts, {weights}) AS score FROM entry_fts "
            f"WHERE entry_fts MATCH ? AND {' AND '.join(where)}"
            ") ORDER BY score, id DESC LIMIT ?"
        )
        cursor = Entry._meta.database.execute_sql(sql, [match, *params, limit])
        return list(cursor.fetchall())

    @staticmethod
    def _ranked_by_substring(
        parsed: ParsedQuery, where: list[str], params: list[Any], limit: int
    ) -> list[tuple[int, float, int]]:
        # No index to rank with: a hit in the title counts most, then tags, then body.
        score_parts: list[str] = []
        score_params: list[Any] = []
        for term in parsed.substrings:
            for where_in, weight in ((_in_title, 10), (_in_tags, 5), (_in_body, 1)):
                sql, values = where_in(term)
                score_parts.append(f"({sql}) * {weight}")
                score_params += values
        sql = (
            f"SELECT e.id, -({' + '.join(score_parts)}) AS score, count(*) OVER () "
            f"FROM entry e WHERE {' AND '.join(where)} "
            "ORDER BY score, e.day DESC, e.id DESC LIMIT ?"
        )
        cursor = Entry._meta.database.execute_sql(sql, [*score_params, *params, limit])
        return list(cursor.fetchall())

    @staticmethod
    def _index_snippets(
        match: str, ids: list[int], needles: Sequence[str]
    ) -> dict[int, tuple[str, list[tuple[int, int]]]]:
        # `+rowid`: one pass over the matches, not one MATCH per id (seconds for "t*").
        start, end = _markers()
        sql = (
            f"SELECT rowid, snippet(entry_fts, 1, ?, ?, ?, {SNIPPET_TOKENS}) FROM entry_fts "
            f"WHERE entry_fts MATCH ? AND +rowid IN ({_placeholders(ids)})"
        )
        cursor = Entry._meta.database.execute_sql(sql, [start, end, ELLIPSIS, match, *ids])
        return {
            entry_id: _finish(_mark_substrings(_split_marked(marked or "", start, end), needles))
            for entry_id, marked in cursor.fetchall()
        }

    @staticmethod
    def _tags(ids: list[int]) -> dict[int, list[str]]:
        sql = (
            "SELECT et.entry_id, t.name FROM entry_tag et JOIN tag t ON t.id = et.tag_id "
            f"WHERE et.entry_id IN ({_placeholders(ids)}) ORDER BY t.name"
        )
        tags: dict[int, list[str]] = {}
        for entry_id, name in Entry._meta.database.execute_sql(sql, ids).fetchall():
            tags.setdefault(entry_id, []).append(name)
        return tags
