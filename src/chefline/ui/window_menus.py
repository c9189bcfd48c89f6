"""The main window's menus, built from the command table, in either language.

Every command of ``chefline.ui.commands`` that names a menu becomes an action there, with
its keys; the Kitchens menu then lists every mode to open, and the Faults menu goes in
before Model. The menus re-read their texts when the language changes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar

from chefline.kitchen.modes import MODES
from chefline.ui.commands import KITCHENS, MENU_TITLES, MENUS_CONTEXT, MODEL, Command


class WindowMenus(QObject):
    """Owns the menu bar's actions; a child of the window, so it hears the language change."""

    def __init__(self, bar: QMenuBar, commands: Iterable[Command], faults_menu: QMenu,
                 parent: QObject | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.actions: dict[str, QAction] = {}
        """Each menu command's action, by the command's name."""
        self.menus: list[tuple[QMenu, str]] = []
        self.kitchen_actions: dict[str, QAction] = {}
        """One checkable action per mode: checked while its kitchen is open."""
        self._texts: list[tuple[QAction, str]] = []
        commands = list(commands)
        for title in MENU_TITLES:
            menu = bar.addMenu(title)
            self.menus.append((menu, title))
            for command in commands:
                if command.menu == title:
                    self._add(menu, command)
            if title == KITCHENS:
                self.kitchen_menu = menu
                menu.addSeparator()
                for mode in MODES.values():
                    action = QAction(menu)
                    action.setCheckable(True)
                    action.setObjectName(f"kitchenAction_{mode.name}")
                    menu.addAction(action)
                    self.kitchen_actions[mode.name] = action
            if title == MODEL:  # the Faults menu sits between Kitchens and Model
                bar.insertMenu(menu.menuAction(), faults_menu)
        self.retranslate()

    def _add(self, menu: QMenu, command: Command) -> None:
        action = QAction(menu)
        action.setObjectName(command.name)
        action.setShortcuts([QKeySequence(key) for key in command.keys])
        handler: Callable[[], object] = command.handler
        action.triggered.connect(lambda _=False, call=handler: call())
        menu.addAction(action)
        self.actions[command.name] = action
        self._texts.append((action, command.text))

    def event(self, event: QEvent) -> bool:
        # The window passes the language change on to its children, this object among them.
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return super().event(event)

    def retranslate(self) -> None:
        for menu, title in self.menus:
            menu.setTitle(QCoreApplication.translate(MENUS_CONTEXT, title))
        for action, text in self._texts:
            action.setText(QCoreApplication.translate(MENUS_CONTEXT, text))
        for name, action in self.kitchen_actions.items():
            mode = MODES[name]
            action.setText(f"{mode.name} — {mode.route}")
            action.setToolTip(QCoreApplication.translate("Modes", mode.summary))
