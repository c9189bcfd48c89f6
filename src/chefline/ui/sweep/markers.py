"""The marks of a kitchen on the capacity curve: a shape each, besides its colour."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainter, QPolygonF

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
