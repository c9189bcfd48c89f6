"""The last line of defence: an unexpected exception is logged and shown, and the app lives on."""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

log = logging.getLogger("chefline")


class UnexpectedErrors:
    """Installed as ``sys.excepthook`` and as the event loop's exception handler."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def install(self, loop: Any | None = None) -> None:
        sys.excepthook = self.hook
        if loop is not None:
            loop.set_exception_handler(self.loop_handler)

    def hook(
        self, kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        details = "".join(traceback.format_exception(kind, error, tb))
        self.report(f"{kind.__name__}: {error}", details)

    def loop_handler(self, loop: Any, context: dict[str, Any]) -> None:
        error = context.get("exception")
        if error is None:
            self.report(str(context.get("message", "unknown error in the event loop")), "")
        else:
            self.hook(type(error), error, error.__traceback__)

    def report(self, summary: str, details: str) -> None:
        self.seen.append(summary)
        log.error("unexpected error: %s\n%s", summary, details)
        parent = QApplication.activeWindow()
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            QCoreApplication.translate("Errors", "Chefline — unexpected error"),
            QCoreApplication.translate(
                "Errors", "Something went wrong, but Chefline is still running."
            )
            + "\n\n"
            + summary,
            parent=parent,
        )
        box.setDetailedText(details)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()  # never exec(): a nested loop would stall the kitchens' event loop


UNEXPECTED = UnexpectedErrors()
