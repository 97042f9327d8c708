"""The sprint review: its figures, and the template's text filled with them.

The review starts from the "Sprint review" template (services.templates renders its
placeholders: series, number, dates...). The figures go under the template's own
headings — Goal, Done, Not done, Output, Hours and sleep — replacing the empty
placeholder item there ("- [x]", "- [ ]", "-"); a heading the user removed from the
template gets a section of its own at the end, so no figure is ever dropped.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from journal_app.services.planning.data import SprintData, TaskData
from journal_app.services.tracking.outputs import OutputData

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_PLACEHOLDER_ITEMS = {"-", "- [ ]", "- [x]", "- [X]", "*", "* [ ]", "* [x]", "1."}


@dataclass(frozen=True)
class ReviewFigures:
    sprint: SprintData
    first: dt.date  # the days counted: the sprint's, up to the review's day
    last: dt.date
    hours: float
    production_hours: float
    consumption_hours: float
    other_hours: float
    days_worked: int  # days with any deep work
    sleep_avg: float | None  # nights that ended on those days
    nights: int
    outputs: tuple[OutputData, ...]
    done: tuple[TaskData, ...]
    rolled_over: tuple[TaskData, ...]
    rolled_to: str  # "Sprint 8" or "the backlog"
    streak: int  # days in a row with deep work, up to the review's day

    @property
    def days(self) -> int:
        return max((self.last - self.first).days + 1, 0)


def _h(hours: float) -> str:
    return f"{hours:.1f} h"


def _date(day: dt.date) -> str:
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def _estimate(task: TaskData) -> str:
    return "" if task.estimate_hours is None else f" ({task.estimate_hours:g} h)"


def sections(figures: ReviewFigures) -> dict[str, list[str]]:
    """The lines to put under each heading, by heading key."""
    s = figures.sprint
    goal = [f"**Goal:** {s.goal or '—'}  "]
    if s.career_goal:
        goal.append(f"**Career goal:** {s.career_goal}  ")
    capacity = "" if s.capacity_hours is None else f", capacity {s.capacity_hours:g} h"
    goal.append(f"**Dates:** {_date(s.start)} – {_date(s.end)} ({s.days} days){capacity}")

    done = [f"- [x] {t.title}{_estimate(t)}" for t in figures.done]
    if not done:
        done = ["- No task was done in this sprint."]
    where = figures.rolled_to
    not_done = [
        f"- [ ] {t.title}{_estimate(t)} — rolled over to {where}" for t in figures.rolled_over
    ]
    if not not_done:
        not_done = ["- Every task was done."]

    outputs = []
    for o in figures.outputs:
        words = "" if o.words is None else f", {o.words:,} words"
        link = f" <{o.url}>" if o.url else ""
        outputs.append(f"- {o.kind_label}: “{o.title}” ({o.status}{words}){link}")
    if not outputs:
        outputs = ["- Nothing recorded as produced in this sprint."]

    sleep = "—" if figures.sleep_avg is None else _h(figures.sleep_avg)
    planned = "—" if s.capacity_hours is None else f"{s.capacity_hours:g} h"
    days = "day" if figures.streak == 1 else "days"
    hours = [
        "| Deep work | Production | Consumption | Capacity | Average sleep | Streak |",
        "|---|---|---|---|---|---|",
        f"| {_h(figures.hours)} | {_h(figures.production_hours)} | "
        f"{_h(figures.consumption_hours)} | {planned} | {sleep} | {figures.streak} {days} |",
        "",
        f"Deep work on {figures.days_worked} of {figures.days} days; "
        f"{len(figures.done)} task{'s' if len(figures.done) != 1 else ''} done, "
        f"{len(figures.rolled_over)} rolled over to {where}.",
    ]
    if figures.other_hours > 0:
        hours.insert(3, f"(and {_h(figures.other_hours)} without a category)")
    return {"goal": goal, "done": done, "not_done": not_done, "output": outputs, "hours": hours}


# Heading texts that take each section, matched on their start, case-insensitive.
_KEYS = (
    ("not_done", ("not done", "unfinished", "rolled over")),
    ("done", ("done", "completed")),
    ("goal", ("goal",)),
    ("output", ("output", "produced")),
    ("hours", ("hours", "time and sleep", "sleep")),
)
_TITLES = {
    "goal": "Goal",
    "done": "Done",
    "not_done": "Not done",
    "output": "Output",
    "hours": "Hours and sleep",
}


def _key(heading: str) -> str | None:
    text = heading.strip().lower()
    for key, starts in _KEYS:
        if any(text.startswith(s) for s in starts):
            return key
    return None


def fill(body: str, filled: dict[str, list[str]]) -> str:
    """`body` with each section's lines under its heading (first match only)."""
    lines = body.split("\n")
    heads: dict[str, int] = {}
    fence = False
    for i, line in enumerate(lines):
        if line.lstrip().startswith(("```", "~~~")):
            fence = not fence
        match = None if fence else _HEADING.match(line)
        if match:
            key = _key(match.group(2))
            if key in filled and key not in heads:
                heads[key] = i
    # From the bottom up, so earlier line numbers stay right.
    for key, at in sorted(heads.items(), key=lambda kv: -kv[1]):
        end = next((j for j in range(at + 1, len(lines)) if _HEADING.match(lines[j])), len(lines))
        spot = next((j for j in range(at + 1, end) if lines[j].strip() in _PLACEHOLDER_ITEMS), None)
        if spot is not None:
            lines[spot : spot + 1] = filled[key]
        else:
            block = filled[key] + ([""] if at + 1 < len(lines) and lines[at + 1].strip() else [])
            lines[at + 1 : at + 1] = block
    missing = [k for k in _TITLES if k in filled and k not in heads]
    text = "\n".join(lines)
    for key in missing:
        text = text.rstrip("\n") + f"\n\n## {_TITLES[key]}\n" + "\n".join(filled[key]) + "\n"
    return text


def review_day(sprint: SprintData, today: dt.date) -> dt.date:
    """The day the review is about: today, within the sprint's dates."""
    return min(max(today, sprint.start), sprint.end)


def review_outputs(outputs: Sequence[OutputData], sprint: SprintData) -> tuple[OutputData, ...]:
    """Outputs linked to the sprint, or made on its days and linked to no sprint."""
    return tuple(
        sorted(
            (
                o
                for o in outputs
                if o.sprint_id == sprint.id
                or (o.sprint_id is None and sprint.start <= o.day <= sprint.end)
            ),
            key=lambda o: (o.day, o.id),
        )
    )
