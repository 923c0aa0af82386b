"""The 设备检测 page with real devices: the demo camera (a FileCamera), the PulseAudio microphone
in a private sink, the real encoder calibration and the reference platform's store."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from artreview_desktop.core.appcontext import AppContext
from artreview_desktop.core.capture.disk import FreeSpaceProbe, disk_free_bytes
from artreview_desktop.core.equipment import MB, CheckId, CredentialsSource, EquipmentReport, Fix, Status
from artreview_desktop.core.platform.client import PlatformClient
from artreview_desktop.core.platform.models import Exam
from artreview_desktop.ui.pages.equipment import EquipmentCheckPage
from tests.equipment.conftest import ToneInto, exam_with_fee

PageFactory = Callable[..., EquipmentCheckPage]


@pytest.fixture
def make_page(qtbot: QtBot, context: AppContext) -> Iterator[PageFactory]:
    pages: list[EquipmentCheckPage] = []

    def make(exam: Exam | None = None, platform: CredentialsSource | None = None,
             free_space: FreeSpaceProbe = disk_free_bytes) -> EquipmentCheckPage:
        page = EquipmentCheckPage(context, lambda: exam, lambda: platform, free_space=free_space)
        qtbot.addWidget(page)
        page.resize(1000, 800)
        page.show()
        pages.append(page)
        return page

    yield make
    for page in pages:
        page.shutdown()
        assert not page.devices_open()


def _wait_for_devices(qtbot: QtBot, page: EquipmentCheckPage, microphone: bool = True) -> None:
    qtbot.waitUntil(lambda: page.devices.camera is not None, timeout=15_000)
    if microphone:
        qtbot.waitUntil(lambda: page.devices.monitor is not None and page.devices.monitor.blocks > 0,
                        timeout=15_000)


def _shown_frames(qtbot: QtBot, page: EquipmentCheckPage, count: int) -> None:
    """Wait until the preview has painted `count` different camera frames."""
    seen: set[int] = set()

    def enough() -> bool:
        image = page.view.preview.current_image()
        if image is not None:
            seen.add(image.cacheKey())
        return len(seen) >= count

    qtbot.waitUntil(enough, timeout=15_000)


@pytest.mark.gui
def test_live_preview_runs_at_camera_speed_without_blocking(qtbot: QtBot, make_page: PageFactory) -> None:
    page = make_page()
    page.on_enter()
    _wait_for_devices(qtbot, page, microphone=False)
    _shown_frames(qtbot, page, 60)  # two seconds of a 30 fps camera
    assert page.view.preview.shown_fps() >= 25
    assert page.view.camera_combo.currentData() == "demo"
    qtbot.waitUntil(lambda: "1280×720" in page.view.camera_status.text(), timeout=5_000)


@pytest.mark.gui
@pytest.mark.audio
def test_level_meter_follows_the_microphone(qtbot: QtBot, make_page: PageFactory, tone_into: ToneInto) -> None:
    page = make_page()
    page.on_enter()
    _wait_for_devices(qtbot, page)
    qtbot.waitUntil(lambda: page.view.meter.value() == 0.0, timeout=3_000)  # silence in our private sink
    tone_into(seconds=2.0, volume=0.5)
    qtbot.waitUntil(lambda: page.view.meter.value() > 0.8, timeout=8_000)  # -6 dB on a 60 dB scale


@pytest.mark.gui
@pytest.mark.audio
def test_say_something_counts_down_and_passes_on_a_voice(qtbot: QtBot, make_page: PageFactory,
                                                          tone_into: ToneInto) -> None:
    page = make_page()
    page.on_enter()
    _wait_for_devices(qtbot, page)
    qtbot.mouseClick(page.view.say_button, Qt.MouseButton.LeftButton)
    assert "还剩 5 秒" in page.view.say_status.text()
    assert not page.view.say_button.isEnabled()  # one check at a time
    with qtbot.waitSignal(page.report_ready, timeout=8_000) as ready:
        tone_into(seconds=1.5, volume=0.3)
    report: EquipmentReport = ready.args[0]
    result = report.results[CheckId.MICROPHONE]
    assert (result.status, result.fix) == (Status.PASS, Fix.NONE)
    assert "✓" in page.view.summary_rows[CheckId.MICROPHONE].text()
    assert page.view.say_button.isEnabled()


@pytest.mark.gui
@pytest.mark.audio
def test_speaker_answer_is_recorded_by_keyboard(qtbot: QtBot, make_page: PageFactory, private_sink: str) -> None:
    page = make_page()
    page.on_enter()
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWindow() is not None, timeout=3_000)
    page.view.tone_button.setFocus()
    qtbot.keyClick(page.view.tone_button, Qt.Key.Key_Space)
    qtbot.waitUntil(page.view.not_heard_button.isEnabled, timeout=10_000)  # played through the private sink
    assert page.view.heard_button.hasFocus()  # the answer is one key away
    qtbot.keyClick(page.view.heard_button, Qt.Key.Key_Tab)
    assert page.view.not_heard_button.hasFocus()
    with qtbot.waitSignal(page.report_ready, timeout=3_000) as ready:
        qtbot.keyClick(page.view.not_heard_button, Qt.Key.Key_Space)
    result = ready.args[0].results[CheckId.SPEAKER]
    assert (result.status, result.fix, result.details["answer"]) == (Status.FAIL, Fix.SPEAKER_NOT_HEARD, "not_heard")
    row = page.view.summary_rows[CheckId.SPEAKER].text()
    assert "✗" in row and "调高电脑音量" in row


@pytest.mark.gui
def test_tab_order_follows_the_page(qtbot: QtBot, make_page: PageFactory) -> None:
    page = make_page()
    view = page.view
    order = [view.start_button, view.camera_combo, view.resolution_combo, view.microphone_combo,
             view.say_button, view.tone_button]
    chain = [view.start_button]
    while len(chain) < len(order):
        chain.append(chain[-1].nextInFocusChain())
    assert chain == order
    assert all(widget.focusPolicy() & Qt.FocusPolicy.TabFocus for widget in order)


@pytest.mark.gui
@pytest.mark.slow
def test_full_check_reports_low_disk_with_advice(qtbot: QtBot, make_page: PageFactory,
                                                 candidate: tuple[PlatformClient, list[Exam]]) -> None:
    client, exams = candidate
    exam = exam_with_fee(exams, "paid")
    page = make_page(exam, client, free_space=lambda _folder: 40 * MB)
    page.on_enter()
    page.view.resolution_combo.setCurrentIndex(page.view.resolution_combo.findData((640, 480)))
    _wait_for_devices(qtbot, page, microphone=False)
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWindow() is not None, timeout=3_000)
    page.view.start_button.setFocus()
    with qtbot.waitSignal(page.report_ready, timeout=60_000) as ready:
        qtbot.keyClick(page.view.start_button, Qt.Key.Key_Space)  # keyboard only
        assert page.view.progress_box.isVisibleTo(page) and not page.view.start_button.isEnabled()
    report: EquipmentReport = ready.args[0]
    assert report.exam_id == exam.id and report.quality is not None
    disk = report.results[CheckId.DISK]
    assert (disk.status, disk.fix) == (Status.FAIL, Fix.DISK_FULL)
    assert disk.details["max_take_bytes"] > 0 and disk.details["free_bytes"] == 40 * MB
    assert report.results[CheckId.CPU].status in (Status.PASS, Status.WARN)
    assert report.results[CheckId.UPLOAD].status is Status.PASS
    camera = report.results[CheckId.CAMERA]
    assert camera.status is Status.PASS and camera.details["preview_fps"] >= 25
    row = page.view.summary_rows[CheckId.DISK].text()
    assert "✗" in row and "磁盘空间不足" in row and "腾出" in row
    assert "未通过" in page.view.summary_headline.text()
    assert "✓" in page.view.summary_rows[CheckId.UPLOAD].text()
    assert "请点击“请说话测试”" in page.view.summary_rows[CheckId.MICROPHONE].text()  # not done yet
    assert report.to_json()["status"] == "fail"
    assert page.view.start_button.hasFocus() and page.view.start_button.text() == "重新检测"


@pytest.mark.gui
def test_without_login_the_upload_check_says_why(qtbot: QtBot, make_page: PageFactory) -> None:
    page = make_page()
    page.on_enter()
    page.view.resolution_combo.setCurrentIndex(page.view.resolution_combo.findData((640, 480)))
    _wait_for_devices(qtbot, page, microphone=False)
    with qtbot.waitSignal(page.report_ready, timeout=60_000) as ready:
        page.start_checks()
    upload = ready.args[0].results[CheckId.UPLOAD]
    assert (upload.status, upload.fix) == (Status.SKIPPED, Fix.UPLOAD_LOGIN)
    assert "登录后才能检测上传速度" in page.view.summary_rows[CheckId.UPLOAD].text()


@pytest.mark.gui
def test_a_missing_camera_file_fails_with_advice(qtbot: QtBot, make_page: PageFactory, context: AppContext) -> None:
    context.settings.recording.camera = str(context.paths.cache_dir / "no-such-camera.mp4")
    page = make_page()
    page.on_enter()
    qtbot.waitUntil(lambda: CheckId.CAMERA in page.report.results, timeout=15_000)
    camera = page.report.results[CheckId.CAMERA]
    assert (camera.status, camera.fix) == (Status.FAIL, Fix.CAMERA_UNAVAILABLE)
    assert "没有被其他程序" in page.view.summary_rows[CheckId.CAMERA].text()
    assert "no-such-camera.mp4" in page.view.camera_combo.currentText()


@pytest.mark.gui
@pytest.mark.audio
def test_devices_close_on_leave_and_reopen_on_enter(qtbot: QtBot, make_page: PageFactory, private_sink: str) -> None:
    page = make_page()
    page.on_enter()
    _wait_for_devices(qtbot, page)
    monitor = page.devices.monitor
    assert monitor is not None and monitor.is_alive()
    page.on_leave()
    assert page.devices.camera is None and page.devices.monitor is None
    qtbot.waitUntil(lambda: not page.devices_open(), timeout=5_000)
    assert not monitor.is_alive()
    assert page.view.preview.current_image() is None
    page.on_enter()  # the same devices open again (the closed ones were really released)
    _wait_for_devices(qtbot, page)
    _shown_frames(qtbot, page, 5)
