"""The route a kitchen is running, as source, with the line that waits picked out."""

from __future__ import annotations

import re

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QResizeEvent,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextDocument,
)
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QSizePolicy, QToolButton, QWidget

from chefline.ui.look.palette import THEME
from chefline.ui.look.retranslating import Retranslating
from chefline.ui.look.talk_sizes import TalkSizes, TalkText

KEYWORDS = re.compile(
    r"\b(def|async|await|return|for|in|if|else|with|yield|import|from|as|None|True|False)\b"
)
# The calls the talk is about: where a chef waits, blocking or not.
WAITS = re.compile(
    r"\b(await\s+asyncio\.sleep|time\.sleep|burn_cpu|next\(lines\)|await\s+anext|next\(tokens)"
)
COMMENT = re.compile(r"#.*$")
BLAMED = re.compile(r"^.*# ◀.*$")
"""A line the loop watchdog blamed (your app's route)."""
STRING = re.compile(r"\"[^\"]*\"|'[^']*'")


def _format(colour: str, bold: bool = False, background: str | None = None) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(QColor(colour))
    if bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    if background:
        fmt.setBackground(QColor(background))
    return fmt


class PythonHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)

    def highlightBlock(self, text: str) -> None:
        rules = (
            (STRING, _format(THEME["code_string"])),
            (KEYWORDS, _format(THEME["accent"], bold=True)),
            (WAITS, _format(THEME["code_wait"], bold=True, background=THEME["code_wait_bg"])),
            (COMMENT, _format(THEME["muted"])),
            (BLAMED, _format(THEME["code_wait"], bold=True, background=THEME["code_wait_bg"])),
        )
        for pattern, fmt in rules:
            for match in pattern.finditer(text):
                self.setFormat(match.start(), match.end() - match.start(), fmt)


class RouteView(Retranslating, QPlainTextEdit):
    """The route as a reader would write it, whole and never scrolled: the text's size
    follows the room it gets, up to the app's text size (Ctrl+ and Ctrl− included). A
    corner button unfolds what Chefline adds around it (the recording), scrolled if long."""

    SMALLEST_PT = 6.0

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("routeCode")
        self.setReadOnly(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys stay with the talk
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.highlighter = PythonHighlighter(self.document())
        self.reader = ""
        self.full = ""
        self.talk: TalkSizes | None = None
        """In a talk, its sizes: the code keeps the room's size (``TalkText.CODE``) and the
        panel makes room for it, instead of the text shrinking to the room it gets."""
        self.unfold = QToolButton(self.viewport())
        self.unfold.setObjectName("unfoldCode")
        self.unfold.setCheckable(True)
        self.unfold.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys stay with the talk
        self.unfold.setCursor(Qt.CursorShape.PointingHandCursor)
        self.unfold.toggled.connect(self._show)
        self.retranslate()

    def retranslate(self) -> None:
        self.unfold.setText("−" if self.unfold.isChecked() else "+")
        self.unfold.setToolTip(
            self.tr("Fold the route back to what a reader would write")
            if self.unfold.isChecked()
            else self.tr("Show what Chefline adds: the recording around the route")
        )
        self.unfold.setAccessibleName(self.tr("Show what Chefline adds"))

    def minimumSizeHint(self) -> QSize:
        if self.talk and not self.unfolded:
            return QSize(self.needed_width(), self.needed_height())
        return QSize(60, 40)

    def set_talk(self, talk: TalkSizes | None) -> None:
        self.talk = talk
        self.fit_text()
        self.updateGeometry()

    def _talk_font(self, least: bool = False) -> QFont:
        sizes = self.talk or TalkSizes()
        font = self._font_of(10.0)
        font.setPixelSize(sizes.least_px(TalkText.CODE) if least else sizes.px(TalkText.CODE))
        return font

    def _margin(self) -> float:
        return 2 * self.document().documentMargin() + 4 + 2 * self.frameWidth()

    def needed_width(self) -> int:
        """The width the code needs whole at the room's least size (a talk)."""
        lines = self.toPlainText().splitlines() or [""]
        metrics = QFontMetricsF(self._talk_font(least=True))
        wide = max(metrics.horizontalAdvance(line) for line in lines)
        return int(wide + self._margin() + 1)

    def needed_height(self) -> int:
        """The height the code needs whole at the room's size (a talk)."""
        lines = max(len(self.toPlainText().splitlines()), 1)
        return int(QFontMetricsF(self._talk_font()).lineSpacing() * lines + self._margin() + 1)

    def sizeHint(self) -> QSize:
        lines = max(len(self.toPlainText().splitlines()), 1)
        line = QFontMetricsF(self._font_of(QApplication.font().pointSizeF())).lineSpacing()
        return QSize(320, int(lines * line + 16))

    def show_code(self, code: str, full: str | None = None) -> None:
        """``code`` as a reader writes it; ``full``: the running source it was folded from."""
        self.reader, self.full = code, full or code
        self.unfold.setVisible(self.full != self.reader)
        self._show()

    @property
    def unfolded(self) -> bool:
        return self.unfold.isChecked() and self.unfold.isVisible()

    def _show(self) -> None:
        self.setPlainText(self.full if self.unfolded else self.reader)
        scrolls = (Qt.ScrollBarPolicy.ScrollBarAsNeeded if self.unfolded
                   else Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # fmt: skip
        self.setHorizontalScrollBarPolicy(scrolls)
        self.setVerticalScrollBarPolicy(scrolls)
        self.highlighter.rehighlight()
        self.retranslate()
        self.fit_text()
        self.updateGeometry()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_text()
        self._place_button()

    def _place_button(self) -> None:
        self.unfold.adjustSize()
        self.unfold.move(self.viewport().width() - self.unfold.width() - 2, 2)

    @staticmethod
    def _font_of(points: float) -> QFont:
        font = QFont("DejaVu Sans Mono")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSizeF(points)
        return font

    def fit_text(self) -> None:
        """The largest size (at most the app's) at which every line fits, whole; the
        unfolded source keeps the app's size and scrolls."""
        self._place_button()
        if self.unfolded:
            self.setFont(self._font_of(QApplication.font().pointSizeF()))
            return
        lines = self.toPlainText().splitlines() or [""]
        margin = 2 * self.document().documentMargin() + 4
        room_w = self.viewport().width() - margin
        room_h = self.viewport().height() - margin
        if self.talk:  # the room's size, shrunk at most to its least (the panel makes room)
            font, least = self._talk_font(), self._talk_font(least=True)
            while font.pixelSize() > least.pixelSize():
                metrics = QFontMetricsF(font)
                wide = max(metrics.horizontalAdvance(line) for line in lines)
                if wide <= room_w and metrics.lineSpacing() * len(lines) <= room_h:
                    break
                font.setPixelSize(font.pixelSize() - 1)
            if font != self.font():
                self.setFont(font)
            self.verticalScrollBar().setValue(0)
            self.horizontalScrollBar().setValue(0)
            return
        points = QApplication.font().pointSizeF()
        while points > self.SMALLEST_PT:
            metrics = QFontMetricsF(self._font_of(points))
            wide = max(metrics.horizontalAdvance(line) for line in lines)
            if wide <= room_w and metrics.lineSpacing() * len(lines) <= room_h:
                break
            points *= 0.94
        points = max(points, self.SMALLEST_PT)
        if abs(self.font().pointSizeF() - points) > 0.05:
            self.setFont(self._font_of(points))
        self.verticalScrollBar().setValue(0)
        self.horizontalScrollBar().setValue(0)
