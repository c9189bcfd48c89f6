"""The same bad order to Flask and FastAPI, both replies side by side, inside the window.

No dialog box: in a talk a box would take the clicker's keys. The replies are drawn over the
kitchens and any clicker key (or Esc) closes them; each reply is shown as the room reads it,
its status and one line per field it blames, with the whole body in the tooltip.
"""

from __future__ import annotations

import asyncio
import json

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from chefline.engine.bad_order import BAD_ORDER, BadOrderReply, bad_order_kitchens, send_bad_order
from chefline.texts import QT_TRANSLATE_NOOP
from chefline.ui.look.retranslating import Retranslating
from chefline.ui.off_thread import off_gui_thread
from chefline.ui.session import RaceSession
from chefline.ui.talk.overlay import Overlay

FRAMEWORKS = (
    ("flask", QT_TRANSLATE_NOOP("BadOrderView", "Flask: checked by hand")),
    ("fastapi", QT_TRANSLATE_NOOP("BadOrderView", "FastAPI: a Pydantic model")),
)


def _label(name: str, wrap: bool = True) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(wrap)
    label.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    return label


class BadOrderView(Retranslating, Overlay):
    def __init__(self, session: RaceSession, host: QWidget) -> None:
        super().__init__(host)
        self.session = session
        self.setObjectName("badOrderOverlay")
        self.setAutoFillBackground(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay with the talk
        self.title = _label("overlayTitle")
        self.sent = _label("badOrderSent")
        self.hint = _label("badOrderHint")
        grid = QGridLayout()
        grid.setHorizontalSpacing(40)
        self.headings: dict[str, QLabel] = {}
        self.statuses: dict[str, QLabel] = {}
        self.replies: dict[str, QLabel] = {}
        """Per framework: the fields its reply blames, one per line (the whole body as tip)."""
        self.answers: dict[str, BadOrderReply] = {}
        for column, (framework, _) in enumerate(FRAMEWORKS):
            self.headings[framework] = _label("sectionTitle")
            self.statuses[framework] = _label(f"status_{framework}")
            self.statuses[framework].setProperty("role", "replyStatus")
            self.replies[framework] = _label(f"reply_{framework}")
            grid.addWidget(self.headings[framework], 0, column)
            grid.addWidget(self.statuses[framework], 1, column)
            grid.addWidget(self.replies[framework], 2, column)
            grid.setColumnStretch(column, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 24, 40, 24)
        layout.setSpacing(12)
        layout.addWidget(self.title)
        layout.addWidget(self.sent)
        layout.addLayout(grid)
        layout.addStretch(1)
        layout.addWidget(self.hint)
        self.pending: asyncio.Future[None] | None = None
        """The replies being fetched (awaited by tests)."""
        self.retranslate()

    def ask(self) -> asyncio.Future[None]:
        """Send the bad order to both kitchens at once and show the replies as they come."""
        self.answers = {}
        self.retranslate()
        if not self.isVisible():
            self.toggle()
        self.pending = asyncio.ensure_future(self._send())
        return self.pending

    async def _send(self) -> None:
        kitchens = bad_order_kitchens(self.session.kitchens)

        async def one(framework: str) -> None:
            kitchen = kitchens[framework]
            if kitchen is None:
                return
            self.answers[framework] = await off_gui_thread(lambda: send_bad_order(kitchen))
            self._show(framework)

        await asyncio.gather(*(one(framework) for framework in kitchens))

    def _show(self, framework: str) -> None:
        reply = self.answers.get(framework)
        status, lines = self.statuses[framework], self.replies[framework]
        if reply is None:
            kitchen = bad_order_kitchens(self.session.kitchens)[framework]
            status.setText(self.tr("Sending…") if kitchen else " ")
            missing = self.tr("Open a {0} kitchen (Kitchens menu) to see its reply.")
            lines.setText(" " if kitchen else missing.format(framework))
            lines.setToolTip("")
            return
        status.setText(reply.status_line)
        lines.setText("\n".join(reply.problems) or reply.text.partition("\n\n")[2][:400])
        lines.setToolTip(reply.text)

    def retranslate(self) -> None:
        self.title.setText(self.tr("A bad order, two ways of saying no"))
        self.sent.setText(self.tr("Sent to POST /chat of each: {0}").format(json.dumps(BAD_ORDER)))
        self.hint.setText(self.tr("Esc or any clicker key closes the replies."))
        kitchens = bad_order_kitchens(self.session.kitchens)
        for framework, caption in FRAMEWORKS:
            kitchen = kitchens[framework]
            name = kitchen.name if kitchen else self.tr("no kitchen open")
            heading = QCoreApplication.translate("BadOrderView", caption)
            self.headings[framework].setText(f"{heading} — {name}")
            self._show(framework)
