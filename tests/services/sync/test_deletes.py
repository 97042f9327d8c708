"""Deleting rows other than entries travels (the "gone" register): the delete wins over
edits made meanwhile elsewhere, what pointed at the row is handled as the local delete
does (sessions keep their time without the category, tasks go back to the backlog),
and a row made again afterwards (a skill by the same name) comes back everywhere."""

from __future__ import annotations

import datetime as dt

from tests.services.sync.helpers import START, devices, sync_all

DAY = START.date()


def test_a_deleted_category_goes_and_sessions_keep_their_time(tmp_path):
    _, (laptop, desktop) = devices(tmp_path, "laptop", "desktop")
    with laptop.open() as s:
        s.categories.add("Kaggle", "production")
    sync_all(laptop, desktop)
    with desktop.open() as s:  # meanwhile: a session in that category, and a rename
        kaggle = s.categories.find("Kaggle")
        s.sessions.add(START, START + dt.timedelta(hours=1), category_id=kaggle.id)
        s.categories.rename(kaggle.id, "Competitions")
    desktop.clock.advance(minutes=5)
    with laptop.open() as s:
        s.categories.delete(s.categories.find("Kaggle").id)
    sync_all(laptop, desktop)
    for device in (laptop, desktop):
        with device.open() as s:
            names = {c.name for c in s.categories.list()}
            assert not names & {"Kaggle", "Competitions"}
            (part,) = s.sessions.between(DAY, DAY)
            assert part.session.category is None
            assert s.stats.deep_work_hours(DAY) == 1.0
    assert laptop.state() == desktop.state()


def test_a_deleted_sprint_sends_its_tasks_to_the_backlog_everywhere(tmp_path):
    _, (laptop, desktop) = devices(tmp_path, "laptop", "desktop")
    with laptop.open() as s:
        sprint = s.planning.add_sprint("Sprint 1", DAY, DAY + dt.timedelta(days=13))
        s.planning.add_task("Read the paper", sprint_id=sprint.id)
        s.entries.create(day=DAY, title="Notes", body="x", sprint_id=sprint.id)
    sync_all(laptop, desktop)
    with desktop.open() as s:
        (overview,) = s.planning.sprints()
        s.planning.update_sprint(overview.sprint.id, goal="edited meanwhile")
    with laptop.open() as s:
        s.planning.delete_sprint(sprint.id)
    sync_all(laptop, desktop)
    for device in (laptop, desktop):
        with device.open() as s:
            assert s.planning.sprints() == []
            assert [t.title for t in s.planning.backlog()] == ["Read the paper"]
            (entry,) = s.entries.recent()
            assert s.entries.get(entry.id).sprint_id is None
    assert laptop.state() == desktop.state()


def test_a_skill_deleted_then_made_again_by_name_comes_back(tmp_path):
    _, (laptop, desktop) = devices(tmp_path, "laptop", "desktop")
    with laptop.open() as s:
        s.skills.ensure("Statistics")
    sync_all(laptop, desktop)
    with laptop.open() as s:
        s.skills.delete(s.skills.find("Statistics").id)
    sync_all(laptop, desktop)
    with desktop.open() as s:
        assert s.skills.find("Statistics") is None
        s.skills.ensure("Statistics")  # the same name: the same derived id, made again
    desktop.clock.advance(minutes=1)
    sync_all(laptop, desktop)
    with laptop.open() as s:
        assert s.skills.find("Statistics") is not None
    assert laptop.state() == desktop.state()


def test_a_word_or_label_colour_removed_goes_and_set_again_comes_back(tmp_path):
    _, (laptop, desktop) = devices(tmp_path, "laptop", "desktop")
    with laptop.open() as s:
        s.spelling.add_word("makemore")
        s.planning.add_task("Read", tags=["ml"])
        s.planning.set_label_color("ml", "#112233")
    sync_all(laptop, desktop)
    with laptop.open() as s:
        s.spelling.remove_word("makemore")
        s.planning.set_label_color("ml", None)  # back to its default colour
    sync_all(laptop, desktop)
    with desktop.open() as s:
        assert s.spelling.personal_words() == []
        (card,) = s.planning.backlog()
        assert card.labels != (("ml", "#112233"),)
        s.spelling.add_word("makemore")  # the same word: the same id, made again
        s.planning.set_label_color("ml", "#445566")
    desktop.clock.advance(minutes=1)
    sync_all(laptop, desktop)
    with laptop.open() as s:
        assert s.spelling.personal_words() == ["makemore"]
        (card,) = s.planning.backlog()
        assert card.labels == (("ml", "#445566"),)
    assert laptop.state() == desktop.state()
