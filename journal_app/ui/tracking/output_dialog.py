"""Add or edit one output: what the user shipped or plans to (an explainer, a post, code).

API::

    dialog = OutputDialog(services, output_id=None, *, day=None, parent=None)
    dialog.accepted.connect(lambda: use(dialog.saved_id))
    dialog.open()

- ``output_id``: the output to edit; None adds a new one.
- ``day``: the date a new output starts with (default: today in the journal's zone).
- Save (or Enter) writes through ``services.outputs`` and closes; the id is then in
  ``saved_id`` and the ``saved(int)`` signal has carried it. A value the service refuses
  (empty title, a URL that is not http(s), negative or non-numeric words, …) shows as one
  line in the dialog, which stays open: nothing is saved wrong.
- The caller emits ``events.tracking_changed`` after a save (the dialog knows no hub).

Fields: title, kind, status (idea/draft/published), URL, words (optional), date, and
optional links to a recent journal entry, a sprint and a skill.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QWidget

from journal_app.errors import InvalidInput
from journal_app.services import Services
from journal_app.services.tracking.outputs import KINDS, STATUSES
from journal_app.services.tracking.timeutil import local_date
from journal_app.ui.tracking.form_dialog import FormDialog
from journal_app.ui.widgets.fmt import date_text, from_qdate
from journal_app.ui.widgets.form import combo, date_edit, line_edit, select_data
from journal_app.ui.widgets.labels import UNTITLED

RECENT_ENTRIES = 150  # how many of the newest entries the "Entry" list offers


def parse_words(text: str) -> int | None:
    """The words field: empty means unknown; anything else must be a whole number (the
    service then refuses negatives)."""
    text = text.strip().replace(",", "").replace("_", "")
    if not text:
        return None
    try:
        return int(text)
    except ValueError:
        raise InvalidInput(f"words must be a whole number of 0 or more, not “{text}”") from None


class OutputDialog(FormDialog):
    def __init__(
        self,
        services: Services,
        output_id: int | None = None,
        *,
        day: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        existing = services.outputs.get(output_id) if output_id is not None else None
        super().__init__("Edit output" if existing else "New output", min_width=480, parent=parent)
        self._services = services
        self.output_id = output_id

        self.title_edit = line_edit("Title", "What you wrote, built or posted")
        self.kind_combo = combo("Kind", [(label, key) for key, label in KINDS.items()])
        self.status_combo = combo("Status", [(s.capitalize(), s) for s in STATUSES])
        self.url_edit = line_edit("URL", "https://… (optional)")
        self.words_edit = line_edit("Words", "optional")
        start_day = day or (existing.day if existing else local_date(services.clock(), services.tz))
        self.date_edit = date_edit(start_day, "Date")
        self.entry_combo = combo("Entry", self._entry_items(existing), none=True)
        self.sprint_combo = combo(
            "Sprint", [(s.name, s.id) for s in services.sprints.list()], none=True
        )
        self.skill_combo = combo(
            "Skill", [(s.name, s.id) for s in services.skills.list()], none=True
        )
        for box in (self.entry_combo, self.sprint_combo, self.skill_combo):
            box.setMinimumContentsLength(24)

        self.add_rows(
            ("&Title:", self.title_edit),
            ("&Kind:", self.kind_combo),
            ("&Status:", self.status_combo),
            ("&URL:", self.url_edit),
            ("&Words:", self.words_edit),
            ("&Date:", self.date_edit),
            ("&Entry:", self.entry_combo),
            ("S&print:", self.sprint_combo),
            ("S&kill:", self.skill_combo),
        )
        self.error_fields = {
            "title": self.title_edit,
            "url": self.url_edit,
            "words": self.words_edit,
        }

        if existing is not None:
            self.title_edit.setText(existing.title)
            select_data(self.kind_combo, existing.kind)
            select_data(self.status_combo, existing.status)
            self.url_edit.setText(existing.url)
            self.words_edit.setText("" if existing.words is None else str(existing.words))
            select_data(self.entry_combo, existing.entry_id)
            select_data(self.sprint_combo, existing.sprint_id)
            select_data(self.skill_combo, existing.skill_id)
        self.title_edit.setFocus()

    def _entry_items(self, existing: object) -> list[tuple[str, object]]:
        summaries = self._services.entries.summaries(limit=RECENT_ENTRIES)
        linked = getattr(existing, "entry_id", None)
        items: list[tuple[str, object]] = [
            (f"{date_text(s.day)} · {s.title or UNTITLED}", s.id) for s in summaries
        ]
        if linked is not None and all(s.id != linked for s in summaries):
            try:
                entry = self._services.entries.get(linked)
            except InvalidInput:  # a vanished entry simply is not offered
                return items
            items.append((f"{date_text(entry.day)} · {entry.title or UNTITLED}", entry.id))
        return items

    def values(self) -> dict[str, object]:
        """The fields as the service takes them (raises InvalidInput for bad words)."""
        return {
            "title": self.title_edit.text(),
            "kind": self.kind_combo.currentData(),
            "status": self.status_combo.currentData(),
            "url": self.url_edit.text(),
            "words": parse_words(self.words_edit.text()),
            "day": from_qdate(self.date_edit.date()),
            "entry_id": self.entry_combo.currentData(),
            "sprint_id": self.sprint_combo.currentData(),
            "skill_id": self.skill_combo.currentData(),
        }

    def write(self) -> int:
        outputs = self._services.outputs
        values = self.values()
        if self.output_id is None:
            saved = outputs.add(**values)  # type: ignore[arg-type]
        else:
            saved = outputs.update(self.output_id, **values)  # type: ignore[arg-type]
        self.output_id = saved.id
        return saved.id
