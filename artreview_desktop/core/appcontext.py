"""What the running app was started with, handed to the UI by constructor (no globals)."""

from __future__ import annotations

from dataclasses import dataclass, field

from artreview_desktop.core.paths import AppPaths
from artreview_desktop.core.settings import Settings, SettingsProblem, SettingsStore


@dataclass
class AppContext:
    paths: AppPaths
    settings_store: SettingsStore
    settings: Settings
    api_url: str | None = None  # None: no platform configured or started
    demo: bool = False
    kiosk: bool = False
    settings_problems: list[SettingsProblem] = field(default_factory=list)

    def save_settings(self) -> None:
        self.settings_store.save(self.settings)
