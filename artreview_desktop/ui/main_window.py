"""The main window: navigation on the left, one page at a time on the right, status below."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QStatusBar,
    QVBoxLayout,
    QWidget,
)

from artreview_desktop import __version__
from artreview_desktop.core.account import AccountService, MinorStatus
from artreview_desktop.core.appcontext import AppContext
from artreview_desktop.core.capture import CameraSource, QualityChoice, UnfinishedTake
from artreview_desktop.core.devices import CaptureSetup, build_capture, open_camera
from artreview_desktop.core.equipment import EquipmentReport
from artreview_desktop.core.exam import ExamSession, Mode, TakeRecord, find_interrupted_takes, recover_interrupted
from artreview_desktop.core.network import NetworkStatus
from artreview_desktop.core.phone import mask
from artreview_desktop.core.photo.submission import (
    queue_photo,
    required_photo_size,
    staged_photo_folder,
    sweep_unsealed_photos,
)
from artreview_desktop.core.platform.models import Exam
from artreview_desktop.core.privacy.consent import Actor, Document
from artreview_desktop.core.privacy.minors import AgeGroup
from artreview_desktop.core.privacy.permissions import Decision, Permission, Trigger
from artreview_desktop.core.privacy.policy import release_is_newer
from artreview_desktop.core.privacy.wipe import count_recordings, wipe_personal_data
from artreview_desktop.core.settings import ProblemKind
from artreview_desktop.core.upload.queue import ItemState, QueueError, QueueItem
from artreview_desktop.core.upload.runner import app_runner
from artreview_desktop.core.upload.takekeys import TakeKeys
from artreview_desktop.ui.about import AboutDialog
from artreview_desktop.ui.account_security import AccountSecurityDialog, PathChooser, choose_save_path
from artreview_desktop.ui.consent import ConsentDialog
from artreview_desktop.ui.errors import platform_error_text
from artreview_desktop.ui.exam.exams_page import ExamsPage
from artreview_desktop.ui.exam.instructions import InstructionsDialog
from artreview_desktop.ui.exam.payment import PaymentDialog, settle_demo_payment
from artreview_desktop.ui.exam.recording_page import RecordingPage
from artreview_desktop.ui.exam.texts import exam_title
from artreview_desktop.ui.login import LoginDialog, fetch_demo_code
from artreview_desktop.ui.minors import MinorsFlow
from artreview_desktop.ui.network_check import NetworkChecker, NetworkPrompt
from artreview_desktop.ui.oplog_dialog import OperationLogDialog, choose_log_path
from artreview_desktop.ui.pages.base import Page
from artreview_desktop.ui.pages.equipment import EquipmentCheckPage
from artreview_desktop.ui.pages.home import HomePage
from artreview_desktop.ui.pages.photo import IdPhotoPage
from artreview_desktop.ui.pages.restricted import PolicyOnlyPage
from artreview_desktop.ui.pages.settings_page import SettingsPage
from artreview_desktop.ui.pages.upcoming import UploadsUnavailablePage
from artreview_desktop.ui.pages.uploads import UploadCentrePage
from artreview_desktop.ui.permissions import OsPermissions, PermissionGate
from artreview_desktop.ui.speech import Announcer
from artreview_desktop.ui.upload_worker import UploadNotifier, UploadWorker
from artreview_desktop.ui.workers import JobThread, start_job


class MainWindow(QMainWindow):
    """Signals:
    language_requested(str): the settings page asked for another language.
    """

    language_requested = Signal(str)
    quit_requested = Signal()
    recovery_done = Signal(int)
    consent_changed = Signal(bool)

    def __init__(
        self,
        context: AppContext,
        network_check: Callable[[], NetworkStatus] | None = None,
        os_permissions: OsPermissions | None = None,
        account: AccountService | None = None,
        choose_path: PathChooser | None = None,  # None: each dialog's own file dialog
        announcer: Announcer | None = None,
        build_capture: Callable[..., CaptureSetup] | None = None,
        take_keys: TakeKeys | None = None,  # the sealed photos' keys; None: the OS keyring
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.account = account
        self._choose_path = choose_path or choose_save_path
        self._choose_oplog_path = choose_path or choose_log_path
        self.minor_status: MinorStatus | None = None
        self.login_dialog: LoginDialog | None = None
        self.minors_flow: MinorsFlow | None = None
        self.security_dialog: AccountSecurityDialog | None = None
        self.oplog_dialog: OperationLogDialog | None = None
        self.notice: QMessageBox | None = None
        self.recovery_prompt: QMessageBox | None = None
        self._jobs: list[JobThread] = []
        self.permission_gate = PermissionGate(context.permissions, self, os_permissions)
        self.permission_gate.resolved.connect(self._on_permissions_resolved)
        self.consent_dialog: ConsentDialog | None = None
        self.restricted_by_consent = False
        self._processing_started = False
        self._photos_swept = False
        self.policy_only_page: PolicyOnlyPage | None = None
        self.resize(1180, 760)
        self.setMinimumSize(960, 640)

        self.home_page = HomePage(context.demo)
        self.exams_page = ExamsPage(lambda: self.account, context.exam_progress)
        self.photo_page = IdPhotoPage(context, self.permission_gate, camera_factory=self._photo_camera,
                                      submittable=account is not None)
        self.current_exam: Exam | None = None
        self.latest_equipment_report: EquipmentReport | None = None
        self.equipment_page = EquipmentCheckPage(
            context, lambda: self.current_exam,
            lambda: self.account.client if self.account is not None and self.account.logged_in else None,
        )
        self.equipment_page.report_ready.connect(self._on_equipment_report)
        self.announcer = announcer or Announcer(context.settings.general.language, parent=self)
        self.recording_page = RecordingPage(self.permission_gate, build_capture or self._build_capture, self.announcer)
        self.quality_cache: dict[tuple[int, int, float, str], QualityChoice] = {}
        self.payment_dialog: PaymentDialog | None = None
        self.instructions_dialog: InstructionsDialog | None = None
        self.upload_runner = (app_runner(context.paths.data_dir, account.client, context.settings.upload,
                                         demo=context.demo, keys=take_keys) if account is not None else None)
        self.upload_worker: UploadWorker | None = None
        self.upload_notifier: UploadNotifier | None = None
        if self.upload_runner is not None:
            self.upload_worker = UploadWorker(self.upload_runner, parent=self)
            self.upload_notifier = UploadNotifier(self.upload_worker, parent=self)
            self.upload_worker.item_changed.connect(self._on_upload_item)
            self.uploads_page: Page = UploadCentrePage(self.upload_runner, self.upload_worker)
        else:
            self.uploads_page = UploadsUnavailablePage()
        self.settings_page = SettingsPage(context)
        self.pages: list[Page] = [
            self.home_page, self.exams_page, self.photo_page, self.equipment_page,
            self.recording_page, self.uploads_page, self.settings_page,
        ]
        self.settings_page.language_requested.connect(self.language_requested)
        self.settings_page.about_requested.connect(self.show_about)
        self.settings_page.login_requested.connect(self.show_login)
        self.settings_page.logout_requested.connect(self.logout)
        self.settings_page.account_security_requested.connect(self.show_account_security)
        self.settings_page.operation_log_requested.connect(self.show_operation_log)
        self.photo_page.submit_requested.connect(self.submit_photo)
        self.exams_page.exams_loaded.connect(
            lambda exams: self.photo_page.set_exams([(exam.id, exam_title(exam), required_photo_size(exam))
                                                     for exam in exams]))
        self.home_page.login_requested.connect(self.show_login)
        self.exams_page.login_requested.connect(self.show_login)
        self.exams_page.pay_requested.connect(self.show_payment)
        self.exams_page.mode_requested.connect(self.open_exam)
        self.recording_page.busy_changed.connect(self._on_recording_busy)
        self.recording_page.submit_requested.connect(self.submit_take)

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(220)
        self.navigation.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.stack = QStackedWidget()
        self.stack.setObjectName("pageArea")
        for page in self.pages:
            self.navigation.addItem(QListWidgetItem())
            self.stack.addWidget(page)
        self.navigation.currentRowChanged.connect(self._on_row_changed)
        self._current_row = 0
        for index in range(len(self.pages)):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{index + 1}"), self)
            shortcut.activated.connect(lambda i=index: self.show_page(i))

        self.brand = QLabel()
        self.brand.setObjectName("brand")
        self.brand_sub = QLabel()
        self.brand_sub.setObjectName("brandSub")
        side = QWidget()
        side.setStyleSheet("background: #24304A;")
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.setSpacing(0)
        side_layout.addWidget(self.brand)
        side_layout.addWidget(self.brand_sub)
        side_layout.addWidget(self.navigation, 1)

        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(side)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.network_label = QLabel()
        self.mode_label = QLabel()
        status = QStatusBar()
        status.addWidget(self.network_label)
        status.addPermanentWidget(self.mode_label)
        self.setStatusBar(status)

        self.network_status: NetworkStatus | None = None
        self.network_offline_chosen = False
        self.network_prompt = NetworkPrompt(self)
        self.network_prompt.retry_requested.connect(self.check_network)
        self.network_checker: NetworkChecker | None = None
        if network_check is not None:
            self.network_checker = NetworkChecker(network_check, self)
            self.network_checker.checking.connect(self._on_network_checking)
            self.network_checker.checked.connect(self._on_network_checked)

        self.about_dialog: AboutDialog | None = None
        self.settings_notice: QMessageBox | None = None
        self.retranslate()
        self.navigation.setCurrentRow(0)

    # -- navigation -------------------------------------------------------------------------
    def show_page(self, index: int) -> None:
        self.navigation.setCurrentRow(index)

    def current_page(self) -> Page:
        page = self.stack.currentWidget()
        assert isinstance(page, Page)
        return page

    def _on_row_changed(self, row: int) -> None:
        if row < 0:
            return
        previous = self.pages[self._current_row]
        if row != self._current_row:
            previous.on_leave()
        self._current_row = row
        self.stack.setCurrentIndex(row)
        self.pages[row].on_enter()
        self.context.oplog.record("page_opened", page=type(self.pages[row]).__name__)
        if (self.pages[row] is self.photo_page and self.account is not None and self.account.logged_in
                and not self.exams_page.exams):
            self.exams_page.refresh()  # the exams a photo can be submitted to (once per login)

    # -- start-up ------------------------------------------------------------------------------
    def start(self) -> None:
        """Once the window is shown: settings notices, consent (before anything is collected),
        then the network permission and the network check."""
        self._show_settings_problems()
        if self.context.has_current_consent():
            self._after_consent()
        else:
            self.ask_consent()

    def ask_consent(self) -> None:
        previous = self.context.consent_ledger.agreed_version(Document.PRIVACY_POLICY)
        self.consent_dialog = ConsentDialog(self.context.policy, self.context.settings.general.language, previous, self)
        self.consent_dialog.finished.connect(self._on_consent_answer)
        self.consent_dialog.open()

    def _on_consent_answer(self, result: int) -> None:
        if result != ConsentDialog.DialogCode.Accepted:
            self.stop_uploads()
            self.enter_restricted_mode()
            self.consent_changed.emit(False)
            return
        ledger, policy = self.context.consent_ledger, self.context.policy
        ledger.record(Document.PRIVACY_POLICY, policy.privacy_policy.version)
        ledger.record(Document.CHILDREN_STATEMENT, policy.children_statement.version)
        self.context.oplog.record("policy_accepted", version=policy.privacy_policy.version)
        self.leave_restricted_mode()
        self.consent_changed.emit(True)
        if self._processing_started:
            # The platform published a new policy mid-session: carry on where we were, and have the
            # account's consent (a guardian's for a child) given again for the new version.
            self.start_uploads()
            if self.account is not None and self.account.profile is not None:
                self.context.minor_records.wipe(self.account.profile.account_id)
                self.minor_status = None
                self._on_logged_in(self.account.profile)
            elif self.network_status is not None and self.network_status.online:
                self.restore_session()
        else:
            self._after_consent()

    def enter_restricted_mode(self) -> None:
        """Without consent: only the policy and quitting (nothing is collected)."""
        if self.policy_only_page is None:
            self.policy_only_page = PolicyOnlyPage(self.context.policy, self.context.settings.general.language)
            self.policy_only_page.reconsider_requested.connect(self.ask_consent)
            self.policy_only_page.quit_requested.connect(self.quit_requested)
            self.stack.addWidget(self.policy_only_page)
        self.restricted_by_consent = True
        self.navigation.setEnabled(False)
        self.stack.setCurrentWidget(self.policy_only_page)

    def leave_restricted_mode(self) -> None:
        self.restricted_by_consent = False
        self.navigation.setEnabled(True)
        self.stack.setCurrentIndex(max(0, self.navigation.currentRow()))

    @property
    def restricted(self) -> bool:
        return self.restricted_by_consent

    def _after_consent(self) -> None:
        self._processing_started = True
        self.context.oplog.record("app_started", version=__version__)
        self.check_interrupted_takes()
        self.start_uploads()
        if self.network_checker is None or not self.context.settings.general.check_network_at_start:
            self._render_network_label()
        elif self.context.permissions.decision(Permission.NETWORK) is Decision.GRANTED:
            self.check_network()
        else:
            self.permission_gate.request(Trigger.APP_START)

    def _on_permissions_resolved(self, trigger: Trigger, allowed: bool) -> None:
        self.context.oplog.record("permissions_answered", trigger=trigger.value, allowed=str(allowed).lower())
        if trigger is Trigger.APP_START:
            if allowed:
                self.check_network()
            else:
                self._render_network_label()

    def check_network(self) -> None:
        if self.network_checker is not None:
            self.network_checker.start()

    def _on_network_checking(self) -> None:
        self.network_label.setObjectName("networkChecking")
        self.network_label.setText(self.tr("正在检测网络…"))
        self._restyle(self.network_label)

    def _on_network_checked(self, status: NetworkStatus) -> None:
        self.network_status = status
        self._render_network_label()
        if not status.online:
            self.network_prompt.show_status(status)
            return
        self.network_prompt.hide()
        if self.account is not None and status.policy_version and release_is_newer(
            status.policy_version, status.children_policy_version, self.context.policy
        ):
            # A new policy is accepted before anything else happens: processing stops now, and stays
            # stopped until the new text has been fetched, shown and agreed to.
            self.stop_uploads()
            self._start(partial(self.context.published_policy.fetch, self.account.client),
                        self._on_published_policy, self._on_policy_fetch_failed)
            return
        self.restore_session()

    def _on_policy_fetch_failed(self, error: BaseException) -> None:
        """Uploads stay stopped; the fetch is tried again with the next network check."""
        self.notice = QMessageBox(QMessageBox.Icon.Warning, self.tr("隐私政策已更新"),
                                  self.tr("考试平台发布了新版隐私政策，但暂时无法下载（{0}）。在您阅读并同意新政策之前，"
                                          "上传已暂停。请检查网络后点击“重试”。").format(platform_error_text(error)),
                                  QMessageBox.StandardButton.NoButton, self)
        retry = self.notice.addButton(self.tr("重试"), QMessageBox.ButtonRole.AcceptRole)
        self.notice.addButton(self.tr("稍后"), QMessageBox.ButtonRole.RejectRole)
        self.notice.buttonClicked.connect(lambda button: self.check_network() if button is retry else None)
        self.notice.open()

    def _on_published_policy(self, _bundle: object) -> None:
        self.context.reload_policy()
        if self.context.has_current_consent():
            self.restore_session()
            return
        self.stop_uploads()
        if self.consent_dialog is None or not self.consent_dialog.isVisible():
            self.ask_consent()

    # -- account ---------------------------------------------------------------------------------
    def _start(self, job: Callable[[], Any], on_done: Callable[[Any], None],
               on_failed: Callable[[Any], None] | None = None) -> None:
        runner = start_job(self, job, on_done, on_failed or self._show_error)
        self._jobs.append(runner)
        runner.done.connect(lambda: self._jobs.remove(runner) if runner in self._jobs else None)

    def _show_error(self, error: BaseException) -> None:
        self.notice = QMessageBox(QMessageBox.Icon.Warning, self.tr("操作未完成"), platform_error_text(error),
                                  QMessageBox.StandardButton.Ok, self)
        self.notice.open()

    def restore_session(self) -> None:
        """Resume the session kept in the keyring, once the user consented and is online."""
        if self.account is None or self.account.logged_in:
            return
        self._start(self.account.restore, self._on_restored, lambda _error: None)

    def _on_restored(self, profile: object) -> None:
        if profile is not None:
            self._on_logged_in(profile)

    def show_login(self) -> None:
        if self.account is None or self.restricted:
            return
        demo_url = self.context.api_url if self.context.demo else None
        self.login_dialog = LoginDialog(self.account, self.permission_gate, self,
                                        demo_code=partial(fetch_demo_code, demo_url) if demo_url else None)
        self.login_dialog.logged_in.connect(self._on_logged_in)
        self.login_dialog.open()

    def _on_logged_in(self, _profile: object) -> None:
        assert self.account is not None
        self.context.oplog.record("login")
        self._render_account()
        self.minors_flow = MinorsFlow(self.account, self.context.minor_records, self.context.policy,
                                      self.context.settings.general.language, self)
        self.minors_flow.finished.connect(self._on_minor_status)
        self.minors_flow.start()

    def _on_minor_status(self, status: MinorStatus | None) -> None:
        self.minor_status = status
        self._render_account()

    def logout(self) -> None:
        if self.account is None:
            return
        self.context.oplog.record("logout")
        self._start(self.account.logout, lambda _r: self._after_logout(), lambda _e: self._after_logout())

    def _after_logout(self) -> None:
        self.minor_status = None
        self.exams_page.refresh()  # logged out: no exams listed, none to submit a photo to
        self.photo_page.set_exams([])
        self._render_account()

    def show_operation_log(self) -> None:
        logged_in = self.account is not None and self.account.logged_in
        send = self.account.client.send_operation_log if self.account is not None and logged_in else None
        self.oplog_dialog = OperationLogDialog(self.context.oplog, self._choose_oplog_path, send, self)
        self.oplog_dialog.open()

    def show_account_security(self) -> None:
        if self.account is None or not self.account.logged_in:
            return
        self.security_dialog = AccountSecurityDialog(
            self.account, self.context.consent_ledger, self.context.oplog,
            self.context.policy.privacy_policy.version, count_recordings(self.context.paths),
            choose_path=self._choose_path, parent=self,
        )
        self.security_dialog.phone_changed.connect(lambda _masked: self._render_account())
        self.security_dialog.account_deleted.connect(lambda: self._wipe_local_data(withdrawn=False))
        self.security_dialog.consent_withdrawn.connect(lambda: self._wipe_local_data(withdrawn=True))
        self.security_dialog.open()

    def _wipe_local_data(self, withdrawn: bool) -> None:
        """After account deletion or withdrawn consent: log out and wipe this machine's personal data."""
        assert self.account is not None
        account = self.account
        self.context.permissions.wipe()
        self.minor_status = None
        if withdrawn:
            self.enter_restricted_mode()

        def wipe() -> object:
            try:
                account.logout()
            except Exception:  # offline: the tokens are already forgotten locally
                account.profile = None
            return wipe_personal_data(self.context.paths, recordings=True)

        self._start(wipe, lambda _report: self._render_account())

    # -- takes interrupted by a crash ---------------------------------------------------------
    def check_interrupted_takes(self) -> None:
        """After a crash or power cut: find unfinished takes and offer to recover them (never delete)."""
        folder = self.context.recordings_dir
        self._start(lambda: find_interrupted_takes(folder), self._offer_recovery, lambda _e: None)

    def _offer_recovery(self, takes: list[UnfinishedTake]) -> None:
        if not takes:
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("发现未完成的录制"),
                          self.tr("上次程序意外退出，有 {0} 个录制没有正常结束。已录制的部分可以恢复，"
                                  "恢复后可以回放和提交，不计考试次数。现在恢复吗？").format(len(takes)),
                          QMessageBox.StandardButton.NoButton, self)
        recover = box.addButton(self.tr("恢复"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("稍后"), QMessageBox.ButtonRole.RejectRole)
        box.buttonClicked.connect(lambda button: self._recover(takes) if button is recover else None)
        self.recovery_prompt = box
        box.open()

    def _recover(self, takes: list[UnfinishedTake]) -> None:
        store = self.context.exam_progress

        def recover_all() -> tuple[int, int]:
            recovered = failed = 0
            for take in takes:
                try:
                    recover_interrupted(take, store)
                    recovered += 1
                except (ValueError, OSError):
                    failed += 1  # the file stays where it is; nothing is deleted
            return recovered, failed

        self._start(recover_all, self._recovered)

    def _recovered(self, counts: tuple[int, int]) -> None:
        recovered, failed = counts
        text = self.tr("已恢复 {0} 个录制，可以在考试的录制列表中回放。").format(recovered)
        if failed:
            text += " " + self.tr("有 {0} 个文件无法恢复，已原样保留在录制文件夹中。").format(failed)
        self.notice = QMessageBox(QMessageBox.Icon.Information, self.tr("录制已恢复"), text,
                                  QMessageBox.StandardButton.Ok, self)
        self.notice.open()
        self.recovery_done.emit(recovered)

    # -- exams ---------------------------------------------------------------------------------
    def _build_capture(self, **session_options: Any) -> CaptureSetup:
        recording = self.context.settings.recording
        return build_capture(recording.camera, recording.microphone, recording.preset, self.context.paths.cache_dir,
                             self.quality_cache, **session_options)

    def show_payment(self, exam: Exam) -> None:
        if self.account is None or not self.account.logged_in:
            self.show_login()
            return
        demo_url = self.context.api_url if self.context.demo else None
        settle = partial(settle_demo_payment, demo_url) if demo_url else None
        self.payment_dialog = PaymentDialog(self.account, exam, demo_settle=settle, parent=self)
        self.payment_dialog.paid.connect(lambda _order: self.exams_page.refresh())
        self.payment_dialog.open()

    def _exam_data_allowed(self) -> bool:
        """Minors' rule: no exam data before the age check (and a guardian's consent under 14)."""
        if self.minor_status is not None and self.minor_status.may_collect_exam_data(date.today()):
            return True
        self.notice = QMessageBox(QMessageBox.Icon.Information, self.tr("需要完成年龄确认"),
                                  self.tr("开始考试前，请先填写考生出生日期；未满十四周岁的考生需要监护人同意。"),
                                  QMessageBox.StandardButton.Ok, self)
        self.notice.open()
        if self.account is not None and self.account.logged_in:
            self._on_logged_in(self.account.profile)
        return False

    def open_exam(self, exam: Exam, mode: Mode) -> None:
        if self.recording_page.busy or not self._exam_data_allowed():
            return
        session = ExamSession(exam, mode, self.context.exam_progress, self.context.recordings_dir)
        if session.formal and session.progress.commitment_accepted_at is None:
            minor = self.minor_status is not None and self.minor_status.group(date.today()) is not AgeGroup.ADULT
            self.instructions_dialog = InstructionsDialog(exam, minor, self)
            self.instructions_dialog.accepted.connect(lambda: self._commitment_accepted(session, minor))
            self.instructions_dialog.open()
            return
        self._go_record(session)

    def _commitment_accepted(self, session: ExamSession, minor: bool) -> None:
        session.accept_commitment()
        self.context.consent_ledger.record(Document.COMMITMENT_LETTER, session.exam.id,
                                           actor=Actor.GUARDIAN if minor else Actor.SELF, scopes=("exam_rules",))
        self.context.oplog.record("commitment_accepted", exam=session.exam.id)
        self._go_record(session)

    def submit_photo(self, jpeg: bytes, exam_id: str, spec_name: str) -> None:
        """Queue the ID photo: staged, sealed at once (no readable face image waits on disk),
        uploaded, verified by the platform, then destroyed."""
        if self.upload_runner is None or self.account is None or not self.account.logged_in:
            self.photo_page.show_submitted(self.tr("请先登录，再提交证件照。"), False)
            return
        runner, folder = self.upload_runner, staged_photo_folder(self.context.paths.data_dir)

        def queued(_item: QueueItem) -> None:
            self.context.oplog.record("id_photo_submitted", exam=exam_id)
            self.photo_page.show_submitted(self.tr("证件照已加密加入上传队列，可以在“上传中心”查看进度。"), True)
            if self.upload_worker is not None:
                self.upload_worker.wake()

        def refused(error: BaseException) -> None:
            reason = getattr(error, "reason", "")
            text = (self.tr("系统钥匙串不可用，证件照无法加密保存，因此没有提交。请解锁钥匙串后重试。")
                    if reason == "keyring_unavailable" else
                    self.tr("证件照没有提交成功：{0}").format(platform_error_text(error)))
            self.photo_page.show_submitted(text, False)

        self._start(partial(queue_photo, runner.queue, jpeg, folder, exam_id, spec_name), queued, refused)

    def _photo_camera(self) -> CameraSource:
        return open_camera(self.context.settings.recording.camera, self.context.paths.cache_dir)

    def _on_equipment_report(self, report: EquipmentReport) -> None:
        """Results are kept with the exam session they were checked for."""
        self.latest_equipment_report = report
        session = self.recording_page.session
        if session is not None and (report.exam_id in (None, session.exam.id)):
            session.keep_equipment_report(report.to_json())

    def _go_record(self, session: ExamSession) -> None:
        self.current_exam = session.exam
        if self.latest_equipment_report is not None and session.progress.equipment_report is None:
            session.keep_equipment_report(self.latest_equipment_report.to_json())
        self.recording_page.set_session(session)
        self.show_page(self.pages.index(self.recording_page))

    def _on_recording_busy(self, busy: bool) -> None:
        """While a take runs the candidate stays on the recording page (no accidental navigation)."""
        self.navigation.setEnabled(not busy and not self.restricted_by_consent)

    def submit_take(self, session: ExamSession, take: TakeRecord) -> None:
        """Hand the take to the upload queue; it is uploaded, verified by the platform, then released."""
        if self.upload_runner is None or self.upload_worker is None:
            return
        try:
            self.upload_runner.queue.add_take(Path(take.path), session.exam.id)
        except QueueError as err:
            self._show_error(err)
            return
        self.context.oplog.record("take_submitted", exam=session.exam.id, take=str(take.number))
        session.mark_submitted(take.number)
        self.recording_page.set_upload_state(take.path, self.tr("已加入上传队列"))
        self.upload_worker.wake()

    def _on_upload_item(self, item: QueueItem) -> None:
        states = {
            ItemState.WAITING: self.tr("等待上传"),
            ItemState.UPLOADING: self.tr("上传中"),
            ItemState.VERIFYING: self.tr("平台校验中"),
            ItemState.DONE: self.tr("上传成功，平台已校验"),
            ItemState.FAILED: self.tr("上传失败：{0}").format(item.detail),
            ItemState.PAUSED: self.tr("已暂停"),
            ItemState.CANCELLED: self.tr("已取消"),
        }
        self.recording_page.set_upload_state(str(Path(item.take_path)), states.get(item.state, ""))
        if item.state in (ItemState.DONE, ItemState.FAILED):
            self.context.oplog.record("upload_" + item.state.value, exam=item.exam_id, reason=item.reason)

    def start_uploads(self) -> None:
        """Resume the queue (after a restart too) once the user consented; first wipe any ID photo
        that was staged but never sealed into the queue (the app stopped in between)."""
        if self.upload_runner is not None and not self._photos_swept:
            self._photos_swept = True
            sweep_unsealed_photos(staged_photo_folder(self.context.paths.data_dir),
                                  {item.take_path for item in self.upload_runner.queue.items()})
        if self.upload_worker is not None:
            self.upload_worker.begin()

    def stop_uploads(self) -> None:
        """No processing without consent: uploads stop after the current block (without blocking the
        window) and resume later."""
        if self.upload_worker is not None:
            self.upload_worker.request_stop()

    def _render_account(self) -> None:
        profile = self.account.profile if self.account is not None else None
        masked = mask(profile.phone[-11:]) if profile is not None else None
        self.home_page.set_account(masked)
        self.settings_page.set_account(masked)

    def _render_network_label(self) -> None:
        status = self.network_status
        if self.context.permissions.decision(Permission.NETWORK) is Decision.REFUSED:
            self.network_label.setObjectName("networkOffline")
            self.network_label.setText(self.tr("● 离线：您未允许使用网络"))
        elif status is None:
            self.network_label.setObjectName("networkChecking")
            self.network_label.setText(self.tr("网络：未检测"))
        elif status.online:
            self.network_label.setObjectName("networkOnline")
            self.network_label.setText(self.tr("● 已连接考试平台"))
        else:
            self.network_label.setObjectName("networkOffline")
            self.network_label.setText(self.tr("● 离线：无法连接考试平台"))
        self._restyle(self.network_label)

    def _show_settings_problems(self) -> None:
        messages = []
        for problem in self.context.settings_problems:
            if problem.kind is ProblemKind.CORRUPT:
                messages.append(self.tr("设置文件已损坏，已恢复默认设置。原文件已备份为：\n{0}").format(
                    str(problem.backup)))
            elif problem.kind is ProblemKind.NEWER_VERSION:
                messages.append(self.tr("设置文件来自更新版本的程序，已备份为：\n{0}").format(str(problem.backup)))
            elif problem.kind is ProblemKind.UNREADABLE:
                messages.append(self.tr("无法读取设置文件，本次使用默认设置。"))
            elif problem.kind is ProblemKind.INVALID_VALUE:
                messages.append(self.tr("设置项 {0} 的值无效，已使用默认值。").format(problem.detail))
        if messages:
            self.settings_notice = QMessageBox(QMessageBox.Icon.Warning, self.tr("设置"), "\n\n".join(messages),
                                               QMessageBox.StandardButton.Ok, self)
            self.settings_notice.open()

    # -- dialogs ---------------------------------------------------------------------------------
    def show_about(self) -> None:
        self.about_dialog = AboutDialog(self)
        self.about_dialog.open()

    # -- language --------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("艺术评价 · 考级视频录制"))
        self.brand.setText(self.tr("艺术评价"))
        self.brand_sub.setText("ArtReview " + __version__)
        for index, page in enumerate(self.pages):
            item = self.navigation.item(index)
            item.setText(page.nav_title())
            item.setToolTip(self.tr("{0}(Ctrl+{1})").format(page.nav_title(), index + 1))
        self.mode_label.setText(self.tr("演示模式") if self.context.demo else "")
        self._render_network_label()
        if self.network_status is not None and not self.network_status.online and self.network_prompt.isVisible():
            self.network_prompt.show_status(self.network_status)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.current_page().on_leave()
        self.equipment_page.shutdown()
        if self.upload_worker is not None:
            self.upload_worker.stop()
        if self.network_checker is not None:
            self.network_checker.shutdown()
        super().closeEvent(event)

    @staticmethod
    def _restyle(widget: QWidget) -> None:
        widget.style().unpolish(widget)
        widget.style().polish(widget)
