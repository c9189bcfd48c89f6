"""The time axis shared by every timeline in the window, so kitchens compare at a glance."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class TimeScale(QObject):
    """Seconds since the race started, ``start`` to ``start + span`` across each view.

    It follows the race (``auto``) until the user zooms or pans; ``reset`` follows again.
    """

    sig_changed = Signal()
    """The visible time range changed."""

    MIN_SPAN = 0.005
    MAX_SPAN = 3600.0

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.start = 0.0
        self.span = 1.0
        self.auto = True

    @property
    def end(self) -> float:
        return self.start + self.span

    GROWTH = 1.3

    def fit(self, span: float) -> None:
        """Show at least 0..span, unless the user took over the axis.

        A race that runs past its theory would stretch the axis on every frame, and every
        frame would redraw every lane; growing it in 30 % steps redraws only now and then.
        """
        if not self.auto:
            return
        span = min(max(span, self.MIN_SPAN), self.MAX_SPAN)
        if self.start == 0.0 and span <= self.span <= span * self.GROWTH**2:
            return
        self.start, self.span = 0.0, span if self.span > span else span * self.GROWTH
        self.sig_changed.emit()

    def zoom(self, factor: float, anchor: float) -> None:
        """Scale the span by ``factor`` keeping time ``anchor`` where it is on screen."""
        span = min(max(self.span * factor, self.MIN_SPAN), self.MAX_SPAN)
        fraction = (anchor - self.start) / self.span
        self.start = max(0.0, anchor - fraction * span)
        self.span = span
        self.auto = False
        self.sig_changed.emit()

    def pan(self, seconds: float) -> None:
        self.start = max(0.0, self.start + seconds)
        self.auto = False
        self.sig_changed.emit()

    def reset(self, span: float | None = None) -> None:
        """Follow the race again; with ``span``, show exactly 0..span now."""
        self.auto = True
        if span is not None:
            self.start, self.span = 0.0, min(max(span, self.MIN_SPAN), self.MAX_SPAN)
        self.sig_changed.emit()
