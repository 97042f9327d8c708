"""What the bundle leaves out (packaging/trim.py): Qt modules the app never loads go,
those it and pyqtgraph load stay, and copies of system libraries go only from a
distribution package."""

from __future__ import annotations

import pytest

from tests.packaging.helpers import load_packaging_module

trim = load_packaging_module("trim.py")

LINUX_QT = "PySide6/Qt/lib/libQt6{}.so.6"


@pytest.mark.parametrize(
    "name",
    # QtCore/QtGui/QtWidgets: the app; QtOpenGL/QtOpenGLWidgets/QtSvg/QtTest: pyqtgraph
    # imports them even for 2-D plots; DBus/XcbQpa/WaylandClient: the Linux platforms.
    ["Core", "Gui", "Widgets", "OpenGL", "OpenGLWidgets", "Svg", "Test", "DBus", "XcbQpa"],
)
def test_the_qt_libraries_the_app_and_pyqtgraph_load_stay(name):
    assert not trim.drop(LINUX_QT.format(name))
    assert not trim.drop(f"PySide6/Qt{name}.abi3.so")
    assert not trim.drop(f"PySide6/Qt6{name}.dll")


@pytest.mark.parametrize("name", ["Quick", "Qml", "Network", "Pdf", "Designer", "Sql"])
def test_qt_libraries_nobody_loads_go(name):
    assert trim.drop(LINUX_QT.format(name))
    assert trim.drop(f"PySide6/Qt6{name}.dll")


def test_binding_modules_follow_their_libraries():
    assert trim.drop("PySide6/QtNetwork.abi3.so")
    assert trim.drop("PySide6/QtQuick.pyd")
    assert not trim.drop("PySide6/QtOpenGLWidgets.abi3.so")
    assert not trim.drop("PySide6/QtWidgets.pyd")
    assert "PySide6.QtOpenGL" not in trim.PY_EXCLUDES
    assert "PySide6.QtNetwork" in trim.PY_EXCLUDES


@pytest.mark.parametrize(
    ("dest", "dropped"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", False),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", False),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", False),  # --self-test, no display
        ("PySide6/Qt/plugins/platforms/qwindows.dll", False),
        ("PySide6/plugins/platforms/qwindows.dll", False),  # the Windows wheel's layout
        ("PySide6/plugins/platforms/qdirect2d.dll", True),
        ("PySide6/plugins/styles/qmodernwindowsstyle.dll", False),
        ("PySide6/plugins/imageformats/qtiff.dll", True),
        ("PySide6/translations/qtbase_de.qm", True),
        ("PySide6/Qt/lib/QtQuick.framework/Versions/A/QtQuick", True),  # macOS
        ("PySide6/Qt/lib/QtWidgets.framework/Versions/A/QtWidgets", False),
        ("PySide6/Qt/plugins/platforms/libqcocoa.dylib", False),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", True),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", True),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", True),  # would need GTK 3
        ("PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so", False),
        ("PySide6/Qt/plugins/imageformats/libqjpeg.so", False),  # pasted photos
        ("PySide6/Qt/plugins/imageformats/libqtiff.so", True),
        ("PySide6/Qt/plugins/generic/libqtuiotouchplugin.so", True),  # needs QtNetwork
        ("PySide6/Qt/plugins/tls/libqopensslbackend.so", True),
        ("PySide6/Qt/translations/qtbase_de.qm", True),
        ("PySide6/Qt/qml/QtQuick/Controls/qmldir", True),
    ],
)
def test_plugins_and_data(dest, dropped):
    assert trim.drop(dest) is dropped


@pytest.mark.parametrize(
    "dest",
    ["numpy/_core/_multiarray_umath.so", "libpython3.11.so.1.0", "resources/icons/x.png"],
)
def test_everything_else_stays(dest):
    assert not trim.drop(dest)


def test_system_library_copies_are_left_to_the_distribution():
    usr = "/usr/lib/x86_64-linux-gnu"
    assert trim.from_system("libz.so.1", f"{usr}/libz.so.1")
    assert trim.from_system("libxcb-cursor.so.0", "/lib/x86_64-linux-gnu/libxcb-cursor.so.0")
    # the interpreter (the bootloader loads it from the bundle) and its modules stay
    assert not trim.from_system("libpython3.11.so.1.0", f"{usr}/libpython3.11.so.1.0")
    assert not trim.from_system(
        "python3.11/lib-dynload/_ssl.so", "/usr/lib/python3.11/lib-dynload/_ssl.so"
    )
    # libraries that came with a wheel stay
    site = "/work/venv/lib/python3.11/site-packages"
    assert not trim.from_system("libshiboken6.abi3.so.6.11", f"{site}/shiboken6/x.so")
