"""Our Markdown dialect: python-markdown + pymdown-extensions, a fence formatter
(highlight.py) and two tree processors that shape the HTML for QTextDocument, which has
no <input> and pads only table cells.
"""

from __future__ import annotations

import re
from typing import Any
from xml.etree import ElementTree as etree

from markdown import Extension, Markdown
from markdown.extensions.smarty import SmartyExtension
from markdown.inlinepatterns import InlineProcessor as PatternProcessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import InlineProcessor, Treeprocessor

from journal_app import wikilinks
from journal_app.markdown.highlight import highlight_html

TASK_OPEN, TASK_DONE = "☐", "☑"  # QTextBrowser cannot show <input type=checkbox>
_TASK = re.compile(r"\[([ xX])\][ \t]+")
# Every Smarty pattern needs one of these (quotes, -- and ---, ...; angled quotes are off).
_SMARTY_TRIGGER = re.compile(r"['\"]|--|\.\.\.")
# A source line that renders as a task item (in a list, perhaps quoted or nested).
TASK_LINE = re.compile(r"[ \t>]*(?:[-*+]|\d{1,9}[.)])[ \t]+\[[ xX]\][ \t]+\S")
_FENCE = re.compile(r"[ \t>]*(`{3,}|~{3,})")


def _fence(source: str, language: str, class_name: str, options: Any, md: Any, **kwargs: Any):
    """pymdownx.superfences formatter for every fence (name "*")."""
    return highlight_html(source, language)


def extensions() -> list[Extension]:
    """Imported by name, not looked up from strings, so a frozen build bundles them."""
    # lazy: markdown loads only when used
    from markdown.extensions.abbr import AbbrExtension

    # lazy: markdown loads only when used
    from markdown.extensions.def_list import DefListExtension

    # lazy: markdown loads only when used
    from markdown.extensions.footnotes import FootnoteExtension

    # lazy: markdown loads only when used
    from markdown.extensions.sane_lists import SaneListExtension

    # lazy: markdown loads only when used
    from markdown.extensions.tables import TableExtension

    # lazy: markdown loads only when used
    from markdown.extensions.toc import TocExtension, slugify_unicode

    # lazy: pymdownx loads only when used
    from pymdownx import highlight  # noqa: F401 - superfences loads it by name

    # lazy: pymdownx loads only when used
    from pymdownx.magiclink import MagiclinkExtension

    # lazy: pymdownx loads only when used
    from pymdownx.superfences import SuperFencesCodeExtension

    # lazy: pymdownx loads only when used
    from pymdownx.tilde import DeleteSubExtension

    return [
        TableExtension(use_align_attribute=True),  # align="…", not a style attribute
        FootnoteExtension(),
        DefListExtension(),
        AbbrExtension(),
        TocExtension(slugify=slugify_unicode),  # ids for headings in any script
        SaneListExtension(),
        QuickSmartyExtension(),
        # Fences inside lists and quotes, too; every fence goes through _fence.
        SuperFencesCodeExtension(custom_fences=[{"name": "*", "class": "code", "format": _fence}]),
        DeleteSubExtension(subscript=False),  # "~5 h … ~10 h" is not a subscript
        MagiclinkExtension(),
        JournalExtension(),
    ]


def new_markdown() -> Markdown:
    return Markdown(extensions=extensions(), output_format="html")


class _SmartyOnlyWhereItCan(InlineProcessor):
    """Smarty's pass over the text, skipping text none of its patterns can match: it
    tries each of ~15 patterns on every piece of text, 40 % of rendering a 2,000-word
    entry, and most sentences hold no quote, dash or ellipsis."""

    def _InlineProcessor__handleInline(self, data: str, patternIndex: int = 0) -> str:
        if _SMARTY_TRIGGER.search(data) is None:
            return data  # what the patterns would return: none of them matches
        handle = super()._InlineProcessor__handleInline  # type: ignore[misc]
        return str(handle(data, patternIndex))


class QuickSmartyExtension(SmartyExtension):
    """SmartyExtension with the same output, faster (see _SmartyOnlyWhereItCan)."""

    def extendMarkdown(self, md: Markdown) -> None:
        super().extendMarkdown(md)
        smarty = md.treeprocessors["smarty"]
        # Only where python-markdown still has the method this relies on; else as is.
        if type(smarty) is InlineProcessor and hasattr(
            InlineProcessor, "_InlineProcessor__handleInline"
        ):
            smarty.__class__ = _SmartyOnlyWhereItCan


class JournalExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # lazy: markdown loads only when used (fences imports pymdownx)
        from journal_app.markdown import fences

        fences.install(md)  # registered after superfences: extensions() lists it later
        # Before normalize_whitespace (30) and the fences (25): the lines as typed.
        md.preprocessors.register(TaskLineRecorder(md), "journal_task_lines", 35)
        # After code spans (190) and escapes (180), before links (160).
        md.inlinePatterns.register(WikiLinkProcessor(md), "journal_wikilinks", 175)
        # After inline processing (priority 20), so the "[ ]" is plain text by then.
        md.treeprocessors.register(TaskListProcessor(md), "journal_tasks", 5)
        md.treeprocessors.register(BoxProcessor(md), "journal_boxes", 4)


def set_document_options(
    md: Markdown, links: wikilinks.LinkResolver | None, task_links: bool
) -> None:
    """What the next `md.convert` does with [[links]] and task boxes (see render.py)."""
    md.journal_links = links  # type: ignore[attr-defined]
    md.journal_task_links = task_links  # type: ignore[attr-defined]
    md.journal_task_lines = []  # type: ignore[attr-defined]


