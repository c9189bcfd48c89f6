"""The scene on screen: its number, title and caption, large enough for the back row."""

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
from chefline.ui.talk.presenter import Presenter

FADE_MS = 300


class SceneBanner(Retranslating, QFrame):
    def __init__(self, presenter: Presenter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.presenter = presenter
        self.setObjectName("sceneBanner")
        self.counter = QLabel()
        self.counter.setObjectName("sceneCounter")
        self.title = QLabel()
        self.title.setObjectName("sceneTitle")
        self.badge = QLabel()
        self.badge.setObjectName("replayBadge")
        self.badge.hide()
        self.caption = QLabel()
        self.caption.setObjectName("sceneCaption")
        self.caption.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addWidget(self.badge)
        top.addStretch(1)
        top.addWidget(self.counter, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 10)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.caption)
        self.hide()
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
        presenter.language.sig_changed.connect(self.refresh)

    def _fade_in(self) -> None:
        self.refresh()
        self._fade.stop()
        self._fade.start()

    def show_replay_badge(self, shown: bool) -> None:
        self.badge.setVisible(shown)

    def retranslate(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        scene = self.presenter.scene
        if scene is None:
            self.hide()
            return
        language = self.presenter.language.current
        total = len(self.presenter.talk.scenes)
        self.counter.setText(self.tr("scene {0} of {1}").format(self.presenter.index + 1, total))
        self.title.setText(scene.text("title", language))
        self.caption.setText(scene.text("caption", language))
        self.badge.setText(self.tr("REPLAY — recorded, not live"))
        self.show()
