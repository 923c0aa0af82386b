"""Me → Settings → Account security: change account, export my data, delete account, withdraw
consent, and how to reach us. Each right of the privacy policy, exercised in the app."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QRegularExpression, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from artreview_desktop.core.account import AccountService
from artreview_desktop.core.fileutil import atomic_write_json
from artreview_desktop.core.phone import InvalidPhoneNumber, mask, normalize_mobile
from artreview_desktop.core.privacy.consent import ConsentLedger
from artreview_desktop.core.privacy.oplog import OperationLog
from artreview_desktop.ui.code_button import CodeButton
from artreview_desktop.ui.errors import platform_error_text
from artreview_desktop.ui.form_message import FormMessage
from artreview_desktop.ui.style import make_secondary
from artreview_desktop.ui.workers import JobThread, start_job

PathChooser = Callable[[QWidget, str], str | None]


def choose_save_path(parent: QWidget, suggested: str) -> str | None:
    title = QCoreApplication.translate("AccountSecurityDialog", "导出我的数据")
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, "JSON (*.json)")
    return path or None


def _code_edit(parent: QWidget) -> QLineEdit:
    edit = QLineEdit()
    edit.setMaxLength(6)
    edit.setPlaceholderText(QCoreApplication.translate("AccountSecurityDialog", "6 位验证码"))
    edit.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,6}"), parent))
    return edit


class AccountSecurityDialog(QDialog):
    """Signals:
    phone_changed(str): the masked new phone number.
    account_deleted(): the account is gone; local data must be wiped.
    consent_withdrawn(): the user withdrew consent; log out and wipe.
    """

    phone_changed = Signal(str)
    account_deleted = Signal()
    consent_withdrawn = Signal()

    def __init__(
        self,
        account: AccountService,
        ledger: ConsentLedger,
        oplog: OperationLog,
        policy_version: str,
        recordings_on_disk: int,
        choose_path: PathChooser = choose_save_path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.account, self.ledger, self.oplog = account, ledger, oplog
        self.policy_version = policy_version
        self._choose_path = choose_path
        self._job: JobThread | None = None
        self.setWindowTitle(self.tr("账号安全"))
        self.resize(760, 460)
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        self.message = FormMessage()
        layout.addWidget(self.message)
        close_row = QHBoxLayout()
        close_row.addStretch(1)
        close_button = QPushButton(self.tr("关闭"))
        make_secondary(close_button)
        close_button.clicked.connect(self.reject)
        close_row.addWidget(close_button)
        layout.addLayout(close_row)

        # 修改账号
        change = QWidget()
        change_layout = QVBoxLayout(change)
        change_layout.addWidget(self._wrap(self.tr(
            "更换登录手机号：验证码会发送到新手机号，"
            "验证后新手机号即为您的账号。"
        )))
        self.new_phone_edit = QLineEdit()
        self.new_phone_edit.setPlaceholderText(self.tr("新的 11 位手机号"))
        self.change_code_edit = _code_edit(self)
        self.change_code_button = CodeButton()
        self.change_button = QPushButton(self.tr("确认修改"))
        row = QHBoxLayout()
        row.addWidget(self.change_code_edit, 1)
        row.addWidget(self.change_code_button)
        change_layout.addWidget(self.new_phone_edit)
        change_layout.addLayout(row)
        change_layout.addWidget(self.change_button)
        change_layout.addStretch(1)
        self.tabs.addTab(change, self.tr("修改账号"))
        self.change_code_button.clicked.connect(self._send_change_code)
        self.change_button.clicked.connect(self._change_phone)

        # 导出我的数据
        export = QWidget()
        export_layout = QVBoxLayout(export)
        export_layout.addWidget(self._wrap(self.tr(
            "把平台保存的您的全部信息、本机的同意记录和操作日志导出为一个 JSON 文件，保存到您选择的位置。")))
        self.export_button = QPushButton(self.tr("导出我的数据…"))
        self.export_button.clicked.connect(self._export)
        export_layout.addWidget(self.export_button)
        export_layout.addStretch(1)
        self.tabs.addTab(export, self.tr("导出我的数据"))

        # 注销账号
        delete = QWidget()
        delete_layout = QVBoxLayout(delete)
        delete_layout.addWidget(self._wrap(self.tr(
            "注销后，平台会删除您的账号、考试记录和已上传的视频与照片，本机上该账号的数据也会被清除，且无法恢复。"
            "为确认是您本人操作，验证码会发送到您当前的手机号。")))
        self.delete_code_edit = _code_edit(self)
        self.delete_code_button = CodeButton()
        row = QHBoxLayout()
        row.addWidget(self.delete_code_edit, 1)
        row.addWidget(self.delete_code_button)
        delete_layout.addLayout(row)
        self.delete_confirm = QCheckBox(self.tr("我已了解注销后数据无法恢复"))
        delete_layout.addWidget(self.delete_confirm)
        self.delete_button = QPushButton(self.tr("注销账号"))
        self.delete_button.setObjectName("dangerButton")
        delete_layout.addWidget(self.delete_button)
        delete_layout.addStretch(1)
        self.tabs.addTab(delete, self.tr("注销账号"))
        self.delete_code_button.clicked.connect(self._send_delete_code)
        self.delete_button.clicked.connect(self._delete_account)

        # 撤回同意
        withdraw = QWidget()
        withdraw_layout = QVBoxLayout(withdraw)
        warning = self.tr("撤回同意后，本程序将停止处理您的个人信息：退出登录，并清除本机保存的个人数据。")
        if recordings_on_disk:
            warning += self.tr(
                "本机还有 {0} 个录制文件，"
                "也会被删除；如需保留，请先完成上传。"
            ).format(recordings_on_disk)
        withdraw_layout.addWidget(self._wrap(warning))
        self.withdraw_button = QPushButton(self.tr("撤回同意"))
        self.withdraw_button.setObjectName("dangerButton")
        self.withdraw_button.clicked.connect(self._withdraw)
        withdraw_layout.addWidget(self.withdraw_button)
        withdraw_layout.addStretch(1)
        self.tabs.addTab(withdraw, self.tr("撤回同意"))

        # 联系我们
        contact = QWidget()
        contact_layout = QVBoxLayout(contact)
        contact_layout.addWidget(self._wrap(self.tr(
            "对个人信息有疑问、意见或投诉，请联系我们：\n客服电话：400-166-8807（周一至周五 9:00–18:00）\n"
            "电子邮件：xiaoyibang@zego.im\n我们会在验证您的身份后 15 个工作日内答复。")))
        contact_layout.addStretch(1)
        self.tabs.addTab(contact, self.tr("联系我们"))

    @staticmethod
    def _wrap(text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        return label

    # -- change phone -------------------------------------------------------------------------
    def _send_change_code(self) -> None:
        try:
            normalize_mobile(self.new_phone_edit.text())
        except InvalidPhoneNumber as err:
            self._error(err)
            return
        phone = self.new_phone_edit.text()
        self.change_code_button.setEnabled(False)
        self._run(lambda: self.account.request_code(phone, "change_phone"),
                  lambda seconds: self._code_sent(self.change_code_button, seconds))

    def _change_phone(self) -> None:
        phone, code = self.new_phone_edit.text(), self.change_code_edit.text()
        self._run(lambda: self.account.change_phone(phone, code), self._phone_changed)

    def _phone_changed(self, _profile: object) -> None:
        masked = mask(normalize_mobile(self.new_phone_edit.text()))
        self._info(self.tr("手机号已修改为 {0}。").format(masked))
        self.phone_changed.emit(masked)

    # -- export -------------------------------------------------------------------------------
    def _export(self) -> None:
        suggested = str(Path.home() / f"artreview-my-data-{time.strftime('%Y%m%d')}.json")
        target = self._choose_path(self, suggested)
        if not target:
            return
        ledger, oplog = self.ledger, self.oplog

        def export() -> str:
            document = {
                "exported_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
                "platform": self.account.client.export_data(),
                "local_consent_ledger": ledger.export(),
                "local_operation_log": oplog.entries(),
            }
            atomic_write_json(Path(target), document)
            return target

        self.export_button.setEnabled(False)
        self._run(export, self._exported)

    def _exported(self, target: str) -> None:
        self.export_button.setEnabled(True)
        self._info(self.tr("已导出到：{0}").format(target))

    # -- delete account -----------------------------------------------------------------------
    def _send_delete_code(self) -> None:
        self.delete_code_button.setEnabled(False)
        self._run(lambda: self.account.client.request_code(None, "delete_account"),
                  lambda seconds: self._code_sent(self.delete_code_button, seconds))

    def _delete_account(self) -> None:
        if not self.delete_confirm.isChecked():
            self._error_text(self.tr("请先勾选“我已了解注销后数据无法恢复”。"))
            return
        code = self.delete_code_edit.text()
        self.delete_button.setEnabled(False)
        self._run(lambda: self.account.delete_account(code), self._deleted)

    def _deleted(self, _count: object) -> None:
        self.account_deleted.emit()
        self.accept()

    # -- withdraw consent ---------------------------------------------------------------------
    def _withdraw(self) -> None:
        confirm = QMessageBox.question(self, self.tr("撤回同意"), self.tr("确定要撤回同意吗？"))
        if confirm != QMessageBox.StandardButton.Yes:
            return
        self.withdraw_consent_now()

    def withdraw_consent_now(self) -> None:
        version = self.policy_version
        self.withdraw_button.setEnabled(False)
        self._run(lambda: self.account.withdraw_consent(version), self._withdrawn)

    def _withdrawn(self, _result: object) -> None:
        self.consent_withdrawn.emit()
        self.accept()

    # -- plumbing -----------------------------------------------------------------------------
    def _code_sent(self, button: CodeButton, seconds: int) -> None:
        self._info(self.tr("验证码已发送，5 分钟内有效。"))
        button.start_countdown(seconds)

    def _run(self, job: Callable[[], Any], on_done: Callable[[Any], None]) -> None:
        self._job = start_job(self, job, on_done, self._failed)

    def _failed(self, error: BaseException) -> None:
        self._error(error)
        for button in (self.export_button, self.delete_button, self.withdraw_button):
            button.setEnabled(True)
        for code_button in (self.change_code_button, self.delete_code_button):
            if not code_button.counting:
                code_button.setEnabled(True)

    def _error(self, error: BaseException) -> None:
        self._error_text(platform_error_text(error))

    def _error_text(self, text: str) -> None:
        self.message.show_message(text, error=True)

    def _info(self, text: str) -> None:
        self.message.show_message(text, error=False)


    def done(self, result: int) -> None:
        if self._job is not None:
            self._job.wait(25_000)
        self.change_code_button.stop()
        self.delete_code_button.stop()
        super().done(result)
