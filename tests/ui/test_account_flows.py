"""Login, minors' consent and account security, driven through the widgets against the real
reference platform on loopback."""

from __future__ import annotations

import http.server
import json
import threading
from collections.abc import Iterator
from datetime import date
from functools import partial
from pathlib import Path

import cv2
import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from artreview_desktop.core.account import AccountService
from artreview_desktop.core.appcontext import AppContext
from artreview_desktop.core.network import check_platform
from artreview_desktop.core.platform.client import PlatformClient
from artreview_desktop.core.platform.tokens import MemoryTokenStore
from artreview_desktop.core.privacy.consent import Action, Document
from artreview_desktop.core.privacy.permissions import Permission
from artreview_desktop.core.upload.errors import KeyStoreError
from artreview_desktop.core.upload.queue import ItemState
from artreview_desktop.core.upload.takekeys import MemoryTakeKeys
from artreview_desktop.ui.login import LoginDialog
from artreview_desktop.ui.main_window import MainWindow
from artreview_desktop.ui.minors import BirthDateDialog, GuardianConsentDialog
from artreview_desktop.ui.permissions import PermissionPrompt
from artreview_platform.embedded import EmbeddedPlatform
from tests.core.test_published_policy import new_release
from tests.photo.conftest import astronaut
from tests.ui.conftest import type_text

PHONE = "13800138002"


@pytest.fixture
def window(qtbot: QtBot, context: AppContext, demo_platform: EmbeddedPlatform, tmp_path: Path) -> MainWindow:
    context.api_url = demo_platform.api_url
    context.demo = False  # a real platform: the code comes by SMS (the demo autofill is tested below)
    account = AccountService(PlatformClient(demo_platform.api_url, MemoryTokenStore()), lambda: "f" * 64,
                             context.consent_ledger)
    main = MainWindow(context, account=account, choose_path=lambda _parent, _suggested: str(tmp_path / "me.json"))
    qtbot.addWidget(main)
    main.show()
    return main


def _open_login(window: MainWindow) -> LoginDialog:
    window.home_page.login_button.click()
    dialog = window.login_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def _request_code(qtbot: QtBot, window: MainWindow, dialog: LoginDialog, phone: str) -> None:
    type_text(dialog.phone_edit, phone)
    if window.context.permissions.decision(Permission.LOGIN_SMS).value == "not_asked":
        with qtbot.waitSignal(window.permission_gate.prompt_shown, timeout=3000) as shown:
            dialog.send_code_button.click()
        prompt: PermissionPrompt = shown.args[0]
        assert prompt.spec.permission is Permission.LOGIN_SMS
        prompt.allow_button.click()
    else:
        dialog.send_code_button.click()


def _log_in(qtbot: QtBot, window: MainWindow, platform: EmbeddedPlatform, phone: str = PHONE) -> None:
    dialog = _open_login(window)
    _request_code(qtbot, window, dialog, phone)
    qtbot.waitUntil(lambda: dialog.send_code_button.counting, timeout=10_000)
    assert "已发送" in dialog.message.text()
    type_text(dialog.code_edit, platform.latest_sms_code(phone))
    with qtbot.waitSignal(dialog.logged_in, timeout=10_000):
        dialog.login_button.click()


def _answer_birth_date(qtbot: QtBot, window: MainWindow, born: date) -> None:
    qtbot.waitUntil(lambda: isinstance(window.minors_flow and window.minors_flow.dialog, BirthDateDialog),
                    timeout=5000)
    assert window.minors_flow is not None
    dialog = window.minors_flow.dialog
    assert isinstance(dialog, BirthDateDialog)
    dialog.date_edit.setDate(QDate(born.year, born.month, born.day))
    dialog.next_button.click()


