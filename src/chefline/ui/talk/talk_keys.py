"""The talk's keys reach it whatever has the focus, as a clicker needs.

A clicker (or a speaker's keyboard) sends its keys to whichever widget has the focus. So:
the window opens with the focus on the talk itself (the central widget, not a field); a click
anywhere on the kitchens gives it back; every command's shortcut is application-wide, so it
also fires while the speaker-notes window or an overlay has the keys; a field being edited
keeps the keys it types with (Qt lets an editor claim those), and Esc, Return or a click
elsewhere gives them back to the talk. Anywhere else Esc goes to the clicker: it closes what
covers the talk, or leaves the talk for the full view. A talk opens no modal dialog (they
would block the talk's keys, Qt's rule for application shortcuts); the developer view's
dialogs close with Esc as usual.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QLineEdit,
    QWidget,
)

from chefline.ui.commands import Command
from chefline.ui.talk.clicker import Clicker

FIELDS = (QAbstractSpinBox, QLineEdit, QComboBox)
"""Widgets a speaker edits: they keep their keys until Esc, Return or a click elsewhere."""
GIVE_BACK = (Qt.Key.Key_Escape, Qt.Key.Key_Return, Qt.Key.Key_Enter)


class TalkKeys(QObject):
    """Installed once per window; owns no widget, only where the keys go."""

    def __init__(self, window: QWidget, surface: QWidget, controls: QWidget,
                 commands: Iterable[Command], clicker: Clicker) -> None:  # fmt: skip
        """``window``: the top-level window; ``surface``: the talk (its central widget);
        ``controls``: where the buttons are; ``commands``: the command table, whose keys
        with no menu entry become shortcuts of the window here (the menus have the rest);
        ``clicker``: what Esc does when no field has it."""
        super().__init__(window)
        self.window = window
        self.clicker = clicker
        self.surface = surface
        self.surface.setObjectName("talkSurface")
        # The talk takes the keys at launch and when anything on it without keys is clicked.
        self.surface.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.surface.setFocus(Qt.FocusReason.OtherFocusReason)
        for button in controls.findChildren(QAbstractButton):
            # Serve and Reset have their keys (Space, R); a click must not leave the keys on
            # a button that is disabled during the race and passes the focus to a field.
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.shortcuts: dict[str, QShortcut] = {}
        """The keys with no menu entry (Space, R, F), by their command's name."""
        for command in commands:
            if command.menu is None:
                self._add_shortcut(command)
        self.make_application_wide()
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)

    def _add_shortcut(self, command: Command) -> None:
        shortcut = QShortcut(self.window)
        shortcut.setKeys([QKeySequence(key) for key in command.keys])
        shortcut.setObjectName(command.name)
        shortcut.activated.connect(command.handler)
        self.shortcuts[command.name] = shortcut

    def make_application_wide(self) -> None:
        """Every command's keys fire from any of the app's windows that is not blocked by a
        modal dialog: the notes window, the help or the table over the window."""
        for action in self.window.findChildren(QAction):
            if action.shortcuts():
                action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
                # Also the window's own: in a talk the menu bar is hidden, the keys are not.
                self.window.addAction(action)
        for shortcut in self.window.findChildren(QShortcut):
            shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)

    def give_back(self) -> None:
        """The keys go back to the talk (after editing a field, or closing a panel)."""
        if self.window.isVisible():
            self.surface.setFocus(Qt.FocusReason.OtherFocusReason)

    def return_after(self, dialog: QDialog) -> None:
        """When ``dialog`` closes, the window is active again with the keys on the talk
        (a window manager usually activates the parent; not every platform does)."""
        dialog.finished.connect(self.take_back)

    def take_back(self) -> None:
        if self.window.isVisible():
            self.window.activateWindow()
            self.give_back()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(watched, QWidget):
            return False
        assert isinstance(event, QKeyEvent)
        if event.key() not in GIVE_BACK or watched.window() is not self.window:
            return False
        focus = QApplication.focusWidget()
        if focus is not None and watched is not focus:
            return False  # the same key passed on to a parent
        field = watched if isinstance(watched, FIELDS) else watched.parent()
        if not isinstance(field, FIELDS):  # a spin box edits in a line edit of its own
            if event.key() != Qt.Key.Key_Escape:
                return False
            self.clicker.escape()
            return True
        if isinstance(field, QComboBox) and field.view().isVisible():
            return False  # the open list closes with Esc first
        if event.key() == Qt.Key.Key_Escape:
            self.give_back()
            return True
        QTimer.singleShot(0, self, self.give_back)  # Return: the field takes its value first
        return False
