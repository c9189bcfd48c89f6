"""The window within its screen: it opens no larger than the screen's free area, and when the
text grows (Ctrl+) or a scene brings more to show, the layouts give way, not the window.

A top-level window grows to its layout's minimum size; so the minimum sizes of what the
window holds are kept small (fields wrap onto a second row, figures shrink, pictures give
way) and this watcher brings the window back within the screen should anything still push.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QSize, QTimer
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

PREFERRED = QSize(1600, 1000)
"""The window's size on a screen large enough for it."""


def screen_of(window: QWidget) -> QScreen:
    """The screen the window is on (or will open on: the one under its top-left corner)."""
    handle = window.windowHandle()
    if handle is not None and window.isVisible():
        return handle.screen()
    found = QGuiApplication.screenAt(window.geometry().topLeft())
    return found or QGuiApplication.primaryScreen()


def free_area(window: QWidget) -> QRect:
    return screen_of(window).availableGeometry()


def place_on(window: QWidget, screen: QScreen | None = None) -> None:
    """Size and place a window about to open: its preferred size, or the screen's free area
    (less the frame the window manager adds) when that is smaller, centred."""
    area = (screen or screen_of(window)).availableGeometry()
    frame = window.frameGeometry().size() - window.geometry().size()
    if frame.width() <= 0 or frame.height() <= 0:
        frame = QSize(8, 32)  # a typical frame before the window manager has drawn one
    size = PREFERRED.boundedTo(area.size() - frame)
    window.resize(size)
    rect = QRect(area.topLeft(), size + frame)
    rect.moveCenter(area.center())
    window.move(rect.topLeft())


class ScreenFit(QObject):
    """Keeps a top-level window within its screen's free area."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.enabled = True
        """False for a picture of an asked size (``chefline snapshot``), not a window to use."""
        self._pending = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() in (QEvent.Type.Resize,
                                                       QEvent.Type.LayoutRequest):  # fmt: skip
            self.check_soon()
        return False

    def check_soon(self) -> None:
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self, self.fit)

    def fit(self) -> None:
        """Bring the window back within the screen (unless full screen: that is the screen)."""
        self._pending = False
        window = self.window
        if not self.enabled or not window.isVisible():
            return
        if window.isFullScreen() or window.isMaximized():
            return
        area = free_area(window)
        frame = window.frameGeometry()
        if area.contains(frame):
            return
        margins = frame.size() - window.geometry().size()
        size = window.size().boundedTo(area.size() - margins)
        if size != window.size():
            window.resize(size)
        frame = window.frameGeometry()
        x = min(max(frame.x(), area.x()), area.right() + 1 - frame.width())
        y = min(max(frame.y(), area.y()), area.bottom() + 1 - frame.height())
        if (x, y) != (frame.x(), frame.y()):
            window.move(x, y)
