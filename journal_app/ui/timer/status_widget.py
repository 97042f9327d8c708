"""The compact timer in the status bar: "Start focus" when idle; while a timer exists its
elapsed time, what it is about, the Pomodoro part and buttons to pause/resume and stop."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontDatabase, QKeySequence, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStyle, QToolButton, QWidget

from journal_app.services.tracking.timer import TimerState
from journal_app.ui.icons import tinted
from journal_app.ui.theme import mute
from journal_app.ui.timer import format as fmt
from journal_app.ui.timer.actions import START_STOP_KEYS

LABELS_MAX_WIDTH = 260  # px; longer "category · skill · resource" text is elided


class _Button(QToolButton):
    """A tool button that remembers its standard icon, drawn in the text colour by
    _tinted_icon (and which colour it was last drawn in)."""

    standard_icon: QStyle.StandardPixmap | None = None
    tinted_as: tuple[QStyle.StandardPixmap, int] | None = None


def _button(text: str, tip: str, icon: QStyle.StandardPixmap | None = None) -> _Button:
    button = _Button()
    button.setText(text)
    button.setToolTip(tip)
    button.setAccessibleName(text)
    button.setAutoRaise(True)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # never steal the editor's focus
    if icon is not None:
        button.standard_icon = icon  # drawn in the text colour by _tint_icons
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    return button


def _tinted_icon(button: _Button, color: QColor) -> None:
    kind = button.standard_icon
    if kind is not None and button.tinted_as != (kind, color.rgba()):
        button.setIcon(tinted(button.style().standardIcon(kind), color))
        button.tinted_as = (kind, color.rgba())


class TimerStatusWidget(QWidget):
    start_clicked = Signal()
    pause_clicked = Signal()  # pause or resume, whichever the button shows
    stop_clicked = Signal()
    skip_break_clicked = Signal()
    labels_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("focusTimer")
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 0, 2, 0)
        row.setSpacing(4)
        SP = QStyle.StandardPixmap

        self.start_button = _button("Start focus", "Start a focus session", SP.SP_MediaPlay)
        keys = QKeySequence(START_STOP_KEYS).toString(QKeySequence.SequenceFormat.NativeText)
        self.start_button.setToolTip(f"Start a focus session ({keys})")
        self.state_label = QLabel()  # ● running / Paused / Idle (no input for a while)
        self.state_label.setObjectName("timerState")
        self.state_label.setForegroundRole(QPalette.ColorRole.Highlight)
        self.time_label = QLabel()
        self.time_label.setObjectName("timerElapsed")
        digits = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        digits.setPointSizeF(self.font().pointSizeF())
        digits.setWeight(QFont.Weight.DemiBold)
        self.time_label.setFont(digits)
        self.time_label.setAccessibleName("Elapsed")
        self.labels_button = _button("", "Change what this session is about")
        self.labels_button.setObjectName("timerLabels")
        self.part_label = QLabel()
        self.part_label.setObjectName("timerPart")
        self.part_label.setAccessibleName("Pomodoro")
        mute(self.part_label)
        self.skip_button = _button("Skip break", "End the break and start the next work part")
        self.pause_button = _button("Pause", "Pause the timer", SP.SP_MediaPause)
        self.pause_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.stop_button = _button("Stop", "Stop and save the session", SP.SP_MediaStop)
        self.stop_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self._tint_icons()
        for widget in (
            self.start_button,
            self.state_label,
            self.time_label,
            self.labels_button,
            self.part_label,
            self.skip_button,
            self.pause_button,
            self.stop_button,
        ):
            row.addWidget(widget)

        self.start_button.clicked.connect(self.start_clicked)
        self.pause_button.clicked.connect(self.pause_clicked)
        self.stop_button.clicked.connect(self.stop_clicked)
        self.skip_button.clicked.connect(self.skip_break_clicked)
        self.labels_button.clicked.connect(self.labels_clicked)
        self.show_state(None)

    def _tint_icons(self) -> None:
        color = self.palette().color(QPalette.ColorRole.WindowText)
        for button in (self.start_button, self.pause_button, self.stop_button):
            _tinted_icon(button, color)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # light/dark theme switched
            self._tint_icons()

    def show_state(self, state: TimerState | None, *, idle: bool = False) -> None:
        """Show ``state`` (None: no timer); ``idle``: no input for a while."""
        running_widgets = (
            self.state_label,
            self.time_label,
            self.labels_button,
            self.pause_button,
            self.stop_button,
        )
        self.start_button.setVisible(state is None)
        for widget in running_widgets:
            widget.setVisible(state is not None)
        pomodoro = None if state is None else state.pomodoro
        self.part_label.setVisible(pomodoro is not None)
        self.skip_button.setVisible(pomodoro is not None and pomodoro.is_break)
        if state is None:
            self.setToolTip("")
            return

        self.time_label.setText(fmt.clock_text(state.elapsed))
        labels = fmt.labels_text(state)
        metrics = self.labels_button.fontMetrics()
        self.labels_button.setText(
            metrics.elidedText(labels, Qt.TextElideMode.ElideRight, LABELS_MAX_WIDTH)
        )
        self.labels_button.setToolTip(f"{labels}\nClick to change what this session is about")
        if state.running:
            self.state_label.setText("Idle" if idle else "●")
            self.pause_button.standard_icon = QStyle.StandardPixmap.SP_MediaPause
            self.pause_button.setText("Pause")
            self.pause_button.setToolTip("Pause the timer")
        else:
            self.state_label.setText("Paused")
            self.pause_button.standard_icon = QStyle.StandardPixmap.SP_MediaPlay
            self.pause_button.setText("Resume")
            self.pause_button.setToolTip("Resume the timer")
        self._tint_icons()
        self.state_label.setToolTip(
            "No input for a while" if idle else ("Running" if state.running else "Paused")
        )
        if pomodoro is not None:
            left = fmt.remaining_text(pomodoro.remaining)
            self.part_label.setText(f"{fmt.part_text(pomodoro)} · {left} left")
        tip = [f"Focus session: {labels}", f"Worked {fmt.clock_text(state.elapsed)}"]
        if state.note:
            tip.append(f"Note: {state.note}")
        if not state.running:
            tip.append("Paused")
        self.setToolTip("\n".join(tip))

    def text(self) -> str:
        """What the widget shows, as one line (tests and accessibility)."""
        parts = [
            w.text()
            for w in (
                self.start_button,
                self.state_label,
                self.time_label,
                self.labels_button,
                self.part_label,
            )
            if not w.isHidden() and w.text()
        ]
        if not self.pause_button.isHidden():
            parts.append(self.pause_button.text())
        return "  ".join(parts)
