"""Tracking from a terminal (issue #4): `log session|sleep|output`, `timer start|stop|status`,
`day [D] [--json]`, `stats [--json]`. Days are cut in Asia/Tokyo (UTC+9, no clock
changes) and the clock is injected, so no figure depends on the machine or the hour."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import sqlite3
from zoneinfo import ZoneInfo

import pytest

from journal_app.config import DATA_DIR_ENV, DataPaths
from journal_app.services import Services
from tests.cli.helpers import NOW, TODAY, one_error_line, run_main, tokyo_journal

TOKYO = ZoneInfo("Asia/Tokyo")


@pytest.fixture
def journal(tmp_path, monkeypatch, clock) -> DataPaths:
    return tokyo_journal(tmp_path, monkeypatch, clock)


def _out(capsys) -> str:
    out, err = capsys.readouterr()
    assert err == "", err
    return out


def _sessions(paths: DataPaths, day: dt.date = TODAY):
    with Services.open(paths) as services:
        return [p.session for p in services.sessions.for_day(day)]


def _everything(paths: DataPaths) -> tuple:
    """What the tracking commands could write: checked unchanged after bad input."""
    with Services.open(paths) as services:
        info = services.info()
        timer = services.timer.status()
        return (
            info.sessions,
            info.day_logs,
            info.outputs,
            [c.name for c in services.categories.list()],
            [s.name for s in services.skills.list()],
            None if timer is None else timer.as_dict(),
        )


# --------------------------------------------------------------------------- log session


def test_log_minutes_ends_now_and_creates_category_and_skill_on_first_use(journal, capsys):
    args = ["--category", "Proofs", "--skill", "Machine learning", "--note", "ch. 3"]
    assert run_main("log", "session", "--minutes", "90", *args) == 0
    assert _out(capsys) == (
        "Logged 1 h 30 min on 2026-03-10, 10:30–12:00 (Proofs, Machine learning); "
        "1.5 h of deep work that day\n"
    )
    (session,) = _sessions(journal)
    assert session.start == dt.datetime(2026, 3, 10, 1, 30, tzinfo=dt.UTC)
    assert session.end == NOW
    assert (session.category, session.side, session.skill, session.note, session.source) == (
        "Proofs",
        "production",
        "Machine learning",
        "ch. 3",
        "manual",
    )
    with Services.open(journal) as services:
        assert services.skills.find("machine learning").target_hours == 10_000


def test_log_start_and_end_uses_existing_names(journal, capsys):
    day = ["--day", "2026-03-02"]
    assert run_main("log", "session", "--start", "09:00", "--end", "11:30", *day) == 0
    assert _out(capsys).startswith("Logged 2 h 30 min on 2026-03-02, 09:00–11:30;")
    args = ["--start", "11:30", "--end", "12:15", "--category", "  writing ", "--skill", "ML"]
    assert run_main("log", "session", *args, *day) == 0  # touching is not overlapping
    assert _out(capsys) == (
        "Logged 45 min on 2026-03-02, 11:30–12:15 (Writing, ML); 3.2 h of deep work that day\n"
    )
    first, second = _sessions(journal, dt.date(2026, 3, 2))
    assert first.category is None and second.category == "Writing"
    assert second.start == dt.datetime(2026, 3, 2, 11, 30, tzinfo=TOKYO)
    with Services.open(journal) as services:
        assert [c.name for c in services.categories.list()].count("Writing") == 1


OVER = ["--start", "10:00", "--end", "12:00", "--day", "2026-03-02"]


def _morning(journal, capsys) -> None:
    """09:00-11:30 on 2026-03-02, which OVER (10:00-12:00) overlaps."""
    assert run_main("log", "session", "--start", "09:00", "--end", "11:30", *OVER[-2:]) == 0
    capsys.readouterr()


def _spans(journal) -> list[tuple[str, str]]:
    return [
        (f"{s.start.astimezone(TOKYO):%H:%M}", f"{s.end.astimezone(TOKYO):%H:%M}")
        for s in _sessions(journal, dt.date(2026, 3, 2))
    ]


def test_an_overlapping_session_is_refused_without_a_choice(journal, capsys):
    _morning(journal, capsys)
    before = _everything(journal)
    assert run_main("log", "session", *OVER, "--category", "New one") == 2
    assert one_error_line(capsys) == (
        "journal-app: error: it overlaps 1 other session (09:00–11:30); "
        "add --merge, --trim or --allow-overlap"
    )
    assert _everything(journal) == before  # neither the session nor the new category
    assert run_main("log", "session", *OVER, "--merge", "--trim") == 2
    assert "not allowed with argument" in one_error_line(capsys)


def test_log_session_merge_makes_one_session(journal, capsys):
    _morning(journal, capsys)
    assert run_main("log", "session", *OVER, "--merge", "--note", "proofs") == 0
    assert _out(capsys) == (
        "Logged 3 h on 2026-03-02, 09:00–12:00, merged with 1 other session; "
        "3.0 h of deep work that day\n"
    )
    assert _spans(journal) == [("09:00", "12:00")]
    assert _sessions(journal, dt.date(2026, 3, 2))[0].note == "proofs"


def test_log_session_trim_keeps_the_time_not_covered(journal, capsys):
    _morning(journal, capsys)
    assert run_main("log", "session", *OVER, "--trim") == 0
    assert _out(capsys) == (
        "Logged 30 min on 2026-03-02, 11:30–12:00, trimmed around 1 other session; "
        "3.0 h of deep work that day\n"
    )
    assert _spans(journal) == [("09:00", "11:30"), ("11:30", "12:00")]
    assert (
        run_main("log", "session", "--start", "09:30", "--end", "10:00", "--trim", *OVER[-2:]) == 2
    )
    assert "lies inside other sessions" in one_error_line(capsys)
    assert len(_spans(journal)) == 2


def test_log_session_allow_overlap_saves_it_and_counts_the_time_once(journal, capsys):
    _morning(journal, capsys)
    assert run_main("log", "session", *OVER, "--allow-overlap") == 0
    out, err = capsys.readouterr()
    # 4.5 h of sessions, 3 h of clock time: the day counts 3.0 h.
    assert out == "Logged 2 h on 2026-03-02, 10:00–12:00; 3.0 h of deep work that day\n"
    assert err == (
        "journal-app: note: it overlaps 1 other session (09:00–11:30); "
        "the common time counts once\n"
    )
    assert _spans(journal) == [("09:00", "11:30"), ("10:00", "12:00")]
    assert run_main("day", "2026-03-02", "--json") == 0
    assert json.loads(_out(capsys))["deep_work_hours"] == 3.0


def test_log_minutes_on_a_past_day_follows_its_last_session(journal, capsys):
    day = ["--day", "2026-03-01"]
    assert run_main("log", "session", "--minutes", "60", *day) == 0
    assert run_main("log", "session", "--minutes", "30", *day) == 0
    assert _out(capsys).splitlines()[1] == (
        "Logged 30 min on 2026-03-01, 10:00–10:30; 1.5 h of deep work that day"
    )
    assert [s.start.astimezone(TOKYO).hour for s in _sessions(journal, dt.date(2026, 3, 1))] == [
        9,
        10,
    ]


# --------------------------------------------------------------------------- log sleep


def test_log_sleep_with_bed_and_wake_counts_the_evening_before(journal, capsys):
    args = ["--bed", "23:30", "--wake", "7:00", "--quality", "4", "--day", "2026-03-09"]
    assert run_main("log", "sleep", *args) == 0
    assert _out(capsys) == "Slept 7 h 30 min, 23:30–07:00, the night to 2026-03-09 (quality 4/5)\n"
    with Services.open(journal) as services:
        log = services.day_logs.get(dt.date(2026, 3, 9))
    assert log.bed == dt.datetime(2026, 3, 8, 23, 30, tzinfo=TOKYO)
    assert (log.sleep_hours, log.quality) == (7.5, 4)


def test_log_sleep_in_hours_defaults_to_today_and_keeps_the_quality(journal, capsys):
    assert run_main("log", "sleep", "--hours", "6", "--quality", "2") == 0
    assert run_main("log", "sleep", "--hours", "6.25") == 0  # corrected; quality stays
    assert _out(capsys).splitlines() == [
        "Slept 6 h, the night to 2026-03-10 (quality 2/5)",
        "Slept 6 h 15 min, the night to 2026-03-10 (quality 2/5)",
    ]
    with Services.open(journal) as services:
        log = services.day_logs.get(TODAY)
    assert (log.sleep_hours, log.quality, log.bed) == (6.25, 2, None)


# --------------------------------------------------------------------------- log output


def test_log_output(journal, capsys):
    args = ["--kind", "Blog post", "--title", "Attention, explained", "--status", "Published"]
    extra = ["--url", "https://example.org/a", "--words", "1200", "--day", "2026-03-08"]
    assert run_main("log", "output", *args, *extra) == 0
    assert run_main("log", "output", "--kind", "x-thread", "--title", "Backprop 🧵") == 0
    assert _out(capsys).splitlines() == [
        "Saved output #1: Blog post “Attention, explained” (published, 1,200 words) on 2026-03-08",
        "Saved output #2: X thread “Backprop 🧵” (idea) on 2026-03-10",
    ]
    with Services.open(journal) as services:
        first = services.outputs.get(1)
    assert (first.kind, first.status, first.url, first.words, first.day) == (
        "blog_post",
        "published",
        "https://example.org/a",
        1200,
        dt.date(2026, 3, 8),
    )


# --------------------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["log", "session", "--minutes", "0"], "a session lasts from 1 minute to 24 hours"),
        (["log", "session", "--minutes", "1441"], "a session lasts from 1 minute"),
        (["log", "session", "--minutes", "ten"], "'ten' is not a number"),
        (["log", "session", "--minutes", "nan"], "'nan' is not a number"),
        (
            ["log", "session", "--start", "10:00", "--end", "09:45"],
            "the end (09:45) is before the start (10:00); for a session past midnight add "
            "--end-day YYYY-MM-DD",
        ),
        (
            ["log", "session", "--minutes", "5", "--end-day", "2026-03-11"],
            "--end-day goes with --start and --end",
        ),
        (
            ["log", "session", "--start", "23:00", "--end", "01:00", "--end-day", "2026-03-32"],
            "--end-day: '2026-03-32' is",
        ),
        (["log", "session", "--start", "10:00", "--end", "10:00"], "at least a minute"),
        (["log", "session", "--start", "25:00", "--end", "26:00"], "--start: '25:00' is not"),
        (["log", "session", "--start", "9", "--end", "10:00"], "--start: '9' is not a time"),
        (["log", "session", "--start", "09:00"], "give both --start and --end"),
        (["log", "session"], "give --minutes N, or --start HH:MM and --end HH:MM"),
        (["log", "session", "--minutes", "5", "--start", "9:00", "--end", "10:00"], "give --m"),
        (["log", "session", "--minutes", "5", "--day", "2026-02-30"], "--day: '2026-02-30' is"),
        (["log", "session", "--minutes", "5", "--day", "1850-01-01"], "outside 1900-2100"),
        (["log", "session", "--minutes", "5", "--category", " "], "--category: a category"),
        (["log", "session", "--minutes", "5", "--skill", ""], "--skill: a skill name cannot"),
        (["log", "sleep", "--hours", "25"], "hours of sleep cannot be more than 24 hours"),
        (["log", "sleep", "--hours", "-1"], "hours of sleep cannot be negative"),
        (["log", "sleep", "--bed", "23:00"], "give both --bed and --wake"),
        (["log", "sleep", "--bed", "23:00", "--wake", "23:00"], "bed and wake times are the same"),
        (["log", "sleep", "--bed", "23:00", "--wake", "7:00", "--hours", "8"], "not both"),
        (["log", "sleep", "--quality", "3"], "give --bed HH:MM and --wake HH:MM, or --hours H"),
        (["log", "sleep", "--hours", "7", "--quality", "6"], "6 is outside 1..5"),
        (["log", "sleep", "--hours", "7", "--day", "tomorrow"], "--day: 'tomorrow' is not a"),
        (["log", "output", "--kind", "poem", "--title", "T"], "--kind: the kind must be one"),
        (["log", "output", "--kind", "code", "--title", "T", "--status", "done"], "--status"),
        (["log", "output", "--kind", "code", "--title", "T", "--url", "ftp://x"], "--url"),
        (["log", "output", "--kind", "code", "--title", "T", "--words", "-1"], "-1 is outside"),
        (["log", "output", "--kind", "code", "--title", "  "], "--title: the title cannot"),
        (["log", "output", "--title", "T"], "the following arguments are required: --kind"),
        (["log"], "the following arguments are required: WHAT"),
        (["log", "nap"], "invalid choice: 'nap'"),
        (["timer"], "the following arguments are required: ACTION"),
        (["timer", "stop"], "no timer is running"),
        (["day", "2026-13-01"], "'2026-13-01' is not a date (use YYYY-MM-DD)"),
        (["day", "2101-01-01"], "2101-01-01 is outside 1900-2100"),
    ],
)
def test_bad_input_is_one_line_exit_2_and_writes_nothing(journal, capsys, args, message):
    before = _everything(journal)
    assert run_main(*args) == 2
    assert message in one_error_line(capsys)
    assert _everything(journal) == before


def test_bad_input_creates_no_journal(tmp_path, monkeypatch, capsys):
    target = tmp_path / "fresh"
    bad = [
        ["log", "session", "--minutes", "0"],
        ["log", "sleep", "--hours", "30"],
        ["log", "output", "--kind", "poem", "--title", "T"],
        ["timer", "start", "--skill", " "],
    ]
    for args in bad:
        assert run_main(*args, "--data-dir", str(target)) == 2
        one_error_line(capsys)
    for read_only in (["day"], ["stats"], ["timer", "status"], ["timer", "stop"]):
        assert run_main(*read_only, "--data-dir", str(target)) == 1
        assert "does not exist" in one_error_line(capsys)
    assert not target.exists()


def test_a_session_past_midnight_is_logged_with_end_day_and_read_as_two_parts(journal, capsys):
    args = ["--start", "23:00", "--end", "01:30", "--day", "2026-03-08", "--end-day", "2026-03-09"]
    assert run_main("log", "session", *args) == 0
    assert "Logged 2 h 30 min on 2026-03-08" in _out(capsys)
    (first,) = _sessions(journal, dt.date(2026, 3, 8))
    (second,) = _sessions(journal, dt.date(2026, 3, 9))
    assert first == second and first.duration == dt.timedelta(hours=2, minutes=30)


# --------------------------------------------------------------------------- timer


def test_timer_start_status_stop(journal, clock, capsys):
    args = ["--category", "Coding", "--skill", "Rust"]
    assert run_main("timer", "start", *args) == 0
    assert _out(capsys) == (
        "Timer started at 12:00 (Coding, Rust); stop it with 'journal-app timer stop'\n"
    )
    clock.advance(minutes=25)
    assert run_main("timer", "status") == 0
    assert _out(capsys) == "Running: 25 min since 12:00 (Coding, Rust)\n"
    assert run_main("timer", "status", "--json") == 0
    state = json.loads(_out(capsys))
    assert (state["running"], state["elapsed_minutes"], state["category"], state["skill"]) == (
        True,
        25.0,
        "Coding",
        "Rust",
    )
    # Local time, as `day --json` prints its sessions.
    assert dt.datetime.fromisoformat(state["started_at"]).strftime("%H:%M") == "12:00"
    with Services.open(journal) as services:
        # Started where no process sends heartbeats: never taken for a crashed timer.
        assert services.timer.status().last_heartbeat is None
    clock.advance(minutes=5)
    assert run_main("timer", "stop") == 0
    assert _out(capsys) == "Saved 30 min of deep work, 12:00–12:30 (Coding, Rust)\n"
    (session,) = _sessions(journal)
    assert (session.source, session.category, session.skill) == ("timer", "Coding", "Rust")
    assert session.duration == dt.timedelta(minutes=30)
    assert run_main("timer", "status") == 0
    assert _out(capsys) == "No timer is running\n"
    assert run_main("timer", "status", "--json") == 0
    assert json.loads(_out(capsys)) is None


def test_a_second_start_is_refused_and_leaves_no_new_name(journal, clock, capsys):
    assert run_main("timer", "start") == 0
    capsys.readouterr()
    before = _everything(journal)
    assert run_main("timer", "start", "--category", "Brand new", "--skill", "Also new") == 2
    assert "a timer is already running (started 12:00)" in one_error_line(capsys)
    assert _everything(journal) == before  # the names were rolled back with the refusal


def test_stopping_within_a_minute_is_refused_until_discarded(journal, clock, capsys):
    assert run_main("timer", "start") == 0
    capsys.readouterr()
    clock.advance(seconds=40)
    assert run_main("timer", "stop") == 2
    assert one_error_line(capsys) == (
        "journal-app: error: only 40 s timed, and a session lasts at least a minute: "
        "keep timing, or discard it with 'journal-app timer stop --discard'"
    )
    assert run_main("timer", "status") == 0
    assert _out(capsys) == "Running: 1 min since 12:00\n"  # nothing thrown away
    assert run_main("timer", "stop", "--discard") == 0
    assert _out(capsys) == "Timer discarded: nothing saved\n"
    assert _sessions(journal) == []
    assert run_main("timer", "status") == 0
    assert _out(capsys) == "No timer is running\n"


def test_a_paused_timer_is_saved_as_one_session_without_the_pause(journal, clock, capsys):
    assert run_main("timer", "start") == 0
    clock.advance(seconds=35)
    with Services.open(journal) as services:
        services.timer.pause()
    clock.advance(minutes=10)
    with Services.open(journal) as services:
        services.timer.resume()
    clock.advance(seconds=40)
    assert run_main("timer", "stop") == 0
    assert _out(capsys).splitlines()[-1] == "Saved 1 min of deep work, 12:00–12:01"
    (session,) = _sessions(journal)
    assert session.duration == dt.timedelta(seconds=75)


# --------------------------------------------------------------------------- day, stats


@pytest.fixture
def logged_day(journal):
    with Services.open(journal) as services:
        writing = services.categories.find("Writing")
        reading = services.categories.find("Reading")
        ml = services.skills.add("Machine learning", baseline_hours=100)
        add = services.sessions.add_local
        add(TODAY, dt.time(9), dt.time(10, 30), category_id=writing.id, skill_id=ml.id)
        add(TODAY, dt.time(11), dt.time(11, 30), category_id=reading.id, note="a paper")
        add(dt.date(2026, 3, 9), dt.time(20), dt.time(21), skill_id=ml.id)
        services.day_logs.save(TODAY, bed=dt.time(23), wake=dt.time(6, 30), quality=3, energy=4)
        services.outputs.add(kind="code", title="tiny-gpt", status="published", words=None)
    return journal


def test_day_json_holds_what_the_issue_asks(logged_day, capsys):
    assert run_main("day", "2026-03-10", "--json") == 0
    data = json.loads(_out(capsys))
    assert data["date"] == "2026-03-10"
    assert (data["sleep_hours"], data["deep_work_hours"]) == (7.5, 2.0)
    assert (data["production_hours"], data["consumption_hours"]) == (1.5, 0.5)
    assert [(s["start"], s["category"], s["note"]) for s in data["sessions"]] == [
        ("2026-03-10T09:00:00+09:00", "Writing", ""),
        ("2026-03-10T11:00:00+09:00", "Reading", "a paper"),
    ]
    assert [o["title"] for o in data["outputs"]] == ["tiny-gpt"]
    assert run_main("day", "--json") == 0  # today by default
    assert json.loads(_out(capsys)) == data


def test_day_is_short_and_readable(logged_day, capsys):
    assert run_main("day") == 0
    assert _out(capsys).splitlines() == [
        "2026-03-10 (Tuesday)",
        "Deep work  2.0 h of 2 h (production 1.5 h, consumption 0.5 h)",
        "This week  3.0 h of 14 h",
        "Sleep      7.5 h, quality 3/5",
        "Energy     4/5",
        "Sessions   09:00–10:30  1.5 h  Writing · Machine learning",
        "           11:00–11:30  0.5 h  Reading · a paper",
        "Outputs    Code / repo “tiny-gpt” (published)",
    ]
    assert run_main("day", "2026-01-01") == 0
    assert "Sleep      not logged" in _out(capsys)


def test_stats_json_matches_the_service(logged_day, capsys):
    assert run_main("stats", "--json") == 0
    data = json.loads(_out(capsys))
    assert (data["total_hours"], data["hours_last_7_days"], data["hours_last_30_days"]) == (
        3.0,
        3.0,
        3.0,
    )
    assert (data["streak_current"], data["streak_longest"], data["sleep_avg_7_days"]) == (
        2,
        2,
        7.5,
    )
    (skill,) = data["skills"]
    assert (skill["name"], skill["total_hours"], skill["target_hours"]) == (
        "Machine learning",
        102.5,
        10_000.0,
    )
    with Services.open(logged_day) as services:
        assert data == json.loads(json.dumps(services.stats.overall().as_dict()))
        assert (
            skill["projected_date"] == services.stats.overall().skills[0].projected_date.isoformat()
        )


def test_stats_is_short_and_readable(logged_day, capsys):
    assert run_main("stats") == 0
    lines = _out(capsys).splitlines()
    assert lines[:3] == [
        "Deep work  3.0 h in all; 3.0 h in the last 7 days, 3.0 h in the last 30",
        "Streak     2 days (longest 2)",
        "Sleep      7.5 h a night over the last 7 days",
    ]
    assert lines[3].startswith("Skills     Machine learning: 102.5 of 10,000 h, on pace for ")
    assert len(lines) == 4


def test_an_empty_journal(journal, capsys):
    assert run_main("stats") == 0
    assert _out(capsys).splitlines() == [
        "Deep work  0.0 h in all; 0.0 h in the last 7 days, 0.0 h in the last 30",
        "Streak     0 days (longest 0)",
        "Sleep      not logged in the last 7 days",
    ]


# --------------------------------------------------------------------------- with the app open


@contextlib.contextmanager
def _app_has_it_open(paths: DataPaths):
    """What the running app holds: the instance lock and a connection mid-read."""
    from journal_app.instance_lock import InstanceLock

    with InstanceLock(paths), contextlib.closing(sqlite3.connect(paths.database)) as conn:
        conn.execute("BEGIN")
        conn.execute("SELECT count(*) FROM work_session").fetchone()
        yield
        conn.execute("COMMIT")


def test_logging_works_while_the_app_has_the_journal_open(journal, clock, capsys):
    with _app_has_it_open(journal):
        assert run_main("log", "session", "--minutes", "45", "--category", "Coding") == 0
        assert run_main("log", "sleep", "--hours", "8") == 0
        assert run_main("log", "output", "--kind", "code", "--title", "repo") == 0
        assert run_main("timer", "start") == 0
        clock.advance(minutes=10)
        assert run_main("timer", "stop") == 0
        capsys.readouterr()
    assert _everything(journal)[:3] == (2, 1, 1)


# --------------------------------------------------------------------------- a real process


def test_round_trip_in_a_real_process(run_cli, data_dir):
    env = {"TZ": "Asia/Tokyo", DATA_DIR_ENV: str(data_dir)}
    args = ["--start", "09:00", "--end", "10:30", "--day", "2026-03-10"]
    labels = ["--category", "Writing", "--skill", "Machine learning"]
    logged = run_cli("log", "session", *args, *labels, env=env)
    assert (logged.returncode, logged.stderr) == (0, "")
    assert logged.stdout.startswith("Logged 1 h 30 min on 2026-03-10, 09:00–10:30")
    day = run_cli("day", "2026-03-10", "--json", env=env)
    assert day.returncode == 0, day.stderr
    data = json.loads(day.stdout)
    assert (data["deep_work_hours"], data["production_hours"]) == (1.5, 1.5)
    assert data["sessions"][0]["start"] == "2026-03-10T09:00:00+09:00"
    stats = run_cli("stats", "--json", env=env)
    assert stats.returncode == 0, stats.stderr
    overall = json.loads(stats.stdout)
    assert overall["total_hours"] == 1.5 and overall["first_day"] == "2026-03-10"
    assert [(s["name"], s["total_hours"]) for s in overall["skills"]] == [("Machine learning", 1.5)]
    bad = run_cli("log", "session", "--start", "10:00", "--end", "9:00", env=env)
    assert bad.returncode == 2 and bad.stdout == ""
    assert bad.stderr.startswith("journal-app: error: the end (9:00) is before the start (10:00);")
