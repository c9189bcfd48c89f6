"""The main window: controls on top, one panel per kitchen side by side, state below."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from chefline.client.plan import RacePlan
from chefline.client.race import RaceResult
from chefline.engine import kitchen_code
from chefline.kitchen.arrivals import Arrivals
from chefline.kitchen.llm import ChatOrder
from chefline.kitchen.modes import MODES
from chefline.ui.api_docs import ApiDocs
from chefline.ui.commands import command_table, help_lines
from chefline.ui.control_bar import ControlBar
from chefline.ui.dialogs.about import show_about
from chefline.ui.dialogs.error_boxes import ErrorBoxes
from chefline.ui.dialogs.faults_menu import FaultsMenu
from chefline.ui.dialogs.model_dialog import ModelDialog
from chefline.ui.dialogs.your_app_dialog import YourAppOpener
from chefline.ui.files.race_files import RaceFiles
from chefline.ui.files.replay_bar import ReplayBar
from chefline.ui.logs import log_file
from chefline.ui.look.language import Language
from chefline.ui.look.retranslating import Retranslating
from chefline.ui.look.screen_fit import ScreenFit
from chefline.ui.look.theme import Look
from chefline.ui.race import kitchen_clock
from chefline.ui.race.kitchen_panel import KitchenPanel
from chefline.ui.race.kitchens_area import KitchensArea
from chefline.ui.race.latency_histogram import LatencyHistogram
from chefline.ui.race.legend import Legend
from chefline.ui.race.time_scale import TimeScale
from chefline.ui.session import RaceSession
from chefline.ui.status_line import StatusLine
from chefline.ui.talk.bad_order_view import BadOrderView
from chefline.ui.talk.blank_screen import BlankScreen
from chefline.ui.talk.clicker import Clicker
from chefline.ui.talk.comparison_view import ComparisonView
from chefline.ui.talk.help_overlay import HelpOverlay
from chefline.ui.talk.presenter import Presenter
from chefline.ui.talk.scene_banner import SceneBanner
from chefline.ui.talk.speaker_notes import SpeakerNotes
from chefline.ui.talk.spotlight import Spotlight
from chefline.ui.talk.talk_keys import TalkKeys
from chefline.ui.talk.talk_mode import TalkMode
from chefline.ui.window_menus import WindowMenus

LLM_SCENE = ["flask-one-chef", "flask-pool", "flask-threaded", "fastapi-async"]
"""The kitchens of "100 users ask an LLM": one chef, a brigade of k, a thread each, async."""
COST_SCENE = ["flask-threaded", "flask-processes", "flask-gevent", "fastapi-async"]
"""The four ways to keep 100 users waiting on a model at once, and what each holds for it."""


class MainWindow(Retranslating, QMainWindow):
    def __init__(self, session: RaceSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.scale = TimeScale(self)
        self.last_error: str | None = None
        self.error_boxes = ErrorBoxes()
        self._closing = False
        self._shutdown: asyncio.Future[None] | None = None

        self.controls = ControlBar(session.plan_model)
        self.legend = Legend()
        self.kitchens_area = KitchensArea(session, self.scale)
        central = QWidget()
        central.setObjectName("central")
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.histogram = LatencyHistogram(session, self.kitchens_area)  # a drawer, H shows it
        self.files = RaceFiles(session, self, self.kitchens_area, self.histogram)
        self.files.sig_error_requested.connect(self.show_error)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self.presenter = Presenter(session, self.files, Look(app), Language(app, self), parent=self)
        self.presenter.sig_serve_requested.connect(self.serve)
        self.presenter.sig_error_requested.connect(self.show_error)
        self.presenter.sig_code_requested.connect(self._show_scene_code)
        self.presenter.sig_bad_order_requested.connect(self.show_bad_order)
        self.presenter.sig_scene_loading.connect(self.kitchens_area.show_opening)
        self.presenter.sig_scene_changed.connect(self._on_scene_shown)
        self.presenter.sig_talk_mode_changed.connect(self._on_talk_mode)
        self.banner = SceneBanner(self.presenter)
        layout.addWidget(self.banner)
        layout.addWidget(self.controls)
        self.replay_bar = ReplayBar(session.replay)
        layout.addWidget(self.replay_bar)
        session.replay.sig_changed.connect(self._replay_changed)
        layout.addWidget(self.legend)
        layout.addWidget(self.kitchens_area, 1)
        self.setCentralWidget(central)
        self.notes = SpeakerNotes(self.presenter, self)
        self.comparison = ComparisonView(self.presenter, central)
        self.bad_order = BadOrderView(session, central)
        self.blank = BlankScreen(central)
        self.spotlight = Spotlight(central)
        self._code_visible = False
        self.spoken: tuple[str, ...] = ()
        """The figures the scene's caption speaks of, shown large in the talk."""
        # Code colours come from the theme when the text is highlighted: highlight again.
        self.presenter.sig_look_changed.connect(lambda: self.set_code_visible(self._code_visible))
        self.presenter.sig_look_changed.connect(self.kitchens_area.fit_columns)  # larger text
        self.state_label = StatusLine(session)
        self.statusBar().addWidget(self.state_label, 1)
        self.files.sig_status_requested.connect(self.state_label.setText)
        self.docs = ApiDocs(session, self)
        self.docs.sig_error_requested.connect(self.show_error)
        self.docs.sig_status_requested.connect(self.state_label.setText)

        self.your_app = YourAppOpener(session, parent=self)
        self.your_app.sig_said.connect(self.state_label.setText)
        self.your_app.sig_code.connect(self._show_your_code)
        self.help_overlay = HelpOverlay(central)
        self.presenter.sig_toggle_help.connect(self.help_overlay.toggle)
        self.clicker = Clicker(self.presenter, (self.help_overlay, self.comparison,
                                                self.bad_order), self.blank, self)  # fmt: skip
        self.commands = command_table(
            self, self.presenter, self.clicker, self.files, self.your_app, session.replay,
            self.spotlight, self.scale, self.histogram,
        )  # fmt: skip
        """Every command, once: the menus, the keys and the help are built from it."""
        self.help_overlay.set_lines(help_lines(self.commands))
        self._build_menus()
        self.keys = TalkKeys(self, central, self.controls, self.commands, self.clicker)
        self.notes.sig_keys_back_requested.connect(self.keys.take_back)
        self.screen_fit = ScreenFit(self)
        self.controls.sig_serve.connect(self.serve)
        self.controls.sig_reset.connect(self.reset)
        self.kitchens_area.sig_panels_rebuilt.connect(self._panels_rebuilt)
        session.sig_race_started.connect(self._on_race_started)
        session.sig_race_finished.connect(self._on_race_finished)
        session.sig_frame.connect(self._on_frame)
        session.sig_cleared.connect(self._show_ready)
        session.sig_error.connect(self.show_error)
        self.talk_mode = TalkMode(
            self.presenter,
            self,
            (self.controls, self.menuBar(), self.statusBar()),
            self.kitchens_area,
        )
        self.kitchens_area.rebuild()
        self.retranslate()

    @property
    def panels(self) -> dict[str, KitchenPanel]:
        """Each open kitchen's panel, by its name."""
        return self.kitchens_area.panels

    # -- building ---------------------------------------------------------------------------

    def _build_menus(self) -> None:
        self.faults_menu = FaultsMenu(self.session.plan_model, self)
        self.menus = WindowMenus(self.menuBar(), self.commands, self.faults_menu, parent=self)
        self.kitchen_menu = self.menus.kitchen_menu
        self.kitchen_actions = self.menus.kitchen_actions
        for action in self.kitchen_actions.values():
            action.toggled.connect(self._on_kitchen_toggled)
        self.export_action = self.menus.actions["exportAction"]
        self.export_action.setEnabled(False)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Chefline — sync vs async kitchens"))
        if self.session.result is not None and not self.session.live:
            self._on_race_finished(self.session.result)
            self.state_label.finished(self.session.result)
        else:
            self._show_ready()

    # -- the LLM kitchen --------------------------------------------------------------------

    def load_llm_scene(self) -> None:
        """Four kitchens, 100 customers, the LLM dish: who needs a thread per waiting user."""
        self._load_llm_race(LLM_SCENE, self.tr("Watch threads busy and waits held."))

    def load_cost_scene(self) -> None:
        """Threads, worker processes, gevent and async serving 100 users: what each holds."""
        self._load_llm_race(COST_SCENE, self.tr("Watch processes, threads held and memory."))

    def _load_llm_race(self, kitchens: list[str], what_to_watch: str) -> None:
        if self.session.running:
            self.show_error(self.tr("Wait for the race to finish before changing the scene."))
            return
        self.session.open_kitchens(kitchens)
        model = self.session.plan_model
        chat = ChatOrder(model.chat.prompt, model.chat.max_tokens, model.chat.temperature)
        model.set_plan(RacePlan.for_chat(chat, model.speed, Arrivals(100), model.plan.faults,
                                         model.plan.patience))  # fmt: skip
        self.state_label.setText(
            self.tr("100 users ask an LLM: press Serve (Space). {0}").format(what_to_watch)
        )

    def _replay_changed(self) -> None:
        active = self.session.replay.active
        self.banner.show_replay_badge(active)
        if active:  # the replay bar takes the controls' place: the layout does not jump
            self.replay_bar.setMinimumHeight(self.controls.height())
        self.controls.setVisible(not active and not self.presenter.active)

    def show_model_dialog(self) -> ModelDialog:
        dialog = ModelDialog(self.session, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.keys.return_after(dialog)
        dialog.open()
        return dialog

    def show_bad_order(self) -> asyncio.Future[None]:
        """The same bad order to Flask and FastAPI, both replies over the kitchens."""
        return self.bad_order.ask()

    def docs_url(self) -> str | None:
        return self.docs.url()

    def open_docs(self) -> None:
        """FastAPI's own API docs in the system browser, served offline by the kitchen."""
        self.docs.open()

    def show_about(self) -> QMessageBox:
        path = log_file()
        return show_about(self, str(path) if path else None)

    def _panels_rebuilt(self) -> None:
        self.set_code_visible(self._code_visible)
        open_names = set(self.session.mode_names)
        for name, action in self.kitchen_actions.items():
            action.blockSignals(True)
            action.setChecked(name in open_names)
            action.blockSignals(False)
        self._show_ready()

    def set_code_visible(self, visible: bool) -> None:
        """Show the source of the route each kitchen runs beside it (in the talk)."""
        self._code_visible = visible
        dish = self.session.plan_model.plan.recipe.dish
        for name, panel in self.panels.items():
            if name not in MODES:  # your app: its own route, as it is
                code = self.your_app.code_of(name) if visible else None
                panel.show_code(code)
                continue
            reader, full = kitchen_code(name, dish) if visible else (None, None)
            panel.show_code(reader, dish, full=full)
            panel.scoreboard.set_headline(self.spoken if visible else ())

    def _show_scene_code(self, spoken: tuple[str, ...]) -> None:
        """The scene on screen shows each route beside its kitchen, with these figures large."""
        self.spoken = spoken
        self.set_code_visible(True)

    def _show_your_code(self, name: str, code: str) -> None:
        """Your route beside your kitchen after a race that blocked its loop."""
        if name in self.panels and code:
            self.panels[name].show_code(code)

    # -- actions ----------------------------------------------------------------------------

    def serve(self, plan: RacePlan | None = None) -> bool:
        """Start a race: ``plan``, or the session's race plan (the fields, the Faults menu)."""
        if self.session.running:
            return False
        plan = plan or self.session.plan_model.plan
        self.scale.reset()
        return self.session.serve(plan)

    def reset(self) -> None:
        self.session.clear()
        self.scale.reset()

    def toggle_full_screen(self) -> None:
        self.showNormal() if self.isFullScreen() else self.showFullScreen()

    def _on_kitchen_toggled(self) -> None:
        names = [name for name, action in self.kitchen_actions.items() if action.isChecked()]
        if not self.session.open_kitchens(names):
            self.kitchens_area.rebuild()

    def show_error(self, message: str) -> None:
        self.last_error = message
        self.state_label.setText(message)
        if self.presenter.active:  # a box would take the clicker's keys
            self.banner.say(message)
            return

        def make_box() -> QMessageBox:
            box = QMessageBox(QMessageBox.Icon.Warning, "Chefline", message, parent=self)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.keys.return_after(box)
            return box

        self.error_boxes.show(message, make_box)  # one open box per message

    # -- race state -------------------------------------------------------------------------

    def _needed_span(self) -> float:
        expected = [t.expected_makespan or 0.0 for t in self.session.timelines.values()]
        scene = self.presenter.axis_seconds() if self.presenter.active else None
        drawn = kitchen_clock.drawn_so_far(self.session)
        return max([*expected, drawn, scene or 0.0, 0.1]) * 1.04

    def _on_scene_shown(self) -> None:
        self.kitchens_area.show_kitchens()
        self.scale.reset(self._needed_span())  # the scene's own axis, before its race

    def _on_talk_mode(self, active: bool) -> None:
        if not active:  # the full developer view: every figure, the fields, no code
            self.set_code_visible(False)
            self.kitchens_area.show_kitchens()
            self.controls.setVisible(not self.session.replay.active)
            self._show_ready()

    def _fit_time_axis(self) -> None:
        self.scale.fit(self._needed_span())

    def _on_race_started(self) -> None:
        if not self.session.running:
            return  # a replay: the kitchens are free, Serve ends the replay
        self.controls.set_racing(True)
        self.export_action.setEnabled(False)
        self.kitchen_menu.setEnabled(False)
        self.scale.reset(self._needed_span())

    def _on_frame(self) -> None:
        self._fit_time_axis()

    def _on_race_finished(self, result: RaceResult) -> None:
        self.controls.set_racing(False)
        self.kitchen_menu.setEnabled(True)
        self.export_action.setEnabled(True)
        if self.scale.auto:
            self.scale.reset(self._needed_span())  # the finished race fills the width

    def _show_ready(self) -> None:
        if self.session.running:
            return
        self.controls.set_racing(False)
        self.export_action.setEnabled(self.session.result is not None)
        count = len(self.session.kitchens)
        self.state_label.setText(
            self.tr("Kitchens open on 127.0.0.1: {0} — press Serve (Space)").format(count)
            if count
            else self.tr("No kitchen open: choose some in the Kitchens menu.")
        )

    # -- closing ----------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._closing:
            event.accept()
            return
        # Stopping the race and the servers is async work; the loop must outlive it.
        event.ignore()
        self._closing = True
        self._shutdown = asyncio.ensure_future(self._shut_down_then_close())

    async def shut_down(self) -> None:
        """Stop the race and the kitchens; the window may then close at once."""
        self._closing = True
        await self.session.shutdown()

    async def _shut_down_then_close(self) -> None:
        try:
            await self.shut_down()
        finally:
            self.close()
