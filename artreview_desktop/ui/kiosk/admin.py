"""The invigilator's side: the PIN dialog and the dashboard (the only way out of kiosk mode)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from artreview_desktop.core.kiosk import PinGuard, PinLocked
from artreview_desktop.ui.form_message import FormMessage
from artreview_desktop.ui.style import make_secondary
from artreview_desktop.ui.workers import JobThread, start_job


class PinDialog(QDialog):
    """Signals:
    unlocked(): the right PIN was entered.
    """

    unlocked = Signal()

    def __init__(self, guard: PinGuard, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.guard = guard
        self._job: JobThread | None = None
        self.setWindowTitle(self.tr("监考老师"))
        self.setModal(True)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("请输入监考老师管理密码（PIN）：")))
        self.pin_edit = QLineEdit()
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_edit.setMaxLength(16)
        layout.addWidget(self.pin_edit)
        self.message = FormMessage()
        layout.addWidget(self.message)
        row = QHBoxLayout()
        row.addStretch(1)
        self.cancel_button = QPushButton(self.tr("取消"))
        make_secondary(self.cancel_button)
        self.ok_button = QPushButton(self.tr("确定"))
        row.addWidget(self.cancel_button)
        row.addWidget(self.ok_button)
        layout.addLayout(row)
        self.ok_button.clicked.connect(self.submit)
        self.pin_edit.returnPressed.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)

    def submit(self) -> None:
        pin = self.pin_edit.text()
        self.pin_edit.clear()
        self.ok_button.setEnabled(False)
        self._job = start_job(self, lambda: self.guard.check(pin), self._checked, self._failed)

    def _checked(self, ok: bool) -> None:
        self.ok_button.setEnabled(True)
        if ok:
            self.unlocked.emit()
            self.accept()
        else:
            self.message.show_message(self.tr("密码不正确。"))

    def _failed(self, error: BaseException) -> None:
        self.ok_button.setEnabled(True)
        if isinstance(error, PinLocked):
            self.message.show_message(self.tr(
                "密码错误次数太多，"
                "已锁定 {0} 秒。"
            ).format(int(error.seconds_left + 0.999)))
        else:
            self.message.show_message(self.tr("无法检查密码。"))

    def done(self, result: int) -> None:
        if self._job is not None:
            self._job.wait(10_000)
        super().done(result)


@dataclass
class CandidateVisit:
    """One candidate seen today, for the dashboard (no phone number, no name: the ticket, masked)."""

    ticket_masked: str
    exam_title: str
    checked_in_at: str
    takes: list[str] = field(default_factory=list)
    events: list[str] = field(default_factory=list)


class Dashboard(QDialog):
    """Signals:
    exit_requested(): leave kiosk mode (quit the app).
    retry_requested(): retry the failed uploads.
    export_requested(): write what is not uploaded yet, decrypted, to a folder the invigilator picks.
    """

    exit_requested = Signal()
    retry_requested = Signal()
    export_requested = Signal()

    def __init__(self, visits: list[CandidateVisit], uploads: Callable[[], list[str]], devices: Callable[[], list[str]],
                 events: list[str], recordings_dir: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("监考老师面板"))
        self.resize(900, 640)
        self.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, True)
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("今日考生：{0} 人").format(len(visits)))
        heading.setObjectName("cardTitle")
        layout.addWidget(heading)
        self.visits = QListWidget()
        for visit in visits:
            self.visits.addItem(self.tr("{0}　{1}　签到 {2}　录制 {3} 个").format(
                visit.ticket_masked, visit.exam_title, visit.checked_in_at, len(visit.takes)))
            for event in visit.events:
                self.visits.addItem("    " + event)
        layout.addWidget(self.visits, 2)
        layout.addWidget(QLabel(self.tr("上传：")))
        self.uploads = QListWidget()
        self.show_uploads(uploads())
        layout.addWidget(self.uploads, 1)
        usage = shutil.disk_usage(recordings_dir)
        self.health = QLabel(self.tr("磁盘剩余：{0:.1f} GB　设备：{1}").format(
            usage.free / 1e9, "；".join(devices()) or self.tr("未检测到摄像头")))
        self.health.setWordWrap(True)
        layout.addWidget(self.health)
        self.events = QListWidget()
        self.events.addItems(events[-50:] or [self.tr("没有异常事件")])
        layout.addWidget(QLabel(self.tr("锁定事件（切换窗口、显示器变化、被拦截的按键）：")))
        layout.addWidget(self.events, 1)
        row = QHBoxLayout()
        self.retry_button = QPushButton(self.tr("重试失败的上传(&U)"))
        self.export_button = QPushButton(self.tr("导出未上传的录制…(&E)"))
        self.export_button.setToolTip(self.tr(
            "网络长时间不可用时，把还没上传的录制和证件照解密保存到 U 盘等位置，交给考试机构。"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.exit_button = QPushButton(self.tr("退出考点模式(&X)"))
        self.exit_button.setObjectName("dangerButton")  # it ends kiosk mode for everyone
        self.close_button = QPushButton(self.tr("返回考试(&R)"))
        row.addWidget(self.retry_button)
        row.addWidget(self.export_button)
        row.addStretch(1)
        row.addWidget(self.exit_button)
        row.addWidget(self.close_button)
        layout.addLayout(row)
        self.retry_button.clicked.connect(self.retry_requested)
        self.export_button.clicked.connect(self.export_requested)
        self.exit_button.clicked.connect(self.exit_requested)
        self.close_button.clicked.connect(self.accept)

    def show_uploads(self, lines: list[str]) -> None:
        self.uploads.clear()
        self.uploads.addItems(lines or [self.tr("没有上传任务")])
