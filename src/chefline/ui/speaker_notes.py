"""The speaker's notes for the scene on screen, in a window of their own: on the second
screen when there is one, so the room sees the kitchens and the speaker sees the notes."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from chefline.ui.presenter import Presenter
from chefline.ui.retranslating import Retranslating


class SpeakerNotes(Retranslating, QWidget):
    def __init__(self, presenter: Presenter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.presenter = presenter
        self.setObjectName("speakerNotesWindow")
        self.text = QTextBrowser()
        self.text.setObjectName("speakerNotes")
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

    def refresh(self) -> None:
        self.setWindowTitle(self.tr("Chefline — speaker notes"))
        scene = self.presenter.scene
        if scene is None:
            self.text.setPlainText(self.tr("Press → to start the talk."))
            return
        language = self.presenter.language.current
        title, notes = scene.text("title", language), scene.text("notes", language)
        self.text.setHtml(f"<h2>{title}</h2><p>{notes}</p>")
