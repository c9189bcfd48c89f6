"""The marks of a kitchen on the capacity curve: a shape each, besides its colour."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPolygonF

from chefline.ui.look.palette import THEME
from chefline.ui.sweep.curve_texts import RACING, tr

Marker = Callable[[QPainter, QPointF, float], None]


def _circle(painter: QPainter, at: QPointF, r: float) -> None:
    painter.drawEllipse(at, r, r)


def _square(painter: QPainter, at: QPointF, r: float) -> None:
    painter.drawRect(QRectF(at.x() - r * 0.85, at.y() - r * 0.85, r * 1.7, r * 1.7))


def _polygon(corners: Sequence[tuple[float, float]]) -> Marker:
    def draw(painter: QPainter, at: QPointF, r: float) -> None:
        painter.drawPolygon(QPolygonF([QPointF(at.x() + x * r, at.y() + y * r)
                                       for x, y in corners]))  # fmt: skip

    return draw


MARKERS: tuple[Marker, ...] = (
    _circle,
    _square,
    _polygon([(0, -1.2), (1.1, 0.8), (-1.1, 0.8)]),
    _polygon([(0, -1.3), (1.1, 0), (0, 1.3), (-1.1, 0)]),
    _polygon([(0, 1.2), (1.1, -0.8), (-1.1, -0.8)]),
    _polygon([(-1, -0.4), (-0.4, -0.4), (-0.4, -1), (0.4, -1), (0.4, -0.4), (1, -0.4),
              (1, 0.4), (0.4, 0.4), (0.4, 1), (-0.4, 1), (-0.4, 0.4), (-1, 0.4)]),
)  # fmt: skip
"""Circle, square, triangle, diamond, triangle down, plus: one per kitchen."""

KITCHEN_MARKS: dict[str, tuple[str, int]] = {
    "flask-one-chef": ("#0072B2", 0),
    "flask-threaded": ("#E69F00", 1),
    "flask-processes": ("#009E73", 2),
    "fastapi-async": ("#CC79A7", 3),
    "flask-pool": ("#D55E00", 4),
    "fastapi-def": ("#56B4E9", 5),
    "flask-gevent": ("#6A3D9A", 0),
    "fastapi-blocking": ("#5b6573", 1),
    "flask-async-view": ("#8C6D00", 2),
}
"""Each kitchen's colour (Okabe–Ito first, then darker ones that read on white) and shape,
the same in every sweep: one chef is blue circles whichever kitchens race beside it."""


def kitchen_mark(name: str, index: int) -> tuple[str, Marker]:
    """The colour and shape of kitchen ``name`` (``index``: its place, for an unknown one)."""
    colour, shape = KITCHEN_MARKS.get(name, (FALLBACK[index % len(FALLBACK)], index))
    return colour, MARKERS[shape % len(MARKERS)]


FALLBACK = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9")


# -- drawing them ---------------------------------------------------------------------------


def draw_line(
    painter: QPainter, spots: list[QPointF], colour: QColor, style: Qt.PenStyle, width: float
) -> None:
    if len(spots) < 2:
        return
    path = QPainterPath(spots[0])
    for spot in spots[1:]:
        path.lineTo(spot)
    pen = QPen(colour, width, style)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(path)


def draw_mark(
    painter: QPainter, at: QPointF, colour: QColor, marker: Marker, radius: float, filled: bool
) -> None:
    painter.setPen(QPen(QColor(THEME["panel"]) if filled else colour, 1.5 if filled else 2))
    painter.setBrush(colour if filled else QColor(THEME["panel"]))
    marker(painter, at, radius)
    painter.setBrush(Qt.BrushStyle.NoBrush)


def draw_knee(painter: QPainter, at: QPointF, colour: QColor, label: str, plot: QRectF) -> None:
    """A ring round the knee's point, named below it (beside it at the plot's edge)."""
    painter.setPen(QPen(colour, 2.5))
    painter.drawEllipse(at, 11, 11)
    painter.setPen(QColor(THEME["text"]))
    line = painter.fontMetrics().height()
    width = painter.fontMetrics().horizontalAdvance(label) + 4
    if at.x() + width / 2 > plot.right():  # the last load: to the left of the ring
        box = QRectF(at.x() - 14 - width, at.y() - line / 2, width, line)
    else:
        box = QRectF(at.x() - width / 2, at.y() + 12, width, line)
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, label)


def draw_racing(painter: QPainter, at: QPointF, colour: QColor) -> None:
    painter.setPen(QPen(colour, 2, Qt.PenStyle.DotLine))
    painter.drawEllipse(at, 9, 9)
    painter.setPen(QColor(THEME["muted"]))
    line = painter.fontMetrics().height()
    painter.drawText(QRectF(at.x() - 60, at.y() - 10 - line, 120, line),
                     Qt.AlignmentFlag.AlignHCenter, tr(RACING))  # fmt: skip
