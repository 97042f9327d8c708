"""The main window: a navigation list on the left, one page per area, menus, status bar."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QKeySequence,
    QShowEvent,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from journal_app import APP_NAME, __version__
from journal_app.services import Services
from journal_app.ui.data_events import DataEvents
from journal_app.ui.editor_look import EditorLook, EditorLookSettings
from journal_app.ui.icons import app_icon, nav_icon
from journal_app.ui.journal.page import JournalPage
from journal_app.ui.settings import open_settings
from journal_app.ui.shortcuts.catalog import apply_saved as apply_saved_shortcuts
from journal_app.ui.theme import SIDEBAR_SHEET, Theme, ThemeManager, mute
from journal_app.ui.window_context import MENU_ORDER, MenuSlot

if TYPE_CHECKING:
    from journal_app.ui.backups.controller import BackupController
    from journal_app.ui.encryption.controller import EncryptionController
    from journal_app.ui.external_changes import ExternalChangeWatcher
    from journal_app.ui.preferences.dialog import PreferencesDialog
    from journal_app.ui.sync.controller import SyncController
    from journal_app.ui.timer.controller import FocusTimerController
    from journal_app.ui.transfer.controller import TransferController
    from journal_app.ui.tray.controller import TrayController

DEFAULT_SIZE = QSize(1280, 800)
MINIMUM_SIZE = QSize(720, 480)
SIDEBAR_WIDTH = 212
GEOMETRY_KEY = "window/geometry"
STATE_KEY = "window/state"
AREA_KEY = "window/area"
VIEW_MODE_KEY = "journal/view_mode"  # editor / split / preview


class Area(NamedTuple):
    key: str
    label: str
    tip: str


AREAS: tuple[Area, ...] = (
    Area("journal", "Journal", "Your entries, newest first"),
    Area("today", "Today", "Timer, sleep and today's tasks"),
    Area("sprints", "Sprints", "Sprint planner and backlog"),
    Area("dashboard", "Dashboard", "Charts of hours, sleep and output"),
    Area("resources", "Resources", "Courses, books, papers and videos"),
)
AREA_KEYS = tuple(area.key for area in AREAS)

# The pages other than the Journal, as "module:Class", imported when first shown. Each
# is built as ``Class(services, events)``.
PAGE_CLASSES = {
    "today": "journal_app.ui.today.page:TodayPage",
    "sprints": "journal_app.ui.sprints.page:SprintsPage",
    "dashboard": "journal_app.ui.dashboard.page:DashboardPage",
    "resources": "journal_app.ui.resources.page:ResourcesPage",
}


def page_class(key: str) -> Callable[[Services, DataEvents], QWidget]:
    """The page's class, imported now; it is built from the services and the events."""
    module, name = PAGE_CLASSES[key].split(":")
    cls: Callable[[Services, DataEvents], QWidget] = getattr(importlib.import_module(module), name)
    return cls


# Edit actions forward to the focused widget's method of the same name.
EDIT_ACTIONS = (
    ("undo", "&Undo", QKeySequence.StandardKey.Undo),
    ("redo", "&Redo", QKeySequence.StandardKey.Redo),
    ("cut", "Cu&t", QKeySequence.StandardKey.Cut),
    ("copy", "&Copy", QKeySequence.StandardKey.Copy),
    ("paste", "&Paste", QKeySequence.StandardKey.Paste),
)


def _shortcuts(standard: QKeySequence.StandardKey, fallback: str) -> list[QKeySequence]:
    """The platform's keys for a standard action, or ``fallback`` where it has none."""
    keys = QKeySequence.keyBindings(standard)
    return keys or [QKeySequence(fallback)]


