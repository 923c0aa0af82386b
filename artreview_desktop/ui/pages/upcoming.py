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


class ExamsPage(UpcomingFeaturePage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.retranslate()

    def title(self) -> str:
        return self.tr("我的考试")

    def describe(self) -> str:
        return self.tr("查看已报名的考级科目、曲目、录制时长和剩余次数，缴纳考试费用，阅读考试须知并签署诚信承诺书。")


class IdPhotoPage(UpcomingFeaturePage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.retranslate()

    def title(self) -> str:
        return self.tr("标准证件照")

    def describe(self) -> str:
        return self.tr(
            "拍照或上传照片，按考试要求裁剪并检查证件照。人脸图像只用于制作证件照，离开本页面或退出程序时自动删除。"
        )


class EquipmentCheckPage(UpcomingFeaturePage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.retranslate()

    def title(self) -> str:
        return self.tr("设备检测")

    def describe(self) -> str:
        return self.tr("检查摄像头画面、麦克风音量、扬声器、磁盘空间、上传速度和电脑性能，并告诉您需要调整什么。")


class RecordingPage(UpcomingFeaturePage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.retranslate()

    def title(self) -> str:
        return self.tr("考级视频录制")

    def describe(self) -> str:
        return self.tr(
            "点击“开始录制/再次录制”录制考级视频：倒计时和语音提示后开始，录制中显示用时、音量和剩余次数。"
        )


class UploadsPage(UpcomingFeaturePage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.retranslate()

    def title(self) -> str:
        return self.tr("上传中心")

    def describe(self) -> str:
        return self.tr("查看每个录制文件的上传进度、速度和状态；断网或关机后会从中断处继续上传。")
