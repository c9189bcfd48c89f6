"""The scene on screen: its number, title and caption, large enough for the back row; what
→ does next; and, in a talk, any message for the speaker (there are no message boxes)."""

from __future__ import annotations

from PySide6.QtCore import QPropertyAnimation, Qt
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsOpacityEffect,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from chefline.ui.look.retranslating import Retranslating
from chefline.ui.talk.presenter import Presenter, Stage

FADE_MS = 300


def _label(name: str, wrap: bool = False) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(wrap)
    return label


class SceneBanner(Retranslating, QFrame):
    def __init__(self, presenter: Presenter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.presenter = presenter
        self.setObjectName("sceneBanner")
        self.counter = _label("sceneCounter")
        self.title = _label("sceneTitle", wrap=True)
        self.badge = _label("replayBadge")
        self.badge.hide()
        self.caption = _label("sceneCaption", wrap=True)
        self.hint = _label("talkHint", wrap=True)
        """Before the talk: that → starts it. In it: what → does next."""
        self.message = _label("talkMessage", wrap=True)
        self.message.hide()
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.counter, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 10)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.caption)
        layout.addWidget(self.hint)
        layout.addWidget(self.message)
        # A new scene fades in: the eye follows the change instead of being jolted by it.
        self._opacity = QGraphicsOpacityEffect(self)
        self._opacity.setOpacity(1.0)
        self.setGraphicsEffect(self._opacity)
        self._fade = QPropertyAnimation(self._opacity, b"opacity", self)
        self._fade.setDuration(FADE_MS)
        self._fade.setStartValue(0.2)
        self._fade.setEndValue(1.0)
        presenter.sig_scene_loading.connect(self._fade_in)
        presenter.sig_scene_changed.connect(self.refresh)
        presenter.sig_stage_changed.connect(self.refresh)
        presenter.sig_talk_mode_changed.connect(self.refresh)
        presenter.language.sig_changed.connect(self.refresh)
        self.refresh()

    def _fade_in(self) -> None:
        self.message.hide()
        self.refresh()
        self._fade.stop()
        self._fade.start()

    def show_replay_badge(self, shown: bool) -> None:
        self.badge.setVisible(shown)

    def say(self, message: str) -> None:
        """A sentence for the speaker, inside the window (a talk has no message boxes); it
        stays until the next scene, so that nothing it says goes by unseen."""
        self.message.setText(message)
        self.message.show()
        self.show()

    def retranslate(self) -> None:
        self.refresh()

    def next_step(self) -> str:
        """What → does now, in a few words."""
        presenter = self.presenter
        stage = presenter.stage
        scene = presenter.scene
        if stage is Stage.OPENING:
            return self.tr("opening the kitchens…")
        if stage is Stage.READY:
            action = scene is not None and scene.action == "bad_order"
            return self.tr("→ sends the bad order") if action else self.tr("→ serves")
        if stage is Stage.RACING:
            return self.tr("serving · → next scene")
        if presenter.index + 1 >= len(presenter.talk.scenes):
            return self.tr("the end · Esc: full view")
        return self.tr("→ next scene")

    def refresh(self) -> None:
        presenter = self.presenter
        scene = presenter.scene
        self.badge.setText(self.tr("REPLAY — recorded, not live"))
        if scene is None or not presenter.active:
            for part in (self.title, self.caption, self.counter):
                part.hide()
            self.hint.setText(
                self.tr("→ or F5 starts the talk; Space serves the race set below.")
                if presenter.talk.scenes
                else " "
            )
            self.hint.setVisible(bool(presenter.talk.scenes))
            self.setVisible(bool(presenter.talk.scenes) or self.message.isVisibleTo(self))
            return
        language = presenter.language.current
        total = len(presenter.talk.scenes)
        self.counter.setText(
            self.tr("scene {0} of {1} · {2}").format(presenter.index + 1, total, self.next_step())
        )
        self.title.setText(scene.text("title", language))
        self.caption.setText(scene.text("caption", language))
        for part in (self.title, self.caption, self.counter):
            part.show()
        self.hint.hide()
        self.show()
