"""How to read an import file beyond its format (TransferService.import_from): the csv
kind, a column mapping, a date format, a time zone. What to do with unreadable items
and previews is `skips.ImportOptions`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class ReadOptions:
    kind: str | None = None  # csv: sessions or sleep
    mapping: Mapping[str, str] | None = None  # field -> column(s), as --map gives it
    date_format: str | None = None  # 'DD.MM.YYYY', '%d.%m.%Y %H:%M' (jrnl's timeformat)
    tz: dt.tzinfo | None = None  # where times without an offset were written; None: the journal's
