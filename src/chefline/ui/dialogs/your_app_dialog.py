"""Kitchens → Your app…: your own Flask or FastAPI app as a kitchen in the window, beside the
built-in ones. The dialog offers the app's own routes; what you chose is remembered between
launches; after each race the status line says who held the chef."""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from chefline.client.race import RaceResult
from chefline.kitchen.errors import YourAppError
from chefline.kitchen.your_app import LoopBlock, ServerKind, YourAppMode, blocked_seconds
from chefline.servers.your_app.app_loading import load_app
from chefline.servers.your_app.app_routes import route_source, routes_of
from chefline.servers.your_app.your_kitchen import (
    METHODS,
    YourKitchen,
    YourOrder,
    start_your_kitchen,
)
from chefline.ui.off_thread import off_gui_thread

if TYPE_CHECKING:
    from chefline.ui.session import RaceSession

SETTINGS_GROUP = "yourApp"
FIELDS = ("target", "server", "path", "method", "body")


@dataclass(frozen=True)
class YourAppChoice:
    target: str = ""
    server: str = ""
    """"": the app's own default (uvicorn for ASGI, werkzeug-threaded for WSGI)."""
    path: str = "/"
    method: str = "GET"
    body: str = ""

    def order(self) -> YourOrder:
        return YourOrder.parse(self.path, self.method, self.body or None)


def app_settings() -> QSettings:
    return QSettings("Chefline", "Chefline")


def remembered(settings: QSettings) -> YourAppChoice:
    settings.beginGroup(SETTINGS_GROUP)
    values = {name: str(settings.value(name, "") or "") for name in FIELDS}
    settings.endGroup()
    defaults = YourAppChoice()
    return YourAppChoice(**{name: values[name] or getattr(defaults, name) for name in FIELDS})


def remember(settings: QSettings, choice: YourAppChoice) -> None:
    settings.beginGroup(SETTINGS_GROUP)
    for name in FIELDS:
        settings.setValue(name, getattr(choice, name))
    settings.endGroup()
    settings.sync()


class YourAppDialog(QDialog):
    def __init__(self, choice: YourAppChoice, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("yourAppDialog")
        self.setWindowTitle(self.tr("Your app"))
        self.target = QLineEdit(choice.target)
        self.target.setObjectName("yourAppTarget")
        self.target.setPlaceholderText("path/to/app.py:app  ·  package.module:app")
        self.target.editingFinished.connect(self.load_routes)
        browse = QToolButton()
        browse.setText("…")
        browse.setObjectName("yourAppBrowse")
        browse.clicked.connect(self._browse)
        target_row = QHBoxLayout()
        target_row.addWidget(self.target, 1)
        target_row.addWidget(browse)
        self.server = QComboBox()
        self.server.setObjectName("yourAppServer")
        self.server.addItem(self.tr("the app's default"), "")
        for kind in ServerKind:
            self.server.addItem(kind.value, kind.value)
        self.server.setCurrentIndex(max(0, self.server.findData(choice.server)))
        self.route = QComboBox()
        self.route.setObjectName("yourAppRoute")
        self.route.setEditable(True)
        self.route.setEditText(choice.path)
        self.route.activated.connect(self._route_picked)
        self.method = QComboBox()
        self.method.setObjectName("yourAppMethod")
        self.method.addItems(list(METHODS))
        self.method.setCurrentText(choice.method)
        self.body = QLineEdit(choice.body)
        self.body.setObjectName("yourAppBody")
        self.body.setPlaceholderText('{"dish": "soup"}')
        self.note = QLabel()
        self.note.setObjectName("yourAppNote")
        self.note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("App (file or import string)"), target_row)
        form.addRow(self.tr("Server"), self.server)
        form.addRow(self.tr("Route"), self.route)
        form.addRow(self.tr("Method"), self.method)
        form.addRow(self.tr("JSON body"), self.body)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)
        if choice.target:
            self.load_routes()

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Your app"), "", "Python (*.py)")
        if path:
            self.target.setText(f"{path}:app")
            self.load_routes()

    def load_routes(self) -> None:
        """Offer the app's own routes (importing it here: the dialog waits, not the race)."""
        keep = self.route.currentText()
        self.route.clear()
        self.note.clear()
        try:
            routes = routes_of(load_app(self.target.text().strip()).app)
        except YourAppError as error:
            self.note.setText(str(error))
            routes = []
        for method, path in routes:
            self.route.addItem(f"{method} {path}", (method, path))
        self.route.setEditText(keep)

    def _route_picked(self, index: int) -> None:
        method, path = self.route.itemData(index)
        self.method.setCurrentText(method)
        self.route.setEditText(path)

    def choice(self) -> YourAppChoice:
        path = self.route.currentText().strip()
        method = self.method.currentText()
        first, _, rest = path.partition(" ")
        if first in METHODS and rest:  # "GET /wait" typed or left as offered
            method, path = first, rest.strip()
        return YourAppChoice(self.target.text().strip(), str(self.server.currentData() or ""),
                             path or "/", method, self.body.text().strip())  # fmt: skip