def test_adult_login_end_to_end(qtbot: QtBot, window: MainWindow, demo_platform: EmbeddedPlatform) -> None:
    _log_in(qtbot, window, demo_platform)
    _answer_birth_date(qtbot, window, date(1990, 5, 5))
    assert window.minors_flow is not None
    with qtbot.waitSignal(window.minors_flow.finished, timeout=10_000) as done:
        pass
    assert done.args[0] is not None
    assert window.home_page.account_label.text() == "已登录：138****8002"
    assert window.settings_page.logout_button.isVisibleTo(window.settings_page)
    assert window.account is not None
    consents = window.account.client.export_data()["consents"]
    assert consents[-1]["age_band"] == "adult" and consents[-1]["accepted"] is True
    assert window.context.oplog.entries()[-1]["action"] == "login"


def test_invalid_phone_is_refused_before_any_request(
    qtbot: QtBot, window: MainWindow, demo_platform: EmbeddedPlatform
) -> None:
    dialog = _open_login(window)
    type_text(dialog.phone_edit, "1234")
    dialog.send_code_button.click()
    assert "11 位手机号" in dialog.message.text()
    assert window.permission_gate.current_prompt is None
    assert demo_platform.sms_messages() == []


def test_wrong_code_then_rate_limit(qtbot: QtBot, window: MainWindow, demo_platform: EmbeddedPlatform) -> None:
    dialog = _open_login(window)
    _request_code(qtbot, window, dialog, PHONE)
    qtbot.waitUntil(lambda: dialog.send_code_button.counting, timeout=10_000)
    right = demo_platform.latest_sms_code(PHONE)
    type_text(dialog.code_edit, "000000" if right != "000000" else "111111")
    dialog.login_button.click()
    qtbot.waitUntil(lambda: "验证码不正确" in dialog.message.text(), timeout=10_000)
    dialog.reject()

    again = _open_login(window)  # a second dialog asks again within the 60 s
    _request_code(qtbot, window, again, PHONE)
    qtbot.waitUntil(lambda: "频繁" in again.message.text(), timeout=10_000)
    assert again.send_code_button.isEnabled()


def test_expired_code(qtbot: QtBot, window: MainWindow, demo_platform: EmbeddedPlatform) -> None:
    dialog = _open_login(window)
    _request_code(qtbot, window, dialog, PHONE)
    qtbot.waitUntil(lambda: dialog.send_code_button.counting, timeout=10_000)
    demo_platform.clock.advance(301)
    type_text(dialog.code_edit, demo_platform.latest_sms_code(PHONE))
    dialog.login_button.click()
    qtbot.waitUntil(lambda: "过期" in dialog.message.text(), timeout=10_000)


def test_platform_down_is_explained(qtbot: QtBot, window: MainWindow, demo_platform: EmbeddedPlatform) -> None:
    demo_platform.stop()
    dialog = _open_login(window)
    _request_code(qtbot, window, dialog, PHONE)
    qtbot.waitUntil(lambda: "无法连接考试平台" in dialog.message.text(), timeout=15_000)


def test_twelve_year_old_with_guardian_consent(
    qtbot: QtBot, window: MainWindow, demo_platform: EmbeddedPlatform
) -> None:
    _log_in(qtbot, window, demo_platform)
    twelve = date(date.today().year - 12, 1, 1)
    _answer_birth_date(qtbot, window, twelve)
    assert window.minors_flow is not None
    qtbot.waitUntil(lambda: isinstance(window.minors_flow.dialog, GuardianConsentDialog), timeout=5000)  # type: ignore[union-attr]
    guardian = window.minors_flow.dialog
    assert isinstance(guardian, GuardianConsentDialog)
    demo_platform.clock.advance(61)
    type_text(guardian.name_edit, "王芳")
    type_text(guardian.phone_edit, "13900139002")
    guardian.code_button.click()
    qtbot.waitUntil(lambda: guardian.code_button.counting, timeout=10_000)
    type_text(guardian.code_edit, demo_platform.latest_sms_code("13900139002", "guardian"))
    guardian.submit_button.click()
    assert "勾选" in guardian.message.text()  # nothing pre-ticked: the guardian must agree
    guardian.agree_box.setChecked(True)
    with qtbot.waitSignal(window.minors_flow.finished, timeout=10_000) as done:
        guardian.submit_button.click()
    status = done.args[0]
    assert status is not None and status.guardian_verified
    assert status.may_collect_exam_data(date.today())
    latest = window.context.consent_ledger.latest(Document.CHILDREN_STATEMENT)
    assert latest is not None and latest.guardian_verified
    consents = window.account.client.export_data()["consents"]  # type: ignore[union-attr]
    assert consents[-1]["age_band"] == "under14"


