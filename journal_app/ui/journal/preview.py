"""The entry preview: Markdown rendered off the UI thread into a locked-down QTextBrowser.

- Re-rendering is throttled (first edit at once, then at most every ~150 ms, slower for
  entries that take long to show) and converts in a worker thread; results carry a
  sequence number and a stale one is dropped. Only ``setHtml`` runs on the UI thread.
- The document loads nothing but ``attachment:`` images, through the resolver the
  journal gives it: no network, no file outside the attachments folder, no stylesheet.
- A link click scrolls to an in-document ``#anchor``, or opens an http/https/mailto URL
  in the browser after the user confirms; a link to an entry (``entry:12``, or a
  ``[[Title]]`` resolved through the resolver the editor passes in), to a missing one
  (``newentry:Title``) or a task box (``task:<line>``) is handed to the editor as a
  signal; any other scheme does nothing.
- The look follows the application palette (light or dark style sheet).
"""

from __future__ import annotations

import contextlib
import logging
import math
import time
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from functools import lru_cache, partial
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QEvent,
    QObject,
    QSize,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import (
    QDesktopServices,
    QFont,
    QImage,
    QImageReader,
    QPalette,
    QResizeEvent,
    QTextDocument,
)
from PySide6.QtWidgets import QTextBrowser, QWidget

from journal_app.fsutil import read_regular_file
from journal_app.resources_path import resource_path
from journal_app.ui.throttle import Throttle
from journal_app.ui.widgets.links import confirm_link  # patched here by tests
from journal_app.wikilinks import LinkResolver, title_from_new_entry_url

log = logging.getLogger(__name__)

THROTTLE_MS = 150
MAX_THROTTLE_MS = 2000  # a slow entry re-renders less often, so typing stays smooth
COST_FACTOR = 4  # ...at most ~1/4 of the time goes to rendering it
DOCUMENT_MARGIN = 16
MIN_POINT_SIZE = 10.5
INDENT_WIDTH = 24  # per list level (Qt's default of 40 px makes nested lists drift)
MAX_IMAGE_BYTES = 25 * 1024 * 1024  # what the attachments service accepts
MAX_IMAGE_PIXELS = 40_000_000  # a small file can still decode to gigabytes
IMAGE_CACHE_SIZE = 32
MIN_IMAGE_WIDTH = 240
REFIT_DELAY_MS = 150
EXTERNAL_SCHEMES = frozenset({"http", "https", "mailto"})
ATTACHMENT_SCHEME = "attachment"
ENTRY_SCHEME = "entry"
NEW_ENTRY_SCHEME = "newentry"
TASK_SCHEME = "task"

Converter = Callable[[str], str]
# An attachment's file, or its bytes (an encrypted journal's images are decrypted).
Resolver = Callable[[str], "Path | bytes | None"]


# ------------------------------------------------------------------ patchable policy hooks


def open_link(url: QUrl) -> None:
    """Hand a confirmed URL to the system (tests patch this)."""
    QDesktopServices.openUrl(url)


def link_target(url: QUrl) -> tuple[str, str] | None:
    """("anchor", name) for an in-document link, ("external", url) for http, https and
    mailto, ("entry", id) for a link to another entry (`entry:12`), ("new", title) for a
    [[link]] to an entry not written yet, ("task", line) for a task box, None for
    everything else (javascript:, data:, file:, attachment:, relative)."""
    if not url.isValid():
        return None
    scheme = url.scheme().lower()
    if scheme == ENTRY_SCHEME and url.path().isdigit():
        return "entry", url.path()
    if scheme == TASK_SCHEME and url.path().isdigit():
        return "task", url.path()
    if scheme == NEW_ENTRY_SCHEME:
        title = title_from_new_entry_url(url.toString(QUrl.ComponentFormattingOption.FullyEncoded))
        return ("new", title) if title else None
    if not scheme and not url.path() and not url.host() and url.hasFragment():
        return "anchor", url.fragment(QUrl.ComponentFormattingOption.FullyDecoded)
    if scheme in EXTERNAL_SCHEMES and (url.host() or scheme == "mailto"):
        return "external", url.toString()
    return None


# ------------------------------------------------------------------------ style sheets


def _read_css(name: str) -> str:
    try:
        return resource_path("preview", name).read_text(encoding="utf-8")
    except OSError:  # a broken install: an unstyled preview is still a preview
        log.warning("preview style sheet %s is missing", name)
        return ""


@lru_cache(maxsize=2)
def style_sheet(dark: bool) -> str:
    look = "dark" if dark else "light"
    return "\n".join(_read_css(n) for n in ("base.css", f"{look}.css", f"code-{look}.css"))


def _is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


# ------------------------------------------------------------------------ rendering


@lru_cache(maxsize=1)
def _executor() -> ThreadPoolExecutor:
    """One worker for every preview: renders are short and come one at a time."""
    return ThreadPoolExecutor(max_workers=1, thread_name_prefix="preview-render")


