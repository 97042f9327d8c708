"""Walking a page's focus chain as a keyboard and screen-reader user meets it."""

from __future__ import annotations

import itertools

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QLabel, QWidget

LINKS = Qt.TextInteractionFlag.LinksAccessibleByMouse
LINKS_BY_KEYS = Qt.TextInteractionFlag.LinksAccessibleByKeyboard


def accessible_name(widget: QWidget) -> str:
    """The name Qt's accessibility gives ``widget`` (its own, a buddy label's, a button's
    text…): what a screen reader says."""
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name).strip() if interface is not None else ""


def describe(widget: QWidget) -> str:
    parent = widget.parentWidget()
    chain = []
    while parent is not None and len(chain) < 3:
        chain.append(parent.objectName() or type(parent).__name__)
        parent = parent.parentWidget()
    return f"{type(widget).__name__}({widget.objectName()!r}) in {'/'.join(chain)}"


def shown(widget: QWidget, page: QWidget) -> bool:
    return widget.isVisibleTo(page) and widget.isEnabled() and page.isAncestorOf(widget)


def focus_chain(page: QWidget) -> list[QWidget]:
    """The widgets of ``page`` that Tab stops at, in the order it does."""
    found: list[QWidget] = []
    widget = page.nextInFocusChain()
    seen: set[int] = set()
    while widget is not page and id(widget) not in seen:
        seen.add(id(widget))
        policy = widget.focusPolicy()
        if shown(widget, page) and policy & Qt.FocusPolicy.TabFocus == Qt.FocusPolicy.TabFocus:
            found.append(widget)
        widget = widget.nextInFocusChain()
    return found


def problems(page: QWidget) -> list[str]:
    """Each control of ``page`` a keyboard or screen-reader user cannot use: without a
    name, or taking the focus on a click but never by Tab."""
    found: list[str] = []
    reached = focus_chain(page)
    for widget in reached:
        if widget.focusProxy() is not None:
            continue  # the proxy is what takes the focus and is named
        if not accessible_name(widget):
            found.append(f"no accessible name: {describe(widget)}")
    reached_ids = {id(w) for w in reached}
    for widget in page.findChildren(QWidget):
        policy = widget.focusPolicy()
        if isinstance(widget, QLabel):
            # Selectable text takes a click's focus, and that is all; links must be
            # reachable, though.
            flags = widget.textInteractionFlags()
            has_links = "<a " in widget.text().lower()
            if has_links and flags & LINKS and not flags & LINKS_BY_KEYS and shown(widget, page):
                found.append(f"links only for the mouse: {describe(widget)}")
            continue
        if (
            shown(widget, page)
            and policy != Qt.FocusPolicy.NoFocus
            and id(widget) not in reached_ids
            and widget.focusProxy() is None
        ):
            found.append(f"not reached by Tab: {describe(widget)}")
    return found


def out_of_reading_order(page: QWidget) -> list[str]:
    """Each step of the Tab walk that goes back up within one column (the next control
    is above the one before and overlaps it across): reading order is top to bottom,
    then the next column."""
    found: list[str] = []
    chain = [w for w in focus_chain(page) if w.focusProxy() is None]
    for before, after in itertools.pairwise(chain):
        a = before.rect().translated(before.mapTo(page, before.rect().topLeft()))
        b = after.rect().translated(after.mapTo(page, after.rect().topLeft()))
        same_column = a.left() < b.right() and b.left() < a.right()
        if same_column and b.bottom() < a.top():
            found.append(f"{describe(before)} → {describe(after)} goes back up")
    return found
