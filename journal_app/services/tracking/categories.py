"""Categories of deep work and the side each is on: production (writing, coding, teaching,
explaining) or consumption (reading, watching, courses). Schema v1 seeds those seven;
users add, rename, reorder and move them between sides."""

from __future__ import annotations

import builtins
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from peewee import fn

from journal_app.db.models import Category, WorkSession
from journal_app.errors import InvalidInput
from journal_app.services.common import atomic, get_row
from journal_app.services.rows import rows
from journal_app.services.tracking.common import check_name

SIDES = ("production", "consumption")
DEFAULTS: tuple[tuple[str, str], ...] = (
    ("Writing", "production"),
    ("Coding", "production"),
    ("Teaching", "production"),
    ("Explaining", "production"),
    ("Reading", "consumption"),
    ("Watching", "consumption"),
    ("Courses", "consumption"),
)


@dataclass(frozen=True)
class CategoryData:
    id: int
    name: str
    side: str  # production / consumption
    position: int


def check_side(side: object) -> str:
    if side not in SIDES:
        raise InvalidInput(f"the side must be production or consumption, not {side!r}")
    return str(side)


def _data(row: Any) -> CategoryData:
    return CategoryData(row.id, row.name, row.side, row.position)


class CategoryService:
    def list(self) -> list[CategoryData]:
        """Production first, then consumption; each in the user's order."""
        query = Category.select().order_by(
            (Category.side == "consumption"), Category.position, Category.id
        )
        return [_data(c) for c in query]

    def get(self, category_id: int) -> CategoryData:
        return _data(self._row(category_id))

    def find(self, name: str) -> CategoryData | None:
        """The category with this name, ignoring case and surrounding blanks."""
        wanted = check_name(name, "a category name").casefold()
        # A handful of rows: compare in Python (SQLite's lower() folds ASCII only).
        return next((c for c in self.list() if c.name.casefold() == wanted), None)

    def ensure(self, name: str, side: str = "production") -> CategoryData:
        """The category called `name`, created on the `side` given if it is new (CLI)."""
        found = self.find(name)
        return found if found is not None else self.add(name, side)

    def add(self, name: str, side: str) -> CategoryData:
        name = check_name(name, "a category name")
        side = check_side(side)
        with atomic():
            self._check_free(name)
            highest = Category.select(fn.MAX(Category.position)).scalar()
            row = Category.create(
                name=name, side=side, position=0 if highest is None else int(highest) + 1
            )
        return _data(row)

    def rename(self, category_id: int, name: str) -> CategoryData:
        name = check_name(name, "a category name")
        with atomic():
            self._row(category_id)
            self._check_free(name, category_id)
            Category.update(name=name).where(Category.id == category_id).execute()
        return self.get(category_id)

    def set_side(self, category_id: int, side: str) -> CategoryData:
        side = check_side(side)
        with atomic():
            self._row(category_id)
            Category.update(side=side).where(Category.id == category_id).execute()
        return self.get(category_id)

    def reorder(self, category_ids: Iterable[int]) -> builtins.list[CategoryData]:
        """Positions follow the order given; categories left out keep their relative order
        after those listed."""
        wanted = list(category_ids)
        with atomic():
            existing = [c.id for c in self.list()]
            unknown = [i for i in wanted if i not in existing]
            if unknown:
                raise InvalidInput(f"there is no category {unknown[0]!r}")
            order = list(dict.fromkeys(wanted)) + [i for i in existing if i not in wanted]
            for position, category_id in enumerate(order):
                Category.update(position=position).where(Category.id == category_id).execute()
        return self.list()

    def usage(self, category_id: int) -> int:
        """How many sessions are in this category."""
        return WorkSession.select().where(WorkSession.category == category_id).count()

    def delete(self, category_id: int, *, force: bool = False) -> None:
        """Delete a category; refused while sessions use it unless `force` (they then
        keep their time but lose the category)."""
        with atomic():
            row = self._row(category_id)
            used = self.usage(category_id)
            if used and not force:
                raise InvalidInput(
                    f"{used} session{'s use' if used != 1 else ' uses'} “{row.name}”; "
                    "rename it or move them first"
                )
            row.delete_instance()

    @staticmethod
    def _row(category_id: int) -> Any:
        return get_row(Category, category_id, "category")

    def _check_free(self, name: str, category_id: int | None = None) -> None:
        names = rows(Category.select(Category.id, Category.name).tuples())
        if any(n.casefold() == name.casefold() and i != category_id for i, n in names):
            raise InvalidInput(f"there is already a category called “{name}”")

    def restore_defaults(self) -> builtins.list[CategoryData]:
        """Add back any default category that is missing (by name); others are kept."""
        with atomic():
            for name, side in DEFAULTS:
                if self.find(name) is None:
                    self.add(name, side)
        return self.list()
