"""The talk, driven from a keyboard or a clicker: scenes, notes, theme, font size, language.

The presenter owns no widget of the race: it tells the session which kitchens to open and
the control bar what to serve, and widgets of its own (banner, notes, help, comparison table)
subscribe to its signals. What only the window can do (say an error, show the routes' code,
open the bad-order dialog) it asks for with a ``sig_..._requested`` signal the window connects.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from chefline.assets import resource_path, resources_dir
from chefline.client.plan import scene_plan
from chefline.kitchen.errors import BadInput
from chefline.kitchen.scenes import Scene, Talk, load_talk
from chefline.ui.control_bar import ControlBar
from chefline.ui.files.race_files import RaceFiles
from chefline.ui.look.language import Language
from chefline.ui.look.palette import THEME_NAMES
from chefline.ui.look.theme import Look
from chefline.ui.session import RaceSession

FONT_STEP = 1.15
SPOKEN = {"ratio": "ratio", "faster": "makespan", "peak_concurrency": "peak", "chefs": "chefs",
          "threads": "threads", "processes": "processes", "memory": "memory"}  # fmt: skip
"""The scoreboard figure that bears out each kind of claim (or the figure it names)."""
MAX_SPOKEN = 4


def spoken_figures(scene: Scene) -> tuple[str, ...]:
    """The figures the scene's caption speaks of, for the scoreboard to show large: the
    makespan, then what each claim checks (most at once, threads…, the ratio to theory)."""
    keys = ["makespan"]
    # The figures a caption names ("threads held: 1") before the ratio to theory.
    for claim in sorted(scene.claims, key=lambda c: c.kind != "figure"):
        key = SPOKEN.get(claim.figure or claim.kind)
        if key is not None and key not in keys:
            keys.append(key)
    return tuple(keys[:MAX_SPOKEN])


def load_default_talk(path: Path | None = None) -> Talk:
    """The talk in ``path`` (a speaker's own, ``--scenes``), else the one that ships."""
    return load_talk(path or resource_path("talk", "scenes.json"))


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
    sig_error_requested = Signal(str)
    """Tell the speaker something went wrong. Parameter: the message, one sentence."""
    sig_code_requested = Signal(tuple)
    """Show each kitchen's route beside it, for the scene on screen. Parameter: the
    scoreboard figures its caption speaks of (``spoken_figures``), to show large."""
    sig_bad_order_requested = Signal()
    """Open the dialog that sends the bad order (the scene's action, on Space)."""

    def __init__(self, session: RaceSession, controls: ControlBar, files: RaceFiles,
                 talk: Talk | None = None, parent: QObject | None = None) -> None:  # fmt: skip
        """``files`` replays the scene's recorded race; ``controls`` take each scene's race."""
        super().__init__(parent)
        self.session = session
        self.controls = controls
        self.files = files
        self.talk_error: str | None = None
        if talk is None:
            try:
                talk = load_default_talk(session.talk_file)
            except BadInput as error:
                # The window still races without a talk; the reason is said once, once the
                # window is up to show it.
                talk, message = Talk([], []), str(error)
                self.talk_error = message
                QTimer.singleShot(0, lambda: self.sig_error_requested.emit(message))
        self.talk = talk
        self.index = -1
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self.look = Look(app)
        self.language = Language.for_app(app)
        self._going: asyncio.Future[bool] | None = None
        self._changing = asyncio.Lock()

    @property
    def scene(self) -> Scene | None:
        return self.talk.scenes[self.index] if self.index >= 0 else None

    # -- scenes -----------------------------------------------------------------------------

    def next(self) -> None:
        if self.index + 1 < len(self.talk.scenes):  # past the last scene the talk stays put
            self.go_soon(self.index + 1)

    def previous(self) -> None:
        if self.index > 0:
            self.go_soon(self.index - 1)

    def go_soon(self, index: int) -> asyncio.Future[bool]:
        """Show scene ``index`` (from a key press); the future says whether it opened."""
        self.index = index  # now, not when the coroutine starts: the next press counts from here
        self._going = asyncio.ensure_future(self.go(index))
        return self._going

    async def go(self, index: int) -> bool:
        """Stop what is running, open the scene's kitchens off the GUI thread, fill the
        control bar with its race; False (and the session's message) if a kitchen failed.

        Key presses that come faster than kitchens open are taken in turn, and a scene the
        speaker has already left is skipped.
        """
        scene = self.talk.scenes[index]
        session = self.session
        self.index = index  # the next key press counts from here
        async with self._changing:
            if self.index != index:
                return False
            await session.finish_race()  # the speaker moved on: the old scene's race ends here
            self.sig_scene_loading.emit(index)
            opened = await session.open_kitchens_async(scene.kitchens)
            if self.index != index:
                return opened
            self.controls.show_plan(scene_plan(scene))
            self.sig_code_requested.emit(spoken_figures(scene))
            self.sig_scene_changed.emit(index)
        if not opened:  # the talk goes on with the race recorded for it, badge and all
            self.play_recording()
        return opened

    def recording_of(self, scene: Scene) -> Path:
        return resources_dir() / "talk" / "replays" / f"{scene.id}.json.gz"

    def play_recording(self) -> bool:
        """Replay the race recorded for this scene (shipped with the app), marked as such."""
        scene = self.scene
        if scene is None:
            return False
        path = self.recording_of(scene)
        if not path.exists():
            self.sig_error_requested.emit(
                self.tr("No recorded race for the scene {0}.").format(scene.id)
            )
            return False
        return self.files.open_race(path, open_kitchens=False)

    def act(self) -> None:
        """Space: play or pause a replay; else what the scene is for — serve its race, or
        send its bad order."""
        scene = self.scene
        if self.session.replay.active:
            self.session.replay.toggle()
        elif scene is not None and scene.action == "bad_order":
            self.sig_bad_order_requested.emit()
        else:
            self.controls.request_serve()

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
