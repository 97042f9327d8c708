"""Both themes are readable: contrast ratios computed from the palettes (WCAG 2.1).

Text needs 4.5:1 against what it sits on (AA); a state a user must see (the selection,
a checked button, a disabled item, a control's outline) needs 3:1 (WCAG 1.4.11).
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from journal_app.ui.theme import Theme, ThemeManager, dark_palette, light_palette

R = QPalette.ColorRole
G = QPalette.ColorGroup

TEXT_PAIRS = [
    (R.Text, R.Base),
    (R.WindowText, R.Window),
    (R.ButtonText, R.Button),
    (R.PlaceholderText, R.Window),  # muted labels (ui/theme.mute) sit on pages
    (R.PlaceholderText, R.Base),  # … and on cards
    (R.HighlightedText, R.Highlight),
    (R.Link, R.Base),
    (R.ToolTipText, R.ToolTipBase),
]
STATE_PAIRS = [
    (R.Highlight, R.Window),  # the selected area in the sidebar
    (R.Highlight, R.Button),  # the chosen Editor/Split/Preview button
    (R.PlaceholderText, R.Base),  # a progress bar's outline (PAGE_SHEET)
]


def _luminance(color: QColor) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(color.red())
        + 0.7152 * channel(color.green())
        + 0.0722 * channel(color.blue())
    )


def contrast(a: QColor, b: QColor) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_formula_matches_wcag():
    assert contrast(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21)
    assert contrast(QColor("#777777"), QColor("#ffffff")) == pytest.approx(4.48, abs=0.01)


PALETTES = {"light": light_palette, "dark": dark_palette}


@pytest.mark.parametrize("theme", PALETTES)
@pytest.mark.parametrize(("fg", "bg"), TEXT_PAIRS, ids=lambda r: r.name)
def test_text_is_aa_readable(qapp, theme, fg, bg):
    palette = PALETTES[theme]()
    ratio = contrast(palette.color(fg), palette.color(bg))
    assert ratio >= 4.5, f"{theme}: {fg.name} on {bg.name} is {ratio:.2f}:1"


@pytest.mark.parametrize("theme", PALETTES)
@pytest.mark.parametrize(("fg", "bg"), STATE_PAIRS, ids=lambda r: r.name)
def test_states_stand_out(qapp, theme, fg, bg):
    palette = PALETTES[theme]()
    ratio = contrast(palette.color(fg), palette.color(bg))
    assert ratio >= 3, f"{theme}: {fg.name} against {bg.name} is {ratio:.2f}:1"


@pytest.mark.parametrize("theme", PALETTES)
def test_disabled_items_are_readable_yet_dimmer(qapp, theme):
    palette = PALETTES[theme]()
    for role, bg in ((R.WindowText, R.Window), (R.Text, R.Base), (R.ButtonText, R.Button)):
        disabled = palette.color(G.Disabled, role)
        assert contrast(disabled, palette.color(bg)) >= 3, (theme, role.name)
        assert contrast(disabled, palette.color(bg)) < contrast(
            palette.color(role), palette.color(bg)
        )


def _mean(image) -> QColor:
    r = g = b = n = 0
    for y in range(2, image.height() - 2, 2):
        for x in range(2, image.width() - 2, 2):
            c = image.pixelColor(x, y)
            r, g, b, n = r + c.red(), g + c.green(), b + c.blue(), n + 1
    return QColor(r // n, g // n, b // n)


@pytest.mark.parametrize("theme", [Theme.LIGHT, Theme.DARK])
def test_the_chosen_view_mode_button_is_visibly_chosen(qtbot, services, theme):
    from journal_app.ui.journal.entry_editor import EntryEditorPane

    manager = ThemeManager.shared()
    before = manager.theme
    manager.set_theme(theme)
    try:
        pane = EntryEditorPane(services)
        qtbot.addWidget(pane)
        pane.resize(900, 600)
        pane.show()
        pane.set_view_mode("split")
        buttons = {b.defaultAction().text(): b for b in pane.findChildren(QToolButton, "viewMode")}
        chosen = _mean(buttons["Split"].grab().toImage())
        other = _mean(buttons["Editor"].grab().toImage())
        assert contrast(chosen, other) >= 2, (theme, chosen.name(), other.name())
    finally:
        manager.set_theme(before)


@pytest.mark.parametrize("theme", [Theme.LIGHT, Theme.DARK])
def test_an_unchecked_box_shows_its_outline(qtbot, theme):
    """Fusion outlines a check box or radio button in a shade of the window colour: in
    the dark theme it vanished (1.1:1). The line drawn must stand out (3:1)."""
    manager = ThemeManager.shared()
    before = manager.theme
    manager.set_theme(theme)
    try:
        window = QWidget()
        qtbot.addWidget(window)
        layout = QVBoxLayout(window)
        boxes = {
            QStyle.SubElement.SE_CheckBoxIndicator: QCheckBox("Remind me"),
            QStyle.SubElement.SE_RadioButtonIndicator: QRadioButton("Daily"),
        }
        for box in boxes.values():
            layout.addWidget(box)
        window.show()
        background = window.palette().color(R.Window)
        for element, box in boxes.items():
            option = QStyleOptionButton()
            box.initStyleOption(option)
            indicator = box.style().subElementRect(element, option, box)
            image = box.grab().toImage()
            row = indicator.center().y()
            line = max(
                contrast(image.pixelColor(x, row), background)
                for x in range(indicator.left(), indicator.right() + 1)
            )
            assert line >= 3, (theme, type(box).__name__, f"{line:.2f}:1")
    finally:
        manager.set_theme(before)
