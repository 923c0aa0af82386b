"""The invigilator's centre login, shown once when a kiosk starts (the session then stays in the
OS keyring, so a restart after a crash resumes uploads without waiting for a password)."""

from __future__ import annotations

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

from artreview_desktop.core.platform.client import PlatformClient
from artreview_desktop.ui.errors import platform_error_text
from artreview_desktop.ui.form_message import FormMessage
from artreview_desktop.ui.style import make_secondary
from artreview_desktop.ui.workers import JobThread, start_job


class CentreLoginDialog(QDialog):
    """Accepted once the platform took the centre code and password; rejected = leave kiosk mode."""

    def __init__(self, client: PlatformClient, centre_name: str, centre_code: str = "", password: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.client = client
        self._job: JobThread | None = None
        self.setWindowTitle(self.tr("考点登录"))
        self.setModal(True)
        self.resize(480, 240)
        layout = QVBoxLayout(self)
        self.intro = QLabel(self.tr("考点：{0}。请监考老师用考点账号登录，登录后才能为考生签到和上传录制。")
                            .format(centre_name))
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        form = QFormLayout()
        self.code_edit = QLineEdit(centre_code)
        self.code_edit.setMaxLength(64)
        self.code_edit.setPlaceholderText(self.tr("考点代码"))
        self.password_edit = QLineEdit(password)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setMaxLength(256)
        code_label, password_label = QLabel(self.tr("考点代码(&C)")), QLabel(self.tr("密码(&P)"))
        code_label.setBuddy(self.code_edit)
        password_label.setBuddy(self.password_edit)
        form.addRow(code_label, self.code_edit)
        form.addRow(password_label, self.password_edit)
        layout.addLayout(form)
        self.message = FormMessage()
        layout.addWidget(self.message)
        layout.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.quit_button = QPushButton(self.tr("退出考点模式"))
        make_secondary(self.quit_button)
        self.login_button = QPushButton(self.tr("登录(&L)"))
        self.login_button.setDefault(True)
        buttons.addWidget(self.quit_button)
        buttons.addWidget(self.login_button)
        layout.addLayout(buttons)
        self.quit_button.clicked.connect(self.reject)
        self.login_button.clicked.connect(self.log_in)
        self.password_edit.returnPressed.connect(self.log_in)
        (self.password_edit if centre_code else self.code_edit).setFocus()

    def log_in(self) -> None:
        code, password = self.code_edit.text().strip(), self.password_edit.text()
        if not code or not password:
            self.message.show_message(self.tr("请填写考点代码和密码。"))
            return
        self.login_button.setEnabled(False)
        self.message.show_message(self.tr("正在登录…"), error=False)
        self._job = start_job(self, lambda: self.client.centre_login(code, password), self._logged_in, self._failed)

    def _logged_in(self, _tokens: object) -> None:
        self.password_edit.clear()  # the password is not kept anywhere
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.login_button.setEnabled(True)
        self.password_edit.selectAll()
        self.password_edit.setFocus()
        self.message.show_message(platform_error_text(error))
