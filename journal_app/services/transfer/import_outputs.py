"""`csv --kind outputs`: the outputs file our csv export writes (day, kind, title,
status, url, words, entry_id, sprint, skill), or any spreadsheet mapped to those fields.

An output is the same when its day, kind and title are: re-importing adds nothing. The
skill is found or created by name, the sprint found by name (one this journal does not
have is counted, not invented); `entry_id` is not followed — an id from another journal
would point at an unrelated entry.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from journal_app.db.models import Output, Sprint
from journal_app.errors import InvalidInput
from journal_app.services.rows import rows as query_rows
from journal_app.services.tracking.outputs import check_kind, check_status
from journal_app.services.transfer.bulk import (
    TrackingWriter,
    backup_before_import,
    import_transaction,
)
from journal_app.services.transfer.common import ImportResult, Progress, bad_input
from journal_app.services.transfer.import_files import shown
from journal_app.services.transfer.skips import ImportOptions, SkipList

if TYPE_CHECKING:
    from journal_app.services.transfer.context import TransferContext
    from journal_app.services.transfer.timeparse import DateReader

NO_SPRINT = "outputs' sprints this journal does not have"


def import_outputs(
    services: TransferContext,
    name: str,
    columns: set[str],
    listed: list[tuple[int, dict[str, str]]],
    read_date: DateReader,
    progress: Progress,
    *,
    options: ImportOptions | None = None,
    skips: SkipList | None = None,
) -> ImportResult:
    for needed in ("day", "kind", "title"):
        if needed not in columns:
            raise bad_input(
                f"{name} line 1", f"no {needed!r} column (map one: --map {needed}=Column)"
            )
    options = options or ImportOptions()
    skips = skips if skips is not None else SkipList(strict=True)
    preview = options.preview
    backup = None if preview else backup_before_import(services, "csv")
    writer = TrackingWriter(services, dry_run=preview)
    added = skipped = no_sprint = 0
    with contextlib.nullcontext() if preview else import_transaction(0):
        known = {
            (str(day)[:10], kind, title)
            for day, kind, title in query_rows(
                Output.select(Output.day, Output.kind, Output.title).tuples()
            )
        }
        sprints = {
            title: sid for sid, title in query_rows(Sprint.select(Sprint.id, Sprint.name).tuples())
        }
        for done, (line, values) in enumerate(listed):
            where = f"{name} line {line}"
            if done % 200 == 0:
                progress(done, len(listed), where)
            try:
                day = read_date(values["day"])
                words_text = values.get("words", "")
                if words_text and not words_text.isdigit():
                    raise InvalidInput(f"words: {shown(words_text)} is not a whole number")
                kind = check_kind(values.get("kind", ""))
                key = (day.isoformat(), kind, values.get("title", "").strip())
                if key in known:
                    skipped += 1
                    continue
                sprint = values.get("sprint") or ""
                if preview:
                    check_status(values.get("status") or "idea")
                else:
                    services.outputs.add(
                        kind=kind,
                        title=values.get("title", ""),
                        status=values.get("status") or "idea",
                        url=values.get("url", ""),
                        words=int(words_text) if words_text else None,
                        day=day,
                        sprint_id=sprints.get(sprint),
                        skill_id=writer.skill(values.get("skill")),
                    )
            except InvalidInput as exc:
                skips.skip(where, str(exc))
                continue
            known.add(key)
            no_sprint += bool(sprint and sprint not in sprints)
            added += 1
    progress(len(listed), len(listed), "done")
    return ImportResult(
        added={"outputs": added},
        skipped={"outputs": skipped},
        backup=backup,
        ignored={NO_SPRINT: no_sprint} if no_sprint else {},
        problems=tuple(skips.items),
        preview=preview,
    )