def test_twelve_year_old_without_guardian_collects_nothing(
    qtbot: QtBot, window: MainWindow, demo_platform: EmbeddedPlatform
) -> None:
    _log_in(qtbot, window, demo_platform)
    _answer_birth_date(qtbot, window, date(date.today().year - 12, 3, 3))
    assert window.minors_flow is not None
    qtbot.waitUntil(lambda: isinstance(window.minors_flow.dialog, GuardianConsentDialog), timeout=5000)  # type: ignore[union-attr]
    with qtbot.waitSignal(window.minors_flow.finished, timeout=5000) as done:
        window.minors_flow.dialog.cancel_button.click()  # type: ignore[union-attr]
    assert done.args[0] is None
    assert window.minor_status is None
    assert window.account is not None and window.account.profile is not None
    assert window.context.minor_records.load(window.account.profile.account_id) is None
    consents = window.account.client.export_data()["consents"]
    assert consents == []  # no consent was recorded for the child


def _open_security(qtbot: QtBot, window: MainWindow, demo_platform: EmbeddedPlatform):  # type: ignore[no-untyped-def]
    _log_in(qtbot, window, demo_platform)
    _answer_birth_date(qtbot, window, date(1985, 1, 1))
    qtbot.waitUntil(lambda: window.minor_status is not None, timeout=10_000)
    window.show_page(window.pages.index(window.settings_page))
    window.settings_page.security_button.click()
    dialog = window.security_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_change_phone_export_and_logout(
    qtbot: QtBot, window: MainWindow, demo_platform: EmbeddedPlatform, tmp_path: Path
) -> None:
    dialog = _open_security(qtbot, window, demo_platform)
    demo_platform.clock.advance(61)
    type_text(dialog.new_phone_edit, "13700137002")
    dialog.change_code_button.click()
    qtbot.waitUntil(lambda: dialog.change_code_button.counting, timeout=10_000)
    type_text(dialog.change_code_edit, demo_platform.latest_sms_code("13700137002", "change_phone"))
    with qtbot.waitSignal(dialog.phone_changed, timeout=10_000):
        dialog.change_button.click()
    assert window.settings_page.account_label.text() == "已登录：137****7002"

    dialog.export_button.click()
    target = tmp_path / "me.json"
    qtbot.waitUntil(lambda: "已导出" in dialog.message.text(), timeout=10_000)
    exported = json.loads(target.read_text(encoding="utf-8"))
    assert exported["platform"]["account"]["phone"].endswith("13700137002")
    assert exported["local_consent_ledger"][0]["document"] == "privacy_policy"
    assert "login" in [entry["action"] for entry in exported["local_operation_log"]]
    dialog.reject()

    window.settings_page.logout_button.click()
    qtbot.waitUntil(lambda: window.settings_page.account_label.text() == "未登录", timeout=10_000)
    assert window.account is not None and window.account.client.tokens.load() is None


