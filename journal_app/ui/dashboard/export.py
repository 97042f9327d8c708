"""Export a chart as PNG or SVG, or copy it to the clipboard (both forms at once), with
pyqtgraph's exporters. `target()` gives the graphics item to export: a PlotItem, or
the GraphicsLayout of a linked group of plots."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QMimeData, Signal
from PySide6.QtGui import QAction, QImage
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QMessageBox, QToolButton, QWidget


def _image_exporter(item: Any) -> Any:
    # lazy: pyqtgraph loads only when used
    from pyqtgraph.exporters import ImageExporter

    exporter = ImageExporter(item)
    params = exporter.parameters()
    # Twice the screen size: sharp in documents and on high-density screens.
    width = int(params["width"]) * 2
    params["width"] = width
    if int(params["height"]) % 2:  # the aspect-ratio handler rounds; keep it even
        params["height"] = int(params["height"]) + 1
    return exporter


def render_image(item: Any) -> QImage:
    image = _image_exporter(item).export(toBytes=True)
    return QImage(image)


def close_paths(node: Any) -> None:
    """Spell each "Z" (close path) in the SVG paths under `node` as a line back to the
    subpath's start. pyqtgraph 0.14's exporter reads path data as "x,y" pairs only and
    fails on the "Z" Qt 6 writes for closed shapes, i.e. on every plot
    (pyqtgraph/pyqtgraph#3495, fixed upstream after 0.14.0)."""
    for path in node.getElementsByTagName("path"):
        data = path.getAttribute("d")
        if "Z" not in data and "z" not in data:
            continue
        tokens: list[str] = []
        start = ""
        for token in data.split():
            closing = token[-1] in "Zz"
            token = token[:-1] if closing else token
            if token:
                if token[0] in "Mm":
                    start = token[1:]
                tokens.append(token)
            if closing and start:
                tokens.append("L" + start)
        path.setAttribute("d", " ".join(tokens))


@contextmanager
def _closed_paths_understood() -> Iterator[None]:
    module: Any = sys.modules["pyqtgraph.exporters.SVGExporter"]
    original = module.correctCoordinates

    def correct(node: Any, defs: Any, item: Any, options: Any) -> Any:
        close_paths(node)
        return original(node, defs, item, options)

    module.correctCoordinates = correct
    try:
        yield
    finally:
        module.correctCoordinates = original


def render_svg(item: Any) -> bytes:
    # lazy: pyqtgraph loads only when used
    from pyqtgraph.exporters import SVGExporter

    with _closed_paths_understood():
        data: bytes = SVGExporter(item).export(toBytes=True)
    return data


def export_png(item: Any, path: Path) -> None:
    # The stubs type the format as bytes, but PySide6 accepts only a str here.
    if not render_image(item).save(str(path), "PNG"):  # type: ignore[call-overload]
        raise OSError(f"could not write {path}")


def export_svg(item: Any, path: Path) -> None:
    Path(path).write_bytes(render_svg(item))


def copy_image(item: Any) -> None:
    """The chart on the clipboard as an image and as SVG (editors take either)."""
    data = QMimeData()
    data.setImageData(render_image(item))
    data.setData("image/svg+xml", QByteArray(render_svg(item)))
    QApplication.clipboard().setMimeData(data)


class ExportButton(QToolButton):
    """ "Export ▾": Save as PNG…, Save as SVG…, Copy to clipboard."""

    exported = Signal(str)  # the path written, or "clipboard"

    def __init__(
        self,
        target: Callable[[], Any],
        name: str,
        parent: QWidget | None = None,
        *,
        around: Callable[[], AbstractContextManager[Any]] = nullcontext,
    ):
        super().__init__(parent)
        self._target = target
        self._around = around  # e.g. trim the drawing to the view while exporting
        self._name = name
        self.setText("Export")
        self.setToolTip(f"Save or copy the {name} chart")
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setAutoRaise(True)
        menu = QMenu(self)
        self.png_action = QAction("Save as &PNG…", self)
        self.svg_action = QAction("Save as &SVG…", self)
        self.copy_action = QAction("&Copy to Clipboard", self)
        self.png_action.triggered.connect(lambda: self._save("png"))
        self.svg_action.triggered.connect(lambda: self._save("svg"))
        self.copy_action.triggered.connect(self.copy)
        for action in (self.png_action, self.svg_action, self.copy_action):
            menu.addAction(action)
        self.setMenu(menu)

    def save(self, path: Path) -> None:
        """Write the chart to `path` (PNG or SVG by its suffix)."""
        path = Path(path)
        with self._around():
            if path.suffix.lower() == ".svg":
                export_svg(self._target(), path)
            else:
                export_png(self._target(), path)
        self.exported.emit(str(path))

    def copy(self) -> None:
        with self._around():
            copy_image(self._target())
        self.exported.emit("clipboard")

    def _save(self, kind: str) -> None:
        suggested = str(Path.home() / f"{self._name.lower().replace(' ', '-')}.{kind}")
        filters = "PNG image (*.png)" if kind == "png" else "SVG drawing (*.svg)"
        chosen, _ = QFileDialog.getSaveFileName(
            self, f"Save the {self._name} chart", suggested, filters
        )
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != f".{kind}":
            path = path.with_name(path.name + f".{kind}")
        try:
            self.save(path)
        except OSError as exc:
            QMessageBox.warning(self, "Export", f"The chart could not be saved: {exc}")
