"""The talk, driven from a keyboard or a clicker: scenes, notes, theme, font size, language.

The presenter owns no widget of the race: it tells the session which kitchens to open and
the control bar what to serve, and widgets of its own (banner, notes, help, comparison table)
subscribe to its signals.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

from chefline.kitchen.llm import ModelSpeed
from chefline.kitchen.recipe import DishKind
from chefline.kitchen.scenes import Scene, Talk, load_talk
from chefline.ui.language import Language
from chefline.ui.palette import THEME_NAMES
from chefline.ui.resources import resource_path
from chefline.ui.theme import Look

if TYPE_CHECKING:
    from chefline.ui.main_window import MainWindow

FONT_STEP = 1.15


def load_default_talk() -> Talk:
    return load_talk(resource_path("talk", "scenes.json"))


class Presenter(QObject):
    sig_scene_changed = Signal(int)
    """A scene is on screen (its kitchens are open). Parameter: its index in the talk."""
    sig_scene_loading = Signal(int)
    """A scene was asked for and its kitchens are opening. Parameter: its index."""
    sig_toggle_notes = Signal()
    """Show or hide the speaker notes."""
    sig_toggle_help = Signal()
    """Show or hide the shortcut help."""
    sig_toggle_table = Signal()
    """Show or hide the comparison table."""
    sig_look_changed = Signal()
    """The theme or the font scale changed (the stylesheet is already applied)."""

    def __init__(self, window: MainWindow, talk: Talk | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.talk = talk or load_default_talk()
        self.index = -1
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self.look = Look(app)
        self.language = Language.for_app(app)
        self._going: asyncio.Future[bool] | None = None

    @property
    def scene(self) -> Scene | None:
        return self.talk.scenes[self.index] if self.index >= 0 else None

    # -- scenes -----------------------------------------------------------------------------

    def next(self) -> None:
        self.go_soon(min(self.index + 1, len(self.talk.scenes) - 1))

    def previous(self) -> None:
        self.go_soon(max(self.index - 1, 0))

    def go_soon(self, index: int) -> asyncio.Future[bool]:
        """Show scene ``index`` (from a key press); the future says whether it opened."""
        self._going = asyncio.ensure_future(self.go(index))
        return self._going

    async def go(self, index: int) -> bool:
        """Stop what is running, open the scene's kitchens off the GUI thread, fill the
        control bar with its race; False (and the session's message) if a kitchen failed."""
        scene = self.talk.scenes[index]
        session = self.window.session
        if session.running:
            session.stop_race()
        self.index = index
        self.sig_scene_loading.emit(index)
        opened = await session.open_kitchens_async(scene.kitchens)
        if self.index != index:
            return opened  # the speaker moved on while the kitchens opened
        self._fill_controls(scene)
        self.window.set_code_visible(True)
        self.sig_scene_changed.emit(index)
        return opened

    def _fill_controls(self, scene: Scene) -> None:
        controls, race = self.window.controls, scene.race
        controls.choose_dish(scene.dish)
        controls.customers.setValue(int(race.get("customers", 10)))
        controls.arrivals.setCurrentIndex(0)
        if scene.dish is DishKind.LLM:
            controls.tokens.setValue(int(race.get("tokens", 8)))
            controls.speed = ModelSpeed(race.get("ttft", 0.2), race.get("tokens_per_s", 50.0))
        else:
            controls.wait.setValue(float(race.get("wait", 1.0)))

    def act(self) -> None:
        """Space: what the scene is for — serve its race, or send its bad order."""
        scene = self.scene
        if scene is not None and scene.action == "bad_order":
            self.window.show_bad_order()
        else:
            self.window.controls.request_serve()

    # -- looks ------------------------------------------------------------------------------

    def cycle_theme(self) -> None:
        names = list(THEME_NAMES)
        self.look.apply(theme=names[(names.index(self.look.theme) + 1) % len(names)])
        self.sig_look_changed.emit()

    def bigger(self) -> None:
        self.look.apply(scale=self.look.scale * FONT_STEP)
        self.sig_look_changed.emit()

    def smaller(self) -> None:
        self.look.apply(scale=self.look.scale / FONT_STEP)
        self.sig_look_changed.emit()

    def toggle_language(self) -> None:
        self.language.use("en" if self.language.current == "zh_CN" else "zh_CN")
