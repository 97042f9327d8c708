"""The Skills tab: the ledger the user sees is the one `services.skills.ledgers()` gives,
and "hours a day to reach it by" follows the date picked."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt

from journal_app.ui.resources import prompts
from journal_app.ui.resources.format import day_text, hours_text, long_day_text

from .conftest import TODAY, texts


def _ml_with_four_weeks_of_work(journal):
    ml = journal.skills.add("Machine learning", target_hours=1000, baseline_hours=300)
    for back in range(28):  # 2 h a day
        day = TODAY - dt.timedelta(days=back)
        journal.sessions.add_local(day, dt.time(9), dt.time(11), skill_id=ml.id)
    journal.skills.add("Writing", baseline_hours=12.5)
    return ml


def test_the_ledger_shows_what_the_service_computes(qtbot, make_page, journal):
    _ml_with_four_weeks_of_work(journal)
    page = make_page("skills")
    tab = page.tabs["skills"]
    ledgers = journal.skills.ledgers()
    assert texts(tab.model, "Skill") == [s.name for s in ledgers]
    assert texts(tab.model, "Total") == [hours_text(s.total_hours) for s in ledgers]
    assert texts(tab.model, "Target") == [hours_text(s.target_hours) for s in ledgers]
    assert texts(tab.model, "Last 7 days") == [hours_text(s.hours_last_7_days) for s in ledgers]
    assert texts(tab.model, "Last 30 days") == [hours_text(s.hours_last_30_days) for s in ledgers]
    assert texts(tab.model, "Progress") == ["36 %", "0 %"]
    ml, _writing = ledgers
    assert texts(tab.model, "Projected") == [
        day_text(ml.projected_date),
        "not at the current pace",
    ]

    panel = tab.panel
    assert panel.name_label.text() == "Machine learning"  # the first skill is selected
    assert panel.total.value.text() == "356 h"
    assert panel.week.value.text() == "14.0 h"
    assert panel.month.value.text() == "56.0 h"
    assert panel.pace.value.text() == "2.0 h a day"
    assert panel.bar.value() == 356
    assert long_day_text(ml.projected_date) in panel.projection_label.text()

    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_Down)
    assert panel.name_label.text() == "Writing"
    assert "not at the current pace" in panel.projection_label.text()
    assert panel.total.value.text() == "12.5 h"


def test_hours_per_day_follow_the_date_picked(qtbot, make_page, journal):
    ml = _ml_with_four_weeks_of_work(journal)
    page = make_page("skills")
    panel = page.tabs["skills"].panel
    assert panel.by_edit.minimumDate() == QDate(2026, 11, 22)  # from today on

    panel.by_edit.setDate(QDate(2026, 12, 1))  # 10 days, 644 h left
    expected = journal.skills.hours_per_day_to_reach(ml.id, dt.date(2026, 12, 1))
    assert expected == 64.4
    assert "64.40 h a day" in panel.per_day_label.text()
    assert "more than a day holds" in panel.per_day_label.text()

    panel.by_edit.setFocus()
    panel.by_edit.setSelectedSection(panel.by_edit.Section.YearSection)
    qtbot.keyClick(panel.by_edit, Qt.Key.Key_Up)  # one year later: 2027-12-01, 375 days
    assert panel.by_edit.date() == QDate(2027, 12, 1)
    expected = journal.skills.hours_per_day_to_reach(ml.id, dt.date(2027, 12, 1))
    assert f"{expected:,.2f} h a day" in panel.per_day_label.text()
    assert "more than a day" not in panel.per_day_label.text()

    # The date the user chose survives a reload.
    with qtbot.waitSignal(page.reloaded):
        page._events.tracking_changed.emit()
    assert panel.by_edit.date() == QDate(2027, 12, 1)


def test_add_a_skill_with_the_default_target_from_settings(qtbot, make_page, journal):
    journal.tracking_settings.update(default_skill_target_hours=5000)
    page = make_page("skills")
    tab = page.tabs["skills"]
    assert "No skills yet" in tab.summary_label.text()
    assert not tab.panel.content.isVisible()
    tab.view.setFocus()
    qtbot.keyClick(
        tab.view,
        Qt.Key.Key_A,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = tab.dialog
    assert dialog.windowTitle() == "New skill"
    assert dialog.target_spin.value() == 5000
    qtbot.keyClicks(dialog.name_edit, "Reinforcement learning")
    dialog.baseline_spin.setValue(120)
    with qtbot.waitSignal(page.reloaded):
        qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    [skill] = journal.skills.list()
    assert (skill.name, skill.target_hours, skill.baseline_hours) == (
        "Reinforcement learning",
        5000.0,
        120.0,
    )
    assert texts(tab.model, "Total") == ["120 h"]
    assert tab.panel.name_label.text() == "Reinforcement learning"
    assert tab.panel.content.isVisible()


def test_edit_a_skill_and_a_taken_name_is_refused(qtbot, make_page, journal):
    journal.skills.add("Writing")
    rust = journal.skills.add("Rust")
    page = make_page("skills")
    tab = page.tabs["skills"]
    tab.view.setFocus()
    tab.select_id(rust.id)
    qtbot.keyClick(tab.view, Qt.Key.Key_Return)
    dialog = tab.dialog
    dialog.name_edit.selectAll()
    qtbot.keyClicks(dialog.name_edit, "writing")
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert "already a skill called “writing”" in dialog.error_label.text()
    dialog.name_edit.selectAll()
    qtbot.keyClicks(dialog.name_edit, "Rust (systems)")
    dialog.target_spin.setValue(2000)
    with qtbot.waitSignal(page.reloaded):
        qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    assert journal.skills.get(rust.id).name == "Rust (systems)"
    assert journal.skills.get(rust.id).target_hours == 2000
    assert tab.selected_id() == rust.id


def test_deleting_a_skill_in_use_says_so_and_forces_only_when_confirmed(
    qtbot, make_page, journal, monkeypatch
):
    ml = journal.skills.add("Machine learning")
    session = journal.sessions.add_local(TODAY, dt.time(9), dt.time(10), skill_id=ml.id)
    asked = []
    answers = iter([False, True])
    monkeypatch.setattr(
        prompts, "confirm", lambda _p, title, text, _a: asked.append(text) or next(answers)
    )
    page = make_page("skills")
    tab = page.tabs["skills"]
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_Delete)
    assert "1 session count toward it" in asked[0]
    assert journal.skills.find("Machine learning") is not None
    with qtbot.waitSignal(page.reloaded):
        qtbot.keyClick(tab.view, Qt.Key.Key_Delete)
    assert journal.skills.list() == []
    assert journal.sessions.get(session.id).skill_id is None
    assert tab.model.rowCount() == 0
