"""`journal-app export` and `journal-app import`, as a user types them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from journal_app.cli import main
from journal_app.config import DATA_DIR_ENV, check_data_dir
from journal_app.services import Services

from .helpers import run_main

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "transfer"


@pytest.fixture
def journal(tmp_path, monkeypatch):
    paths = check_data_dir(tmp_path / "journal", create=True)
    with Services.open(paths) as services:
        services.entries.create(
            day=dt.date(2026, 3, 10),
            title="Day one",
            body="Hello #ml",
            tags=["ml"],
            visibility="public",
        )
        services.entries.create(day=dt.date(2026, 3, 11), title="Day two", body="Private")
    monkeypatch.setenv(DATA_DIR_ENV, str(paths.root))
    return paths


def test_export_json_then_import_into_a_new_folder(journal, tmp_path, capsys):
    assert main(["export", "--format", "json", str(tmp_path / "j.json")]) == 0
    out, err = capsys.readouterr()
    # The number of tables depends on the schema version: not asserted.
    assert out.startswith("Exported 2 entries, ") and out.endswith(f" to {tmp_path / 'j.json'}\n")
    assert "100%" in err  # progress on stderr
    code = main(
        [
            "import",
            "--format",
            "json",
            str(tmp_path / "j.json"),
            "--data-dir",
            str(tmp_path / "fresh"),
        ]
    )
    assert code == 0
    assert capsys.readouterr().out.startswith("Imported 2 entries")
    assert (
        main(
            [
                "export",
                "--format",
                "json",
                str(tmp_path / "k.json"),
                "--data-dir",
                str(tmp_path / "fresh"),
            ]
        )
        == 0
    )
    assert (tmp_path / "k.json").read_bytes() == (tmp_path / "j.json").read_bytes()


def test_import_twice_reports_what_was_skipped(journal, capsys):
    assert main(["import", "--format", "jrnl", str(FIXTURES / "jrnl.json")]) == 0
    assert capsys.readouterr().out == "Imported 3 entries\n"
    assert main(["import", "--format", "jrnl", str(FIXTURES / "jrnl.json")]) == 0
    assert capsys.readouterr().out == (
        "Imported nothing new; skipped 3 entries already in the journal\n"
    )


def test_csv_import_with_a_mapping(journal, capsys):
    code = main(
        [
            "import",
            "--format",
            "csv",
            "--kind",
            "sessions",
            str(FIXTURES / "sessions_custom.csv"),
            "--map",
            "day=Date,start=From,end=To,category=Subject,note=What",
        ]
    )
    assert code == 0
    assert capsys.readouterr().out == "Imported 2 sessions\n"


def test_a_bad_file_gets_one_line_and_exit_code_2(journal, capsys):
    path = str(FIXTURES / "toggl_bad_time.csv")
    code = main(["import", "--format", "toggl", "--strict", path])
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    last = err.strip().splitlines()[-1]
    assert last.startswith("journal-app: error: toggl_bad_time.csv line 3:")
    assert "Traceback" not in err
    # without --strict the readable rows arrive and the bad one is listed (#16)
    assert main(["import", "--format", "toggl", path]) == 0
    out, err = capsys.readouterr()
    assert "Left out (1):\n  toggl_bad_time.csv line 3: 'nine' is not a time" in out
    assert "reading with --map category=Tags,skill=Project,note=Description+Task+Client+Tags" in err


def test_time_log_options_reach_the_import(journal, capsys):
    real = FIXTURES.parent / "real" / "clockify" / "solidtime_test_1.csv"
    assert main(["import", "--format", "clockify", str(real)]) == 2
    assert "ambiguous" in capsys.readouterr().err
    args = ["import", "--format", "clockify", "--date-format", "MM/DD/YYYY"]
    args += ["--tz", "America/New_York", "--map", "category=Client", str(real)]
    assert main(args) == 0
    out, err = capsys.readouterr()
    assert out.startswith("Imported 1 session; ignored 1 sessions under a minute")
    assert "--map category=Client,skill=Project" in err
    with Services.open(journal) as services:
        [part] = services.sessions.between(dt.date(2024, 3, 4), dt.date(2024, 3, 4))
    assert part.session.category == "Big Company"
    assert part.session.start == dt.datetime(2024, 3, 4, 15, 23, tzinfo=dt.UTC)  # 10:23 EST


def test_html_needs_an_entry_or_a_range(journal, tmp_path, capsys):
    assert main(["export", "--format", "html", str(tmp_path / "x.html")]) == 2
    assert "html needs --entry ID, --from DATE and --to DATE, --tag TAG or --sprint ID" in (
        capsys.readouterr().err
    )
    assert (
        main(
            [
                "export",
                "--format",
                "html",
                "--from",
                "2026-03-01",
                "--to",
                "2026-03-31",
                str(tmp_path / "x.html"),
            ]
        )
        == 0
    )
    assert "Day two" in (tmp_path / "x.html").read_text()


def test_markdown_hugo_and_csv_exports(journal, tmp_path, capsys):
    for fmt in ("markdown", "hugo", "csv"):
        assert main(["export", "--format", fmt, str(tmp_path / fmt)]) == 0
    assert len(list((tmp_path / "markdown").rglob("*.md"))) == 2
    assert len(list((tmp_path / "hugo").rglob("index.md"))) == 1  # public only
    assert sorted(p.name for p in (tmp_path / "csv").iterdir()) == [
        "outputs.csv",
        "sessions.csv",
        "sleep.csv",
    ]


def test_in_a_real_process(journal, tmp_path, run_cli):
    done = run_cli("import", "--format", "markdown", str(FIXTURES / "obsidian"))
    assert done.returncode == 0, done.stderr
    assert done.stdout == (
        "Imported 4 entries, 2 attachments; left out 1 item it cannot read\n"
        "Dates: 1 from properties, 3 from file names\n"
        "Left out (1):\n"
        "  Ideas.md: no date in its properties or its file name (--date-from mtime "
        "would date it by the file's modification time)\n"
    )
    done = run_cli("export", "--format", "markdown", str(tmp_path / "again"))
    assert done.returncode == 0 and done.stdout.startswith("Exported 6 entries, 2 attachments")


def test_an_impossible_day_in_front_matter_names_the_file(journal, tmp_path, capsys):
    vault = tmp_path / "vault"
    vault.mkdir()
    (vault / "feb.md").write_text("---\ntitle: Feb\nday: 2026-02-30\n---\nbody\n")
    assert run_main("import", "--format", "markdown", "--strict", str(vault)) == 2
    line = _last_error_line(capsys)
    assert line == (
        "journal-app: error: feb.md line 3: 2026-02-30 is not a real date "
        "(day is out of range for month)"
    )
    with Services.open(journal) as services:
        assert services.entries.count() == 2  # the two the journal had


def test_a_yaml_alias_bomb_gets_one_short_line(journal, tmp_path, capsys):
    vault = tmp_path / "vault"
    vault.mkdir()
    levels = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    levels += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, 7)]
    front = "\n".join(levels)
    (vault / "2026-03-12.md").write_text(f"---\n{front}\ntitle: *a6\n---\nbody\n")
    assert run_main("import", "--format", "markdown", "--strict", str(vault)) == 2
    line = _last_error_line(capsys)
    assert line.startswith("journal-app: error: 2026-03-12.md line 2: ") and len(line) < 200
    with Services.open(journal) as services:
        assert services.entries.count() == 2


def _last_error_line(capsys) -> str:
    """The error after the progress lines; no traceback, nothing on stdout."""
    out, err = capsys.readouterr()
    assert out == "" and "Traceback" not in err
    return err.strip().splitlines()[-1]


REAL = Path(__file__).resolve().parents[1] / "fixtures" / "real"


def test_a_vault_with_templates_imports_the_rest_and_saves_the_report(journal, tmp_path, capsys):
    vault = REAL / "joplin" / "md_frontmatter"
    report = tmp_path / "report.txt"
    assert run_main("import", "--format", "markdown", "--report", str(report), str(vault)) == 0
    out = capsys.readouterr().out
    assert out == report.read_text(encoding="utf-8")
    assert out.splitlines() == [
        "Imported 5 entries; left out 1 item it cannot read",
        "Dates: 5 from properties",
        "Left out (1):",
        "  inline_tags.md: no date in its properties or its file name (--date-from mtime "
        "would date it by the file's modification time)",
    ]
    # The report is never written over an existing file; asked before importing.
    assert run_main("import", "--format", "markdown", "--report", str(report), str(vault)) == 2
    assert _last_error_line(capsys) == (
        f"journal-app: error: {report} already exists; name a new file for the report"
    )
    with Services.open(journal) as services:
        assert services.entries.count() == 2 + 5


def test_preview_and_strict_change_nothing(journal, tmp_path, capsys):
    vault = REAL / "obsidian" / "kepano-obsidian"
    assert run_main("import", "--format", "markdown", "--preview", str(vault)) == 0
    out = capsys.readouterr().out
    assert out.startswith("Would import 16 entries; left out 87 items it cannot read\n")
    assert run_main("import", "--format", "markdown", "--strict", str(vault)) == 2
    assert _last_error_line(capsys) == (
        "journal-app: error: Templates/Album Template.md line 7: the front matter holds the "
        "template placeholder {{date}}; this looks like a template, not a note"
    )
    with Services.open(journal) as services:
        assert services.entries.count() == 2
