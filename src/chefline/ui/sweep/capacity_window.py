"""View → Capacity curve: a window of its own that sweeps kitchens and draws their curve.

The fields say what to sweep (kitchens, loads, the dish, the limit a point may take); Run
starts the sweep, whose points appear as each race ends; Export writes it like a race
(JSON to open again, CSV, PNG, SVG); Open shows a recorded sweep.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol, cast

from PySide6.QtCore import QCoreApplication, QMargins, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from chefline.client.plan import RacePlan
from chefline.client.sweep_file import load_sweep
from chefline.engine import SweepNews, SweepPlan, SweepStage, parse_steps
from chefline.engine.sweep import DEFAULT_LIMIT_S, MIN_LIMIT_S
from chefline.kitchen import limits
from chefline.kitchen.arrivals import Arrivals
from chefline.kitchen.capacity import Sweep, SweepAxis, SweepPoint, SweepSkip
from chefline.kitchen.errors import BadInput, ChefError
from chefline.kitchen.llm import DEFAULT_MODEL_SPEED, ChatOrder
from chefline.kitchen.modes import MODES, KitchenSettings
from chefline.kitchen.recipe import DishKind, Recipe
from chefline.ui.control_bar import DISHES, pair
from chefline.ui.dialogs.error_boxes import ErrorBoxes
from chefline.ui.look.fitting import FlowLayout
from chefline.ui.look.retranslating import Retranslating
from chefline.ui.look.screen_fit import screen_of
from chefline.ui.session import RaceSession
from chefline.ui.sweep.curve_view import CurveView
from chefline.ui.sweep.sweep_files import export_sweep_files, recorded_sweep
from chefline.ui.sweep.sweep_session import SweepSession
from chefline.ui.sweep.sweep_status import SweepStatus

DEFAULT_KITCHENS = ("flask-one-chef", "flask-threaded", "flask-processes", "fastapi-async")
"""Sync, threaded, worker processes and async (as ``chefline sweep``)."""
DEFAULT_STEPS = {SweepAxis.USERS: "1, 10, 100, 1000", SweepAxis.RATE: "1, 2, 4, 8"}


class _HasSession(Protocol):
    """The main window, as the capacity window sees it: a session with its sweep."""

    session: RaceSession


class CapacityWindow(Retranslating, QWidget):
    """The sweep's fields, its curve and its status line. Closing it (Esc) hides it: a sweep
    under way goes on, and its points are there when View → Capacity curve opens it again."""

    def __init__(self, sweeps: SweepSession, settings: KitchenSettings,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent, Qt.WindowType.Window)
        self.sweeps = sweeps
        self.settings = settings
        self.setObjectName("capacityWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)  # the theme's background
        self.error_boxes = ErrorBoxes()
        self.last_error: str | None = None

        self.kitchens_button = QToolButton()
        self.kitchens_button.setObjectName("sweepKitchens")
        self.kitchens_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.kitchens_button)
        self.kitchen_actions: dict[str, QAction] = {}
        for name, mode in MODES.items():
            action = menu.addAction(f"{name} — {mode.route}")
            action.setCheckable(True)
            action.setChecked(name in DEFAULT_KITCHENS)
            action.toggled.connect(self._show_kitchen_count)
            self.kitchen_actions[name] = action
        self.kitchens_button.setMenu(menu)

        self.axis = QComboBox()
        self.axis.setObjectName("sweepAxis")
        for axis in SweepAxis:
            self.axis.addItem("", axis)
        self.steps = QLineEdit(DEFAULT_STEPS[SweepAxis.USERS])
        self.steps.setObjectName("sweepSteps")
        self.steps.setMinimumWidth(self.fontMetrics().horizontalAdvance("1, 10, 100, 1000") + 24)
        self.duration = QDoubleSpinBox()
        self.duration.setObjectName("sweepDuration")
        self.duration.setRange(limits.MIN_DURATION_S, limits.MAX_DURATION_S)
        self.duration.setValue(10.0)
        self.duration.setSuffix(" s")
        self.dish = QComboBox()
        self.dish.setObjectName("sweepDish")
        for label, kind in DISHES:
            self.dish.addItem(label, kind)
        self.wait = QDoubleSpinBox()
        self.wait.setObjectName("sweepWait")
        self.wait.setRange(limits.MIN_WAIT_S, limits.MAX_WAIT_S)
        self.wait.setDecimals(2)
        self.wait.setSingleStep(0.1)
        self.wait.setValue(0.5)
        self.wait.setSuffix(" s")
        self.tokens = QSpinBox()
        self.tokens.setObjectName("sweepTokens")
        self.tokens.setRange(limits.MIN_MAX_TOKENS, limits.MAX_MAX_TOKENS)
        self.tokens.setValue(16)
        self.limit = QDoubleSpinBox()
        self.limit.setObjectName("sweepLimit")
        self.limit.setRange(MIN_LIMIT_S, limits.MAX_EXPECTED_RACE_S)
        self.limit.setDecimals(0)
        self.limit.setValue(DEFAULT_LIMIT_S)
        self.limit.setSuffix(" s")
        self.run_button = QPushButton()
        self.run_button.setObjectName("sweepRun")
        self.open_button = QPushButton()
        self.open_button.setObjectName("sweepOpen")
        self.export_button = QPushButton()
        self.export_button.setObjectName("sweepExport")

        controls = QWidget()
        flow = FlowLayout(controls, spacing=16)
        flow.setContentsMargins(QMargins(12, 8, 12, 4))
        self.captions: dict[QWidget, QLabel] = {}
        for field in (self.kitchens_button, self.axis, self.steps, self.duration, self.dish,
                      self.wait, self.tokens, self.limit):  # fmt: skip
            self.captions[field] = QLabel()
            self.captions[field].setBuddy(field)
            flow.addWidget(pair(self.captions[field], field))
        flow.addWidget(pair(self.open_button, self.export_button))
        flow.addWidget(self.run_button)
        self.view = CurveView(sweeps)
        self.status = SweepStatus()
        self.view.sig_hovered.connect(self.status.show_point)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(controls)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)

        self.run_button.clicked.connect(self.run_or_stop)
        self.open_button.clicked.connect(self.choose_sweep_file)
        self.export_button.clicked.connect(self.choose_export_folder)
        self.axis.currentIndexChanged.connect(self._axis_changed)
        self.dish.currentIndexChanged.connect(self._show_fields)
        keys = {"Ctrl+Return": self.run_or_stop, "Ctrl+O": self.choose_sweep_file,
                "Ctrl+E": self.choose_export_folder, "Esc": self.close}  # fmt: skip
        for key, handler in keys.items():
            QShortcut(QKeySequence(key), self, handler)
        sweeps.sig_started.connect(self._show_state)
        sweeps.sig_news.connect(self._on_news)
        sweeps.sig_finished.connect(self._on_finished)
        sweeps.sig_shown.connect(self._show_state)
        sweeps.sig_error.connect(self.show_error)
        self.retranslate()
        self._show_fields()
        if sweeps.sweep is None:  # something to look at before the first sweep ends
            self._show_recorded()

    @classmethod
    def show_for(cls, window: object) -> CapacityWindow:
        """View → Capacity curve: the capacity window of the main ``window`` (made on first
        use, on its session's sweep), shown and raised."""
        assert isinstance(window, QWidget)
        session = cast(_HasSession, window).session
        found = window.findChild(cls)
        shown = found if isinstance(found, cls) else cls(session.sweeps, session.settings, window)
        if not shown.isVisible():
            shown.place()
        shown.show()
        shown.raise_()
        shown.activateWindow()
        return shown

    def place(self) -> None:
        """Its preferred size, or nearly the screen's free area when that is smaller; where
        it opens is the window manager's choice. (Moved by the app, before or after it was
        shown, a second window stayed black under openbox on Xvfb, as Qt's own tooltips do
        there; left to the window manager it paints.)"""
        area = screen_of(self.parentWidget() or self).availableGeometry()
        frame = QSize(8, 32)  # the frame a window manager adds, before it has drawn one
        room = QSize(area.width() * 94 // 100, area.height() * 80 // 100) - frame
        self.resize(self.sizeHint().boundedTo(room))

    def sizeHint(self) -> QSize:
        return QSize(1400, 860)

    # -- texts ----------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Chefline — capacity curve"))
        for field, caption in ((self.kitchens_button, self.tr("Kitchens")),
                               (self.axis, self.tr("Load")), (self.steps, self.tr("at")),
                               (self.duration, self.tr("each for")),
                               (self.dish, self.tr("Recipe")), (self.wait, self.tr("Wait")),
                               (self.tokens, self.tr("Tokens")),
                               (self.limit, self.tr("Skip points over"))):  # fmt: skip
            self.captions[field].setText(caption)
        self.axis.setItemText(0, self.tr("users at once"))
        self.axis.setItemText(1, self.tr("customers a second"))
        for index, (label, _) in enumerate(DISHES):
            self.dish.setItemText(index, QCoreApplication.translate("ControlBar", label))
        self.steps.setToolTip(self.tr("The loads, rising, separated by commas (at most 12)"))
        self.limit.setToolTip(self.tr(
            "A kitchen whose next point would take longer than this (by its theory, and how "
            "much slower than it its last point was) is skipped there and beyond"))  # fmt: skip
        self.duration.setToolTip(self.tr("How long each steady stream of customers lasts"))
        self.open_button.setText(self.tr("Open…"))
        self.open_button.setToolTip(self.tr("Show a recorded sweep (Ctrl+O)"))
        self.export_button.setText(self.tr("Export…"))
        self.export_button.setToolTip(self.tr("Save the sweep as JSON, CSV, PNG and SVG (Ctrl+E)"))
        self._show_kitchen_count()
        self._show_state()

    def _show_kitchen_count(self) -> None:
        count = len(self.chosen_kitchens())
        self.kitchens_button.setText(self.tr("{0} chosen").format(count))

    def _axis_changed(self) -> None:
        axis = self.chosen_axis()
        if self.steps.text().strip() in DEFAULT_STEPS.values():
            self.steps.setText(DEFAULT_STEPS[axis])
        self._show_fields()

    def _show_fields(self) -> None:
        llm = DishKind(self.dish.currentData()) is DishKind.LLM
        rate = self.chosen_axis() is SweepAxis.RATE
        for field, shown in ((self.wait, not llm), (self.tokens, llm), (self.duration, rate)):
            box = field.parentWidget()
            assert box is not None
            box.setVisible(shown)

    # -- the plan -------------------------------------------------------------------------------

    def chosen_kitchens(self) -> list[str]:
        return [name for name, action in self.kitchen_actions.items() if action.isChecked()]

    def chosen_axis(self) -> SweepAxis:
        return SweepAxis(self.axis.currentData())

    def plan(self) -> SweepPlan:
        """The sweep the fields ask for; BadInput in one sentence for anything wrong."""
        axis = self.chosen_axis()
        steps = parse_steps(self.steps.text(), axis)
        dish = DishKind(self.dish.currentData())
        if dish is DishKind.LLM:
            chat = ChatOrder(max_tokens=self.tokens.value())
            race = RacePlan.for_chat(chat, DEFAULT_MODEL_SPEED, Arrivals(1))
        else:
            race = RacePlan(Recipe(wait=self.wait.value(), dish=dish), Arrivals(1))
        return SweepPlan(tuple(self.chosen_kitchens()), steps, race, axis,
                         self.duration.value(), limit=self.limit.value(),
                         settings=self.settings)  # fmt: skip

    # -- commands -------------------------------------------------------------------------------

    def run_or_stop(self) -> None:
        if self.sweeps.running:
            self.sweeps.stop()
            self.status.setText(self.tr("Stopping after the race under way…"))
            return
        try:
            plan = self.plan()
        except BadInput as error:
            self.show_error(str(error))
            return
        self.sweeps.start(plan)

    def choose_sweep_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Open a recorded sweep"), "",
                                              self.tr("Sweep (*.json *.json.gz)"))  # fmt: skip
        if name:
            self.open_sweep(Path(name))

    def _show_recorded(self) -> None:
        """The sweep that ships with Chefline (``make bench``'s), marked as recorded."""
        sweep = recorded_sweep()
        if sweep is not None and self.sweeps.show(sweep):
            self.status.setText(self.tr(
                "A sweep recorded on {0}, each kitchen alone. Run (Ctrl+Return) measures "
                "this machine now.").format(sweep.when[:10]))  # fmt: skip

    def open_sweep(self, path: Path) -> bool:
        try:
            sweep = load_sweep(path)
        except BadInput as error:
            self.show_error(str(error))
            return False
        return self.sweeps.show(sweep)

    def choose_export_folder(self) -> None:
        if self._nothing_to_export():
            return
        folder = QFileDialog.getExistingDirectory(self, self.tr("Export the sweep to…"))
        if folder:
            self.export_sweep(Path(folder))

    def _nothing_to_export(self) -> bool:
        if self.sweeps.running:
            self.show_error(self.tr("Export the sweep once it has finished."))
            return True
        if self.sweeps.sweep is None or not self.sweeps.sweep.points:
            self.show_error(self.tr("No point to export yet: run a sweep first."))
            return True
        return False

    def export_sweep(self, folder: Path) -> list[Path]:
        """The sweep as JSON (to open again), CSV, and the curve as PNG and SVG."""
        sweep = self.sweeps.sweep
        assert sweep is not None
        try:
            paths = export_sweep_files(sweep, folder)
        except (ChefError, OSError) as error:
            self.show_error(str(error))
            return []
        self.status.setText(self.tr("Saved {0} in {1}").format(
            ", ".join(p.name for p in paths), folder))  # fmt: skip
        return paths

    # -- state ----------------------------------------------------------------------------------

    def _on_news(self, news: SweepNews) -> None:
        sweep = self.sweeps.sweep
        axis = sweep.spec.axis if sweep is not None else SweepAxis.USERS
        if isinstance(news, SweepStage):
            self.status.setText(self.tr("Racing {0} alone at {1}: about {2:.0f} s…").format(
                news.kitchen, self._load(axis, news.x), max(news.expected, 1.0)))  # fmt: skip
        elif isinstance(news, SweepSkip):
            self.status.setText(news.reason)
        elif isinstance(news, SweepPoint) and news.p95 is not None:
            self.status.setText(self.tr("{0} at {1}: p95 {2:.2f} s").format(
                news.kitchen, self._load(axis, news.x), news.p95))  # fmt: skip

    def _load(self, axis: SweepAxis, x: float) -> str:
        """A load in the window's language: "100 users", "2.5/s"."""
        if axis is SweepAxis.RATE:
            return f"{x:g}/s"
        return self.tr("1 user") if x == 1 else self.tr("{0:g} users").format(x)

    def _on_finished(self, sweep: Sweep) -> None:
        self._show_state()
        if sweep.cancelled:
            self.status.setText(self.tr("Sweep stopped: {0} points measured.").format(
                len(sweep.points)))  # fmt: skip
            return
        knees = []
        for name in sweep.spec.kitchens:
            knee = sweep.knee(name)
            shown = self._load(sweep.spec.axis, knee.x) if knee else self.tr("none")
            knees.append(self.tr("{0}: saturates at {1}").format(name, shown)
                         if sweep.spec.axis is SweepAxis.RATE
                         else self.tr("{0}: knee {1}").format(name, shown))  # fmt: skip
        self.status.setText(self.tr("Sweep done. {0}. Export: Ctrl+E").format(" · ".join(knees)))

    def _show_state(self) -> None:
        running = self.sweeps.running
        self.run_button.setText(self.tr("Stop") if running else self.tr("Run the sweep"))
        self.run_button.setToolTip(self.tr("Ctrl+Return"))
        for field in (self.kitchens_button, self.axis, self.steps, self.duration, self.dish,
                      self.wait, self.tokens, self.limit, self.open_button,
                      self.export_button):  # fmt: skip
            field.setEnabled(not running)
        if not running and self.sweeps.sweep is None:
            self.status.setText(self.tr(
                "Each kitchen is raced alone at each load, the points appearing as each race "
                "ends. Press Run (Ctrl+Return)."))  # fmt: skip

    def show_error(self, message: str) -> None:
        self.last_error = message
        self.status.setText(message)

        def make_box() -> QMessageBox:
            box = QMessageBox(QMessageBox.Icon.Warning, "Chefline", message, parent=self)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            return box

        self.error_boxes.show(message, make_box)
