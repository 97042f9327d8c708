"""Closing a sprint from the page: each rollover choice, and the review entry's figures
checked against what was logged."""

from __future__ import annotations

import datetime as dt

import pytest

from .conftest import BERLIN, D


@pytest.fixture
def logged(planner, services, sprint):
    """Sprint 1 with 2 h production and 1.5 h consumption, two nights (6 h and 8 h), an
    output, one task done and two not; Sprint 2 follows."""
    nxt = planner.add_sprint("Sprint 2", D(2026, 11, 30), D(2026, 12, 13), capacity_hours=20)
    production = services.categories.ensure("Coding", "production").id
    consumption = services.categories.ensure("Reading", "consumption").id
    for day, hours, category in ((17, 2, production), (21, 1.5, consumption)):
        start = dt.datetime(2026, 11, day, 9, tzinfo=BERLIN)
        services.sessions.add(start, start + dt.timedelta(hours=hours), category_id=category)
    services.day_logs.save(D(2026, 11, 17), hours=6)
    services.day_logs.save(D(2026, 11, 21), hours=8)
    services.outputs.add(
        kind="blog_post", title="What makemore taught me", status="published", day=D(2026, 11, 20)
    )
    done = planner.add_task("Lecture 4", sprint_id=sprint.id, estimate_hours=2)
    planner.move_task(done.id, status="done")
    planner.add_task("Exercises", sprint_id=sprint.id, estimate_hours=3)
    planner.add_task("Explainer", sprint_id=sprint.id, status="doing")
    return nxt


def close_with(qtbot, window, page, choice):
    page.close_sprint()
    dialog = page.dialog
    dialog.choose(choice)
    with qtbot.waitSignal(window.events.entries_changed):
        assert dialog.try_accept()
    return page.last_review_id


def check_review(services, entry_id, where):
    entry = services.entries.get(entry_id)
    assert entry.title == "Self Study Journal #1 — Sprint 1 review"
    assert entry.day == D(2026, 11, 22)  # today, within the sprint
    assert entry.tags == ["sprint-review"]
    body = entry.body
    assert "**Goal:** Finish makemore" in body
    assert "| 3.5 h | 2.0 h | 1.5 h | 20 h | 7.0 h | 1 day |" in body
    assert "- [x] Lecture 4 (2 h)" in body
    assert f"- [ ] Exercises (3 h) — rolled over to {where}" in body
    assert f"- [ ] Explainer — rolled over to {where}" in body
    assert "- Blog post: “What makemore taught me” (published)" in body
    assert f"Deep work on 2 of 7 days; 1 task done, 2 rolled over to {where}." in body


def test_close_into_the_next_sprint(qtbot, make_window, planner, services, sprint, logged):
    window = make_window()
    window.show_area("sprints")
    page = window.page("sprints")
    page.close_sprint()
    dialog = page.dialog
    assert dialog.to_next.isChecked() and dialog.to_next.isEnabled()
    assert "Sprint 2 (30 Nov – 13 Dec 2026)" in dialog.to_next.text()
    dialog.reject()
    entry_id = close_with(qtbot, window, page, "next")
    check_review(services, entry_id, "Sprint 2")
    assert planner.sprint(sprint.id).status == "closed"
    assert [t.title for t in planner.board(logged.id).tasks] == ["Exercises", "Explainer"]
    # The board follows the tasks to Sprint 2.
    assert page.current_sprint().id == logged.id
    assert "moved to Sprint 2" in page.board.notice.text()
    combo = page.sprint_combo
    labels = [combo.itemText(i) for i in range(combo.count())]
    assert "Sprint 1 · 16 – 29 Nov 2026 · closed" in labels
    # The review opens in the Journal, for the reflection.
    assert page.review_button.isVisible()
    page.review_button.click()
    assert window.current_area() == "journal"
    assert window.journal_page.editor_pane.entry.id == entry_id


def test_close_into_the_backlog(qtbot, make_window, planner, services, sprint, logged):
    window = make_window()
    window.show_area("sprints")
    page = window.page("sprints")
    entry_id = close_with(qtbot, window, page, "backlog")
    check_review(services, entry_id, "the backlog")
    assert [t.title for t in planner.backlog()] == ["Exercises", "Explainer"]
    assert planner.board(logged.id).tasks == ()
    assert page.current_sprint().id == sprint.id and page.current_sprint().closed
    assert not page.close_button.isEnabled()
    assert [t.title for t in page.board.column("backlog").model.tasks()] == [
        "Exercises",
        "Explainer",
    ]


def test_without_a_next_sprint_only_the_backlog_is_offered(qtbot, make_window, planner, sprint):
    window = make_window()
    window.show_area("sprints")
    page = window.page("sprints")
    page.close_sprint()
    dialog = page.dialog
    assert not dialog.to_next.isEnabled() and dialog.to_backlog.isChecked()
    assert "none is planned" in dialog.to_next.text()
