"""Wiping this machine's personal data: on account deletion and on withdrawn consent.

What goes: permission decisions, minors' records, the operation log, crash reports, the private
scratch folder (photos), and — when asked — the recordings. The consent ledger stays: it holds no
personal data, and it is the record that consent was withdrawn.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from artreview_desktop.core.paths import AppPaths
from artreview_desktop.core.privacy.deletion import overwrite_and_unlink, wipe_tree

#: Files larger than this are unlinked without overwriting (a 4 GB video would take minutes).
OVERWRITE_LIMIT = 64 * 1024 * 1024


@dataclass(frozen=True)
class WipeReport:
    files_removed: int
    recordings_removed: int


def _remove_tree(folder: Path) -> int:
    if not folder.exists():
        return 0
    count = 0
    for path in sorted(folder.rglob("*"), reverse=True):
        if path.is_file():
            if path.stat().st_size <= OVERWRITE_LIMIT:
                overwrite_and_unlink(path)
            else:
                path.unlink(missing_ok=True)
            count += 1
    shutil.rmtree(folder, ignore_errors=True)
    return count


def wipe_personal_data(paths: AppPaths, recordings: bool) -> WipeReport:
    removed = 0
    privacy = paths.data_dir / "privacy"
    removed += int(overwrite_and_unlink(privacy / "permissions.json"))
    removed += _remove_tree(paths.data_dir / "accounts")
    removed += _remove_tree(paths.data_dir / "operation-log")
    removed += _remove_tree(paths.crash_dir)
    removed += wipe_tree(paths.private_tmp_dir)
    recordings_removed = _remove_tree(paths.recordings_dir) if recordings else 0
    paths.ensure()
    return WipeReport(removed + recordings_removed, recordings_removed)


def count_recordings(paths: AppPaths) -> int:
    folder = paths.recordings_dir
    return sum(1 for p in folder.rglob("*.mp4")) if folder.exists() else 0
