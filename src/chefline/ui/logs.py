"""Where the app logs: a file in the user's data folder, and standard error when there is one.

A frozen windowed app has no standard error (``sys.stderr`` is None), so the file is the
only place its warnings and unexpected errors can go.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

from PySide6.QtCore import QStandardPaths

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def log_folder() -> Path:
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(location or Path.home() / ".chefline")


def set_up_logging() -> Path | None:
    """Log warnings and errors to ``chefline.log`` (and stderr); returns the file, if any."""
    root = logging.getLogger()
    if root.handlers:  # someone (a test, an embedding app) already decided
        return None
    root.setLevel(logging.WARNING)
    if sys.stderr is not None:
        stream = logging.StreamHandler()
        stream.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        root.addHandler(stream)
    try:
        folder = log_folder()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "chefline.log"
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=2, encoding="utf-8"
        )
    except OSError:
        return None  # a read-only home must not stop the app
    handler.setFormatter(logging.Formatter(FORMAT))
    root.addHandler(handler)
    return path


def log_file() -> Path | None:
    """The file the app logs to (Help → About shows it), as the logging set-up has it."""
    for handler in logging.getLogger().handlers:
        if isinstance(handler, logging.FileHandler):
            return Path(handler.baseFilename)
    return None
