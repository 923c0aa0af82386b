"""我的考试：the candidate's registered exams with their rules, and the way into each mode."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from artreview_desktop.core.account import AccountService
from artreview_desktop.core.exam import Mode, ProgressStore
from artreview_desktop.core.platform.models import Exam
from artreview_desktop.ui.errors import platform_error_text
from artreview_desktop.ui.exam.texts import attempts_text, duration_rule, exam_title, fee_text, identity_rule
from artreview_desktop.ui.pages.base import Page, card
from artreview_desktop.ui.workers import JobThread, start_job


class ExamsPage(Page):
    """Signals:
    login_requested(): the candidate must log in first.
    pay_requested(object): pay the fee of this `Exam`.
    mode_requested(object, object): record this `Exam` in this `Mode`.
    """

    login_requested = Signal()
    pay_requested = Signal(object)
    mode_requested = Signal(object, object)
    exams_loaded = Signal(list)

    def __init__(self, account: Callable[[], AccountService | None], progress: ProgressStore,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._account = account
        self._progress = progress
        self._job: JobThread | None = None
        self.exams: list[Exam] = []
        self.status = QLabel()
        self.status.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        self.login_button = QPushButton()
        self.refresh_button = QPushButton()
        self.login_button.clicked.connect(self.login_requested)
        self.refresh_button.clicked.connect(self.refresh)
        row.addWidget(self.login_button)
        row.addWidget(self.refresh_button)
        self.layout_.addLayout(row)
        self.list_widget = QWidget()
        self.list_layout = QVBoxLayout(self.list_widget)
        self.list_layout.setContentsMargins(0, 0, 0, 0)
        self.list_layout.setSpacing(12)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.list_widget)
        self.layout_.addWidget(scroll, 1)
        self.cards: dict[str, dict[str, QPushButton | QLabel]] = {}
        self._state = "idle"
        self.retranslate()

    def title(self) -> str:
        return self.tr("我的考试")

    def on_enter(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        account = self._account()
        if account is None or not account.logged_in:
            self._state = "logged_out"
            self.exams = []
            self._render()
            return
        if self._job is not None and self._job.is_running():
            return
        self._state = "loading"
        self._render_status()
        self._job = start_job(self, account.client.exams, self._loaded, self._failed)

    def _loaded(self, exams: list[Exam]) -> None:
        self.exams = list(exams)
        self._state = "loaded"
        self._render()
        self.exams_loaded.emit(self.exams)

    def _failed(self, error: BaseException) -> None:
        self._state = "error"
        self._error_text = platform_error_text(error)
        self._render_status()

    def retranslate(self) -> None:
        super().retranslate()
        self.login_button.setText(self.tr("登录(&L)"))
        self.refresh_button.setText(self.tr("刷新(&R)"))
        self._render()

    def _render_status(self) -> None:
        texts = {
            "idle": "",
            "logged_out": self.tr("登录后可以查看您报名的考试。"),
            "loading": self.tr("正在获取考试信息…"),
            "loaded": self.tr("共 {0} 场考试。正式考试前请先完成模拟考试和设备检测。").format(len(self.exams)),
            "error": getattr(self, "_error_text", ""),
        }
        self.status.setText(texts.get(self._state, ""))
        self.login_button.setVisible(self._state == "logged_out")
        self.refresh_button.setVisible(self._state in ("loaded", "error"))

    def _render(self) -> None:
        self._render_status()
        while self.list_layout.count():
            item = self.list_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.cards.clear()
        for exam in self.exams:
            self.list_layout.addWidget(self._exam_card(exam))
        self.list_layout.addStretch(1)

    def _exam_card(self, exam: Exam) -> QWidget:
        frame, layout = card()
        progress = self._progress.load(exam.id)
        left = max(0, exam.attempts_allowed - progress.attempts_used)
        title = QLabel(exam_title(exam))
        title.setObjectName("cardTitle")
        fee = QLabel(fee_text(exam))
        fee.setObjectName("feeUnpaid" if exam.fee_due else "feeOk")
        head = QHBoxLayout()
        head.addWidget(title, 1)
        head.addWidget(fee)
        layout.addLayout(head)
        pieces = "\n".join(f"• {piece.title}" for piece in exam.pieces)
        details = [
            self.tr("考级曲目/内容：") + "\n" + pieces,
            duration_rule(exam) + " · " + attempts_text(exam, left),
            self.tr("模拟考试：可以练习，不限次数，不会提交。") if exam.practice_available
            else self.tr("本科目没有模拟考试。"),
            identity_rule(exam),
            self.tr("准考证号：{0} · 证件照规格：{1}").format(
                exam.ticket_number, exam.id_photo_spec_detail.get("name", exam.id_photo_spec)),
        ]
        for text in details:
            label = QLabel(text)
            label.setWordWrap(True)
            layout.addWidget(label)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        pay = QPushButton(self.tr("缴费"))
        practice = QPushButton(self.tr("模拟考试"))
        formal = QPushButton(self.tr("正式考试"))
        practice.setEnabled(exam.practice_available)
        formal.setEnabled(not exam.fee_due and left > 0)
        if exam.fee_due:
            formal.setToolTip(self.tr("缴费后才能进行正式考试"))
        elif left == 0:
            formal.setToolTip(self.tr("正式考试次数已用完"))
        pay.clicked.connect(lambda _=False, e=exam: self.pay_requested.emit(e))
        practice.clicked.connect(lambda _=False, e=exam: self.mode_requested.emit(e, Mode.PRACTICE))
        formal.clicked.connect(lambda _=False, e=exam: self.mode_requested.emit(e, Mode.FORMAL))
        for button in (pay, practice, formal):
            button.setAccessibleName(f"{button.text()} {exam_title(exam)}")
            buttons.addWidget(button)
        layout.addLayout(buttons)
        pay.setVisible(exam.fee_due)  # after it has its parent, or it pops up as a window
        self.cards[exam.id] = {"pay": pay, "practice": practice, "formal": formal, "fee": fee}
        return frame
