"""Help → About: what this Chefline is made of, and where its log is."""

from __future__ import annotations

import platform
from importlib import metadata

from PySide6.QtCore import QCoreApplication
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
            versions[name] = QCoreApplication.translate("About", "not installed")
    return versions


def about_text(log_file: str | None) -> str:
    rows = "".join(f"<tr><td>{k}</td><td>{v}</td></tr>" for k, v in package_versions().items())
    log = log_file or QCoreApplication.translate("About", "standard error only")
    tagline = QCoreApplication.translate(
        "About", "Real Flask and FastAPI kitchens racing the same orders, measured."
    )
    licence = QCoreApplication.translate("About", "Licence: MIT.")
    log_line = QCoreApplication.translate("About", "Log file: {0}").format(log)
    return (
        f"<h3>Chefline {__version__}</h3>"
        f"<p>{tagline}</p><p>{licence}</p><table>{rows}</table><p>{log_line}</p>"
    )


def show_about(parent: QWidget, log_file: str | None) -> QMessageBox:
    title = QCoreApplication.translate("About", "About Chefline")
    box = QMessageBox(QMessageBox.Icon.Information, title, about_text(log_file), parent=parent)
    box.setObjectName("aboutDialog")
    box.open()
    return box
