"""Categories, skills (with their ledger), resources and outputs, and the tracking
settings: what users add, rename and link sessions to."""

from __future__ import annotations

import datetime as dt

import pytest

from journal_app.db.models import Category, Output, Resource, Setting, Skill
from journal_app.errors import InvalidInput
from journal_app.services.tracking.skills import project

from .conftest import BERLIN, at

# --------------------------------------------------------------------------- categories


def test_the_default_categories_come_from_schema_v1(tracking):
    listed = [(c.name, c.side) for c in tracking.categories.list()]
    assert listed == [
        ("Writing", "production"),
        ("Coding", "production"),
        ("Teaching", "production"),
        ("Explaining", "production"),
        ("Reading", "consumption"),
        ("Watching", "consumption"),
        ("Courses", "consumption"),
    ]


def test_categories_are_added_renamed_and_moved_between_sides(tracking):
    categories = tracking.categories
    papers = categories.add("  Papers ", "consumption")
    assert (papers.name, papers.side) == ("Papers", "consumption")
    assert categories.list()[-1] == papers
    assert categories.rename(papers.id, "Paper reading").name == "Paper reading"
    moved = categories.set_side(papers.id, "production")
    assert categories.list()[4] == moved  # after the other production ones
    with pytest.raises(InvalidInput, match="already a category called “writing”"):
        categories.add("writing", "production")
    with pytest.raises(InvalidInput, match="already a category called “Coding”"):
        categories.rename(papers.id, "Coding")
    with pytest.raises(InvalidInput, match="production or consumption"):
        categories.add("Gaming", "leisure")
    with pytest.raises(InvalidInput, match="cannot be empty"):
        categories.rename(papers.id, "   ")
    assert categories.find("PAPER READING") == moved
    assert categories.ensure("coding").name == "Coding"  # no duplicate
    assert categories.ensure("Kaggle").side == "production"


def test_a_category_in_use_is_deleted_only_when_forced(tracking):
    writing = tracking.categories.find("Writing")
    session = tracking.sessions.add_local(
        dt.date(2026, 11, 22), dt.time(9), dt.time(10), category_id=writing.id
    )
    with pytest.raises(InvalidInput, match="1 session uses “Writing”"):
        tracking.categories.delete(writing.id)
    tracking.categories.delete(writing.id, force=True)
    assert tracking.sessions.get(session.id).category is None
    assert tracking.sessions.get(session.id).hours == 1.0
    assert next(c.name for c in tracking.categories.restore_defaults()) == "Coding"
    assert tracking.categories.find("Writing") is not None


def test_categories_can_be_reordered(tracking):
    ids = [c.id for c in tracking.categories.list()]
    reordered = tracking.categories.reorder([ids[1], ids[0]])
    assert [c.id for c in reordered][:2] == [ids[1], ids[0]]
    with pytest.raises(InvalidInput, match="no category 999"):
        tracking.categories.reorder([999])


# --------------------------------------------------------------------------- skills


def test_skills_with_target_and_baseline(tracking):
    skills = tracking.skills
    ml = skills.add("Machine learning", baseline_hours=350)
    assert (ml.target_hours, ml.baseline_hours) == (10_000.0, 350.0)
    assert skills.update(ml.id, target_hours=5000).target_hours == 5000
    with pytest.raises(InvalidInput, match="already a skill called “machine learning”"):
        skills.add("machine learning")
    for bad in ({"target_hours": 0}, {"target_hours": -5}, {"baseline_hours": -1}):
        with pytest.raises(InvalidInput):
            skills.update(ml.id, **bad)
    assert skills.get(ml.id).target_hours == 5000
    assert skills.ensure("MACHINE LEARNING") == skills.get(ml.id)
    assert skills.ensure("Writing").target_hours == 10_000


