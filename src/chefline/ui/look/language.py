"""The window's language: English, or Simplified Chinese from a Qt translation (.qm).

Installing or removing a translator makes Qt send every widget a LanguageChange event; the
widgets re-read their texts then, so the switch is live.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QTranslator, Signal

from chefline.assets import resources_dir
from chefline.kitchen.errors import BadInput
from chefline.texts import LANGUAGES, use_language

log = logging.getLogger(__name__)


def system_language() -> str:
    """zh_CN when the system speaks Chinese, else English."""
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


class Language(QObject):
    sig_changed = Signal(str)
    """The language changed. Parameter: "en" or "zh_CN"."""

    def __init__(self, app: QCoreApplication, parent: QObject | None = None) -> None:
        """The language of ``app``'s every window (its translators), owned by ``parent``."""
        super().__init__(parent or app)
        self.app = app
        self.current = "en"
        self._translator: QTranslator | None = None

    def use(self, language: str) -> bool:
        """Switch to ``language``; False (and English) if its translation cannot be loaded."""
        if language not in LANGUAGES:
            raise BadInput(f"unknown language {language!r}; choose from {LANGUAGES}")
        if self._translator is not None:
            self.app.removeTranslator(self._translator)
            self._translator = None
        loaded = True
        if language != "en":
            translator = QTranslator(self)
            folder = resources_dir() / "translations"
            if translator.load(f"chefline_{language}", str(folder)):
                self.app.installTranslator(translator)
                self._translator = translator
            else:
                log.warning("no %s translation in %s (run `make translations`)", language, folder)
                loaded, language = False, "en"
        self.current = language
        use_language(language)  # the texts of the Qt-free layers follow
        self.sig_changed.emit(language)
        return loaded
