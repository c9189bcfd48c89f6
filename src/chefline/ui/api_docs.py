"""FastAPI's own API docs (/docs) of an open FastAPI kitchen, in the system's browser.

Each kitchen serves Swagger UI itself (offline); as root, where browsers refuse to start,
the address is copied to the clipboard instead and the window says so.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication

from chefline.ui.session import RaceSession


class ApiDocs(QObject):
    sig_error_requested = Signal(str)
    """The docs could not open. Parameter: one sentence (with the address when known)."""
    sig_status_requested = Signal(str)
    """The docs opened. Parameter: a line for the status bar."""

    def __init__(self, session: RaceSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session

    def url(self) -> str | None:
        fastapi = [k for k in self.session.kitchens if k.mode.framework == "fastapi"]
        running = [k for k in fastapi if k.server.running]
        return f"{running[0].url}/docs" if running else None

    def open(self) -> None:
        url = self.url()
        if url is None:
            self.sig_error_requested.emit(
                self.tr("Open a FastAPI kitchen (Kitchens menu) to see its API docs.")
            )
        elif hasattr(os, "geteuid") and os.geteuid() == 0:  # browsers refuse to run as root
            QApplication.clipboard().setText(url)
            self.sig_error_requested.emit(self.tr("Browsers do not open for the root user. "
                                                  "The docs are at {0} (copied to the "
                                                  "clipboard).").format(url))  # fmt: skip
        elif not QDesktopServices.openUrl(QUrl(url)):
            self.sig_error_requested.emit(
                self.tr("No browser opened; the docs are at {0}").format(url)
            )
        else:
            self.sig_status_requested.emit(self.tr("API docs: {0}").format(url))
