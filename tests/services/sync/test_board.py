"""The board travels (schema v10): tasks by uid with their fields last-writer-wins, a
rank per task so two devices insert into one column without renumbering it, moves
across columns, the cards' checklists, links, tags and label colours; a deleted task
goes everywhere with what belongs to it."""

from __future__ import annotations

import datetime as dt
import itertools
import json
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from journal_app.services.sync import board
from tests.services.sync.helpers import Device, devices, sync_all

key = st.text(alphabet=board.DIGITS, min_size=1, max_size=6).filter(lambda k: k[-1] != "0")


@given(st.lists(key, min_size=2, max_size=2, unique=True))
def test_a_key_fits_between_any_two(pair):
    low, high = sorted(pair)
    for made in (board.between(low, high), board.between(None, low), board.between(high, None)):
        assert made[-1] != "0"
    assert low < board.between(low, high) < high
    assert board.between(None, low) < low < high < board.between(high, None)


@given(st.lists(st.one_of(st.none(), key), max_size=12), st.data())
def test_only_ranks_out_of_place_change_and_the_column_ends_in_order(ranks, data):
    uids = data.draw(st.lists(st.sampled_from("abc"), min_size=len(ranks), max_size=len(ranks)))
    tasks = list(zip(ranks, uids, strict=True))
    new = board.ranks_for(tasks)
    final = [(new.get(i, r), u) for i, (r, u) in enumerate(tasks)]
    assert all(r is not None for r, _ in final)
    assert all(a < b for a, b in itertools.pairwise(final))
    already = [i for i, (r, _) in enumerate(tasks) if r is not None]
    increasing = all(tasks[a] < tasks[b] for a, b in itertools.pairwise(already))
    if increasing and len({tasks[i][0] for i in already}) == len(already):
        assert set(new) == {i for i, (r, _) in enumerate(tasks) if r is None}


def _titles(services, sprint_id: int | None) -> dict[str, list[str]]:
    if sprint_id is None:
        return {"backlog": [t.title for t in services.planning.backlog()]}
    found = services.planning.board(sprint_id)
    return {c: [t.title for t in getattr(found, c)] for c in ("todo", "doing", "done")}


def _sprint_id(services) -> int:
    (overview,) = services.planning.sprints()
    return overview.sprint.id


def _ranks_sent(folder: Path) -> list[str]:
    """The tasks whose rank a device's latest segment sent."""
    sent = []
    for device in sorted((folder / "devices").iterdir()):
        newest = max(device.glob("seg-*.json"))
        changes = json.loads(newest.read_text(encoding="utf-8"))["changes"]
        sent += [c["id"] for c in changes if c["t"] == "task" and c["f"] == "rank"]
    return sent


def test_two_devices_inserting_into_one_column_renumber_nothing(tmp_path):
    folder, (laptop, desktop) = devices(tmp_path, "laptop", "desktop")
    with laptop.open() as s:
        for title in ("A", "B", "C"):
            s.planning.add_task(title)
    sync_all(laptop, desktop)
    with laptop.open() as s:
        b = next(t for t in s.planning.backlog() if t.title == "B")
        s.planning.add_task("from laptop", before=b.id)
    with desktop.open() as s:
        b = next(t for t in s.planning.backlog() if t.title == "B")
        s.planning.add_task("from desktop", before=b.id)
    laptop.sync()
    desktop.sync()
    assert len(_ranks_sent(folder)) == 2  # one rank each: the new cards', nothing else
    sync_all(laptop, desktop)
    with laptop.open() as s:
        seen = _titles(s, None)["backlog"]
    assert seen[0] == "A" and seen[3:] == ["B", "C"]
    assert set(seen[1:3]) == {"from laptop", "from desktop"}
    with desktop.open() as s:
        assert _titles(s, None)["backlog"] == seen
    assert laptop.state() == desktop.state()


def test_moves_across_columns_and_card_details_travel(tmp_path):
    _, (laptop, desktop) = devices(tmp_path, "laptop", "desktop")
    with laptop.open() as s:
        sprint = s.planning.add_sprint("Sprint 1", dt.date(2026, 11, 2), dt.date(2026, 11, 15))
        entry = s.entries.create(day=dt.date(2026, 11, 2), title="Notes", body="x")
        first = s.planning.add_task("Watch makemore", sprint_id=sprint.id, tags=["ml"])
        s.planning.add_task("Write explainer", sprint_id=sprint.id)
        s.planning.update_task(
            first.id,
            due=dt.date(2026, 11, 5),
            priority=3,
            checklist=[("Part 1", True), ("Part 2", False)],
            links=[("entry", entry.id)],
        )
        s.planning.set_label_color("ml", "#112233")
    sync_all(laptop, desktop)
    with desktop.open() as s:
        card = next(t for t in s.planning.tasks(_sprint_id(s)) if t.title == "Watch makemore")
        assert (card.priority, str(card.due)) == (3, "2026-11-05")
        assert card.labels == (("ml", "#112233"),)
        assert [(c.text, c.done) for c in card.checklist] == [("Part 1", True), ("Part 2", False)]
        assert [link.title for link in card.links] == ["Notes"]
    # Concurrent moves: the laptop moves one card to "doing", the desktop the other to
    # "done" and ticks a checklist line of the first.
    with laptop.open() as s:
        sid = _sprint_id(s)
        card = next(t for t in s.planning.tasks(sid) if t.title == "Watch makemore")
        s.planning.move_task(card.id, status="doing")
    with desktop.open() as s:
        sid = _sprint_id(s)
        other = next(t for t in s.planning.tasks(sid) if t.title == "Write explainer")
        s.planning.move_task(other.id, status="done")
        card = next(t for t in s.planning.tasks(sid) if t.title == "Watch makemore")
        s.planning.update_task(card.id, checklist=[("Part 1", True), ("Part 2", True)])
    sync_all(laptop, desktop)
    for device in (laptop, desktop):
        with device.open() as s:
            assert _titles(s, _sprint_id(s)) == {
                "todo": [],
                "doing": ["Watch makemore"],
                "done": ["Write explainer"],
            }
    assert laptop.state() == desktop.state()


