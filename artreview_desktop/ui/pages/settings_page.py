"""Me → Settings: language, the app's folders, start-up checks, and About."""

from __future__ import annotations

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from artreview_desktop.core.appcontext import AppContext
from artreview_desktop.core.privacy.permissions import PERMISSION_TABLE, Decision, Permission
from artreview_desktop.ui.i18n import LANGUAGE_NAMES
from artreview_desktop.ui.pages.base import Page, card
from artreview_desktop.ui.permissions import translated


class SettingsPage(Page):
    """Signals:
    language_requested(str): the user picked a language code.
    about_requested(): the user asked for the About box.
    """

    language_requested = Signal(str)
    about_requested = Signal()
    login_requested = Signal()
    logout_requested = Signal()
    account_security_requested = Signal()
    operation_log_requested = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent, scrollable=True)
        self.context = context
        self.phone_masked: str | None = None
        account_frame, account_layout = card(self)
        self.account_title = QLabel()
        self.account_title.setObjectName("cardTitle")
        self.account_label = QLabel()
        account_row = QHBoxLayout()
        account_row.addWidget(self.account_label, 1)
        self.login_button = QPushButton()
        self.logout_button = QPushButton()
        self.security_button = QPushButton()
        for button in (self.security_button, self.logout_button, self.login_button):
            account_row.addWidget(button)
        account_layout.addWidget(self.account_title)
        account_layout.addLayout(account_row)
        self.layout_.addWidget(account_frame)
        self.login_button.clicked.connect(self.login_requested)
        self.logout_button.clicked.connect(self.logout_requested)
        self.security_button.clicked.connect(self.account_security_requested)

        frame, layout = card(self)
        self.form = QFormLayout()
        self.language_label = QLabel()
        self.language_combo = QComboBox()
        for code, name in LANGUAGE_NAMES.items():
            self.language_combo.addItem(name, code)
        self.language_label.setBuddy(self.language_combo)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(context.settings.general.language)))
        self.language_combo.activated.connect(self._on_language_picked)
        self.form.addRow(self.language_label, self.language_combo)

        self.network_check_box = QCheckBox()
        self.network_check_box.setChecked(context.settings.general.check_network_at_start)
        self.network_check_box.toggled.connect(self._on_network_check_toggled)
        self.form.addRow("", self.network_check_box)

        self.folder_labels: dict[str, QLabel] = {}
        self.folder_rows: dict[str, QLabel] = {}
        for key, path in (
            ("data", context.paths.data_dir),
            ("logs", context.paths.log_dir),
            ("config", context.paths.config_dir),
        ):
            row = QHBoxLayout()
            value = QLabel(str(path))
            value.setObjectName("pathLabel")
            open_button = QPushButton()
            open_button.setProperty("folder", str(path))
            open_button.clicked.connect(lambda _=False, p=path: QDesktopServices.openUrl(QUrl.fromLocalFile(str(p))))
            row.addWidget(value, 1)
            row.addWidget(open_button)
            label = QLabel()
            self.folder_labels[key] = label
            self.folder_rows[key] = value
            self.form.addRow(label, row)
            setattr(self, f"open_{key}_button", open_button)
        layout.addLayout(self.form)
        self.layout_.addWidget(frame)

        privacy_frame, privacy_layout = card(self)
        self.privacy_title = QLabel()
        self.privacy_title.setObjectName("cardTitle")
        privacy_layout.addWidget(self.privacy_title)
        self.permission_grid = QGridLayout()
        self.permission_rows: dict[Permission, tuple[QLabel, QLabel, QPushButton]] = {}
        for index, spec in enumerate(PERMISSION_TABLE):
            name_label, state_label, toggle = QLabel(), QLabel(), QPushButton()
            toggle.clicked.connect(lambda _=False, p=spec.permission: self._toggle_permission(p))
            self.permission_grid.addWidget(name_label, index, 0)
            self.permission_grid.addWidget(state_label, index, 1)
            self.permission_grid.addWidget(toggle, index, 2)
            self.permission_rows[spec.permission] = (name_label, state_label, toggle)
        self.permission_grid.setColumnStretch(1, 1)
        privacy_layout.addLayout(self.permission_grid)
        oplog_row = QHBoxLayout()
        self.oplog_label = QLabel()
        self.oplog_label.setWordWrap(True)
        self.oplog_button = QPushButton()
        self.oplog_button.clicked.connect(self.operation_log_requested)
        oplog_row.addWidget(self.oplog_label, 1)
        oplog_row.addWidget(self.oplog_button)
        privacy_layout.addLayout(oplog_row)
        self.layout_.addWidget(privacy_frame)

        self.about_button = QPushButton()
        self.about_button.clicked.connect(self.about_requested)
        about_row = QHBoxLayout()
        about_row.addWidget(self.about_button)
        about_row.addStretch(1)
        self.layout_.addLayout(about_row)
        self.layout_.addStretch(1)
        self.retranslate()

    def title(self) -> str:
        return self.tr("我的 · 设置")

    def retranslate(self) -> None:
        super().retranslate()
        self.language_label.setText(self.tr("界面语言(&L)"))
        self.network_check_box.setText(self.tr("启动时检测网络"))
        self.folder_labels["data"].setText(self.tr("数据文件夹"))
        self.folder_labels["logs"].setText(self.tr("日志文件夹"))
        self.folder_labels["config"].setText(self.tr("设置文件夹"))
        for key in ("data", "logs", "config"):
            button = getattr(self, f"open_{key}_button")
            button.setText(self.tr("打开"))
        self.about_button.setText(self.tr("关于艺术评价(&A)"))
        self.privacy_title.setText(self.tr("隐私 · 权限"))
        self.oplog_label.setText(self.tr("操作日志：访问时间和操作记录，只保存在本机，可查看、导出。"))
        self.oplog_button.setText(self.tr("查看操作日志…(&O)"))
        self.account_title.setText(self.tr("账号"))
        self.login_button.setText(self.tr("登录"))
        self.logout_button.setText(self.tr("退出登录"))
        self.security_button.setText(self.tr("账号安全…"))
        self.render_account()
        self.render_permissions()

    def set_account(self, phone_masked: str | None) -> None:
        self.phone_masked = phone_masked
        self.render_account()

    def render_account(self) -> None:
        logged_in = self.phone_masked is not None
        self.account_label.setText(
            self.tr("已登录：{0}").format(self.phone_masked) if logged_in else self.tr("未登录")
        )
        self.login_button.setVisible(not logged_in)
        self.logout_button.setVisible(logged_in)
        self.security_button.setVisible(logged_in)

    def on_enter(self) -> None:
        self.render_permissions()

    def render_permissions(self) -> None:
        states = {
            Decision.GRANTED: self.tr("已允许"),
            Decision.REFUSED: self.tr("本次已拒绝"),
            Decision.NOT_ASKED: self.tr("使用时询问"),
        }
        for spec in PERMISSION_TABLE:
            name, state, button = self.permission_rows[spec.permission]
            decision = self.context.permissions.decision(spec.permission)
            name.setText(translated(spec.name))
            name.setToolTip(translated(spec.purpose))
            state.setText(states[decision])
            button.setText(self.tr("撤销") if decision is Decision.GRANTED else self.tr("允许"))
            button.setAccessibleName(f"{button.text()} {name.text()}")

    def _toggle_permission(self, permission: Permission) -> None:
        decisions = self.context.permissions
        if decisions.decision(permission) is Decision.GRANTED:
            decisions.refuse(permission)
        else:
            decisions.grant(permission)
        self.render_permissions()

    def _on_language_picked(self, index: int) -> None:
        code = self.language_combo.itemData(index)
        if code and code != self.context.settings.general.language:
            self.context.settings.general.language = code
            self.context.save_settings()
            self.language_requested.emit(code)

    def _on_network_check_toggled(self, checked: bool) -> None:
        self.context.settings.general.check_network_at_start = checked
        self.context.save_settings()
