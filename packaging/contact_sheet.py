"""Lay pictures out on one sheet, four to a row, each with its file's name under it.

    python packaging/contact_sheet.py docs/talk-1280x720.png shot1.png shot2.png …

``make talk-sheet`` takes a picture of each scene of the talk at 1280×720 (the real window on
a virtual screen with a window manager) and lays the eight out here, for docs/ and a quick
look at the whole talk. Qt draws the sheet offscreen: no imaging library needed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRect, Qt  # noqa: E402
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter  # noqa: E402

PER_ROW = 4
TILE_WIDTH = 640
CAPTION = 28
GAP = 12


def sheet(pictures: list[Path]) -> QImage:
    images = [QImage(str(path)) for path in pictures]
    missing = [str(path) for path, image in zip(pictures, images, strict=True) if image.isNull()]
    if missing:
        raise SystemExit(f"cannot read {', '.join(missing)}")
    tile_height = round(TILE_WIDTH * images[0].height() / images[0].width())
    rows = (len(images) + PER_ROW - 1) // PER_ROW
    columns = min(len(images), PER_ROW)
    out = QImage(GAP + columns * (TILE_WIDTH + GAP), GAP + rows * (tile_height + CAPTION + GAP),
                 QImage.Format.Format_RGB32)  # fmt: skip
    out.fill(QColor("#1d2430"))
    painter = QPainter(out)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    font = QFont("DejaVu Sans")
    font.setPixelSize(16)
    painter.setFont(font)
    painter.setPen(QColor("white"))
    for number, (path, image) in enumerate(zip(pictures, images, strict=True)):
        row, column = divmod(number, PER_ROW)
        x = GAP + column * (TILE_WIDTH + GAP)
        y = GAP + row * (tile_height + CAPTION + GAP)
        scaled = image.scaled(TILE_WIDTH, tile_height, Qt.AspectRatioMode.IgnoreAspectRatio,
                              Qt.TransformationMode.SmoothTransformation)  # fmt: skip
        painter.drawImage(x, y, scaled)
        painter.drawText(QRect(x, y + tile_height, TILE_WIDTH, CAPTION),
                         int(Qt.AlignmentFlag.AlignCenter), path.stem)  # fmt: skip
    painter.end()
    return out


def main(argv: list[str]) -> int:
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    app = QGuiApplication(argv[:1])  # noqa: F841 - Qt's fonts need an application
    out, pictures = Path(argv[1]), [Path(name) for name in argv[2:]]
    if not sheet(pictures).save(str(out)):
        print(f"could not write {out}", file=sys.stderr)
        return 1
    print(f"saved {out} ({len(pictures)} pictures)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
