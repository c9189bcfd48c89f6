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
