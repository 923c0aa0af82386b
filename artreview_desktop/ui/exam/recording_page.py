"""考级视频录制: the permission prompts at the click, a spoken countdown, the take with live
feedback, automatic stop at the maximum, review and re-record, and the takes to submit."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPainter
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QWidget,
)

from artreview_desktop.core.capture import TakeResult
from artreview_desktop.core.devices import CaptureSetup
from artreview_desktop.core.exam import ExamFlowError, ExamSession, Phase, Refusal, TakeRecord
from artreview_desktop.core.privacy.permissions import Trigger
from artreview_desktop.ui.exam.capture_controller import CaptureController
from artreview_desktop.ui.exam.review import ReviewDialog, describe_take
from artreview_desktop.ui.exam.texts import attempts_text, duration_rule, exam_title, identity_rule
from artreview_desktop.ui.pages.base import Page, card
from artreview_desktop.ui.permissions import PermissionGate
from artreview_desktop.ui.preview import CameraPreview, framing_guide
from artreview_desktop.ui.speech import Announcer

COUNTDOWN_SECONDS = 3
SILENCE_RMS = 0.002
SILENCE_WARN_AFTER_S = 5.0
DARK_LUMA = 45.0


class RecordingPage(Page):
    """Signals:
    submit_requested(object, object): submit this `TakeRecord` of this `ExamSession`.
    busy_changed(bool): a countdown or take is running (the window locks navigation).
    """

    submit_requested = Signal(object, object)
    busy_changed = Signal(bool)

    def __init__(self, gate: PermissionGate, build_capture: Callable[..., CaptureSetup], announcer: Announcer,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.gate = gate
        self.announcer = announcer
        self.controller = CaptureController(build_capture, self)
        self.session: ExamSession | None = None
        self.countdown_left = 0
        self.dialog: QMessageBox | ReviewDialog | None = None
        self.warnings: list[str] = []
        self.upload_states: dict[str, str] = {}
        self._silent_for = 0.0
        self._last_dropped = 0
        self._dark = False
        self._active = False
        self.extra_metadata: dict[str, object] = {}  # e.g. the exam centre's id and configuration hash

        self.subtitle = QLabel()
        self.subtitle.setObjectName("pageSubtitle")
        self.subtitle.setWordWrap(True)
        self.layout_.addWidget(self.subtitle)
        body = QHBoxLayout()
        self.preview = CameraPreview()
        self.preview.setMinimumSize(640, 360)
        body.addWidget(self.preview, 3)
        side_frame, side = card(self)
        self.rec_label = QLabel()
        self.rec_label.setObjectName("recIndicator")
        self.elapsed_label = QLabel()
        self.elapsed_label.setObjectName("bigNumber")
        self.remaining_label = QLabel()
        self.level = QProgressBar()
        self.level.setRange(0, 100)
        self.level.setTextVisible(False)
        self.level_label = QLabel()
        self.warning_label = QLabel()
        self.warning_label.setObjectName("warning")
        self.warning_label.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.record_button = QPushButton()
        self.record_button.setObjectName("primaryButton")
        self.stop_button = QPushButton()
        self.stop_button.setEnabled(False)
        for widget in (self.rec_label, self.elapsed_label, self.remaining_label, self.level_label, self.level,
                       self.warning_label, self.message):
            side.addWidget(widget)
        side.addStretch(1)
        side.addWidget(self.record_button)
        side.addWidget(self.stop_button)
        body.addWidget(side_frame, 2)
        self.layout_.addLayout(body, 1)

        takes_frame, takes_layout = card(self)
        self.takes_title = QLabel()
        self.takes_title.setObjectName("cardTitle")
        takes_layout.addWidget(self.takes_title)
        self.takes_grid = QGridLayout()
        takes_layout.addLayout(self.takes_grid)
        self.layout_.addWidget(takes_frame)
        self.take_buttons: dict[int, tuple[QPushButton, QPushButton, QLabel]] = {}

        self.ui_timer = QTimer(self)
        self.ui_timer.setInterval(200)
        self.ui_timer.timeout.connect(self._refresh_live)
        self.countdown_timer = QTimer(self)
        self.countdown_timer.setInterval(1000)
        self.countdown_timer.timeout.connect(self._tick)
        self.record_button.clicked.connect(self.request_recording)
        self.stop_button.clicked.connect(self.request_stop)
        self.gate.resolved.connect(self._on_permission)
        self.controller.opened.connect(self._on_devices_open)
        self.controller.failed.connect(self._on_capture_failed)
        self.controller.started.connect(self._on_started)
        self.controller.stopped.connect(self._on_stopped)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self.on_application_state)
        self.retranslate()

    # -- page --------------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("考级视频录制")

    @property
    def busy(self) -> bool:
        return self.session is not None and self.session.phase in (Phase.COUNTDOWN, Phase.RECORDING)

    def set_session(self, session: ExamSession) -> None:
        if self.busy:
            return
        self.session = session
        self.retranslate()
        if self._active and self.gate.decisions.allowed(self._trigger()):
            self.controller.open()  # permissions already given: warm the devices now

    def on_enter(self) -> None:
        self._active = True
        if self.session is not None and self.gate.decisions.allowed(self._trigger()):
            self.controller.open()

    def on_leave(self) -> None:
        self._active = False
        self.countdown_timer.stop()
        self.ui_timer.stop()
        self.preview.set_source(None)
        self.controller.close()
        if self.session is not None:
            self.session.cancel_countdown()

    def _trigger(self) -> Trigger:
        formal = self.session is not None and self.session.formal
        return Trigger.START_RECORDING_FORMAL if formal else Trigger.START_RECORDING

    # -- start ---------------------------------------------------------------------------------
    def request_recording(self) -> None:
        session = self.session
        if session is None:
            return
        refusal = session.refusal()
        if refusal is not None:
            self._explain_refusal(refusal)
            return
        self.gate.request(self._trigger())

    def _on_permission(self, trigger: Trigger, allowed: bool) -> None:
        if self.session is None or trigger is not self._trigger() or not self._active:
            return
        if not allowed:
            self.message.setText(self.tr(
                "没有摄像头、麦克风或存储权限，无法录制。"
                "其他功能不受影响；可在“我的 · 设置 · 隐私”中允许。"
            ))
            return
        try:
            self.session.begin_countdown()
        except ExamFlowError as err:
            self._explain_refusal(err.refusal)
            return
        self.busy_changed.emit(True)
        self.countdown_left = COUNTDOWN_SECONDS
        self.record_button.setEnabled(False)
        self.message.setText(self.tr("准备开始录制…"))
        self.announcer.say(self.tr("请准备，录制马上开始。"))
        self.controller.open()
        self.countdown_timer.start()
        self.preview.update()

    def _tick(self) -> None:
        session = self.session
        if session is None or session.phase is not Phase.COUNTDOWN:
            self.countdown_timer.stop()
            return
        if self.countdown_left > 0:
            self.announcer.say(str(self.countdown_left))
            self.countdown_left -= 1
            self.preview.update()
            return
        if not self.controller.is_open:
            self.message.setText(self.tr("正在打开摄像头和麦克风…"))
            return
        self.countdown_timer.stop()
        self._begin_take()

    def _begin_take(self) -> None:
        session = self.session
        assert session is not None
        path = session.next_take_path()
        number = session.start_recording()
        metadata = {"exam_id": session.exam.id, "mode": session.mode.value, "take": number,
                    "commitment_accepted_at": session.progress.commitment_accepted_at,
                    "equipment_check": session.progress.equipment_report is not None, **self.extra_metadata}
        self.controller.start(path, float(session.exam.max_duration_s), metadata)

    def _on_devices_open(self) -> None:
        self.preview.set_source(self.controller.latest_frame, self._paint_overlay)
        self.ui_timer.start()

    def _on_started(self, _path: Path) -> None:
        self._silent_for = 0.0
        self._last_dropped = 0
        self.stop_button.setEnabled(True)
        self.message.setText(self.tr("正在录制。") + identity_rule(self.session.exam) if self.session else "")
        self.announcer.say(self.tr("开始录制。请报出你的考级曲目。"), cue="recording-start")
        self.retranslate()

    def _on_capture_failed(self, error: BaseException) -> None:
        self.countdown_timer.stop()
        if self.session is not None and self.session.phase is Phase.RECORDING:
            self.session.back_to_ready()
        elif self.session is not None:
            self.session.cancel_countdown()
        self.busy_changed.emit(False)
        self.record_button.setEnabled(True)
        self.stop_button.setEnabled(False)
        self.message.setText(self.tr("无法开始录制：{0}").format(str(error)))

    # -- stop ----------------------------------------------------------------------------------
    def request_stop(self) -> None:
        session = self.session
        if session is None or session.phase is not Phase.RECORDING:
            return
        elapsed = self.controller.stats().media_seconds
        if session.formal and elapsed < session.exam.min_duration_s:
            confirm = QMessageBox(
                QMessageBox.Icon.Warning, self.tr("录制时间不足"),
                self.tr("已录制 {0} 秒，不足最短 {1} 秒。现在停止，本次录制无效但会用掉一次机会。确定停止吗？").format(
                    int(elapsed), session.exam.min_duration_s),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self,
            )
            confirm.setDefaultButton(QMessageBox.StandardButton.No)
            confirm.buttonClicked.connect(
                lambda button: self.stop_now()
                if confirm.standardButton(button) == QMessageBox.StandardButton.Yes else None
            )
            self.dialog = confirm
            confirm.open()
            return
        self.stop_now()

    def stop_now(self) -> None:
        self.stop_button.setEnabled(False)
        self.message.setText(self.tr("正在保存录制文件…"))
        self.controller.stop()

    def _on_stopped(self, result: TakeResult) -> None:
        session = self.session
        if session is None:
            return
        take = session.finish_take(result.path, result.manifest_path, result.manifest)
        self.busy_changed.emit(False)
        self.stop_button.setEnabled(False)
        self.record_button.setEnabled(True)
        self.announcer.play("recording-stop")
        reasons = {
            "duration_reached": self.tr("已达到最长录制时间，录制自动停止。"),
            "camera_lost": self.tr("摄像头断开了，录制已停止。已录制的部分已保存，本次不计次数。"),
            "microphone_lost": self.tr("麦克风断开了，录制已停止。已录制的部分已保存，本次不计次数。"),
            "disk_full": self.tr("磁盘空间不足，录制已停止。已录制的部分已保存，本次不计次数。"),
            "write_error": self.tr("写入文件出错，录制已停止。已录制的部分已保存，本次不计次数。"),
        }
        text = reasons.get(take.stop_reason, self.tr("录制已完成。"))
        if take.too_short:
            text += " " + self.tr("本次录制不足最短时长（{0} 秒），不能提交。").format(session.exam.min_duration_s)
        self.message.setText(text)
        self.retranslate()

    # -- live feedback ---------------------------------------------------------------------------
    def _refresh_live(self) -> None:
        session = self.session
        recording = session is not None and session.phase is Phase.RECORDING and self.controller.recording
        level = self.controller.audio_level()
        self.level.setValue(min(100, int(level.peak * 100)))
        warnings = []
        frame = self.controller.latest_frame()
        if frame is not None:
            self._dark = float(np.mean(frame.image[::16, ::16])) < DARK_LUMA
            if self._dark:
                warnings.append(self.tr("画面太暗：请打开灯，或面向窗户。"))
        if recording:
            stats = self.controller.stats()
            elapsed = stats.media_seconds
            assert session is not None
            remaining = max(0.0, session.exam.max_duration_s - elapsed)
            self.elapsed_label.setText(self._clock(elapsed))
            self.remaining_label.setText(self.tr("剩余 {0}").format(self._clock(remaining)))
            self._silent_for = self._silent_for + 0.2 if level.rms < SILENCE_RMS else 0.0
            if self._silent_for >= SILENCE_WARN_AFTER_S:
                warnings.append(self.tr("没有检测到声音：请检查麦克风是否打开、是否离得太远。"))
            if stats.frames_dropped > self._last_dropped:
                warnings.append(self.tr("电脑处理不过来，部分画面丢失：请关闭其他程序。"))
                self._last_dropped = stats.frames_dropped
            self.rec_label.setVisible(int(elapsed * 2) % 2 == 0)
        self.warnings = warnings
        self.warning_label.setText("\n".join(warnings))

    @staticmethod
    def _clock(seconds: float) -> str:
        whole = int(seconds)
        return f"{whole // 60:02d}:{whole % 60:02d}"

    def _paint_overlay(self, painter: QPainter, target: QRectF) -> None:
        framing_guide(painter, target)
        session = self.session
        if session is not None and session.phase is Phase.COUNTDOWN and self.countdown_left >= 0:
            font = QFont(painter.font())
            font.setPointSize(96)
            font.setBold(True)
            painter.setFont(font)
            painter.setPen(QColor(255, 255, 255, 230))
            number = str(self.countdown_left) if self.countdown_left > 0 else "▶"
            painter.drawText(target, Qt.AlignmentFlag.AlignCenter, number)
        if self.controller.recording:
            painter.setBrush(QColor("#E53935"))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawEllipse(QPointF(target.left() + 26, target.top() + 26), 9, 9)
            font = QFont(painter.font())
            font.setPointSize(14)
            font.setBold(True)
            painter.setFont(font)
            painter.setPen(QColor("white"))
            painter.drawText(QPointF(target.left() + 42, target.top() + 32), "REC")

    # -- interruptions ----------------------------------------------------------------------------
    def on_application_state(self, state: Qt.ApplicationState) -> None:
        names = {
            Qt.ApplicationState.ApplicationInactive: "focus_lost",
            Qt.ApplicationState.ApplicationHidden: "window_hidden",
            Qt.ApplicationState.ApplicationSuspended: "suspended",
        }
        what = names.get(state)
        if what is not None:
            self.note_interruption(what)

    def note_interruption(self, what: str, detail: str = "") -> None:
        """Put the event on the take's timeline; the exam's rule lets the take continue."""
        if self.controller.recording and self.controller.mark_interruption(what, detail):
            self.message.setText(self.tr("检测到录制被打断（{0}），已记录。请回到录制窗口继续。").format(what))

    # -- refusals, takes ---------------------------------------------------------------------------
    def _explain_refusal(self, refusal: Refusal) -> None:
        texts = {
            Refusal.COMMITMENT_REQUIRED: self.tr("正式考试前，请先阅读考试须知并同意诚信承诺书。"),
            Refusal.NO_ATTEMPTS_LEFT: self.tr("正式考试的录制次数已经用完。"),
            Refusal.PRACTICE_UNAVAILABLE: self.tr("本科目没有模拟考试。"),
            Refusal.BUSY: self.tr("正在录制中。"),
            Refusal.FEE_UNPAID: self.tr("请先缴纳考试费用。"),
        }
        self.dialog = QMessageBox(QMessageBox.Icon.Information, self.tr("无法开始录制"), texts[refusal],
                                  QMessageBox.StandardButton.Ok, self)
        self.dialog.open()

    def review(self, take: TakeRecord) -> ReviewDialog:
        manifest_stats: dict[str, object] = {}
        try:
            manifest = json.loads(Path(take.manifest_path).read_text(encoding="utf-8"))
            frames = manifest.get("frames") or {}
            manifest_stats = {"width": manifest.get("width"), "height": manifest.get("height"),
                              "video_frames": frames.get("encoded"), "dropped_frames": frames.get("dropped", 0)}
        except (OSError, ValueError):
            pass
        dialog = ReviewDialog(take, describe_take(take, manifest_stats), self)
        self.dialog = dialog
        dialog.open()
        return dialog

    def set_upload_state(self, take_path: str, text: str) -> None:
        self.upload_states[take_path] = text
        self._render_takes()

    def _render_takes(self) -> None:
        while self.takes_grid.count():
            item = self.takes_grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.take_buttons.clear()
        session = self.session
        takes = session.takes() if session is not None else []
        if not takes:
            self.takes_grid.addWidget(QLabel(self.tr("还没有录制。")), 0, 0)
            return
        submittable = {t.number for t in session.submittable()} if session is not None else set()
        for row, take in enumerate(takes):
            minutes, seconds = divmod(round(take.duration_s), 60)
            state = self.upload_states.get(take.path) or (self.tr("已提交") if take.submitted else "")
            status = self.tr("时长不足") if take.too_short else (self.tr("不计次数") if not take.counted and
                                                                  take.mode.value == "formal" else "")
            info = QLabel(self.tr("第 {0} 次　{1}:{2:02d}　{3}").format(take.number, minutes, seconds, status))
            state_label = QLabel(state)
            play = QPushButton(self.tr("回放"))
            submit = QPushButton(self.tr("提交"))
            play.setAccessibleName(self.tr("回放第 {0} 次录制").format(take.number))
            submit.setAccessibleName(self.tr("提交第 {0} 次录制").format(take.number))
            submit.setEnabled(not take.submitted)
            play.clicked.connect(lambda _=False, t=take: self.review(t))
            submit.clicked.connect(lambda _=False, t=take: self._submit(t))
            self.takes_grid.addWidget(info, row, 0)
            self.takes_grid.addWidget(state_label, row, 1)
            self.takes_grid.addWidget(play, row, 2)
            self.takes_grid.addWidget(submit, row, 3)
            submit.setVisible(take.number in submittable)  # after it has its parent, or it pops up alone
            self.take_buttons[take.number] = (play, submit, state_label)

    def _submit(self, take: TakeRecord) -> None:
        if self.session is not None:
            self.submit_requested.emit(self.session, take)

    # -- text ------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        super().retranslate()
        session = self.session
        self.takes_title.setText(self.tr("我的录制"))
        self.stop_button.setText(self.tr("停止录制(&T)"))
        self.rec_label.setText("● REC")
        self.rec_label.setVisible(False)
        self.level_label.setText(self.tr("音量"))
        if session is None:
            self.subtitle.setText(self.tr("请先在“我的考试”中选择一场考试，进入模拟考试或正式考试。"))
            self.record_button.setText(self.tr("开始录制(&R)"))
            self.record_button.setEnabled(False)
            self.elapsed_label.setText("00:00")
            self.remaining_label.setText("")
            self._render_takes()
            return
        mode = self.tr("正式考试") if session.formal else self.tr("模拟考试（练习，不会提交）")
        parts = [exam_title(session.exam), mode, duration_rule(session.exam)]
        if session.formal:
            parts.append(attempts_text(session.exam, session.attempts_left))
        self.subtitle.setText(" · ".join(parts))
        again = bool(session.takes())
        label = self.tr("再次录制(&R)") if again else self.tr("开始录制(&R)")
        if session.formal and again:
            label = self.tr("再次录制（剩余 {0} 次）(&R)").format(session.attempts_left)
        self.record_button.setText(label)
        self.record_button.setEnabled(not self.busy)
        if not self.controller.recording:
            self.elapsed_label.setText("00:00")
            self.remaining_label.setText(self.tr("最长 {0}").format(self._clock(session.exam.max_duration_s)))
        self._render_takes()
