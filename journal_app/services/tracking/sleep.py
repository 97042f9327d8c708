"""Day logs: the night that ended on a day (bed and wake times, or just hours; quality
1–5), the day's energy/focus 1–5 and a short note. The day of a night is the date of
waking.

Bed and wake times are wall-clock times in the user's zone; the bed time belongs to the
evening before when it is later than the wake time (23:00 → 07:00), else to the waking
day (01:30 → 08:00). The length is measured between real instants, so a night across a
clock change has its true length. Hours are always stored too, so averages need no
date arithmetic.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, NamedTuple

from journal_app.db.models import DayLog
from journal_app.errors import InvalidInput
from journal_app.services.common import UNSET, Unset, atomic, clean_text
from journal_app.services.tracking.common import check_hours, check_rating
from journal_app.services.tracking.timeutil import (
    at_local,
    check_day,
    from_storage,
    local_date,
    to_storage,
    to_utc,
)
from journal_app.services.tracking.timeutil import (
    hours as to_hours,
)

MAX_SLEEP_HOURS = 24.0


class DayLogData(NamedTuple):
    day: dt.date  # the waking day
    bed: dt.datetime | None  # aware, in the service's zone
    wake: dt.datetime | None
    sleep_hours: float | None
    quality: int | None  # 1-5
    energy: int | None  # 1-5: energy/focus during the day
    note: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "day": self.day.isoformat(),
            "bed": None if self.bed is None else self.bed.isoformat(),
            "wake": None if self.wake is None else self.wake.isoformat(),
            "sleep_hours": self.sleep_hours,
            "quality": self.quality,
            "energy": self.energy,
            "note": self.note,
        }


Wall = dt.time | dt.datetime


def night_span(
    day: dt.date, bed: Wall, wake: Wall, tz: dt.tzinfo
) -> tuple[dt.datetime, dt.datetime]:
    """Aware UTC bed and wake instants of the night ending on `day`.

    Times of day are read on the waking day, the bed time on the evening before when it
    is not earlier than the wake time. Aware datetimes are taken as they are (the wake
    must then fall on `day`).
    """
    if isinstance(bed, dt.time) and isinstance(wake, dt.time) and bed == wake:
        raise InvalidInput("the bed and wake times are the same")
    if isinstance(wake, dt.datetime):
        wake_at = to_utc(wake)
        if local_date(wake_at, tz) != day:
            raise InvalidInput(f"the wake time must be on {day.isoformat()}, the day it logs")
    elif isinstance(wake, dt.time):
        wake_at = at_local(day, wake, tz)
    else:
        raise InvalidInput(f"the wake time must be a time of day, not {wake!r}")
    if isinstance(bed, dt.datetime):
        bed_at = to_utc(bed)
    elif isinstance(bed, dt.time):
        if isinstance(wake, dt.time):
            same_day = bed.replace(tzinfo=None) < wake.replace(tzinfo=None)
        else:
            same_day = bed.replace(tzinfo=None) < wake.astimezone(tz).time()
        bed_day = day if same_day else day - dt.timedelta(days=1)
        bed_at = at_local(bed_day, bed, tz)
    else:
        raise InvalidInput(f"the bed time must be a time of day, not {bed!r}")
    if wake_at < bed_at:
        raise InvalidInput("the wake time is before the bed time")
    if wake_at == bed_at:
        raise InvalidInput("the bed and wake times are the same")
    if wake_at - bed_at > dt.timedelta(hours=MAX_SLEEP_HOURS):
        raise InvalidInput("a night cannot last more than 24 hours")
    return bed_at, wake_at


class SleepService:
    def __init__(self, tz: dt.tzinfo) -> None:
        self._tz = tz

    def get(self, day: dt.date) -> DayLogData | None:
        row = DayLog.get_or_none(DayLog.day == check_day(day))
        return None if row is None else self._data(row)

    def between(self, first: dt.date, last: dt.date) -> list[DayLogData]:
        query = DayLog.select().where(DayLog.day.between(check_day(first), check_day(last)))
        return [self._data(r) for r in query.order_by(DayLog.day)]

    def save(
        self,
        day: dt.date,
        *,
        bed: Wall | Unset | None = UNSET,
        wake: Wall | Unset | None = UNSET,
        hours: float | Unset | None = UNSET,
        quality: int | Unset | None = UNSET,
        energy: int | Unset | None = UNSET,
        note: str | Unset = UNSET,
    ) -> DayLogData:
        """Create or change the log of `day`; fields not passed stay as they are.

        Sleep is given as bed and wake times (both), or as hours; either replaces what
        was stored. Pass `bed=None, wake=None, hours=None` to clear the night.
        """
        check_day(day)
        values: dict[str, Any] = {}
        times_given = not isinstance(bed, Unset) or not isinstance(wake, Unset)
        if times_given and (bed is not None or wake is not None):
            if isinstance(bed, Unset) or isinstance(wake, Unset) or bed is None or wake is None:
                raise InvalidInput("give both the bed and the wake time")
            if not isinstance(hours, Unset) and hours is not None:
                raise InvalidInput("give bed and wake times or hours of sleep, not both")
            bed_at, wake_at = night_span(day, bed, wake, self._tz)
            values.update(
                sleep_start=to_storage(bed_at),
                sleep_end=to_storage(wake_at),
                sleep_hours=to_hours(wake_at - bed_at),
            )
        elif not isinstance(hours, Unset):
            values.update(sleep_start=None, sleep_end=None, sleep_hours=_check_sleep(hours))
        elif times_given:  # both cleared
            values.update(sleep_start=None, sleep_end=None, sleep_hours=None)
        if not isinstance(quality, Unset):
            values["sleep_quality"] = check_rating(quality, "sleep quality")
        if not isinstance(energy, Unset):
            values["energy"] = check_rating(energy, "energy/focus")
        if not isinstance(note, Unset):
            values["note"] = clean_text(note, "the note").strip()
        with atomic():
            row = DayLog.get_or_none(DayLog.day == day)
            if row is None:
                DayLog.create(day=day, **{"note": "", **values})
            elif values:
                DayLog.update(values).where(DayLog.day == day).execute()
        found = self.get(day)
        assert found is not None
        return found

    def delete(self, day: dt.date) -> None:
        with atomic():
            DayLog.delete().where(DayLog.day == check_day(day)).execute()

    def _data(self, row: Any) -> DayLogData:
        bed = wake = None
        if row.sleep_start is not None and row.sleep_end is not None:
            bed = from_storage(row.sleep_start).astimezone(self._tz)
            wake = from_storage(row.sleep_end).astimezone(self._tz)
        slept = row.sleep_hours
        if slept is None and bed is not None and wake is not None:
            slept = to_hours(wake - bed)
        return DayLogData(
            day=row.day,
            bed=bed,
            wake=wake,
            sleep_hours=None if slept is None else float(slept),
            quality=row.sleep_quality,
            energy=row.energy,
            note=row.note,
        )


def _check_sleep(value: object) -> float | None:
    if value is None:
        return None
    return check_hours(value, "hours of sleep", high=MAX_SLEEP_HOURS)
