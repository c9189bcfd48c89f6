"""Child process for the start benchmark, as ``chefline`` starts: prints SHOWN when the window
has painted for the first time, READY once its kitchens are open, then quits."""

from __future__ import annotations

import asyncio
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject, QTimer

from chefline.app import build_window, open_kitchens_after_show, start_qt
from chefline.cli import build_parser


class FirstPaint(QObject):
    """Says SHOWN when the window paints for the first time: what a person sees."""

    def __init__(self) -> None:
        super().__init__()
        self.seen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.seen:
            self.seen = True
            print("SHOWN", flush=True)
        return False


def main() -> None:
    _app, loop = start_qt()
    args = build_parser().parse_args(["window"])
    window, session = build_window(args, open_now=False)
    first_paint = FirstPaint()
    window.installEventFilter(first_paint)
    window.show()

    async def open_then_quit() -> None:
        await open_kitchens_after_show(window, args)
        assert all(kitchen.server.running for kitchen in session.kitchens)
        print("READY", flush=True)
        window.close()

    QTimer.singleShot(0, lambda: asyncio.ensure_future(open_then_quit()))
    with loop:
        loop.run_forever()
    sys.exit(0)


if __name__ == "__main__":
    main()
