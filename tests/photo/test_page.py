"""The ID-photo page: camera flow with a video file as the camera and the permission prompt answered,
upload and save through injected choosers, and no face image left after leaving the page."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import cv2
import numpy as np
import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from artreview_desktop.core.appcontext import AppContext
from artreview_desktop.core.capture import FileCamera
from artreview_desktop.core.photo import IdPhoto, spec_from_dict, sweep_stale_sessions
from artreview_desktop.ui.pages.photo import IdPhotoPage
from artreview_desktop.ui.permissions import PermissionGate, PermissionPrompt

from .conftest import image_files_under

pytestmark = pytest.mark.gui


@pytest.fixture
def page(qtbot: QtBot, context: AppContext, astronaut_video: Path, tmp_path: Path):
    host = QWidget()
    qtbot.addWidget(host)
    gate = PermissionGate(context.permissions, host)
    uploads: list[str | None] = []
    saves: list[str | None] = []
    page = IdPhotoPage(
        context,
        gate,
        camera_factory=lambda: FileCamera(astronaut_video, loop=True),
        open_chooser=lambda parent: uploads.pop(0) if uploads else None,
        save_chooser=lambda parent, name: saves.pop(0) if saves else None,
        parent=host,
    )
    page.resize(1100, 720)
    host.resize(1100, 720)
    host.show()
    page.uploads, page.saves = uploads, saves  # type: ignore[attr-defined]
    yield page
    page.on_leave()


def leftover_images(context: AppContext, before: set[Path]) -> list[Path]:
    roots = {context.paths.config_dir, context.paths.data_dir, context.paths.log_dir, context.paths.cache_dir}
    found = [p for root in roots for p in image_files_under(root)]
    return found + [p for p in _temp_images() if p not in before]


def _temp_images() -> set[Path]:
    """Image files anywhere in the temp folder, except other pytest runs' folders (they belong to
    tests running beside us; this test's own folders are searched through `app_paths`)."""
    root = Path(tempfile.gettempdir())
    found = set()
    for folder, dirs, files in os.walk(root):
        if Path(folder) == root:
            dirs[:] = [d for d in dirs if not d.startswith("pytest-of-")]
        found.update(Path(folder) / name for name in files
                     if name.lower().endswith((".jpg", ".jpeg", ".png", ".webp", ".bmp")))
    return found


def test_camera_flow_asks_permission_then_captures_and_deletes_on_leave(
    qtbot: QtBot, page: IdPhotoPage, context: AppContext
) -> None:
    before = _temp_images()
    with qtbot.waitSignal(page.gate.prompt_shown, timeout=5000) as shown:
        page.take_button.click()
    prompt = shown.args[0]
    assert isinstance(prompt, PermissionPrompt)
    assert not page.camera_running()  # nothing opens before the answer
    prompt.allow_button.click()
    qtbot.waitUntil(lambda: page.camera_running() and page.canvas.frames_received >= 10, timeout=15000)
    qtbot.waitUntil(lambda: page.canvas.report is not None, timeout=15000)
    assert page.canvas.report is not None and len(page.canvas.report.faces) == 1
    assert "实时检查" in page.checks_label.text()
    with qtbot.waitSignal(page.photo_ready, timeout=30000) as ready:
        page.take_button.click()
    photo: IdPhoto = ready.args[0]
    assert photo.image.shape == (441, 358, 3)
    assert not page.camera_running()
    assert page.export_path is not None and page.export_path.exists()
    assert "✓" in page.checks_label.text()
    page.on_leave()
    assert page.photo is None and page.export_path is None
    assert leftover_images(context, before) == []


def test_refused_camera_keeps_upload_working(qtbot: QtBot, page: IdPhotoPage) -> None:
    with qtbot.waitSignal(page.gate.prompt_shown, timeout=5000) as shown:
        page.take_button.click()
    with qtbot.waitSignal(page.gate.resolved, timeout=5000) as resolved:
        shown.args[0].deny_button.click()
    assert resolved.args[1] is False
    assert not page.camera_running()
    assert "上传照片" in page.status.text()
    if page.gate.refusal_notice is not None:
        page.gate.refusal_notice.close()


