"""One date format from the system locale (widgets/fmt.py) in every date field and on
every page: the session dialog said "2026-11-22" where Today said "Sun 22 Nov 2026"."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QLocale

from journal_app.services.planning import planning_of
from journal_app.ui.widgets import fmt

DAY = dt.date(2026, 11, 22)


def test_the_locale_gives_the_format_with_the_weekday_and_a_four_digit_year():
    assert fmt.formats_of(QLocale("C"))[0] == "ddd d MMM yyyy"
    assert fmt.formats_of(QLocale("en_US"))[0] == "ddd M/d/yyyy"  # its short year widened
    assert fmt.formats_of(QLocale("de_DE"))[0] == "ddd dd.MM.yyyy"
    assert fmt.formats_of(QLocale("ja_JP"))[0] == "ddd yyyy/MM/dd"
    assert fmt.date_text(DAY) == QLocale.system().toString(fmt.to_qdate(DAY), fmt.date_format())
    assert fmt.from_qdate(fmt.to_qdate(DAY)) == DAY


def test_dialogs_and_pages_show_a_date_the_same_way(qtbot, make_window, services):
    from journal_app.ui.sprints.sprint_dialog import SprintDialog
    from journal_app.ui.transfer.dialogs import ExportDialog

    window = make_window()
    window.show_area("today")
    today = window.page("today")
    shown = today.navigator.date_edit
    day = fmt.from_qdate(shown.date())
    session = today.open_session_dialog()
    export = ExportDialog(None, day)
    sprint = SprintDialog(planning_of(services))
    qtbot.addWidget(export)
    qtbot.addWidget(sprint)
    fields = [shown, session.start.date_edit, export.last_edit, sprint.start]
    for field in fields:
        assert field.displayFormat() == fmt.date_format()
    assert shown.text() == session.start.date_edit.text() == export.last_edit.text()
    assert shown.text() == fmt.date_text(day)
    session.reject()
