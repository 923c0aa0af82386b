"""考试须知 and 诚信承诺书：read and accepted before a formal exam, and recorded with the takes."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QDialog, QHBoxLayout, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from artreview_desktop.core.platform.models import Exam
from artreview_desktop.ui.exam.texts import duration_rule, exam_title, identity_rule
from artreview_desktop.ui.style import make_secondary


class InstructionsDialog(QDialog):
    def __init__(self, exam: Exam, minor: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("考试须知与诚信承诺书"))
        self.resize(640, 600)
        layout = QVBoxLayout(self)
        heading = QLabel(exam_title(exam))
        heading.setObjectName("cardTitle")
        layout.addWidget(heading)
        self.text = QTextBrowser()
        rules = [
            self.tr("请在安静、光线充足的房间录制，背景简洁，不要有其他人入镜。"),
            self.tr("摄像头要拍到考生全身（乐器考级需拍到双手和乐器），录制中不要移动摄像头。"),
            identity_rule(exam),
            duration_rule(exam) + self.tr("；不足最短时长的录制无效。"),
            self.tr(
                "正式考试共可录制 {0} 次，"
                "点击“开始录制/再次录制”并正常结束的每次录制都会用掉一次机会；因设备故障中断的录制不计次数。"
            ).format(
                exam.attempts_allowed),
            self.tr("录制过程中请不要切换窗口或锁屏，这些情况会被记录并提交给考官。"),
            self.tr("录制完成后可以回放检查，选择一次录制提交；提交后会自动上传，平台校验通过后才算完成。"),
        ]
        pledge = self.tr(
            "诚信承诺书：本人承诺，考试视频由考生本人独立、现场完成，未经剪辑、拼接或替换，"
            "不请他人代考，不使用任何作弊手段。如有违反，愿承担取消考试成绩等后果。"
        )
        body = "## " + self.tr("考试须知") + "\n\n" + "\n".join(f"{i}. {rule}" for i, rule in enumerate(rules, 1))
        body += "\n\n## " + self.tr("诚信承诺书") + "\n\n" + pledge
        self.text.setMarkdown(body)
        layout.addWidget(self.text, 1)
        who = self.tr("我（监护人）已和考生一起阅读考试须知，并代表考生同意诚信承诺书(&A)") if minor else self.tr(
            "我已阅读考试须知，并同意诚信承诺书(&A)")
        self.accept_box = QCheckBox(who)
        layout.addWidget(self.accept_box)
        row = QHBoxLayout()
        row.addStretch(1)
        self.cancel_button = QPushButton(self.tr("取消"))
        make_secondary(self.cancel_button)
        self.start_button = QPushButton(self.tr("开始正式考试(&S)"))
        self.start_button.setEnabled(False)
        row.addWidget(self.cancel_button)
        row.addWidget(self.start_button)
        layout.addLayout(row)
        self.accept_box.toggled.connect(self.start_button.setEnabled)
        self.start_button.clicked.connect(self.accept)
        self.cancel_button.clicked.connect(self.reject)
