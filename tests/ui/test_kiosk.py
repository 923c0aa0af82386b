"""Kiosk mode: lockdown, the invigilator's PIN, idle timeout, and two candidates in a row who
can read nothing of each other — with the reference platform, the demo camera and the PulseAudio mic."""

from __future__ import annotations

import gc
import os
import weakref
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from artreview_desktop.core.appcontext import AppContext
from artreview_desktop.core.capture import FileCamera
from artreview_desktop.core.kiosk import (
    CentreConfig,
    CheckInUploads,
    KeyringUploadTokens,
    MemoryUploadTokens,
    PinGuard,
    UploadTokens,
    candidate_folder,
    centre_session_alive,
    hash_pin,
)
from artreview_desktop.core.kiosk_uploads import KioskUploads
from artreview_desktop.core.platform.client import PlatformClient
from artreview_desktop.core.platform.tokens import MemoryTokenStore
from artreview_desktop.core.privacy.consent import Document
from artreview_desktop.core.privacy.permissions import PERMISSION_TABLE, Decision
from artreview_desktop.core.upload.queue import ItemState
from artreview_desktop.core.upload.runner import app_runner
from artreview_desktop.core.upload.takekeys import MemoryTakeKeys
from artreview_desktop.ui.consent import ConsentDialog
from artreview_desktop.ui.exam.instructions import InstructionsDialog
from artreview_desktop.ui.kiosk.admin import CandidateVisit, Dashboard, PinDialog
from artreview_desktop.ui.kiosk.centre_login import CentreLoginDialog
from artreview_desktop.ui.kiosk.shell import Candidate, KioskShell
from artreview_desktop.ui.minors import BirthDateDialog
from artreview_desktop.ui.permissions import PermissionPrompt
from artreview_desktop.ui.speech import Announcer
from artreview_platform.embedded import EmbeddedPlatform
from tests.ui.conftest import type_text

PIN = "246810"


def _ticket(platform: EmbeddedPlatform, phone: str, subject: str = "dance") -> str:
    """A candidate registered for exams (the demo platform seeds them at first login)."""
    client = PlatformClient(platform.api_url, MemoryTokenStore())
    client.request_code(phone)
    client.login(phone, platform.latest_sms_code(phone), "b" * 64)
    exam = next(e for e in client.exams() if e.subject == subject)
    platform.update_exam_rules(exam.id, min_duration_s=1, max_duration_s=2)
    platform.clock.advance(61)
    return exam.ticket_number


@pytest.fixture
def shell(qtbot: QtBot, context: AppContext, demo_platform: EmbeddedPlatform,
          close_up_video: Path) -> Iterator[KioskShell]:
    context.api_url = demo_platform.api_url
    context.settings.recording.camera = "demo"
    context.settings.recording.preset = "ultrafast"
    centre = PlatformClient(demo_platform.api_url, MemoryTokenStore())
    centre.centre_login(demo_platform.demo_centre_code, demo_platform.demo_centre_password)
    config = CentreConfig("c-test", "测试考点", demo_platform.api_url, hash_pin(PIN, n=2**10), idle_timeout_s=600,
                          config_hash="f" * 64)
    guard = PinGuard(config.admin_pin_hash, context.paths.data_dir / "pin-state.json")
    window = KioskShell(context, config, centre, guard, announcer=Announcer(engine="mock"),
                        photo_camera=lambda: FileCamera(close_up_video, loop=True))
    window.photos = []  # type: ignore[attr-defined]
    window._enqueue_photo = lambda checkin, jpeg, spec: window.photos.append((checkin, jpeg))  # type: ignore[attr-defined]
    qtbot.addWidget(window)
    window.showFullScreen()
    yield window
    window.exit_kiosk()