def test_the_skill_ledger(tracking, clock):
    ml = tracking.skills.add("Machine learning", target_hours=1000, baseline_hours=300)
    today = dt.date(2026, 11, 22)
    for back in range(28):  # 2 h a day for four weeks
        day = today - dt.timedelta(days=back)
        tracking.sessions.add_local(day, dt.time(9), dt.time(11), skill_id=ml.id)
    tracking.sessions.add_local(dt.date(2025, 1, 1), dt.time(9), dt.time(13), skill_id=ml.id)
    ledger = tracking.skills.ledger(ml.id)
    assert ledger.today == today
    assert ledger.logged_hours == 60.0
    assert ledger.total_hours == 360.0
    assert (ledger.hours_last_7_days, ledger.hours_last_30_days) == (14.0, 56.0)
    assert ledger.pace_hours_per_day == 2.0
    assert ledger.remaining_hours == 640.0
    assert ledger.projected_date == today + dt.timedelta(days=320)
    assert ledger.hours_per_day_to_reach(dt.date(2026, 12, 1)) == 64.0  # 10 days
    assert tracking.skills.hours_per_day_to_reach(ml.id, today) == 640.0
    with pytest.raises(InvalidInput, match="from today on"):
        ledger.hours_per_day_to_reach(dt.date(2026, 11, 21))
    assert 0.35 < ledger.progress < 0.37


def test_projection_edge_cases():
    today = dt.date(2026, 11, 22)
    assert project(0, 2.0, today) is None  # reached
    assert project(100, 0.0, today) is None  # no recent work
    assert project(3, 2.0, today) == dt.date(2026, 11, 24)
    assert project(1e12, 0.001, today) is None  # beyond the calendar


def test_a_reached_skill_has_no_projection(tracking):
    done = tracking.skills.add("Touch typing", target_hours=1, baseline_hours=2)
    ledger = tracking.skills.ledger(done.id)
    assert ledger.reached and ledger.projected_date is None and ledger.progress == 1.0


# --------------------------------------------------------------------------- resources


def test_resources_and_the_hours_spent_on_them(tracking):
    resources = tracking.resources
    course = resources.add(
        "Transformers from scratch",
        kind="course",
        url="https://example.org/transformers",
        status="active",
        progress=10,
    )
    book = resources.add("Deep Learning", kind="book")
    day = dt.date(2026, 11, 22)
    tracking.sessions.add_local(day, dt.time(9), dt.time(10, 30), resource_id=course.id)
    tracking.sessions.add_local(day, dt.time(14), dt.time(15), resource_id=course.id)
    assert resources.get(course.id).hours_spent == 2.5
    assert [(r.title, r.hours_spent) for r in resources.list()] == [
        ("Transformers from scratch", 2.5),
        ("Deep Learning", 0.0),
    ]
    done = resources.update(course.id, status="done", progress=100, notes="great")
    assert (done.status, done.progress, done.notes, done.hours_spent) == ("done", 100, "great", 2.5)
    assert [r.title for r in resources.list(status="planned")] == ["Deep Learning"]
    with pytest.raises(InvalidInput, match="linked to 2 sessions; mark it dropped"):
        resources.delete(course.id)
    resources.delete(book.id)
    assert Resource.select().count() == 1


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"kind": "podcast"}, "the kind must be one of"),
        ({"status": "paused"}, "the status must be one of"),
        ({"progress": 120}, "from 0 to 100"),
        ({"url": "javascript:alert(1)"}, "must start with http"),
        ({"url": "https://exa mple.org"}, "cannot contain spaces"),
        ({"skill_id": 7}, "there is no skill 7"),
    ],
)
def test_bad_resources_are_refused(tracking, fields, message):
    with pytest.raises(InvalidInput, match=message):
        tracking.resources.add("A course", **fields)
    assert Resource.select().count() == 0


# --------------------------------------------------------------------------- outputs


