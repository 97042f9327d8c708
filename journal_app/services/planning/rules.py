"""What a sprint and a task may hold: each check returns the clean value or raises
InvalidInput with one line the CLI prints and the UI shows as it is."""

from __future__ import annotations

import datetime as dt
import zlib
from collections.abc import Iterable

from journal_app.errors import InvalidInput
from journal_app.services.common import clean_text
from journal_app.services.entries import normalise_tags
from journal_app.services.tracking.common import check_hours, check_name
from journal_app.services.tracking.timeutil import check_day

MIN_SPRINT_DAYS = 7  # one week
MAX_SPRINT_DAYS = 56  # eight weeks
MAX_CAPACITY_HOURS = 24.0 * MAX_SPRINT_DAYS
MAX_ESTIMATE_HOURS = 1000.0
MAX_TEXT = 5000  # goal, career goal, notes
MAX_TAG = 100
SPRINT_STATUSES = ("planned", "active", "closed")
TASK_STATUSES = ("todo", "doing", "done")
STATUS_LABELS = {"todo": "To do", "doing": "Doing", "done": "Done"}
ROLLOVER_CHOICES = ("next", "backlog")


def span_days(start: dt.date, end: dt.date) -> int:
    """Days of a sprint, both ends included."""
    return (end - start).days + 1


def check_span(start: object, end: object) -> tuple[dt.date, dt.date]:
    """Dates of a sprint: 1 to 8 weeks, the end on or after the start."""
    first = check_day(start, "the start")
    last = check_day(end, "the end")
    if last < first:
        raise InvalidInput(
            f"the end ({last.isoformat()}) is before the start ({first.isoformat()})"
        )
    if last == first:
        raise InvalidInput("a sprint cannot start and end on the same day (zero length)")
    days = span_days(first, last)
    if days < MIN_SPRINT_DAYS:
        raise InvalidInput(
            f"a sprint lasts at least a week; {first.isoformat()} to {last.isoformat()} "
            f"is {days} days"
        )
    if days > MAX_SPRINT_DAYS:
        raise InvalidInput(
            f"a sprint lasts at most 8 weeks ({MAX_SPRINT_DAYS} days); "
            f"{first.isoformat()} to {last.isoformat()} is {days} days"
        )
    return first, last


def check_sprint_name(value: object) -> str:
    return check_name(value, "the sprint name")


def check_task_title(value: object) -> str:
    return check_name(value, "the task title")


def check_text(value: object, what: str) -> str:
    text = clean_text(value, what).strip()
    if len(text) > MAX_TEXT:
        raise InvalidInput(f"{what} has at most {MAX_TEXT} characters")
    return text


def check_capacity(value: object) -> float | None:
    if value is None:
        return None
    return check_hours(value, "the capacity", high=MAX_CAPACITY_HOURS)


def check_estimate(value: object) -> float | None:
    if value is None:
        return None
    return check_hours(value, "the estimate", high=MAX_ESTIMATE_HOURS)


def check_task_status(value: object) -> str:
    text = value.strip().lower() if isinstance(value, str) else value
    if text not in TASK_STATUSES:
        raise InvalidInput(f"a task's status is todo, doing or done, not {value!r}")
    return str(text)


def check_sprint_status(value: object) -> str:
    """planned or active; a sprint is closed only by closing it (which writes its review)."""
    text = value.strip().lower() if isinstance(value, str) else value
    if text == "closed":
        raise InvalidInput("close a sprint with “Close sprint”, which also writes its review")
    if text not in ("planned", "active"):
        raise InvalidInput(f"a sprint's status is planned or active, not {value!r}")
    return str(text)


def check_rollover(value: object) -> str:
    if value not in ROLLOVER_CHOICES:
        raise InvalidInput(f"unfinished tasks roll over to 'next' or 'backlog', not {value!r}")
    return str(value)


def check_tags(values: Iterable[str]) -> list[str]:
    names = normalise_tags(values)
    for name in names:
        if len(name) > MAX_TAG:
            raise InvalidInput(f"a tag has at most {MAX_TAG} characters")
        if "\n" in name or "\r" in name or "," in name:
            raise InvalidInput(f"a tag is one word or phrase without commas, not {name!r}")
    return names


# ---------------------------------------------------------------------- cards (schema v7)

PRIORITIES = ("none", "low", "medium", "high")  # stored as their index
MAX_CHECK_ITEMS = 100
MAX_LINKS = 50
LINK_KINDS = ("entry", "resource")
# Label colours a tag gets until the user picks one: readable on light and dark cards.
LABEL_COLORS = (
    "#3b82f6",  # blue
    "#10b981",  # green
    "#f59e0b",  # amber
    "#ef4444",  # red
    "#8b5cf6",  # violet
    "#ec4899",  # pink
    "#14b8a6",  # teal
    "#f97316",  # orange
)


def check_due(value: object) -> dt.date | None:
    return None if value is None else check_day(value, "the due date")


def check_priority(value: object) -> int:
    """A priority by name (none, low, medium, high) or index (0-3)."""
    if isinstance(value, str) and value.strip().lower() in PRIORITIES:
        return PRIORITIES.index(value.strip().lower())
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < len(PRIORITIES):
        return value
    raise InvalidInput(f"a task's priority is none, low, medium or high, not {value!r}")


def check_color(value: object) -> str:
    text = value.strip().lower() if isinstance(value, str) else ""
    if len(text) != 7 or text[0] != "#" or any(c not in "0123456789abcdef" for c in text[1:]):
        raise InvalidInput(f"a label colour is written #rrggbb, not {value!r}")
    return text


def check_checklist(items: Iterable[tuple[object, object]]) -> list[tuple[str, bool]]:
    """A checklist: (text, done) pairs; blank lines are dropped."""
    found: list[tuple[str, bool]] = []
    for text, done in items:
        line = check_text(text, "a checklist item")
        if "\n" in line or "\r" in line:
            raise InvalidInput("a checklist item is one line")
        if line:
            found.append((line, bool(done)))
    if len(found) > MAX_CHECK_ITEMS:
        raise InvalidInput(f"a checklist has at most {MAX_CHECK_ITEMS} items")
    return found


def check_links(links: Iterable[tuple[object, object]]) -> list[tuple[str, int]]:
    """Links as (kind, id) pairs, kind "entry" or "resource"; duplicates are dropped."""
    found: dict[tuple[str, int], None] = {}
    for kind, target in links:
        if kind not in LINK_KINDS:
            raise InvalidInput(f"a task links to an entry or a resource, not {kind!r}")
        if isinstance(target, bool) or not isinstance(target, int) or target < 1:
            raise InvalidInput(f"there is no {kind} {target!r}")
        found[(str(kind), target)] = None
    if len(found) > MAX_LINKS:
        raise InvalidInput(f"a task has at most {MAX_LINKS} links")
    return list(found)


def default_label_color(name: str) -> str:
    """The colour of a label nobody chose one for: stable for a name across runs."""
    return LABEL_COLORS[zlib.crc32(name.casefold().encode("utf-8")) % len(LABEL_COLORS)]
