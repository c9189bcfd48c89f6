"""The shared controls: how many customers, how slow the dish, what kind, how they arrive."""

from __future__ import annotations

from PySide6.QtCore import Signal
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
from chefline.kitchen.llm import ChatOrder, ModelSpeed
from chefline.kitchen.recipe import DishKind, Recipe

ARRIVALS = [("all at once", 0.0), ("one every 20 ms", 0.02), ("one every 100 ms", 0.1)]


class ControlBar(QWidget):
    sig_serve = Signal()
    """Serve was pressed (or Space); ``plan()`` reads the fields."""
    sig_reset = Signal()
    """Reset was pressed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.customers = QSpinBox()
        self.customers.setObjectName("customersSpin")
        self.customers.setRange(limits.MIN_CUSTOMERS, limits.MAX_CUSTOMERS)
        self.customers.setValue(10)
        self.customers.setToolTip("How many customers order at once (1–1000)")

        self.wait = QDoubleSpinBox()
        self.wait.setObjectName("waitSpin")
        self.wait.setRange(limits.MIN_WAIT_S, limits.MAX_WAIT_S)
        self.wait.setDecimals(2)
        self.wait.setSingleStep(0.1)
        self.wait.setValue(0.5)
        self.wait.setSuffix(" s")
        self.wait.setToolTip("How long the slow step of each dish takes (0–30 s)")

        self.recipe = QComboBox()
        self.recipe.setObjectName("recipeCombo")
        self.recipe.addItem("I/O-bound: the dish waits", DishKind.IO)
        self.recipe.addItem("CPU-bound: the chef chops", DishKind.CPU)
        self.recipe.addItem("LLM: a streamed model call", DishKind.LLM)
        self.recipe.setToolTip(
            "I/O: the slow step waits (a database, an LLM API).\n"
            "CPU: the slow step is hashing, so async cannot help.\n"
            "LLM: each kitchen calls a language model and streams its tokens on (Model menu)."
        )

        self.tokens = QSpinBox()
        self.tokens.setObjectName("tokensSpin")
        self.tokens.setRange(limits.MIN_MAX_TOKENS, limits.MAX_MAX_TOKENS)
        self.tokens.setValue(16)
        self.tokens.setToolTip("How many tokens each answer streams (max_tokens)")
        self.speed = ModelSpeed()
        """The built-in model's speed (set in the Model menu)."""
        self.chat = ChatOrder()
        """What every customer asks the model."""

        self.arrivals = QComboBox()
        self.arrivals.setObjectName("arrivalCombo")
        for label, gap in ARRIVALS:
            self.arrivals.addItem(label, gap)

        self.serve_button = QPushButton("Serve")
        self.serve_button.setObjectName("serveButton")
        self.serve_button.setToolTip("Send the same orders to every kitchen at once (Space)")
        self.reset_button = QPushButton("Reset")
        self.reset_button.setObjectName("resetButton")
        self.reset_button.setToolTip("Clear the race (R)")

        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 4)
        self.captions: dict[QWidget, QLabel] = {}
        for caption, field in (
            ("Customers", self.customers),
            ("Recipe", self.recipe),
            ("Wait per dish", self.wait),
            ("Tokens", self.tokens),
            ("Arrival", self.arrivals),
        ):
            self.captions[field] = QLabel(caption)
            layout.addWidget(self.captions[field])
            layout.addWidget(field)
            layout.addSpacing(10)
        layout.addStretch(1)
        layout.addWidget(self.reset_button)
        layout.addWidget(self.serve_button)
        self.serve_button.clicked.connect(self.request_serve)
        self.reset_button.clicked.connect(self.sig_reset)
        self.recipe.currentIndexChanged.connect(self._show_fields_of_dish)
        self._show_fields_of_dish()

    def dish(self) -> DishKind:
        return DishKind(self.recipe.currentData())  # Qt hands the enum back as a plain str

    def _show_fields_of_dish(self) -> None:
        llm = self.dish() is DishKind.LLM
        for field, shown in ((self.wait, not llm), (self.tokens, llm)):
            field.setVisible(shown)
            self.captions[field].setVisible(shown)

    def choose_dish(self, dish: DishKind) -> None:
        self.recipe.setCurrentIndex(self.recipe.findData(dish))

    def plan(self) -> RacePlan:
        arrivals = Arrivals(self.customers.value(), self.arrivals.currentData())
        dish = self.dish()
        if dish is DishKind.LLM:
            chat = ChatOrder(self.chat.prompt, self.tokens.value(), self.chat.temperature)
            return RacePlan.for_chat(chat, self.speed, arrivals)
        return RacePlan(Recipe(wait=self.wait.value(), dish=dish), arrivals)

    def request_serve(self) -> None:
        self.sig_serve.emit()

    def set_racing(self, racing: bool) -> None:
        self.serve_button.setEnabled(not racing)
        self.serve_button.setText("Serving…" if racing else "Serve")
        for field in (self.customers, self.wait, self.tokens, self.recipe, self.arrivals):
            field.setEnabled(not racing)
