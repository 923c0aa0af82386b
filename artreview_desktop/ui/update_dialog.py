"""The in-app update: a start-up (or on-demand) check, a dialog with what's new, size, progress and
"安装并重启", and deferral while a recording or an upload is running.

All checking, downloading and verifying is `core.update.UpdateService`; this module only shows it.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from artreview_desktop import __version__
from artreview_desktop.core.appcontext import AppContext
from artreview_desktop.core.resources import resource
from artreview_desktop.core.update import (
    LatestSource,
    Refusal,
    UpdateError,
    UpdateOffer,
    UpdateService,
    VerifiedPackage,
    dev_key_allowed,
    trusted_keys,
)
from artreview_desktop.core.update_install import default_launcher
from artreview_desktop.ui.style import make_secondary
from artreview_desktop.ui.workers import JobThread, start_job

log = logging.getLogger(__name__)
IDLE_POLL_MS = 5000


_REFUSALS: dict[Refusal, str] = {
    Refusal.UP_TO_DATE: str(QT_TRANSLATE_NOOP(
        "UpdateDialog", "已是最新版本。")),
    Refusal.DOWNGRADE: str(QT_TRANSLATE_NOOP(
        "UpdateDialog", "平台提供的版本比当前版本旧，已拒绝安装。")),
    Refusal.BAD_MANIFEST: str(QT_TRANSLATE_NOOP(
        "UpdateDialog", "更新信息不完整或格式不对，已拒绝安装。")),
    Refusal.WRONG_SIGNATURE: str(QT_TRANSLATE_NOOP(
        "UpdateDialog", "更新包的签名无效，可能不是官方发布的版本，已拒绝安装。")),
    Refusal.TRUNCATED: str(QT_TRANSLATE_NOOP(
        "UpdateDialog", "更新包下载不完整，已删除。请稍后重试。")),
    Refusal.TAMPERED: str(QT_TRANSLATE_NOOP(
        "UpdateDialog", "更新包与官方发布的文件不一致（可能被篡改），已删除，不会运行。")),
    Refusal.NETWORK: str(QT_TRANSLATE_NOOP(
        "UpdateDialog", "无法连接更新服务器，请检查网络后重试。已下载的部分会保留。")),
    Refusal.CANCELLED: str(QT_TRANSLATE_NOOP(
        "UpdateDialog", "已暂停下载，下次会从断点继续。")),
    Refusal.BUSY: str(QT_TRANSLATE_NOOP(
        "UpdateDialog", "正在录制或上传，结束后再安装更新。")),
    Refusal.INSTALL_FAILED: str(QT_TRANSLATE_NOOP(
        "UpdateDialog", "无法启动安装程序，请稍后重试或从官网下载安装。")),
}


def refusal_text(refusal: Refusal) -> str:
    """What the user is told for each refusal (translated)."""
    return QCoreApplication.translate("UpdateDialog", _REFUSALS[refusal])


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}"


class UpdateDialog(QDialog):
    """One offered version: what's new, size, download with progress and cancel, then install.

    Signals:
        install_started(): the installer runs; the app should quit now.
        progressed(int, int): bytes so far and total (emitted from the download thread, queued here).
    """

    install_started = Signal()
    progressed = Signal(int, int)

    def __init__(self, offer: UpdateOffer, service: UpdateService, busy: Callable[[], bool], language: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.offer = offer
        self.service = service
        self.busy = busy
        self.package: VerifiedPackage | None = None
        self._cancel = threading.Event()
        self._job: JobThread | None = None
        self.setWindowTitle(self.tr("发现新版本"))
        self.setMinimumWidth(460)

        self.headline = QLabel(self.tr("艺术评价 {0} 可以安装了（当前版本 {1}）。").format(
            offer.version, offer.current_version))
        self.headline.setWordWrap(True)
        self.notes = QTextBrowser()
        self.notes.setPlainText(offer.notes(language) or self.tr("（没有更新说明）"))
        self.notes.setMaximumHeight(120)
        self.size_label = QLabel(self.tr("大小：{0} MB").format(_megabytes(offer.app.size)))
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.status = QLabel(self.tr("更新包下载后会先校验签名和完整性，校验通过才会安装。"))
        self.status.setWordWrap(True)

        self.download_button = QPushButton(self.tr("下载更新"))
        self.cancel_button = QPushButton(self.tr("取消下载"))
        make_secondary(self.cancel_button)
        self.cancel_button.setEnabled(False)
        self.install_button = QPushButton(self.tr("安装并重启"))
        self.install_button.setEnabled(False)
        self.later_button = QPushButton(self.tr("以后再说"))
        buttons = QHBoxLayout()
        for button in (self.download_button, self.cancel_button, self.install_button, self.later_button):
            buttons.addWidget(button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(QLabel(self.tr("更新内容：")))
        layout.addWidget(self.notes)
        layout.addWidget(self.size_label)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

        self.download_button.clicked.connect(self.start_download)
        self.cancel_button.clicked.connect(self._cancel.set)
        self.install_button.clicked.connect(self.install)
        self.later_button.clicked.connect(self.reject)
        self.progressed.connect(self._on_progress)

    def start_download(self) -> None:
        self._cancel.clear()
        self.download_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.status.setText(self.tr("正在下载……"))
        self._job = start_job(self, lambda: self.service.download(self.offer, self.progressed.emit, self._cancel),
                              self._on_downloaded, self._on_failed)

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setValue(int(1000 * done / total) if total else 0)
        self.status.setText(self.tr("正在下载：{0} / {1} MB").format(_megabytes(done), _megabytes(total)))

    def _on_downloaded(self, package: Any) -> None:
        self.package = package
        self.progress.setValue(1000)
        self.cancel_button.setEnabled(False)
        self.install_button.setEnabled(True)
        self.status.setText(self.tr("更新包已下载并通过校验（签名、大小、SHA-256）。"))

    def _on_failed(self, error: Any) -> None:
        self.cancel_button.setEnabled(False)
        self.download_button.setEnabled(True)
        refusal = error.refusal if isinstance(error, UpdateError) else Refusal.NETWORK
        self.status.setText(refusal_text(refusal))

    def install(self) -> None:
        """Hand off to the installer unless a recording or upload is running (then say so and wait)."""
        if self.package is None:
            return
        try:
            self.service.install(self.package, self.busy)
        except UpdateError as err:
            self.status.setText(refusal_text(err.refusal))
            if err.refusal is not Refusal.BUSY:
                self.install_button.setEnabled(False)
                self.download_button.setEnabled(True)
            return
        self.status.setText(self.tr("安装程序已启动，艺术评价将关闭。"))
        self.install_started.emit()
        self.accept()

    def done(self, result: int) -> None:
        self._cancel.set()  # closing the dialog pauses a running download (the partial file is kept)
        if self._job is not None and self._job.is_running():
            self._job.wait(10_000)
        super().done(result)


class UpdateController(QObject):
    """Checks for updates and offers them, never while `busy()` (a take or an upload is running).

    Signals:
        quit_requested(): the installer has started; the app must quit.
        offer_deferred(object): an offer is waiting for the app to be idle.
        dialog_shown(object): the `UpdateDialog` now on screen.
        check_failed(object): the `Refusal` of a check (shown to the user unless routine at start-up).
    """

    quit_requested = Signal()
    offer_deferred = Signal(object)
    dialog_shown = Signal(object)
    check_failed = Signal(object)

    def __init__(self, service: UpdateService, busy: Callable[[], bool], parent: QWidget,
                 language: Callable[[], str] = lambda: "zh_CN", idle_poll_ms: int = IDLE_POLL_MS) -> None:
        super().__init__(parent)
        self.service = service
        self.busy = busy
        self.language = language
        self.window = parent
        self.deferred: UpdateOffer | None = None
        self.dialog: UpdateDialog | None = None
        self.message: QMessageBox | None = None
        self._jobs: list[JobThread] = []
        self._idle_timer = QTimer(self)
        self._idle_timer.setInterval(idle_poll_ms)
        self._idle_timer.timeout.connect(self._offer_if_idle)

    def check(self, manual: bool = False) -> None:
        """Ask the platform in the background; `manual` (a menu click) also reports "up to date" and errors."""
        job = start_job(self, self.service.check, self._on_offer, lambda error: self._on_check_failed(error, manual))
        self._jobs.append(job)
        job.done.connect(lambda: self._jobs.remove(job))

    def _on_offer(self, offer: Any) -> None:
        if self.busy():
            self.deferred = offer
            self._idle_timer.start()
            log.info("update %s deferred: the app is busy", offer.version)
            self.offer_deferred.emit(offer)
            return
        self.show_offer(offer)

    def _offer_if_idle(self) -> None:
        if self.deferred is not None and not self.busy():
            offer, self.deferred = self.deferred, None
            self._idle_timer.stop()
            self.show_offer(offer)

    def _on_check_failed(self, error: Any, manual: bool) -> None:
        refusal = error.refusal if isinstance(error, UpdateError) else Refusal.NETWORK
        log.info("update check: %s", refusal.value)
        quiet = refusal in (Refusal.UP_TO_DATE, Refusal.NETWORK)  # nothing to tell at start-up
        if manual or not quiet:
            self.message = QMessageBox(QMessageBox.Icon.Information, self.tr("检查更新"), refusal_text(refusal),
                                       QMessageBox.StandardButton.Ok, self.window)
            self.message.open()
        self.check_failed.emit(refusal)

    def show_offer(self, offer: UpdateOffer) -> UpdateDialog:
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = UpdateDialog(offer, self.service, self.busy, self.language(), self.window)
        self.dialog.install_started.connect(self.quit_requested)
        self.dialog.open()
        self.dialog_shown.emit(self.dialog)
        return self.dialog


def create_update_controller(context: AppContext, source: LatestSource, window: QWidget,
                             busy: Callable[[], bool]) -> UpdateController:
    """The app's controller: its version, its cache folder, the OS's installer and the keys it trusts
    (the development key only in demo mode or with ARTREVIEW_TRUST_DEV_UPDATE_KEY=1)."""
    keys = trusted_keys(resource("update-keys"), allow_dev=dev_key_allowed(context.demo))
    service = UpdateService(source, current_version=__version__, cache_dir=context.paths.cache_dir, keys=keys,
                            launcher=default_launcher())
    return UpdateController(service, busy, window, language=lambda: context.settings.general.language)
