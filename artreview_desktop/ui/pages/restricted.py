"""What remains when the user does not agree to the policy: reading it, and quitting."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from artreview_desktop.core.privacy.policy import PolicyBundle
from artreview_desktop.ui.consent import policy_browser
from artreview_desktop.ui.pages.base import Page


class PolicyOnlyPage(Page):
    """Signals:
    reconsider_requested(): the user wants to see the consent dialog again.
    quit_requested(): the user wants to leave.
    """

    reconsider_requested = Signal()
    quit_requested = Signal()

    def __init__(self, bundle: PolicyBundle, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.layout_.addWidget(self.explanation)
        self.browser = policy_browser(bundle.privacy_policy.text(language))
        self.layout_.addWidget(self.browser, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.quit_button = QPushButton()
        self.reconsider_button = QPushButton()
        row.addWidget(self.quit_button)
        row.addWidget(self.reconsider_button)
        self.layout_.addLayout(row)
        self.quit_button.clicked.connect(self.quit_requested)
        self.reconsider_button.clicked.connect(self.reconsider_requested)
        self.retranslate()

    def title(self) -> str:
        return self.tr("隐私政策")

    def retranslate(self) -> None:
        super().retranslate()
        self.explanation.setText(
            self.tr("您没有同意《隐私政策》，因此本程序不会收集任何信息，也不能登录、拍照或录制。您可以阅读政策后重新选择，或退出程序。")
        )
        self.quit_button.setText(self.tr("退出程序(&Q)"))
        self.reconsider_button.setText(self.tr("阅读并重新选择(&C)"))
