"""Outputs: what the user shipped or plans to (explainers, posts, comments, X threads,
code, paper summaries), with status, URL, words, date and links to entry/sprint/skill."""

from __future__ import annotations

import builtins
import datetime as dt
import re
from typing import Any, NamedTuple

from peewee import JOIN

from journal_app.db.models import Entry, Output, Skill, Sprint
from journal_app.errors import InvalidInput
from journal_app.services.clock import Clock
from journal_app.services.common import UNSET, Unset, atomic
from journal_app.services.rows import check_ref
from journal_app.services.tracking.common import check_name, check_url
from journal_app.services.tracking.timeutil import check_day, from_storage, local_date, to_storage

KINDS: dict[str, str] = {
    "explainer": "Explainer",
    "blog_post": "Blog post",
    "forum_post": "Forum post",
    "comment": "Comment",
    "x_thread": "X thread",
    "code": "Code / repo",
    "summary": "Paper summary",
}
STATUSES = ("idea", "draft", "published")
MAX_WORDS = 10_000_000


class OutputData(NamedTuple):
    id: int
    kind: str  # a key of KINDS
    title: str
    status: str  # idea / draft / published
    url: str
    words: int | None
    day: dt.date
    entry_id: int | None
    sprint_id: int | None
    skill_id: int | None
    skill: str | None
    created_at: dt.datetime  # aware UTC

    @property
    def kind_label(self) -> str:
        return KINDS.get(self.kind, self.kind)

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "title": self.title,
            "status": self.status,
            "url": self.url,
            "words": self.words,
            "day": self.day.isoformat(),
            "entry_id": self.entry_id,
            "sprint_id": self.sprint_id,
            "skill": self.skill,
        }


def _normal(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


_KIND_NAMES: dict[str, str] = {
    **{_normal(label): key for key, label in KINDS.items()},
    **{key: key for key in KINDS},
    "repo": "code",
    "thread": "x_thread",
    "post": "blog_post",
}


def check_kind(value: object) -> str:
    """A kind key; labels and dashes are accepted too ("Blog post", "x-thread")."""
    key = _KIND_NAMES.get(_normal(value)) if isinstance(value, str) else None
    if key is None:
        raise InvalidInput(f"the kind must be one of {', '.join(KINDS)}, not {value!r}")
    return key


def check_status(value: object) -> str:
    text = value.strip().lower() if isinstance(value, str) else value
    if text not in STATUSES:
        raise InvalidInput(f"the status must be idea, draft or published, not {value!r}")
    return str(text)


def check_words(value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_WORDS:
        raise InvalidInput(f"words must be a whole number of 0 or more, not {value!r}")
    return value


class OutputService:
    def __init__(self, clock: Clock, tz: dt.tzinfo) -> None:
        self._clock = clock
        self._tz = tz

    def list(
        self,
        *,
        first: dt.date | None = None,
        last: dt.date | None = None,
        kind: str | None = None,
        status: str | None = None,
        skill_id: int | None = None,
        sprint_id: int | None = None,
    ) -> builtins.list[OutputData]:
        """Outputs, newest day first, optionally within days / of a kind / status."""
        query = self._select()
        if first is not None:
            query = query.where(Output.day >= check_day(first))
        if last is not None:
            query = query.where(Output.day <= check_day(last))
        if kind is not None:
            query = query.where(Output.kind == check_kind(kind))
        if status is not None:
            query = query.where(Output.status == check_status(status))
        if skill_id is not None:
            query = query.where(Output.skill == skill_id)
        if sprint_id is not None:
            query = query.where(Output.sprint == sprint_id)
        query = query.order_by(Output.day.desc(), Output.id.desc())
        return [self._data(o) for o in query.objects()]

    def for_day(self, day: dt.date) -> builtins.list[OutputData]:
        day = check_day(day)
        query = self._select().where(Output.day == day).order_by(Output.id)
        return [self._data(o) for o in query.objects()]

    def get(self, output_id: int) -> OutputData:
        found = list(self._select().where(Output.id == output_id).objects())
        if not found:
            raise InvalidInput(f"there is no output {output_id!r}")
        return self._data(found[0])

    def add(
        self,
        *,
        kind: str,
        title: str,
        status: str = "idea",
        url: str = "",
        words: int | None = None,
        day: dt.date | None = None,
        entry_id: int | None = None,
        sprint_id: int | None = None,
        skill_id: int | None = None,
    ) -> OutputData:
        now = self._clock()
        values: dict[str, Any] = {
            "kind": check_kind(kind),
            "title": check_name(title, "the title"),
            "status": check_status(status),
            "url": check_url(url),
            "words": check_words(words),
            "day": local_date(now, self._tz) if day is None else check_day(day),
        }
        with atomic():
            values["entry"] = check_ref(Entry, entry_id)
            values["sprint"] = check_ref(Sprint, sprint_id)
            values["skill"] = check_ref(Skill, skill_id)
            row = Output.create(created_at=to_storage(now), **values)
        return self.get(row.id)

    def update(
        self,
        output_id: int,
        *,
        kind: str | Unset = UNSET,
        title: str | Unset = UNSET,
        status: str | Unset = UNSET,
        url: str | Unset = UNSET,
        words: int | Unset | None = UNSET,
        day: dt.date | Unset = UNSET,
        entry_id: int | Unset | None = UNSET,
        sprint_id: int | Unset | None = UNSET,
        skill_id: int | Unset | None = UNSET,
    ) -> OutputData:
        values: dict[str, Any] = {}
        if kind is not UNSET:
            values["kind"] = check_kind(kind)
        if title is not UNSET:
            values["title"] = check_name(title, "the title")
        if status is not UNSET:
            values["status"] = check_status(status)
        if url is not UNSET:
            values["url"] = check_url(url)
        if words is not UNSET:
            values["words"] = check_words(words)
        if day is not UNSET:
            values["day"] = check_day(day)
        with atomic():
            self.get(output_id)
            if entry_id is not UNSET:
                values["entry"] = check_ref(Entry, entry_id)
            if sprint_id is not UNSET:
                values["sprint"] = check_ref(Sprint, sprint_id)
            if skill_id is not UNSET:
                values["skill"] = check_ref(Skill, skill_id)
            if values:
                Output.update(values).where(Output.id == output_id).execute()
        return self.get(output_id)

    def delete(self, output_id: int) -> None:
        with atomic():
            self.get(output_id)
            Output.delete().where(Output.id == output_id).execute()

    def counts(self, first: dt.date, last: dt.date) -> dict[str, int]:
        """{kind: number of outputs} with a day in `first`..`last` (for the dashboard)."""
        found: dict[str, int] = {}
        for output in self.list(first=first, last=last):
            found[output.kind] = found.get(output.kind, 0) + 1
        return found

    @staticmethod
    def _select() -> Any:
        return Output.select(Output, Skill.name.alias("skill_name")).join(
            Skill, JOIN.LEFT_OUTER, on=(Output.skill == Skill.id)
        )

    @staticmethod
    def _data(row: Any) -> OutputData:
        return OutputData(
            id=row.id,
            kind=row.kind,
            title=row.title,
            status=row.status,
            url=row.url,
            words=row.words,
            day=row.day,
            entry_id=row.entry_id,
            sprint_id=row.sprint_id,
            skill_id=row.skill_id,
            skill=row.skill_name,
            created_at=from_storage(row.created_at),
        )