class YourAppOpener(QObject):
    """Opens the dialog, starts your app off the GUI thread and puts it on the pass."""

    sig_said = Signal(str)
    """A sentence for the status line: what the watchdog found in the last race."""
    sig_code = Signal(str, str)
    """Your app's kitchen and its route's source, the lines that blocked the loop marked."""

    def __init__(self, session: RaceSession, settings: QSettings | None = None,
                 parent: QObject | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.session = session
        self.settings = settings if settings is not None else app_settings()
        session.sig_race_finished.connect(self._tell_blocks)

    def show(self) -> YourAppDialog:
        """The dialog, with the app that races now (or the one chosen last)."""
        window = self.parent()
        choice = self.open_now() or remembered(self.settings)
        dialog = YourAppDialog(choice, window if isinstance(window, QWidget) else None)
        dialog.accepted.connect(lambda: self._open_soon(dialog.choice()))
        dialog.open()
        return dialog

    def close(self) -> None:
        """Take your app off the pass (its choice stays remembered for the dialog)."""
        self.session.put_your_app(None)

    def open_now(self) -> YourAppChoice | None:
        for kitchen in self.session.kitchens:
            if isinstance(kitchen, YourKitchen) and kitchen.loaded is not None:
                order, mode = kitchen.order, kitchen.mode
                body = "" if order.body is None else json.dumps(order.body)
                server = mode.server.value if isinstance(mode, YourAppMode) else ""
                return YourAppChoice(kitchen.loaded.target, server, order.path, order.method, body)
        return None

    def _open_soon(self, choice: YourAppChoice) -> None:
        self._opening = asyncio.ensure_future(self.open(choice))

    async def open(self, choice: YourAppChoice) -> bool:
        """Start ``choice`` and race it beside the open kitchens; False (and one sentence
        in a dialog) when it cannot."""
        remember(self.settings, choice)
        try:
            order = choice.order()
            kitchen = await off_gui_thread(
                lambda: start_your_kitchen(choice.target, choice.server or None, order)
            )
        except YourAppError as error:
            self.session.sig_error.emit(str(error))
            return False
        return self.session.put_your_app(kitchen)

    def _tell_blocks(self, result: RaceResult) -> None:
        if result.cancelled:  # stopped (or the window closing): nothing to tell
            return
        # After the window's own word on the race (its slot may run after this one); tied
        # to this object, so that a window gone meanwhile takes the call with it.
        QTimer.singleShot(0, self, lambda: self._say_blocks(result))

    def _say_blocks(self, result: RaceResult) -> None:
        for kitchen in self.session.kitchens:
            if not isinstance(kitchen, YourKitchen) or kitchen.watchdog is None:
                continue
            timeline = result.timelines.get(kitchen.name)
            blocks = kitchen.watchdog.in_race(result.race_id)
            if timeline is None or timeline.start is None or timeline.end is None:
                continue
            if not blocks:
                self.sig_said.emit(self.tr("{0}: the event loop never stood still.").format(
                    kitchen.name))  # fmt: skip
                continue
            self.sig_code.emit(kitchen.name, self.code_of(kitchen.name, blocks) or "")
            held = blocked_seconds(blocks, timeline.start, timeline.end)
            worst = max(blocks, key=lambda block: block.seconds)
            text = self.tr("{0}: the chef was stuck at the pot {1:.2f} s of {2:.2f} s, in {3} "
                           "blocks; e.g. {4}")  # fmt: skip
            self.sig_said.emit(text.format(kitchen.name, held, timeline.end - timeline.start,
                                           len(blocks), self.describe(worst)))  # fmt: skip

    def code_of(self, name: str, blocks: list[LoopBlock] | None = None) -> str | None:
        """The route your app's kitchen ``name`` serves, each line that blocked marked."""
        kitchen = next((k for k in self.session.kitchens if k.name == name), None)
        if not isinstance(kitchen, YourKitchen) or kitchen.loaded is None:
            return None
        marked: dict[tuple[str, int], str] = {}
        for block in blocks or []:
            held = sum(
                b.seconds for b in blocks or [] if (b.file, b.line) == (block.file, block.line)
            )
            marked[(block.file, block.line)] = self.tr("held the chef {0:.2f} s").format(held)
        order = kitchen.order
        return route_source(kitchen.loaded.app, order.method, order.path, marked)

    def describe(self, block: LoopBlock) -> str:
        order = "?" if block.order is None else str(block.order + 1)
        text = self.tr("order {0} held the chef for {1:.2f} s at {2} in `{3}` ({4})")
        return text.format(order, block.seconds, block.where, block.function, block.code)
