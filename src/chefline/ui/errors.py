"""The last line of defence: an unexpected exception is logged and shown, and the app lives on."""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from chefline.ui.dialogs.error_boxes import ErrorBoxes

log = logging.getLogger("chefline")


class UnexpectedErrors:
    """Installed as ``sys.excepthook`` and as the event loop's exception handler."""

    def __init__(self) -> None:
        self.seen: list[str] = []
        self.boxes = ErrorBoxes()

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
        last = traceback.extract_tb(tb)[-1] if tb is not None else None
        where = f" at {last.filename}:{last.lineno}" if last else ""
        self.report(f"{kind.__name__}: {error}", details, cause=f"{kind.__name__}{where}")

    def loop_handler(self, loop: Any, context: dict[str, Any]) -> None:
        error = context.get("exception")
        if error is None:
            self.report(str(context.get("message", "unknown error in the event loop")), "")
        else:
            self.hook(type(error), error, error.__traceback__)

    def report(self, summary: str, details: str, cause: str | None = None) -> None:
        """Log every report; show a dialog once per ``cause`` (the error's kind and where it
        was raised) for the app's life: a timer that fails each frame gives one dialog."""
        self.seen.append(summary)
        cause = cause or summary
        if self.boxes.has_shown(cause):
            self.boxes.repeats[cause] += 1
            log.error("unexpected error again (%d×): %s", self.boxes.repeats[cause], summary)
            return
        log.error("unexpected error: %s\n%s", summary, details)

        def make_box() -> QMessageBox:
            box = QMessageBox(
                QMessageBox.Icon.Critical,
                QCoreApplication.translate("Errors", "Chefline — unexpected error"),
                QCoreApplication.translate(
                    "Errors", "Something went wrong, but Chefline is still running."
                )
                + "\n\n"
                + summary,
                parent=QApplication.activeWindow(),
            )
            box.setDetailedText(details)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            return box

        self.boxes.show(cause, make_box, once_ever=True)


UNEXPECTED = UnexpectedErrors()
