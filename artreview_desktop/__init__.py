"""ArtReview Desktop (艺术评价): record art-grading exams and upload them."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("artreview-desktop")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"

APP_NAME = "ArtReview"
APP_ORG = "ArtReview"
