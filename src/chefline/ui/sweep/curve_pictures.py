"""The capacity curve as a file: PNG through a QImage, SVG through QtSvg's generator.

Both paint with ``CurvePainter``, the window's own drawing; ``chefline sweep --out`` calls
``save_curve_picture`` offscreen, the window's export calls it too.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QApplication

from chefline.kitchen.capacity import Sweep
from chefline.kitchen.errors import BadInput, FileWriteError
from chefline.texts import translate
from chefline.ui.look.palette import THEME
from chefline.ui.sweep.curve_painter import CurvePainter
from chefline.ui.sweep.curve_texts import TITLE, tr

PICTURE_POINT_SIZE = 12.0
"""The picture's text: readable on a slide at 1600 × 900."""


def _application() -> QGuiApplication:
    """The running application, or one made for drawing (the command line has none)."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(["chefline"])
    assert isinstance(app, QGuiApplication)
    return app


def _font(size: QSize) -> QFont:
    font = QFont(_application().font())
    font.setPointSizeF(max(font.pointSizeF(), PICTURE_POINT_SIZE * size.width() / 1600))
    return font


def curve_image(sweep: Sweep, size: QSize) -> QImage:
    """The curve drawn into an image of ``size`` pixels."""
    _application()
    image = QImage(size, QImage.Format.Format_RGB32)
    image.fill(QColor(THEME["panel"]))
    painter = QPainter(image)
    painter.setFont(_font(size))
    CurvePainter().paint(painter, QRectF(0, 0, size.width(), size.height()), sweep)
    painter.end()
    return image


def save_curve_picture(sweep: Sweep, path: Path, size: tuple[int, int]) -> Path:
    """``path`` ending in .png or .svg; BadInput for another kind, FileWriteError if the
    file cannot be written."""
    suffix = path.suffix.lower()
    width, height = size
    if suffix == ".png":
        if not curve_image(sweep, QSize(width, height)).save(str(path)):
            raise FileWriteError(translate("Errors", "could not write {0}").format(path))
        return path
    if suffix != ".svg":
        raise BadInput(translate("Errors", "a curve is drawn as .png or .svg, not {0}")
                       .format(path.name))  # fmt: skip
    _application()
    if not path.parent.is_dir():
        raise FileWriteError(translate("Errors", "could not write {0}").format(path))
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(QSize(width, height))
    generator.setResolution(96)
    generator.setViewBox(QRectF(0, 0, width, height))
    generator.setTitle(tr(TITLE))
    generator.setDescription("Chefline capacity sweep")
    painter = QPainter()
    if not painter.begin(generator):
        raise FileWriteError(translate("Errors", "could not write {0}").format(path))
    painter.setFont(_font(QSize(width, height)))
    CurvePainter().paint(painter, QRectF(0, 0, width, height), sweep)
    painter.end()
    if not path.is_file():
        raise FileWriteError(translate("Errors", "could not write {0}").format(path))
    return path
