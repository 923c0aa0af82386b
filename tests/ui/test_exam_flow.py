"""The exam flow through the widgets, against the reference platform, with the demo camera (a
real file camera) and the PulseAudio microphone: practice, formal, re-record, durations,
permissions, interruptions, payment, review playback and submission."""

from __future__ import annotations

import itertools
import json
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from artreview_desktop.core.account import AccountService, MinorStatus
from artreview_desktop.core.appcontext import AppContext
from artreview_desktop.core.exam import Phase
from artreview_desktop.core.platform.client import PlatformClient
from artreview_desktop.core.platform.models import Exam
from artreview_desktop.core.platform.tokens import MemoryTokenStore
from artreview_desktop.core.privacy.consent import Document
from artreview_desktop.core.privacy.permissions import Permission
from artreview_desktop.ui.exam.instructions import InstructionsDialog
from artreview_desktop.ui.exam.payment import PaymentDialog
from artreview_desktop.ui.main_window import MainWindow
from artreview_desktop.ui.permissions import PermissionPrompt
from artreview_desktop.ui.speech import Announcer
from artreview_platform.embedded import EmbeddedPlatform

PHONE = "13800138009"
pytestmark = pytest.mark.usefixtures("pulse_microphone")


@pytest.fixture
def window(qtbot: QtBot, context: AppContext, demo_platform: EmbeddedPlatform) -> Iterator[MainWindow]:
    context.api_url = demo_platform.api_url
    context.settings.recording.camera = "demo"
    context.settings.recording.preset = "ultrafast"  # no calibration in tests: the choice is tested in capture
    client = PlatformClient(demo_platform.api_url, MemoryTokenStore())
    account = AccountService(client, lambda: "a" * 64, context.consent_ledger)
    account.request_code(PHONE)
    account.login(PHONE, demo_platform.latest_sms_code(PHONE))
    main = MainWindow(context, account=account, announcer=Announcer(engine="mock"))
    main.minor_status = MinorStatus(date(1990, 1, 1))
    main.recording_page.countdown_timer.setInterval(50)
    qtbot.addWidget(main)
    main.show()
    yield main
    main.recording_page.on_leave()  # release the devices


def _exams(qtbot: QtBot, window: MainWindow) -> dict[str, Exam]:
    window.show_page(window.pages.index(window.exams_page))
    qtbot.waitUntil(lambda: bool(window.exams_page.exams), timeout=10_000)
    return {exam.subject: exam for exam in window.exams_page.exams}


def _short_rules(platform: EmbeddedPlatform, window: MainWindow, qtbot: QtBot, subject: str, **rules: object) -> Exam:
    exam = _exams(qtbot, window)[subject]
    platform.update_exam_rules(exam.id, **rules)
    window.exams_page.refresh()
    qtbot.waitUntil(lambda: window.exams_page.exams and
                    next(e for e in window.exams_page.exams if e.id == exam.id).max_duration_s == rules.get(
                        "max_duration_s", exam.max_duration_s), timeout=10_000)
    return next(e for e in window.exams_page.exams if e.id == exam.id)


def _allow_all_prompts(qtbot: QtBot, window: MainWindow, deny: set[Permission] = frozenset()) -> list[Permission]:
    asked: list[Permission] = []

    def answer(prompt: PermissionPrompt) -> None:
        asked.append(prompt.spec.permission)
        button = prompt.deny_button if prompt.spec.permission in deny else prompt.allow_button
        QTimer.singleShot(0, button.click)

    window.permission_gate.prompt_shown.connect(answer)
    return asked


def _record_take(qtbot: QtBot, window: MainWindow, stop_after_s: float | None = None) -> None:
    page = window.recording_page
    with qtbot.waitSignal(page.controller.started, timeout=30_000):
        page.record_button.click()
    if stop_after_s is None:
        with qtbot.waitSignal(page.controller.stopped, timeout=30_000):
            pass  # the maximum duration stops it
        return
    qtbot.waitUntil(lambda: page.controller.stats().media_seconds >= stop_after_s, timeout=30_000)
    with qtbot.waitSignal(page.controller.stopped, timeout=30_000):
        page.stop_button.click()


def test_practice_take_is_unlimited_and_never_submitted(
    qtbot: QtBot, window: MainWindow, demo_platform: EmbeddedPlatform
) -> None:
    exam = _short_rules(demo_platform, window, qtbot, "dance", min_duration_s=1, max_duration_s=2)
    asked = _allow_all_prompts(qtbot, window)
    window.exams_page.cards[exam.id]["practice"].click()
    page = window.recording_page
    assert window.current_page() is page
    assert "模拟考试" in page.subtitle.text()
    _record_take(qtbot, window)
    assert asked == [Permission.CAMERA, Permission.MICROPHONE]  # practice: no storage prompts
    [take] = page.session.takes()  # type: ignore[union-attr]
    assert take.stop_reason == "duration_reached"
    assert 1.5 <= take.duration_s <= 2.6
    assert page.take_buttons[1][1].isHidden()  # no submit button for practice
    assert page.record_button.text().startswith("再次录制")
    manifest = json.loads(Path(take.manifest_path).read_text(encoding="utf-8"))
    assert manifest["metadata"]["mode"] == "practice"
    _record_take(qtbot, window)
    assert len(page.session.takes()) == 2  # type: ignore[union-attr]


