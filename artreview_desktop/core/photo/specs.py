"""ID-photo specifications as data: pixel size, DPI, head-size and position rules, background, KB range.

Every rule is stored in output pixels, whatever unit the source gave (mm + dpi, or a fraction), so
geometry and verification share one scale. Exams can supply their own spec as a dict
(`spec_from_dict`), because published sizes disagree (二寸 is 413×579 or 413×626, ENGINEERING.md §6).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from artreview_desktop.core.textmarks import QT_TRANSLATE_NOOP

MM_PER_INCH = 25.4
Range = tuple[float | None, float | None]

#: Named background colours (BGR, as OpenCV stores pixels).
COLOURS: dict[str, tuple[int, int, int]] = {
    "white": (255, 255, 255),
    "blue": (219, 142, 67),  # 证件蓝 #438EDB
    "red": (0, 0, 255),
    "grey": (240, 240, 240),
}
COLOUR_LABELS: dict[str, str] = {
    "white": QT_TRANSLATE_NOOP("IdPhoto", "白色"),
    "blue": QT_TRANSLATE_NOOP("IdPhoto", "蓝色"),
    "red": QT_TRANSLATE_NOOP("IdPhoto", "红色"),
    "grey": QT_TRANSLATE_NOOP("IdPhoto", "浅灰色"),
}


class SpecError(ValueError):
    """An exam-supplied spec that cannot be used (missing or impossible values)."""


@dataclass(frozen=True)
class PhotoSpec:
    """One ID-photo standard. All lengths are output pixels; a `None` bound is open."""

    name: str
    label: str  # Chinese, translated in context "IdPhoto"
    width: int
    height: int
    dpi: int = 300
    face_width: Range = (None, None)  # detector face width (cheek to cheek)
    head_height: Range = (None, None)  # crown (hair included) to chin
    crown_gap: Range = (None, None)  # crown to the top edge
    eyes_above_bottom_min: float | None = None
    chin_above_bottom_min: float | None = None
    centre_tolerance: float = 0.04  # face centre may be off the middle by this share of the width
    background: str = "white"
    background_bgr: tuple[int, int, int] = (255, 255, 255)
    kb_range: Range = (None, None)
    extra: Mapping[str, Any] = field(default_factory=dict)

    @property
    def size_text(self) -> str:
        mm_w = self.width / self.dpi * MM_PER_INCH
        mm_h = self.height / self.dpi * MM_PER_INCH
        return f"{self.width}x{self.height} px ({mm_w:.0f}x{mm_h:.0f} mm @ {self.dpi} dpi)"

    def target_head_height(self) -> float:
        low, high = self.head_height
        if low is not None and high is not None:
            return (low + high) / 2
        return 0.62 * self.height

    def target_crown_gap(self) -> float:
        low, high = self.crown_gap
        if low is not None and high is not None:
            return (low + high) / 2
        return 0.08 * self.height


def _mm(value: float, dpi: int) -> float:
    return value / MM_PER_INCH * dpi


def _fraction_spec(name: str, label: str, width: int, height: int, dpi: int = 300) -> PhotoSpec:
    """The common sizes have no official head rules; these follow the passport's proportions, a
    little widened (head 56–70% of the height, crown gap 5–11%, chin ≥ 10% above the bottom)."""
    return PhotoSpec(
        name=name,
        label=label,
        width=width,
        height=height,
        dpi=dpi,
        head_height=(round(0.56 * height), round(0.70 * height)),
        crown_gap=(round(0.05 * height), round(0.11 * height)),
        chin_above_bottom_min=round(0.10 * height),
        kb_range=(None, 500),
    )


def _passport() -> PhotoSpec:
    dpi = 300
    return PhotoSpec(
        name="passport",
        label=QT_TRANSLATE_NOOP("IdPhoto", "护照（33×48 毫米）"),
        width=round(_mm(33, dpi)),
        height=round(_mm(48, dpi)),
        dpi=dpi,
        head_height=(round(_mm(28, dpi)), round(_mm(33, dpi))),
        crown_gap=(round(_mm(3, dpi)), round(_mm(5, dpi))),
        chin_above_bottom_min=round(_mm(7, dpi)),
        kb_range=(None, 500),
    )


BUILTIN_SPECS: dict[str, PhotoSpec] = {
    spec.name: spec
    for spec in (
        PhotoSpec(
            name="id-card",
            label=QT_TRANSLATE_NOOP("IdPhoto", "居民身份证（GA 461）"),
            width=358,
            height=441,
            dpi=350,
            face_width=(193, 221),
            crown_gap=(7, 21),
            eyes_above_bottom_min=207,
            kb_range=(None, 500),  # GA 461 sets no file size; exams that do bring their own spec
        ),
        _fraction_spec("1-inch", QT_TRANSLATE_NOOP("IdPhoto", "一寸"), 295, 413),
        _fraction_spec("2-inch", QT_TRANSLATE_NOOP("IdPhoto", "二寸（413×579）"), 413, 579),
        _fraction_spec("2-inch-626", QT_TRANSLATE_NOOP("IdPhoto", "二寸（413×626）"), 413, 626),
        _fraction_spec("small-2-inch", QT_TRANSLATE_NOOP("IdPhoto", "小二寸"), 413, 531),
        _fraction_spec("large-1-inch", QT_TRANSLATE_NOOP("IdPhoto", "大一寸"), 390, 567),
        _passport(),
    )
}


def get_spec(name: str) -> PhotoSpec:
    try:
        return BUILTIN_SPECS[name]
    except KeyError:
        raise SpecError(f"unknown spec {name!r}; known: {', '.join(BUILTIN_SPECS)}") from None


def _number(data: Mapping[str, Any], key: str, default: float | None = None) -> float | None:
    value = data.get(key, default)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        raise SpecError(f"{key} must be a non-negative number, not {value!r}")
    return float(value)


def _range(data: Mapping[str, Any], key: str, scale: float) -> Range:
    value = data.get(key)
    if value is None:
        return (None, None)
    if not isinstance(value, list | tuple) or len(value) != 2:
        raise SpecError(f"{key} must be [min, max]")
    low, high = (None if v is None else _number({key: v}, key) for v in value)
    if low is not None and high is not None and low > high:
        raise SpecError(f"{key}: min {low} is above max {high}")
    return (None if low is None else low * scale, None if high is None else high * scale)


def parse_colour(text: str) -> tuple[int, int, int]:
    """A named colour or #RRGGBB, as BGR."""
    if text in COLOURS:
        return COLOURS[text]
    hex_text = text.lstrip("#")
    if len(hex_text) == 6:
        try:
            r, g, b = (int(hex_text[i : i + 2], 16) for i in (0, 2, 4))
        except ValueError:
            pass
        else:
            return (b, g, r)
    raise SpecError(f"unknown colour {text!r}: use {', '.join(COLOURS)} or #RRGGBB")