def test_delete_account_wipes_this_machine(
    qtbot: QtBot, window: MainWindow, demo_platform: EmbeddedPlatform
) -> None:
    dialog = _open_security(qtbot, window, demo_platform)
    paths = window.context.paths
    (paths.recordings_dir / "take-1.mp4").parent.mkdir(parents=True, exist_ok=True)
    (paths.recordings_dir / "take-1.mp4").write_bytes(b"video")
    demo_platform.clock.advance(61)
    dialog.delete_code_button.click()
    qtbot.waitUntil(lambda: dialog.delete_code_button.counting, timeout=10_000)
    type_text(dialog.delete_code_edit, demo_platform.latest_sms_code(PHONE, "delete_account"))
    dialog.delete_button.click()
    assert "勾选" in dialog.message.text()
    dialog.delete_confirm.setChecked(True)
    with qtbot.waitSignal(dialog.account_deleted, timeout=10_000):
        dialog.delete_button.click()
    qtbot.waitUntil(lambda: window.settings_page.account_label.text() == "未登录", timeout=10_000)
    assert not (paths.recordings_dir / "take-1.mp4").exists()
    assert not (paths.data_dir / "accounts").exists() or not any((paths.data_dir / "accounts").rglob("*"))
    assert window.context.permissions.decision(Permission.LOGIN_SMS).value == "not_asked"


def test_withdraw_consent_stops_processing(
    qtbot: QtBot, window: MainWindow, demo_platform: EmbeddedPlatform
) -> None:
    dialog = _open_security(qtbot, window, demo_platform)
    account = window.account
    assert account is not None
    with qtbot.waitSignal(dialog.consent_withdrawn, timeout=10_000):
        dialog.withdraw_consent_now()
    qtbot.waitUntil(lambda: window.settings_page.account_label.text() == "未登录", timeout=10_000)
    assert window.restricted
    latest = window.context.consent_ledger.latest(Document.PRIVACY_POLICY)
    assert latest is not None and latest.action is Action.WITHDRAW
    assert not window.context.has_current_consent()
    assert window.context.oplog.record("anything") is False  # processing has stopped


class _CountingHealth(http.server.BaseHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self) -> None:
        type(self).requests.append(self.path)
        body = b'{"status": "ok"}'
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self) -> None:
        type(self).requests.append(self.path)
        self.send_response(404)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        return


@pytest.fixture
def counting_platform() -> Iterator[tuple[str, list[str]]]:
    handler = type("Counting", (_CountingHealth,), {"requests": []})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/api/v1", handler.requests
    server.shutdown()
    server.server_close()


def test_before_consent_nothing_is_requested_or_written(
    qtbot: QtBot, fresh_context: AppContext, counting_platform: tuple[str, list[str]]
) -> None:
    url, seen = counting_platform
    account = AccountService(PlatformClient(url, MemoryTokenStore()), lambda: "f" * 64, fresh_context.consent_ledger)
    window = MainWindow(fresh_context, network_check=lambda: check_platform(url), account=account)
    qtbot.addWidget(window)
    window.show()
    window.start()
    assert window.consent_dialog is not None
    qtbot.waitExposed(window.consent_dialog)
    window.home_page.login_button.click()  # the user pokes around before deciding
    assert seen == []
    assert [p for p in fresh_context.paths.data_dir.rglob("*") if p.is_file()] == []

    window.consent_dialog.agree_box.setChecked(True)
    with qtbot.waitSignal(window.permission_gate.prompt_shown, timeout=3000) as shown:
        window.consent_dialog.agree_button.click()
    assert window.network_checker is not None
    with qtbot.waitSignal(window.network_checker.checked, timeout=5000):
        shown.args[0].allow_button.click()
    assert seen == ["/api/v1/health"]  # the network check, and nothing else


def test_notice_for_platform_errors(qtbot: QtBot, window: MainWindow) -> None:
    window._show_error(RuntimeError("x"))
    assert isinstance(window.notice, QMessageBox)
    assert window.notice.isVisible()


