"""The linked timeline draws what the services computed: read the plot items back."""

from __future__ import annotations

import datetime as dt
import itertools

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt

from journal_app.ui.dashboard.timeaxis import DAY, day_x

from .conftest import TODAY, nov


def _days_drawn(x) -> list[dt.date]:
    return [dt.date(1970, 1, 1) + dt.timedelta(days=int(v // DAY)) for v in x]


def _nan_or(values):
    return np.array([np.nan if v is None else v for v in values], dtype=float)


def test_daily_hours_are_stacked_by_side_with_the_seven_day_average(view):
    history = view.history
    hours = view.timeline.hours
    assert view.timeline.level == "day"
    x, production = hours.bars["production"].getData()
    days = _days_drawn(x)
    index = [history.index_of(d) for d in days]
    assert days[0] <= TODAY - dt.timedelta(days=20) and days[-1] == TODAY
    assert production.tolist() == [history.production[i] for i in index]
    consumption = hours.bars["consumption"]
    assert consumption.opts["y0"].tolist() == production.tolist()  # stacked on production
    assert consumption.opts["height"].tolist() == [history.consumption[i] for i in index]
    _x, average = hours.average.getData()
    assert np.allclose(average, _nan_or(history.average[i] for i in index), equal_nan=True)
    assert hours.target.value() == history.settings.daily_target_hours


def test_nights_quality_dots_and_sleep_debt_match_the_history(view):
    history = view.history
    sleep = view.timeline.sleep
    x, heights = sleep.nights.getData()
    nights = {d: h for d, h in zip(_days_drawn(x), heights, strict=True)}
    logged = {d: s for d, s in zip(history.days, history.sleep, strict=True) if s is not None}
    assert nights == logged
    for quality in range(1, 6):
        dots = sleep.quality[quality].getData()
        days = _days_drawn(dots[0])
        assert days == [
            d for d, q in zip(history.days, history.quality, strict=True) if q == quality
        ]
        assert dots[1].tolist() == [logged[d] for d in days]
    _, debt = sleep.debt.getData()
    shown = [history.index_of(d) for d in _days_drawn(sleep.debt.getData()[0])]
    assert np.allclose(debt, _nan_or(history.sleep_debt[i] for i in shown), equal_nan=True)
    assert sleep.target.value() == 8.0


def test_output_per_week_by_kind_in_count_and_words(view):
    outputs = view.timeline.outputs
    periods = view.history.outputs
    x, count = outputs.bars["explainer"].getData()
    weeks = [d for d in _days_drawn(x)]
    assert weeks == [w + dt.timedelta(days=3) for w in periods.weeks]  # bars sit mid-week
    assert count.tolist() == list(periods.counts["explainer"])
    assert dict(zip(periods.weeks, count, strict=True))[nov(16)] == 1
    view.output_mode.setCurrentIndex(1)  # words
    assert outputs.bars["explainer"].getData()[1].tolist() == list(periods.words["explainer"])
    assert outputs.bars["code"].opts["y0"].tolist() == list(periods.words["explainer"])
    assert "words / week" in view.timeline.output_plot.getAxis("left").labelText


def test_the_production_share_is_drawn_in_percent(view):
    history = view.history
    x, share = view.timeline.share.production.getData()
    index = [history.index_of(d) for d in _days_drawn(x)]
    expected = _nan_or(
        None if history.production_share[i] is None else history.production_share[i] * 100
        for i in index
    )
    assert np.allclose(share, expected, equal_nan=True)


def test_all_plots_share_one_time_axis(view):
    first, last = view.timeline.visible_days()
    assert first <= view.range.first and last >= view.range.last
    for plot in view.timeline.plots[1:]:
        assert (
            plot.getViewBox().viewRange()[0] == view.timeline.hours_plot.getViewBox().viewRange()[0]
        )
    view.timeline.hours_plot.setXRange(day_x(nov(10)), day_x(nov(17)), padding=0)
    assert view.timeline.share_plot.getViewBox().viewRange()[0] == pytest.approx(
        [day_x(nov(10)), day_x(nov(17))]
    )


def _point_on(timeline, plot, day: dt.date) -> QPoint:
    box = plot.getViewBox()
    low, high = box.viewRange()[1]
    scene = box.mapViewToScene(QPointF(day_x(day) + DAY / 2, (low + high) / 2))
    return timeline.view.mapFromScene(scene)


def test_hovering_shows_the_days_values_and_clicking_opens_it(qtbot, view):
    timeline = view.timeline
    point = _point_on(timeline, timeline.sleep_plot, nov(20))
    qtbot.mouseMove(timeline.view.viewport(), point)
    qtbot.waitUntil(lambda: timeline.hovered == nov(20))
    values = view.history.values(nov(20))
    assert "Fri 20 Nov 2026" in timeline.readout.text()
    assert f"deep work <b>{values.total:.1f} h</b>" in timeline.readout.text()
    assert f"slept <b>{values.sleep:.1f} h</b>" in timeline.readout.text()
    assert timeline.cursors[0].value() == day_x(nov(20)) + DAY / 2
    with qtbot.waitSignal(view.day_requested) as blocker:
        qtbot.mouseClick(timeline.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert blocker.args == [nov(20)]


def test_zoomed_far_out_the_bars_become_weekly_then_monthly_means(qtbot, journal):
    from journal_app.ui.dashboard.view import DashboardView

    for back in range(40, 3000, 20):  # sessions over eight years
        journal.sessions.add_local(TODAY - dt.timedelta(days=back), dt.time(9), dt.time(11))
    made = DashboardView(journal)
    qtbot.addWidget(made)
    made.resize(1000, 1200)
    made.show()
    qtbot.waitExposed(made)
    made.reload()
    made.set_range("all")
    timeline = made.timeline
    assert timeline.level == "month"
    buckets = made.history.buckets("month")
    x, other = timeline.hours.bars["other"].getData()
    starts = [dt.date(1970, 1, 1) + dt.timedelta(days=int(v // DAY)) for v in x]
    by_start = dict(zip(buckets.starts, buckets.means["other"], strict=True))
    for start, height in zip(starts, other, strict=True):
        month = start.replace(day=1)
        assert height == pytest.approx(by_start[month] or 0.0)
    assert "monthly averages" in timeline.hours_plot.titleLabel.text
    made.set_range("year")
    assert timeline.level in ("day", "week")
    made.set_range("week")
    assert timeline.level == "day"


@pytest.mark.parametrize("width", [620, 1000])
def test_date_labels_never_overlap_at_any_zoom(qtbot, journal, width):
    """Zoomed from five days out to eight years, no two labels on the time axis touch
    (it read "Jan 2025Feb" and "DecJan 2026Feb")."""
    from PySide6.QtGui import QImage, QPainter

    from journal_app.ui.dashboard.view import DashboardView

    for back in range(40, 3000, 20):  # sessions over eight years
        journal.sessions.add_local(TODAY - dt.timedelta(days=back), dt.time(9), dt.time(11))
    made = DashboardView(journal)
    qtbot.addWidget(made)
    made.resize(width, 1200)
    made.show()
    qtbot.waitExposed(made)
    made.reload()
    axis = made.timeline.share_plot.getAxis("bottom")
    image = QImage(10, 10, QImage.Format.Format_ARGB32)
    spans = [5, 9, 16, 30, 45, 70, 100, 150, 220, 330, 500, 750, 1100, 1700, 2900]
    for days in spans:
        made.timeline.hours_plot.setXRange(day_x(TODAY) - days * DAY, day_x(TODAY), padding=0)
        painter = QPainter(image)
        try:
            _axis_spec, _ticks, texts = axis.generateDrawSpecs(painter)
        finally:
            painter.end()
        rects = sorted((rect for rect, _flags, text in texts if text), key=lambda r: r.left())
        assert rects, days  # a label at least (a Monday or a month may be all in view)
        for left, right in itertools.pairwise(rects):
            assert left.right() < right.left(), (days, axis.level, [t for *_, t in texts])


def test_on_a_narrow_window_the_charts_fit_and_their_titles_wrap(qtbot, journal):
    """Long titles (with their legends) used to widen the charts past their view, cutting
    off the newest days on the right."""
    from journal_app.ui.dashboard.view import DashboardView

    made = DashboardView(journal)
    qtbot.addWidget(made)
    made.resize(640, 1400)
    made.show()
    qtbot.waitExposed(made)
    made.reload()
    made.build_lower()
    made.set_range("month")
    timeline = made.timeline
    visible = timeline.view.viewport().width()
    qtbot.waitUntil(lambda: timeline.view.ci.geometry().width() <= visible)
    for plot in timeline.plots:
        assert plot.sceneBoundingRect().right() <= visible
        title = plot.titleLabel
        assert title.sceneBoundingRect().right() <= visible
        assert title.item.mapRectToParent(title.item.boundingRect()).width() <= title.width() + 1
    today = timeline.hours_plot.getViewBox().mapViewToScene(QPointF(day_x(TODAY), 0))
    assert today.x() < visible  # the newest day is on screen


def test_opening_draws_the_history_once_at_the_chosen_range(qtbot, journal, monkeypatch):
    """Setting the limits and the range moved the view step by step, and each step drew
    the whole history at a range nobody saw: draw once, at the range shown."""
    from journal_app.ui.dashboard.hours_row import HoursRow
    from journal_app.ui.dashboard.view import DashboardView

    drawn: list[tuple[float, float]] = []
    draw = HoursRow.draw

    def counting(row, frame):
        drawn.append(row.plot.getViewBox().viewRange()[0])
        draw(row, frame)

    monkeypatch.setattr(HoursRow, "draw", counting)
    made = DashboardView(journal)
    qtbot.addWidget(made)
    made.resize(1040, 1000)
    made.show()
    qtbot.waitExposed(made)
    made.reload()
    assert made.range is not None and made.range.kind == "quarter"
    low, high = day_x(made.range.first), day_x(made.range.last) + DAY
    assert len(drawn) == 1
    assert drawn[0][0] <= low and drawn[0][1] >= high
