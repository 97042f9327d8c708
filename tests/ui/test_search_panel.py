"""The journal-wide search box: results as you type, stale answers dropped, Enter opens."""

from __future__ import annotations

import datetime as dt
import threading

from PySide6.QtCore import Qt

from journal_app.services.search import MAX_LIMIT, SearchHit, SearchResults
from journal_app.ui.journal.search_panel import SearchPanel, snippet_html


def _found(*hits: SearchHit, total: int | None = None) -> SearchResults:
    return SearchResults(list(hits), len(hits) if total is None else total)


def _hit(entry_id: int, title: str, snippet: str = "about attention heads") -> SearchHit:
    start = snippet.find("attention")
    spans = [(start, start + len("attention"))] if start >= 0 else []
    return SearchHit(entry_id, dt.date(2026, 11, entry_id), title, snippet, -1.0, spans)


def test_snippet_marks_matches_and_escapes_everything_else():
    hit = SearchHit(1, dt.date(2026, 1, 1), "t", "<b>x</b> attention & co", 0.0, [(9, 18)])
    assert snippet_html(hit) == "&lt;b&gt;x&lt;/b&gt; <b>attention</b> &amp; co"


def test_typing_shows_ranked_results_and_enter_opens_the_first(qtbot):
    queries: list[tuple[str, dict]] = []

    def search(query, **options):
        queries.append((query, options))
        return _found(_hit(3, "Transformers"), _hit(2, "Attention notes"))

    panel = SearchPanel(search)
    qtbot.addWidget(panel)
    panel.show()
    with qtbot.waitSignal(panel.results_shown, timeout=3000) as shown:
        qtbot.keyClicks(panel.field, "attent")
    assert shown.args == [2]
    assert queries[-1] == ("attent", {"limit": 50})
    assert panel.status.text() == "2 entries"
    with qtbot.waitSignal(panel.entry_activated) as opened:
        qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    assert opened.args == [3]
    with qtbot.waitSignal(panel.entry_activated) as opened:
        qtbot.keyClick(panel.field, Qt.Key.Key_Down)
        qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    assert opened.args == [2]
    panel.shutdown()


def test_a_slow_old_query_never_replaces_a_newer_answer(qtbot):
    release = threading.Event()

    def search(query, **_options):
        if query == "slow":
            release.wait(5)
            return _found(_hit(1, "stale"))
        return _found(_hit(4, "fresh"))

    panel = SearchPanel(search)
    qtbot.addWidget(panel)
    panel.field.setText("slow")
    panel._start()
    with qtbot.waitSignal(panel.results_shown, timeout=3000):
        panel.field.setText("fresh")
        release.set()
    qtbot.waitUntil(lambda: panel.results.count() == 1)
    item = panel.results.item(0)
    assert item.data(Qt.ItemDataRole.UserRole) == 4
    panel.shutdown()


def test_no_match_and_failures_are_said_inline(qtbot):
    def search(query, **_options):
        if query == "boom":
            raise RuntimeError("disk on fire")
        return _found()

    panel = SearchPanel(search)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.results_shown, timeout=3000):
        panel.field.setText("nothing")
    assert panel.status.text() == "No entries match"
    with qtbot.waitSignal(panel.results_shown, timeout=3000):
        panel.field.setText("boom")
    assert panel.status.text() == "Search failed: disk on fire"
    panel.shutdown()


def test_filters_pass_tag_and_dates(qtbot):
    seen: list[dict] = []

    def search(_query, **options):
        seen.append(options)
        return _found()

    panel = SearchPanel(search)
    qtbot.addWidget(panel)
    panel.set_tags(["ml", "rl"])
    panel.filters_box.setChecked(True)
    panel.tag_combo.setCurrentIndex(2)
    panel.use_dates.setChecked(True)
    with qtbot.waitSignal(panel.results_shown, timeout=3000):
        panel.field.setText("policy")
    assert seen[-1]["tag"] == "rl"
    assert isinstance(seen[-1]["date_from"], dt.date)
    assert seen[-1]["date_to"] >= seen[-1]["date_from"]
    panel.shutdown()


def test_escape_clears_and_the_list_comes_back(qtbot):
    panel = SearchPanel(lambda q, **o: _found())
    qtbot.addWidget(panel)
    states: list[bool] = []
    panel.active_changed.connect(states.append)
    panel.field.setText("x")
    qtbot.keyClick(panel, Qt.Key.Key_Escape)
    assert panel.field.text() == ""
    assert states == [True, False]
    panel.shutdown()


