"""设备检测: camera, microphone, speaker, disk, CPU and upload speed, with a summary of what to fix.

Devices open when the page is entered and close when it is left. Everything that can take time
(opening devices, measuring the encoder, the upload test, closing devices) runs off the UI thread;
the UI thread only paints the preview and the meter from the newest frame and level.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from artreview_desktop.core.appcontext import AppContext
from artreview_desktop.core.capture import CapturedFrame, RecordingSession
from artreview_desktop.core.capture.calibrate import QualityChoice
from artreview_desktop.core.capture.disk import FreeSpaceProbe, disk_free_bytes
from artreview_desktop.core.devices import DEMO_CAMERA
from artreview_desktop.core.equipment import (
    BRIGHT_LUMA,
    DIM_LUMA,
    CameraProbe,
    CheckId,
    CheckResult,
    CredentialsSource,
    EquipmentReport,
    Fix,
    SaySomethingCheck,
    Status,
    check_camera,
    check_cpu,
    check_disk,
    microphone_unavailable,
    play_test_tone,
    recordings_folder,
    speaker_result,
    take_size_limit,
    upload_check,
)
from artreview_desktop.core.platform.models import Exam
from artreview_desktop.ui.pages.base import Page
from artreview_desktop.ui.pages.equipment_devices import DeviceController, DeviceLists
from artreview_desktop.ui.pages.equipment_texts import (
    STATUS_COLOUR,
    advice,
    headline,
    result_html,
    status_line,
    summary_order,
)
from artreview_desktop.ui.pages.equipment_view import DEFAULT_RESOLUTION, EquipmentView
from artreview_desktop.ui.preview import framing_guide

log = logging.getLogger(__name__)

FPS = 30
SAY_SECONDS = 5.0
CAMERA_WAIT_S = 6.0
AUTO_STEPS = (CheckId.CPU, CheckId.DISK, CheckId.UPLOAD, CheckId.CAMERA)

ExamSource = Callable[[], Exam | None]
PlatformSource = Callable[[], CredentialsSource | None]


class EquipmentCheckPage(Page):
    """The equipment check. Dependencies come in by constructor:

    - `exam()`: the exam being prepared (its maximum duration sizes the disk and upload checks;
      the report is kept per exam), or None;
    - `platform()`: something with `upload_credentials(exam_id)` (the logged-in `PlatformClient`),
      or None when nobody is logged in;
    - `free_space`: the free-space probe (tests inject a small disk).

    Signals:
    report_ready(object): the whole `EquipmentReport` so far, each time a check finishes
        (after "开始检测" has run all automatic checks, and after each microphone/speaker test).
    """

    report_ready = Signal(object)

    def __init__(self, context: AppContext, exam: ExamSource, platform: PlatformSource, *,
                 free_space: FreeSpaceProbe = disk_free_bytes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._exam = exam
        self._platform = platform
        self._free_space = free_space
        self.report = EquipmentReport()
        self.quality: QualityChoice | None = None
        self.probe = CameraProbe()
        self.camera_error: str | None = None
        self.devices = DeviceController(context.paths.cache_dir, self)
        self.devices.listed.connect(self._devices_found)
        self.devices.camera_ready.connect(self._camera_ready)
        self.devices.camera_failed.connect(self._camera_failed)
        self.devices.microphone_ready.connect(lambda _monitor: self._render_controls())
        self.devices.microphone_failed.connect(self._microphone_failed)
        self._active = False
        self._lists = DeviceLists()
        self._say: SaySomethingCheck | None = None
        self._say_started = 0.0
        self._tone_device = ""
        self._auto_queue: list[CheckId] = []
        self._camera_wait_until = 0.0
        self._meter_ticks = 0
        self._refocus_start = False
        self.meter_timer = QTimer(self)
        self.meter_timer.setInterval(33)
        self.meter_timer.timeout.connect(self._tick_meter)
        self.say_timer = QTimer(self)
        self.say_timer.setInterval(100)
        self.say_timer.timeout.connect(self._tick_say)
        self.view = EquipmentView(2 * len(AUTO_STEPS))
        self.layout_.addWidget(self.view, 1)
        view = self.view
        view.start_button.clicked.connect(self.start_checks)
        view.camera_combo.activated.connect(self._camera_chosen)
        view.resolution_combo.activated.connect(lambda _index: self._open_camera())
        view.microphone_combo.activated.connect(lambda _index: self._microphone_chosen())
        view.say_button.clicked.connect(self.start_say_something)
        view.tone_button.clicked.connect(self.play_tone)
        view.heard_button.clicked.connect(lambda: self.answer_tone(True))
        view.not_heard_button.clicked.connect(lambda: self.answer_tone(False))
        self.retranslate()
        app = QCoreApplication.instance()
        if app is not None:  # a job still running at exit must finish before its thread is destroyed
            app.aboutToQuit.connect(self.shutdown)

    # --- texts -----------------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("设备检测")

    def retranslate(self) -> None:
        super().retranslate()
        self.view.retranslate()
        self._fill_device_combos()
        self._render()

    # --- entering and leaving --------------------------------------------------------------------
    def on_enter(self) -> None:
        self._active = True
        exam = self._exam()
        exam_id = exam.id if exam is not None else None
        if exam_id != self.report.exam_id:
            self.report = EquipmentReport(exam_id)
            self.quality = None
        self.camera_error = None
        self.view.preview.placeholder = self.tr("正在打开摄像头…")
        self._render()
        self.devices.discover()
        self.meter_timer.start()

    def on_leave(self) -> None:
        """Stop the timers and release both devices (they close on helper threads)."""
        self._active = False
        self.meter_timer.stop()
        self.say_timer.stop()
        self._say = None
        self._auto_queue.clear()
        self.view.preview.set_source(None)
        self.devices.close_all()
        self.view.meter.set_level(0.0)
        self._render_controls()

    def devices_open(self) -> bool:
        """True while a device is open, being opened, or still closing."""
        return self.devices.busy()

    def shutdown(self, timeout_ms: int = 10_000) -> None:
        """Leave and wait for every worker and device (call it when the window closes)."""
        self.on_leave()
        self.devices.shutdown(timeout_ms)

    def selected_size(self) -> tuple[int, int]:
        size = self.view.resolution_combo.currentData()
        return (int(size[0]), int(size[1])) if size else DEFAULT_RESOLUTION

    # --- devices ---------------------------------------------------------------------------------
    def _devices_found(self, lists: DeviceLists) -> None:
        self._lists = lists
        self._fill_device_combos()
        if self._active:
            self._open_camera()
            self._microphone_chosen(save=False)

    def _fill_device_combos(self) -> None:
        settings = self.context.settings.recording
        camera_spec = str(self.view.camera_combo.currentData() or settings.camera)
        combo = self.view.camera_combo
        combo.blockSignals(True)
        combo.clear()
        specs = []
        for info in self._lists.cameras:
            combo.addItem(self.tr("摄像头 {0}（{1}×{2}）").format(info.index + 1, info.width, info.height),
                          str(info.index))
            specs.append(str(info.index))
        combo.addItem(self.tr("演示画面"), DEMO_CAMERA)
        specs.append(DEMO_CAMERA)
        if camera_spec not in specs:
            if camera_spec.isdigit():
                combo.addItem(self.tr("摄像头 {0}（未检测到）").format(int(camera_spec) + 1), camera_spec)
            else:
                combo.addItem(self.tr("视频文件：{0}").format(Path(camera_spec).name), camera_spec)
        combo.addItem(self.tr("视频文件…"), CHOOSE_FILE)
        combo.setCurrentIndex(max(0, combo.findData(camera_spec)))
        combo.blockSignals(False)

        mic_spec = str(self.view.microphone_combo.currentData() or settings.microphone)
        self.view.microphone_combo.blockSignals(True)
        self.view.microphone_combo.clear()
        self.view.microphone_combo.addItem(self.tr("系统默认麦克风"), "default")
        for mic in self._lists.microphones:
            if mic.name not in ("default",):
                self.view.microphone_combo.addItem(mic.name, mic.name)
        if self.view.microphone_combo.findData(mic_spec) < 0 and mic_spec != "none":
            self.view.microphone_combo.addItem(mic_spec, mic_spec)
        self.view.microphone_combo.setCurrentIndex(max(0, self.view.microphone_combo.findData(mic_spec)))
        self.view.microphone_combo.blockSignals(False)

    def _camera_chosen(self, index: int) -> None:
        spec = self.view.camera_combo.itemData(index)
        if spec == CHOOSE_FILE:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("选择当作摄像头的视频文件"), "",
                                                  self.tr("视频文件 (*.mp4 *.mkv *.mov *.avi *.webm)"))
            if not path:
                self._fill_device_combos()
                return
            self.context.settings.recording.camera = path
            self.view.camera_combo.setCurrentIndex(-1)
            self._fill_device_combos()
        else:
            self.context.settings.recording.camera = str(spec)
        self.context.save_settings()
        self._open_camera()

    def _open_camera(self) -> None:
        if not self._active:
            return
        self.view.preview.set_source(None)
        self.view.preview.placeholder = self.tr("正在打开摄像头…")
        self.camera_error = None
        self.probe.reset()
        width, height = self.selected_size()
        self.devices.open_camera(str(self.view.camera_combo.currentData() or DEMO_CAMERA), width, height, FPS)
        self._render_controls()

    def _camera_ready(self, session: RecordingSession) -> None:
        self.probe.reset()

        def latest() -> CapturedFrame | None:
            frame = session.latest_frame()
            if frame is not None:
                self.probe.observe(frame)
            return frame

        self.view.preview.set_source(latest, framing_guide)
        self._render_controls()

    def _camera_failed(self, error: str) -> None:
        self.camera_error = error
        self.view.preview.placeholder = self.tr("没有收到摄像头画面")
        self.view.preview.update()
        self._add(check_camera(self._camera_name(), 0, 0, 0.0, None, error))

    def _camera_name(self) -> str:
        return self.view.camera_combo.currentText()

    def _microphone_chosen(self, save: bool = True) -> None:
        spec = str(self.view.microphone_combo.currentData() or "default")
        if save:
            self.context.settings.recording.microphone = spec
            self.context.save_settings()
        self.view.meter.set_level(0.0)
        if self._active:
            self.devices.open_microphone(spec)

    def _microphone_failed(self, error: str) -> None:
        self._add(microphone_unavailable(self.view.microphone_combo.currentText(), error))

    def _tick_meter(self) -> None:
        monitor = self.devices.monitor
        self.view.meter.set_level(monitor.take_level().peak if monitor is not None else 0.0)
        self._meter_ticks += 1
        if self._meter_ticks % 15 == 0:
            self._render_camera_status()

    # --- microphone "say something" -------------------------------------------------------------
    def start_say_something(self) -> None:
        monitor = self.devices.monitor
        if monitor is None:
            self._add(microphone_unavailable(self.view.microphone_combo.currentText(), "not open"))
            return
        self._say = SaySomethingCheck(SAY_SECONDS, microphone=self.view.microphone_combo.currentText())
        self._say_started = time.monotonic()
        monitor.start_check(self._say)
        self.say_timer.start()
        self._render_controls()
        self._tick_say()

    def _tick_say(self) -> None:
        check = self._say
        if check is None:
            self.say_timer.stop()
            return
        if not check.finished.is_set():
            # The countdown starts at the first sound block; until then the full time is shown.
            left = check.remaining(time.monotonic())
            self.view.say_status.setText(self.tr("请对着麦克风说话……还剩 {0} 秒").format(max(1, round(left + 0.49))))
            if time.monotonic() - self._say_started > SAY_SECONDS + 4:  # no sound blocks at all
                check.finished.set()
            return
        self.say_timer.stop()
        self._say = None
        result = check.result()
        if result.details["readings"] == 0:  # the microphone stopped delivering sound at all
            result = microphone_unavailable(check.microphone, "no sound blocks arrived")
        self._add(result)

    # --- speaker ---------------------------------------------------------------------------------
    def play_tone(self) -> None:
        self.view.tone_button.setEnabled(False)
        self.view.speaker_status.setText(self.tr("正在播放测试音……"))
        self.devices.run(lambda: play_test_tone(None), self._tone_played, self._tone_failed)

    def _tone_played(self, device: str) -> None:
        self._tone_device = device
        self.view.tone_button.setEnabled(True)
        self.view.heard_button.setEnabled(True)
        self.view.not_heard_button.setEnabled(True)
        self.view.speaker_status.setText(self.tr("您听到提示音了吗？"))
        self.view.heard_button.setFocus()

    def _tone_failed(self, error: BaseException) -> None:
        self.view.tone_button.setEnabled(True)
        self._add(speaker_result(None, "", str(error)))

    def answer_tone(self, heard: bool) -> None:
        self.view.heard_button.setEnabled(False)
        self.view.not_heard_button.setEnabled(False)
        self._add(speaker_result(heard, self._tone_device))

    # --- the automatic checks --------------------------------------------------------------------
    def start_checks(self) -> None:
        """Run CPU, disk, upload and camera checks one after another, each off the UI thread."""
        if self._auto_queue:
            return
        self._auto_queue = list(AUTO_STEPS)
        self._refocus_start = self.view.start_button.hasFocus()  # Qt moves focus off a disabled button
        self.view.progress.setValue(0)
        self._next_step()

    def _next_step(self) -> None:
        self._render()
        if not self._auto_queue:
            self.view.scroll_area.ensureWidgetVisible(self.view.summary_card, 0, 0)
            if self._refocus_start:
                self.view.start_button.setFocus()
            self.report_ready.emit(self.report)
            return
        step = self._auto_queue[0]
        self.view.progress.setValue(2 * (len(AUTO_STEPS) - len(self._auto_queue)) + 1)  # half a step: under way
        self.view.progress_label.setText({
            CheckId.CPU: self.tr("正在测试电脑性能……"), CheckId.DISK: self.tr("正在检查磁盘空间……"),
            CheckId.UPLOAD: self.tr("正在测试上传速度……"), CheckId.CAMERA: self.tr("正在检查摄像头画面……"),
        }[step])
        exam = self._exam()
        settings = self.context.settings
        if step is CheckId.CPU:
            width, height = self.selected_size()
            preset = settings.recording.preset
            self.devices.run(lambda: check_cpu(width, height, FPS, preset), self._cpu_done,
                             lambda e: self._step_failed(CheckId.CPU, Fix.CPU_TOO_SLOW, e))
        elif step is CheckId.DISK:
            folder = recordings_folder(settings.recording.recordings_dir, self.context.paths.recordings_dir)
            take_bytes, probe = self._take_bytes(exam), self._free_space
            self.devices.run(lambda: check_disk(folder, take_bytes, probe), self._step_done,
                             lambda e: self._step_failed(CheckId.DISK, Fix.DISK_FULL, e))
        elif step is CheckId.UPLOAD:
            source, take_bytes = self._platform(), self._take_bytes(exam)
            regions, loopback = tuple(settings.upload.allowed_regions), self.context.demo
            self.devices.run(lambda: upload_check(source, exam, take_bytes, allowed_regions=regions,
                                                  allow_loopback=loopback),
                             self._step_done, lambda e: self._step_failed(CheckId.UPLOAD, Fix.UPLOAD_FAILED, e))
        else:
            self._camera_wait_until = time.monotonic() + CAMERA_WAIT_S
            self._check_camera()

    def _take_bytes(self, exam: Exam | None) -> int:
        quality = self.quality or QualityChoice(*self.selected_size(), FPS, "ultrafast", False, "not measured")
        return take_size_limit(quality, exam)[0]

    def _cpu_done(self, outcome: tuple[CheckResult, QualityChoice]) -> None:
        result, self.quality = outcome
        self.report.quality = self.quality.as_dict()
        self._step_done(result)

    def _step_done(self, result: CheckResult) -> None:
        self._add(result, emit=False)
        if self._auto_queue:
            self._auto_queue.pop(0)
            self._next_step()

    def _step_failed(self, check: CheckId, fix: Fix, error: BaseException) -> None:
        log.info("equipment check %s failed: %s", check.value, type(error).__name__)
        self._step_done(CheckResult(check, Status.FAIL, None, None, "", fix, {"error": str(error)[:300]}))

    def _check_camera(self) -> None:
        """Judge the camera from the frames seen so far, waiting a little for one still opening."""
        if not self._auto_queue:
            return
        session = self.devices.camera
        if self.camera_error is not None:
            result = check_camera(self._camera_name(), 0, 0, 0.0, None, self.camera_error)
        elif (session is None or self.probe.frames < FPS) and time.monotonic() < self._camera_wait_until \
                and self._active:
            QTimer.singleShot(200, self._check_camera)
            return
        else:
            result = self.probe.result(self._camera_name())
            result = replace(result, details={**result.details, "preview_fps": round(self.view.preview.shown_fps(), 1)})
        self._step_done(result)

    # --- results ---------------------------------------------------------------------------------
    def _add(self, result: CheckResult, emit: bool = True) -> None:
        self.report.add(result)
        self._render()
        if emit:
            self.report_ready.emit(self.report)

    def _render(self) -> None:
        self._render_controls()
        self._render_camera_status()
        results = self.report.results
        for check, label in self.view.system_values.items():
            result = results.get(check)
            label.setText(result_html(result, check, with_advice=False, running=self._running(check)))
        mic = results.get(CheckId.MICROPHONE)
        if self._say is None:
            hint = self.tr("点击后请说一句话，例如报出您的姓名；说话时音量条应越过竖线。")
            self.view.say_status.setText(status_line(mic) if mic else hint)
        speaker = results.get(CheckId.SPEAKER)
        if speaker is not None and not self.view.heard_button.isEnabled():
            self.view.speaker_status.setText(status_line(speaker))
        elif speaker is None and not self.view.heard_button.isEnabled() and self.view.tone_button.isEnabled():
            self.view.speaker_status.setText(self.tr("点击播放一段提示音，然后告诉我们是否听到了。"))
        self.view.arrange_summary(summary_order(self.report))
        for check, row in self.view.summary_rows.items():
            row.setText(result_html(results.get(check), check, with_advice=True, running=self._running(check)))
        self._render_headline()

    def _render_headline(self) -> None:
        text, status = headline(self.report)
        self.view.summary_headline.setStyleSheet(f"color: {STATUS_COLOUR[status]}; font-weight: 600;")
        self.view.summary_headline.setText(text)

    def _running(self, check: CheckId) -> bool:
        return bool(self._auto_queue) and self._auto_queue[0] is check

    def _render_controls(self) -> None:
        running = bool(self._auto_queue)
        self.view.start_button.setEnabled(not running)
        self.view.start_button.setText(self.tr("开始检测") if not self.report.results else self.tr("重新检测"))
        self.view.progress_box.setVisible(running)
        has_mic = self.devices.monitor is not None and self._active
        self.view.say_button.setEnabled(has_mic and self._say is None)
        self.view.microphone_combo.setEnabled(self._say is None)

    def _render_camera_status(self) -> None:
        if self.camera_error is not None:
            self.view.camera_status.setText(self.tr("✗ 无法打开摄像头。") + advice(
                check_camera("", 0, 0, 0.0, None, self.camera_error)))
            return
        if self.devices.camera is None or self.probe.frames < 2:
            self.view.camera_status.setText(self.tr("正在打开摄像头……") if self._active else "")
            return
        luminance = self.probe.luminance() or 0.0
        light = self.tr("光线正常")
        if luminance < DIM_LUMA:
            light = self.tr("光线偏暗")
        elif luminance > BRIGHT_LUMA:
            light = self.tr("光线过亮")
        text = self.tr("{0}×{1}，摄像头 {2:.0f} 帧/秒，预览 {3:.0f} 帧/秒，{4}。请让考生和乐器都在虚线框内。")
        self.view.camera_status.setText(text.format(self.probe.width, self.probe.height, self.probe.fps(),
                                                    self.view.preview.shown_fps(), light))


CHOOSE_FILE = "__choose_file__"
