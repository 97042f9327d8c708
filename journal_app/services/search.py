"""Full-text search over entries (FTS5): ranked hits with highlighted snippets.

Stub: issue #3 fills it in (see SearchService.search).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class SearchHit:
    id: int
    day: dt.date
    title: str
    snippet: str  # plain text around the best match, "…" where cut
    rank: float  # lower is better (bm25)
    # (start, end) character spans in `snippet` of the matched terms, to highlight
    highlights: list[tuple[int, int]] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)


class SearchService:
    def search(
        self,
        query: str,
        *,
        limit: int = 50,
        tag: str | None = None,
        date_from: dt.date | None = None,
        date_to: dt.date | None = None,
    ) -> list[SearchHit]:
        raise NotImplementedError
