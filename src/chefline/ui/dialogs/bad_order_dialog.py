"""The same bad LLM order sent to a Flask and a FastAPI kitchen, their replies side by side."""

from __future__ import annotations

import asyncio
import json

import httpx
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from chefline.servers.kitchens import Kitchen
from chefline.texts import QT_TRANSLATE_NOOP
from chefline.ui.off_thread import off_gui_thread
from chefline.ui.session import RaceSession

BAD_ORDER = {"prompt": "", "max_tokens": -5, "temperature": 9}
"""Three mistakes at once: an empty prompt, a negative length, a temperature out of range."""


def send_bad_order(kitchen: Kitchen) -> str:
    """The kitchen's reply to BAD_ORDER, as a status line and pretty JSON."""
    try:
        reply = httpx.post(kitchen.chat_url, json=BAD_ORDER, timeout=5, trust_env=False)
    except httpx.HTTPError as error:
        return QCoreApplication.translate("BadOrderDialog", "No reply from {0}: {1}").format(
            kitchen.url, error
        )
    try:
        body = json.dumps(reply.json(), indent=2, ensure_ascii=False)
    except ValueError:
        body = reply.text
    return f"HTTP {reply.status_code} {reply.reason_phrase}\n\n{body}"


class BadOrderDialog(QDialog):
    FRAMEWORKS = (
        ("flask", QT_TRANSLATE_NOOP("BadOrderDialog", "Flask: checked by hand")),
        ("fastapi", QT_TRANSLATE_NOOP("BadOrderDialog", "FastAPI: a Pydantic model")),
    )

    def __init__(self, session: RaceSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("badOrderDialog")
        self.setWindowTitle(self.tr("A bad order, two ways of saying no"))
        self.resize(1100, 640)
        sent = QLabel(self.tr("Sent to POST /chat of each:  {0}").format(json.dumps(BAD_ORDER)))
        sent.setObjectName("badOrderSent")
        grid = QGridLayout()
        self.replies: dict[str, QPlainTextEdit] = {}
        self.kitchens: dict[str, Kitchen | None] = {}
        for column, (framework, caption) in enumerate(self.FRAMEWORKS):
            kitchen = next((k for k in session.kitchens if k.mode.framework == framework), None)
            self.kitchens[framework] = kitchen
            name = kitchen.name if kitchen else self.tr("no kitchen open")
            title = QLabel(f"{self.tr(caption)} — {name}")
            title.setObjectName("sectionTitle")
            reply = QPlainTextEdit()
            reply.setObjectName(f"reply_{framework}")
            reply.setReadOnly(True)
            reply.setPlainText(
                self.tr("Sending…")
                if kitchen
                else self.tr("Open a {0} kitchen (Kitchens menu) to see its reply.").format(
                    framework
                )
            )
            grid.addWidget(title, 0, column)
            grid.addWidget(reply, 1, column)
            self.replies[framework] = reply
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(sent)
        layout.addLayout(grid, 1)
        layout.addWidget(buttons)

    async def send(self) -> None:
        """Send the bad order to both kitchens at once and show what each answered."""

        async def one(framework: str, kitchen: Kitchen) -> None:
            text = await off_gui_thread(lambda: send_bad_order(kitchen))
            self.replies[framework].setPlainText(text)

        await asyncio.gather(*(one(f, k) for f, k in self.kitchens.items() if k is not None))
