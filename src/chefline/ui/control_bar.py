"""The shared controls: how many customers, how slow the dish, what kind, how they arrive."""

from __future__ import annotations

import math
from dataclasses import replace

from PySide6.QtCore import QMargins, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QWidget,
)

from chefline.client.plan import RacePlan
from chefline.kitchen import limits
from chefline.kitchen.arrivals import Arrivals
from chefline.kitchen.errors import BadInput
from chefline.kitchen.llm import ChatOrder
from chefline.kitchen.recipe import DishKind, Recipe
from chefline.texts import QT_TRANSLATE_NOOP, SECONDS, translate
from chefline.ui.look.fitting import FlowLayout
from chefline.ui.look.retranslating import Retranslating
from chefline.ui.race_plan_model import RacePlanModel

ARRIVALS = (
    (QT_TRANSLATE_NOOP("ControlBar", "all at once"), 0.0, False),
    (QT_TRANSLATE_NOOP("ControlBar", "one every 20 ms"), 0.02, False),
    (QT_TRANSLATE_NOOP("ControlBar", "one every 100 ms"), 0.1, False),
    # Each kitchen gets the machine's cores to itself (the CPU-bound dish).
    (QT_TRANSLATE_NOOP("ControlBar", "all at once, one kitchen at a time"), 0.0, True),
)
STEADY = QT_TRANSLATE_NOOP("ControlBar", "at a steady rate (Poisson)")
"""The last choice of the arrivals: R customers a second for T seconds, drawn at random."""
DISHES = (
    (QT_TRANSLATE_NOOP("ControlBar", "I/O-bound: the dish waits"), DishKind.IO),
    (QT_TRANSLATE_NOOP("ControlBar", "CPU-bound: the chef chops"), DishKind.CPU),
    (QT_TRANSLATE_NOOP("ControlBar", "LLM: a streamed model call"), DishKind.LLM),
)


def pair(first: QWidget, second: QWidget) -> QWidget:
    """Two widgets that wrap together (a caption and its field)."""
    cell = QWidget()
    row = QHBoxLayout(cell)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(first)
    row.addWidget(second)
    return cell


