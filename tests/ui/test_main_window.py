"""The main window: navigation, keyboard access, page leave hooks, language switching."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from artreview_desktop.core.appcontext import AppContext
from artreview_desktop.core.settings import SettingsStore
from artreview_desktop.ui.i18n import LanguageManager
from artreview_desktop.ui.main_window import MainWindow
from artreview_desktop.ui.pages.base import Page
from tests.ui.conftest import type_text


def _window(qtbot: QtBot, context: AppContext) -> MainWindow:
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _nav_texts(window: MainWindow) -> list[str]:
    return [window.navigation.item(i).text() for i in range(window.navigation.count())]


def test_starts_in_chinese_on_the_home_page(qtbot: QtBot, context: AppContext) -> None:
    window = _window(qtbot, context)
    assert window.current_page() is window.home_page
    assert _nav_texts(window)[0] == "首页"
    assert window.windowTitle().startswith("艺术评价")
    assert len(window.pages) == 7


def test_keyboard_reaches_every_page(qtbot: QtBot, context: AppContext) -> None:
    window = _window(qtbot, context)
    window.navigation.setFocus()
    for expected in window.pages[1:]:
        qtbot.keyClick(window.navigation, Qt.Key.Key_Down)
        assert window.current_page() is expected
    with qtbot.waitActive(window):
        window.activateWindow()
    qtbot.keyClick(window.navigation, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() is window.exams_page


def test_leaving_a_page_calls_its_leave_hook(qtbot: QtBot, context: AppContext) -> None:
    window = _window(qtbot, context)
    left: list[Page] = []
    for page in window.pages:
        page.on_leave = (lambda p=page: left.append(p))  # type: ignore[method-assign]
    window.show_page(2)
    window.show_page(4)
    assert left == [window.home_page, window.photo_page]
    window.close()
    assert window.recording_page in left[2:]  # closing the window leaves the current page too


def test_language_switch_retranslates_everything_and_is_saved(
    qtbot: QtBot, context: AppContext, languages: LanguageManager
) -> None:
    window = _window(qtbot, context)
    window.language_requested.connect(languages.apply)
    chinese = _nav_texts(window)
    combo = window.settings_page.language_combo

    combo.setCurrentIndex(combo.findData("en"))
    combo.activated.emit(combo.currentIndex())
    qtbot.waitUntil(lambda: _nav_texts(window)[0] == "Home")  # LanguageChange events are posted

    english = _nav_texts(window)
    assert english == ["Home", "My exams", "Standard ID photo", "Equipment check", "Exam recording",
                       "Upload centre", "Me · Settings"]
    assert window.home_page.heading.text() == "Welcome to ArtReview"
    assert window.settings_page.about_button.text() == "&About ArtReview"
    assert window.exams_page.login_button.text() == "&Log in"
    assert window.windowTitle() == "ArtReview · Exam recording"
    assert SettingsStore(context.paths.settings_file).load().settings.general.language == "en"

    combo.setCurrentIndex(combo.findData("zh_CN"))
    combo.activated.emit(combo.currentIndex())
    qtbot.waitUntil(lambda: _nav_texts(window) == chinese)


def test_missing_translation_falls_back_to_chinese(qapp: object, tmp_path: object) -> None:
    from pathlib import Path

    from PySide6.QtWidgets import QApplication

    assert isinstance(qapp, QApplication)
    assert isinstance(tmp_path, Path)
    manager = LanguageManager(qapp, tmp_path)  # no .qm files here
    assert manager.apply("en") is False
    assert manager.language == "zh_CN"


def test_chinese_text_can_be_typed(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QLineEdit

    edit = QLineEdit()
    qtbot.addWidget(edit)
    type_text(edit, "请报出你的考级曲目")
    assert edit.text() == "请报出你的考级曲目"
