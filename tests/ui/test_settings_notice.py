"""A corrupt settings file is reported to the user at start-up, with the backup's name."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from artreview_desktop.core.appcontext import AppContext
from artreview_desktop.core.settings import SettingsStore
from artreview_desktop.ui.main_window import MainWindow


def test_corrupt_settings_are_explained_at_start(qtbot: QtBot, context: AppContext) -> None:
    context.paths.settings_file.write_text("{ this is not json", encoding="utf-8")
    result = SettingsStore(context.paths.settings_file).load()
    context.settings_problems = result.problems
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    window.start()
    notice = window.settings_notice
    assert notice is not None
    assert notice.isVisible()
    backup = result.problems[0].backup
    assert backup is not None
    assert str(backup) in notice.text()
    assert "设置文件已损坏" in notice.text()


def test_clean_settings_show_no_notice(qtbot: QtBot, context: AppContext) -> None:
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.start()
    assert window.settings_notice is None
