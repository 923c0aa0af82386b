"""Handing a verified update package to the system: the installer launchers, one per OS.

Each launcher starts a detached process and returns at once, so the app can quit and let the
installer replace its files (Windows and macOS lock or cache the running app's files). Every
launcher takes a `VerifiedPackage`, which only `UpdateService` creates, after the checks.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
from collections.abc import Sequence
from pathlib import Path

from artreview_desktop.core.update import InstallerLauncher, VerifiedPackage, platform_name

# Inno Setup: no questions, no reboot, close the app if it is still up; /UPDATE relaunches it (installer.iss).
INNO_UPDATE_FLAGS = ("/SILENT", "/SUPPRESSMSGBOXES", "/NORESTART", "/CLOSEAPPLICATIONS", "/UPDATE")

# Waits for the app to exit, swaps the staged bundle in (rolling back if a rename fails), then starts it.
# Paths arrive as arguments, never pasted into the script.
SWAP_SCRIPT = r"""
pid="$1"; target="$2"; staged="$3"; staging="$4"; exe="$5"
while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
old="$target.old.$$"
mv "$target" "$old" || exit 1
if ! mv "$staged" "$target"; then mv "$old" "$target"; exit 1; fi
rm -rf "$old" "$staging"
exec "$target/$exe"
"""


def _detached(argv: Sequence[str], cwd: Path | None = None) -> subprocess.Popen[bytes]:
    """Start `argv` in its own session/process group, so it outlives the app that started it."""
    if sys.platform == "win32":
        flags = getattr(subprocess, "DETACHED_PROCESS", 0) | getattr(subprocess, "CREATE_NEW_PROCESS_GROUP", 0)
        return subprocess.Popen(list(argv), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, cwd=cwd, close_fds=True, creationflags=flags)
    return subprocess.Popen(list(argv), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, cwd=cwd, close_fds=True, start_new_session=True)


class CommandLauncher:
    """Runs `prefix + [package path]`: the generic launcher (tests give it a recording installer)."""

    def __init__(self, prefix: Sequence[str]) -> None:
        self.prefix = list(prefix)
        self.process: subprocess.Popen[bytes] | None = None

    def launch(self, package: VerifiedPackage) -> None:
        self.process = _detached([*self.prefix, str(package.path)])


class WindowsLauncher:
    def __init__(self) -> None:
        self.process: subprocess.Popen[bytes] | None = None

    def launch(self, package: VerifiedPackage) -> None:
        path = str(package.path)
        suffix = package.path.suffix.lower()
        if suffix == ".msi":
            argv = ["msiexec.exe", "/i", path, "/passive", "/norestart"]
        elif suffix in (".cmd", ".bat"):
            argv = ["cmd.exe", "/c", path]
        else:
            argv = [path, *INNO_UPDATE_FLAGS]
        self.process = _detached(argv)


class MacLauncher:
    """`open` hands a .pkg to Installer.app and mounts a .dmg, as a double-click would."""

    def __init__(self) -> None:
        self.process: subprocess.Popen[bytes] | None = None

    def launch(self, package: VerifiedPackage) -> None:
        self.process = _detached(["/usr/bin/open", str(package.path)])


class LinuxLauncher:
    """A `linux-installer` is run with sh (or directly); a `linux-bundle-tar.gz` replaces the bundle."""

    def __init__(self, install_dir: Path | None = None, app_pid: int | None = None,
                 executable: str = "artreview-desktop") -> None:
        frozen = getattr(sys, "frozen", False)
        self.install_dir = install_dir or (Path(sys.executable).resolve().parent if frozen else None)
        self.app_pid = app_pid or os.getpid()
        self.executable = executable
        self.process: subprocess.Popen[bytes] | None = None

    def launch(self, package: VerifiedPackage) -> None:
        if package.offer.app.kind == "linux-bundle-tar.gz":
            self.process = self._replace_bundle(package)
            return
        path = package.path
        if path.suffix == ".sh":
            self.process = _detached(["/bin/sh", str(path)], cwd=path.parent)
        else:
            path.chmod(0o700)
            self.process = _detached([str(path)], cwd=path.parent)

    def _replace_bundle(self, package: VerifiedPackage) -> subprocess.Popen[bytes]:
        """Unpack next to the bundle now; the swap happens after the app has exited."""
        if self.install_dir is None:
            raise OSError("not running from a bundle: there is nothing to replace")
        staging = self.install_dir.with_name(self.install_dir.name + ".update")
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir(mode=0o700)
        try:
            with tarfile.open(package.path, "r:gz") as tar:
                tar.extractall(staging, filter="data")  # no absolute paths, no '..', no device files
        except tarfile.TarError as exc:
            shutil.rmtree(staging, ignore_errors=True)
            raise OSError(f"the bundle cannot be unpacked: {type(exc).__name__}") from None
        [staged] = [p for p in staging.iterdir() if p.is_dir()] or [staging]
        if not (staged / self.executable).is_file():
            shutil.rmtree(staging, ignore_errors=True)
            raise OSError(f"the package has no {self.executable}")
        (staged / self.executable).chmod(0o755)
        return _detached(["/bin/sh", "-c", SWAP_SCRIPT, "artreview-update", str(self.app_pid),
                          str(self.install_dir), str(staged), str(staging), self.executable])


def default_launcher() -> InstallerLauncher:
    name = platform_name()
    if name == "windows":
        return WindowsLauncher()
    if name == "macos":
        return MacLauncher()
    return LinuxLauncher()