def test_demo_mode_fills_in_the_code_from_the_demo_inbox(
    qtbot: QtBot, window: MainWindow, demo_platform: EmbeddedPlatform
) -> None:
    window.context.demo = True
    dialog = _open_login(window)
    _request_code(qtbot, window, dialog, PHONE)
    qtbot.waitUntil(lambda: len(dialog.code_edit.text()) == 6, timeout=10_000)
    assert dialog.code_edit.text() == demo_platform.latest_sms_code(PHONE)
    assert "演示模式" in dialog.message.text()
    with qtbot.waitSignal(dialog.logged_in, timeout=10_000):
        dialog.login_button.click()


def test_a_policy_published_mid_session_is_accepted_again_before_anything_else(
    qtbot: QtBot, context: AppContext, demo_platform: EmbeddedPlatform
) -> None:
    context.api_url = demo_platform.api_url
    context.demo = False
    account = AccountService(PlatformClient(demo_platform.api_url, MemoryTokenStore()), lambda: "f" * 64,
                             context.consent_ledger)
    main = MainWindow(context, network_check=partial(check_platform, demo_platform.api_url), account=account)
    qtbot.addWidget(main)
    main.show()
    assert main.network_checker is not None
    with qtbot.waitSignal(main.network_checker.checked, timeout=10_000):
        main.start()
    _log_in(qtbot, main, demo_platform)
    _answer_birth_date(qtbot, main, date(1990, 5, 5))
    assert main.minors_flow is not None
    qtbot.waitUntil(lambda: main.minor_status is not None, timeout=10_000)

    demo_platform.publish_policy(new_release("1.1"))
    main.check_network()
    qtbot.waitUntil(lambda: main.consent_dialog is not None and main.consent_dialog.isVisible()
                    and main.consent_dialog.bundle.privacy_policy.version == "1.1", timeout=10_000)
    dialog = main.consent_dialog
    assert dialog is not None
    assert "1.1" in dialog.intro.text() and "人脸照片的保存期限" in dialog.changes.text()
    assert not context.has_current_consent()  # nothing is processed under the old consent meanwhile
    qtbot.waitUntil(lambda: not main.upload_worker.isRunning(), timeout=10_000)  # type: ignore[union-attr]  # stopped
    assert main.minor_status is not None
    dialog.agree_box.setChecked(True)
    dialog.agree_button.click()
    assert context.consent_ledger.has_consent(Document.PRIVACY_POLICY, "1.1")
    assert main.upload_worker.isRunning()  # and they go on once it is accepted
    _answer_birth_date(qtbot, main, date(1990, 5, 5))  # the account's consent is given again, for 1.1
    qtbot.waitUntil(lambda: main.minor_status is not None, timeout=10_000)
    consents = account.client.export_data()["consents"]
    assert consents[-1]["policy_version"] == "1.1" and consents[-1]["accepted"] is True


def test_refusing_a_policy_published_mid_session_stops_processing(
    qtbot: QtBot, context: AppContext, demo_platform: EmbeddedPlatform
) -> None:
    context.api_url = demo_platform.api_url
    context.demo = False
    account = AccountService(PlatformClient(demo_platform.api_url, MemoryTokenStore()), lambda: "f" * 64,
                             context.consent_ledger)
    demo_platform.publish_policy(new_release("1.1"))
    main = MainWindow(context, network_check=partial(check_platform, demo_platform.api_url), account=account)
    qtbot.addWidget(main)
    main.show()
    main.start()
    qtbot.waitUntil(lambda: main.consent_dialog is not None and main.consent_dialog.isVisible(), timeout=10_000)
    assert main.upload_worker is not None
    main.consent_dialog.disagree_button.click()  # type: ignore[union-attr]
    assert main.restricted
    qtbot.waitUntil(lambda: not main.upload_worker.isRunning(), timeout=10_000)  # type: ignore[union-attr]
    assert main.account is not None and not main.account.logged_in


