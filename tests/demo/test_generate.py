"""The demo journal: deterministic, refuses real journals, and looks like a real life.

One year of demo is generated once per module (about half a second) and reopened by
each test; only the tests about determinism and failure generate their own.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict
from pathlib import Path
from statistics import mean

import pytest

from journal_app.config import DataPaths, check_data_dir
from journal_app.db.models import (
    ALL_MODELS,
    Category,
    DayLog,
    Entry,
    EntryTag,
    Output,
    Resource,
    Skill,
    Sprint,
    Tag,
    Task,
    WorkSession,
)
from journal_app.demo.generate import DemoSummary, generate_demo
from journal_app.errors import InvalidInput
from journal_app.services import Services
from journal_app.services.tracking.timeutil import local_zone

TODAY = dt.date(2026, 11, 22)
SEED = 7
SERIES = "Self Study Journal"


def _dump() -> dict[str, list[tuple]]:
    """Every row of every table of the open journal, in primary-key order."""
    return {
        model._meta.table_name: list(
            model.select().order_by(*model._meta.get_primary_keys()).tuples()
        )
        for model in ALL_MODELS
    }


def _make(root: Path, *, seed: int = SEED, years: int = 1, today: dt.date = TODAY):
    """Generate a demo journal under `root`; returns paths, summary, progress calls, dump."""
    paths = check_data_dir(root, create=True)
    calls: list[tuple[str, float]] = []
    with Services.open(paths) as services:
        summary = generate_demo(
            services,
            years=years,
            seed=seed,
            today=today,
            progress=lambda stage, fraction: calls.append((stage, fraction)),
        )
        dump = _dump()
    return paths, summary, calls, dump


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory):
    return _make(tmp_path_factory.mktemp("demo") / "journal")


@pytest.fixture
def demo(made) -> Services:
    paths: DataPaths = made[0]
    services = Services.open(paths)
    yield services
    services.close()


def _hours_by_day(sessions) -> dict[dt.date, float]:
    hours: dict[dt.date, float] = defaultdict(float)
    for s in sessions:
        hours[s.start.date()] += (s.end - s.start).total_seconds() / 3600
    return hours


def test_same_seed_and_day_give_an_identical_journal_and_another_seed_does_not(made, tmp_path):
    _, summary, calls, dump = made
    _, again_summary, again_calls, again = _make(tmp_path / "again")
    assert again == dump
    assert again_summary == summary
    assert again_calls == calls
    _, _, _, other = _make(tmp_path / "other", seed=SEED + 1)
    assert other["entry"] != dump["entry"]
    assert other["work_session"] != dump["work_session"]
    assert other["day_log"] != dump["day_log"]


def test_a_journal_that_is_not_empty_is_refused_and_left_untouched(services):
    services.entries.create(day=dt.date(2026, 1, 5), title="mine", body="my own words")
    before = _dump()
    calls: list[tuple[str, float]] = []
    with pytest.raises(InvalidInput, match="already holds a journal"):
        generate_demo(services, years=1, seed=1, today=TODAY, progress=lambda *a: calls.append(a))
    assert _dump() == before
    assert calls == []


def test_a_failure_half_way_leaves_the_journal_empty(services):
    def progress(stage: str, fraction: float) -> None:
        if fraction > 0.6:
            raise RuntimeError("disk full")

    with pytest.raises(RuntimeError, match="disk full"):
        generate_demo(services, years=1, seed=1, today=TODAY, progress=progress)
    assert services.is_empty()
    for model in (Skill, Resource, Tag, Entry, EntryTag, DayLog, WorkSession, Sprint, Task):
        assert model.select().count() == 0, model.__name__
    # ...and the journal can still take a demo afterwards.
    assert generate_demo(services, years=1, seed=1, today=TODAY).entries > 0


@pytest.mark.parametrize("years", [0, -1, 101])
def test_impossible_year_counts_are_refused(services, years):
    with pytest.raises(InvalidInput, match="1 to 100 years"):
        generate_demo(services, years=years, seed=1, today=TODAY)
    assert services.is_empty()


def test_progress_rises_to_one(made):
    calls = made[2]
    fractions = [f for _, f in calls]
    assert 10 <= len(calls) <= 20
    assert fractions == sorted(fractions)
    assert all(0.0 <= f <= 1.0 for f in fractions)
    assert fractions[-1] == 1.0
    assert all(stage for stage, _ in calls)


def test_summary_counts_what_is_in_the_journal(demo, made):
    summary: DemoSummary = made[1]
    assert summary == DemoSummary(
        entries=Entry.select().count(),
        sessions=WorkSession.select().count(),
        day_logs=DayLog.select().count(),
        outputs=Output.select().count(),
        skills=Skill.select().count(),
        resources=Resource.select().count(),
        sprints=Sprint.select().count(),
        tasks=Task.select().count(),
    )
    assert not demo.is_empty()
    info = demo.info()
    assert (info.entries, info.day_logs) == (summary.entries, summary.day_logs)


def test_summary_reads_like_a_sentence():
    text = DemoSummary(3012, 9870, 3650, 1, 3, 30, 261, 1900).describe()
    assert text.startswith("3,012 entries, 9,870 work sessions, 3,650 nights of sleep, 1 output")
    assert "261 sprints" in text
    assert DemoSummary(1, 1, 1, 1, 1, 1, 1, 1).describe().startswith("1 entry, 1 work session")


def test_every_night_of_the_period_has_a_plausible_day_log(demo):
    logs = list(DayLog.select().order_by(DayLog.day))
    first = logs[0].day
    assert TODAY - first >= dt.timedelta(days=365)
    assert [log.day for log in logs] == [
        first + dt.timedelta(days=k) for k in range((TODAY - first).days + 1)
    ]
    zone = local_zone()

    def local(instant: dt.datetime) -> dt.datetime:  # stored UTC -> local wall time
        return instant.replace(tzinfo=dt.UTC).astimezone(zone).replace(tzinfo=None)

    for log in logs:
        assert local(log.sleep_end).date() == log.day
        duration = (log.sleep_end - log.sleep_start).total_seconds() / 3600
        assert abs(log.sleep_hours - duration) < 0.01
        assert 4 <= log.sleep_hours <= 11
        bed = local(log.sleep_start) - dt.datetime.combine(log.day, dt.time())
        assert dt.timedelta(hours=-1, minutes=-30) <= bed <= dt.timedelta(hours=1, minutes=30)
        assert dt.time(6, 30) <= local(log.sleep_end).time() <= dt.time(9, 0)
        assert log.sleep_quality in range(1, 6)
        assert log.energy in range(1, 6)
    assert len({log.sleep_quality for log in logs}) >= 4  # nights differ
    assert 6.5 <= mean(log.sleep_hours for log in logs) <= 8.5


def test_work_sessions_never_overlap_each_other_or_sleep(demo):
    sessions = list(WorkSession.select().order_by(WorkSession.start))
    assert len(sessions) > 300
    for s in sessions:
        assert s.end > s.start
        assert s.source in ("timer", "manual")
        assert s.category_id is not None and s.skill_id is not None
    for earlier, later in itertools.pairwise(sessions):
        assert later.start >= earlier.end
    nights = [(n.sleep_start, n.sleep_end) for n in DayLog.select()]
    intervals = sorted([(s.start, s.end) for s in sessions] + nights)
    for (_, end), (start, _) in itertools.pairwise(intervals):
        assert start >= end
    assert max(s.end for s in sessions) <= dt.datetime.combine(TODAY, dt.time(12))


def test_deep_work_has_a_weekly_rhythm_growth_and_gaps(demo):
    hours = _hours_by_day(WorkSession.select())
    days = [TODAY - dt.timedelta(days=k) for k in range(365)]
    weekday = mean(hours.get(d, 0) for d in days if d.weekday() < 5)
    weekend = mean(hours.get(d, 0) for d in days if d.weekday() >= 5)
    assert weekend < 0.75 * weekday
    worked = [d for d in days if d in hours]
    assert 0.7 * len(days) <= len(worked) <= 0.95 * len(days)
    ordinary = [h for h in hours.values() if h < 7]
    assert 2 <= mean(ordinary) <= 5
    first_quarter = mean(hours.get(d, 0) for d in days[-90:])
    last_quarter = mean(hours.get(d, 0) for d in days[:90])
    assert last_quarter > first_quarter
    # A gap of several days in a row (holiday or illness) breaks the streak at least once.
    streak_breaks = sum(
        1 for k in range(len(days) - 4) if not any(d in hours for d in days[k : k + 4])
    )
    assert streak_breaks >= 1
    production = {c.id for c in Category.select().where(Category.side == "production")}
    assert any(s.category_id in production for s in WorkSession.select())


def test_nights_after_very_long_days_are_shorter_and_worse(demo):
    hours = _hours_by_day(WorkSession.select())
    nights = {log.day: log for log in DayLog.select()}
    after_long = [
        nights[d + dt.timedelta(days=1)] for d, h in hours.items() if h >= 7 and d < TODAY
    ]
    after_normal = [
        nights[d + dt.timedelta(days=1)] for d, h in hours.items() if h < 7 and d < TODAY
    ]
    assert len(after_long) >= 3
    assert mean(n.sleep_hours for n in after_long) < mean(n.sleep_hours for n in after_normal)
    assert mean(n.sleep_quality for n in after_long) < mean(n.sleep_quality for n in after_normal)
    long_writing = [
        s
        for s in WorkSession.select().join(Category).where(Category.name == "Writing")
        if (s.end - s.start) >= dt.timedelta(hours=5)
    ]
    assert long_writing  # the seven-hour writing session is a real event


def test_entries_are_numbered_in_day_order_in_one_series(demo):
    entries = list(Entry.select().order_by(Entry.day, Entry.id))
    assert [e.number for e in entries] == list(range(1, len(entries) + 1))
    assert {e.series for e in entries} == {SERIES}
    assert len({e.day for e in entries}) == len(entries)
    first_day = DayLog.select().order_by(DayLog.day).first().day
    assert entries[0].day == first_day
    assert entries[0].title == "Day 0 of ML"
    days = (TODAY - first_day).days + 1
    assert 0.7 <= len(entries) / days <= 0.9
    assert all(
        e.title.startswith(f"{SERIES} #{e.number}") or "review" in e.title for e in entries[1:]
    )
    backdated = [
        e for e in entries if (e.created_at.date() - e.day).days >= 1 and e.created_at.hour >= 6
    ]
    assert backdated
    assert all(e.created_at >= dt.datetime.combine(e.day, dt.time()) for e in entries)
    assert all(e.created_at.date() <= TODAY and e.updated_at >= e.created_at for e in entries)
    public = [e for e in entries if e.visibility == "public"]
    assert 0 < len(public) < len(entries) / 3
    assert all(e.published_url.startswith("https://") for e in public)
    assert all(e.published_url == "" for e in entries if e.visibility == "private")


def test_entry_bodies_are_varied_markdown(demo):
    bodies = [e.body for e in Entry.select()]
    assert any("- [x]" in b for b in bodies)
    assert any("```python" in b for b in bodies)
    assert any("](https://" in b for b in bodies)
    assert any("|---" in b for b in bodies)
    assert any(b.startswith("# ") or "\n## " in b for b in bodies)
    lengths = sorted(len(b.split()) for b in bodies)
    assert lengths[0] < 60 and lengths[-1] > 600
    tags = {t.name for t in Tag.select()}
    assert {"ml", "math", "sprint-review", "writing"} <= tags


def test_full_text_search_finds_demo_entries(demo):
    db = demo._opened.db
    hits = db.execute_sql("SELECT count(*) FROM entry_fts WHERE entry_fts MATCH 'transformer'")
    assert hits.fetchone()[0] > 0
    tagged = db.execute_sql("SELECT count(*) FROM entry_fts WHERE entry_fts MATCH 'tags:sprint'")
    assert tagged.fetchone()[0] == Sprint.select().where(Sprint.status == "closed").count()
    db.execute_sql("INSERT INTO entry_fts(entry_fts, rank) VALUES ('integrity-check', 1)")


def test_sprints_are_consecutive_with_one_active_sprint_containing_today(demo):
    sprints = list(Sprint.select().order_by(Sprint.start))
    assert [s.name for s in sprints] == [f"Sprint {k}" for k in range(1, len(sprints) + 1)]
    for s in sprints:
        assert s.end - s.start == dt.timedelta(days=13)
        assert s.goal and s.career_goal and s.capacity_hours > 0
    for earlier, later in itertools.pairwise(sprints):
        assert later.start == earlier.end + dt.timedelta(days=1)
    active = [s for s in sprints if s.status == "active"]
    assert len(active) == 1
    assert active[0].start <= TODAY <= active[0].end
    assert all(s.status == "closed" and s.end < TODAY for s in sprints if s is not active[0])
    first_day = DayLog.select().order_by(DayLog.day).first().day
    assert sprints[0].start == first_day


def test_every_closed_sprint_gets_a_review_entry_on_its_last_day(demo):
    for sprint in Sprint.select().where(Sprint.status == "closed"):
        reviews = list(Entry.select().where(Entry.title == f"{sprint.name} review"))
        assert len(reviews) == 1, sprint.name
        assert reviews[0].day == sprint.end
        assert reviews[0].sprint_id == sprint.id
        assert "sprint-review" in {t.tag.name for t in reviews[0].entry_tags}


def test_tasks_fill_sprints_and_a_backlog(demo):
    backlog = list(Task.select().where(Task.sprint.is_null()))
    assert 15 <= len(backlog) <= 25
    assert {t.status for t in backlog} == {"todo"}
    closed_done = closed_all = 0
    for sprint in Sprint.select():
        tasks = list(sprint.tasks.order_by(Task.position))
        assert 3 <= len(tasks) <= 10
        assert [t.position for t in tasks] == list(range(len(tasks)))
        for t in tasks:
            assert t.status in ("todo", "doing", "done")
            assert (t.done_at is not None) == (t.status == "done")
            if t.done_at is not None:
                assert sprint.start <= t.done_at.date() <= min(sprint.end, TODAY)
        if sprint.status == "closed":
            closed_all += len(tasks)
            closed_done += sum(t.status == "done" for t in tasks)
        else:
            assert any(t.status != "done" for t in tasks) or sprint.end == TODAY
    assert 0.7 <= closed_done / closed_all < 1.0
    assert Task.select().where(Task.notes.startswith("Rolled over")).count() > 0


def test_skills_resources_and_outputs_look_like_a_learners(demo):
    skills = {s.name: s for s in Skill.select()}
    assert set(skills) == {"Machine learning", "Mathematics", "Writing"}
    assert skills["Machine learning"].target_hours == 10_000
    assert skills["Machine learning"].baseline_hours > 0
    resources = list(Resource.select())
    assert {r.kind for r in resources} == {"course", "book", "paper", "video", "curriculum"}
    assert {"done", "active", "planned"} <= {r.status for r in resources}
    assert any("Attention Is All You Need" in r.title for r in resources)
    outputs = list(Output.select())
    kinds = {"explainer", "blog_post", "forum_post", "comment", "x_thread", "code", "summary"}
    assert {o.kind for o in outputs} <= kinds
    assert len({o.kind for o in outputs}) >= 5
    assert {o.status for o in outputs} == {"idea", "draft", "published"}
    for o in outputs:
        assert (o.url != "") == (o.status == "published")
        if o.status == "idea":
            assert o.words is None
    months = {(o.day.year, o.day.month) for o in outputs}
    assert len(outputs) >= 2 * len(months) - 2
