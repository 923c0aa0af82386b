"""The privacy policy and children's statement: versions, texts, change summaries.

The app bundles one version; the platform may publish a newer one, which is kept on disk in the
bundle's own layout (not personal data) so that the next start shows it before any processing,
even offline.
"""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from packaging.version import InvalidVersion, Version

from artreview_desktop.core.fileutil import atomic_write_bytes, atomic_write_json
from artreview_desktop.core.privacy.consent import Document

LANGUAGES = ("zh_CN", "en")
_SAFE_VERSION = re.compile(r"^[A-Za-z0-9._-]{1,32}$")


@dataclass(frozen=True)
class PolicyDocument:
    document: Document
    version: str
    effective: str
    files: dict[str, Path]

    def text(self, language: str) -> str:
        path = self.files.get(language) or self.files["zh_CN"]
        return path.read_text(encoding="utf-8")


@dataclass(frozen=True)
class PolicyBundle:
    privacy_policy: PolicyDocument
    children_statement: PolicyDocument
    changes: dict[str, dict[str, list[str]]]

    @classmethod
    def load(cls, folder: Path) -> PolicyBundle:
        meta: dict[str, Any] = json.loads((folder / "policy.json").read_text(encoding="utf-8"))

        def document(kind: Document) -> PolicyDocument:
            entry = meta[kind.value]
            return PolicyDocument(
                kind, str(entry["version"]), str(entry["effective"]),
                {lang: folder / name for lang, name in entry["files"].items()},
            )

        return cls(document(Document.PRIVACY_POLICY), document(Document.CHILDREN_STATEMENT), meta.get("changes", {}))

    def change_summary(self, version: str, language: str) -> list[str]:
        entry = self.changes.get(version, {})
        return list(entry.get(language) or entry.get("zh_CN") or [])


def version_key(version: str) -> tuple[int, Version | str]:
    """Order policy versions: PEP 440 numbers when they parse ("1.10" > "1.9"), else by text."""
    try:
        return (1, Version(version))
    except InvalidVersion:
        return (0, version)


def is_newer(candidate: str, than: str) -> bool:
    a, b = version_key(candidate), version_key(than)
    if a[0] != b[0]:
        return a[0] > b[0]
    return a[1] > b[1]  # type: ignore[operator]


class PolicySource(Protocol):
    """What the platform client offers (core/platform/client.py)."""

    def policy(self) -> Any: ...

    def policy_text(self, document: str, language: str) -> tuple[str, str]: ...


class PlatformPolicyStore:
    """The platform's latest published policy on disk: `current.json` points at a complete folder.

    A new version is written into its own folder first and the pointer is replaced atomically, so
    a crash leaves either the old version or the new one, never a mix.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    def load(self) -> PolicyBundle | None:
        try:
            pointer = json.loads((self.folder / "current.json").read_text("utf-8"))
            return PolicyBundle.load(self.folder / str(pointer["folder"]))
        except (OSError, ValueError, KeyError, TypeError):
            return None  # nothing fetched yet, or unreadable: the bundled policy applies

    def fetch(self, source: PolicySource) -> PolicyBundle:
        """Download both documents in every language and make them current."""
        info = source.policy()
        versions = {Document.PRIVACY_POLICY: str(info.version), Document.CHILDREN_STATEMENT: str(info.children_version)}
        if not all(_SAFE_VERSION.match(v) for v in versions.values()):
            raise ValueError(f"the platform published an unusable policy version: {versions}")
        target = self.folder / f"v{versions[Document.PRIVACY_POLICY]}-c{versions[Document.CHILDREN_STATEMENT]}"
        meta: dict[str, Any] = {"changes": {versions[Document.PRIVACY_POLICY]: dict(info.changes)}}
        for document, version in versions.items():
            files = {}
            for language in LANGUAGES:
                text_version, markdown = source.policy_text(document.value, language)
                if text_version != version:
                    raise ValueError(f"the platform changed its policy while it was read ({text_version} != {version})")
                name = f"{document.value}.{language}.md"
                atomic_write_bytes(target / name, markdown.encode("utf-8"), mode=0o644)
                files[language] = name
            meta[document.value] = {"version": version, "effective": str(info.published_at), "files": files}
        atomic_write_json(target / "policy.json", meta, mode=0o644)
        atomic_write_json(self.folder / "current.json", {"folder": target.name}, mode=0o644)
        for old in self.folder.iterdir():
            if old.is_dir() and old.name != target.name:
                shutil.rmtree(old, ignore_errors=True)
        return PolicyBundle.load(target)


def release_is_newer(privacy: str, children: str, than: PolicyBundle) -> bool:
    """A published (privacy policy, children's statement) pair is newer than `than` when the policy
    is, or when the policy is the same and the children's statement is newer ("" = not reported)."""
    if is_newer(privacy, than.privacy_policy.version):
        return True
    return privacy == than.privacy_policy.version and bool(children) and is_newer(
        children, than.children_statement.version)


def effective_policy(bundled: PolicyBundle, published: PolicyBundle | None) -> PolicyBundle:
    """The newer of the bundled policy and the platform's last published one."""
    if published is not None and release_is_newer(published.privacy_policy.version,
                                                  published.children_statement.version, bundled):
        return published
    return bundled
