"""The bundled privacy policy and children's statement: versions, texts, change summaries."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from artreview_desktop.core.privacy.consent import Document


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
