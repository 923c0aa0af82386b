"""Languages: Chinese is the source language of the UI; English comes from Qt Linguist files.

`LanguageManager.apply()` swaps the installed translators; Qt then sends every widget a
LanguageChange event, and each page re-reads its strings in `retranslate()`.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

SOURCE_LANGUAGE = "zh_CN"
LANGUAGE_NAMES = {"zh_CN": "简体中文", "en": "English"}


class LanguageManager:
    """Owns the QTranslators of the running application."""

    def __init__(self, app: QCoreApplication, i18n_dir: Path) -> None:
        self._app = app
        self._i18n_dir = i18n_dir
        self._installed: list[QTranslator] = []
        self.language = SOURCE_LANGUAGE

    def apply(self, language: str) -> bool:
        """Switch the UI to `language`; False (and Chinese) if its translation cannot be loaded."""
        if language not in LANGUAGE_NAMES:
            language = SOURCE_LANGUAGE
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed.clear()
        ok = True
        if language != SOURCE_LANGUAGE:
            ours = QTranslator(self._app)
            qm = self._i18n_dir / f"artreview_{language}.qm"
            if ours.load(str(qm)):
                self._install(ours)
            else:
                log.error("translation %s missing; run scripts/setup.sh to build it", qm.name)
                ok = False
                language = SOURCE_LANGUAGE
        qt_own = QTranslator(self._app)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_own.load(f"qtbase_{language}", qt_dir):  # standard buttons (OK, Cancel…)
            self._install(qt_own)
        QLocale.setDefault(QLocale(language))
        self.language = language
        return ok

    def _install(self, translator: QTranslator) -> None:
        self._app.installTranslator(translator)
        self._installed.append(translator)
