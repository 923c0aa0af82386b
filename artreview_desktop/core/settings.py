"""One typed, versioned settings schema, stored as JSON in the platformdirs config folder.

Every setting is declared once, with its default and a description. Older files are migrated step
by step; a corrupt file is kept as a backup and replaced by defaults, and the caller is told so
(it never silently loses the user's settings, and never refuses to start over them).
"""

from __future__ import annotations

import json
import logging
import shutil
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields, is_dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from artreview_desktop.core.fileutil import atomic_write_json

log = logging.getLogger(__name__)

SCHEMA_VERSION = 2
LANGUAGES = ("zh_CN", "en")
PRESETS = ("auto", "ultrafast", "superfast", "veryfast", "faster")

#: Alibaba Cloud OSS regions in mainland China (the policy keeps personal data in China).
MAINLAND_CHINA_OSS_REGIONS = (
    "oss-cn-hangzhou", "oss-cn-shanghai", "oss-cn-nanjing", "oss-cn-fuzhou", "oss-cn-wuhan-lr",
    "oss-cn-qingdao", "oss-cn-beijing", "oss-cn-zhangjiakou", "oss-cn-huhehaote",
    "oss-cn-wulanchabu", "oss-cn-shenzhen", "oss-cn-heyuan", "oss-cn-guangzhou",
    "oss-cn-chengdu",
)


def _setting(default: Any, description: str, **extra: Any) -> Any:
    if isinstance(default, (list, dict)):
        return field(default_factory=lambda: type(default)(default), metadata={"doc": description, **extra})
    return field(default=default, metadata={"doc": description, **extra})


@dataclass
class GeneralSettings:
    language: str = _setting("zh_CN", "User-interface language.", choices=LANGUAGES)
    platform_url: str = _setting(
        "", "Base URL of the exam platform's API; empty means the built-in demo platform."
    )
    check_network_at_start: bool = _setting(True, "Check the platform can be reached at start-up.")
    crash_reports: str = _setting(
        "ask", "Crash reports: 'ask' before sending any to the platform, or 'never' send one.", choices=("ask", "never")
    )


@dataclass
class RecordingSettings:
    recordings_dir: str = _setting("", "Folder for recorded takes; empty means the app's data folder.")
    camera: str = _setting(
        "auto", "Camera: 'auto' (the first camera, else a demo pattern), a device index, 'demo', or a video file."
    )
    microphone: str = _setting("default", "Microphone device name, 'default', or 'none'.")
    preset: str = _setting("auto", "x264 preset; 'auto' measures this machine first.", choices=PRESETS)


@dataclass
class UploadSettings:
    threads: int = _setting(4, "Parts uploaded in parallel.", minimum=1, maximum=10)
    bandwidth_limit_kib_s: int = _setting(0, "Upload speed limit in KiB/s; 0 means no limit.", minimum=0)
    keep_uploaded_days: int = _setting(
        7, "Days a verified take is kept on disk after upload; 0 deletes it at once.", minimum=0
    )
    allowed_regions: list[str] = _setting(  # noqa: RUF009 (a field() with a default_factory)
        list(MAINLAND_CHINA_OSS_REGIONS), "OSS regions uploads may go to (data stays in China)."
    )


@dataclass
class Settings:
    general: GeneralSettings = field(default_factory=GeneralSettings)
    recording: RecordingSettings = field(default_factory=RecordingSettings)
    upload: UploadSettings = field(default_factory=UploadSettings)

    def to_json(self) -> dict[str, Any]:
        return {"schema_version": SCHEMA_VERSION, **asdict(self)}


class ProblemKind(Enum):
    CORRUPT = "corrupt"  # not JSON, or not an object: backed up, defaults used
    NEWER_VERSION = "newer_version"  # written by a newer app: backed up, known fields read
    INVALID_VALUE = "invalid_value"  # one value of the wrong type or out of range: default used
    UNREADABLE = "unreadable"  # the OS would not let us read it


@dataclass(frozen=True)
class SettingsProblem:
    kind: ProblemKind
    detail: str
    backup: Path | None = None


@dataclass
class LoadResult:
    settings: Settings
    problems: list[SettingsProblem]
    migrated_from: int | None = None


def _migrate_v1(old: dict[str, Any]) -> dict[str, Any]:
    """v1 (the first prototype) kept a flat object: lang, recordings_path, upload_threads, api."""
    language = {"zh": "zh_CN", "cn": "zh_CN", "en": "en"}.get(str(old.get("lang", "zh")), "zh_CN")
    return {
        "schema_version": 2,
        "general": {"language": language, "platform_url": old.get("api", "")},
        "recording": {"recordings_dir": old.get("recordings_path", "")},
        "upload": {"threads": old.get("upload_threads", 4)},
    }


