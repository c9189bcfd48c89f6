"""The talk, driven from a keyboard or a clicker: scenes, notes, theme, font size, language.

The presenter owns no widget of the race: it tells the session which kitchens to open and
the control bar what to serve, and widgets of its own (banner, notes, help, comparison table)
subscribe to its signals. What only the window can do (say an error, show the routes' code,
open the bad-order dialog) it asks for with a ``sig_..._requested`` signal the window connects.
"""

from __future__ import annotations

import asyncio
import os
from dataclasses import dataclass
from enum import Enum, auto
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from chefline.assets import resource_path, resources_dir
from chefline.client.plan import scene_plan
from chefline.client.race import RaceResult
from chefline.engine import SpareCores
from chefline.kitchen.errors import BadInput
from chefline.kitchen.modes import get_mode
from chefline.kitchen.scenes import SLACK_CORES, Claim, Scene, Talk, load_talk
from chefline.ui.files.race_files import RaceFiles
from chefline.ui.look.language import Language
from chefline.ui.look.palette import THEME_NAMES
from chefline.ui.look.theme import Look
from chefline.ui.session import RaceSession

FONT_STEP = 1.15
STOP_PATIENCE_S = 30.0
"""Longest a scene change waits for the race it left to stop."""
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


class Stage(Enum):
    """Where the scene on screen is, so that a clicker's one key (→) knows what comes next."""

    OFF = auto()
    """No scene on screen."""
    OPENING = auto()
    """The scene was asked for; its kitchens are opening. → now serves it once they are."""
    READY = auto()
    """Its kitchens are open and nothing has been served yet: → serves."""
    RACING = auto()
    """Its race runs: → goes on to the next scene (the race stops there)."""
    DONE = auto()
    """Its race (or its bad order, or its recording) is over: → goes on."""


@dataclass(frozen=True)
class ClaimCheck:
    """What the race just run says of its scene's caption."""

    scene: Scene
    problems: list[str]
    """Claims the race did not bear out (each in a few words)."""
    untestable: list[Claim]
    """Claims this race could not show: they need more free cores than it had."""
    spare_cores: float
    """Cores the rest of the machine left free while the race ran."""

    def sentence(self, cores: int) -> str | None:
        """One sentence for the room when the caption is not borne out, else None."""
        translate = QCoreApplication.translate
        replay = translate("Presenter", "Shift+P: the race recorded for it.")
        if self.untestable:
            busy = max(cores - self.spare_cores, 0.0)
            return (
                translate(
                    "Presenter",
                    "Other programs used {0:.1f} of {1} cores: this race cannot show "
                    "what needs {2} free cores.",
                ).format(busy, cores, max(c.min_cores for c in self.untestable))
                + " "
                + replay
            )
        if self.problems:
            return translate("Presenter", "Not borne out: {0}.").format(self.problems[0]) + (
                " " + replay
            )
        return None


