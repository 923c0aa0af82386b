"""First-run consent, policy updates, the permission prompts at their triggers, and Settings."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from artreview_desktop.core.appcontext import AppContext
from artreview_desktop.core.network import NetworkState, NetworkStatus
from artreview_desktop.core.privacy.consent import Document
from artreview_desktop.core.privacy.permissions import Decision, Permission, PermissionSpec, Trigger
from artreview_desktop.ui.main_window import MainWindow
from artreview_desktop.ui.permissions import PermissionGate, PermissionPrompt


class DenyingOs:
    """The OS refuses camera/microphone (what a macOS/Windows user who said no would get)."""

    def request(self, permission: Permission, done: Callable[[bool], None]) -> None:
        done(False)


def _files_under(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()]


def _window(qtbot: QtBot, context: AppContext, **kwargs: object) -> MainWindow:
    checks: list[int] = []

    def check() -> NetworkStatus:
        checks.append(1)
        return NetworkStatus(NetworkState.ONLINE, 1.0)

    window = MainWindow(context, network_check=check, **kwargs)  # type: ignore[arg-type]
    window.network_checks = checks  # type: ignore[attr-defined]
    qtbot.addWidget(window)
    window.show()
    return window


def test_first_run_shows_the_policy_with_nothing_ticked(qtbot: QtBot, fresh_context: AppContext) -> None:
    window = _window(qtbot, fresh_context)
    window.start()
    dialog = window.consent_dialog
    assert dialog is not None and dialog.isVisible()
    assert not dialog.agree_box.isChecked()
    assert not dialog.agree_button.isEnabled()
    assert "隐私政策" in dialog.policy_view.toPlainText()
    assert "儿童" in dialog.children_view.toPlainText()
    dialog.agree_box.setChecked(True)
    assert dialog.agree_button.isEnabled()


def test_disagree_leaves_only_the_policy_and_quit(qtbot: QtBot, fresh_context: AppContext) -> None:
    window = _window(qtbot, fresh_context)
    window.start()
    assert window.consent_dialog is not None
    window.consent_dialog.disagree_button.click()

    assert window.restricted
    assert window.stack.currentWidget() is window.policy_only_page
    assert window.network_checks == []  # type: ignore[attr-defined]
    assert window.permission_gate.current_prompt is None
    assert _files_under(fresh_context.paths.data_dir) == []  # nothing collected, nothing written
    assert not fresh_context.paths.settings_file.exists()
    assert window.policy_only_page is not None
    with qtbot.waitSignal(window.quit_requested, timeout=2000):
        window.policy_only_page.quit_button.click()


def test_agree_records_consent_then_asks_for_the_network(qtbot: QtBot, fresh_context: AppContext) -> None:
    window = _window(qtbot, fresh_context)
    window.start()
    assert window.consent_dialog is not None
    window.consent_dialog.disagree_button.click()
    assert window.policy_only_page is not None
    window.policy_only_page.reconsider_button.click()  # changes their mind
    dialog = window.consent_dialog
    dialog.agree_box.setChecked(True)
    with qtbot.waitSignal(window.permission_gate.prompt_shown, timeout=2000) as shown:
        dialog.agree_button.click()

    assert not window.restricted
    ledger = fresh_context.consent_ledger
    assert ledger.has_consent(Document.PRIVACY_POLICY, fresh_context.policy.privacy_policy.version)
    assert ledger.has_consent(Document.CHILDREN_STATEMENT, fresh_context.policy.children_statement.version)
    prompt: PermissionPrompt = shown.args[0]
    assert prompt.spec.permission is Permission.NETWORK
    assert window.network_checks == []  # type: ignore[attr-defined]  # not before the user allows it
    with qtbot.waitSignal(window.network_checker.checked, timeout=5000):  # type: ignore[union-attr]
        prompt.allow_button.click()
    assert window.network_checks == [1]  # type: ignore[attr-defined]


def test_refusing_the_network_keeps_the_app_offline(qtbot: QtBot, fresh_context: AppContext) -> None:
    fresh_context.consent_ledger.record(Document.PRIVACY_POLICY, fresh_context.policy.privacy_policy.version)
    window = _window(qtbot, fresh_context)
    with qtbot.waitSignal(window.permission_gate.prompt_shown, timeout=2000) as shown:
        window.start()
    with qtbot.waitSignal(window.permission_gate.resolved, timeout=2000) as resolved:
        shown.args[0].deny_button.click()
    assert resolved.args == [Trigger.APP_START, False]
    assert window.network_checks == []  # type: ignore[attr-defined]
    assert "未允许使用网络" in window.network_label.text()
    notice = window.permission_gate.refusal_notice
    assert notice is not None and "无线网络" in notice.text()


def test_a_changed_policy_is_shown_again_with_its_changes(qtbot: QtBot, fresh_context: AppContext) -> None:
    fresh_context.consent_ledger.record(Document.PRIVACY_POLICY, "0.9")
    window = _window(qtbot, fresh_context)
    window.start()
    dialog = window.consent_dialog
    assert dialog is not None and dialog.isVisible()
    assert "0.9" in dialog.intro.text()
    summary = fresh_context.policy.change_summary(fresh_context.policy.privacy_policy.version, "zh_CN")
    assert summary and summary[0] in dialog.changes.text()


def _answer_all(
    qtbot: QtBot, gate: PermissionGate, trigger: Trigger, answers: list[bool]
) -> tuple[list[PermissionSpec], bool]:
    asked: list[PermissionSpec] = []

    def on_prompt(prompt: PermissionPrompt) -> None:
        asked.append(prompt.spec)
        button = prompt.allow_button if answers[len(asked) - 1] else prompt.deny_button
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    gate.prompt_shown.connect(on_prompt)
    try:
        with qtbot.waitSignal(gate.resolved, timeout=5000) as resolved:
            gate.request(trigger)
    finally:
        gate.prompt_shown.disconnect(on_prompt)
    return asked, resolved.args[1]


@pytest.mark.parametrize(
    ("trigger", "expected"),
    [
        (Trigger.TAKE_PHOTO, [Permission.CAMERA]),
        (Trigger.START_RECORDING, [Permission.CAMERA, Permission.MICROPHONE]),
        (Trigger.START_RECORDING_FORMAL,
         [Permission.CAMERA, Permission.STORAGE_WRITE, Permission.STORAGE_READ, Permission.MICROPHONE]),
        (Trigger.REQUEST_CODE, [Permission.LOGIN_SMS]),
    ],
)
def test_each_trigger_prompts_its_permissions_and_grant_enables_it(
    qtbot: QtBot, context: AppContext, trigger: Trigger, expected: list[Permission]
) -> None:
    window = _window(qtbot, context)
    asked, allowed = _answer_all(qtbot, window.permission_gate, trigger, [True] * len(expected))
    assert [spec.permission for spec in asked] == expected
    assert allowed
    # granted: the next click goes straight through, no prompt
    asked_again, allowed_again = _answer_all(qtbot, window.permission_gate, trigger, [])
    assert asked_again == [] and allowed_again


def test_refusing_the_microphone_blocks_only_recording(qtbot: QtBot, context: AppContext) -> None:
    window = _window(qtbot, context)
    _asked, allowed = _answer_all(qtbot, window.permission_gate, Trigger.START_RECORDING, [True, False])
    assert not allowed
    notice = window.permission_gate.refusal_notice
    assert notice is not None and "麦克风" in notice.text()
    assert "设置" in notice.informativeText()
    # the camera still works for the ID photo
    _, photo_allowed = _answer_all(qtbot, window.permission_gate, Trigger.TAKE_PHOTO, [])
    assert photo_allowed
    # never nags again in this session: no prompt, still blocked
    asked_again, allowed_again = _answer_all(qtbot, window.permission_gate, Trigger.START_RECORDING, [])
    assert asked_again == [] and not allowed_again


def test_an_os_refusal_is_explained_with_how_to_fix_it(qtbot: QtBot, context: AppContext) -> None:
    window = _window(qtbot, context, os_permissions=DenyingOs())
    _asked, allowed = _answer_all(qtbot, window.permission_gate, Trigger.TAKE_PHOTO, [True])
    assert not allowed
    assert context.permissions.decision(Permission.CAMERA) is Decision.REFUSED
    notice = window.permission_gate.refusal_notice
    assert notice is not None and "系统设置" in notice.informativeText()


def test_settings_review_and_revoke(qtbot: QtBot, context: AppContext) -> None:
    window = _window(qtbot, context)
    _answer_all(qtbot, window.permission_gate, Trigger.TAKE_PHOTO, [True])
    window.show_page(window.pages.index(window.settings_page))
    _name, state, button = window.settings_page.permission_rows[Permission.CAMERA]
    assert state.text() == "已允许"
    button.click()  # revoke
    assert context.permissions.decision(Permission.CAMERA) is Decision.REFUSED
    assert state.text() == "本次已拒绝"
    _, allowed = _answer_all(qtbot, window.permission_gate, Trigger.TAKE_PHOTO, [])
    assert not allowed  # the feature is off until allowed again
    button.click()  # allow again from Settings
    _, allowed = _answer_all(qtbot, window.permission_gate, Trigger.TAKE_PHOTO, [])
    assert allowed