def test_upload_adjust_save_and_leave(
    qtbot: QtBot, page: IdPhotoPage, context: AppContext, tmp_path: Path, astronaut_bgr: np.ndarray
) -> None:
    before = _temp_images()
    source = tmp_path / "chosen.png"
    cv2.imwrite(str(source), astronaut_bgr)
    page.uploads.append(str(source))  # type: ignore[attr-defined]
    with qtbot.waitSignal(page.photo_ready, timeout=30000) as first:
        page.upload_button.click()
    base: IdPhoto = first.args[0]
    with qtbot.waitSignal(page.photo_ready, timeout=30000) as zoomed:
        for _ in range(20):  # far more than the spec allows: it must stop at the limit
            page.zoom_in.click()
    bigger: IdPhoto = zoomed.args[0]
    qtbot.waitUntil(lambda: not page._jobs, timeout=30000)
    final = page.photo
    assert final is not None and final.adjustment.zoom > 1.0
    face_width = next(c for c in final.checks if c.name == "face_width")
    assert face_width.ok and face_width.value is not None and face_width.value > base.measure.face_width
    assert bigger.spec == base.spec
    saved = tmp_path / "kept-by-the-user.jpg"
    page.saves.append(str(saved))  # type: ignore[attr-defined]
    page.save_button.click()
    assert saved.read_bytes()[:3] == b"\xff\xd8\xff"
    page.on_leave()
    assert leftover_images(context, before) == []
    assert saved.exists()  # the copy the user asked for is theirs to keep


def test_refused_upload_shows_the_reason(qtbot: QtBot, page: IdPhotoPage, tmp_path: Path) -> None:
    junk = tmp_path / "notes.jpg"
    junk.write_bytes(b"just some text" * 40)
    page.uploads.append(str(junk))  # type: ignore[attr-defined]
    with qtbot.waitSignal(page.failed, timeout=10000) as failed:
        page.upload_button.click()
    assert "不是图片" in failed.args[0] and page.status.text() == failed.args[0]


PAGE_PROCESS = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtWidgets import QApplication, QWidget
from artreview_desktop.core.appcontext import AppContext
from artreview_desktop.core.paths import AppPaths
from artreview_desktop.core.settings import Settings, SettingsStore
from artreview_desktop.ui.pages.photo import IdPhotoPage
from artreview_desktop.ui.permissions import PermissionGate

app = QApplication([])
paths = AppPaths.default()
context = AppContext(paths=paths, settings_store=SettingsStore(paths.settings_file), settings=Settings(),
                     api_url=None, demo=True)
host = QWidget()
page = IdPhotoPage(context, PermissionGate(context.permissions, host), open_chooser=lambda parent: sys.argv[2],
                   parent=host)

def ready(photo):
    print(page.export_path, flush=True)
    if sys.argv[1] == "crash":
        os._exit(9)  # killed: no on_leave, no atexit
    app.quit()  # a normal exit without leaving the page first

page.photo_ready.connect(ready)
page.failed.connect(lambda message: (print("FAILED", message, flush=True), app.exit(2)))
page.upload_button.click()
sys.exit(app.exec())
"""


def _run_page_process(mode: str, source: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", PAGE_PROCESS, mode, str(source)], capture_output=True, text=True,
                          timeout=120, env=os.environ.copy(), check=False)


@pytest.mark.parametrize("mode", ["exit", "crash"])
def test_no_photo_survives_exit_or_crash_and_restart(
    mode: str, tmp_path: Path, context: AppContext, astronaut_bgr: np.ndarray
) -> None:
    before = _temp_images()
    source = tmp_path / "chosen.png"
    cv2.imwrite(str(source), astronaut_bgr)
    result = _run_page_process(mode, source)
    assert result.returncode == (9 if mode == "crash" else 0), result.stdout + result.stderr
    export = Path(result.stdout.strip().splitlines()[-1])
    assert export.name == "id-photo.jpg" and context.paths.private_tmp_dir in export.parents
    source.unlink()  # the user's own file is not ours to delete; take it out of the search
    if mode == "crash":
        assert export.exists()  # what a crash leaves behind …
        assert sweep_stale_sessions(context.paths) >= 1  # … the next start removes
    assert not export.exists()
    assert leftover_images(context, before) == []


def test_exam_spec_is_offered_first_and_used(
    qtbot: QtBot, context: AppContext, tmp_path: Path, astronaut_bgr: np.ndarray
) -> None:
    exam = spec_from_dict({"name": "exam-2027", "label": "本次考试要求", "unit": "mm", "width": 30, "height": 40,
                           "dpi": 300, "head_height": [24, 28], "crown_gap": [2, 5], "background": "blue"})
    source = tmp_path / "chosen.png"
    cv2.imwrite(str(source), astronaut_bgr)
    host = QWidget()
    qtbot.addWidget(host)
    page = IdPhotoPage(context, PermissionGate(context.permissions, host), open_chooser=lambda parent: str(source),
                       exam_specs=[exam], parent=host)
    assert page.spec_combo.currentData() == "exam-2027" and "本次考试要求" in page.spec_combo.currentText()
    with qtbot.waitSignal(page.photo_ready, timeout=30000) as ready:
        page.upload_button.click()
    photo: IdPhoto = ready.args[0]
    assert photo.image.shape == (exam.height, exam.width, 3)
    assert np.abs(photo.image[2, 2].astype(int) - np.array(exam.background_bgr)).max() <= 2
    assert next(c for c in photo.checks if c.name == "head_height").ok
    page.on_leave()
