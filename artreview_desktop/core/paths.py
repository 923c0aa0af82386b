"""Where the app keeps its files.

Every folder comes from one `AppPaths` value that is passed to whoever needs it, so a test (or a
kiosk configuration) can point the whole app somewhere else. `ARTREVIEW_HOME` puts every folder
under one root; otherwise the per-OS folders come from platformdirs.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from artreview_desktop import APP_NAME, APP_ORG

HOME_ENV = "ARTREVIEW_HOME"


@dataclass(frozen=True)
class AppPaths:
    """The app's folders: settings, data (takes, queues, ledgers), logs, cache and crash reports."""

    config_dir: Path
    data_dir: Path
    log_dir: Path
    cache_dir: Path

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.json"

    @property
    def crash_dir(self) -> Path:
        return self.data_dir / "crash-reports"

    @property
    def recordings_dir(self) -> Path:
        return self.data_dir / "recordings"

    @property
    def private_tmp_dir(self) -> Path:
        """Per-user private scratch space (0700) for data that must never outlive its page."""
        return self.cache_dir / "private"

    @classmethod
    def under(cls, root: Path) -> AppPaths:
        root = Path(root)
        return cls(
            config_dir=root / "config",
            data_dir=root / "data",
            log_dir=root / "logs",
            cache_dir=root / "cache",
        )

    @classmethod
    def default(cls) -> AppPaths:
        """The folders for this user: `ARTREVIEW_HOME` if set, else the OS's conventions."""
        home = os.environ.get(HOME_ENV)
        if home:
            return cls.under(Path(home))
        dirs = platformdirs.PlatformDirs(APP_NAME, APP_ORG)
        return cls(
            config_dir=Path(dirs.user_config_dir),
            data_dir=Path(dirs.user_data_dir),
            log_dir=Path(dirs.user_log_dir),
            cache_dir=Path(dirs.user_cache_dir),
        )

    def ensure(self) -> None:
        """Create the folders, private to this user where the OS allows it."""
        for folder in (self.config_dir, self.data_dir, self.log_dir, self.cache_dir, self.crash_dir):
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        self.private_tmp_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.chmod(self.private_tmp_dir, 0o700)
