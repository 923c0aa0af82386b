"""After a crash, the next start finds the interrupted take and offers to recover it."""

from __future__ import annotations

import json

import av
import numpy as np
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from artreview_desktop.core.appcontext import AppContext
from artreview_desktop.core.capture.manifest import journal_path_for
from artreview_desktop.ui.main_window import MainWindow


def test_interrupted_take_is_offered_for_recovery(qtbot: QtBot, context: AppContext) -> None:
    folder = context.recordings_dir / "ex_9"
    folder.mkdir(parents=True)
    take = folder / "practice-01-crashed.mp4"
    with av.open(str(take), "w") as container:
        stream = container.add_stream("libx264", rate=10)
        stream.width, stream.height, stream.pix_fmt = 64, 48, "yuv420p"
        for index in range(20):
            frame = av.VideoFrame.from_ndarray(np.full((48, 64, 3), index * 9, np.uint8), format="rgb24")
            frame.pts = index
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    journal_path_for(take).write_text(json.dumps({"pid": 999_999_999,
                                                  "metadata": {"exam_id": "ex_9", "mode": "practice"}}))
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
