"""One hub the pages share to hear that the journal's data changed elsewhere.

A page that writes emits; pages that show the data listen and reload when next seen.
Signals carry no payload: a reload reads plain data from the services again.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class DataEvents(QObject):
    tracking_changed = Signal()  # sessions, sleep, day logs, outputs, skills, resources
    timer_changed = Signal()  # the focus timer started, paused, resumed or stopped
    entries_changed = Signal()  # journal entries
    sprints_changed = Signal()  # sprints and tasks
