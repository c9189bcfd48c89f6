"""A small animated kitchen: the queue, the chefs at the stove, the pots, the dishes served.

Drawn from the SVG art in resources/art and driven by the same records as the timelines.
"""

from __future__ import annotations

import math
from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QSizePolicy, QWidget

from chefline.assets import resource_path
from chefline.kitchen.timeline import KitchenNow
from chefline.ui.look.palette import THEME
from chefline.ui.race import kitchen_clock
from chefline.ui.session import RaceSession


@cache
def art(name: str) -> QSvgRenderer:
    return QSvgRenderer(str(resource_path("art", f"{name}.svg")))


@cache
def picture(name: str, width: int, height: int, ratio: float) -> QPixmap:
    """The SVG drawn once at this size; rendering SVG on every frame costs too much."""
    pixmap = QPixmap(max(1, round(width * ratio)), max(1, round(height * ratio)))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    art(name).render(painter, QRectF(0, 0, width, height))
    painter.end()
    return pixmap


class KitchenScene(QWidget):
    MAX_ICONS = 10

    def __init__(self, session: RaceSession, kitchen: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.kitchen = kitchen
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)  # it fills its whole rect
        self.rest = kitchen_clock.RestWatch(session, kitchen)
        self._still = QPixmap()
        self._still_key: tuple[object, ...] = ()
        self._shown_state: KitchenNow | None = None
        session.sig_frame.connect(self._on_frame)
        session.sig_cleared.connect(self.update)

    def _on_frame(self) -> None:
        if self.rest.unchanged():
            return
        state = self.state()
        if state != self._shown_state:  # a still picture: repainted when the kitchen changed
            self._shown_state = state
            self.update()

    def state(self) -> KitchenNow:
        timeline = self.session.timelines.get(self.kitchen)
        if timeline is None:
            return KitchenNow(0, 0, 0, 0, 0, 0, 0)
        return timeline.kitchen_now()

    def paintEvent(self, event: QPaintEvent) -> None:
        # The picture is a still of the kitchen's state: drawn once per state (and size,
        # theme, language), then put on screen whole. Redrawn every frame, four kitchens'
        # pictures took a third of the window's frame time in a race of 800 orders.
        state = self.state()
        ratio = self.devicePixelRatioF()
        key = (state, self.size().toTuple(), ratio, tuple(THEME.values()), self.font().key(),
               self.caption(state))  # fmt: skip
        if key != self._still_key:
            self._still = QPixmap(round(self.width() * ratio), round(self.height() * ratio))
            self._still.setDevicePixelRatio(ratio)
            painter = QPainter(self._still)
            painter.setFont(self.font())
            self.paint_still(painter, state)
            painter.end()
            self._still_key = key
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._still)
        painter.end()

    def paint_still(self, painter: QPainter, state: KitchenNow) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(QRectF(0, 0, self.width(), self.height()), QColor(THEME["card"]))
        width, height = self.width(), self.height()
        # What the picture shows, said in one line under it (two when narrow): each zone's
        # own caption was cut short in a narrow kitchen ("wait…", "serve…").
        caption = self.caption(state)
        flags = int(Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap)
        needed = painter.fontMetrics().boundingRect(0, 0, max(width - 16, 1), 10_000, flags,
                                                    caption)  # fmt: skip
        caption_h = needed.height() + 4
        art_h = height - caption_h - 8
        zones = [
            QRectF(8, 4, width * 0.30 - 24, art_h),
            QRectF(width * 0.30, 4, width * 0.44, art_h),
            QRectF(width * 0.74, 4, width * 0.26 - 8, art_h),
        ]
        self.paint_queue(painter, zones[0], state.queued)
        self.paint_stove(painter, zones[1], state)
        self.paint_served(painter, zones[2], state.served, state.failed)
        painter.setPen(QColor(THEME["text"]))
        box = QRectF(8, height - caption_h - 2, width - 16, caption_h)
        painter.drawText(box, flags, caption)

    def caption(self, state: KitchenNow) -> str:
        """The queue, the chef and the plates, as one sentence."""
        parts = [
            self.tr("waiting: {0}").format(state.queued),
            self.chef_caption(state),
            self.tr("served: {0}").format(state.served),
        ]
        if state.failed:
            parts.append(self.tr("failed: {0}").format(state.failed))
        return " · ".join(parts)

    def chef_caption(self, state: KitchenNow) -> str:
        if state.chefs_stuck == 1:
            return self.tr("1 chef stuck at the pot")
        if state.chefs_stuck:
            return self.tr("{0} chefs stuck at the pot").format(state.chefs_stuck)
        if state.on_stove:
            return self.tr("{0} pots on the stove, chef free").format(state.on_stove)
        if state.chefs_busy == 1:
            return self.tr("1 chef working")
        if state.chefs_busy:
            return self.tr("{0} chefs working").format(state.chefs_busy)
        return self.tr("chef free")

    def paint_row(self, painter: QPainter, zone: QRectF, name: str, count: int,
                  aspect: float, bob: float = 0.0, size: float = 0.8) -> list[QRectF]:  # fmt: skip
        """Up to MAX_ICONS copies of one picture in a row, with "+N" for the rest.

        Returns where each copy was drawn.
        """
        if count <= 0:
            return []
        shown = min(count, self.MAX_ICONS)
        icon_h = zone.height() * size
        icon_w = icon_h * aspect
        step = min(icon_w * 1.05, (zone.width() - icon_w - 36) / max(shown - 1, 1))
        drawn = []
        image = picture(name, round(icon_w), round(icon_h), self.devicePixelRatioF())
        for i in range(shown):
            dy = math.sin(3 * i) * bob  # a queue not quite in line; a still, not a dance
            rect = QRectF(zone.left() + i * step, zone.bottom() - icon_h + dy, icon_w, icon_h)
            painter.drawPixmap(rect.topLeft(), image)
            drawn.append(rect)
        if count > shown:
            painter.setPen(QColor(THEME["text"]))
            font = QFont(painter.font())
            font.setBold(True)
            painter.setFont(font)
            x = zone.left() + (shown - 1) * step + icon_w + 4
            painter.drawText(QPointF(x, zone.bottom() - icon_h / 2), f"+{count - shown}")
            painter.setFont(QFont(self.font()))
        return drawn

    def paint_queue(self, painter: QPainter, zone: QRectF, queued: int) -> None:
        self.paint_row(painter, zone, "customer", queued, 40 / 72, bob=1.5)

    def paint_stove(self, painter: QPainter, zone: QRectF, state: KitchenNow) -> None:
        chefs = max(1, state.chefs_busy)
        chef_zone = QRectF(zone.left(), zone.top(), zone.width() * 0.32, zone.height())
        self.paint_row(painter, chef_zone, "chef", min(chefs, 3), 64 / 96)
        if chefs > 3:
            painter.setPen(QColor(THEME["text"]))
            painter.drawText(chef_zone, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight,
                             f"×{chefs}")  # fmt: skip
        pots = QRectF(zone.left() + zone.width() * 0.34, zone.top() + zone.height() * 0.35,
                      zone.width() * 0.66, zone.height() * 0.65)  # fmt: skip
        ratio = self.devicePixelRatioF()
        for i, pot in enumerate(self.paint_row(painter, pots, "pot", state.on_stove, 64 / 56)):
            # Steam over each pot, each a little out of step with its neighbour.
            rise = (i * 0.37) % 1.0
            top = pot.top() - pot.height() * (0.3 + 0.3 * rise)
            steam = QRectF(
                pot.left() + pot.width() * 0.2, top, pot.width() * 0.6, pot.height() * 0.5
            )
            painter.setOpacity(1.0 - rise)
            steam_image = picture("steam", round(steam.width()), round(steam.height()), ratio)
            painter.drawPixmap(steam.topLeft(), steam_image)
        painter.setOpacity(1.0)

    def paint_served(self, painter: QPainter, zone: QRectF, served: int, failed: int) -> None:
        self.paint_row(painter, zone, "dish", served, 56 / 32, size=0.35)
