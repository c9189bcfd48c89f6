"""Child process for the start benchmark: prints READY once the window is on screen with its
kitchens listening, then quits."""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer

from chefline.app import build_window, start_qt
from chefline.cli import build_parser


def main() -> None:
    _app, loop = start_qt()
    window, session = build_window(build_parser().parse_args(["window"]))
    window.show()
    assert all(kitchen.server.running for kitchen in session.kitchens)

    def ready() -> None:
        print("READY", flush=True)
        window.close()

    QTimer.singleShot(0, ready)
    with loop:
        loop.run_forever()
    sys.exit(0)


if __name__ == "__main__":
    main()
