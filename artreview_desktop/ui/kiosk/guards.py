"""Keeping a candidate inside the app: an application-wide key filter, and the idle watcher.

Qt can swallow the keys it receives; it cannot stop the OS from acting on keys it handles itself
(Ctrl+Alt+Del on Windows, the macOS force-quit dialog, a Linux VT switch). The README documents the
OS-level kiosk set-up that covers those.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent

BLOCKED_KEYS = {
    (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
    (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_Tab, Qt.KeyboardModifier.AltModifier),
    (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_F11, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier),
}
ALWAYS_BLOCKED = {Qt.Key.Key_Meta, Qt.Key.Key_Super_L, Qt.Key.Key_Super_R, Qt.Key.Key_Launch0, Qt.Key.Key_Sleep,
                  Qt.Key.Key_PowerOff, Qt.Key.Key_Suspend, Qt.Key.Key_Hibernate}
#: The invigilator's way in: Ctrl+Alt+Shift+A opens the PIN dialog.
ADMIN_KEY = (Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
             | Qt.KeyboardModifier.ShiftModifier)


class KioskKeyFilter(QObject):
    """Installed on the QApplication: swallows the keys that would leave or hide the app.

    Signals:
        blocked(str): a key combination was swallowed (logged for the invigilator).
        admin_requested(): the invigilator's key combination.
    """

    blocked = Signal(str)
    admin_requested = Signal()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() not in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride, QEvent.Type.KeyRelease):
            return False
        assert isinstance(event, QKeyEvent)
        key = Qt.Key(event.key())
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if (key, modifiers) == ADMIN_KEY:
            if event.type() == QEvent.Type.KeyPress:
                self.admin_requested.emit()
            return True
        if key in ALWAYS_BLOCKED or (key, modifiers) in BLOCKED_KEYS:
            if event.type() == QEvent.Type.KeyPress:
                self.blocked.emit(event.text() or str(int(key)))
            return True
        return False


class IdleWatcher(QObject):
    """Counts time without input; `idle` fires after `timeout_s` (unless suspended, e.g. recording).

    Signals:
        idle(): nobody touched the machine for the whole timeout.
    """

    idle = Signal()
    _INPUT = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
              QEvent.Type.TouchBegin, QEvent.Type.InputMethod}

    def __init__(self, timeout_s: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(int(timeout_s * 1000))
        self.timer.timeout.connect(self.idle)
        self.suspended = False

    def start(self) -> None:
        if not self.suspended:
            self.timer.start()

    def suspend(self, suspended: bool) -> None:
        self.suspended = suspended
        if suspended:
            self.timer.stop()
        else:
            self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in self._INPUT and not self.suspended:
            self.timer.start()
        return False