#: MIGRATIONS[n] turns a version-n document into a version-(n+1) document.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _migrate_v1}


def _document_version(doc: dict[str, Any]) -> int:
    raw = doc.get("schema_version", doc.get("version", 1))
    return raw if isinstance(raw, int) and raw >= 1 else 1


def _coerce_section(section_type: type, raw: Any, path: str, problems: list[SettingsProblem]) -> Any:
    instance = section_type()
    if not isinstance(raw, dict):
        if raw is not None:
            problems.append(SettingsProblem(ProblemKind.INVALID_VALUE, path))
        return instance
    for f in fields(section_type):
        if f.name not in raw:
            continue
        value = raw[f.name]
        default = getattr(instance, f.name)
        if _valid(value, default, f.metadata):
            setattr(instance, f.name, list(value) if isinstance(value, list) else value)
        else:
            problems.append(SettingsProblem(ProblemKind.INVALID_VALUE, f"{path}.{f.name}"))
    return instance


def _valid(value: Any, default: Any, meta: Any) -> bool:
    if isinstance(default, bool):
        return isinstance(value, bool)
    if isinstance(default, int):
        if isinstance(value, bool) or not isinstance(value, int):
            return False
        return bool(meta.get("minimum", value) <= value <= meta.get("maximum", value))
    if isinstance(default, str):
        return isinstance(value, str) and ("choices" not in meta or value in meta["choices"])
    if isinstance(default, list):
        return isinstance(value, list) and all(isinstance(item, str) for item in value)
    return False


def settings_from_json(doc: dict[str, Any], problems: list[SettingsProblem]) -> Settings:
    settings = Settings()
    for f in fields(Settings):
        section_type = type(getattr(settings, f.name))
        assert is_dataclass(section_type)
        setattr(settings, f.name, _coerce_section(section_type, doc.get(f.name), f.name, problems))
    return settings


def describe_schema() -> list[tuple[str, Any, str]]:
    """(dotted name, default, description) for every setting: the schema's documentation."""
    rows = []
    for section in fields(Settings):
        section_type = type(getattr(Settings(), section.name))
        for f in fields(section_type):
            rows.append((f"{section.name}.{f.name}", getattr(section_type(), f.name), f.metadata["doc"]))
    return rows


class SettingsStore:
    """Loads and saves `Settings` at one path; the only code that touches the settings file."""

    def __init__(self, path: Path, clock: Callable[[], float] = time.time) -> None:
        self.path = Path(path)
        self._clock = clock

    def load(self) -> LoadResult:
        if not self.path.exists():
            return LoadResult(Settings(), [])
        try:
            text = self.path.read_text(encoding="utf-8")
        except OSError as exc:
            log.warning("settings file unreadable: %s", exc.strerror)
            return LoadResult(Settings(), [SettingsProblem(ProblemKind.UNREADABLE, str(exc.strerror))])
        except UnicodeDecodeError:
            return self._recover_corrupt("not UTF-8 text")
        try:
            doc = json.loads(text)
        except json.JSONDecodeError as exc:
            return self._recover_corrupt(f"line {exc.lineno}: {exc.msg}")
        if not isinstance(doc, dict):
            return self._recover_corrupt("not a JSON object")

        problems: list[SettingsProblem] = []
        version = _document_version(doc)
        migrated_from = None
        if version > SCHEMA_VERSION:
            backup = self._backup(f"v{version}")
            problems.append(SettingsProblem(ProblemKind.NEWER_VERSION, str(version), backup))
        elif version < SCHEMA_VERSION:
            self._backup(f"v{version}")
            migrated_from = version
            while version < SCHEMA_VERSION:
                doc = MIGRATIONS[version](doc)
                version += 1
            log.info("settings migrated from schema %d to %d", migrated_from, SCHEMA_VERSION)
        settings = settings_from_json(doc, problems)
        if migrated_from is not None:
            self.save(settings)
        return LoadResult(settings, problems, migrated_from)

    def save(self, settings: Settings) -> None:
        atomic_write_json(self.path, settings.to_json())

    def _recover_corrupt(self, why: str) -> LoadResult:
        backup = self._backup("corrupt")
        log.warning("settings file corrupt (%s); kept as %s, defaults used", why, backup.name)
        settings = Settings()
        self.save(settings)
        return LoadResult(settings, [SettingsProblem(ProblemKind.CORRUPT, why, backup)])

    def _backup(self, tag: str) -> Path:
        stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(self._clock()))
        backup = self.path.with_name(f"{self.path.name}.{tag}-{stamp}.bak")
        counter = 1
        while backup.exists():
            backup = self.path.with_name(f"{self.path.name}.{tag}-{stamp}-{counter}.bak")
            counter += 1
        shutil.copy2(self.path, backup)
        return backup
