"""The upload centre: every queued take with its progress, speed, time left, state and actions.

The page only shows what the queue and the worker report and forwards the person's intent
(pause, continue, retry, cancel) to the runner; the uploads themselves run on `UploadWorker`.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QScrollArea, QVBoxLayout, QWidget

from artreview_desktop.core.upload.queue import ItemState, QueueError, QueueItem
from artreview_desktop.core.upload.runner import ItemProgress, QueueRunner
from artreview_desktop.ui.pages.base import Page, card
from artreview_desktop.ui.upload_worker import UploadWorker

translate = QCoreApplication.translate


def format_speed(bytes_per_s: float) -> str:
    if bytes_per_s >= 1 << 20:
        return f"{bytes_per_s / (1 << 20):.1f} MB/s"
    return f"{bytes_per_s / 1024:.0f} KB/s"


def format_size(size: int) -> str:
    if size >= 1 << 30:
        return f"{size / (1 << 30):.2f} GB"
    if size >= 1 << 20:
        return f"{size / (1 << 20):.1f} MB"
    return f"{size / 1024:.0f} KB"


def upload_state_text(state: ItemState) -> str:
    """An upload's state in words (the upload centre and the invigilator's dashboard)."""
    return {
        ItemState.WAITING: translate("UploadRow", "等待上传"), ItemState.UPLOADING: translate("UploadRow", "上传中"),
        ItemState.VERIFYING: translate("UploadRow", "校验中"), ItemState.DONE: translate("UploadRow", "上传成功"),
        ItemState.FAILED: translate("UploadRow", "上传失败"), ItemState.PAUSED: translate("UploadRow", "已暂停"),
        ItemState.CANCELLED: translate("UploadRow", "已取消"),
    }[state]


class UploadRow(QWidget):
    """One queued take; `apply_item` and `apply_progress` are its only inputs."""

    def __init__(self, item: QueueItem, runner: QueueRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.item = item
        frame, layout = card(self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(frame)
        top = QHBoxLayout()
        self.name_label = QLabel(item.name)
        self.name_label.setObjectName("cardTitle")
        self.state_label = QLabel()
        top.addWidget(self.name_label, 1)
        top.addWidget(self.state_label)
        layout.addLayout(top)
        self.bar = QProgressBar()
        self.bar.setRange(0, 100)
        layout.addWidget(self.bar)
        self.detail_label = QLabel()
        self.detail_label.setObjectName("notice")
        layout.addWidget(self.detail_label)
        self.reason_label = QLabel()
        self.reason_label.setObjectName("formMessage")
        self.reason_label.setProperty("error", True)
        self.reason_label.setWordWrap(True)
        layout.addWidget(self.reason_label)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.action_button = QPushButton()
        self.cancel_button = QPushButton()
        self.action_button.clicked.connect(self._on_action)
        self.cancel_button.clicked.connect(self._on_cancel)
        buttons.addWidget(self.action_button)
        buttons.addWidget(self.cancel_button)
        layout.addLayout(buttons)
        self.speed_text = ""
        self.apply_item(item)

    # --- inputs ------------------------------------------------------------------------------
    def apply_item(self, item: QueueItem) -> None:
        self.item = item
        state = item.state
        if state == ItemState.DONE:
            self.bar.setValue(100)
        elif item.size:
            self.bar.setValue(min(100, item.bytes_done * 100 // item.size))
        if state not in (ItemState.UPLOADING, ItemState.VERIFYING):
            self.speed_text = ""
        self.retranslate()

    def apply_progress(self, progress: ItemProgress) -> None:
        if self.item.state not in (ItemState.UPLOADING, ItemState.VERIFYING, ItemState.WAITING):
            return
        self.bar.setValue(int(progress.fraction * 100))
        parts = [f"{format_size(progress.bytes_done)} / {format_size(progress.bytes_total)}"]
        if progress.speed_bps > 0:
            parts.append(format_speed(progress.speed_bps))
        if progress.eta_s is not None and progress.bytes_done < progress.bytes_total:
            parts.append(self.eta_text(progress.eta_s))
        self.speed_text = "  ·  ".join(parts)
        self.detail_label.setText(self.speed_text)

    # --- text -------------------------------------------------------------------------------
    def eta_text(self, seconds: float) -> str:
        if seconds < 60:
            return self.tr("剩余约 %1 秒").replace("%1", str(max(1, round(seconds))))
        if seconds < 3600:
            return self.tr("剩余约 %1 分钟").replace("%1", str(round(seconds / 60)))
        return self.tr("剩余约 %1 小时").replace("%1", f"{seconds / 3600:.1f}")

    def state_text(self, state: ItemState) -> str:
        return upload_state_text(state)

    def reason_text(self, item: QueueItem) -> str:
        known = {
            "file_missing": self.tr("录制文件已不在这台电脑上。"),
            "file_changed": self.tr("录制文件在录制完成后被改动过，无法证明是原始录像。"),
            "network": self.tr("网络连接中断，稍后会自动重试。"),
            "platform_unavailable": self.tr("考试平台暂时无法访问，稍后会自动重试。"),
            "access_denied": self.tr("没有上传权限，请重新登录后再试。"),
            "bucket_missing": self.tr("存储空间不存在，请联系考试机构。"),
            "endpoint_not_allowed": self.tr("存储地址不在允许的境内区域，已拒绝上传。"),
            "integrity": self.tr("上传后的文件与本地录像校验不一致，请重试。"),
            "rejected": self.tr("平台校验未通过（%1），录像已保留在本机。"),
            "key_missing": self.tr(
                "加密保存的录像缺少密钥（系统钥匙串中找不到），无法上传。加密文件已保留，请联系技术支持。"),
            "sealed_damaged": self.tr("加密保存的录像已损坏或被改动，无法上传。文件已保留，请联系技术支持。"),
            "keyring_unavailable": self.tr("系统钥匙串不可用，无法读取加密录像的密钥。请解锁钥匙串后重试。"),
        }
        text = known.get(item.reason)
        if text is None:
            return item.detail or item.reason
        detail = item.detail
        if item.reason == "rejected":
            detail = "、".join(self.mismatch_text(code.strip()) for code in item.detail.split(",") if code.strip())
        return text.replace("%1", detail)

    def mismatch_text(self, code: str) -> str:
        return {
            "object_missing": self.tr("平台没有找到上传的文件"), "size_mismatch": self.tr("文件大小不一致"),
            "crc64_mismatch": self.tr("校验值不一致"), "sha256_mismatch": self.tr("文件内容与录制时不一致"),
            "duration_out_of_range": self.tr("录像时长不符合考试要求"),
            "not_a_jpeg": self.tr("证件照不是 JPEG 文件"),
            "photo_size_mismatch": self.tr("证件照尺寸不符合这场考试的规格"),
        }.get(code, code)

    def retranslate(self) -> None:
        item = self.item
        if item.kind == "id_photo":
            self.name_label.setText(self.tr("证件照（%1）").replace("%1", item.exam_id))
        self.state_label.setText(self.state_text(item.state))
        self.reason_label.setText(self.reason_text(item) if item.state == ItemState.FAILED else "")
        self.reason_label.setVisible(item.state == ItemState.FAILED)
        if item.state == ItemState.DONE:
            if item.kind == "id_photo":
                kept = self.tr("本机的证件照已删除。")
            elif item.released == "kept":
                kept = self.tr("本地录像将保留至 %1。")
            else:
                kept = self.tr("本地录像已删除。")
            when = "" if item.keep_until is None else _date(item.keep_until)
            self.detail_label.setText(format_size(item.size) + "  ·  " + kept.replace("%1", when))
        elif not self.speed_text:
            self.detail_label.setText(format_size(item.size))
        action = {
            ItemState.WAITING: self.tr("暂停"), ItemState.UPLOADING: self.tr("暂停"),
            ItemState.VERIFYING: "", ItemState.PAUSED: self.tr("继续"), ItemState.FAILED: self.tr("重试"),
        }.get(item.state, "")
        self.action_button.setText(action)
        self.action_button.setVisible(bool(action))
        self.cancel_button.setText(self.tr("取消"))
        self.cancel_button.setVisible(item.state not in (ItemState.DONE, ItemState.CANCELLED, ItemState.VERIFYING))

    # --- intent -------------------------------------------------------------------------------
    @Slot()
    def _on_action(self) -> None:
        state = self.item.state
        try:
            if state in (ItemState.WAITING, ItemState.UPLOADING):
                self.apply_item(self.runner.pause(self.item.id))
            elif state in (ItemState.PAUSED, ItemState.FAILED):
                self.apply_item(self.runner.resume(self.item.id))
        except QueueError:
            pass  # it changed under us; the next item_changed signal shows where it is

    @Slot()
    def _on_cancel(self) -> None:
        try:
            self.apply_item(self.runner.cancel(self.item.id))
        except QueueError:
            pass


def _date(timestamp: float) -> str:
    return time.strftime("%Y-%m-%d", time.localtime(timestamp))


class UploadCentrePage(Page):
    """上传中心：constructed with the runner (its queue) and the worker that runs it."""

    def __init__(self, runner: QueueRunner, worker: UploadWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.worker = worker
        self.rows: dict[str, UploadRow] = {}
        self.summary = QLabel()
        self.summary.setObjectName("pageSubtitle")
        self.layout_.addWidget(self.summary)
        self.empty_label = QLabel()
        self.empty_label.setObjectName("notice")
        self.layout_.addWidget(self.empty_label)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        holder = QWidget()
        self.list_layout = QVBoxLayout(holder)
        self.list_layout.setContentsMargins(0, 0, 0, 0)
        self.list_layout.setSpacing(12)
        self.list_layout.addStretch(1)
        scroll.setWidget(holder)
        self.layout_.addWidget(scroll, 1)
        for item in runner.queue.items():
            self._add_row(item)
        worker.item_changed.connect(self.on_item_changed)
        worker.progress.connect(self.on_progress)
        self.retranslate()

    def title(self) -> str:
        return self.tr("上传中心")

    def _add_row(self, item: QueueItem) -> UploadRow:
        row = UploadRow(item, self.runner)
        self.rows[item.id] = row
        self.list_layout.insertWidget(self.list_layout.count() - 1, row)
        return row

    @Slot(object)
    def on_item_changed(self, item: QueueItem) -> None:
        row = self.rows.get(item.id)
        if row is None:
            self._add_row(item)
        else:
            row.apply_item(item)
        self._update_summary()

    @Slot(object)
    def on_progress(self, progress: ItemProgress) -> None:
        row = self.rows.get(progress.item_id)
        if row is not None:
            row.apply_progress(progress)

    def on_enter(self) -> None:
        for item in self.runner.queue.items():
            self.on_item_changed(item)

    def _update_summary(self) -> None:
        items = [row.item for row in self.rows.values()]
        active = sum(i.state in (ItemState.WAITING, ItemState.UPLOADING, ItemState.VERIFYING) for i in items)
        done = sum(i.state == ItemState.DONE for i in items)
        failed = sum(i.state == ItemState.FAILED for i in items)
        self.summary.setText(self.tr("待上传 %1 个，已完成 %2 个，失败 %3 个。上传在后台进行，录制下一段时也不会中断。")
                             .replace("%1", str(active)).replace("%2", str(done)).replace("%3", str(failed)))
        self.empty_label.setVisible(not items)

    def retranslate(self) -> None:
        super().retranslate()
        self.empty_label.setText(self.tr("还没有需要上传的录像。录制完成的考级视频会自动出现在这里。"))
        for row in self.rows.values():
            row.retranslate()
        self._update_summary()
