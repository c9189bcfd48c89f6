"""The speaker's notes for the scene on screen, in a window of their own: on the second
screen when there is one, so the room sees the kitchens and the speaker sees the notes.

The notes never take the keys: a clicker's next press must still reach the talk. The window
asks the window manager not to activate it, none of its widgets accepts the focus, and a key
that reaches it anyway (the talk's keys are application-wide shortcuts and fire first) is Esc,
which closes it; the main window gets the activation back.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from chefline.ui.presenter import Presenter
from chefline.ui.retranslating import Retranslating


class SpeakerNotes(Retranslating, QWidget):
    def __init__(self, presenter: Presenter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.presenter = presenter
        self.setObjectName("speakerNotesWindow")
        self.setWindowFlag(Qt.WindowType.Window)
        self.setWindowFlag(Qt.WindowType.WindowDoesNotAcceptFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.text = QTextBrowser()
        self.text.setObjectName("speakerNotes")
        self.text.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        self.resize(900, 600)
        presenter.sig_scene_changed.connect(self.refresh)
        presenter.language.sig_changed.connect(self.refresh)
        presenter.sig_toggle_notes.connect(self.toggle)
        self.refresh()

    def retranslate(self) -> None:
        self.refresh()

    def toggle(self) -> None:
        if self.isVisible():
            self.hide()
            return
        screens = QGuiApplication.screens()
        if len(screens) > 1:  # the speaker's screen: not the one the window is on
            window = self.presenter.window.windowHandle()
            main = window.screen() if window is not None else screens[0]
            other = next(s for s in screens if s is not main)
            self.move(other.availableGeometry().topLeft())
        self.show()
        self.raise_()
        # Where the window manager activates it anyway, the talk takes the keys back.
        QTimer.singleShot(0, self, self._give_keys_back)

    def _give_keys_back(self) -> None:
        self.presenter.window.keys.take_back()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.hide()
        self._give_keys_back()

    def refresh(self) -> None:
        self.setWindowTitle(self.tr("Chefline — speaker notes"))
        scene = self.presenter.scene
        if scene is None:
            self.text.setPlainText(self.tr("Press → to start the talk."))
            return
        language = self.presenter.language.current
        title, notes = scene.text("title", language), scene.text("notes", language)
        self.text.setHtml(f"<h2>{title}</h2><p>{notes}</p>")
