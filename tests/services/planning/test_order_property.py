"""Whatever sequence of moves is made, the board shows the order the user asked for: a
property checked against a plain list model, starting from tied positions too (old
data)."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal_app.db.models import Task

COLUMNS = ("backlog", "todo", "doing", "done")
moves = st.lists(
    st.tuples(st.integers(0, 7), st.sampled_from(COLUMNS), st.integers(-1, 8)),
    max_size=25,
)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(moves=moves, tied=st.booleans())
def test_moves_keep_the_order_asked_for(planner, moves, tied):
    Task.delete().execute()
    sprint = (
        planner.sprints()[0].sprint
        if planner.sprints()
        else planner.add_sprint("S", dt.date(2026, 11, 16), dt.date(2026, 11, 29), capacity_hours=1)
    )
    ids = [planner.add_task(f"t{n}", sprint_id=sprint.id).id for n in range(8)]
    if tied:  # as an import or an old version might leave them
        Task.update(position=0).execute()
    model = {c: [] for c in COLUMNS}
    model["todo"] = sorted(ids)  # ties sort by id
    for index, column, before_index in moves:
        task = ids[index]
        target = model[column]
        before = target[before_index] if 0 <= before_index < len(target) else None
        if column == "backlog":
            planner.move_task(task, sprint_id=None, before=before)
        else:
            planner.move_task(task, sprint_id=sprint.id, status=column, before=before)
        if before == task:
            continue  # stays where it is
        for col in model.values():
            if task in col:
                col.remove(task)
        spot = len(target) if before is None else target.index(before)
        target.insert(spot, task)
        board = planner.board(sprint.id)
        shown = {c: [t.id for t in board.column(c)] for c in ("todo", "doing", "done")}
        shown["backlog"] = [t.id for t in planner.backlog()]
        assert shown == model
