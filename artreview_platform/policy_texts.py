"""The privacy texts the reference platform publishes: the same versioned files the app bundles,
so that a demo platform and the app agree on the current version."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from artreview_desktop.core.resources import resource

DOCUMENTS = ("privacy_policy", "children_statement")
LANGUAGES = ("zh_CN", "en")


@lru_cache(maxsize=1)
def _meta() -> dict[str, Any]:
    meta: dict[str, Any] = json.loads(resource("policy", "policy.json").read_text(encoding="utf-8"))
    return meta


def version(document: str = "privacy_policy") -> str:
    return str(_meta()[document]["version"])


def effective(document: str = "privacy_policy") -> str:
    return str(_meta()[document]["effective"])


def text(document: str, language: str) -> str:
    files = _meta()[document]["files"]
    path: Path = resource("policy", files.get(language, files["zh_CN"]))
    return path.read_text(encoding="utf-8")