def test_close_minimise_and_escape_keys_are_ignored(qtbot: QtBot, shell: KioskShell) -> None:
    event = QCloseEvent()
    shell.closeEvent(event)
    assert not event.isAccepted()
    assert shell.isVisible()
    shell.show_check_in()
    blocked: list[str] = []
    shell.key_filter.blocked.connect(blocked.append)
    qtbot.keyClick(shell.check_in_screen.ticket_edit, Qt.Key.Key_Escape)
    qtbot.keyClick(shell.check_in_screen.ticket_edit, Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(shell.check_in_screen.ticket_edit, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert len(blocked) == 3
    assert shell.stack.currentWidget() is shell.check_in_screen
    qtbot.keyClicks(shell.check_in_screen.ticket_edit, "AR12")  # ordinary typing still works
    assert shell.check_in_screen.ticket_edit.text() == "AR12"
    assert any("关闭" in event for event in shell.events)


def _open_pin(qtbot: QtBot, shell: KioskShell) -> PinDialog:
    with qtbot.waitSignal(shell.key_filter.admin_requested, timeout=2000):
        qtbot.keyClick(shell.welcome.start_button, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier
                       | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = shell.dialog
    assert isinstance(dialog, PinDialog)
    return dialog


def test_wrong_pins_are_refused_and_rate_limited_then_right_pin_opens_the_dashboard(
    qtbot: QtBot, shell: KioskShell
) -> None:
    dialog = _open_pin(qtbot, shell)
    for attempt in range(3):
        type_text(dialog.pin_edit, f"00000{attempt}")
        dialog.ok_button.click()
        qtbot.waitUntil(lambda: dialog.ok_button.isEnabled(), timeout=10_000)
    assert "不正确" in dialog.message.text()
    type_text(dialog.pin_edit, PIN)
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: "锁定" in dialog.message.text(), timeout=10_000)  # even the right PIN waits
    shell.guard.locked_until = 0.0  # the lock's time has passed
    type_text(dialog.pin_edit, PIN)
    with qtbot.waitSignal(dialog.unlocked, timeout=10_000):
        dialog.ok_button.click()
    assert isinstance(shell.dashboard, Dashboard)
    assert "今日考生：0 人" in shell.dashboard.findChildren(QLabel)[0].text()
    with qtbot.waitSignal(shell.exit_approved, timeout=5000):
        shell.dashboard.exit_button.click()
    assert not shell.isVisible()


def _answer_prompts(shell: KioskShell, candidate: Candidate) -> None:
    assert candidate.gate is not None

    def allow(prompt: PermissionPrompt) -> None:
        QTimer.singleShot(0, prompt.allow_button.click)

    candidate.gate.prompt_shown.connect(allow)


def _take_id_photo(qtbot: QtBot, shell: KioskShell, candidate: Candidate) -> None:
    """At the photo step: allow the camera, take the photo, and go on once it passes."""
    assert shell.stack.currentWidget() is shell.photo_step
    page = candidate.photo_page
    assert page is not None and candidate.gate is not None
    assert not shell.photo_step.continue_button.isEnabled()  # no photo yet
    with qtbot.waitSignal(candidate.gate.prompt_shown, timeout=5000) as shown:
        page.take_button.click()
    shown.args[0].allow_button.click()
    qtbot.waitUntil(lambda: page.canvas.report is not None and len(page.canvas.report.faces) == 1, timeout=20_000)
    with qtbot.waitSignal(page.photo_ready, timeout=30_000):
        page.take_button.click()
    qtbot.waitUntil(shell.photo_step.continue_button.isEnabled, timeout=10_000)
    shell.photo_step.continue_button.click()
    assert candidate.photo_page is None  # the page and every image it held are gone


def _check_in(qtbot: QtBot, shell: KioskShell, ticket: str) -> Candidate:
    """Welcome → the admission ticket → checked in (the consent dialog is open next)."""
    shell.welcome.start_button.click()
    type_text(shell.check_in_screen.ticket_edit, ticket)
    with qtbot.waitSignal(shell.candidate_started, timeout=10_000) as started:
        shell.check_in_screen.check_in_button.click()
    candidate: Candidate = started.args[0]
    return candidate


def _consent_as_adult(shell: KioskShell) -> None:
    consent = shell.dialog
    assert isinstance(consent, ConsentDialog)
    consent.agree_box.setChecked(True)
    consent.agree_button.click()
    birth = shell.dialog
    assert isinstance(birth, BirthDateDialog)
    birth.date_edit.setDate(QDate(1995, 5, 5))
    birth.next_button.click()


def _run_candidate(qtbot: QtBot, shell: KioskShell, ticket: str, record: bool) -> Candidate:
    candidate = _check_in(qtbot, shell, ticket)
    _consent_as_adult(shell)
    _take_id_photo(qtbot, shell, candidate)
    qtbot.waitUntil(lambda: shell.quick_check.continue_button.isEnabled(), timeout=30_000)
    qtbot.waitUntil(lambda: shell.quick_check.preview.current_image() is not None, timeout=10_000)
    shell.quick_check.continue_button.click()
    instructions = shell.dialog
    assert isinstance(instructions, InstructionsDialog)
    instructions.accept_box.setChecked(True)
    instructions.start_button.click()
    page = candidate.recording_page
    assert page is not None and page.session is not None
    page.countdown_timer.setInterval(50)
    if record:
        _answer_prompts(shell, candidate)
        with qtbot.waitSignal(page.controller.stopped, timeout=60_000):
            page.record_button.click()
        assert len(page.session.submittable()) == 1
    shell.finish_button.click()
    assert shell.stack.currentWidget() is shell.hand_off
    qtbot.waitUntil(shell.hand_off.done_button.isEnabled, timeout=30_000)  # the takes are handed over
    assert "已提交" in shell.hand_off.summary.text()
    return candidate


@pytest.mark.usefixtures("pulse_microphone")
def test_two_candidates_in_a_row_share_nothing(
    qtbot: QtBot, shell: KioskShell, demo_platform: EmbeddedPlatform
) -> None:
    queued: list[str] = []
    shell._enqueue = lambda session, take: queued.append(take.path)
    first_ticket = _ticket(demo_platform, "13800138031")
    second_ticket = _ticket(demo_platform, "13800138032")

    first = _run_candidate(qtbot, shell, first_ticket, record=True)
    assert len(queued) == 1
    assert len(shell.photos) == 1 and shell.photos[0][1].startswith(b"\xff\xd8")  # type: ignore[attr-defined]
    assert shell.photos[0][0].exam.ticket_number == first_ticket  # type: ignore[attr-defined]
    first_take = queued[0]
    first_page = weakref.ref(first.recording_page)  # type: ignore[arg-type]
    first_folder_files = {p for p in candidate_folder(shell.context.paths).rglob("*") if p.is_file()}
    assert first_folder_files  # the first candidate's consents and settings were there
    with qtbot.waitSignal(shell.candidate_wiped, timeout=10_000) as wiped:
        shell.hand_off.done_button.click()
    assert wiped.args[0].files_removed >= len(first_folder_files)
    del first
    gc.collect()
    assert shell.stack.currentWidget() is shell.welcome

    with qtbot.waitSignal(shell.candidate_started, timeout=10_000) as started:
        shell.welcome.start_button.click()
        type_text(shell.check_in_screen.ticket_edit, second_ticket)
        shell.check_in_screen.check_in_button.click()
    second: Candidate = started.args[0]
    # Files: nothing of the first candidate remains in the candidate or private folders.
    leftovers = [p for p in candidate_folder(shell.context.paths).rglob("*") if p.is_file()]
    assert all(p not in first_folder_files for p in leftovers)
    assert list(shell.context.paths.private_tmp_dir.iterdir()) == []
    # Consent, settings and permissions start from nothing.
    assert second.context.consent_ledger.records() == []
    assert all(second.context.permissions.decision(row.permission) is Decision.NOT_ASKED for row in PERMISSION_TABLE)
    # Memory: the first candidate's page (and the images it held) are gone.
    qtbot.waitUntil(lambda: first_page() is None, timeout=5000)
    assert second.visit.events == []
    # The first candidate's take is still there for the upload queue, and only there.
    assert Path(first_take).exists()
    assert len(shell.visits) == 2
    shell.end_candidate()


def test_idle_timeout_returns_to_the_welcome_screen(qtbot: QtBot, shell: KioskShell) -> None:
    shell.idle.timer.setInterval(200)
    shell._idle_countdown.setInterval(200)
    shell.welcome.start_button.click()
    assert shell.stack.currentWidget() is shell.check_in_screen
    qtbot.waitUntil(lambda: isinstance(shell.idle_warning, QMessageBox) and shell.idle_warning.isVisible(),
                    timeout=5000)
    with qtbot.waitSignal(shell.candidate_wiped, timeout=5000):
        pass
    assert shell.stack.currentWidget() is shell.welcome
    assert any("无操作" in event for event in shell.events)


def test_lock_events_are_logged_for_the_invigilator(qtbot: QtBot, shell: KioskShell) -> None:
    shell._on_app_state(Qt.ApplicationState.ApplicationInactive)
    assert shell.events == []  # nobody at the machine: nothing to note
    shell.welcome.start_button.click()
    shell.candidate = Candidate.__new__(Candidate)  # a checked-in candidate without a take yet
    shell.candidate.visit = CandidateVisit("AR12****34", "钢琴 5 级", "10:00")
    shell.candidate.recording_page = None
    shell._on_app_state(Qt.ApplicationState.ApplicationInactive)
    assert any("失去焦点" in event for event in shell.candidate.visit.events)
    shell.candidate = None




def test_a_restart_after_a_crash_resumes_the_kiosk_queue(
    qtbot: QtBot, context: AppContext, demo_platform: EmbeddedPlatform
) -> None:
    from artreview_desktop.core.capture import EncoderSettings, FileCamera, RecordingSession
    from artreview_desktop.core.devices import demo_camera_file
    from artreview_desktop.core.kiosk import CheckInUploads
    from artreview_desktop.core.upload.queue import ItemState
    from artreview_desktop.core.upload.runner import app_runner
    from artreview_desktop.ui.upload_worker import UploadWorker

    ticket = _ticket(demo_platform, "13800138041")
    centre = PlatformClient(demo_platform.api_url, MemoryTokenStore())
    centre.centre_login(demo_platform.demo_centre_code, demo_platform.demo_centre_password)
    checkin = centre.check_in(ticket)
    session = RecordingSession(FileCamera(demo_camera_file(context.paths.cache_dir)), None,
                               EncoderSettings(320, 180, 15, "ultrafast"))
    take = context.recordings_dir / "kiosk-take.mp4"
    take.parent.mkdir(parents=True, exist_ok=True)
    session.start(take, max_seconds=1.0)
    assert session.wait(30) is not None
    session.close()

    before = CheckInUploads(centre)
    before.remember(checkin.exam.id, checkin.candidate_access_token)
    app_runner(context.paths.data_dir, before, context.settings.upload, demo=True).queue.add_take(take, checkin.exam.id)
    # ... the machine loses power here; at the next start a new runner reads the persisted queue:
    after = CheckInUploads(centre)
    after.remember(checkin.exam.id, checkin.candidate_access_token)
    runner = app_runner(context.paths.data_dir, after, context.settings.upload, demo=True)
    [item] = runner.queue.items()
    assert item.state is ItemState.WAITING
    worker = UploadWorker(runner)
    states: list[ItemState] = []
    worker.item_changed.connect(lambda changed: states.append(changed.state))
    worker.start()
    try:
        qtbot.waitUntil(lambda: ItemState.DONE in states, timeout=60_000)
    finally:
        worker.stop()
    assert runner.queue.items()[0].submission_id


def test_devices_the_centre_does_not_allow_are_refused_before_anything_is_captured(
    qtbot: QtBot, shell: KioskShell, demo_platform: EmbeddedPlatform
) -> None:
    shell.config = replace(shell.config, allowed_cameras=("HD Pro Webcam C920",))
    candidate = _check_in(qtbot, shell, _ticket(demo_platform, "13800138035"))
    _consent_as_adult(shell)
    assert shell.stack.currentWidget() is shell.photo_step
    assert "不在本考点允许使用的设备名单中" in shell.photo_step.status.text()
    assert candidate.photo_page is None and not shell.photo_step.continue_button.isEnabled()
    assert any("设备不在考点允许的名单中" in event for event in candidate.visit.events)

    shell.config = replace(shell.config, allowed_cameras=(), exam_settings={"id_photo": "off"},
                           allowed_microphones=("no such microphone here",))
    shell._start_photo()  # a centre whose exams need no photo goes straight to the device check
    assert shell.stack.currentWidget() is shell.quick_check
    assert "麦克风" in shell.quick_check.status.text() and "名单" in shell.quick_check.status.text()
    assert shell.quick_controller is None  # nothing was opened
    shell.end_candidate()


def test_the_invigilator_logs_the_centre_in_and_the_session_is_reused(
    qtbot: QtBot, demo_platform: EmbeddedPlatform
) -> None:
    tokens = MemoryTokenStore()
    client = PlatformClient(demo_platform.api_url, tokens)
    assert not centre_session_alive(client)  # nothing kept: the dialog is needed
    dialog = CentreLoginDialog(client, "测试考点", demo_platform.demo_centre_code)
    qtbot.addWidget(dialog)
    dialog.open()
    assert dialog.password_edit.echoMode() == QLineEdit.EchoMode.Password  # never shown on screen
    dialog.login_button.click()
    assert "请填写" in dialog.message.text()  # no password yet: nothing is sent
    type_text(dialog.password_edit, "not-the-password")
    dialog.login_button.click()
    qtbot.waitUntil(lambda: dialog.login_button.isEnabled() and "正在" not in dialog.message.text(), timeout=10_000)
    assert dialog.isVisible() and "考点代码或密码不正确" in dialog.message.text()
    dialog.password_edit.clear()
    type_text(dialog.password_edit, demo_platform.demo_centre_password)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.login_button.click()
    assert dialog.password_edit.text() == ""
    # A restart (a new client on the same kept session) goes straight on.
    assert centre_session_alive(PlatformClient(demo_platform.api_url, tokens))
    client.logout()
    assert not centre_session_alive(PlatformClient(demo_platform.api_url, tokens))


def _upload_tokens() -> UploadTokens:
    """The real keyring when scripts/test.sh started one; else in memory, shared across the restart."""
    return KeyringUploadTokens() if os.environ.get("ARTREVIEW_TEST_KEYRING") else MemoryUploadTokens()


@pytest.mark.usefixtures("pulse_microphone")
def test_a_candidate_s_take_and_photo_wait_only_sealed_and_upload_after_a_restart(
    qtbot: QtBot, shell: KioskShell, demo_platform: EmbeddedPlatform, context: AppContext
) -> None:
    keys, tokens = MemoryTakeKeys(), _upload_tokens()
    centre = shell.centre_client

    def start(upload_tokens: UploadTokens) -> KioskUploads:
        runner = app_runner(context.paths.data_dir, CheckInUploads(centre, upload_tokens), context.settings.upload,
                            demo=True, keys=keys)
        return KioskUploads(runner, runner.platform, context.paths.data_dir)  # type: ignore[arg-type]

    uploads = start(tokens)
    shell._enqueue = lambda session, take: uploads.add_take(Path(take.path), session.exam.id)
    shell._enqueue_photo = lambda checkin, jpeg, spec: uploads.add_photo(checkin.exam.id, jpeg, spec)
    shell.candidate_started.connect(
        lambda candidate: uploads.remember(candidate.checkin.exam.id, candidate.checkin.candidate_access_token))
    ticket = _ticket(demo_platform, "13800138051")
    candidate = _run_candidate(qtbot, shell, ticket, record=True)
    exam_id = candidate.checkin.exam.id
    with qtbot.waitSignal(shell.candidate_wiped, timeout=10_000):
        shell.hand_off.done_button.click()
    items = uploads.runner.queue.items()
    assert sorted(item.kind for item in items) == ["id_photo", "take"] and all(item.sealed for item in items)
    # At rest nothing is readable: no video, no JPEG, only sealed files (keys are in the keyring).
    on_disk = [p for p in context.paths.data_dir.rglob("*") if p.is_file()]
    assert not [p for p in on_disk if p.suffix in (".mp4", ".jpg")]
    assert not [p for p in on_disk if p.read_bytes()[:3] == b"\xff\xd8\xff" or p.read_bytes()[4:8] == b"ftyp"]
    assert len(keys) == 2

    # Power cut before anything went up: the next start has only the persisted queue and the keyring.
    restarted = start(_upload_tokens() if os.environ.get("ARTREVIEW_TEST_KEYRING") else tokens)
    assert restarted.sweep() == 0  # both were sealed into the queue: nothing to wipe
    done = restarted.runner.run_until_idle()
    assert all(item.state is ItemState.DONE for item in restarted.runner.queue.items()), \
        [(i.state, i.reason, i.detail) for i in done]
    assert len(keys) == 0  # verified by the platform: every key and sealed file destroyed
    assert not list(context.paths.data_dir.rglob("*.sealed"))
    assert restarted.uploads.tokens.get(exam_id) is None  # and the candidate's upload token is gone


def test_the_dashboard_lists_uploads_in_words_and_retries_the_failed_ones(
    qtbot: QtBot, shell: KioskShell, demo_platform: EmbeddedPlatform, context: AppContext
) -> None:
    from artreview_desktop.core.capture import EncoderSettings, FileCamera, RecordingSession
    from artreview_desktop.core.devices import demo_camera_file

    checkin = shell.centre_client.check_in(_ticket(demo_platform, "13800138061"))
    runner = app_runner(context.paths.data_dir, CheckInUploads(shell.centre_client), context.settings.upload,
                        demo=True, keys=MemoryTakeKeys())
    uploads = KioskUploads(runner, runner.platform, context.paths.data_dir)  # type: ignore[arg-type]
    uploads.remember(checkin.exam.id, checkin.candidate_access_token)
    take = context.recordings_dir / "take.mp4"
    take.parent.mkdir(parents=True, exist_ok=True)
    session = RecordingSession(FileCamera(demo_camera_file(context.paths.cache_dir)), None,
                               EncoderSettings(320, 180, 15, "ultrafast"))
    session.start(take, max_seconds=1.0)
    assert session.wait(30) is not None
    session.close()
    item = runner.queue.add_take(take, checkin.exam.id)  # (unsealed here: what is tested is the retry)
    take.rename(take.with_suffix(".away"))  # e.g. a disk that went offline
    runner.run_until_idle()
    assert runner.queue.get(item.id).state is ItemState.FAILED

    shell._upload_items = runner.queue.items
    shell._retry_uploads = uploads.retry_failed
    shell.show_dashboard()
    dashboard = shell.dashboard
    assert dashboard is not None
    line = dashboard.uploads.item(0).text()
    assert "录制" in line and "失败" in line and "file_missing" in line
    take.with_suffix(".away").rename(take)  # back again
    dashboard.retry_button.click()
    assert runner.queue.get(item.id).state is ItemState.WAITING
    assert "等待上传" in dashboard.uploads.item(0).text()
    assert any("重试了 1 个" in event for event in shell.events)
    runner.run_until_idle()
    assert runner.queue.get(item.id).state is ItemState.DONE
    dashboard.close_button.click()


def test_candidates_read_and_agree_to_the_policy_the_platform_published(
    qtbot: QtBot, shell: KioskShell, demo_platform: EmbeddedPlatform
) -> None:
    from tests.core.test_published_policy import new_release

    demo_platform.publish_policy(new_release("1.1"))
    shell.context.published_policy.fetch(shell.centre_client)  # what the kiosk does at start
    shell.context.reload_policy()
    candidate = _check_in(qtbot, shell, _ticket(demo_platform, "13800138071"))
    consent = shell.dialog
    assert isinstance(consent, ConsentDialog)
    assert consent.bundle.privacy_policy.version == "1.1"
    assert consent.policy_view.toPlainText().startswith("1.1 privacy_policy zh_CN")
    consent.agree_box.setChecked(True)
    consent.agree_button.click()
    assert candidate.context.consent_ledger.agreed_version(Document.PRIVACY_POLICY) == "1.1"
    shell.end_candidate()


def test_the_invigilator_can_export_what_could_not_be_uploaded(
    qtbot: QtBot, shell: KioskShell, context: AppContext, tmp_path: Path
) -> None:
    from tests.upload.test_kiosk_uploads import _take

    keys = MemoryTakeKeys()
    runner = app_runner(context.paths.data_dir, CheckInUploads(shell.centre_client), context.settings.upload,
                        demo=True, keys=keys)
    uploads = KioskUploads(runner, runner.platform, context.paths.data_dir)  # type: ignore[arg-type]
    take = _take(context.recordings_dir / "ex_1", "formal-01.mp4", "ex_1")
    plain = take.read_bytes()
    item = uploads.add_take(take, "ex_1")  # sealed: the platform is out of reach for days
    assert item.sealed and not take.exists()
    usb = tmp_path / "usb"
    shell._export_uploads = uploads.export_unfinished
    shell._choose_folder = lambda _parent: str(usb)
    shell.show_dashboard()
    dashboard = shell.dashboard
    assert dashboard is not None and dashboard.export_button.isEnabled()
    dashboard.export_button.click()
    qtbot.waitUntil(lambda: "已导出 1 个文件" in dashboard.message.text(), timeout=10_000)
    assert (usb / "ex_1-formal-01.mp4").read_bytes() == plain  # decrypted and checked
    assert runner.queue.get(item.id).state is ItemState.WAITING and item.data_path.exists()  # queue untouched
    assert any("导出了 1 个" in event for event in shell.events)
    dashboard.close_button.click()