class Presenter(QObject):
    sig_scene_changed = Signal(int)
    """A scene is on screen (its kitchens are open). Parameter: its index in the talk."""
    sig_scene_loading = Signal(int)
    """A scene was asked for and its kitchens are opening. Parameter: its index. From this
    signal on nothing of the scene before it may be drawn."""
    sig_talk_mode_changed = Signal(bool)
    """The talk began (True: large text, no fields, no boxes) or was left for the full
    developer view (False, Esc)."""
    sig_stage_changed = Signal()
    """What → does next changed (``stage``)."""
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
    sig_serve_requested = Signal()
    """Serve the race plan (the scene's race, as the session's plan holds it)."""
    sig_bad_order_requested = Signal()
    """Send the bad order and show both replies (the scene's action)."""

    def __init__(self, session: RaceSession, files: RaceFiles, look: Look, language: Language,
                 talk: Talk | None = None, parent: QObject | None = None) -> None:  # fmt: skip
        """``files`` replays the scene's recorded race; each scene's race goes into the
        session's race plan (``session.plan_model``); ``look`` and ``language`` are the
        app's (theme and text size, the language of every window)."""
        super().__init__(parent)
        self.session = session
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
        self.active = False
        """In the talk (large text, no boxes) rather than the developer view."""
        self.stage = Stage.OFF
        self._serve_when_open = False
        self.last_check: ClaimCheck | None = None
        """The caption's claims against the last race served in the talk."""
        self._spare: SpareCores | None = None
        self.look = look
        self.language = language
        self._going: asyncio.Future[bool] | None = None
        self._changing = asyncio.Lock()
        session.sig_race_started.connect(self._race_started)
        session.sig_race_finished.connect(self._race_finished)
        session.sig_cleared.connect(self._race_cleared)

    @property
    def scene(self) -> Scene | None:
        return self.talk.scenes[self.index] if self.index >= 0 else None

    # -- the talk, from a clicker ---------------------------------------------------------

    def start_talk(self, index: int = 0) -> None:
        """F5: the talk from scene ``index`` (the first by default)."""
        if self.talk.scenes:
            self.go_soon(min(max(index, 0), len(self.talk.scenes) - 1))

    def leave_talk(self) -> None:
        """Esc: the full developer view (fields, menus, every figure); the race stays."""
        self._set_active(False)

    def forward(self) -> None:
        """→ / PgDn, as slide builds do: the first press on a scene serves its race (once
        its kitchens are open), the next goes on to the next scene."""
        if not self.active:
            self.start_talk(max(self.index, 0))
        elif self.stage is Stage.OPENING and not self._serve_when_open:
            self._serve_when_open = True  # a key pressed while the scene opens is for it
        elif self.stage is Stage.READY:
            self.act()
        elif self.index + 1 < len(self.talk.scenes):
            self.go_soon(self.index + 1)
        else:
            self.sig_error_requested.emit(
                self.tr("The end of the talk. Esc leaves it for the full view.")
            )

    def back(self) -> None:
        """← / PgUp: the scene before (the race on screen stops)."""
        if self.active and self.index > 0:
            self.go_soon(self.index - 1)

    next = forward
    previous = back

    def go_soon(self, index: int) -> asyncio.Future[bool]:
        """Show scene ``index`` (from a key press); the future says whether it opened.

        The change is one step from here: the race on screen stops and is cleared now, the
        new scene's banner shows now, and a key pressed before its kitchens are open acts
        on it, never on the scene the speaker left."""
        self.index = index  # now, not when the coroutine starts: the next press counts from here
        self._serve_when_open = False
        self._set_active(True)
        self._set_stage(Stage.OPENING)
        self.session.clear()  # stops the old race; nothing of it is drawn any more
        self.sig_scene_loading.emit(index)
        self._going = asyncio.ensure_future(self._open(index))
        return self._going

    async def go(self, index: int) -> bool:
        """Show scene ``index`` and return once it is on screen (True) or could not open."""
        return await self.go_soon(index)

    async def _open(self, index: int) -> bool:
        """Stop what is running, open the scene's kitchens off the GUI thread, fill the
        control bar with its race; False (and the session's message) if a kitchen failed.

        Key presses that come faster than kitchens open are taken in turn, and a scene the
        speaker has already left is skipped.
        """
        scene = self.talk.scenes[index]
        session = self.session
        async with self._changing:
            if self.index != index:
                return False
            # The speaker moved on: the old scene's race ends here, however long its customers
            # take to hang up (a hundred model streams): the new scene's kitchens and its
            # race wait for it rather than be refused.
            await session.finish_race(patience=STOP_PATIENCE_S)
            opened = await session.open_kitchens_async(scene.kitchens)
            if self.index != index:
                return opened
            session.plan_model.set_plan(scene_plan(scene))
            self.sig_code_requested.emit(spoken_figures(scene))
            self._set_stage(Stage.READY)
            self.sig_scene_changed.emit(index)
        if not opened:  # the talk goes on with the race recorded for it, badge and all
            self._serve_when_open = False
            if self.play_recording():
                self._set_stage(Stage.DONE)
        elif self._serve_when_open:
            self._serve_when_open = False
            self.act()
        return opened

    def _set_active(self, active: bool) -> None:
        if active != self.active:
            self.active = active
            self.sig_talk_mode_changed.emit(active)

    def _set_stage(self, stage: Stage) -> None:
        if stage is not self.stage:
            self.stage = stage
            self.sig_stage_changed.emit()

    def _race_started(self) -> None:
        if self.stage is Stage.READY and self.session.running:
            self._spare = SpareCores()  # how much of the machine the race gets
            self.last_check = None
            self._set_stage(Stage.RACING)

    def _race_finished(self, result: RaceResult) -> None:
        if self.stage not in (Stage.READY, Stage.RACING):
            return
        self._set_stage(Stage.DONE)
        scene, spare = self.scene, self._spare
        if scene is None or spare is None or result.cancelled:
            return
        kitchens = {claim.kitchen for claim in scene.claims} | {
            claim.than for claim in scene.claims if claim.than
        }
        if not kitchens <= set(result.timelines):
            return
        summaries = {name: t.summary() for name, t in result.timelines.items()}
        costs = {name: t.cost for name, t in result.timelines.items()}
        free = spare.cores()
        self.last_check = ClaimCheck(
            scene,
            scene.problems(summaries, costs, free),
            [claim for claim in scene.claims if free < claim.min_cores - SLACK_CORES],
            free,
        )
        sentence = self.last_check.sentence(os.cpu_count() or 1)
        if sentence is not None:  # never a silent contradiction beside the caption
            self.sig_error_requested.emit(sentence)

    def _race_cleared(self) -> None:
        if self.stage in (Stage.RACING, Stage.DONE) and not self.session.running:
            self._set_stage(Stage.READY)  # R: the scene's race can be served again

    def axis_seconds(self) -> float | None:
        """The time axis of the scene on screen before its race: the longest its theory
        gives at any of its kitchens, or at a scene beside it that serves the same race (its
        caption compares the two: five dishes at one chef, then the same at the juggler)."""
        scene = self.scene
        if scene is None:
            return None
        scenes = self.talk.scenes
        beside = [scenes[i] for i in (self.index - 1, self.index + 1) if 0 <= i < len(scenes)]
        return max(self._longest(s) for s in (scene, *beside) if s.race == scene.race)

    def _longest(self, scene: Scene) -> float:
        return max(self._theory(scene))

    def _theory(self, scene: Scene) -> list[float]:
        plan = scene_plan(scene)
        settings = self.session.settings
        return [plan.expected_makespan(get_mode(name), settings) for name in scene.kitchens]

    def race_seconds(self, scene: Scene) -> float:
        """How long the scene's race takes in theory: its slowest kitchen, or all of them one
        after another when they take turns."""
        times = self._theory(scene)
        return sum(times) if scene.race.in_turn else max(times)

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
        elif self.active and self.stage is Stage.OPENING:
            self._serve_when_open = True  # served once its kitchens are open, not before
        elif self.active and self.stage is Stage.RACING:
            return  # the race runs; → goes on
        elif scene is not None and scene.action == "bad_order":
            self.sig_bad_order_requested.emit()
            if self.active:
                self._set_stage(Stage.DONE)
        else:
            self.sig_serve_requested.emit()

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
