"""Help → About: what this Chefline is made of, and where its log is."""

from __future__ import annotations

import platform
from importlib import metadata

from PySide6.QtWidgets import QMessageBox, QWidget

from chefline import __version__

PACKAGES = ("PySide6-Essentials", "qasync", "fastapi", "uvicorn", "flask", "waitress", "httpx",
            "httpx-aiohttp")  # fmt: skip


def package_versions() -> dict[str, str]:
    versions = {"Python": platform.python_version()}
    for name in PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions


def about_text(log_file: str | None) -> str:
    rows = "".join(f"<tr><td>{k}</td><td>{v}</td></tr>" for k, v in package_versions().items())
    log = log_file or "standard error only"
    return (
        f"<h3>Chefline {__version__}</h3>"
        "<p>Real Flask and FastAPI kitchens racing the same orders, measured.</p>"
        "<p>Licence: MIT.</p>"
        f"<table>{rows}</table>"
        f"<p>Log file: {log}</p>"
    )


def show_about(parent: QWidget, log_file: str | None) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Information, "About Chefline", about_text(log_file),
                      parent=parent)  # fmt: skip
    box.setObjectName("aboutDialog")
    box.open()
    return box
