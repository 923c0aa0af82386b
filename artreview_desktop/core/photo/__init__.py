"""The standard ID photo (标准证件照): load, detect, place by the spec, check, replace the background,
export; and the private workspace that is wiped when the page is left. Qt-free."""

from artreview_desktop.core.photo.checks import Check
from artreview_desktop.core.photo.detect import Face, FaceDetector
from artreview_desktop.core.photo.errors import PhotoError, Reason
from artreview_desktop.core.photo.export import Encoded, encode_jpeg
from artreview_desktop.core.photo.geometry import Adjustment, Placement
from artreview_desktop.core.photo.live import Guide, LiveReport, analyse_frame, clamp_adjustment, guide_for
from artreview_desktop.core.photo.loading import decode_image, read_image_file
from artreview_desktop.core.photo.pipeline import Analysis, IdPhoto, PhotoMaker
from artreview_desktop.core.photo.segment import PersonSegmenter
from artreview_desktop.core.photo.specs import BUILTIN_SPECS, COLOURS, PhotoSpec, SpecError, get_spec, spec_from_dict
from artreview_desktop.core.photo.workspace import PhotoWorkspace, sweep_stale_sessions

__all__ = [
    "BUILTIN_SPECS",
    "COLOURS",
    "Adjustment",
    "Analysis",
    "Check",
    "Encoded",
    "Face",
    "FaceDetector",
    "Guide",
    "IdPhoto",
    "LiveReport",
    "PersonSegmenter",
    "PhotoError",
    "PhotoMaker",
    "PhotoSpec",
    "PhotoWorkspace",
    "Placement",
    "Reason",
    "SpecError",
    "analyse_frame",
    "clamp_adjustment",
    "decode_image",
    "encode_jpeg",
    "get_spec",
    "guide_for",
    "read_image_file",
    "spec_from_dict",
    "sweep_stale_sessions",
]