def test_operation_log_is_viewed_exported_and_sent_only_when_confirmed(
    qtbot: QtBot, window: MainWindow, demo_platform: EmbeddedPlatform, tmp_path: Path
) -> None:
    window.context.oplog.record("photo_page_opened", phone=PHONE)  # a careless caller: redacted anyway
    window.settings_page.oplog_button.click()
    dialog = window.oplog_dialog
    assert dialog is not None and dialog.isVisible()
    assert not dialog.send_button.isEnabled()  # nobody logged in: nothing can be sent
    shown = [dialog.table.item(row, col).text() for row in range(dialog.table.rowCount()) for col in range(3)]
    assert "photo_page_opened" in shown and not any(PHONE in text for text in shown)
    assert "打开页面" in shown  # known actions in plain words (the settings page was opened)
    dialog.export_button.click()
    exported = json.loads((tmp_path / "me.json").read_text("utf-8"))["operation_log"]
    assert "photo_page_opened" in [e["action"] for e in exported]
    assert PHONE not in json.dumps(exported)
    dialog.close_button.click()

    _log_in(qtbot, window, demo_platform)
    _answer_birth_date(qtbot, window, date(1990, 5, 5))
    qtbot.waitUntil(lambda: window.minor_status is not None, timeout=10_000)
    window.settings_page.oplog_button.click()
    dialog = window.oplog_dialog
    assert dialog is not None
    assert dialog.table.item(0, 1).data(Qt.ItemDataRole.UserRole) == "login"  # newest first
    assert dialog.table.item(0, 1).text() == "登录成功"
    assert dialog.send_button.isEnabled()
    account_id = window.account.profile.account_id  # type: ignore[union-attr]
    dialog.send_button.click()
    assert dialog.confirm_box is not None
    dialog.confirm_box.reject()  # "不发送": nothing leaves the machine
    assert demo_platform.operation_logs.logs(account_id) == []
    local = window.context.oplog.entries()
    dialog.send_button.click()
    dialog.send_yes_button.click()
    qtbot.waitUntil(lambda: f"已发送 {len(local)} 条" in dialog.message.text(), timeout=10_000)
    sent = demo_platform.operation_logs.logs(account_id)
    assert sent[0]["entries"] == local
    assert window.context.oplog.entries()[-1]["action"] == "operation_log_sent"


class LockedKeyring(MemoryTakeKeys):
    """A keyring that is locked: nothing can be sealed (what a user without an unlocked keyring has)."""

    def put(self, seal_id: str, key: bytes) -> None:
        raise KeyStoreError("the keyring is locked")


def _photo_window(qtbot: QtBot, context: AppContext, platform: EmbeddedPlatform, keys: MemoryTakeKeys,
                  photo_file: Path) -> MainWindow:
    context.api_url = platform.api_url
    context.demo = True  # the demo store is on loopback, which only demo mode may upload to
    account = AccountService(PlatformClient(platform.api_url, MemoryTokenStore()), lambda: "f" * 64,
                             context.consent_ledger)
    main = MainWindow(context, account=account, take_keys=keys)
    main.photo_page._open_chooser = lambda _parent: str(photo_file)
    qtbot.addWidget(main)
    main.show()
    return main


def _make_photo_for_the_dance_exam(qtbot: QtBot, main: MainWindow, demo_platform: EmbeddedPlatform) -> str:
    assert main.account is not None  # (the login dialog itself is tested above)
    main.account.request_code(PHONE)
    main.account.login(PHONE, demo_platform.latest_sms_code(PHONE))
    main._on_logged_in(main.account.profile)
    _answer_birth_date(qtbot, main, date(1990, 5, 5))
    qtbot.waitUntil(lambda: main.minor_status is not None, timeout=10_000)
    main.show_page(main.pages.index(main.photo_page))
    page = main.photo_page
    qtbot.waitUntil(lambda: page.exam_combo.count() == 3, timeout=10_000)  # the account's exams
    page.exam_combo.setCurrentIndex(page.exam_combo.findText("中国舞", Qt.MatchFlag.MatchContains))
    assert (page.spec().width, page.spec().height) == (413, 531)  # the exam's spec was chosen for it
    with qtbot.waitSignal(page.photo_ready, timeout=30_000):
        page.upload_button.click()
    qtbot.waitUntil(page.submit_button.isEnabled, timeout=10_000)
    return str(page.exam_combo.currentData())


