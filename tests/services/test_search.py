"""Search across the journal: what a user types finds what they wrote, ranked, with snippets."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal_app.errors import InvalidInput
from journal_app.services.search import SearchHit, parse_query

DAY = dt.date(2026, 3, 1)


def _add(services, title="", body="", tags=(), day=DAY):
    return services.entries.create(day=day, title=title, body=body, tags=list(tags)).id


def _ids(hits: list[SearchHit]) -> list[int]:
    return [h.id for h in hits]


def _marked(hit: SearchHit) -> list[str]:
    return [hit.snippet[start:end] for start, end in hit.highlights]


def test_words_are_anded_and_ranked_title_then_tags_then_body(services):
    in_body = _add(services, "Monday", "Read about attention heads and gradient flow.")
    in_title = _add(services, "Attention heads", "Notes on gradient descent.")
    in_tags = _add(services, "Tuesday", "More gradient notes.", tags=["attention"])
    _add(services, "Wednesday", "Only attention here.")  # no 'gradient': not a hit
    hits = services.search.search("attention gradient")
    assert _ids(hits) == [in_title, in_tags, in_body]
    assert hits[0].rank < hits[1].rank < hits[2].rank
    assert hits[1].tags == ["attention"]


def test_quoted_phrase_matches_only_those_words_in_that_order(services):
    exact = _add(services, body="Today: linear algebra, chapter 3.")
    _add(services, body="Algebra first, then something linear.")
    assert _ids(services.search.search('"linear algebra"')) == [exact]
    assert len(services.search.search("linear algebra")) == 2


def test_last_word_is_a_prefix_while_typing(services):
    entry = _add(services, body="Transformers are sequence models.")
    assert _ids(services.search.search("transf")) == [entry]
    assert _ids(services.search.search("sequence mod")) == [entry]
    # A finished word (followed by a space) is matched whole.
    assert services.search.search("transf ") == []
    # Only the last word is a prefix.
    assert services.search.search("transf models") == []


def test_minus_word_excludes(services):
    keep = _add(services, body="pytorch training loop")
    _add(services, body="pytorch training loop with jax")
    assert _ids(services.search.search("pytorch -jax")) == [keep]
    assert _ids(services.search.search('training -"with jax"')) == [keep]
    # Nothing positive to look for: no results rather than every entry.
    assert services.search.search("-jax") == []


@pytest.mark.parametrize("query", ["", "   ", "\n\t", "-", "*", '""', "()", ":", "\x00"])
def test_blank_or_punctuation_only_query_finds_nothing(services, query):
    _add(services, "Something", "with text - and * and : in it")
    assert services.search.search(query) == []


def test_case_and_diacritics_do_not_matter(services):
    entry = _add(services, "Café notes", "Naïve Bayes, ÉCOLE")
    for query in ("cafe", "CAFÉ", "naive", "école"):
        assert _ids(services.search.search(query)) == [entry], query


def test_trashed_entries_are_not_found_until_restored(services):
    entry = _add(services, body="backpropagation by hand")
    services.entries.trash(entry)
    assert services.search.search("backpropagation") == []
    services.entries.restore(entry)
    assert _ids(services.search.search("backpropagation")) == [entry]


def test_edits_and_tag_changes_are_searchable_at_once(services):
    entry = services.entries.create(day=DAY, title="Draft", body="old words")
    services.entries.update(entry.id, expected_rev=entry.rev, body="fresh words", tags=["rl"])
    assert services.search.search("old") == []
    assert _ids(services.search.search("fresh")) == [entry.id]
    assert _ids(services.search.search("rl")) == [entry.id]


def test_tag_and_date_filters(services):
    early = _add(services, body="sleep notes", tags=["health"], day=dt.date(2026, 1, 1))
    middle = _add(services, body="sleep notes", tags=["ml"], day=dt.date(2026, 1, 15))
    late = _add(services, body="sleep notes", tags=["health"], day=dt.date(2026, 1, 31))
    search = services.search.search
    assert set(_ids(search("sleep", tag="health"))) == {early, late}
    assert set(_ids(search("sleep", tag="#health"))) == {early, late}
    assert search("sleep", tag="Health") == []  # exact tag name
    assert search("sleep", tag="nope") == []
    assert len(search("sleep", tag="")) == 3  # no tag chosen
    # Inclusive on both ends.
    window = search("sleep", date_from=dt.date(2026, 1, 15), date_to=dt.date(2026, 1, 31))
    assert set(_ids(window)) == {middle, late}
    assert _ids(search("sleep", date_to=dt.date(2026, 1, 1))) == [early]
    assert _ids(search("sleep", date_from=dt.date(2026, 1, 31), tag="health")) == [late]
    hit = search("sleep", date_from=dt.date(2026, 1, 31))[0]
    assert hit.day == dt.date(2026, 1, 31)


def test_limit_and_bad_arguments(services):
    for n in range(5):
        _add(services, f"Entry {n}", "common word")
    assert len(services.search.search("common")) == 5
    assert len(services.search.search("common", limit=2)) == 2
    with pytest.raises(InvalidInput):
        services.search.search("common", limit=0)
    with pytest.raises(InvalidInput, match="after the end date"):
        services.search.search("common", date_from=DAY, date_to=DAY - dt.timedelta(days=1))


def test_the_total_counts_every_match_beyond_the_limit(services):
    for n in range(62):
        _add(services, f"Entry {n}", "common word 日本")
    found = services.search.find("common", limit=50)
    assert len(found.hits) == 50 and found.total == 62
    by_substring = services.search.find("日本", limit=10)  # no index: counted all the same
    assert len(by_substring.hits) == 10 and by_substring.total == 62
    assert services.search.find("absent").total == 0


def test_snippet_is_plain_text_around_the_match_with_ellipses(services):
    words = [f"filler{n}" for n in range(60)]
    body = " ".join([*words[:30], "**quantisation**", *words[30:]])
    _add(services, "Long", body)
    (hit,) = services.search.search("quantisation")
    assert hit.snippet.startswith("…") and hit.snippet.endswith("…")
    assert "quantisation" in hit.snippet and "**" not in hit.snippet
    assert 8 <= len(hit.snippet.split()) <= 20
    assert _marked(hit) == ["quantisation"]


def test_highlights_mark_every_matched_term_and_prefix_words(services):
    _add(services, "T", "## Plan\n\n- [ ] Read the Attention paper\n- [x] attend the reading group")
    (hit,) = services.search.search("attention read")
    assert hit.snippet == "Plan - ☐ Read the Attention paper - ☑ attend the reading group"
    assert _marked(hit) == ["Read", "Attention", "reading"]


def test_snippets_show_the_text_not_the_markdown(services):
    _add(services, "A", '> Read [the *attention* paper](https://arxiv.org/a "V") and _really_ do')
    (hit,) = services.search.search("attention")
    assert hit.snippet == "Read the attention paper and really do"
    assert _marked(hit) == ["attention"]
    _add(services, "B", "~~skim~~ ![a diagram](d.png) of [[Notes|heads]], 2 * 3, snake_case, `x`")
    (hit,) = services.search.search("snake")
    assert hit.snippet == "skim a diagram of heads, 2 * 3, snake_case, x"
    assert _marked(hit) == ["snake"]


def test_private_use_characters_in_the_text_cannot_break_highlights(services):
    # The snippet markers are private-use characters too; the user's own must survive.
    body = "\ue000\ue001 start \ue001 target \ue000 end \ue000\ue000\ue001"
    _add(services, "PUA", body)
    (hit,) = services.search.search("target")
    assert hit.snippet == body
    assert _marked(hit) == ["target"]


def test_text_after_a_nul_byte_is_still_found(services):
    entry = _add(services, "nul", "before\x00after the byte 日本語テキスト")
    (hit,) = services.search.search("after")
    assert hit.id == entry and "\x00" not in hit.snippet
    assert _marked(hit) == ["after"]
    assert _ids(services.search.search("日本語")) == [entry]


@pytest.mark.parametrize(
    ("text", "query"),
    [
        ("我今天学习了机器学习和线性代数", "机器学习"),
        ("今日は日本語の文法を勉強しました", "文法"),
        ("きょうはカタカナのれんしゅう", "カタカナ"),
        ("วันนี้ฉันเรียนภาษาไทยกับครู", "ภาษาไทย"),
        ("Καλημέρα κόσμε, σήμερα διάβασα", "ΚΑΛΗΜΈΡΑ"),
        ("Привет мир, сегодня градиенты", "градиент"),
        ("مرحبا بالعالم اليوم", "بالعالم"),
        ("שלום עולם היום למדתי", "עולם"),
        ("Finished the course 🎉 and celebrated", "🎉"),
        ("Family day 👩‍👩‍👧 outside", "👩‍👩‍👧"),
        ("Die Straße日本 Tokyo", "STRASSE日本"),  # no spaces, and full case folding
    ],
)
def test_text_in_any_script_is_found(services, text, query):
    entry = _add(services, "Entry", text)
    _add(services, "Other", "nothing to see here 中文 ไทย")
    hits = services.search.search(query)
    assert _ids(hits) == [entry]
    assert hits[0].highlights, hits[0]


def test_a_word_inside_chinese_text_ranks_title_then_tags_then_body(services):
    in_body = _add(services, "日记", "今天学习了机器学习")
    in_tags = _add(services, "周二", "没有", tags=["机器学习"])
    in_title = _add(services, "机器学习笔记", "今天很好")
    _add(services, "机", "器")  # the two characters, but not together
    hits = services.search.search("机器")
    assert _ids(hits) == [in_title, in_tags, in_body]
    assert hits[1].tags == ["机器学习"]
    assert hits[2].snippet == "今天学习了机器学习" and _marked(hits[2]) == ["机器"]
    assert _ids(services.search.search("机器", tag="机器学习")) == [in_tags]


def test_mixed_scripts_and_exclusions(services):
    both = _add(services, "attention 注意力", "")
    _add(services, "attention only", "")
    chinese_only = _add(services, "注意力 only", "")
    assert _ids(services.search.search("attention 注意力")) == [both]
    assert _ids(services.search.search("注意力 -attention")) == [chinese_only]
    assert _ids(services.search.search("attention -注意力")) == [
        h.id for h in services.search.search("attention only")
    ]


def test_a_cjk_snippet_is_cut_around_the_match(services):
    body = "前" * 200 + "目标" + "后" * 200
    _add(services, "long", body)
    (hit,) = services.search.search("目标")
    assert hit.snippet.startswith("…") and hit.snippet.endswith("…")
    assert len(hit.snippet) < 120 and _marked(hit) == ["目标"]


def test_a_huge_pasted_query_is_cut_not_a_hang(services):
    _add(services, "x", "word")
    assert services.search.search("word " * 100_000 + "nothing") != []


HOSTILE = st.text(
    alphabet=st.one_of(
        st.characters(),
        st.sampled_from(list('"()*-+:^{}[]NEARANDORNOT \x00\t\n🎉👩‍日本ภาษา\ue000\ue001')),
    ),
    max_size=60,
)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=HOSTILE)
def test_any_text_is_a_safe_query(services, query):
    if services.entries.count() == 0:
        _add(services, 'Title (with) "quotes"', "body - with * and : NOT AND 日本語 🎉", ["t"])
    hits = services.search.search(query)
    assert all(isinstance(h, SearchHit) for h in hits)
    for hit in hits:
        assert all(0 <= a < b <= len(hit.snippet) for a, b in hit.highlights)


@given(query=HOSTILE)
def test_every_parsed_query_is_valid_fts5(query):
    """The MATCH expression alone, against a bare FTS5 table with the same tokenizer."""
    import sqlite3

    expression = parse_query(query).match_expression()
    if expression is None:
        return
    with sqlite3.connect(":memory:") as conn:
        conn.execute(
            "CREATE VIRTUAL TABLE f USING fts5(a, tokenize='unicode61 remove_diacritics 2')"
        )
        conn.execute("SELECT * FROM f WHERE f MATCH ?", (expression,)).fetchall()


def test_search_from_a_worker_thread_uses_its_own_connection(services):
    """The UI searches on a worker thread: peewee opens a connection for that thread with
    the same pragmas, which sees what the main thread committed."""
    from journal_app.db.models import Entry

    db = Entry._meta.database
    main_connection = db.connection()
    entry = _add(services, "Threads", "searching from a worker 日本語")
    results: dict[str, object] = {}

    def work() -> None:
        try:
            results["hits"] = _ids(services.search.search("worker"))
            results["cjk"] = _ids(services.search.search("日本"))
            results["same_connection"] = db.connection() is main_connection
            results["pragmas"] = [
                db.execute_sql(f"PRAGMA {name}").fetchone()[0]
                for name in ("journal_mode", "foreign_keys", "busy_timeout")
            ]
            services.search.release_thread_connection()
            results["closed"] = db.is_closed()
        except Exception as exc:  # reported below, on the test's thread
            results["error"] = exc

    for _ in range(2):  # a second worker after the first released its connection
        worker = threading.Thread(target=work)
        worker.start()
        worker.join(timeout=30)
        assert not worker.is_alive()
        assert "error" not in results, results.get("error")
        assert results["hits"] == [entry] and results["cjk"] == [entry]
        assert results["same_connection"] is False
        assert results["pragmas"] == ["wal", 1, 5000]
        assert results["closed"] is True
    # The main thread's connection is untouched.
    assert not db.is_closed() and db.connection() is main_connection
    services.search.release_thread_connection()  # a no-op on the main thread
    assert not db.is_closed()


def test_a_worker_ending_after_the_journal_closed_releases_nothing(services):
    """A background job may finish after the window closed the journal (quit, or a
    test's teardown): its last step, releasing its thread's connection, must not raise
    on the emptied database proxy (it did: "Cannot use uninitialized Proxy")."""
    search = services.search
    services.close()
    raised: list[BaseException] = []

    def work() -> None:
        try:
            search.release_thread_connection()
        except BaseException as exc:  # reported on the test's thread
            raised.append(exc)

    worker = threading.Thread(target=work)
    worker.start()
    worker.join(timeout=30)
    assert not worker.is_alive()
    assert raised == []
