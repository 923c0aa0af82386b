"""Me → Settings → Privacy → Operation log: see what the app recorded, export it, and — only if
the user chooses to, after a confirmation — send it to the exam platform for troubleshooting."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from artreview_desktop.core.privacy.oplog import OperationLog
from artreview_desktop.ui.errors import platform_error_text
from artreview_desktop.ui.form_message import FormMessage
from artreview_desktop.ui.style import make_secondary
from artreview_desktop.ui.workers import JobThread, start_job

PathChooser = Callable[[QWidget, str], str | None]
#: Sends the entries to the platform; None when nobody is logged in (nothing can be sent).
Sender = Callable[[list[dict[str, str]]], int]


def choose_log_path(parent: QWidget, suggested: str) -> str | None:
    title = QCoreApplication.translate("OperationLogDialog", "导出操作日志")
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, "JSON (*.json)")
    return path or None


class OperationLogDialog(QDialog):
    def __init__(self, oplog: OperationLog, choose_path: PathChooser = choose_log_path,
                 send: Sender | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.oplog = oplog
        self._choose_path = choose_path
        self._send = send
        self._job: JobThread | None = None
        self.confirm_box: QMessageBox | None = None
        self.setWindowTitle(self.tr("操作日志"))
        self.resize(720, 480)
        layout = QVBoxLayout(self)
        self.explanation = QLabel(self.tr(
            "这里是本程序在这台电脑上记录的访问时间和操作，用于排查故障。日志已去除手机号、验证码和登录凭证，"
            "只保存在本机并按大小轮换；只有您点击“发送给考试平台”并确认后，才会发送。"))
        self.explanation.setWordWrap(True)
        layout.addWidget(self.explanation)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("时间"), self.tr("操作"), self.tr("详情")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        self.empty_label = QLabel(self.tr("还没有记录任何操作。"))
        layout.addWidget(self.empty_label)
        self.message = FormMessage()
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        self.export_button = QPushButton(self.tr("导出…(&E)"))
        self.send_button = QPushButton(self.tr("发送给考试平台…(&S)"))
        self.send_button.setToolTip(self.tr("登录后才能发送，帮助考试平台排查您遇到的问题。"))
        self.close_button = QPushButton(self.tr("关闭(&C)"))
        make_secondary(self.close_button)
        for button in (self.export_button, self.send_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        self.export_button.clicked.connect(self._export)
        self.send_button.clicked.connect(self._confirm_send)
        self.close_button.clicked.connect(self.accept)
        self.refresh()

    def action_text(self, action: str) -> str:
        """Plain words for the actions the app records (an unknown one is shown as recorded)."""
        known = {
            "app_started": self.tr("打开本程序"),
            "policy_accepted": self.tr("同意隐私政策"),
            "permissions_answered": self.tr("回答权限询问"),
            "page_opened": self.tr("打开页面"),
            "login": self.tr("登录成功"),
            "logout": self.tr("已退出登录"),
            "commitment_accepted": self.tr("签署诚信承诺书"),
            "take_submitted": self.tr("提交录像"),
            "upload_done": self.tr("上传完成"),
            "upload_failed": self.tr("上传失败"),
            "operation_log_exported": self.tr("已导出操作日志"),
            "operation_log_sent": self.tr("已发送操作日志"),
        }
        return known.get(action, action)

    def refresh(self) -> None:
        """Newest first: what a user looking for "what just happened" wants to see."""
        entries = list(reversed(self.oplog.entries()))
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            details = "  ".join(f"{k}={v}" for k, v in entry.items() if k not in ("time", "action"))
            action = entry.get("action", "")
            for column, text in enumerate((entry.get("time", ""), self.action_text(action), details)):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, action)
                self.table.setItem(row, column, cell)
        self.empty_label.setVisible(not entries)
        self.export_button.setEnabled(bool(entries))
        self.send_button.setEnabled(bool(entries) and self._send is not None)

    def _export(self) -> None:
        suggested = str(Path.home() / f"artreview-operation-log-{time.strftime('%Y%m%d')}.json")
        target = self._choose_path(self, suggested)
        if not target:
            return
        try:
            count = self.oplog.export(Path(target))
        except OSError as exc:
            self.message.show_message(self.tr("无法保存到该位置：{0}").format(exc.strerror or exc))
            return
        self.oplog.record("operation_log_exported")
        self.message.show_message(self.tr("已导出 {0} 条记录到：{1}").format(count, target), error=False)

    def _confirm_send(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("发送操作日志"),
                          self.tr("将把这 {0} 条已去除个人信息的记录发送给考试平台，用于排查故障。确定发送吗？")
                          .format(self.table.rowCount()),
                          QMessageBox.StandardButton.NoButton, self)
        self.send_yes_button = box.addButton(self.tr("发送"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("不发送"), QMessageBox.ButtonRole.RejectRole)
        box.buttonClicked.connect(lambda button: self._send_now() if button is self.send_yes_button else None)
        self.confirm_box = box
        box.open()

    def _send_now(self) -> None:
        if self._send is None:
            return
        send, entries = self._send, self.oplog.entries()
        self.send_button.setEnabled(False)
        self.message.show_message(self.tr("正在发送…"), error=False)
        self._job = start_job(self, lambda: send(entries), self._sent, self._send_failed)

    def _sent(self, count: int) -> None:
        self.oplog.record("operation_log_sent", entries=str(count))
        self.refresh()
        self.send_button.setEnabled(True)
        self.message.show_message(self.tr("已发送 {0} 条记录。").format(count), error=False)

    def _send_failed(self, error: BaseException) -> None:
        self.send_button.setEnabled(True)
        self.message.show_message(platform_error_text(error))
