"""The route a kitchen is running, as source, with the line that waits picked out."""

from __future__ import annotations

import re

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from chefline.ui.palette import THEME

KEYWORDS = re.compile(
    r"\b(def|async|await|return|for|in|if|else|with|yield|import|from|as|None|True|False)\b"
)
# The calls the talk is about: where a chef waits, blocking or not.
WAITS = re.compile(r"\b(await\s+asyncio\.sleep|time\.sleep|burn_cpu|next\(lines\)|await\s+anext)")
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


class RouteView(QPlainTextEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("routeCode")
        self.setReadOnly(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.highlighter = PythonHighlighter(self.document())

    def show_code(self, code: str) -> None:
        self.setPlainText(code)
        self.highlighter.rehighlight()
