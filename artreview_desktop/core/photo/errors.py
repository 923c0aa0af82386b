"""Why a photo was refused, in words the UI translates (context "IdPhoto") and the CLI prints."""

from __future__ import annotations

from enum import Enum

from artreview_desktop.core.textmarks import QT_TRANSLATE_NOOP

CONTEXT = "IdPhoto"


class Reason(Enum):
    NOT_AN_IMAGE = "not_an_image"
    CORRUPT = "corrupt"
    TOO_LARGE = "too_large"
    TOO_SMALL = "too_small"
    NO_FACE = "no_face"
    SEVERAL_FACES = "several_faces"


#: Chinese (the source language) for each reason; the English below is for logs and the CLI.
MESSAGES: dict[Reason, tuple[str, str]] = {
    Reason.NOT_AN_IMAGE: (
        QT_TRANSLATE_NOOP("IdPhoto", "这不是图片文件，请选择 JPG、PNG、WebP 或 BMP 格式的照片。"),
        "not an image: choose a JPEG, PNG, WebP or BMP photo",
    ),
    Reason.CORRUPT: (
        QT_TRANSLATE_NOOP("IdPhoto", "图片文件已损坏或不完整，请换一张照片。"),
        "the image file is damaged or incomplete (truncated)",
    ),
    Reason.TOO_LARGE: (
        QT_TRANSLATE_NOOP("IdPhoto", "图片尺寸太大，无法安全打开，请换一张较小的照片。"),
        "the image is too large to open safely (possible decompression bomb)",
    ),
    Reason.TOO_SMALL: (
        QT_TRANSLATE_NOOP("IdPhoto", "照片太小，清晰度不够做这种证件照，请用更清晰的照片或离镜头近一点。"),
        "the photo is too small for this spec",
    ),
    Reason.NO_FACE: (
        QT_TRANSLATE_NOOP("IdPhoto", "照片中没有找到人脸，请正对镜头，露出整张脸。"),
        "no face found in the photo",
    ),
    Reason.SEVERAL_FACES: (
        QT_TRANSLATE_NOOP("IdPhoto", "照片中有不止一张人脸，证件照里只能有考生一个人。"),
        "more than one face in the photo: an ID photo shows one person",
    ),
}


class PhotoError(Exception):
    """A photo that cannot become an ID photo; `message_zh` is shown (translated), `str()` is English."""

    def __init__(self, reason: Reason, detail: str = "") -> None:
        self.reason = reason
        self.message_zh, english = MESSAGES[reason]
        self.detail = detail
        super().__init__(f"{english} ({detail})" if detail else english)
