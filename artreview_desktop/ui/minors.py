"""Minors' protection after the first login: date of birth, then whose consent is needed.

Under 14, a guardian consents before any exam data is collected: the guardian's own phone gets a
code, and the consent is recorded with the platform. 14–17: the guardian or the candidate.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QObject, QRegularExpression, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from artreview_desktop.core.account import AccountService, MinorRecords, MinorStatus
from artreview_desktop.core.phone import InvalidPhoneNumber, normalize_mobile
from artreview_desktop.core.privacy.minors import AgeGroup, InvalidBirthDate, age_group
from artreview_desktop.core.privacy.policy import PolicyBundle
from artreview_desktop.ui.code_button import CodeButton
from artreview_desktop.ui.consent import policy_browser
from artreview_desktop.ui.errors import platform_error_text
from artreview_desktop.ui.form_message import FormMessage
from artreview_desktop.ui.workers import JobThread, start_job


class BirthDateDialog(QDialog):
    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today
        self.setWindowTitle(self.tr("考生出生日期"))
        layout = QVBoxLayout(self)
        why = QLabel(self.tr(
            "请填写考生本人的出生日期。它只用于未成年人保护："
            "未满十四周岁的考生需要监护人同意后才能使用。"
        ))
        why.setWordWrap(True)
        layout.addWidget(why)
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setMaximumDate(QDate(today.year, today.month, today.day))
        self.date_edit.setMinimumDate(QDate(today.year - 100, 1, 1))
        self.date_edit.setDate(QDate(today.year - 10, 1, 1))
        form = QFormLayout()
        label = QLabel(self.tr("出生日期(&B)"))
        label.setBuddy(self.date_edit)
        form.addRow(label, self.date_edit)
        layout.addLayout(form)
        self.message = FormMessage()
        layout.addWidget(self.message)
        row = QHBoxLayout()
        row.addStretch(1)
        self.next_button = QPushButton(self.tr("下一步(&N)"))
        row.addWidget(self.next_button)
        layout.addLayout(row)
        self.next_button.clicked.connect(self._check)

    @property
    def birth_date(self) -> date:
        value = self.date_edit.date()
        return date(value.year(), value.month(), value.day())

    def _check(self) -> None:
        try:
            age_group(self.birth_date, self.today)
        except InvalidBirthDate:
            self.message.show_message(self.tr("请填写正确的出生日期。"))
            return
        self.accept()


class GuardianConsentDialog(QDialog):
    """The guardian reads the children's statement, verifies their phone and agrees."""

    consented = Signal(object)

    def __init__(
        self, account: AccountService, policy: PolicyBundle, language: str, birth_date: date, today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.account, self.policy, self.birth_date, self.today = account, policy, birth_date, today
        self._job: JobThread | None = None
        self.setWindowTitle(self.tr("监护人同意"))
        self.resize(640, 620)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("考生未满十八周岁。请监护人（如父母）阅读《儿童隐私保护声明》，验证手机号后代为同意。"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(policy_browser(policy.children_statement.text(language)), 1)
        form = QFormLayout()
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(32)
        self.relation_combo = QComboBox()
        for relation in (self.tr("母亲"), self.tr("父亲"), self.tr("其他监护人")):
            self.relation_combo.addItem(relation)
        self.phone_edit = QLineEdit()
        self.phone_edit.setPlaceholderText(self.tr("监护人的 11 位手机号"))
        self.phone_edit.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9+\- ]{0,20}"), self))
        self.code_edit = QLineEdit()
        self.code_edit.setMaxLength(6)
        self.code_edit.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,6}"), self))
        self.code_button = CodeButton()
        code_row = QHBoxLayout()
        code_row.addWidget(self.code_edit, 1)
        code_row.addWidget(self.code_button)
        rows: list[tuple[str, QWidget]] = [
            (self.tr("监护人姓名(&N)"), self.name_edit),
            (self.tr("与考生关系(&R)"), self.relation_combo),
            (self.tr("监护人手机号(&P)"), self.phone_edit),
        ]
        for text, widget in rows:
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        code_label = QLabel(self.tr("验证码(&C)"))
        code_label.setBuddy(self.code_edit)
        form.addRow(code_label, code_row)
        layout.addLayout(form)
        self.agree_box = QCheckBox(self.tr("我是考生的监护人，已阅读并同意《隐私政策》和《儿童隐私保护声明》(&G)"))
        layout.addWidget(self.agree_box)
        self.message = FormMessage()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        row = QHBoxLayout()
        row.addStretch(1)
        self.cancel_button = QPushButton(self.tr("稍后再说"))
        self.submit_button = QPushButton(self.tr("同意并提交(&S)"))
        row.addWidget(self.cancel_button)
        row.addWidget(self.submit_button)
        layout.addLayout(row)
        self.code_button.clicked.connect(self.request_code)
        self.submit_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)

    def request_code(self) -> None:
        try:
            normalize_mobile(self.phone_edit.text())
        except InvalidPhoneNumber as err:
            self._error(platform_error_text(err))
            return
        phone = self.phone_edit.text()
        self.code_button.setEnabled(False)
        self._run(lambda: self.account.request_guardian_code(phone), self._code_sent)

    def _code_sent(self, resend_after: int) -> None:
        self._info(self.tr("验证码已发送到监护人手机，5 分钟内有效。"))
        self.code_button.start_countdown(resend_after)

    def submit(self) -> None:
        if not self.name_edit.text().strip():
            self._error(self.tr("请填写监护人姓名。"))
            return
        if len(self.code_edit.text()) != 6:
            self._error(self.tr("请输入监护人手机收到的 6 位验证码。"))
            return
        if not self.agree_box.isChecked():
            self._error(self.tr("请监护人勾选同意后再提交。"))
            return
        name, relation = self.name_edit.text(), self.relation_combo.currentText()
        phone, code = self.phone_edit.text(), self.code_edit.text()
        self.submit_button.setEnabled(False)
        policy = self.policy
        self._run(
            lambda: self.account.record_guardian_consent(
                self.birth_date, self.today, name, relation, phone, code,
                policy.privacy_policy.version, policy.children_statement.version,
            ),
            self._done,
        )

    def _done(self, status: MinorStatus) -> None:
        self.consented.emit(status)
        self.accept()

    def _run(self, job: Callable[[], Any], on_done: Callable[[Any], None]) -> None:
        self._job = start_job(self, job, on_done, self._failed)

    def _failed(self, error: BaseException) -> None:
        self._error(platform_error_text(error))
        self.submit_button.setEnabled(True)
        if not self.code_button.counting:
            self.code_button.setEnabled(True)

    def _error(self, text: str) -> None:
        self.message.show_message(text, error=True)

    def _info(self, text: str) -> None:
        self.message.show_message(text, error=False)


    def done(self, result: int) -> None:
        if self._job is not None:
            self._job.wait(25_000)
        self.code_button.stop()
        super().done(result)


