"""Crash reports reach the platform only with consent, redacted (twice), and are never offered twice."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from artreview_desktop.core.appcontext import AppContext
from artreview_desktop.core.crash import CrashReporter
from artreview_desktop.core.crash_reports import NEVER, decline, payload_for, pending_reports, send_pending
from artreview_desktop.core.paths import AppPaths
from artreview_desktop.core.platform.client import PlatformClient
from artreview_desktop.core.platform.tokens import MemoryTokenStore
from artreview_desktop.core.settings import SettingsStore
from artreview_desktop.ui.crash_upload import CrashReportOffer
from artreview_platform.embedded import EmbeddedPlatform

PHONE = "13812345678"


def _crash(crash_dir: Path) -> Path:
    reporter = CrashReporter(crash_dir, "0.1.0")
    try:
        raise RuntimeError(f"upload for {PHONE} failed")
    except RuntimeError as exc:
        return reporter.report(type(exc), exc, exc.__traceback__).path


def _old_style_report(crash_dir: Path) -> Path:
    """A report written without redaction (say, by an older version): it must be cleaned before sending."""
    path = crash_dir / "crash-20261101-000000-0ld0ne00.json"
    path.write_text(json.dumps({"time": "2026-11-01T00:00:00+0000", "app_version": "0.0.9", "origin": "main",
                                "summary": f"ValueError: bad phone {PHONE}",
                                "traceback": "access_token=abcdef123456 in login"}), encoding="utf-8")
    return path


def _stored(platform: EmbeddedPlatform) -> list[dict[str, str]]:
    return [json.loads(p.read_text("utf-8")) for p in platform.crash_reports.reports()]


def test_pending_reports_are_sent_redacted_and_marked_sent(
    app_paths: AppPaths, demo_platform: EmbeddedPlatform, client: PlatformClient,
) -> None:
    _crash(app_paths.crash_dir)
    old = _old_style_report(app_paths.crash_dir)
    pending = pending_reports(app_paths.crash_dir)
    assert len(pending) == 2
    assert all(PHONE not in json.dumps(report.payload) for report in pending)  # what the user is shown

    result = send_pending(pending, client)
    assert len(result.sent) == 2 and result.failed == []
    stored = _stored(demo_platform)
    assert len(stored) == 2
    text = json.dumps(stored, ensure_ascii=False)
    assert PHONE not in text and "abcdef123456" not in text
    assert "[PHONE]" in text
    assert pending_reports(app_paths.crash_dir) == []  # never offered again
    assert (app_paths.crash_dir / "sent" / old.name).exists()


def test_the_platform_redacts_again_and_stores_a_retried_report_once(
    demo_platform: EmbeddedPlatform, client: PlatformClient,
) -> None:
    report = {"report_id": "abcdef0123", "summary": f"call me on {PHONE}", "traceback": "password=hunter22"}
    assert client.send_crash_report(report) is False
    assert client.send_crash_report(report) is True  # a retry: already there
    [stored] = _stored(demo_platform)
    assert PHONE not in stored["summary"] and "hunter22" not in stored["traceback"]


def test_nothing_is_sent_when_the_platform_is_down_and_the_reports_stay_pending(
    app_paths: AppPaths, demo_platform: EmbeddedPlatform,
) -> None:
    _crash(app_paths.crash_dir)
    url = demo_platform.api_url
    demo_platform.stop()
    client = PlatformClient(url, MemoryTokenStore(), retries=0)
    result = send_pending(pending_reports(app_paths.crash_dir), client)
    client.close()
    assert result.sent == [] and len(result.failed) == 1
    assert len(pending_reports(app_paths.crash_dir)) == 1


def test_declined_and_never_mean_nothing_is_offered(app_paths: AppPaths) -> None:
    _crash(app_paths.crash_dir)
    assert pending_reports(app_paths.crash_dir, NEVER) == []
    decline(pending_reports(app_paths.crash_dir))
    assert pending_reports(app_paths.crash_dir) == []
    assert len(list((app_paths.crash_dir / "declined").glob("crash-*.json"))) == 1


def test_payload_keeps_only_known_fields(app_paths: AppPaths) -> None:
    path = _crash(app_paths.crash_dir)
    payload = payload_for(path)
    assert set(payload) == {"report_id", "time", "app_version", "python", "os", "origin", "summary", "traceback"}
    assert payload["report_id"] == path.stem.removeprefix("crash-")


# --- the dialog ----------------------------------------------------------------------------------
def _offer(qtbot: QtBot, context: AppContext, client: PlatformClient) -> CrashReportOffer:
    window = QWidget()
    qtbot.addWidget(window)
    return CrashReportOffer(context, client, window)


@pytest.mark.gui
def test_sending_happens_only_after_the_user_clicks_send(
    qtbot: QtBot, context: AppContext, demo_platform: EmbeddedPlatform, client: PlatformClient,
) -> None:
    _crash(context.paths.crash_dir)
    offer = _offer(qtbot, context, client)
    dialog = offer.offer()
    assert dialog is not None and dialog.list.count() == 1
    assert PHONE not in dialog.details.toPlainText() and "RuntimeError" in dialog.details.toPlainText()
    assert _stored(demo_platform) == []  # asking sends nothing
    with qtbot.waitSignal(offer.finished, timeout=10_000) as done:
        qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    assert len(done.args[0].sent) == 1
    assert len(_stored(demo_platform)) == 1
    assert offer.offer() is None  # nothing left to ask about


@pytest.mark.gui
def test_dont_send_and_never_ask_again_is_remembered(
    qtbot: QtBot, context: AppContext, demo_platform: EmbeddedPlatform, client: PlatformClient,
) -> None:
    _crash(context.paths.crash_dir)
    offer = _offer(qtbot, context, client)
    dialog = offer.offer()
    assert dialog is not None
    dialog.choice.setCurrentIndex(dialog.choice.findData(NEVER))
    with qtbot.waitSignal(offer.finished, timeout=10_000) as done:
        qtbot.mouseClick(dialog.skip_button, Qt.MouseButton.LeftButton)
    assert done.args[0] is None
    assert _stored(demo_platform) == []
    saved = SettingsStore(context.paths.settings_file).load().settings
    assert saved.general.crash_reports == NEVER
    _crash(context.paths.crash_dir)  # a later crash is not offered at all
    assert offer.offer() is None
