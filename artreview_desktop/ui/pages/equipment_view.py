"""The equipment page's widgets and their fixed texts (the page in equipment.py gives them life)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from artreview_desktop.core.equipment import CheckId
from artreview_desktop.ui.pages.base import card
from artreview_desktop.ui.pages.equipment_devices import LevelMeter
from artreview_desktop.ui.pages.equipment_texts import check_name
from artreview_desktop.ui.preview import CameraPreview

RESOLUTIONS = ((1920, 1080), (1280, 720), (960, 540), (640, 480))
DEFAULT_RESOLUTION = (1280, 720)


class WidePreview(CameraPreview):
    """The preview at the camera's 16:9 shape, as wide as its card."""

    def __init__(self, fps: int) -> None:
        super().__init__(fps=fps)
        self.setMinimumSize(384, 216)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return width * 9 // 16

    def sizeHint(self) -> QSize:
        return QSize(480, 270)


class EquipmentView(QWidget):
    """Camera, microphone, speaker, computer-and-network and summary cards, in keyboard order."""

    def __init__(self, steps: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(12)
        top = QHBoxLayout()
        self.intro = QLabel()
        self.intro.setObjectName("pageSubtitle")
        self.intro.setWordWrap(True)
        top.addWidget(self.intro, 1)
        self.start_button = QPushButton()
        self.start_button.setObjectName("primary")
        top.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignTop)
        outer.addLayout(top)
        progress_row = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setRange(0, steps)
        self.progress.setTextVisible(False)
        self.progress.setFixedHeight(8)
        self.progress_label = QLabel()
        self.progress_label.setObjectName("notice")
        progress_row.addWidget(self.progress_label)
        progress_row.addWidget(self.progress, 1)
        self.progress_box = QWidget()
        self.progress_box.setLayout(progress_row)
        progress_row.setContentsMargins(0, 0, 0, 0)
        self.progress_box.hide()
        outer.addWidget(self.progress_box)

        content = QWidget()
        rows = QVBoxLayout(content)
        rows.setContentsMargins(0, 0, 4, 0)
        rows.setSpacing(16)
        columns = QHBoxLayout()
        columns.setSpacing(16)
        left, right = QVBoxLayout(), QVBoxLayout()
        for column, cards in ((left, (self._camera_card(),)),
                              (right, (self._microphone_card(), self._speaker_card(), self._system_card()))):
            column.setSpacing(16)
            for widget in cards:
                column.addWidget(widget)
            column.addStretch(1)
        columns.addLayout(left, 11)
        columns.addLayout(right, 9)
        rows.addLayout(columns)
        self.summary_card = self._summary_card()
        rows.addWidget(self.summary_card)
        rows.addStretch(1)
        self.scroll_area = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        outer.addWidget(scroll, 1)
        self.setStyleSheet(PAGE_STYLE)
        for first, second in ((self.start_button, self.camera_combo), (self.camera_combo, self.resolution_combo),
                              (self.resolution_combo, self.microphone_combo), (self.microphone_combo, self.say_button),
                              (self.say_button, self.tone_button), (self.tone_button, self.heard_button),
                              (self.heard_button, self.not_heard_button)):
            QWidget.setTabOrder(first, second)

    def _title(self, layout: QVBoxLayout) -> QLabel:
        label = QLabel()
        label.setObjectName("cardTitle")
        layout.addWidget(label)
        return label

    def _camera_card(self) -> QWidget:
        frame, layout = card()
        self.camera_title = self._title(layout)
        self.preview = WidePreview(fps=60)  # polls twice per camera frame: each frame is shown promptly
        layout.addWidget(self.preview)
        form = QFormLayout()
        self.camera_combo = QComboBox()
        self.resolution_combo = QComboBox()
        for width, height in RESOLUTIONS:
            self.resolution_combo.addItem(f"{width} × {height}", (width, height))
        self.resolution_combo.setCurrentIndex(RESOLUTIONS.index(DEFAULT_RESOLUTION))
        self.camera_label = QLabel()
        self.resolution_label = QLabel()
        self.camera_label.setBuddy(self.camera_combo)
        self.resolution_label.setBuddy(self.resolution_combo)
        form.addRow(self.camera_label, self.camera_combo)
        form.addRow(self.resolution_label, self.resolution_combo)
        layout.addLayout(form)
        self.camera_status = QLabel()
        self.camera_status.setObjectName("notice")
        self.camera_status.setWordWrap(True)
        layout.addWidget(self.camera_status)
        return frame

    def _microphone_card(self) -> QWidget:
        frame, layout = card()
        self.microphone_title = self._title(layout)
        self.microphone_combo = QComboBox()
        layout.addWidget(self.microphone_combo)
        self.meter = LevelMeter()
        layout.addWidget(self.meter)
        row = QHBoxLayout()
        self.say_button = QPushButton()
        row.addWidget(self.say_button)
        self.say_status = QLabel()
        self.say_status.setWordWrap(True)
        row.addWidget(self.say_status, 1)
        layout.addLayout(row)
        return frame

    def _speaker_card(self) -> QWidget:
        frame, layout = card()
        self.speaker_title = self._title(layout)
        row = QHBoxLayout()
        self.tone_button = QPushButton()
        self.heard_button = QPushButton()
        self.heard_button.setObjectName("secondary")
        self.not_heard_button = QPushButton()
        self.not_heard_button.setObjectName("secondary")
        for button in (self.tone_button, self.heard_button, self.not_heard_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.heard_button.setEnabled(False)
        self.not_heard_button.setEnabled(False)
        self.speaker_status = QLabel()
        self.speaker_status.setWordWrap(True)
        layout.addWidget(self.speaker_status)
        return frame

    def _system_card(self) -> QWidget:
        frame, layout = card()
        self.system_title = self._title(layout)
        form = QFormLayout()
        form.setHorizontalSpacing(16)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.system_names: dict[CheckId, QLabel] = {}
        self.system_values: dict[CheckId, QLabel] = {}
        for check in (CheckId.DISK, CheckId.CPU, CheckId.UPLOAD):
            name, value = QLabel(), QLabel()
            value.setWordWrap(True)
            value.setTextFormat(Qt.TextFormat.RichText)
            self.system_names[check], self.system_values[check] = name, value
            form.addRow(name, value)
        layout.addLayout(form)
        return frame

    def _summary_card(self) -> QWidget:
        frame, layout = card()
        self.summary_title = self._title(layout)
        self.summary_headline = QLabel()
        self.summary_headline.setObjectName("summaryHeadline")
        self.summary_headline.setWordWrap(True)
        layout.addWidget(self.summary_headline)
        self.summary_grid = grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(4)
        self.summary_rows: dict[CheckId, QLabel] = {}
        for number, check in enumerate(CheckId):
            row = QLabel()
            row.setWordWrap(True)
            row.setTextFormat(Qt.TextFormat.RichText)
            row.setObjectName("summaryRow")
            row.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            self.summary_rows[check] = row
            grid.addWidget(row, number // 2, number % 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)
        return frame

    def arrange_summary(self, order: list[CheckId]) -> None:
        """Put the summary rows in this order (what to fix first), two per line."""
        for row in self.summary_rows.values():
            self.summary_grid.removeWidget(row)
        for number, check in enumerate(order):
            self.summary_grid.addWidget(self.summary_rows[check], number // 2, number % 2)

    def retranslate(self) -> None:
        self.intro.setText(self.tr("考试前请逐项检查：摄像头画面清晰流畅，麦克风能听到您的声音，扬声器能听到提示音，"
                                   "磁盘空间、电脑性能和网络都够用。哪一项没通过，检测结果里会告诉您怎么解决。"))
        self.camera_title.setText(self.tr("摄像头"))
        self.camera_label.setText(self.tr("摄像头："))
        self.resolution_label.setText(self.tr("分辨率："))
        self.microphone_title.setText(self.tr("麦克风"))
        self.meter.setAccessibleName(self.tr("麦克风音量"))
        self.say_button.setText(self.tr("请说话测试"))
        self.speaker_title.setText(self.tr("扬声器"))
        self.tone_button.setText(self.tr("播放测试音"))
        self.heard_button.setText(self.tr("听到了"))
        self.not_heard_button.setText(self.tr("没听到"))
        self.system_title.setText(self.tr("电脑与网络"))
        self.summary_title.setText(self.tr("检测结果"))
        for check, label in self.system_names.items():
            label.setText(check_name(check) + self.tr("："))


PAGE_STYLE = """
QLabel#summaryRow { padding: 8px 0; border-top: 1px solid #EEF1F7; }
QPushButton#secondary { background: #FFFFFF; color: #24304A; border: 1px solid #B8C2DC; }
QPushButton#secondary:hover { background: #EEF1F7; }
QPushButton#secondary:focus { border: 2px solid #F5A623; }
QPushButton#secondary:disabled { color: #A0A8BC; background: #F6F7FB; border: 1px solid #E1E5EF; }
QProgressBar { background: #DDE3F0; border: none; border-radius: 4px; }
QProgressBar::chunk { background: #4C6FFF; border-radius: 4px; }
"""
