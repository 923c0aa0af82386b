"""Permission prompts at the moment of use, as the privacy policy's table says.

`PermissionGate.request(trigger)` asks each still-undecided permission the trigger needs, one
prompt at a time (after our prompt, the OS's own camera/microphone permission where it has one),
records each answer, and emits `resolved(trigger, allowed)`. A refusal disables only the feature
that needed it and is explained in plain words, with where to change it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Protocol

from PySide6.QtCore import QCameraPermission, QCoreApplication, QMicrophonePermission, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from artreview_desktop.core.privacy.permissions import (
    CONTEXT,
    Permission,
    PermissionDecisions,
    PermissionSpec,
    Trigger,
)
from artreview_desktop.ui.style import make_secondary


def translated(text: str) -> str:
    """Text from the core's permission table, in the current language."""
    return QCoreApplication.translate(CONTEXT, text)


class OsPermissions(Protocol):
    """The operating system's own permission for a device (camera, microphone)."""

    def request(self, permission: Permission, done: Callable[[bool], None]) -> None: ...


class QtOsPermissions(QObject):
    """Asks the OS through Qt's permission API (macOS, Windows); always granted on Linux."""

    def request(self, permission: Permission, done: Callable[[bool], None]) -> None:
        app = QCoreApplication.instance()
        qt_permission = {Permission.CAMERA: QCameraPermission, Permission.MICROPHONE: QMicrophonePermission}.get(
            permission
        )
        if app is None or qt_permission is None:
            done(True)
            return
        status = app.checkPermission(qt_permission())
        if status == Qt.PermissionStatus.Granted:
            done(True)
        elif status == Qt.PermissionStatus.Denied:
            done(False)
        else:
            def answered(asked: object) -> None:
                done(app.checkPermission(asked) == Qt.PermissionStatus.Granted)  # type: ignore[call-overload]

            app.requestPermission(qt_permission(), self, answered)


class PermissionPrompt(QDialog):
    """One permission: what it is for and when it is used; 允许 or 不允许 (nothing pre-chosen)."""

    def __init__(self, spec: PermissionSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.setWindowTitle(self.tr("权限请求"))
        self.setModal(True)
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        self.headline = QLabel(self.tr("“艺术评价”需要使用：{0}").format(translated(spec.name)))
        self.headline.setObjectName("cardTitle")
        self.headline.setWordWrap(True)
        self.purpose = QLabel(self.tr("用途：{0}").format(translated(spec.purpose)))
        self.purpose.setWordWrap(True)
        self.features = QLabel(self.tr("用于：{0}").format(translated(spec.features)))
        self.features.setWordWrap(True)
        self.note = QLabel(
            self.tr(
                "如果不允许，只有这项功能不能使用，其他功能不受影响。您可以随时在“我的 · 设置 · 隐私”中更改。"
            )
        )
        self.note.setWordWrap(True)
        for widget in (self.headline, self.purpose, self.features, self.note):
            layout.addWidget(widget)
        buttons = QDialogButtonBox()
        self.allow_button = QPushButton(self.tr("允许"))
        self.deny_button = QPushButton(self.tr("不允许"))
        make_secondary(self.deny_button)
        buttons.addButton(self.allow_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.deny_button, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.allow_button.setDefault(False)
        self.allow_button.setAutoDefault(False)
        self.deny_button.setAutoDefault(False)


class PermissionGate(QObject):
    """Signals:
    prompt_shown(object): a `PermissionPrompt` was opened (tests and kiosk logging watch it).
    resolved(object, bool): the trigger, and whether everything it needs is now allowed.
    """

    prompt_shown = Signal(object)
    resolved = Signal(object, bool)

    def __init__(
        self,
        decisions: PermissionDecisions,
        parent_widget: QWidget,
        os_permissions: OsPermissions | None = None,
    ) -> None:
        super().__init__(parent_widget)
        self.decisions = decisions
        self._parent_widget = parent_widget
        self._os = os_permissions or QtOsPermissions(self)
        self._trigger: Trigger | None = None
        self._queue: list[PermissionSpec] = []
        self._os_denied: list[PermissionSpec] = []
        self.current_prompt: PermissionPrompt | None = None
        self.refusal_notice: QMessageBox | None = None

    @property
    def busy(self) -> bool:
        return self._trigger is not None

    def request(self, trigger: Trigger) -> None:
        if self.busy:
            return
        self._trigger = trigger
        self._queue = self.decisions.pending(trigger)
        self._os_denied = []
        self._ask_next()

    def _ask_next(self) -> None:
        if not self._queue:
            self._finish()
            return
        spec = self._queue.pop(0)
        prompt = PermissionPrompt(spec, self._parent_widget)
        prompt.finished.connect(lambda result, s=spec: self._on_answer(s, result == QDialog.DialogCode.Accepted))
        self.current_prompt = prompt
        prompt.open()
        self.prompt_shown.emit(prompt)

    def _on_answer(self, spec: PermissionSpec, allowed: bool) -> None:
        self.current_prompt = None
        if not allowed:
            self.decisions.refuse(spec.permission)
            self._ask_next()
        elif spec.os_level:
            self._os.request(spec.permission, partial(self._after_os, spec))
        else:
            self.decisions.grant(spec.permission)
            self._ask_next()

    def _after_os(self, spec: PermissionSpec, granted: bool) -> None:
        if granted:
            self.decisions.grant(spec.permission)
        else:
            self.decisions.refuse(spec.permission)
            self._os_denied.append(spec)
        self._ask_next()

    def _finish(self) -> None:
        trigger = self._trigger
        assert trigger is not None
        self._trigger = None
        refused = self.decisions.refused(trigger)
        if refused:
            self._explain(refused)
        self.resolved.emit(trigger, self.decisions.allowed(trigger))

    def _explain(self, refused: list[PermissionSpec]) -> None:
        names = self.tr("、").join(translated(spec.name) for spec in refused)
        text = self.tr("您没有允许使用{0}，因此这项功能暂时不能使用。其他功能不受影响。").format(names)
        details = self.tr("如需使用，请在“我的 · 设置 · 隐私”中允许该权限。")
        if self._os_denied:
            details += "\n\n" + self.tr(
                "系统也拒绝了{0}权限：Windows 请打开“设置 → 隐私和安全性 → 相机/麦克风”，"
                "macOS 请打开“系统设置 → 隐私与安全性 → 相机/麦克风”，允许“艺术评价”后重新启动程序。"
            ).format(self.tr("、").join(translated(spec.name) for spec in self._os_denied))
        notice = QMessageBox(QMessageBox.Icon.Information, self.tr("功能未开启"), text,
                             QMessageBox.StandardButton.Ok, self._parent_widget)
        notice.setInformativeText(details)
        self.refusal_notice = notice
        notice.open()
