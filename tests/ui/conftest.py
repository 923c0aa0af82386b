"""Fixtures for widget tests: the app context, a language manager, and a way to type Chinese."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget

from artreview_desktop.core.appcontext import AppContext
from artreview_desktop.core.paths import AppPaths
from artreview_desktop.core.privacy.consent import Document
from artreview_desktop.core.privacy.permissions import Permission
from artreview_desktop.core.resources import resource
from artreview_desktop.core.settings import Settings, SettingsStore
from artreview_desktop.ui.i18n import LanguageManager


@pytest.fixture
def fresh_context(app_paths: AppPaths) -> AppContext:
    """A first run: no consent given, no permission decided."""
    return AppContext(
        paths=app_paths,
        settings_store=SettingsStore(app_paths.settings_file),
        settings=Settings(),
        api_url=None,
        demo=True,
    )


@pytest.fixture
def context(fresh_context: AppContext) -> AppContext:
    """A returning user: the current policy agreed to, the network allowed."""
    policy = fresh_context.policy
    fresh_context.consent_ledger.record(Document.PRIVACY_POLICY, policy.privacy_policy.version)
    fresh_context.consent_ledger.record(Document.CHILDREN_STATEMENT, policy.children_statement.version)
    fresh_context.permissions.grant(Permission.NETWORK)
    return fresh_context


@pytest.fixture
def languages(qapp: QApplication) -> Iterator[LanguageManager]:
    manager = LanguageManager(qapp, resource("i18n"))
    yield manager
    manager.apply("zh_CN")  # leave the shared QApplication in Chinese for the next test


def type_text(widget: QWidget, text: str) -> None:
    """Type any text, Chinese included, as an input method would commit it.

    `qtbot.keyClicks` aborts the process on non-ASCII text (a Qt assertion), so Chinese goes in
    as a QInputMethodEvent commit string.
    """
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QCoreApplication.sendEvent(widget, event)
