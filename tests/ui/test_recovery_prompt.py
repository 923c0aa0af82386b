"""After a crash, the next start finds the interrupted take and offers to recover it."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from artreview_desktop.core.appcontext import AppContext
from artreview_desktop.ui.main_window import MainWindow
from tests.takes import write_interrupted_take


def test_interrupted_take_is_offered_for_recovery(qtbot: QtBot, context: AppContext) -> None:
    take = context.recordings_dir / "ex_9" / "practice-01-crashed.mp4"
    write_interrupted_take(take, "ex_9", "practice")
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    window.start()
    qtbot.waitUntil(lambda: window.recovery_prompt is not None, timeout=10_000)
    prompt = window.recovery_prompt
    assert isinstance(prompt, QMessageBox) and "1 个录制" in prompt.text()
    with qtbot.waitSignal(window.recovery_done, timeout=20_000) as done:
        next(b for b in prompt.buttons() if prompt.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole).click()
    assert done.args == [1]
    assert take.exists()
    [record] = context.exam_progress.load("ex_9").takes
    assert record.stop_reason == "interrupted"
