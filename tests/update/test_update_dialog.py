"""The update dialog and controller: offered when idle, deferred mid-recording, clear refusals."""

from __future__ import annotations

import json
import os
import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from artreview_desktop import __version__
from artreview_desktop.core.appcontext import AppContext
from artreview_desktop.core.platform.client import PlatformClient
from artreview_desktop.core.resources import resource
from artreview_desktop.core.update import Refusal, UpdateService
from artreview_desktop.ui.i18n import LanguageManager
from artreview_desktop.ui.update_dialog import UpdateController, UpdateDialog, create_update_controller, refusal_text
from artreview_platform.embedded import EmbeddedPlatform
from artreview_platform.releases import demo_version
from tests.update.conftest import RecordingInstaller

pytestmark = pytest.mark.gui
PAYLOAD = os.urandom(600_000)


def _publish(platform: EmbeddedPlatform) -> None:
    platform.releases.publish("linux", "0.2.0", PAYLOAD, kind="linux-installer", file_name="artreview-0.2.0.run",
                              notes={"zh_CN": "录制更稳定。", "en": "Steadier recording."})


def _controller(qtbot: QtBot, service: UpdateService, busy: list[bool]) -> tuple[QWidget, UpdateController]:
    window = QWidget()
    qtbot.addWidget(window)
    return window, UpdateController(service, lambda: busy[0], window, idle_poll_ms=20)


def test_an_update_offered_mid_recording_waits_until_the_take_is_over(
    qtbot: QtBot, service: UpdateService, demo_platform: EmbeddedPlatform,
) -> None:
    _publish(demo_platform)
    busy = [True]
    _, controller = _controller(qtbot, service, busy)
    with qtbot.waitSignal(controller.offer_deferred, timeout=10_000):
        controller.check()
    assert controller.dialog is None  # nothing pops up over a recording
    assert controller.deferred is not None and controller.deferred.version == "0.2.0"
    with qtbot.waitSignal(controller.dialog_shown, timeout=10_000) as shown:
        busy[0] = False
    dialog: UpdateDialog = shown.args[0]
    assert dialog.isVisible()
    assert "0.2.0" in dialog.headline.text()
    assert dialog.notes.toPlainText() == "录制更稳定。"
    dialog.reject()


def test_download_progress_then_install_is_deferred_while_busy_and_then_quits(
    qtbot: QtBot, service: UpdateService, demo_platform: EmbeddedPlatform, installer: RecordingInstaller,
) -> None:
    _publish(demo_platform)
    busy = [False]
    _, controller = _controller(qtbot, service, busy)
    with qtbot.waitSignal(controller.dialog_shown, timeout=10_000) as shown:
        controller.check()
    dialog: UpdateDialog = shown.args[0]
    assert not dialog.install_button.isEnabled()  # nothing to install before it is verified

    qtbot.mouseClick(dialog.download_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.install_button.isEnabled, timeout=20_000)
    assert dialog.progress.value() == 1000

    busy[0] = True  # a take started while the dialog was open
    qtbot.mouseClick(dialog.install_button, Qt.MouseButton.LeftButton)
    assert dialog.status.text() == refusal_text(Refusal.BUSY)
    assert installer.launcher.process is None

    busy[0] = False
    with qtbot.waitSignal(controller.quit_requested, timeout=10_000):
        qtbot.mouseClick(dialog.install_button, Qt.MouseButton.LeftButton)
    assert installer.launcher.process is not None and installer.launcher.process.wait(timeout=30) == 0
    assert json.loads(installer.record.read_text("utf-8"))["size"] == len(PAYLOAD)


def test_a_tampered_package_shows_a_clear_refusal_and_cannot_be_installed(
    qtbot: QtBot, service: UpdateService, demo_platform: EmbeddedPlatform, installer: RecordingInstaller,
) -> None:
    _publish(demo_platform)
    demo_platform.releases.replace_payload("linux", PAYLOAD[::-1])
    _, controller = _controller(qtbot, service, [False])
    with qtbot.waitSignal(controller.dialog_shown, timeout=10_000) as shown:
        controller.check()
    dialog: UpdateDialog = shown.args[0]
    qtbot.mouseClick(dialog.download_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.status.text() == refusal_text(Refusal.TAMPERED), timeout=20_000)
    assert not dialog.install_button.isEnabled()
    assert dialog.download_button.isEnabled()  # the user may try again
    assert installer.launcher.process is None
    dialog.reject()


def test_every_refusal_has_its_own_message(qtbot: QtBot) -> None:
    texts = [refusal_text(refusal) for refusal in Refusal]
    assert len(set(texts)) == len(texts)
    assert all(text.endswith("。") for text in texts)


@pytest.mark.usefixtures("no_dev_key_env")
def test_the_app_s_controller_trusts_the_demo_key_only_in_demo_mode(
    qtbot: QtBot, context: AppContext, client: PlatformClient,
) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    demo = create_update_controller(context, client, window, busy=lambda: False)
    with qtbot.waitSignal(demo.dialog_shown, timeout=10_000) as shown:
        demo.check()
    assert shown.args[0].offer.version == demo_version(__version__)
    shown.args[0].reject()

    context.demo = False
    release = create_update_controller(context, client, window, busy=lambda: False)
    with qtbot.waitSignal(release.check_failed, timeout=10_000) as failed:
        release.check()
    assert failed.args[0] is Refusal.WRONG_SIGNATURE
    assert release.message is not None and release.message.text() == refusal_text(Refusal.WRONG_SIGNATURE)
    assert release.dialog is None
    release.message.close()


def test_a_manual_check_says_when_the_app_is_up_to_date(
    qtbot: QtBot, service: UpdateService, demo_platform: EmbeddedPlatform,
) -> None:
    _publish(demo_platform)
    service.current_version = "0.2.0"
    _, controller = _controller(qtbot, service, [False])
    with qtbot.waitSignal(controller.check_failed, timeout=10_000):
        controller.check(manual=True)
    assert controller.message is not None and controller.message.text() == refusal_text(Refusal.UP_TO_DATE)
    controller.message.close()


def test_refusals_are_translated(qapp: QApplication) -> None:
    languages = LanguageManager(qapp, resource("i18n"))
    languages.apply("en")
    try:
        english = {refusal: refusal_text(refusal) for refusal in Refusal}
    finally:
        languages.apply("zh_CN")
    assert all(text and not re.search(r"[\u4e00-\u9fff]", text) for text in english.values())
    assert "tampered" in english[Refusal.TAMPERED] and "signature" in english[Refusal.WRONG_SIGNATURE]
    assert refusal_text(Refusal.TAMPERED).startswith("更新包与官方发布的文件不一致")
