"""Fixtures for update and crash-report tests: the reference platform, trusted keys, a test installer."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

from artreview_desktop.core.appcontext import AppContext
from artreview_desktop.core.paths import AppPaths
from artreview_desktop.core.platform.client import PlatformClient
from artreview_desktop.core.platform.tokens import MemoryTokenStore
from artreview_desktop.core.resources import resource
from artreview_desktop.core.settings import Settings, SettingsStore
from artreview_desktop.core.update import TrustedKey, UpdateService, trusted_keys
from artreview_desktop.core.update_install import CommandLauncher
from artreview_platform.embedded import EmbeddedPlatform

HERE = Path(__file__).parent
CURRENT = "0.1.0"


@dataclass
class RecordingInstaller:
    """A `CommandLauncher` running record_installer.py; `record` is the JSON it writes."""

    launcher: CommandLauncher
    record: Path


@pytest.fixture
def client(demo_platform: EmbeddedPlatform) -> Iterator[PlatformClient]:
    api = PlatformClient(demo_platform.api_url, MemoryTokenStore(), retries=0)
    yield api
    api.close()


@pytest.fixture
def dev_keys() -> dict[str, TrustedKey]:
    """The keys a demo-mode app trusts (the development key included)."""
    return trusted_keys(resource("update-keys"), allow_dev=True)


@pytest.fixture
def installer(tmp_path: Path) -> RecordingInstaller:
    record = tmp_path / "installer-record.json"
    return RecordingInstaller(CommandLauncher([sys.executable, str(HERE / "record_installer.py"), str(record)]),
                              record)


@pytest.fixture
def ranges() -> list[str | None]:
    """The Range header of every download request made through `http` (a real session's hook)."""
    return []


@pytest.fixture
def http(ranges: list[str | None]) -> Iterator[requests.Session]:
    session = requests.Session()

    def remember(response: requests.Response, *args: object, **kwargs: object) -> None:
        if "/app/download/" in response.url:
            ranges.append(response.request.headers.get("Range"))

    session.hooks["response"].append(remember)
    yield session
    session.close()


@pytest.fixture
def service(client: PlatformClient, dev_keys: dict[str, TrustedKey], installer: RecordingInstaller,
            http: requests.Session, tmp_path: Path) -> UpdateService:
    return UpdateService(client, current_version=CURRENT, cache_dir=tmp_path / "cache", keys=dev_keys,
                         launcher=installer.launcher, platform="linux", session=http, retries=2)


@pytest.fixture
def no_dev_key_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ARTREVIEW_TRUST_DEV_UPDATE_KEY", raising=False)
    assert "ARTREVIEW_TRUST_DEV_UPDATE_KEY" not in os.environ


@pytest.fixture
def context(app_paths: AppPaths) -> AppContext:
    """The app's context with fresh folders and default settings (crash reports: ask)."""
    return AppContext(paths=app_paths, settings_store=SettingsStore(app_paths.settings_file), settings=Settings(),
                      api_url=None, demo=True)
