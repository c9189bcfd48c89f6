"""What a person does to the window in a test: keys to the widget that has the focus, as a
keyboard or a clicker sends them, on one of the two screens of tests/screens.json."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QApplication


def screen_named(name: str) -> QScreen:
    """ "projector" (1280×720) or "monitor" (1920×1080)."""
    return next(s for s in QGuiApplication.screens() if s.name() == name)


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """One key, as a person or a clicker sends it: to whatever has the focus."""
    focus = QApplication.focusWidget()
    assert focus is not None, "no widget has the keys"
    qtbot.keyClick(focus, key, modifier)