def test_a_deleted_task_goes_with_its_checklist_even_if_edited_meanwhile(tmp_path):
    _, (laptop, desktop) = devices(tmp_path, "laptop", "desktop")
    with laptop.open() as s:
        task = s.planning.add_task("Doomed")
        s.planning.update_task(task.id, checklist=[("Step", False)])
        s.planning.add_task("Kept")
        s.sessions.add(*_two_hours(), task_id=task.id, note="on the doomed task")
    sync_all(laptop, desktop)
    with desktop.open() as s:
        doomed = next(t for t in s.planning.backlog() if t.title == "Doomed")
        s.planning.update_task(doomed.id, title="Edited meanwhile", priority=2)
    with laptop.open() as s:
        s.planning.delete_task(task.id)
    sync_all(laptop, desktop)
    for device in (laptop, desktop):
        with device.open() as s:
            assert [t.title for t in s.planning.backlog()] == ["Kept"]
            (part,) = s.sessions.between(*[_two_hours()[0].date()] * 2)
            assert (part.session.task_id, part.session.note) == (None, "on the doomed task")
    assert laptop.state() == desktop.state()
    assert "Step" not in laptop.state()


def _two_hours():
    start = dt.datetime(2026, 11, 1, 9, tzinfo=dt.UTC)
    return start, start + dt.timedelta(hours=2)


def test_resources_outputs_templates_and_words_travel(tmp_path):
    _, (laptop, desktop) = devices(tmp_path, "laptop", "desktop")
    with laptop.open() as s:
        course = s.resources.add("Zero to Hero", url="https://example.org/z2h")
        s.outputs.add(kind="explainer", title="Backprop by hand", day=dt.date(2026, 11, 2))
        s.templates.create(name="Paper notes", title="Paper: ", body="## Claims\n")
        daily = next(t for t in s.templates.list() if t.name == "Daily log")
        s.templates.update(daily.id, body="my own daily")
        s.spelling.add_word("makemore")
        s.planning.add_task("Lecture 3", resource_id=course.id)
    with desktop.open() as s:
        s.spelling.add_word("makemore")  # the same word on both: one row
        s.spelling.add_word("softmax")
    sync_all(laptop, desktop)
    with desktop.open() as s:
        assert [r.title for r in s.resources.list()] == ["Zero to Hero"]
        (task,) = s.planning.backlog()
        assert task.resource == "Zero to Hero"
        names = sorted(t.name for t in s.templates.list())
        assert names == ["Daily log", "Paper notes", "Sprint review", "Weekly review"]
        assert next(t for t in s.templates.list() if t.name == "Daily log").body == "my own daily"
        assert s.spelling.personal_words() == ["makemore", "softmax"]
    with laptop.open() as s:
        assert s.spelling.personal_words() == ["makemore", "softmax"]
    assert laptop.state() == desktop.state()


def test_checklist_lines_added_at_once_on_two_devices_show_in_one_order(tmp_path):
    _, (laptop, desktop) = devices(tmp_path, "laptop", "desktop")
    with laptop.open() as s:
        task = s.planning.add_task("Read")
        s.planning.update_task(task.id, checklist=[("Part 1", False)])
    sync_all(laptop, desktop)
    orders = []
    for device, line in ((laptop, "from laptop"), (desktop, "from desktop")):
        with device.open() as s:
            (card,) = s.planning.backlog()
            s.planning.update_task(card.id, checklist=[("Part 1", False), (line, False)])
    sync_all(laptop, desktop)
    for device in (laptop, desktop):
        with device.open() as s:
            (card,) = s.planning.backlog()
            orders.append([c.text for c in card.checklist])
    assert orders[0] == orders[1]
    assert sorted(orders[0]) == ["Part 1", "from desktop", "from laptop"]


def test_a_device_joining_later_keeps_the_built_ins_as_the_others_changed_them(tmp_path):
    """A new journal has the built-in categories and templates too (same names, so
    the same ids): what it sends first yields to what the others wrote."""
    folder = tmp_path / "Sync"
    folder.mkdir()
    laptop = Device(tmp_path, "laptop")
    laptop.setup(folder)
    with laptop.open() as s:
        daily = next(t for t in s.templates.list() if t.name == "Daily log")
        s.templates.update(daily.id, body="my own daily")
        order = [c.id for c in s.categories.list()]
        s.categories.reorder(list(reversed(order)))
        wanted = [c.name for c in s.categories.list()]
    laptop.sync()
    laptop.clock.advance(days=30)
    desktop = Device(tmp_path, "desktop")
    desktop.clock.advance(days=30)
    desktop.setup(folder)
    sync_all(laptop, desktop)
    for device in (laptop, desktop):
        with device.open() as s:
            daily = next(t for t in s.templates.list() if t.name == "Daily log")
            assert daily.body == "my own daily"
            assert [c.name for c in s.categories.list()] == wanted
    assert laptop.state() == desktop.state()