class MinorsFlow(QObject):
    """Runs after login when the account's age is not yet known.

    Signals:
        finished(object): the `MinorStatus` now in force, or None if consent is still missing.
        dialog_opened(object): each dialog as it opens (tests and screenshots use it).
    """

    finished = Signal(object)
    dialog_opened = Signal(object)

    def __init__(
        self, account: AccountService, records: MinorRecords, policy: PolicyBundle, language: str,
        parent_widget: QWidget, today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent_widget)
        self.account, self.records, self.policy, self.language = account, records, policy, language
        self._parent_widget = parent_widget
        self._today = today
        self._job: JobThread | None = None
        self.dialog: QDialog | QMessageBox | None = None

    def start(self) -> None:
        profile = self.account.profile
        if profile is None:
            self.finished.emit(None)
            return
        known = self.records.load(profile.account_id)
        if known is not None and known.may_collect_exam_data(self._today()):
            self.finished.emit(known)
            return
        dialog = BirthDateDialog(self._today(), self._parent_widget)
        dialog.finished.connect(lambda result: self._on_birth_date(dialog, result))
        self._open(dialog)

    def _open(self, dialog: QDialog | QMessageBox) -> None:
        self.dialog = dialog
        dialog.open()
        self.dialog_opened.emit(dialog)

    def _on_birth_date(self, dialog: BirthDateDialog, result: int) -> None:
        if result != QDialog.DialogCode.Accepted:
            self.finished.emit(None)
            return
        birth = dialog.birth_date
        group = age_group(birth, self._today())
        if group is AgeGroup.CHILD:
            self._ask_guardian(birth)
        elif group is AgeGroup.TEEN:
            choice = QMessageBox(QMessageBox.Icon.Question, self.tr("谁来同意？"),
                                 self.tr("考生已满十四周岁、未满十八周岁：可以由考生本人同意，也可以请监护人同意。"),
                                 QMessageBox.StandardButton.NoButton, self._parent_widget)
            own = choice.addButton(self.tr("我自己同意"), QMessageBox.ButtonRole.AcceptRole)
            choice.addButton(self.tr("请监护人同意"), QMessageBox.ButtonRole.ActionRole)
            choice.buttonClicked.connect(
                lambda button: self._own_consent(birth) if button is own else self._ask_guardian(birth)
            )
            self._open(choice)
        else:
            self._own_consent(birth)

    def _ask_guardian(self, birth: date) -> None:
        dialog = GuardianConsentDialog(self.account, self.policy, self.language, birth, self._today(),
                                       self._parent_widget)
        dialog.consented.connect(self._save)
        dialog.rejected.connect(lambda: self.finished.emit(None))
        self._open(dialog)

    def _own_consent(self, birth: date) -> None:
        version = self.policy.privacy_policy.version
        self._job = start_job(self, lambda: self.account.record_own_consent(birth, self._today(), version),
                              self._save, self._own_consent_failed)

    def _own_consent_failed(self, error: BaseException) -> None:
        notice = QMessageBox(QMessageBox.Icon.Warning, self.tr("无法提交"), platform_error_text(error),
                             QMessageBox.StandardButton.Ok, self._parent_widget)
        self._open(notice)
        self.finished.emit(None)

    def _save(self, status: MinorStatus) -> None:
        profile = self.account.profile
        if profile is not None:
            self.records.save(profile.account_id, status)
        self.finished.emit(status)
