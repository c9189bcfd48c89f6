"""The race as files: replay it, save and open it, export it as pictures and an animation."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QFileDialog

from chefline.client.export import load_json, save_csv, save_json, save_summary_csv
from chefline.client.trace_file import TraceWriteError, save_trace
from chefline.kitchen.recipe import RecipeError
from chefline.ui.gif_export import export_replay_gif

if TYPE_CHECKING:
    from chefline.ui.main_window import MainWindow

EXPORT_SIZE = QSize(1920, 1080)


class RaceFiles(QObject):
    """The window's File and replay commands; errors go to the window's message line."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._gif: asyncio.Future[Path] | None = None

    def toggle_replay(self) -> None:
        """P: replay the race on screen from its start, or leave the replay."""
        player = self.window.session.replay
        if player.active:
            player.stop()
        elif self.window.session.running:
            self.window.show_error(self.tr("Replay the race once it has finished."))
        elif self.window.session.result is None:
            self.window.show_error(self.tr("No race to replay yet: press Serve (Space) first."))
        else:
            player.start(self.window.session.result)

    def choose_save_file(self) -> None:
        if self.window.session.result is None:
            self.window.show_error(self.tr("No finished race to save yet."))
            return
        name, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Save the race"), "race.json", self.tr("Race (*.json)")
        )
        if name:
            save_json(self.window.session.result, Path(name))
            self.window.state_label.setText(
                self.tr("Saved {0}: open it with Ctrl+O to replay it").format(name)
            )

    def choose_trace_file(self) -> None:
        """The race on screen (run, replayed or opened) as a trace for ui.perfetto.dev."""
        if self.window.session.running:
            self.window.show_error(self.tr("Export the trace once the race has finished."))
            return
        if self.window.session.result is None:
            self.window.show_error(self.tr("No race to export yet: press Serve (Space) first."))
            return
        name, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Export a trace for Perfetto"), "chefline-trace.json",
            self.tr("Trace Event Format (*.json)"),
        )  # fmt: skip
        if name:
            self.export_trace(Path(name))

    def export_trace(self, path: Path) -> bool:
        """Write the trace; False, with one sentence in a dialog, if it cannot be written."""
        assert self.window.session.result is not None
        try:
            save_trace(self.window.session.result, path)
        except TraceWriteError as error:
            self.window.show_error(str(error))
            return False
        self.window.state_label.setText(
            self.tr("Saved {0}: open it in ui.perfetto.dev or chrome://tracing").format(path)
        )
        return True

    def choose_race_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Open a saved race"), "", self.tr("Race (*.json)")
        )
        if name:
            self.open_race(Path(name))

    def open_race(self, path: Path) -> bool:
        """Replay a saved race (marked as recorded); False, with the reason, if it cannot."""
        if self.window.session.running:
            self.window.show_error(self.tr("Wait for the race to finish before opening another."))
            return False
        try:
            result = load_json(path)
        except RecipeError as error:
            self.window.show_error(str(error))
            return False
        self.window.session.replay.start(result, recorded=True)
        return True

    def choose_view_png(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Export this view"), "chefline.png", self.tr("Image (*.png)")
        )
        if name:
            self.export_view_png(Path(name))
            self.window.state_label.setText(self.tr("Saved {0}").format(name))

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
        if self.window.session.running or (
            self.window.session.result is None and not self.window.session.replay.active
        ):
            self.window.show_error(self.tr("Export a replay once a race has finished."))
            return
        name, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Export the replay"), "chefline.gif", self.tr("Animation (*.gif)")
        )
        if name:
            self._gif = asyncio.ensure_future(self.export_replay_gif(Path(name)))

    async def export_replay_gif(self, path: Path) -> Path:
        """The race on screen replayed into an animated GIF of the kitchens."""
        player = self.window.session.replay
        if not player.active:
            assert self.window.session.result is not None
            player.start(self.window.session.result, recorded=False)

        def progress(done: int, total: int) -> None:
            self.window.state_label.setText(
                self.tr("Writing the GIF… frame {0} of {1}").format(done, total)
            )

        await export_replay_gif(player, self.window.kitchens_area, path, progress=progress)
        self.window.state_label.setText(self.tr("Saved {0}").format(path.name))
        return path

    def choose_export_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.window, self.tr("Export the race to…"))
        if folder:
            paths = self.export_race(Path(folder))
            self.window.state_label.setText(
                self.tr("Saved {0}").format(", ".join(p.name for p in paths))
            )

    def export_race(self, folder: Path) -> list[Path]:
        """The timelines and the histogram as PNG, every order as JSON and CSV, each kitchen's
        figures as CSV and the race as a Perfetto trace; returns the files written."""
        result = self.window.session.result
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
        drawer = self.window.histogram
        shown = drawer.isVisible()
        drawer.hide()  # drawn below the kitchens, not over them
        timelines = self.window.kitchens_area.grab().toImage()
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