class MainWindow(QMainWindow):
    """The main window; it is the ``WindowContext`` its controllers and pages use."""

    area_changed = Signal(str)  # the key of the area now shown
    focus_timer_ready = Signal()  # the status-bar timer is installed (after first paint)

    def __init__(self, services: Services, *, settings: QSettings | None = None) -> None:
        super().__init__()
        self._services = services
        self._settings = settings if settings is not None else open_settings()
        self._undo_stacks: list[tuple[QUndoStack, QWidget]] = []  # add_undo_stack
        self._quitting = False  # quit(): the window closes even where the tray keeps it
        self.setWindowTitle(f"{APP_NAME} — demo journal" if services.throwaway else APP_NAME)
        self.setWindowIcon(app_icon())
        self.setMinimumSize(MINIMUM_SIZE)

        self.theme = ThemeManager.shared(self._settings)
        self.theme.apply()  # before any widget exists, so each is polished only once

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setFrameShape(QFrame.Shape.NoFrame)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setAccessibleName("Areas")
        self.stack = QStackedWidget()
        self.stack.setObjectName("pages")

        self.events = DataEvents(self)
        self.journal_page = JournalPage(services)
        self.stack.addWidget(self.journal_page)
        self.editor_look = EditorLookSettings(self._settings, self)
        self.editor_look.changed.connect(self._apply_editor_look)
        # The editor is built just after the first paint: it takes the look then.
        self.journal_page.editor_ready.connect(
            lambda: self._apply_editor_look(self.editor_look.look())
        )
        self._apply_editor_look(self.editor_look.look())
        self.preferences: PreferencesDialog | None = None

        # Other pages are built when first shown: start-up pays only for the first one.
        def factory(key: str) -> Callable[[], QWidget]:
            return lambda: page_class(key)(self._services, self.events)

        self._page_factories = {key: factory(key) for key in PAGE_CLASSES}
        self.pages: dict[str, QWidget] = {"journal": self.journal_page}
        # Installed just after the first paint (``_install_focus_timer``).
        self.backups: BackupController | None = None
        self.focus_timer: FocusTimerController | None = None
        self.transfer: TransferController | None = None
        self.encryption: EncryptionController | None = None
        self.tray: TrayController | None = None
        self.sync_controller: SyncController | None = None
        self._added_menus: dict[MenuSlot, QMenu] = {}
        for area in AREAS:
            item = QListWidgetItem(area.label)
            item.setData(Qt.ItemDataRole.UserRole, area.key)
            item.setToolTip(area.tip)
            item.setSizeHint(QSize(0, 38))
            self.nav.addItem(item)

        self._build_central()
        self._build_menus()
        self._build_status_bar()

        self.nav.currentRowChanged.connect(self._on_nav_row_changed)
        self.theme.theme_applied.connect(self._on_theme_applied)
        # An import, a sprint review or a restore wrote entries: reload the list.
        self.events.entries_changed.connect(self.refresh)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus_changed)

        self._on_focus_changed(None, QApplication.focusWidget())
        self._on_theme_applied(self.theme.effective())
        self._restore_state()
        self._refresh_status()  # the Journal page has just loaded itself
        self.journal_page.editor_ready.connect(self.apply_shortcuts)
        self.apply_shortcuts()

    # -- building -------------------------------------------------------------------------

    def _build_central(self) -> None:
        sidebar = self._sidebar = QFrame()
        sidebar.setObjectName("sidebar")
        sidebar.setFixedWidth(SIDEBAR_WIDTH)
        column = QVBoxLayout(sidebar)
        column.setContentsMargins(0, 18, 0, 12)
        column.setSpacing(6)

        brand = QHBoxLayout()
        brand.setContentsMargins(20, 0, 16, 8)
        brand.setSpacing(10)
        logo = QLabel()
        logo.setPixmap(app_icon().pixmap(32, 32))
        logo.setFixedSize(32, 32)
        names = QVBoxLayout()
        names.setSpacing(0)
        title = QLabel("Self-Study")
        title.setObjectName("sidebarTitle")
        subtitle = QLabel("Journal")
        subtitle.setObjectName("sidebarVersion")
        names.addWidget(title)
        names.addWidget(subtitle)
        brand.addWidget(logo)
        brand.addLayout(names, 1)
        column.addLayout(brand)
        column.addWidget(self.nav, 1)
        version = QLabel(f"Version {__version__}")
        version.setObjectName("sidebarVersion")
        version.setContentsMargins(20, 0, 0, 0)
        column.addWidget(version)
        self.theme.attach_sheet(sidebar, SIDEBAR_SHEET)

        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(sidebar)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)

    def _build_menus(self) -> None:
        bar = self.menuBar()

        file_menu = self.file_menu = bar.addMenu("&File")
        self.new_entry_action = self.journal_page.new_action
        file_menu.addAction(self.new_entry_action)
        file_menu.addAction(self.journal_page.save_action)
        self.file_quit_separator = file_menu.addSeparator()  # insert File items before it
        self.quit_action = QAction("&Quit", self)
        self.quit_action.setShortcuts(_shortcuts(QKeySequence.StandardKey.Quit, "Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self._on_quit_triggered)
        file_menu.addAction(self.quit_action)

        edit_menu = bar.addMenu("&Edit")
        self.edit_actions: dict[str, QAction] = {}
        for name, text, key in EDIT_ACTIONS:
            action = QAction(text, self)
            action.setObjectName(f"edit.{name}")  # its text changes ("Undo Move Card")
            action.setShortcut(key)
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _checked=False, n=name: self._on_edit_triggered(n))
            edit_menu.addAction(action)
            self.edit_actions[name] = action
            if name == "redo":
                edit_menu.addSeparator()
        edit_menu.addSeparator()
        self.preferences_action = QAction("Pre&ferences…", self)
        self.preferences_action.setShortcuts(
            _shortcuts(QKeySequence.StandardKey.Preferences, "Ctrl+,")
        )
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.preferences_action.setStatusTip("Editor font, theme, targets, backups…")
        self.preferences_action.triggered.connect(lambda: self.open_preferences())
        edit_menu.addAction(self.preferences_action)
        self.addAction(self.preferences_action)

        entry_menu = bar.addMenu("E&ntry")
        for entry_action in self.journal_page.entry_actions():
            if entry_action is None:
                entry_menu.addSeparator()
            else:
                entry_menu.addAction(entry_action)
                self.addAction(entry_action)  # shortcuts work in every area

        view_menu = bar.addMenu("&View")
        self.area_actions: dict[str, QAction] = {}
        group = QActionGroup(self)
        group.setExclusive(True)
        for number, area in enumerate(AREAS, start=1):
            action = QAction(area.label, self, checkable=True)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.setStatusTip(area.tip)
            action.setData(area.key)
            action.triggered.connect(lambda _checked=False, k=area.key: self.show_area(k))
            group.addAction(action)
            view_menu.addAction(action)
            self.area_actions[area.key] = action
        self.addActions(list(self.area_actions.values()))
        view_menu.addSeparator()
        for action in self.journal_page.view_mode_actions():
            view_menu.addAction(action)
        view_menu.addSeparator()

        self.view_menu = view_menu
        theme_menu = self.theme_menu = view_menu.addMenu("&Theme")
        self.theme_actions: dict[Theme, QAction] = {}
        theme_group = QActionGroup(self)
        theme_group.setExclusive(True)
        for theme in Theme:
            action = QAction(theme.label, self, checkable=True)
            action.setChecked(theme is self.theme.theme)
            action.triggered.connect(lambda _checked=False, t=theme: self.theme.set_theme(t))
            theme_group.addAction(action)
            theme_menu.addAction(action)
            self.theme_actions[theme] = action

        self.full_screen_action = QAction("&Full Screen", self, checkable=True)
        self.full_screen_action.setShortcuts(_shortcuts(QKeySequence.StandardKey.FullScreen, "F11"))
        if QKeySequence("F11") not in self.full_screen_action.shortcuts():
            self.full_screen_action.setShortcuts(
                [QKeySequence("F11"), *self.full_screen_action.shortcuts()]
            )
        self.full_screen_action.triggered.connect(self._on_full_screen_triggered)
        view_menu.addSeparator()
        view_menu.addAction(self.full_screen_action)
        self.addAction(self.full_screen_action)

        help_menu = self.help_menu = bar.addMenu("&Help")
        self.shortcuts_action = QAction("&Keyboard Shortcuts…", self)
        self.shortcuts_action.setShortcut(QKeySequence("Ctrl+/"))
        self.shortcuts_action.setStatusTip("Every shortcut; change them here")
        self.shortcuts_action.triggered.connect(lambda: self.open_shortcuts())
        help_menu.addAction(self.shortcuts_action)
        self.addAction(self.shortcuts_action)
        help_menu.addSeparator()
        self.about_action = QAction(f"&About {APP_NAME}", self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self._on_about_triggered)
        help_menu.addAction(self.about_action)
        self.about_qt_action = QAction("About &Qt", self)
        self.about_qt_action.setMenuRole(QAction.MenuRole.AboutQtRole)
        self.about_qt_action.triggered.connect(QApplication.aboutQt)
        help_menu.addAction(self.about_qt_action)

    def _build_status_bar(self) -> None:
        self.status_label = QLabel()
        self.status_label.setObjectName("statusSummary")
        mute(self.status_label)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.statusBar().addWidget(self.status_label, 1)
        self.stats_label = QLabel()
        self.stats_label.setObjectName("statusStats")
        mute(self.stats_label)
        self.stats_label.setContentsMargins(6, 0, 6, 0)
        self.save_label = QLabel()
        self.save_label.setObjectName("statusSaved")
        mute(self.save_label)
        self.save_label.setContentsMargins(6, 0, 6, 0)
        self.statusBar().addPermanentWidget(self.stats_label)
        self.statusBar().addPermanentWidget(self.save_label)
        if self._services.throwaway:
            self.demo_label = QLabel("Demo: deleted when you close the window")
            self.demo_label.setObjectName("statusDemo")
            self.demo_label.setToolTip(
                "This is a demo journal in a temporary folder. Nothing you write, log or "
                "change here is kept, and your own journal and settings are not touched."
            )
            self.demo_label.setContentsMargins(6, 0, 6, 0)
            self.statusBar().addPermanentWidget(self.demo_label)
        page = self.journal_page
        page.stats_changed.connect(self.stats_label.setText)
        page.message.connect(self.save_label.setText)
        page.entry_saved.connect(lambda _entry: self._refresh_status())
        # trash, restore, imports, another process: every reload recounts
        page.entries_counted.connect(lambda _count: self._refresh_status())
        for mode, action in page.view_actions.items():
            action.triggered.connect(
                lambda _checked=False, m=mode: self._settings.setValue(VIEW_MODE_KEY, m)
            )
        page.editor_ready.connect(self._restore_view_mode)
        self.journal_page.distraction_free_changed.connect(self._on_distraction_free)
        self.statusBar().setSizeGripEnabled(True)

    # -- public ---------------------------------------------------------------------------

    def current_area(self) -> str:
        return AREA_KEYS[max(self.nav.currentRow(), 0)]

    def show_area(self, key: str) -> None:
        """Switch to the area named ``key`` (one of ``AREA_KEYS``)."""
        self.nav.setCurrentRow(AREA_KEYS.index(key))

    def page(self, key: str) -> QWidget:
        """The page of area ``key``, built on first use."""
        if key not in self.pages:
            page = self._page_factories[key]()
            self.pages[key] = page
            self.stack.addWidget(page)
            # A page may ask for a day to be opened (a click on a chart): Today shows it.
            day_requested = getattr(page, "day_requested", None)
            if day_requested is not None:
                day_requested.connect(self.open_day)
            self.apply_shortcuts()  # the page's own actions take the keys chosen for them
        return self.pages[key]

    def apply_shortcuts(self) -> None:
        """Give every command the shortcut chosen in Help ▸ Keyboard Shortcuts."""
        apply_saved_shortcuts(self, self._settings)

    def open_shortcuts(self) -> QWidget:
        # lazy: the dialog loads when first opened
        from journal_app.ui.shortcuts.dialog import ShortcutsDialog

        dialog = ShortcutsDialog(self, self._settings)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.shortcuts_dialog = dialog
        dialog.open()
        return dialog

    def open_day(self, day: object) -> None:
        """Show ``day`` (a datetime.date) in the Today area."""
        self.show_area("today")
        show_day = getattr(self.pages["today"], "show_day", None)
        if callable(show_day):
            show_day(day)

    def refresh(self) -> None:
        """Reload what the window shows from the journal (status bar, Journal page)."""
        self.journal_page.refresh()
        self._refresh_status()

    def _refresh_status(self) -> None:
        count = self.journal_page.entry_count
        entries = f"{count:,} entr{'y' if count == 1 else 'ies'}"
        paths = self._services.paths
        self.status_label.setText(
            f"{entries} · schema {self._services.schema_version} · {paths.root}"
        )
        self.status_label.setToolTip(str(paths.database))

    # -- WindowContext (journal_app/ui/window_context.py) ------------------------------------

    def dialog_parent(self) -> QMainWindow:
        return self

    def show_status(self, text: str, msecs: int) -> None:
        self.statusBar().showMessage(text, msecs)

    def add_status_widget(self, widget: QWidget) -> None:
        self.statusBar().addPermanentWidget(widget)

    def add_file_action(self, action: QAction) -> None:
        self.file_menu.insertAction(self.file_quit_separator, action)

    def add_menu(self, slot: MenuSlot, menu: QMenu) -> None:
        before = self.help_menu.menuAction()
        for later in MENU_ORDER[MENU_ORDER.index(slot) + 1 :]:
            if later in self._added_menus:
                before = self._added_menus[later].menuAction()
                break
        self.menuBar().insertMenu(before, menu)
        self._added_menus[slot] = menu

    def add_undo_stack(self, stack: QUndoStack, owner: QWidget) -> None:
        self._undo_stacks.append((stack, owner))
        stack.indexChanged.connect(self._update_edit_actions)
        stack.cleanChanged.connect(self._update_edit_actions)
        owner.destroyed.connect(lambda: self._forget_undo_stack(stack))
        self._update_edit_actions()

    def _forget_undo_stack(self, stack: QUndoStack) -> None:
        self._undo_stacks = [(s, o) for s, o in self._undo_stacks if s is not stack]

    def _undo_stack_for(self, widget: QWidget | None) -> QUndoStack | None:
        if widget is None:
            return None
        for stack, owner in self._undo_stacks:
            if widget is owner or owner.isAncestorOf(widget):
                return stack
        return None

    def open_entry_id(self) -> int | None:
        entry = self.journal_page.editor_pane.entry
        return entry.id if entry is not None else None

    def save_open_entry(self, *, announce: bool = False) -> bool:
        if announce:
            return self.journal_page.save_now()
        return self.journal_page.editor_pane.flush()

    def close_open_entry(self) -> None:
        self.journal_page.editor_pane.close_document()

    def reload_open_entry(self) -> bool:
        return self.journal_page.editor_pane.reload_entry()

    def when_entry_saved(self, call: Callable[[], None]) -> None:
        self.journal_page.entry_saved.connect(lambda _entry: call())

    def open_entry(self, entry_id: int, *, show: bool = False) -> bool:
        if show:
            self.journal_page.refresh()
            self.show_area("journal")
        return self.journal_page.open_entry(entry_id)

    def quit(self) -> bool:
        self._quitting = True
        try:
            return self.close()
        finally:
            self._quitting = False

    def new_entry(self) -> None:
        self.show_area("journal")
        self.new_entry_action.trigger()

    def open_preferences(self, page: str = "") -> QWidget:
        # lazy: the dialog and its pages load when first opened
        from journal_app.ui.preferences.dialog import PreferencesDialog

        # lazy: with the dialog
        from journal_app.ui.preferences.registry import PreferencesContext

        if self.preferences is None:
            context = PreferencesContext(
                self._services, self.events, self._settings, self.theme, self.editor_look
            )
            self.preferences = PreferencesDialog(context, page, parent=self)
            self.preferences.finished.connect(self._forget_preferences)
        else:
            self.preferences.show_page(page)
        self.preferences.show()
        self.preferences.activateWindow()
        return self.preferences

    def _forget_preferences(self) -> None:
        if self.preferences is not None:
            self.preferences.deleteLater()
            self.preferences = None

    def wait_for_backups(self) -> None:
        if self.backups is not None:
            self.backups.pool.waitForDone()

    def when_timer_ready(self, call: Callable[[QAction], None]) -> None:
        def on_ready() -> None:
            if self.focus_timer is not None:
                call(self.focus_timer.actions.start)

        if self.focus_timer is not None:
            on_ready()
        else:
            self.focus_timer_ready.connect(on_ready)

    # -- state ----------------------------------------------------------------------------

    def _restore_state(self) -> None:
        geometry = self._settings.value(GEOMETRY_KEY)
        if not (isinstance(geometry, QByteArray) and self.restoreGeometry(geometry)):
            self.resize(DEFAULT_SIZE.boundedTo(self.screen().availableGeometry().size()))
        state = self._settings.value(STATE_KEY)
        if isinstance(state, QByteArray):
            self.restoreState(state)
        area = self._settings.value(AREA_KEY, AREA_KEYS[0])
        self.show_area(area if area in AREA_KEYS else AREA_KEYS[0])
        self._on_nav_row_changed(self.nav.currentRow())

    def _restore_view_mode(self) -> None:
        """The editor pane is built after the first paint: show it as it was left."""
        mode = self._settings.value(VIEW_MODE_KEY)
        if mode in self.journal_page.view_actions and mode != "editor":
            self.journal_page.editor_pane.set_view_mode(str(mode))

    def save_state(self) -> None:
        self._settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        self._settings.setValue(STATE_KEY, self.saveState())
        self._settings.setValue(AREA_KEY, self.current_area())
        self._settings.sync()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.focus_timer is None and not getattr(self, "_timer_scheduled", False):
            self._timer_scheduled = True
            self.installEventFilter(self)  # a timer queued now would run before the paint

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self and event.type() == QEvent.Type.Paint:
            self.removeEventFilter(self)
            QTimer.singleShot(0, self, self._install_focus_timer)
        return super().eventFilter(watched, event)

    def _install_focus_timer(self) -> None:
        """What is not needed for the first paint loads just after it: the focus timer
        (in the status bar of every area; it may ask to recover a timer that was running
        when the app was killed), backups, export and import."""
        # lazy: not needed for the first paint
        from journal_app.ui.backups import install_backups

        # lazy: not needed for the first paint
        from journal_app.ui.timer import install_focus_timer

        # lazy: not needed for the first paint
        from journal_app.ui.transfer import install_transfer

        # Backups first: they start the journal's check, which any write waits for.
        self.backups = install_backups(self, self._services, self.events)
        self.focus_timer = install_focus_timer(self, self._services, self.events)
        self.transfer = install_transfer(self, self._services, self.events)
        # lazy: not needed for the first paint
        from journal_app.ui.printing import install_printing

        self.printing = install_printing(self, self._services)
        # lazy: not needed for the first paint (the dictionary loads here)
        from journal_app.ui.journal.spelling import install_spelling

        self.editor_spelling = install_spelling(
            self,
            self._services,
            self.events,
            self.journal_page.editor_pane.editor,
            self.view_menu,
            self.theme_menu.menuAction(),
        )
        # lazy: not needed for the first paint
        from journal_app.ui.encryption import install_encryption

        self.encryption = install_encryption(
            self, self._services, self.events, open_export=self.transfer.open_export
        )
        # lazy: not needed for the first paint
        from journal_app.ui.external_changes import ExternalChangeWatcher

        self.external_changes: ExternalChangeWatcher | None = ExternalChangeWatcher(
            self._services, self.events, self
        )
        # lazy: not needed for the first paint
        from journal_app.ui.tray import install_tray

        # The window's settings (the self-test and tests hand it their own file).
        self.tray = install_tray(self, self._services, self.events, self._settings)
        # lazy: not needed for the first paint
        from journal_app.ui.sync import install_sync

        self.sync_controller = install_sync(self, self._services, self.events)
        self.apply_shortcuts()  # the actions installed just now
        self.focus_timer_ready.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._quitting and self.tray is not None and self.tray.keeps_running:
            self.tray.hide_window()  # the close button; File ▸ Quit goes through quit()
            event.ignore()
            return
        for page in [*self.pages.values(), self.focus_timer]:
            can_close = getattr(page, "can_close", None)
            if callable(can_close) and not can_close():
                event.ignore()
                return
        self.save_state()
        if self.sync_controller is not None:
            self.sync_controller.finish()  # what was just saved is sent (bounded); no more runs
        watcher = getattr(self, "external_changes", None)
        if watcher is not None:
            watcher.timer.stop()  # the journal closes next; nothing more to notice
        super().closeEvent(event)

    # -- slots ----------------------------------------------------------------------------

    def _on_nav_row_changed(self, row: int) -> None:
        if row < 0:
            return
        key = AREA_KEYS[row]
        self.stack.setCurrentWidget(self.page(key))
        self.area_actions[key].setChecked(True)
        self.stats_label.setVisible(key == "journal")  # the open entry's word count
        self._settings.setValue(AREA_KEY, key)
        self.area_changed.emit(key)

    def _on_theme_applied(self, _look: str) -> None:
        palette = QApplication.palette()
        for row, area in enumerate(AREAS):
            self.nav.item(row).setIcon(nav_icon(area.key, palette))
        for theme, action in self.theme_actions.items():
            action.setChecked(theme is self.theme.theme)

    def _apply_editor_look(self, look: EditorLook) -> None:
        self.journal_page.apply_editor_look(look)

    def _on_edit_triggered(self, name: str) -> None:
        widget = QApplication.focusWidget()
        method = getattr(widget, name, None)
        if callable(method):
            method()
            return
        stack = self._undo_stack_for(widget) if name in ("undo", "redo") else None
        if stack is not None:
            stack.undo() if name == "undo" else stack.redo()

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        self._update_edit_actions(new)

    def _update_edit_actions(self, *_args: object) -> None:
        """Each Edit action is enabled where it can act: the focused widget's own
        method, else (Undo, Redo) the undo stack of the area holding the focus."""
        widget = QApplication.focusWidget()
        stack = self._undo_stack_for(widget)
        for name, action in self.edit_actions.items():
            own = callable(getattr(widget, name, None))
            text = dict((n, t) for n, t, _ in EDIT_ACTIONS)[name]
            if own or stack is None or name not in ("undo", "redo"):
                action.setEnabled(own)
                action.setText(text)
                continue
            able = stack.canUndo() if name == "undo" else stack.canRedo()
            what = stack.undoText() if name == "undo" else stack.redoText()
            action.setEnabled(able)
            action.setText(f"{text} {what}" if able and what else text)

    def _on_distraction_free(self, on: bool) -> None:
        """Only the text on screen: no sidebar, menus, status bar; Esc comes back."""
        self._sidebar.setVisible(not on)
        self.menuBar().setVisible(not on)
        self.statusBar().setVisible(not on)
        if on:
            self._was_full_screen = self.isFullScreen()
            self.showFullScreen()
        elif not getattr(self, "_was_full_screen", False):
            self.showNormal()

    def _on_full_screen_triggered(self, checked: bool) -> None:
        if checked:
            self.showFullScreen()
        else:
            self.showNormal()

    def _on_quit_triggered(self) -> None:
        self.quit()  # the app quits with its last window

    def _on_about_triggered(self) -> None:
        # lazy: not needed at start-up
        from journal_app.ui.about import AboutDialog

        AboutDialog(self).exec()
