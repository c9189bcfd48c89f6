"""Widgets that re-read their texts when the language changes.

Installing or removing a translator makes Qt post a LanguageChange event to every widget; a
widget that mixes this in answers it by calling its ``retranslate``.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent


class Retranslating:
    """Mix in before the Qt base class: ``class Legend(Retranslating, QWidget)``."""

    def retranslate(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)  # type: ignore[misc]