def test_formal_takes_until_attempts_run_out_then_submit(
    qtbot: QtBot, window: MainWindow, demo_platform: EmbeddedPlatform
) -> None:
    exam = _short_rules(demo_platform, window, qtbot, "dance", min_duration_s=1, max_duration_s=2,
                        attempts_allowed=2)
    asked = _allow_all_prompts(qtbot, window)
    window.exams_page.cards[exam.id]["formal"].click()
    dialog = window.instructions_dialog
    assert isinstance(dialog, InstructionsDialog)
    assert not dialog.start_button.isEnabled()  # the commitment letter must be accepted
    dialog.accept_box.setChecked(True)
    dialog.start_button.click()
    latest = window.context.consent_ledger.latest(Document.COMMITMENT_LETTER)
    assert latest is not None and latest.version == exam.id
    page = window.recording_page
    _record_take(qtbot, window)
    assert asked == [Permission.CAMERA, Permission.STORAGE_WRITE, Permission.STORAGE_READ, Permission.MICROPHONE]
    assert "剩余 1 次" in page.record_button.text()
    _record_take(qtbot, window)
    assert page.session.attempts_left == 0  # type: ignore[union-attr]
    page.record_button.click()
    assert isinstance(page.dialog, QMessageBox) and "用完" in page.dialog.text()
    assert page.session.phase is Phase.REVIEW  # type: ignore[union-attr]

    _play, submit, _state = page.take_buttons[2]
    assert submit.isVisibleTo(page)
    with qtbot.waitSignal(page.submit_requested, timeout=5000):
        submit.click()
    assert page.session.takes()[1].submitted  # type: ignore[union-attr]
    assert window.upload_worker is not None
    window.start_uploads()  # normally started after consent at start-up
    # recorded → uploading → verified by the platform
    qtbot.waitUntil(lambda: "上传成功" in page.take_buttons[2][2].text(), timeout=60_000)
    # the exams page now shows no attempts left
    window.show_page(window.pages.index(window.exams_page))
    qtbot.waitUntil(lambda: not window.exams_page.cards[exam.id]["formal"].isEnabled(), timeout=10_000)


def test_stopping_before_the_minimum_warns_and_flags_the_take(
    qtbot: QtBot, window: MainWindow, demo_platform: EmbeddedPlatform
) -> None:
    exam = _short_rules(demo_platform, window, qtbot, "dance", min_duration_s=30, max_duration_s=60)
    _allow_all_prompts(qtbot, window)
    window.exams_page.cards[exam.id]["formal"].click()
    window.instructions_dialog.accept_box.setChecked(True)  # type: ignore[union-attr]
    window.instructions_dialog.start_button.click()  # type: ignore[union-attr]
    page = window.recording_page
    with qtbot.waitSignal(page.controller.started, timeout=30_000):
        page.record_button.click()
    qtbot.waitUntil(lambda: page.controller.stats().media_seconds >= 1.0, timeout=30_000)
    page.stop_button.click()
    confirm = page.dialog
    assert isinstance(confirm, QMessageBox) and "不足最短" in confirm.text()
    with qtbot.waitSignal(page.controller.stopped, timeout=30_000):
        confirm.button(QMessageBox.StandardButton.Yes).click()
    take = page.session.takes()[0]  # type: ignore[union-attr]
    assert take.too_short and take.counted
    assert "不能提交" in page.message.text()
    assert page.take_buttons[1][1].isHidden()


def test_refused_microphone_blocks_recording_only(
    qtbot: QtBot, window: MainWindow, demo_platform: EmbeddedPlatform
) -> None:
    exam = _short_rules(demo_platform, window, qtbot, "dance", min_duration_s=1, max_duration_s=2)
    _allow_all_prompts(qtbot, window, deny={Permission.MICROPHONE})
    window.exams_page.cards[exam.id]["practice"].click()
    page = window.recording_page
    with qtbot.waitSignal(window.permission_gate.resolved, timeout=10_000) as resolved:
        page.record_button.click()
    assert resolved.args[1] is False
    assert "无法录制" in page.message.text()
    assert page.session.phase is Phase.READY  # type: ignore[union-attr]
    assert not page.controller.recording
    assert window.context.permissions.decision(Permission.CAMERA).value == "granted"
    window.show_page(window.pages.index(window.settings_page))  # everything else still works
    assert window.current_page() is window.settings_page


