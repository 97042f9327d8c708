"""run_gui: start-up order, errors a user can act on, the demo, the start-up probe."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import tempfile
import textwrap
import threading
import types
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from journal_app.errors import InstanceLockedError
from journal_app.instance_lock import InstanceLock
from journal_app.ui import excepthook
from journal_app.ui.app import STARTUP_PROBE_ENV, run_gui


@pytest.fixture
def critical(monkeypatch):
    """QMessageBox.critical, answered at once; records (title, text)."""
    calls: list[tuple[str, str]] = []

    def fake(_parent, title, text, *_args, **_kwargs):
        calls.append((title, text))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "critical", fake)
    return calls


@pytest.fixture(autouse=True)
def _keep_hooks(monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)


@pytest.fixture(autouse=True)
def error_dialogs(monkeypatch):
    """The excepthook's dialog, recorded instead of shown (a modal would block)."""
    shown: list[tuple] = []
    monkeypatch.setattr(excepthook, "show_error_dialog", lambda *args: shown.append(args))
    return shown


@pytest.fixture
def watchdog(qapp):
    """Ends a hung event loop so a broken probe fails the test instead of hanging it."""
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(qapp.quit)
    timer.start(20_000)
    yield timer
    timer.stop()


def test_locked_data_dir_gets_one_line_and_a_dialog(
    data_paths, critical, capsys, monkeypatch, qapp
):
    def locked(self):
        raise InstanceLockedError(f"Self-Study Journal is already running on {data_paths.root}")

    monkeypatch.setattr(InstanceLock, "acquire", locked)
    assert run_gui(data_paths) == 1
    assert capsys.readouterr().err == (
        f"journal-app: error: Self-Study Journal is already running on {data_paths.root}\n"
    )
    assert critical == [
        (
            "Self-Study Journal cannot start",
            f"Self-Study Journal is already running on {data_paths.root}",
        )
    ]


def test_second_instance_gets_one_line_and_a_dialog(
    data_paths, critical, capsys, error_dialogs, qapp
):
    with InstanceLock(data_paths):
        code = run_gui(data_paths)
    assert code == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("journal-app: error: Self-Study Journal is already running on ")
    assert "Traceback" not in err
    assert len(critical) == 1
    assert "already running" in critical[0][1]
    assert error_dialogs == []
    assert sys.excepthook.__class__.__name__ != "ExceptionHook"  # hook removed again


def test_unexpected_startup_errors_are_logged_shown_and_summed_up(
    data_paths, monkeypatch, capsys, error_dialogs, qapp
):
    from journal_app.services import Services

    def broken(*_args, **_kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(Services, "open", broken)
    assert run_gui(data_paths) == 1
    log_file = data_paths.logs / "journal-app.log"
    err = capsys.readouterr().err.splitlines()
    assert err == [
        f"journal-app: unexpected error: RuntimeError: disk on fire (details in {log_file})"
    ]
    assert "RuntimeError: disk on fire" in log_file.read_text(encoding="utf-8")
    assert [args[0] for args in error_dialogs] == ["RuntimeError: disk on fire"]


def test_a_database_we_refuse_is_reported_not_crashed_on(data_paths, critical, capsys, qapp):
    data_paths.database.write_bytes(b"this is not a journal, it is a shopping list\n" * 40)
    assert run_gui(data_paths) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and err[0].startswith("journal-app: error: ")
    assert critical and critical[0][1] in err[0]
    # the refused file was not touched, and the lock was released for the next start
    assert data_paths.database.read_bytes().startswith(b"this is not a journal")
    with InstanceLock(data_paths):
        pass


def test_probe_prints_first_paint_and_exits(
    data_paths, monkeypatch, capsys, watchdog, error_dialogs, qapp
):
    monkeypatch.setenv(STARTUP_PROBE_ENV, "1")
    code = run_gui(data_paths)
    assert code == 0
    assert capsys.readouterr().out.splitlines() == ["first-paint"]
    assert error_dialogs == []
    assert watchdog.isActive()  # quit by the probe, not by the watchdog
    assert QApplication.applicationName() == "journal-app"
    assert QApplication.desktopFileName() == "journal-app"
    assert not QApplication.windowIcon().isNull()
    with InstanceLock(data_paths):  # released on exit
        pass


def test_demo_fills_a_temporary_journal_and_removes_it(monkeypatch, capsys, watchdog, qapp):
    made: list[Path] = []
    real_mkdtemp = tempfile.mkdtemp

    def recording_mkdtemp(*args, **kwargs):
        path = real_mkdtemp(*args, **kwargs)
        made.append(Path(path))
        return path

    calls: list[dict] = []
    stages: list[tuple[str, float]] = []

    def generate_demo(services, *, years, seed, today, progress):
        calls.append({"years": years, "seed": seed, "today": today})
        for i in range(3):
            services.entries.create(day=today - dt.timedelta(days=i), title=f"Demo {i}")
            progress(f"entries {i}", (i + 1) / 3)
            stages.append((f"entries {i}", (i + 1) / 3))
        seen_dirs.append(services.paths.root)

    seen_dirs: list[Path] = []
    fake = types.ModuleType("journal_app.demo.generate")
    fake.generate_demo = generate_demo
    monkeypatch.setitem(sys.modules, "journal_app.demo.generate", fake)
    monkeypatch.setattr(tempfile, "mkdtemp", recording_mkdtemp)
    monkeypatch.setenv(STARTUP_PROBE_ENV, "1")

    assert run_gui(None, demo=True) == 0

    assert calls == [{"years": 2, "seed": 1, "today": dt.date.today()}]
    assert len(stages) == 3
    assert len(made) == 1 and seen_dirs[0].is_relative_to(made[0])
    assert not made[0].exists()
    assert "first-paint" in capsys.readouterr().out


def test_demo_errors_are_reported_and_the_folder_removed(monkeypatch, critical, capsys, qapp):
    from journal_app.errors import InvalidInput

    made: list[Path] = []
    real_mkdtemp = tempfile.mkdtemp

    def recording_mkdtemp(*args, **kwargs):
        made.append(Path(real_mkdtemp(*args, **kwargs)))
        return str(made[-1])

    def generate_demo(services, **_kwargs):
        raise InvalidInput("years must be 1..30")

    fake = types.ModuleType("journal_app.demo.generate")
    fake.generate_demo = generate_demo
    monkeypatch.setitem(sys.modules, "journal_app.demo.generate", fake)
    monkeypatch.setattr(tempfile, "mkdtemp", recording_mkdtemp)
    assert run_gui(None, demo=True) == 1
    assert capsys.readouterr().err == "journal-app: error: years must be 1..30\n"
    assert critical[0][1] == "years must be 1..30"
    assert not made[0].exists()


def _run_python(code: str, tmp_path: Path, **env: str) -> subprocess.CompletedProcess:
    import os

    full_env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **env)
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        env=full_env,
        timeout=120,
        cwd=tmp_path,
    )


