"""The upload centre page driven by a real queue, runner and worker thread against the platform."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from artreview_desktop.core.platform.client import PlatformClient
from artreview_desktop.core.settings import UploadSettings
from artreview_desktop.core.upload.queue import ItemState, QueueItem, UploadQueue
from artreview_desktop.core.upload.runner import ItemProgress, QueueRunner, app_runner
from artreview_desktop.ui.pages.uploads import UploadCentrePage
from artreview_desktop.ui.upload_worker import UploadNotifier, UploadWorker
from artreview_platform.embedded import EmbeddedPlatform
from tests.upload.conftest import PART, Take


@pytest.fixture
def worker(runner: QueueRunner) -> Iterator[UploadWorker]:
    thread = UploadWorker(runner, idle_wait_s=0.2)
    yield thread
    assert thread.stop()
    thread.detach()


def _reaches(state: ItemState, item_id: str) -> Callable[[QueueItem], bool]:
    return lambda item: item.id == item_id and item.state == state


def test_progress_reaches_done_and_the_tray_is_told(qtbot: QtBot, queue: UploadQueue, runner: QueueRunner,
                                                    worker: UploadWorker, make_take: Callable[..., Take],
                                                    dance_exam: str) -> None:
    page = UploadCentrePage(runner, worker)
    qtbot.addWidget(page)
    notifier = UploadNotifier(worker, tray=None)
    item = queue.add_take(make_take(12 * PART).path, dance_exam)
    with qtbot.waitSignal(worker.item_changed, timeout=5000, check_params_cb=_reaches(ItemState.DONE, item.id)), \
            qtbot.waitSignal(worker.progress, timeout=5000,
                             check_params_cb=lambda p: isinstance(p, ItemProgress) and p.bytes_done > 0), \
            qtbot.waitSignal(notifier.notified, timeout=5000) as told:
        worker.start()
    row = page.rows[item.id]
    assert row.item.state == ItemState.DONE  # the page's slot, connected first, ran before the blocker's
    assert row.bar.value() == 100
    assert row.state_label.text() == "上传成功"
    assert not row.action_button.isVisible() and not row.cancel_button.isVisible()
    assert told.args is not None and told.args[0] == "上传成功" and item.name in told.args[1]
    assert "已完成 1 个" in page.summary.text()


def test_failure_shows_the_reason_and_retry_works(qtbot: QtBot, queue: UploadQueue, runner: QueueRunner,
                                                  worker: UploadWorker, make_take: Callable[..., Take],
                                                  dance_exam: str) -> None:
    take = make_take(4 * PART)
    item = queue.add_take(take.path, dance_exam)
    hidden = take.path.with_name("elsewhere.mp4")
    take.path.rename(hidden)  # e.g. an external drive unplugged
    page = UploadCentrePage(runner, worker)
    qtbot.addWidget(page)
    page.show()
    with qtbot.waitSignal(worker.item_changed, timeout=5000, check_params_cb=_reaches(ItemState.FAILED, item.id)):
        worker.start()
    row = page.rows[item.id]
    assert row.item.state == ItemState.FAILED
    assert row.state_label.text() == "上传失败"
    assert row.reason_label.isVisible() and "不在这台电脑上" in row.reason_label.text()
    assert row.action_button.text() == "重试"

    hidden.rename(take.path)  # plugged back in
    with qtbot.waitSignal(worker.item_changed, timeout=5000, check_params_cb=_reaches(ItemState.DONE, item.id)):
        qtbot.mouseClick(row.action_button, Qt.MouseButton.LeftButton)
    assert row.item.state == ItemState.DONE
    assert row.bar.value() == 100 and not row.reason_label.isVisible()


def test_pause_button_pauses_the_running_upload(qtbot: QtBot, queue: UploadQueue, runner: QueueRunner,
                                                worker: UploadWorker, make_take: Callable[..., Take],
                                                dance_exam: str) -> None:
    item = queue.add_take(make_take(4 * PART).path, dance_exam)
    page = UploadCentrePage(runner, worker)
    qtbot.addWidget(page)
    page.show()
    row = page.rows[item.id]
    assert row.action_button.text() == "暂停"
    qtbot.mouseClick(row.action_button, Qt.MouseButton.LeftButton)  # paused before it starts
    assert row.item.state == ItemState.PAUSED and row.action_button.text() == "继续"
    worker.start()
    with qtbot.waitSignal(worker.item_changed, timeout=5000, check_params_cb=_reaches(ItemState.DONE, item.id)):
        qtbot.mouseClick(row.action_button, Qt.MouseButton.LeftButton)
    assert queue.get(item.id).state == ItemState.DONE


def test_a_storage_endpoint_outside_mainland_china_is_refused_and_said_so(
    qtbot: QtBot, queue: UploadQueue, client: PlatformClient, tmp_path: Path, make_take: Callable[..., Take],
    dance_exam: str, platform: EmbeddedPlatform,
) -> None:
    """Outside demo mode the platform's loopback store is not an allowed region: nothing is sent."""
    runner = app_runner(tmp_path / "data", client, UploadSettings(threads=2), demo=False)
    item = runner.queue.add_take(make_take(4 * PART).path, dance_exam)
    worker = UploadWorker(runner, idle_wait_s=0.2)
    page = UploadCentrePage(runner, worker)
    qtbot.addWidget(page)
    page.show()
    before = dict(platform.oss_counters)
    try:
        with qtbot.waitSignal(worker.item_changed, timeout=5000,
                              check_params_cb=_reaches(ItemState.FAILED, item.id)):
            worker.start()
    finally:
        assert worker.stop()
        worker.detach()
    row = page.rows[item.id]
    assert row.item.reason == "endpoint_not_allowed"
    assert row.reason_label.isVisible() and "不在允许的境内区域" in row.reason_label.text()
    assert platform.oss_counters == before  # not one request reached the store
    assert Path(item.take_path).exists()  # and the take is kept


def test_starting_again_while_a_stop_is_finishing_restarts_the_worker(qtbot: QtBot, runner: QueueRunner) -> None:
    """Consent given again right after it was withdrawn: uploads must not stay stopped."""
    worker = UploadWorker(runner, idle_wait_s=0.2)
    worker.begin()
    qtbot.waitUntil(worker.isRunning, timeout=5000)
    with qtbot.waitSignal(worker.finished, timeout=5000):
        worker.request_stop()  # returns at once: the thread ends after its current block
        worker.begin()
    qtbot.waitUntil(worker.isRunning, timeout=5000)  # started again once it had ended
    assert worker.stop()
    assert not worker.isRunning()
    worker.detach()
