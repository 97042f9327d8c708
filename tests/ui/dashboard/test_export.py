"""Every chart can be saved as PNG and SVG and copied to the clipboard."""

from __future__ import annotations

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

CHARTS = ("timeline", "heatmap", "weekly", "ledger", "sleep_before", "sleep_after")


def test_every_chart_saves_as_png_and_svg(qtbot, view, tmp_path):
    assert set(view.exports) == set(CHARTS)
    for name in CHARTS:
        button = view.exports[name]
        assert [a.text() for a in button.menu().actions()] == [
            "Save as &PNG…",
            "Save as &SVG…",
            "&Copy to Clipboard",
        ]
        png, svg = tmp_path / f"{name}.png", tmp_path / f"{name}.svg"
        with qtbot.waitSignal(button.exported) as blocker:
            button.save(png)
        assert blocker.args == [str(png)]
        image = QImage(str(png))
        assert not image.isNull() and image.width() > 300, name
        button.save(svg)
        text = svg.read_text(encoding="utf-8")
        assert "<svg" in text and "</svg>" in text, name


def test_the_timeline_picture_holds_all_four_plots(view, tmp_path):
    path = tmp_path / "timeline.png"
    view.exports["timeline"].save(path)
    image = QImage(str(path))
    layout = view.timeline.view
    # Twice the on-screen size, the four plots stacked.
    assert image.height() >= 2 * layout.height() - 4
    assert image.width() >= 2 * layout.width() - 4


def test_copy_puts_an_image_and_svg_on_the_clipboard(qtbot, view):
    clipboard = QApplication.clipboard()
    clipboard.clear()
    with qtbot.waitSignal(view.exports["weekly"].exported) as blocker:
        view.exports["weekly"].copy_action.trigger()
    assert blocker.args == ["clipboard"]
    data = clipboard.mimeData()
    assert data.hasImage()
    assert b"<svg" in bytes(data.data("image/svg+xml"))


def test_closed_svg_paths_are_spelled_as_lines_back_to_the_start():
    from xml.dom import minidom

    from journal_app.ui.dashboard.export import close_paths

    node = minidom.parseString(
        '<g><path d="M0,0 L4,0 L4,2 Z M5,5 L6,6Z"/><path d="M1,1 L2,2"/></g>'
    ).documentElement
    close_paths(node)
    first, second = node.getElementsByTagName("path")
    assert first.getAttribute("d") == "M0,0 L4,0 L4,2 L0,0 M5,5 L6,6 L5,5"
    assert second.getAttribute("d") == "M1,1 L2,2"


def test_an_svg_holds_only_what_is_in_view_and_the_chart_is_restored(view, tmp_path):
    view.set_range("week")
    bars = view.timeline.hours.bars["production"]
    before = bars.getData()[0].copy()
    low, high = view.timeline.visible_x()
    assert before.min() < low  # a margin is drawn beyond the view for smooth dragging
    seen = []

    def target():
        seen.append(bars.getData()[0].copy())
        return view.timeline.export_target()

    view.exports["timeline"]._target = target
    view.exports["timeline"].save(tmp_path / "t.svg")
    assert seen[0].min() >= low and seen[0].max() <= high
    after = bars.getData()[0]
    assert after.min() < low and len(after) > len(seen[0])  # the margin is back