class WikiLinkProcessor(PatternProcessor):
    """`[[Title]]`, `[[Title|shown]]`, `[[#42]]` → `<a href="entry:ID">`, or, when no
    entry answers, `<a class="missing" href="newentry:Title">`. Without a resolver
    (exports) the text stays as written."""

    def __init__(self, md: Markdown) -> None:
        super().__init__(wikilinks.WIKILINK.pattern, md)

    def handleMatch(  # type: ignore[override]
        self, m: re.Match[str], data: str
    ) -> tuple[etree.Element | None, int | None, int | None]:
        resolve = getattr(self.md, "journal_links", None)
        target = m.group(1).strip()
        if resolve is None or not target:
            return None, None, None
        shown = (m.group(2) or "").strip() or target
        anchor = etree.Element("a")
        anchor.text = shown
        entry_id = resolve(target)
        if entry_id is not None:
            anchor.set("href", f"entry:{int(entry_id)}")
            anchor.set("class", "wikilink")
        elif wikilinks.SERIES_NUMBER.fullmatch(target):
            anchor.tag = "span"  # a number names no entry that could be created
            anchor.set("class", "missing")
        else:
            anchor.set("href", wikilinks.new_entry_url(target))
            anchor.set("class", "missing")
        return anchor, m.start(0), m.end(0)


class TaskLineRecorder(Preprocessor):
    """Notes the source line of each task item, outside fenced code, so the preview's
    task boxes can say which line they tick (`task:<line>`)."""

    def run(self, lines: list[str]) -> list[str]:
        if not getattr(self.md, "journal_task_links", False):
            return lines
        found: list[int] = []
        fence = ""
        for number, line in enumerate(lines):
            opening = _FENCE.match(line)
            if fence:
                if (
                    opening
                    and opening.group(1)[0] == fence[0]
                    and len(opening.group(1)) >= len(fence)
                ):
                    fence = ""
            elif opening:
                fence = opening.group(1)
            elif TASK_LINE.match(line):
                found.append(number)
        self.md.journal_task_lines = found  # type: ignore[attr-defined]
        return lines


class TaskListProcessor(Treeprocessor):
    """`- [ ] todo` / `- [x] done` → ☐ / ☑ at the start of the item; the list gets class
    "tasks" (no bullets). In the preview each box is a `task:<line>` link, when the tasks
    found agree in number with the task lines the recorder saw (else plain glyphs)."""

    def run(self, root: etree.Element) -> None:
        items: list[etree.Element] = []
        for parent in root.iter():
            if parent.tag not in ("ul", "ol"):
                continue
            for item in parent:
                if item.tag == "li" and _mark_task(item):
                    parent.set("class", "tasks")
                    items.append(item)
        lines = getattr(self.md, "journal_task_lines", [])
        if getattr(self.md, "journal_task_links", False) and len(lines) == len(items):
            # In the order they appear (a nested list's items come between its parent's).
            position = {id(element): i for i, element in enumerate(root.iter())}
            items.sort(key=lambda element: position[id(element)])
            for item, line in zip(items, lines, strict=True):
                _link_box(item, line)


def _holder(item: etree.Element) -> etree.Element:
    if not (item.text or "").strip() and len(item) and item[0].tag == "p":
        return item[0]  # a loose list wraps the text in <p>
    return item


def _mark_task(item: etree.Element) -> bool:
    holder = _holder(item)
    match = _TASK.match(holder.text or "")
    if match is None:
        return False
    done = match.group(1) != " "
    holder.text = f"{TASK_DONE if done else TASK_OPEN} " + (holder.text or "")[match.end() :]
    item.set("class", "task done" if done else "task")
    return True


def _link_box(item: etree.Element, line: int) -> None:
    """Turn the item's leading glyph into `<a class="taskbox" href="task:LINE">☐</a>`."""
    holder = _holder(item)
    text = holder.text or ""
    box = etree.Element("a", {"href": f"{wikilinks.TASK_SCHEME}:{line}", "class": "taskbox"})
    box.text, box.tail = text[:1], text[1:]
    holder.text = None
    holder.insert(0, box)


class BoxProcessor(Treeprocessor):
    """Outermost blockquotes, the table of contents and indented code blocks become
    one-cell tables, which QTextDocument can pad and draw a rule or a background around.
    Inner quotes stay blockquotes (indented): nested tables cost Qt exponential layout
    time. (Fenced code comes boxed from highlight.py.)"""

    def run(self, root: etree.Element) -> None:
        self._box(root)

    def _box(self, parent: etree.Element) -> None:
        for child in parent:
            if child.tag == "blockquote":
                _into_box(child, "quote", list(child), child.text)
            elif child.tag == "div" and child.get("class") == "toc":
                _into_box(child, "toc", list(child), child.text)
            elif child.tag == "pre" and len(child) == 1 and child[0].tag == "code":
                pre = etree.Element("pre", {"class": "code"})
                code = child[0].text or ""
                # Still an AtomicString: escaped on output, never parsed as Markdown.
                pre.text = type(code)(code.rstrip("\n"))
                _into_box(child, "code", [pre], None)
            else:
                self._box(child)


def _into_box(
    element: etree.Element, css_class: str, content: list[etree.Element], text: str | None
) -> None:
    """Turn `element` into `<table class=… width=100%><tr><td>text content</td>…`."""
    for child in list(element):
        element.remove(child)
    element.attrib.clear()
    element.tag, element.text = "table", None
    element.set("class", css_class)
    element.set("width", "100%")
    cell = etree.SubElement(etree.SubElement(element, "tr"), "td")
    cell.text = text
    cell.extend(content)
