"""Home: what the app does, in the order a candidate does it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from artreview_desktop.ui.pages.base import Page, card


class HomePage(Page):
    """Signals:
    login_requested(): the candidate pressed 登录.
    """

    login_requested = Signal()

    def __init__(self, demo: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.demo = demo
        self.phone_masked: str | None = None
        self.subtitle = QLabel()
        self.subtitle.setObjectName("pageSubtitle")
        self.subtitle.setWordWrap(True)
        self.layout_.addWidget(self.subtitle)
        self.demo_note = QLabel()
        self.demo_note.setObjectName("demoNote")
        self.demo_note.setWordWrap(True)
        self.demo_note.setVisible(demo)
        self.layout_.addWidget(self.demo_note)
        account_row = QHBoxLayout()
        self.account_label = QLabel()
        self.login_button = QPushButton()
        self.login_button.clicked.connect(self.login_requested)
        account_row.addWidget(self.account_label, 1)
        account_row.addWidget(self.login_button)
        self.layout_.addLayout(account_row)

        grid = QGridLayout()
        grid.setSpacing(16)
        self.step_titles: list[QLabel] = []
        self.step_texts: list[QLabel] = []
        for index in range(5):
            frame, layout = card(self)
            number = QLabel(str(index + 1))
            number.setObjectName("stepNumber")
            title = QLabel()
            title.setObjectName("cardTitle")
            text = QLabel()
            text.setWordWrap(True)
            layout.addWidget(number)
            layout.addWidget(title)
            layout.addWidget(text)
            layout.addStretch(1)
            self.step_titles.append(title)
            self.step_texts.append(text)
            grid.addWidget(frame, index // 3, index % 3)
        self.layout_.addLayout(grid)
        self.layout_.addStretch(1)
        self.retranslate()

    def title(self) -> str:
        return self.tr("欢迎使用艺术评价")

    def nav_title(self) -> str:
        return self.tr("首页")

    def set_account(self, phone_masked: str | None) -> None:
        self.phone_masked = phone_masked
        self._render_account()

    def _render_account(self) -> None:
        if self.phone_masked is None:
            self.account_label.setText(self.tr("您还没有登录。登录后可以查看考试、录制和上传。"))
        else:
            self.account_label.setText(self.tr("已登录：{0}").format(self.phone_masked))
        self.login_button.setText(self.tr("登录(&L)"))
        self.login_button.setVisible(self.phone_masked is None)

    def retranslate(self) -> None:
        super().retranslate()
        self._render_account()
        self.subtitle.setText(
            self.tr("在家或在考点完成艺术考级视频录制：按下面的步骤操作，每一步都会提示您需要做什么。")
        )
        self.demo_note.setText(
            self.tr("演示模式：使用本机内置的考试平台和存储服务，不会连接真实平台，验证码可在演示收件箱中查看。")
        )
        steps = [
            (self.tr("登录"), self.tr("用手机号和短信验证码登录；未满十四周岁需监护人同意。")),
            (self.tr("标准证件照"), self.tr("拍摄或上传照片，自动裁剪为标准证件照；离开页面后照片自动删除。")),
            (self.tr("设备检测"), self.tr("检查摄像头、麦克风、磁盘空间和网络，确保录制顺利。")),
            (self.tr("考级视频录制"), self.tr("先模拟考试熟悉流程，再进行正式考试录制。")),
            (self.tr("上传"), self.tr("录制完成后自动上传，断网后可继续，平台校验通过才算完成。")),
        ]
        for (title, text), title_label, text_label in zip(steps, self.step_titles, self.step_texts, strict=True):
            title_label.setText(title)
            text_label.setText(text)
