"""The device identifier sent at login: a salted hash of a stable machine id, never a raw id.

The policy says a device identifier verifies a login; on the desktop we send SHA-256 over an
app-specific salt and the OS's machine id, so the platform can recognise the device but nobody
can recover the machine id (or a MAC address or serial, which we never read) from it.
"""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
import uuid
from pathlib import Path

from artreview_desktop.core.fileutil import atomic_write_bytes

SALT = b"artreview-desktop/device-hash/v1\x00"
_FALLBACK_FILE = "install-id"


def _linux_machine_id() -> str | None:
    for path in (Path("/etc/machine-id"), Path("/var/lib/dbus/machine-id")):
        try:
            value = path.read_text("ascii").strip()
        except (OSError, UnicodeDecodeError):
            continue
        if re.fullmatch(r"[0-9a-f]{32}", value):
            return value
    return None


def _windows_machine_guid() -> str | None:
    try:
        import winreg  # type: ignore[import-not-found,unused-ignore]

        with winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE, r"SOFTWARE\Microsoft\Cryptography") as key:  # type: ignore[attr-defined,unused-ignore]
            value, _ = winreg.QueryValueEx(key, "MachineGuid")  # type: ignore[attr-defined,unused-ignore]
            return str(value)
    except (ImportError, OSError):
        return None


def _macos_platform_uuid() -> str | None:
    try:
        out = subprocess.run(["ioreg", "-rd1", "-c", "IOPlatformExpertDevice"], capture_output=True, text=True,
                             timeout=5, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    match = re.search(r'"IOPlatformUUID"\s*=\s*"([0-9A-Fa-f-]{36})"', out)
    return match.group(1) if match else None


def machine_id() -> str | None:
    """The OS's stable machine id, best effort; None where none can be read."""
    if sys.platform.startswith("linux"):
        return _linux_machine_id()
    if sys.platform == "win32":
        return _windows_machine_guid()
    if sys.platform == "darwin":
        return _macos_platform_uuid()
    return None


def install_id(data_dir: Path) -> str:
    """A random id made once per install (the fallback when the OS gives no machine id)."""
    path = data_dir / _FALLBACK_FILE
    try:
        value = path.read_text("ascii").strip()
        if re.fullmatch(r"[0-9a-f]{32}", value):
            return value
    except (OSError, UnicodeDecodeError):
        pass
    value = uuid.uuid4().hex
    atomic_write_bytes(path, value.encode("ascii"))
    return value


def device_hash(data_dir: Path, raw_machine_id: str | None = None) -> str:
    """Hex SHA-256 of salt + machine id (or the per-install id); stable for this machine and app."""
    source = raw_machine_id if raw_machine_id is not None else machine_id()
    if not source:
        source = "install:" + install_id(data_dir)
    return hashlib.sha256(SALT + source.encode("utf-8")).hexdigest()