def test_outputs_are_logged_listed_edited_and_deleted(tracking):
    outputs = tracking.outputs
    skill = tracking.skills.add("Writing")
    entry = tracking.entries.create(day=dt.date(2026, 11, 22), title="Self Study Journal #7")
    made = outputs.add(
        kind="Blog post",
        title="Attention, explained",
        status="published",
        url="https://blog.example.org/attention",
        words=2400,
        entry_id=entry.id,
        skill_id=skill.id,
    )
    assert (made.kind, made.kind_label, made.day, made.skill) == (
        "blog_post",
        "Blog post",
        dt.date(2026, 11, 22),  # today by the clock, in Berlin
        "Writing",
    )
    thread = outputs.add(kind="x-thread", title="Attention in 10 tweets", day=dt.date(2026, 11, 20))
    assert thread.status == "idea" and thread.words is None
    assert [o.title for o in outputs.list()] == ["Attention, explained", "Attention in 10 tweets"]
    assert [o.id for o in outputs.for_day(dt.date(2026, 11, 20))] == [thread.id]
    assert outputs.list(kind="x_thread", status="idea") == [thread]
    edited = outputs.update(thread.id, status="draft", words=380, entry_id=None)
    assert (edited.status, edited.words) == ("draft", 380)
    assert outputs.counts(dt.date(2026, 11, 1), dt.date(2026, 11, 30)) == {
        "blog_post": 1,
        "x_thread": 1,
    }
    outputs.delete(thread.id)
    assert Output.select().count() == 1
    assert made.as_dict()["day"] == "2026-11-22"


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"kind": "poem"}, "the kind must be one of"),
        ({"status": "shipped"}, "idea, draft or published"),
        ({"words": -3}, "0 or more"),
        ({"url": "ftp://example.org"}, "must start with http"),
        ({"title": ""}, "cannot be empty"),
        ({"day": dt.date(1850, 1, 1)}, "outside 1900-2100"),
        ({"entry_id": 12}, "there is no entry 12"),
        ({"sprint_id": 3}, "there is no sprint 3"),
    ],
)
def test_bad_outputs_are_refused(tracking, fields, message):
    values = {"kind": "explainer", "title": "Backprop", **fields}
    with pytest.raises(InvalidInput, match=message):
        tracking.outputs.add(**values)
    assert Output.select().count() == 0


# --------------------------------------------------------------------------- settings


def test_tracking_settings_are_stored_with_the_journal(tracking):
    settings = tracking.tracking_settings
    assert settings.get().daily_target_hours == 2.0
    changed = settings.update(daily_target_hours=3.5, pomodoro_long_break_every=3)
    assert (changed.daily_target_hours, changed.pomodoro_long_break_every) == (3.5, 3)
    assert Setting.get(Setting.key == "tracking.daily_target_hours").value == "3.5"
    with pytest.raises(InvalidInput, match="between 0 and 24"):
        settings.update(daily_target_hours=25)
    with pytest.raises(InvalidInput, match="whole number"):
        settings.update(pomodoro_long_break_every=2.5)
    with pytest.raises(InvalidInput, match="no tracking setting"):
        settings.update(colour="blue")
    Setting.update(value="garbage").where(Setting.key == "tracking.daily_target_hours").execute()
    assert settings.get().daily_target_hours == 2.0  # damaged: the default
    assert settings.reset().pomodoro_long_break_every == 4


def test_links_survive_only_as_long_as_their_rows(tracking):
    skill = tracking.skills.add("ML")
    session = tracking.sessions.add(
        at(BERLIN, 2026, 11, 22, 9), at(BERLIN, 2026, 11, 22, 10), skill_id=skill.id
    )
    with pytest.raises(InvalidInput, match="1 session counts toward “ML”"):
        tracking.skills.delete(skill.id)
    tracking.skills.delete(skill.id, force=True)
    assert tracking.sessions.get(session.id).skill is None
    assert Skill.select().count() == 0
    assert Category.select().count() == 7


def test_the_pomodoro_lengths_come_from_the_settings(tracking):
    tracking.tracking_settings.update(pomodoro_work_minutes=50, pomodoro_break_minutes=10)
    config = tracking.tracking_settings.get().pomodoro()
    assert (config.work_minutes, config.break_minutes, config.long_break_every) == (50, 10, 4)
    state = tracking.timer.start(pomodoro=config)
    assert state.pomodoro.ends_at == state.started_at + dt.timedelta(minutes=50)
