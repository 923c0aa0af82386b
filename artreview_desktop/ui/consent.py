"""First-run consent and policy updates: the policy is shown before anything is collected.

Nothing is pre-ticked: "同意" stays disabled until the reader ticks the box. "不同意" leaves the app
usable only for reading the policy and quitting.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from artreview_desktop.core.privacy.policy import PolicyBundle
from artreview_desktop.ui.style import make_secondary


def policy_browser(markdown: str, parent: QWidget | None = None) -> QTextBrowser:
    browser = QTextBrowser(parent)
    browser.setOpenExternalLinks(False)
    browser.setMarkdown(markdown)
    return browser


class ConsentDialog(QDialog):
    """Shows the privacy policy and the children's statement; asks for agreement."""

    def __init__(
        self,
        bundle: PolicyBundle,
        language: str,
        previous_version: str | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.bundle = bundle
        self.setWindowTitle(self.tr("隐私政策"))
        self.setModal(True)
        self.resize(760, 640)
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
        layout = QVBoxLayout(self)

        version = bundle.privacy_policy.version
        if previous_version is None:
            intro = self.tr(
                "欢迎使用艺术评价。在使用前，请仔细阅读《隐私政策》和《儿童隐私保护声明》。"
                "您同意之前，本程序不会收集任何个人信息。"
            )
        elif previous_version == version:  # the children's statement alone changed
            intro = self.tr(
                "《儿童隐私保护声明》已更新为 {0} 版。请阅读变更内容，同意后才能继续使用。"
            ).format(bundle.children_statement.version)
        else:
            intro = self.tr(
                "《隐私政策》已更新为 {0} 版（您之前同意的是 {1} 版）。"
                "请阅读变更内容，同意后才能继续使用。"
            ).format(
                version, previous_version
            )
        self.intro = QLabel(intro)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)

        self.changes = QLabel()
        self.changes.setWordWrap(True)
        summary = bundle.change_summary(version, language)
        if previous_version is not None and summary:
            self.changes.setText(self.tr("本次更新：") + "\n" + "\n".join(f"• {line}" for line in summary))
            layout.addWidget(self.changes)

        self.tabs = QTabWidget()
        self.policy_view = policy_browser(bundle.privacy_policy.text(language))
        self.children_view = policy_browser(bundle.children_statement.text(language))
        self.tabs.addTab(self.policy_view, self.tr("隐私政策"))
        self.tabs.addTab(self.children_view, self.tr("儿童隐私保护声明"))
        layout.addWidget(self.tabs, 1)

        self.agree_box = QCheckBox(self.tr("我已阅读并同意《隐私政策》和《儿童隐私保护声明》(&R)"))
        self.agree_box.setChecked(False)
        layout.addWidget(self.agree_box)
        self.minor_note = QLabel(self.tr("未满十四周岁的小朋友，请让爸爸妈妈或其他监护人阅读并代为同意。"))
        self.minor_note.setWordWrap(True)
        layout.addWidget(self.minor_note)

        row = QHBoxLayout()
        row.addStretch(1)
        self.disagree_button = QPushButton(self.tr("不同意(&D)"))
        make_secondary(self.disagree_button)
        self.agree_button = QPushButton(self.tr("同意(&A)"))
        self.agree_button.setEnabled(False)
        row.addWidget(self.disagree_button)
        row.addWidget(self.agree_button)
        layout.addLayout(row)
        self.agree_box.toggled.connect(self.agree_button.setEnabled)
        self.agree_button.clicked.connect(self.accept)
        self.disagree_button.clicked.connect(self.reject)
        for button in (self.agree_button, self.disagree_button):
            button.setAutoDefault(False)
