"""The Track menu: start, pause/resume, stop, skip a break, change labels, discard, and
the tracking settings. One shortcut starts or stops (it moves to whichever applies)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from journal_app.services.tracking.timer import TimerState
from journal_app.ui.shortcuts.catalog import FOLLOWS_STATE, KEYS_GROUP
from journal_app.ui.window_context import WindowContext

# Checked against every shortcut of the window, the Journal page and the Markdown editor
# (tests/ui/timer/test_actions.py): Ctrl+Shift+T, the brief's first idea, is the
# editor's "task" command.
START_STOP_KEYS = "Ctrl+Shift+Space"
PAUSE_KEYS = "Ctrl+Shift+P"


class TimerActions(QObject):
    def __init__(self, context: WindowContext) -> None:
        window = context.dialog_parent()
        super().__init__(window)

        def action(text: str, tip: str) -> QAction:
            made = QAction(text, window)
            made.setStatusTip(tip)
            made.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            return made

        self.start = action("&Start Focus Session…", "Time a deep-work session")
        # One key starts or stops; Help ▸ Keyboard Shortcuts may change it (for both).
        self.start.setObjectName("timer.start")
        self.start.setProperty(FOLLOWS_STATE, QKeySequence(START_STOP_KEYS))
        self.start.setProperty(KEYS_GROUP, "timer.start_stop")
        self.pause = action("&Pause", "Pause or resume the focus timer")
        self.pause.setObjectName("timer.pause")  # its text changes (Pause, Resume)
        self.pause.setShortcut(QKeySequence(PAUSE_KEYS))
        self.stop = action("S&top and Save", "Stop the timer and save the session")
        self.stop.setObjectName("timer.stop")
        self.stop.setProperty(FOLLOWS_STATE, QKeySequence(START_STOP_KEYS))
        self.stop.setProperty(KEYS_GROUP, "timer.start_stop")
        self.skip_break = action("Skip &Break", "End the Pomodoro break now")
        self.relabel = action("&Change Session Labels…", "Change what the session is about")
        self.discard = action("&Discard Running Session…", "Throw the timed session away")
        self.settings = action("Tracking &Settings…", "Targets, idle limit, Pomodoro lengths")

        self.menu = QMenu("&Track", window)
        self.menu.setObjectName("trackMenu")
        for item in (self.start, self.pause, self.stop, self.skip_break, None):
            self._add(window, item)
        for item in (self.relabel, self.discard, None, self.settings):
            self._add(window, item)
        context.add_menu("track", self.menu)
        self.update(None)

    @staticmethod
    def of(start: QAction) -> TimerActions | None:
        """The actions ``start`` belongs to: ``WindowContext.when_timer_ready`` hands out
        the Start action, and the tray needs Stop and the Track menu beside it."""
        parent = start.parent()
        if parent is None:
            return None
        for actions in parent.findChildren(TimerActions):
            if actions.start is start:
                return actions
        return None

    def _add(self, window: QMainWindow, item: QAction | None) -> None:
        if item is None:
            self.menu.addSeparator()
            return
        self.menu.addAction(item)
        window.addAction(item)  # shortcuts work while the menu bar is hidden, too

    def update(self, state: TimerState | None) -> None:
        """Enable what applies to ``state``; the start/stop key follows."""
        exists = state is not None
        self.start.setEnabled(not exists)
        self.stop.setEnabled(exists)
        shared = self.start.property(FOLLOWS_STATE)
        keys = shared if isinstance(shared, QKeySequence) else QKeySequence(START_STOP_KEYS)
        self.start.setShortcut(keys if not exists else QKeySequence())
        self.stop.setShortcut(keys if exists else QKeySequence())
        self.pause.setEnabled(exists)
        self.pause.setText("&Resume" if state is not None and not state.running else "&Pause")
        pomodoro = None if state is None else state.pomodoro
        self.skip_break.setEnabled(pomodoro is not None and pomodoro.is_break)
        self.relabel.setEnabled(exists)
        self.discard.setEnabled(exists)
