"""The presenter's view, in a window of its own: on the second screen when there is one, so
the room sees the kitchens and the speaker sees the clock, what comes next and the notes.

The clock shows the time in this scene against its share of the talk's budget (red when
over) and the time since the first scene; below it, the next scene's title and caption; then
the notes of the scene on screen.

The notes never take the keys: a clicker's next press must still reach the talk. The window
asks the window manager not to activate it, none of its widgets accepts the focus, and a key
that reaches it anyway (the talk's keys are application-wide shortcuts and fire first) is Esc,
which closes it; the main window gets the activation back.
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QLabel, QTextBrowser, QVBoxLayout, QWidget

from chefline.ui.look.retranslating import Retranslating
from chefline.ui.talk.presenter import Presenter

TALK_BUDGET_S = 10 * 60
"""The talk's length: each scene's budget is its race's time and an equal share of the rest
for talking (scene 7's race alone takes over a minute)."""
LEAST_TALKING_S = 30.0


def clock_text(seconds: float) -> str:
    whole = int(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


class SpeakerNotes(Retranslating, QWidget):
    sig_keys_back_requested = Signal()
    """The talk should take the keys back: this window was shown, or got a key."""

    def __init__(self, presenter: Presenter, parent: QWidget | None = None) -> None:
        """``parent``: the main window, whose screen the notes keep off when there are two."""
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
        self.clock = QLabel()
        self.clock.setObjectName("presenterClock")
        self.next_scene = QLabel()
        self.next_scene.setObjectName("presenterNext")
        self.next_scene.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.clock)
        layout.addWidget(self.next_scene)
        layout.addWidget(self.text, 1)
        self.resize(900, 600)
        self.talk_time = QElapsedTimer()
        self.scene_time = QElapsedTimer()
        self._ticker = QTimer(self)
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self.show_clock)
        presenter.sig_scene_changed.connect(self._scene_began)
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
            owner = self.parentWidget()
            window = owner.windowHandle() if owner is not None else None
            main = window.screen() if window is not None else screens[0]
            other = next(s for s in screens if s is not main)
            self.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, False)
            self.move(other.availableGeometry().topLeft())
        else:  # one screen: a corner of it, kept above the window (it is never activated)
            area = screens[0].availableGeometry()
            self.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, True)
            self.resize(min(900, area.width() * 2 // 5), min(600, area.height() // 2))
            self.move(area.right() - self.width() - 20, area.bottom() - self.height() - 40)
        self.show()
        self.raise_()
        # Where the window manager activates it anyway, the talk takes the keys back.
        QTimer.singleShot(0, self, self._give_keys_back)

    def _give_keys_back(self) -> None:
        self.sig_keys_back_requested.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.hide()
        self._give_keys_back()

    @property
    def scene_budget(self) -> float:
        """The scene on screen's share of the talk."""
        return self.budget_of(max(self.presenter.index, 0))

    def budget_of(self, index: int) -> float:
        """Scene ``index``'s share of the talk: its race, and time to talk about it."""
        presenter = self.presenter
        scenes = presenter.talk.scenes
        if not scenes:
            return TALK_BUDGET_S
        races = [presenter.race_seconds(scene) for scene in scenes]
        talking = max((TALK_BUDGET_S - sum(races)) / len(scenes), LEAST_TALKING_S)
        return talking + races[index]

    def _scene_began(self) -> None:
        if not self.talk_time.isValid():
            self.talk_time.start()
        self.scene_time.start()
        self._ticker.start()
        self.show_clock()

    def show_clock(self) -> None:
        if not self.scene_time.isValid():
            self.clock.setText(self.tr("The clock starts with the first scene."))
            return
        in_scene = self.scene_time.elapsed() / 1000
        over = in_scene > self.scene_budget
        self.clock.setProperty("over", over)
        self.clock.style().unpolish(self.clock)
        self.clock.style().polish(self.clock)
        self.clock.setText(self.tr("This scene {0} of {1}   ·   talk {2}").format(
            clock_text(in_scene), clock_text(self.scene_budget),
            clock_text(self.talk_time.elapsed() / 1000)))  # fmt: skip

    def refresh(self) -> None:
        self.setWindowTitle(self.tr("Chefline — speaker notes"))
        self.show_clock()
        presenter = self.presenter
        scene = presenter.scene
        language = presenter.language.current
        scenes = presenter.talk.scenes
        following = scenes[presenter.index + 1] if presenter.index + 1 < len(scenes) else None
        if following is None:
            self.next_scene.setText(self.tr("Next: the end of the talk."))
        else:
            title, caption = following.text("title", language), following.text("caption", language)
            self.next_scene.setText(self.tr("Next: {0} — {1}").format(title, caption))
        if scene is None:
            self.text.setPlainText(self.tr("Press → to start the talk."))
            return
        title, notes = scene.text("title", language), scene.text("notes", language)
        self.text.setHtml(f"<h2>{title}</h2><p>{notes}</p>")