def test_more_matches_than_shown_are_counted_and_show_more_adds_them(qtbot):
    """62 matches: the first 50 are listed, the status says so, "Show 12 more" adds the rest
    and keeps the place in the list."""
    hits = [_hit(n % 28 + 1, f"Entry {n}") for n in range(62)]

    def search(_query, *, limit, **_options):
        return _found(*hits[:limit], total=len(hits))

    panel = SearchPanel(search)
    qtbot.addWidget(panel)
    panel.show()
    with qtbot.waitSignal(panel.results_shown, timeout=3000) as shown:
        qtbot.keyClicks(panel.field, "entry")
    assert shown.args == [50]
    assert panel.status.text() == "Showing 50 of 62 entries"
    assert panel.more.isVisible() and panel.more.text() == "Show 12 more"
    with qtbot.waitSignal(panel.results_shown, timeout=3000) as shown:
        qtbot.mouseClick(panel.more, Qt.MouseButton.LeftButton)
    assert shown.args == [62] and panel.results.count() == 62
    assert panel.status.text() == "62 entries"
    assert not panel.more.isVisible()
    assert panel.results.currentRow() == 50  # the first new one
    panel.shutdown()


def test_down_on_the_last_hit_shows_the_next_page(qtbot):
    hits = [_hit(n % 28 + 1, f"Entry {n}") for n in range(62)]
    panel = SearchPanel(lambda _q, *, limit, **_o: _found(*hits[:limit], total=len(hits)))
    qtbot.addWidget(panel)
    panel.show()
    chosen: list[int] = []
    panel.entry_chosen.connect(chosen.append)
    with qtbot.waitSignal(panel.results_shown, timeout=3000):
        qtbot.keyClicks(panel.field, "entry")
    for _ in range(49):
        qtbot.keyClick(panel.field, Qt.Key.Key_Down)
    assert panel.results.currentRow() == 49
    with qtbot.waitSignal(panel.results_shown, timeout=3000) as shown:
        qtbot.keyClick(panel.field, Qt.Key.Key_Down)
    assert shown.args == [62] and panel.results.currentRow() == 50
    assert chosen[-1] == hits[50].id  # and it is shown, as any hit reached with Down
    panel.shutdown()


def test_results_wrap_to_a_narrow_list_without_a_sideways_scroll_bar(qtbot):
    long_title = "A rather long title about attention heads in transformer models"
    snippet = "attention " + "words that keep going and going " * 4

    panel = SearchPanel(lambda q, **o: _found(_hit(1, long_title, snippet), _hit(2, "Short")))
    qtbot.addWidget(panel)
    panel.resize(420, 500)
    panel.show()
    with qtbot.waitSignal(panel.results_shown, timeout=3000):
        qtbot.keyClicks(panel.field, "attention")
    heights = []
    for width in (420, 220):
        panel.resize(width, 500)
        qtbot.waitUntil(lambda w=width: panel.width() == w)
        viewport = panel.results.viewport().width()
        qtbot.waitUntil(
            lambda v=viewport: panel.results.visualItemRect(panel.results.item(0)).width() == v
        )
        assert not panel.results.horizontalScrollBar().isVisible()
        for row in range(panel.results.count()):
            assert panel.results.visualItemRect(panel.results.item(row)).width() <= viewport
        heights.append(panel.results.visualItemRect(panel.results.item(0)).height())
    assert heights[1] > heights[0]  # narrower: the text wraps onto more lines
    panel.shutdown()


def test_arrow_keys_show_an_entry_and_enter_opens_it_to_edit(qtbot):
    panel = SearchPanel(lambda q, **o: _found(_hit(3, "Three"), _hit(2, "Two"), _hit(1, "One")))
    qtbot.addWidget(panel)
    panel.show()
    chosen: list[int] = []
    panel.entry_chosen.connect(chosen.append)
    with qtbot.waitSignal(panel.results_shown, timeout=3000):
        qtbot.keyClicks(panel.field, "t")
    qtbot.keyClick(panel.field, Qt.Key.Key_Down)
    qtbot.keyClick(panel.field, Qt.Key.Key_Down)
    qtbot.keyClick(panel.field, Qt.Key.Key_Down)  # already the last: nothing new to show
    qtbot.keyClick(panel.field, Qt.Key.Key_Up)
    assert chosen == [2, 1, 2]
    with qtbot.waitSignal(panel.entry_activated) as opened:
        qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    assert opened.args == [2]
    panel.shutdown()


def test_show_more_stops_at_the_most_the_search_can_return(qtbot):
    asked: list[int] = []

    def search(_query, *, limit, **_options):
        asked.append(limit)
        return _found(*[_hit(n % 28 + 1, f"Entry {n}") for n in range(limit)], total=5000)

    panel = SearchPanel(search)
    qtbot.addWidget(panel)
    panel.show()
    with qtbot.waitSignal(panel.results_shown, timeout=3000):
        qtbot.keyClicks(panel.field, "entry")
    for _ in range(30):
        if not panel.more.isVisible():
            break
        with qtbot.waitSignal(panel.results_shown, timeout=3000):
            qtbot.mouseClick(panel.more, Qt.MouseButton.LeftButton)
    assert max(asked) == MAX_LIMIT  # never a request the service refuses
    assert not panel.more.isVisible()
    assert panel.status.text() == f"Showing {MAX_LIMIT} of 5000 entries"
    panel.shutdown()
