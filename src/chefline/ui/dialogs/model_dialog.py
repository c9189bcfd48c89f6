"""Model settings: the built-in model's speed, or the user's own OpenAI-compatible server."""

from __future__ import annotations

import asyncio

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from chefline.engine import ModelLink
from chefline.kitchen import limits
from chefline.kitchen.errors import ChefError
from chefline.kitchen.llm import ChatOrder, ModelSpeed
from chefline.ui.off_thread import off_gui_thread
from chefline.ui.session import RaceSession


def _spin(low: float, high: float, value: float, suffix: str, name: str) -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setObjectName(name)
    spin.setRange(low, high)
    spin.setDecimals(2)
    spin.setValue(value)
    spin.setSuffix(suffix)
    return spin


class ModelDialog(QDialog):
    """Applying a model of the user's calls it once first: a wrong address, model or key is
    reported here, in the dialog, and the kitchens keep the model they had."""

    def __init__(self, session: RaceSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.restaurant = session.restaurant
        self.plan = session.plan_model
        """What the model's speed and question are set in (the race plan)."""
        self.setObjectName("modelDialog")
        self.setWindowTitle(self.tr("Language model of the LLM dish"))
        own = self.restaurant.own_model
        self.builtin = QRadioButton(self.tr("The built-in model (no network, set speed)"))
        self.builtin.setObjectName("builtinRadio")
        self.yours = QRadioButton(
            self.tr("My own OpenAI-compatible server (Ollama, vLLM, LM Studio…)")
        )
        self.yours.setObjectName("ownRadio")
        group = QButtonGroup(self)
        group.addButton(self.builtin)
        group.addButton(self.yours)
        (self.yours if own else self.builtin).setChecked(True)

        speed = self.plan.speed
        self.ttft = _spin(0.0, limits.MAX_TTFT_S, speed.ttft, " s", "ttftSpin")
        self.rate = _spin(limits.MIN_TOKENS_PER_S, limits.MAX_TOKENS_PER_S,
                          speed.tokens_per_s, " tokens/s", "rateSpin")  # fmt: skip
        self.url = QLineEdit(own.base_url if own else "http://127.0.0.1:11434/v1")
        self.url.setObjectName("urlEdit")
        self.model = QLineEdit(own.model if own else "llama3.2")
        self.model.setObjectName("modelEdit")
        self.key_env = QLineEdit(own.api_key_env or "" if own else "")
        self.key_env.setObjectName("keyEnvEdit")
        self.key_env.setPlaceholderText(
            self.tr("e.g. OPENAI_API_KEY (the key itself is never stored)")
        )
        self.prompt = QLineEdit(self.plan.chat.prompt)
        self.prompt.setObjectName("promptEdit")
        self.temperature = _spin(limits.MIN_TEMPERATURE, limits.MAX_TEMPERATURE,
                                 self.plan.chat.temperature, "", "temperatureSpin")  # fmt: skip

        form = QFormLayout()
        form.addRow(self.builtin)
        form.addRow(self.tr("Time to first token"), self.ttft)
        form.addRow(self.tr("Speed"), self.rate)
        form.addRow(self.yours)
        form.addRow(self.tr("Base URL"), self.url)
        form.addRow(self.tr("Model"), self.model)
        form.addRow(self.tr("API key variable"), self.key_env)
        form.addRow(QLabel(self.tr("Every customer asks:")))
        form.addRow(self.tr("Prompt"), self.prompt)
        form.addRow(self.tr("Temperature"), self.temperature)
        self.status = QLabel(" ")
        self.status.setObjectName("modelStatus")
        self.status.setWordWrap(True)
        self.test_button = QPushButton(self.tr("Test the model"))
        self.test_button.setObjectName("testModelButton")
        self.test_button.clicked.connect(lambda: asyncio.ensure_future(self.test()))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(lambda: asyncio.ensure_future(self.apply()))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.test_button)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.builtin.toggled.connect(self._enable_fields)
        self._enable_fields()

    def _enable_fields(self) -> None:
        builtin = self.builtin.isChecked()
        for field in (self.ttft, self.rate):
            field.setEnabled(builtin)
        for entry in (self.url, self.model, self.key_env):
            entry.setEnabled(not builtin)

    def link(self) -> ModelLink:
        return ModelLink(self.url.text().strip(), self.model.text().strip(),
                         self.key_env.text().strip() or None)  # fmt: skip

    async def test(self) -> bool:
        """Call the chosen model once and say how it went; True if it answered."""
        self.status.setText(self.tr("Calling the model…"))
        self.test_button.setEnabled(False)
        try:
            if self.builtin.isChecked():
                speed = ModelSpeed(self.ttft.value(), self.rate.value())
                link = self.restaurant.builtin_link(speed)
            else:
                link = self.link()
            probe = await off_gui_thread(lambda: self.restaurant.probe_model(link))
        except ChefError as error:
            self.status.setText(f"⚠ {error}")
            return False
        finally:
            self.test_button.setEnabled(True)
        self.status.setText(
            self.tr("✓ first token after {0:.2f} s, {1:.0f} tokens/s: “{2}”").format(
                probe.ttft, probe.tokens_per_s, probe.text.strip()
            )
        )
        return True

    async def apply(self) -> None:
        try:
            chat = ChatOrder(self.prompt.text(), 16, self.temperature.value())
            if self.builtin.isChecked():
                speed = ModelSpeed(self.ttft.value(), self.rate.value())
                self.restaurant.use_builtin_model(speed)
                self.plan.set_model(speed=speed)
            else:
                link = self.link()
                self.status.setText(self.tr("Calling the model…"))
                await off_gui_thread(lambda: self.restaurant.use_own_model(link))
        except ChefError as error:
            self.status.setText(f"⚠ {error}")
            return
        self.plan.set_model(chat=chat)
        self.accept()
