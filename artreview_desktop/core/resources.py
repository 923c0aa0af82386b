"""Locating the bundled resources (translations, policy texts, models, licences)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

RESOURCES_ENV = "ARTREVIEW_RESOURCES"


def resources_dir() -> Path:
    """The `resources/` folder: an override, a PyInstaller bundle, or the source tree."""
    override = os.environ.get(RESOURCES_ENV)
    if override:
        return Path(override)
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
