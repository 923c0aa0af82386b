"""Settings: defaults, round trip, migration from v1, corrupt and newer files, invalid values."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from artreview_desktop.core.settings import (
    SCHEMA_VERSION,
    ProblemKind,
    Settings,
    SettingsStore,
    describe_schema,
)


def test_missing_file_gives_defaults_without_problems(settings_store: SettingsStore) -> None:
    result = settings_store.load()
    assert result.settings == Settings()
    assert result.problems == []
    assert not settings_store.path.exists()


def test_round_trip_keeps_every_value(settings_store: SettingsStore) -> None:
    settings = Settings()
    settings.general.language = "en"
    settings.upload.threads = 6
    settings.upload.allowed_regions = ["oss-cn-beijing"]
    settings.recording.preset = "veryfast"
    settings_store.save(settings)
    doc = json.loads(settings_store.path.read_text(encoding="utf-8"))
    assert doc["schema_version"] == SCHEMA_VERSION
    assert settings_store.load().settings == settings


def test_file_is_private_to_the_user(settings_store: SettingsStore) -> None:
    settings_store.save(Settings())
    assert settings_store.path.stat().st_mode & 0o077 == 0


def test_v1_file_is_migrated_and_backed_up(settings_store: SettingsStore) -> None:
    settings_store.path.parent.mkdir(parents=True, exist_ok=True)
    v1 = {"version": 1, "lang": "en", "recordings_path": "/srv/takes", "upload_threads": 3, "api": "https://x/api"}
    settings_store.path.write_text(json.dumps(v1), encoding="utf-8")

    result = settings_store.load()

    assert result.migrated_from == 1
    assert result.problems == []
    assert result.settings.general.language == "en"
    assert result.settings.general.platform_url == "https://x/api"
    assert result.settings.recording.recordings_dir == "/srv/takes"
    assert result.settings.upload.threads == 3
    saved = json.loads(settings_store.path.read_text(encoding="utf-8"))
    assert saved["schema_version"] == SCHEMA_VERSION
    backups = list(settings_store.path.parent.glob("settings.json.v1-*.bak"))
    assert len(backups) == 1
    assert json.loads(backups[0].read_text(encoding="utf-8")) == v1


@pytest.mark.parametrize(
    "content",
    [b"{not json", b"\xff\xfe garbage", b"[1, 2, 3]", b""],
    ids=["broken-json", "not-utf8", "not-an-object", "empty"],
)
def test_corrupt_file_is_kept_as_backup_and_defaults_used(settings_store: SettingsStore, content: bytes) -> None:
    settings_store.path.parent.mkdir(parents=True, exist_ok=True)
    settings_store.path.write_bytes(content)

    result = settings_store.load()

    assert result.settings == Settings()
    [problem] = result.problems
    assert problem.kind is ProblemKind.CORRUPT
    assert problem.backup is not None
    assert problem.backup.read_bytes() == content  # nothing of the user's file is lost
    assert settings_store.load().problems == []  # a valid file replaced the corrupt one


def test_newer_file_is_backed_up_and_known_fields_kept(settings_store: SettingsStore) -> None:
    settings_store.path.parent.mkdir(parents=True, exist_ok=True)
    doc = {"schema_version": SCHEMA_VERSION + 5, "general": {"language": "en", "shiny_new": True}}
    settings_store.path.write_text(json.dumps(doc), encoding="utf-8")

    result = settings_store.load()

    assert result.settings.general.language == "en"
    assert [p.kind for p in result.problems] == [ProblemKind.NEWER_VERSION]
    backup = result.problems[0].backup
    assert backup is not None
    assert json.loads(backup.read_text(encoding="utf-8")) == doc


def test_invalid_values_fall_back_to_defaults_one_by_one(settings_store: SettingsStore) -> None:
    settings_store.path.parent.mkdir(parents=True, exist_ok=True)
    doc = {
        "schema_version": SCHEMA_VERSION,
        "general": {"language": "klingon", "check_network_at_start": False},
        "upload": {"threads": 99, "keep_uploaded_days": "seven"},
        "recording": "not a section",
    }
    settings_store.path.write_text(json.dumps(doc), encoding="utf-8")

    result = settings_store.load()

    assert result.settings.general.language == "zh_CN"
    assert result.settings.general.check_network_at_start is False  # the valid value survives
    assert result.settings.upload.threads == 4
    assert result.settings.upload.keep_uploaded_days == 7
    bad = sorted(p.detail for p in result.problems)
    assert bad == ["general.language", "recording", "upload.keep_uploaded_days", "upload.threads"]


def test_atomic_save_leaves_no_temporary_files(settings_store: SettingsStore, tmp_path: Path) -> None:
    for threads in range(1, 6):
        settings = Settings()
        settings.upload.threads = threads
        settings_store.save(settings)
    assert [p.name for p in settings_store.path.parent.iterdir()] == ["settings.json"]


def test_every_setting_is_documented() -> None:
    rows = describe_schema()
    assert len(rows) >= 10
    assert all(doc and not doc.endswith(" ") for _, _, doc in rows)
