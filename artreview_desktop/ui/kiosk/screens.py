"""The candidate-facing kiosk screens: welcome, check-in, ID photo, quick equipment check, hand-off."""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from artreview_desktop.ui.preview import CameraPreview


def _big(text: str = "", object_name: str = "kioskHeading") -> QLabel:
    label = QLabel(text)
    label.setObjectName(object_name)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    return label


class WelcomeScreen(QWidget):
    start_requested = Signal()

    def __init__(self, centre_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        self.heading = _big(self.tr("欢迎参加艺术考级"))
        self.centre = _big(self.tr("考点：{0}").format(centre_name), "kioskSub")
        self.note = _big(self.tr(
            "请准备好准考证，点击下面的按钮开始。考试中遇到问题，"
            "请举手联系监考老师。"
        ), "kioskSub")
        self.start_button = QPushButton(self.tr("开始签到(&S)"))
        self.start_button.setObjectName("kioskPrimary")
        self.start_button.clicked.connect(self.start_requested)
        for widget in (self.heading, self.centre, self.note):
            layout.addWidget(widget)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.start_button)
        row.addStretch(1)
        layout.addSpacing(24)
        layout.addLayout(row)
        layout.addStretch(3)


class CheckInScreen(QWidget):
    """Signals:
    check_in_requested(str): the admission-ticket number typed in.
    back_requested(): return to the welcome screen.
    """

    check_in_requested = Signal(str)
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(_big(self.tr("考生签到")))
        layout.addWidget(_big(self.tr("请输入准考证号（在准考证上，以 AR 开头）"), "kioskSub"))
        self.ticket_edit = QLineEdit()
        self.ticket_edit.setObjectName("kioskInput")
        self.ticket_edit.setMaxLength(20)
        self.ticket_edit.setPlaceholderText("AR0000000000")
        self.ticket_edit.setValidator(QRegularExpressionValidator(QRegularExpression(r"[A-Za-z0-9]{0,20}"), self))
        self.ticket_edit.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message = _big("", "kioskMessage")
        self.check_in_button = QPushButton(self.tr("签到(&C)"))
        self.check_in_button.setObjectName("kioskPrimary")
        self.back_button = QPushButton(self.tr("返回(&B)"))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.ticket_edit, 2)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.check_in_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addStretch(3)
        self.check_in_button.clicked.connect(self._submit)
        self.ticket_edit.returnPressed.connect(self._submit)
        self.back_button.clicked.connect(self.back_requested)

    def reset(self) -> None:
        self.ticket_edit.clear()
        self.message.clear()
        self.check_in_button.setEnabled(True)
        self.ticket_edit.setFocus()

    def _submit(self) -> None:
        ticket = self.ticket_edit.text().strip().upper()
        if len(ticket) < 6:
            self.message.setText(self.tr("请输入完整的准考证号。"))
            return
        self.check_in_button.setEnabled(False)
        self.message.setText(self.tr("正在签到…"))
        self.check_in_requested.emit(ticket)

    def show_error(self, text: str) -> None:
        self.check_in_button.setEnabled(True)
        self.message.setText(text)


class _StepScreen(QWidget):
    """A candidate step: heading, hint, a body, a status line and one "continue" button that stays
    off until the shell says the step is done."""

    continue_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.heading = _big()
        self.hint = _big("", "kioskSub")
        self.body = QVBoxLayout()
        self.status = _big("", "kioskMessage")
        layout.addWidget(self.heading)
        layout.addWidget(self.hint)
        layout.addLayout(self.body, 1)
        layout.addWidget(self.status)
        row = QHBoxLayout()
        row.addStretch(1)
        self.continue_button = QPushButton()
        self.continue_button.setObjectName("kioskPrimary")
        self.continue_button.setEnabled(False)
        self.continue_button.clicked.connect(self.continue_requested)
        row.addWidget(self.continue_button)
        row.addStretch(1)
        layout.addLayout(row)


class QuickCheckScreen(_StepScreen):
    """A short look at the camera picture and the sound level before the exam."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading.setText(self.tr("设备检查"))
        self.hint.setText(self.tr("请确认画面中能看到您的全身，说句话看看音量条是否跳动。"))
        self.continue_button.setText(self.tr("设备正常，进入考试(&N)"))
        self.preview = CameraPreview()
        self.body.addWidget(self.preview)


class PhotoStepScreen(_StepScreen):
    """The ID photo, taken at the centre: the photo page sits in `body`; continue needs a photo
    that passes every check."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading.setText(self.tr("拍摄证件照"))
        self.hint.setText(self.tr("请正对摄像头坐好，露出眉毛和耳朵，点击“拍照”。照片合格后进入下一步。"))
        self.continue_button.setText(self.tr("证件照合格，下一步(&N)"))


class HandOffScreen(QWidget):
    done_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(_big(self.tr("考试完成")))
        self.summary = _big("", "kioskSub")
        layout.addWidget(self.summary)
        layout.addWidget(_big(self.tr(
            "您的录制已交给考点电脑上传，您可以离开了。"
            "本机会清除您的个人信息。"
        ), "kioskSub"))
        row = QHBoxLayout()
        row.addStretch(1)
        self.done_button = QPushButton(self.tr("完成，下一位考生(&D)"))
        self.done_button.setObjectName("kioskPrimary")
        self.done_button.clicked.connect(self.done_requested)
        row.addWidget(self.done_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(3)
