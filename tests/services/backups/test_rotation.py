"""Rotation: 7 daily and 4 weekly copies; safety copies by their own rule; never the newest."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journal_app.config import DataPaths
from journal_app.errors import InvalidInput
from journal_app.services.backups import BackupService, rotation_plan
from tests.services.backups.helpers import write_journal

UTC = dt.UTC
START = dt.datetime(2026, 3, 1, 9, 0, tzinfo=UTC)  # a Sunday


def test_forty_days_of_start_up_backups_keep_seven_days_and_four_weeks(
    data_paths: DataPaths, clock
):
    write_journal(data_paths, entries=3, clock=clock)
    clock.now = START
    backups = BackupService(data_paths, clock, tz=UTC)
    made = []
    for _day in range(40):
        made.append(backups.backup_if_due("startup"))
        clock.advance(hours=5)
        assert backups.backup_if_due("daily") is None  # once a day at most
        clock.advance(hours=19)
    kept = sorted(b.created_at.date() for b in backups.list())
    last = made[-1].created_at.date()  # 2026-04-09, a Thursday
    daily = [last - dt.timedelta(days=n) for n in range(7)]
    assert kept[-7:] == sorted(daily)
    # The 4 weeks before the oldest daily copy (Fri 3 Apr): each week's newest copy
    # older than it — Thu 2 Apr for the week of 30 Mar, then Sundays, the last day of
    # each week before.
    weekly = kept[:-7]
    assert weekly == [
        dt.date(2026, 3, 15),
        dt.date(2026, 3, 22),
        dt.date(2026, 3, 29),
        dt.date(2026, 4, 2),
    ]
    assert len(list(data_paths.backups.iterdir())) == 11  # nothing else left behind


def test_manual_and_safety_backups_follow_their_own_rule(data_paths: DataPaths, clock):
    write_journal(data_paths, entries=2, clock=clock)
    clock.now = START
    backups = BackupService(data_paths, clock, tz=UTC)
    for _n in range(12):
        backups.create("manual")
        clock.advance(days=1)
    names = [b.name for b in backups.list() if b.reason == "manual"]
    assert len(names) == 10  # the newest 10 you asked for

    pre_import = [backups.create("pre-import")]
    clock.advance(days=30)
    pre_import.append(backups.create("pre-import"))
    clock.advance(days=1)
    pre_import.append(backups.create("pre-import"))
    kept = {b.name for b in backups.list() if b.reason == "pre-import"}
    # Older than 14 days and not among the newest 2: gone. The newest 2 stay.
    assert kept == {pre_import[1].name, pre_import[2].name}


def test_files_that_are_not_our_backups_are_never_touched(data_paths: DataPaths, clock):
    write_journal(data_paths, entries=1, clock=clock)
    data_paths.backups.mkdir()
    mine = data_paths.backups / "my-own-copy.sqlite3"
    mine.write_bytes(b"keep me")
    clock.now = START
    backups = BackupService(data_paths, clock, tz=UTC)
    for _day in range(20):
        backups.create("daily")
        clock.advance(days=1)
    assert mine.read_bytes() == b"keep me"


def test_the_newest_good_backup_survives_even_when_newer_ones_are_bad(data_paths: DataPaths, clock):
    from tests.services.backups.helpers import wreck_middle_page

    write_journal(data_paths, entries=40, clock=clock)
    clock.now = START
    backups = BackupService(data_paths, clock, tz=UTC)
    good = backups.create("daily")
    data_paths.backups.mkdir(exist_ok=True)
    for _day in range(60):  # two months of daily copies, damaged on disk since
        clock.advance(days=1)
        wreck_middle_page(backups.create("daily", to=data_paths.backups).path)
    backups.rotate()
    assert good.path.exists()
    assert backups.newest_good().name == good.name


_reasons = st.sampled_from(["startup", "daily", "manual", "pre-import", "pre-restore"])
_backups = st.lists(
    st.tuples(st.integers(0, 24 * 120), _reasons), min_size=1, max_size=80, unique_by=lambda t: t[0]
)


@settings(max_examples=200, deadline=None)
@given(_backups)
def test_rotation_rules_hold_for_any_history(history):
    now = START + dt.timedelta(days=121)
    items = [
        (f"{reason}-{hours:05d}", reason, START + dt.timedelta(hours=hours))
        for hours, reason in history
    ]
    doomed = rotation_plan(items, now, tz=UTC)
    kept = [i for i in items if i[0] not in doomed]
    newest = max(items, key=lambda i: i[2])
    assert newest[0] not in doomed
    regular = [i for i in kept if i[1] in ("startup", "daily")]
    assert len(regular) <= 7 + 4
    # At most one regular copy per day is kept, and it is that day's newest.
    days = {}
    for name, _reason, when in items:
        if _reason in ("startup", "daily"):
            days.setdefault(when.date(), []).append((when, name))
    for _n, _r, when in regular:
        assert max(days[when.date()])[0] == when
    # The 7 newest days with a regular copy all keep one.
    for day in sorted(days, reverse=True)[:7]:
        assert any(when.date() == day for _n, _r, when in regular)
    assert len([i for i in kept if i[1] == "manual"]) == min(
        10, len([i for i in items if i[1] == "manual"])
    )
    for reason in ("pre-import", "pre-restore"):
        of_kind = [i for i in items if i[1] == reason]
        for name, _r, when in of_kind:
            if now - when <= dt.timedelta(days=14):
                assert name not in doomed
        assert len([i for i in kept if i[1] == reason]) >= min(2, len(of_kind))


def test_a_chosen_retention_keeps_that_many_days_and_weeks(data_paths: DataPaths, clock):
    write_journal(data_paths, entries=1, clock=clock)
    clock.now = START
    backups = BackupService(data_paths, clock, tz=UTC)
    assert backups.set_retention(3, 1) == backups.retention()
    for _day in range(20):
        backups.backup_if_due("startup")
        clock.advance(days=1)
    regular = [b for b in backups.list() if b.reason == "startup"]
    assert len(regular) == 4  # 3 days and 1 week
    # A second service (the CLI's backup) reads the same choice from the folder.
    assert BackupService(data_paths, clock).retention().keep_daily == 3


def test_a_retention_out_of_range_or_damaged_is_refused_or_ignored(data_paths, clock):
    backups = BackupService(data_paths, clock, tz=UTC)
    with pytest.raises(InvalidInput, match="days to keep must be between 1 and 365"):
        backups.set_retention(0, 4)
    assert not (data_paths.backups / "retention.json").exists()
    data_paths.backups.mkdir(parents=True, exist_ok=True)
    (data_paths.backups / "retention.json").write_text("{not json", encoding="utf-8")
    assert backups.retention().keep_daily == 7  # the defaults, never fewer
