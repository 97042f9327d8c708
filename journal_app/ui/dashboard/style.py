"""Chart colours for the light and dark looks, read from the application's palette so
charts sit on the same card colour as the rest of the page."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from journal_app.ui.theme import ACCENT, ACCENT_DARK, is_dark

# Distinct hues for the output kinds (after Tableau 10), in services' KINDS order.
KIND_COLORS = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1")
QUALITY_LABELS = ("poor", "fair", "fine", "good", "great")


@dataclass(frozen=True)
class ChartStyle:
    dark: bool
    background: str
    text: str
    muted: str
    axis: str
    grid_alpha: float
    production: str
    consumption: str
    other: str
    average: str
    sleep: str
    debt: str
    target: str
    cursor: str
    quality: tuple[str, ...]  # quality 1..5
    no_quality: str
    kinds: tuple[str, ...]
    heat: tuple[str, ...]  # levels 0..4
    goal_met: str
    goal_missed: str

    def kind_color(self, index: int) -> str:
        return self.kinds[index % len(self.kinds)]


def chart_style(palette: QPalette | None = None) -> ChartStyle:
    """The style for `palette` (the application's by default)."""
    palette = palette if palette is not None else QApplication.palette()
    role = QPalette.ColorRole
    dark = is_dark(palette)
    return ChartStyle(
        dark=dark,
        background=palette.color(role.Base).name(),
        text=palette.color(role.Text).name(),
        muted=palette.color(role.PlaceholderText).name(),
        axis=palette.color(role.PlaceholderText).name(),
        grid_alpha=0.22 if dark else 0.15,
        production=ACCENT_DARK if dark else ACCENT,
        consumption="#2cc7aa" if dark else "#14a38b",
        other="#6d6d78" if dark else "#b4b4be",
        average="#ffa94d" if dark else "#e67700",
        sleep="#4a6a9c" if dark else "#a9c4ec",
        debt="#ff6b6b" if dark else "#d6336c",
        target=palette.color(role.PlaceholderText).name(),
        cursor=palette.color(role.Text).name(),
        quality=("#ff6b6b", "#ffa94d", "#ffd43b", "#a9e34b", "#51cf66")
        if dark
        else ("#e03131", "#f08c00", "#e8b100", "#74b816", "#2f9e44"),
        no_quality=palette.color(role.Mid).name(),
        kinds=KIND_COLORS,
        heat=("#2a2a31", "#35346b", "#4a47a3", "#6662d6", "#8f8cff")
        if dark
        else ("#ebebf0", "#cfcdf7", "#a3a0f0", "#7470e6", "#4b46c8"),
        goal_met="#51cf66" if dark else "#2f9e44",
        goal_missed="#6d6d78" if dark else "#b4b4be",
    )


def blend(color: str, other: str, amount: float) -> str:
    """`color` mixed with `other` (amount 0: color, 1: other), as #rrggbb."""
    a, b = QColor(color), QColor(other)
    mixed = QColor(
        round(a.red() + (b.red() - a.red()) * amount),
        round(a.green() + (b.green() - a.green()) * amount),
        round(a.blue() + (b.blue() - a.blue()) * amount),
    )
    return mixed.name()


def swatch(color: str, label: str, *, mark: str = "■") -> str:
    """An inline legend entry for a chart title: a coloured mark and its label."""
    return f'<span style="color:{color}">{mark}</span>&nbsp;{label}'
