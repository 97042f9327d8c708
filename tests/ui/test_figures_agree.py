"""`journal-app stats --json` / `day --json`, the Today view and the Dashboard show the
same figures on the demo journal: they are fed by the same services."""

from __future__ import annotations

import datetime as dt
import json
import re

from journal_app.cli import main
from journal_app.config import DataPaths
from journal_app.services import Services
from journal_app.services.tracking.skills import default_reach_by
from journal_app.ui.main_window import MainWindow
from journal_app.ui.resources.format import long_day_text
from journal_app.ui.widgets.fmt import date_text


def _json(capsys, *args: str) -> dict:
    assert main(list(args)) == 0
    return json.loads(capsys.readouterr().out)


def test_the_cli_today_and_the_dashboard_agree(tmp_path, qtbot, settings, capsys):
    data = tmp_path / "journal"
    assert main(["demo", "--years", "1", "--data-dir", str(data)]) == 0
    capsys.readouterr()
    day = dt.date.today() - dt.timedelta(days=1)  # a finished day of the demo
    stats = _json(capsys, "stats", "--json", "--data-dir", str(data))
    summary = _json(capsys, "day", day.isoformat(), "--json", "--data-dir", str(data))
    assert stats["total_hours"] > 100 and summary["deep_work_hours"] > 0  # not vacuous

    with Services.open(DataPaths(data)) as services:
        window = MainWindow(services, settings=settings)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)

        window.open_day(day)
        header = window.pages["today"].header
        assert header.day_figure.value.text() == f"{summary['deep_work_hours']:.1f} h"
        assert header.week_figure.value.text() == f"{summary['week_hours']:.1f} h"
        production = header.split_figure.detail.text()
        assert production.startswith(f"{summary['production_hours']:.1f} h production")
        assert f"{summary['consumption_hours']:.1f} h consumption" in production

        page = window.page("dashboard")
        with qtbot.waitSignal(page.charts_ready, timeout=30_000):
            window.show_area("dashboard")
        view = page.view
        view.range_bar.buttons["all"].click()
        assert view.headline.values["deep_work"].text() == f"{stats['total_hours']:,.1f} h"
        days = stats["streak_current"]
        assert view.headline.values["streak"].text() == f"{days:,} day{'s' if days != 1 else ''}"
        assert f"longest {stats['streak_longest']:,} day" in view.headline.details["streak"].text()
        shown = {c.ledger.name: c.ledger for c in view.ledger.curves}
        for skill in stats["skills"]:
            ledger = shown[skill["name"]]
            assert round(ledger.total_hours, 2) == round(skill["total_hours"], 2)
            assert ledger.target_hours == skill["target_hours"]
            projected = ledger.projected_date
            assert (None if projected is None else projected.isoformat()) == skill["projected_date"]
        window.close()


def _number(text: str) -> float:
    return float(re.search(r"[\d,]+\.\d+", text).group().replace(",", ""))


def test_the_skills_tab_and_the_dashboard_give_one_reach_by_answer(make_window, services, qtbot):
    """The Skills tab started its "reach it by" ten years ahead, the Dashboard three: the
    same skill needed 2.7 h a day in one place and 9.1 in the other."""
    today = services.skills.today()
    ml = services.skills.add("Machine learning", baseline_hours=300)
    for back in range(28):  # 2 h a day
        day = today - dt.timedelta(days=back)
        services.sessions.add_local(day, dt.time(9), dt.time(11), skill_id=ml.id)
    (ledger,) = services.skills.ledgers()
    window = make_window()

    window.show_area("resources")
    resources = window.page("resources")
    resources.show_tab("skills")
    panel = resources.tabs["skills"].panel
    assert panel.name_label.text() == "Machine learning"

    dashboard = window.page("dashboard")
    with qtbot.waitSignal(dashboard.charts_ready, timeout=30_000):
        window.show_area("dashboard")
    chart = dashboard.view.ledger
    (needed,) = chart.needed

    assert panel.by_edit.date() == chart.reach_by.date()
    assert chart.reach_by.date().toPython() == default_reach_by(today)
    per_day = ledger.hours_per_day_to_reach(default_reach_by(today))
    assert round(_number(panel.per_day_label.text()), 2) == round(per_day, 2)
    assert round(_number(needed.text()), 1) == round(per_day, 1)
    projected = ledger.projected_date
    assert long_day_text(projected) in panel.projection_label.text()
    assert date_text(projected) in texts_of(chart)
    window.close()


def texts_of(widget) -> list[str]:
    from PySide6.QtWidgets import QLabel

    return [label.text() for label in widget.findChildren(QLabel)]
