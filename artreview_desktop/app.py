"""`artreview-desktop`: the GUI entry point. Wires the core to the UI; owns nothing else."""

from __future__ import annotations

import argparse
import json
import logging
import os
import signal
import socket
import sys
import threading
from collections.abc import Sequence
from contextlib import ExitStack
from functools import partial
from pathlib import Path
from typing import Any

from artreview_desktop import APP_NAME, APP_ORG, __version__
from artreview_desktop.core.account import AccountService
from artreview_desktop.core.appcontext import AppContext
from artreview_desktop.core.crash import CrashReport, CrashReporter
from artreview_desktop.core.logsetup import configure_logging
from artreview_desktop.core.network import check_platform
from artreview_desktop.core.paths import AppPaths
from artreview_desktop.core.photo import sweep_stale_sessions
from artreview_desktop.core.platform.client import PlatformClient
from artreview_desktop.core.platform.device import device_hash
from artreview_desktop.core.platform.tokens import KeyringTokenStore, MemoryTokenStore
from artreview_desktop.core.resources import resource
from artreview_desktop.core.settings import LANGUAGES, SettingsStore

log = logging.getLogger("artreview")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="artreview-desktop", description="艺术评价 ArtReview Desktop")
    parser.add_argument("--demo", action="store_true",
                        help="run against the embedded reference platform and local store (no cloud account)")
    parser.add_argument("--kiosk", action="store_true", help="exam-centre kiosk mode (full screen, PIN to exit)")
    parser.add_argument("--centre-config", type=Path, metavar="FILE",
                        help="the exam centre's signed configuration (kiosk mode; --demo has a demo centre)")
    parser.add_argument("--config", type=Path, metavar="FILE", help="settings file to use instead of the default")
    parser.add_argument("--lang", choices=LANGUAGES, help="user-interface language")
    parser.add_argument("--version", action="version", version=f"artreview-desktop {__version__}")
    # For supervisors and tests: print one JSON line on stdout once the window is up.
    parser.add_argument("--print-ready", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def _install_signal_wakeup(app: object) -> tuple[socket.socket, socket.socket, object]:
    """Let SIGTERM/SIGINT reach Python while Qt's event loop runs, and quit cleanly on them."""
    from PySide6.QtCore import QSocketNotifier
    from PySide6.QtWidgets import QApplication

    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    signal.set_wakeup_fd(writer.fileno())
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, app)  # type: ignore[call-overload]

    def drain() -> None:
        try:
            reader.recv(64)
        except OSError:
            pass

    notifier.activated.connect(drain)

    def on_signal(signum: int, _frame: object) -> None:
        log.info("signal %d: quitting", signum)
        QApplication.quit()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    return reader, writer, notifier  # the caller keeps these alive while the app runs


