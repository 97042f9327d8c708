"""Range changes, headline figures, the consistency calendar, weekly totals, the ledger
and the sleep/deep-work scatters show the services' figures."""

from __future__ import annotations

import datetime as dt

import numpy as np
from PySide6.QtCore import QDate, QPointF, Qt

from journal_app.services.dashboard import DateRange
from journal_app.services.dashboard.correlation import MIN_PAIRS
from journal_app.ui.dashboard.headline import tile_texts
from journal_app.ui.dashboard.ledger_panel import needed_text
from journal_app.ui.dashboard.pairing_chart import summary
from journal_app.ui.dashboard.timeaxis import DAY, WEEK, day_x

from .conftest import TODAY, nov


def test_each_range_moves_the_charts_and_the_figures(view):
    for kind, days in (("week", 7), ("month", 31), ("quarter", 92), ("year", 365)):
        view.set_range(kind)
        assert view.range.kind == kind and view.range.last == TODAY
        assert view.range.days == days
        assert view.range_bar.buttons[kind].isChecked()
        assert view.range_bar.label.text() == view.range.label()
        first, last = view.timeline.visible_days()
        assert first <= view.range.first and last >= TODAY
        assert (view.range.first - first).days <= days * 0.05 + 1  # a little padding only
        expected = view._services.dashboard.figures(view.history, view.range)
        assert view.figures == expected
        for key, (value, detail) in tile_texts(expected, 14.0).items():
            assert view.headline.values[key].text() == value
            assert view.headline.details[key].text() == detail


def test_a_custom_range(view):
    view.set_range("custom", (nov(9), nov(15)))
    assert view.range == DateRange(nov(9), nov(15), "custom")
    assert view.range_bar.first_edit.isVisible() and view.range_bar.last_edit.isVisible()
    view.range_bar.last_edit.setDate(QDate(2026, 11, 20))  # as a user picks a day
    assert view.range == DateRange(nov(9), nov(20), "custom")
    assert view.figures.total_hours == sum(
        view.history.total[view.history.index_of(nov(d))] for d in range(9, 21)
    )
    view.set_range("week")
    assert not view.range_bar.first_edit.isVisible()