def spec_from_dict(data: Mapping[str, Any]) -> PhotoSpec:
    """An exam's own spec, e.g. ``{"name": "exam", "unit": "mm", "width": 35, "height": 49, "dpi": 300,
    "head_height": [28, 33], "crown_gap": [3, 5], "background": "blue", "kb": [20, 80]}``.

    `unit` ("px" or "mm") applies to sizes and head rules; `kb` is the file-size range.
    """
    unit = data.get("unit", "px")
    if unit not in ("px", "mm"):
        raise SpecError("unit must be 'px' or 'mm'")
    dpi_value = _number(data, "dpi", 300)
    dpi = int(dpi_value or 0)
    if not 72 <= dpi <= 1200:
        raise SpecError("dpi must be between 72 and 1200")
    scale = dpi / MM_PER_INCH if unit == "mm" else 1.0
    width_value, height_value = _number(data, "width"), _number(data, "height")
    if width_value is None or height_value is None:
        raise SpecError("width and height are required")
    width, height = round(width_value * scale), round(height_value * scale)
    if not (64 <= width <= 4000 and 64 <= height <= 4000):
        raise SpecError(f"size {width}x{height} px is out of range (64..4000)")
    background = str(data.get("background", "white"))
    eyes = _number(data, "eyes_above_bottom_min")
    chin = _number(data, "chin_above_bottom_min")
    spec = PhotoSpec(
        name=str(data.get("name", "exam")),
        label=str(data.get("label", data.get("name", "exam"))),
        width=width,
        height=height,
        dpi=dpi,
        face_width=_range(data, "face_width", scale),
        head_height=_range(data, "head_height", scale),
        crown_gap=_range(data, "crown_gap", scale),
        eyes_above_bottom_min=None if eyes is None else eyes * scale,
        chin_above_bottom_min=None if chin is None else chin * scale,
        background=background,
        background_bgr=parse_colour(background),
        kb_range=_range(data, "kb", 1.0),
    )
    if spec.face_width == (None, None) and spec.head_height == (None, None):
        fallback = _fraction_spec(spec.name, spec.label, width, height, dpi)
        spec = PhotoSpec(**{**spec.__dict__, "head_height": fallback.head_height})
    return spec
