"""The replay's controls: play, step, scrub, speed, and a badge that says it is a replay.

The buttons' icons are the app's own SVGs (resources/art/replay), not font glyphs, which
some systems lack. The bar takes the control bar's place while a replay is on (the fields
have nothing to do then), so the layout does not jump when it appears.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSlider, QToolButton, QWidget

from chefline.assets import resource_path
from chefline.texts import seconds_text
from chefline.ui.files.replay_player import ReplayPlayer
from chefline.ui.look.retranslating import Retranslating

SLIDER_STEPS = 1000


@cache
def replay_icon(name: str) -> QIcon:
    return QIcon(str(resource_path("art", "replay", f"{name}.svg")))


class ReplayBar(Retranslating, QFrame):
    def __init__(self, player: ReplayPlayer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.player = player
        self.setObjectName("replayBar")
        self.badge = QLabel()
        self.badge.setObjectName("replayBadge")
        self.play_button = self._button("playButton", player.toggle, "play")
        self.back_button = self._button("stepBackButton", lambda: player.step(-1), "step-back")
        self.forward_button = self._button(
            "stepForwardButton", lambda: player.step(+1), "step-forward"
        )
        self.slower_button = self._button("slowerButton", player.slower, "slower")
        self.faster_button = self._button("fasterButton", player.faster, "faster")
        self.speed = QLabel()
        self.speed.setObjectName("replaySpeed")
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName("replaySlider")
        self.slider.setRange(0, SLIDER_STEPS)
        self.slider.sliderMoved.connect(self._scrubbed)
        self.position = QLabel()
        self.position.setObjectName("replayPosition")
        self.live_button = self._button("liveButton", player.stop)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 2, 10, 2)
        for widget in (self.badge, self.back_button, self.play_button, self.forward_button,
                       self.slower_button, self.speed, self.faster_button):  # fmt: skip
            layout.addWidget(widget)
        layout.addWidget(self.slider, 1)
        layout.addWidget(self.position)
        layout.addWidget(self.live_button)
        player.sig_changed.connect(self.refresh)
        player.sig_moved.connect(self._moved)
        self.refresh()

    def _button(self, name: str, slot: object, icon: str = "") -> QToolButton:
        button = QToolButton()
        button.setObjectName(name)
        if icon:
            button.setIcon(replay_icon(icon))
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys stay with the talk
        button.clicked.connect(slot)
        return button

    def _scrubbed(self, value: int) -> None:
        self.player.pause()
        self.player.seek(self.player.duration * value / SLIDER_STEPS)

    def _moved(self, moment: float) -> None:
        duration = self.player.duration
        if not self.slider.isSliderDown():
            self.slider.setValue(int(SLIDER_STEPS * moment / duration) if duration else 0)
        self.position.setText(seconds_text(moment) + " / " + seconds_text(duration))

    def retranslate(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        self.setVisible(self.player.active)
        self.badge.setText(
            self.tr("RECORDED RACE — replay, not live") if self.player.recorded
            else self.tr("REPLAY of the last race")
        )  # fmt: skip
        self.play_button.setIcon(replay_icon("pause" if self.player.playing else "play"))
        self.play_button.setToolTip(self.tr("Play or pause (Space)"))
        self.back_button.setToolTip(self.tr("Previous event (,)"))
        self.forward_button.setToolTip(self.tr("Next event (.)"))
        self.slower_button.setToolTip(self.tr("Slower ([)"))
        self.faster_button.setToolTip(self.tr("Faster (])"))
        self.speed.setText(f"{self.player.speed:g}×")
        self.live_button.setText(self.tr("Back to live (P)"))
