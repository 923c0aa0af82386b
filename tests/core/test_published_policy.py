"""A policy the platform publishes: discovered by the health check, fetched, kept, and newer wins."""

from __future__ import annotations

from pathlib import Path

import pytest

from artreview_desktop.core.appcontext import AppContext
from artreview_desktop.core.network import check_platform
from artreview_desktop.core.paths import AppPaths
from artreview_desktop.core.platform.client import PlatformClient
from artreview_desktop.core.platform.tokens import MemoryTokenStore
from artreview_desktop.core.privacy.consent import Document
from artreview_desktop.core.privacy.policy import PlatformPolicyStore, is_newer, release_is_newer
from artreview_desktop.core.settings import Settings, SettingsStore
from artreview_platform.embedded import EmbeddedPlatform
from artreview_platform.policy_texts import PolicyRelease, bundled_release


def new_release(version: str = "1.1", children_version: str | None = None) -> PolicyRelease:
    base = bundled_release()
    texts = {doc: {lang: f"# {version} {doc} {lang}\n\n{text}" for lang, text in by_lang.items()}
             for doc, by_lang in base.texts.items()}
    return PolicyRelease({"privacy_policy": version, "children_statement": children_version or version}, "2027-01-01",
                         texts,
                         {"zh_CN": [f"第 {version} 版：新增了人脸照片的保存期限说明。"],
                          "en": [f"Version {version}: how long face photos are kept."]})


def _context(paths: AppPaths) -> AppContext:
    return AppContext(paths=paths, settings_store=SettingsStore(paths.settings_file), settings=Settings())


@pytest.mark.parametrize(("a", "b", "newer"), [("1.1", "1.0", True), ("1.10", "1.9", True), ("1.0", "1.0", False),
                                              ("0.9", "1.0", False), ("2026-b", "2026-a", True)])
def test_versions_are_ordered_as_numbers_when_they_are(a: str, b: str, newer: bool) -> None:
    assert is_newer(a, b) is newer


def test_health_reports_the_published_version(demo_platform: EmbeddedPlatform) -> None:
    assert check_platform(demo_platform.api_url).policy_version == bundled_release().versions["privacy_policy"]
    demo_platform.publish_policy(new_release("1.1"))
    assert check_platform(demo_platform.api_url).policy_version == "1.1"


def test_a_published_policy_is_fetched_and_outranks_the_bundled_one(
    demo_platform: EmbeddedPlatform, app_paths: AppPaths
) -> None:
    context = _context(app_paths)
    bundled = context.policy.privacy_policy.version
    context.consent_ledger.record(Document.PRIVACY_POLICY, bundled)
    assert context.has_current_consent()

    demo_platform.publish_policy(new_release("1.1"))
    client = PlatformClient(demo_platform.api_url, MemoryTokenStore())
    fetched = context.published_policy.fetch(client)
    assert fetched.privacy_policy.version == "1.1"
    context.reload_policy()
    assert context.policy.privacy_policy.version == "1.1"
    assert context.policy.privacy_policy.text("en").startswith("# 1.1 privacy_policy en")
    assert context.policy.children_statement.text("zh_CN").startswith("# 1.1 children_statement zh_CN")
    assert context.policy.change_summary("1.1", "en") == ["Version 1.1: how long face photos are kept."]
    assert not context.has_current_consent()

    # The next start knows it before any network: the new policy is asked for first, even offline.
    demo_platform.stop()
    restarted = _context(app_paths)
    assert restarted.policy.privacy_policy.version == "1.1"
    assert not restarted.has_current_consent()


def test_an_app_bundling_a_newer_policy_ignores_an_older_published_one(
    demo_platform: EmbeddedPlatform, app_paths: AppPaths
) -> None:
    demo_platform.publish_policy(new_release("0.5"))
    context = _context(app_paths)
    context.published_policy.fetch(PlatformClient(demo_platform.api_url, MemoryTokenStore()))
    context.reload_policy()
    assert context.policy.privacy_policy.version == bundled_release().versions["privacy_policy"]


def test_a_second_fetch_replaces_the_first_and_leaves_one_version(
    demo_platform: EmbeddedPlatform, tmp_path: Path
) -> None:
    store = PlatformPolicyStore(tmp_path / "published")
    client = PlatformClient(demo_platform.api_url, MemoryTokenStore())
    demo_platform.publish_policy(new_release("1.1"))
    store.fetch(client)
    demo_platform.publish_policy(new_release("1.2"))
    store.fetch(client)
    loaded = store.load()
    assert loaded is not None and loaded.privacy_policy.version == "1.2"
    assert sorted(p.name for p in (tmp_path / "published").iterdir() if p.is_dir()) == ["v1.2-c1.2"]


def test_an_unreadable_store_falls_back_to_the_bundle(tmp_path: Path) -> None:
    store = PlatformPolicyStore(tmp_path / "published")
    assert store.load() is None
    (tmp_path / "published").mkdir()
    (tmp_path / "published" / "current.json").write_text('{"folder": "v9"}', "utf-8")  # points at nothing
    assert store.load() is None


def test_a_hostile_version_string_is_refused(demo_platform: EmbeddedPlatform, tmp_path: Path) -> None:
    demo_platform.publish_policy(new_release("../../x"))
    store = PlatformPolicyStore(tmp_path / "published")
    with pytest.raises(ValueError, match="unusable"):
        store.fetch(PlatformClient(demo_platform.api_url, MemoryTokenStore()))
    assert not (tmp_path / "x").exists() and store.load() is None


def test_a_new_children_s_statement_alone_is_noticed_and_asked_for_again(
    demo_platform: EmbeddedPlatform, app_paths: AppPaths
) -> None:
    context = _context(app_paths)
    bundled = context.policy
    context.consent_ledger.record(Document.PRIVACY_POLICY, bundled.privacy_policy.version)
    context.consent_ledger.record(Document.CHILDREN_STATEMENT, bundled.children_statement.version)
    assert context.has_current_consent()
    demo_platform.publish_policy(new_release(bundled.privacy_policy.version, children_version="1.1"))
    status = check_platform(demo_platform.api_url)
    assert status.children_policy_version == "1.1"
    assert release_is_newer(status.policy_version, status.children_policy_version, context.policy)
    context.published_policy.fetch(PlatformClient(demo_platform.api_url, MemoryTokenStore()))
    context.reload_policy()
    assert context.policy.children_statement.version == "1.1"
    assert not context.has_current_consent()  # the new statement is read and agreed to first
    context.consent_ledger.record(Document.CHILDREN_STATEMENT, "1.1")
    assert context.has_current_consent()
