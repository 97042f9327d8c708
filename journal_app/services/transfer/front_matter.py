"""YAML front matter read safely: a safe loader, no aliases, a bounded size.

Aliases (`*name`) are refused rather than expanded: nine nested aliases make a
"billion laughs" value that costs nothing to load but gigabytes to turn into text, and
notes have no need of them. Impossible dates (`day: 2026-02-30`) name their line.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import yaml

from journal_app.errors import InvalidInput
from journal_app.services.transfer.import_files import MAX_FRONT_MATTER_CHARS, size_text

_BASE: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: 10x faster


class _Loader(_BASE):  # type: ignore[misc,valid-type]
    """The safe loader whose timestamps name their line when they are impossible."""


class _ImpossibleDate(Exception):
    def __init__(self, node: yaml.Node, reason: str) -> None:
        super().__init__(reason)
        self.line = node.start_mark.line + 2  # the front matter starts on line 2
        self.text = str(node.value)[:40]


def _timestamp(loader: Any, node: yaml.Node) -> dt.date | dt.datetime:
    try:
        value: dt.date | dt.datetime = yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except (ValueError, OverflowError) as exc:
        raise _ImpossibleDate(node, str(exc)) from None
    return value


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


def load_front_matter(text: str, where: str) -> dict[str, Any]:
    """The front matter between the `---` lines as a dict; one line naming `where`
    (and the line, when known) for anything else."""
    if len(text) > MAX_FRONT_MATTER_CHARS:
        raise InvalidInput(
            f"{where}: the front matter is longer than {size_text(MAX_FRONT_MATTER_CHARS)}"
        )
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is not None and "*" in text:  # an alias is written `*name`
            _refuse_aliases(node, where)
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" line {mark.line + 2}" if mark is not None else ""
        text_line = (
            text.splitlines()[mark.line]
            if mark is not None and mark.line < len(text.splitlines())
            else ""
        )
        reason = plain_yaml_problem(getattr(exc, "problem", None) or "", text_line, text)
        raise InvalidInput(f"{where}{line}: {reason}") from None
    except _ImpossibleDate as exc:
        raise InvalidInput(
            f"{where} line {exc.line}: {exc.text} is not a real date ({exc})"
        ) from None
    except (RecursionError, ValueError, OverflowError) as exc:
        raise InvalidInput(f"{where}: the front matter cannot be read ({exc})") from None
    finally:
        loader.dispose()
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise InvalidInput(f"{where}: the front matter is not a list of 'key: value' lines")
    return data


def _refuse_aliases(root: yaml.Node, where: str) -> None:
    """An alias makes the composer hand out the same node twice: refuse the second."""
    seen: set[int] = set()
    stack: list[Any] = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            line = node.start_mark.line + 2  # where the anchor (&name) is
            raise InvalidInput(
                f"{where} line {line}: the front matter repeats this value with a YAML "
                "alias (*name); write the value out instead"
            )
        seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.extend((key, value))


_PLACEHOLDER = re.compile(r"\{\{[^}\n]*\}\}|<%[^%\n]*%>")


def plain_yaml_problem(problem: str, line: str, text: str) -> str:
    """What PyYAML's complaint means, in words a note-taker can act on."""
    found = _PLACEHOLDER.search(line) or _PLACEHOLDER.search(text)
    if found is not None:
        return (
            f"the front matter holds the template placeholder {found[0]}; this looks like "
            "a template, not a note"
        )
    if "\\t" in problem or "'\\t'" in problem or "\t" in line[: len(line) - len(line.lstrip())]:
        return "the front matter is indented with a tab; YAML needs spaces there"
    if "unhashable" in problem:
        return "the front matter has a '{' or '[' where a value starts; put the value in quotes"
    if "mapping values are not allowed" in problem:
        return "the front matter has a second ':' in a value; put the value in quotes"
    if "expected <block end>" in problem or "did not find expected key" in problem:
        return "the front matter's indentation does not line up"
    if "found character" in problem:
        return f"the front matter has a character YAML cannot start a value with ({problem})"
    return f"the front matter is not valid YAML ({problem or 'unreadable'})"
