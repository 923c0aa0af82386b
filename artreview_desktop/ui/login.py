"""Login with a phone number and an SMS code (the sixth permission is asked at "get code")."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import requests
from PySide6.QtCore import QRegularExpression, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from artreview_desktop.core.account import AccountService
from artreview_desktop.core.phone import InvalidPhoneNumber, normalize_mobile
from artreview_desktop.core.privacy.permissions import Trigger
from artreview_desktop.ui.code_button import CodeButton
from artreview_desktop.ui.errors import platform_error_text
from artreview_desktop.ui.form_message import FormMessage
from artreview_desktop.ui.permissions import PermissionGate
from artreview_desktop.ui.style import make_secondary
from artreview_desktop.ui.workers import JobThread, start_job


def fetch_demo_code(api_url: str, phone_text: str, purpose: str = "login") -> str | None:
    """Demo mode only: read the code from the reference platform's dev inbox (no real SMS exists)."""
    phone = normalize_mobile(phone_text)
    answer = requests.get(f"{api_url.rstrip('/')}/dev/sms-inbox", params={"phone": phone}, timeout=10)
    answer.raise_for_status()
    for message in answer.json().get("messages", []):
        if message.get("purpose") == purpose:
            return str(message["code"])
    return None


class LoginDialog(QDialog):
    """Signals:
    logged_in(object): the `Profile` of the account that logged in.
    """

    logged_in = Signal(object)

    def __init__(self, account: AccountService, gate: PermissionGate, parent: QWidget | None = None,
                 demo_code: Callable[[str], str | None] | None = None) -> None:
        super().__init__(parent)
        self.account = account
        self._demo_code = demo_code
        self.gate = gate
        self._job: JobThread | None = None
        self.setWindowTitle(self.tr("登录"))
        self.setMinimumWidth(440)

        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("请使用报名时登记的手机号登录。手机号即您的账号。"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        phone_row = QHBoxLayout()
        prefix = QLabel("+86")
        self.phone_edit = QLineEdit()
        self.phone_edit.setPlaceholderText(self.tr("11 位手机号"))
        self.phone_edit.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9+\- ]{0,20}"), self))
        self.phone_edit.setInputMethodHints(self.phone_edit.inputMethodHints())
        phone_row.addWidget(prefix)
        phone_row.addWidget(self.phone_edit, 1)
        phone_label = QLabel(self.tr("手机号(&P)"))
        phone_label.setBuddy(self.phone_edit)
        form.addRow(phone_label, phone_row)

        code_row = QHBoxLayout()
        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText(self.tr("6 位验证码"))
        self.code_edit.setMaxLength(6)
        self.code_edit.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,6}"), self))
        self.send_code_button = CodeButton()
        code_row.addWidget(self.code_edit, 1)
        code_row.addWidget(self.send_code_button)
        code_label = QLabel(self.tr("验证码(&C)"))
        code_label.setBuddy(self.code_edit)
        form.addRow(code_label, code_row)
        layout.addLayout(form)

        self.message = FormMessage()
        layout.addWidget(self.message)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.cancel_button = QPushButton(self.tr("取消"))
        make_secondary(self.cancel_button)
        self.login_button = QPushButton(self.tr("登录(&L)"))
        self.login_button.setEnabled(False)
        self.login_button.setDefault(True)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.login_button)
        layout.addLayout(buttons)

        self.send_code_button.clicked.connect(self.request_code)
        self.login_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)
        self.code_edit.textChanged.connect(self._update_login_button)
        self.phone_edit.textChanged.connect(self._update_login_button)
        self.gate.resolved.connect(self._on_permission)

    # -- get code -------------------------------------------------------------------------------
    def request_code(self) -> None:
        try:
            normalize_mobile(self.phone_edit.text())
        except InvalidPhoneNumber as err:
            self._show_error(err)
            self.phone_edit.setFocus()
            return
        self.gate.request(Trigger.REQUEST_CODE)

    def _on_permission(self, trigger: Trigger, allowed: bool) -> None:
        if trigger is not Trigger.REQUEST_CODE or not self.isVisible():
            return
        if not allowed:
            self.message.show_message(self.tr("您没有允许“登录”权限，无法发送验证码。可在“我的 · 设置 · 隐私”中允许。"))
            return
        phone = self.phone_edit.text()
        self.send_code_button.setEnabled(False)
        self.message.show_message(self.tr("正在发送验证码…"), error=False)
        self._run(lambda: self.account.request_code(phone), self._code_sent)

    def _code_sent(self, resend_after: int) -> None:
        self.message.show_message(self.tr("验证码已发送，5 分钟内有效。"), error=False)
        self.send_code_button.start_countdown(resend_after)
        self.code_edit.setFocus()
        if self._demo_code is not None:
            phone, lookup = self.phone_edit.text(), self._demo_code
            self._run(lambda: lookup(phone), self._demo_code_found)

    def _demo_code_found(self, code: str | None) -> None:
        if code and not self.code_edit.text():
            self.code_edit.setText(code)
            self.message.show_message(self.tr(
                "演示模式：没有真实短信，"
                "验证码 {0} 已从演示收件箱自动填入。"
            ).format(code), error=False)

    # -- log in ---------------------------------------------------------------------------------
    def _update_login_button(self) -> None:
        self.login_button.setEnabled(len(self.code_edit.text()) == 6 and bool(self.phone_edit.text().strip()))

    def submit(self) -> None:
        if not self.login_button.isEnabled():
            return
        phone, code = self.phone_edit.text(), self.code_edit.text()
        self.login_button.setEnabled(False)
        self.message.show_message(self.tr("正在登录…"), error=False)
        self._run(lambda: self.account.login(phone, code), self._logged_in)

    def _logged_in(self, profile: object) -> None:
        self.send_code_button.stop()
        self.logged_in.emit(profile)
        self.accept()

    # -- plumbing -------------------------------------------------------------------------------
    def _run(self, job: Callable[[], Any], on_done: Callable[[Any], None]) -> None:
        self._job = start_job(self, job, on_done, self._on_failed)

    def _on_failed(self, error: BaseException) -> None:
        self._show_error(error)
        if not self.send_code_button.counting:
            self.send_code_button.setEnabled(True)
        self._update_login_button()

    def _show_error(self, error: BaseException) -> None:
        self.message.show_message(platform_error_text(error))


    def done(self, result: int) -> None:
        if self._job is not None:
            self._job.wait(25_000)
        self.send_code_button.stop()
        super().done(result)
