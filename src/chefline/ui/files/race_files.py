"""The race as files: replay it, save and open it, export it as pictures and an animation."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QFileDialog, QWidget

from chefline.client.export import load_json, save_csv, save_json, save_summary_csv
from chefline.client.race import RaceResult
from chefline.client.trace_file import save_trace
from chefline.kitchen.bounded_json import stated_size
from chefline.kitchen.errors import BadInput, FileWriteError
from chefline.kitchen.replay import RaceStory
from chefline.ui.files.gif_export import export_replay_gif
from chefline.ui.off_thread import off_gui_thread
from chefline.ui.race.latency_histogram import LatencyHistogram
from chefline.ui.session import RaceSession

EXPORT_SIZE = QSize(1920, 1080)
LOAD_HERE_BYTES = 4 * 1024 * 1024
"""A race this large (uncompressed) or less is read on the GUI thread, at once."""


class RaceFiles(QObject):
    """The window's File and replay commands; what they have to say, they ask the window to
    show (``sig_error_requested``, ``sig_status_requested``)."""

    sig_error_requested = Signal(str)
    """Tell the user why a command could not be done. Parameter: one sentence."""
    sig_status_requested = Signal(str)
    """Say on the status line what was done (a file saved, a GIF's progress). Parameter: it."""

    def __init__(self, session: RaceSession, window: QWidget, kitchens_area: QWidget,
                 histogram: LatencyHistogram) -> None:  # fmt: skip
        """``window``: the top-level window, parent of the file dialogs and the picture a
        view export takes; ``kitchens_area`` and ``histogram``: what a race export draws."""
        super().__init__(window)
        self.session = session
        self.window = window
        self.kitchens_area = kitchens_area
        self.histogram = histogram
        self._gif: asyncio.Future[Path] | None = None
        self.opened: asyncio.Future[bool] | None = None
        """Opening a saved race's kitchens before its replay (None: nothing to open)."""

    def toggle_replay(self) -> None:
        """P: replay the race on screen from its start, or leave the replay."""
        player = self.session.replay
        if player.active:
            player.stop()
        elif self.session.running:
            self.sig_error_requested.emit(self.tr("Replay the race once it has finished."))
        elif self.session.result is None:
            self.sig_error_requested.emit(
                self.tr("No race to replay yet: press Serve (Space) first.")
            )
        else:
            player.start(self.session.result)

    def choose_save_file(self) -> None:
        if self.session.result is None:
            self.sig_error_requested.emit(self.tr("No finished race to save yet."))
            return
        name, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Save the race"), "race.json", self.tr("Race (*.json)")
        )
        if name:
            save_json(self.session.result, Path(name))
            self.sig_status_requested.emit(
                self.tr("Saved {0}: open it with Ctrl+O to replay it").format(name)
            )

    def choose_trace_file(self) -> None:
        """The race on screen (run, replayed or opened) as a trace for ui.perfetto.dev."""
        if self.session.running:
            self.sig_error_requested.emit(self.tr("Export the trace once the race has finished."))
            return
        if self.session.result is None:
            self.sig_error_requested.emit(
                self.tr("No race to export yet: press Serve (Space) first.")
            )
            return
        name, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Export a trace for Perfetto"), "chefline-trace.json",
            self.tr("Trace Event Format (*.json)"),
        )  # fmt: skip
        if name:
            self.export_trace(Path(name))

    def export_trace(self, path: Path) -> bool:
        """Write the trace; False, with one sentence in a dialog, if it cannot be written."""
        assert self.session.result is not None
        try:
            save_trace(self.session.result, path)
        except FileWriteError as error:
            self.sig_error_requested.emit(str(error))
            return False
        self.sig_status_requested.emit(
            self.tr("Saved {0}: open it in ui.perfetto.dev or chrome://tracing").format(path)
        )
        return True

    def choose_race_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Open a saved race"), "", self.tr("Race (*.json)")
        )
        if name:
            self.open_race(Path(name))

    def open_race(self, path: Path, *, open_kitchens: bool = True) -> bool:
        """Replay a saved race (marked as recorded); False, with the reason, if it cannot.

        The race is read with bounds and checked whole first (``load_json``): here and now
        when it is small (a talk's recording, a few hundred kB), else off the GUI thread,
        since the largest race the limits allow takes seconds to check and build. The replay
        shows a panel per open kitchen, so the kitchens it raced are opened first (off the
        GUI thread, as a scene's are). Either way ``opened`` is then the future of it, True
        means the replay is on its way, and a refusal comes as an error sentence.
        ``open_kitchens`` False: replay what is open (the talk, whose scene's kitchens could
        not open, replays its recording anyway).
        """
        if self.session.running:
            self.sig_error_requested.emit(
                self.tr("Wait for the race to finish before opening another.")
            )
            return False
        size = stated_size(path)
        if size is not None and size > LOAD_HERE_BYTES:
            self.opened = asyncio.ensure_future(self._load_then_replay(path, open_kitchens))
            return True
        try:
            result = load_json(path)
        except BadInput as error:
            self.sig_error_requested.emit(str(error))
            return False
        return self._replay(result, open_kitchens)

    async def _load_then_replay(self, path: Path, open_kitchens: bool) -> bool:
        """Read, check and tell a large race in a thread: the window keeps painting."""

        def load() -> tuple[RaceResult, RaceStory]:
            result = load_json(path)
            return result, RaceStory(result.timelines.values())

        try:
            result, story = await off_gui_thread(load)
        except BadInput as error:
            self.sig_error_requested.emit(str(error))
            return False
        if self.session.running:
            return False
        if not self._replay(result, open_kitchens, story):
            return False
        return await self.opened if self.opened is not None else True

    def _replay(
        self, result: RaceResult, open_kitchens: bool, story: RaceStory | None = None
    ) -> bool:
        needed = list(result.timelines)
        if not open_kitchens or set(needed) <= set(self.session.mode_names):
            self.opened = None
            self.session.replay.start(result, recorded=True, story=story)
            return True
        self.opened = asyncio.ensure_future(self._open_then_replay(result, needed, story))
        return True

    async def _open_then_replay(
        self, result: RaceResult, needed: list[str], story: RaceStory | None = None
    ) -> bool:
        """Open the replay's kitchens, then replay it; True when every one of them opened."""
        opened = await self.session.open_kitchens_async(needed)
        missing = [name for name in needed if name not in self.session.mode_names]
        if missing:  # the session said why each could not open; say what the replay lacks
            self.sig_error_requested.emit(
                self.tr("The replay shows {0} of its {1} kitchens: {2} could not open.").format(
                    len(needed) - len(missing), len(needed), ", ".join(missing)
                )
            )
        if self.session.running:
            return False
        self.session.replay.start(result, recorded=True, story=story)
        return opened

    def choose_view_png(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Export this view"), "chefline.png", self.tr("Image (*.png)")
        )
        if name:
            self.export_view_png(Path(name))
            self.sig_status_requested.emit(self.tr("Saved {0}").format(name))

    def export_view_png(self, path: Path) -> Path:
        """The window as a 1920×1080 picture, for a slide; the window keeps its size."""
        window = self.window
        size = window.size()
        if not window.isFullScreen():
            window.resize(EXPORT_SIZE)
        try:
            picture = window.grab().scaled(
                EXPORT_SIZE,
                Qt.AspectRatioMode.IgnoreAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            if not picture.save(str(path)):
                raise OSError(f"could not write {path}")
        finally:
            if not window.isFullScreen():
                window.resize(size)
        return path

    def choose_replay_gif(self) -> None:
        if self.session.running or (self.session.result is None and not self.session.replay.active):
            self.sig_error_requested.emit(self.tr("Export a replay once a race has finished."))
            return
        name, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Export the replay"), "chefline.gif", self.tr("Animation (*.gif)")
        )
        if name:
            self._gif = asyncio.ensure_future(self.export_replay_gif(Path(name)))

    async def export_replay_gif(self, path: Path) -> Path:
        """The race on screen replayed into an animated GIF of the kitchens."""
        player = self.session.replay
        if not player.active:
            assert self.session.result is not None
            player.start(self.session.result, recorded=False)

        def progress(done: int, total: int) -> None:
            self.sig_status_requested.emit(
                self.tr("Writing the GIF… frame {0} of {1}").format(done, total)
            )

        await export_replay_gif(player, self.kitchens_area, path, progress=progress)
        self.sig_status_requested.emit(self.tr("Saved {0}").format(path.name))
        return path

    def choose_export_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.window, self.tr("Export the race to…"))
        if folder:
            paths = self.export_race(Path(folder))
            self.sig_status_requested.emit(
                self.tr("Saved {0}").format(", ".join(p.name for p in paths))
            )

    def export_race(self, folder: Path) -> list[Path]:
        """The timelines and the histogram as PNG, every order as JSON and CSV, each kitchen's
        figures as CSV and the race as a Perfetto trace; returns the files written."""
        result = self.session.result
        if result is None:
            raise RuntimeError("there is no finished race to export")
        folder.mkdir(parents=True, exist_ok=True)
        stem = folder / f"chefline-race-{time.strftime('%Y%m%d-%H%M%S')}"
        png = stem.with_suffix(".png")
        if not self._race_picture().save(str(png)):
            raise OSError(f"could not write {png}")
        return [png, save_json(result, stem.with_suffix(".json")),
                save_csv(result, stem.with_suffix(".csv")),
                save_summary_csv(result, stem.with_name(stem.name + "-summary.csv")),
                save_trace(result, stem.with_name(stem.name + "-trace.json"))]  # fmt: skip

    def _race_picture(self) -> QImage:
        """The kitchens' timelines with the latency histogram below them, shown or not."""
        drawer = self.histogram
        shown = drawer.isVisible()
        drawer.hide()  # drawn below the kitchens, not over them
        timelines = self.kitchens_area.grab().toImage()
        drawer.setVisible(shown)
        ratio = timelines.devicePixelRatio()
        histogram = drawer.render_image(round(timelines.width() / ratio), ratio)
        picture = QImage(timelines.width(), timelines.height() + histogram.height(),
                         QImage.Format.Format_RGB32)  # fmt: skip
        painter = QPainter(picture)  # in physical pixels: both images keep their own
        timelines.setDevicePixelRatio(1.0)
        histogram.setDevicePixelRatio(1.0)
        painter.drawImage(0, 0, timelines)
        painter.drawImage(0, timelines.height(), histogram)
        painter.end()
        return picture
