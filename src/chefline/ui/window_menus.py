# ruff: noqa: E501 - the table reads best one command per line
"""The main window's menus, from one table: every command with its keys, in either language.

Each entry names the window attribute it calls ("presenter.next"), so the table reads as the
list of what the app can do; ``retranslate`` re-reads every text after a language switch.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from chefline.kitchen.modes import MODES

if TYPE_CHECKING:
    from chefline.ui.main_window import MainWindow

CONTEXT = "Menus"


@dataclass(frozen=True)
class Command:
    text: str
    call: str
    """The window's attribute to call, dotted ("presenter.next")."""
    keys: tuple[str, ...] = ()
    name: str = ""
    """The action's object name, for tests and for finding it."""
    arguments: tuple[Any, ...] = ()


def T(text: str) -> str:
    return QT_TRANSLATE_NOOP(CONTEXT, text)


MENUS: tuple[tuple[str, tuple[Command, ...]], ...] = (
    (QT_TRANSLATE_NOOP("Menus", "&File"), (
        Command(QT_TRANSLATE_NOOP("Menus", "&Export race…"), "files.choose_export_folder", ("Ctrl+E",), "exportAction"),
        Command(QT_TRANSLATE_NOOP("Menus", "Export this &view as a 1920×1080 PNG…"), "files.choose_view_png", ("Ctrl+Shift+E",), "viewPngAction"),
        Command(QT_TRANSLATE_NOOP("Menus", "Export the replay as an animated &GIF…"), "files.choose_replay_gif", ("Ctrl+G",), "gifAction"),
        Command(QT_TRANSLATE_NOOP("Menus", "Export a &trace for Perfetto…"), "files.choose_trace_file", ("Ctrl+Shift+T",), "traceAction"),
        Command(QT_TRANSLATE_NOOP("Menus", "&Save race for replay…"), "files.choose_save_file", ("Ctrl+S",), "saveRaceAction"),
        Command(QT_TRANSLATE_NOOP("Menus", "&Open a saved race…"), "files.choose_race_file", ("Ctrl+O",), "openRaceAction"),
        Command(QT_TRANSLATE_NOOP("Menus", "&Quit"), "close", ("Ctrl+Q",), "quitAction"),
    )),
    (QT_TRANSLATE_NOOP("Menus", "&Kitchens"), (  # then filled from the modes
        Command(QT_TRANSLATE_NOOP("Menus", "Your &app…"), "your_app.show", ("Ctrl+Shift+A",), "yourAppAction"),
        Command(QT_TRANSLATE_NOOP("Menus", "&Close your app"), "your_app.close", (), "closeYourAppAction"),
    )),
    (QT_TRANSLATE_NOOP("Menus", "&Model"), (
        Command(QT_TRANSLATE_NOOP("Menus", "&100 users ask an LLM"), "load_llm_scene", ("Ctrl+L",), "llmSceneAction"),
        Command(QT_TRANSLATE_NOOP("Menus", "100 users: what each way &costs"), "load_cost_scene", ("Ctrl+Shift+L",),
                "costSceneAction"),
        Command(QT_TRANSLATE_NOOP("Menus", "Language &model…"), "show_model_dialog", ("Ctrl+M",), "modelAction"),
        Command(QT_TRANSLATE_NOOP("Menus", "Send a &bad order to Flask and FastAPI"), "show_bad_order", ("Ctrl+B",),
                "badOrderAction"),
        Command(QT_TRANSLATE_NOOP("Menus", "Open FastAPI's API &docs (/docs)"), "open_docs", ("Ctrl+D",), "docsAction"),
    )),
    (QT_TRANSLATE_NOOP("Menus", "&Talk"), (
        Command(QT_TRANSLATE_NOOP("Menus", "&Next scene"), "presenter.next", ("Right", "PgDown"), "nextSceneAction"),
        Command(QT_TRANSLATE_NOOP("Menus", "&Previous scene"), "presenter.previous", ("Left", "PgUp"),
                "previousSceneAction"),
        Command(QT_TRANSLATE_NOOP("Menus", "&Comparison table"), "presenter.sig_toggle_table.emit", ("C",),
                "tableAction"),
        Command(QT_TRANSLATE_NOOP("Menus", "Speaker &notes"), "presenter.sig_toggle_notes.emit", ("N",), "notesAction"),
        Command(QT_TRANSLATE_NOOP("Menus", "&Theme: light, dark, high contrast"), "presenter.cycle_theme", ("T",),
                "themeAction"),
        Command(QT_TRANSLATE_NOOP("Menus", "&Language: English, 中文"), "presenter.toggle_language", ("L",),
                "languageAction"),
        Command(QT_TRANSLATE_NOOP("Menus", "&Larger text"), "presenter.bigger", ("Ctrl++", "Ctrl+="), "biggerAction"),
        Command(QT_TRANSLATE_NOOP("Menus", "&Smaller text"), "presenter.smaller", ("Ctrl+-",), "smallerAction"),
        Command(QT_TRANSLATE_NOOP("Menus", "S&potlight on the pointer"), "spotlight.toggle", ("S",), "spotlightAction"),
        Command(QT_TRANSLATE_NOOP("Menus", "&Keys of the talk"), "presenter.sig_toggle_help.emit", ("?",),
                "helpAction"),
        Command(QT_TRANSLATE_NOOP("Menus", "&Replay the last race / back to live"), "files.toggle_replay", ("P",),
                "replayAction"),
        Command(QT_TRANSLATE_NOOP("Menus", "Play this scene's &recorded race"), "presenter.play_recording",
                ("Shift+P",), "recordingAction"),
        Command(QT_TRANSLATE_NOOP("Menus", "Replay &slower"), "session.replay.slower", ("[",), "slowerReplayAction"),
        Command(QT_TRANSLATE_NOOP("Menus", "Replay &faster"), "session.replay.faster", ("]",), "fasterReplayAction"),
        Command(QT_TRANSLATE_NOOP("Menus", "Replay: previous &event"), "session.replay.step", (",",),
                "previousEventAction", (-1,)),
        Command(QT_TRANSLATE_NOOP("Menus", "Replay: next e&vent"), "session.replay.step", (".",), "nextEventAction",
                (+1,)),
    )),
    (QT_TRANSLATE_NOOP("Menus", "&View"), (
        Command(QT_TRANSLATE_NOOP("Menus", "&Full screen"), "toggle_full_screen", ("F11",), "fullScreenAction"),
        Command(QT_TRANSLATE_NOOP("Menus", "Fit the &time axis"), "scale.reset", ("0",), "fitAction"),
        Command(QT_TRANSLATE_NOOP("Menus", "Latency &histogram: show or hide"), "histogram.toggle", ("H", "Ctrl+H"), "histogramAction"),
    )),
    (QT_TRANSLATE_NOOP("Menus", "&Help"), (
        Command(QT_TRANSLATE_NOOP("Menus", "&About Chefline"), "show_about", (), "aboutAction"),
    )),
)  # fmt: skip


