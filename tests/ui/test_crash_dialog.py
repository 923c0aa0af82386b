"""A crash in any thread reaches the user as a dialog (and a local report), not a dead window."""

from __future__ import annotations

import threading
from pathlib import Path

from pytestqt.qtbot import QtBot

from artreview_desktop.core.crash import CrashReporter
from artreview_desktop.ui.crash_dialog import CrashBridge, CrashDialog


def test_worker_thread_crash_opens_the_dialog_on_the_ui_thread(qtbot: QtBot, tmp_path: Path) -> None:
    bridge = CrashBridge()
    reporter = CrashReporter(tmp_path, "1.0", on_crash=bridge.notify)
    dialogs: list[CrashDialog] = []

    def show(report: object) -> None:
        assert threading.current_thread() is threading.main_thread()
        dialog = CrashDialog(report)  # type: ignore[arg-type]
        qtbot.addWidget(dialog)
        dialogs.append(dialog)
        dialog.open()

    bridge.crashed.connect(show)
    reporter.install()
    try:
        def encode() -> None:
            raise MemoryError("encoder ran out of memory")

        with qtbot.waitSignal(bridge.crashed, timeout=10_000):
            worker = threading.Thread(target=encode, name="encoder")
            worker.start()
            worker.join(timeout=10)
    finally:
        reporter.uninstall()

    [dialog] = dialogs
    assert dialog.isVisible()
    assert dialog.windowTitle() == "程序遇到了问题"
    assert str(dialog.report.path) in dialog.informativeText()
    assert "MemoryError" in dialog.detailedText()
    assert dialog.report.path.exists()
