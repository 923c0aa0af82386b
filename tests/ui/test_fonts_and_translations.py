"""Chinese renders in a Simplified-Chinese face (no boxes), and every string is translated."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from artreview_desktop.core.appcontext import AppContext
from artreview_desktop.core.resources import resource
from artreview_desktop.tools.translations import source_files, unfinished
from artreview_desktop.ui.fonts import choose_ui_font, preferred_families
from artreview_desktop.ui.main_window import MainWindow

REPO = Path(__file__).resolve().parents[2]
HAN = re.compile(r"[\u4e00-\u9fff]")


def test_linux_picks_the_simplified_chinese_face(qapp: QApplication) -> None:
    font = choose_ui_font()
    assert font is not None, "install fonts-noto-cjk (scripts/system-packages.sh does)"
    assert font.family() == "Noto Sans CJK SC"
    assert preferred_families("win32")[0] == "Microsoft YaHei UI"
    assert preferred_families("darwin")[0] == "PingFang SC"


def test_every_han_character_on_screen_has_a_glyph(qtbot: QtBot, context: AppContext) -> None:
    font = choose_ui_font()
    assert font is not None
    window = MainWindow(context)
    qtbot.addWidget(window)
    texts: list[str] = [window.windowTitle()]
    texts += [window.navigation.item(i).text() for i in range(window.navigation.count())]
    for page in window.pages:
        texts += [label.text() for label in page.findChildren(QLabel)]
    han = {ch for text in texts for ch in text if HAN.match(ch)}
    assert len(han) > 100
    metrics = QFontMetrics(font)
    missing = sorted(ch for ch in han if not metrics.inFontUcs4(ord(ch)))
    assert missing == []


def test_english_translation_is_complete_and_current(tmp_path: Path) -> None:
    ts = resource("i18n", "artreview_en.ts")
    assert unfinished(ts) == []
    assert ts.with_suffix(".qm").exists(), "scripts/setup.sh builds the .qm files"
    # lupdate on the current code must find no new or changed string.
    copy = tmp_path / "artreview_en.ts"
    copy.write_bytes(ts.read_bytes())
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    subprocess.run(
        [str(lupdate), *map(str, source_files(REPO)), "-source-language", "zh_CN", "-target-language", "en",
         "-no-obsolete", "-locations", "none", "-ts", str(copy)],
        check=True, capture_output=True, timeout=120,
    )
    assert unfinished(copy) == [], "run: python -m artreview_desktop.tools.translations update, then translate"


def test_chinese_text_uses_full_width_punctuation() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "artreview_desktop.tools.punctuation", "check", "artreview_desktop", "resources"],
        capture_output=True, text=True, timeout=60, cwd=REPO,
    )
    assert result.returncode == 0, result.stdout


@pytest.mark.display
def test_screenshots_under_xvfb_show_every_page(xvfb_display: str, tmp_path: Path) -> None:
    env = {"DISPLAY": xvfb_display, "QT_QPA_PLATFORM": "xcb"}
    import os

    result = subprocess.run(
        [sys.executable, "-m", "artreview_desktop.tools.screenshot", str(tmp_path), "--screen"],
        capture_output=True, text=True, timeout=120, env={**os.environ, **env},
    )
    assert result.returncode == 0, result.stderr
    shots = sorted(tmp_path.glob("zh_CN-[0-9]-*.png"))
    assert len(shots) == 7
    from PySide6.QtGui import QImage

    image = QImage(str(shots[0]))
    assert image.width() >= 960
    assert image.height() >= 640
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert len(colours) > 20  # a drawn window, not a blank screen