def _default_converter(
    text: str, links: LinkResolver | None = None, task_links: bool = False
) -> str:
    # lazy: markdown loads only when used
    from journal_app.markdown import render

    return render(text, links=links, task_links=task_links)


def _convert(converter: Converter, text: str) -> tuple[str, float]:
    start = time.perf_counter()
    try:
        html = converter(text)
    except Exception:  # the real renderer never raises; an injected one might
        log.exception("preview conversion failed")
        html = '<p class="notice">The preview could not be rendered.</p>'
    return html, time.perf_counter() - start


class _Results(QObject):
    """Carries a finished render from the worker thread to the UI thread (queued)."""

    ready = Signal(int, str, float)


def _deliver(results: _Results, seq: int, future: Future) -> None:
    try:
        html, seconds = future.result()
    except BaseException:  # cancelled or crashed: nothing to show
        return
    with contextlib.suppress(RuntimeError):  # the preview was deleted meanwhile
        results.ready.emit(seq, html, seconds)


def _decode_image(data: bytes, max_width: int) -> QImage | None:
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QBuffer.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    size = reader.size()
    if not size.isValid() or size.width() * size.height() > MAX_IMAGE_PIXELS:
        return None
    if size.width() > max_width > 0:  # decode straight to the size it is shown at
        reader.setScaledSize(QSize(max_width, max(1, size.height() * max_width // size.width())))
    image = reader.read()
    return None if image.isNull() else image


class PreviewView(QTextBrowser):
    """Shows an entry's Markdown as the sanitized HTML of ``journal_app.markdown``."""

    rendered = Signal()  # after each render reached the screen
    entry_link_clicked = Signal(int)  # `[Note](entry:12)` clicked: the entry to open
    missing_link_clicked = Signal(str)  # `[[Title]]` of no entry clicked: its title
    task_clicked = Signal(int)  # a task box clicked: its line in the text (from 0)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        converter: Converter | None = None,
        delay_ms: int = THROTTLE_MS,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("preview")
        font = QFont(self.font())  # a reading size, a little under the editor's
        font.setPointSizeF(max(MIN_POINT_SIZE, QFont().pointSizeF() + 1.5))
        self.setFont(font)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setReadOnly(True)
        self._converter: Converter | None = converter  # None: journal_app.markdown
        self._links: LinkResolver | None = None
        self._resolver: Resolver | None = None
        self._images: OrderedDict[tuple[str, int], QImage] = OrderedDict()
        self._text = ""
        self._html: str | None = None
        self._requested = 0  # sequence number of the newest text asked for
        self._in_flight = False
        self._again = False  # a newer text arrived while the worker was busy
        self._base_delay = delay_ms
        self._dark: bool | None = None
        self._image_width = 0  # the width the shown images were fitted to
        self._refit = QTimer(self)  # after a resize, fit the images again (once it settles)
        self._refit.setSingleShot(True)
        self._refit.setInterval(REFIT_DELAY_MS)
        self._refit.timeout.connect(self._on_refit)
        self._results = _Results(self)
        self._results.ready.connect(self._on_ready, Qt.ConnectionType.QueuedConnection)
        self._throttle = Throttle(self._start_render, delay_ms, parent=self)
        self.anchorClicked.connect(self._on_anchor_clicked)
        self.highlighted.connect(self._on_link_hovered)
        self._apply_look()

    # ------------------------------------------------------------------ public API

    def set_markdown(self, text: str) -> None:
        """Show `text` soon: throttled, converted off the UI thread."""
        self._text = text
        self._requested += 1
        self._throttle()

    def render_now(self, text: str) -> None:
        """Convert and show `text` synchronously (benchmarks, tests, printing)."""
        self._throttle.cancel()
        self._again = False
        self._text = text
        self._requested += 1
        html, seconds = _convert(self._current_converter(), text)
        self._show(html, seconds)

    def set_link_resolver(self, links: LinkResolver | None) -> None:
        """How `[[targets]]` find their entry (a plain lookup: it runs on the render
        thread); with one, task boxes become clickable too. Applies from the next render."""
        self._links = links

    def _current_converter(self) -> Converter:
        if self._converter is not None:
            return self._converter
        return partial(_default_converter, links=self._links, task_links=self._links is not None)

    def set_attachment_resolver(self, resolver: Resolver | None) -> None:
        """`resolver("attachment:NAME")` → the file or its bytes, or None; the only source
        of images."""
        self._resolver = resolver
        self._images.clear()

    def scroll_to_fraction(self, fraction: float) -> None:
        """Scroll to `fraction` (0 = top, 1 = bottom) of the document."""
        if not math.isfinite(fraction):
            return
        bar = self.verticalScrollBar()
        fraction = min(1.0, max(0.0, fraction))
        bar.setValue(bar.minimum() + round(fraction * (bar.maximum() - bar.minimum())))

    def displayed_html(self) -> str | None:
        """The HTML on screen (what the renderer returned), or None before the first."""
        return self._html

    @property
    def busy(self) -> bool:
        """Is a render waiting or running?"""
        return self._in_flight or self._throttle.pending

    # ------------------------------------------------------------------ rendering

    def _start_render(self) -> None:
        if self._in_flight:
            self._again = True
            return
        self._in_flight = True
        seq, text = self._requested, self._text
        future = _executor().submit(_convert, self._current_converter(), text)
        future.add_done_callback(partial(_deliver, self._results, seq))

    def _on_ready(self, seq: int, html: str, seconds: float) -> None:
        self._in_flight = False
        if self._again:
            self._again = False
            self._start_render()
        if seq == self._requested:
            self._show(html, seconds)

    def _show(self, html: str, render_seconds: float) -> None:
        start = time.perf_counter()
        self._html = html
        self._set_document(html)
        cost_ms = (time.perf_counter() - start + render_seconds) * 1000
        delay = min(MAX_THROTTLE_MS, max(self._base_delay, round(COST_FACTOR * cost_ms)))
        self._throttle.set_delay(delay)
        self.rendered.emit()

    def _set_document(self, html: str) -> None:
        """Replace the document, keeping the reader at the same relative position."""
        bar = self.verticalScrollBar()
        span = bar.maximum() - bar.minimum()
        fraction = (bar.value() - bar.minimum()) / span if span > 0 else 0.0
        self._image_width = self._fit_width()
        self.setHtml(html)
        document = self.document()
        document.setDocumentMargin(DOCUMENT_MARGIN)
        document.setIndentWidth(INDENT_WIDTH)
        document.size()  # lay it out now, so the scroll range is the final one
        if fraction:
            self.scroll_to_fraction(fraction)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._html is not None and "<img" in self._html:
            self._refit.start()

    def _on_refit(self) -> None:
        if self._html is not None and abs(self._fit_width() - self._image_width) >= 8:
            self._set_document(self._html)  # images are fitted when the document loads them

    def _fit_width(self) -> int:
        """The widest an image is shown: the page's width inside its margins."""
        return max(MIN_IMAGE_WIDTH, self.viewport().width() - 2 * DOCUMENT_MARGIN - 8)

    # ------------------------------------------------------------------ look

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._apply_look()

    def _apply_look(self) -> None:
        dark = _is_dark(self.palette())
        if dark == self._dark:
            return
        self._dark = dark
        self.document().setDefaultStyleSheet(style_sheet(dark))
        if self._html is not None:
            self._set_document(self._html)  # the sheet applies when HTML is parsed

    @property
    def dark(self) -> bool:
        return bool(self._dark)

    # ------------------------------------------------------------------ resources

    def loadResource(self, kind: int, url: QUrl | str) -> QImage | QByteArray:
        """Only attachment images, read through the resolver; nothing else, ever.

        Never the base class (it reads files, relative paths included), and never None:
        on a null answer QTextDocument itself reads the URL as a local file (a FIFO
        blocks it, /dev/zero never ends), and an image given as bytes it cannot decode
        is loaded again from the file name. An empty image or empty bytes stop both."""
        url = QUrl(url) if isinstance(url, str) else url  # Qt passes a QUrl; Python may not
        if getattr(kind, "value", kind) != QTextDocument.ResourceType.ImageResource.value:
            return QByteArray()
        if url.scheme().lower() != ATTACHMENT_SCHEME or self._resolver is None:
            return QImage()
        return self._attachment_image(url.toString()) or QImage()

    def _attachment_image(self, name: str) -> QImage | None:
        width = self._image_width or self._fit_width()
        key = (name, width)
        if key in self._images:
            self._images.move_to_end(key)
            return self._images[key]
        try:
            found = self._resolver(name) if self._resolver else None
        except Exception:  # a resolver refusing a name must not break the preview
            log.exception("attachment resolver failed for %r", name)
            found = None
        if isinstance(found, bytes):
            data: bytes | None = found if len(found) <= MAX_IMAGE_BYTES else None
        else:
            data = read_regular_file(found, MAX_IMAGE_BYTES) if found else None
        image = _decode_image(data, width) if data else None
        if image is not None:
            self._images[key] = image
            while len(self._images) > IMAGE_CACHE_SIZE:
                self._images.popitem(last=False)
        return image

    # ------------------------------------------------------------------ links

    def _on_anchor_clicked(self, url: QUrl) -> None:
        target = link_target(url)
        if target is None:
            return
        kind, value = target
        if kind == "anchor":
            self.scrollToAnchor(value)
        elif kind == "entry":
            self.entry_link_clicked.emit(int(value))
        elif kind == "new":
            self.missing_link_clicked.emit(value)
        elif kind == "task":
            self.task_clicked.emit(int(value))
        elif confirm_link(self, value):
            open_link(QUrl(value))

    def _on_link_hovered(self, url: QUrl) -> None:
        # Say where a link goes before it is clicked (the document shows only its text).
        target = link_target(url) if not url.isEmpty() else None
        if target is not None and target[0] == "new":
            tip = f"No entry “{target[1]}” yet: click to write it"
        elif target is not None and target[0] == "task":
            tip = "Tick or untick this task"
        else:
            tip = url.toString() if not url.isEmpty() else ""
        self.viewport().setToolTip(tip)