class WindowMenus(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.actions: dict[str, QAction] = {}
        self.menus: list[tuple[QMenu, str]] = []
        self.kitchen_actions: dict[str, QAction] = {}
        self._texts: list[tuple[QAction, str]] = []
        bar = window.menuBar()
        for title, commands in MENUS:
            menu = bar.addMenu(title)
            self.menus.append((menu, title))
            for command in commands:
                self._add(menu, command)
            if title == MENUS[1][0]:
                self.kitchen_menu = menu
                menu.addSeparator()
                for mode in MODES.values():
                    action = QAction(menu)
                    action.setCheckable(True)
                    action.setObjectName(f"kitchenAction_{mode.name}")
                    menu.addAction(action)
                    self.kitchen_actions[mode.name] = action
            if title == MENUS[2][0]:  # the Faults menu sits between Kitchens and Model
                bar.insertMenu(menu.menuAction(), window.faults_menu)
        self.retranslate()

    def _add(self, menu: QMenu, command: Command) -> None:
        action = QAction(menu)
        action.setObjectName(command.name)
        action.setShortcuts([QKeySequence(key) for key in command.keys])
        target: Callable[..., Any] = operator.attrgetter(command.call)(self.window)
        action.triggered.connect(lambda _=False, f=target, a=command.arguments: f(*a))
        menu.addAction(action)
        self.actions[command.name] = action
        self._texts.append((action, command.text))

    def retranslate(self) -> None:
        for menu, title in self.menus:
            menu.setTitle(QCoreApplication.translate(CONTEXT, title))
        for action, text in self._texts:
            action.setText(QCoreApplication.translate(CONTEXT, text))
        for name, action in self.kitchen_actions.items():
            mode = MODES[name]
            action.setText(f"{mode.name} — {mode.route}")
            action.setToolTip(QCoreApplication.translate("Modes", mode.summary))