class ControlBar(Retranslating, QWidget):
    """The race plan's fields (``RacePlanModel``): they show it, and each edit is the plan."""

    sig_serve = Signal()
    """Serve was pressed (or Space): serve the model's plan."""
    sig_reset = Signal()
    """Reset was pressed."""

    def __init__(self, model: RacePlanModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.customers = QSpinBox()
        self.customers.setObjectName("customersSpin")
        self.customers.setRange(limits.MIN_CUSTOMERS, limits.MAX_CUSTOMERS)
        self.customers.setValue(10)

        self.wait = QDoubleSpinBox()
        self.wait.setObjectName("waitSpin")
        self.wait.setRange(limits.MIN_WAIT_S, limits.MAX_WAIT_S)
        self.wait.setDecimals(2)
        self.wait.setSingleStep(0.1)
        self.wait.setValue(0.5)

        self.recipe = QComboBox()
        self.recipe.setObjectName("recipeCombo")
        for label, dish in DISHES:
            self.recipe.addItem(label, dish)

        self.tokens = QSpinBox()
        self.tokens.setObjectName("tokensSpin")
        self.tokens.setRange(limits.MIN_MAX_TOKENS, limits.MAX_MAX_TOKENS)
        self.tokens.setValue(16)

        self.arrivals = QComboBox()
        self.arrivals.setObjectName("arrivalCombo")
        # Sized for the short choices: the long one shows in full in the open list.
        self.arrivals.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.arrivals.setMinimumContentsLength(16)
        self.arrival_choices: list[tuple[str | None, float, bool]] = list(ARRIVALS)
        """Label (None: "one every N ms"), gap, and whether kitchens are served in turn."""
        for _ in self.arrival_choices:
            self.arrivals.addItem("")
        self.arrivals.addItem("")  # at a steady rate: always the last choice

        self.rate = QDoubleSpinBox()
        self.rate.setObjectName("rateSpin")
        self.rate.setRange(limits.MIN_RATE, limits.MAX_RATE)
        self.rate.setDecimals(1)
        self.rate.setValue(5.0)
        self.rate.setSuffix(" /s")
        self.duration = QDoubleSpinBox()
        self.duration.setObjectName("durationSpin")
        self.duration.setRange(limits.MIN_DURATION_S, limits.MAX_DURATION_S)
        self.duration.setDecimals(1)
        self.duration.setValue(10.0)
        self.duration.setSuffix(" s")

        self.serve_button = QPushButton()
        self.serve_button.setObjectName("serveButton")
        self.reset_button = QPushButton()
        self.reset_button.setObjectName("resetButton")

        # The fields wrap onto a second row rather than widen the window (large text, 1280).
        layout = FlowLayout(self, spacing=18)
        layout.setContentsMargins(QMargins(12, 6, 12, 4))
        self.captions: dict[QWidget, QLabel] = {}
        for field in (self.customers, self.recipe, self.wait, self.tokens, self.arrivals,
                      self.rate, self.duration):  # fmt: skip
            self.captions[field] = QLabel()
            layout.addWidget(pair(self.captions[field], field))
        layout.addWidget(pair(self.reset_button, self.serve_button))
        self.serve_button.clicked.connect(self.request_serve)
        self.reset_button.clicked.connect(self.sig_reset)
        self.recipe.currentIndexChanged.connect(self._show_fields_of_dish)
        self.arrivals.currentIndexChanged.connect(self._show_fields_of_dish)
        self.rate.valueChanged.connect(self._bound_duration)
        self._racing = False
        self._showing = False
        self.retranslate()
        self._show_fields_of_dish()
        self.show_plan(model.plan)
        model.sig_changed.connect(lambda: self.show_plan(model.plan))
        for spin in (self.customers, self.wait, self.tokens, self.rate, self.duration):
            spin.valueChanged.connect(self._edited)
        for combo in (self.recipe, self.arrivals):
            combo.currentIndexChanged.connect(self._edited)

    def _edited(self) -> None:
        """A field changed: that is the plan now (its faults and patience as they were)."""
        if self._showing:
            return
        try:
            plan = self.plan()
        except BadInput:  # a stream larger than a race holds: the duration's bound follows
            return
        self.model.set_plan(plan, keep_faults=True)

    def retranslate(self) -> None:
        for field, caption in (
            (self.customers, self.tr("Customers")),
            (self.recipe, self.tr("Recipe")),
            (self.wait, self.tr("Wait per dish")),
            (self.tokens, self.tr("Tokens")),
            (self.arrivals, self.tr("Arrival")),
            (self.rate, self.tr("Rate")),
            (self.duration, self.tr("for")),
        ):
            self.captions[field].setText(caption)
        self.wait.setSuffix(" " + translate("Units", SECONDS).format("").strip())
        for index, (label, _) in enumerate(DISHES):
            self.recipe.setItemText(index, self.tr(label))
        for index, (arrival, gap, _) in enumerate(self.arrival_choices):
            text = self.tr(arrival) if arrival else self.tr("one every {0:g} ms").format(gap * 1000)
            self.arrivals.setItemText(index, text)
        self.arrivals.setItemText(len(self.arrival_choices), self.tr(STEADY))
        self.rate.setToolTip(self.tr(
            "Customers a second, on average: each comes at a random moment (a Poisson stream), "
            "and each one's time counts from when it meant to order"))  # fmt: skip
        self.duration.setToolTip(self.tr("How long the stream of customers lasts"))
        self.customers.setToolTip(self.tr("How many customers order at once (1–1000)"))
        self.wait.setToolTip(self.tr("How long the slow step of each dish takes (0–30 s)"))
        self.recipe.setToolTip(self.tr(
            "I/O: the slow step waits (a database, an LLM API).\n"
            "CPU: the slow step is hashing, so async cannot help.\n"
            "LLM: each kitchen calls a language model and streams its tokens on (Model menu)."
        ))  # fmt: skip
        self.tokens.setToolTip(self.tr("How many tokens each answer streams (max_tokens)"))
        self.serve_button.setText(self.tr("Serving…") if self._racing else self.tr("Serve"))
        self.serve_button.setToolTip(
            self.tr("Send the same orders to every kitchen at once (Space)")
        )
        self.reset_button.setText(self.tr("Reset"))
        self.reset_button.setToolTip(self.tr("Clear the race (R)"))

    def dish(self) -> DishKind:
        return DishKind(self.recipe.currentData())  # Qt hands the enum back as a plain str

    def _bound_duration(self) -> None:
        """A stream holds at most as many customers as a race: R × T ≤ 1000."""
        longest = math.floor(limits.MAX_CUSTOMERS / self.rate.value() * 10) / 10  # as shown
        self.duration.setMaximum(max(limits.MIN_DURATION_S, min(limits.MAX_DURATION_S, longest)))

    @property
    def steady(self) -> bool:
        """Whether the customers come at a steady rate (the last arrival choice)."""
        return self.arrivals.currentIndex() == len(self.arrival_choices)

    def _show_fields_of_dish(self) -> None:
        llm, steady = self.dish() is DishKind.LLM, self.steady
        for field, shown in ((self.wait, not llm), (self.tokens, llm), (self.customers, not steady),
                             (self.rate, steady), (self.duration, steady)):  # fmt: skip
            box = field.parentWidget()  # the field with its caption
            assert box is not None
            box.setVisible(shown)

    def choose_dish(self, dish: DishKind) -> None:
        self.recipe.setCurrentIndex(self.recipe.findData(dish))

    def plan(self) -> RacePlan:
        """The race the fields ask for (BadInput for a stream larger than a race holds)."""
        if self.steady:
            arrivals, in_turn = Arrivals.at_rate(self.rate.value(), self.duration.value()), False
        else:
            _, gap, in_turn = self.arrival_choices[self.arrivals.currentIndex()]
            arrivals = Arrivals(self.customers.value(), gap)
        dish = self.dish()
        if dish is DishKind.LLM:
            asked = self.model.chat
            chat = ChatOrder(asked.prompt, self.tokens.value(), asked.temperature)
            plan = RacePlan.for_chat(chat, self.model.speed, arrivals)
        else:
            plan = RacePlan(Recipe(wait=self.wait.value(), dish=dish), arrivals)
        return replace(plan, in_turn=in_turn)

    def show_plan(self, plan: RacePlan) -> None:
        """Fill the fields with ``plan``'s race (the model's, as it changes)."""
        self._showing = True
        try:
            self._show_plan(plan)
        finally:
            self._showing = False

    def _show_plan(self, plan: RacePlan) -> None:
        self.choose_dish(plan.recipe.dish)
        self.customers.setValue(plan.arrivals.customers)
        if plan.arrivals.rate is not None:
            self.rate.setValue(plan.arrivals.rate)
            self.duration.setValue(plan.arrivals.duration)
            self.arrivals.setCurrentIndex(len(self.arrival_choices))
            return self._show_dish_of(plan)
        wanted = (plan.arrivals.gap, plan.in_turn)
        choices = [(gap, in_turn) for _, gap, in_turn in self.arrival_choices]
        if wanted not in choices:  # a gap from the command line
            self.arrival_choices.append((None, *wanted))
            self.arrivals.insertItem(len(self.arrival_choices) - 1, "")  # before the steady one
            choices.append(wanted)
            self.retranslate()
        self.arrivals.setCurrentIndex(choices.index(wanted))
        self._show_dish_of(plan)

    def _show_dish_of(self, plan: RacePlan) -> None:
        if plan.chat is not None:
            self.tokens.setValue(plan.chat.max_tokens)
        else:
            self.wait.setValue(plan.recipe.wait)

    def request_serve(self) -> None:
        self.sig_serve.emit()

    def set_racing(self, racing: bool) -> None:
        self._racing = racing
        self.serve_button.setEnabled(not racing)
        self.retranslate()
        for field in (self.customers, self.wait, self.tokens, self.recipe, self.arrivals,
                      self.rate, self.duration):  # fmt: skip
            field.setEnabled(not racing)
