"""At start-up, offer the crash reports of earlier runs for sending, only with the user's consent.

Shows exactly what would be sent (already redacted), sends nothing unless "发送错误报告" is
clicked, and remembers "总是询问 / 从不发送" in the settings (`general.crash_reports`).
"""

from __future__ import annotations

import json
import logging
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from artreview_desktop.core.appcontext import AppContext
from artreview_desktop.core.crash_reports import (
    ASK,
    NEVER,
    CrashReportSink,
    PendingReport,
    SendResult,
    decline,
    pending_reports,
    prune,
    send_pending,
)
from artreview_desktop.ui.workers import JobThread, start_job

log = logging.getLogger(__name__)


class CrashUploadDialog(QDialog):
    """Lists pending reports and shows the selected one exactly as it would be sent."""

    def __init__(self, reports: list[PendingReport], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reports = reports
        self.setWindowTitle(self.tr("发送错误报告"))
        self.setMinimumWidth(520)
        intro = QLabel(self.tr(
            "艺术评价上次运行时出现了错误。发送错误报告可以帮助我们修复问题。"
            "报告已去除手机号、验证码等个人信息，也不关联您的账号。是否发送给艺术评价平台？"))
        intro.setWordWrap(True)
        self.list = QListWidget()
        for report in reports:
            self.list.addItem(f"{report.time}  {report.summary}")
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.list.currentRowChanged.connect(self._show_details)
        self.choice = QComboBox()
        self.choice.addItem(self.tr("以后：总是询问"), ASK)
        self.choice.addItem(self.tr("以后：从不发送"), NEVER)
        self.send_button = QPushButton(self.tr("发送错误报告"))
        self.skip_button = QPushButton(self.tr("不发送"))
        self.send_button.clicked.connect(self.accept)
        self.skip_button.clicked.connect(self.reject)

        buttons = QHBoxLayout()
        buttons.addWidget(self.choice)
        buttons.addStretch(1)
        buttons.addWidget(self.skip_button)
        buttons.addWidget(self.send_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list)
        layout.addWidget(QLabel(self.tr("将要发送的内容：")))
        layout.addWidget(self.details)
        layout.addLayout(buttons)
        self.list.setCurrentRow(0)

    def _show_details(self, row: int) -> None:
        if 0 <= row < len(self.reports):
            self.details.setPlainText(json.dumps(self.reports[row].payload, ensure_ascii=False, indent=2))

    def future_choice(self) -> str:
        return str(self.choice.currentData())


class CrashReportOffer(QObject):
    """Offers pending reports once per start and acts on the answer.

    Signals:
        finished(object): a `SendResult` after sending, or None when the user declined.
    """

    finished = Signal(object)

    def __init__(self, context: AppContext, sink: CrashReportSink, parent: QWidget) -> None:
        super().__init__(parent)
        self.context = context
        self.sink = sink
        self.window = parent
        self.dialog: CrashUploadDialog | None = None
        self._job: JobThread | None = None

    def offer(self) -> CrashUploadDialog | None:
        """Open the dialog if there is anything to ask about (never when the user chose 'never')."""
        crash_dir = self.context.paths.crash_dir
        prune(crash_dir)
        reports = pending_reports(crash_dir, self.context.settings.general.crash_reports)
        if not reports:
            return None
        self.dialog = CrashUploadDialog(reports, self.window)
        self.dialog.finished.connect(self._answered)
        self.dialog.open()
        return self.dialog

    def _answered(self, result: int) -> None:
        assert self.dialog is not None
        reports, choice = self.dialog.reports, self.dialog.future_choice()
        if choice != self.context.settings.general.crash_reports:
            self.context.settings.general.crash_reports = choice
            self.context.save_settings()
        if result != QDialog.DialogCode.Accepted:
            decline(reports)
            log.info("crash reports: the user declined %d", len(reports))
            self.finished.emit(None)
            return
        self._job = start_job(self, lambda: send_pending(reports, self.sink), self._sent, self._failed)

    def _sent(self, result: Any) -> None:
        self.finished.emit(result)

    def _failed(self, error: Any) -> None:
        log.warning("crash reports could not be sent: %s", type(error).__name__)
        self.finished.emit(SendResult(failed=[(r.path, type(error).__name__) for r in self.dialog.reports]
                                      if self.dialog else []))