def test_interruption_is_on_the_take_timeline(
    qtbot: QtBot, window: MainWindow, demo_platform: EmbeddedPlatform
) -> None:
    exam = _short_rules(demo_platform, window, qtbot, "dance", min_duration_s=1, max_duration_s=3)
    _allow_all_prompts(qtbot, window)
    window.exams_page.cards[exam.id]["practice"].click()
    page = window.recording_page
    with qtbot.waitSignal(page.controller.started, timeout=30_000):
        page.record_button.click()
    assert not window.navigation.isEnabled()  # no accidental navigation during a take
    qtbot.waitUntil(lambda: page.controller.stats().media_seconds >= 0.5, timeout=30_000)
    page.on_application_state(Qt.ApplicationState.ApplicationInactive)  # what the OS says on focus loss
    assert "打断" in page.message.text()
    with qtbot.waitSignal(page.controller.stopped, timeout=30_000):
        pass
    assert window.navigation.isEnabled()
    take = page.session.takes()[0]  # type: ignore[union-attr]
    assert [event["what"] for event in take.interruptions] == ["focus_lost"]
    assert take.stop_reason == "duration_reached"  # the exam's rule lets the take continue


def test_review_plays_the_take_back(qtbot: QtBot, window: MainWindow, demo_platform: EmbeddedPlatform) -> None:
    exam = _short_rules(demo_platform, window, qtbot, "dance", min_duration_s=1, max_duration_s=2)
    _allow_all_prompts(qtbot, window)
    window.exams_page.cards[exam.id]["practice"].click()
    _record_take(qtbot, window)
    page = window.recording_page
    take = page.session.takes()[0]  # type: ignore[union-attr]
    dialog = page.review(take)
    sink = dialog.video.videoSink()
    with qtbot.waitSignal(sink.videoFrameChanged, timeout=15_000) as frame:
        pass
    assert frame.args[0].isValid()
    assert "时长" in dialog.summary.text()
    dialog.reject()


def test_payment_paid_shows_a_receipt_and_unlocks_the_formal_exam(
    qtbot: QtBot, window: MainWindow, demo_platform: EmbeddedPlatform
) -> None:
    exams = _exams(qtbot, window)
    piano = exams["piano"]
    assert piano.fee_due and not window.exams_page.cards[piano.id]["formal"].isEnabled()
    window.context.demo = True
    window.exams_page.cards[piano.id]["pay"].click()
    dialog = window.payment_dialog
    assert isinstance(dialog, PaymentDialog)
    dialog.poll_timer.setInterval(100)
    dialog.create_button.click()
    qtbot.waitUntil(lambda: dialog.order is not None, timeout=10_000)
    assert not dialog.qr_label.pixmap().isNull()
    assert dialog.demo_button.isVisibleTo(dialog)
    with qtbot.waitSignal(dialog.paid, timeout=10_000):
        dialog.demo_button.click()
    assert "支付成功" in dialog.status.text()
    assert dialog.order.order_id in dialog.receipt.text()  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: window.exams_page.cards.get(piano.id) is not None and
                    window.exams_page.cards[piano.id]["formal"].isEnabled(), timeout=10_000)


def test_payment_times_out(qtbot: QtBot, window: MainWindow, demo_platform: EmbeddedPlatform) -> None:
    piano = _exams(qtbot, window)["piano"]
    window.exams_page.cards[piano.id]["pay"].click()
    dialog = window.payment_dialog
    assert dialog is not None
    dialog.poll_timer.setInterval(100)
    dialog.create_button.click()
    qtbot.waitUntil(lambda: dialog.order is not None, timeout=10_000)
    demo_platform.clock.advance(3600)  # the payer never scanned the code
    qtbot.waitUntil(lambda: "过期" in dialog.status.text(), timeout=10_000)
    assert dialog.create_button.isEnabled()  # a new code can be made
    dialog.reject()
    assert not dialog.poll_timer.isActive()


@pytest.mark.slow
def test_ui_thread_never_blocks_during_a_60_second_take(
    qtbot: QtBot, window: MainWindow, demo_platform: EmbeddedPlatform
) -> None:
    """The heartbeat: a 10 ms timer on the UI thread; its worst gap over a full take is reported."""
    exam = _short_rules(demo_platform, window, qtbot, "dance", min_duration_s=1, max_duration_s=60)
    _allow_all_prompts(qtbot, window)
    window.exams_page.cards[exam.id]["practice"].click()
    page = window.recording_page
    beats: list[float] = []
    heart = QTimer(window)
    heart.setTimerType(Qt.TimerType.PreciseTimer)
    heart.setInterval(10)
    heart.timeout.connect(lambda: beats.append(time.perf_counter()))
    with qtbot.waitSignal(page.controller.started, timeout=30_000):
        page.record_button.click()
    heart.start()
    with qtbot.waitSignal(page.controller.stopped, timeout=120_000):
        pass
    heart.stop()
    gaps = [b - a for a, b in itertools.pairwise(beats)]
    worst_ms = max(gaps) * 1000
    print(f"UI heartbeat over a 60 s take: {len(beats)} beats, worst gap {worst_ms:.1f} ms")
    assert page.session.takes()[0].duration_s >= 59  # type: ignore[union-attr]
    assert worst_ms <= 50, f"the UI thread was blocked for {worst_ms:.0f} ms"


