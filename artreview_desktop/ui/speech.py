"""Voice interaction for the recording: spoken prompts where a speech engine exists, bundled
sound cues where none does (the countdown must be heard either way)."""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QLocale, QObject, QUrl, Signal
from PySide6.QtMultimedia import QSoundEffect
from PySide6.QtTextToSpeech import QTextToSpeech

from artreview_desktop.core.resources import resource

log = logging.getLogger(__name__)

CUES = ("countdown-tick", "recording-start", "recording-stop", "speaker-test")


def preferred_engines() -> list[str]:
    if sys.platform == "win32":
        return ["winrt", "sapi"]
    if sys.platform == "darwin":
        return ["darwin"]
    return ["speechd", "flite"]


class Announcer(QObject):
    """Says prompts in the UI language, or plays a cue when it cannot speak.

    Signals:
        spoken(str): a prompt was handed to the speech engine (or its cue was played).
    """

    spoken = Signal(str)

    def __init__(self, language: str = "zh_CN", engine: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._language = language
        self._engine = engine
        self._speech: QTextToSpeech | None = None
        self._probed = False
        self._cues: dict[str, QSoundEffect] = {}

    def _probe(self) -> None:
        """Load a speech engine on first use only (loading one can take a moment, or fail)."""
        if self._probed:
            return
        self._probed = True
        available = QTextToSpeech.availableEngines()
        for name in [self._engine] if self._engine else preferred_engines():
            if name not in available:
                continue
            speech = QTextToSpeech(name, self)
            if speech.state() == QTextToSpeech.State.Error:
                log.info("speech engine %s unusable: %s", name, speech.errorString())
                speech.deleteLater()
                continue
            locale = QLocale(self._language)
            if any(loc.language() == locale.language() for loc in speech.availableLocales()):
                speech.setLocale(locale)
            self._speech = speech
            return

    @property
    def can_speak(self) -> bool:
        self._probe()
        return self._speech is not None

    def say(self, text: str, cue: str = "countdown-tick") -> None:
        self._probe()
        if self._speech is not None:
            self._speech.say(text)
        else:
            self.play(cue)
        self.spoken.emit(text)

    def play(self, cue: str) -> None:
        if cue not in CUES:
            return
        effect = self._cues.get(cue)
        if effect is None:  # made on first use: nothing touches the audio output before then
            effect = QSoundEffect(self)
            effect.setSource(QUrl.fromLocalFile(str(resource("sounds", f"{cue}.wav"))))
            effect.setVolume(0.8)
            self._cues[cue] = effect
        effect.play()

    def stop(self) -> None:
        if self._speech is not None:
            self._speech.stop()
        for effect in self._cues.values():
            effect.stop()