def _print_ready(api_url: str, demo: bool) -> None:
    print(json.dumps({"ready": True, "pid": os.getpid(), "demo": demo, "api_url": api_url}), flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    paths = AppPaths.default()
    paths.ensure()
    configure_logging(paths.log_dir)
    log.info("ArtReview Desktop %s starting", __version__)
    reporter = CrashReporter(paths.crash_dir, __version__)
    reporter.install()
    swept = sweep_stale_sessions(paths)  # photos left by a crash are deleted before anything else
    if swept:
        log.info("deleted %d photo files left by an earlier crash", swept)
    try:
        return _run_gui(args, paths, reporter)
    except Exception as exc:  # a failure before or around the event loop: tell the user, keep a report
        report = reporter.report(type(exc), exc, exc.__traceback__, origin="startup")
        print(f"artreview-desktop: could not start: {report.summary} (report: {report.path})", file=sys.stderr)
        _show_startup_failure(report.summary, str(report.path))
        return 1
    finally:
        reporter.uninstall()


def _show_startup_failure(summary: str, report_path: str) -> None:
    from PySide6.QtWidgets import QApplication, QMessageBox

    if QApplication.instance() is None:
        return
    QMessageBox.critical(
        None,
        QApplication.translate("Startup", "艺术评价无法启动"),
        QApplication.translate("Startup", "程序无法启动：{0}\n\n错误报告已保存在本机：{1}").format(
            summary, report_path
        ),
    )


def _run_gui(args: argparse.Namespace, paths: AppPaths, reporter: CrashReporter) -> int:
    store = SettingsStore(args.config or paths.settings_file)
    loaded = store.load()
    settings = loaded.settings
    if args.lang:
        settings.general.language = args.lang

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from artreview_desktop.ui.crash_dialog import CrashBridge, CrashDialog, install_qt_message_handler
    from artreview_desktop.ui.fonts import choose_ui_font
    from artreview_desktop.ui.i18n import LanguageManager
    from artreview_desktop.ui.main_window import MainWindow
    from artreview_desktop.ui.style import STYLE_SHEET
    from artreview_desktop.ui.workers import wait_for_jobs

    QApplication.setApplicationName(APP_NAME)
    QApplication.setOrganizationName(APP_ORG)
    QApplication.setApplicationVersion(__version__)
    app = QApplication(sys.argv[:1])
    app.setStyleSheet(STYLE_SHEET)
    if choose_ui_font() is None:
        log.warning("no Simplified-Chinese font found; Han characters may not display well")
    languages = LanguageManager(app, resource("i18n"))
    languages.apply(settings.general.language)

    bridge = CrashBridge()
    reporter.on_crash = bridge.notify
    install_qt_message_handler(reporter)
    dialogs: list[CrashDialog] = []
    wakeup = _install_signal_wakeup(app)

    with ExitStack() as cleanup:
        cleanup.callback(_close_wakeup, wakeup)
        api_url: str | None = settings.general.platform_url or None
        demo = args.demo or api_url is None
        platform: Any = None
        if demo:
            from artreview_platform.embedded import start_embedded

            platform = start_embedded(paths.data_dir / "demo-platform")
            cleanup.callback(platform.stop)
            api_url = platform.api_url
            log.info("demo platform on loopback")

        assert api_url is not None
        if args.kiosk:
            return _run_kiosk(app, args, paths, store, settings, api_url, demo, platform, languages, bridge, dialogs)
        context = AppContext(paths=paths, settings_store=store, settings=settings, api_url=api_url,
                             demo=demo, kiosk=args.kiosk, settings_problems=loaded.problems)
        client = PlatformClient(api_url, KeyringTokenStore(api_url))
        cleanup.callback(client.close)
        account = AccountService(client, partial(device_hash, paths.data_dir), context.consent_ledger)
        window = MainWindow(context, network_check=partial(check_platform, api_url, timeout_s=5.0), account=account)
        window.language_requested.connect(languages.apply)
        window.quit_requested.connect(app.quit)

        def show_crash(report: CrashReport) -> None:
            dialog = CrashDialog(report, window)
            dialogs.append(dialog)
            dialog.open()

        bridge.crashed.connect(show_crash)
        if args.kiosk:
            window.showFullScreen()
        else:
            window.show()
        window.start()
        update_hooks = _start_updates_and_crash_offer(app, context, client, window)
        if args.print_ready:
            QTimer.singleShot(0, lambda: _print_ready(api_url, demo))
        status = app.exec()
        del update_hooks  # kept alive until the event loop ends
        window.close()
        wait_for_jobs()
        log.info("ArtReview Desktop quit (%d)", status)
    return status


def _start_updates_and_crash_offer(app: Any, context: AppContext, client: PlatformClient, window: Any) -> Any:
    """After consent: offer pending crash reports (never sent without a click), then check for an
    update; an update never interrupts a recording or an upload."""
    from PySide6.QtCore import QTimer

    from artreview_desktop.core.upload.queue import ACTIVE
    from artreview_desktop.ui.crash_upload import CrashReportOffer
    from artreview_desktop.ui.update_dialog import create_update_controller

    def busy() -> bool:
        runner = window.upload_runner
        return bool(window.recording_page.busy or (
            runner is not None and any(item.state in ACTIVE for item in runner.queue.items())))

    updates = create_update_controller(context, client, window, busy)
    updates.quit_requested.connect(app.quit)
    crash_offer = CrashReportOffer(context, client, window)

    def after_consent(agreed: bool) -> None:
        if not agreed:
            return
        if crash_offer.offer() is None:
            updates.check()
        else:
            crash_offer.finished.connect(lambda _result: updates.check())

    window.consent_changed.connect(after_consent)
    if context.has_current_consent():
        QTimer.singleShot(0, lambda: after_consent(True))
    return updates, crash_offer


def _run_kiosk(app: Any, args: argparse.Namespace, paths: AppPaths, store: SettingsStore, settings: Any,
               api_url: str, demo: bool, platform: Any, languages: Any, bridge: Any, dialogs: list[Any]) -> int:
    """Kiosk mode: the signed centre configuration, the centre's login, then the kiosk shell."""
    from PySide6.QtCore import QTimer

    from artreview_desktop.core.kiosk import (
        CheckInUploads,
        ConfigRefused,
        KeyringUploadTokens,
        MemoryUploadTokens,
        PinGuard,
        centre_session_alive,
        load_centre_config,
        load_public_keys,
    )
    from artreview_desktop.core.kiosk_uploads import KioskUploads
    from artreview_desktop.core.upload.runner import app_runner
    from artreview_desktop.ui.crash_dialog import CrashDialog
    from artreview_desktop.ui.kiosk.centre_login import CentreLoginDialog
    from artreview_desktop.ui.kiosk.shell import KioskShell
    from artreview_desktop.ui.upload_worker import UploadWorker

    config_path = args.centre_config or (resource("kiosk", "demo-centre.json") if demo else None)
    if config_path is None:
        raise ConfigRefused("kiosk mode needs the centre's signed configuration: --centre-config FILE")
    config = load_centre_config(config_path, load_public_keys(resource("centre-keys"), include_development=demo))
    log.info("kiosk for centre %s, configuration %s", config.centre_id, config.config_hash[:12])
    centre_url = config.platform_url or api_url
    centre = PlatformClient(centre_url, _centre_token_store(centre_url, config.centre_id, demo))
    if platform is not None:
        centre.centre_login(platform.demo_centre_code, platform.demo_centre_password)  # demo: logged in for you
    elif not centre_session_alive(centre):
        login = CentreLoginDialog(centre, config.centre_name, os.environ.get("ARTREVIEW_CENTRE_CODE", ""))
        dialogs.append(login)
        if login.exec() != CentreLoginDialog.DialogCode.Accepted:
            log.info("kiosk: the centre login was cancelled")
            return 0
    context = AppContext(paths=paths, settings_store=store, settings=settings, api_url=config.platform_url or api_url,
                         demo=demo, kiosk=True)
    _fetch_published_policy(context, centre)
    guard = PinGuard(config.admin_pin_hash, paths.data_dir / "kiosk" / "pin-state.json")
    uploads = CheckInUploads(centre, MemoryUploadTokens() if demo else KeyringUploadTokens())
    runner = app_runner(paths.data_dir, uploads, settings.upload, demo=demo)
    worker = UploadWorker(runner)
    kiosk_uploads = KioskUploads(runner, uploads, paths.data_dir)
    kiosk_uploads.sweep()

    def requeue_stranded() -> None:
        """Takes whose hand-off was cut short (crash, power cut, a failed seal) join the queue again."""
        threading.Thread(target=kiosk_uploads.requeue_stranded, args=(context.recordings_dir,),
                         name="artreview-requeue", daemon=True).start()

    def retry_uploads() -> int:
        requeue_stranded()
        return kiosk_uploads.retry_failed()

    shell = KioskShell(context, config, centre, guard, upload_items=runner.queue.items,
                       retry_uploads=retry_uploads, export_uploads=kiosk_uploads.export_unfinished,
                       enqueue_upload=lambda session, take: kiosk_uploads.add_take(Path(take.path), session.exam.id),
                       enqueue_photo=lambda checkin, jpeg, spec: kiosk_uploads.add_photo(checkin.exam.id, jpeg, spec))
    shell.candidate_started.connect(
        lambda candidate: kiosk_uploads.remember(candidate.checkin.exam.id, candidate.checkin.candidate_access_token))
    shell.candidate_left.connect(kiosk_uploads.candidate_left)
    worker.start()  # a restart after a crash resumes the queue at once
    requeue_stranded()
    shell.exit_approved.connect(centre.tokens.clear)  # a deliberate exit: the next start asks for the password
    shell.exit_approved.connect(app.quit)
    def show_crash(report: Any) -> None:
        dialog = CrashDialog(report, shell)
        dialogs.append(dialog)
        dialog.open()

    bridge.crashed.connect(show_crash)
    shell.showFullScreen()
    if args.print_ready:
        QTimer.singleShot(0, lambda: _print_ready(context.api_url or "", demo))
    status: int = app.exec()
    worker.stop()
    log.info("kiosk quit (%d)", status)
    return status


def _fetch_published_policy(context: AppContext, client: PlatformClient) -> None:
    """A kiosk has no network prompt: at start it takes the platform's newer policy, if any, so
    every candidate reads and agrees to the current version. Offline: the last one fetched."""
    from artreview_desktop.core.privacy.policy import release_is_newer

    status = check_platform(client.api_url, timeout_s=5.0)
    if status.online and status.policy_version and release_is_newer(
            status.policy_version, status.children_policy_version, context.policy):
        try:
            context.published_policy.fetch(client)
            context.reload_policy()
        except Exception as error:  # the bundled or last fetched policy still applies
            log.warning("kiosk: the published policy could not be fetched: %s", type(error).__name__)


def _centre_token_store(api_url: str, centre_id: str, demo: bool) -> Any:
    """The centre session lives in the OS keyring (a restart resumes without the password); the
    demo platform changes its address every run, so its session stays in memory."""
    from artreview_desktop.core.platform.tokens import KeyringTokenStore, TokenStoreError

    if demo:
        return MemoryTokenStore()
    store = KeyringTokenStore(f"{api_url.rstrip('/')}#centre={centre_id}")
    try:
        store.load()
    except TokenStoreError as error:
        log.warning("kiosk: %s; the centre session is kept in memory only", error)
        return MemoryTokenStore()
    return store


def _close_wakeup(wakeup: tuple[socket.socket, socket.socket, object]) -> None:
    signal.set_wakeup_fd(-1)
    for end in wakeup[:2]:
        end.close()


if __name__ == "__main__":
    raise SystemExit(main())
