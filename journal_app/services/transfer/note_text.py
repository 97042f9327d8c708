"""What other note apps write in a note's text, turned into the journal's fields (#16):
the first `# Heading` as the title, inline `#tags` (and nested `#a/b`), Obsidian
callouts as block quotes with their title, Logseq's `key:: value` page properties, and
the properties the journal has no field for, kept as a block at the end of the body.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

_HEADING = re.compile(r"\A(?:[ \t]*\r?\n)*#[ \t]+(.+?)[ \t#]*(?:\r?\n|\Z)")
# The `#` first, then the look back at the character before it: a pattern starting with
# a literal lets `re` jump from one `#` to the next (15x faster on a long note).
_TAG = re.compile(r"#(?<![\w#&/\[\]]#)([^\W\d][\w/-]*)", re.U)
# `>` at a line's start (the look back after the literal: see _TAG).
_CALLOUT = re.compile(r"(>(?<![^\n]>)[ \t]*)\[!([A-Za-z][\w-]*)\][+-]?[ \t]*(.*)$", re.M)
_LOGSEQ_PROPERTY = re.compile(r"([A-Za-z][\w.-]*)::[ \t]*(.*)")
PLACEHOLDER_BODIES = ("", "-")


def heading_title(body: str) -> tuple[str, str] | None:
    """(title, body without it) when the body starts with a `# Heading` line."""
    found = _HEADING.match(body)
    if found is None:
        return None
    return found[1].strip(), body[found.end() :].lstrip("\r\n")


def _outside_code(body: str) -> Iterator[str]:
    """The parts of the body outside fenced and inline code."""
    fenced = False
    for line in body.splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
            continue
        if fenced or line.startswith("    "):
            continue
        yield from line.split("`")[::2]


def inline_tags(body: str) -> list[str]:
    """`#tag` and `#area/topic` in the text (not in code, not `# headings`, not URLs'
    #anchors), in order, once each."""
    if "#" not in body:
        return []
    found: dict[str, None] = {}
    if "`" not in body and "\n    " not in body and "\n\t" not in body:  # no code: at once
        return list(dict.fromkeys(m[1].rstrip("/-") for m in _TAG.finditer(body)))
    for part in _outside_code(body):
        for match in _TAG.finditer(part):
            found.setdefault(match[1].rstrip("/-"), None)
    return list(found)


def callouts_as_quotes(body: str) -> str:
    """`> [!note] Title` becomes `> **Title**` (or `> **Note**`): a block quote that says
    what it is in any Markdown renderer."""
    if "[!" not in body:
        return body
    return _CALLOUT.sub(lambda m: f"{m[1]}**{m[3].strip() or m[2].capitalize()}**", body)


def logseq_properties(body: str) -> tuple[dict[str, str], str]:
    """A Logseq page's leading `key:: value` lines (its page properties) and the rest."""
    if "::" not in body[:4096]:
        return {}, body
    lines = body.splitlines(keepends=True)
    found: dict[str, str] = {}
    taken = 0
    for line in lines:
        match = _LOGSEQ_PROPERTY.fullmatch(line.strip())
        if match is None:
            break
        found[match[1]] = match[2].strip()
        taken += 1
    if not found:
        return {}, body
    return found, "".join(lines[taken:]).lstrip("\r\n")


def is_placeholder(body: str) -> bool:
    """A page with nothing written in it: Logseq writes `-` for an empty page or day."""
    return body.strip() in PLACEHOLDER_BODIES


def properties_block(kept: Mapping[str, Any]) -> str:
    """The properties the journal has no field for, as YAML in a fenced block at the end
    of the body (so nothing a note carried is lost)."""
    if not kept:
        return ""
    # lazy: yaml loads only when used
    import yaml

    text = _plain_lines(kept, yaml)
    if text is not None:
        return f"\n\n```yaml\n# Properties from the imported note\n{text}```\n"
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    text = yaml.dump(
        {str(k): _plain(v) for k, v in kept.items()},
        Dumper=dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=1000,
    )
    return f"\n\n```yaml\n# Properties from the imported note\n{text}```\n"


# A word YAML writes as it is (unquoted) unless it reads as something else (`yes`, `null`).
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_-]{0,79}")
_STR = "tag:yaml.org,2002:str"


def _plain_lines(kept: Mapping[str, Any], yaml: Any) -> str | None:
    """What yaml.dump writes for properties that are all `word: word` (`mood: focused`,
    the common case), without its representer and emitter (~20 µs a note); None when
    any key or value is anything else."""
    resolve = yaml.resolver.Resolver().resolve
    lines = []
    for key, value in kept.items():
        name = str(key)
        if type(value) is not str or not (_WORD.fullmatch(name) and _WORD.fullmatch(value)):
            return None
        for word in (name, value):
            if resolve(yaml.ScalarNode, word, (True, False)) != _STR:
                return None
        lines.append(f"{name}: {value}\n")
    return "".join(lines)


def _plain(value: Any) -> Any:
    """Values YAML can write back: dates as ISO text, odd keys as text."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return value.isoformat() if hasattr(value, "isoformat") else str(value)