def test_showing_the_window_does_not_load_charts_or_markdown(tmp_path, data_dir):
    result = _run_python(
        f"""
        import sys
        from PySide6.QtWidgets import QApplication
        from journal_app.config import check_data_dir
        from journal_app.services import Services
        from journal_app.ui.app import create_application
        from journal_app.ui.main_window import MainWindow

        app = create_application()
        services = Services.open(check_data_dir(__import__("pathlib").Path({str(data_dir)!r}),
                                                create=True))
        window = MainWindow(services)
        window.show()
        app.processEvents()
        window.show_area("dashboard")
        app.processEvents()
        assert window.isVisible()
        print(sorted(m for m in ("pyqtgraph", "markdown", "journal_app.markdown.render")
                     if m in sys.modules))
        """,
        tmp_path,
        JOURNAL_APP_CONFIG_DIR=str(tmp_path / "config"),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_the_window_modules_build_no_qstyle_enums(tmp_path):
    """PySide 6.11 builds every enum of a class when the class is first named, even by
    ``from PySide6.QtWidgets import QStyle``: QStyle's many cost ~7 ms of start-up, and
    nothing before the first paint needs them (the entry list asks on its first paint).
    So no module the window imports names QStyle at its top. (Recording enum creation by
    patching ``enum.EnumType._create_`` crashes PySide 6.12: the names are checked.)"""
    result = _run_python(
        """
        import sys
        import journal_app.ui.app
        print(sorted(
            name for name, module in list(sys.modules.items())
            if name.startswith("journal_app") and "QStyle" in vars(module)
        ))
        """,
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


@pytest.mark.slow
def test_cli_starts_the_gui_to_first_paint(run_cli, data_dir, tmp_path):
    result = run_cli(
        "--data-dir",
        str(data_dir),
        env={
            STARTUP_PROBE_ENV: "1",
            "QT_QPA_PLATFORM": "offscreen",
            "JOURNAL_APP_CONFIG_DIR": str(tmp_path / "config"),
        },
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["first-paint"]
    assert (data_dir / "journal.sqlite3").is_file()


def test_gui_start_with_an_unusable_data_dir_shows_a_dialog(critical, capsys, tmp_path, qapp):
    from journal_app.cli import main

    target = tmp_path / "missing-parent" / "journal"

    assert main(["--data-dir", str(target)]) == 1
    import gc

    assert gc.isenabled()  # paused for start-up only

    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("journal-app: error: ")
    assert len(critical) == 1
    assert critical[0][0] == "Self-Study Journal cannot start"
    assert str(target.parent) in critical[0][1]
    assert not target.parent.exists()


def test_the_demo_never_touches_the_users_settings_or_logs(monkeypatch, capsys, watchdog, qapp):
    from journal_app.config import config_dir

    user_config = config_dir()  # the conftest's stand-in for ~/.config/journal-app
    seen: list[Path] = []

    def generate_demo(services, **_kwargs):
        seen.append(config_dir())

    fake = types.ModuleType("journal_app.demo.generate")
    fake.generate_demo = generate_demo
    monkeypatch.setitem(sys.modules, "journal_app.demo.generate", fake)
    monkeypatch.setenv(STARTUP_PROBE_ENV, "1")

    assert run_gui(None, demo=True) == 0

    assert seen and seen[0] != user_config
    assert not user_config.exists() or not any(user_config.rglob("*"))
    assert config_dir() == user_config  # back to normal after the demo
