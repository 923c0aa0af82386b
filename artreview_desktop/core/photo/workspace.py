"""Where the ID-photo feature may write, and how it is wiped.

Photos live in memory. What must be a file (the finished photo waiting for upload, a camera
capture) goes into one private folder per session (0700) under `AppPaths.private_tmp_dir`; the
folder is overwritten and removed when the page is left, when the app exits (atexit), and, after a
crash, by `sweep_stale_sessions()` at the next start.
"""

from __future__ import annotations

import atexit
import logging
import os
import threading
import uuid
import weakref
from pathlib import Path

import psutil

from artreview_desktop.core.paths import AppPaths
from artreview_desktop.core.privacy.deletion import overwrite_and_unlink, wipe_tree

log = logging.getLogger(__name__)

SESSION_PREFIX = "id-photo-"
_OWNER_FILE = "owner"
_live: weakref.WeakSet[PhotoWorkspace] = weakref.WeakSet()
_live_lock = threading.Lock()


def _process_started(pid: int) -> float | None:
    try:
        return psutil.Process(pid).create_time()
    except (psutil.NoSuchProcess, psutil.AccessDenied):
        return None


class PhotoWorkspace:
    """One session's private folder; created on first write, wiped by `clear()`."""

    def __init__(self, paths: AppPaths) -> None:
        self._root = paths.private_tmp_dir
        self._folder: Path | None = None
        with _live_lock:
            _live.add(self)

    @property
    def folder(self) -> Path | None:
        return self._folder

    def _ensure(self) -> Path:
        if self._folder is None:
            self._root.mkdir(parents=True, exist_ok=True, mode=0o700)
            folder = self._root / f"{SESSION_PREFIX}{os.getpid()}-{uuid.uuid4().hex[:12]}"
            folder.mkdir(mode=0o700)
            os.chmod(folder, 0o700)
            started = _process_started(os.getpid())
            (folder / _OWNER_FILE).write_text(f"{os.getpid()} {started or 0.0}\n", encoding="ascii")
            self._folder = folder
        return self._folder

    def write(self, name: str, data: bytes) -> Path:
        """Write a file readable only by this user; returns its path."""
        if "/" in name or "\\" in name or name in ("", ".", "..", _OWNER_FILE):
            raise ValueError(f"bad file name {name!r}")
        path = self._ensure() / name
        if path.exists():
            overwrite_and_unlink(path)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        return path

    def clear(self) -> int:
        """Overwrite and remove everything written; returns how many files were removed."""
        folder, self._folder = self._folder, None
        if folder is None:
            return 0
        removed = wipe_tree(folder, remove_folder=True)
        log.info("ID-photo workspace wiped (%d files)", removed)
        return removed


def _owner_alive(folder: Path) -> bool:
    try:
        pid_text, started_text = (folder / _OWNER_FILE).read_text(encoding="ascii").split()
        pid, started = int(pid_text), float(started_text)
    except (OSError, ValueError):
        return False
    if pid == os.getpid():
        return any(w.folder == folder for w in list(_live))
    now_started = _process_started(pid)
    return now_started is not None and abs(now_started - started) < 1.0


def sweep_stale_sessions(paths: AppPaths) -> int:
    """Wipe the photo folders of sessions whose process is gone (a crash). Call at start-up.

    Returns how many files were removed. A session of a still-running app is left alone.
    """
    root = paths.private_tmp_dir
    if not root.is_dir():
        return 0
    removed = 0
    for folder in root.glob(f"{SESSION_PREFIX}*"):
        if folder.is_dir() and not _owner_alive(folder):
            removed += wipe_tree(folder, remove_folder=True)
    if removed:
        log.info("removed %d ID-photo files left by an earlier session", removed)
    return removed


@atexit.register
def _clear_all_at_exit() -> None:
    with _live_lock:
        workspaces = list(_live)
    for workspace in workspaces:
        workspace.clear()
