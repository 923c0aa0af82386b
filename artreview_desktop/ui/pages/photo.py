"""The 标准证件照 page: camera (with a head guide and live checks) or a file, the spec, the result
with every check, background colour, drag/zoom adjustment, and "save a copy" only when asked.

The photo lives in memory; the finished JPEG (waiting for upload) is the only file, in a private
per-session folder that `on_leave` wipes, as the privacy policy promises.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from artreview_desktop.core.appcontext import AppContext
from artreview_desktop.core.capture import DeviceCamera
from artreview_desktop.core.capture.protocols import CameraSource
from artreview_desktop.core.photo import (
    BUILTIN_SPECS,
    COLOURS,
    Adjustment,
    Analysis,
    Check,
    Encoded,
    IdPhoto,
    LiveReport,
    PhotoError,
    PhotoMaker,
    PhotoSpec,
    PhotoWorkspace,
    clamp_adjustment,
    encode_jpeg,
    read_image_file,
)
from artreview_desktop.core.photo.errors import CONTEXT
from artreview_desktop.core.photo.specs import COLOUR_LABELS
from artreview_desktop.core.photo.submission import spec_of_size
from artreview_desktop.core.privacy.permissions import Trigger
from artreview_desktop.ui.pages.base import Page, card
from artreview_desktop.ui.permissions import PermissionGate
from artreview_desktop.ui.photo_canvas import PhotoCanvas
from artreview_desktop.ui.photo_workers import CameraThread, LiveAnalyser
from artreview_desktop.ui.workers import JobThread, start_job

OpenChooser = Callable[[QWidget], str | None]
SaveChooser = Callable[[QWidget, str], str | None]
EXPORT_NAME = "id-photo.jpg"


def core_text(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def to_qimage(image: np.ndarray) -> QImage:
    rgb = np.ascontiguousarray(image[:, :, ::-1])
    height, width = rgb.shape[:2]
    return QImage(rgb.data, width, height, 3 * width, QImage.Format.Format_RGB888).copy()


def _open_dialog(parent: QWidget) -> str | None:
    title = QCoreApplication.translate("IdPhotoPage", "选择照片")
    path, _ = QFileDialog.getOpenFileName(parent, title, "", "Images (*.jpg *.jpeg *.png *.webp *.bmp)")
    return path or None


def _save_dialog(parent: QWidget, name: str) -> str | None:
    title = QCoreApplication.translate("IdPhotoPage", "保存证件照")
    path, _ = QFileDialog.getSaveFileName(parent, title, name, "JPEG (*.jpg)")
    return path or None


class IdPhotoPage(Page):
    """Signals:
    photo_ready(object): a finished `IdPhoto` is shown (tests and the upload step watch it).
    failed(str): a photo was refused; the reason is shown on the page.
    submit_requested(bytes, str, str): the user asked to hand the finished JPEG to the exam platform
        for an exam (its id; then the spec's name); the window queues it and answers with
        `show_submitted`.
    """

    photo_ready = Signal(object)
    failed = Signal(str)
    submit_requested = Signal(bytes, str, str)

    def __init__(
        self,
        context: AppContext,
        gate: PermissionGate,
        camera_factory: Callable[[], CameraSource] | None = None,
        open_chooser: OpenChooser | None = None,
        save_chooser: SaveChooser | None = None,
        exam_specs: Sequence[PhotoSpec] = (),
        submittable: bool = False,
        kiosk: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.submittable = submittable
        self.kiosk = kiosk
        #: The exam's own specs (from the platform, `spec_from_dict`) first, then the common ones.
        self.specs: dict[str, PhotoSpec] = {spec.name: spec for spec in [*exam_specs, *BUILTIN_SPECS.values()]}
        self.context, self.gate = context, gate
        self._camera_factory = camera_factory or (lambda: DeviceCamera(0, 1280, 720, 30))
        self._open_chooser = open_chooser or _open_dialog
        self._save_chooser = save_chooser or _save_dialog
        self.workspace = PhotoWorkspace(context.paths)
        self._maker: PhotoMaker | None = None
        self._camera: CameraThread | None = None
        self._analyser: LiveAnalyser | None = None
        self._report: LiveReport | None = None
        self._jobs: list[JobThread] = []
        self._generation = 0
        self._analysis: Analysis | None = None
        self.photo: IdPhoto | None = None
        self._base: IdPhoto | None = None
        self._adjustment = Adjustment()
        self._rendering = False
        self._pending: tuple[Adjustment | None] | None = None
        self._encoded: bytes | None = None
        self._checks: list[Check] = []
        self.export_path: Path | None = None
        self._build()
        self._waiting_for_camera_permission = False
        gate.resolved.connect(self._on_permission)
        self.retranslate()

    # ---- layout -------------------------------------------------------------------------------
    def _build(self) -> None:
        row = QHBoxLayout()
        row.setSpacing(16)
        self.canvas = PhotoCanvas(self)
        self.canvas.adjust_requested.connect(self._on_adjust)
        row.addWidget(self.canvas, 3)
        side = QVBoxLayout()
        frame, box = card(self)
        self.spec_label, self.background_label = QLabel(), QLabel()
        self.spec_combo, self.background_combo = QComboBox(), QComboBox()
        for spec in self.specs.values():
            self.spec_combo.addItem("", spec.name)
        self.background_combo.addItem("", "")
        for name in COLOURS:
            self.background_combo.addItem("", name)
        self.background_combo.addItem("", "keep")
        self.spec_combo.currentIndexChanged.connect(self._on_options)
        self.background_combo.currentIndexChanged.connect(self._on_options)
        buttons = QHBoxLayout()
        self.take_button, self.upload_button, self.save_button = QPushButton(), QPushButton(), QPushButton()
        for button in (self.take_button, self.upload_button, self.save_button):
            buttons.addWidget(button)
        # At an exam centre: the camera only, and no copy saved on a machine the next candidate uses.
        self.upload_button.setVisible(not self.kiosk)
        self.save_button.setVisible(not self.kiosk)
        self.heading.setVisible(not self.kiosk)
        self.take_button.clicked.connect(self.on_take_clicked)
        self.upload_button.clicked.connect(self.on_upload_clicked)
        self.save_button.clicked.connect(self.on_save_clicked)
        self.submit_button = QPushButton()
        self.submit_button.setVisible(self.submittable)
        self.exam_label, self.exam_combo = QLabel(), QComboBox()
        self._exam_sizes: dict[str, tuple[int, int] | None] = {}
        self.exam_combo.currentIndexChanged.connect(lambda _index: self._on_exam_chosen())
        self.exam_label.setBuddy(self.exam_combo)
        for widget in (self.exam_label, self.exam_combo):
            widget.setVisible(self.submittable)
        self.submit_button.clicked.connect(self.on_submit_clicked)
        zoom_row = QHBoxLayout()
        self.zoom_in, self.zoom_out, self.reset_button = QPushButton(), QPushButton(), QPushButton()
        self.zoom_in.clicked.connect(lambda: self._on_adjust(0.0, 0.0, 1.03))
        self.zoom_out.clicked.connect(lambda: self._on_adjust(0.0, 0.0, 1 / 1.03))
        self.reset_button.clicked.connect(self._reset_adjustment)
        for button in (self.zoom_in, self.zoom_out, self.reset_button):
            zoom_row.addWidget(button)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setObjectName("notice")
        self.checks_label = QLabel()
        self.checks_label.setWordWrap(True)
        self.checks_label.setTextFormat(Qt.TextFormat.RichText)
        self.privacy_note = QLabel()
        self.privacy_note.setObjectName("demoNote")
        self.privacy_note.setWordWrap(True)
        options = QFormLayout()
        options.addRow(self.spec_label, self.spec_combo)
        options.addRow(self.background_label, self.background_combo)
        options.addRow(self.exam_label, self.exam_combo)
        self.spec_label.setBuddy(self.spec_combo)
        self.background_label.setBuddy(self.background_combo)
        box.addLayout(options)
        box.addLayout(buttons)
        box.addLayout(zoom_row)
        box.addWidget(self.submit_button)
        box.addWidget(self.status)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setStyleSheet("QScrollArea, QScrollArea > QWidget > QWidget { background: transparent; }")
        self.checks_label.setAutoFillBackground(False)
        scroll.setMinimumHeight(150)
        self.checks_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        scroll.setWidget(self.checks_label)
        box.addWidget(scroll, 1)
        side.addWidget(frame, 1)
        side.addWidget(self.privacy_note)
        row.addLayout(side, 2)
        self.layout_.addLayout(row, 1)
        self._update_buttons()

    def title(self) -> str:
        return self.tr("标准证件照")

    def retranslate(self) -> None:
        super().retranslate()
        self.spec_label.setText(self.tr("规格(&Z)"))
        self.background_label.setText(self.tr("背景(&B)"))
        for index, spec in enumerate(self.specs.values()):
            self.spec_combo.setItemText(index, f"{core_text(spec.label)}  {spec.width}×{spec.height}")
        self.background_combo.setItemText(0, self.tr("按规格要求"))
        for index, name in enumerate(COLOURS, start=1):
            self.background_combo.setItemText(index, core_text(COLOUR_LABELS[name]))
        self.background_combo.setItemText(len(COLOURS) + 1, self.tr("保留原背景"))
        self.take_button.setText(self.tr("重拍") if self.photo is not None else self.tr("拍照"))
        self.upload_button.setText(self.tr("上传照片"))
        self.save_button.setText(self.tr("保存到电脑"))
        self.submit_button.setText(self.tr("提交证件照(&U)"))
        self.exam_label.setText(self.tr("提交到考试(&E)"))
        if self.exam_combo.count() == 0:
            self.exam_combo.setPlaceholderText(self.tr("登录后显示您的考试"))
        self.submit_button.setToolTip(self.tr("所有检查合格后，才能提交给考试平台。"))
        self.zoom_in.setText(self.tr("放大"))
        self.zoom_out.setText(self.tr("缩小"))
        self.reset_button.setText(self.tr("还原"))
        self.canvas.placeholder = self.tr("点击“拍照”使用摄像头，或点击“上传照片”选择一张照片。")
        if self.kiosk:
            self.privacy_note.setText(self.tr(
                "照片只用于本次考试的证件照：它加密后交给上传队列，考试平台校验后即删除，这台电脑上不保留任何副本。"))
        else:
            self.privacy_note.setText(self.tr(
                "人脸照片只用于制作证件照，只保存在内存和本机的私有临时文件夹中。离开本页面或退出程序时，照片会被自动删除；"
                "只有点击“保存到电脑”才会另存一份。")
                + (self.tr("点击“提交证件照”后，照片加密存放在上传队列中，考试平台校验后即删除。")
                   if self.submittable else ""))
        self._show_checks()

    # ---- state ---------------------------------------------------------------------------------
    def spec(self) -> PhotoSpec:
        return self.specs[self.spec_combo.currentData()]

    def background(self) -> tuple[int, int, int] | None:
        choice = self.background_combo.currentData()
        if choice == "keep":
            return None
        return COLOURS[choice] if choice else self.spec().background_bgr

    def camera_running(self) -> bool:
        return self._camera is not None

    @property
    def encoded_photo(self) -> bytes | None:
        """The finished JPEG (exact size, DPI set), held in memory only."""
        return self._encoded

    @property
    def photo_passes(self) -> bool:
        """A photo is shown and every check of it (geometry, quality, file size) passed."""
        return self._encoded is not None and bool(self._checks) and all(check.ok for check in self._checks)

    def _update_buttons(self) -> None:
        has_photo = self.photo is not None
        for button in (self.save_button, self.zoom_in, self.zoom_out, self.reset_button):
            button.setEnabled(has_photo)
        size = self.required_size() if self.submittable else None
        fits = size is None or (self.photo is not None and (self.spec().width, self.spec().height) == size)
        self.submit_button.setEnabled(self.photo_passes and bool(self.exam_combo.currentData()) and fits)
        if self.submittable and size is not None and not fits:
            self.submit_button.setToolTip(self.tr("这场考试要求 {0}×{1} 像素的证件照，请选择对应的规格。")
                                          .format(*size))

    def _maker_(self) -> PhotoMaker:
        if self._maker is None:
            self._maker = PhotoMaker()
        return self._maker

    def _run(self, job: Callable[[], Any], on_done: Callable[[Any], None],
             after: Callable[[], None] | None = None) -> None:
        generation = self._generation

        def done(result: Any) -> None:
            if generation == self._generation:
                on_done(result)

        def failed(error: Any) -> None:
            if generation == self._generation:
                self._on_failed(error)

        runner = start_job(self, job, done, failed)
        self._jobs.append(runner)
        def finished() -> None:
            if runner in self._jobs:
                self._jobs.remove(runner)
            if after is not None and generation == self._generation:
                after()

        runner.done.connect(finished)

    # ---- camera --------------------------------------------------------------------------------
    def on_take_clicked(self) -> None:
        if self.camera_running():
            frame = self._camera.latest() if self._camera else None
            if frame is not None:
                self._stop_camera()
                self._process(frame)
            return
        self._waiting_for_camera_permission = True
        self.gate.request(Trigger.TAKE_PHOTO)

    def _on_permission(self, trigger: object, allowed: bool) -> None:
        if trigger is not Trigger.TAKE_PHOTO or not self._waiting_for_camera_permission:
            return  # the shared gate answered someone else's question
        self._waiting_for_camera_permission = False
        if not allowed:
            self.status.setText(self.tr("没有相机权限，不能拍照。您仍然可以点击“上传照片”。"))
            return
        self._start_camera()

    def _start_camera(self) -> None:
        self._clear_photo()
        self._camera = CameraThread(self._camera_factory)
        self._analyser = LiveAnalyser(self._maker_().detector, self.spec())
        self._camera.frame.connect(self._on_frame)
        self._camera.failed.connect(self._on_camera_failed)
        self._analyser.report.connect(self._on_report)
        self._analyser.start()
        self._camera.start()
        self.take_button.setText(self.tr("拍照"))
        self.status.setText(self.tr("请正对镜头，让头部对准虚线轮廓；轮廓变绿后点击“拍照”。"))

    def _on_frame(self, frame: np.ndarray) -> None:
        if self._camera is None:
            return
        if self._analyser is not None:
            self._analyser.offer(frame)
        self.canvas.show_image(to_qimage(frame), self._report)

    def _on_report(self, report: LiveReport) -> None:
        if self._camera is None:
            return
        self._report = report
        self._show_checks(report.checks, live=True)

    def _on_camera_failed(self, message: str) -> None:
        self._stop_camera()
        self.status.setText(self.tr("摄像头无法使用：{0}").format(message))

    def _stop_camera(self) -> None:
        camera, analyser, self._camera, self._analyser = self._camera, self._analyser, None, None
        self._report = None
        for thread in (camera, analyser):
            if thread is not None:
                thread.stop()
                thread.wait(5000)

    # ---- file ------------------------------------------------------------------------------------
    def on_upload_clicked(self) -> None:
        path = self._open_chooser(self)
        if not path:
            return
        self._stop_camera()
        self._clear_photo()
        data_path = Path(path)
        self.status.setText(self.tr("正在处理照片…"))
        self._run(lambda: read_image_file(data_path), self._process)

    # ---- processing ------------------------------------------------------------------------------
    def _process(self, image: np.ndarray) -> None:
        maker, spec, background = self._maker_(), self.spec(), self.background()
        self.status.setText(self.tr("正在处理照片…"))

        def job() -> tuple[Analysis, IdPhoto, Encoded]:
            analysis = maker.analyse(image)
            photo = maker.compose(analysis, spec, background)
            return analysis, photo, encode_jpeg(photo.image, spec)

        self._run(job, self._on_composed)

    def _on_composed(self, result: tuple[Analysis, IdPhoto, Encoded]) -> None:
        self._analysis, photo, encoded = result
        self._base, self._adjustment = photo, Adjustment()
        self._show_photo(photo, encoded)

    def _recompose(self, adjustment: Adjustment | None) -> None:
        """Re-render off the UI thread; while one render runs, only the newest request waits."""
        if self._analysis is None or self._base is None:
            return
        if self._rendering:
            self._pending = (adjustment,)
            return
        self._rendering = True
        maker, analysis, spec, background = self._maker_(), self._analysis, self.spec(), self.background()
        placement = self._base.placement if adjustment is not None else None

        def job() -> tuple[IdPhoto, Encoded]:
            photo = maker.compose(analysis, spec, background, adjustment, placement)
            return photo, encode_jpeg(photo.image, spec)

        def done(result: tuple[IdPhoto, Encoded]) -> None:
            photo, encoded = result
            if adjustment is None:
                self._base, self._adjustment = photo, Adjustment()
            self._show_photo(photo, encoded)

        self._run(job, done, self._render_finished)

    def _render_finished(self) -> None:
        self._rendering = False
        pending, self._pending = self._pending, None
        if pending is not None:
            self._recompose(pending[0])

    def _on_options(self) -> None:
        if self._analyser is not None:
            self._analyser.spec = self.spec()
        if self._analysis is not None:
            self._recompose(None)

    def _on_adjust(self, dx: float, dy: float, zoom: float) -> None:
        if self._base is None:
            return
        wanted = Adjustment(self._adjustment.dx + dx, self._adjustment.dy + dy, self._adjustment.zoom * zoom)
        self._adjustment = clamp_adjustment(self._base.spec, self._base.placement, self._base.measure, wanted)
        self._recompose(self._adjustment)

    def _reset_adjustment(self) -> None:
        self._adjustment = Adjustment()
        self._recompose(self._adjustment)

    def _show_photo(self, photo: IdPhoto, encoded: Encoded) -> None:
        self.photo = photo
        self._encoded = encoded.data
        self._checks = [*photo.checks, encoded.check]
        self.export_path = self.workspace.write(EXPORT_NAME, encoded.data)  # ready for the upload step
        self.canvas.show_image(to_qimage(photo.image), adjustable=True, rule_lines=self._rule_lines(photo))
        self._show_checks(self._checks)
        self.status.setText(self.tr("证件照已生成。可以拖动照片或滚动鼠标滚轮微调，检查结果会随时更新。")
                            if all(c.ok for c in photo.checks) else
                            self.tr("证件照已生成，但有几项不合格，请按提示调整或重拍。"))
        self.take_button.setText(self.tr("重拍"))
        self._update_buttons()
        self.photo_ready.emit(photo)

    @staticmethod
    def _rule_lines(photo: IdPhoto) -> list[float]:
        """The crown band and the lowest eye line the spec allows, to drag the photo against."""
        spec = photo.spec
        lines = [v for v in spec.crown_gap if v is not None]
        if spec.eyes_above_bottom_min is not None:
            lines.append(spec.height - spec.eyes_above_bottom_min)
        return lines

    def _on_failed(self, error: Any) -> None:
        message = core_text(error.message_zh) if isinstance(error, PhotoError) else self.tr("处理照片时出错，请重试。")
        self.status.setText(message)
        self.failed.emit(message)

    def _show_checks(self, checks: list[Check] | None = None, live: bool = False) -> None:
        if checks is None:
            checks = self._checks
        if not checks:
            self.checks_label.setText("")
            return
        rows = []
        for check in checks:
            mark = "<span style='color:#1E8E3E'>✓</span>" if check.ok else "<span style='color:#C62828'>✗</span>"
            advice = "" if check.ok else f"<br><span style='color:#C62828'>{core_text(check.advice)}</span>"
            allowed = check.range_text()
            rows.append(f"<tr><td>{mark}</td><td>{core_text(check.label)}{advice}</td>"
                        f"<td align='right'>{check.value_text()}{check.unit}</td>"
                        f"<td style='color:#4A5572'>{allowed}</td></tr>")
        heading = self.tr("实时检查") if live else self.tr("检查结果")
        failed = sum(not check.ok for check in checks)
        all_passed = self.tr("全部合格")
        to_adjust = self.tr("{0} 项需要调整").format(failed)
        summary = (f"<span style='color:#1E8E3E'>{all_passed}</span>" if not failed else
                   f"<span style='color:#C62828'>{to_adjust}</span>")
        self.checks_label.setText(f"<b>{heading}</b>　{summary}<table cellspacing='4'>{''.join(rows)}</table>")

    # ---- save and delete -------------------------------------------------------------------------
    def on_save_clicked(self) -> None:
        if self._encoded is None:
            return
        path = self._save_chooser(self, EXPORT_NAME)
        if not path:
            return
        try:
            Path(path).write_bytes(self._encoded)
        except OSError as exc:
            self.status.setText(self.tr("保存失败：{0}").format(exc.strerror or ""))
            return
        self.status.setText(self.tr("已保存到：{0}").format(path))

    def set_exams(self, exams: Sequence[tuple[str, str, tuple[int, int] | None]]) -> None:
        """The candidate's exams a photo can be submitted to: (id, title, the pixel size the exam
        requires or None). The choice is kept across refreshes."""
        chosen = self.exam_combo.currentData()
        self._exam_sizes = {exam_id: size for exam_id, _title, size in exams}
        self.exam_combo.blockSignals(True)
        self.exam_combo.clear()
        for exam_id, title, _size in exams:
            self.exam_combo.addItem(title, exam_id)
        self.exam_combo.setCurrentIndex(max(0, self.exam_combo.findData(chosen)))
        self.exam_combo.blockSignals(False)
        self._on_exam_chosen()

    def required_size(self) -> tuple[int, int] | None:
        return self._exam_sizes.get(str(self.exam_combo.currentData() or ""))

    def _on_exam_chosen(self) -> None:
        """Switch to a spec of the size the chosen exam requires (when one is offered)."""
        size = self.required_size()
        if size is not None and (self.spec().width, self.spec().height) != size:
            fitting = spec_of_size(self.specs.values(), size)
            if fitting is not None:
                self.spec_combo.setCurrentIndex(self.spec_combo.findData(fitting.name))
        self._update_buttons()

    def on_submit_clicked(self) -> None:
        exam_id = self.exam_combo.currentData()
        if not self.photo_passes or self._encoded is None or not exam_id:
            return
        self.submit_button.setEnabled(False)
        self.status.setText(self.tr("正在提交证件照…"))
        self.submit_requested.emit(self._encoded, str(exam_id), self.spec().name)

    def show_submitted(self, text: str, ok: bool) -> None:
        """The window's answer to `submit_requested` (queued, or why not)."""
        self.status.setText(text)
        self.submit_button.setEnabled(self.photo_passes and not ok)

    def _clear_photo(self) -> None:
        self._generation += 1
        self._rendering, self._pending = False, None
        self._analysis = self.photo = self._base = None
        self._encoded = None
        self._checks = []
        self.export_path = None
        self._adjustment = Adjustment()
        self.workspace.clear()
        self.canvas.show_image(None)
        self.checks_label.setText("")
        self._update_buttons()

    def on_leave(self) -> None:
        """Delete the photo: stop the camera, forget every image, wipe the private folder."""
        self._stop_camera()
        self._clear_photo()
        for runner in list(self._jobs):
            runner.wait(10000)
        self.take_button.setText(self.tr("拍照"))
        self.status.setText("")