def test_the_id_photo_is_submitted_to_the_chosen_exam_sealed_and_verified(
    qtbot: QtBot, context: AppContext, demo_platform: EmbeddedPlatform, tmp_path: Path
) -> None:
    source = tmp_path / "me.png"
    cv2.imwrite(str(source), astronaut())
    keys = MemoryTakeKeys()
    main = _photo_window(qtbot, context, demo_platform, keys, source)
    exam_id = _make_photo_for_the_dance_exam(qtbot, main, demo_platform)
    assert main.upload_runner is not None and main.upload_worker is not None
    page = main.photo_page
    page.submit_button.click()
    qtbot.waitUntil(lambda: "已加密加入上传队列" in page.status.text(), timeout=10_000)
    item = next(i for i in main.upload_runner.queue.items() if i.kind == "id_photo")
    assert item.sealed and item.exam_id == exam_id
    main.start_uploads()
    # Verified by the platform, then released: the key and the sealed copy are destroyed.
    qtbot.waitUntil(lambda: main.upload_runner.queue.get(item.id).released == "deleted",  # type: ignore[union-attr]
                    timeout=30_000)
    assert main.upload_runner.queue.get(item.id).state == ItemState.DONE
    assert len(keys) == 0
    main.show_page(0)  # leaving the page deletes the page's own copies too
    images = [p for p in context.paths.data_dir.rglob("*") if p.is_file() and p.read_bytes()[:3] == b"\xff\xd8\xff"]
    assert images == []
    main.upload_worker.stop()


def test_a_locked_keyring_means_the_photo_is_not_submitted_and_says_why(
    qtbot: QtBot, context: AppContext, demo_platform: EmbeddedPlatform, tmp_path: Path
) -> None:
    source = tmp_path / "me.png"
    cv2.imwrite(str(source), astronaut())
    main = _photo_window(qtbot, context, demo_platform, LockedKeyring(), source)
    _make_photo_for_the_dance_exam(qtbot, main, demo_platform)
    main.photo_page.submit_button.click()
    qtbot.waitUntil(lambda: "钥匙串不可用" in main.photo_page.status.text(), timeout=10_000)
    assert main.photo_page.submit_button.isEnabled()  # it can be tried again once unlocked
    assert main.upload_runner is not None and main.upload_runner.queue.items() == []
    staged = context.paths.data_dir / "upload-photos"
    assert not staged.exists() or list(staged.glob("*.jpg")) == []  # nothing left in plain view either


def test_a_new_children_s_statement_alone_is_shown_and_agreed_to_again(
    qtbot: QtBot, context: AppContext, demo_platform: EmbeddedPlatform
) -> None:
    context.api_url = demo_platform.api_url
    account = AccountService(PlatformClient(demo_platform.api_url, MemoryTokenStore()), lambda: "f" * 64,
                             context.consent_ledger)
    same = context.policy.privacy_policy.version
    demo_platform.publish_policy(new_release(same, children_version="1.1"))
    main = MainWindow(context, network_check=partial(check_platform, demo_platform.api_url), account=account)
    qtbot.addWidget(main)
    main.show()
    main.start()
    qtbot.waitUntil(lambda: main.consent_dialog is not None and main.consent_dialog.isVisible(), timeout=10_000)
    dialog = main.consent_dialog
    assert dialog is not None and "《儿童隐私保护声明》已更新为 1.1 版" in dialog.intro.text()
    dialog.agree_box.setChecked(True)
    dialog.agree_button.click()
    assert context.consent_ledger.has_consent(Document.CHILDREN_STATEMENT, "1.1") and context.has_current_consent()
