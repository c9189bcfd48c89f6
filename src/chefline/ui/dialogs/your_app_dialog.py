"""Kitchens → Your app…: your own app as a kitchen in the window, beside the built-in ones, on
its own Python. The dialog offers the app's own routes (read by the app's own interpreter, off
the GUI thread); what you chose is remembered between launches; after each race the status
line says the race's verdict, as the command line does."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
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
from chefline.engine import (
    start_your_app,
    your_app_code,
    your_app_routes,
    your_app_spec,
)
from chefline.kitchen.app_verdict import AppVerdict
from chefline.kitchen.errors import YourAppError
from chefline.kitchen.your_app import METHODS, ServerKind, YourAppSpec, YourOrder
from chefline.ui.off_thread import off_gui_thread

if TYPE_CHECKING:
    from chefline.ui.session import RaceSession

SETTINGS_GROUP = "yourApp"
FIELDS = ("target", "server", "python", "path", "method", "body")
log = logging.getLogger("chefline.your_app")
log.setLevel(logging.INFO)  # your app's output, marked as its own, in the window's log file


@dataclass(frozen=True)
class YourAppChoice:
    target: str = ""
    server: str = ""
    """"": the app's own default (uvicorn for ASGI, werkzeug-threaded for WSGI)."""
    python: str = ""
    """"": found (the active VIRTUAL_ENV, a .venv beside the app or here, else Chefline's)."""
    path: str = "/"
    method: str = "GET"
    body: str = ""

    def spec(self) -> YourAppSpec:
        order = YourOrder.parse(self.path, self.method, self.body or None)
        return YourAppSpec(self.target, self.server or None, self.python or None, order)

    @classmethod
    def of(cls, spec: YourAppSpec, server: str) -> YourAppChoice:
        order = spec.order
        return cls(spec.target, server, spec.python or "", order.path, order.method,
                   order.body_text())  # fmt: skip


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
    sig_routes_read = Signal()
    """The app's routes were read (or why not is in the note)."""

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
        self.python = QLineEdit(choice.python)
        self.python.setObjectName("yourAppPython")
        self.python.setPlaceholderText(self.tr("found: VIRTUAL_ENV, a .venv beside the app, …"))
        self.python.editingFinished.connect(self.load_routes)
        self.server = QComboBox()
        self.server.setObjectName("yourAppServer")
        self.server.addItem(self.tr("the app's default"), "")
        for kind in ServerKind:
            self.server.addItem(kind.value, kind.value)
        self.server.setCurrentIndex(max(0, self.server.findData(choice.server)))
        self.route = QComboBox()
        self.route.setObjectName("yourAppRoute")
        self.route.setEditable(True)
        # A path typed in stays a path (Return would add it to the app's own routes).
        self.route.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
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
        form.addRow(self.tr("Python"), self.python)
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
        self.setMinimumWidth(620)
        self._reading: asyncio.Task[None] | None = None
        self._read_for: tuple[str, str] | None = None
        if choice.target:
            self.load_routes()

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Your app"), "", "Python (*.py)")
        if path:
            self.target.setText(f"{path}:app")
            self.load_routes()

    def load_routes(self) -> None:
        """Offer the app's routes, read by its own Python off the GUI thread: the dialog
        stays alive while a big app imports."""
        wanted = (self.target.text().strip(), self.python.text().strip())
        if not wanted[0] or wanted == self._read_for:
            return
        self._read_for = wanted
        self.note.setText(self.tr("Reading your app's routes with its own Python…"))
        if self._reading is not None:
            self._reading.cancel()
        self._reading = asyncio.ensure_future(self._read(*wanted))

    async def _read(self, target: str, python: str) -> None:
        try:
            found = await off_gui_thread(lambda: your_app_routes(target, python or None))
        except YourAppError as error:
            if (target, python) == self._read_for:
                self.note.setText(str(error))
                self._read_for = None  # a fixed file may be read again
                self.sig_routes_read.emit()
            return
        if (target, python) != self._read_for:
            return  # the fields changed meanwhile
        keep = self.route.currentText()
        self.route.clear()
        for route in found.routes:
            self.route.addItem(f"{route.method} {route.path}", (route.method, route.path))
        self.route.setEditText(keep)
        self.note.setText(self.tr("Runs on {0}").format(found.python.describe()))
        self.sig_routes_read.emit()

    def _route_picked(self, index: int) -> None:
        picked = self.route.itemData(index)
        if picked is None:  # a path typed in, not one of the app's routes: kept as typed
            return
        method, path = picked
        self.method.setCurrentText(method)
        self.route.setEditText(path)

    def choice(self) -> YourAppChoice:
        path = self.route.currentText().strip()
        method = self.method.currentText()
        first, _, rest = path.partition(" ")
        if first in METHODS and rest:  # "GET /wait" typed or left as offered
            method, path = first, rest.strip()
        return YourAppChoice(self.target.text().strip(), str(self.server.currentData() or ""),
                             self.python.text().strip(), path or "/", method,
                             self.body.text().strip())  # fmt: skip


class YourAppOpener(QObject):
    """Opens the dialog, starts your app off the GUI thread and puts it on the pass."""

    sig_said = Signal(str)
    """A sentence for the status line: the race's verdict on your app."""
    sig_code = Signal(str, str)
    """Your app's kitchen and its route's source, the lines that held the chef marked."""

    def __init__(self, session: RaceSession, settings: QSettings | None = None,
                 parent: QObject | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.session = session
        self.settings = settings if settings is not None else app_settings()
        self.verdicts: dict[str, AppVerdict] = {}
        """The last race's verdict on each of your app's kitchens."""
        session.sig_race_finished.connect(self._tell_verdicts)

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
            spec = your_app_spec(kitchen)
            if spec is not None:
                return YourAppChoice.of(spec, getattr(kitchen.mode, "server", ""))
        return None

    def _open_soon(self, choice: YourAppChoice) -> None:
        self._opening = asyncio.ensure_future(self.open(choice))

    async def open(self, choice: YourAppChoice) -> bool:
        """Start ``choice`` and race it beside the open kitchens; False (and one sentence
        in a dialog) when it cannot."""
        remember(self.settings, choice)
        try:
            spec = choice.spec()
            settings = self.session.settings
            said = _logged(spec.label)
            kitchen = await off_gui_thread(lambda: start_your_app(spec, settings, on_output=said))
        except YourAppError as error:
            self.session.sig_error.emit(str(error))
            return False
        self.verdicts.clear()
        return self.session.put_your_app(kitchen)

    def _tell_verdicts(self, result: RaceResult) -> None:
        if result.cancelled:  # stopped (or the window closing): nothing to tell
            return
        # After the window's own word on the race (its slot may run after this one); tied
        # to this object, so that a window gone meanwhile takes the call with it.
        QTimer.singleShot(0, self, lambda: self._say(result))

    def _say(self, result: RaceResult) -> None:
        for name, verdict in result.verdicts.items():
            self.verdicts[name] = verdict
            if verdict.blocks:
                self.sig_code.emit(name, self.code_of(name) or "")
            sentence = verdict.sentence()
            if sentence:
                self.sig_said.emit(sentence)

    def code_of(self, name: str) -> str | None:
        """The route your app's kitchen ``name`` serves, each line that held its chef in
        the last race marked."""
        kitchen = next((k for k in self.session.kitchens if k.name == name), None)
        return None if kitchen is None else your_app_code(kitchen, self.verdicts.get(name))


def _logged(label: str) -> Callable[[str], None]:
    """Your app's output goes to the window's log, marked as its own."""

    def say(line: str) -> None:
        log.info("[%s] %s", label, line)

    return say
