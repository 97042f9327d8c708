"""Shared set-up of a chart's PlotItem: axes with units, a light grid, the look of the
current theme, zoom along time only."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from journal_app.ui.dashboard.style import ChartStyle

LEFT_AXIS_WIDTH = 58  # the same for every linked plot, so their time axes line up
TITLE_SIZE = "9pt"


def plot_widget(name: str, description: str = "", *, date_x: bool = False) -> Any:
    """A PlotWidget without the context menus charts here do not offer, over which the
    wheel scrolls the page (wheel.py); ``name`` and ``description`` are what a screen
    reader says of it."""
    # lazy: pyqtgraph loads only when used
    import pyqtgraph as pg

    # lazy: pyqtgraph loads only when used
    from journal_app.ui.dashboard.axis import chart_axes

    # lazy: as above
    from journal_app.ui.dashboard.day_axis import date_axis

    # lazy: as above
    from journal_app.ui.dashboard.wheel import guard_wheel

    made = pg.PlotWidget(
        viewBox=pg.ViewBox(enableMenu=False), axisItems=chart_axes(date_axis() if date_x else None)
    )
    _hide_top_and_right(made.getPlotItem())
    made.wheel_guard = guard_wheel(made)
    made.setAccessibleName(name)
    made.setAccessibleDescription(description or name)
    return made


def add_plot(layout: Any, row: int, *, date_x: bool = True) -> Any:
    """A plot in a GraphicsLayout (no context menu)."""
    # lazy: pyqtgraph loads only when used
    import pyqtgraph as pg

    # lazy: pyqtgraph loads only when used
    from journal_app.ui.dashboard.axis import chart_axes

    # lazy: as above
    from journal_app.ui.dashboard.day_axis import date_axis

    axes = chart_axes(date_axis() if date_x else None)
    plot = layout.addPlot(row=row, col=0, viewBox=pg.ViewBox(enableMenu=False), axisItems=axes)
    _hide_top_and_right(plot)
    return plot


def _hide_top_and_right(plot: Any) -> None:
    """As pyqtgraph has it (axes handed to a plot are shown)."""
    plot.hideAxis("top")
    plot.hideAxis("right")


def prepare(plot: Any, *, y_label: str, x_label: str | None = None, zoom_x: bool = True) -> None:
    """Axis labels, no context menu or auto-range button, pan and zoom along x only."""
    plot.hideButtons()
    plot.setMenuEnabled(False)
    plot.setMouseEnabled(x=zoom_x, y=False)
    plot.getViewBox().disableAutoRange()
    plot.getAxis("left").setWidth(LEFT_AXIS_WIDTH)
    for name in ("left", "bottom", "right", "top"):
        # Units never change scale here; the automatic prefix re-renders the label (as
        # HTML) on every zoom step.
        plot.getAxis(name).enableAutoSIPrefix(False)
    plot.setLabel("left", y_label)
    if x_label is not None:
        plot.setLabel("bottom", x_label)


def apply_style(plot: Any, style: ChartStyle) -> None:
    """Axis, tick and label colours and the grid for the theme."""
    # lazy: pyqtgraph loads only when used
    import pyqtgraph as pg

    for name in ("left", "bottom", "right", "top"):
        axis = plot.getAxis(name)
        if not axis.isVisible():
            continue
        axis.setPen(pg.mkPen(style.axis))
        axis.setTextPen(pg.mkPen(style.text))
        if axis.label is not None and axis.labelText:
            axis.setLabel(axis.labelText, units=axis.labelUnits, color=style.muted)
    plot.showGrid(x=False, y=True, alpha=style.grid_alpha)


def set_title(plot: Any, html: str, style: ChartStyle) -> None:
    plot.setTitle(html, color=style.text, size=TITLE_SIZE, justify="left")
    _wrap_title(plot.titleLabel)


def _wrap_title(label: Any) -> None:
    """Let a title (with its legend) wrap to the width its plot gets. pyqtgraph's
    LabelItem keeps one line and makes it its minimum width, so on a narrow window a long
    title widened the whole chart past its view and cut off the newest days."""
    if getattr(label, "wraps", False):
        return
    one_line = label.resizeEvent

    def resize(event: Any) -> None:
        label.item.setTextWidth(max(1.0, float(label.rect().width())))
        one_line(event)

    def update_min() -> None:
        bounds = label.itemRect()
        label.setMinimumWidth(0)
        label.setMinimumHeight(bounds.height())
        label._sizeHint = {
            Qt.SizeHint.MinimumSize: (0, bounds.height()),
            Qt.SizeHint.PreferredSize: (bounds.width(), bounds.height()),
            Qt.SizeHint.MaximumSize: (-1, -1),
            Qt.SizeHint.MinimumDescent: (0, 0),
        }
        label.updateGeometry()

    # LabelItem keeps its size hints as tuples (see LabelItem.updateMin); same here.
    label.resizeEvent = resize
    label.updateMin = update_min
    label.wraps = True
    update_min()


def pen(color: str, width: float = 1.0, *, dashed: bool = False) -> Any:
    # lazy: pyqtgraph loads only when used
    import pyqtgraph as pg

    style = Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine
    made = pg.mkPen(color, width=width, style=style)
    made.setCosmetic(True)
    return made