def test_the_calendar_and_streaks(qtbot, view):
    panel = view.consistency
    heatmap = view.figures.heatmap
    drawn = {}
    for level, item in enumerate(panel.heatmap.levels):
        x, y = item.getData()
        for column, row in zip(x, y, strict=True):
            drawn[heatmap.first + dt.timedelta(days=int(column) * 7 - int(row))] = level
    assert drawn == {cell.day: cell.level for cell in heatmap.cells}
    assert len(drawn) == 52 * 7 + 7  # 22 November 2026 is a Sunday
    streaks = view.figures.streaks
    assert f"Current streak <b>{streaks.current} day" in panel.streaks.text()
    assert f"longest <b>{streaks.longest}</b>" in panel.streaks.text()
    # Hover and click a square.
    box = panel.heatmap.plot.getViewBox()
    column = (nov(18) - heatmap.first).days // 7
    scene = box.mapViewToScene(QPointF(column, -nov(18).weekday()))
    point = panel.heatmap.plot_widget.mapFromScene(scene)
    qtbot.mouseMove(panel.heatmap.plot_widget.viewport(), point)
    qtbot.waitUntil(lambda: "Wed 18 Nov 2026" in panel.heatmap.readout.text())
    with qtbot.waitSignal(view.day_requested) as blocker:
        qtbot.mouseClick(panel.heatmap.plot_widget.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert blocker.args == [nov(18)]


def test_weekly_totals_against_the_goal(view):
    weekly = view.consistency.weekly
    weeks = view.figures.weeks
    drawn = {}
    for state, bars in weekly.bars.items():
        x, height = bars.getData()
        for centre, hours in zip(x, height, strict=True):
            start = dt.date(1970, 1, 1) + dt.timedelta(days=int((centre - WEEK / 2) // DAY))
            drawn[start] = (state, hours)
    assert drawn == {
        w.start: ("running" if w.in_progress else "met" if w.met else "missed", w.hours)
        for w in weeks
    }
    assert weekly.goal.value() == 14.0
    assert "met in" in view.consistency.weeks.text()


def test_the_targets_are_shown_and_set_in_preferences(qtbot, view, journal):
    """The dashboard shows the targets; Targets… asks for Preferences, where they are set."""
    assert view.consistency.threshold.text() == "A day counts from 0.25 h"
    with qtbot.waitSignal(view.targets_requested):
        qtbot.mouseClick(view.targets_button, Qt.MouseButton.LeftButton)
    journal.tracking_settings.update(
        streak_min_hours=1.5, weekly_target_hours=20, sleep_target_hours=7.5
    )
    view.reload()  # as the page does when it hears tracking_changed
    assert view.consistency.weekly.goal.value() == 20
    assert view.timeline.sleep.target.value() == 7.5
    assert view.history.settings.streak_min_hours == 1.5
    assert view.consistency.threshold.text() == "A day counts from 1.5 h"


def test_the_ledger_shows_each_skill_and_the_pace_needed(view):
    ledger = view.ledger
    (curve,) = view.history.skills
    x, y = ledger.lines[0][0].getData()
    assert y.tolist() == list(curve.cumulative)
    assert y[0] >= 100  # the baseline counts
    assert x[-1] == day_x(TODAY) + DAY
    road = ledger.lines[0][1].getData()
    (_start, done), (end, target) = curve.projection
    assert road[1].tolist() == [done, target] and road[0][-1] == day_x(end) + DAY
    ledger.set_by(dt.date(2030, 1, 1))
    assert ledger.needed[0].text() == f"{curve.needed_per_day(dt.date(2030, 1, 1)):.1f} h/day"
    assert ledger.needed[0].text() == needed_text(curve, dt.date(2030, 1, 1))
    assert ledger.by_line.value() == day_x(dt.date(2030, 1, 1)) + DAY / 2
    assert ledger.reach_by.minimumDate() == QDate(2026, 11, 22)  # no date in the past


def test_scatters_show_the_pairs_with_spearman_or_say_why_not(view):
    view.set_range("month")
    before = view.sleep_work.before
    pairing = view.figures.sleep_then_work
    x, y = before.dots.getData()
    assert x.tolist() == list(pairing.x) and y.tolist() == list(pairing.y)
    assert pairing.correlation.n >= MIN_PAIRS and pairing.correlation.rho is not None
    assert before.summary.text() == summary(pairing)
    assert "Spearman ρ =" in before.summary.text()
    assert "not cause" in view.sleep_work.note.text()
    view.set_range("week")  # six finished days: too few
    after = view.sleep_work.after
    assert view.figures.work_then_sleep.correlation.rho is None
    assert after.summary.text().startswith("No coefficient")
    assert f"at least {MIN_PAIRS} days" in after.summary.text()
    assert np.array_equal(after.dots.getData()[0], np.array(view.figures.work_then_sleep.x))


def test_a_scatter_dot_opens_its_day(qtbot, view):
    before = view.sleep_work.before
    pairing = view.figures.sleep_then_work
    box = before.plot.getViewBox()
    scene = box.mapViewToScene(QPointF(pairing.x[0], pairing.y[0]))
    point = before.plot_widget.mapFromScene(scene)
    with qtbot.waitSignal(view.day_requested) as blocker:
        qtbot.mouseClick(before.plot_widget.viewport(), Qt.MouseButton.LeftButton, pos=point)
    day = blocker.args[0]
    index = pairing.days.index(day)
    assert (pairing.x[index], pairing.y[index]) == (pairing.x[0], pairing.y[0])


def test_an_empty_journal_says_what_to_do(qtbot, services):
    from journal_app.ui.dashboard.view import DashboardView

    made = DashboardView(services)
    qtbot.addWidget(made)
    made.show()
    made.reload()
    made.build_lower()
    assert made.empty_note.isVisible() and "Nothing tracked yet" in made.empty_note.text()
    assert made.timeline.hours.bars["production"].getData()[1].tolist() == [0.0]
    qtbot.waitUntil(made.ledger.empty.isVisible)  # cards added to a shown view appear next
    assert not made.ledger.widget.isVisible()
    assert made.sleep_work.before.summary.text().startswith("No coefficient (0 days)")
    assert made.headline.values["sleep"].text() == "—"
