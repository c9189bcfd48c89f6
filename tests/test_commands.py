"""One table of commands feeds the menus, the keys and the help; nothing reaches into the window."""

from __future__ import annotations

import ast
from pathlib import Path

import chefline

SOURCES = Path(chefline.__file__).parent
MAIN_WINDOW = "chefline.ui.main_window"
MAY_IMPORT_THE_WINDOW = {SOURCES / "app.py", SOURCES / "ui" / "main_window.py"}
"""app.py builds the window; main_window.py is the window."""


def _imports(text: str, package: str) -> set[str]:
    """Every module ``text`` imports, wherever it does (inside functions, under TYPE_CHECKING);
    ``package``: the package of the module it is, for relative imports."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: from the module's own package upwards
                parts = package.split(".")
                parts = parts[: len(parts) - node.level + 1]
                base = ".".join([*parts, base] if base else parts)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def _imported_modules(path: Path) -> set[str]:
    package = ".".join(path.relative_to(SOURCES.parent).with_suffix("").parts[:-1])
    return _imports(path.read_text(encoding="utf-8"), package)


def test_no_module_imports_the_main_window_but_the_app():
    # A helper that takes the whole window makes a circle through main_window.py.
    sources = sorted(SOURCES.rglob("*.py"))
    assert SOURCES / "ui" / "talk" / "presenter.py" in sources
    reaching = [
        str(path.relative_to(SOURCES))
        for path in sources
        if path not in MAY_IMPORT_THE_WINDOW and MAIN_WINDOW in _imported_modules(path)
    ]
    assert reaching == []
    assert MAIN_WINDOW in _imported_modules(SOURCES / "app.py")  # the check sees a real one


def test_the_import_check_sees_every_way_of_importing():
    # The check above would pass on a blind parser: it must see each form of the import.
    forms = [
        "from chefline.ui.main_window import MainWindow",
        "import chefline.ui.main_window",
        "from chefline.ui import main_window",
        "if TYPE_CHECKING:\n    from chefline.ui.main_window import MainWindow",
        "def later():\n    from chefline.ui.main_window import MainWindow",
        "from .main_window import MainWindow",
        "from . import main_window",
    ]
    for form in forms:
        assert MAIN_WINDOW in _imports(form, "chefline.ui"), form
    assert MAIN_WINDOW not in _imports("from .presenter import Presenter", "chefline.ui")
    assert MAIN_WINDOW not in _imports("from .main_window import X", "chefline.cli")


def test_menus_keys_and_help_are_the_command_table(qtbot, open_window):
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QKeySequence

    from chefline.ui.commands import HELP_ORDER, KEYS_CONTEXT, MENU_TITLES, NOT_COMMANDS, help_lines

    window = open_window([])
    commands = window.commands
    assert len({command.name for command in commands}) == len(commands)

    # The menus: each lists the table's commands for it, in the table's order, with its keys.
    kitchen_actions = list(window.menus.kitchen_actions.values())  # listed from the modes
    titles = [title for _, title in window.menus.menus]
    assert titles == list(MENU_TITLES)
    for menu, title in window.menus.menus:
        entries = [a for a in menu.actions() if not a.isSeparator()]
        listed = [a.objectName() for a in entries if a not in kitchen_actions]
        assert listed == [c.name for c in commands if c.menu == title], title
    for command in commands:
        keys = [QKeySequence(key) for key in command.keys]
        if command.menu is None:  # a key with no menu entry: a shortcut of the window
            assert command.name not in window.menus.actions
            assert window.keys.shortcuts[command.name].keys() == keys
        else:
            assert window.menus.actions[command.name].shortcuts() == keys
    assert set(window.keys.shortcuts) == {c.name for c in commands if c.menu is None}

    # The help: a row for every help line of the table, in order, and no other row.
    overlay = window.help_overlay
    assert overlay.lines == tuple(help_lines(commands))
    assert set(overlay.lines) == {c.help for c in commands if c.help} | set(NOT_COMMANDS)
    assert set(overlay.lines) == set(HELP_ORDER)  # every written help line has its command
    assert [label.text() for label in overlay.descriptions] == [
        QCoreApplication.translate(KEYS_CONTEXT, line.text) for line in overlay.lines
    ]


def test_a_menu_command_calls_its_handler(qtbot, open_window):
    # The table's handler is what the menu entry runs: C shows the comparison table.
    window = open_window([])
    assert not window.comparison.isVisible()
    window.menus.actions["tableAction"].trigger()
    assert window.comparison.isVisible()
    window.menus.actions["tableAction"].trigger()
    assert not window.comparison.isVisible()
