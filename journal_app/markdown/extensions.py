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
from markdown.treeprocessors import InlineProcessor, Treeprocessor

from journal_app.markdown.highlight import highlight_html

TASK_OPEN, TASK_DONE = "☐", "☑"  # QTextBrowser cannot show <input type=checkbox>
_TASK = re.compile(r"\[([ xX])\][ \t]+")
# Every Smarty pattern needs one of these (quotes, -- and ---, ...; angled quotes are off).
_SMARTY_TRIGGER = re.compile(r"['\"]|--|\.\.\.")


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
        # After inline processing (priority 20), so the "[ ]" is plain text by then.
        md.treeprocessors.register(TaskListProcessor(md), "journal_tasks", 5)
        md.treeprocessors.register(BoxProcessor(md), "journal_boxes", 4)


class TaskListProcessor(Treeprocessor):
    """`- [ ] todo` / `- [x] done` → ☐ / ☑ at the start of the item; the list gets class
    "tasks" (no bullets)."""

    def run(self, root: etree.Element) -> None:
        for parent in root.iter():
            if parent.tag not in ("ul", "ol"):
                continue
            for item in parent:
                if item.tag == "li" and _mark_task(item):
                    parent.set("class", "tasks")


def _mark_task(item: etree.Element) -> bool:
    holder = item
    if not (item.text or "").strip() and len(item) and item[0].tag == "p":
        holder = item[0]  # a loose list wraps the text in <p>
    match = _TASK.match(holder.text or "")
    if match is None:
        return False
    done = match.group(1) != " "
    holder.text = f"{TASK_DONE if done else TASK_OPEN} " + (holder.text or "")[match.end() :]
    item.set("class", "task done" if done else "task")
    return True


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
