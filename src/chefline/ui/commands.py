# ruff: noqa: E501 - the table reads best one command per line
"""Every command of the window, once: its text, its keys, its handler and its help line.

The menus (``WindowMenus``), the keys that are no menu entry (``TalkKeys``) and the help over
the window (``HelpOverlay``) are all built from ``command_table``; nothing else lists them.
Texts are marked here and translated where they are shown: menu texts in the "Menus"
context, help lines in the "Keys" context.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Protocol

from chefline.texts import QT_TRANSLATE_NOOP  # typed str (PySide's stub says object)
from chefline.ui.dialogs.your_app_dialog import YourAppOpener
from chefline.ui.files.race_files import RaceFiles
from chefline.ui.files.replay_player import ReplayPlayer
from chefline.ui.race.latency_histogram import LatencyHistogram
from chefline.ui.race.time_scale import TimeScale
from chefline.ui.sweep.capacity_window import CapacityWindow
from chefline.ui.talk.clicker import Clicker
from chefline.ui.talk.presenter import Presenter
from chefline.ui.talk.spotlight import Spotlight

MENUS_CONTEXT = "Menus"
KEYS_CONTEXT = "Keys"


@dataclass(frozen=True)
class HelpLine:
    """One row of the help: the keys as the room reads them, and what they do."""

    keys: str
    text: str
    """Marked in the "Keys" context."""


@dataclass(frozen=True)
class Command:
    name: str
    """The object name of its action or shortcut, for tests and for finding it."""
    text: str
    """What the menu says, marked in the "Menus" context; empty for a key with no menu entry."""
    keys: tuple[str, ...]
    """Its key sequences (QKeySequence strings); the first is the one a menu shows."""
    handler: Callable[[], object]
    menu: str | None
    """The title of the menu that lists it (one of ``MENU_TITLES``); None for a key only."""
    help: HelpLine | None = None
    """Its row in the help over the window; commands that share a row share the object."""


FILE = QT_TRANSLATE_NOOP("Menus", "&File")
KITCHENS = QT_TRANSLATE_NOOP("Menus", "&Kitchens")
MODEL = QT_TRANSLATE_NOOP("Menus", "&Model")
TALK = QT_TRANSLATE_NOOP("Menus", "&Talk")
VIEW = QT_TRANSLATE_NOOP("Menus", "&View")
HELP = QT_TRANSLATE_NOOP("Menus", "&Help")
MENU_TITLES = (FILE, KITCHENS, MODEL, TALK, VIEW, HELP)
"""The menu bar from left to right (the Faults menu goes in before Model)."""

NEXT = HelpLine(
    "→  PgDn",
    QT_TRANSLATE_NOOP("Keys", "the talk's next step: serve the scene, then the next scene"),
)
PREVIOUS = HelpLine("←  PgUp", QT_TRANSLATE_NOOP("Keys", "previous scene"))
SERVE = HelpLine(
    "Space", QT_TRANSLATE_NOOP("Keys", "serve the orders (scene 8: send the bad order)")
)
BLANK = HelpLine("B  .", QT_TRANSLATE_NOOP("Keys", "blank the screen (again to come back)"))
START = HelpLine(
    "F5  Shift+F5", QT_TRANSLATE_NOOP("Keys", "start the talk; go on from the last scene")
)
LEAVE = HelpLine(
    "Esc", QT_TRANSLATE_NOOP("Keys", "close what covers the talk, else leave it for the full view")
)
"""Not a command: ``TalkKeys`` hands Esc to the clicker (a field keeps it first)."""
RESET = HelpLine("R", QT_TRANSLATE_NOOP("Keys", "reset"))
FULL_SCREEN = HelpLine("F  F11", QT_TRANSLATE_NOOP("Keys", "full screen"))
TEXT_SIZE = HelpLine("Ctrl +  Ctrl −", QT_TRANSLATE_NOOP("Keys", "larger or smaller text"))
NOTES = HelpLine(
    "N", QT_TRANSLATE_NOOP("Keys", "speaker notes (on the second screen if there is one)")
)
THEME = HelpLine("T", QT_TRANSLATE_NOOP("Keys", "theme: light, dark, high contrast"))
LANGUAGE = HelpLine("L", QT_TRANSLATE_NOOP("Keys", "language: English, 中文"))
TABLE = HelpLine(
    "C", QT_TRANSLATE_NOOP("Keys", "the comparison table, each row linked to its scene")
)
HISTOGRAM = HelpLine(
    "H", QT_TRANSLATE_NOOP("Keys", "latency histogram: how long each kitchen's customers took")
)
REPLAY = HelpLine("P", QT_TRANSLATE_NOOP("Keys", "replay the last race (again: live view)"))
RECORDING = HelpLine(
    "Shift+P", QT_TRANSLATE_NOOP("Keys", "this scene's recorded race (no live kitchen)")
)
DOCS = HelpLine("Ctrl+D", QT_TRANSLATE_NOOP("Keys", "FastAPI's API docs (/docs) in the browser"))
SPOTLIGHT = HelpLine("S", QT_TRANSLATE_NOOP("Keys", "spotlight: dim all but the pointer's circle"))
REPLAY_SPEED = HelpLine("[  ]", QT_TRANSLATE_NOOP("Keys", "replay slower or faster (0.1× to 4×)"))
REPLAY_STEP = HelpLine("<  >", QT_TRANSLATE_NOOP("Keys", "replay: previous or next event"))
THIS_HELP = HelpLine("?", QT_TRANSLATE_NOOP("Keys", "this help; Esc closes it"))
HELP_ORDER = (NEXT, PREVIOUS, SERVE, BLANK, START, LEAVE, RESET, FULL_SCREEN, TEXT_SIZE, NOTES,
              THEME, LANGUAGE, TABLE, HISTOGRAM, REPLAY, RECORDING, DOCS, SPOTLIGHT,
              REPLAY_SPEED, REPLAY_STEP, THIS_HELP)  # fmt: skip
"""The help's rows from top to bottom: the talk's keys first, the rarer ones below."""
NOT_COMMANDS = (LEAVE,)
"""Help rows for keys that are handled where they are typed, not by a command."""


class WindowActions(Protocol):
    """What the window itself does for the table's commands."""

    def close(self) -> bool: ...
    def reset(self) -> None: ...
    def toggle_full_screen(self) -> None: ...
    def load_llm_scene(self) -> None: ...
    def load_cost_scene(self) -> None: ...
    def show_model_dialog(self) -> object: ...
    def show_bad_order(self) -> object: ...
    def open_docs(self) -> None: ...
    def show_about(self) -> object: ...


