"""Friendly crash handling: uncaught errors become a local report and a dialog, not a dead window."""

from __future__ import annotations

import logging

from PySide6.QtCore import QMessageLogContext, QObject, QtMsgType, QUrl, Signal, qInstallMessageHandler
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from artreview_desktop.core.crash import CrashReport, CrashReporter

log = logging.getLogger("qt")


class CrashBridge(QObject):
    """Carries crash reports from any thread to the UI thread.

    Signals:
        crashed(object): a `CrashReport`, delivered on the thread this object lives in.
    """

    crashed = Signal(object)

    def notify(self, report: CrashReport) -> None:
        self.crashed.emit(report)


class CrashDialog(QMessageBox):
    def __init__(self, report: CrashReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self.setIcon(QMessageBox.Icon.Critical)
        self.setWindowTitle(self.tr("程序遇到了问题"))
        self.setText(
            self.tr("很抱歉，程序出现了一个意外错误。您的录制文件不会丢失，可以继续使用或重新启动程序。")
        )
        self.setInformativeText(
            self.tr("错误报告已保存在本机（不含手机号、验证码等个人信息），未经您同意不会上传：\n{0}").format(
                str(report.path)
            )
        )
        self.setDetailedText(report.summary)
        self.open_folder_button = self.addButton(self.tr("打开报告所在文件夹"), QMessageBox.ButtonRole.ActionRole)
        self.addButton(self.tr("继续使用"), QMessageBox.ButtonRole.AcceptRole)
        self.open_folder_button.clicked.disconnect()
        self.open_folder_button.clicked.connect(self._open_folder)

    def _open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.report.path.parent)))


def install_qt_message_handler(reporter: CrashReporter) -> None:
    """Route Qt's own messages to our (redacted) log; a fatal one also writes a crash report."""
    levels = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
        QtMsgType.QtCriticalMsg: logging.ERROR,
        QtMsgType.QtFatalMsg: logging.CRITICAL,
    }

    def handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        log.log(levels.get(kind, logging.WARNING), "%s", message)
        if kind == QtMsgType.QtFatalMsg:
            where = f"{context.file}:{context.line}" if context.file else "qt"
            reporter.report_text(f"Qt fatal: {message}", f"{where}\n{message}", origin="qt")

    qInstallMessageHandler(handler)
