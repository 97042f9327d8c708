"""Test data for the journal's browsing widgets, built from the services' own dataclasses."""

from __future__ import annotations

import datetime as dt

from journal_app.services.entries import EntrySummary

# Offscreen Qt says this whenever a top-level widget with a layout is shown.
OFFSCREEN = "does not support propagateSizeHints"

WED = dt.date(2026, 11, 25)  # a Wednesday in ISO week 48


def summary(
    entry_id: int,
    day: dt.date,
    title: str = "",
    *,
    series: str | None = None,
    number: int | None = None,
    visibility: str = "private",
    deleted_at: dt.datetime | None = None,
) -> EntrySummary:
    return EntrySummary(
        id=entry_id,
        day=day,
        title=title,
        series=series,
        number=number,
        visibility=visibility,
        deleted_at=deleted_at,
    )


def days_ago(n: int) -> dt.date:
    return WED - dt.timedelta(days=n)


def journal_entries() -> list[EntrySummary]:
    """Eight entries over two months: two on one day, a public one, a series, an untitled."""
    return [
        summary(1, WED, "Self Study Journal #6", series="Self Study Journal", number=6,
                visibility="public"),
        summary(2, WED, "Reading: attention"),
        summary(3, days_ago(1), ""),
        summary(4, days_ago(2), "Day 0 of ML", series="Day", number=0),
        summary(5, days_ago(5), "Backprop by hand", series="Self Study Journal", number=5),
        summary(6, days_ago(9), "Weekly review", visibility="public"),
        summary(7, days_ago(30), "Sleep and focus"),
        summary(8, days_ago(40), "Linear algebra"),
    ]  # fmt: skip
