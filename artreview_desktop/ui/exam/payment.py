"""Paying the exam fee: the platform's QR code shown large, the order polled until paid or expired."""

from __future__ import annotations

import time
from collections.abc import Callable

import qrcode
import requests
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from artreview_desktop.core.account import AccountService
from artreview_desktop.core.platform.models import Exam, PaymentOrder
from artreview_desktop.ui.errors import platform_error_text
from artreview_desktop.ui.exam.texts import exam_title
from artreview_desktop.ui.form_message import FormMessage
from artreview_desktop.ui.style import make_secondary
from artreview_desktop.ui.workers import JobThread, start_job

POLL_INTERVAL_MS = 2000


def settle_demo_payment(api_url: str, order_id: str) -> None:
    """Demo mode only: the reference platform's stand-in for the payer's phone."""
    response = requests.post(f"{api_url.rstrip('/')}/dev/payment-orders/{order_id}/settle", timeout=10)
    response.raise_for_status()


def qr_image(payload: str, pixels: int = 320) -> QImage:
    """The QR code of `payload`, black on white, with a quiet zone, as an image `pixels` wide."""
    code = qrcode.QRCode(border=4, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(payload)
    code.make(fit=True)
    matrix = code.get_matrix()
    modules = len(matrix)
    scale = max(1, pixels // modules)
    image = QImage(modules * scale, modules * scale, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                painter.fillRect(x * scale, y * scale, scale, scale, QColor("black"))
    painter.end()
    return image


class PaymentDialog(QDialog):
    """Signals:
    paid(object): the settled `PaymentOrder`.
    """

    paid = Signal(object)

    def __init__(self, account: AccountService, exam: Exam, demo_settle: Callable[[str], None] | None = None,
                 parent: QWidget | None = None, clock: Callable[[], float] = time.time) -> None:
        super().__init__(parent)
        self.account, self.exam = account, exam
        self._demo_settle = demo_settle
        self._clock = clock
        self._job: JobThread | None = None
        self.order: PaymentOrder | None = None
        self.setWindowTitle(self.tr("缴纳考试费用"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        summary = QLabel(self.tr("{0}　考试费用：¥{1:.2f}").format(exam_title(exam), exam.fee_fen / 100))
        summary.setObjectName("cardTitle")
        layout.addWidget(summary)
        channels = QHBoxLayout()
        self.wechat = QRadioButton(self.tr("微信支付(&W)"))
        self.alipay = QRadioButton(self.tr("支付宝(&Z)"))
        self.wechat.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.wechat)
        group.addButton(self.alipay)
        channels.addWidget(self.wechat)
        channels.addWidget(self.alipay)
        channels.addStretch(1)
        self.create_button = QPushButton(self.tr("生成付款二维码(&G)"))
        channels.addWidget(self.create_button)
        layout.addLayout(channels)
        self.qr_label = QLabel()
        self.qr_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr_label.setMinimumSize(340, 340)
        layout.addWidget(self.qr_label)
        self.status = FormMessage()
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.status)
        self.receipt = QLabel()
        self.receipt.setWordWrap(True)
        layout.addWidget(self.receipt)
        row = QHBoxLayout()
        self.demo_button = QPushButton(self.tr("演示：模拟完成支付"))
        self.demo_button.setVisible(False)
        row.addWidget(self.demo_button)
        row.addStretch(1)
        self.close_button = QPushButton(self.tr("取消"))
        make_secondary(self.close_button)
        row.addWidget(self.close_button)
        layout.addLayout(row)
        self.poll_timer = QTimer(self)
        self.poll_timer.setInterval(POLL_INTERVAL_MS)
        self.poll_timer.timeout.connect(self.poll)
        self.create_button.clicked.connect(self.create_order)
        self.close_button.clicked.connect(self.reject)
        self.demo_button.clicked.connect(self._settle_demo)

    @property
    def channel(self) -> str:
        return "alipay" if self.alipay.isChecked() else "wechat"

    def create_order(self) -> None:
        channel = self.channel
        self.create_button.setEnabled(False)
        self.status.show_message(self.tr("正在生成二维码…"), error=False)
        self._job = start_job(self, lambda: self.account.client.create_payment_order(self.exam.id, channel),
                              self._order_created, self._failed)

    def _order_created(self, order: PaymentOrder) -> None:
        self.order = order
        self.qr_label.setPixmap(QPixmap.fromImage(qr_image(order.qr_payload)))
        app = self.tr("微信") if order.channel == "wechat" else self.tr("支付宝")
        self.status.show_message(self.tr("请用{0}扫描二维码付款。付款后本页面会自动更新。").format(app), error=False)
        self.demo_button.setVisible(self._demo_settle is not None)
        self.poll_timer.start()

    def poll(self) -> None:
        order = self.order
        if order is None or (self._job is not None and self._job.is_running()):
            return
        if order.status == "pending" and self._clock() >= order.expires_at:
            self._expired()
            return
        self._job = start_job(self, lambda: self.account.client.payment_order(order.order_id), self._polled,
                              self._poll_failed)

    def _polled(self, order: PaymentOrder) -> None:
        self.order = order
        if order.status == "paid":
            self.poll_timer.stop()
            self.qr_label.clear()
            self.status.show_message(self.tr("支付成功！"), error=False)
            self.receipt.setText(self.tr("订单号：{0}　金额：¥{1:.2f}　支付方式：{2}").format(
                order.order_id, order.amount_fen / 100,
                self.tr("微信支付") if order.channel == "wechat" else self.tr("支付宝")))
            self.close_button.setText(self.tr("完成"))
            self.demo_button.setVisible(False)
            self.paid.emit(order)
        elif order.status == "expired":
            self._expired()

    def _expired(self) -> None:
        self.poll_timer.stop()
        self.qr_label.clear()
        self.demo_button.setVisible(False)
        self.create_button.setEnabled(True)
        self.status.show_message(self.tr("二维码已过期，请重新生成。"), error=True)

    def _poll_failed(self, error: BaseException) -> None:
        # A passing network error: keep polling; the order is not lost.
        self.status.show_message(platform_error_text(error) + " " + self.tr("正在重试…"), error=True)

    def _failed(self, error: BaseException) -> None:
        self.create_button.setEnabled(True)
        self.status.show_message(platform_error_text(error), error=True)

    def _settle_demo(self) -> None:
        if self.order is not None and self._demo_settle is not None:
            order_id = self.order.order_id
            settle = self._demo_settle
            self._job = start_job(self, lambda: settle(order_id), lambda _r: self.poll(), self._failed)


    def done(self, result: int) -> None:
        self.poll_timer.stop()
        if self._job is not None:
            self._job.wait(25_000)
        super().done(result)
