"""Pages whose feature has not shipped yet: they say what the feature will do, and that it is not
available in this version — never a button that pretends to work."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from artreview_desktop.ui.pages.base import Page, card


class UpcomingFeaturePage(Page):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.layout_.addWidget(self.description)
        frame, layout = card(self)
        self.notice = QLabel()
        self.notice.setObjectName("notice")
        self.notice.setWordWrap(True)
        layout.addWidget(self.notice)
        self.layout_.addWidget(frame)
        self.layout_.addStretch(1)

    def describe(self) -> str:
        """What the feature will do (subclasses override it)."""
        return ""

    def retranslate(self) -> None:
        super().retranslate()
        self.description.setText(self.describe())
        self.notice.setText(self.tr("此功能尚未在当前版本中开放。"))


class UploadsUnavailablePage(UpcomingFeaturePage):
    """Shown when no exam platform is configured: there is nowhere to upload to."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.retranslate()

    def title(self) -> str:
        return self.tr("上传中心")

    def retranslate(self) -> None:
        super().retranslate()
        self.notice.setText(self.tr("上传的录制不会丢失：配置好考试平台后会自动继续上传。"))

    def describe(self) -> str:
        return self.tr("没有配置考试平台，无法上传。请在设置中填写考试平台地址，或以演示模式启动。")
