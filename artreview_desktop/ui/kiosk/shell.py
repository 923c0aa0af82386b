"""The kiosk shell: full screen, no way out but the invigilator's PIN, one candidate at a time.

welcome → check-in (admission ticket) → consent (a guardian for a child) → ID photo (uploaded, then
deleted) → quick equipment check (only the devices the centre allows) → instructions and the formal
takes → hand-off to the upload queue → wipe → welcome.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QPixmapCache, QScreen
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from artreview_desktop.core.appcontext import AppContext
from artreview_desktop.core.capture import CameraSource, CaptureError, list_cameras, list_microphones
from artreview_desktop.core.devices import CaptureSetup, build_capture, open_camera
from artreview_desktop.core.exam import ExamSession, Mode, TakeRecord
from artreview_desktop.core.kiosk import (
    CentreConfig,
    DeviceNotAllowed,
    PinGuard,
    camera_identities,
    candidate_folder,
    check_device_allowed,
    microphone_identities,
    wipe_candidate,
)
from artreview_desktop.core.paths import AppPaths
from artreview_desktop.core.photo.specs import BUILTIN_SPECS
from artreview_desktop.core.photo.submission import exam_photo_spec
from artreview_desktop.core.platform.client import PlatformClient
from artreview_desktop.core.platform.models import CheckIn
from artreview_desktop.core.privacy.consent import Actor, Document
from artreview_desktop.core.privacy.minors import AgeGroup, age_group
from artreview_desktop.core.settings import SettingsStore
from artreview_desktop.core.upload.queue import ItemState, QueueError, QueueItem
from artreview_desktop.ui.consent import ConsentDialog
from artreview_desktop.ui.errors import platform_error_text
from artreview_desktop.ui.exam.capture_controller import CaptureController
from artreview_desktop.ui.exam.instructions import InstructionsDialog
from artreview_desktop.ui.exam.recording_page import RecordingPage
from artreview_desktop.ui.exam.texts import exam_title
from artreview_desktop.ui.kiosk.admin import CandidateVisit, Dashboard, PinDialog
from artreview_desktop.ui.kiosk.guards import IdleWatcher, KioskKeyFilter
from artreview_desktop.ui.kiosk.screens import (
    CheckInScreen,
    HandOffScreen,
    PhotoStepScreen,
    QuickCheckScreen,
    WelcomeScreen,
)
from artreview_desktop.ui.minors import BirthDateDialog
from artreview_desktop.ui.pages.photo import IdPhotoPage
from artreview_desktop.ui.pages.uploads import upload_state_text
from artreview_desktop.ui.permissions import PermissionGate
from artreview_desktop.ui.speech import Announcer
from artreview_desktop.ui.workers import JobThread, start_job

IDLE_WARNING_S = 20

Enqueue = Callable[[ExamSession, TakeRecord], object]
#: Hands the finished ID photo (JPEG bytes, the spec's name) of a checked-in candidate to the upload queue.
EnqueuePhoto = Callable[[CheckIn, bytes, str], object]


@dataclass
class Candidate:
    """Everything of the candidate at the machine now; dropped whole at the wipe."""

    checkin: CheckIn
    context: AppContext
    visit: CandidateVisit
    session: ExamSession | None = None
    gate: PermissionGate | None = None
    photo_page: IdPhotoPage | None = None
    recording_page: RecordingPage | None = None


def mask_ticket(ticket: str) -> str:
    return ticket[:4] + "****" + ticket[-2:] if len(ticket) > 6 else "****"


class KioskShell(QMainWindow):
    """Signals:
    candidate_started(object): a `Candidate` checked in.
    candidate_wiped(object): the `WipeResult` after a candidate left.
    candidate_left(str): the exam id of a candidate who checked in and has now left (handed off,
        gave up or timed out); their upload token may go once nothing of theirs is left to upload.
    exit_approved(): the invigilator chose to leave kiosk mode.
    """

    candidate_started = Signal(object)
    candidate_wiped = Signal(object)
    candidate_left = Signal(str)
    exit_approved = Signal()

    def __init__(
        self,
        context: AppContext,
        config: CentreConfig,
        centre_client: PlatformClient,
        guard: PinGuard,
        enqueue_upload: Enqueue | None = None,
        upload_items: Callable[[], list[QueueItem]] | None = None,
        retry_uploads: Callable[[], int] | None = None,
        export_uploads: Callable[[Path], list[Path]] | None = None,
        choose_folder: Callable[[QWidget], str | None] | None = None,
        announcer: Announcer | None = None,
        build_capture_for: Callable[..., CaptureSetup] | None = None,
        enqueue_photo: EnqueuePhoto | None = None,
        photo_camera: Callable[[], CameraSource] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context, self.config, self.centre_client, self.guard = context, config, centre_client, guard
        self._enqueue = enqueue_upload
        self._upload_items = upload_items or (list)
        self._retry_uploads = retry_uploads
        self._export_uploads = export_uploads
        self._choose_folder = choose_folder or _choose_export_folder
        self.announcer = announcer or Announcer(context.settings.general.language, parent=self)
        self._build_capture = build_capture_for or self._default_capture
        self._enqueue_photo = enqueue_photo
        self._photo_camera = photo_camera or self._default_photo_camera
        self._exit_allowed = False
        self._job: JobThread | None = None
        self.candidate: Candidate | None = None
        self.visits: list[CandidateVisit] = []
        self.events: list[str] = []
        self.dialog: QWidget | None = None
        self.dashboard: Dashboard | None = None
        self.quick_controller: CaptureController | None = None
        context.recordings_dir.mkdir(parents=True, exist_ok=True)
        self.setWindowFlags(Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint)
        self.setWindowTitle(self.tr("艺术评价 · 考点模式"))

        self.stack = QStackedWidget()
        self.welcome = WelcomeScreen(config.centre_name)
        self.check_in_screen = CheckInScreen()
        self.photo_step = PhotoStepScreen()
        self.quick_check = QuickCheckScreen()
        self.hand_off = HandOffScreen()
        self.exam_host = QWidget()
        exam_layout = QVBoxLayout(self.exam_host)
        exam_layout.setContentsMargins(0, 0, 0, 0)
        self.exam_slot = QVBoxLayout()
        exam_layout.addLayout(self.exam_slot, 1)
        finish_row = QHBoxLayout()
        finish_row.addStretch(1)
        self.finish_button = QPushButton(self.tr("结束考试，提交录制(&F)"))
        self.finish_button.setObjectName("kioskPrimary")
        finish_row.addWidget(self.finish_button)
        exam_layout.addLayout(finish_row)
        for screen in (self.welcome, self.check_in_screen, self.photo_step, self.quick_check, self.exam_host,
                       self.hand_off):
            self.stack.addWidget(screen)
        self.setCentralWidget(self.stack)

        self.welcome.start_requested.connect(self.show_check_in)
        self.check_in_screen.back_requested.connect(self.show_welcome)
        self.check_in_screen.check_in_requested.connect(self.check_in)
        self.quick_check.continue_requested.connect(self._quick_check_done)
        self.photo_step.continue_requested.connect(self._photo_done)
        self.finish_button.clicked.connect(self.finish_exam)
        self.hand_off.done_requested.connect(self.end_candidate)

        self.key_filter = KioskKeyFilter(self)
        self.key_filter.blocked.connect(lambda key: self.log_event(self.tr("拦截按键 {0}").format(key)))
        self.key_filter.admin_requested.connect(self.ask_pin)
        self.idle = IdleWatcher(config.idle_timeout_s, self)
        self.idle.idle.connect(self._on_idle)
        self.idle_warning: QMessageBox | None = None
        self._idle_countdown = QTimer(self)
        self._idle_countdown.setSingleShot(True)
        self._idle_countdown.setInterval(IDLE_WARNING_S * 1000)
        self._idle_countdown.timeout.connect(self._idle_expired)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.installEventFilter(self.key_filter)
            app.installEventFilter(self.idle)
            app.applicationStateChanged.connect(self._on_app_state)
            app.screenAdded.connect(lambda screen: self._on_display("display_added", screen))
            app.screenRemoved.connect(lambda screen: self._on_display("display_removed", screen))
        self.show_welcome()

    # -- lockdown ---------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if self._exit_allowed:
            self._uninstall()
            super().closeEvent(event)
            return
        event.ignore()
        self.log_event(self.tr("拦截关闭窗口"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.WindowStateChange and self.isMinimized():
            self.log_event(self.tr("拦截最小化"))
            QTimer.singleShot(0, self.showFullScreen)
        super().changeEvent(event)

    def _uninstall(self) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.removeEventFilter(self.key_filter)
            app.removeEventFilter(self.idle)

    def log_event(self, text: str) -> None:
        stamped = time.strftime("%H:%M:%S ") + text
        self.events.append(stamped)
        if self.candidate is not None:
            self.candidate.visit.events.append(stamped)

    def _on_app_state(self, state: Qt.ApplicationState) -> None:
        if state != Qt.ApplicationState.ApplicationActive and self.candidate is not None:
            self.log_event(self.tr("考试窗口失去焦点"))
            page = self.candidate.recording_page
            if page is not None:
                page.on_application_state(state)

    def _on_display(self, what: str, screen: QScreen) -> None:
        self.log_event(self.tr("显示器变化：{0}（{1}）").format(what, screen.name()))
        if self.candidate is not None and self.candidate.recording_page is not None:
            self.candidate.recording_page.note_interruption(what, screen.name())

    # -- the invigilator ------------------------------------------------------------------------
    def ask_pin(self) -> None:
        dialog = PinDialog(self.guard, self)
        dialog.unlocked.connect(self.show_dashboard)
        self.dialog = dialog
        dialog.open()

    def show_dashboard(self) -> None:
        devices = [self.tr("摄像头 {0}：{1}×{2}").format(c.index, c.width, c.height) for c in list_cameras()]
        self.dashboard = Dashboard(self.visits, self.upload_lines, lambda: devices, self.events,
                                   str(self.context.recordings_dir), self)
        self.dashboard.exit_requested.connect(self.exit_kiosk)
        self.dashboard.retry_requested.connect(self.retry_failed_uploads)
        self.dashboard.export_requested.connect(self.export_unfinished_uploads)
        self.dashboard.export_button.setEnabled(self._export_uploads is not None)
        self.dashboard.open()

    def upload_lines(self) -> list[str]:
        """One line per queued item for the invigilator: what, for which exam, how far, why it failed."""
        lines = []
        for item in self._upload_items():
            what = self.tr("证件照") if item.kind == "id_photo" else self.tr("录制")
            percent = 100 if item.state == ItemState.DONE else (item.bytes_done * 100 // item.size if item.size else 0)
            line = self.tr("{0}　{1}　{2}　{3}%").format(what, item.exam_id, upload_state_text(item.state), percent)
            if item.state == ItemState.FAILED:
                line += "　" + (item.reason or item.detail)
            lines.append(line)
        return lines

    def retry_failed_uploads(self) -> None:
        if self._retry_uploads is None:
            return
        count = self._retry_uploads()
        self.log_event(self.tr("监考老师重试了 {0} 个失败的上传").format(count))
        if self.dashboard is not None:
            self.dashboard.show_uploads(self.upload_lines())

    def export_unfinished_uploads(self) -> None:
        dashboard, export = self.dashboard, self._export_uploads
        if dashboard is None or export is None:
            return
        folder = self._choose_folder(dashboard)
        if not folder:
            return
        dashboard.export_button.setEnabled(False)
        dashboard.message.setText(self.tr("正在导出…"))

        def done(paths: list[Path]) -> None:
            self.log_event(self.tr("监考老师导出了 {0} 个未上传的文件").format(len(paths)))
            dashboard.export_button.setEnabled(True)
            dashboard.message.setText(self.tr("已导出 {0} 个文件到：{1}").format(len(paths), folder))

        def failed(error: BaseException) -> None:
            dashboard.export_button.setEnabled(True)
            dashboard.message.setText(self.tr("导出没有完成：{0}").format(getattr(error, "reason", "") or error))

        self._job = start_job(self, lambda: export(Path(folder)), done, failed)

    def exit_kiosk(self) -> None:
        if self.candidate is not None:
            self.end_candidate()
        self._exit_allowed = True
        if self.dashboard is not None:
            self.dashboard.accept()
        self.exit_approved.emit()
        self.close()

    # -- candidate sequence ----------------------------------------------------------------------
    def show_welcome(self) -> None:
        self.stack.setCurrentWidget(self.welcome)
        self.idle.suspend(True)

    def show_check_in(self) -> None:
        self.check_in_screen.reset()
        self.stack.setCurrentWidget(self.check_in_screen)
        self.idle.suspend(False)

    def check_in(self, ticket: str) -> None:
        self._job = start_job(self, lambda: self.centre_client.check_in(ticket), self._checked_in,
                              lambda error: self.check_in_screen.show_error(platform_error_text(error)))

    def _candidate_context(self) -> AppContext:
        paths = AppPaths.under(candidate_folder(self.context.paths))
        paths.ensure()
        store = SettingsStore(paths.settings_file)
        settings = store.load().settings
        settings.general = replace(self.context.settings.general)
        settings.recording = replace(self.context.settings.recording, recordings_dir=str(self.context.recordings_dir))
        context = AppContext(paths=paths, settings_store=store, settings=settings, api_url=self.context.api_url,
                             demo=self.context.demo, kiosk=True)
        # The policy the platform published (fetched by the machine at start) is the one a candidate
        # reads and agrees to, not only the bundled one.
        context.published_policy = self.context.published_policy
        context.reload_policy()
        return context

    def _checked_in(self, checkin: CheckIn) -> None:
        wipe_candidate(self.context.paths)  # nothing of anyone before may be left
        visit = CandidateVisit(mask_ticket(checkin.exam.ticket_number), exam_title(checkin.exam),
                               time.strftime("%H:%M"))
        self.visits.append(visit)
        candidate = Candidate(checkin, self._candidate_context(), visit)
        self.candidate = candidate
        self.candidate_started.emit(candidate)
        consent = ConsentDialog(candidate.context.policy, candidate.context.settings.general.language, None, self)
        consent.finished.connect(self._consent_answered)
        self.dialog = consent
        consent.open()

    def _consent_answered(self, result: int) -> None:
        candidate = self.candidate
        if candidate is None:
            return
        if result != ConsentDialog.DialogCode.Accepted:
            self.end_candidate()
            return
        policy = candidate.context.policy
        candidate.context.consent_ledger.record(Document.PRIVACY_POLICY, policy.privacy_policy.version)
        birth = BirthDateDialog(date.today(), self)
        birth.finished.connect(lambda r: self._age_answered(birth, r))
        self.dialog = birth
        birth.open()

    def _age_answered(self, dialog: BirthDateDialog, result: int) -> None:
        candidate = self.candidate
        if candidate is None or result != BirthDateDialog.DialogCode.Accepted:
            self.end_candidate()
            return
        group = age_group(dialog.birth_date, date.today())
        if group is AgeGroup.ADULT:
            self._start_photo()
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("监护人同意"),
                          self.tr("考生未满十八周岁。请陪同的监护人阅读《儿童隐私保护声明》，并确认同意考生参加本次考试。"
                                  "未满十四周岁的考生必须由监护人同意。"),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("监护人同意"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("监护人不在场"))
        box.buttonClicked.connect(lambda button: self._guardian_answered(
            box.standardButton(button) == QMessageBox.StandardButton.Yes, group))
        self.dialog = box
        box.open()

    def _guardian_answered(self, agreed: bool, group: AgeGroup) -> None:
        candidate = self.candidate
        if candidate is None:
            return
        if not agreed and group is AgeGroup.CHILD:
            self.end_candidate()  # nothing is collected from a child without a guardian
            return
        if agreed:
            candidate.context.consent_ledger.record(Document.CHILDREN_STATEMENT,
                                                    candidate.context.policy.children_statement.version,
                                                    actor=Actor.GUARDIAN)
        self._start_photo()

    # -- the ID photo ------------------------------------------------------------------------------
    @property
    def photo_required(self) -> bool:
        """A centre whose exams need no photo sets `"id_photo": "off"` in its exam settings."""
        return str(self.config.exam_settings.get("id_photo", "required")) != "off"

    def _start_photo(self) -> None:
        candidate = self.candidate
        if candidate is None:
            return
        if not self.photo_required:
            self._start_quick_check()
            return
        self.photo_step.continue_button.setEnabled(False)
        self.stack.setCurrentWidget(self.photo_step)
        refused = self._devices_refused(microphone=False)
        self.photo_step.status.setText(refused)
        if refused:
            return  # the invigilator fixes the device setting; nothing is captured meanwhile
        gate = candidate.gate or PermissionGate(candidate.context.permissions, self)
        spec = exam_photo_spec(candidate.checkin.exam, BUILTIN_SPECS.values())
        # The exam's own spec comes first in the list, so it is the one used.
        page = IdPhotoPage(candidate.context, gate, camera_factory=self._photo_camera,
                           exam_specs=[spec] if spec is not None else (), kiosk=True)
        if spec is not None:
            page.spec_combo.setEnabled(False)  # the exam's own spec: the platform checks the size
        page.photo_ready.connect(lambda _photo: self._render_photo_step())
        page.failed.connect(lambda _message: self._render_photo_step())
        candidate.gate, candidate.photo_page = gate, page
        self.photo_step.body.addWidget(page)
        page.on_enter()

    def _render_photo_step(self) -> None:
        page = self.candidate.photo_page if self.candidate is not None else None
        self.photo_step.continue_button.setEnabled(page is not None and page.photo_passes)

    def _photo_done(self) -> None:
        candidate = self.candidate
        page = candidate.photo_page if candidate is not None else None
        if candidate is None or page is None or not page.photo_passes or page.encoded_photo is None:
            return
        if self._enqueue_photo is not None:
            try:
                self._enqueue_photo(candidate.checkin, page.encoded_photo, page.spec().name)
            except (OSError, ValueError, QueueError) as error:
                reason = getattr(error, "reason", "") or type(error).__name__
                self.log_event(self.tr("证件照未能加入上传队列：{0}").format(reason))
                self.photo_step.status.setText(self.tr("证件照无法加密保存（{0}），请联系监考老师。").format(reason))
                return
        candidate.visit.events.append(time.strftime("%H:%M:%S ") + self.tr("证件照已提交"))
        self._close_photo()
        self._start_quick_check()

    def _close_photo(self) -> None:
        """The photo page deletes every image it held or wrote (the policy's promise)."""
        candidate = self.candidate
        page = candidate.photo_page if candidate is not None else None
        if candidate is None or page is None:
            return
        page.on_leave()
        self.photo_step.body.removeWidget(page)
        page.deleteLater()
        candidate.photo_page = None
        self.photo_step.status.setText("")

    def _default_photo_camera(self) -> CameraSource:
        refused = self._devices_refused(microphone=False)
        if refused:
            raise CaptureError(refused)
        recording = self.context.settings.recording
        return open_camera(recording.camera, self.context.paths.cache_dir)

    # -- the centre's allowed devices ------------------------------------------------------------
    def _devices_refused(self, microphone: bool = True) -> str:
        """"" when the configured devices are ones the centre allows, else what to tell people."""
        recording = self.context.settings.recording
        try:
            check_device_allowed("camera", camera_identities(recording.camera), self.config.allowed_cameras)
            if microphone and self.config.allowed_microphones:
                names, default = _microphones()
                check_device_allowed("microphone", microphone_identities(recording.microphone, lambda: names, default),
                                     self.config.allowed_microphones)
        except DeviceNotAllowed as refused:
            self.log_event(self.tr("设备不在考点允许的名单中：{0}").format(refused.identities[-1]))
            device = self.tr("摄像头") if refused.kind == "camera" else self.tr("麦克风")
            return self.tr("这台电脑设置的{0}（{1}）不在本考点允许使用的设备名单中。请监考老师检查设备设置。").format(
                device, refused.identities[-1])
        return ""

    def _start_quick_check(self) -> None:
        self.stack.setCurrentWidget(self.quick_check)
        refused = self._devices_refused()
        if refused:
            self.quick_check.status.setText(refused)
            return
        self.quick_check.status.setText(self.tr("正在打开摄像头和麦克风…"))
        controller = CaptureController(self._build_capture, self)
        controller.opened.connect(self._quick_opened)
        controller.failed.connect(lambda error: self.quick_check.status.setText(
            self.tr("设备无法打开：{0}。请联系监考老师。").format(error)))
        self.quick_controller = controller
        controller.open()

    def _quick_opened(self) -> None:
        controller = self.quick_controller
        if controller is None:
            return
        self.quick_check.preview.set_source(controller.latest_frame)
        self.quick_check.status.setText(self.tr("摄像头和麦克风正常。"))
        self.quick_check.continue_button.setEnabled(True)

    def _close_quick_check(self) -> None:
        self.quick_check.preview.set_source(None)
        self.quick_check.continue_button.setEnabled(False)
        if self.quick_controller is not None:
            self.quick_controller.close()
            self.quick_controller.deleteLater()
            self.quick_controller = None

    def _quick_check_done(self) -> None:
        candidate = self.candidate
        if candidate is None:
            return
        self._close_quick_check()
        session = ExamSession(candidate.checkin.exam, Mode.FORMAL, candidate.context.exam_progress,
                              self.context.recordings_dir)
        candidate.session = session
        minor = candidate.context.consent_ledger.latest(Document.CHILDREN_STATEMENT) is not None
        instructions = InstructionsDialog(candidate.checkin.exam, minor, self)
        instructions.accepted.connect(self._start_exam)
        instructions.rejected.connect(self.end_candidate)
        self.dialog = instructions
        instructions.open()

    def _start_exam(self) -> None:
        candidate = self.candidate
        if candidate is None or candidate.session is None:
            return
        candidate.session.accept_commitment()
        candidate.context.consent_ledger.record(Document.COMMITMENT_LETTER, candidate.session.exam.id,
                                                scopes=("exam_rules",))
        gate = PermissionGate(candidate.context.permissions, self)
        page = RecordingPage(gate, self._build_capture, self.announcer)
        page.extra_metadata = {"centre_id": self.config.centre_id, "centre_config_sha256": self.config.config_hash,
                               "checkin_id": candidate.checkin.checkin_id}
        page.busy_changed.connect(self._on_take_busy)
        candidate.gate, candidate.recording_page = gate, page
        self.exam_slot.addWidget(page)
        self.stack.setCurrentWidget(self.exam_host)
        page.on_enter()
        page.set_session(candidate.session)

    def _on_take_busy(self, busy: bool) -> None:
        self.idle.suspend(busy)  # a candidate who is drawing or playing is not idle
        self.finish_button.setEnabled(not busy)

    def finish_exam(self) -> None:
        """Hand the takes to the upload queue (sealed with per-take keys: slow for big files, so in
        a worker); the next candidate can come only once that is done."""
        candidate = self.candidate
        if candidate is None or candidate.session is None:
            return
        page = candidate.recording_page
        if page is not None and page.busy:
            return
        session = candidate.session
        takes = [take for take in session.submittable() if not take.submitted]
        self.stack.setCurrentWidget(self.hand_off)
        self.hand_off.done_button.setEnabled(False)
        self.idle.suspend(True)  # sealing a long take must not be cut short by the idle timeout
        self.hand_off.summary.setText(self.tr("正在加密保存 {0} 个录制，请稍候…").format(len(takes)))
        enqueue = self._enqueue

        def hand_over() -> list[TakeRecord]:
            if enqueue is not None:
                for take in takes:
                    enqueue(session, take)
            return takes

        # The callbacks hold the session and the visit, never the candidate (whose pages must be
        # freed at the wipe even while this job object is still referenced).
        visit = candidate.visit
        self._job = start_job(self, hand_over, lambda done: self._handed_off(session, visit, done),
                              lambda error: self._hand_off_failed(visit, error))

    def _is_current(self, visit: CandidateVisit) -> bool:
        return self.candidate is not None and self.candidate.visit is visit

    def _handed_off(self, session: ExamSession, visit: CandidateVisit, takes: list[TakeRecord]) -> None:
        visit.takes.extend(take.path for take in takes)
        if self._is_current(visit):
            for take in takes:  # (after a wipe, nothing of the candidate is written again)
                session.mark_submitted(take.number)
            self.idle.suspend(False)
            self.hand_off.summary.setText(self.tr("已提交 {0} 个录制。").format(len(takes)))
            self.hand_off.done_button.setEnabled(True)

    def _hand_off_failed(self, visit: CandidateVisit, error: BaseException) -> None:
        """Nothing is lost: an unsealed take stays where it was recorded; the invigilator is told."""
        reason = getattr(error, "reason", "") or type(error).__name__
        self.log_event(self.tr("录制未能交给上传队列：{0}").format(reason))
        if self._is_current(visit):
            self.idle.suspend(False)
            self.hand_off.summary.setText(self.tr(
                "录制没能加密保存（{0}），录制文件仍保留在本机。请联系监考老师。").format(reason))
            self.hand_off.done_button.setEnabled(True)

    def end_candidate(self) -> dict[str, Any]:
        """The wipe between candidates: every trace of them except their takes in the upload queue."""
        self._close_quick_check()
        self._close_photo()
        self.idle.suspend(False)
        candidate, self.candidate = self.candidate, None
        if candidate is not None:
            self.candidate_left.emit(candidate.checkin.exam.id)
        if candidate is not None and candidate.recording_page is not None:
            candidate.recording_page.on_leave()
            self.exam_slot.removeWidget(candidate.recording_page)
            candidate.recording_page.deleteLater()
        if isinstance(self.dialog, QWidget):
            self.dialog.close()
        self.dialog = None
        del candidate
        QPixmapCache.clear()
        gc.collect()
        result = wipe_candidate(self.context.paths)
        self.candidate_wiped.emit(result)
        self.show_welcome()
        return {"files_removed": result.files_removed}

    # -- idle ------------------------------------------------------------------------------------
    def _on_idle(self) -> None:
        if self.stack.currentWidget() is self.welcome:
            return
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("还在吗？"),
                          self.tr(
                              "很久没有操作了。{0} 秒内没有操作，"
                              "将返回欢迎页面（已录制的内容会保留）。"
                          ).format(IDLE_WARNING_S),
                          QMessageBox.StandardButton.Ok, self)
        box.button(QMessageBox.StandardButton.Ok).setText(self.tr("我还在"))
        box.buttonClicked.connect(self._still_here)
        self.idle_warning = box
        box.open()
        self._idle_countdown.start()

    def _still_here(self) -> None:
        self._idle_countdown.stop()
        self.idle.start()

    def _idle_expired(self) -> None:
        if self.idle_warning is not None:
            self.idle_warning.close()
        self.log_event(self.tr("长时间无操作，返回欢迎页面"))
        self.end_candidate()

    def _default_capture(self, **options: Any) -> CaptureSetup:
        recording = self.context.settings.recording
        return build_capture(recording.camera, recording.microphone, recording.preset, self.context.paths.cache_dir,
                             **options)


def _microphones() -> tuple[dict[int, str], int | None]:
    """Input devices by index, and the system default's index."""
    try:
        microphones = list_microphones()
    except CaptureError:
        return {}, None
    default = next((m.index for m in microphones if m.is_default), None)
    return {m.index: m.name for m in microphones}, default


def _choose_export_folder(parent: QWidget) -> str | None:
    title = QCoreApplication.translate("KioskShell", "选择导出文件夹（例如 U 盘）")
    return QFileDialog.getExistingDirectory(parent, title) or None
