"""The six permissions of the privacy policy, as one table, and the user's decisions.

Each permission is asked at the moment its trigger happens (never up front), states its purpose,
and its refusal disables only the features that need it. A grant is remembered across sessions;
a refusal is remembered for the rest of the session (the app never nags twice), and the next
session asks again at the trigger. Every decision can be reviewed and changed in Settings.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from artreview_desktop.core.fileutil import atomic_write_json
from artreview_desktop.core.textmarks import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)
CONTEXT = "Permissions"


class Permission(Enum):
    NETWORK = "network"
    CAMERA = "camera"
    STORAGE_WRITE = "storage_write"
    STORAGE_READ = "storage_read"
    MICROPHONE = "microphone"
    LOGIN_SMS = "login_sms"


class Trigger(Enum):
    APP_START = "app_start"  # the program starts: the network state is checked
    TAKE_PHOTO = "take_photo"  # "拍照" is clicked
    START_RECORDING = "start_recording"  # "开始录制/再次录制" is clicked (practice or formal)
    START_RECORDING_FORMAL = "start_recording_formal"  # the same click, in the formal exam
    REQUEST_CODE = "request_code"  # a verification code is requested


@dataclass(frozen=True)
class PermissionSpec:
    permission: Permission
    name: str  # Chinese, translated by the UI in CONTEXT
    features: str
    purpose: str
    when_asked: str
    triggers: frozenset[Trigger]
    os_level: bool  # the OS has its own permission for it (camera, microphone on macOS/Windows)


PERMISSION_TABLE: tuple[PermissionSpec, ...] = (
    PermissionSpec(
        Permission.NETWORK,
        QT_TRANSLATE_NOOP("Permissions", "无线网络"),
        QT_TRANSLATE_NOOP("Permissions", "全部功能"),
        QT_TRANSLATE_NOOP("Permissions", "连接考试平台和上传服务：登录、获取考试、上传录制文件。"),
        QT_TRANSLATE_NOOP("Permissions", "程序启动时检测网络状态"),
        frozenset({Trigger.APP_START}),
        False,
    ),
    PermissionSpec(
        Permission.CAMERA,
        QT_TRANSLATE_NOOP("Permissions", "相机"),
        QT_TRANSLATE_NOOP("Permissions", "标准证件照、考级视频录制"),
        QT_TRANSLATE_NOOP("Permissions", "拍摄标准证件照，录制考生视频。"),
        QT_TRANSLATE_NOOP("Permissions", "点击“拍照”时"),
        frozenset({Trigger.TAKE_PHOTO, Trigger.START_RECORDING, Trigger.START_RECORDING_FORMAL}),
        True,
    ),
    PermissionSpec(
        Permission.STORAGE_WRITE,
        QT_TRANSLATE_NOOP("Permissions", "写入存储"),
        QT_TRANSLATE_NOOP("Permissions", "考级视频录制"),
        QT_TRANSLATE_NOOP("Permissions", "把录制的考级视频保存到您选择的存储位置。"),
        QT_TRANSLATE_NOOP("Permissions", "正式考试中点击“开始录制/再次录制”时"),
        frozenset({Trigger.START_RECORDING_FORMAL}),
        False,
    ),
    PermissionSpec(
        Permission.STORAGE_READ,
        QT_TRANSLATE_NOOP("Permissions", "读取存储"),
        QT_TRANSLATE_NOOP("Permissions", "考级视频录制"),
        QT_TRANSLATE_NOOP("Permissions", "读取录制好的视频文件，用于回放检查和上传。"),
        QT_TRANSLATE_NOOP("Permissions", "正式考试中点击“开始录制/再次录制”时"),
        frozenset({Trigger.START_RECORDING_FORMAL}),
        False,
    ),
    PermissionSpec(
        Permission.MICROPHONE,
        QT_TRANSLATE_NOOP("Permissions", "麦克风"),
        QT_TRANSLATE_NOOP("Permissions", "考级视频录制"),
        QT_TRANSLATE_NOOP("Permissions", "录制考级视频的声音，并进行语音交互。"),
        QT_TRANSLATE_NOOP("Permissions", "点击“开始录制/再次录制”时"),
        frozenset({Trigger.START_RECORDING, Trigger.START_RECORDING_FORMAL}),
        True,
    ),
    PermissionSpec(
        Permission.LOGIN_SMS,
        QT_TRANSLATE_NOOP("Permissions", "登录"),
        QT_TRANSLATE_NOOP("Permissions", "获取验证码"),
        QT_TRANSLATE_NOOP("Permissions", "向您的手机号发送验证码，以验证身份。"),
        QT_TRANSLATE_NOOP("Permissions", "获取验证码时"),
        frozenset({Trigger.REQUEST_CODE}),
        False,
    ),
)


def spec(permission: Permission) -> PermissionSpec:
    return next(row for row in PERMISSION_TABLE if row.permission is permission)


def permissions_for(trigger: Trigger) -> list[PermissionSpec]:
    """The permissions to ask, in table order, when `trigger` happens."""
    return [row for row in PERMISSION_TABLE if trigger in row.triggers]


class Decision(Enum):
    NOT_ASKED = "not_asked"
    GRANTED = "granted"
    REFUSED = "refused"  # for this session


class PermissionDecisions:
    """The user's decisions: grants persist in `path`; refusals last for this session only."""

    def __init__(self, path: Path, clock: Callable[[], float] = time.time) -> None:
        self.path = Path(path)
        self._clock = clock
        self._granted: dict[Permission, float] = {}
        self._refused_this_session: set[Permission] = set()
        self._load()

    def _load(self) -> None:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return
        except (OSError, ValueError):
            log.warning("permission decisions unreadable; every permission will be asked again")
            return
        for name, when in raw.get("granted", {}).items() if isinstance(raw, dict) else ():
            try:
                self._granted[Permission(name)] = float(when)
            except (ValueError, TypeError):
                continue

    def _save(self) -> None:
        atomic_write_json(self.path, {"granted": {p.value: t for p, t in self._granted.items()}})

    def decision(self, permission: Permission) -> Decision:
        if permission in self._granted:
            return Decision.GRANTED
        if permission in self._refused_this_session:
            return Decision.REFUSED
        return Decision.NOT_ASKED

    def pending(self, trigger: Trigger) -> list[PermissionSpec]:
        """The permissions still to ask at `trigger` (neither granted nor refused this session)."""
        return [row for row in permissions_for(trigger) if self.decision(row.permission) is Decision.NOT_ASKED]

    def allowed(self, trigger: Trigger) -> bool:
        """True when every permission the trigger needs is granted."""
        return all(self.decision(row.permission) is Decision.GRANTED for row in permissions_for(trigger))

    def refused(self, trigger: Trigger) -> list[PermissionSpec]:
        return [row for row in permissions_for(trigger) if self.decision(row.permission) is Decision.REFUSED]

    def grant(self, permission: Permission) -> None:
        self._refused_this_session.discard(permission)
        self._granted[permission] = self._clock()
        self._save()

    def refuse(self, permission: Permission) -> None:
        """Refuse (or revoke): the feature is off, and the app does not ask again this session."""
        self._refused_this_session.add(permission)
        if self._granted.pop(permission, None) is not None:
            self._save()

    def reset(self, permission: Permission) -> None:
        """Back to 'not asked': the prompt appears again at the next trigger."""
        self._refused_this_session.discard(permission)
        if self._granted.pop(permission, None) is not None:
            self._save()

    def wipe(self) -> None:
        self._granted.clear()
        self._refused_this_session.clear()
        self.path.unlink(missing_ok=True)
