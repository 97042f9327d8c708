"""The Dashboard's ranges: the last week, month, quarter or year up to today, all of the
journal, or a custom span. A range is whole days, both ends included."""

from __future__ import annotations

import calendar
import datetime as dt
from typing import NamedTuple

from journal_app.errors import InvalidInput
from journal_app.services.tracking.timeutil import check_day

RANGE_KINDS = ("week", "month", "quarter", "year", "all", "custom")
RANGE_LABELS = {
    "week": "Week",
    "month": "Month",
    "quarter": "Quarter",
    "year": "Year",
    "all": "All",
    "custom": "Custom",
}
_MONTHS = {"month": 1, "quarter": 3, "year": 12}


class DateRange(NamedTuple):
    first: dt.date
    last: dt.date
    kind: str = "custom"

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.first <= day <= self.last

    def label(self) -> str:
        """ "12 Oct – 22 Nov 2026" (the year once when both ends share it)."""
        if self.first == self.last:
            return f"{self.last:%a} {self.last.day} {self.last:%b %Y}"
        head = f"{self.first.day} {self.first:%b}"
        if self.first.year != self.last.year:
            head += f" {self.first.year}"
        return f"{head} – {self.last.day} {self.last:%b %Y}"


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day `months` calendar months earlier, clamped to the month's end
    (31 March minus one month is 28 or 29 February)."""
    index = day.year * 12 + (day.month - 1) - months
    year, month = divmod(index, 12)
    month += 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def resolve_range(
    kind: str,
    today: dt.date,
    *,
    first_day: dt.date | None = None,
    custom: tuple[dt.date, dt.date] | None = None,
) -> DateRange:
    """The days a range selector choice covers, ending today (but for "custom").

    week: the 7 days ending today; month/quarter/year: from the day after the same date
    1/3/12 months ago through today (22 Nov → 23 Oct–22 Nov); all: from `first_day` (the
    journal's first tracked day; today when there is none) through today.
    """
    check_day(today)
    if kind == "week":
        return DateRange(today - dt.timedelta(days=6), today, kind)
    if kind in _MONTHS:
        start = months_before(today, _MONTHS[kind]) + dt.timedelta(days=1)
        return DateRange(start, today, kind)
    if kind == "all":
        first = today if first_day is None else min(check_day(first_day), today)
        return DateRange(first, today, kind)
    if kind == "custom":
        if custom is None:
            raise InvalidInput("a custom range needs a first and a last day")
        first, last = check_day(custom[0], "the first day"), check_day(custom[1], "the last day")
        if last < first:
            raise InvalidInput("the range must start on or before its last day")
        return DateRange(first, last, kind)
    raise InvalidInput(f"the range must be one of {', '.join(RANGE_KINDS)}, not {kind!r}")
