"""Split an entry into an X (Twitter) thread.

Posts are at most 280 by X's own count (a link counts 23, most CJK characters and
emoji 2), numbered `k/n` on their last line when there is more than one. A post ends
only between words: never inside a word or a link. Paragraphs start a new post when they
fit in one; a code block goes whole into one post, or, when it cannot fit, is replaced by
a one-line summary ("[code: 40 lines of python — in the full post]"). Markdown markers
(#, **, _, link brackets) are dropped: X shows plain text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

LIMIT = 280
URL_LENGTH = 23  # X shortens every link to this many characters
URL = re.compile(r"https?://\S+", re.IGNORECASE)
_LIGHT_RANGES = ((0, 4351), (8192, 8205), (8208, 8223), (8242, 8247))  # weight 1
# A word longer than this is cut: it is not prose (a hash, a base64 blob, ...).
MAX_WORD = 200


def _char_weight(ch: str) -> int:
    code = ord(ch)
    return 1 if any(lo <= code <= hi for lo, hi in _LIGHT_RANGES) else 2


def weighted_length(text: str) -> int:
    """The length X counts for `text`."""
    total = 0
    last = 0
    for match in URL.finditer(text):
        total += sum(_char_weight(c) for c in text[last : match.start()]) + URL_LENGTH
        last = match.end()
    return total + sum(_char_weight(c) for c in text[last:])


@dataclass(frozen=True)
class _Block:
    lines: list[list[str]]  # words of each line
    code: bool = False


_FENCE = re.compile(r"^\s*(```|~~~)\s*([\w+-]*)")
_IMAGE = re.compile(r"!\[([^\]\n]*)\]\([^)\n]*\)")
_LINK = re.compile(r"\[([^\]\n]+)\]\((\S+?)(?:\s+\"[^\"]*\")?\)")
_EMPHASIS = re.compile(r"(?<!\w)(\*\*|__|~~)(?=\S)(.+?)(?<=\S)\1(?!\w)")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")


def _plain(line: str) -> str:
    line = _HEADING.sub("", line)
    line = _IMAGE.sub("", line)
    line = _LINK.sub(lambda m: m.group(1) if m.group(1) == m.group(2) else f"{m[1]} {m[2]}", line)
    # Emphasis markers go, but never from inside a link ("https://x.org/__init__").
    parts = URL.split(line)
    links = URL.findall(line)
    out = [_EMPHASIS.sub(r"\2", part) for part in parts]
    return "".join(p + (links[i] if i < len(links) else "") for i, p in enumerate(out))


def _blocks(markdown: str, budget: int) -> list[_Block]:
    blocks: list[_Block] = []
    lines = markdown.replace("\r\n", "\n").split("\n")
    paragraph: list[list[str]] = []
    i = 0

    def flush() -> None:
        if paragraph:
            blocks.append(_Block(list(paragraph)))
            paragraph.clear()

    while i < len(lines):
        fence = _FENCE.match(lines[i])
        if fence:
            flush()
            language = fence.group(2)
            end = i + 1
            while end < len(lines) and not lines[end].strip().startswith(fence.group(1)):
                end += 1
            code = "\n".join(lines[i + 1 : end]).strip("\n")
            blocks.append(_code_block(code, language, budget))
            i = end + 1
            continue
        text = _plain(lines[i]).strip()
        if text:
            paragraph.append(text.split())
        else:
            flush()
        i += 1
    flush()
    return blocks


def _code_block(code: str, language: str, budget: int) -> _Block:
    if code and weighted_length(code) <= budget:
        return _Block([[code]], code=True)  # one atom: never split
    count = code.count("\n") + 1 if code else 0
    about = f" of {language}" if language else ""
    summary = f"[code: {count} line{'s' if count != 1 else ''}{about} — in the full post]"
    return _Block([summary.split()])


def _pieces(word: str, budget: int) -> list[str]:
    """A word as it can be posted: whole, or (only when it cannot fit at all) cut."""
    if URL.fullmatch(word) or weighted_length(word) <= min(budget, MAX_WORD):
        return [word]
    pieces, current = [], ""
    for ch in word:
        if weighted_length(current + ch) > min(budget, MAX_WORD):
            pieces.append(current)
            current = ""
        current += ch
    return [*pieces, current] if current else pieces


def _pack(blocks: list[_Block], budget: int) -> list[str]:
    posts: list[str] = []
    current = ""

    def fits(text: str) -> bool:
        return weighted_length(text) <= budget

    for block in blocks:
        whole = "\n".join(" ".join(words) for words in block.lines)
        if current and fits(f"{current}\n\n{whole}"):
            current = f"{current}\n\n{whole}"
            continue
        if fits(whole):
            if current:
                posts.append(current)
            current = whole
            continue
        # Too long for one post: fill word by word, keeping the block's line breaks.
        separator = "\n\n" if current else ""
        for line in block.lines:
            for word in line:
                for piece in _pieces(word, budget):
                    joined = f"{current}{separator}{piece}" if current else piece
                    if fits(joined):
                        current = joined
                    else:
                        done, current = _at_sentence_end(current, piece, budget)
                        posts.append(done)
                    separator = " "
            separator = "\n"
    if current:
        posts.append(current)
    return posts


_SENTENCE_END = re.compile(r"[.!?:;][\"'”’)\]]*(?=\s)")


def _at_sentence_end(full: str, piece: str, budget: int) -> tuple[str, str]:
    """(the post to send, the start of the next): a post that ran out of room ends at
    its last sentence end when that is in its last 40%, so posts read as sentences."""
    ends = [m.end() for m in _SENTENCE_END.finditer(full)]
    if ends and ends[-1] >= 0.6 * len(full):
        rest = full[ends[-1] :].strip()
        carried = f"{rest} {piece}" if rest else piece
        if weighted_length(carried) <= budget:
            return full[: ends[-1]], carried
    return full, piece


def split_thread(markdown: str, limit: int = LIMIT) -> list[str]:
    """The posts of a thread, numbered `k/n` when there are several."""
    blocks = _blocks(markdown, limit)
    single = _pack(blocks, limit)
    if len(single) <= 1:
        return single
    digits = len(str(len(single)))
    while True:
        width = 1 + 2 * digits + 1  # "\n" + "k/n" at its widest
        posts = _pack(_blocks(markdown, limit - width), limit - width)
        if len(str(len(posts))) <= digits:
            total = len(posts)
            return [f"{post}\n{k}/{total}" for k, post in enumerate(posts, 1)]
        digits += 1
