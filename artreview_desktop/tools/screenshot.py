"""Screenshots of the main window's pages, for looking at the UI (under Xvfb or offscreen).

python -m artreview_desktop.tools.screenshot OUT_DIR [--lang zh_CN|en] [--screen]
writes OUT_DIR/<lang>-<n>-<page>.png for every page; `--screen` grabs the whole X screen instead
of rendering the window (what a person would see on the display).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from artreview_desktop.core.appcontext import AppContext
from artreview_desktop.core.paths import AppPaths
from artreview_desktop.core.resources import resource
from artreview_desktop.core.settings import LANGUAGES, SettingsStore
from artreview_desktop.ui.main_window import MainWindow


def take(out_dir: Path, language: str, whole_screen: bool) -> list[Path]:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from artreview_desktop.ui.fonts import choose_ui_font
    from artreview_desktop.ui.i18n import LanguageManager
    from artreview_desktop.ui.style import STYLE_SHEET
    from artreview_desktop.ui.workers import wait_for_jobs

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setStyleSheet(STYLE_SHEET)
    choose_ui_font()
    LanguageManager(app, resource("i18n")).apply(language)
    paths = AppPaths.default()
    paths.ensure()
    store = SettingsStore(paths.settings_file)
    settings = store.load().settings
    settings.general.language = language
    context = AppContext(paths, store, settings, api_url=None, demo=True)
    window = MainWindow(context)
    window.show()
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for index, page in enumerate(window.pages):
        window.show_page(index)
        loop = QEventLoop()
        QTimer.singleShot(150, loop.quit)  # let the page lay out and paint
        loop.exec()
        if whole_screen:
            screen = window.screen()
            pixmap = screen.grabWindow(0)
        else:
            pixmap = window.grab()
        path = out_dir / f"{language}-{index + 1}-{type(page).__name__}.png"
        pixmap.save(str(path))
        written.append(path)
    written += _dialogs(window, out_dir, language, whole_screen)
    window.close()
    wait_for_jobs()
    return written


def _dialogs(window: MainWindow, out_dir: Path, language: str, whole_screen: bool) -> list[Path]:
    """The consent dialog, a permission prompt, login, account security (every tab) and the
    operation log, as a user sees them. Nothing is sent: no button is pressed."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QWidget

    from artreview_desktop.core.account import AccountService
    from artreview_desktop.core.platform.client import PlatformClient
    from artreview_desktop.core.platform.tokens import MemoryTokenStore
    from artreview_desktop.core.privacy.permissions import Permission, spec
    from artreview_desktop.ui.account_security import AccountSecurityDialog
    from artreview_desktop.ui.consent import ConsentDialog
    from artreview_desktop.ui.login import LoginDialog
    from artreview_desktop.ui.oplog_dialog import OperationLogDialog
    from artreview_desktop.ui.permissions import PermissionPrompt

    context = window.context
    account = AccountService(PlatformClient("http://127.0.0.1:9/api/v1", MemoryTokenStore()), lambda: "",
                             context.consent_ledger)
    security = AccountSecurityDialog(account, context.consent_ledger, context.oplog,
                                     context.policy.privacy_policy.version, 0, parent=window)
    dialogs: list[tuple[str, QWidget]] = [
        ("ConsentDialog", ConsentDialog(context.policy, language, None, window)),
        ("PermissionPrompt", PermissionPrompt(spec(Permission.CAMERA), window)),
        ("LoginDialog", LoginDialog(account, window.permission_gate, window)),
        ("OperationLogDialog", OperationLogDialog(context.oplog, parent=window)),
    ]
    for tab in range(security.tabs.count()):
        dialogs.append((f"AccountSecurity{tab + 1}", security))
    written = []
    for index, (name, dialog) in enumerate(dialogs):
        if name.startswith("AccountSecurity"):
            security.tabs.setCurrentIndex(int(name.removeprefix("AccountSecurity")) - 1)
        dialog.show()
        loop = QEventLoop()
        QTimer.singleShot(150, loop.quit)
        loop.exec()
        pixmap = dialog.screen().grabWindow(0) if whole_screen else dialog.grab()
        path = out_dir / f"{language}-dialog-{name}.png"
        pixmap.save(str(path))
        written.append(path)
        if index + 1 == len(dialogs) or dialogs[index + 1][1] is not dialog:
            dialog.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m artreview_desktop.tools.screenshot")
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--lang", choices=LANGUAGES, default="zh_CN")
    parser.add_argument("--screen", action="store_true", help="grab the whole X screen")
    args = parser.parse_args(argv)
    for path in take(args.out_dir, args.lang, args.screen):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