def command_table(window: WindowActions, presenter: Presenter, clicker: Clicker, files: RaceFiles,
                  your_app: YourAppOpener, replay: ReplayPlayer, spotlight: Spotlight,
                  scale: TimeScale, histogram: LatencyHistogram) -> tuple[Command, ...]:  # fmt: skip
    """Every command, with its handler on the part of the window that does it."""
    return (
        Command("exportAction", QT_TRANSLATE_NOOP("Menus", "&Export race…"), ("Ctrl+E",), files.choose_export_folder, FILE),
        Command("viewPngAction", QT_TRANSLATE_NOOP("Menus", "Export this &view as a 1920×1080 PNG…"), ("Ctrl+Shift+E",), files.choose_view_png, FILE),
        Command("gifAction", QT_TRANSLATE_NOOP("Menus", "Export the replay as an animated &GIF…"), ("Ctrl+G",), files.choose_replay_gif, FILE),
        Command("traceAction", QT_TRANSLATE_NOOP("Menus", "Export a &trace for Perfetto…"), ("Ctrl+Shift+T",), files.choose_trace_file, FILE),
        Command("saveRaceAction", QT_TRANSLATE_NOOP("Menus", "&Save race for replay…"), ("Ctrl+S",), files.choose_save_file, FILE),
        Command("openRaceAction", QT_TRANSLATE_NOOP("Menus", "&Open a saved race…"), ("Ctrl+O",), files.choose_race_file, FILE),
        Command("quitAction", QT_TRANSLATE_NOOP("Menus", "&Quit"), ("Ctrl+Q",), window.close, FILE),
        Command("yourAppAction", QT_TRANSLATE_NOOP("Menus", "Your &app…"), ("Ctrl+Shift+A",), your_app.show, KITCHENS),
        Command("closeYourAppAction", QT_TRANSLATE_NOOP("Menus", "&Close your app"), (), your_app.close, KITCHENS),
        Command("llmSceneAction", QT_TRANSLATE_NOOP("Menus", "&100 users ask an LLM"), ("Ctrl+L",), window.load_llm_scene, MODEL),
        Command("costSceneAction", QT_TRANSLATE_NOOP("Menus", "100 users: what each way &costs"), ("Ctrl+Shift+L",), window.load_cost_scene, MODEL),
        Command("modelAction", QT_TRANSLATE_NOOP("Menus", "Language &model…"), ("Ctrl+M",), window.show_model_dialog, MODEL),
        Command("badOrderAction", QT_TRANSLATE_NOOP("Menus", "Send a &bad order to Flask and FastAPI"), ("Ctrl+B",), window.show_bad_order, MODEL),
        Command("docsAction", QT_TRANSLATE_NOOP("Menus", "Open FastAPI's API &docs (/docs)"), ("Ctrl+D",), window.open_docs, MODEL, DOCS),
        Command("startTalkAction", QT_TRANSLATE_NOOP("Menus", "&Start the talk"), ("F5",), clicker.start, TALK, START),
        Command("resumeTalkAction", QT_TRANSLATE_NOOP("Menus", "Go on with the talk"), ("Shift+F5",), clicker.resume, TALK, START),
        Command("nextSceneAction", QT_TRANSLATE_NOOP("Menus", "&Next step: serve, then next scene"), ("Right", "PgDown"), clicker.forward, TALK, NEXT),
        Command("previousSceneAction", QT_TRANSLATE_NOOP("Menus", "&Previous scene"), ("Left", "PgUp"), clicker.back, TALK, PREVIOUS),
        Command("blankAction", QT_TRANSLATE_NOOP("Menus", "&Blank the screen"), ("B", "."), clicker.blank, TALK, BLANK),
        Command("tableAction", QT_TRANSLATE_NOOP("Menus", "&Comparison table"), ("C",), presenter.sig_toggle_table.emit, TALK, TABLE),
        Command("notesAction", QT_TRANSLATE_NOOP("Menus", "Speaker &notes"), ("N",), presenter.sig_toggle_notes.emit, TALK, NOTES),
        Command("themeAction", QT_TRANSLATE_NOOP("Menus", "&Theme: light, dark, high contrast"), ("T",), presenter.cycle_theme, TALK, THEME),
        Command("languageAction", QT_TRANSLATE_NOOP("Menus", "&Language: English, 中文"), ("L",), presenter.toggle_language, TALK, LANGUAGE),
        Command("biggerAction", QT_TRANSLATE_NOOP("Menus", "&Larger text"), ("Ctrl++", "Ctrl+="), presenter.bigger, TALK, TEXT_SIZE),
        Command("smallerAction", QT_TRANSLATE_NOOP("Menus", "&Smaller text"), ("Ctrl+-",), presenter.smaller, TALK, TEXT_SIZE),
        Command("spotlightAction", QT_TRANSLATE_NOOP("Menus", "S&potlight on the pointer"), ("S",), spotlight.toggle, TALK, SPOTLIGHT),
        Command("helpAction", QT_TRANSLATE_NOOP("Menus", "&Keys of the talk"), ("?",), presenter.sig_toggle_help.emit, TALK, THIS_HELP),
        Command("replayAction", QT_TRANSLATE_NOOP("Menus", "&Replay the last race / back to live"), ("P",), files.toggle_replay, TALK, REPLAY),
        Command("recordingAction", QT_TRANSLATE_NOOP("Menus", "Play this scene's &recorded race"), ("Shift+P",), presenter.play_recording, TALK, RECORDING),
        Command("slowerReplayAction", QT_TRANSLATE_NOOP("Menus", "Replay &slower"), ("[",), replay.slower, TALK, REPLAY_SPEED),
        Command("fasterReplayAction", QT_TRANSLATE_NOOP("Menus", "Replay &faster"), ("]",), replay.faster, TALK, REPLAY_SPEED),
        Command("previousEventAction", QT_TRANSLATE_NOOP("Menus", "Replay: previous &event"), ("<",), lambda: replay.step(-1), TALK, REPLAY_STEP),
        Command("nextEventAction", QT_TRANSLATE_NOOP("Menus", "Replay: next e&vent"), (">",), lambda: replay.step(+1), TALK, REPLAY_STEP),
        Command("fullScreenAction", QT_TRANSLATE_NOOP("Menus", "&Full screen"), ("F11",), window.toggle_full_screen, VIEW, FULL_SCREEN),
        Command("fitAction", QT_TRANSLATE_NOOP("Menus", "Fit the &time axis"), ("0",), scale.reset, VIEW),
        Command("capacityAction", QT_TRANSLATE_NOOP("Menus", "&Capacity curve: each kitchen at rising loads…"), ("Ctrl+K",), lambda: CapacityWindow.show_for(window), VIEW),
        Command("histogramAction", QT_TRANSLATE_NOOP("Menus", "Latency &histogram: show or hide"), ("H", "Ctrl+H"), histogram.toggle, VIEW, HISTOGRAM),
        Command("aboutAction", QT_TRANSLATE_NOOP("Menus", "&About Chefline"), (), window.show_about, HELP),
        # Keys with no menu entry: the talk's most used, pressed more than read.
        Command("serveKey", "", ("Space",), clicker.act, None, SERVE),
        Command("resetKey", "", ("R",), window.reset, None, RESET),
        Command("fullScreenKey", "", ("F",), window.toggle_full_screen, None, FULL_SCREEN),
    )  # fmt: skip


def help_lines(commands: Iterable[Command]) -> list[HelpLine]:
    """The help's rows: each row some command carries, and the keys that are no command."""
    shown = {command.help for command in commands} | set(NOT_COMMANDS)
    return [line for line in HELP_ORDER if line in shown]
