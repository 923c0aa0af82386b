"""The privacy texts the reference platform publishes.

It starts with the same versioned files the app bundles, so that a demo platform and the app agree
on the current version; `publish` replaces them (tests and operators use it to roll out a new
version, which every client must show and have accepted again before any processing).
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from typing import Any

from artreview_desktop.core.resources import resource

DOCUMENTS = ("privacy_policy", "children_statement")
LANGUAGES = ("zh_CN", "en")


@dataclass(frozen=True)
class PolicyRelease:
    """One published version of both documents: versions, texts per language, change summaries."""

    versions: dict[str, str]
    effective: str
    texts: dict[str, dict[str, str]]  # document -> language -> markdown
    changes: dict[str, list[str]] = field(default_factory=dict)  # language -> summary lines

    def text(self, document: str, language: str) -> str:
        by_language = self.texts[document]
        return by_language.get(language) or by_language["zh_CN"]


def bundled_release() -> PolicyRelease:
    meta: dict[str, Any] = json.loads(resource("policy", "policy.json").read_text(encoding="utf-8"))
    texts = {doc: {lang: resource("policy", name).read_text(encoding="utf-8")
                   for lang, name in meta[doc]["files"].items()} for doc in DOCUMENTS}
    version = str(meta["privacy_policy"]["version"])
    return PolicyRelease({doc: str(meta[doc]["version"]) for doc in DOCUMENTS},
                         str(meta["privacy_policy"]["effective"]), texts,
                         {lang: list(lines) for lang, lines in meta.get("changes", {}).get(version, {}).items()})


class PolicyPublisher:
    """The current release, swapped atomically so a reader never sees half of a new version."""

    def __init__(self, release: PolicyRelease | None = None) -> None:
        self._lock = threading.Lock()
        self._release = release or bundled_release()

    @property
    def current(self) -> PolicyRelease:
        with self._lock:
            return self._release

    def publish(self, release: PolicyRelease) -> None:
        missing = [doc for doc in DOCUMENTS if "zh_CN" not in release.texts.get(doc, {})]
        if missing or set(release.versions) != set(DOCUMENTS):
            raise ValueError(f"a policy release needs both documents with a Chinese text (missing: {missing})")
        with self._lock:
            self._release = release
