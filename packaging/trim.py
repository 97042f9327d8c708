"""What the bundle leaves out: Python modules, Qt libraries, plugins and translations the
app never loads. Plain data and one predicate, so the spec and the tests share them.

The app imports QtCore, QtGui and QtWidgets; pyqtgraph imports QtOpenGL,
QtOpenGLWidgets, QtSvg and QtTest at import time (even for 2-D plots), so those stay.
Whatever else PySide6-Essentials ships (Qt Quick/QML, Designer, Network, SQL, PDF,
Wayland compositor, ...) goes.
"""

from __future__ import annotations

import fnmatch
import re

# Python modules the analysis would otherwise follow into (optional imports of our deps).
PY_EXCLUDES = [
    "tkinter",
    "_tkinter",
    "IPython",
    "matplotlib",
    "scipy",
    "pandas",
    "h5py",
    "cupy",
    "OpenGL",  # PyOpenGL: only pyqtgraph.opengl (3-D) wants it
    "pyqtgraph.opengl",
    "pyqtgraph.examples",
    "pyqtgraph.jupyter",
    "pyqtgraph.canvas",
    "PyQt5",
    "PyQt6",
    "PySide2",
    "pytest",
    "numpy.f2py",
    "numpy.distutils",
    "setuptools",
    "pip",
    "PySide6.scripts",
    "PySide6.support.deprecated",
    *(
        f"PySide6.{name}"
        for name in (
            "QtNetwork",
            "QtQml",
            "QtQuick",
            "QtQuickControls2",
            "QtQuickWidgets",
            "QtQuickTest",
            "QtDesigner",
            "QtHelp",
            "QtSql",
            "QtUiTools",
            "QtConcurrent",
            "QtDBus",
            "QtSvgWidgets",
            "QtXml",
        )
    ),
]

# Qt shared libraries that stay (Linux names `libQt6<Name>.so.6`; Windows `Qt6<Name>.dll`;
# macOS `Qt<Name>.framework`). DBus and XcbQpa/WaylandClient are needed by QtGui's
# platform plugins on Linux.
QT_LIBS_KEPT = {
    "Core",
    "Gui",
    "Widgets",
    "OpenGL",
    "OpenGLWidgets",
    "Svg",
    "PrintSupport",  # File ▸ Print… (ui/printing)
    "Test",
    "DBus",
    "XcbQpa",
    "WaylandClient",
}

# Qt plugins that stay, as "<folder>/<name glob>" (matched against the plugin's file name
# without "lib" and the extension). Platforms: the desktop ones plus offscreen, which
# `--self-test` uses when there is no display.
QT_PLUGINS_KEPT = [
    "platforms/q{xcb,wayland,offscreen,minimal,windows,cocoa}",
    # qgtk3 would drag GTK 3 and its whole stack into the bundle; the portal theme and
    # Qt's own dialogs serve instead.
    "platformthemes/q{xdgdesktopportal,windowsvistastyle}",
    "platforminputcontexts/*",
    "xcbglintegrations/*",
    "wayland-decoration-client/*",
    "wayland-graphics-integration-client/*",
    "wayland-shell-integration/{xdg-shell,qt-shell}",
    "imageformats/q{gif,ico,jpeg,svg,icns}",
    "iconengines/*",
    "styles/*",
]

_QT_LIB = re.compile(r"(?:lib)?Qt6?(?P<name>[A-Za-z0-9]+?)(?:\.so\.6|\.dll|\.framework|$)")


def _expand(pattern: str) -> list[str]:
    """`a/q{x,y}` -> [`a/qx`, `a/qy`] (fnmatch has no braces)."""
    match = re.search(r"\{([^}]*)\}", pattern)
    if not match:
        return [pattern]
    head, tail = pattern[: match.start()], pattern[match.end() :]
    return [item for choice in match.group(1).split(",") for item in _expand(head + choice + tail)]


_PLUGIN_GLOBS = [glob for pattern in QT_PLUGINS_KEPT for glob in _expand(pattern)]


def _plugin_kept(folder: str, filename: str) -> bool:
    stem = filename.split(".")[0]
    stem = stem.removeprefix("lib")
    return any(fnmatch.fnmatch(f"{folder}/{stem}", glob) for glob in _PLUGIN_GLOBS)


def drop(dest: str) -> bool:
    """True when the bundled file at `dest` (its path inside the bundle) is left out."""
    parts = dest.replace("\\", "/").split("/")
    if "PySide6" not in parts:
        return False
    inner = parts[parts.index("PySide6") + 1 :]
    if not inner:
        return False
    if inner[0] in {"plugins", "translations", "qml"}:
        inner = ["Qt", *inner]  # Windows wheels have no Qt/ level: PySide6/plugins/...
    if inner[0] != "Qt":
        if len(inner) != 1:
            return False
        # Windows wheels keep the Qt DLLs next to the binding modules.
        lib = _QT_LIB.fullmatch(inner[0])
        if inner[0].endswith(".dll") and lib:
            return lib.group("name") not in QT_LIBS_KEPT
        # The binding modules: PySide6/QtXyz.abi3.so (Linux, macOS) or QtXyz.pyd (Windows)
        module = inner[0].split(".")[0]
        return module.startswith("Qt") and module.removeprefix("Qt") not in QT_LIBS_KEPT
    rest = inner[1:]
    if not rest:
        return False
    if rest[0] == "translations":
        return True  # the app is English only; Qt's own dialogs stay English with it
    if rest[0] == "qml":
        return True  # Qt Quick modules
    if rest[0] == "plugins" and len(rest) >= 3:
        return not _plugin_kept(rest[1], rest[-1])
    if rest[0] == "lib" and len(rest) >= 2:
        lib = _QT_LIB.match(rest[1])
        if lib and rest[1].startswith(("libQt6", "Qt")):
            return lib.group("name") not in QT_LIBS_KEPT
    return False


# Top-level shared libraries copied from the build machine's system (/usr/lib, /lib).
# A Debian package leaves them out and depends on their packages instead (lintian calls a
# copied zlib or libpng an embedded library; Debian's security updates then reach them).
# libpython stays: PyInstaller's bootloader loads it from the bundle by path.
_SYSTEM_DIRS = ("/lib/", "/lib64/", "/usr/lib/", "/usr/lib64/")


def from_system(dest: str, src: str) -> bool:
    """True for a bundled library that is a copy of the system's (see above)."""
    name = dest.replace("\\", "/")
    if "/" in name or name.startswith("libpython"):
        return False
    source = src.replace("\\", "/")
    return source.startswith(_SYSTEM_DIRS) and "/python3" not in source
